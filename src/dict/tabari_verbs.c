/*
 * tabari_verbs.c — TABARI .verbs files (manual 5.5-5.7).
 *
 *   <SYNSETS> &NAME / +member phrase ... </SYNSETS>   synonym sets
 *   <TIME> ... </TIME>          time-shift roots and patterns ([+7], [-30])
 *   VERB [code]                 a verb root (stem unless it ends in '_');
 *                               the code is optional ("ADVISE" + patterns)
 *   {FORM_ FORM_}               irregular forms of the last root
 *   - words * words [code]      a pattern of the last root: '*' the verb,
 *                               $ source, + target, % compound both, ^ skip
 *                               an actor, &SET, { a | b } alternatives
 * Codes: "064", paired "032:033", subordinate "023?", dominant "111!", null
 * "---", discard "###", complex "+++". Patterns are tried longest first
 * (TABARI's length: letters of the fixed words plus the longest alternative).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dict/tabari_impl.h"

static void trim(const char **b, const char **e)
{
    while (*b < *e && isspace((unsigned char)**b)) (*b)++;
    while (*e > *b && isspace((unsigned char)(*e)[-1])) (*e)--;
}

static const char *code_of(dyad_tabari *t, const char *lb, const char *e, dyad_src src)
{
    const char *rb = memchr(lb, ']', (size_t)(e - lb));
    if (!rb) { tb_err(t, src, "missing ']' after code"); return NULL; }
    const char *b = lb + 1, *ce = rb;
    trim(&b, &ce);
    if (b == ce) { tb_err(t, src, "empty code []"); return NULL; }
    char buf[64];
    size_t k = 0;
    int special = 1;
    for (const char *q = b; q < ce; q++) if (!strchr("-#+ ", *q)) special = 0;
    for (const char *q = b; q < ce && k < sizeof buf - 1; q++)
        if (!isspace((unsigned char)*q)) buf[k++] = *q;
    (void)special;
    const char *after = rb + 1;
    while (after < e && isspace((unsigned char)*after)) after++;
    if (after < e) { tb_err(t, src, "text after the code: '%.*s'", (int)(e - after), after); return NULL; }
    return tb_strdup(t, buf, k);
}

static int lit_len_seq(const dyad_tabari *t, tb_seq q, int *maxalt)
{
    int len = 0;
    for (int i = 0; i < q.n; i++) {
        const tb_pel *e = &t->elems.v[q.off + i];
        if (e->kind == TB_P_LIT) len += (int)t->litlen.v[e->arg];
        else if (e->kind == TB_P_ALT) {
            int best = 0;
            for (int a = 0; a < e->narg; a++) {
                int l = lit_len_seq(t, t->alts.v[e->arg + a], NULL);
                if (l > best) best = l;
            }
            len += best;
            if (maxalt) *maxalt += best;
        }
    }
    return len;
}

static int add_pattern(dyad_tabari *t, int verb, const char *b, const char *e, dyad_src src)
{
    const char *semi = memchr(b, ';', (size_t)(e - b));
    if (semi) e = semi;
    const char *lb = memchr(b, '[', (size_t)(e - b));
    if (!lb) return tb_err(t, src, "pattern without a [code]");
    const char *code = code_of(t, lb, e, src);
    if (!code) return -1;
    const char *pb = b, *pe = lb;
    trim(&pb, &pe);
    if (pb == pe) return tb_err(t, src, "empty pattern");
    tb_seq q = tb_parse_phrase(t, pb, (size_t)(pe - pb), 1, src);
    if (q.off < 0) return -1;
    int nverb = 0, verbpos = -1;
    for (int i = 0; i < q.n; i++)
        if (t->elems.v[q.off + i].kind == TB_P_VERB) { nverb++; verbpos = i; }
    for (int i = 0; i < q.n; i++) {
        const tb_pel *el = &t->elems.v[q.off + i];
        if (el->kind != TB_P_ALT) continue;
        for (int a = 0; a < el->narg; a++) {
            tb_seq s = t->alts.v[el->arg + a];
            for (int k = 0; k < s.n; k++)
                if (t->elems.v[s.off + k].kind == TB_P_VERB) return tb_err(t, src, "'*' inside { } alternatives");
        }
    }
    if (nverb == 0) return tb_err(t, src, "pattern without the verb marker '*'");
    if (nverb > 1) return tb_err(t, src, "pattern with more than one '*'");
    tb_pattern p = { .src = src, .seq = q, .verbpos = verbpos, .code = code,
                     .text = tb_strdup(t, pb, (size_t)(pe - pb)) };
    p.length = lit_len_seq(t, q, &p.maxalt);
    for (int i = 0; i < q.n; i++)
        if (t->elems.v[q.off + i].kind == TB_P_LIT) {
            uint32_t b = TB_LITBIT(t->elems.v[q.off + i].arg);
            p.need[b >> 6] |= 1ULL << (b & 63);
        }
    if (TB_PUSH(t->pats, p) < 0) return -1;
    tb_verb *v = &t->verbs.v[verb];
    if (v->pat0 + v->npat != (int32_t)t->patorder.n)
        return tb_err(t, src, "patterns of a verb must follow it");
    if (TB_PUSH(t->patorder, (int32_t)t->pats.n - 1) < 0) return -1;
    t->verbs.v[verb].npat++;
    return 0;
}

static int add_verb(dyad_tabari *t, int type, const char *b, const char *e, dyad_src src)
{
    const char *semi = memchr(b, ';', (size_t)(e - b));
    if (semi) e = semi;
    const char *lb = memchr(b, '[', (size_t)(e - b));
    const char *rb = memchr(b, ']', (size_t)(e - b));
    if (rb && (!lb || rb < lb)) return tb_err(t, src, "missing '[' before code");
    const char *code = NULL;
    if (lb && !(code = code_of(t, lb, e, src))) return -1;
    const char *pb = b, *pe = lb ? lb : e;
    trim(&pb, &pe);
    char buf[512];
    size_t n = (size_t)(pe - pb);
    if (n == 0) return tb_err(t, src, "missing verb before code");
    if (n >= sizeof buf) return tb_err(t, src, "verb phrase too long");
    memcpy(buf, pb, n); buf[n] = '\0';
    if (strpbrk(buf, "*$+%^{}|&")) return tb_err(t, src, "verb root '%s' contains a pattern token (patterns start with '-')", buf);
    int r = tb_add_root(t, type, buf, src);
    if (r < 0) return -1;
    tb_verb v = { .code = code, .pat0 = (int32_t)t->patorder.n, .npat = 0 };
    if (TB_PUSH(t->verbs, v) < 0) return -1;
    t->roots.v[r].arg = (int32_t)t->verbs.n - 1;
    return (int)t->verbs.n - 1;
}

static int add_forms(dyad_tabari *t, int verb, int type, const char *b, const char *e, dyad_src src)
{
    const char *rb = memchr(b, '}', (size_t)(e - b));
    if (!rb) return tb_err(t, src, "missing '}' after verb forms");
    if (verb < 0) return tb_err(t, src, "verb forms before any verb");
    const char *p = b + 1;
    int n = 0;
    while (p < rb) {
        while (p < rb && isspace((unsigned char)*p)) p++;
        const char *w = p;
        while (p < rb && !isspace((unsigned char)*p)) p++;
        if (p == w) break;
        char buf[256];
        size_t k = (size_t)(p - w);
        if (k >= sizeof buf) return tb_err(t, src, "verb form too long");
        memcpy(buf, w, k); buf[k] = '\0';
        int r = tb_add_root(t, type, buf, src);
        if (r < 0) return -1;
        t->roots.v[r].arg = verb;
        n++;
    }
    if (!n) return tb_err(t, src, "no verb forms inside { }");
    return 0;
}

static int add_synmember(dyad_tabari *t, int set, const char *b, const char *e, dyad_src src)
{
    const char *semi = memchr(b, ';', (size_t)(e - b));
    if (semi) e = semi;
    trim(&b, &e);
    if (b == e) return tb_err(t, src, "empty synset member");
    if (memchr(b, '*', (size_t)(e - b))) return tb_err(t, src, "'*' in a synset member");
    /* a member naming its own set would recurse forever */
    tb_synset *s = &t->synsets.v[set];
    for (const char *q = b; (q = memchr(q, '&', (size_t)(e - q))); q++) {
        size_t n = strlen(s->name);
        if ((size_t)(e - q - 1) >= n && !strncasecmp(q + 1, s->name, n) &&
            (q + 1 + n == e || !isalnum((unsigned char)q[1 + n])))
            return tb_err(t, src, "synset &%s refers to itself", s->name);
    }
    tb_seq q = tb_parse_phrase(t, b, (size_t)(e - b), 1, src);
    if (q.off < 0) return -1;
    if (t->synsets.v[set].mem0 + t->synsets.v[set].nmem != (int32_t)t->synmem.n)
        return tb_err(t, src, "synset members must follow their &NAME");
    if (TB_PUSH(t->synmem, q) < 0) return -1;
    t->synsets.v[set].nmem++;
    return 0;
}

