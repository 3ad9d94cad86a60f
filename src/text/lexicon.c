/*
 * lexicon.c — lemma tables and word lists for the text pipeline.
 *
 * Loaded once from the data directory, read-only afterwards:
 *   gen/wordnet.tsv          WordNet words with their parts of speech and the
 *                            exception-list lemmas (scripts/gen.d/wordnet)
 *   text/lemma-overrides.txt our corrections for news (media stays media)
 *   text/function-words.txt  closed-class words: no suffix rules, sentence starters
 *   text/abbreviations.txt   abbreviations with a class (see text_internal.h)
 *   text/reporting-verbs.txt verbs of saying after a quoted question
 *   text/agencies.txt        news agencies for datelines and captions
 *
 * Every file is read into one malloc'd buffer and split in place, so each
 * word is a NUL-terminated string inside its buffer. One open-addressing hash
 * table (FNV-1a, linear probing, a 32-bit hash tag in each slot so most misses
 * never touch an entry) maps a word to an entry carrying all it is
 * known for. Lookups take (pointer, length) and never allocate.
 *
 * Lemma rules (dyad_lx_lemma; doc/text.md has examples), first that applies wins:
 *   1. our overrides; 2. function words keep their form;
 *   3. a capitalised word that WordNet spells with a capital (Paris, Wales)
 *      keeps its form; a capitalised word inside an ordinary sentence (a name)
 *      gets only the noun plural rules, and only when the word itself is not
 *      in WordNet and the stem is a WordNet noun (Russians -> russian, but
 *      Texas stays texas);
 *   4. exception lists: verb, then noun, then adjective (met -> meet);
 *   5. regular suffixes, each candidate stem validated against WordNet's
 *      index for the part of speech the suffix implies: -ies/-es/-s (noun or
 *      verb), -ied/-ed/-ing (verb; doubled consonants undone; a stem ending
 *      consonant-vowel-consonant tries +e first, so hoped -> hope not hop),
 *      -er/-est (adjective; only for words WordNet does not know or knows only
 *      as adjectives).
 */
#include "text/text_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

enum {
    F_NOUN = 1 << 0, F_VERB = 1 << 1, F_ADJ = 1 << 2, F_ADV = 1 << 3,
    F_NAME = 1 << 4,          /* WordNet spells a noun sense with a capital */
    F_FUNC = 1 << 5, F_REPORT = 1 << 6, F_AGENCY = 1 << 7,
    F_WN = F_NOUN | F_VERB | F_ADJ | F_ADV
};

typedef struct dyad_lxent {
    const char *key;
    uint32_t len;
    uint16_t flags;
    uint8_t abbr;             /* DYAD_ABBR_* */
    const char *vexc, *nexc, *aexc;   /* WordNet exception lemmas or NULL */
    const char *over;         /* our override lemma or NULL */
    const char *host;         /* override only before n't */
} entry;

struct dyad_lexicon {
    entry *ent;
    uint32_t nent, cap_ent;
    uint64_t *slot;           /* hash tag << 32 | (entry index + 1); 0 = empty */
    uint32_t mask;
    char *bufs[8];            /* file contents, words point into them */
    int nbufs;
};

#define MAX_WORD 64           /* longer words skip lemmatisation */

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

static const entry *find(const dyad_lexicon *lx, const char *s, size_t n)
{
    if (!lx || !lx->slot) return NULL;
    uint64_t h = hash(s, n);
    uint32_t tag = (uint32_t)(h >> 32), i = (uint32_t)h & lx->mask;
    for (;;) {
        uint64_t k = lx->slot[i];
        if (!k) return NULL;
        if ((uint32_t)(k >> 32) == tag) {
            const entry *e = &lx->ent[(uint32_t)k - 1];
            if (e->len == n && memcmp(e->key, s, n) == 0) return e;
        }
        i = (i + 1) & lx->mask;
    }
}

