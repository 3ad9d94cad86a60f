/*
 * compile.c — turn a built dictionary into its read-only lookup form, and
 * the lookups the coder uses.
 *
 * Compile: (1) actor codes are grouped per actor (stable by order written)
 * and their date ranges checked (no overlap, one default at most); (2)
 * phrases written for two actors are errors unless both actors have the same
 * codes; (3) @set references in patterns are resolved; (4) the set
 * membership hash is built; (5) the pattern index: for every head word (each
 * alternative, or each member of a head @set) the patterns, most specific
 * first, ties to the earlier entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict_impl.h"

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27; x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static int cmp_bcode(const void *a, const void *b)
{
    const struct dyad_bcode *x = a, *y = b;
    if (x->actor != y->actor) return x->actor < y->actor ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static int compile_codes(dyad_dict *d)
{
    if (d->nbcodes) qsort(d->bcodes, d->nbcodes, sizeof *d->bcodes, cmp_bcode);
    d->codes = calloc(d->nbcodes + 1, sizeof *d->codes);
    if (!d->codes) return dyad_dict_error(d, (dyad_src){0}, "out of memory");
    size_t i = 0;
    for (size_t a = 0; a < d->nactors; a++) {
        dyad_actor *ac = &d->actors[a];
        ac->code0 = (uint32_t)d->ncodes;
        while (i < d->nbcodes && d->bcodes[i].actor == (int)a) d->codes[d->ncodes++] = d->bcodes[i++].c;
        ac->ncode = (uint32_t)(d->ncodes - ac->code0);
        if (!ac->ncode) { if (!ac->broken) dyad_dict_error(d, ac->src, "actor '%s' without a code", ac->name ? ac->name : "?"); continue; }
        if (!ac->name) dyad_dict_error(d, ac->src, "actor without a name");
        const dyad_actor_code *c = d->codes + ac->code0;
        int defaults = 0;
        for (uint32_t x = 0; x < ac->ncode; x++) {
            if (c[x].from < 0) {
                if (++defaults == 2)
                    dyad_dict_error(d, c[x].src, "second default code for '%s' (the first is at line %d)",
                                    ac->name, c[x - 1].src.line);
                continue;
            }
            ac->dated = 1;
            for (uint32_t y = 0; y < x; y++)
                if (c[y].from >= 0 && c[x].from <= c[y].to && c[y].from <= c[x].to)
                    dyad_dict_error(d, c[x].src, "overlapping date ranges for '%s' (with %s:%d)",
                                    ac->name, c[y].src.file, c[y].src.line);
        }
    }
    return 0;
}

static int same_codes(const dyad_dict *d, int a, int b)
{
    const dyad_actor *x = &d->actors[a], *y = &d->actors[b];
    if (x->ncode != y->ncode) return 0;
    for (uint32_t i = 0; i < x->ncode; i++) {
        const dyad_actor_code *p = &d->codes[x->code0 + i], *q = &d->codes[y->code0 + i];
        if (strcmp(p->code, q->code) || p->from != q->from || (p->from >= 0 && p->to != q->to)) return 0;
    }
    return 1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int dyad_dict_in_set(const dyad_dict *d, uint32_t set, dyad_wid w)
{
    if (!d->memcap || !w) return 0;
    uint64_t key = ((uint64_t)(set + 1) << 32) | w;
    size_t h = mix64(key) & (d->memcap - 1);
    for (uint64_t k; (k = d->memkeys[h]) != 0; h = (h + 1) & (d->memcap - 1))
        if (k == key) return 1;
    return 0;
}

static int compile_sets(dyad_dict *d)
{
    size_t cap = 16;
    while (cap < d->nmembers * 2 + 2) cap *= 2;
    d->memkeys = calloc(cap, sizeof *d->memkeys);
    if (!d->memkeys) return dyad_dict_error(d, (dyad_src){0}, "out of memory");
    d->memcap = cap;
    for (size_t i = 0; i < d->nmembers; i++) {
        size_t h = mix64(d->members[i]) & (cap - 1);
        while (d->memkeys[h] && d->memkeys[h] != d->members[i]) h = (h + 1) & (cap - 1);
        d->memkeys[h] = d->members[i];
    }
    return 0;
}

struct pentry { dyad_wid w; uint32_t p; };

static int cmp_pentry_with(const struct pentry *x, const struct pentry *y, const dyad_pattern *pat)
{
    if (x->w != y->w) return x->w < y->w ? -1 : 1;
    const dyad_pattern *a = &pat[x->p], *b = &pat[y->p];
    if (a->specificity != b->specificity) return a->specificity > b->specificity ? -1 : 1;
    return (x->p > y->p) - (x->p < y->p);
}

/* qsort has no context argument in C11; sort with a small merge sort instead. */
static void sort_pentries(struct pentry *v, struct pentry *tmp, size_t n, const dyad_pattern *pat)
{
    if (n < 2) return;
    size_t m = n / 2;
    sort_pentries(v, tmp, m, pat);
    sort_pentries(v + m, tmp, n - m, pat);
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = cmp_pentry_with(&v[j], &v[i], pat) < 0 ? v[j++] : v[i++];
    while (i < m) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

static int compile_patterns(dyad_dict *d)
{
    /* resolve sets; collect (head word, pattern) pairs */
    struct pentry *pe = NULL;
    size_t npe = 0, cappe = 0;
    for (size_t i = 0; i < d->npatterns; i++) {
        dyad_pattern *p = &d->patterns[i];
        for (uint16_t k = 0; k < p->nelem; k++) {
            dyad_pelem *e = &d->elems[p->elem + k];
            if (e->kind != DYAD_EL_SET) continue;
            int s = -1;
            for (size_t x = 0; x < d->nsets; x++) if (d->setnames[x] == e->arg) { s = (int)x; break; }
            if (s < 0) { dyad_dict_error(d, p->src, "unknown set @%s", d->words[e->arg]); e->arg = UINT32_MAX; }
            else e->arg = (uint32_t)s;
        }
        for (uint16_t k = 0; k < p->nelem; k++) {
            dyad_pelem *e = &d->elems[p->elem + k];
            e->sig = 0;
            if (e->kind == DYAD_EL_WORD)
                for (uint16_t a = 0; a < e->nalt; a++) e->sig |= dyad_word_sig(d->alts[e->arg + a]);
        }
        dyad_pelem *h = &d->elems[p->elem + p->head];
        if (h->flags & DYAD_EL_PREFIX) d->prefix_heads = 1;
        if (h->kind == DYAD_EL_WORD) {
            for (uint16_t a = 0; a < h->nalt; a++) {
                if (dyad_vec_grow((void **)&pe, &cappe, npe + 1, sizeof *pe) < 0) goto oom;
                pe[npe++] = (struct pentry){ d->alts[h->arg + a], (uint32_t)i };
            }
        } else if (h->kind == DYAD_EL_SET && h->arg != UINT32_MAX) {
            for (size_t m = 0; m < d->nmembers; m++)
                if ((d->members[m] >> 32) == (uint64_t)h->arg + 1) {
                    if (dyad_vec_grow((void **)&pe, &cappe, npe + 1, sizeof *pe) < 0) goto oom;
                    pe[npe++] = (struct pentry){ (dyad_wid)(d->members[m] & 0xffffffffu), (uint32_t)i };
                }
        }
    }
    struct pentry *tmp = malloc((npe + 1) * sizeof *tmp);
    if (!tmp) goto oom;
    sort_pentries(pe, tmp, npe, d->patterns);
    free(tmp);
    d->plist = malloc((npe + 1) * sizeof *d->plist);
    size_t cap = 16;
    while (cap < npe * 2 + 2) cap *= 2;
    d->pidx_keys = calloc(cap, sizeof *d->pidx_keys);
    d->pidx_off = calloc(cap, sizeof *d->pidx_off);
    d->pidx_n = calloc(cap, sizeof *d->pidx_n);
    if (!d->plist || !d->pidx_keys || !d->pidx_off || !d->pidx_n) goto oom;
    d->pidx_cap = cap;
    for (size_t i = 0; i < npe; i++) {
        if (i > 0 && pe[i].w == pe[i - 1].w && pe[i].p == pe[i - 1].p) continue;  /* same pattern twice */
        d->plist[d->nplist] = pe[i].p;
        size_t h = mix64(pe[i].w) & (cap - 1);
        while (d->pidx_keys[h] && d->pidx_keys[h] != pe[i].w) h = (h + 1) & (cap - 1);
        if (!d->pidx_keys[h]) { d->pidx_keys[h] = pe[i].w; d->pidx_off[h] = (uint32_t)d->nplist; }
        d->pidx_n[h]++;
        d->nplist++;
    }
    free(pe);
    return 0;
oom:
    free(pe);
    return dyad_dict_error(d, (dyad_src){0}, "out of memory");
}

int dyad_dict_compile(dyad_dict *d)
{
    if (d->compiled) return (int)d->nerrs;
    compile_codes(d);
    for (size_t i = 0; i < d->ndups; i++) {
        struct dyad_dup *u = &d->dups[i];
        if (!same_codes(d, u->a, u->b))
            dyad_dict_error(d, u->src, "duplicate phrase '%s' with conflicting codes (also at %s:%d)",
                            u->phrase, d->actors[u->a].src.file, d->actors[u->a].src.line);
    }
    if (d->nmembers) qsort(d->members, d->nmembers, sizeof *d->members, cmp_u64);
    compile_sets(d);
    compile_patterns(d);
    /* report errors in file order and line order (insertion sort: stable, and errors are few) */
    for (size_t i = 1; i < d->nerrs; i++) {
        uint64_t k = d->errkey[i];
        char *e = d->errs[i];
        size_t j = i;
        while (j > 0 && d->errkey[j - 1] > k) { d->errkey[j] = d->errkey[j - 1]; d->errs[j] = d->errs[j - 1]; j--; }
        d->errkey[j] = k;
        d->errs[j] = e;
    }
    d->compiled = 1;
    return (int)d->nerrs;
}

/* ---- lookups ------------------------------------------------------------ */

const uint32_t *dyad_dict_patterns_for(const dyad_dict *d, dyad_wid w, int *n)
{
    *n = 0;
    if (!d->pidx_cap || !w) return NULL;
    size_t h = mix64(w) & (d->pidx_cap - 1);
    for (dyad_wid k; (k = d->pidx_keys[h]) != 0; h = (h + 1) & (d->pidx_cap - 1))
        if (k == w) { *n = (int)d->pidx_n[h]; return d->plist + d->pidx_off[h]; }
    return NULL;
}

const dyad_trie *dyad_dict_actor_trie(const dyad_dict *d) { return &d->actors_t; }
const dyad_trie *dyad_dict_agent_trie(const dyad_dict *d) { return &d->agents_t; }
const dyad_trie *dyad_dict_discard_trie(const dyad_dict *d) { return &d->discards_t; }
const dyad_actor *dyad_dict_actor(const dyad_dict *d, int id) { return &d->actors[id]; }
const dyad_agent *dyad_dict_agent(const dyad_dict *d, int id) { return &d->agents[id]; }
dyad_src dyad_dict_discard_src(const dyad_dict *d, int id) { return d->discards[id].src; }
const char *dyad_dict_discard_text(const dyad_dict *d, int id) { return d->discards[id].text; }
const dyad_pattern *dyad_dict_pattern(const dyad_dict *d, int id) { return &d->patterns[id]; }
const dyad_pelem *dyad_dict_elems(const dyad_dict *d, const dyad_pattern *p) { return d->elems + p->elem; }
const dyad_wid *dyad_dict_alts(const dyad_dict *d, const dyad_pelem *e) { return d->alts + e->arg; }

int dyad_dict_set_id(const dyad_dict *d, const char *name)
{
    dyad_wid w = dyad_dict_word(d, name);
    for (size_t i = 0; w && i < d->nsets; i++) if (d->setnames[i] == w) return (int)i;
    return -1;
}
const char *dyad_dict_set_name(const dyad_dict *d, uint32_t set)
{
    return set < d->nsets ? d->words[d->setnames[set]] : "?";
}

const char *dyad_actor_code_on(const dyad_dict *d, int actor, int32_t date, const dyad_actor_code **which)
{
    const dyad_actor *a = &d->actors[actor];
    const dyad_actor_code *def = NULL;
    for (uint32_t i = 0; i < a->ncode; i++) {
        const dyad_actor_code *c = &d->codes[a->code0 + i];
        if (c->from < 0) { if (!def) def = c; continue; }
        if (date >= c->from && date <= c->to) { if (which) *which = c; return c->code; }
    }
    if (which) *which = def;
    return def ? def->code : NULL;
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st)
{
    memset(st, 0, sizeof *st);
    st->actors = (int)d->nactors;
    st->actor_phrases = (int)d->nactor_phrases;
    st->actor_codes = (int)d->ncodes;
    st->agents = (int)d->nagents;
    st->agent_phrases = (int)d->nagent_phrases;
    st->patterns = (int)d->npatterns;
    st->sets = (int)d->nsets;
    st->set_members = (int)d->nmembers;
    st->discards = (int)d->ndiscards;
    st->words = (int)d->nwords - 1;
    for (size_t i = 0; i < d->npatterns; i++) {
        int r = (d->patterns[i].code[0] - '0') * 10 + (d->patterns[i].code[1] - '0');
        if (r >= 1 && r <= 20) st->patterns_per_root[r]++;
    }
}

int32_t dyad_parse_date(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') return -1;
    int v[3] = {0, 0, 0}, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-') { k++; continue; }
        if (s[i] < '0' || s[i] > '9') return -1;
        v[k] = v[k] * 10 + (s[i] - '0');
    }
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > mdays[v[1] - 1]) return -1;
    if (v[1] == 2 && v[2] == 29 && !((v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0)) return -1;
    return v[0] * 10000 + v[1] * 100 + v[2];
}

size_t dyad_dict_nwords(const dyad_dict *d) { return d->nwords; }

int dyad_dict_has_prefix_heads(const dyad_dict *d) { return d->prefix_heads; }
