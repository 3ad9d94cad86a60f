/*
 * extract.c — completes a coded event: code meaning, date, casualties, place.
 *
 * The coder hands over one event with the clause it came from (tokens
 * [tok_start, tok_end) of one sentence). The clause is first widened to
 * the words that belong to it but that a verb pattern does not cover —
 * a fronted "On Monday," or a trailing "in Sochi", ", killing 12" — up to
 * the next clause boundary (";", "said", subordinators, relative pronouns).
 * Then:
 *   code     root, QuadClass, Goldstein and PLOVER from the code table; a
 *            code missing from the table takes its 3-digit parent's or its
 *            root's values.
 *   date     the clause's own date expression; else one stated elsewhere in
 *            the sentence if all such expressions agree; else the article
 *            date with date_from "article". A vague clause time ("this
 *            week") also gives the article date: no day is invented.
 *   deaths   see fatalities.c for the patterns. Attached sentence-wide to
 *            violent events (roots 18-20, violent protest 145x, violent
 *            repression 175); to the rest of the material-conflict and
 *            protest codes (14, 15, 16, 17) only when stated in the event's own
 *            clause; never to verbal or cooperative codes. A violent event
 *            whose sentence states no count takes the next sentence's
 *            ("... shelled Kharkiv. Twelve people were killed.").
 *   place    the most specific place mentioned in the clause; else the
 *            country of a place mentioned elsewhere in the sentence (kind
 *            "country"); homonyms resolved with the actors' countries
 *            (except for verbal/cooperative events between two countries,
 *            which happen anywhere: there population decides).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/internal.h"

struct dyad_extractors {
    dyad_codebook *codes;
    dyad_gazetteer *gaz;
};

dyad_extractors *dyad_extractors_load(const char *data_dir, char *err, size_t errlen)
{
    char path[4096];
    dyad_extractors *x = calloc(1, sizeof *x);
    if (!x) { snprintf(err, errlen, "out of memory"); return NULL; }
    if (!data_dir) data_dir = dyad_default_data_dir();
    snprintf(path, sizeof path, "%s/cameo/codes.txt", data_dir);
    x->codes = dyad_codebook_load(path, err, errlen);
    if (x->codes) x->gaz = dyad_gazetteer_load(data_dir, err, errlen);
    if (!x->codes || !x->gaz) { dyad_extractors_free(x); return NULL; }
    return x;
}

void dyad_extractors_free(dyad_extractors *x)
{
    if (!x) return;
    dyad_codebook_free(x->codes);
    dyad_gazetteer_free(x->gaz);
    free(x);
}

const dyad_cameo_code *dyad_cameo_lookup(const dyad_extractors *x, const char *code)
{
    return x ? dyad_codebook_get(x->codes, code) : NULL;
}

/* ---- clause ----------------------------------------------------------- */

static const char *T(const dyad_token *t, int i) { return t[i].lower ? t[i].lower : ""; }

static int cmp_word(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }

/* Clause boundaries (sorted for bsearch: this runs on every token). */
static const char *const BOUNDARY[] = { ":", ";", "added", "after", "although", "and", "because",
    "before", "but", "said", "say", "says", "since", "that", "though", "told", "when", "whereas",
    "which", "while", "who", "whom" };

static int boundary(const char *w, int forward)
{
    if (!bsearch(w, BOUNDARY, sizeof BOUNDARY / sizeof BOUNDARY[0], sizeof BOUNDARY[0], cmp_word))
        return 0;
    return !(forward && !strcmp(w, "and"));     /* "and" ends a clause only backwards */
}

static void widen(const dyad_token *t, int n, int *cs, int *ce)
{
    int s = *cs, e = *ce;
    while (e < n && !boundary(T(t, e), 1)) e++;
    while (s > 0 && !boundary(T(t, s - 1), 0)) s--;
    *cs = s;
    *ce = e;
}

/* ---- code meaning ----------------------------------------------------- */

static void fill_code(const dyad_extractors *x, dyad_event *ev)
{
    ev->root[0] = ev->code[0];
    ev->root[1] = ev->code[0] ? ev->code[1] : '\0';
    ev->root[2] = '\0';
    const dyad_cameo_code *c = dyad_codebook_get(x->codes, ev->code);
    if (!c && strlen(ev->code) == 4) {
        char p[4] = { ev->code[0], ev->code[1], ev->code[2], '\0' };
        c = dyad_codebook_get(x->codes, p);
    }
    if (!c) c = dyad_codebook_get(x->codes, ev->root);
    ev->quad = c ? c->quad : 0;
    ev->goldstein = c ? c->goldstein : 0.0;
    ev->plover = c ? c->plover : NULL;
}

/* ---- date ------------------------------------------------------------- */

static void set_date(dyad_event *ev, dyad_ymd d, int prec, const char *from)
{
    snprintf(ev->date, sizeof ev->date, "%04d-%02d-%02d", d.y, d.m, d.d);
    ev->date_from = from;
    ev->date_precision = prec == DYAD_PREC_YEAR ? "year" : prec == DYAD_PREC_MONTH ? "month" : "day";
}