static int grow_table(dyad_lexicon *lx)
{
    uint32_t cap = (lx->mask + 1) * 2;
    uint64_t *slot = calloc(cap, sizeof *slot);
    if (!slot) return -1;
    for (uint32_t k = 0; k < lx->nent; k++) {
        uint64_t h = hash(lx->ent[k].key, lx->ent[k].len);
        uint32_t i = (uint32_t)h & (cap - 1);
        while (slot[i]) i = (i + 1) & (cap - 1);
        slot[i] = (h & 0xFFFFFFFF00000000ULL) | (k + 1);
    }
    free(lx->slot);
    lx->slot = slot;
    lx->mask = cap - 1;
    return 0;
}

/* The entry for key (NUL-terminated, owned by a buffer), created if new. */
static entry *intern(dyad_lexicon *lx, const char *key, size_t n)
{
    uint64_t h = hash(key, n);
    uint32_t i = (uint32_t)h & lx->mask;
    for (;;) {
        uint64_t k = lx->slot[i];
        if (!k) break;
        entry *e = &lx->ent[(uint32_t)k - 1];
        if (e->len == n && memcmp(e->key, key, n) == 0) return e;
        i = (i + 1) & lx->mask;
    }
    if (lx->nent == lx->cap_ent) {
        uint32_t cap = lx->cap_ent ? lx->cap_ent * 2 : 1024;
        entry *ne = realloc(lx->ent, cap * sizeof *ne);
        if (!ne) return NULL;
        lx->ent = ne;
        lx->cap_ent = cap;
    }
    entry *e = &lx->ent[lx->nent];
    memset(e, 0, sizeof *e);
    e->key = key;
    e->len = (uint32_t)n;
    lx->slot[i] = (h & 0xFFFFFFFF00000000ULL) | ++lx->nent;
    if ((uint64_t)lx->nent * 2 > lx->mask && grow_table(lx) != 0) return NULL;
    return &lx->ent[lx->nent - 1];
}

