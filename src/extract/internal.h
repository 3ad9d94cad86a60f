/*
 * internal.h — the pieces of src/extract/ shared between its files and its
 * unit tests: the CAMEO code table, calendar arithmetic, date expressions,
 * numbers, casualty counts and the gazetteer.
 *
 * Everything here works on arrays of dyad_token (src/text/text.h), using
 * only the lower/lemma strings and the flags, so tests can build tokens by
 * hand. Nothing allocates per token; results go in caller-provided structs.
 */
#ifndef DYAD_EXTRACT_INTERNAL_H
#define DYAD_EXTRACT_INTERNAL_H

#include <stddef.h>
#include "extract/extract.h"

/* ---- CAMEO code table (codebook.c) ------------------------------------ */

typedef struct dyad_codebook dyad_codebook;
dyad_codebook *dyad_codebook_load(const char *path, char *err, size_t errlen);
void dyad_codebook_free(dyad_codebook *cb);
const dyad_cameo_code *dyad_codebook_get(const dyad_codebook *cb, const char *code);
int dyad_codebook_size(const dyad_codebook *cb);

/* ---- Calendar (dates.c) ------------------------------------------------ */

typedef struct dyad_ymd { int y, m, d; } dyad_ymd;

int  dyad_ymd_parse(const char *s, dyad_ymd *out);   /* "YYYY-MM-DD"; 0 ok, -1 bad */
int  dyad_ymd_valid(int y, int m, int d);
int  dyad_days_in_month(int y, int m);
long dyad_ymd_to_days(dyad_ymd a);                   /* days since 1970-01-01 */
dyad_ymd dyad_days_to_ymd(long days);
int  dyad_ymd_weekday(dyad_ymd a);                   /* 0 = Monday .. 6 = Sunday */
dyad_ymd dyad_ymd_add_days(dyad_ymd a, long n);

enum { DYAD_PREC_NONE = 0, DYAD_PREC_YEAR, DYAD_PREC_MONTH, DYAD_PREC_DAY };

/* One date expression found in a sentence. */
typedef struct dyad_date_hit {
    int tok_start, tok_end;   /* token span of the expression */
    dyad_ymd date;            /* resolved; month/day 1 when less precise */
    int prec;                 /* DYAD_PREC_*; NONE = vague ("this week") */
} dyad_date_hit;

/* Find date expressions in tokens [i0, i1) resolved against `article`.
 * `future`: the clause is in the future tense (weekdays and month-days
 * without a year then point forward). Returns the number of hits stored
 * (at most max). */
int dyad_find_dates(const dyad_token *tok, int i0, int i1, dyad_ymd article,
                    int future, dyad_date_hit *out, int max);

/* Does [i0, i1) contain a future auxiliary (will, shall, 'll, "going to")? */
int dyad_clause_is_future(const dyad_token *tok, int i0, int i1);

/* ---- Numbers (numbers.c) ----------------------------------------------- */

/* A number starting at token i of [i, n): digits ("12", "6,500", "1.2
 * million"), words ("twenty-one", "a dozen", "three hundred"). Returns the
 * tokens consumed (0: no number). *value is the number, or -1 for a vague
 * quantity ("dozens", "hundreds", "several", "many"). */
int dyad_number_at(const dyad_token *tok, int i, int n, long *value);

/* ---- Casualties (fatalities.c) ----------------------------------------- */

typedef struct dyad_casualties {
    long killed;    /* -1: not stated */
    long injured;   /* -1: not stated */
} dyad_casualties;

/* Death and injury counts stated in tokens [i0, i1). When several counts
 * are stated, the largest wins (a rising toll restates earlier counts). */
void dyad_find_casualties(const dyad_token *tok, int i0, int i1, dyad_casualties *out);

/* ---- Gazetteer and places (gazetteer.c, places.c) ---------------------- */

enum { DYAD_PLACE_CITY, DYAD_PLACE_REGION, DYAD_PLACE_COUNTRY, DYAD_PLACE_CONFLICT };

typedef struct dyad_place {
    const char *name;      /* canonical name */
    char country[4];       /* ISO alpha-3 */
    float lat, lon;
    unsigned population;
    unsigned char kind;    /* DYAD_PLACE_* */
    unsigned char common;  /* name is also a common English word */
    float weight;          /* log10(population + 1) / 10: breaks homonym ties */
} dyad_place;

typedef struct dyad_gazetteer dyad_gazetteer;

/* Key of a name: letters and digits, case-folded, accents stripped. */
size_t dyad_place_key(const char *s, char *out, size_t cap);

/* Load gazetteer.tsv (generated) plus the hand-written tables in data_dir. */
dyad_gazetteer *dyad_gazetteer_load(const char *data_dir, char *err, size_t errlen);
void dyad_gazetteer_free(dyad_gazetteer *g);
void dyad_gazetteer_counts(const dyad_gazetteer *g, int counts[4]);  /* by kind */

/* All places whose normalised name (letters and digits only, lower case)
 * is `key`; returns the count and sets *out to an internal array. */
