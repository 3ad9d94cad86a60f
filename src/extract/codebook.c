/*
 * codebook.c — the CAMEO code table (data/cameo/codes.txt).
 *
 * Each line "code | name | quad | goldstein | plover" becomes one entry.
 * CAMEO codes are 2 to 4 decimal digits, so the "hash table" is a perfect
 * hash: a direct-address array indexed by length and value (100 two-digit,
 * 1000 three-digit and 10000 four-digit slots, 22 KB), making a lookup two
 * or three arithmetic steps. The loader checks every line (digits, quad
 * agrees with the root, Goldstein in [-10, 10], the root of every code is
 * present) and reports file:line on error.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/internal.h"

#define SLOTS (100 + 1000 + 10000)

struct dyad_codebook {
    dyad_cameo_code *codes;
    int n, cap;
    short slot[SLOTS];        /* index+1 into codes, 0 = empty */
};

/* Slot of a code string, -1 if it is not 2-4 digits. */
static int code_slot(const char *s)
{
    int v = 0, len = 0;
    for (; s[len]; len++) {
        if (len >= 4 || !isdigit((unsigned char)s[len])) return -1;
        v = v * 10 + (s[len] - '0');
    }
    if (len == 2) return v;
    if (len == 3) return 100 + v;
    if (len == 4) return 1100 + v;
    return -1;
}

static int root_quad(int root)
{
    if (root >= 1 && root <= 5) return 1;
    if (root >= 6 && root <= 8) return 2;
    if (root >= 9 && root <= 14) return 3;
    if (root >= 15 && root <= 20) return 4;
    return 0;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

void dyad_codebook_free(dyad_codebook *cb)
{
    if (!cb) return;
    for (int i = 0; i < cb->n; i++) {
        free((char *)cb->codes[i].name);
        free((char *)cb->codes[i].plover);
    }
    free(cb->codes);
    free(cb);
}

/* Parse one data line into cb; 0 ok, -1 with a message in err. */
static int parse_line(dyad_codebook *cb, char *line, const char *path, int lineno,
                      char *err, size_t errlen)
{
    char *f[5];
    int nf = 0;
    for (char *p = line; nf < 5; nf++) {
        f[nf] = p;
        char *bar = strchr(p, '|');
        if (!bar) { nf++; break; }
        *bar = '\0';
        p = bar + 1;
    }
    if (nf != 5 || strchr(f[4], '|')) {
        snprintf(err, errlen, "%s:%d: expected 5 fields separated by '|'", path, lineno);
        return -1;
    }
    for (int i = 0; i < 5; i++) f[i] = trim(f[i]);
    int slot = code_slot(f[0]);
    if (slot < 0) {
        snprintf(err, errlen, "%s:%d: bad CAMEO code '%s' (2-4 digits)", path, lineno, f[0]);
        return -1;
    }
    if (cb->slot[slot]) {
        snprintf(err, errlen, "%s:%d: duplicate code %s", path, lineno, f[0]);
        return -1;
    }
    char *end;
    long quad = strtol(f[2], &end, 10);
    int root = (f[0][0] - '0') * 10 + (f[0][1] - '0');
    if (*end || quad != root_quad(root)) {
        snprintf(err, errlen, "%s:%d: QuadClass '%s' does not match root %02d", path, lineno,
                 f[2], root);
        return -1;
    }
    double gs = strtod(f[3], &end);
    if (*end || end == f[3] || gs < -10.0 || gs > 10.0) {
        snprintf(err, errlen, "%s:%d: Goldstein value '%s' not in [-10, 10]", path, lineno, f[3]);
        return -1;
    }
    if (!*f[1] || !*f[4]) {
        snprintf(err, errlen, "%s:%d: empty name or PLOVER field", path, lineno);
        return -1;
    }
    if (cb->n == cb->cap) {
        int cap = cb->cap ? cb->cap * 2 : 512;
        dyad_cameo_code *c = realloc(cb->codes, (size_t)cap * sizeof *c);
        if (!c) { snprintf(err, errlen, "%s:%d: out of memory", path, lineno); return -1; }
        cb->codes = c;
        cb->cap = cap;
    }
    dyad_cameo_code *c = &cb->codes[cb->n];
    memset(c, 0, sizeof *c);
    snprintf(c->code, sizeof c->code, "%s", f[0]);
    c->quad = (int)quad;
    c->goldstein = gs;
    c->name = strdup(f[1]);
    c->plover = strcmp(f[4], "-") ? strdup(f[4]) : NULL;
    if (!c->name || (strcmp(f[4], "-") && !c->plover)) {
        free((char *)c->name); free((char *)c->plover);
        snprintf(err, errlen, "%s:%d: out of memory", path, lineno);
        return -1;
    }
    cb->n++;
    cb->slot[slot] = (short)cb->n;
    return 0;
}

dyad_codebook *dyad_codebook_load(const char *path, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: cannot open CAMEO code table", path);
        return NULL;
    }
    dyad_codebook *cb = calloc(1, sizeof *cb);
    char line[1024];
    int lineno = 0, bad = !cb;
    if (!cb) snprintf(err, errlen, "%s: out of memory", path);
    while (!bad && fgets(line, sizeof line, fp)) {
        lineno++;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        bad = parse_line(cb, s, path, lineno, err, errlen) != 0;
    }
    fclose(fp);
    /* Every code's 2-digit root must be in the table: events rely on it. */
    for (int i = 0; !bad && i < cb->n; i++) {
        char root[3] = { cb->codes[i].code[0], cb->codes[i].code[1], '\0' };
        if (!cb->slot[code_slot(root)]) {
            snprintf(err, errlen, "%s: code %s has no root entry %s", path, cb->codes[i].code, root);
            bad = 1;
        }
    }
    if (!bad && cb->n == 0) {
        snprintf(err, errlen, "%s: no codes", path);
        bad = 1;
    }
    if (bad) { dyad_codebook_free(cb); return NULL; }
    return cb;
}

const dyad_cameo_code *dyad_codebook_get(const dyad_codebook *cb, const char *code)
{
    if (!cb || !code) return NULL;
    int slot = code_slot(code);
    if (slot < 0 || !cb->slot[slot]) return NULL;
    return &cb->codes[cb->slot[slot] - 1];
}

int dyad_codebook_size(const dyad_codebook *cb) { return cb ? cb->n : 0; }
