/*
 * driver.h — what a store backend provides (internal to src/store).
 *
 * The store's logic (grouping, filters, series) is written once in store.c
 * and query.c against this small SQL driver: prepared statements with
 * positional parameters, typed binds, row stepping. SQL text uses "?N"
 * placeholders (1-based); SQLite takes them as they are, the PostgreSQL
 * driver rewrites them to "$N". Both backends store dates as "YYYY-MM-DD"
 * text and compare strings bytewise (SQLite BINARY, PostgreSQL COLLATE "C"),
 * so prefix ranges, ordering and grouping agree.
 */
#ifndef DYAD_STORE_DRIVER_H
#define DYAD_STORE_DRIVER_H

#include <stddef.h>
#include "store/store.h"
#include "util/buf.h"

typedef struct st_db st_db;
typedef struct st_stmt st_stmt;

typedef struct st_driver {
    const char *name;
    /* Open; creates the schema unless readonly/nocreate. */
    st_db *(*open)(const char *db, int flags, char *err, size_t errlen);
    void (*close)(st_db *db);
    const char *(*errmsg)(st_db *db);
    /* One or more statements without parameters (rows are ignored). */
    int (*exec)(st_db *db, const char *sql);
    /* Starts a write transaction and takes the database's writer lock, so
     * concurrent writers queue up (ids are max + 1 inside the transaction). */
    const char *begin_sql;
    /* Refreshes the planner's statistics after a large load (NULL: the
     * driver does it itself when closing). */
    const char *analyze_sql;
    /* NULL on error (see errmsg). Statements may be reset and run again;
     * store.c keeps its hot ones for the life of the connection. */
    st_stmt *(*prepare)(st_db *db, const char *sql);
    int (*bind_text)(st_stmt *st, int i, const char *v);     /* v NULL: SQL NULL */
    int (*bind_int)(st_stmt *st, int i, long long v);
    int (*bind_double)(st_stmt *st, int i, double v);
    int (*step)(st_stmt *st);                   /* 1 row, 0 done, <0 error */
    int (*is_null)(st_stmt *st, int col);
    const char *(*text)(st_stmt *st, int col);  /* "" for NULL */
    long long (*int64)(st_stmt *st, int col);
    double (*dbl)(st_stmt *st, int col);
    void (*reset)(st_stmt *st);                 /* ready to bind and step again */
    void (*finalize)(st_stmt *st);
    /* SQL condition "mention id is in the full-text match of ?N" where N is
     * given, and how the user's words become the bound parameter. */
    void (*fts_cond)(dyad_buf *sql, int param);
    void (*fts_param)(const char *words, dyad_buf *out);
    /* Bulk insert of mention rows (COPY in PostgreSQL); NULL: use INSERTs.
     * rows are tab-separated, COPY text format, one per line. */
    int (*copy_mentions)(st_db *db, const char *rows, size_t len);
} st_driver;

extern const st_driver dyad_st_sqlite;
extern const st_driver dyad_st_postgres;

/* Statements store.c keeps prepared. */
enum {
    ST_ART_HASH, ST_ART_INSERT, ST_ART_DELETE, ST_ART_MENTION_EVENTS, ST_MENTION_DELETE_ART,
    ST_CANDIDATES, ST_EVENT_INSERT, ST_EVENT_NEXT_ID, ST_MENTION_NEXT_ID, ST_MENTION_INSERT,
    ST_EVENT_COUNTS, ST_EVENT_DELETE, ST_EVENT_REFRESH, ST_META_GET, ST_META_SET,
    ST_NSTMT
};

struct dyad_store {
    const st_driver *d;
    st_db *db;
    int flags;
    int in_batch;           /* inside dyad_store_begin/commit */
    st_stmt *stmt[ST_NSTMT];
    char err[1024];
    char now[16];           /* YYYYMMDDHHMMSS of the current batch */
    long long next_event, next_mention;     /* id counters in a transaction (0: ask) */
    long written;           /* articles added or replaced through this handle */
};

/* Set s->err from the driver with a context prefix; returns DYAD_ERR. */
int dyad_st_fail(dyad_store *s, const char *what);
/* A prepared, reset statement kept in s->stmt (NULL on error, s->err set). */
st_stmt *dyad_st_stmt(dyad_store *s, int which);

/* Columns of the events table in the order query.c reads them. */
#define ST_EVENT_COLS \
    "id, event_key, date, date_from, date_precision, source, source_name, target, target_name, " \
    "code, root, quad, goldstein, plover, fatalities, fatalities_min, fatalities_max, injured, " \
    "loc_name, loc_country, loc_lat, loc_lon, loc_kind, negated, text, rule, article_id, sentence, " \
    "num_mentions, num_sources, num_articles, source_url, date_added"

/* The mention fields shared with events (and their order in ST_MENTION_INSERT). */
#define ST_MENTION_FIELDS \
    "date, date_from, date_precision, source, source_name, target, target_name, " \
    "code, root, quad, goldstein, plover, fatalities, injured, " \
    "loc_name, loc_country, loc_lat, loc_lon, loc_kind, negated, text, rule"

#endif
