/*
 * dict.h — the compiled, in-memory dictionary model and its builder API.
 *
 * One dyad_dict holds everything the coder looks up: actors (phrases with
 * date-ranged codes), agents (role nouns), verb/noun patterns, word sets and
 * discard phrases. Loaders (dyad's own format in load.c; a TABARI loader can
 * be added beside it) only call the builder functions below; they never touch
 * the structures directly. After dyad_dict_compile() the dict is read-only and
 * may be shared by threads.
 *
 * Words are interned: every distinct lower-cased word gets a dyad_wid (> 0);
 * the coder maps each token's lower form and lemma to ids once per token and
 * then works on integers only. Multi-word phrases live in tries whose edges
 * are one open-addressing hash keyed by (node, word id): a lookup step is one
 * hash probe, never a scan.
 *
 * Every entry keeps its dyad_src (file:line). Errors are collected, not
 * printed: each builder call that finds a problem records "file:line: msg"
 * and returns -1; dyad_dict_compile() adds the consistency errors (overlapping
 * ranges, conflicting duplicates, unknown sets). A dict with errors must not
 * be used for coding (dyad_open refuses it; `dyad dict check` lists them).
 *
 * Patterns are sequences of elements with one HEAD element (the word the
 * pattern is indexed by). Matching anchors the head on a token, matches the
 * elements before the head leftwards and those after it rightwards. This
 * covers dyad's "SRC launch attack on TGT" (head = first word after SRC) and
 * TABARI's "- * PROMISE $ + [code]" (head = the '*', words may precede it,
 * `$`/`+` are SRC/TGT, stems become DYAD_EL_PREFIX words).
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>
#include "text/text.h"

typedef uint32_t dyad_wid;          /* interned word id; 0 = not in the dictionary */

typedef struct dyad_src {           /* where an entry was written */
    const char *file;               /* owned by the dict */
    int line;
} dyad_src;

/* ---- Actors ----------------------------------------------------------- */

#define DYAD_DATE_MIN 0             /* open "from" end */
#define DYAD_DATE_MAX 99999999      /* open "to" end */
#define DYAD_NOT_ACTOR "---"        /* code of phrases that are not actors ("South China Sea") */

typedef struct dyad_actor_code {
    char code[16];                  /* "RUSGOV" */
    int32_t from, to;               /* yyyymmdd, inclusive; no range: from=-1 (the default) */
    dyad_src src;
} dyad_actor_code;

typedef struct dyad_actor {
    dyad_src src;
    uint32_t code0, ncode;          /* slice of dict->codes */
    const char *name;               /* first phrase as written ("Vladimir Putin") */
    uint8_t dated;                  /* has date ranges (a person holding offices) */
    uint8_t broken;                 /* an error was reported for it already */
    uint8_t placed;                 /* has "= CODE in CCC" codes (a group of several countries) */
} dyad_actor;

/* ---- Agents ----------------------------------------------------------- */

typedef struct dyad_agent {
    dyad_src src;
    char code[16];                  /* role codes: "GOV", "REBMIL" */
    const char *phrase;             /* as written */
} dyad_agent;

/* ---- Patterns --------------------------------------------------------- */

enum dyad_elem_kind {
    DYAD_EL_SRC = 1,                /* source actor slot (TABARI $) */
    DYAD_EL_TGT,                    /* target actor slot (TABARI +) */
    DYAD_EL_WORD,                   /* one of nalt words (matched on lemma or lower form) */
    DYAD_EL_SET,                    /* any member of set `arg` */
    DYAD_EL_SKIP,                   /* skip 0..`skip` tokens that are not actors (dyad `...`) */
    DYAD_EL_COUNT                   /* a stated count meeting `cmp`/`arg` (dyad `COUNT>=1000`) */
};
enum {                              /* dyad_pelem.cmp: size conditions (src/code/match_count.c) */
    DYAD_CMP_NONE = 0,
    DYAD_CMP_GE,                    /* count >= arg */
    DYAD_CMP_LT                     /* a count is stated and it is < arg */
};
enum {                              /* dyad_pelem.flags */
    DYAD_EL_OPT    = 1 << 0,        /* optional element: (word) */
    DYAD_EL_PREFIX = 1 << 1,        /* word matches as a prefix of the token (TABARI stems) */
    DYAD_EL_HEAD   = 1 << 2         /* this is the pattern's head */
};

