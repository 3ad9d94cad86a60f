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
 *            whose sentence states no count takes the first count of the next
 *            three sentences ("... shelled Kharkiv. Twelve people were
 *            killed."), unless another scene or event comes first; a later
 *            "death toll rose to N" of the same scene raises a count.
 *   place    the most specific place mentioned in the clause (an origin,
 *            "from Doha", last); else the country of a place mentioned
 *            elsewhere in the sentence (kind "country"); else the article's
 *            place context (context.c: dateline, latest places); homonyms
 *            resolved with the actors' countries (except for
 *            verbal/cooperative events between two countries, which happen
 *            anywhere: there population decides), then the article's places.
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
    /* a fronted subordinate clause ends at its comma: "After talks in Doha,
     * Blinken flew to Tel Aviv" */
    static const char *const SUB[] = { "after", "although", "because", "before", "since",
        "though", "when", "whereas", "which", "while", "who", "whom" };
    if (s > 0 && bsearch(T(t, s - 1), SUB, sizeof SUB / sizeof SUB[0], sizeof SUB[0], cmp_word))
        for (int i = *cs - 1; i >= s; i--)
            if (!strcmp(T(t, i), ",")) { s = i + 1; break; }
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

/* "since taking office in January", "until March": a date after since/until/till (within
 * three words, no comma between) bounds a period; it is not the event's day. */
static int period_bound(const dyad_token *t, const dyad_date_hit *h)
{
    for (int i = h->tok_start; i >= 0 && i >= h->tok_start - 4; i--) {
        const char *w = T(t, i);
        if (!strcmp(w, ",")) return 0;
        if (!strcmp(w, "since") || !strcmp(w, "until") || !strcmp(w, "till")) return 1;
    }
    return 0;
}

/* Drop the period bounds from hits h[0..n); returns the new count. */
static int drop_bounds(const dyad_token *t, dyad_date_hit *h, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) if (!period_bound(t, &h[i])) h[k++] = h[i];
    return k;
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
    int nh = drop_bounds(t, h, dyad_find_dates(t, cs, ce, art, dyad_clause_is_future(t, cs, ce), h, 8));
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
    nh = drop_bounds(t, h, nh);
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

/* ---- place helpers (the casualties may correct a place) ------------ */

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
    ev->location.from = "text";
    ev->has_location = 1;
    ev->location.name = name;
    memcpy(ev->location.country, p->country, 4);
    ev->location.lat = p->lat;
    ev->location.lon = p->lon;
    ev->location.kind = kind;
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

/* Does [i0, i1) speak of another event or of a cumulative toll? "In a
 * separate attack", "elsewhere", "earlier this month", "since the war
 * began", "so far this year", "the war has killed": its count is not the
 * event's. */
static int other_event(const dyad_token *t, int i0, int i1);

/* The rest of the event's own sentence also speaks of another event when a
 * clause is dated against it: "shelled Kharkiv, a day after a missile
 * strike killed 12 people" (in a later sentence "Hours after the attack,
 * officials said 12 were killed" is the same event, so this is only for
 * the event's sentence). */
static int other_event_here(const dyad_token *t, int i0, int i1)
{
    static const char *const UNIT[] = { "day", "days", "hours", "minutes", "month", "months",
        "week", "weeks", "year", "years" };
    for (int i = i0 > 0 ? i0 : 1; i < i1; i++)          /* ("a day | after": the unit may
                                                           end the clause before i0) */
        if ((!strcmp(T(t, i), "after") || !strcmp(T(t, i), "before")) &&
            bsearch(T(t, i - 1), UNIT, sizeof UNIT / sizeof UNIT[0], sizeof UNIT[0], cmp_word))
            return 1;
    return other_event(t, i0, i1);
}

