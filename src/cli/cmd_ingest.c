/* cmd_ingest.c — `dyad ingest` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_ingest(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad ingest: not built yet\n");
    return EXIT_FAIL;
}
