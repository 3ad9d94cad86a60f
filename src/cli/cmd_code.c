/* cmd_code.c — `dyad code` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_code(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad code: not built yet\n");
    return EXIT_FAIL;
}
