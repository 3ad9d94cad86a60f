/*
 * tabari_dict.c — storage of the TABARI model: literals (hash of lower-cased
 * dictionary words), roots, phrase/pattern elements, the phrase tokenizer
 * (connectors '_', '~', '=', tokens * $ + % ^ &SET { | }), compilation
 * (root index per first literal, patterns longest first) and lookups.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dict/tabari_impl.h"

int tb_grow(void **p, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap) return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) ncap *= 2;
    void *q = realloc(*p, ncap * elsize);
    if (!q) return -1;
    *p = q;
    *cap = ncap;
    return 0;
}

int tb_err(dyad_tabari *t, dyad_src src, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return dyad_dict_error(t->d, src, "%s", buf);
}

const char *tb_strdup(dyad_tabari *t, const char *s, size_t n)
{
    return dyad_arena_strndup(&t->strings, s, n);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h;
}

static int lit_rehash(dyad_tabari *t, size_t ncap)
{
    int32_t *h = malloc(ncap * sizeof *h);
    if (!h) return -1;
    for (size_t i = 0; i < ncap; i++) h[i] = -1;
    for (size_t id = 0; id < t->lits.n; id++) {
        size_t j = hash_bytes(t->lits.v[id], t->litlen.v[id]) & (ncap - 1);
        while (h[j] >= 0) j = (j + 1) & (ncap - 1);
        h[j] = (int32_t)id;
    }
    free(t->lhash);
    t->lhash = h;
    t->lcap = ncap;
    return 0;
}

int dyad_tabari_literal(const dyad_tabari *t, const char *s, size_t n)
{
    return dyad_tabari_literal_hashed(t, s, n, hash_bytes(s, n));
}

uint64_t dyad_tabari_hash_step(uint64_t h, char c)
{
    return (h ^ (unsigned char)c) * 1099511628211ULL;
}

int dyad_tabari_literal_hashed(const dyad_tabari *t, const char *s, size_t n, uint64_t h)
{
    if (!t->lcap) return -1;
    size_t j = h & (t->lcap - 1);
    while (t->lhash[j] >= 0) {
        int32_t id = t->lhash[j];
        if (t->litlen.v[id] == n && memcmp(t->lits.v[id], s, n) == 0) return id;
        j = (j + 1) & (t->lcap - 1);
    }
    return -1;
}

int dyad_tabari_literal_len(const dyad_tabari *t, int lit) { return (int)t->litlen.v[lit]; }

int tb_lit_intern(dyad_tabari *t, const char *s, size_t n)
{
    char buf[256];
    if (n >= sizeof buf) n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)tolower((unsigned char)s[i]);
    int id = dyad_tabari_literal(t, buf, n);
    if (id >= 0) return id;
    if ((t->lits.n + 1) * 2 > t->lcap && lit_rehash(t, t->lcap ? t->lcap * 2 : 1024) < 0) return -1;
    const char *cp = tb_strdup(t, buf, n);
    if (!cp || TB_PUSH(t->lits, cp) < 0 || TB_PUSH(t->litlen, (uint32_t)n) < 0) return -1;
    id = (int)t->lits.n - 1;
    size_t j = hash_bytes(buf, n) & (t->lcap - 1);
    while (t->lhash[j] >= 0) j = (j + 1) & (t->lcap - 1);
    t->lhash[j] = id;
    return id;
}

int tb_synset_find(const dyad_tabari *t, const char *name, size_t n)
{
    for (size_t i = 0; i < t->synsets.n; i++)
        if (strlen(t->synsets.v[i].name) == n && strncasecmp(t->synsets.v[i].name, name, n) == 0)
            return (int)i;
    return -1;
}

/* ---- the phrase tokenizer ---------------------------------------------- */

static int is_word_end(char c, int tokens_ok)
{
    if (!c || c == ' ' || c == '\t' || c == '_' || c == '~' || c == '=') return 1;
    return tokens_ok && strchr("{}|*$+%^&", c) != NULL;
}

