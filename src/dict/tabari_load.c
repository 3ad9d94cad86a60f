/*
 * tabari_load.c — TABARI .actors and .agents files, .project files.
 *
 * .actors/.agents (manual 5.2-5.4): one entry a line, "PHRASE [CODE] ; note";
 * codes may be date-restricted ([CODE <YYMMDD], [CODE >YYMMDD],
 * [CODE YYMMDD-YYMMDD]) and compound ([GME/GMW]); synonyms follow their first
 * phrase as "+PHRASE" lines and indented "[...]" lines add codes to the group;
 * <NOUN>...</NOUN> and <ADJECTIVE>...</ADJECTIVE> list plain words. Agent codes
 * carry '~' where the actor code goes ("~GOV" suffixes, "NGO~" prefixes).
 * Lines starting with '#' or '/' are comments; "~FINISH" ends the file.
 * Every error is recorded as "file:line: message" and the line is skipped.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dict/tabari_impl.h"

typedef struct group {
    int32_t root0, nroot;     /* the group's roots are consecutive */
    int32_t code0, ncode;
    dyad_src src;
    int open;
} group;

static void trim(const char **b, const char **e)
{
    while (*b < *e && isspace((unsigned char)**b)) (*b)++;
    while (*e > *b && isspace((unsigned char)(*e)[-1])) (*e)--;
}

/* "---", "- - -", "###", "+++" are written with spaces in the manual. */
static const char *norm_code(dyad_tabari *t, const char *b, size_t n)
{
    char buf[128];
    size_t k = 0;
    int special = 1;
    for (size_t i = 0; i < n; i++) if (!strchr("-#+ ", b[i])) special = 0;
    for (size_t i = 0; i < n && k < sizeof buf - 1; i++)
        if (!(special && b[i] == ' ')) buf[k++] = b[i];
    return tb_strdup(t, buf, k);
}

/* Parse one "[...]" block's inside into c. 0 ok, -1 error recorded. */
static int parse_code(dyad_tabari *t, const char *b, const char *e, tb_code *c, dyad_src src, int agent)
{
    trim(&b, &e);
    if (b == e) return tb_err(t, src, "empty code []");
    const char *ce = b;
    /* the code: up to a blank, '<' or '>' (special codes may contain blanks) */
    int special = strchr("-#+", *b) != NULL;
    while (ce < e && (special ? (*ce == '-' || *ce == '#' || *ce == '+' || *ce == ' ')
                              : !isspace((unsigned char)*ce) && *ce != '<' && *ce != '>')) ce++;
    if (special) while (ce > b && ce[-1] == ' ') ce--;
    c->code = norm_code(t, b, (size_t)(ce - b));
    c->from = -1; c->to = -1;
    if (isdigit((unsigned char)*b) && !agent) {
        /* "[991201-010114]": a date where the code should be */
        return tb_err(t, src, "code block [%.*s] has no code", (int)(e - b), b);
    }
    const char *p = ce;
    while (p < e && isspace((unsigned char)*p)) p++;
    if (p == e) return 0;
    if (agent) return tb_err(t, src, "agent codes cannot have date restrictions");
    char d[32];
    size_t k = 0;
    for (; p < e && k < sizeof d - 1; p++) if (!isspace((unsigned char)*p)) d[k++] = *p;
    d[k] = '\0';
    if (d[0] == '<' || d[0] == '>') {
        int32_t v = dyad_tabari_date6(d + 1, k - 1);
        if (v < 0) return tb_err(t, src, "bad date restriction '%s' (want <YYMMDD or >YYMMDD)", d);
        if (d[0] == '<') { c->from = 0; c->to = v; }
        else { c->from = v; c->to = DYAD_DATE_MAX; }
        return 0;
    }
    char *dash = strchr(d, '-');
    if (!dash) return tb_err(t, src, "bad date restriction '%s'", d);
    int32_t a = dyad_tabari_date6(d, (size_t)(dash - d)), z = dyad_tabari_date6(dash + 1, strlen(dash + 1));
    if (a < 0 || z < 0) return tb_err(t, src, "bad date range '%s' (want YYMMDD-YYMMDD)", d);
    /* a range ending before it starts (CountryInfo's "270101-730717": 2027 to
     * 1973 under TABARI's 00-30 pivot) never applies, as in TABARI */
    c->from = a; c->to = z;
    return 0;
}

