/*
 * store.c — opening a store, batches, and putting articles with their events.
 *
 * Backend-neutral: everything goes through the driver (driver.h). An
 * article is written inside a savepoint, so it lands with all its events or
 * not at all, even in the middle of a batch. Each event report becomes a
 * mention row; the event record it joins is found by the grouping rule in
 * store.h (candidate lookup on the (source, target, root, date) index, then
 * location/fatality checks here in C) and is then recomputed from all its
 * mentions by one UPDATE (ST_EVENT_REFRESH), so an event's fields never
 * depend on anything but its mentions and their order. Ids are max+1 under
 * the writer's transaction (not sequences), which keeps re-runs after a
 * crash identical to uninterrupted runs on both backends.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "store/driver.h"
#include "store/dates.h"

static const char *const stmt_sql[ST_NSTMT] = {
    [ST_ART_HASH] = "SELECT hash FROM articles WHERE id = ?1",
    [ST_ART_INSERT] = "INSERT INTO articles(id, date, url, source, title, media, hash, added) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [ST_ART_DELETE] = "DELETE FROM articles WHERE id = ?1",
    [ST_ART_MENTION_EVENTS] = "SELECT DISTINCT event_id FROM mentions WHERE article_id = ?1 ORDER BY event_id",
    [ST_MENTION_DELETE_ART] = "DELETE FROM mentions WHERE article_id = ?1",
    /* Candidates share the two countries (the events_countries_cov index); the
     * roles are compared in find_event (actor_compatible). */
    [ST_CANDIDATES] = "SELECT id, date, date_from, loc_name, loc_country, loc_kind, fatalities_min, "
                      "fatalities_max, source, target FROM events WHERE substr(source, 1, 3) = ?1 "
                      "AND substr(target, 1, 3) = ?2 AND root = ?3 "
                      "AND date >= ?4 AND date <= ?5 AND negated = ?6 ORDER BY id",
    /* A new event is complete from its first report (no refresh needed while
     * it has one); parameters 2..25 are the mention row's columns 3..26. */
    [ST_EVENT_INSERT] = "INSERT INTO events(id, article_id, sentence, date, date_from, date_precision, "
                        "source, source_name, target, target_name, code, root, quad, goldstein, plover, "
                        "fatalities, injured, loc_name, loc_country, loc_lat, loc_lon, loc_kind, negated, "
                        "text, rule, event_key, fatalities_min, fatalities_max, num_mentions, num_sources, "
                        "num_articles, source_url, date_added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                        "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, "
                        "?4 || '|' || ?7 || '|' || ?9 || '|' || ?12, ?16, ?16, 1, 1, 1, ?26, ?27)",
    [ST_EVENT_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM events",
    [ST_MENTION_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM mentions",
    [ST_MENTION_INSERT] = "INSERT INTO mentions(id, event_id, article_id, sentence, " ST_MENTION_FIELDS
                          ", s_start, s_end, t_start, t_end, v_start, v_end) VALUES (?1, ?2, ?3, ?4, "
                          "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
                          "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
    [ST_EVENT_COUNTS] = "SELECT count(*) FROM mentions WHERE event_id = ?1",
    [ST_EVENT_DELETE] = "DELETE FROM events WHERE id = ?1",
    [ST_EVENT_REFRESH] =
        "UPDATE events SET (event_key, date, date_from, date_precision, source_name, target_name, code, "
        "quad, goldstein, plover, injured, loc_name, loc_country, loc_lat, loc_lon, loc_kind, text, "
        "rule, article_id, sentence) = (SELECT date || '|' || source || '|' || target || '|' || root, "
        "date, date_from, date_precision, source_name, target_name, code, quad, goldstein, plover, "
        "injured, loc_name, loc_country, loc_lat, loc_lon, loc_kind, text, rule, article_id, sentence "
        "FROM mentions WHERE event_id = ?1 "
        "ORDER BY CASE WHEN date_from = 'text' THEN 0 ELSE 1 END, id LIMIT 1), "
        "source_url = (SELECT a.url FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id = ?1 ORDER BY CASE WHEN m.date_from = 'text' THEN 0 ELSE 1 END, m.id LIMIT 1), "
        "num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1), "
        "num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = ?1), "
        "num_sources = (SELECT count(DISTINCT a.media) FROM mentions m JOIN articles a "
        "ON a.id = m.article_id WHERE m.event_id = ?1), "
        "fatalities = (SELECT fatalities FROM mentions WHERE event_id = ?1 AND fatalities IS NOT NULL "
        "GROUP BY fatalities ORDER BY count(*) DESC, min(id) LIMIT 1), "
        "fatalities_min = (SELECT min(fatalities) FROM mentions WHERE event_id = ?1), "
        "fatalities_max = (SELECT max(fatalities) FROM mentions WHERE event_id = ?1) "
        "WHERE id = ?1",
    [ST_META_GET] = "SELECT value FROM meta WHERE key = ?1",
    [ST_META_SET] = "INSERT INTO meta(key, value) VALUES (?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
};

int dyad_st_fail(dyad_store *s, const char *what)
{
    snprintf(s->err, sizeof s->err, "%s: %s", what, s->d->errmsg(s->db));
    return DYAD_ERR;
}

st_stmt *dyad_st_stmt(dyad_store *s, int which)
{
    if (!s->stmt[which]) {
        s->stmt[which] = s->d->prepare(s->db, stmt_sql[which]);
        if (!s->stmt[which]) { dyad_st_fail(s, "prepare"); return NULL; }
    } else {
        s->d->reset(s->stmt[which]);
    }
    return s->stmt[which];
}

/* ---- open / close / meta ---------------------------------------------- */

static int is_pg_uri(const char *db)
{
    return !strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11);
}