static void fill_date(const dyad_article *a, const dyad_token *t, int n, int cs, int ce,
                      dyad_event *ev)
{
    dyad_ymd art;
    if (!a->date || dyad_ymd_parse(a->date, &art) != 0) {
        snprintf(ev->date, sizeof ev->date, "%s", a->date ? a->date : "");
        ev->date_from = "article";
        ev->date_precision = "day";
        return;
    }
    dyad_date_hit h[8];
    int nh = dyad_find_dates(t, cs, ce, art, dyad_clause_is_future(t, cs, ce), h, 8);
    if (nh > 0) {
        for (int i = 0; i < nh; i++)
            if (h[i].prec != DYAD_PREC_NONE) { set_date(ev, h[i].date, h[i].prec, "text"); return; }
        set_date(ev, art, DYAD_PREC_DAY, "article");       /* vague: no invented day */
        return;
    }
    /* the rest of the sentence, before and after the clause */
    int future = dyad_clause_is_future(t, 0, n);
    nh = dyad_find_dates(t, 0, cs, art, future, h, 8);
    nh += dyad_find_dates(t, ce, n, art, future, h + nh, 8 - nh);
    const dyad_date_hit *pick = NULL;
    for (int i = 0; i < nh; i++) {
        if (h[i].prec == DYAD_PREC_NONE) { pick = NULL; break; }
        if (pick && (pick->prec != h[i].prec ||
                     memcmp(&pick->date, &h[i].date, sizeof pick->date))) {
            pick = NULL;                                   /* ambiguous */
            break;
        }
        pick = &h[i];
    }
    if (pick) set_date(ev, pick->date, pick->prec, "text");
    else set_date(ev, art, DYAD_PREC_DAY, "article");
}

/* ---- casualties ------------------------------------------------------- */

/* 2: sentence-wide; 1: own clause only; 0: never. */
static int casualty_scope(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root >= 18 && root <= 20) return 2;
    if (!strncmp(code, "145", 3) || !strncmp(code, "175", 3)) return 2;
    if (root == 14 || (root >= 15 && root <= 17)) return 1;
    return 0;
}

static void fill_casualties(const dyad_token *t, int n, int cs, int ce,
                            const dyad_token *next, int nnext, dyad_event *ev)
{
    ev->fatalities = ev->injured = -1;
    if (strlen(ev->code) < 2) return;
    int scope = casualty_scope(ev->code);
    if (!scope) return;
    dyad_casualties c;
    dyad_find_casualties(t, cs, ce, &c);
    if (scope == 2 && c.killed < 0 && c.injured < 0) {
        dyad_casualties before, after;                 /* the rest of the sentence */
        dyad_find_casualties(t, 0, cs, &before);
        dyad_find_casualties(t, ce, n, &after);
        c.killed = before.killed > after.killed ? before.killed : after.killed;
        c.injured = before.injured > after.injured ? before.injured : after.injured;
    }
    /* "Russian forces shelled Kharkiv. Twelve people were killed.": news
     * often states the toll of a violent event in the sentence after it. */
    if (scope == 2 && c.killed < 0 && c.injured < 0 && next && nnext > 0)
        dyad_find_casualties(next, 0, nnext, &c);
    ev->fatalities = c.killed > 2000000000L ? -1 : (int)c.killed;
    ev->injured = c.injured > 2000000000L ? -1 : (int)c.injured;
}

/* ---- place ------------------------------------------------------------ */

static const char *kind_name(int k)
{
    switch (k) {
    case DYAD_PLACE_CITY: return "city";
    case DYAD_PLACE_REGION: return "region";
    case DYAD_PLACE_CONFLICT: return "conflict_region";
    default: return "country";
    }
}

static void set_place(dyad_event *ev, const dyad_place *p, const char *name, const char *kind)
{
    ev->has_location = 1;
    ev->location.name = name;
    memcpy(ev->location.country, p->country, 4);
    ev->location.lat = p->lat;
    ev->location.lon = p->lon;
    ev->location.kind = kind;
}

