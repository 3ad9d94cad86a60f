/*
 * places.c — place mentions in a sentence, matched against the gazetteer.
 *
 * At each capitalised token the keys of the next 1..5 tokens (joined,
 * punctuation-free) are looked up in the gazetteer's hash table and the
 * longest hit wins ("Gaza Strip" over "Gaza", "Donetsk region" over
 * "Donetsk"). A name counts as a place mention only in a locative context,
 * because in news most bare names of countries and capitals are actors
 * ("Russia said", "Kyiv denied"):
 *   - after a locative preposition, perhaps through a determiner and
 *     modifiers: "in Sochi", "outside Kyiv", "near the Syrian border",
 *     "in the eastern city of Bakhmut", "across southern Ukraine";
 *   - before ", Country": "Derna, Libya" (which also fixes the country).
 * Names that are also common English words (flag from WordNet) need the
 * locative context and must not start the sentence. Demonyms + "border"
 * give the country ("near the Syrian border").
 *
 * Also places: the object of a verb or action noun of striking or taking
 * ("shelled Kharkiv", "shelling of Kharkiv"), "N km north of X", "the
 * town of X"; "X's Y" and "X's town of Y" give way to the inner Y.
 *
 * Homonyms are resolved by score: the country given after a comma, then
 * the countries of the event's actors, then the countries of the other
 * places of the sentence, then — when only population separates countries
 * — the article's places (context.c), then kind (a country beats a city or
 * a US state of the same name) and population.
 *
 * With an article context (dyad_find_places_ctx), "in the city", "across
 * the country", "in the country's north-east" and "the capital" are
 * resolved to the article's latest place or country, and "the town of X"
 * for an X the gazetteer lacks is kept as written with the country of a
 * demonym or of the article.
 *
 * The word lists below are hashed into the gazetteer at load
 * (dyad_place_words_init), so classifying a word is one lookup.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "extract/internal.h"

#define MAX_SPAN 5

static const char *T(const dyad_token *t, int i) { return t[i].lower ? t[i].lower : ""; }

static const char *const LOC_PREP[] = {
    "across", "along", "around", "at", "beyond", "from", "in", "inside", "into",
    "near", "nearby", "off", "on", "outside", "over", "through", "throughout", "to", "toward",
    "towards", "via", "within",
};
/* Words that may stand between a preposition and the name. */
static const char *const MODIFIER[] = {
    "-", "all", "area", "areas", "army-held", "bank", "banks", "besieged", "border", "breakaway",
    "camp", "capital", "center", "central", "centre", "cities", "city", "coast", "coastal",
    "coastline", "contested", "countryside", "county", "desert", "disputed", "district",
    "downtown", "east", "eastern", "eastern-most", "edge", "embattled", "enclave", "far",
    "front-line", "frontline", "government-held", "governorate", "hamlet", "heart", "held", "holy",
    "industrial", "island", "islands", "key", "kibbutz", "kurdish-held", "militant-held", "mountain",
    "mountainous", "much", "nearby", "neighborhood", "neighboring", "neighbourhood",
    "neighbouring", "north", "north-east", "north-eastern", "north-west", "north-western",
    "northeast", "northeastern", "northern", "northernmost", "northwest", "northwestern", "oblast",
    "occupied", "of", "outlying", "outskirts", "part", "parts", "port", "prefecture", "province",
    "rebel", "rebel-held", "refugee", "region", "remote", "resort", "restive", "rural",
    "russian-held", "russian-occupied", "seaside", "separatist", "settlement", "shores", "south",
    "south-east", "south-eastern", "south-west", "south-western", "southeast", "southeastern",
    "southern", "southernmost", "southwest", "southwestern", "state", "strategic", "streets",
    "suburb", "suburbs", "surrounding", "the", "town", "towns", "ukrainian-held", "vicinity",
    "village", "villages", "west", "western",
};

/* Compass words: "20 km north of Baghdad" is near Baghdad. */
static const char *const DIRECTION[] = {
    "east", "north", "north-east", "north-west", "northeast", "northwest", "south", "south-east",
    "south-west", "southeast", "southwest", "west",
};

/* Nouns of an action on a place: "Russian shelling of Kharkiv", "the fall
 * of Kabul". Like PLACE_VERB, they place cities and regions, not countries
 * ("the invasion of Ukraine" names the target). */