static int check_schema(dyad_store *s)
{
    char v[32];
    if (dyad_store_get_meta(s, "schema_version", v, sizeof v) != DYAD_OK) {
        snprintf(s->err, sizeof s->err, "not a dyad database (no meta table)");
        return DYAD_ERR;
    }
    if (!v[0]) {
        if (s->flags & (DYAD_STORE_READONLY | DYAD_STORE_NOCREATE)) {
            snprintf(s->err, sizeof s->err, "not a dyad database (no schema version)");
            return DYAD_ERR;
        }
        char buf[16];
        snprintf(buf, sizeof buf, "%d", DYAD_STORE_SCHEMA_VERSION);
        return dyad_store_set_meta(s, "schema_version", buf);
    }
    if (atoi(v) != DYAD_STORE_SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err, "database schema version %s, this dyad uses %d", v,
                 DYAD_STORE_SCHEMA_VERSION);
        return DYAD_ERR;
    }
    return DYAD_OK;
}

dyad_store *dyad_store_open(const char *db, int flags, char *err, size_t errlen)
{
    if (!db || !*db) { snprintf(err, errlen, "no database given"); return NULL; }
    dyad_store *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errlen, "out of memory"); return NULL; }
    s->d = is_pg_uri(db) ? &dyad_st_postgres : &dyad_st_sqlite;
    s->flags = flags;
    s->db = s->d->open(db, flags, err, errlen);
    if (!s->db) { free(s); return NULL; }
    if (check_schema(s) != DYAD_OK) {
        snprintf(err, errlen, "%s: %s", db, s->err);
        dyad_store_close(s);
        return NULL;
    }
    return s;
}

void dyad_store_close(dyad_store *s)
{
    if (!s) return;
    if (s->in_batch) dyad_store_rollback(s);
    /* After a large load the planner's statistics are stale (autovacuum
     * would catch up later; the next queries should not wait for it). */
    if (s->written >= 1000 && s->d->analyze_sql) s->d->exec(s->db, s->d->analyze_sql);
    for (int i = 0; i < ST_NSTMT; i++)
        if (s->stmt[i]) s->d->finalize(s->stmt[i]);
    s->d->close(s->db);
    free(s);
}

const char *dyad_store_error(const dyad_store *s) { return s ? s->err : "no store"; }
const char *dyad_store_backend(const dyad_store *s) { return s->d->name; }

