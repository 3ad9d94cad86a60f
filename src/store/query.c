/*
 * query.c — reading the store: filtered events, counts, series, top dyads,
 * actor search and health (backend-neutral, through driver.h).
 *
 * A filter becomes one WHERE clause with bound parameters only (actor
 * prefixes as half-open ranges so the (source, target, root, date) and
 * (target, date) indexes apply). Event iteration goes page by page with
 * keyset paging on the sort key (no OFFSET scans after the first page) and
 * fetches the mentions of a whole page in one query, so exporting millions
 * of events streams in constant memory on both backends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/driver.h"
#include "store/dates.h"
#include "util/arena.h"

#define PAGE 512
#define MAXP 48
#define NSTRS 14

/* ---- building the WHERE clause --------------------------------------- */

typedef struct qparam { int is_int; long long i; char *s; } qparam;

typedef struct qb {
    dyad_buf sql;
    int np;
    qparam p[MAXP];
    int nconds;
    int side;           /* 0: "either side" filters as OR; 1 / 2: only their first / second
                           branch; 3: both branches at once */
} qb;

static void qb_init(qb *q) { memset(q, 0, sizeof *q); dyad_buf_init(&q->sql); }

static void qb_free(qb *q)
{
    for (int i = 0; i < q->np; i++) free(q->p[i].s);
    dyad_buf_free(&q->sql);
}

static int qb_text(qb *q, const char *s)
{
    if (q->np >= MAXP) return 0;
    q->p[q->np].is_int = 0;
    q->p[q->np].s = strdup(s ? s : "");
    if (!q->p[q->np].s) q->sql.oom = 1;
    return ++q->np;
}

static int qb_int(qb *q, long long v)
{
    if (q->np >= MAXP) return 0;
    q->p[q->np].is_int = 1;
    q->p[q->np].i = v;
    return ++q->np;
}

static void qb_and(qb *q)
{
    dyad_buf_puts(&q->sql, q->nconds++ ? " AND " : " WHERE ");
}

/* Does a prefix of n bytes need its range (see prefix_cond)? */
static int needs_range(size_t n, int is_code)
{
    return is_code ? n != 2 : n != 3;
}

/* The condition "col starts with the prefix bound at ?lo (?hi: its upper
 * bound)". A 3-letter actor prefix is a country: equality on the
 * substr(col, 1, 3) expression indexes, which also keep date order (no sort
 * for "newest first"); a 2-digit code prefix is the root; anything else is
 * the half-open range [lo, hi) on the column's own index. */
static void prefix_cond(qb *q, const char *col, int lo, int hi)
{
    size_t n = strlen(q->p[lo - 1].s);
    int is_code = !strcmp(col, "code");
    if (!needs_range(n, is_code) && !is_code)
        dyad_buf_printf(&q->sql, "substr(%s, 1, 3) = ?%d", col, lo);
    else if (!needs_range(n, is_code))
        dyad_buf_printf(&q->sql, "root = ?%d", lo);
    else
        dyad_buf_printf(&q->sql, "(%s >= ?%d AND %s < ?%d)", col, lo, col, hi);
}

/* Bind prefix p and, when a range is needed, its upper bound (at lo + 1;
 * PostgreSQL wants every bound parameter used). Returns lo. */
static int prefix_params(qb *q, const char *p, int is_code)
{
    int lo = qb_text(q, p);
    size_t n = strlen(p);
    if (!needs_range(n, is_code)) return lo;
    char *hi = malloc(n + 2);
    if (!hi) { q->sql.oom = 1; return lo; }
    memcpy(hi, p, n + 1);
    if (n && (unsigned char)hi[n - 1] < 0x7f) hi[n - 1]++;
    else { hi[n] = '\x7f'; hi[n + 1] = '\0'; }
    qb_text(q, hi);
    free(hi);
    return lo;
}

static void either_side(qb *q, const char *p)
{
    int lo = prefix_params(q, p, 0);
    qb_and(q);
    if (q->side == 3) {
        dyad_buf_putc(&q->sql, '(');
        prefix_cond(q, "source", lo, lo + 1);
        dyad_buf_puts(&q->sql, " AND ");
        prefix_cond(q, "target", lo, lo + 1);
        dyad_buf_putc(&q->sql, ')');
        return;
    }
    if (q->side) { prefix_cond(q, q->side == 1 ? "source" : "target", lo, lo + 1); return; }
    dyad_buf_putc(&q->sql, '(');
    prefix_cond(q, "source", lo, lo + 1);
    dyad_buf_puts(&q->sql, " OR ");
    prefix_cond(q, "target", lo, lo + 1);
    dyad_buf_putc(&q->sql, ')');
}

