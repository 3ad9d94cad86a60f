/*
 * load.c — reader for dyad's dictionary format (doc/dictionaries.md).
 *
 * A file is cut into entries: a line starting in column 0 opens an entry,
 * indented lines continue it, '#' starts a comment. Each entry is joined
 * into one string while remembering at which offset each source line began,
 * so an error in a continuation line ("= RUSGOV 2012-05-07..") is reported
 * at that line. Entries are handed to the builder API of dict.h; nothing
 * here knows how the dictionary is stored. Errors are recorded and reading
 * goes on, so `dyad dict check` can list them all.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "dict/dict_impl.h"

#define MAXSEG 256

typedef struct entry {
    char *text;               /* joined lines */
    size_t len, cap;
    size_t segoff[MAXSEG];    /* offset where each line starts in text */
    int segline[MAXSEG];
    int nseg;
} entry;

static int line_at(const entry *e, size_t off)
{
    int l = e->segline[0];
    for (int i = 0; i < e->nseg && e->segoff[i] <= off; i++) l = e->segline[i];
    return l;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

/* Split s at `sep` in place; returns the number of parts (only the first max are stored). */
static int split(char *s, char sep, char **out, int max)
{
    int n = 0;
    for (char *p = s;; ) {
        char *q = strchr(p, sep);
        if (n < max) out[n] = p;
        n++;
        if (!q) break;
        *q = '\0';
        p = q + 1;
    }
    return n;
}

static int parse_range(const char *r, int32_t *from, int32_t *to)
{
    const char *dots = strstr(r, "..");
    if (!dots) return -1;
    size_t a = (size_t)(dots - r), b = strlen(dots + 2);
    *from = a ? dyad_parse_date(r, a) : DYAD_DATE_MIN;
    *to = b ? dyad_parse_date(dots + 2, b) : DYAD_DATE_MAX;
    if (*from < 0 || *to < 0) return -1;
    return 0;
}

static void add_names(dyad_dict *d, char *names, dyad_src src, int actor, const char *agent_code)
{
    char *parts[1024];
    int n = split(names, '|', parts, 1024);
    if (n > 1024) { dyad_dict_error(d, src, "more than 1024 names in one entry (split it)"); n = 1024; }
    for (int i = 0; i < n; i++) {
        char *p = trim(parts[i]);
        if (!*p) { dyad_dict_error(d, src, "empty name between '|'"); continue; }
        if (agent_code) dyad_dict_add_agent(d, p, agent_code, src);
        else dyad_dict_actor_phrase(d, actor, p, src);
    }
}

static void do_actor(dyad_dict *d, entry *e, char *body, dyad_src src)
{
    char *eq = strchr(body, '=');
    if (!eq) { dyad_dict_error(d, src, "actor without '= CODE'"); return; }
    size_t off = (size_t)(eq - e->text);
    *eq = '\0';
    int id = dyad_dict_add_actor(d, src);
    if (id < 0) return;
    add_names(d, body, src, id, NULL);
    char *p = eq + 1;
    for (;;) {
        char *next = strchr(p, '=');
        if (next) *next = '\0';
        dyad_src cs = { src.file, line_at(e, off) };
        char *spec = trim(p);
        char *tok[4];
        int nt = 0;
        for (char *t = strtok(spec, " \t"); t && nt < 4; t = strtok(NULL, " \t")) tok[nt++] = t;
        int placed = nt == 3 && !strcmp(tok[1], "in");     /* "= PAKREB in PAK" */
        if (!placed && (nt == 0 || nt > 2)) d->actors[id].broken = 1;
        if (placed) dyad_dict_actor_place_code(d, id, tok[0], tok[2], cs);
        else if (nt == 0) dyad_dict_error(d, cs, "'=' without a code");
        else if (nt > 2) dyad_dict_error(d, cs, "unexpected '%s' after the code and date range", tok[2]);
        else {
            int32_t from = -1, to = -1;
            if (nt == 2 && parse_range(tok[1], &from, &to) < 0)
                d->actors[id].broken = 1, dyad_dict_error(d, cs, "bad date range '%s' (want YYYY-MM-DD..YYYY-MM-DD, either end may be empty)", tok[1]);
            else
                dyad_dict_actor_code(d, id, tok[0], from, to, cs);
        }
        if (!next) break;
        off = (size_t)(next - e->text);
        p = next + 1;
    }
}

static void do_agent(dyad_dict *d, char *body, dyad_src src)
{
    char *eq = strchr(body, '=');
    if (!eq) { dyad_dict_error(d, src, "agent without '= CODE'"); return; }
    *eq = '\0';
    char *code = trim(eq + 1);
    if (strchr(code, '=') || strchr(code, ' '))
        { dyad_dict_error(d, src, "agent takes one code without a date range"); return; }
    add_names(d, body, src, -1, code);
}

static void do_set(dyad_dict *d, char *body, dyad_src src)
{
    char *eq = strchr(body, '=');
    if (!eq) { dyad_dict_error(d, src, "set without '='"); return; }
    *eq = '\0';
    char *name = trim(body);
    if (name[0] != '@' || !name[1] || strchr(name, ' '))
        { dyad_dict_error(d, src, "set name must be @name, got '%s'", name); return; }
    char *parts[4096];
    int n = split(eq + 1, '|', parts, 4096);
    if (n > 4096) { dyad_dict_error(d, src, "more than 4096 members in one set entry (split it)"); n = 4096; }
    for (int i = 0; i < n; i++) {
        char *w = trim(parts[i]);
        if (!*w) dyad_dict_error(d, src, "empty member between '|'");
        else dyad_dict_add_set_member(d, name + 1, w, src);
    }
}

static void do_discard(dyad_dict *d, char *body, dyad_src src)
{
    char *parts[4096];
    int n = split(body, '|', parts, 4096);
    if (n > 4096) { dyad_dict_error(d, src, "more than 4096 phrases in one discard entry (split it)"); n = 4096; }
    for (int i = 0; i < n; i++) {
        char *w = trim(parts[i]);
        if (!*w) dyad_dict_error(d, src, "empty phrase between '|'");
        else dyad_dict_add_discard(d, w, src);
    }
}

/* ">=1000", "<50" after COUNT/SRC/TGT: a size condition (doc/dictionaries.md); digits may
 * carry thousands commas ("TGT>=100,000"). */
static int parse_count(dyad_dict *d, dyad_src src, const char *t, const char *op, dyad_pelem_spec *e)
{
    const char *p = op;
    if (!strncmp(p, ">=", 2)) { e->cmp = DYAD_CMP_GE; p += 2; }
    else if (*p == '<' && p[1] != '=') { e->cmp = DYAD_CMP_LT; p++; }
    else return dyad_dict_error(d, src, "size condition '%s' must be >=N or <N", t);
    unsigned long v = 0;
    int digits = 0;
    for (; *p; p++) {
        if (*p == ',' && digits) continue;
        if (*p < '0' || *p > '9') return dyad_dict_error(d, src, "size condition '%s': N must be digits", t);
        v = v * 10 + (unsigned long)(*p - '0');
        if (v > 4000000000UL) return dyad_dict_error(d, src, "size condition '%s': N is too large", t);
        digits++;
    }
    if (!digits) return dyad_dict_error(d, src, "size condition '%s' without a number", t);
    e->count = (uint32_t)v;
    return 0;
}

static void do_pattern(dyad_dict *d, char *body, dyad_src src)
{
    char *colon = strchr(body, ':');
    if (!colon) { dyad_dict_error(d, src, "pattern header must end with ':' (pattern CODE [FLAGS]: ...)"); return; }
    *colon = '\0';
    char *text = trim(colon + 1);
    char *copy = dyad_arena_strdup(&d->pool, text);
    char *hdr[16];
    int nh = 0;
    for (char *t = strtok(body, " \t"); t && nh < 16; t = strtok(NULL, " \t")) hdr[nh++] = t;
    if (!nh) { dyad_dict_error(d, src, "pattern without a code"); return; }
    unsigned flags = 0;
    const char *neg = NULL;
    for (int i = 1; i < nh; i++) {
        if (!strcmp(hdr[i], "sym")) flags |= DYAD_PAT_SYM;
        else if (!strcmp(hdr[i], "nosrc")) flags |= DYAD_PAT_NOSRC;
        else if (!strcmp(hdr[i], "notgt")) flags |= DYAD_PAT_NOTGT;
        else if (!strncmp(hdr[i], "neg=", 4)) neg = hdr[i] + 4;
        else { dyad_dict_error(d, src, "unknown pattern flag '%s' (sym, neg=CODE, nosrc, notgt)", hdr[i]); return; }
    }
    dyad_pelem_spec el[64];
    int nel = 0;
    for (char *t = strtok(text, " \t"); t; t = strtok(NULL, " \t")) {
        if (nel == 64) { dyad_dict_error(d, src, "pattern too long"); return; }
        dyad_pelem_spec *e = &el[nel];
        memset(e, 0, sizeof *e);
        size_t n = strlen(t);
        /* a size condition: "COUNT>=1000" (a count here) or "TGT>=1000" (the slot's count) */
        size_t kw = !strncmp(t, "COUNT", 5) ? 5 : (!strncmp(t, "SRC", 3) || !strncmp(t, "TGT", 3)) ? 3 : 0;
        if (kw && (t[kw] == '>' || t[kw] == '<')) {
            if (parse_count(d, src, t, t + kw, e) < 0) return;
            e->kind = kw == 5 ? DYAD_EL_COUNT : t[0] == 'S' ? DYAD_EL_SRC : DYAD_EL_TGT;
            nel++;
            continue;
        }
        if (!strcmp(t, "SRC")) { e->kind = DYAD_EL_SRC; nel++; continue; }
        if (!strcmp(t, "TGT")) { e->kind = DYAD_EL_TGT; nel++; continue; }
        if (!strcmp(t, "...")) { e->kind = DYAD_EL_SKIP; e->skip = 4; nel++; continue; }
        if (t[0] == '(') {
            if (n < 3 || t[n - 1] != ')') { dyad_dict_error(d, src, "unbalanced '(' in '%s'", t); return; }
            t[n - 1] = '\0';
            t++;
            e->flags |= DYAD_EL_OPT;
        }
        if (t[0] == '@') {
            if (!t[1]) { dyad_dict_error(d, src, "'@' without a set name"); return; }
            e->kind = DYAD_EL_SET;
            e->set = t + 1;
        } else {
            if (strchr(t, '(') || strchr(t, ')')) { dyad_dict_error(d, src, "unexpected parenthesis in '%s'", t); return; }
            if (!strcmp(t, "SRC") || !strcmp(t, "TGT")) { dyad_dict_error(d, src, "SRC/TGT cannot be optional"); return; }
            char *alts[1024];
            int na = split(t, '|', alts, 1024);
            if (na > 1024) { dyad_dict_error(d, src, "more than 1024 alternatives in '%s'", alts[0]); return; }
            const char **w = dyad_arena_alloc(&d->pool, (size_t)na * sizeof *w);
            if (!w) { dyad_dict_error(d, src, "out of memory"); return; }
            for (int k = 0; k < na; k++) {
                if (!*alts[k]) { dyad_dict_error(d, src, "empty alternative in a pattern word"); return; }
                w[k] = alts[k];
            }
            e->kind = DYAD_EL_WORD;
            e->words = w;
            e->nwords = na;
        }
        nel++;
    }
    dyad_dict_add_pattern(d, src, hdr[0], flags, neg, el, nel, -1, copy);
}

static void finish_entry(dyad_dict *d, entry *e, const char *file)
{
    if (!e->nseg) return;
    dyad_src src = { file, e->segline[0] };
    char *s = e->text;
    char *kw = s;
    while (*s && !isspace((unsigned char)*s)) s++;
    if (*s) *s++ = '\0';
    if (!strcmp(kw, "actor")) do_actor(d, e, s, src);
    else if (!strcmp(kw, "agent")) do_agent(d, s, src);
    else if (!strcmp(kw, "pattern")) do_pattern(d, s, src);
    else if (!strcmp(kw, "set")) do_set(d, s, src);
    else if (!strcmp(kw, "discard")) do_discard(d, s, src);
    else dyad_dict_error(d, src, "unknown entry '%s' (actor, agent, pattern, set or discard)", kw);
    e->len = 0;
    e->nseg = 0;
}

static int append(entry *e, const char *s, size_t n, int line)
{
    if (e->len + n + 2 > e->cap) {
        size_t nc = (e->len + n + 2) * 2;
        char *t = realloc(e->text, nc);
        if (!t) return -1;
        e->text = t;
        e->cap = nc;
    }
    if (e->len) e->text[e->len++] = ' ';
    if (e->nseg < MAXSEG) { e->segoff[e->nseg] = e->len; e->segline[e->nseg++] = line; }
    memcpy(e->text + e->len, s, n);
    e->len += n;
    e->text[e->len] = '\0';
    return 0;
}

/* Offset of the first byte of p[0..n) that is not valid UTF-8, or -1. */
static long bad_utf8(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)p[i] < 0x80) { i++; continue; }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) return (long)i;
        i += (size_t)k;
    }
    return -1;
}