static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s%s", path, strerror(errno),
                 strstr(path, "/gen/") ? " (run make to generate it)" : "");
        return NULL;
    }
    char *buf = NULL;
    size_t n = 0;
    if (fseek(f, 0, SEEK_END) == 0) {
        long sz = ftell(f);
        if (sz >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)sz + 1)))
            n = fread(buf, 1, (size_t)sz, f);
    }
    int bad = ferror(f) || !buf;
    fclose(f);
    if (bad) {
        free(buf);
        snprintf(err, errlen, "%s: read failed", path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Split one line into tab-separated fields in place; returns the count. */
static int fields(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
    return n;
}

typedef int (*line_fn)(dyad_lexicon *lx, char **f, int nf, const char *path, int line,
                       char *err, size_t errlen);

/* Read data_dir/rel and call fn for every non-comment line. */
static int load_lines(dyad_lexicon *lx, const char *dir, const char *rel, line_fn fn,
                      char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    size_t len;
    char *buf = read_file(path, &len, err, errlen);
    if (!buf) return -1;
    lx->bufs[lx->nbufs++] = buf;
    int lineno = 0;
    for (char *p = buf; p < buf + len;) {
        char *nl = memchr(p, '\n', (size_t)(buf + len - p));
        char *end = nl ? nl : buf + len;
        *end = '\0';
        if (end > p && end[-1] == '\r') end[-1] = '\0';
        lineno++;
        if (*p && *p != '#') {
            char *f[6];
            int nf = fields(p, f, 6);
            if (fn(lx, f, nf, path, lineno, err, errlen) != 0) return -1;
        }
        p = end + 1;
    }
    return 0;
}

static int oom(const char *path, int line, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s:%d: out of memory", path, line);
    return -1;
}

static int on_wordnet(dyad_lexicon *lx, char **f, int nf, const char *path, int line,
                      char *err, size_t errlen)
{
    if (nf < 5) {
        snprintf(err, errlen, "%s:%d: expected 5 tab-separated fields", path, line);
        return -1;
    }
    entry *e = intern(lx, f[0], strlen(f[0]));
    if (!e) return oom(path, line, err, errlen);
    for (const char *c = f[1]; *c; c++) {
        switch (*c) {
        case 'n': e->flags |= F_NOUN; break;
        case 'v': e->flags |= F_VERB; break;
        case 'a': e->flags |= F_ADJ; break;
        case 'r': e->flags |= F_ADV; break;
        case 'P': e->flags |= F_NAME; break;
        default: break;
        }
    }
    if (*f[2]) e->vexc = f[2];
    if (*f[3]) e->nexc = f[3];
    if (*f[4]) e->aexc = f[4];
    return 0;
}

static int on_override(dyad_lexicon *lx, char **f, int nf, const char *path, int line,
                       char *err, size_t errlen)
{
    if (nf < 2 || !*f[1]) {
        snprintf(err, errlen, "%s:%d: expected: word <TAB> lemma [<TAB> clitic]", path, line);
        return -1;
    }
    entry *e = intern(lx, f[0], strlen(f[0]));
    if (!e) return oom(path, line, err, errlen);
    if (nf >= 3 && strcmp(f[2], "clitic") == 0) e->host = f[1];
    else e->over = f[1];
    return 0;
}

static int on_abbr(dyad_lexicon *lx, char **f, int nf, const char *path, int line,
                   char *err, size_t errlen)
{
    int cls = nf < 2 ? 0 : strcmp(f[1], "title") == 0 ? DYAD_ABBR_TITLE
            : strcmp(f[1], "any") == 0 ? DYAD_ABBR_ANY
            : strcmp(f[1], "num") == 0 ? DYAD_ABBR_NUM : 0;
    size_t n = strlen(f[0]);
    if (!cls || n < 2 || f[0][n - 1] != '.') {
        snprintf(err, errlen, "%s:%d: expected: Abbr. <TAB> title|any|num", path, line);
        return -1;
    }
    entry *e = intern(lx, f[0], n);
    if (!e) return oom(path, line, err, errlen);
    e->abbr = (uint8_t)cls;
    return 0;
}

/* One-column word lists; agencies are stored lower-cased (matched in any case). */
static int add_flag(dyad_lexicon *lx, char **f, const char *path, int line,
                    char *err, size_t errlen, uint16_t flag)
{
    size_t n = strlen(f[0]);
    if (flag == F_AGENCY)
        for (char *c = f[0]; *c; c++) if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
    entry *e = intern(lx, f[0], n);
    if (!e) return oom(path, line, err, errlen);
    e->flags |= flag;
    return 0;
}
static int on_func(dyad_lexicon *lx, char **f, int nf, const char *p, int l, char *e, size_t el)
{ (void)nf; return add_flag(lx, f, p, l, e, el, F_FUNC); }
static int on_report(dyad_lexicon *lx, char **f, int nf, const char *p, int l, char *e, size_t el)
{ (void)nf; return add_flag(lx, f, p, l, e, el, F_REPORT); }
static int on_agency(dyad_lexicon *lx, char **f, int nf, const char *p, int l, char *e, size_t el)
{ (void)nf; return add_flag(lx, f, p, l, e, el, F_AGENCY); }

dyad_lexicon *dyad_lexicon_load(const char *data_dir, char *err, size_t errlen)
{
    char dummy[1];
    if (!err || !errlen) { err = dummy; errlen = sizeof dummy; }
    if (!data_dir) data_dir = dyad_default_data_dir();
    dyad_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx || !(lx->slot = calloc(1u << 18, sizeof *lx->slot))) {
        free(lx);
        snprintf(err, errlen, "lexicon: out of memory");
        return NULL;
    }
    lx->mask = (1u << 18) - 1;
    static const struct { const char *rel; line_fn fn; } files[] = {
        { "gen/wordnet.tsv", on_wordnet },
        { "text/lemma-overrides.txt", on_override },
        { "text/function-words.txt", on_func },
        { "text/abbreviations.txt", on_abbr },
        { "text/reporting-verbs.txt", on_report },
        { "text/agencies.txt", on_agency },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (load_lines(lx, data_dir, files[i].rel, files[i].fn, err, errlen) != 0) {
            dyad_lexicon_free(lx);
            return NULL;
        }
    }
    return lx;
}

void dyad_lexicon_free(dyad_lexicon *lx)
{
    if (!lx) return;
    for (int i = 0; i < lx->nbufs; i++) free(lx->bufs[i]);
    free(lx->ent);
    free(lx->slot);
    free(lx);
}

int dyad_lx_abbr(const dyad_lexicon *lx, const char *s, size_t n)
{
    const entry *e = find(lx, s, n);
    return e ? e->abbr : DYAD_ABBR_NONE;
}

int dyad_lx_function(const dyad_lexicon *lx, const char *lower, size_t n)
{
    const entry *e = find(lx, lower, n);
    return e && (e->flags & F_FUNC);
}

int dyad_lx_reporting(const dyad_lexicon *lx, const char *lower, size_t n)
{
    const entry *e = find(lx, lower, n);
    return e && (e->flags & F_REPORT);
}

int dyad_lx_agency(const dyad_lexicon *lx, const char *s, size_t n)
{
    char low[64];
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    const entry *e = find(lx, low, n);
    return e && (e->flags & F_AGENCY);
}

/* ---- Regular morphology ------------------------------------------------ */

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* The stem (buf, n) if WordNet knows it with one of the pos flags. */
static const char *valid(const dyad_lexicon *lx, const char *buf, size_t n, uint16_t pos)
{
    if (n < 2) return NULL;
    const entry *e = find(lx, buf, n);
    return e && (e->flags & pos) ? e->key : NULL;
}

/* Stem candidates after removing a verb suffix (-ed, -ing) or adjective
 * suffix (-er, -est): stem, stem+e, undoubled stem; CVC stems try +e first. */
static const char *stem_variants(const dyad_lexicon *lx, const char *w, size_t n, uint16_t pos)
{
    char buf[MAX_WORD + 2];
    if (n < 2 || n > MAX_WORD) return NULL;
    memcpy(buf, w, n);
    const char *r;
    int cvc = n >= 3 && !is_vowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' &&
              w[n - 1] != 'y' && is_vowel(w[n - 2]) && !is_vowel(w[n - 3]);
    buf[n] = 'e';
    if (cvc && (r = valid(lx, buf, n + 1, pos))) return r;
    if ((r = valid(lx, buf, n, pos))) return r;
    if (!cvc && (r = valid(lx, buf, n + 1, pos))) return r;
    if (n >= 3 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) && (r = valid(lx, buf, n - 1, pos)))
        return r;
    return NULL;
}

