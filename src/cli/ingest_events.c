/*
 * ingest_events.c — pre-coded events (JSON Lines, parsed with jansson)
 * grouped into articles for `dyad ingest --events`; see ingest_events.h.
 *
 * One line of look-ahead: the first line of the next article is kept
 * parsed until the current article has been handed out.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "cli/ingest_events.h"
#include "io/io.h"

struct dyad_evreader {
    FILE *f;
    int own;
    char *path;
    long line;
    char *buf;
    size_t cap;
    const char *default_date;
    dyad_evgroup g;
    json_t *pending;            /* first line of the next group */
    long pending_line;
    size_t pending_bytes;
    int has_meta;               /* the group had an article record */
};

dyad_evreader *dyad_evreader_open(const char *path, const char *default_date, char *err, size_t n)
{
    dyad_evreader *r = calloc(1, sizeof *r);
    if (!r) { snprintf(err, n, "out of memory"); return NULL; }
    if (!strcmp(path, "-")) r->f = stdin;
    else { r->f = fopen(path, "rb"); r->own = 1; }
    if (!r->f) {
        snprintf(err, n, "%s: cannot open", path);
        free(r);
        return NULL;
    }
    r->path = strdup(path);
    r->default_date = default_date;
    dyad_arena_init(&r->g.arena, 1 << 16);
    return r;
}

void dyad_evreader_close(dyad_evreader *r)
{
    if (!r) return;
    if (r->own) fclose(r->f);
    json_decref(r->pending);
    free(r->g.evs);
    dyad_arena_free(&r->g.arena);
    free(r->buf);
    free(r->path);
    free(r);
}

void dyad_evgroup_clear(dyad_evgroup *g)
{
    dyad_arena_reset(&g->arena);
    memset(&g->art, 0, sizeof g->art);
    g->n = 0;
    g->bytes = 0;
}

static const char *keep(dyad_arena *a, const char *s) { return s ? dyad_arena_strdup(a, s) : NULL; }

int dyad_evgroup_add(dyad_evgroup *g, const dyad_event *ev)
{
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 16;
        dyad_event *v = realloc(g->evs, (size_t)cap * sizeof *v);
        if (!v) return -1;
        g->evs = v;
        g->cap = cap;
    }
    dyad_event *e = &g->evs[g->n];
    *e = *ev;
    dyad_arena *a = &g->arena;
    e->article_id = keep(a, ev->article_id);
    e->date_from = keep(a, ev->date_from);
    e->date_precision = keep(a, ev->date_precision);
    e->source = keep(a, ev->source);
    e->source_name = keep(a, ev->source_name);
    e->target = keep(a, ev->target);
    e->target_name = keep(a, ev->target_name);
    e->plover = keep(a, ev->plover);
    e->location.name = keep(a, ev->location.name);
    e->location.kind = keep(a, ev->location.kind);
    e->text = keep(a, ev->text);
    e->rule = keep(a, ev->rule);
    if ((ev->source && !e->source) || (ev->text && !e->text)) return -1;
    g->n++;
    return 0;
}

