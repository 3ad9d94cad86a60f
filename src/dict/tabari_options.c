/*
 * tabari_options.c — TABARI .options commands (manual chapter 8), one line at
 * a time, so that the validation suite's { OPTION: ... } records can reuse it.
 *
 * Understood: COMPLEX: (resets, then VERBS[n] ACTORS[n] PRONOUNS[n] CONJ[n]
 * COMMA[n] LATEVERB[n] NOACTPRIOR NOACTAFTER NOVERB NOSOURCE NOTARGET NOEVENT,
 * EXPLAIN/NOSAVE accepted), SET: CODE BY CLAUSE|SENTENCE, CODE ALL,
 * CONVERT AGENT(S) = bool, MINIMUM WORDS = n, TIME SHIFT = bool (other SET:
 * parameters are accepted and have no effect on coding), DEFAULT: OFF |
 * SOURCE [code] PRIOR TARGET [code] AFTER, COMMA: OFF | MIN = n MAX = n
 * EMIN = n EMAX = n BMIN = n BMAX = n. OUTPUT:, LABEL:, FORWARD:, NONEVENTS:,
 * ISSUES and OPTIONS only concern TABARI's output and menus and are accepted.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/tabari.h"

static int fail(char *err, size_t n, const char *msg, const char *arg)
{
    if (err && n) snprintf(err, n, msg, arg);
    return -1;
}

static void upcase(char *s) { for (; *s; s++) *s = (char)toupper((unsigned char)*s); }

static int boolval(const char *s, int *out)
{
    const char *eq = strchr(s, '=');
    if (!eq) return -1;
    eq++;
    while (isspace((unsigned char)*eq)) eq++;
    if (!strncmp(eq, "TRUE", 4) || !strncmp(eq, "ON", 2) || *eq == '1') { *out = 1; return 0; }
    if (!strncmp(eq, "FALSE", 5) || !strncmp(eq, "OFF", 3) || *eq == '0') { *out = 0; return 0; }
    return -1;
}

static int complex_cmd(tb_opts *o, char *s, char *err, size_t n)
{
    o->cplx_verbs = o->cplx_actors = o->cplx_pronouns = o->cplx_conj = o->cplx_comma = o->cplx_lateverb = 0;
    o->noactprior = o->noactafter = o->noverb = o->nosource = o->notarget = o->noevent = 0;
    static const struct { const char *name; size_t off; } nums[] = {
        { "VERBS", offsetof(tb_opts, cplx_verbs) }, { "ACTORS", offsetof(tb_opts, cplx_actors) },
        { "PRONOUNS", offsetof(tb_opts, cplx_pronouns) }, { "CONJ", offsetof(tb_opts, cplx_conj) },
        { "COMMA", offsetof(tb_opts, cplx_comma) }, { "LATEVERB", offsetof(tb_opts, cplx_lateverb) },
    };
    static const struct { const char *name; size_t off; } flags[] = {
        { "NOACTPRIOR", offsetof(tb_opts, noactprior) }, { "NOACTAFTER", offsetof(tb_opts, noactafter) },
        { "NOVERB", offsetof(tb_opts, noverb) }, { "NOSOURCE", offsetof(tb_opts, nosource) },
        { "NOTARGET", offsetof(tb_opts, notarget) }, { "NOEVENT", offsetof(tb_opts, noevent) },
        { "EXPLAIN", 0 }, { "NOSAVE", 0 }, { "OFF", 0 },
    };
    for (char *w = strtok(s, " \t"); w; w = strtok(NULL, " \t")) {
        int done = 0;
        char *br = strchr(w, '[');
        if (br) {
            for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
                size_t l = strlen(nums[i].name);
                if ((size_t)(br - w) != l || strncmp(w, nums[i].name, l)) continue;
                char *end;
                long v = strtol(br + 1, &end, 10);
                if (end == br + 1 || *end != ']' || v < 0 || v > 255) return fail(err, n, "COMPLEX: bad number in %s", w);
                *(int *)((char *)o + nums[i].off) = (int)v;
                done = 1;
            }
        } else {
            for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
                if (!strcmp(w, flags[i].name)) {
                    if (flags[i].off) *(int *)((char *)o + flags[i].off) = 1;
                    done = 1;
                }
        }
        if (!done) return fail(err, n, "COMPLEX: unknown condition %s", w);
    }
    return 0;
}

static int set_cmd(tb_opts *o, const char *s, char *err, size_t n)
{
    int b;
    if (!strncmp(s, "CODE BY SENT", 12)) { o->code_mode = 1; return 0; }
    if (!strncmp(s, "CODE BY CLAUSE", 14)) { o->code_mode = 0; return 0; }
    if (!strncmp(s, "CODE ALL", 8)) { o->code_mode = 2; return 0; }
    if (!strncmp(s, "CONVERT AGENT", 13)) {
        if (boolval(s, &b) < 0) return fail(err, n, "SET: %s needs = TRUE or = FALSE", s);
        o->convert_agents = b; return 0;
    }
    if (!strncmp(s, "TIME SHIFT", 10)) {
        if (boolval(s, &b) < 0) return fail(err, n, "SET: %s needs = TRUE or = FALSE", s);
        o->time_shift = b; return 0;
    }
    if (!strncmp(s, "SAME ACTORS", 11)) {
        if (boolval(s, &b) < 0) return fail(err, n, "SET: %s needs = TRUE or = FALSE", s);
        o->same_actors = b; return 0;
    }
    if (!strncmp(s, "MINIMUM WORDS", 13)) {
        const char *eq = strchr(s, '=');
        char *end;
        long v = eq ? strtol(eq + 1, &end, 10) : -1;
        if (!eq || end == eq + 1 || v < 0 || v > 1000) return fail(err, n, "SET: MINIMUM WORDS needs = a number%s", "");
        o->min_words = (int)v; return 0;
    }
    if (!strchr(s, '=')) return fail(err, n, "SET: unknown parameter %s", s);
    return 0;       /* output/usage/label parameters: no effect on coding */
}