typedef struct dyad_pelem {
    uint8_t kind, flags, skip;
    uint8_t cmp;                    /* DYAD_CMP_*: COUNT, or a size condition on SRC/TGT
                                       ("TGT>=1000"); its value is in arg */
    uint16_t nalt;                  /* DYAD_EL_WORD: number of alternatives */
    uint32_t arg;                   /* WORD: index into dict->alts; SET: set id; COUNT and a
                                       slot with cmp: the threshold */
    uint64_t sig;                   /* WORD: OR of dyad_word_sig() of the alternatives */
} dyad_pelem;

/* A one-bit signature of a word id, for quick "is any of these words in the sentence". */
static inline uint64_t dyad_word_sig(dyad_wid w) { return 1ull << ((w * 0x9E3779B1u) >> 26 & 63); }

enum {                              /* dyad_pattern.flags */
    DYAD_PAT_SYM   = 1 << 0,
    DYAD_PAT_NOSRC = 1 << 1,
    DYAD_PAT_NOTGT = 1 << 2
};

typedef struct dyad_pattern {
    dyad_src src;
    char code[5];                   /* CAMEO event code */
    char negcode[5];                /* code for a negated match, "" = drop */
    uint16_t flags;                 /* DYAD_PAT_* */
    uint16_t nelem, head;           /* elements; index of the head element */
    uint32_t elem;                  /* index into dict->elems */
    int32_t specificity;            /* literal words; higher is tried first */
    const char *text;               /* the pattern as written, for explain */
} dyad_pattern;

/* Builder-side description of one element (strings are copied). */
typedef struct dyad_pelem_spec {
    int kind;                       /* DYAD_EL_* */
    unsigned flags;                 /* DYAD_EL_OPT | DYAD_EL_PREFIX | DYAD_EL_HEAD */
    int skip;                       /* DYAD_EL_SKIP: max tokens */
    const char *const *words;       /* DYAD_EL_WORD: alternatives */
    int nwords;
    const char *set;                /* DYAD_EL_SET: set name without '@' */
    int cmp;                        /* DYAD_CMP_*: DYAD_EL_COUNT, or a condition on SRC/TGT */
    uint32_t count;                 /* its threshold */
} dyad_pelem_spec;

typedef struct dyad_dict dyad_dict;

/* ---- Tries (actor phrases, agent phrases, discards) ------------------- */

typedef struct dyad_trie {
    uint64_t *keys;                 /* (node << 32 | wid), 0 = empty slot */
    uint32_t *vals;                 /* child node */
    size_t cap, n;                  /* hash capacity (power of two), edges */
    int32_t *term;                  /* node -> entry index, -1 none */
    uint32_t *exact;                /* node -> 0, or 1 + offset in exactw of the phrase's
                                       words: a non-zero wid there is a "quoted" word that
                                       must match the token's spelling exactly */
    size_t nnodes, capnodes;
    dyad_wid *exactw;
    size_t nexactw, capexactw;
} dyad_trie;

/* Child of `node` by word `w`, 0 if none. The root is node 0. */
uint32_t dyad_trie_step(const dyad_trie *t, uint32_t node, dyad_wid w);
/* Do the quoted words of the phrase ending at `node` match these tokens' spelling? */
int dyad_trie_exact_ok(const dyad_trie *t, const struct dyad_dict *d, uint32_t node,
                       const char *const *texts, int n);

/* ---- The dictionary --------------------------------------------------- */

/* How agent, pattern, set and discard words are lemmatised (dyad_lemma of
 * src/text; NULL: words are used as written). Taking a function keeps the
 * dictionary independent of the text pipeline. */
typedef const char *(*dyad_lemma_fn)(const dyad_lexicon *lx, const char *lower);
dyad_dict *dyad_dict_new(dyad_lemma_fn lemma, const dyad_lexicon *lx);
void dyad_dict_free(dyad_dict *d);

/* Interned copy of a file name for dyad_src (lives as long as d). */
const char *dyad_dict_file(dyad_dict *d, const char *path);

/* Builders: 0 on success, -1 after recording an error at src. */
int dyad_dict_add_actor(dyad_dict *d, dyad_src src);              /* returns the actor id */
int dyad_dict_actor_phrase(dyad_dict *d, int actor, const char *phrase, dyad_src src);
/* "= PAKREB in PAK": the code the actor takes when the text places it in country cc */
int dyad_dict_actor_place_code(dyad_dict *d, int actor, const char *code, const char *cc, dyad_src src);
int dyad_dict_actor_code(dyad_dict *d, int actor, const char *code,
                         int32_t from, int32_t to, dyad_src src);   /* from=-1: default */
int dyad_dict_add_agent(dyad_dict *d, const char *phrase, const char *code, dyad_src src);
int dyad_dict_add_set_member(dyad_dict *d, const char *set, const char *word, dyad_src src);
int dyad_dict_add_discard(dyad_dict *d, const char *phrase, dyad_src src);
/* head: index of the head element, or -1 for dyad's rule (first required word
 * after a leading SRC/TGT, else the first required word). */