static int other_event(const dyad_token *t, int i0, int i1)
{
    static const char *const W[] = { "ago", "another", "cumulative", "earlier", "elsewhere",
        "meanwhile", "overall", "previous", "previously", "separate", "separately", "since",
        "total" };
    for (int i = i0; i < i1; i++) {
        const char *w = T(t, i);
        if (bsearch(w, W, sizeof W / sizeof W[0], sizeof W[0], cmp_word)) return 1;
        if (!strcmp(w, "so") && i + 1 < i1 && !strcmp(T(t, i + 1), "far")) return 1;
        /* "the war has killed", "the conflict has claimed" */
        if ((!strcmp(w, "war") || !strcmp(w, "conflict") || !strcmp(w, "insurgency") ||
             !strcmp(w, "fighting") || !strcmp(w, "violence")) && i + 2 < i1 &&
            (!strcmp(T(t, i + 1), "has") || !strcmp(T(t, i + 1), "have") || !strcmp(T(t, i + 1), "had")))
            return 1;
        if (!strcmp(w, "last") && i + 1 < i1 && (!strcmp(T(t, i + 1), "week") ||
            !strcmp(T(t, i + 1), "month") || !strcmp(T(t, i + 1), "year")))
            return 1;
        if (!strcmp(w, "this") && i + 1 < i1 && !strcmp(T(t, i + 1), "year")) return 1;
    }
    return 0;
}

/* Does the sentence move to another scene than the event's place: a place
 * in another country, or another city when the event's place is a city? */
static int other_scene(const dyad_extractors *x, const dyad_token *t, int n, const dyad_event *ev)
{
    if (!ev->has_location) return 0;
    dyad_place_hit h[8];
    int nh = dyad_find_places(x->gaz, t, 0, n, NULL, 0, h, 8);
    for (int i = 0; i < nh; i++) {
        if (strcmp(h[i].place->country, ev->location.country)) return 1;
        if (h[i].place->kind == DYAD_PLACE_CITY && !strcmp(ev->location.kind, "city") &&
            strcmp(h[i].place->name, ev->location.name))
            return 1;
    }
    return 0;
}

/* How many sentences after the event's a violent event's toll may come. */
#define TOLL_AHEAD 3

/* `placed`: where the event's place came from (fill_place). A place taken
 * from the article context is a guess that a later sentence may correct. */
