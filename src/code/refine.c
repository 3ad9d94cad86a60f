/*
 * refine.c — role-dependent event codes (data/refine.txt).
 *
 * CAMEO separates violent acts by who does them: a generic attack is conventional force
 * (190) when an army does it and unconventional violence (180) when insurgents or gunmen do;
 * security forces firing on their own protesters is repression (175); protesters setting fire
 * to buildings is a riot (145). Patterns code the verb; these rules then look at the roles of
 * the bound actors (the 3-letter blocks after the country: SOMREB, LBYCOP, PSEREBHMS) and
 * re-code the event. One rule per line:
 *
 *     refine 190 src REB|SEP|UAF tgt !MIL|COP|SPY -> 180
 *
 * CODES (`|`, a trailing `*` is a prefix: `19*`), then conditions, all of which must hold:
 *   src ROLES | tgt ROLES   the actor has one of the roles; `!ROLES`: none of them (a bare
 *                           country has no role: it satisfies `!...` and never a plain set)
 *   same | foreign          source and target are of the same country / of different ones
 *                           (both must be countries: IGO, NGO, MNC, IMG codes never are)
 *   mutual | oneway         the event is / is not one direction of a `sym` pattern
 *   after CODES             the clause already coded an event with the same source and the
 *                           same target country whose code is in CODES (one happening told
 *                           twice: "air strikes killed 40 people")
 * then `-> CODE` or `-> none` (the event is dropped). The first rule that applies wins; a
 * rule's result is not refined again. Unknown roles keep the pattern's code, which is the
 * precise default: a rule only fires on roles the text actually gave.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/refine.h"

#define MAXC 16     /* codes or roles per list */

typedef struct codeset { int n; char c[MAXC][6]; } codeset;       /* "190", "19*" */
typedef struct roleset { int n, neg; char r[MAXC][4]; } roleset;

typedef struct rrule {
    int line;
    codeset codes, after;
    roleset src, tgt;
    int has_src, has_tgt, has_after;
    int country;        /* 0 any, 1 same, 2 foreign */
    int dir;            /* 0 any, 1 mutual, 2 oneway */
    char to[6];         /* "" = none */
} rrule;

struct dyad_refine {
    rrule *r;
    int n, cap;
    char file[64];
};

static int fail(char *err, size_t errlen, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int fail(char *err, size_t errlen, const char *path, int line, const char *fmt, ...)
{
    if (!err || !errlen) return -1;
    int k = snprintf(err, errlen, "%s:%d: ", path, line);
    if (k < 0 || (size_t)k >= errlen) return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
    va_end(ap);
    return -1;
}

static int valid_code(const char *s, int star_ok)
{
    size_t n = strlen(s), d = 0;
    while (d < n && isdigit((unsigned char)s[d])) d++;
    if (d == n) return n >= 2 && n <= 4;
    return star_ok && d == n - 1 && s[d] == '*' && d >= 1 && d <= 3;
}

/* "190|19*|1823" -> set; 0 on success */
static int parse_codes(char *w, codeset *cs, int star_ok)
{
    cs->n = 0;
    for (char *save = NULL, *t = strtok_r(w, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
        if (cs->n == MAXC || !valid_code(t, star_ok)) return -1;
        snprintf(cs->c[cs->n++], sizeof cs->c[0], "%s", t);
    }
    return cs->n ? 0 : -1;
}

static int parse_roles(char *w, roleset *rs)
{
    rs->n = 0;
    rs->neg = *w == '!';
    if (rs->neg) w++;
    for (char *save = NULL, *t = strtok_r(w, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
        if (rs->n == MAXC || strlen(t) != 3) return -1;
        for (int i = 0; i < 3; i++) if (!isupper((unsigned char)t[i])) return -1;
        memcpy(rs->r[rs->n++], t, 4);
    }
    return rs->n ? 0 : -1;
}

static int parse_rule(char *s, rrule *r, const char *path, int line, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->line = line;
    char *save = NULL, *w = strtok_r(s, " \t\r\n", &save);
    if (!w || strcmp(w, "refine")) return fail(err, errlen, path, line, "expected 'refine CODES ... -> CODE'");
    if (!(w = strtok_r(NULL, " \t\r\n", &save)) || parse_codes(w, &r->codes, 1))
        return fail(err, errlen, path, line, "bad event code list '%s' (2-4 digits, '|', a trailing '*')", w ? w : "");
    for (;;) {
        w = strtok_r(NULL, " \t\r\n", &save);
        if (!w) return fail(err, errlen, path, line, "missing '-> CODE' (or '-> none')");
        if (!strcmp(w, "->")) break;
        if (!strcmp(w, "src") || !strcmp(w, "tgt")) {
            int is_src = w[0] == 's';
            char *v = strtok_r(NULL, " \t\r\n", &save);
            if (!v || parse_roles(v, is_src ? &r->src : &r->tgt))
                return fail(err, errlen, path, line, "bad role list after '%s' (3-letter codes, '|', a leading '!')",
                            is_src ? "src" : "tgt");
            if (is_src) r->has_src = 1; else r->has_tgt = 1;
        } else if (!strcmp(w, "same")) r->country = 1;
        else if (!strcmp(w, "foreign")) r->country = 2;
        else if (!strcmp(w, "mutual")) r->dir = 1;
        else if (!strcmp(w, "oneway")) r->dir = 2;
        else if (!strcmp(w, "after")) {
            char *v = strtok_r(NULL, " \t\r\n", &save);
            if (!v || parse_codes(v, &r->after, 1)) return fail(err, errlen, path, line, "bad code list after 'after'");
            r->has_after = 1;
        } else return fail(err, errlen, path, line, "unknown condition '%s'", w);
    }
    w = strtok_r(NULL, " \t\r\n", &save);
    if (!w) return fail(err, errlen, path, line, "missing the code after '->'");
    if (!strcmp(w, "none")) r->to[0] = '\0';
    else if (valid_code(w, 0)) snprintf(r->to, sizeof r->to, "%s", w);
    else return fail(err, errlen, path, line, "bad result code '%s'", w);
    if ((w = strtok_r(NULL, " \t\r\n", &save)) != NULL) return fail(err, errlen, path, line, "unexpected '%s' after the result", w);
    return 0;
}

dyad_refine *dyad_refine_load(const char *path, char *err, size_t errlen)
{
    if (err && errlen) err[0] = '\0';
    dyad_refine *r = calloc(1, sizeof *r);
    if (!r) { if (err) snprintf(err, errlen, "out of memory"); return NULL; }
    const char *base = strrchr(path, '/');
    snprintf(r->file, sizeof r->file, "%s", base ? base + 1 : path);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT) return r;    /* no rules: every pattern keeps its code */
        fail(err, errlen, path, 0, "cannot read: %s", strerror(errno));
        free(r);
        return NULL;
    }
    char buf[1024];
    int line = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        char *hash = strchr(buf, '#');
        if (hash) *hash = '\0';
        char *s = buf;
        while (*s && isspace((unsigned char)*s)) s++;
        if (!*s) continue;
        if (r->n == r->cap) {
            int cap = r->cap ? 2 * r->cap : 32;
            rrule *nr = realloc(r->r, (size_t)cap * sizeof *nr);
            if (!nr) { fail(err, errlen, path, line, "out of memory"); goto bad; }
            r->r = nr;
            r->cap = cap;
        }
        if (parse_rule(s, &r->r[r->n], path, line, err, errlen)) goto bad;
        r->n++;
    }
    fclose(f);
    return r;
bad:
    fclose(f);
    dyad_refine_free(r);
    return NULL;
}

