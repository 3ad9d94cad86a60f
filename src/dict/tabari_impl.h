/*
 * tabari_impl.h — internals shared by the TABARI loaders (tabari_*.c in
 * src/dict): the dyad_tabari structure, growable vectors and the phrase
 * tokenizer. Not for the coder, which uses the accessors in tabari.h.
 */
#ifndef DYAD_TABARI_IMPL_H
#define DYAD_TABARI_IMPL_H

#include <stdlib.h>
#include "dict/tabari.h"
#include "util/arena.h"

#define TB_VEC(T) struct { T *v; size_t n, cap; }
#define TB_PUSH(vec, item) \
    (((vec).n < (vec).cap || tb_grow((void **)&(vec).v, &(vec).cap, (vec).n + 1, sizeof *(vec).v) == 0) \
     ? ((vec).v[(vec).n++] = (item), 0) : -1)

int tb_grow(void **p, size_t *cap, size_t need, size_t elsize);

struct dyad_tabari {
    dyad_dict *d;                 /* file names + errors */
    dyad_arena strings;           /* literal texts, codes, phrase texts */
    tb_opts opts;
    /* literals: open addressing, key = literal id + 1 */
    TB_VEC(const char *) lits;
    TB_VEC(uint32_t) litlen;
    int32_t *lhash; size_t lcap;
    /* roots, phrase/pattern elements, alternatives, synsets, verbs */
    TB_VEC(tb_root) roots;
    TB_VEC(tb_pel) elems;
    TB_VEC(tb_seq) alts;
    TB_VEC(tb_synset) synsets;
    TB_VEC(tb_seq) synmem;
    TB_VEC(tb_verb) verbs;
    TB_VEC(tb_pattern) pats;
    TB_VEC(int32_t) patorder;     /* per verb: slice of pattern ids, sorted */
    TB_VEC(tb_code) codes;
    TB_VEC(const char *) agentcodes;
    /* index: literal -> roots starting with it (CSR) */
    int32_t *rstart, *rlist;
    int special[TB_NSPECIAL];
    int root_former;
    const char *textfile;
    int compiled;
    int nfatal;                   /* errors that lose a whole file (vs. one skipped line) */
};

const char *tb_strdup(dyad_tabari *t, const char *s, size_t n);
int tb_lit_intern(dyad_tabari *t, const char *s, size_t n);   /* lower-cases */
int tb_add_root(dyad_tabari *t, int type, const char *phrase, dyad_src src);
/* Parse a phrase or pattern into elems; returns the sequence or off = -1 after
 * an error. verb_ok: '*' allowed (patterns); tokens_ok: $ + % ^ & { } allowed. */
tb_seq tb_parse_phrase(dyad_tabari *t, const char *s, size_t n, int tokens_ok, dyad_src src);
int tb_synset_find(const dyad_tabari *t, const char *name, size_t n);
/* Parse one "[...]" code block list at s (after the phrase); see tabari_load.c. */
int tb_err(dyad_tabari *t, dyad_src src, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Read a file into memory (NUL-terminated); NULL after recording an error. */
char *tb_read_file(dyad_tabari *t, const char *path, size_t *len);

#endif
