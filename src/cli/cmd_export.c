/* cmd_export.c — `dyad export` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_export(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad export: not built yet\n");
    return EXIT_FAIL;
}
