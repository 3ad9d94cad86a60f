/*
 * store_cli.h — what `dyad ingest|query|series|export` share: option
 * parsing for --db and the event filters, and writing a stored event with
 * its aggregates (NumMentions, ...) in the io writers' formats.
 */
#ifndef DYAD_CLI_STORE_CLI_H
#define DYAD_CLI_STORE_CLI_H

#include <stdio.h>
#include "store/store.h"
#include "util/buf.h"

/* "--name VALUE" or "--name=VALUE" at argv[*i]: 1 (value set, *i advanced),
 * 0 (not this option), -1 (value missing; message printed). */
int dyad_sc_value(const char *prog, const char *name, int argc, char **argv, int *i, const char **val);

/* Filter options (--actor --source --target --country --dyad A,B --directed
 * --code --root --quad --from --to --place --place-country --text --article
 * --event --limit --offset --order). Same return convention. Strings point
 * into argv or into `keep` (the --dyad halves). */
typedef struct dyad_sc_keep { char dyad[2][64]; } dyad_sc_keep;
int dyad_sc_filter_opt(const char *prog, dyad_store_filter *f, dyad_sc_keep *keep,
                       int argc, char **argv, int *i);
void dyad_sc_filter_help(FILE *out);

/* Output formats of query/export: the io formats plus a readable table. */
enum { DYAD_SC_TABLE = 100 };
/* "table", "jsonl", "csv", "gdelt", "phoenix", "plover"; -1 if unknown. */
int dyad_sc_format(const char *name);

/* Header (CSV) and one event line. JSON Lines and CSV carry the event
 * contract plus event_id, num_mentions, num_sources, num_articles,
 * fatalities_min/max (and "mentions": [...] in JSON when loaded); GDELT,
 * Phoenix and PLOVER are the io writers' lines with the stats. */
void dyad_sc_header(dyad_buf *b, int fmt);
void dyad_sc_event(dyad_buf *b, int fmt, const dyad_store_event *e);

/* Write b to out and clear it; -1 on a write error. */
int dyad_sc_flush(dyad_buf *b, FILE *out);

/* Stream the events of s matching f to stdout in fmt (for DYAD_SC_TABLE the
 * caller's header/row functions; otherwise dyad_sc_header/dyad_sc_event).
 * Errors are reported as "PROG: message". Returns an exit status. */
typedef void (*dyad_sc_row_fn)(dyad_buf *b, const dyad_store_event *e);
int dyad_sc_stream(const char *prog, dyad_store *s, const dyad_store_filter *f, int fmt,
                   void (*table_header)(dyad_buf *b), dyad_sc_row_fn table_row);

#endif
