/* cmd_dict.c — `dyad dict` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_dict(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad dict: not built yet\n");
    return EXIT_FAIL;
}