int dyad_store_set_meta(dyad_store *s, const char *key, const char *value)
{
    st_stmt *st = dyad_st_stmt(s, ST_META_SET);
    if (!st) return DYAD_ERR;
    s->d->bind_text(st, 1, key);
    s->d->bind_text(st, 2, value ? value : "");
    if (s->d->step(st) < 0) return dyad_st_fail(s, "meta");
    s->d->reset(st);
    return DYAD_OK;
}

int dyad_store_get_meta(dyad_store *s, const char *key, char *out, size_t outlen)
{
    out[0] = '\0';
    st_stmt *st = dyad_st_stmt(s, ST_META_GET);
    if (!st) return DYAD_ERR;
    s->d->bind_text(st, 1, key);
    int rc = s->d->step(st);
    if (rc < 0) return dyad_st_fail(s, "meta");
    if (rc == 1) snprintf(out, outlen, "%s", s->d->text(st, 0));
    s->d->reset(st);
    return DYAD_OK;
}

/* ---- batches ---------------------------------------------------------- */

static void stamp_now(dyad_store *s)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(s->now, sizeof s->now, "%Y%m%d%H%M%S", &tm);
}

int dyad_store_begin(dyad_store *s)
{
    if (s->in_batch) return DYAD_OK;
    if (s->flags & DYAD_STORE_READONLY) {
        snprintf(s->err, sizeof s->err, "the database was opened read-only");
        return DYAD_ERR;
    }
    if (s->d->exec(s->db, s->d->begin_sql) != 0) {
        int rc = dyad_st_fail(s, "begin");
        s->d->exec(s->db, "ROLLBACK");
        return rc;
    }
    s->in_batch = 1;
    s->next_event = s->next_mention = 0;
    stamp_now(s);
    return DYAD_OK;
}

int dyad_store_commit(dyad_store *s)
{
    if (!s->in_batch) return DYAD_OK;
    s->in_batch = 0;
    s->next_event = s->next_mention = 0;
    if (s->d->exec(s->db, "COMMIT") != 0) {
        int rc = dyad_st_fail(s, "commit");
        s->d->exec(s->db, "ROLLBACK");
        return rc;
    }
    return DYAD_OK;
}

int dyad_store_rollback(dyad_store *s)
{
    if (!s->in_batch) return DYAD_OK;
    s->in_batch = 0;
    s->next_event = s->next_mention = 0;
    if (s->d->exec(s->db, "ROLLBACK") != 0) return dyad_st_fail(s, "rollback");
    return DYAD_OK;
}

/* ---- content hash (two 64-bit FNV-1a lanes; change detection only) ----- */

typedef struct { unsigned long long a, b; } hash128;

static void h_bytes(hash128 *h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        h->a = (h->a ^ c[i]) * 0x100000001b3ULL;
        h->b = (h->b ^ c[i]) * 0x100000001b3ULL;
        h->b ^= h->b >> 29;
    }
}

static void h_str(hash128 *h, const char *s)
{
    if (s) h_bytes(h, s, strlen(s) + 1);
    else h_bytes(h, "\xff", 1);                 /* NULL differs from "" */
}

static void h_num(hash128 *h, double v)
{
    char buf[40];
    int n = snprintf(buf, sizeof buf, "%.17g;", v);
    h_bytes(h, buf, (size_t)n);
}

