/*
 * tabari_coder.h — dyad's TABARI compatibility mode: a separate coder that
 * reproduces TABARI 0.8's parser and coder over a TABARI project's
 * dictionaries (src/dict/tabari.h) and dyad's text pipeline (src/text).
 *
 * One call codes one TABARI "sentence" (a dyad sentence, or a whole
 * validation record): words are rebuilt from dyad tokens the way TABARI
 * filters text (commas, ; : ( ) become commas, hyphens split words,
 * possessives stay attached), then tabari_parse.c classifies words (the root
 * matching most characters), marks nouns, compound actors, comma-delimited
 * clauses, conjunction clauses and pronoun references and checks the
 * complexity conditions; tabari_coder.c then finds verbs, matches their
 * patterns and assigns sources and targets by TABARI's rules.
 */
#ifndef DYAD_TABARI_CODER_H
#define DYAD_TABARI_CODER_H

#include "dict/tabari.h"
#include "text/text.h"
#include "util/arena.h"

enum { TB_OK = 0, TB_DISCARD, TB_COMPLEX, TB_TOO_SHORT, TB_NO_TEXT };

#define TB_MAX_EVENTS 64

typedef struct tb_event {
    char src[48], tgt[48];      /* composite codes: actor + agent */
    char code[16];              /* event code */
    dyad_src rule;              /* pattern or verb root that fired */
    int src_word, tgt_word, verb_word;   /* first word; -2 default actor; >= nw forwarded */
    int src_last, tgt_last, verb_last;   /* last word of the phrase */
} tb_event;

typedef struct tb_result {
    int status;                 /* TB_OK, TB_DISCARD, TB_COMPLEX, ... */
    char why[128];              /* reason for complex/discard */
    tb_event ev[TB_MAX_EVENTS];
    int nev;
    int32_t date;               /* the events' date (yyyymmdd), time-shifted if asked */
} tb_result;

/* A TABARI word built from dyad tokens. */
typedef struct tb_word {
    const char *text;           /* lower-cased, '-' split, possessive attached */
    int len;
    int tok0, tok1;             /* dyad token range [tok0, tok1) */
    uint8_t kind;               /* 0 word, 1 comma, 2 number, 3 quote */
    uint8_t midcap;
} tb_word;

/* Build words from tokens [0, ntok). Returns the number of words (in *out,
 * allocated in a). */
int dyad_tabari_words(const dyad_tabari *t, const dyad_token *tok, int ntok,
                      dyad_arena *a, tb_word **out);

/* TABARI's forwarding: the first actor and compound of a sentence, offered
 * to the pronouns of the next sentence of the same story. */
typedef struct tb_forward {
    int valid;
    int32_t actor;              /* root id, -1 none */
    int32_t cmp[16];            /* roots of the compound's actors */
    int ncmp;
} tb_forward;

/* Code one sentence of words on date (yyyymmdd) with options o. fwd_in
 * (may be NULL) is what the previous sentence forwards; fwd_out (may be NULL)
 * receives what this one forwards. */
void dyad_tabari_code_words(const dyad_tabari *t, const tb_opts *o, const tb_word *w, int nw,
                            int32_t date, dyad_arena *a, tb_result *res,
                            const tb_forward *fwd_in, tb_forward *fwd_out);

/* For `dyad explain`: how TABARI mode parses a sentence, one line per call of
 * out (words with their types and the roots' file:line, clauses, compounds,
 * comma-delimited clauses, pronoun references, complexity). */
void dyad_tabari_describe(const dyad_tabari *t, const tb_opts *o, const tb_word *w, int nw, int32_t date,
                          const tb_forward *fwd, dyad_arena *a,
                          void (*out)(void *user, const char *line), void *user);

/* ---- parser internals shared by tabari_parse.c and tabari_coder.c ----- */

typedef struct tb_lm { int32_t lit; uint8_t exact; } tb_lm;   /* literal of a word */

typedef struct tb_parse {
    const dyad_tabari *t;
    const tb_opts *o;
    const tb_word *w;
    int n;                      /* words; position n is Halt */
    int ntot;                   /* n + 1 + forwarded positions after Halt */
    const tb_forward *fwd;      /* forwarded actors (NULL none) */
    int fwd_actor, fwd_cmp;     /* their positions after Halt, -1 none */
    int32_t date;
    uint8_t *wtype;             /* enum tb_wtype per position (n+1) */
    int32_t *iroot;             /* root id at a root's head, -1 */
    int32_t *rhead, *rtail;     /* head of the covering root; tail (at the head) */
    uint8_t *htag;              /* type tag at a root head, 0 none */
    int32_t *lm0, *nlm;         /* slice of lms per word */
    uint64_t *lmask;            /* per word: bits (lit % 64) of its literals */
    tb_lm *lms;
    int32_t *cmp_head, *cmp_tail;   /* compound id (>0) starting/ending here */
    uint8_t *compd;             /* inside a compound */
    int32_t *sub_head, *sub_tail;   /* subordinate (comma) clause ids */
    int32_t *ref;               /* pronoun -> referenced actor position, -1 */
    int nclause;
    int32_t *cl_start, *cl_end;
    int has_clauses;
    int discard, complex;
    char why[128];
} tb_parse;

void dyad_tabari_parse(tb_parse *p, dyad_arena *a);
int dyad_tabari_has_lit(const tb_parse *p, int pos, int lit);    /* 0, 1 partial, 2 exact */
int dyad_tabari_skip_sub(const tb_parse *p, int *pos);           /* skip a subord segment */
int dyad_tabari_null_verb(const dyad_tabari *t, int root);

#endif