static void one_side(qb *q, const char *col, const char *p)
{
    int lo = prefix_params(q, p, !strcmp(col, "code"));
    qb_and(q);
    prefix_cond(q, col, lo, lo + 1);
}

static void dyad_pair(qb *q, int a, int b)
{
    dyad_buf_putc(&q->sql, '(');
    prefix_cond(q, "source", a, a + 1);
    dyad_buf_puts(&q->sql, " AND ");
    prefix_cond(q, "target", b, b + 1);
    dyad_buf_putc(&q->sql, ')');
}

/* How many "either side" conditions f has (actor, country, undirected dyad). */
static int either_count(const dyad_store_filter *f)
{
    return (f->actor && *f->actor) + (f->country && *f->country) +
           (f->dyad_a && *f->dyad_a && f->dyad_b && *f->dyad_b && !f->directed);
}

static void where(dyad_store *s, qb *q, const dyad_store_filter *f)
{
    if (f->actor && *f->actor) either_side(q, f->actor);
    if (f->country && *f->country) either_side(q, f->country);
    if (f->source && *f->source) one_side(q, "source", f->source);
    if (f->target && *f->target) one_side(q, "target", f->target);
    if (f->dyad_a && *f->dyad_a && f->dyad_b && *f->dyad_b) {
        int a = prefix_params(q, f->dyad_a, 0), b = prefix_params(q, f->dyad_b, 0);
        qb_and(q);
        if (q->side == 3 && !f->directed) {     /* A on B and B on A */
            dyad_buf_putc(&q->sql, '(');
            dyad_pair(q, a, b);
            dyad_buf_puts(&q->sql, " AND ");
            dyad_pair(q, b, a);
            dyad_buf_putc(&q->sql, ')');
        } else if (f->directed || q->side) {    /* one direction: A on B (branch 2: B on A) */
            if (q->side == 2 && !f->directed) { int t = a; a = b; b = t; }
            dyad_pair(q, a, b);
        } else {
            dyad_buf_putc(&q->sql, '(');
            dyad_pair(q, a, b);
            dyad_buf_puts(&q->sql, " OR ");
            dyad_pair(q, b, a);
            dyad_buf_putc(&q->sql, ')');
        }
    }
    if (f->code && *f->code) one_side(q, "code", f->code);
    if (f->root && *f->root) { int i = qb_text(q, f->root); qb_and(q); dyad_buf_printf(&q->sql, "root = ?%d", i); }
    if (f->quad) { int i = qb_int(q, f->quad); qb_and(q); dyad_buf_printf(&q->sql, "quad = ?%d", i); }
    if (f->from && *f->from) { int i = qb_text(q, f->from); qb_and(q); dyad_buf_printf(&q->sql, "date >= ?%d", i); }
    if (f->to && *f->to) { int i = qb_text(q, f->to); qb_and(q); dyad_buf_printf(&q->sql, "date <= ?%d", i); }
    if (f->place && *f->place) {
        int i = qb_text(q, f->place);
        qb_and(q);
        dyad_buf_printf(&q->sql, "lower(loc_name) = lower(CAST(?%d AS TEXT))", i);
    }
    if (f->place_country && *f->place_country) {
        int i = qb_text(q, f->place_country);
        qb_and(q);
        dyad_buf_printf(&q->sql, "loc_country = ?%d", i);
    }
    if (f->text && *f->text) {
        dyad_buf words;
        dyad_buf_init(&words);
        s->d->fts_param(f->text, &words);
        int i = qb_text(q, words.data ? words.data : "");
        dyad_buf_free(&words);
        qb_and(q);
        s->d->fts_cond(&q->sql, i);
    }
    if (f->article_id && *f->article_id) {
        int i = qb_text(q, f->article_id);
        qb_and(q);
        dyad_buf_printf(&q->sql, "id IN (SELECT event_id FROM mentions WHERE article_id = ?%d)", i);
    }
    if (f->event_id) { int i = qb_int(q, f->event_id); qb_and(q); dyad_buf_printf(&q->sql, "id = ?%d", i); }
}