static int ends(const char *w, size_t n, const char *suf, size_t k)
{
    return n > k && memcmp(w + n - k, suf, k) == 0;
}

/* Noun plural (and verb 3rd person) rules: -ies -> y, -s, -es, -men -> man. */
static const char *plural(const dyad_lexicon *lx, const char *w, size_t n, uint16_t pos)
{
    char buf[MAX_WORD + 2];
    const char *r;
    if (n < 4 || n > MAX_WORD) return NULL;
    memcpy(buf, w, n);
    if (ends(w, n, "ies", 3)) {
        buf[n - 3] = 'y';
        if (n - 2 >= 3 && (r = valid(lx, buf, n - 2, pos))) return r;   /* not dies -> dy */
        buf[n - 3] = 'i';                       /* ties -> tie below */
    }
    if (ends(w, n, "men", 3) && (pos & F_NOUN)) {
        buf[n - 2] = 'a';
        if ((r = valid(lx, buf, n, F_NOUN))) return r;
        buf[n - 2] = 'e';
    }
    if (w[n - 1] != 's' || w[n - 2] == 's') return NULL;
    if ((r = valid(lx, buf, n - 1, pos)) && n - 1 >= 3) return r;
    if (ends(w, n, "es", 2) && n - 2 >= 3 && (r = valid(lx, buf, n - 2, pos))) return r;
    return NULL;
}

