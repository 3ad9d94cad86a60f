/*
 * dict.c — the compiled dictionary: interning, tries, builders, compile step
 * and lookups. See dict.h for the model.
 *
 * Building appends to growable arrays; strings live in one arena. The word
 * table and every trie are open-addressing hashes (linear probing, power of
 * two capacity, load <= 1/2). dyad_dict_compile() checks what can only be
 * checked once everything is read (overlapping date ranges, conflicting
 * duplicate phrases, unknown @sets) and sorts the pattern index so that the
 * coder finds the candidates of a head word, most specific first, with one
 * hash probe.
 */
#include "dict/dict.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dict/dict_impl.h"

/* ---- small helpers ---------------------------------------------------- */

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ull; }
    return h;
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27; x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

int dyad_vec_grow(void **p, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, nc * elsize);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}
#define GROW(arr, n, cap) dyad_vec_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr))

int dyad_dict_error(dyad_dict *d, dyad_src src, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (GROW(d->errs, d->nerrs, d->caperrs) == 0 && GROW(d->errkey, d->nerrs, d->caperrkey) == 0) {
        char *e = src.file ? dyad_arena_printf(&d->pool, "%s:%d: %s", src.file, src.line, msg)
                           : dyad_arena_strdup(&d->pool, msg);
        uint64_t seq = UINT32_MAX;
        for (size_t i = 0; src.file && i < d->nfiles; i++) if (d->files[i] == src.file) { seq = i; break; }
        if (e) { d->errkey[d->nerrs] = seq << 32 | (uint32_t)src.line; d->errs[d->nerrs++] = e; }
    }
    return -1;
}

int dyad_dict_nerrors(const dyad_dict *d) { return (int)d->nerrs; }
const char *dyad_dict_error_at(const dyad_dict *d, int i)
{
    return i >= 0 && (size_t)i < d->nerrs ? d->errs[i] : NULL;
}

/* Lower-case (Unicode case folding, as the tokenizer does) into the pool. */
char *dyad_dict_lower(dyad_dict *d, const char *s, size_t n)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80) { ascii = 0; break; }
    if (ascii) {
        char *r = dyad_arena_strndup(&d->pool, s, n);
        if (r) for (char *p = r; *p; p++) *p = (char)tolower((unsigned char)*p);
        return r;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (m < 0) return dyad_arena_strndup(&d->pool, s, n);
    char *r = dyad_arena_strndup(&d->pool, (const char *)out, (size_t)m);
    free(out);
    return r;
}

/* ---- interning ---------------------------------------------------------- */

static int intern_rehash(dyad_dict *d, size_t ncap)
{
    uint32_t *slots = calloc(ncap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 1; i < d->nwords; i++) {
        size_t h = hash_str(d->words[i], strlen(d->words[i])) & (ncap - 1);
        while (slots[h]) h = (h + 1) & (ncap - 1);
        slots[h] = (uint32_t)i;
    }
    free(d->wslots);
    d->wslots = slots;
    d->wcap = ncap;
    return 0;
}

static dyad_wid word_find(const dyad_dict *d, const char *s, size_t n)
{
    if (!d->wcap) return 0;
    size_t h = hash_str(s, n) & (d->wcap - 1);
    for (uint32_t id; (id = d->wslots[h]) != 0; h = (h + 1) & (d->wcap - 1))
        if (!strncmp(d->words[id], s, n) && d->words[id][n] == '\0') return id;
    return 0;
}

/* Intern an already lower-cased word. 0 on OOM. */
dyad_wid dyad_dict_intern(dyad_dict *d, const char *s)
{
    size_t n = strlen(s);
    dyad_wid id = word_find(d, s, n);
    if (id) return id;
    if ((d->nwords + 1) * 2 > d->wcap && intern_rehash(d, d->wcap ? d->wcap * 2 : 1024) < 0) return 0;
    if (GROW(d->words, d->nwords, d->capwords) < 0) return 0;
    char *copy = dyad_arena_strndup(&d->pool, s, n);
    if (!copy) return 0;
    id = (dyad_wid)d->nwords++;
    d->words[id] = copy;
    size_t h = hash_str(s, n) & (d->wcap - 1);
    while (d->wslots[h]) h = (h + 1) & (d->wcap - 1);
    d->wslots[h] = id;
    return id;
}