static st_stmt *qb_prepare(dyad_store *s, qb *q)
{
    if (q->sql.oom || q->np >= MAXP) {
        snprintf(s->err, sizeof s->err, "query too large");
        return NULL;
    }
    st_stmt *st = s->d->prepare(s->db, q->sql.data);
    if (!st) { dyad_st_fail(s, "query"); return NULL; }
    for (int i = 0; i < q->np; i++) {
        if (q->p[i].is_int) s->d->bind_int(st, i + 1, q->p[i].i);
        else s->d->bind_text(st, i + 1, q->p[i].s);
    }
    return st;
}

/* ---- iterating events ------------------------------------------------- */

struct dyad_store_iter {
    dyad_store *s;
    dyad_store_filter f;
    char *strs[NSTRS];          /* owned copies of the filter's strings */
    dyad_arena arena;           /* one page of events and mentions */
    dyad_store_event *page;
    int n, pos;
    long returned;              /* events handed out so far */
    int done, first;
    /* keyset: the last row of the previous page */
    char last_date[11];
    long long last_id, last_mentions;
};

static const char *dup_into(dyad_arena *a, st_stmt *st, const st_driver *d, int c)
{
    if (d->is_null(st, c)) return NULL;
    return dyad_arena_strdup(a, d->text(st, c));
}