/* Connector after an item at s[*i]; advances *i. */
static uint8_t connector(const char *s, size_t n, size_t *i, int isword)
{
    uint8_t c = 0;
    if (*i < n && s[*i] == '=') { (*i)++; c |= TB_C_EQUAL; if (*i < n && s[*i] == '_') (*i)++; else c |= TB_C_SKIP; return c; }
    if (*i < n && s[*i] == '_') {
        (*i)++;
        if (*i >= n || s[*i] == ' ' || s[*i] == '\t' || s[*i] == '|' || s[*i] == '}') c |= TB_C_SKIP;
        return c;
    }
    if (*i < n && s[*i] == '~') {
        (*i)++;
        while (*i < n && (s[*i] == ' ' || s[*i] == '\t')) (*i)++;
        return isword ? TB_C_PART : 0;
    }
    return (uint8_t)((isword ? TB_C_PART : 0) | TB_C_SKIP);
}

/* Parse items until end, '|' or '}' (when in_alt); appends to t->elems via a
 * local buffer so that nested alternatives can be stored contiguously. */
static int parse_items(dyad_tabari *t, const char *s, size_t n, size_t *i, int tokens_ok,
                       int in_alt, tb_pel *out, int max, dyad_src src)
{
    int k = 0;
    for (;;) {
        while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '_')) (*i)++;
        if (*i >= n) break;
        char c = s[*i];
        if (in_alt && (c == '|' || c == '}')) break;
        if (k >= max) return tb_err(t, src, "phrase too long (more than %d elements)", max);
        tb_pel e = {0};
        if (tokens_ok && c == '{') {
            if (in_alt) return tb_err(t, src, "alternatives { } cannot be nested");
            (*i)++;
            tb_pel sub[64];
            int32_t first = (int32_t)t->alts.n, nalt = 0;
            tb_seq pending[32];
            for (;;) {
                int m = parse_items(t, s, n, i, tokens_ok, 1, sub, 64, src);
                if (m < 0) return -1;
                if (m == 0) return tb_err(t, src, "empty alternative in { }");
                if (nalt >= 32) return tb_err(t, src, "too many alternatives in { }");
                pending[nalt].off = (int32_t)t->elems.n;
                pending[nalt].n = m;
                for (int q = 0; q < m; q++) if (TB_PUSH(t->elems, sub[q]) < 0) return -1;
                nalt++;
                if (*i >= n) return tb_err(t, src, "missing '}' after alternatives");
                if (s[(*i)++] == '}') break;
            }
            for (int q = 0; q < nalt; q++) if (TB_PUSH(t->alts, pending[q]) < 0) return -1;
            e.kind = TB_P_ALT; e.arg = first; e.narg = nalt;
            e.conn = connector(s, n, i, 0);
        } else if (tokens_ok && strchr("*$+%^", c)) {
            (*i)++;
            e.kind = c == '*' ? TB_P_VERB : c == '$' ? TB_P_SRC : c == '+' ? TB_P_TGT
                   : c == '%' ? TB_P_CMP : TB_P_SKIPACT;
            e.conn = connector(s, n, i, 0);
        } else if (tokens_ok && c == '&') {
            size_t b = ++(*i);
            while (*i < n && (isalnum((unsigned char)s[*i]) || s[*i] == '-')) (*i)++;
            int id = tb_synset_find(t, s + b, *i - b);
            if (id < 0) return tb_err(t, src, "unknown synset &%.*s", (int)(*i - b), s + b);
            e.kind = TB_P_SYN; e.arg = id;
            e.conn = connector(s, n, i, 0);
        } else if (tokens_ok && (c == '|' || c == '}')) {
            return tb_err(t, src, "'%c' outside of { }", c);
        } else {
            size_t b = *i;
            while (*i < n && !is_word_end(s[*i], tokens_ok)) (*i)++;
            if (*i == b) { (*i)++; continue; }       /* stray '~' or '=' */
            int lit = tb_lit_intern(t, s + b, *i - b);
            if (lit < 0) return -1;
            e.kind = TB_P_LIT; e.arg = lit;
            e.conn = connector(s, n, i, 1);
        }
        out[k++] = e;
    }
    return k;
}