void dyad_store_content_hash(const dyad_article *a, const dyad_event *evs, int n, char out[33])
{
    hash128 h = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL };
    h_str(&h, a->id); h_str(&h, a->date); h_str(&h, a->title); h_str(&h, a->url);
    h_str(&h, a->source);
    if (a->text) h_bytes(&h, a->text, a->text_len ? a->text_len : strlen(a->text));
    h_num(&h, n);
    for (int i = 0; i < n; i++) {
        const dyad_event *e = &evs[i];
        h_num(&h, e->sentence); h_str(&h, e->date); h_str(&h, e->date_from);
        h_str(&h, e->date_precision); h_str(&h, e->source); h_str(&h, e->source_name);
        h_str(&h, e->target); h_str(&h, e->target_name); h_str(&h, e->code); h_str(&h, e->root);
        h_num(&h, e->quad); h_num(&h, e->goldstein); h_str(&h, e->plover);
        h_num(&h, e->fatalities); h_num(&h, e->injured); h_num(&h, e->has_location);
        if (e->has_location) {
            h_str(&h, e->location.name); h_str(&h, e->location.country);
            h_num(&h, e->location.lat); h_num(&h, e->location.lon); h_str(&h, e->location.kind);
        }
        h_num(&h, e->negated); h_str(&h, e->text); h_str(&h, e->rule);
        h_num(&h, e->source_span.start); h_num(&h, e->source_span.end);
        h_num(&h, e->target_span.start); h_num(&h, e->target_span.end);
        h_num(&h, e->verb_span.start); h_num(&h, e->verb_span.end);
    }
    snprintf(out, 33, "%016llx%016llx", h.a, h.b);
}

/* ---- putting articles ------------------------------------------------- */

/* The media source counted by NumSources: source, else URL host, else id. */
static void media_of(const dyad_article *a, char *out, size_t n)
{
    if (a->source && *a->source) { snprintf(out, n, "%s", a->source); return; }
    if (a->url && *a->url) {
        const char *p = strstr(a->url, "://");
        p = p ? p + 3 : a->url;
        size_t len = strcspn(p, "/?#:");
        if (len) {
            snprintf(out, n, "%.*s", (int)len, p);
            for (char *c = out; *c; c++) *c = (char)tolower((unsigned char)*c);
            if (!strncmp(out, "www.", 4)) memmove(out, out + 4, strlen(out + 4) + 1);
            return;
        }
    }
    snprintf(out, n, "%s", a->id);
}

/* Next free id of events or mentions: max + 1, then counted here for the
 * rest of the transaction (reset whenever a rollback could free ids). */
static long long next_id(dyad_store *s, int which)
{
    long long *cache = which == ST_EVENT_NEXT_ID ? &s->next_event : &s->next_mention;
    if (*cache > 0) return (*cache)++;
    st_stmt *st = dyad_st_stmt(s, which);
    if (!st) return -1;
    long long id = s->d->step(st) == 1 ? s->d->int64(st, 0) : -1;
    s->d->reset(st);
    if (id < 0) { dyad_st_fail(s, "next id"); return -1; }
    *cache = id + 1;
    return id;
}

/* Recompute event id from its mentions; delete it if it has none. */
static int refresh_event(dyad_store *s, long long id)
{
    const st_driver *d = s->d;
    st_stmt *st = dyad_st_stmt(s, ST_EVENT_COUNTS);
    if (!st) return DYAD_ERR;
    d->bind_int(st, 1, id);
    if (d->step(st) != 1) return dyad_st_fail(s, "event counts");
    long long n = d->int64(st, 0);
    d->reset(st);
    st = dyad_st_stmt(s, n ? ST_EVENT_REFRESH : ST_EVENT_DELETE);
    if (!st) return DYAD_ERR;
    d->bind_int(st, 1, id);
    if (d->step(st) < 0) return dyad_st_fail(s, "event update");
    d->reset(st);
    return DYAD_OK;
}

static int loc_compatible(const dyad_event *e, st_stmt *c, const st_driver *d)
{
    if (!e->has_location || d->is_null(c, 4)) return 1;
    if (strcmp(e->location.country, d->text(c, 4))) return 0;
    const char *kind = d->text(c, 5);
    int e_country = e->location.kind && !strcmp(e->location.kind, "country");
    if (e_country || !strcmp(kind, "country")) return 1;
    return !strcasecmp(e->location.name ? e->location.name : "", d->text(c, 3));
}

/* Per-article state: where each report went and the fatality ranges of
 * events this article already touched (the table rows are refreshed only
 * once the article's mentions are all written). */
typedef struct placed { long long event_id; int fmin, fmax; } placed;

typedef struct art_state {
    placed *p;          /* one per report, in order */
    int n;
} art_state;

