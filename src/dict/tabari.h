/*
 * tabari.h — TABARI's dictionaries (.actors, .agents, .verbs, .options,
 * .project), compiled for dyad's TABARI compatibility mode.
 *
 * Why a model of its own: TABARI matches words by *stems* (a dictionary word
 * without a trailing '_' matches every word it is a prefix of), phrases carry
 * per-word connectors (consecutive or skipping, exact or partial), and the
 * root chosen at a word is the one matching the most characters among actors,
 * agents, verbs, nouns and adjectives together. dyad_dict's exact-word tries
 * cannot express that without changing the coder's hot path, so the TABARI
 * loaders compile into the structures below and use a dyad_dict only for what
 * it already offers TABARI: interned file names and "file:line: message"
 * error collection (dyad_dict_file, dyad_dict_error). dict.h is unchanged.
 *
 * Words ("literals") are stored lower-cased, without connectors. A word of
 * the text carries the list of literals that are prefixes of it (flag
 * "exact" when the literal is the whole word): one hash probe per prefix
 * length. Roots (phrases that classify words) are indexed by their first
 * literal. Every root, pattern and code keeps its file:line.
 *
 * Connectors (tb_pel.conn), as in TABARI's manual 5.5.3:
 *   WORD   partial match (stem), next element may be some words later
 *   WORD_  exact word (regular endings allowed on a root's last word)
 *   WORD_NEXT   exact, NEXT must follow immediately
 *   WORD~ NEXT  stem, NEXT must follow immediately
 *   WORD=  exact, no regular endings
 */
#ifndef DYAD_TABARI_H
#define DYAD_TABARI_H

#include <stddef.h>
#include <stdint.h>
#include "dict/dict.h"

/* Word types of TABARI's parser (syntArray wtype). */
enum tb_wtype {
    TB_NULL = 0, TB_ACTOR, TB_AGENT, TB_VERB, TB_NOUN, TB_ADJ, TB_DETERM, TB_CONJ,
    TB_PREP, TB_PRONOUN, TB_AUXIL, TB_BYWORD, TB_TIME, TB_COMMA, TB_NUMBER,
    TB_NULLTAG, TB_HALT
};

enum {                       /* tb_pel.conn */
    TB_C_PART = 1,           /* literal may be a prefix of the word (stem) */
    TB_C_SKIP = 2,           /* words may be skipped before the next element */
    TB_C_EQUAL = 4           /* word ended with '=': no regular endings */
};

enum tb_pkind {              /* pattern/phrase element kinds */
    TB_P_LIT = 1, TB_P_VERB, TB_P_SRC, TB_P_TGT, TB_P_CMP, TB_P_SKIPACT, TB_P_SYN, TB_P_ALT
};

typedef struct tb_pel {
    uint8_t kind, conn;
    int32_t arg;             /* LIT: literal id; SYN: synset id; ALT: first tb_seq */
    int32_t narg;            /* ALT: number of alternatives */
} tb_pel;

typedef struct tb_seq { int32_t off, n; } tb_seq;   /* slice of elems */

typedef struct tb_code {     /* one actor code, maybe date-restricted */
    const char *code;        /* "USAGOV", "GME/GMW", "---", "###", "+++" */
    int32_t from, to;        /* yyyymmdd inclusive; from = -1: unrestricted */
} tb_code;

#define TB_LITBIT(lit) ((uint32_t)((uint32_t)(lit) * 2654435761u) >> 24)   /* 0..255 */

typedef struct tb_pattern {
    dyad_src src;
    tb_seq seq;              /* elements; exactly one TB_P_VERB */
    int32_t verbpos;         /* index of '*' in seq */
    const char *code;        /* "064", "032:033", "023?", "---" */
    int32_t length, maxalt;  /* TABARI's length (alnum chars), longest alternative */
    uint64_t need[4];        /* bit TB_LITBIT(lit) of every literal outside { } and &SETs:
                                a sentence lacking one cannot match (prefilter) */
    const char *text;        /* as written */
} tb_pattern;

typedef struct tb_verb {     /* a verb (or time) root's shared data */
    const char *code;        /* NULL: no code of its own */
    int32_t pat0, npat;      /* slice of pattern ids, longest first */
} tb_verb;

typedef struct tb_root {
    uint8_t type;            /* TB_ACTOR, TB_AGENT, TB_VERB, TB_NOUN, ... */
    tb_seq phrase;           /* TB_P_LIT elements */
    int32_t arg;             /* ACTOR: first code; AGENT: code index; VERB/TIME: verb */
    int32_t narg;            /* ACTOR: number of codes */
    int32_t parent;          /* first phrase of a synonym group, -1 */
    dyad_src src;
    const char *text;        /* phrase as written */
} tb_root;

typedef struct tb_synset {
    const char *name;        /* without '&' */
    int32_t mem0, nmem;      /* slice of dict->synmem (tb_seq) */
} tb_synset;

