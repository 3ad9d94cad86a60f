/*
 * gazetteer.c — place names loaded from data/gen/gazetteer.tsv.
 *
 * The generated file (scripts/gen.d/gazetteer) has one line per name:
 * kind, name, canonical name, country, lat, lon, population, common flag.
 * Names are reduced to a key — case-folded, accents stripped, letters and
 * digits only ("Nagorno-Karabakh" → "nagornokarabakh", "U.S." → "us") — and
 * put in an open-addressing hash table from key to the run of places with
 * that key (homonyms: "Paris" in France and in Texas). A lookup is one
 * hash of a short key, so matching never scans the gazetteer. Countries
 * are also indexed by alpha-3 in a direct 26³ array, demonyms in their own
 * table, and the keys of the leading words of multi-word names ("nagorno",
 * "gaza" of "Gaza Strip") in a set, so the matcher extends a token sequence
 * only while it can still become a name. Everything is allocated at load
 * time and read-only afterwards.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "extract/internal.h"

typedef struct slot { const char *key; int first, count; } slot;

typedef struct table {
    slot *slots;
    size_t cap;
} table;

struct dyad_gazetteer {
    dyad_place *places;       /* all rows */
    char **keys;              /* key of each row */
    int n;
    const dyad_place **order; /* rows sorted by key; slots index into it */
    int ndemonym;
    table names, demonyms;
    table prefixes;           /* keys of the first words of multi-word names */
    char **pkeys;             /* their storage */
    int npkeys, cappkeys;
    const dyad_place *country_of[26 * 26 * 26];
    char *pool;               /* names */
    int counts[4];
    /* the place matcher's word classes (places.c), hashed: one lookup per word */
    struct { const char *w; unsigned cls; } words[1024];
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    return h;
}

/* Key of a name: letters and digits, case-folded, without accents. */
size_t dyad_place_key(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int ascii = 1;
    for (const char *p = s; *p; p++) if ((unsigned char)*p >= 0x80) { ascii = 0; break; }
    if (ascii) {
        for (const char *p = s; *p && n + 1 < cap; p++) {
            char c = *p;
            if (c >= 'A' && c <= 'Z') out[n++] = (char)(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out[n++] = c;
        }
        out[n] = '\0';
        return n;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
        UTF8PROC_STRIPMARK);
    if (len < 0) { out[0] = '\0'; return 0; }
    for (utf8proc_ssize_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(m + i, len - i, &cp);
        if (k <= 0) break;
        utf8proc_category_t cat = utf8proc_category(cp);
        int keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                   cat == UTF8PROC_CATEGORY_ND;
        if (keep && n + (size_t)k < cap) { memcpy(out + n, m + i, (size_t)k); n += (size_t)k; }
        i += k;
    }
    out[n] = '\0';
    free(m);
    return n;
}

static slot *table_find(const table *t, const char *key)
{
    if (!t->cap) return NULL;
    size_t i = hash_str(key) & (t->cap - 1);
    for (;;) {
        slot *s = &t->slots[i];
        if (!s->key) return NULL;
        if (!strcmp(s->key, key)) return s;
        i = (i + 1) & (t->cap - 1);
    }
}

static int table_init(table *t, int nkeys)
{
    t->cap = 16;
    while (t->cap < (size_t)nkeys * 2) t->cap <<= 1;
    t->slots = calloc(t->cap, sizeof *t->slots);
    return t->slots ? 0 : -1;
}

static void table_put(table *t, const char *key, int first, int count)
{
    size_t i = hash_str(key) & (t->cap - 1);
    while (t->slots[i].key) i = (i + 1) & (t->cap - 1);
    t->slots[i].key = key; t->slots[i].first = first; t->slots[i].count = count;
}

static int kind_of(const char *s)
{
    if (!strcmp(s, "city")) return DYAD_PLACE_CITY;
    if (!strcmp(s, "region")) return DYAD_PLACE_REGION;
    if (!strcmp(s, "country")) return DYAD_PLACE_COUNTRY;
    if (!strcmp(s, "conflict_region")) return DYAD_PLACE_CONFLICT;
    if (!strcmp(s, "demonym")) return 9;
    return -1;
}

static int a3_index(const char *a3)
{
    if (strlen(a3) != 3) return -1;
    int v = 0;
    for (int i = 0; i < 3; i++) {
        if (a3[i] < 'A' || a3[i] > 'Z') return -1;
        v = v * 26 + (a3[i] - 'A');
    }
    return v;
}

void dyad_gazetteer_free(dyad_gazetteer *g)
{
    if (!g) return;
    if (g->keys) for (int i = 0; i < g->n; i++) free(g->keys[i]);
    free(g->keys);
    free(g->places);
    free(g->order);
    free(g->names.slots);
    free(g->demonyms.slots);
    free(g->prefixes.slots);
    for (int i = 0; i < g->npkeys; i++) free(g->pkeys[i]);
    free(g->pkeys);
    free(g->pool);
    free(g);
}

typedef struct keyed { const char *key; int row; } keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->row - y->row;
}