int dyad_dict_load_string(dyad_dict *d, const char *name, const char *text)
{
    const char *file = dyad_dict_file(d, name);
    entry e;
    memset(&e, 0, sizeof e);
    int line = 0;
    for (const char *p = text; *p; ) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        line++;
        long bad = bad_utf8(p, n);
        if (bad >= 0) {     /* a line we cannot read is an error, never half an entry */
            dyad_dict_error(d, (dyad_src){ file, line }, "invalid UTF-8 at byte %ld of the line", bad + 1);
            goto next;
        }
        const char *hash = memchr(p, '#', n);
        size_t m = hash ? (size_t)(hash - p) : n;
        while (m > 0 && isspace((unsigned char)p[m - 1])) m--;
        size_t lead = 0;
        while (lead < m && isspace((unsigned char)p[lead])) lead++;
        if (lead < m) {
            if (lead == 0) finish_entry(d, &e, file);
            else if (!e.nseg) { dyad_dict_error(d, (dyad_src){ file, line }, "indented line without an entry above it"); goto next; }
            if (append(&e, p + lead, m - lead, line) < 0) { dyad_dict_error(d, (dyad_src){ file, line }, "out of memory"); break; }
        }
    next:
        p += n;
        if (*p == '\n') p++;
    }
    finish_entry(d, &e, file);
    free(e.text);
    return dyad_dict_nerrors(d);
}