/* Options (.options file and validation OPTION records). */
typedef struct tb_opts {
    int cplx_verbs, cplx_actors, cplx_pronouns, cplx_conj, cplx_comma, cplx_lateverb;
    int noactprior, noactafter, noverb, nosource, notarget, noevent;
    int code_mode;           /* 0 clause, 1 sentence, 2 all */
    int comma_off;
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
    char def_src[32], def_tgt[32];
    int def_prior, def_after;
    int convert_agents, same_actors, min_words, time_shift;
    int forward;             /* FORWARD: pronouns may refer to the previous sentence */
} tb_opts;

typedef struct dyad_tabari dyad_tabari;

/* Built-in grammar words are added by new(). */
dyad_tabari *dyad_tabari_new(void);
void dyad_tabari_free(dyad_tabari *t);
dyad_dict *dyad_tabari_errors(dyad_tabari *t);     /* file names and errors */
tb_opts *dyad_tabari_opts(dyad_tabari *t);

/* Loaders: each returns the number of errors recorded so far. */
int dyad_tabari_load_project(dyad_tabari *t, const char *path);
int dyad_tabari_load_actors(dyad_tabari *t, const char *path);   /* also .agents */
int dyad_tabari_load_verbs(dyad_tabari *t, const char *path);
int dyad_tabari_load_options(dyad_tabari *t, const char *path);
/* From strings (tests); `name` is the file name used in messages. */
int dyad_tabari_actors_string(dyad_tabari *t, const char *name, const char *text);
int dyad_tabari_verbs_string(dyad_tabari *t, const char *name, const char *text);
/* One .options command line ("COMPLEX: VERBS[5] ...") into o; 0 or -1. */
int dyad_tabari_option_line(tb_opts *o, const char *line, char *err, size_t errlen);
void dyad_tabari_default_opts(tb_opts *o);

/* Build the indexes (root lists per literal, pattern order). Returns errors. */
int dyad_tabari_compile(dyad_tabari *t);
int dyad_tabari_nerrors(const dyad_tabari *t);
/* Errors that lost a whole file (unreadable file, project naming nothing).
 * The others each skipped one dictionary line, as TABARI does, and may be
 * shown as warnings: TABARI's published CAMEO dictionaries have a dozen. */
int dyad_tabari_nfatal(const dyad_tabari *t);
const char *dyad_tabari_error_at(const dyad_tabari *t, int i);

/* Files named by the last project loaded (NULL if none). */
const char *dyad_tabari_text_file(const dyad_tabari *t);

/* ---- lookups (after compile) ------------------------------------------ */

/* Literal id of a lower-cased string of n bytes, -1 if none. */
int dyad_tabari_literal(const dyad_tabari *t, const char *s, size_t n);
int dyad_tabari_literal_len(const dyad_tabari *t, int lit);
/* The same with the hash of s[0..n) given: the hash of a prefix extends to
 * the next one with one step (FNV-1a from 1469598103934665603), so all the
 * prefixes of a word cost one pass. */
int dyad_tabari_literal_hashed(const dyad_tabari *t, const char *s, size_t n, uint64_t h);
uint64_t dyad_tabari_hash_step(uint64_t h, char c);
/* Roots whose first literal is lit. */
const int32_t *dyad_tabari_roots_for(const dyad_tabari *t, int lit, int *n);
const tb_root *dyad_tabari_root(const dyad_tabari *t, int id);
const tb_pel *dyad_tabari_elems(const dyad_tabari *t);
const tb_seq *dyad_tabari_alts(const dyad_tabari *t);
const tb_synset *dyad_tabari_synset(const dyad_tabari *t, int id);
const tb_seq *dyad_tabari_synmems(const dyad_tabari *t);
const tb_verb *dyad_tabari_verb(const dyad_tabari *t, int id);
const tb_pattern *dyad_tabari_pattern(const dyad_tabari *t, const tb_verb *v, int i);
const tb_code *dyad_tabari_codes(const dyad_tabari *t);
const char *dyad_tabari_agent_code(const dyad_tabari *t, int i);
int dyad_tabari_nroots(const dyad_tabari *t);
/* Special literals the parser needs (AND, NOR, THE, HE.., FORMER). */
enum { TB_LIT_AND, TB_LIT_NOR, TB_LIT_THE, TB_LIT_HE, TB_LIT_HIM, TB_LIT_SHE, TB_LIT_HER,
       TB_LIT_IT, TB_LIT_THEY, TB_LIT_THEM, TB_LIT_THEIR, TB_NSPECIAL };
int dyad_tabari_special(const dyad_tabari *t, int which);
int dyad_tabari_root_former(const dyad_tabari *t);

/* The code of an actor root on a date (yyyymmdd); NULL if none applies. */
const char *dyad_tabari_actor_code(const dyad_tabari *t, const tb_root *r, int32_t date);

typedef struct tb_stats { int actors, agents, verbs, patterns, nouns, adjs, synsets, literals; } tb_stats;
void dyad_tabari_stats(const dyad_tabari *t, tb_stats *st);

/* TABARI dates: YYMMDD with years 00-30 in 2000-2030; -1 if malformed. */
int32_t dyad_tabari_date6(const char *s, size_t n);

#endif