tb_seq tb_parse_phrase(dyad_tabari *t, const char *s, size_t n, int tokens_ok, dyad_src src)
{
    tb_seq bad = { -1, 0 };
    tb_pel buf[128];
    size_t i = 0;
    /* hyphens are word separators in the text; in dictionaries they connect */
    char tmp[1024];
    if (n >= sizeof tmp) { tb_err(t, src, "phrase longer than %zu characters", sizeof tmp - 1); return bad; }
    for (size_t k = 0; k < n; k++) tmp[k] = s[k] == '-' ? '_' : s[k];
    int m = parse_items(t, tmp, n, &i, tokens_ok, 0, buf, 128, src);
    if (m < 0) return bad;
    if (m == 0) { tb_err(t, src, "empty phrase"); return bad; }
    tb_seq q = { (int32_t)t->elems.n, m };
    for (int k = 0; k < m; k++) if (TB_PUSH(t->elems, buf[k]) < 0) return bad;
    return q;
}

int tb_add_root(dyad_tabari *t, int type, const char *phrase, dyad_src src)
{
    tb_seq q = tb_parse_phrase(t, phrase, strlen(phrase), 0, src);
    if (q.off < 0) return -1;
    tb_root r = { .type = (uint8_t)type, .phrase = q, .arg = -1, .parent = -1, .src = src,
                  .text = tb_strdup(t, phrase, strlen(phrase)) };
    if (TB_PUSH(t->roots, r) < 0) return -1;
    t->compiled = 0;
    return (int)t->roots.n - 1;
}

/* ---- lifecycle ----------------------------------------------------------- */

void dyad_tabari_default_opts(tb_opts *o)
{
    memset(o, 0, sizeof *o);
    o->comma_min = 2; o->comma_max = 10;
    o->comma_emin = 2; o->comma_emax = 10;
    o->comma_bmin = 128; o->comma_bmax = 0;
    o->min_words = 8;          /* TABARI skips sentences under 8 words (Validate MINWRD-*) */
}

dyad_tabari *dyad_tabari_new(void)
{
    dyad_tabari *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->d = dyad_dict_new(NULL, NULL);
    if (!t->d) { free(t); return NULL; }
    dyad_arena_init(&t->strings, 1 << 20);
    dyad_tabari_default_opts(&t->opts);
    static const struct { const char *w; int type; int special; } builtin[] = {
        { "A_", TB_DETERM, -1 }, { "AN_", TB_DETERM, -1 }, { "THE_", TB_DETERM, TB_LIT_THE },
        { "AND_", TB_CONJ, TB_LIT_AND }, { "NOR_", TB_CONJ, TB_LIT_NOR }, { "BUT_", TB_CONJ, -1 },
        { "OR_", TB_CONJ, -1 }, { "IN_", TB_PREP, -1 }, { "OF_", TB_PREP, -1 },
        { "HE_", TB_PRONOUN, TB_LIT_HE }, { "HIM_", TB_PRONOUN, TB_LIT_HIM },
        { "SHE_", TB_PRONOUN, TB_LIT_SHE }, { "HER_", TB_PRONOUN, TB_LIT_HER },
        { "IT_", TB_PRONOUN, TB_LIT_IT }, { "THEM_", TB_PRONOUN, TB_LIT_THEM },
        { "THEIR_", TB_PRONOUN, TB_LIT_THEIR }, { "THEY_", TB_PRONOUN, TB_LIT_THEY },
        { "WERE_", TB_AUXIL, -1 }, { "WAS_", TB_AUXIL, -1 }, { "BEEN_", TB_AUXIL, -1 },
        { "BY_", TB_BYWORD, -1 }, { "FORMER_", TB_ADJ, -1 },
    };
    dyad_src src = { dyad_dict_file(t->d, "(built-in)"), 0 };
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
        int r = tb_add_root(t, builtin[i].type, builtin[i].w, src);
        if (r < 0) { dyad_tabari_free(t); return NULL; }
        if (builtin[i].special >= 0) t->special[builtin[i].special] = t->elems.v[t->roots.v[r].phrase.off].arg;
        if (!strcmp(builtin[i].w, "FORMER_")) t->root_former = r;
    }
    return t;
}