static const char *const EVENT_NOUN[] = {
    "assault", "attack", "attacks", "battle", "blockade", "bombardment", "bombing", "bombings",
    "capture", "encirclement", "evacuation", "fall", "liberation", "occupation", "recapture",
    "shelling", "siege", "storming",
};

/* Nouns that name a settlement: "the town of X" makes X a place even when
 * the gazetteer does not list it (its country then comes from the context). */
static const char *const SETTLEMENT[] = {
    "camp", "city", "district", "enclave", "hamlet", "neighborhood", "neighbourhood", "port",
    "province", "region", "settlement", "suburb", "town", "village",
};

/* Anaphoric place nouns after "the": "in the city", "near the town". */
static const char *const ANAPHOR_CITY[] = { "capital", "city", "town", "village" };
static const char *const ANAPHOR_REGION[] = { "province", "region" };


/* Month and weekday names are dates even where a town shares the name
 * ("in March 2021", not March in Cambridgeshire). */
static const char *const CALENDAR[] = { "april", "august", "december", "february", "friday",
    "january", "july", "june", "march", "may", "monday", "november", "october", "saturday",
    "september", "sunday", "thursday", "tuesday", "wednesday" };


#define CLS(w) dyad_gazetteer_word(g, (w))
#define is_calendar(w) (CLS(w) & DYAD_W_CALENDAR)

/* Prepositions that put an event inside a country. "aid to Ukraine",
 * "sanctions on Russia", "troops from Chad" name the country as a party. */
static const char *const COUNTRY_PREP[] = { "across", "around", "in", "inside", "into", "near",
    "outside", "throughout", "within" };

/* Verbs (lemmas) whose object is a place: a town is shelled, captured or
 * visited where the event happens ("shelled Tskhinvali", "captured the
 * town of X", "visited Kyiv"). Only cities and regions qualify this way:
 * a country after such a verb is the target actor ("invaded Ukraine"). */
static const char *const PLACE_VERB[] = {
    "besiege", "bomb", "bombard", "capture", "encircle", "enter", "hit", "liberate", "overran",
    "overrun", "pound", "raid", "recapture", "retake", "retook", "seize", "shell", "storm",
    "strike", "surround", "target", "tour", "visit",
};

/* Nouns that make the name before them a place: "Beirut airport",
 * "Yeonpyeong island", "the Bashiqa camp", "Kherson region". */
static const char *const PLACE_NOUN[] = {
    "airport", "base", "camp", "city", "district", "harbor", "harbour", "island", "islands",
    "neighborhood", "neighbourhood", "oblast", "outskirts", "port", "prefecture", "province",
    "refinery", "region", "suburb", "suburbs",
};

#define COUNT(list) (sizeof (list) / sizeof (list)[0])

void dyad_place_words_init(dyad_gazetteer *g)
{
    static const struct { const char *const *list; size_t n; unsigned cls; } L[] = {
        { LOC_PREP, COUNT(LOC_PREP), DYAD_W_PREP },
        { MODIFIER, COUNT(MODIFIER), DYAD_W_MODIFIER },
        { DIRECTION, COUNT(DIRECTION), DYAD_W_DIRECTION },
        { EVENT_NOUN, COUNT(EVENT_NOUN), DYAD_W_EVENT_NOUN },
        { SETTLEMENT, COUNT(SETTLEMENT), DYAD_W_SETTLEMENT },
        { CALENDAR, COUNT(CALENDAR), DYAD_W_CALENDAR },
        { COUNTRY_PREP, COUNT(COUNTRY_PREP), DYAD_W_COUNTRY_PREP },
        { PLACE_VERB, COUNT(PLACE_VERB), DYAD_W_PLACE_VERB },
        { PLACE_NOUN, COUNT(PLACE_NOUN), DYAD_W_PLACE_NOUN },
    };
    for (size_t l = 0; l < COUNT(L); l++)
        for (size_t k = 0; k < L[l].n; k++) dyad_gazetteer_word_add(g, L[l].list[k], L[l].cls);
}

/* locative_before's answer for the object of a PLACE_VERB (compared by address) */
static const char VERB_CONTEXT[] = "(verb)";

/* Is the mention at s in a locative context? Looks back through modifiers
 * (and demonyms: "the eastern Congolese city of Goma", whose country goes
 * to *dem) and returns the preposition, VERB_CONTEXT after a PLACE_VERB,
 * or NULL. */