static int read_code(const char **p, char *out, size_t n)
{
    const char *s = *p;
    while (isspace((unsigned char)*s)) s++;
    if (*s != '[') return -1;
    const char *e = strchr(s, ']');
    if (!e) return -1;
    size_t k = 0;
    for (const char *q = s + 1; q < e && k < n - 1; q++) if (!isspace((unsigned char)*q)) out[k++] = *q;
    out[k] = '\0';
    *p = e + 1;
    return k ? 0 : -1;
}

static int default_cmd(tb_opts *o, const char *s, char *err, size_t n)
{
    if (!strncmp(s, "OFF", 3)) { o->def_src[0] = o->def_tgt[0] = '\0'; o->def_prior = o->def_after = 0; return 0; }
    const char *p = s;
    while (*p) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) break;
        if (!strncmp(p, "SOURCE", 6)) {
            p += 6;
            if (read_code(&p, o->def_src, sizeof o->def_src) < 0) return fail(err, n, "DEFAULT: SOURCE needs a [code]%s", "");
        } else if (!strncmp(p, "TARGET", 6)) {
            p += 6;
            if (read_code(&p, o->def_tgt, sizeof o->def_tgt) < 0) return fail(err, n, "DEFAULT: TARGET needs a [code]%s", "");
        } else if (!strncmp(p, "PRIOR", 5)) { o->def_prior = 1; p += 5; }
        else if (!strncmp(p, "AFTER", 5)) { o->def_after = 1; p += 5; }
        else return fail(err, n, "DEFAULT: unexpected '%s'", p);
    }
    return 0;
}

static int comma_cmd(tb_opts *o, const char *s, char *err, size_t n)
{
    if (!strncmp(s, "OFF", 3)) { o->comma_off = 1; return 0; }
    static const struct { const char *k; size_t off; } keys[] = {
        { "EMIN", offsetof(tb_opts, comma_emin) }, { "EMAX", offsetof(tb_opts, comma_emax) },
        { "BMIN", offsetof(tb_opts, comma_bmin) }, { "BMAX", offsetof(tb_opts, comma_bmax) },
        { "MIN", offsetof(tb_opts, comma_min) }, { "MAX", offsetof(tb_opts, comma_max) },
    };
    const char *p = s;
    int any = 0;
    while (*p) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) break;
        size_t i;
        for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (!strncmp(p, keys[i].k, strlen(keys[i].k))) break;
        if (i == sizeof keys / sizeof keys[0]) return fail(err, n, "COMMA: unexpected '%s'", p);
        p += strlen(keys[i].k);
        while (isspace((unsigned char)*p)) p++;
        if (*p != '=') return fail(err, n, "COMMA: %s needs = value", keys[i].k);
        char *end;
        long v = strtol(p + 1, &end, 10);
        if (end == p + 1 || v < 0 || v > 1000) return fail(err, n, "COMMA: bad value for %s", keys[i].k);
        *(int *)((char *)o + keys[i].off) = (int)v;
        p = end;
        any = 1;
    }
    if (!any) return fail(err, n, "COMMA: needs OFF or MIN/MAX values%s", "");
    o->comma_off = 0;
    return 0;
}

int dyad_tabari_option_line(tb_opts *o, const char *line, char *err, size_t errlen)
{
    char buf[1024];
    const char *p = line;
    while (isspace((unsigned char)*p)) p++;
    if (!*p || (p[0] == '/' && p[1] == '/') || *p == '#' || *p == '~') return 0;
    snprintf(buf, sizeof buf, "%s", p);
    char *cm = strstr(buf, "//");
    if (cm) *cm = '\0';
    size_t n = strlen(buf);
    while (n && isspace((unsigned char)buf[n - 1])) buf[--n] = '\0';
    if (!n) return 0;
    upcase(buf);
    char *colon = strchr(buf, ':');
    char *arg = colon ? colon + 1 : buf + n;
    while (isspace((unsigned char)*arg)) arg++;
    if (colon) *colon = '\0';
    char *cmd = buf;
    for (size_t l = strlen(cmd); l && isspace((unsigned char)cmd[l - 1]); l--) cmd[l - 1] = '\0';
    if (!strcmp(cmd, "COMPLEX")) return complex_cmd(o, arg, err, errlen);
    if (!strcmp(cmd, "SET")) return set_cmd(o, arg, err, errlen);
    if (!strcmp(cmd, "DEFAULT")) return default_cmd(o, arg, err, errlen);
    if (!strcmp(cmd, "COMMA")) return comma_cmd(o, arg, err, errlen);
    if (!strcmp(cmd, "FORWARD")) {
        size_t l = strlen(arg);
        o->forward = !(l >= 3 && !strcmp(arg + l - 3, "OFF"));
        return 0;
    }
    if (!strcmp(cmd, "OUTPUT") || !strcmp(cmd, "LABEL") ||
        !strcmp(cmd, "NONEVENTS") || !strncmp(cmd, "ISSUE", 5) || !strcmp(cmd, "OPTIONS") ||
        !strcmp(cmd, "FREQUENCY") || !strcmp(cmd, "FREQ"))
        return 0;
    return fail(err, errlen, "unknown .options command '%s'", cmd);
}
