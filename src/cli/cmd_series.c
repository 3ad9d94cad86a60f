/* cmd_series.c — `dyad series` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_series(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad series: not built yet\n");
    return EXIT_FAIL;
}
