/*
 * api.c — the JSON endpoints of `dyad serve` (doc/api.md).
 *
 * Each endpoint parses and validates its query parameters into a
 * dyad_store_filter (a bad parameter is a 400 naming it), asks the store,
 * and writes JSON into a dyad_buf. Events are written with the same JSON
 * writer as `dyad code` (src/io), so the API and the command line agree on
 * every field; the API then appends its own fields (id, counts, mentions).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"
#include "io/io.h"

#define MAX_LIMIT 1000
#define MAX_DYADS 100000   /* dyads scanned to build per-country totals */

void dyad_api_error(dyad_buf *out, const char *msg)
{
    dyad_buf_clear(out);
    dyad_buf_puts(out, "{\"error\":");
    dyad_buf_json_str(out, msg);
    dyad_buf_puts(out, "}");
}

/* ---- parameters --------------------------------------------------------- */

typedef struct params {
    dyad_param_fn get;
    void *req;
    char err[160];
    char dyad_a[16], dyad_b[16];
} params;

static int fail(params *p, const char *name, const char *why)
{
    snprintf(p->err, sizeof p->err, "bad parameter '%s': %s", name, why);
    return -1;
}

/* Actor/country code: upper-case letters and digits, 1..max characters. */
static int code_param(params *p, const char *name, size_t max, const char **out)
{
    const char *v = p->get(p->req, name);
    *out = NULL;
    if (!v || !*v) return 0;
    size_t n = strlen(v);
    if (n > max) return fail(p, name, "too long");
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)v[i]) && !isdigit((unsigned char)v[i]))
            return fail(p, name, "expected an upper-case CAMEO code");
    *out = v;
    return 0;
}

static int digits_param(params *p, const char *name, size_t min, size_t max, const char **out)
{
    const char *v = p->get(p->req, name);
    *out = NULL;
    if (!v || !*v) return 0;
    size_t n = strlen(v);
    if (n < min || n > max) return fail(p, name, "wrong length");
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)v[i])) return fail(p, name, "expected digits");
    *out = v;
    return 0;
}

static int long_param(params *p, const char *name, long lo, long hi, long dflt, long *out)
{
    const char *v = p->get(p->req, name);
    *out = dflt;
    if (!v || !*v) return 0;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < lo || n > hi) {
        char why[64];
        snprintf(why, sizeof why, "expected an integer in %ld..%ld", lo, hi);
        return fail(p, name, why);
    }
    *out = n;
    return 0;
}

static int date_param(params *p, const char *name, const char **out)
{
    const char *v = p->get(p->req, name);
    *out = NULL;
    if (!v || !*v) return 0;
    if (!dyad_date_valid(v)) return fail(p, name, "expected a date YYYY-MM-DD");
    *out = v;
    return 0;
}

static int text_param(params *p, const char *name, size_t max, const char **out)
{
    const char *v = p->get(p->req, name);
    *out = NULL;
    if (!v || !*v) return 0;
    if (strlen(v) > max) return fail(p, name, "too long");
    *out = v;
    return 0;
}

static int dyad_param(params *p, dyad_store_filter *f)
{
    const char *v = p->get(p->req, "dyad");
    if (!v || !*v) return 0;
    const char *comma = strchr(v, ',');
    size_t na = comma ? (size_t)(comma - v) : 0;
    if (!comma || na == 0 || na >= sizeof p->dyad_a || strlen(comma + 1) == 0 ||
        strlen(comma + 1) >= sizeof p->dyad_b)
        return fail(p, "dyad", "expected A,B (two actor codes)");
    memcpy(p->dyad_a, v, na);
    p->dyad_a[na] = '\0';
    strcpy(p->dyad_b, comma + 1);
    for (const char *s = v; *s; s++)
        if (*s != ',' && !isupper((unsigned char)*s) && !isdigit((unsigned char)*s))
            return fail(p, "dyad", "expected upper-case CAMEO codes");
    f->dyad_a = p->dyad_a;
    f->dyad_b = p->dyad_b;
    f->directed = 1;
    return 0;
}