/* Parse every [..] block in [b, e) into t->codes. Returns count or -1. */
static int parse_codes(dyad_tabari *t, const char *b, const char *e, dyad_src src, int agent)
{
    int n = 0;
    const char *p = b;
    for (;;) {
        while (p < e && isspace((unsigned char)*p)) p++;
        if (p == e) break;
        if (*p != '[') return tb_err(t, src, "missing '[' before code (found '%c')", *p);
        const char *q = memchr(p, ']', (size_t)(e - p));
        if (!q) return tb_err(t, src, "missing ']' after code");
        tb_code c;
        if (parse_code(t, p + 1, q, &c, src, agent) < 0) return -1;
        if (agent && !strchr(c.code, '~'))
            return tb_err(t, src, "agent code [%s] lacks the '~' connector", c.code);
        if (TB_PUSH(t->codes, c) < 0) return -1;
        n++;
        p = q + 1;
    }
    return n;
}

static int close_group(dyad_tabari *t, group *g)
{
    if (!g->open) return 0;
    g->open = 0;
    if (g->ncode == 0) return tb_err(t, g->src, "actor without a code");
    /* a default code must come last: move unrestricted codes after restricted ones */
    for (int i = 0; i < g->nroot; i++) {
        tb_root *r = &t->roots.v[g->root0 + i];
        r->arg = g->code0;
        r->narg = g->ncode;
        r->parent = g->nroot > 1 ? g->root0 : -1;
    }
    return 0;
}

static int agent_root(dyad_tabari *t, int r, int code_idx)
{
    const char *code = t->codes.v[code_idx].code;
    t->codes.n--;                                /* agents keep their code in agentcodes */
    if (TB_PUSH(t->agentcodes, code) < 0) return -1;
    t->roots.v[r].arg = (int32_t)t->agentcodes.n - 1;
    t->roots.v[r].narg = 1;
    return 0;
}