static void fat_range(const art_state *as, long long id, int *lo, int *hi)
{
    for (int i = 0; i < as->n; i++) {
        if (as->p[i].event_id != id || as->p[i].fmin < 0) continue;
        if (*lo < 0 || as->p[i].fmin < *lo) *lo = as->p[i].fmin;
        if (*hi < 0 || as->p[i].fmax > *hi) *hi = as->p[i].fmax;
    }
}

static int fat_compatible(const dyad_event *e, int lo, int hi)
{
    if (e->fatalities < 0 || lo < 0) return 1;
    if (e->fatalities < lo) lo = e->fatalities;
    if (e->fatalities > hi) hi = e->fatalities;
    return (long long)lo * 2 >= hi;
}

/* Two reports' actor codes agree when they are equal, or when one names only
 * the country and the other a role of it: "Azerbaijan shelled ..." and
 * "Azerbaijani troops shelled ..." in two reports of one shelling. Two
 * different roles (AZEMIL, AZEGOV) are different actors. */
static int actor_compatible(const char *a, const char *b)
{
    if (!strcmp(a, b)) return 1;
    size_t la = strlen(a), lb = strlen(b);
    if (la < 3 || lb < 3 || strncmp(a, b, 3)) return 0;
    return la == 3 || lb == 3;
}

/* The event a report joins, or 0 for a new one; -1 on error. */
static long long find_event(dyad_store *s, const dyad_event *e, const art_state *as)
{
    const st_driver *d = s->d;
    long days = dyad_st_days(e->date);
    char lo[11], hi[11];
    dyad_st_date(days - 1, lo);
    dyad_st_date(days + 1, hi);
    st_stmt *c = dyad_st_stmt(s, ST_CANDIDATES);
    if (!c) return -1;
    const char *src = e->source ? e->source : "", *tgt = e->target ? e->target : "";
    char src3[4], tgt3[4];
    snprintf(src3, sizeof src3, "%.3s", src);
    snprintf(tgt3, sizeof tgt3, "%.3s", tgt);
    d->bind_text(c, 1, src3);
    d->bind_text(c, 2, tgt3);
    d->bind_text(c, 3, e->root);
    d->bind_text(c, 4, lo);
    d->bind_text(c, 5, hi);
    d->bind_int(c, 6, e->negated ? 1 : 0);
    int e_default = !e->date_from || strcmp(e->date_from, "text");
    long long found = 0;
    int rc;
    while ((rc = d->step(c)) == 1) {
        if (strcmp(d->text(c, 1), e->date)) {
            int c_default = strcmp(d->text(c, 2), "text") != 0;
            if (!e_default && !c_default) continue;
        }
        if (!actor_compatible(src, d->text(c, 8)) || !actor_compatible(tgt, d->text(c, 9))) continue;
        if (!loc_compatible(e, c, d)) continue;
        long long id = d->int64(c, 0);
        int flo = d->is_null(c, 6) ? -1 : (int)d->int64(c, 6);
        int fhi = d->is_null(c, 7) ? -1 : (int)d->int64(c, 7);
        fat_range(as, id, &flo, &fhi);
        if (!fat_compatible(e, flo, fhi)) continue;
        found = id;
        break;
    }
    d->reset(c);
    if (rc < 0) { dyad_st_fail(s, "candidates"); return -1; }
    return found;
}

/* The 32 mention columns as strings (NULL = SQL NULL), in insert order. */
#define MCOLS 32
typedef struct mrow { const char *v[MCOLS]; char num[MCOLS][32]; } mrow;

