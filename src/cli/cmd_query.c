/*
 * cmd_query.c — `dyad query --db DB [filters]`: list stored events.
 *
 * On a terminal the events are a readable table (one line each, newest
 * first); otherwise JSON Lines (the event contract plus event_id,
 * num_mentions, num_sources, num_articles, ...). --out picks jsonl, csv,
 * table, gdelt, phoenix or plover; --mentions adds every report to JSON;
 * --count prints only the number of matching events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/store_cli.h"
#include "io/io.h"
#include "store/store.h"

static const char usage[] =
    "usage: dyad query --db DB [filters] [--out table|jsonl|csv|gdelt|phoenix|plover]\n"
    "                  [--mentions] [--count]\n"
    "\n"
    "List stored events (newest first by default). Output: a table on a terminal,\n"
    "JSON Lines otherwise.\n\n";

/* Cut s to at most w display columns (UTF-8 aware: counts code points). */
static void cell(dyad_buf *b, const char *s, int w)
{
    if (!s) s = "";
    int cols = 0;
    const char *p = s;
    while (*p && cols < w) {
        if (*p == '\n' || *p == '\t') { dyad_buf_putc(b, ' '); p++; cols++; continue; }
        const char *q = p + 1;
        while ((*q & 0xC0) == 0x80) q++;
        if (cols == w - 1 && *q) { dyad_buf_puts(b, "…"); cols++; p = q; while (*p) p++; break; }
        dyad_buf_add(b, p, (size_t)(q - p));
        p = q;
        cols++;
    }
    for (; cols < w; cols++) dyad_buf_putc(b, ' ');
}

static void table_header(dyad_buf *b)
{
    dyad_buf_printf(b, "%-8s %-10s %-12s %-12s %-4s %-1s %5s %4s %4s %-14s %s\n", "id", "date", "source",
                    "target", "code", "q", "gold", "ment", "dead", "place", "text");
}

static void table_row(dyad_buf *b, const dyad_store_event *e)
{
    const dyad_event *ev = &e->ev;
    dyad_buf_printf(b, "%-8lld %-10s ", e->stats.event_id, ev->date);
    cell(b, ev->source, 12); dyad_buf_putc(b, ' ');
    cell(b, ev->target, 12); dyad_buf_putc(b, ' ');
    dyad_buf_printf(b, "%-4s %d %5.1f %4d ", ev->code, ev->quad, ev->goldstein, e->stats.num_mentions);
    if (ev->fatalities >= 0) dyad_buf_printf(b, "%4d ", ev->fatalities);
    else dyad_buf_puts(b, "   - ");
    cell(b, ev->has_location ? ev->location.name : "", 14);
    dyad_buf_putc(b, ' ');
    cell(b, ev->text, 60);
    dyad_buf_putc(b, '\n');
}

int dyad_cmd_query(int argc, char **argv)
{
    const char *db = NULL, *out = NULL;
    int with_mentions = 0, count_only = 0;
    dyad_store_filter f;
    memset(&f, 0, sizeof f);
    dyad_sc_keep keep;
    for (int i = 1; i < argc; i++) {
        int rc;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            dyad_sc_filter_help(stdout);
            return EXIT_OK;
        }
        if (!strcmp(argv[i], "--mentions")) { with_mentions = 1; continue; }
        if (!strcmp(argv[i], "--count")) { count_only = 1; continue; }
        if ((rc = dyad_sc_value("dyad query", "--db", argc, argv, &i, &db)) != 0 ||
            (rc = dyad_sc_value("dyad query", "--out", argc, argv, &i, &out)) != 0 ||
            (rc = dyad_sc_filter_opt("dyad query", &f, &keep, argc, argv, &i)) != 0) {
            if (rc < 0) return EXIT_USAGE;
            continue;
        }
        fprintf(stderr, "dyad query: unknown argument '%s' (try --help)\n", argv[i]);
        return EXIT_USAGE;
    }
    if (!db) { fprintf(stderr, "dyad query: --db is required\n"); return EXIT_USAGE; }
    int fmt = out ? dyad_sc_format(out) : isatty(STDOUT_FILENO) ? DYAD_SC_TABLE : DYAD_FMT_JSONL;
    if (fmt < 0) { fprintf(stderr, "dyad query: unknown --out format '%s'\n", out); return EXIT_USAGE; }
    char err[1024];
    dyad_store *s = dyad_store_open(db, DYAD_STORE_READONLY, err, sizeof err);
    if (!s) { fprintf(stderr, "dyad query: %s\n", err); return EXIT_FAIL; }
    int status = EXIT_OK;
    if (count_only) {
        long long n = 0;
        if (dyad_store_count(s, &f, &n) != DYAD_OK) {
            fprintf(stderr, "dyad query: %s\n", dyad_store_error(s));
            status = EXIT_FAIL;
        } else {
            printf("%lld\n", n);
        }
        dyad_store_close(s);
        return status;
    }
    f.with_mentions = with_mentions && fmt == DYAD_FMT_JSONL;
    status = dyad_sc_stream("dyad query", s, &f, fmt, table_header, table_row);
    dyad_store_close(s);
    return status;
}