static const char *locative_before(const dyad_gazetteer *g, const dyad_token *t, int i0, int s,
                                   const char **dem)
{
    for (int j = s - 1, k = 0; j >= i0 && k < 7; j--, k++) {
        const char *w = T(t, j);
        unsigned c = CLS(w);
        if (c & DYAD_W_PREP) return w;
        unsigned lc = t[j].lemma && strcmp(t[j].lemma, w) ? CLS(t[j].lemma) : c;
        if (lc & DYAD_W_PLACE_VERB) return VERB_CONTEXT;
        if (!strcmp(w, "of") && j > i0) {
            unsigned h = CLS(T(t, j - 1));
            if (h & DYAD_W_DIRECTION) return "near";      /* "20 km north of Baghdad" */
            if (h & DYAD_W_EVENT_NOUN) return VERB_CONTEXT;   /* "shelling of Kharkiv" */
            if (h & DYAD_W_MODIFIER) continue;
        }
        if (t[j].flags & DYAD_TOK_POSS) { j--; continue; }   /* "in Ukraine's Donetsk region" */
        if (t[j].flags & DYAD_TOK_CAP) {
            const char *d = dyad_gazetteer_demonym(g, w);
            if (d) { if (dem && !*dem) *dem = d; continue; }
        }
        if (!(c & DYAD_W_MODIFIER)) return NULL;
    }
    return NULL;
}

/* Longest gazetteer name starting at token i: tokens used (0 if none). */
int dyad_place_longest(const dyad_gazetteer *g, const dyad_token *t, int i, int i1,
                      const dyad_place *const **cands, int *ncand)
{
    char key[256];
    size_t len = 0;
    int best = 0;
    for (int j = i; j < i1 && j < i + MAX_SPAN; j++) {
        const dyad_token *tk = &t[j];
        if ((tk->flags & DYAD_TOK_PUNCT) && strcmp(tk->text, "-") && strcmp(tk->text, "'") &&
            strcmp(tk->text, ".")) break;
        if (j > i && (tk->flags & DYAD_TOK_POSS)) break;
        char part[128];
        size_t n = dyad_place_key(tk->lower ? tk->lower : tk->text, part, sizeof part);
        if (len + n + 1 > sizeof key) break;
        memcpy(key + len, part, n + 1);
        len += n;
        if (!n) continue;
        const dyad_place *const *c;
        int nc = dyad_gazetteer_find(g, key, &c);
        if (nc) { best = j - i + 1; *cands = c; *ncand = nc; }
        if (!dyad_gazetteer_is_prefix(g, key)) break;    /* no longer name starts so */
    }
    return best;
}

/* ", Country" after a mention: the country's alpha-3 (else NULL), *used tokens. */
static const char *comma_country(const dyad_gazetteer *g, const dyad_token *t, int e, int i1,
                                 int *used)
{
    if (e + 1 >= i1 || strcmp(T(t, e), ",") || !(t[e + 1].flags & DYAD_TOK_CAP)) return NULL;
    const dyad_place *const *c;
    int nc = 0, n = dyad_place_longest(g, t, e + 1, i1, &c, &nc);
    for (int k = 0; k < nc; k++)
        if (c[k]->kind == DYAD_PLACE_COUNTRY) { *used = n + 1; return c[k]->country; }
    return NULL;
}

static double score(const dyad_place *p, const char *forced, const char *const *prefer,
                    int nprefer, const char *const *others, int nothers, dyad_place_ctx *ctx)
{
    double s = 0;
    if (forced) s += strcmp(p->country, forced) ? -100 : 100;
    for (int i = 0; i < nprefer; i++)
        if (prefer[i] && !strncmp(prefer[i], p->country, 3)) { s += 8; break; }
    for (int i = 0; i < nothers; i++)
        if (!strcmp(others[i], p->country)) { s += 4; break; }
    /* the article's places and dateline: weaker than the sentence's own */
    if (ctx && dyad_place_ctx_votes(ctx, p->country) > 0) s += 3;
    if (p->kind == DYAD_PLACE_COUNTRY) s += 2;
    else if (p->kind == DYAD_PLACE_CONFLICT) s += 1;
    s += p->weight;                                    /* < 1: population breaks ties */
    return s;
}