static const char *jstr(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int jint(json_t *o, const char *k, int dflt)
{
    json_t *v = json_object_get(o, k);
    return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}

static int digits(const char *s, size_t lo, size_t hi)
{
    size_t n = s ? strlen(s) : 0;
    if (n < lo || n > hi) return 0;
    for (size_t i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* An event line into ev (strings borrowed from o). NULL or a reason. */
static const char *event_of(json_t *o, dyad_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->source_span = ev->target_span = ev->verb_span = (dyad_span){ -1, -1 };
    ev->article_id = jstr(o, "article_id");
    ev->sentence = jint(o, "sentence", 0);
    const char *date = jstr(o, "date");
    if (!date || !dyad_date_valid(date)) return "missing or invalid \"date\"";
    memcpy(ev->date, date, 11);
    const char *code = jstr(o, "code");
    if (!digits(code, 2, 4)) return "missing or invalid \"code\" (2 to 4 digits)";
    memcpy(ev->code, code, strlen(code) + 1);
    const char *root = jstr(o, "root");
    if (digits(root, 2, 2)) memcpy(ev->root, root, 3);
    else { ev->root[0] = code[0]; ev->root[1] = code[1]; }
    ev->date_from = jstr(o, "date_from");
    ev->date_precision = jstr(o, "date_precision");
    ev->source = jstr(o, "source");
    ev->source_name = jstr(o, "source_name");
    ev->target = jstr(o, "target");
    ev->target_name = jstr(o, "target_name");
    ev->quad = jint(o, "quad", 0);
    ev->goldstein = json_number_value(json_object_get(o, "goldstein"));
    ev->plover = jstr(o, "plover");
    ev->fatalities = jint(o, "fatalities", -1);
    ev->injured = jint(o, "injured", -1);
    json_t *loc = json_object_get(o, "location");
    if (json_is_object(loc)) {
        ev->has_location = 1;
        ev->location.name = jstr(loc, "name");
        const char *c = jstr(loc, "country");
        snprintf(ev->location.country, sizeof ev->location.country, "%s", c ? c : "");
        ev->location.lat = json_number_value(json_object_get(loc, "lat"));
        ev->location.lon = json_number_value(json_object_get(loc, "lon"));
        ev->location.kind = jstr(loc, "kind");
    }
    ev->negated = json_is_true(json_object_get(o, "negated"));
    ev->text = jstr(o, "text");
    ev->rule = jstr(o, "rule");
    return NULL;
}

/* Read and parse the next non-blank line: 1, 0 at EOF, DYAD_EPARSE, DYAD_EIO. */
static int read_line(dyad_evreader *r, json_t **out, size_t *bytes, char *err, size_t n)
{
    for (;;) {
        ssize_t len = getline(&r->buf, &r->cap, r->f);
        if (len < 0) {
            if (ferror(r->f)) { snprintf(err, n, "%s: read error", r->path); return DYAD_EIO; }
            return 0;
        }
        r->line++;
        *bytes = (size_t)len;
        char *p = r->buf;
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
        if (!*p) continue;
        json_error_t je;
        json_t *o = json_loads(r->buf, JSON_REJECT_DUPLICATES, &je);
        if (!o || !json_is_object(o)) {
            snprintf(err, n, "%s:%ld: %s", r->path, r->line, o ? "not a JSON object" : je.text);
            json_decref(o);
            return DYAD_EPARSE;
        }
        *out = o;
        return 1;
    }
}

static const char *line_id(json_t *o)
{
    const char *id = jstr(o, "article_id");
    return id ? id : jstr(o, "id");
}

/* Add one parsed line to the current group; a reason if it is skipped. */
static const char *add_line(dyad_evreader *r, json_t *o)
{
    dyad_evgroup *g = &r->g;
    if (!jstr(o, "article_id")) {               /* article record */
        const char *date = jstr(o, "date");
        if (!date || !dyad_date_valid(date)) return "article record without a valid \"date\"";
        dyad_arena *a = &g->arena;
        g->art.date = keep(a, date);
        g->art.title = keep(a, jstr(o, "title"));
        g->art.url = keep(a, jstr(o, "url"));
        g->art.source = keep(a, jstr(o, "source"));
        const char *text = jstr(o, "text");
        g->art.text = keep(a, text);
        g->art.text_len = text ? strlen(text) : 0;
        r->has_meta = 1;
        return NULL;
    }
    dyad_event ev;
    const char *why = event_of(o, &ev);
    if (why) return why;
    if (dyad_evgroup_add(g, &ev) != 0) return "out of memory";
    return NULL;
}

/* The article date when no article record gave one. */
static void settle_date(dyad_evreader *r)
{
    dyad_evgroup *g = &r->g;
    if (g->art.date) return;
    const char *best = NULL;
    for (int i = 0; i < g->n && !best; i++)
        if (g->evs[i].date_from && !strcmp(g->evs[i].date_from, "article")) best = g->evs[i].date;
    if (!best)
        for (int i = 0; i < g->n; i++)
            if (!best || strcmp(g->evs[i].date, best) < 0) best = g->evs[i].date;
    if (!best) best = r->default_date;
    g->art.date = best ? dyad_arena_strdup(&g->arena, best) : NULL;
}

int dyad_evreader_next(dyad_evreader *r, dyad_evgroup **out, char *err, size_t n)
{
    dyad_evgroup *g = &r->g;
    dyad_evgroup_clear(g);
    r->has_meta = 0;
    for (;;) {
        json_t *o = NULL;
        size_t bytes = 0;
        long line;
        int rc;
        if (r->pending) {
            o = r->pending; r->pending = NULL; bytes = r->pending_bytes; line = r->pending_line; rc = 1;
        } else {
            rc = read_line(r, &o, &bytes, err, n);
            line = r->line;
            if (rc == DYAD_EPARSE && !g->art.id) return rc;
            if (rc == DYAD_EPARSE) { fprintf(stderr, "dyad ingest: %s (skipped)\n", err); continue; }
            if (rc < 0) return rc;
        }
        if (rc == 0) break;
        const char *id = line_id(o);
        if (!id || !*id) {
            snprintf(err, n, "%s:%ld: no \"article_id\" (event) or \"id\" (article)", r->path, line);
            json_decref(o);
            if (!g->art.id) return DYAD_EPARSE;
            fprintf(stderr, "dyad ingest: %s (skipped)\n", err);
            continue;
        }
        if (g->art.id && strcmp(id, g->art.id)) {        /* the next article starts */
            r->pending = o; r->pending_bytes = bytes; r->pending_line = line;
            break;
        }
        if (!g->art.id) g->art.id = dyad_arena_strdup(&g->arena, id);
        g->bytes += bytes;
        const char *why = add_line(r, o);
        json_decref(o);
        if (why) fprintf(stderr, "dyad ingest: %s:%ld: %s (skipped)\n", r->path, line, why);
    }
    if (!g->art.id) return 0;
    settle_date(r);
    g->art.file = r->path;
    *out = g;
    return 1;
}
