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
 * Homonyms are resolved by score: the country given after a comma, then
 * the countries of the event's actors, then the countries of the other
 * places of the sentence, then kind (a country beats a city or a US state
 * of the same name) and population.
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
    "-", "all", "area", "areas", "besieged", "border", "breakaway", "camp", "capital", "central",
    "cities", "city", "coastal", "contested", "county", "desert", "disputed", "district", "east", "eastern",
    "embattled", "enclave", "front-line", "frontline", "governorate", "hamlet", "held", "holy", "island", "islands",
    "key", "mountain", "mountainous", "much", "neighborhood", "neighbourhood", "north", "northeastern", "northern", "northwestern",
    "oblast", "occupied", "of", "outskirts", "part", "parts", "port", "prefecture", "province", "rebel-held",
    "region", "remote", "resort", "restive", "seaside", "separatist", "settlement", "south", "southeastern", "southern",
    "southwestern", "state", "strategic", "suburb", "suburbs", "the", "town", "towns", "village", "villages",
    "west", "western",
};

/* Month and weekday names are dates even where a town shares the name
 * ("in March 2021", not March in Cambridgeshire). */
static const char *const CALENDAR[] = { "april", "august", "december", "february", "friday",
    "january", "july", "june", "march", "may", "monday", "november", "october", "saturday",
    "september", "sunday", "thursday", "tuesday", "wednesday" };

static int cmp_word(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }
/* Membership in a sorted word list (binary search). */
#define IN(w, list) (bsearch((w), (list), sizeof (list) / sizeof (list)[0], sizeof (list)[0], \
                             cmp_word) != NULL)

static int is_calendar(const char *w)
{
    return bsearch(w, CALENDAR, sizeof CALENDAR / sizeof CALENDAR[0], sizeof CALENDAR[0],
                   cmp_word) != NULL;
}

/* Prepositions that put an event inside a country. "aid to Ukraine",
 * "sanctions on Russia", "troops from Chad" name the country as a party. */
static const char *const COUNTRY_PREP[] = { "across", "around", "in", "inside", "into", "near",
    "outside", "throughout", "within" };

/* Verbs (lemmas) whose object is a place: a town is shelled, captured or
 * visited where the event happens ("shelled Tskhinvali", "captured the
 * town of X", "visited Kyiv"). Only cities and regions qualify this way:
 * a country after such a verb is the target actor ("invaded Ukraine"). */
static const char *const PLACE_VERB[] = {
    "besiege", "bomb", "capture", "encircle", "enter", "liberate", "overran", "overrun",
    "raid", "recapture", "retake", "retook", "seize", "shell", "storm", "surround", "tour",
    "visit",
};

/* Nouns that make the name before them a place: "Beirut airport",
 * "Yeonpyeong island", "the Bashiqa camp", "Kherson region". */
static const char *const PLACE_NOUN[] = {
    "airport", "base", "camp", "city", "district", "harbor", "harbour", "island", "islands",
    "neighborhood", "neighbourhood", "oblast", "outskirts", "port", "prefecture", "province",
    "refinery", "region", "suburb", "suburbs",
};

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
        if (IN(w, LOC_PREP)) return w;
        if (t[j].lemma && IN(t[j].lemma, PLACE_VERB)) return VERB_CONTEXT;
        if (!strcmp(w, "of") && j > i0 && IN(T(t, j - 1), MODIFIER)) continue;
        if (t[j].flags & DYAD_TOK_POSS) { j--; continue; }   /* "in Ukraine's Donetsk region" */
        if (t[j].flags & DYAD_TOK_CAP) {
            const char *d = dyad_gazetteer_demonym(g, w);
            if (d) { if (dem && !*dem) *dem = d; continue; }
        }
        if (!IN(w, MODIFIER)) return NULL;
    }
    return NULL;
}

/* Longest gazetteer name starting at token i: tokens used (0 if none). */
static int longest_at(const dyad_gazetteer *g, const dyad_token *t, int i, int i1,
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
    int nc = 0, n = longest_at(g, t, e + 1, i1, &c, &nc);
    for (int k = 0; k < nc; k++)
        if (c[k]->kind == DYAD_PLACE_COUNTRY) { *used = n + 1; return c[k]->country; }
    return NULL;
}

static double score(const dyad_place *p, const char *forced, const char *const *prefer,
                    int nprefer, const char *const *others, int nothers)
{
    double s = 0;
    if (forced) s += strcmp(p->country, forced) ? -100 : 100;
    for (int i = 0; i < nprefer; i++)
        if (prefer[i] && !strncmp(prefer[i], p->country, 3)) { s += 8; break; }
    for (int i = 0; i < nothers; i++)
        if (!strcmp(others[i], p->country)) { s += 4; break; }
    if (p->kind == DYAD_PLACE_COUNTRY) s += 2;
    else if (p->kind == DYAD_PLACE_CONFLICT) s += 1;
    s += log10((double)p->population + 1) / 10.0;     /* < 1: population breaks ties */
    return s;
}

