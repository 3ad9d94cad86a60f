/*
 * dict_impl.h — the inside of struct dyad_dict, shared by the files of
 * src/dict/ only (dict.c builders, compile.c compile step and lookups,
 * load.c reads dyad's format through the public builders).
 */
#ifndef DYAD_DICT_IMPL_H
#define DYAD_DICT_IMPL_H

#include "dict/dict.h"
#include "util/arena.h"

struct dyad_dup { int a, b; dyad_src src; const char *phrase; };
struct dyad_bcode { int actor, seq; dyad_actor_code c; };
struct dyad_discard { dyad_src src; const char *text; };
struct dyad_pcode { int actor; char cc[4]; char code[16]; dyad_src src; };   /* "= PAKREB in PAK" */

struct dyad_dict {
    const dyad_lexicon *lx;
    dyad_lemma_fn lemma;
    dyad_arena pool;                   /* all strings */
    const char *lastfile;
    /* interned words */
    uint32_t *wslots; size_t wcap;
    const char **words; size_t nwords, capwords;
    /* errors */
    char **errs; size_t nerrs, caperrs;
    uint64_t *errkey; size_t caperrkey;   /* (file order << 32 | line): errors sorted by place */
    const char **files; size_t nfiles, capfiles;
    /* actors */
    dyad_trie actors_t;
    dyad_actor *actors; size_t nactors, capactors;
    dyad_actor_code *codes; size_t ncodes;
    struct dyad_bcode *bcodes; size_t nbcodes, capbcodes;
    struct dyad_dup *dups; size_t ndups, capdups;
    size_t nactor_phrases;
    struct dyad_pcode *pcodes; size_t npcodes, cappcodes;
    /* agents */
    dyad_trie agents_t;
    dyad_agent *agents; size_t nagents, capagents;
    size_t nagent_phrases;
    /* sets: names and (set+1)<<32|wid membership keys */
    dyad_wid *setnames; size_t nsets, capsets;
    uint64_t *members; size_t nmembers, capmembers;
    uint64_t *memkeys; size_t memcap;  /* hash of members */
    /* discards */
    dyad_trie discards_t;
    struct dyad_discard *discards; size_t ndiscards, capdiscards;
    /* patterns */
    dyad_pattern *patterns; size_t npatterns, cappatterns;
    dyad_pelem *elems; size_t nelems, capelems;
    dyad_wid *alts; size_t nalts, capalts;
    /* pattern index: hash wid -> slice of plist */
    dyad_wid *pidx_keys; uint32_t *pidx_off, *pidx_n; size_t pidx_cap;
    uint32_t *plist; size_t nplist;
    int compiled;
    int prefix_heads;                  /* some pattern has a DYAD_EL_PREFIX head */
};

int dyad_vec_grow(void **p, size_t *cap, size_t need, size_t elsize);
char *dyad_dict_lower(dyad_dict *d, const char *s, size_t n);
dyad_wid dyad_dict_intern(dyad_dict *d, const char *lower);
dyad_wid dyad_dict_intern_lemma(dyad_dict *d, const char *lower);

#endif
