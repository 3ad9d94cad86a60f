/*
 * cli.h — the `dyad` command line: one file per subcommand (cmd_*.c).
 *
 * Each subcommand gets argv with argv[0] = its own name and returns the
 * process exit status (see EXIT_* below and `dyad --help`).
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

/* Exit statuses, documented in `dyad --help` and doc/dyad.1. */
enum {
    EXIT_OK = 0,        /* success (records may have been skipped without --strict) */
    EXIT_FAIL = 1,      /* a fatal error: unreadable dictionaries, database, ... */
    EXIT_USAGE = 2,     /* bad command-line usage */
    EXIT_SKIPPED = 3    /* --strict and at least one record was skipped */
};

int dyad_cmd_code(int argc, char **argv);
int dyad_cmd_explain(int argc, char **argv);
int dyad_cmd_validate(int argc, char **argv);
int dyad_cmd_dict(int argc, char **argv);
int dyad_cmd_ingest(int argc, char **argv);
int dyad_cmd_query(int argc, char **argv);
int dyad_cmd_series(int argc, char **argv);
int dyad_cmd_export(int argc, char **argv);
int dyad_cmd_serve(int argc, char **argv);

#endif