void dyad_refine_free(dyad_refine *r)
{
    if (!r) return;
    free(r->r);
    free(r);
}

int dyad_refine_count(const dyad_refine *r) { return r ? r->n : 0; }

const char *dyad_refine_file(const dyad_refine *r) { return r ? r->file : ""; }

static int code_in(const codeset *cs, const char *code)
{
    for (int i = 0; i < cs->n; i++) {
        const char *c = cs->c[i];
        size_t n = strlen(c);
        if (c[n - 1] == '*' ? !strncmp(code, c, n - 1) : !strcmp(code, c)) return 1;
    }
    return 0;
}

/* Does the actor code carry the role? Roles are the 3-letter blocks after the first. */
static int has_role(const char *code, const char *role)
{
    size_t n = strlen(code);
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (!strncmp(code + i, role, 3)) return 1;
    return 0;
}

static int roles_ok(const roleset *rs, const char *code)
{
    int any = 0;
    for (int i = 0; i < rs->n && !any; i++) any = has_role(code, rs->r[i]);
    return rs->neg ? !any : any;
}

/* A country code opens the actor code (not an IGO/NGO/MNC/international group). */
static int country(const char *code)
{
    if (strlen(code) < 3) return 0;
    static const char *const non[] = { "IGO", "NGO", "MNC", "IMG" };
    for (size_t i = 0; i < sizeof non / sizeof non[0]; i++) if (!strncmp(code, non[i], 3)) return 0;
    return 1;
}

static int holds(const rrule *r, const char *code, const char *src, const char *tgt, int mutual,
                 const dyad_refine_prior *prior, int nprior)
{
    if (!code_in(&r->codes, code)) return 0;
    if (r->has_src && !roles_ok(&r->src, src)) return 0;
    if (r->has_tgt && !roles_ok(&r->tgt, tgt)) return 0;
    if (r->country) {
        if (!country(src) || !country(tgt)) return 0;
        int same = !strncmp(src, tgt, 3);
        if ((r->country == 1) != same) return 0;
    }
    if (r->dir && (r->dir == 1) != (mutual != 0)) return 0;
    if (r->has_after) {
        int found = 0;
        for (int i = 0; i < nprior && !found; i++)
            found = !strcmp(prior[i].src, src) && !strncmp(prior[i].tgt, tgt, 3) && code_in(&r->after, prior[i].code);
        if (!found) return 0;
    }
    return 1;
}

const char *dyad_refine_apply(const dyad_refine *r, const char *code, const char *src, const char *tgt, int mutual,
                              const dyad_refine_prior *prior, int nprior, int *line)
{
    if (line) *line = 0;
    if (!r || !code || !src || !tgt) return code;
    for (int i = 0; i < r->n; i++) {
        if (!holds(&r->r[i], code, src, tgt, mutual, prior, nprior)) continue;
        if (line) *line = r->r[i].line;
        return r->r[i].to;
    }
    return code;
}