typedef struct mention {
    int s, e;
    const dyad_place *const *c;
    int nc;
    const char *forced;
    int strong;
    const char *prep;        /* the locative preposition, if any */
    const char *dem;         /* country of a demonym before it ("Congolese city of") */
} mention;

int dyad_find_places(const dyad_gazetteer *g, const dyad_token *t, int i0, int i1,
                     const char *const *prefer, int nprefer, dyad_place_hit *out, int max)
{
    mention m[32];
    int nm = 0;
    if (!g) return 0;
    for (int i = i0; i < i1 && nm < 32;) {
        if (!(t[i].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS)) || is_calendar(T(t, i))) {
            i++;
            continue;
        }
        /* demonym + border: "near the Syrian border" */
        const char *dem = dyad_gazetteer_demonym(g, T(t, i));
        if (dem && i + 1 < i1 && (!strcmp(T(t, i + 1), "border") ||
                                  !strcmp(T(t, i + 1), "frontier"))) {
            const dyad_place *cp = dyad_gazetteer_country(g, dem);
            const char *pr = cp ? locative_before(g, t, i0, i, NULL) : NULL;
            if (pr && pr != VERB_CONTEXT && nm < 32) {
                m[nm++] = (mention){ i, i + 2, NULL, 0, dem, 1, NULL, NULL };
                m[nm - 1].c = NULL;
            }
            i += 2;
            continue;
        }
        const dyad_place *const *c;
        int nc = 0, n = longest_at(g, t, i, i1, &c, &nc);
        if (!n) { i++; continue; }
        int used = 0;
        const char *forced = comma_country(g, t, i + n, i1, &used);
        const char *mdem = NULL;
        const char *prep = locative_before(g, t, i0, i, &mdem);
        int nocountry = 1;                      /* a city or region may be meant */
        for (int k = 0; k < nc; k++) if (c[k]->kind == DYAD_PLACE_COUNTRY) nocountry = 0;
        int placed = 0;                         /* a place by its verb or noun */
        if (prep == VERB_CONTEXT) { prep = NULL; placed = nocountry; }
        /* "Beirut airport", "Yeonpyeong island": a place noun after the name */
        if (!prep && nocountry && i + n < i1 && IN(T(t, i + n), PLACE_NOUN) &&
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
                if (!IN(T(t, j), MODIFIER) && !(t[j].flags & DYAD_TOK_POSS)) ok = 0;
            if (ok) { strong = 1; prep = m[nm - 1].prep; }
        }
        int all_common = 1;
        for (int k = 0; k < nc; k++) if (!c[k]->common) all_common = 0;
        /* a common word as a name: not first in the sentence, not "the West" */
        if (all_common && n == 1 && ((t[i].flags & DYAD_TOK_SENT_START) ||
                                     (i > i0 && !strcmp(T(t, i - 1), "the"))))
            strong = 0;
        if (strong) m[nm++] = (mention){ i, i + n, c, nc, forced, 1, prep, mdem };
        i += n + used;
    }
    /* "the Black Sea resort of Sochi", "Donetsk region's town of Avdiivka":
     * a place named as part of the one before it is the more precise, so the
     * container gives way to it. */
    for (int k = 0; k + 1 < nm; k++) {
        int j = m[k].e, ok = m[k + 1].s > j && !strcmp(T(t, m[k + 1].s - 1), "of");
        for (; ok && j < m[k + 1].s - 1; j++)
            if (!IN(T(t, j), MODIFIER) && !(t[j].flags & DYAD_TOK_POSS)) ok = 0;
        if (ok) {
            m[k + 1].prep = m[k].prep;
            memmove(&m[k], &m[k + 1], (size_t)(nm - k - 1) * sizeof m[0]);
            nm--;
            k--;
        }
    }
    /* Countries of unambiguous mentions help the ambiguous ones. */
    const char *others[64];
    int no = 0;
    for (int k = 0; k < nm; k++) {
        if (!m[k].c) others[no++] = m[k].forced;
        else if (m[k].nc == 1) others[no++] = m[k].c[0]->country;
        if (m[k].dem) others[no++] = m[k].dem;
    }
    int nout = 0;
    for (int k = 0; k < nm && nout < max; k++) {
        dyad_place_hit *h = &out[nout];
        h->tok_start = m[k].s;
        h->tok_end = m[k].e;
        h->strong = m[k].strong;
        h->as_written = NULL;
        if (!m[k].c) {                      /* demonym border */
            h->place = dyad_gazetteer_country(g, m[k].forced);
            h->as_written = "border";
            nout++;
            continue;
        }
        const dyad_place *best = NULL;
        double bs = -1e9;
        for (int j = 0; j < m[k].nc; j++) {
            double s = score(m[k].c[j], m[k].forced, prefer, nprefer, others, no);
            if (s > bs) { bs = s; best = m[k].c[j]; }
        }
        if (m[k].forced && strcmp(best->country, m[k].forced)) continue;
        /* "aid to Ukraine", "sanctions on Russia": a party, not a place */
        if (best->kind == DYAD_PLACE_COUNTRY && m[k].prep && !IN(m[k].prep, COUNTRY_PREP))
            continue;
        h->place = best;
        nout++;
    }
    return nout;
}