dyad_wid dyad_dict_word_n(const dyad_dict *d, const char *lower, size_t n)
{
    return word_find(d, lower, n);
}

dyad_wid dyad_dict_word(const dyad_dict *d, const char *lower)
{
    return word_find(d, lower, strlen(lower));
}
const char *dyad_dict_word_str(const dyad_dict *d, dyad_wid w)
{
    return w && w < d->nwords ? d->words[w] : "";
}

/* The lemma of a word for dictionary entries matched on lemmas. */
dyad_wid dyad_dict_intern_lemma(dyad_dict *d, const char *lower)
{
    const char *l = d->lemma ? d->lemma(d->lx, lower) : lower;
    return dyad_dict_intern(d, l && *l ? l : lower);
}

const char *dyad_dict_file(dyad_dict *d, const char *path)
{
    if (d->lastfile && !strcmp(d->lastfile, path)) return d->lastfile;
    d->lastfile = dyad_arena_strdup(&d->pool, path);
    if (d->lastfile && GROW(d->files, d->nfiles, d->capfiles) == 0) d->files[d->nfiles++] = d->lastfile;
    return d->lastfile;
}

/* ---- tries ------------------------------------------------------------- */

static int trie_init(dyad_trie *t)
{
    memset(t, 0, sizeof *t);
    t->cap = 256;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->vals = calloc(t->cap, sizeof *t->vals);
    t->capnodes = 64;
    t->term = malloc(t->capnodes * sizeof *t->term);
    t->exact = calloc(t->capnodes, sizeof *t->exact);
    if (!t->keys || !t->vals || !t->term || !t->exact) return -1;
    t->term[0] = -1;
    t->nnodes = 1;
    return 0;
}

static void trie_free(dyad_trie *t)
{
    free(t->keys); free(t->vals); free(t->term); free(t->exact); free(t->exactw);
}

uint32_t dyad_trie_step(const dyad_trie *t, uint32_t node, dyad_wid w)
{
    if (!w || !t->cap) return 0;
    uint64_t key = ((uint64_t)node << 32) | w;
    size_t h = mix64(key) & (t->cap - 1);
    for (uint64_t k; (k = t->keys[h]) != 0; h = (h + 1) & (t->cap - 1))
        if (k == key) return t->vals[h];
    return 0;
}

static int trie_put_edge(dyad_trie *t, uint64_t key, uint32_t val)
{
    size_t h = mix64(key) & (t->cap - 1);
    while (t->keys[h]) h = (h + 1) & (t->cap - 1);
    t->keys[h] = key;
    t->vals[h] = val;
    return 0;
}

static uint32_t trie_child(dyad_trie *t, uint32_t node, dyad_wid w)
{
    uint32_t c = dyad_trie_step(t, node, w);
    if (c) return c;
    if ((t->n + 1) * 2 > t->cap) {
        size_t ncap = t->cap * 2;
        uint64_t *ok = t->keys; uint32_t *ov = t->vals; size_t ocap = t->cap;
        t->keys = calloc(ncap, sizeof *t->keys);
        t->vals = calloc(ncap, sizeof *t->vals);
        if (!t->keys || !t->vals) { free(t->keys); free(t->vals); t->keys = ok; t->vals = ov; return 0; }
        t->cap = ncap;
        for (size_t i = 0; i < ocap; i++) if (ok[i]) trie_put_edge(t, ok[i], ov[i]);
        free(ok); free(ov);
    }
    if (t->nnodes + 1 > t->capnodes) {
        size_t nc = t->capnodes * 2;
        int32_t *term = realloc(t->term, nc * sizeof *term);
        if (!term) return 0;
        t->term = term;
        uint32_t *ex = realloc(t->exact, nc * sizeof *ex);
        if (!ex) return 0;
        t->exact = ex;
        t->capnodes = nc;
    }
    c = (uint32_t)t->nnodes++;
    t->term[c] = -1;
    t->exact[c] = 0;
    trie_put_edge(t, ((uint64_t)node << 32) | w, c);
    t->n++;
    return c;
}