/* "-12.3456" → -12.3456; the generator writes plain fixed-point numbers, and
 * strtof's full generality cost a fifth of the load time. */
static float fixed_point(const char *p)
{
    int neg = *p == '-';
    if (neg || *p == '+') p++;
    double v = 0, scale = 1;
    for (; *p >= '0' && *p <= '9'; p++) v = v * 10 + (*p - '0');
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++) { v = v * 10 + (*p - '0'); scale *= 10; }
    return (float)((neg ? -v : v) / scale);
}

/* Split a line into tab-separated fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
    return n;
}

/* Read every line of the file into memory (pool) and count lines. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = sz >= 0 ? malloc((size_t)sz + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)sz, fp) != (size_t)sz) { free(buf); buf = NULL; }
    fclose(fp);
    if (buf) { buf[sz] = '\0'; *len = (size_t)sz; }
    return buf;
}

/* Group rows [lo, hi) of sorted keys into the table. */
static void fill_table(table *t, const keyed *k, int lo, int hi)
{
    for (int i = lo; i < hi;) {
        int j = i + 1;
        while (j < hi && !strcmp(k[j].key, k[i].key)) j++;
        table_put(t, k[i].key, i, j - i);
        i = j;
    }
}

/* Record the keys of the first 1..n-1 words of a multi-word name, so that
 * matching extends a token sequence only while it can still become a name. */
static int add_prefixes(dyad_gazetteer *g, const char *name)
{
    char words[256], key[256], part[128];
    size_t klen = 0;
    snprintf(words, sizeof words, "%s", name);
    char *save = NULL, *w = strtok_r(words, " -'", &save);
    key[0] = '\0';
    while (w) {
        char *next = strtok_r(NULL, " -'", &save);
        size_t n = dyad_place_key(w, part, sizeof part);
        if (klen + n + 1 >= sizeof key) break;
        memcpy(key + klen, part, n + 1);
        klen += n;
        if (!next) break;
        if (klen && !table_find(&g->prefixes, key)) {
            if (g->npkeys == g->cappkeys) {
                int cap = g->cappkeys ? g->cappkeys * 2 : 1024;
                char **pk = realloc(g->pkeys, (size_t)cap * sizeof *pk);
                if (!pk) return -1;
                g->pkeys = pk;
                g->cappkeys = cap;
            }
            if (!(g->pkeys[g->npkeys] = strdup(key))) return -1;
            if ((size_t)g->npkeys * 2 + 2 >= g->prefixes.cap) return -1;   /* table full */
            table_put(&g->prefixes, g->pkeys[g->npkeys], 0, 0);
            g->npkeys++;
        }
        w = next;
    }
    return 0;
}