int dyad_tabari_verbs_string(dyad_tabari *t, const char *name, const char *text)
{
    const char *fname = dyad_dict_file(t->d, name);
    enum { S_NONE, S_SYN, S_TIME } sec = S_NONE;
    int sec_line = 0, verb = -1, set = -1, line = 0;
    for (const char *p = text; *p; ) {
        const char *eol = strchr(p, '\n');
        if (!eol) eol = p + strlen(p);
        const char *b = p, *e = eol;
        p = *eol ? eol + 1 : eol;
        line++;
        dyad_src src = { fname, line };
        if (e > b && e[-1] == '\r') e--;
        if (e - b >= 7 && !strncmp(b, "~FINISH", 7)) break;
        const char *tb = b, *te = e;
        trim(&tb, &te);
        if (tb == te || *tb == '#' || *tb == '/' || *tb == ';' || *tb == '~') continue;
        if (*tb == '<') {
            char tag[32];
            size_t k = 0;
            for (const char *q = tb; q < te && k < sizeof tag - 1 && *q != ' '; q++) tag[k++] = (char)toupper((unsigned char)*q);
            tag[k] = '\0';
            if (!strcmp(tag, "<SYNSETS>") || !strcmp(tag, "<SYNSET>")) { sec = S_SYN; sec_line = line; set = -1; }
            else if (!strcmp(tag, "</SYNSETS>") || !strcmp(tag, "</SYNSET>")) {
                if (sec != S_SYN) tb_err(t, src, "%s without <SYNSETS>", tag);
                sec = S_NONE;
            } else if (!strcmp(tag, "<TIME>")) { sec = S_TIME; sec_line = line; verb = -1; }
            else if (!strcmp(tag, "</TIME>")) {
                if (sec != S_TIME) tb_err(t, src, "</TIME> without <TIME>");
                sec = S_NONE; verb = -1;
            } else tb_err(t, src, "unknown section tag %s", tag);
            continue;
        }
        if (sec == S_SYN) {
            if (*tb == '&') {
                const char *ne = tb + 1;
                while (ne < te && (isalnum((unsigned char)*ne) || *ne == '-' || *ne == '_')) ne++;
                if (ne == tb + 1) { tb_err(t, src, "synset without a name"); continue; }
                if (tb_synset_find(t, tb + 1, (size_t)(ne - tb - 1)) >= 0) { tb_err(t, src, "synset &%.*s defined twice", (int)(ne - tb - 1), tb + 1); set = -1; continue; }
                tb_synset s = { tb_strdup(t, tb + 1, (size_t)(ne - tb - 1)), (int32_t)t->synmem.n, 0 };
                if (TB_PUSH(t->synsets, s) < 0) return dyad_tabari_nerrors(t);
                set = (int)t->synsets.n - 1;
            } else if (*tb == '+') {
                if (set < 0) { tb_err(t, src, "synset member before any &NAME"); continue; }
                add_synmember(t, set, tb + 1, te, src);
            } else tb_err(t, src, "synset lines start with '&' or '+'");
            continue;
        }
        int type = sec == S_TIME ? TB_TIME : TB_VERB;
        if (*tb == '-') {
            if (verb < 0) { tb_err(t, src, "pattern before any verb"); continue; }
            add_pattern(t, verb, tb + 1, te, src);
        } else if (*tb == '{') {
            add_forms(t, verb, type, tb, te, src);
        } else if (*b == ' ' || *b == '\t') {
            tb_err(t, src, "unexpected indented line (patterns start with '-')");
        } else {
            int v = add_verb(t, type, tb, te, src);
            verb = v >= 0 ? v : -1;
        }
    }
    if (sec != S_NONE) tb_err(t, (dyad_src){ fname, sec_line }, "missing %s", sec == S_SYN ? "</SYNSETS>" : "</TIME>");
    t->compiled = 0;
    return dyad_tabari_nerrors(t);
}

int dyad_tabari_load_verbs(dyad_tabari *t, const char *path)
{
    char *text = tb_read_file(t, path, NULL);
    if (!text) return dyad_tabari_nerrors(t);
    int rc = dyad_tabari_verbs_string(t, path, text);
    free(text);
    return rc;
}