static int trie_set_exact(dyad_trie *t, uint32_t node, const dyad_wid *ex, int n)
{
    if (dyad_vec_grow((void **)&t->exactw, &t->capexactw, t->nexactw + (size_t)n, sizeof *t->exactw) < 0) return -1;
    t->exact[node] = (uint32_t)t->nexactw + 1;
    memcpy(t->exactw + t->nexactw, ex, (size_t)n * sizeof *ex);
    t->nexactw += (size_t)n;
    return 0;
}

int dyad_trie_exact_ok(const dyad_trie *t, const dyad_dict *d, uint32_t node, const char *const *texts, int n)
{
    if (!t->exact[node]) return 1;
    const dyad_wid *ex = t->exactw + t->exact[node] - 1;
    for (int i = 0; i < n; i++)
        if (ex[i] && strcmp(texts[i], d->words[ex[i]])) return 0;
    return 1;
}

/* Split a phrase into words (spaces; a trailing 's becomes its own word, as
 * the tokenizer does), intern them (lemmas if `lemma`), walk/extend the trie.
 * Returns the final node, 0 on error (message recorded). */
static uint32_t trie_add(dyad_dict *d, dyad_trie *t, const char *phrase, int lemma,
                         dyad_src src, dyad_wid *exact, int *nexact)
{
    uint32_t node = 0;
    int nw = 0, anyexact = 0;
    const char *p = phrase;
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) break;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t') p++;
        size_t n = (size_t)(p - s);
        const char *parts[2] = { s, NULL };
        size_t lens[2] = { n, 0 };
        if (n > 2 && (!strncmp(s + n - 2, "'s", 2) || !strncmp(s + n - 2, "'S", 2))) {
            lens[0] = n - 2; parts[1] = "'s"; lens[1] = 2;
        } else if (n > 4 && !strncmp(s + n - 4, "\xe2\x80\x99s", 4)) {
            lens[0] = n - 4; parts[1] = "'s"; lens[1] = 2;
        }
        for (int k = 0; k < 2 && parts[k]; k++) {
            const char *w = parts[k];
            size_t wn = lens[k];
            dyad_wid ex = 0;
            if (wn >= 3 && w[0] == '"' && w[wn - 1] == '"') {
                /* "US": this word must be spelled exactly so in the text */
                w++;
                wn -= 2;
                char *orig = dyad_arena_strndup(&d->pool, w, wn);
                ex = orig ? dyad_dict_intern(d, orig) : 0;
                anyexact = 1;
            } else if (memchr(w, '"', wn)) {
                dyad_dict_error(d, src, "stray '\"' in '%.*s' (quote a whole word: \"US\")", (int)wn, w);
                return 0;
            }
            if (nw < 32) exact[nw] = ex;
            char *low = dyad_dict_lower(d, w, wn);
            if (!low) return 0;
            /* a quoted word in a lemma-matched phrase is the surface form, not lemmatised */
            dyad_wid id = lemma && !ex ? dyad_dict_intern_lemma(d, low) : dyad_dict_intern(d, low);
            if (!id) { dyad_dict_error(d, src, "out of memory"); return 0; }
            node = trie_child(t, node, id);
            if (!node) { dyad_dict_error(d, src, "out of memory"); return 0; }
            nw++;
        }
    }
    if (!nw) dyad_dict_error(d, src, "empty phrase");
    if (nw > 32) { dyad_dict_error(d, src, "phrase longer than 32 words"); return 0; }
    *nexact = anyexact ? nw : 0;
    return nw ? node : 0;
}

/* ---- lifetime ---------------------------------------------------------- */