static void copy10(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

static int opt_int(st_stmt *st, const st_driver *d, int c)
{
    return d->is_null(st, c) ? -1 : (int)d->int64(st, c);
}

/* Fields shared by events and mentions, starting at column c0 in the
 * ST_MENTION_FIELDS order (events skip the three event-only columns). */
static void read_fields(dyad_arena *a, st_stmt *st, const st_driver *d, dyad_event *e, int c0, int is_event)
{
    int c = c0;
    copy10(e->date, sizeof e->date, d->text(st, c++));
    e->date_from = dup_into(a, st, d, c++);
    e->date_precision = dup_into(a, st, d, c++);
    e->source = dup_into(a, st, d, c++);
    e->source_name = dup_into(a, st, d, c++);
    e->target = dup_into(a, st, d, c++);
    e->target_name = dup_into(a, st, d, c++);
    copy10(e->code, sizeof e->code, d->text(st, c++));
    copy10(e->root, sizeof e->root, d->text(st, c++));
    e->quad = (int)d->int64(st, c++);
    e->goldstein = d->dbl(st, c++);
    e->plover = dup_into(a, st, d, c++);
    e->fatalities = opt_int(st, d, c++);
    if (is_event) c += 2;                       /* fatalities_min, fatalities_max */
    e->injured = opt_int(st, d, c++);
    e->has_location = !d->is_null(st, c + 1);
    e->location.name = dup_into(a, st, d, c++);
    copy10(e->location.country, sizeof e->location.country, d->text(st, c++));
    e->location.lat = d->dbl(st, c++);
    e->location.lon = d->dbl(st, c++);
    e->location.kind = dup_into(a, st, d, c++);
    e->negated = (int)d->int64(st, c++);
    e->text = dup_into(a, st, d, c++);
    e->rule = dup_into(a, st, d, c++);
    e->source_span = e->target_span = e->verb_span = (dyad_span){ -1, -1 };
}

static void read_event(dyad_store_iter *it, st_stmt *st, dyad_store_event *out)
{
    const st_driver *d = it->s->d;
    dyad_arena *a = &it->arena;
    memset(out, 0, sizeof *out);
    out->stats.event_id = d->int64(st, 0);
    out->stats.event_key = dup_into(a, st, d, 1);
    read_fields(a, st, d, &out->ev, 2, 1);
    out->stats.fatalities_min = opt_int(st, d, 15);
    out->stats.fatalities_max = opt_int(st, d, 16);
    out->ev.article_id = dup_into(a, st, d, 26);
    out->ev.sentence = (int)d->int64(st, 27);
    out->stats.num_mentions = (int)d->int64(st, 28);
    out->stats.num_sources = (int)d->int64(st, 29);
    out->stats.num_articles = (int)d->int64(st, 30);
    out->stats.source_url = dup_into(a, st, d, 31);
    out->stats.date_added = dup_into(a, st, d, 32);
}

static void order_sql(dyad_buf *b, dyad_store_order o)
{
    switch (o) {
    case DYAD_ORDER_DATE_ASC: dyad_buf_puts(b, " ORDER BY date, id"); break;
    case DYAD_ORDER_MENTIONS: dyad_buf_puts(b, " ORDER BY num_mentions DESC, date DESC, id DESC"); break;
    case DYAD_ORDER_ID: dyad_buf_puts(b, " ORDER BY id"); break;
    default: dyad_buf_puts(b, " ORDER BY date DESC, id DESC"); break;
    }
}

static void keyset_sql(qb *q, const dyad_store_iter *it)
{
    int id = qb_int(q, it->last_id);
    qb_and(q);
    if (it->f.order == DYAD_ORDER_ID) {             /* every parameter must be used (PostgreSQL) */
        dyad_buf_printf(&q->sql, "id > ?%d", id);
        return;
    }
    int dt = qb_text(q, it->last_date);
    switch (it->f.order) {
    case DYAD_ORDER_DATE_ASC:
        dyad_buf_printf(&q->sql, "(date > ?%d OR (date = ?%d AND id > ?%d))", dt, dt, id);
        break;
    case DYAD_ORDER_MENTIONS: {
        int m = qb_int(q, it->last_mentions);
        dyad_buf_printf(&q->sql, "(num_mentions < ?%d OR (num_mentions = ?%d AND (date < ?%d OR "
                                 "(date = ?%d AND id < ?%d))))", m, m, dt, dt, id);
        break;
    }
    default:
        dyad_buf_printf(&q->sql, "(date < ?%d OR (date = ?%d AND id < ?%d))", dt, dt, id);
        break;
    }
}

static int cmp_event_id(const void *a, const void *b)
{
    long long x = ((const dyad_store_event *)a)->stats.event_id;
    long long y = ((const dyad_store_event *)b)->stats.event_id;
    return (x > y) - (x < y);
}

/* Load the mentions of the current page's events (one query). */
static int load_mentions(dyad_store_iter *it)
{
    dyad_store *s = it->s;
    const st_driver *d = s->d;
    /* a sorted copy of (id -> index) to place mentions */
    dyad_store_event **byid = dyad_arena_alloc(&it->arena, (size_t)it->n * sizeof *byid);
    dyad_store_event *sorted = dyad_arena_alloc(&it->arena, (size_t)it->n * sizeof *sorted);
    if (!byid || !sorted) { snprintf(s->err, sizeof s->err, "out of memory"); return DYAD_ENOMEM; }
    for (int i = 0; i < it->n; i++) {
        sorted[i] = it->page[i];
        sorted[i].nmentions = i;                 /* remember the page index */
    }
    qsort(sorted, (size_t)it->n, sizeof *sorted, cmp_event_id);
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_puts(&sql, "SELECT m.id, m.event_id, m.article_id, a.date, a.url, a.source, a.title, "
        "m.sentence, m.date, m.date_from, m.date_precision, m.source, m.source_name, m.target, "
        "m.target_name, m.code, m.root, m.quad, m.goldstein, m.plover, m.fatalities, m.injured, "
        "m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_kind, m.negated, m.text, m.rule, "
        "m.s_start, m.s_end, m.t_start, m.t_end, m.v_start, m.v_end "
        "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id IN (");
    for (int i = 0; i < it->n; i++) dyad_buf_printf(&sql, "%s%lld", i ? "," : "", sorted[i].stats.event_id);
    dyad_buf_puts(&sql, ") ORDER BY m.event_id, m.id");
    st_stmt *st = sql.oom ? NULL : d->prepare(s->db, sql.data);
    dyad_buf_free(&sql);
    if (!st) return dyad_st_fail(s, "mentions");
    /* two passes would need the rows twice; collect into a growing arena array per event */
    int rc, k = 0;
    dyad_store_mention *cur = NULL;
    int cap = 0;
    dyad_store_event *ev = NULL;
    while ((rc = d->step(st)) == 1) {
        long long eid = d->int64(st, 1);
        while (k < it->n && sorted[k].stats.event_id < eid) k++;
        if (k >= it->n) break;
        dyad_store_event *target = &it->page[sorted[k].nmentions];
        if (target != ev) { ev = target; ev->nmentions = 0; cur = NULL; cap = 0; }
        if (ev->nmentions == cap) {
            int ncap = cap ? cap * 2 : 4;
            dyad_store_mention *m = dyad_arena_alloc(&it->arena, (size_t)ncap * sizeof *m);
            if (!m) { rc = DYAD_ENOMEM; break; }
            if (cur) memcpy(m, cur, (size_t)ev->nmentions * sizeof *m);
            cur = m;
            cap = ncap;
            ev->mentions = cur;
        }
        dyad_store_mention *m = &cur[ev->nmentions++];
        memset(m, 0, sizeof *m);
        dyad_arena *a = &it->arena;
        m->id = d->int64(st, 0);
        m->article_id = dup_into(a, st, d, 2);
        m->article_date = dup_into(a, st, d, 3);
        m->url = dup_into(a, st, d, 4);
        m->media_source = dup_into(a, st, d, 5);
        m->title = dup_into(a, st, d, 6);
        m->sentence = (int)d->int64(st, 7);
        read_fields(a, st, d, &m->ev, 8, 0);
        m->ev.article_id = m->article_id;
        m->ev.sentence = m->sentence;
        dyad_span *sp[3] = { &m->ev.source_span, &m->ev.target_span, &m->ev.verb_span };
        for (int i = 0; i < 3; i++) { sp[i]->start = opt_int(st, d, 30 + 2 * i); sp[i]->end = opt_int(st, d, 31 + 2 * i); }
    }
    d->finalize(st);
    if (rc < 0) return rc == DYAD_ENOMEM ? rc : dyad_st_fail(s, "mentions");
    return DYAD_OK;
}

static int fetch_page(dyad_store_iter *it)
{
    dyad_store *s = it->s;
    dyad_arena_reset(&it->arena);
    it->n = it->pos = 0;
    long want = PAGE;
    if (it->f.limit > 0 && it->f.limit - it->returned < want) want = it->f.limit - it->returned;
    if (want <= 0) { it->done = 1; return DYAD_OK; }
    qb q;
    qb_init(&q);
    /* One "either side" filter (actor USA: source USA* OR target USA*) as an
     * OR cannot walk an index in date order: the database collects every
     * match and sorts. As two branches, each walks its own (country, date)
     * index and stops after a page; the UNION merges them (and drops an
     * event matching both). */
    int split = either_count(&it->f) == 1 &&
                (it->f.order == DYAD_ORDER_DATE_DESC || it->f.order == DYAD_ORDER_DATE_ASC);
    if (split) {
        long branch = want + (it->first ? it->f.offset : 0);
        for (q.side = 1; q.side <= 2; q.side++) {
            dyad_buf_printf(&q.sql, "%sSELECT " ST_EVENT_COLS " FROM (SELECT " ST_EVENT_COLS " FROM events",
                            q.side == 1 ? "" : " UNION ");
            q.nconds = 0;
            where(s, &q, &it->f);
            if (!it->first) keyset_sql(&q, it);
            order_sql(&q.sql, it->f.order);
            int bi = qb_int(&q, branch);
            dyad_buf_printf(&q.sql, " LIMIT ?%d) AS b%d", bi, q.side);
        }
    } else {
        dyad_buf_puts(&q.sql, "SELECT " ST_EVENT_COLS " FROM events");
        where(s, &q, &it->f);
        if (!it->first) keyset_sql(&q, it);
    }
    order_sql(&q.sql, it->f.order);
    int li = qb_int(&q, want);
    dyad_buf_printf(&q.sql, " LIMIT ?%d", li);
    if (it->first && it->f.offset > 0) {
        int oi = qb_int(&q, it->f.offset);
        dyad_buf_printf(&q.sql, " OFFSET ?%d", oi);
    }
    st_stmt *st = qb_prepare(s, &q);
    qb_free(&q);
    if (!st) return DYAD_ERR;
    it->page = dyad_arena_alloc(&it->arena, (size_t)want * sizeof *it->page);
    if (!it->page) { s->d->finalize(st); snprintf(s->err, sizeof s->err, "out of memory"); return DYAD_ENOMEM; }
    int rc;
    while ((rc = s->d->step(st)) == 1) read_event(it, st, &it->page[it->n++]);
    s->d->finalize(st);
    if (rc < 0) return dyad_st_fail(s, "query");
    it->first = 0;
    if (it->n < want) it->done = 1;
    if (it->n) {
        const dyad_store_event *last = &it->page[it->n - 1];
        copy10(it->last_date, sizeof it->last_date, last->ev.date);
        it->last_id = last->stats.event_id;
        it->last_mentions = last->stats.num_mentions;
    }
    if (it->f.with_mentions && it->n) return load_mentions(it);
    return DYAD_OK;
}

dyad_store_iter *dyad_store_query(dyad_store *s, const dyad_store_filter *f)
{
    dyad_store_iter *it = calloc(1, sizeof *it);
    if (!it) { snprintf(s->err, sizeof s->err, "out of memory"); return NULL; }
    it->s = s;
    it->f = *f;
    it->first = 1;
    dyad_arena_init(&it->arena, 1 << 16);
    /* own the filter's strings: the caller's may go away before next() */
    const char **fields[NSTRS] = { &it->f.actor, &it->f.source, &it->f.target, &it->f.country,
        &it->f.dyad_a, &it->f.dyad_b, &it->f.code, &it->f.root, &it->f.from, &it->f.to,
        &it->f.place, &it->f.place_country, &it->f.text, &it->f.article_id };
    for (int i = 0; i < NSTRS; i++) {
        if (!*fields[i]) continue;
        if (!(it->strs[i] = strdup(*fields[i]))) {
            snprintf(s->err, sizeof s->err, "out of memory");
            dyad_store_iter_free(it);
            return NULL;
        }
        *fields[i] = it->strs[i];
    }
    if (fetch_page(it) != DYAD_OK) { dyad_store_iter_free(it); return NULL; }
    return it;
}

int dyad_store_next(dyad_store_iter *it, const dyad_store_event **out)
{
    if (it->pos >= it->n) {
        if (it->done) return 0;
        int rc = fetch_page(it);
        if (rc != DYAD_OK) return rc;
        if (it->n == 0) return 0;
    }
    *out = &it->page[it->pos++];
    it->returned++;
    return 1;
}

void dyad_store_iter_free(dyad_store_iter *it)
{
    if (!it) return;
    for (int i = 0; i < NSTRS; i++) free(it->strs[i]);
    dyad_arena_free(&it->arena);
    free(it);
}

int dyad_store_count(dyad_store *s, const dyad_store_filter *f, long long *n)
{
    qb q;
    qb_init(&q);
    dyad_buf_puts(&q.sql, "SELECT count(*) FROM events");
    where(s, &q, f);
    st_stmt *st = qb_prepare(s, &q);
    qb_free(&q);
    if (!st) return DYAD_ERR;
    int rc = s->d->step(st);
    if (rc == 1) *n = s->d->int64(st, 0);
    s->d->finalize(st);
    return rc == 1 ? DYAD_OK : dyad_st_fail(s, "count");
}

/* ---- series ----------------------------------------------------------- */

int dyad_store_series(dyad_store *s, const dyad_store_filter *f, dyad_store_period by,
                      dyad_store_point_fn fn, void *user)
{
    const st_driver *d = s->d;
    qb q;
    qb_init(&q);
#define SERIES_AGG(S) S "count(*) AS n, " S "sum(num_mentions) AS m, " S "sum(goldstein) AS g, " \
        S "sum(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS q1, " S "sum(CASE WHEN quad = 2 THEN 1 ELSE 0 END) AS q2, " \
        S "sum(CASE WHEN quad = 3 THEN 1 ELSE 0 END) AS q3, " S "sum(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS q4, " \
        S "sum(coalesce(fatalities, 0)) AS k"
    if (either_count(f) == 1) {
        /* An "either side" filter as an OR makes the database fetch every
         * matching row from the table. Instead: source side + target side -
         * both sides, each part aggregated from its covering (country, date,
         * ...) or (country, country, date, ...) index alone, then added up. */
        dyad_buf_puts(&q.sql, "SELECT date, sum(n), sum(m), sum(g), sum(q1), sum(q2), sum(q3), sum(q4), "
                              "sum(k) FROM (");
        for (q.side = 1; q.side <= 3; q.side++) {
            dyad_buf_printf(&q.sql, "%sSELECT date, %s FROM events", q.side == 1 ? "" : " UNION ALL ",
                            q.side < 3 ? SERIES_AGG("") : SERIES_AGG("-"));
            q.nconds = 0;
            where(s, &q, f);
            dyad_buf_puts(&q.sql, " GROUP BY date");
        }
        dyad_buf_puts(&q.sql, ") AS h GROUP BY date ORDER BY date");
    } else {
        dyad_buf_puts(&q.sql, "SELECT date, " SERIES_AGG("") " FROM events");
        where(s, &q, f);
        dyad_buf_puts(&q.sql, " GROUP BY date ORDER BY date");
    }
#undef SERIES_AGG
    st_stmt *st = qb_prepare(s, &q);
    qb_free(&q);
    if (!st) return DYAD_ERR;
    dyad_store_point p;
    memset(&p, 0, sizeof p);
    long cur = DYAD_ST_BAD_DAY, end = DYAD_ST_BAD_DAY;
    if (f->from && dyad_st_days(f->from) != DYAD_ST_BAD_DAY) cur = dyad_st_bucket(dyad_st_days(f->from), by);
    if (f->to && dyad_st_days(f->to) != DYAD_ST_BAD_DAY) end = dyad_st_bucket(dyad_st_days(f->to), by);
    int rc, stop = 0;
    /* emit buckets [cur, upto) with what p holds for cur, zeros for the rest */
#define FLUSH_UNTIL(upto) do { \
        while (!stop && cur != DYAD_ST_BAD_DAY && cur < (upto)) { \
            dyad_st_date(cur, p.period); \
            p.goldstein_mean = p.events ? p.goldstein_sum / (double)p.events : 0; \
            if (fn(&p, user)) stop = 1; \
            memset(&p, 0, sizeof p); \
            cur = dyad_st_bucket_next(cur, by); \
        } } while (0)
    while (!stop && (rc = d->step(st)) == 1) {
        long day = dyad_st_days(d->text(st, 0));
        if (day == DYAD_ST_BAD_DAY) continue;
        long b = dyad_st_bucket(day, by);
        if (cur == DYAD_ST_BAD_DAY) cur = b;
        FLUSH_UNTIL(b);
        if (stop) break;
        p.events += d->int64(st, 1);
        p.mentions += d->int64(st, 2);
        p.goldstein_sum += d->dbl(st, 3);
        for (int k = 1; k <= 4; k++) p.quad[k] += d->int64(st, 3 + k);
        p.fatalities += d->int64(st, 8);
        p.quad[0] = p.events - p.quad[1] - p.quad[2] - p.quad[3] - p.quad[4];
    }
    d->finalize(st);
    if (stop) return DYAD_STOP;
    if (rc < 0) return dyad_st_fail(s, "series");
    if (cur != DYAD_ST_BAD_DAY) {
        long last = end != DYAD_ST_BAD_DAY && end >= cur ? end : cur;
        FLUSH_UNTIL(dyad_st_bucket_next(last, by));
    }
#undef FLUSH_UNTIL
    return stop ? DYAD_STOP : DYAD_OK;
}

