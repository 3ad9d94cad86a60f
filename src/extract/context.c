/*
 * context.c — the article's place context: what the rest of the article says
 * about where things happen, for the places of one event.
 *
 * One sentence often does not say enough: "Tripoli" is in Libya or in
 * Lebanon, "the city" and "the country's north-east" name no place, a town
 * missing from the gazetteer has no country, and many events' sentences name
 * no place at all. News settles these elsewhere in the article:
 *   dateline   "KHARKIV, Ukraine, May 3 (Reuters) -", "TRIPOLI (AP) —": the
 *              text before the first tokens of one of the first sentences
 *              (src/text marks it and leaves it out of the tokens), read
 *              here as PLACE[, COUNTRY] up to the agency or the dash;
 *   votes      the countries of the article's unambiguous place mentions
 *              (a name with one country, or one given by ", Country") and of
 *              the dateline, counted: they break homonym ties;
 *   recent     the latest places named in the few sentences before the
 *              event's, by kind, for "the city" and for events whose own
 *              sentence names no place.
 * Each part is computed the first time it is asked for and kept in the
 * context, which lives on the extractor's stack for one event: an event
 * whose sentence settles its place pays nothing, and the extractors keep no
 * state between events (they are shared between threads). Reading another
 * sentence calls the sentence matcher with `busy` set, so it never asks the
 * context about yet another sentence.
 */
#include <string.h>
#include "extract/internal.h"

enum { CTX_DATELINE = 1, CTX_VOTES = 2, CTX_RECENT = 4 };

/* How many sentences back "recent" looks, and how many sentences the votes
 * read (a long article's tail rarely decides its lead's homonyms). */
#define BACK 4
#define VOTE_SENTS 16

void dyad_place_ctx_init(dyad_place_ctx *c, const dyad_gazetteer *g, const dyad_text *t, int sent)
{
    memset(c, 0, sizeof *c);
    c->g = g;
    c->t = t;
    c->sent = sent;
}

/* ---- dateline ---------------------------------------------------------- */

/* Split the dateline text into word and comma tokens (at most max), ending
 * at the agency's bracket or the dash. Words keep their case: place keys
 * fold it. */
static int dateline_tokens(const char *s, size_t len, char *buf, size_t cap, dyad_token *tok, int max)
{
    int n = 0;
    size_t b = 0;
    for (size_t i = 0; i < len && n < max;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') { i++; continue; }
        if (ch == '(' || ch == ':' || ch == '-' || ch == 0xE2) break;   /* agency, dash (—, –) */
        size_t e = i;
        if (ch == ',') e = i + 1;
        else
            while (e < len && s[e] != ' ' && s[e] != ',' && s[e] != '(' && s[e] != '\n' &&
                   !(s[e] == '-' && (e + 1 >= len || s[e + 1] == ' ')) &&
                   (unsigned char)s[e] != 0xE2)
                e++;
        if (b + (e - i) + 1 > cap) break;
        memcpy(buf + b, s + i, e - i);
        buf[b + (e - i)] = '\0';
        tok[n] = (dyad_token){ 0 };
        tok[n].text = tok[n].lower = tok[n].lemma = buf + b;
        tok[n].flags = ch == ',' ? DYAD_TOK_PUNCT : DYAD_TOK_CAP;
        n++;
        b += e - i + 1;
        i = e;
    }
    return n;
}

/* The dateline text: what precedes the first token of one of the first
 * sentences (the text pipeline leaves a dateline out of the tokens). */
static int dateline_text(const dyad_text *t, const char **s, size_t *len)
{
    uint32_t prev = 0;
    for (int k = 0; k < t->nsent && k < 4; k++) {
        const dyad_sentence *st = &t->sent[k];
        if (st->ntok > 0 && st->tok[0].start > prev) {
            const char *p = t->norm + prev;
            size_t n = st->tok[0].start - prev;
            for (size_t i = 0; i < n; i++)
                if ((unsigned char)p[i] > ' ') { *s = p; *len = n; return 1; }
        }
        prev = st->end;
    }
    return 0;
}

static void read_dateline(dyad_place_ctx *c)
{
    c->done |= CTX_DATELINE;
    const char *s;
    size_t len;
    if (!c->t || !c->t->norm || !dateline_text(c->t, &s, &len)) return;
    char buf[256];
    dyad_token tok[16];
    int n = dateline_tokens(s, len, buf, sizeof buf, tok, 16);
    int e = 0;
    while (e < n && strcmp(tok[e].lower, ",")) e++;
    const dyad_place *const *cand;
    int nc = 0;
    if (e == 0 || dyad_place_longest(c->g, tok, 0, e, &cand, &nc) != e) return;
    c->dl_cands = cand;
    c->dl_ncand = nc;
    /* ", Ukraine": a country in the next segment */
    if (e + 1 < n) {
        int f = e + 1;
        while (f < n && strcmp(tok[f].lower, ",")) f++;
        const dyad_place *const *cc;
        int ncc = 0;
        if (dyad_place_longest(c->g, tok, e + 1, f, &cc, &ncc) == f - e - 1)
            for (int k = 0; k < ncc; k++)
                if (cc[k]->kind == DYAD_PLACE_COUNTRY) { memcpy(c->dl_country, cc[k]->country, 4); break; }
    }
}

static int dl_ambiguous(const dyad_place_ctx *c)
{
    for (int k = 1; k < c->dl_ncand; k++)
        if (strcmp(c->dl_cands[k]->country, c->dl_cands[0]->country)) return 1;
    return 0;
}