int dyad_gazetteer_find(const dyad_gazetteer *g, const char *key, const dyad_place *const **out);
/* Is key the start (whole first words) of a longer multi-word name? */
int dyad_gazetteer_is_prefix(const dyad_gazetteer *g, const char *key);
/* The country entry for an alpha-3 code, or NULL. */
const dyad_place *dyad_gazetteer_country(const dyad_gazetteer *g, const char *alpha3);
/* The country a demonym names ("syrian" -> SYR), or NULL. */
const char *dyad_gazetteer_demonym(const dyad_gazetteer *g, const char *lower);

/* Word classes of the place matcher: its word lists (places.c) hashed into
 * the gazetteer at load, so a word is classified with one lookup. */
enum { DYAD_W_PREP = 1, DYAD_W_COUNTRY_PREP = 2, DYAD_W_MODIFIER = 4, DYAD_W_DIRECTION = 8,
       DYAD_W_EVENT_NOUN = 16, DYAD_W_PLACE_NOUN = 32, DYAD_W_SETTLEMENT = 64,
       DYAD_W_PLACE_VERB = 128, DYAD_W_CALENDAR = 256 };
void dyad_gazetteer_word_add(dyad_gazetteer *g, const char *w, unsigned cls);
unsigned dyad_gazetteer_word(const dyad_gazetteer *g, const char *w);
void dyad_place_words_init(dyad_gazetteer *g);          /* places.c */

/* A place mention found in a sentence. */
typedef struct dyad_place_hit {
    int tok_start, tok_end;
    const dyad_place *place;
    int strong;              /* preceded by a locative preposition or "city of" */
    const char *as_written;  /* NULL: use place->name; else report these words: a
                                "Syrian border" or a town missing from the gazetteer,
                                whose `place` is then its country */
    int ambiguous;           /* the name has candidates in several countries */
    int source;              /* after "from"/"via": where something came from */
    int context;             /* resolved from the article context ("the city",
                                "the country's north", an unlisted town's country) */
} dyad_place_hit;

typedef struct dyad_place_ctx dyad_place_ctx;

/* Place mentions in tokens [i0, i1); homonyms resolved with the preferred
 * countries (the event's actors, alpha-3, may be NULL/empty) and the other
 * places of the sentence, then by population. */
int dyad_find_places(const dyad_gazetteer *g, const dyad_token *tok, int i0, int i1,
                     const char *const *prefer, int nprefer,
                     dyad_place_hit *out, int max);
/* The same with the article's place context (may be NULL): it also breaks
 * homonym ties by the article's places and dateline, and reads "the city",
 * "the country's north" and "the town of X" for an X it does not list. */
int dyad_find_places_ctx(const dyad_gazetteer *g, const dyad_token *tok, int i0, int i1,
                         const char *const *prefer, int nprefer, dyad_place_ctx *ctx,
                         dyad_place_hit *out, int max);
/* Longest gazetteer name at token i of [i, i1): tokens used (0: none),
 * its candidates in *cands / *ncand. */
int dyad_place_longest(const dyad_gazetteer *g, const dyad_token *tok, int i, int i1,
                       const dyad_place *const **cands, int *ncand);

/* ---- Article place context (context.c) -------------------------------- */

/* What the article says about places, read lazily: each part is computed
 * the first time it is asked for, so an event whose own sentence settles
 * its place costs nothing more. One per event, on the caller's stack. */
#define DYAD_CTX_MAXC 12
#define DYAD_CTX_RECENT 16
struct dyad_place_ctx {
    const dyad_gazetteer *g;
    const dyad_text *t;
    int sent;                          /* the event's sentence */
    int busy;                          /* reading other sentences: no recursion */
    unsigned done;                     /* parts computed (bits in context.c) */
    const dyad_place *dateline;        /* the dateline's place, resolved */
    const dyad_place *const *dl_cands; /* its candidates */
    int dl_ncand;
    char dl_country[4];                /* the country the dateline states */
    struct { char c[4]; int n; } ev[DYAD_CTX_MAXC];  /* countries of the article's
                                          unambiguous place mentions, with counts */
    int nev;
    struct { const dyad_place *place; int sent; } recent[DYAD_CTX_RECENT];  /* latest first */
    int nrecent;
    int scanned;                       /* the earliest sentence read for `recent` */
};

void dyad_place_ctx_init(dyad_place_ctx *c, const dyad_gazetteer *g, const dyad_text *t, int sent);
/* The dateline's place ("KHARKIV, Ukraine, May 3 (Reuters) -"), or NULL. */
const dyad_place *dyad_place_ctx_dateline(dyad_place_ctx *c);
/* How often the article places something in this country (its
 * unambiguous place mentions and its dateline). */
int dyad_place_ctx_votes(dyad_place_ctx *c, const char *alpha3);
/* The latest place of a kind in `kinds` (bits 1 << DYAD_PLACE_*) named in
 * the few sentences before the event's, else the dateline's place; NULL if
 * none. *where (may be NULL) gets its sentence, -1 for the dateline. */
const dyad_place *dyad_place_ctx_recent(dyad_place_ctx *c, unsigned kinds, int *where);
/* The article's country before the event's sentence: the latest place's,
 * else the dateline's, else the one the article names most; NULL if none. */
const char *dyad_place_ctx_country(dyad_place_ctx *c);
/* Has the text named a place before the event's sentence (the dateline
 * aside)? Until it does, the dateline is the scene of the lead. */
int dyad_place_ctx_named_before(dyad_place_ctx *c);

#endif