/* The best candidate. *amb (may be NULL): the runner-up lies in another
 * country and only population separates them (score gap below 1), so the
 * article may have to decide. */
static const dyad_place *pick(const dyad_place *const *c, int nc, const char *forced,
                              const char *const *prefer, int nprefer, const char *const *others,
                              int nothers, dyad_place_ctx *ctx, int *amb)
{
    const dyad_place *best = NULL;
    double bs = -1e9, s2 = -1e9;
    for (int j = 0; j < nc; j++) {
        double s = score(c[j], forced, prefer, nprefer, others, nothers, ctx);
        if (s > bs) {
            if (best && strcmp(best->country, c[j]->country)) s2 = bs;
            bs = s;
            best = c[j];
        } else if (s > s2 && strcmp(best->country, c[j]->country)) {
            s2 = s;
        }
    }
    if (amb) *amb = bs - s2 < 1.0;
    return best;
}

typedef struct mention {
    int s, e;
    const dyad_place *const *c;
    int nc;
    const char *forced;
    int strong;
    const char *prep;        /* the locative preposition, if any */
    const char *dem;         /* country of a demonym before it ("Congolese city of") */
    const dyad_place *fixed; /* resolved already: from the context, or a country */
    const char *written;     /* report the words (a border, an unlisted town) */
} mention;

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++) if (!strcmp(w, list[k])) return 1;
    return 0;
}
#define IN_SMALL(w, list) in_list((w), (list), sizeof (list) / sizeof (list)[0])

/* "in the city", "near the besieged town", "across the country", "in the
 * country's north-east": a place noun after "the" (perhaps through
 * modifiers), not followed by "of" + name, in a locative context. Resolved
 * to the latest place of its kind in the sentence so far or in the
 * article context. Returns the tokens used (0: not one), place in *out. */
static int anaphor_at(const dyad_gazetteer *g, const dyad_token *t, int i0, int i, int i1,
                      const mention *m, int nm, dyad_place_ctx *ctx, const dyad_place **out)
{
    const char *w = T(t, i);
    if (!w[0] || !strchr("ctvprn", w[0])) return 0;       /* most words, cheaply */
    int city = IN_SMALL(w, ANAPHOR_CITY), region = IN_SMALL(w, ANAPHOR_REGION);
    int country = !strcmp(w, "country") || !strcmp(w, "nation");
    if (!city && !region && !country) return 0;
    int k = i - 1;
    while (k > i0 && k > i - 4 && strcmp(T(t, k), "the") && (CLS(T(t, k)) & DYAD_W_MODIFIER)) k--;
    if (k < i0 || strcmp(T(t, k), "the")) return 0;
    if (i + 1 < i1 && (!strcmp(T(t, i + 1), "of") || (t[i + 1].flags & DYAD_TOK_CAP))) return 0;
    const char *dem = NULL;
    const char *prep = locative_before(g, t, i0, k + 1, &dem);
    if (!prep || prep == VERB_CONTEXT) {
        if (prep != VERB_CONTEXT || country) return 0;     /* "shelled the city" */
    }
    for (int j = k + 1; j < i; j++)                        /* "the Syrian capital" */
        if (!dem && (t[j].flags & DYAD_TOK_CAP)) dem = dyad_gazetteer_demonym(g, T(t, j));
    int used = 1;
    /* "the country's north-east", "the city's outskirts" */
    if (i + 2 < i1 && (t[i + 1].flags & DYAD_TOK_POSS) &&
        (CLS(T(t, i + 2)) & (DYAD_W_DIRECTION | DYAD_W_MODIFIER)))
        used = 3;
    unsigned kinds = city && strcmp(w, "capital") ? 1u << DYAD_PLACE_CITY
                   : region ? (1u << DYAD_PLACE_REGION) | (1u << DYAD_PLACE_CONFLICT) : 0;
    const dyad_place *p = NULL;
    /* "the capital": the gazetteer does not mark capitals, but wire datelines
     * are mostly capitals, so a city dateline of the same country is taken */
    if (!strcmp(w, "capital")) {
        const dyad_place *d = dyad_place_ctx_dateline(ctx);
        const char *a3 = dem ? dem : dyad_place_ctx_country(ctx);
        if (!d || d->kind != DYAD_PLACE_CITY)      /* else the latest city: "visited Kyiv ... */
            d = dyad_place_ctx_recent(ctx, 1u << DYAD_PLACE_CITY, NULL);   /* in the capital" */
        if (d && d->kind == DYAD_PLACE_CITY && (!a3 || !strcmp(d->country, a3))) {
            *out = d;
            return used;
        }
    }
    for (int j = nm - 1; j >= 0 && !p; j--)                /* earlier in the sentence */
        if (m[j].c) {
            int amb;
            const dyad_place *b = pick(m[j].c, m[j].nc, m[j].forced, NULL, 0, NULL, 0, NULL, &amb);
            if (!amb && (!kinds || (kinds & (1u << b->kind)))) p = b;
        }
    if (!p && kinds) p = dyad_place_ctx_recent(ctx, kinds, NULL);
    if (p && dem && strcmp(p->country, dem)) p = NULL;
    if (!kinds || !p) {                                    /* the country */
        const char *a3 = dem ? dem : p ? p->country : dyad_place_ctx_country(ctx);
        p = a3 ? dyad_gazetteer_country(g, a3) : NULL;
    }
    *out = p;
    return p ? used : 0;
}