dyad_dict *dyad_dict_new(dyad_lemma_fn lemma, const dyad_lexicon *lx)
{
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->lx = lx;
    d->lemma = lemma;
    dyad_arena_init(&d->pool, 256 * 1024);
    if (trie_init(&d->actors_t) < 0 || trie_init(&d->agents_t) < 0 || trie_init(&d->discards_t) < 0
        || intern_rehash(d, 4096) < 0 || GROW(d->words, 0, d->capwords) < 0) {
        dyad_dict_free(d);
        return NULL;
    }
    d->words[0] = "";
    d->nwords = 1;
    return d;
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d) return;
    trie_free(&d->actors_t); trie_free(&d->agents_t); trie_free(&d->discards_t);
    free(d->wslots); free(d->words); free(d->errs); free(d->errkey); free(d->files);
    free(d->actors); free(d->codes); free(d->bcodes); free(d->dups); free(d->pcodes);
    free(d->agents); free(d->patterns); free(d->elems); free(d->alts);
    free(d->setnames); free(d->members); free(d->memkeys);
    free(d->discards);
    free(d->pidx_keys); free(d->pidx_off); free(d->pidx_n); free(d->plist);
    dyad_arena_free(&d->pool);
    free(d);
}

/* ---- builders ---------------------------------------------------------- */

int dyad_dict_add_actor(dyad_dict *d, dyad_src src)
{
    if (GROW(d->actors, d->nactors, d->capactors) < 0) return dyad_dict_error(d, src, "out of memory");
    dyad_actor *a = &d->actors[d->nactors];
    memset(a, 0, sizeof *a);
    a->src = src;
    return (int)d->nactors++;
}

int dyad_dict_actor_phrase(dyad_dict *d, int actor, const char *phrase, dyad_src src)
{
    dyad_wid ex[32];
    int nex = 0;
    uint32_t node = trie_add(d, &d->actors_t, phrase, 0, src, ex, &nex);
    if (!node) return -1;
    d->nactor_phrases++;
    dyad_actor *a = &d->actors[actor];
    if (!a->name) a->name = dyad_arena_strdup(&d->pool, phrase);
    int32_t old = d->actors_t.term[node];
    if (old < 0) {
        d->actors_t.term[node] = actor;
        if (nex && trie_set_exact(&d->actors_t, node, ex, nex) < 0) return dyad_dict_error(d, src, "out of memory");
        return 0;
    }
    /* A second entry for the same phrase: compared once all codes are known. An
     * unquoted spelling of the same phrase lifts the exact-spelling requirement. */
    if (!nex) d->actors_t.exact[node] = 0;
    if (old == actor) return 0;
    if (GROW(d->dups, d->ndups, d->capdups) < 0) return dyad_dict_error(d, src, "out of memory");
    d->dups[d->ndups++] = (struct dyad_dup){ .a = old, .b = actor, .src = src,
                                              .phrase = dyad_arena_strdup(&d->pool, phrase) };
    return 0;
}

static int valid_code(const char *c, int roles_only)
{
    if (!roles_only && !strcmp(c, DYAD_NOT_ACTOR)) return 1;
    size_t n = strlen(c);
    if (n < 3 || n > 15 || n % 3) return 0;
    for (size_t i = 0; i < n; i++) if (!isupper((unsigned char)c[i]) && !isdigit((unsigned char)c[i])) return 0;
    (void)roles_only;
    return 1;
}

int dyad_dict_actor_code(dyad_dict *d, int actor, const char *code, int32_t from, int32_t to,
                         dyad_src src)
{
    if (!valid_code(code, 0) || (from >= 0 && from > to)) d->actors[actor].broken = 1;
    if (!valid_code(code, 0))
        return dyad_dict_error(d, src, "unknown code format '%s' (want a CAMEO actor code such as RUS or RUSGOV)", code);
    if (from >= 0 && from > to)
        return dyad_dict_error(d, src, "bad date range: %d..%d ends before it starts", from, to);
    if (GROW(d->bcodes, d->nbcodes, d->capbcodes) < 0) return dyad_dict_error(d, src, "out of memory");
    struct dyad_bcode *b = &d->bcodes[d->nbcodes++];
    memset(b, 0, sizeof *b);
    b->actor = actor;
    b->seq = (int)d->nbcodes;
    snprintf(b->c.code, sizeof b->c.code, "%s", code);
    b->c.from = from;
    b->c.to = to;
    b->c.src = src;
    return 0;
}