static void fill_casualties(const dyad_extractors *x, const dyad_text *tx, int sent,
                            const dyad_token *t, int n, int cs, int ce, int placed,
                            dyad_event *ev)
{
    ev->fatalities = ev->injured = -1;
    if (strlen(ev->code) < 2) return;
    int scope = casualty_scope(ev->code);
    if (!scope) return;
    dyad_casualties c;
    dyad_find_casualties(t, cs, ce, &c);
    if (scope == 2 && c.killed < 0 && c.injured < 0) {
        dyad_casualties before, after;                 /* the rest of the sentence */
        before.killed = before.injured = after.killed = after.injured = -1;
        if (!other_event_here(t, 0, cs)) dyad_find_casualties(t, 0, cs, &before);
        if (!other_event_here(t, ce, n)) dyad_find_casualties(t, ce, n, &after);
        c.killed = before.killed > after.killed ? before.killed : after.killed;
        c.injured = before.injured > after.injured ? before.injured : after.injured;
    }
    /* "Russian forces shelled Kharkiv. [...] The health ministry said 27
     * people were killed.": news often states a violent event's toll in a
     * later sentence. The next few sentences are read until one states a
     * count, moves to another scene, or speaks of another event. */
    /* "..., killing four. Two more died later, bringing the death toll to
     * six.": a later toll of the same scene updates the count upwards */
    if (scope == 2 && c.killed >= 0 && tx && t) {
        int last = sent + TOLL_AHEAD < tx->nsent - 1 ? sent + TOLL_AHEAD : tx->nsent - 1, s;
        for (s = sent + 1; s <= last; s++) {                  /* a sentence with "toll" */
            int has_toll = 0;
            for (int i = 0; i < tx->sent[s].ntok && !has_toll; i++)
                has_toll = !strcmp(T(tx->sent[s].tok, i), "toll");
            if (has_toll) break;
        }
        for (int k = sent + 1; s <= last && k <= s; k++)       /* the same scene until then */
            if (other_event(tx->sent[k].tok, 0, tx->sent[k].ntok) ||
                other_scene(x, tx->sent[k].tok, tx->sent[k].ntok, ev))
                s = last + 1;
        if (s <= last) {
            dyad_casualties later;
            dyad_find_casualties(tx->sent[s].tok, 0, tx->sent[s].ntok, &later);
            if (later.killed > c.killed) c.killed = later.killed;
        }
    }
    if (scope == 2 && c.killed < 0 && c.injured < 0 && tx && t) {
        int s, last = sent + TOLL_AHEAD < tx->nsent - 1 ? sent + TOLL_AHEAD : tx->nsent - 1;
        dyad_casualties later = { -1, -1 };
        for (s = sent + 1; s <= last; s++) {
            dyad_find_casualties(tx->sent[s].tok, 0, tx->sent[s].ntok, &later);
            if (later.killed >= 0 || later.injured >= 0) break;
        }
        /* (the scene checks run only once a count was found: they cost a
         * place scan per sentence) */
        for (int k = sent + 1; s <= last && k <= s; k++) {
            const dyad_token *nt = tx->sent[k].tok;
            int nn = tx->sent[k].ntok;
            if (other_event(nt, 0, nn) || (placed != 2 && other_scene(x, nt, nn, ev))) s = last + 1;
        }
        if (s <= last) {
            c = later;
            /* "Police fired tear gas at protesters. Three people were killed in
             * Ziguinchor.": the toll's place is the event's, if the event's own
             * sentence named none */
            dyad_place_hit h[4];
            int nh = placed == 2 ? dyad_find_places(x->gaz, tx->sent[s].tok, 0, tx->sent[s].ntok,
                                                    NULL, 0, h, 4) : 0;
            for (int k = 0; k < nh; k++)
                if (!h[k].as_written) {
                    set_place(ev, h[k].place, h[k].place->name, kind_name(h[k].place->kind));
                    ev->location.from = "article";      /* a later sentence's */
                    break;
                }
        }
    }
    ev->fatalities = c.killed > 2000000000L ? -1 : (int)c.killed;
    ev->injured = c.injured > 2000000000L ? -1 : (int)c.injured;
}

/* ---- place ------------------------------------------------------------ */

/* Rank of a hit for the event: where it came from ("from Doha", "via
 * Cairo") ranks below where it went or happened. */
static int better(const dyad_place_hit *h, const dyad_place_hit *cur)
{
    if (!cur) return 1;
    if (h->source != cur->source) return cur->source;
    /* the most specific mention wins: a city or region over its country */
    return cur->place->kind == DYAD_PLACE_COUNTRY && h->place->kind != DYAD_PLACE_COUNTRY &&
           !h->as_written;
}

/* Set the event's place from a hit: its own name and kind, or the words as
 * written with the country's coordinates ("Syrian border", an unlisted town). */
static void place_hit(dyad_arena *arena, const dyad_text *tx, const dyad_token *t,
                      const dyad_place_hit *in, dyad_event *ev)
{
    const char *name = in->place->name;
    if (in->as_written && tx && tx->norm) {
        uint32_t s = t[in->tok_start].start, e = t[in->tok_end - 1].end;
        char *nm = arena ? dyad_arena_strndup(arena, tx->norm + s, e - s) : NULL;
        if (nm) name = nm;
    }
    set_place(ev, in->place, name, in->as_written ? "country" : kind_name(in->place->kind));
}

/* Is the article's place (its country a3) the scene of a use of force or
 * other material event: is an actor of that country? Bare roles with no
 * country ("Gunmen attacked ...") are left to the coder, which places them
 * from the article itself (src/code, the context of country-less actors). */
static int dateline_fits(const dyad_event *ev, const char *a3)
{
    return (ev->source && !strncmp(ev->source, a3, 3)) || (ev->target && !strncmp(ev->target, a3, 3));
}

/* Returns where the place came from: 0 nowhere, 1 the event's sentence,
 * 2 the article context. */