/* Inside a name: "al-Ain" (an article joined by a hyphen to a capitalised
 * word), or "al", "el", "de" before a capitalised word ("Ras al Ain"). */
static int particle(const dyad_token *t, int e, int i1)
{
    const char *x = t[e].text, *d = strchr(x, '-');
    if (d && d - x <= 3 && d[1] >= 'A' && d[1] <= 'Z') return 1;
    static const char *const P[] = { "ad", "al", "as", "ash", "de", "del", "du", "el", "la", "le" };
    return e + 1 < i1 && (t[e + 1].flags & DYAD_TOK_CAP) && in_list(T(t, e), P, sizeof P / sizeof P[0]);
}

/* "the town of Kwakwamba": a name after a settlement noun and "of" that
 * the gazetteer does not list. Returns its tokens (0: not one); its
 * country (the ", Country" after it, a demonym before it, else the
 * article's) in *a3. */
static int unlisted_at(const dyad_gazetteer *g, const dyad_token *t, int i0, int i, int i1,
                       dyad_place_ctx *ctx, const char **a3, int *used_after)
{
    if (i - 2 < i0 || strcmp(T(t, i - 1), "of") || !(CLS(T(t, i - 2)) & DYAD_W_SETTLEMENT)) return 0;
    const char *dem = NULL;
    (void)locative_before(g, t, i0, i, &dem);      /* for a demonym: "the Malian town of" */
    int e = i;
    while (e < i1 && e < i + 4 && !(t[e].flags & DYAD_TOK_POSS) && !is_calendar(T(t, e)) &&
           ((t[e].flags & DYAD_TOK_CAP) || (e > i && particle(t, e, i1))))
        e++;
    if (e == i) return 0;
    int used = 0;
    const char *c = comma_country(g, t, e, i1, &used);
    if (!c) c = dem;
    if (!c) c = dyad_place_ctx_country(ctx);
    if (!c) return 0;
    *a3 = c;
    *used_after = used;
    return e - i;
}

/* Without a locative context before it, can the capitalised run at i still
 * be a place: before a place noun or ", Capitalised", continuing a list or
 * an "of" phrase after the previous mention, or after "town of"? */
static int could_be_place(const dyad_gazetteer *g, const dyad_token *t, int i0, int i, int i1,
                          const mention *m, int nm)
{
    if (i - 2 >= i0 && !strcmp(T(t, i - 1), "of") && (CLS(T(t, i - 2)) & DYAD_W_SETTLEMENT)) return 1;
    if (nm > 0 && i > i0 && m[nm - 1].e <= i - 1) {
        const char *w = T(t, i - 1);
        if (m[nm - 1].e == i - 1 && (!strcmp(w, "and") || !strcmp(w, ","))) return 1;
        if (!strcmp(w, "of")) return 1;
    }
    int k = i + 1;
    while (k < i1 && k < i + MAX_SPAN && ((t[k].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS)) ||
                                           !strcmp(T(t, k), "-") || !strcmp(T(t, k), "'")))
        k++;
    if (k >= i1) return 0;
    if (CLS(T(t, k)) & DYAD_W_PLACE_NOUN) return 1;
    return !strcmp(T(t, k), ",") && k + 1 < i1 && (t[k + 1].flags & DYAD_TOK_CAP);
}

