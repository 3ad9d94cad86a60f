/*
 * cmd_export.c — `dyad export --db DB --format jsonl|csv|gdelt|phoenix|plover`:
 * every stored event (or those matching the query filters) in event id
 * order, one line each, written by the io writers with the store's
 * aggregates (GLOBALEVENTID, NumMentions, NumSources, NumArticles,
 * SOURCEURL, DATEADDED). Streams: constant memory for any database size.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/store_cli.h"
#include "io/io.h"
#include "store/store.h"

static const char usage[] =
    "usage: dyad export --db DB --format jsonl|csv|gdelt|phoenix|plover [filters] [--mentions]\n"
    "\n"
    "Write stored events to stdout, in event id order unless --order is given.\n"
    "--mentions adds every report of an event to JSON Lines output.\n\n";

int dyad_cmd_export(int argc, char **argv)
{
    const char *db = NULL, *format = "jsonl";
    int with_mentions = 0;
    dyad_store_filter f;
    memset(&f, 0, sizeof f);
    f.order = DYAD_ORDER_ID;
    dyad_sc_keep keep;
    for (int i = 1; i < argc; i++) {
        int rc;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            dyad_sc_filter_help(stdout);
            return EXIT_OK;
        }
        if (!strcmp(argv[i], "--mentions")) { with_mentions = 1; continue; }
        if ((rc = dyad_sc_value("dyad export", "--db", argc, argv, &i, &db)) != 0 ||
            (rc = dyad_sc_value("dyad export", "--format", argc, argv, &i, &format)) != 0 ||
            (rc = dyad_sc_value("dyad export", "--out", argc, argv, &i, &format)) != 0 ||
            (rc = dyad_sc_filter_opt("dyad export", &f, &keep, argc, argv, &i)) != 0) {
            if (rc < 0) return EXIT_USAGE;
            continue;
        }
        fprintf(stderr, "dyad export: unknown argument '%s' (try --help)\n", argv[i]);
        return EXIT_USAGE;
    }
    if (!db) { fprintf(stderr, "dyad export: --db is required\n"); return EXIT_USAGE; }
    int fmt = dyad_format_parse(format);
    if (fmt < 0) { fprintf(stderr, "dyad export: unknown format '%s'\n", format); return EXIT_USAGE; }
    char err[1024];
    dyad_store *s = dyad_store_open(db, DYAD_STORE_READONLY, err, sizeof err);
    if (!s) { fprintf(stderr, "dyad export: %s\n", err); return EXIT_FAIL; }
    f.with_mentions = with_mentions && fmt == DYAD_FMT_JSONL;
    int status = dyad_sc_stream("dyad export", s, &f, fmt, NULL, NULL);
    dyad_store_close(s);
    return status;
}