static void mention_row(mrow *r, long long id, long long event_id, const dyad_article *a,
                        const dyad_event *e)
{
    int k = 0;
#define NUM(fmt, x) (snprintf(r->num[k], sizeof r->num[k], fmt, x), r->v[k] = r->num[k], k++)
#define OPT(x) do { if ((x) < 0) r->v[k++] = NULL; else NUM("%d", (int)(x)); } while (0)
#define STR(x) (r->v[k++] = (x))
    const dyad_location *l = &e->location;
    NUM("%lld", id);
    NUM("%lld", event_id);
    STR(a->id);
    NUM("%d", e->sentence);
    STR(e->date);
    STR(e->date_from ? e->date_from : "article");
    STR(e->date_precision ? e->date_precision : "day");
    STR(e->source ? e->source : "");
    STR(e->source_name);
    STR(e->target ? e->target : "");
    STR(e->target_name);
    STR(e->code);
    STR(e->root);
    NUM("%d", e->quad);
    NUM("%.17g", e->goldstein);
    STR(e->plover);
    OPT(e->fatalities);
    OPT(e->injured);
    STR(e->has_location ? (l->name ? l->name : "") : NULL);
    STR(e->has_location ? l->country : NULL);
    if (e->has_location) { NUM("%.17g", l->lat); NUM("%.17g", l->lon); }
    else { STR(NULL); STR(NULL); }
    STR(e->has_location ? (l->kind ? l->kind : "") : NULL);
    NUM("%d", e->negated ? 1 : 0);
    STR(e->text);
    STR(e->rule);
    OPT(e->source_span.start); OPT(e->source_span.end);
    OPT(e->target_span.start); OPT(e->target_span.end);
    OPT(e->verb_span.start); OPT(e->verb_span.end);
#undef NUM
#undef OPT
#undef STR
}

static int insert_mention(dyad_store *s, const mrow *r)
{
    st_stmt *st = dyad_st_stmt(s, ST_MENTION_INSERT);
    if (!st) return DYAD_ERR;
    for (int i = 0; i < MCOLS; i++) s->d->bind_text(st, i + 1, r->v[i]);
    if (s->d->step(st) < 0) return dyad_st_fail(s, "insert mention");
    s->d->reset(st);
    return DYAD_OK;
}

/* COPY text format: \N for NULL; backslash, tab, newline, CR escaped. */
static void copy_row(dyad_buf *b, const mrow *r)
{
    for (int i = 0; i < MCOLS; i++) {
        if (i) dyad_buf_putc(b, '\t');
        if (!r->v[i]) { dyad_buf_puts(b, "\\N"); continue; }
        for (const char *p = r->v[i]; *p; p++) {
            switch (*p) {
            case '\\': dyad_buf_puts(b, "\\\\"); break;
            case '\t': dyad_buf_puts(b, "\\t"); break;
            case '\n': dyad_buf_puts(b, "\\n"); break;
            case '\r': dyad_buf_puts(b, "\\r"); break;
            default: dyad_buf_putc(b, *p);
            }
        }
    }
    dyad_buf_putc(b, '\n');
}

static long long new_event(dyad_store *s, const dyad_article *a, const dyad_event *e, mrow *row)
{
    long long id = next_id(s, ST_EVENT_NEXT_ID);
    if (id < 0) return -1;
    st_stmt *st = dyad_st_stmt(s, ST_EVENT_INSERT);
    if (!st) return -1;
    mention_row(row, 0, id, a, e);
    const st_driver *d = s->d;
    d->bind_int(st, 1, id);
    for (int i = 2; i <= 25; i++) d->bind_text(st, i, row->v[i]);
    d->bind_text(st, 26, a->url);
    d->bind_text(st, 27, s->now);
    if (d->step(st) < 0) { dyad_st_fail(s, "insert event"); return -1; }
    d->reset(st);
    return id;
}

static int valid_event(dyad_store *s, const dyad_article *a, const dyad_event *e, int i)
{
    if (dyad_st_days(e->date) != DYAD_ST_BAD_DAY && strlen(e->code) >= 2) return 1;
    snprintf(s->err, sizeof s->err, "article %s: event %d without a valid date or code", a->id, i);
    return 0;
}

/* Place every report, write the mentions (COPY or INSERT), then refresh the
 * events that had reports before or got more than one from this article. */