void dyad_tabari_free(dyad_tabari *t)
{
    if (!t) return;
    dyad_dict_free(t->d);
    dyad_arena_free(&t->strings);
    free(t->lits.v); free(t->litlen.v); free(t->lhash);
    free(t->roots.v); free(t->elems.v); free(t->alts.v); free(t->synsets.v); free(t->synmem.v);
    free(t->verbs.v); free(t->pats.v); free(t->patorder.v); free(t->codes.v); free(t->agentcodes.v);
    free(t->rstart); free(t->rlist);
    free(t);
}

dyad_dict *dyad_tabari_errors(dyad_tabari *t) { return t->d; }
tb_opts *dyad_tabari_opts(dyad_tabari *t) { return &t->opts; }
int dyad_tabari_nerrors(const dyad_tabari *t) { return dyad_dict_nerrors(t->d); }
int dyad_tabari_nfatal(const dyad_tabari *t) { return t->nfatal; }
const char *dyad_tabari_error_at(const dyad_tabari *t, int i) { return dyad_dict_error_at(t->d, i); }
const char *dyad_tabari_text_file(const dyad_tabari *t) { return t->textfile; }

/* ---- compile ------------------------------------------------------------- */

static int cmp_pat(const void *a, const void *b, void *ctx)
{
    const dyad_tabari *t = ctx;
    const tb_pattern *pa = &t->pats.v[*(const int32_t *)a], *pb = &t->pats.v[*(const int32_t *)b];
    if (pa->length != pb->length) return pb->length - pa->length;
    return *(const int32_t *)a - *(const int32_t *)b;      /* stable: file order */
}

int dyad_tabari_compile(dyad_tabari *t)
{
    size_t nl = t->lits.n;
    free(t->rstart); free(t->rlist);
    t->rstart = calloc(nl + 1, sizeof *t->rstart);
    t->rlist = malloc((t->roots.n + 1) * sizeof *t->rlist);
    if (!t->rstart || !t->rlist) return dyad_dict_error(t->d, (dyad_src){0}, "out of memory") , dyad_tabari_nerrors(t);
    for (size_t r = 0; r < t->roots.n; r++) t->rstart[t->elems.v[t->roots.v[r].phrase.off].arg + 1]++;
    for (size_t l = 0; l < nl; l++) t->rstart[l + 1] += t->rstart[l];
    int32_t *fill = calloc(nl + 1, sizeof *fill);
    if (!fill) return dyad_dict_error(t->d, (dyad_src){0}, "out of memory"), dyad_tabari_nerrors(t);
    for (size_t r = 0; r < t->roots.n; r++) {
        int l = t->elems.v[t->roots.v[r].phrase.off].arg;
        t->rlist[t->rstart[l] + fill[l]++] = (int32_t)r;
    }
    free(fill);
    /* the patterns of each verb are already contiguous in patorder; sort each slice */
    for (size_t v = 0; v < t->verbs.n; v++)
        if (t->verbs.v[v].npat > 1)
            qsort_r(t->patorder.v + t->verbs.v[v].pat0, (size_t)t->verbs.v[v].npat, sizeof(int32_t), cmp_pat, t);
    t->compiled = 1;
    return dyad_tabari_nerrors(t);
}

/* ---- lookups ------------------------------------------------------------- */