/* Read path, recording its entries (and errors) under `name`. */
static int load_file_named(dyad_dict *d, const char *path, const char *name);

int dyad_dict_load_file(dyad_dict *d, const char *path)
{
    return load_file_named(d, path, path);
}

static int load_file_named(dyad_dict *d, const char *path, const char *name)
{
    FILE *f = fopen(path, "rb");
    if (!f) return dyad_dict_error(d, (dyad_src){ name, 0 }, "cannot read %s: %s", path, strerror(errno)), dyad_dict_nerrors(d);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *b = realloc(buf, cap);
            if (!b) { free(buf); fclose(f); return dyad_dict_error(d, (dyad_src){ name, 0 }, "out of memory"), dyad_dict_nerrors(d); }
            buf = b;
        }
        memcpy(buf + len, tmp, n);
        len += n;
    }
    int rerr = ferror(f) ? errno : 0;
    fclose(f);
    if (rerr) { free(buf); return dyad_dict_error(d, (dyad_src){ path, 0 }, "cannot read: %s", strerror(rerr)), dyad_dict_nerrors(d); }
    if (!buf) return dyad_dict_nerrors(d);
    buf[len] = '\0';
    const char *nul = memchr(buf, '\0', len);
    if (nul) {      /* the string loader would stop there: refuse the file instead */
        int line = 1;
        for (const char *q = buf; q < nul; q++) line += *q == '\n';
        dyad_dict_error(d, (dyad_src){ name, line }, "NUL byte at offset %zu (binary file?)", (size_t)(nul - buf));
        free(buf);
        return dyad_dict_nerrors(d);
    }
    dyad_dict_load_string(d, name, buf);
    free(buf);
    return dyad_dict_nerrors(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void load_folder(dyad_dict *d, const char *dir, const char *sub)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    DIR *dh = opendir(path);
    if (!dh) return;
    char *names[4096];
    int n = 0;
    for (struct dirent *de; (de = readdir(dh)) != NULL && n < 4096; ) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt") && de->d_name[0] != '.') names[n++] = strdup(de->d_name);
    }
    closedir(dh);
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    for (int i = 0; i < n; i++) {
        if (names[i]) {
            char fp[4096 + 256];
            snprintf(fp, sizeof fp, "%s/%s", path, names[i]);
            load_file_named(d, fp, fp);
        }
        free(names[i]);
    }
}

int dyad_dict_load_dir(dyad_dict *d, const char *dir)
{
    load_folder(d, dir, "actors");
    load_folder(d, dir, "agents");
    load_folder(d, dir, "verbs");
    char p[4096];
    FILE *f;
    snprintf(p, sizeof p, "%s/sets.txt", dir);
    if ((f = fopen(p, "r")) != NULL) { fclose(f); load_file_named(d, p, p); }
    snprintf(p, sizeof p, "%s/discards.txt", dir);
    if ((f = fopen(p, "r")) != NULL) { fclose(f); load_file_named(d, p, p); }
    return dyad_dict_nerrors(d);
}