const dyad_place *dyad_place_ctx_dateline(dyad_place_ctx *c)
{
    if (!(c->done & CTX_DATELINE)) read_dateline(c);
    if (c->dateline || !c->dl_ncand) return c->dateline;
    /* the stated country; else the article's votes; else kind and population */
    const dyad_place *best = NULL;
    double bs = -1e9;
    int amb = !c->dl_country[0] && dl_ambiguous(c);
    for (int k = 0; k < c->dl_ncand; k++) {
        const dyad_place *p = c->dl_cands[k];
        double s = p->kind == DYAD_PLACE_COUNTRY ? 2 : p->kind == DYAD_PLACE_CONFLICT ? 1 : 0;
        s += (double)(p->population / 1000) / 1e5;     /* < 1 below 100 million */
        if (c->dl_country[0]) s += strcmp(p->country, c->dl_country) ? -100 : 100;
        else if (amb) s += 3 * (dyad_place_ctx_votes(c, p->country) > 0);
        if (s > bs) { bs = s; best = p; }
    }
    c->dateline = best;
    return best;
}

/* ---- votes ------------------------------------------------------------- */

static void vote(dyad_place_ctx *c, const char *a3, int n)
{
    for (int k = 0; k < c->nev; k++)
        if (!strcmp(c->ev[k].c, a3)) { c->ev[k].n += n; return; }
    if (c->nev < DYAD_CTX_MAXC) {
        memcpy(c->ev[c->nev].c, a3, 4);
        c->ev[c->nev++].n = n;
    }
}

static void count_votes(dyad_place_ctx *c)
{
    c->done |= CTX_VOTES;
    if (!(c->done & CTX_DATELINE)) read_dateline(c);
    if (c->dl_country[0]) vote(c, c->dl_country, 2);
    else if (c->dl_ncand && !dl_ambiguous(c)) vote(c, c->dl_cands[0]->country, 2);
    if (!c->t) return;
    int busy = c->busy;
    c->busy = 1;
    dyad_place_hit h[16];
    for (int s = 0; s < c->t->nsent && s < VOTE_SENTS; s++) {
        const dyad_sentence *st = &c->t->sent[s];
        int nh = dyad_find_places_ctx(c->g, st->tok, 0, st->ntok, NULL, 0, NULL, h, 16);
        for (int k = 0; k < nh; k++)
            if (!h[k].ambiguous) vote(c, h[k].place->country, 1);
    }
    c->busy = busy;
}

int dyad_place_ctx_votes(dyad_place_ctx *c, const char *a3)
{
    if (!(c->done & CTX_VOTES)) count_votes(c);
    for (int k = 0; k < c->nev; k++)
        if (!strcmp(c->ev[k].c, a3)) return c->ev[k].n;
    return 0;
}

/* ---- recent places ----------------------------------------------------- */

/* Read sentence s (before the event's) and append its places, latest first. */
static void read_sentence(dyad_place_ctx *c, int s)
{
    int busy = c->busy;
    c->busy = 1;
    dyad_place_hit h[16];
    const dyad_sentence *st = &c->t->sent[s];
    int nh = dyad_find_places_ctx(c->g, st->tok, 0, st->ntok, NULL, 0, c, h, 16);
    for (int k = nh - 1; k >= 0 && c->nrecent < DYAD_CTX_RECENT; k--) {
        if (h[k].as_written) continue;                /* a border, an unlisted town */
        c->recent[c->nrecent].place = h[k].place;
        c->recent[c->nrecent++].sent = s;
    }
    c->busy = busy;
}

const dyad_place *dyad_place_ctx_recent(dyad_place_ctx *c, unsigned kinds, int *where)
{
    if (where) *where = -1;
    if (!c->t) return NULL;
    if (!(c->done & CTX_RECENT)) { c->done |= CTX_RECENT; c->scanned = c->sent; }
    /* sentences are read backwards only as far as needed: most events find
     * a place in the sentence before theirs */
    for (int k = 0;; k++) {
        for (; k < c->nrecent; k++)
            if (kinds & (1u << c->recent[k].place->kind)) {
                if (where) *where = c->recent[k].sent;
                return c->recent[k].place;
            }
        if (c->scanned <= 0 || c->scanned <= c->sent - BACK || c->nrecent >= DYAD_CTX_RECENT) break;
        read_sentence(c, --c->scanned);
        k--;
    }
    const dyad_place *d = dyad_place_ctx_dateline(c);
    return d && (kinds & (1u << d->kind)) ? d : NULL;
}

const char *dyad_place_ctx_country(dyad_place_ctx *c)
{
    const dyad_place *p = dyad_place_ctx_recent(c, ~0u, NULL);
    if (p) return p->country;
    if (!(c->done & CTX_DATELINE)) read_dateline(c);
    if (c->dl_country[0]) return c->dl_country;
    if (!(c->done & CTX_VOTES)) count_votes(c);
    int best = -1;
    for (int k = 0; k < c->nev; k++)
        if (best < 0 || c->ev[k].n > c->ev[best].n) best = k;
    return best >= 0 ? c->ev[best].c : NULL;
}

/* Is any place named before sentence `sent` (beyond the dateline)? Used for
 * the lead: until the text names a place, the dateline is the scene. */
int dyad_place_ctx_named_before(dyad_place_ctx *c)
{
    int where;
    const dyad_place *p = dyad_place_ctx_recent(c, ~0u, &where);
    return (p && where >= 0) || c->sent > BACK;
}
