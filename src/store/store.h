/*
 * store.h — the event store: one interface, two backends.
 *
 * A store holds articles, the events coded from them and, for every event,
 * each report of it (a "mention": one sentence of one article). Reports of
 * the same happening from different articles are grouped into one event
 * record (de-duplication, see "Grouping" below) and counted as GDELT does
 * (NumMentions, NumSources, NumArticles).
 *
 * Backends, chosen by the DB string given to dyad_store_open():
 *   "postgresql://..." or "postgres://..."   PostgreSQL through libpq (postgres.c)
 *   anything else                            a SQLite file path (sqlite.c, default)
 * Both have the same schema and give the same results for every call
 * (PostgreSQL bulk-loads each article's mentions with COPY; full text is
 * FTS5 in SQLite and a 'simple' tsvector in PostgreSQL: both match whole,
 * case-folded words).
 *
 * Writing (one writer at a time per database):
 *     dyad_store *s = dyad_store_open("events.db", 0, err, sizeof err);
 *     dyad_store_set_meta(s, "dict_version", hash);
 *     dyad_store_begin(s);
 *     for each article: dyad_store_put_article(s, &art, evs, nevs, &what);
 *     dyad_store_commit(s);            // e.g. every 1000 articles or 1 s
 *     dyad_store_close(s);
 *   An article is stored with all its events or not at all (a savepoint per
 *   article inside the batch). Putting an article again with the same
 *   content is a no-op; with different content (text, metadata or events)
 *   its old mentions are removed and the new ones grouped afresh. Writes are
 *   deterministic: the same articles put in the same order give the same
 *   database, event ids included, so a run killed at any point and re-run
 *   gives exactly the database an uninterrupted run gives. (An input that
 *   holds two versions of one article stores the last; running it again
 *   replaces twice and may renumber that article's events.)
 *
 * Reading:
 *     dyad_store_filter f = { .actor = "AZE", .from = "2020-09-27", .limit = 50 };
 *     dyad_store_iter *it = dyad_store_query(s, &f);
 *     const dyad_store_event *e;
 *     while ((rc = dyad_store_next(it, &e)) == 1) ... e->ev, e->stats, e->mentions
 *     dyad_store_iter_free(it);          // rc < 0: error, see dyad_store_error(s)
 *   Series, top dyads and actor search call a function per row.
 *
 * Threads: a dyad_store handle is used by one thread at a time. A server
 * opens one handle per worker thread (DYAD_STORE_READONLY); SQLite runs in
 * WAL mode so readers do not block the writer or each other.
 *
 * Errors: functions return DYAD_OK (0) or a negative DYAD_* status (dyad.h);
 * the message is in dyad_store_error(). Nothing here prints or exits.
 *
 * Grouping (de-duplication). A new report joins an existing event when all of:
 *   - the same source and target countries and compatible roles (equal codes,
 *     or one side naming only the country: AZE joins AZEMIL) and CAMEO root;
 *   - same date, or dates at most 1 day apart when either date was defaulted
 *     from the article date (date_from "article");
 *   - compatible locations: if both have one, the same country, and the same
 *     place name unless one of them is only a country;
 *   - compatible fatalities: if both are stated, the smaller is at least half
 *     the larger (reports of one attack differ: "at least 10", "12 killed").
 *   The first (lowest id) matching event wins. The event record shows its
 *   first report's fields (the first with a date stated in the text, if any),
 *   fatalities = the most reported stated value (ties: the earliest reported),
 *   with fatalities_min/max the range of stated values.
 *   NumMentions = number of reports, NumArticles = distinct articles,
 *   NumSources = distinct article sources (the article's `source`, else the
 *   host of its URL, else its id).
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>
#include "dyad.h"
#include "io/io.h"      /* dyad_event_stats */

#define DYAD_STORE_SCHEMA_VERSION 1

typedef struct dyad_store dyad_store;

/* ---- Opening ---------------------------------------------------------- */

enum {
    DYAD_STORE_READONLY = 1,    /* no writes; the database must exist */
    DYAD_STORE_NOCREATE = 2     /* fail if the database has no dyad schema */
};

