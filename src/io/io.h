/*
 * io.h — reading articles and writing events.
 *
 * Reader: a stream of dyad_article from files, directories (recursively),
 * stdin, JSON Lines (one {"id","date","text",...} per line) or plain text
 * with an optional header block (Date:, Title:, URL:, Source:, ID:, then a
 * blank line), each possibly .gz or .zst compressed. A bad record is
 * reported (file:line: reason) and skipped; the stream goes on.
 *
 * Writers: one event per line (or row) in JSON Lines, CSV, GDELT 2.0 event
 * TSV (61 columns) or Phoenix TSV; the store's export adds per-event
 * aggregate fields through dyad_event_stats.
 */
#ifndef DYAD_IO_H
#define DYAD_IO_H

#include <stdio.h>
#include "dyad.h"
#include "util/buf.h"

/* ---- Reading ---------------------------------------------------------- */

typedef struct dyad_reader dyad_reader;

/* Input limits (doc/limits.md, "Input"). */
#define DYAD_MAX_LINE ((size_t)32 << 20)    /* longest JSON Lines line */
#define DYAD_MAX_TEXT ((size_t)32 << 20)    /* largest plain-text article file */

typedef struct dyad_read_opts {
    const char *default_date;   /* --date: for text files without a Date: header */
    const char *format;         /* "auto" (by extension/content), "jsonl", "text" */
    size_t max_line;            /* 0: DYAD_MAX_LINE */
    size_t max_text;            /* 0: DYAD_MAX_TEXT */
} dyad_read_opts;

/* paths: files or directories; npaths == 0 reads stdin. */
dyad_reader *dyad_reader_open(const char *const *paths, int npaths, const dyad_read_opts *o);

/* Next article. Returns 1 with *a filled (valid until the next call),
 * 0 at the end, or DYAD_EPARSE/DYAD_EIO/DYAD_ELIMIT for a skipped record or
 * file: the message (file:line: reason) is in dyad_reader_error(); call
 * again to go on. */
int dyad_reader_next(dyad_reader *r, dyad_article *a);
const char *dyad_reader_error(const dyad_reader *r);
void dyad_reader_counts(const dyad_reader *r, long *read, long *skipped);
void dyad_reader_close(dyad_reader *r);

/* Validate "YYYY-MM-DD" (a real calendar day). 1 if valid. */
int dyad_date_valid(const char *s);

/* ---- Writing ---------------------------------------------------------- */

typedef enum { DYAD_FMT_JSONL, DYAD_FMT_CSV, DYAD_FMT_GDELT, DYAD_FMT_PHOENIX, DYAD_FMT_PLOVER } dyad_format;

/* Aggregates a store knows about an event (all optional: zero = unknown). */
typedef struct dyad_event_stats {
    long long event_id;         /* GLOBALEVENTID */
    int num_mentions, num_sources, num_articles;
    int fatalities_min, fatalities_max;
    const char *date_added;     /* "YYYYMMDDHHMMSS" */
    const char *source_url;
    const char *event_key;
} dyad_event_stats;

/* Parse "jsonl", "csv", "gdelt", "phoenix", "plover"; -1 if unknown. */
int dyad_format_parse(const char *name);
/* Header line for the format (CSV has one; GDELT/Phoenix none): appended to b. */
void dyad_write_header(dyad_buf *b, dyad_format f);
/* One event as one line (with '\n') appended to b. stats may be NULL. */
void dyad_write_event(dyad_buf *b, dyad_format f, const dyad_event *ev, const dyad_event_stats *stats);

#endif