static int actors_text(dyad_tabari *t, const char *file, const char *text, int agents)
{
    const char *fname = dyad_dict_file(t->d, file);
    int section = 0;                          /* 0, TB_NOUN, TB_ADJ */
    int section_line = 0;
    group g = {0};
    int line = 0;
    for (const char *p = text; *p; ) {
        const char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        const char *b = p, *e = eol;
        p = *eol ? eol + 1 : eol;
        line++;
        dyad_src src = { fname, line };
        if (e > b && e[-1] == '\r') e--;
        if (e - b >= 7 && !strncmp(b, "~FINISH", 7)) break;
        if (b == e || *b == '#' || *b == '/' || *b == '~') continue;
        const char *semi = memchr(b, ';', (size_t)(e - b));
        const char *ce = semi ? semi : e;     /* content end */
        const char *tb = b, *te = ce;
        trim(&tb, &te);
        if (tb == te) continue;
        if (*tb == '<') {
            char tag[32];
            size_t k = 0;
            for (const char *q = tb; q < te && k < sizeof tag - 1; q++) tag[k++] = (char)toupper((unsigned char)*q);
            tag[k] = '\0';
            close_group(t, &g);
            if (!strcmp(tag, "<NOUN>") || !strcmp(tag, "<NOUNS>")) { section = TB_NOUN; section_line = line; }
            else if (!strcmp(tag, "<ADJECTIVE>") || !strcmp(tag, "<ADJ>") || !strcmp(tag, "<ADJECTIVES>")) { section = TB_ADJ; section_line = line; }
            else if (!strcmp(tag, "</NOUN>") || !strcmp(tag, "</NOUNS>")) {
                if (section != TB_NOUN) tb_err(t, src, "</NOUN> without <NOUN>");
                section = 0;
            } else if (!strcmp(tag, "</ADJECTIVE>") || !strcmp(tag, "</ADJ>") || !strcmp(tag, "</ADJECTIVES>")) {
                if (section != TB_ADJ) tb_err(t, src, "</ADJECTIVE> without <ADJECTIVE>");
                section = 0;
            } else tb_err(t, src, "unknown section tag %s", tag);
            continue;
        }
        if (section) {
            char buf[512];
            size_t n = (size_t)(te - tb);
            if (n >= sizeof buf) { tb_err(t, src, "phrase too long"); continue; }
            if (memchr(tb, '[', n)) { tb_err(t, src, "nouns and adjectives take no code"); continue; }
            memcpy(buf, tb, n); buf[n] = '\0';
            tb_add_root(t, section, buf, src);
            continue;
        }
        if (*b == ' ' || *b == '\t') {            /* continuation: codes for the open group */
            if (!g.open) { tb_err(t, src, "indented code line without an actor before it"); continue; }
            int n = parse_codes(t, tb, te, src, 0);
            if (n > 0) g.ncode += n;
            continue;
        }
        int synonym = *tb == '+';
        if (synonym) {
            tb++;
            if (!g.open) { tb_err(t, src, "synonym '+' without an actor before it"); continue; }
        } else {
            close_group(t, &g);
        }
        const char *lb = memchr(tb, '[', (size_t)(te - tb));
        const char *rb = memchr(tb, ']', (size_t)(te - tb));
        if (rb && (!lb || rb < lb)) { tb_err(t, src, "missing '[' before code"); continue; }
        const char *pe = lb ? lb : te;
        const char *pb = tb;
        trim(&pb, &pe);
        char buf[512];
        size_t n = (size_t)(pe - pb);
        if (n == 0) { tb_err(t, src, "missing phrase before code"); continue; }
        if (n >= sizeof buf) { tb_err(t, src, "phrase too long"); continue; }
        memcpy(buf, pb, n); buf[n] = '\0';
        size_t code0 = t->codes.n;
        int ncode = lb ? parse_codes(t, lb, te, src, agents) : 0;
        if (ncode < 0) { t->codes.n = code0; continue; }
        if (agents) {
            if (ncode != 1) { tb_err(t, src, ncode ? "an agent takes one code" : "agent without a code"); t->codes.n = code0; continue; }
            int r = tb_add_root(t, TB_AGENT, buf, src);
            if (r < 0) { t->codes.n = code0; continue; }
            agent_root(t, r, (int)code0);
            continue;
        }
        int r = tb_add_root(t, TB_ACTOR, buf, src);
        if (r < 0) { t->codes.n = code0; continue; }
        if (synonym) {
            if ((int)t->roots.n - 1 != g.root0 + g.nroot) { tb_err(t, src, "synonym out of place"); continue; }
            g.nroot++;
            if (ncode) {
                /* codes on a synonym line join the group's (they are adjacent only if
                 * the group had none yet) */
                if (g.ncode == 0 || g.code0 + g.ncode == (int32_t)code0) { if (!g.ncode) g.code0 = (int32_t)code0; g.ncode += ncode; }
                else tb_err(t, src, "codes on a synonym line after the group's codes");
            }
        } else {
            g = (group){ .root0 = r, .nroot = 1, .code0 = (int32_t)code0, .ncode = ncode, .src = src, .open = 1 };
        }
    }
    close_group(t, &g);
    if (section) tb_err(t, (dyad_src){ fname, section_line }, "missing </%s>", section == TB_NOUN ? "NOUN" : "ADJECTIVE");
    t->compiled = 0;
    return dyad_tabari_nerrors(t);
}