static void fill_place(const dyad_extractors *x, dyad_arena *arena, const dyad_text *tx,
                       const dyad_token *t, int n, int cs, int ce, dyad_event *ev)
{
    ev->has_location = 0;
    memset(&ev->location, 0, sizeof ev->location);
    const char *prefer[2] = { ev->source, ev->target };
    /* Actors of two countries meet, talk or trade anywhere ("the US and
     * Russia met in Geneva"), so for verbal and cooperative codes (roots
     * 01-08) their countries say nothing about a homonym and population
     * decides; a use of force happens on someone's ground, so there they
     * count ("Israel attacked Lebanon in Tripoli"). */
    int root = (int)strlen(ev->code) >= 2 ? (ev->code[0] - '0') * 10 + (ev->code[1] - '0') : 0;
    int npref = 2;
    if (root >= 1 && root <= 8 && ev->source && ev->target && ev->source[0] && ev->target[0] &&
        strncmp(ev->source, ev->target, 3))
        npref = 0;
    dyad_place_hit h[16];
    int nh = dyad_find_places(x->gaz, t, 0, n, prefer, npref, h, 16);
    const dyad_place_hit *in = NULL, *out = NULL;
    for (int i = 0; i < nh; i++) {
        int inside = h[i].tok_start >= cs && h[i].tok_end <= ce;
        const dyad_place_hit **slot = inside ? &in : &out;
        /* the most specific mention wins: a city or region over its country */
        if (!*slot || ((*slot)->place->kind == DYAD_PLACE_COUNTRY &&
                       h[i].place->kind != DYAD_PLACE_COUNTRY && !h[i].as_written))
            *slot = &h[i];
    }
    if (in) {
        const char *name = in->place->name;
        if (in->as_written && tx && tx->norm) {        /* "Syrian border" */
            uint32_t s = t[in->tok_start].start, e = t[in->tok_end - 1].end;
            char *nm = arena ? dyad_arena_strndup(arena, tx->norm + s, e - s) : NULL;
            if (nm) name = nm;
        }
        set_place(ev, in->place, name, in->as_written ? "country" : kind_name(in->place->kind));
        return;
    }
    if (out) {
        const dyad_place *c = dyad_gazetteer_country(x->gaz, out->place->country);
        if (c) set_place(ev, c, c->name, "country");
    }
}

void dyad_extract_event(const dyad_extractors *x, dyad_arena *arena, const dyad_article *a,
                        const dyad_text *t, int sent, int tok_start, int tok_end, dyad_event *ev)
{
    fill_code(x, ev);
    const dyad_token *tok = NULL;
    int n = 0;
    if (t && sent >= 0 && sent < t->nsent) { tok = t->sent[sent].tok; n = t->sent[sent].ntok; }
    if (tok_start < 0) tok_start = 0;
    if (tok_end > n || tok_end < tok_start) tok_end = n;
    int cs = tok_start, ce = tok_end;
    if (tok) widen(tok, n, &cs, &ce);
    fill_date(a, tok, tok ? n : 0, cs, ce, ev);
    const dyad_token *next = NULL;                     /* the following sentence */
    int nnext = 0;
    if (tok && sent + 1 < t->nsent) { next = t->sent[sent + 1].tok; nnext = t->sent[sent + 1].ntok; }
    fill_casualties(tok, tok ? n : 0, cs, ce, next, nnext, ev);
    ev->has_location = 0;
    if (tok) fill_place(x, arena, t, tok, n, cs, ce, ev);
}

/* Longest gazetteer name of capitalised tokens from i: its best place (the preferred
 * country's, else the most populous), *end one past; NULL if none or only a common word. */
static const dyad_place *name_at(const dyad_gazetteer *g, const dyad_token *tok, int n, int i,
                                 const char *prefer, int *end)
{
    char key[256];
    size_t len = 0;
    const dyad_place *best = NULL;
    for (int j = i; j < n && j < i + 4 && (tok[j].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS)); j++) {
        char part[128];
        size_t k = dyad_place_key(tok[j].lower ? tok[j].lower : tok[j].text, part, sizeof part);
        if (!k || len + k + 1 > sizeof key) break;
        memcpy(key + len, part, k + 1);
        len += k;
        const dyad_place *const *c;
        int nc = dyad_gazetteer_find(g, key, &c);
        const dyad_place *pick = NULL;
        int common = 1;
        for (int q = 0; q < nc; q++) {
            common &= c[q]->common;
            if (!pick || (prefer && !strcmp(c[q]->country, prefer) && strcmp(pick->country, prefer))
                || ((!prefer || !strcmp(pick->country, prefer) == !strcmp(c[q]->country, prefer))
                    && c[q]->population > pick->population))
                pick = c[q];
        }
        if (pick && !(common && j == i)) { best = pick; *end = j + 1; }
        if (!dyad_gazetteer_is_prefix(g, key)) break;
    }
    return best;
}

const char *dyad_place_country_at(const dyad_extractors *x, const dyad_token *tok, int n, int i,
                                  const char *prefer, int marked, int *end)
{
    if (!x || !x->gaz || i < 0 || i >= n || !(tok[i].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS))) return NULL;
    dyad_place_hit h[16];
    const char *pref[1] = { prefer };
    int nh = dyad_find_places(x->gaz, tok, 0, n, pref, prefer ? 1 : 0, h, 16);
    for (int k = 0; k < nh; k++) {
        if (h[k].tok_start != i || !h[k].place || h[k].as_written) continue;
        *end = h[k].tok_end;
        return h[k].place->country;
    }
    /* "the town of Halabja": the caller read the text's own mark of a place */
    const dyad_place *p = marked ? name_at(x->gaz, tok, n, i, prefer, end) : NULL;
    return p ? p->country : NULL;
}