dyad_gazetteer *dyad_gazetteer_load(const char *data_dir, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/gen/gazetteer.tsv", data_dir);
    size_t len;
    dyad_gazetteer *g = calloc(1, sizeof *g);
    if (!g) { snprintf(err, errlen, "%s: out of memory", path); return NULL; }
    g->pool = slurp(path, &len);
    if (!g->pool) {
        snprintf(err, errlen, "%s: cannot read gazetteer (run `make data`)", path);
        free(g);
        return NULL;
    }
    int lines = 0;
    for (size_t i = 0; i < len; i++) lines += g->pool[i] == '\n';
    g->places = calloc((size_t)lines + 1, sizeof *g->places);
    g->keys = calloc((size_t)lines + 1, sizeof *g->keys);
    keyed *k = calloc((size_t)lines + 1, sizeof *k);
    int *isdem = calloc((size_t)lines + 1, sizeof *isdem);
    int ok = g->places && g->keys && k && isdem && table_init(&g->prefixes, lines) == 0;
    int lineno = 0;
    char *line = g->pool, kb[256];
    while (ok && line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        lineno++;
        char *f[8];
        if (*line != '#' && *line) {
            int kind = split_tabs(line, f, 8) == 8 ? kind_of(f[0]) : -1;
            if (kind < 0 || strlen(f[3]) != 3) {
                snprintf(err, errlen, "%s:%d: malformed gazetteer line", path, lineno);
                ok = 0;
                break;
            }
            dyad_place *p = &g->places[g->n];
            p->name = f[2];
            if (kind != 9 && strpbrk(f[1], " -'") && add_prefixes(g, f[1]) != 0) { ok = 0; break; }
            memcpy(p->country, f[3], 4);
            p->lat = fixed_point(f[4]);
            p->lon = fixed_point(f[5]);
            p->population = (unsigned)strtoul(f[6], NULL, 10);
            p->weight = (float)(log10((double)p->population + 1) / 10.0);
            p->common = f[7][0] == '1';
            p->kind = (unsigned char)(kind == 9 ? DYAD_PLACE_COUNTRY : kind);
            dyad_place_key(f[1], kb, sizeof kb);
            g->keys[g->n] = strdup(kb);
            if (!g->keys[g->n]) { ok = 0; break; }
            isdem[g->n] = kind == 9;
            if (kind == DYAD_PLACE_COUNTRY) {
                int a = a3_index(p->country);
                if (a >= 0 && (!g->country_of[a] || !strcmp(f[1], f[2]))) g->country_of[a] = p;
            }
            if (kind != 9) g->counts[kind]++;
            g->n++;
        }
        line = nl ? nl + 1 : NULL;
    }
    if (ok) {
        /* Demonyms first (sorted apart), then names. */
        int nd = 0, nn = 0;
        for (int i = 0; i < g->n; i++) if (isdem[i]) k[nd++] = (keyed){ g->keys[i], i };
        for (int i = 0; i < g->n; i++) if (!isdem[i]) k[nd + nn++] = (keyed){ g->keys[i], i };
        qsort(k, (size_t)nd, sizeof *k, cmp_keyed);
        qsort(k + nd, (size_t)nn, sizeof *k, cmp_keyed);
        g->order = calloc((size_t)g->n + 1, sizeof *g->order);
        ok = g->order && table_init(&g->names, nn) == 0 && table_init(&g->demonyms, nd) == 0;
        if (ok) {
            for (int i = 0; i < g->n; i++) g->order[i] = &g->places[k[i].row];
            fill_table(&g->demonyms, k, 0, nd);
            fill_table(&g->names, k, nd, nd + nn);
            g->ndemonym = nd;
        }
        if (!ok) snprintf(err, errlen, "%s: out of memory", path);
    } else if (!err[0]) {
        snprintf(err, errlen, "%s: out of memory", path);
    }
    free(k);
    free(isdem);
    if (!ok) { dyad_gazetteer_free(g); return NULL; }
    dyad_place_words_init(g);
    return g;
}

#define NWORDS (sizeof ((dyad_gazetteer *)0)->words / sizeof ((dyad_gazetteer *)0)->words[0])

void dyad_gazetteer_word_add(dyad_gazetteer *g, const char *w, unsigned cls)
{
    size_t i = hash_str(w) & (NWORDS - 1);
    for (size_t k = 0; k < NWORDS; k++, i = (i + 1) & (NWORDS - 1)) {
        if (!g->words[i].w) { g->words[i].w = w; g->words[i].cls = cls; return; }
        if (!strcmp(g->words[i].w, w)) { g->words[i].cls |= cls; return; }
    }
}

unsigned dyad_gazetteer_word(const dyad_gazetteer *g, const char *w)
{
    size_t i = hash_str(w) & (NWORDS - 1);
    for (size_t k = 0; k < NWORDS; k++, i = (i + 1) & (NWORDS - 1)) {
        if (!g->words[i].w) return 0;
        if (!strcmp(g->words[i].w, w)) return g->words[i].cls;
    }
    return 0;
}

void dyad_gazetteer_counts(const dyad_gazetteer *g, int counts[4])
{
    for (int i = 0; i < 4; i++) counts[i] = g ? g->counts[i] : 0;
}

int dyad_gazetteer_find(const dyad_gazetteer *g, const char *key, const dyad_place *const **out)
{
    slot *s = g ? table_find(&g->names, key) : NULL;
    if (!s) return 0;
    *out = &g->order[s->first];
    return s->count;
}

const dyad_place *dyad_gazetteer_country(const dyad_gazetteer *g, const char *alpha3)
{
    int a = g && alpha3 ? a3_index(alpha3) : -1;
    return a >= 0 ? g->country_of[a] : NULL;
}

const char *dyad_gazetteer_demonym(const dyad_gazetteer *g, const char *lower)
{
    char kb[128];
    if (!g) return NULL;
    dyad_place_key(lower, kb, sizeof kb);
    slot *s = table_find(&g->demonyms, kb);
    return s ? g->order[s->first]->country : NULL;
}

int dyad_gazetteer_is_prefix(const dyad_gazetteer *g, const char *key)
{
    return g && table_find(&g->prefixes, key) != NULL;
}