/* The filters shared by events, series, dyads and countries. */
static int parse_filter(params *p, dyad_store_filter *f)
{
    long quad;
    const char *root;
    memset(f, 0, sizeof *f);
    if (code_param(p, "actor", 15, &f->actor) || code_param(p, "source", 15, &f->source) ||
        code_param(p, "target", 15, &f->target) || code_param(p, "country", 3, &f->country) ||
        dyad_param(p, f) || digits_param(p, "code", 2, 4, &f->code) ||
        digits_param(p, "root", 2, 2, &root) || long_param(p, "quad", 1, 4, 0, &quad) ||
        date_param(p, "from", &f->from) || date_param(p, "to", &f->to) ||
        text_param(p, "place", 100, &f->place) || text_param(p, "text", 200, &f->text))
        return -1;
    if (f->country && strlen(f->country) != 3) return fail(p, "country", "expected 3 letters");
    if (root && (atoi(root) < 1 || atoi(root) > 20)) return fail(p, "root", "expected 01..20");
    f->root = root;
    f->quad = (int)quad;
    if (f->from && f->to && strcmp(f->from, f->to) > 0) return fail(p, "from", "after 'to'");
    /* place: a 3-letter upper-case value is a country code, else a place name */
    if (f->place && strlen(f->place) == 3 && isupper((unsigned char)f->place[0]) &&
        isupper((unsigned char)f->place[1]) && isupper((unsigned char)f->place[2])) {
        f->place_country = f->place;
        f->place = NULL;
    }
    return 0;
}

/* ---- events --------------------------------------------------------------- */

/* Append ev as a JSON object without its closing brace, so that callers
 * can add fields. The JSON Lines writer ends objects with "}\n". */
static void event_open(dyad_buf *out, const dyad_event *ev)
{
    size_t at = out->len;
    dyad_write_event(out, DYAD_FMT_JSONL, ev, NULL);
    while (out->len > at && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == '}'))
        out->len--;
    if (out->data) out->data[out->len] = '\0';
}

static void span_field(dyad_buf *out, const char *name, dyad_span s)
{
    if (s.start >= 0 && s.end > s.start)
        dyad_buf_printf(out, ",\"%s\":[%d,%d]", name, s.start, s.end);
}

static void mention_json(dyad_buf *out, const dyad_store_mention *m)
{
    dyad_buf_puts(out, "{\"article_id\":");
    dyad_buf_json_str(out, m->article_id);
    dyad_buf_printf(out, ",\"sentence\":%d,\"date\":", m->sentence);
    dyad_buf_json_str(out, m->article_date ? m->article_date : "");
    dyad_buf_puts(out, ",\"url\":");
    dyad_buf_json_str(out, m->url ? m->url : "");
    dyad_buf_puts(out, ",\"source\":");
    dyad_buf_json_str(out, m->media_source ? m->media_source : "");
    dyad_buf_puts(out, ",\"title\":");
    dyad_buf_json_str(out, m->title ? m->title : "");
    dyad_buf_puts(out, ",\"text\":");
    dyad_buf_json_str(out, m->ev.text ? m->ev.text : "");
    dyad_buf_puts(out, ",\"rule\":");
    dyad_buf_json_str(out, m->ev.rule ? m->ev.rule : "");
    dyad_buf_puts(out, "}");
}

static void store_event_json(dyad_buf *out, const dyad_store_event *e)
{
    event_open(out, &e->ev);
    dyad_buf_printf(out, ",\"id\":%lld,\"num_mentions\":%d,\"num_sources\":%d,\"num_articles\":%d",
                    e->stats.event_id, e->stats.num_mentions, e->stats.num_sources,
                    e->stats.num_articles);
    span_field(out, "source_span", e->ev.source_span);
    span_field(out, "target_span", e->ev.target_span);
    span_field(out, "verb_span", e->ev.verb_span);
    dyad_buf_puts(out, ",\"mentions\":[");
    for (int i = 0; i < e->nmentions; i++) {
        if (i) dyad_buf_putc(out, ',');
        mention_json(out, &e->mentions[i]);
    }
    dyad_buf_puts(out, "]}");
}

static int api_events(dyad_store *st, params *p, dyad_buf *out)
{
    dyad_store_filter f;
    long limit, offset;
    if (parse_filter(p, &f) || long_param(p, "limit", 1, MAX_LIMIT, 50, &limit) ||
        long_param(p, "offset", 0, 100000000, 0, &offset))
        return 400;
    f.limit = limit;
    f.offset = offset;
    f.with_mentions = 1;
    dyad_store_iter *it = dyad_store_query(st, &f);
    if (!it) return 500;
    dyad_buf_printf(out, "{\"limit\":%ld,\"offset\":%ld,\"events\":[", limit, offset);
    const dyad_store_event *e;
    int rc, n = 0;
    while ((rc = dyad_store_next(it, &e)) == 1) {
        if (n++) dyad_buf_putc(out, ',');
        store_event_json(out, e);
    }
    dyad_store_iter_free(it);
    if (rc < 0) return 500;
    dyad_buf_puts(out, "]}");
    return 200;
}

/* ---- series --------------------------------------------------------------- */

typedef struct rows { dyad_buf *out; int n; } rows;