int dyad_dict_actor_place_code(dyad_dict *d, int actor, const char *code, const char *cc, dyad_src src)
{
    int okcc = strlen(cc) == 3;
    for (int i = 0; okcc && i < 3; i++) okcc = cc[i] >= 'A' && cc[i] <= 'Z';
    if (!valid_code(code, 0) || !okcc || strncmp(code, cc, 3)) d->actors[actor].broken = 1;
    if (!valid_code(code, 0))
        return dyad_dict_error(d, src, "unknown code format '%s' (want a CAMEO actor code such as RUS or RUSGOV)", code);
    if (!okcc) return dyad_dict_error(d, src, "'in %s': want a 3-letter country code", cc);
    if (strncmp(code, cc, 3))
        return dyad_dict_error(d, src, "'%s in %s': the code in a country starts with that country", code, cc);
    for (size_t i = 0; i < d->npcodes; i++)
        if (d->pcodes[i].actor == actor && !strcmp(d->pcodes[i].cc, cc))
            return dyad_dict_error(d, src, "a second code 'in %s' for the same actor", cc);
    if (GROW(d->pcodes, d->npcodes, d->cappcodes) < 0) return dyad_dict_error(d, src, "out of memory");
    struct dyad_pcode *p = &d->pcodes[d->npcodes++];
    p->actor = actor;
    snprintf(p->cc, sizeof p->cc, "%s", cc);
    snprintf(p->code, sizeof p->code, "%s", code);
    p->src = src;
    d->actors[actor].placed = 1;
    return 0;
}

const char *dyad_actor_code_in(const dyad_dict *d, int actor, const char *cc, dyad_src *src)
{
    /* a handful of entries, looked up only for actors flagged `placed` */
    if (actor < 0 || (size_t)actor >= d->nactors || !d->actors[actor].placed || !cc) return NULL;
    for (size_t i = 0; i < d->npcodes; i++)
        if (d->pcodes[i].actor == actor && !strncmp(d->pcodes[i].cc, cc, 3)) {
            if (src) *src = d->pcodes[i].src;
            return d->pcodes[i].code;
        }
    return NULL;
}

int dyad_dict_add_agent(dyad_dict *d, const char *phrase, const char *code, dyad_src src)
{
    if (!valid_code(code, 1))
        return dyad_dict_error(d, src, "unknown code format '%s' (want role codes such as GOV or REBMIL)", code);
    dyad_wid ex[32];
    int nex = 0;
    uint32_t node = trie_add(d, &d->agents_t, phrase, 1, src, ex, &nex);
    if (!node) return -1;
    d->nagent_phrases++;
    int32_t old = d->agents_t.term[node];
    if (old >= 0) {
        if (strcmp(d->agents[old].code, code))
            return dyad_dict_error(d, src, "duplicate agent '%s' with conflicting codes (%s here, %s at %s:%d)",
                                   phrase, code, d->agents[old].code, d->agents[old].src.file,
                                   d->agents[old].src.line);
        return 0;
    }
    if (GROW(d->agents, d->nagents, d->capagents) < 0) return dyad_dict_error(d, src, "out of memory");
    dyad_agent *g = &d->agents[d->nagents];
    g->src = src;
    snprintf(g->code, sizeof g->code, "%s", code);
    g->phrase = dyad_arena_strdup(&d->pool, phrase);
    d->agents_t.term[node] = (int32_t)d->nagents++;
    return 0;
}