int dyad_find_places(const dyad_gazetteer *g, const dyad_token *t, int i0, int i1,
                     const char *const *prefer, int nprefer, dyad_place_hit *out, int max)
{
    return dyad_find_places_ctx(g, t, i0, i1, prefer, nprefer, NULL, out, max);
}

int dyad_find_places_ctx(const dyad_gazetteer *g, const dyad_token *t, int i0, int i1,
                         const char *const *prefer, int nprefer, dyad_place_ctx *ctx,
                         dyad_place_hit *out, int max)
{
    mention m[32];
    int nm = 0;
    if (!g) return 0;
    dyad_place_ctx *lead = ctx && !ctx->busy ? ctx : NULL;   /* may read other sentences */
    for (int i = i0; i < i1 && nm < 32;) {
        if (!(t[i].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS)) || is_calendar(T(t, i))) {
            const dyad_place *p = NULL;
            int n = lead ? anaphor_at(g, t, i0, i, i1, m, nm, lead, &p) : 0;
            if (n) {
                m[nm++] = (mention){ i, i + n, NULL, 0, NULL, 1, NULL, NULL, p, NULL };
                i += n;
            } else {
                i++;
            }
            continue;
        }
        /* demonym + border: "near the Syrian border" */
        const char *dem = i + 1 < i1 && (!strcmp(T(t, i + 1), "border") ||
                                         !strcmp(T(t, i + 1), "frontier"))
                          ? dyad_gazetteer_demonym(g, T(t, i)) : NULL;
        if (dem) {
            const dyad_place *cp = dyad_gazetteer_country(g, dem);
            const char *pr = cp ? locative_before(g, t, i0, i, NULL) : NULL;
            if (pr && pr != VERB_CONTEXT && nm < 32)
                m[nm++] = (mention){ i, i + 2, NULL, 0, dem, 1, pr, NULL, cp, "border" };
            i += 2;
            continue;
        }
        /* A capitalised word with no locative context before it and no
         * place noun or ", Country" after its run cannot start a place
         * mention ("Russian President Vladimir Putin said"): no lookup. */
        const char *mdem = NULL;
        const char *prep = locative_before(g, t, i0, i, &mdem);
        if (!prep && !could_be_place(g, t, i0, i, i1, m, nm)) {
            i++;
            continue;
        }
        const dyad_place *const *c;
        int nc = 0, n = dyad_place_longest(g, t, i, i1, &c, &nc);
        if (!n) {
            const char *a3 = NULL;
            int after = 0, u = lead ? unlisted_at(g, t, i0, i, i1, lead, &a3, &after) : 0;
            const dyad_place *cp = u ? dyad_gazetteer_country(g, a3) : NULL;
            if (cp) {
                m[nm++] = (mention){ i, i + u, NULL, 0, a3, 1, NULL, NULL, cp, "unlisted" };
                i += u + after;
            } else {
                i++;
            }
            continue;
        }
        int used = 0;
        const char *forced = comma_country(g, t, i + n, i1, &used);
        int nocountry = 1;                      /* a city or region may be meant */
        for (int k = 0; k < nc; k++) if (c[k]->kind == DYAD_PLACE_COUNTRY) nocountry = 0;
        int placed = 0;                         /* a place by its verb or noun */
        if (prep == VERB_CONTEXT) { prep = NULL; placed = nocountry; }
        /* "attacked the town of Bakhmut": a settlement noun and "of" before it */
        if (!prep && nocountry && i - 2 >= i0 && !strcmp(T(t, i - 1), "of") &&
            (CLS(T(t, i - 2)) & DYAD_W_SETTLEMENT))
            placed = 1;
        /* "Beirut airport", "Yeonpyeong island": a place noun after the name */
        if (!prep && nocountry && i + n < i1 && (CLS(T(t, i + n)) & DYAD_W_PLACE_NOUN) &&
            !(t[i + n].flags & DYAD_TOK_CAP))
            placed = 1;
        int strong = prep || placed || (forced && c[0]->kind != DYAD_PLACE_COUNTRY);
        /* a list continues a locative: "in Kyiv, Lviv and Odesa" */
        if (!strong && nm > 0 && i > i0 && m[nm - 1].e == i - 1 &&
            (!strcmp(T(t, i - 1), "and") || !strcmp(T(t, i - 1), ","))) {
            strong = 1;
            prep = m[nm - 1].prep;
        }
        /* "in the Black Sea resort of Sochi": part of the place before it */
        if (!strong && nm > 0 && i > m[nm - 1].e && !strcmp(T(t, i - 1), "of")) {
            int ok = 1;
            for (int j = m[nm - 1].e; ok && j < i - 1; j++)
                if (!(CLS(T(t, j)) & DYAD_W_MODIFIER) && !(t[j].flags & DYAD_TOK_POSS)) ok = 0;
            if (ok) { strong = 1; prep = m[nm - 1].prep; }
        }
        int all_common = 1;
        for (int k = 0; k < nc; k++) if (!c[k]->common) all_common = 0;
        /* a common word as a name: not first in the sentence, not "the West" */
        if (all_common && n == 1 && ((t[i].flags & DYAD_TOK_SENT_START) ||
                                     (i > i0 && !strcmp(T(t, i - 1), "the"))))
            strong = 0;
        if (strong) m[nm++] = (mention){ i, i + n, c, nc, forced, 1, prep, mdem, NULL, NULL };
        i += n + used;
    }
    /* "the Black Sea resort of Sochi", "Donetsk region's town of Avdiivka":
     * a place named as part of the one before it is the more precise, so the
     * container gives way to it. */
    for (int k = 0; k + 1 < nm; k++) {
        int j = m[k].e, ok = m[k].c && m[k + 1].s > j && !strcmp(T(t, m[k + 1].s - 1), "of");
        for (; ok && j < m[k + 1].s - 1; j++)
            if (!(CLS(T(t, j)) & DYAD_W_MODIFIER) && !(t[j].flags & DYAD_TOK_POSS)) ok = 0;
        /* "Gaza's Jabalia camp", "Ukraine's Donetsk region" */
        if (!ok && m[k].c && m[k + 1].s == m[k].e + 1 && (t[m[k].e].flags & DYAD_TOK_POSS)) ok = 1;
        if (ok) {
            if (!m[k + 1].prep) m[k + 1].prep = m[k].prep;
            memmove(&m[k], &m[k + 1], (size_t)(nm - k - 1) * sizeof m[0]);
            nm--;
            k--;
        }
    }
    /* Countries of unambiguous mentions help the ambiguous ones. */
    const char *others[64];
    int no = 0;
    for (int k = 0; k < nm; k++) {
        if (m[k].fixed) others[no++] = m[k].fixed->country;
        else if (m[k].forced) others[no++] = m[k].forced;
        else {
            int amb;
            const dyad_place *b = pick(m[k].c, m[k].nc, NULL, NULL, 0, NULL, 0, NULL, &amb);
            if (!amb) others[no++] = b->country;
        }
        if (m[k].dem) others[no++] = m[k].dem;
    }
    int nout = 0, amb = 0;
    for (int k = 0; k < nm && nout < max; k++) {
        dyad_place_hit *h = &out[nout];
        h->tok_start = m[k].s;
        h->tok_end = m[k].e;
        h->strong = m[k].strong;
        h->as_written = m[k].written;
        h->source = m[k].prep && (!strcmp(m[k].prep, "from") || !strcmp(m[k].prep, "via"));
        h->ambiguous = 0;
        h->context = 0;
        if (m[k].fixed) {                   /* a border, an anaphor, an unlisted town */
            h->place = m[k].fixed;
            h->context = !m[k].written || !strcmp(m[k].written, "unlisted");
            nout++;
            continue;
        }
        const dyad_place *best = pick(m[k].c, m[k].nc, m[k].forced, prefer, nprefer, others, no,
                                      NULL, &amb);
        if (amb && ctx) best = pick(m[k].c, m[k].nc, m[k].forced, prefer, nprefer, others, no,
                                    ctx, NULL);
        if (m[k].forced && strcmp(best->country, m[k].forced)) continue;
        /* "aid to Ukraine", "sanctions on Russia": a party, not a place */
        if (best->kind == DYAD_PLACE_COUNTRY && m[k].prep && !(CLS(m[k].prep) & DYAD_W_COUNTRY_PREP))
            continue;
        h->place = best;
        h->ambiguous = amb;
        nout++;
    }
    return nout;
}
