/*
 * extract.h — when, where, how many: the extractors that complete an event.
 *
 * The coder finds who did what to whom in a clause; the extractors then fill
 * the event's date (resolved against the article date), location (from the
 * gazetteer), fatalities/injured counts, and the code's meaning (root,
 * QuadClass, Goldstein, PLOVER) from data/cameo/codes.txt.
 */
#ifndef DYAD_EXTRACT_H
#define DYAD_EXTRACT_H

#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"

typedef struct dyad_extractors dyad_extractors;

/* Load the gazetteer and the CAMEO code table from data_dir. */
dyad_extractors *dyad_extractors_load(const char *data_dir, char *err, size_t errlen);
void dyad_extractors_free(dyad_extractors *x);

/* Meaning of one CAMEO event code; NULL if the code is unknown. */
typedef struct dyad_cameo_code {
    char code[5];
    const char *name;
    int quad;
    double goldstein;
    const char *plover;
} dyad_cameo_code;
const dyad_cameo_code *dyad_cameo_lookup(const dyad_extractors *x, const char *code);

/* Fill ev's root, quad, goldstein, plover, date/date_from/date_precision,
 * fatalities/injured and location. The event was found in sentence
 * t->sent[sent], in the clause of tokens [tok_start, tok_end); ev->code,
 * source and target are already set. Strings go in arena. */
/* Only the date, from tokens tok[0..n) (a sentence, or the tokens of some of its clauses)
 * with the event's words at [tok_start, tok_end): as dyad_extract_event does it. */
void dyad_extract_date(const dyad_article *a, const dyad_token *tok, int n, int tok_start, int tok_end,
                       dyad_event *ev);

void dyad_extract_event(const dyad_extractors *x, dyad_arena *arena,
                        const dyad_article *a, const dyad_text *t,
                        int sent, int tok_start, int tok_end, dyad_event *ev);

/* The place named from token i of a sentence's tokens [0, n) (a gazetteer name the text
 * marks as a place: "in Douma", "attacked Khan Sheikhoun"; with `marked`, the caller has
 * read such a mark itself, "the town of Halabja"): its country (ISO alpha-3, static
 * storage) and *end one past the name; NULL if none. The
 * coder uses it for targets that are places (src/code/match_count.c). */
const char *dyad_place_country_at(const dyad_extractors *x, const dyad_token *tok, int n, int i,
                                  const char *prefer, int marked, int *end);

/* A stated count at token i (numbers.c): hedges ("about", "more than"), the number
 * ("8,000", "two thousand", "1.2 million") and vague plurals at the smallest value they
 * can mean ("dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of
 * thousands" 20,000, "hundreds of thousands" 200,000, "several thousand" 3,000), with a
 * following "of" ("thousands of"). Returns tokens used (0: no count); *lo = that value, 0
 * for an upper bound ("fewer than 50"). Used by the patterns' size conditions. */
int dyad_count_at(const dyad_token *tok, int i, int n, long *lo);

#endif