int dyad_dict_add_pattern(dyad_dict *d, dyad_src src, const char *code, unsigned flags,
                          const char *negcode, const dyad_pelem_spec *el, int nel,
                          int head, const char *text);

/* Record an error (for loaders' syntax errors). Always returns -1. */
int dyad_dict_error(dyad_dict *d, dyad_src src, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int dyad_dict_nerrors(const dyad_dict *d);
const char *dyad_dict_error_at(const dyad_dict *d, int i);   /* "file:line: message" */

/* Check consistency and build the indexes. Returns the number of errors. */
int dyad_dict_compile(dyad_dict *d);

/* ---- Lookups (after compile; read-only) -------------------------------- */

dyad_wid dyad_dict_word(const dyad_dict *d, const char *lower);  /* 0 if unknown */
/* Intern a lower-cased word (also allowed after compile: the coder adds its
 * grammar words). Returns 0 on OOM. Not thread-safe: only before sharing. */
dyad_wid dyad_dict_intern(dyad_dict *d, const char *lower);
size_t dyad_dict_nwords(const dyad_dict *d);
const char *dyad_dict_word_str(const dyad_dict *d, dyad_wid w);

const dyad_trie *dyad_dict_actor_trie(const dyad_dict *d);   /* on lower forms; term = actor */
const dyad_trie *dyad_dict_agent_trie(const dyad_dict *d);   /* on lemmas; term = agent */
const dyad_trie *dyad_dict_discard_trie(const dyad_dict *d); /* on lemmas; term = discard line */

const dyad_actor *dyad_dict_actor(const dyad_dict *d, int id);
const dyad_agent *dyad_dict_agent(const dyad_dict *d, int id);
dyad_src dyad_dict_discard_src(const dyad_dict *d, int id);
const char *dyad_dict_discard_text(const dyad_dict *d, int id);

/* The actor's code on a date (yyyymmdd): the range containing it, else the
 * default, else NULL. *which (may be NULL) gets the chosen code entry. */
const char *dyad_actor_code_on(const dyad_dict *d, int actor, int32_t date,
                               const dyad_actor_code **which);
/* A group that operates in several countries ("= PAKREB in PAK"): the code it takes where
 * the text places it in country `cc` (alpha-3), else NULL. *src (may be NULL) gets the line. */
const char *dyad_actor_code_in(const dyad_dict *d, int actor, const char *cc, dyad_src *src);

/* Patterns indexed by head word, most specific first. A DYAD_EL_PREFIX head
 * (a TABARI stem) is indexed under the stem itself; the coder also looks up
 * the prefixes of a token when dyad_dict_has_prefix_heads() says there are any. */
const uint32_t *dyad_dict_patterns_for(const dyad_dict *d, dyad_wid head, int *n);
int dyad_dict_has_prefix_heads(const dyad_dict *d);
dyad_wid dyad_dict_word_n(const dyad_dict *d, const char *lower, size_t n);
const dyad_pattern *dyad_dict_pattern(const dyad_dict *d, int id);
const dyad_pelem *dyad_dict_elems(const dyad_dict *d, const dyad_pattern *p);
const dyad_wid *dyad_dict_alts(const dyad_dict *d, const dyad_pelem *e);
int dyad_dict_in_set(const dyad_dict *d, uint32_t set, dyad_wid w);
int dyad_dict_set_id(const dyad_dict *d, const char *name);        /* -1 if unknown */
const char *dyad_dict_set_name(const dyad_dict *d, uint32_t set);

typedef struct dyad_dict_stats {
    int actors, actor_phrases, actor_codes, agents, agent_phrases, patterns, sets,
        set_members, discards, words;
    int patterns_per_root[21];      /* [1..20] */
} dyad_dict_stats;
void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st);

/* ---- dyad's text format (load.c) -------------------------------------- */

/* Load every *.txt under dir/actors, dir/agents, dir/verbs and dir/sets.txt,
 * dir/discards.txt (missing folders are fine), in name order, into d. Does not
 * compile. Returns the number of errors recorded so far. */
int dyad_dict_load_dir(dyad_dict *d, const char *dir);
/* Load one file of dyad's format. */
int dyad_dict_load_file(dyad_dict *d, const char *path);
/* Load from a string (tests); `name` is used as the file name. */
int dyad_dict_load_string(dyad_dict *d, const char *name, const char *text);

/* Parse "YYYY-MM-DD" to yyyymmdd; -1 if malformed or not a real date. */
int32_t dyad_parse_date(const char *s, size_t n);

#endif