/* Open (creating the file and schema if needed unless READONLY/NOCREATE).
 * NULL on failure with the reason in err. A schema of another version is
 * refused with a clear message. */
dyad_store *dyad_store_open(const char *db, int flags, char *err, size_t errlen);
void dyad_store_close(dyad_store *s);
const char *dyad_store_error(const dyad_store *s);
const char *dyad_store_backend(const dyad_store *s);     /* "sqlite" or "postgresql" */

/* Key/value metadata (table meta). Known keys: "schema_version" (set by
 * the store), "dict_version" (a hash of the dictionaries/data dir, set by
 * ingest), "created". get copies into out (empty string if absent) and
 * returns DYAD_OK. */
int dyad_store_set_meta(dyad_store *s, const char *key, const char *value);
int dyad_store_get_meta(dyad_store *s, const char *key, char *out, size_t outlen);

/* ---- Writing ---------------------------------------------------------- */

/* Batches: everything between begin and commit is one transaction.
 * rollback drops the whole batch. put_article outside a batch runs in its
 * own transaction. */
int dyad_store_begin(dyad_store *s);
int dyad_store_commit(dyad_store *s);
int dyad_store_rollback(dyad_store *s);

/* What dyad_store_put_article did. */
enum { DYAD_STORE_ADDED = 1, DYAD_STORE_UNCHANGED = 2, DYAD_STORE_REPLACED = 3 };

/* Store article a (id and date required; text, title, url, source may be
 * NULL) with its n events (their article_id is ignored: a->id is used).
 * *what (may be NULL) tells what happened. On error the article's partial
 * work is rolled back (the batch stays open and usable). */
int dyad_store_put_article(dyad_store *s, const dyad_article *a,
                           const dyad_event *evs, int n, int *what);

/* Remove an article and its mentions (events left without mentions go). */
int dyad_store_delete_article(dyad_store *s, const char *id);

/* The content hash put_article would compute (32 hex digits + NUL). */
void dyad_store_content_hash(const dyad_article *a, const dyad_event *evs, int n, char out[33]);

/* ---- Querying --------------------------------------------------------- */

typedef enum {
    DYAD_ORDER_DATE_DESC = 0,   /* newest first (default), then id */
    DYAD_ORDER_DATE_ASC,        /* oldest first, then id */
    DYAD_ORDER_MENTIONS,        /* most reported first, then newest */
    DYAD_ORDER_ID               /* event id (= insertion order) */
} dyad_store_order;

/* Every field is optional (NULL / 0 = no constraint); constraints AND.
 * Actor codes match as prefixes ("AZE" matches "AZEMIL"), case-sensitive
 * upper-case CAMEO codes. */
typedef struct dyad_store_filter {
    const char *actor;          /* source or target starts with it */
    const char *source;         /* source starts with it */
    const char *target;         /* target starts with it */
    const char *country;        /* 3-letter country: source or target starts with it */
    const char *dyad_a, *dyad_b;/* dyad: source ^A and target ^B, or (unless
                                   directed) source ^B and target ^A */
    int directed;
    const char *code;           /* CAMEO event code prefix: "19" , "190", "0311" */
    const char *root;           /* exact root "19" */
    int quad;                   /* 1..4, 0 = any */
    const char *from, *to;      /* inclusive dates "YYYY-MM-DD" */
    const char *place;          /* location name, case-insensitive exact */
    const char *place_country;  /* location country code */
    const char *text;           /* full text over the reports' sentences: every
                                   word must occur (case-insensitive) */
    const char *article_id;     /* events reported by this article */
    long long event_id;         /* just this event (0 = any) */
    long limit;                 /* 0 = no limit */
    long offset;
    dyad_store_order order;
    int with_mentions;          /* fill dyad_store_event.mentions */
} dyad_store_filter;

/* One report of an event. */
typedef struct dyad_store_mention {
    long long id;
    const char *article_id;
    const char *article_date, *url, *media_source, *title;  /* the article's */
    int sentence;
    dyad_event ev;              /* the report as coded (its own date, code, names, ...) */
} dyad_store_mention;

/* One event record. All pointers stay valid until the next dyad_store_next
 * or dyad_store_iter_free. */