/* Period label: a day, an ISO week "2022-W44", or a month "2022-10". */
static void period_label(const char *first_day, dyad_store_period by, char *lab, size_t n)
{
    if (by == DYAD_BY_MONTH) {
        snprintf(lab, n, "%.7s", first_day);
    } else if (by == DYAD_BY_WEEK) {
        int y, m, d;
        if (sscanf(first_day, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || y < 1 || y > 9999) {
            snprintf(lab, n, "%s", first_day);
            return;
        }
        /* ISO week of a Monday: the week's Thursday decides the year. */
        static const int cum[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
        int doy = cum[m - 1] + d + (m > 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
        int thu = doy + 3, year = y;
        int len = 365 + ((y % 4 == 0 && y % 100) || y % 400 == 0);
        if (thu > len) { thu -= len; year++; }
        else if (thu < 1) { year--; thu += 365 + ((year % 4 == 0 && year % 100) || year % 400 == 0); }
        if (snprintf(lab, n, "%04d-W%02d", year % 10000, ((thu - 1) / 7 + 1) % 100) >= (int)n)
            lab[0] = '\0';
    } else {
        snprintf(lab, n, "%s", first_day);
    }
}

typedef struct series_ctx { dyad_buf *out; int n; dyad_store_period by; } series_ctx;

static int series_row(const dyad_store_point *pt, void *user)
{
    series_ctx *s = user;
    char lab[16];
    period_label(pt->period, s->by, lab, sizeof lab);
    if (s->n++) dyad_buf_putc(s->out, ',');
    dyad_buf_printf(s->out,
        "{\"period\":\"%s\",\"start\":\"%s\",\"events\":%lld,\"mentions\":%lld,"
        "\"goldstein_sum\":%.2f,\"goldstein_mean\":%.3f,\"quad1\":%lld,\"quad2\":%lld,"
        "\"quad3\":%lld,\"quad4\":%lld,\"fatalities\":%lld}",
        lab, pt->period, pt->events, pt->mentions, pt->goldstein_sum, pt->goldstein_mean,
        pt->quad[1], pt->quad[2], pt->quad[3], pt->quad[4], pt->fatalities);
    return 0;
}

static int api_series(dyad_store *st, params *p, dyad_buf *out)
{
    dyad_store_filter f;
    if (parse_filter(p, &f)) return 400;
    const char *by = p->get(p->req, "by");
    series_ctx s = { out, 0, DYAD_BY_MONTH };
    if (!by || !strcmp(by, "month")) s.by = DYAD_BY_MONTH;
    else if (!strcmp(by, "week")) s.by = DYAD_BY_WEEK;
    else if (!strcmp(by, "day")) s.by = DYAD_BY_DAY;
    else return fail(p, "by", "expected day, week or month"), 400;
    static const char *const names[] = { "day", "week", "month" };
    dyad_buf_printf(out, "{\"by\":\"%s\",\"series\":[", names[s.by]);
    if (dyad_store_series(st, &f, s.by, series_row, &s) < 0) return 500;
    dyad_buf_puts(out, "]}");
    return 200;
}

/* ---- dyads and countries -------------------------------------------------- */

static int dyad_row(const dyad_store_dyad *d, void *user)
{
    rows *r = user;
    if (r->n++) dyad_buf_putc(r->out, ',');
    dyad_buf_puts(r->out, "{\"source\":");
    dyad_buf_json_str(r->out, d->source);
    dyad_buf_puts(r->out, ",\"target\":");
    dyad_buf_json_str(r->out, d->target);
    dyad_buf_printf(r->out, ",\"events\":%lld,\"mentions\":%lld,\"goldstein_mean\":%.3f,"
                    "\"conflict\":%.2f,\"fatalities\":%lld}",
                    d->events, d->mentions, d->events ? d->goldstein_sum / (double)d->events : 0.0,
                    d->conflict, d->fatalities);
    return 0;
}

static int api_dyads(dyad_store *st, params *p, dyad_buf *out)
{
    dyad_store_filter f;
    long limit;
    if (parse_filter(p, &f) || long_param(p, "limit", 1, 1000, 20, &limit)) return 400;
    const char *order = p->get(p->req, "order");
    dyad_store_rank rank = DYAD_TOP_COUNT;
    if (order && !strcmp(order, "conflict")) rank = DYAD_TOP_CONFLICT;
    else if (order && *order && strcmp(order, "count")) return fail(p, "order", "expected count or conflict"), 400;
    rows r = { out, 0 };
    dyad_buf_puts(out, "{\"dyads\":[");
    if (dyad_store_top_dyads(st, &f, rank, 1, (int)limit, dyad_row, &r) < 0) return 500;
    dyad_buf_puts(out, "]}");
    return 200;
}

/* Per-country totals for the map, folded from the country-level dyads:
 * an event counts once for each distinct country on its two sides. */
typedef struct country_tot { char code[4]; long long events; double goldstein; } country_tot;
typedef struct countries { country_tot *v; int n, cap; } countries;

static country_tot *country_slot(countries *c, const char *code)
{
    for (int i = 0; i < c->n; i++)
        if (!strcmp(c->v[i].code, code)) return &c->v[i];
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        country_tot *v = realloc(c->v, (size_t)cap * sizeof *v);
        if (!v) return NULL;
        c->v = v;
        c->cap = cap;
    }
    country_tot *t = &c->v[c->n++];
    snprintf(t->code, sizeof t->code, "%.3s", code);
    t->events = 0;
    t->goldstein = 0;
    return t;
}

static int country_fold(const dyad_store_dyad *d, void *user)
{
    countries *c = user;
    const char *side[2] = { d->source, d->target };
    for (int i = 0; i < 2; i++) {
        if (strlen(side[i]) < 3 || (i == 1 && !strncmp(side[0], side[1], 3))) continue;
        country_tot *t = country_slot(c, side[i]);
        if (!t) return DYAD_ENOMEM;
        t->events += d->events;
        t->goldstein += d->goldstein_sum;
    }
    return 0;
}

static int api_countries(dyad_store *st, params *p, dyad_buf *out)
{
    dyad_store_filter f;
    if (parse_filter(p, &f)) return 400;
    countries c = { 0 };
    int rc = dyad_store_top_dyads(st, &f, DYAD_TOP_COUNT, 1, MAX_DYADS, country_fold, &c);
    if (rc < 0 && rc != DYAD_STOP) { free(c.v); return 500; }
    dyad_buf_puts(out, "{\"countries\":[");
    for (int i = 0; i < c.n; i++) {
        if (i) dyad_buf_putc(out, ',');
        dyad_buf_printf(out, "{\"country\":\"%s\",\"events\":%lld,\"goldstein_mean\":%.3f}",
                        c.v[i].code, c.v[i].events,
                        c.v[i].events ? c.v[i].goldstein / (double)c.v[i].events : 0.0);
    }
    dyad_buf_puts(out, "]}");
    free(c.v);
    return 200;
}

/* ---- actors and health ---------------------------------------------------- */

static int actor_row(const dyad_store_actor *a, void *user)
{
    rows *r = user;
    if (r->n++) dyad_buf_putc(r->out, ',');
    dyad_buf_puts(r->out, "{\"code\":");
    dyad_buf_json_str(r->out, a->code);
    dyad_buf_puts(r->out, ",\"name\":");
    dyad_buf_json_str(r->out, a->name ? a->name : "");
    dyad_buf_printf(r->out, ",\"events\":%lld}", a->events);
    return 0;
}

static int api_actors(dyad_store *st, params *p, dyad_buf *out)
{
    const char *q;
    long limit;
    if (text_param(p, "q", 100, &q) || long_param(p, "limit", 1, 200, 20, &limit)) return 400;
    if (!q) return fail(p, "q", "required"), 400;
    rows r = { out, 0 };
    dyad_buf_puts(out, "{\"actors\":[");
    if (dyad_store_actors(st, q, (int)limit, actor_row, &r) < 0) return 500;
    dyad_buf_puts(out, "]}");
    return 200;
}

static int api_health(dyad_store *st, dyad_buf *out)
{
    dyad_store_info info;
    if (dyad_store_info_get(st, &info) < 0) return 500;
    dyad_buf_printf(out, "{\"status\":\"ok\",\"version\":\"%s\",\"backend\":\"%s\","
                    "\"events\":%lld,\"articles\":%lld,\"mentions\":%lld,"
                    "\"first_date\":\"%s\",\"last_date\":\"%s\",\"dict_version\":",
                    DYAD_VERSION, info.backend, info.events, info.articles, info.mentions,
                    info.first_date, info.last_date);
    dyad_buf_json_str(out, info.dict_version);
    dyad_buf_puts(out, "}");
    return 200;
}

int dyad_api_get(dyad_store *st, const char *name, dyad_param_fn get, void *req, dyad_buf *out)
{
    params p = { .get = get, .req = req };
    int status;
    if (!strcmp(name, "health")) status = api_health(st, out);
    else if (!strcmp(name, "events")) status = api_events(st, &p, out);
    else if (!strcmp(name, "series")) status = api_series(st, &p, out);
    else if (!strcmp(name, "dyads")) status = api_dyads(st, &p, out);
    else if (!strcmp(name, "countries")) status = api_countries(st, &p, out);
    else if (!strcmp(name, "actors")) status = api_actors(st, &p, out);
    else {
        dyad_api_error(out, "no such endpoint");
        return 404;
    }
    if (status == 400) dyad_api_error(out, p.err[0] ? p.err : "bad request");
    else if (status == 500) dyad_api_error(out, dyad_store_error(st));
    return status;
}