const int32_t *dyad_tabari_roots_for(const dyad_tabari *t, int lit, int *n)
{
    if (lit < 0 || (size_t)lit >= t->lits.n || !t->rstart) { *n = 0; return NULL; }
    *n = t->rstart[lit + 1] - t->rstart[lit];
    return t->rlist + t->rstart[lit];
}
const tb_root *dyad_tabari_root(const dyad_tabari *t, int id) { return &t->roots.v[id]; }
const tb_pel *dyad_tabari_elems(const dyad_tabari *t) { return t->elems.v; }
const tb_seq *dyad_tabari_alts(const dyad_tabari *t) { return t->alts.v; }
const tb_synset *dyad_tabari_synset(const dyad_tabari *t, int id) { return &t->synsets.v[id]; }
const tb_seq *dyad_tabari_synmems(const dyad_tabari *t) { return t->synmem.v; }
const tb_verb *dyad_tabari_verb(const dyad_tabari *t, int id) { return &t->verbs.v[id]; }
const tb_pattern *dyad_tabari_pattern(const dyad_tabari *t, const tb_verb *v, int i)
{
    return &t->pats.v[t->patorder.v[v->pat0 + i]];
}
const tb_code *dyad_tabari_codes(const dyad_tabari *t) { return t->codes.v; }
const char *dyad_tabari_agent_code(const dyad_tabari *t, int i) { return t->agentcodes.v[i]; }
int dyad_tabari_nroots(const dyad_tabari *t) { return (int)t->roots.n; }
int dyad_tabari_special(const dyad_tabari *t, int which) { return t->special[which]; }
int dyad_tabari_root_former(const dyad_tabari *t) { return t->root_former; }

const char *dyad_tabari_actor_code(const dyad_tabari *t, const tb_root *r, int32_t date)
{
    const char *dflt = NULL;
    int restricted = 0;
    for (int i = 0; i < r->narg; i++) {
        const tb_code *c = &t->codes.v[r->arg + i];
        if (c->from < 0) { if (!dflt) dflt = c->code; continue; }
        restricted++;
        if (date >= c->from && date <= c->to) return c->code;
    }
    if (dflt) return dflt;
    return restricted ? "---" : NULL;
}

void dyad_tabari_stats(const dyad_tabari *t, tb_stats *st)
{
    memset(st, 0, sizeof *st);
    for (size_t i = 0; i < t->roots.n; i++) {
        switch (t->roots.v[i].type) {
        case TB_ACTOR: st->actors++; break;
        case TB_AGENT: st->agents++; break;
        case TB_VERB: st->verbs++; break;
        case TB_NOUN: st->nouns++; break;
        case TB_ADJ: st->adjs++; break;
        default: break;
        }
    }
    st->patterns = (int)t->pats.n;
    st->synsets = (int)t->synsets.n;
    st->literals = (int)t->lits.n;
}

int32_t dyad_tabari_date6(const char *s, size_t n)
{
    if (n != 6) return -1;
    for (size_t i = 0; i < 6; i++) if (!isdigit((unsigned char)s[i])) return -1;
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    int mm = (s[2] - '0') * 10 + (s[3] - '0');
    int dd = (s[4] - '0') * 10 + (s[5] - '0');
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return -1;
    int year = yy <= 30 ? 2000 + yy : 1900 + yy;
    return year * 10000 + mm * 100 + dd;
}

char *tb_read_file(dyad_tabari *t, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    dyad_src src = { dyad_dict_file(t->d, path), 0 };
    if (!f) { t->nfatal++; tb_err(t, src, "cannot open: %s", strerror(errno)); return NULL; }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) { fclose(f); tb_err(t, src, "out of memory"); return NULL; }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n < cap - 1) break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) { free(buf); buf = NULL; continue; }
        buf = nb;
    }
    fclose(f);
    buf[n] = '\0';
    for (size_t i = 0; i < n; i++) if (!buf[i]) buf[i] = ' ';   /* stray NULs (CountryInfo has one) */
    if (len) *len = n;
    return buf;
}
