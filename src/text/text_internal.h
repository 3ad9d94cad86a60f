/*
 * text_internal.h — what the files of src/text/ share and nobody else needs:
 * lexicon queries used by the tokenizer and the sentence splitter.
 *
 * All lookups take (pointer, length) so callers can ask about a slice of the
 * normalised text without copying it. They are read-only and thread-safe.
 */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "text/text.h"

/* Abbreviation classes (data/text/abbreviations.txt). */
enum {
    DYAD_ABBR_NONE = 0,
    DYAD_ABBR_TITLE,     /* never ends a sentence: Mr. Gen. */
    DYAD_ABBR_ANY,       /* ends one before a capitalised function word: U.S. Inc. */
    DYAD_ABBR_NUM        /* abbreviation only before a number: No. 3 */
};

/* Lemma context bits for dyad_lx_lemma(). */
enum {
    DYAD_LM_CAP     = 1 << 0,   /* written with a capital (WordNet names keep their form) */
    DYAD_LM_CAP_MID = 1 << 1,   /* capitalised inside an ordinary sentence: a name */
    DYAD_LM_HOST    = 1 << 2    /* first half of an n't contraction (wo, ca) */
};

/* Class of `s` (with its final period), exact case; DYAD_ABBR_NONE if unknown. */
int dyad_lx_abbr(const dyad_lexicon *lx, const char *s, size_t n);
/* Lower-case closed-class word (data/text/function-words.txt)? */
int dyad_lx_function(const dyad_lexicon *lx, const char *lower, size_t n);
/* Lower-case verb of saying (data/text/reporting-verbs.txt)? */
int dyad_lx_reporting(const dyad_lexicon *lx, const char *lower, size_t n);
/* News agency name, any case (data/text/agencies.txt)? */
int dyad_lx_agency(const dyad_lexicon *lx, const char *s, size_t n);
/* An entry of the lexicon (opaque): look a word up once, ask several things. */
typedef struct dyad_lxent dyad_lxent;
const dyad_lxent *dyad_lx_find(const dyad_lexicon *lx, const char *s, size_t n);
int dyad_lx_ent_function(const dyad_lxent *e);
/* An ordinary word of the language (a function word, a WordNet word or an
 * inflection of one) that WordNet never spells with a capital? e is the
 * entry of the lower-case word w (dyad_lx_find), may be NULL. */
int dyad_lx_common(const dyad_lexicon *lx, const dyad_lxent *e, const char *w, size_t n);
/* dyad_lx_lemma with the word's entry already found (e = dyad_lx_find(w), may be NULL). */
const char *dyad_lx_lemma_ent(const dyad_lexicon *lx, const dyad_lxent *e, const char *lower,
                              size_t n, unsigned ctx);
/* Lemma of a lower-cased word in context (DYAD_LM_* bits); NULL means
 * "the word itself". The result is NUL-terminated and owned by lx. */
const char *dyad_lx_lemma(const dyad_lexicon *lx, const char *lower, size_t n, unsigned ctx);


/* ---- Raw tokens: tokenize.c -> split.c --------------------------------- */

enum { RT_WORD, RT_NUM, RT_PUNCT, RT_CLITIC };
enum {                      /* punctuation subtypes */
    P_NONE, P_TERM,         /* . ! ? ?! */
    P_ELLIPSIS,             /* ... … */
    P_OPEN, P_CLOSE,        /* quotes and brackets, by side */
    P_DASH, P_COMMA, P_SEMI, P_BULLET, P_OTHER
};
enum { CL_NONE, CL_POSS, CL_BE, CL_NT, CL_OTHER };

typedef struct dyad_rtok {
    uint32_t start, end;    /* byte offsets into the normalised text */
    uint32_t flags;         /* DYAD_TOK_* known from the characters alone */
    uint8_t kind;           /* RT_* */
    uint8_t punct;          /* P_* for RT_PUNCT */
    uint8_t abbr;           /* DYAD_ABBR_* for DYAD_TOK_ABBR tokens */
    uint8_t nl;             /* 0, 1: a line break before, 2: a blank line before */
    uint8_t space;          /* whitespace before */
    uint8_t clitic;         /* CL_* for RT_CLITIC */
    uint8_t host;           /* a word directly followed by n't */
    uint8_t skip;           /* left out of its sentence (dateline, bullet) */
    uint8_t bracket;        /* '(' '[' for P_OPEN, ')' ']' for P_CLOSE, else 0 */
    uint8_t func;           /* a function word (function-words.txt) */
    uint8_t looked;         /* ent is the lookup of the lower-case form */
    const dyad_lxent *ent;  /* lexicon entry of the lower-case word, or NULL */
} dyad_rtok;

typedef struct dyad_rtoks {
    dyad_rtok *t;
    size_t n, cap;
} dyad_rtoks;

/* Tokenise the whole normalised text (valid UTF-8). 0, DYAD_ENOMEM or
 * DYAD_ELIMIT. out->t is malloc'd scratch (one buffer per article, not per
 * token): the caller frees it. */
int dyad_tokenize(const dyad_lexicon *lx, const char *s, size_t len, dyad_rtoks *out);

/* Limits (doc/limits.md, section Text). */
#define DYAD_MAX_SENT_TOKENS 400          /* a longer sentence is cut here */
#define DYAD_TEXT_MAX_BYTES (32u << 20)   /* bytes per article: DYAD_ELIMIT above */
#define DYAD_TEXT_MAX_TOKENS 4000000u     /* tokens per article: DYAD_ELIMIT above */

/* A sentence as a token range [b, e) of the raw tokens. */
typedef struct dyad_rsent { uint32_t b, e; } dyad_rsent;

/* Find sentence ranges; marks dateline and list-marker tokens skip. */
int dyad_split(const dyad_lexicon *lx, dyad_arena *a, const char *s, dyad_rtoks *rt,
               dyad_rsent **out, size_t *nout);

/* Decode one code point of valid UTF-8 at s; *k gets its length. */
static inline uint32_t dyad_u8(const unsigned char *s, int *k)
{
    unsigned c = s[0];
    if (c < 0x80) { *k = 1; return c; }
    if (c < 0xE0) { *k = 2; return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if (c < 0xF0) { *k = 3; return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu); }
    *k = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

#endif
