/*
 * main.c — `dyad`: dispatch to a subcommand (cmd_*.c).
 */
#include <stdio.h>
#include <string.h>

#include "dyad.h"
#include "cli/cli.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    { "code",     dyad_cmd_code,     "code articles (files, directories or stdin) to events on stdout" },
    { "explain",  dyad_cmd_explain,  "show step by step how a sentence is (or is not) coded" },
    { "validate", dyad_cmd_validate, "run a TABARI validation project and report passes/failures" },
    { "dict",     dyad_cmd_dict,     "check | stats | lookup: validate and inspect dictionaries" },
    { "ingest",   dyad_cmd_ingest,   "code articles and store the events in a database" },
    { "query",    dyad_cmd_query,    "list stored events matching filters" },
    { "series",   dyad_cmd_series,   "time series of stored events by day, week or month" },
    { "export",   dyad_cmd_export,   "export stored events as jsonl, csv, gdelt, phoenix or plover" },
    { "serve",    dyad_cmd_serve,    "HTTP JSON API and dashboard over a database" },
};

static void usage(FILE *out)
{
    fprintf(out,
        "usage: dyad COMMAND [OPTIONS] [ARGS]\n"
        "\n"
        "dyad turns news text into political event data (CAMEO): who did what to whom,\n"
        "when, where, and how many died.\n"
        "\n"
        "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
        "\n"
        "common options:\n"
        "  --data DIR     data directory (default: %s)\n"
        "  --dicts DIR    dictionaries directory (default: the data directory)\n"
        "  --date DATE    article date (YYYY-MM-DD) for text without a Date: header\n"
        "  -j N           code with N threads (same output, same order)\n"
        "  --strict       exit with status 3 if any record was skipped\n"
        "\n"
        "exit status:\n"
        "  0  success (bad records are reported on stderr and skipped)\n"
        "  1  fatal error (unreadable dictionaries, database, ...)\n"
        "  2  usage error\n"
        "  3  --strict was given and at least one record was skipped\n"
        "\n"
        "Run `dyad COMMAND --help` for a command's options; see also dyad(1).\n",
        dyad_default_data_dir());
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) { printf("dyad %s\n", DYAD_VERSION); return EXIT_OK; }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s' (try dyad --help)\n", cmd);
    return EXIT_USAGE;
}