static const char *regular(const dyad_lexicon *lx, const char *w, size_t n, int known)
{
    const char *r;
    if (w[n - 1] == 's') return plural(lx, w, n, F_NOUN | F_VERB);
    if (ends(w, n, "men", 3)) return plural(lx, w, n, F_NOUN);
    if (ends(w, n, "ied", 3)) {
        char buf[MAX_WORD + 2];
        memcpy(buf, w, n - 3);
        buf[n - 3] = 'y';
        if ((r = valid(lx, buf, n - 2, F_VERB))) return r;
    }
    if (ends(w, n, "ed", 2)) return stem_variants(lx, w, n - 2, F_VERB);
    if (ends(w, n, "ing", 3)) return stem_variants(lx, w, n - 3, F_VERB);
    /* -er/-est: only for words WordNet does not know, or knows only as
     * adjectives (larger), so leader and former keep their form. */
    if (known && known != F_ADJ) return NULL;
    if (ends(w, n, "est", 3)) return stem_variants(lx, w, n - 3, F_ADJ);
    if (ends(w, n, "er", 2)) return stem_variants(lx, w, n - 2, F_ADJ);
    return NULL;
}

const dyad_lxent *dyad_lx_find(const dyad_lexicon *lx, const char *s, size_t n)
{
    return find(lx, s, n);
}

int dyad_lx_ent_function(const dyad_lxent *e)
{
    return e && (e->flags & F_FUNC);
}

int dyad_lx_common(const dyad_lexicon *lx, const dyad_lxent *e, const char *w, size_t n)
{
    if (e && (e->flags & F_FUNC)) return 1;
    if (e && (e->flags & F_NAME)) return 0;
    if (e && ((e->flags & F_WN) || e->vexc || e->nexc || e->aexc)) return 1;
    return n >= 4 && n <= MAX_WORD && regular(lx, w, n, 0) != NULL;
}

const char *dyad_lx_lemma(const dyad_lexicon *lx, const char *w, size_t n, unsigned ctx)
{
    if (!lx || n == 0 || n > MAX_WORD) return NULL;
    return dyad_lx_lemma_ent(lx, find(lx, w, n), w, n, ctx);
}

const char *dyad_lx_lemma_ent(const dyad_lexicon *lx, const dyad_lxent *e, const char *w,
                              size_t n, unsigned ctx)
{
    if (!lx || n == 0 || n > MAX_WORD) return NULL;
    if (e) {
        if ((ctx & DYAD_LM_HOST) && e->host) return e->host;
        if (e->over) return e->over;
        if (e->flags & F_FUNC) return NULL;
        if ((ctx & DYAD_LM_CAP) && (e->flags & F_NAME)) return NULL;
    }
    int known = e ? (e->flags & F_WN) : 0;
    if (ctx & DYAD_LM_CAP_MID) {
        if (known) return NULL;
        if (e && e->nexc) return e->nexc;
        return plural(lx, w, n, F_NOUN);
    }
    if (e) {
        if (e->vexc) return e->vexc;
        if (e->nexc) return e->nexc;
        if (e->aexc) return e->aexc;
    }
    if (n < 4) return NULL;
    return regular(lx, w, n, known);
}

const char *dyad_lemma(const dyad_lexicon *lx, const char *word)
{
    const char *r = word ? dyad_lx_lemma(lx, word, strlen(word), 0) : NULL;
    return r ? r : word;
}