static int put_events(dyad_store *s, const dyad_article *a, const dyad_event *evs, int n)
{
    for (int i = 0; i < n; i++)                 /* all or nothing: check before writing */
        if (!valid_event(s, a, &evs[i], i)) return DYAD_EPARSE;
    art_state as = { calloc((size_t)n + 1, sizeof(placed)), 0 };
    dyad_event *copy = calloc((size_t)n + 1, sizeof *copy);
    char *fresh = calloc((size_t)n + 1, 1);      /* report i created its event */
    mrow *row = malloc(sizeof *row);
    dyad_buf copybuf;
    dyad_buf_init(&copybuf);
    int rc = DYAD_OK;
    if (!as.p || !copy || !row || !fresh) { rc = DYAD_ENOMEM; snprintf(s->err, sizeof s->err, "out of memory"); }
    for (int i = 0; i < n && rc == DYAD_OK; i++) {
        const dyad_event *e = &evs[i];
        copy[i] = *e;
        if (!copy[i].root[0]) { copy[i].root[0] = e->code[0]; copy[i].root[1] = e->code[1]; copy[i].root[2] = 0; }
        long long id = find_event(s, &copy[i], &as);
        if (id == 0) { id = new_event(s, a, &copy[i], row); fresh[i] = 1; }
        if (id < 0) { rc = DYAD_ERR; break; }
        as.p[as.n++] = (placed){ id, e->fatalities, e->fatalities };
    }
    for (int i = 0; i < n && rc == DYAD_OK; i++) {
        long long mid = next_id(s, ST_MENTION_NEXT_ID);
        if (mid < 0) { rc = DYAD_ERR; break; }
        mention_row(row, mid, as.p[i].event_id, a, &copy[i]);
        if (s->d->copy_mentions) copy_row(&copybuf, row);
        else rc = insert_mention(s, row);
    }
    if (rc == DYAD_OK && s->d->copy_mentions && n) {
        if (copybuf.oom) { rc = DYAD_ENOMEM; snprintf(s->err, sizeof s->err, "out of memory"); }
        else if (s->d->copy_mentions(s->db, copybuf.data, copybuf.len) != 0) rc = dyad_st_fail(s, "copy mentions");
    }
    for (int i = 0; i < as.n && rc == DYAD_OK; i++) {
        int seen = 0, more = 0;
        for (int j = 0; j < i && !seen; j++) seen = as.p[j].event_id == as.p[i].event_id;
        for (int j = i + 1; j < as.n && !more; j++) more = as.p[j].event_id == as.p[i].event_id;
        if (!seen && (!fresh[i] || more)) rc = refresh_event(s, as.p[i].event_id);
    }
    dyad_buf_free(&copybuf);
    free(row);
    free(fresh);
    free(copy);
    free(as.p);
    return rc;
}

/* Remove an article's mentions and the article; refresh what they touched. */
static int remove_article(dyad_store *s, const char *id)
{
    const st_driver *d = s->d;
    long long *ids = NULL;
    size_t n = 0, cap = 0;
    st_stmt *st = dyad_st_stmt(s, ST_ART_MENTION_EVENTS);
    if (!st) return DYAD_ERR;
    d->bind_text(st, 1, id);
    int rc;
    while ((rc = d->step(st)) == 1) {
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            long long *p = realloc(ids, cap * sizeof *ids);
            if (!p) { free(ids); d->reset(st); return DYAD_ENOMEM; }
            ids = p;
        }
        ids[n++] = d->int64(st, 0);
    }
    d->reset(st);
    if (rc < 0) { free(ids); return dyad_st_fail(s, "article events"); }
    int ret = DYAD_OK;
    s->next_event = s->next_mention = 0;        /* deleting may free the highest ids */
    int which[2] = { ST_MENTION_DELETE_ART, ST_ART_DELETE };
    for (int i = 0; i < 2 && ret == DYAD_OK; i++) {
        if (!(st = dyad_st_stmt(s, which[i]))) { ret = DYAD_ERR; break; }
        d->bind_text(st, 1, id);
        if (d->step(st) < 0) ret = dyad_st_fail(s, "delete article");
        d->reset(st);
    }
    for (size_t i = 0; i < n && ret == DYAD_OK; i++) ret = refresh_event(s, ids[i]);
    free(ids);
    return ret;
}

