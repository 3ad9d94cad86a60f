/*
 * text.h — the text pipeline: UTF-8 normalisation, sentence splitting,
 * tokens with byte offsets, case flags and lemmas.
 *
 *   dyad_lexicon  lemma tables (WordNet exception lists + regular morphology),
 *                 loaded once, read-only, shared between threads.
 *   dyad_text_analyze()  turns one article's raw bytes into normalised text,
 *                 sentences and tokens, all allocated in the caller's arena.
 *
 * Offsets (start/end) are byte offsets into dyad_text.norm, the normalised
 * text (valid UTF-8, NFC, invalid bytes replaced by U+FFFD, typographic quotes
 * and dashes kept). Every token's text/lower/lemma is NUL-terminated.
 *
 * Possessives: "Armenia's" is two tokens, "Armenia" and "'s" (flag POSS on
 * the clitic). Sentence-level: a dateline prefix ("MOSCOW, Oct 31 (AP) -")
 * is excluded from the first sentence's tokens.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "util/arena.h"

enum {
    DYAD_TOK_CAP     = 1 << 0,   /* first letter upper case */
    DYAD_TOK_ALLCAPS = 1 << 1,   /* every letter upper case (and > 1 letter) */
    DYAD_TOK_NUM     = 1 << 2,   /* a number: 12, 3.5, 6,500, 1990s */
    DYAD_TOK_PUNCT   = 1 << 3,   /* punctuation: , . ; : ! ? ( ) " ' - — */
    DYAD_TOK_POSS    = 1 << 4,   /* the possessive clitic 's or ' */
    DYAD_TOK_ABBR    = 1 << 5,   /* abbreviation with a period: U.S., Gen., Sept. */
    DYAD_TOK_SENT_START = 1 << 6 /* first word of its sentence */
};

typedef struct dyad_token {
    uint32_t start, end;   /* byte offsets into dyad_text.norm */
    const char *text;      /* surface form */
    const char *lower;     /* lower-cased (Unicode case folding) */
    const char *lemma;     /* lower-cased lemma: met->meet, troops->troop */
    uint32_t flags;        /* DYAD_TOK_* */
} dyad_token;

typedef struct dyad_sentence {
    uint32_t start, end;   /* byte offsets into dyad_text.norm */
    int index;             /* 0-based position in the article */
    dyad_token *tok;
    int ntok;
} dyad_sentence;

typedef struct dyad_text {
    char *norm;            /* normalised article text */
    size_t len;
    dyad_sentence *sent;
    int nsent;
} dyad_text;

typedef struct dyad_lexicon dyad_lexicon;

/* Load lemma tables from data_dir (see doc/ for the files used).
 * NULL on failure, reason in err. */
dyad_lexicon *dyad_lexicon_load(const char *data_dir, char *err, size_t errlen);
void dyad_lexicon_free(dyad_lexicon *lx);

/* Lemma of one lower-cased word (returns the word itself when unknown).
 * The result is owned by the lexicon or is `word`. */
const char *dyad_lemma(const dyad_lexicon *lx, const char *word);

/* Normalise, split and tokenise. All output lives in arena. Returns 0, or
 * DYAD_ENOMEM / DYAD_ELIMIT (limits in doc/limits.md). */
int dyad_text_analyze(const dyad_lexicon *lx, dyad_arena *arena,
                      const char *text, size_t len, dyad_text *out);

/* Decode HTML character references (&amp; &#39; &rsquo;) and drop the tags
 * of known HTML elements (<p> and <br> become line breaks). Returns s itself
 * when there is nothing to undo, else a copy in arena; *out_len set. */
char *dyad_markup_strip(dyad_arena *arena, const char *s, size_t len, size_t *out_len);

/* Replace invalid UTF-8 with U+FFFD and NUL bytes with spaces, apply NFC.
 * Result in arena, *out_len set. */
char *dyad_utf8_normalize(dyad_arena *arena, const char *s, size_t len, size_t *out_len);

#endif