/* ---- top dyads -------------------------------------------------------- */

int dyad_store_top_dyads(dyad_store *s, const dyad_store_filter *f, dyad_store_rank rank,
                         int by_country, int limit, dyad_store_dyad_fn fn, void *user)
{
    const st_driver *d = s->d;
    const char *src = by_country ? "substr(source, 1, 3)" : "source";
    const char *tgt = by_country ? "substr(target, 1, 3)" : "target";
    qb q;
    qb_init(&q);
    dyad_buf_printf(&q.sql, "SELECT %s AS s, %s AS t, count(*), sum(num_mentions), sum(goldstein), "
        "sum(CASE WHEN goldstein < 0 THEN -goldstein ELSE 0 END), sum(coalesce(fatalities, 0)) "
        "FROM events", src, tgt);
    where(s, &q, f);
    qb_and(&q);
    /* by country: the same test on the country columns, so that the
     * covering (country, country, date, ...) index answers alone */
    dyad_buf_printf(&q.sql, "%s <> '' AND %s <> ''", src, tgt);
    dyad_buf_printf(&q.sql, " GROUP BY %s, %s ORDER BY %s DESC, 1, 2", src, tgt,
                    rank == DYAD_TOP_CONFLICT ? "6" : "3");
    int li = qb_int(&q, limit > 0 ? limit : 20);
    dyad_buf_printf(&q.sql, " LIMIT ?%d", li);
    st_stmt *st = qb_prepare(s, &q);
    qb_free(&q);
    if (!st) return DYAD_ERR;
    int rc;
    while ((rc = d->step(st)) == 1) {
        dyad_store_dyad dy = {
            .source = d->text(st, 0), .target = d->text(st, 1),
            .events = d->int64(st, 2), .mentions = d->int64(st, 3),
            .goldstein_sum = d->dbl(st, 4), .conflict = d->dbl(st, 5),
            .fatalities = d->int64(st, 6),
        };
        if (fn(&dy, user)) { rc = DYAD_STOP; break; }
    }
    d->finalize(st);
    if (rc == DYAD_STOP) return DYAD_STOP;
    return rc < 0 ? dyad_st_fail(s, "top dyads") : DYAD_OK;
}

