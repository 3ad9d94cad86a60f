/* cmd_query.c — `dyad query` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_query(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad query: not built yet\n");
    return EXIT_FAIL;
}