typedef struct dyad_store_event {
    dyad_event ev;              /* representative report (see Grouping) */
    dyad_event_stats stats;     /* id, NumMentions/Sources/Articles, fatalities range,
                                   date_added, source_url, event_key */
    int nmentions;              /* with_mentions: reports in id order */
    const dyad_store_mention *mentions;
} dyad_store_event;

typedef struct dyad_store_iter dyad_store_iter;

/* NULL on error (see dyad_store_error). */
dyad_store_iter *dyad_store_query(dyad_store *s, const dyad_store_filter *f);
/* 1 with *out set, 0 at the end, negative on error. */
int dyad_store_next(dyad_store_iter *it, const dyad_store_event **out);
void dyad_store_iter_free(dyad_store_iter *it);

/* Number of events matching f (limit/offset ignored). */
int dyad_store_count(dyad_store *s, const dyad_store_filter *f, long long *n);

/* ---- Series ----------------------------------------------------------- */

typedef enum { DYAD_BY_DAY = 0, DYAD_BY_WEEK, DYAD_BY_MONTH } dyad_store_period;

typedef struct dyad_store_point {
    char period[11];            /* first day of the bucket: the day, the ISO week's
                                   Monday, or the month's 1st */
    long long events;           /* event records dated in the bucket */
    long long mentions;         /* sum of their NumMentions */
    double goldstein_sum, goldstein_mean;   /* over events (mean 0 if none) */
    long long quad[5];          /* quad[1..4]: events per QuadClass; quad[0] unknown */
    long long fatalities;       /* sum of events' fatalities (stated ones) */
} dyad_store_point;

typedef int (*dyad_store_point_fn)(const dyad_store_point *p, void *user);

/* Calls fn per bucket in date order over [f->from or first event date,
 * f->to or last], empty buckets included (zeros), so the output plots
 * directly. Uses f's filters (dyad, country, ...), not limit/offset/order.
 * fn returning non-zero stops (DYAD_STOP returned). */
int dyad_store_series(dyad_store *s, const dyad_store_filter *f, dyad_store_period by,
                      dyad_store_point_fn fn, void *user);

/* ---- Top dyads -------------------------------------------------------- */

typedef enum {
    DYAD_TOP_COUNT = 0,         /* most events */
    DYAD_TOP_CONFLICT           /* highest conflict intensity */
} dyad_store_rank;

typedef struct dyad_store_dyad {
    const char *source, *target;   /* countries (first 3 letters) when by_country */
    long long events, mentions;
    double goldstein_sum;
    double conflict;            /* conflict intensity: sum of -goldstein over events
                                   with negative Goldstein (>= 0) */
    long long fatalities;
} dyad_store_dyad;

typedef int (*dyad_store_dyad_fn)(const dyad_store_dyad *d, void *user);

/* Directed dyads (source, target) of events matching f, best first, at most
 * limit (0 = 20). by_country groups by the codes' first 3 letters; events
 * with an empty side are left out. Ties: by code order. */
int dyad_store_top_dyads(dyad_store *s, const dyad_store_filter *f, dyad_store_rank rank,
                         int by_country, int limit, dyad_store_dyad_fn fn, void *user);

/* ---- Actor search ----------------------------------------------------- */

typedef struct dyad_store_actor {
    const char *code;
    const char *name;           /* the name most often used for it */
    long long events;           /* events with it on either side */
} dyad_store_actor;

typedef int (*dyad_store_actor_fn)(const dyad_store_actor *a, void *user);

/* Actors whose code starts with q (case-insensitive) or one of whose names
 * contains q (case-insensitive), most events first, at most limit (0 = 20). */
int dyad_store_actors(dyad_store *s, const char *q, int limit, dyad_store_actor_fn fn, void *user);

/* ---- Health ----------------------------------------------------------- */

typedef struct dyad_store_info {
    const char *backend;        /* "sqlite" / "postgresql" */
    int schema_version;
    char dict_version[80];
    long long articles, events, mentions;
    char first_date[11], last_date[11];     /* event dates; "" if empty */
} dyad_store_info;

/* Also a liveness check: fails if the database cannot be read. */
int dyad_store_info_get(dyad_store *s, dyad_store_info *out);

#endif
