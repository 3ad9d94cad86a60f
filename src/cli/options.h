/*
 * options.h — the options every dyad subcommand shares (--data, --dicts,
 * --dicts-tabari, --date, --in, --out, -j, --strict, --keep-negated,
 * --speaker-events, --help), parsed in one place so they behave the same
 * everywhere.
 *
 * A subcommand walks argv itself and offers each argument to
 * dyad_cli_common() first; dyad_cli_value() handles its own valued options
 * in the same "--name VALUE" / "--name=VALUE" forms:
 *
 *     dyad_cli_opts o; dyad_cli_opts_init(&o);
 *     for (int i = 1; i < argc; i++) {
 *         int rc = dyad_cli_common(&o, "dyad ingest", argc, argv, &i);
 *         if (rc < 0) return EXIT_USAGE;
 *         if (rc > 0) continue;
 *         if ((rc = dyad_cli_value("dyad ingest", "--db", argc, argv, &i, &db)) < 0) return EXIT_USAGE;
 *         if (rc > 0) continue;
 *         ...
 *     }
 */
#ifndef DYAD_CLI_OPTIONS_H
#define DYAD_CLI_OPTIONS_H

#include <stdio.h>
#include "dyad.h"

typedef struct dyad_cli_opts {
    const char *data_dir;       /* --data DIR */
    const char *dicts_dir;      /* --dicts DIR */
    const char *tabari_project; /* --dicts-tabari PROJECT */
    const char *date;           /* --date YYYY-MM-DD (validated) */
    const char *in;             /* --in auto|jsonl|text */
    int out;                    /* --out: a dyad_format (default JSON Lines) */
    int jobs;                   /* -j N (>= 1) */
    int strict, keep_negated, speaker_events, help;
} dyad_cli_opts;

void dyad_cli_opts_init(dyad_cli_opts *o);

/* If argv[*i] is a common option, consume it (advancing *i past its value)
 * and return 1; return 0 if it is not one; -1 after printing a usage error
 * ("PROG: ...") to stderr. */
int dyad_cli_common(dyad_cli_opts *o, const char *prog, int argc, char **argv, int *i);

/* Is argv[*i] the valued option `name` ("--name V" or "--name=V")? 1 with
 * *val set (and *i advanced), 0 if not, -1 if the value is missing (error
 * printed). */
int dyad_cli_value(const char *prog, const char *name, int argc, char **argv, int *i,
                   const char **val);

/* Help text for the common options (for a subcommand's --help). */
void dyad_cli_common_help(FILE *out);

/* The library options these command-line options ask for. */
void dyad_cli_dyad_options(const dyad_cli_opts *o, dyad_options *d);

#endif