/* ---- actor search ----------------------------------------------------- */

typedef struct actor_row { char *code, *name; long long events; } actor_row;

static int cmp_actor(const void *a, const void *b)
{
    const actor_row *x = a, *y = b;
    if (x->events != y->events) return x->events < y->events ? 1 : -1;
    return strcmp(x->code, y->code);
}

/* Every (code, name) pair with its number of events comes from two
 * index-only GROUP BY scans ((source, source_name) and (target, target_name)
 * indexes); the matching is done here, per code: a code matches when it
 * starts with q or one of its names contains q (both case-insensitive), and
 * then counts all its events under its most used name. */
int dyad_store_actors(dyad_store *s, const char *q0, int limit, dyad_store_actor_fn fn, void *user)
{
    const st_driver *d = s->d;
    const char *q = q0 ? q0 : "";
    size_t qn = strlen(q);
    if (limit <= 0) limit = 20;
    st_stmt *st = d->prepare(s->db,
        "SELECT code, name, sum(n) FROM ("
        "SELECT source AS code, coalesce(source_name, '') AS name, count(*) AS n FROM events "
        "WHERE source <> '' GROUP BY source, source_name "
        "UNION ALL SELECT target, coalesce(target_name, ''), count(*) FROM events "
        "WHERE target <> '' GROUP BY target, target_name) x "
        "GROUP BY code, name ORDER BY code, 3 DESC, name");
    if (!st) return dyad_st_fail(s, "actors");
    actor_row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc, ret = DYAD_OK, matched = 0;
    while ((rc = d->step(st)) == 1) {
        const char *code = d->text(st, 0), *name = d->text(st, 1);
        long long c = d->int64(st, 2);
        int new_code = !n || strcmp(rows[n - 1].code, code);
        if (!new_code) {
            rows[n - 1].events += c;
        } else {
            if (n && !matched) { free(rows[n - 1].code); free(rows[n - 1].name); n--; }
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                actor_row *r = realloc(rows, cap * sizeof *r);
                if (!r) { ret = DYAD_ENOMEM; break; }
                rows = r;
            }
            rows[n].code = strdup(code);
            rows[n].name = strdup(name);         /* the first name is the most used */
            rows[n].events = c;
            n++;
            if (!rows[n - 1].code || !rows[n - 1].name) { ret = DYAD_ENOMEM; break; }
            matched = !strncasecmp(code, q, qn);
        }
        if (!matched && qn && strcasestr(name, q)) matched = 1;
    }
    if (ret == DYAD_OK && n && !matched) { free(rows[n - 1].code); free(rows[n - 1].name); n--; }
    d->finalize(st);
    if (ret == DYAD_OK && rc < 0) ret = dyad_st_fail(s, "actors");
    if (ret == DYAD_OK) {
        if (n) qsort(rows, n, sizeof *rows, cmp_actor);
        for (size_t i = 0; i < n && (int)i < limit; i++) {
            dyad_store_actor a = { rows[i].code, rows[i].name, rows[i].events };
            if (fn(&a, user)) { ret = DYAD_STOP; break; }
        }
    } else if (ret == DYAD_ENOMEM) {
        snprintf(s->err, sizeof s->err, "out of memory");
    }
    for (size_t i = 0; i < n; i++) { free(rows[i].code); free(rows[i].name); }
    free(rows);
    return ret;
}

/* ---- health ----------------------------------------------------------- */

int dyad_store_info_get(dyad_store *s, dyad_store_info *out)
{
    memset(out, 0, sizeof *out);
    out->backend = s->d->name;
    char v[32];
    if (dyad_store_get_meta(s, "schema_version", v, sizeof v) != DYAD_OK) return DYAD_ERR;
    out->schema_version = atoi(v);
    if (dyad_store_get_meta(s, "dict_version", out->dict_version, sizeof out->dict_version) != DYAD_OK)
        return DYAD_ERR;
    st_stmt *st = s->d->prepare(s->db,
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM mentions), (SELECT min(date) FROM events), (SELECT max(date) FROM events)");
    if (!st) return dyad_st_fail(s, "info");
    int rc = s->d->step(st);
    if (rc == 1) {
        out->articles = s->d->int64(st, 0);
        out->events = s->d->int64(st, 1);
        out->mentions = s->d->int64(st, 2);
        copy10(out->first_date, sizeof out->first_date, s->d->text(st, 3));
        copy10(out->last_date, sizeof out->last_date, s->d->text(st, 4));
    }
    s->d->finalize(st);
    return rc == 1 ? DYAD_OK : dyad_st_fail(s, "info");
}