static int set_lookup(const dyad_dict *d, dyad_wid name)
{
    for (size_t i = 0; i < d->nsets; i++) if (d->setnames[i] == name) return (int)i;
    return -1;
}

int dyad_dict_add_set_member(dyad_dict *d, const char *set, const char *word, dyad_src src)
{
    if (!*set) return dyad_dict_error(d, src, "set without a name");
    if (strchr(word, ' ')) return dyad_dict_error(d, src, "set member '%s' must be one word", word);
    char *lname = dyad_dict_lower(d, set, strlen(set));
    dyad_wid name = lname ? dyad_dict_intern(d, lname) : 0;
    int s = set_lookup(d, name);
    if (s < 0) {
        if (GROW(d->setnames, d->nsets, d->capsets) < 0) return dyad_dict_error(d, src, "out of memory");
        s = (int)d->nsets;
        d->setnames[d->nsets++] = name;
    }
    char *low = dyad_dict_lower(d, word, strlen(word));
    dyad_wid w = low ? dyad_dict_intern_lemma(d, low) : 0;
    dyad_wid w2 = low ? dyad_dict_intern(d, low) : 0;
    if (!w || !w2 || GROW(d->members, d->nmembers + 1, d->capmembers) < 0)
        return dyad_dict_error(d, src, "out of memory");
    d->members[d->nmembers++] = ((uint64_t)(s + 1) << 32) | w;
    if (w2 != w) d->members[d->nmembers++] = ((uint64_t)(s + 1) << 32) | w2;
    return 0;
}

int dyad_dict_add_discard(dyad_dict *d, const char *phrase, dyad_src src)
{
    dyad_wid ex[32];
    int nex = 0;
    uint32_t node = trie_add(d, &d->discards_t, phrase, 1, src, ex, &nex);
    if (!node) return -1;
    if (d->discards_t.term[node] >= 0) return 0;
    if (GROW(d->discards, d->ndiscards, d->capdiscards) < 0) return dyad_dict_error(d, src, "out of memory");
    d->discards[d->ndiscards].src = src;
    d->discards[d->ndiscards].text = dyad_arena_strdup(&d->pool, phrase);
    d->discards_t.term[node] = (int32_t)d->ndiscards++;
    return 0;
}

static int is_function_word(const char *w)
{
    return !strcmp(w, "'s") || !strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "the");
}

