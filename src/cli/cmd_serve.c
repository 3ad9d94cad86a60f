/* cmd_serve.c — `dyad serve` (being written). */
#include <stdio.h>
#include "cli/cli.h"

int dyad_cmd_serve(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "dyad serve: not built yet\n");
    return EXIT_FAIL;
}