static int fill_place(const dyad_extractors *x, dyad_arena *arena, const dyad_text *tx,
                      int sent, const dyad_token *t, int n, int cs, int ce, dyad_event *ev)
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
    dyad_place_ctx ctx;
    dyad_place_ctx_init(&ctx, x->gaz, tx, sent);
    dyad_place_hit h[16];
    int nh = dyad_find_places_ctx(x->gaz, t, 0, n, prefer, npref, &ctx, h, 16);
    const dyad_place_hit *in = NULL, *out = NULL;
    for (int i = 0; i < nh; i++) {
        int inside = h[i].tok_start >= cs && h[i].tok_end <= ce;
        const dyad_place_hit **slot = inside ? &in : &out;
        if (better(&h[i], *slot)) *slot = &h[i];
    }
    if (in) {
        place_hit(arena, tx, t, in, ev);
        if (in->context) ev->location.from = "article";
        return in->context ? 2 : 1;
    }
    if (out) {
        const dyad_place *c = dyad_gazetteer_country(x->gaz, out->place->country);
        if (c) set_place(ev, c, c->name, "country");
        return c ? 1 : 0;
    }
    /* The sentence names no place: the article's. In the lead, before the
     * text names any place, the dateline is the scene ("KHARKIV, Ukraine
     * (Reuters) - Russian forces shelled ..."); after that, the country of
     * the latest place named, else of the dateline. */
    int where;
    const dyad_place *p = dyad_place_ctx_recent(&ctx, ~0u, &where);
    /* A dateline says where the reporter is. It is the scene of an event
     * of its own country's actors ("KHARKIV - Russian forces shelled
     * Ukrainian ..."), or of talks and meetings, reported from their venue
     * ("GENEVA - Iran and the United States held talks"); not of a foreign
     * use of force reported from afar ("WASHINGTON - North Korea fired a
     * missile"). */
    if (p && where < 0 && !(root >= 1 && root <= 8) && !dateline_fits(ev, p->country))
        return 0;
    /* A statement (appeals, intents, comments, demands, accusations: roots
     * 01-03, 05, 09-13) or a government's decision about relations or its
     * forces (15, 16) is made where its maker is, not where the article's
     * last fighting was ("... shelled Mariupol. Russia blamed Ukraine.",
     * "South Korea put its forces on alert"): the article's place serves only
     * a source of its country. Other events need an actor of its country
     * (or none with a country) unless the place is the dateline of a
     * meeting: "... Blinken flew to Tel Aviv. He met Netanyahu." */
    int decision = root == 1 || root == 2 || root == 3 || root == 5 ||
                   (root >= 9 && root <= 13) || root == 15 || root == 16;
    const char *a3 = p ? p->country : dyad_place_ctx_country(&ctx);
    if (!a3) return 0;
    if (decision ? !(ev->source && !strncmp(ev->source, a3, 3))
                 : !(p && where < 0) && !dateline_fits(ev, a3))
        return 0;
    if (p && where < 0 && !dyad_place_ctx_named_before(&ctx)) {
        set_place(ev, p, p->name, kind_name(p->kind));
        ev->location.from = "article";
        return 2;
    }
    const dyad_place *c = dyad_gazetteer_country(x->gaz, a3);
    if (c) {
        set_place(ev, c, c->name, "country");
        ev->location.from = "article";
    }
    return c ? 2 : 0;
}

void dyad_extract_date(const dyad_article *a, const dyad_token *tok, int n, int tok_start, int tok_end,
                       dyad_event *ev)
{
    if (tok_start < 0) tok_start = 0;
    if (tok_end > n || tok_end < tok_start) tok_end = n;
    if (tok && n) widen(tok, n, &tok_start, &tok_end);
    fill_date(a, tok, n, tok_start, tok_end, ev);
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
    ev->has_location = 0;
    int placed = tok ? fill_place(x, arena, t, sent, tok, n, cs, ce, ev) : 0;
    fill_casualties(x, t, sent, tok, tok ? n : 0, cs, ce, placed, ev);
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