int dyad_dict_add_pattern(dyad_dict *d, dyad_src src, const char *code, unsigned flags,
                          const char *negcode, const dyad_pelem_spec *el, int nel, int head,
                          const char *text)
{
    size_t cl = strlen(code);
    if (cl < 2 || cl > 4 || strspn(code, "0123456789") != cl)
        return dyad_dict_error(d, src, "unknown code format '%s' (want a CAMEO event code of 2-4 digits)", code);
    if (negcode && *negcode) {
        size_t nl = strlen(negcode);
        if (nl < 2 || nl > 4 || strspn(negcode, "0123456789") != nl)
            return dyad_dict_error(d, src, "unknown code format 'neg=%s' (want 2-4 digits)", negcode);
    }
    int has_src = 0, has_tgt = 0, has_word = 0;
    for (int i = 0; i < nel; i++) {
        has_src += el[i].kind == DYAD_EL_SRC;
        has_tgt += el[i].kind == DYAD_EL_TGT;
        has_word += el[i].kind == DYAD_EL_WORD || el[i].kind == DYAD_EL_SET;
    }
    if (!has_word) return dyad_dict_error(d, src, "pattern without a word");
    if (has_src > 1 || has_tgt > 1) return dyad_dict_error(d, src, "SRC and TGT may appear once each");
    if (!has_src && !(flags & DYAD_PAT_NOSRC))
        return dyad_dict_error(d, src, "pattern without SRC (add the flag nosrc if CAMEO codes it without a source)");
    if (!has_tgt && !(flags & DYAD_PAT_NOTGT))
        return dyad_dict_error(d, src, "pattern without TGT (add the flag notgt if CAMEO codes it without a target)");
    if (nel > 64) return dyad_dict_error(d, src, "pattern too long (more than 64 elements)");
    if (head < 0) {
        /* dyad's rule: the first required word after a leading slot, skipping 's/a/the */
        int start = 0;
        if (el[0].kind == DYAD_EL_SRC || el[0].kind == DYAD_EL_TGT) start = 1;
        for (int pass = 0; pass < 2 && head < 0; pass++)
            for (int i = start; i < nel && head < 0; i++) {
                if (el[i].flags & DYAD_EL_OPT) continue;
                if (el[i].kind == DYAD_EL_SET) { if (pass) head = i; continue; }
                if (el[i].kind != DYAD_EL_WORD) continue;
                if (!pass && el[i].nwords == 1 && is_function_word(el[i].words[0])) continue;
                head = i;
            }
        if (head < 0) return dyad_dict_error(d, src, "pattern without a required word to index it by");
    }
    if (GROW(d->patterns, d->npatterns, d->cappatterns) < 0) return dyad_dict_error(d, src, "out of memory");
    dyad_pattern *p = &d->patterns[d->npatterns];
    memset(p, 0, sizeof *p);
    p->src = src;
    snprintf(p->code, sizeof p->code, "%s", code);
    snprintf(p->negcode, sizeof p->negcode, "%s", negcode ? negcode : "");
    p->flags = (uint16_t)flags;
    p->nelem = (uint16_t)nel;
    p->head = (uint16_t)head;
    p->elem = (uint32_t)d->nelems;
    p->text = dyad_arena_strdup(&d->pool, text ? text : "");
    for (int i = 0; i < nel; i++) {
        if (GROW(d->elems, d->nelems, d->capelems) < 0) return dyad_dict_error(d, src, "out of memory");
        dyad_pelem *e = &d->elems[d->nelems++];
        memset(e, 0, sizeof *e);
        e->kind = (uint8_t)el[i].kind;
        e->flags = (uint8_t)(el[i].flags | (i == head ? DYAD_EL_HEAD : 0));
        e->skip = (uint8_t)(el[i].skip > 0 && el[i].skip < 255 ? el[i].skip : 4);
        if (el[i].cmp && (e->kind == DYAD_EL_COUNT || e->kind == DYAD_EL_SRC || e->kind == DYAD_EL_TGT)) {
            /* a size condition outranks the same pattern with quantity words spelled out
             * ("kill ... hundreds|thousands ... of TGT" is 9): a count and its noun */
            e->cmp = (uint8_t)el[i].cmp;
            e->arg = el[i].count;
            p->specificity += 8;
        } else if (e->kind == DYAD_EL_COUNT) {
            return dyad_dict_error(d, src, "a count element without a condition");
        }
        if (e->kind == DYAD_EL_WORD) {
            e->arg = (uint32_t)d->nalts;
            for (int k = 0; k < el[i].nwords; k++) {
                char *low = dyad_dict_lower(d, el[i].words[k], strlen(el[i].words[k]));
                dyad_wid w = low ? (el[i].flags & DYAD_EL_PREFIX ? dyad_dict_intern(d, low)
                                                                  : dyad_dict_intern_lemma(d, low)) : 0;
                if (!w || GROW(d->alts, d->nalts, d->capalts) < 0) return dyad_dict_error(d, src, "out of memory");
                d->alts[d->nalts++] = w;
            }
            e->nalt = (uint16_t)el[i].nwords;
            p->specificity += (el[i].flags & DYAD_EL_OPT) ? 1 : 3;
        } else if (e->kind == DYAD_EL_SET) {
            char *low = dyad_dict_lower(d, el[i].set ? el[i].set : "", strlen(el[i].set ? el[i].set : ""));
            e->arg = low ? dyad_dict_intern(d, low) : 0;   /* resolved to a set id by compile */
            p->specificity += (el[i].flags & DYAD_EL_OPT) ? 1 : 2;
        }
    }
    d->npatterns++;
    return 0;
}