/* 1 same hash, 2 other hash, 0 absent, <0 error. */
static int article_state(dyad_store *s, const char *id, const char *hash)
{
    st_stmt *st = dyad_st_stmt(s, ST_ART_HASH);
    if (!st) return DYAD_ERR;
    s->d->bind_text(st, 1, id);
    int rc = s->d->step(st);
    int state = rc < 0 ? dyad_st_fail(s, "article lookup") : rc == 0 ? 0
              : !strcmp(s->d->text(st, 0), hash) ? 1 : 2;
    s->d->reset(st);
    return state;
}

static int put_in_savepoint(dyad_store *s, const dyad_article *a, const dyad_event *evs, int n,
                            const char *hash, int *what)
{
    int state = article_state(s, a->id, hash);
    if (state < 0) return state;
    if (state == 1) { *what = DYAD_STORE_UNCHANGED; return DYAD_OK; }
    if (state == 2 && remove_article(s, a->id) != DYAD_OK) return DYAD_ERR;
    *what = state == 2 ? DYAD_STORE_REPLACED : DYAD_STORE_ADDED;
    s->written++;
    char media[256];
    media_of(a, media, sizeof media);
    st_stmt *st = dyad_st_stmt(s, ST_ART_INSERT);
    if (!st) return DYAD_ERR;
    const st_driver *d = s->d;
    d->bind_text(st, 1, a->id);
    d->bind_text(st, 2, a->date);
    d->bind_text(st, 3, a->url);
    d->bind_text(st, 4, a->source);
    d->bind_text(st, 5, a->title);
    d->bind_text(st, 6, media);
    d->bind_text(st, 7, hash);
    d->bind_text(st, 8, s->now);
    if (d->step(st) < 0) return dyad_st_fail(s, "insert article");
    d->reset(st);
    return put_events(s, a, evs, n);
}

int dyad_store_put_article(dyad_store *s, const dyad_article *a, const dyad_event *evs, int n,
                           int *what)
{
    int dummy;
    if (!what) what = &dummy;
    *what = 0;
    if (!a->id || !*a->id || !a->date || dyad_st_days(a->date) == DYAD_ST_BAD_DAY) {
        snprintf(s->err, sizeof s->err, "article %s: missing id or invalid date",
                 a->id ? a->id : "(no id)");
        return DYAD_EPARSE;
    }
    char hash[33];
    dyad_store_content_hash(a, evs, n, hash);
    int own = !s->in_batch;
    if (own && dyad_store_begin(s) != DYAD_OK) return DYAD_ERR;
    if (s->d->exec(s->db, "SAVEPOINT dyad_article") != 0) {
        int rc = dyad_st_fail(s, "savepoint");
        if (own) dyad_store_rollback(s);
        return rc;
    }
    int rc = put_in_savepoint(s, a, evs, n, hash, what);
    if (rc != DYAD_OK) {
        char keep[sizeof s->err];
        memcpy(keep, s->err, sizeof keep);
        s->d->exec(s->db, "ROLLBACK TO SAVEPOINT dyad_article");
        s->next_event = s->next_mention = 0;
        s->d->exec(s->db, "RELEASE SAVEPOINT dyad_article");
        memcpy(s->err, keep, sizeof keep);
        *what = 0;
        if (own) dyad_store_rollback(s);
        return rc;
    }
    if (s->d->exec(s->db, "RELEASE SAVEPOINT dyad_article") != 0) {
        rc = dyad_st_fail(s, "release savepoint");
        if (own) dyad_store_rollback(s);
        return rc;
    }
    return own ? dyad_store_commit(s) : DYAD_OK;
}

int dyad_store_delete_article(dyad_store *s, const char *id)
{
    int own = !s->in_batch;
    if (own && dyad_store_begin(s) != DYAD_OK) return DYAD_ERR;
    int rc = remove_article(s, id);
    if (own) return rc == DYAD_OK ? dyad_store_commit(s) : (dyad_store_rollback(s), rc);
    return rc;
}