int dyad_tabari_actors_string(dyad_tabari *t, const char *name, const char *text)
{
    /* the extension decides: *.agents files hold agents */
    size_t n = strlen(name);
    int agents = n >= 7 && !strcasecmp(name + n - 7, ".agents");
    return actors_text(t, name, text, agents);
}

int dyad_tabari_load_actors(dyad_tabari *t, const char *path)
{
    char *text = tb_read_file(t, path, NULL);
    if (!text) return dyad_tabari_nerrors(t);
    int rc = dyad_tabari_actors_string(t, path, text);
    free(text);
    return rc;
}

/* ---- .options ------------------------------------------------------------ */

int dyad_tabari_load_options(dyad_tabari *t, const char *path)
{
    char *text = tb_read_file(t, path, NULL);
    if (!text) return dyad_tabari_nerrors(t);
    const char *fname = dyad_dict_file(t->d, path);
    int line = 0;
    for (char *p = text; *p; ) {
        char *eol = strchr(p, '\n');
        if (eol) *eol = '\0';
        line++;
        char err[256];
        size_t n = strlen(p);
        if (n && p[n - 1] == '\r') p[n - 1] = '\0';
        if (dyad_tabari_option_line(&t->opts, p, err, sizeof err) < 0)
            tb_err(t, (dyad_src){ fname, line }, "%s", err);
        if (!eol) break;
        p = eol + 1;
    }
    free(text);
    return dyad_tabari_nerrors(t);
}

/* ---- .project -------------------------------------------------------------- */

static void join_dir(char *out, size_t n, const char *project, const char *file)
{
    const char *slash = strrchr(project, '/');
    if (file[0] == '/' || !slash) snprintf(out, n, "%s", file);
    else snprintf(out, n, "%.*s/%s", (int)(slash - project), project, file);
}

int dyad_tabari_load_project(dyad_tabari *t, const char *path)
{
    char *text = tb_read_file(t, path, NULL);
    if (!text) return dyad_tabari_nerrors(t);
    const char *fname = dyad_dict_file(t->d, path);
    static const char *const keys[] = { "<actorsfile>", "<agentsfile>", "<optionsfile>", "<verbsfile>", "<textfile>" };
    char files[5][8][1024];
    int nf[5] = {0};
    int line = 0;
    for (char *p = text; *p; ) {
        char *eol = strchr(p, '\n');
        if (eol) *eol = '\0';
        line++;
        for (int k = 0; k < 5; k++) {
            size_t kl = strlen(keys[k]);
            if (strncasecmp(p, keys[k], kl)) continue;
            char *v = p + kl;
            while (isspace((unsigned char)*v)) v++;
            char *ve = v + strcspn(v, " \t\r<");
            *ve = '\0';
            if (!*v) { tb_err(t, (dyad_src){ fname, line }, "%s without a file name", keys[k]); break; }
            if (nf[k] < 8) join_dir(files[k][nf[k]++], sizeof files[k][0], path, v);
        }
        if (!eol) break;
        p = eol + 1;
    }
    free(text);
    if (!nf[0] && !nf[3]) {
        t->nfatal++;
        tb_err(t, (dyad_src){ fname, 0 }, "project names no <actorsfile> or <verbsfile>");
    }
    for (int i = 0; i < nf[2]; i++) dyad_tabari_load_options(t, files[2][i]);
    for (int i = 0; i < nf[0]; i++) {
        char *a = tb_read_file(t, files[0][i], NULL);
        if (a) { actors_text(t, files[0][i], a, 0); free(a); }
    }
    for (int i = 0; i < nf[1]; i++) {
        char *a = tb_read_file(t, files[1][i], NULL);
        if (a) { actors_text(t, files[1][i], a, 1); free(a); }
    }
    for (int i = 0; i < nf[3]; i++) dyad_tabari_load_verbs(t, files[3][i]);
    if (nf[4]) t->textfile = tb_strdup(t, files[4][0], strlen(files[4][0]));
    return dyad_tabari_nerrors(t);
}
