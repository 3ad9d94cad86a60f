/* cmd_validate.c — `dyad validate` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_validate(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad validate: not built yet\n");
    return EXIT_FAIL;
}
