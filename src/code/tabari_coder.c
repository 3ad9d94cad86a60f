/*
 * tabari_coder.c — TABARI's coder (manual 5.5-5.8, 6.6, 7.6-7.9) over a
 * parsed sentence (tabari_parse.c).
 *
 * Per conjunction clause (SET: CODE BY CLAUSE, the default; or the first
 * event of the sentence, or every verb), each verb's patterns are tried
 * longest first: the words after '*' are matched forwards from the verb, the
 * words before it backwards; '$' '+' '%' take the actors found there. The
 * first pattern that matches gives the code (a pattern with { | }
 * alternatives only wins if no longer pattern matches); else the verb's own
 * code. Missing sources are the first actor of the clause (whose code differs
 * from the target's), missing targets the first actor after the verb, else
 * before it; "WAS/WERE/BEEN verb ... BY" swaps them (passive). Compound
 * actors and coded compounds (A/B) give one event per pair; paired codes
 * (032:033) add the reverse event; subordinate codes (023?) survive only
 * alone, dominant ones (111!) alone; [---] codes nothing, [###] discards the
 * sentence, [+++] marks it complex. Agents adjacent to an actor ("Ruritania's
 * president", "president of Ruritania") add their role code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/tabari_coder.h"
#include "util/civil.h"

typedef struct actor {
    const char *code;           /* resolved actor code (may hold '/'), NULL none */
    const char *agent;          /* agent code with its '~', NULL none */
    int where;                  /* word index; -2 default actor; -1 empty */
    int root;
} actor;

typedef struct raw_event {
    actor src, tgt;
    char code[16];
    uint8_t sub, dom;
    dyad_src rule;
    int verb;
} raw_event;

typedef struct coder {
    tb_parse *p;
    const dyad_tabari *t;
    const tb_opts *o;
    int cs, ce;                 /* clause bounds */
    actor src, tgt;
    int regular_src, regular_tgt, passive;
    int idx_src, idx_tgt, idx_cmp;
    int lenalt, incond;
    raw_event ev[TB_MAX_EVENTS];
    int nev;
    uint64_t litmask[4];        /* TB_LITBIT of the literals present in the sentence */
} coder;

static const actor NO_ACTOR = { NULL, NULL, -1, -1 };

static int str_eq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return !strcmp(a, b);
}
static int actor_empty(const actor *a) { return a->where == -1 && !a->code && !a->agent; }
static int actor_equal(const actor *a, const actor *b)
{
    return str_eq(a->code, b->code) && str_eq(a->agent, b->agent) && actor_empty(a) == actor_empty(b);
}

/* ---- actors ---------------------------------------------------------------- */

static void actor_codes(coder *c, int loc, actor *out)
{
    tb_parse *p = c->p;
    int guard = 0;
    while (p->ref[loc] >= 0 && guard++ < 8) loc = p->ref[loc];
    int r = p->iroot[loc];
    *out = NO_ACTOR;
    if (r < 0) return;
    const tb_root *root = dyad_tabari_root(c->t, r);
    out->root = r;
    out->where = loc;
    if (root->type == TB_ACTOR) {
        out->code = dyad_tabari_actor_code(c->t, root, p->date);
        if (!out->code) out->code = "---";
    } else if (root->type == TB_AGENT) {
        out->code = "";
        out->agent = dyad_tabari_agent_code(c->t, root->arg);
    }
}

static int actor_tail(const coder *c, int loc)
{
    const tb_parse *p = c->p;
    if (p->ref[loc] >= 0) return loc;
    int h = p->rhead[loc] >= 0 ? p->rhead[loc] : loc;
    return p->rtail[h] >= 0 ? p->rtail[h] : loc;
}

static void find_agent(coder *c, int loc, actor *a)
{
    tb_parse *p = c->p;
    int tloc = actor_tail(c, loc);
    int former_root = dyad_tabari_root_former(c->t);
    int former = 0;
    if (tloc + 1 < p->n && p->wtype[tloc + 1] == TB_ADJ && p->iroot[tloc + 1] == former_root) { former = 1; tloc++; }
    if (!former && loc > 0 && p->wtype[loc - 1] == TB_ADJ && p->iroot[loc - 1] == former_root) former = 1;
    if (tloc + 1 < p->n && p->wtype[tloc + 1] == TB_AGENT && p->htag[tloc + 1] == TB_AGENT) {
        const tb_root *r = dyad_tabari_root(c->t, p->iroot[tloc + 1]);
        a->agent = former ? "~ELI" : dyad_tabari_agent_code(c->t, r->arg);
        return;
    }
    int l = loc;
    if (l > 0 && p->wtype[l - 1] == TB_PREP) l--;
    if (l > 0 && p->wtype[l - 1] == TB_AGENT) {
        int h = p->rhead[l - 1];
        if (h >= 0 && p->rtail[h] == l - 1 && p->htag[h] == TB_AGENT) {
            if (!former && h > 0 && p->wtype[h - 1] == TB_ADJ && p->iroot[h - 1] == former_root) former = 1;
            const tb_root *r = dyad_tabari_root(c->t, p->iroot[h]);
            a->agent = former ? "~ELI" : dyad_tabari_agent_code(c->t, r->arg);
            return;
        }
    }
    if (a->code && a->code[0]) a->agent = NULL;
}

static int actor_head(const coder *c, int loc)
{
    const tb_parse *p = c->p;
    if (p->ref[loc] >= 0) return p->ref[loc];   /* a pronoun stands for its actor */
    return p->rhead[loc] >= 0 ? p->rhead[loc] : -1;
}

static int find_actor(coder *c, int loc, actor *a)
{
    tb_parse *p = c->p;
    for (; loc <= c->ce; loc++)
        if (p->wtype[loc] == TB_ACTOR && p->htag[loc] == TB_ACTOR) {
            actor_codes(c, loc, a);
            find_agent(c, loc, a);
            return loc;
        }
    return -1;
}

static int back_actor(coder *c, int loc, actor *a)
{
    tb_parse *p = c->p;
    for (; loc >= c->cs; loc--)
        if (p->wtype[loc] == TB_ACTOR) {
            int h = actor_head(c, loc);
            if (h < 0) return -1;
            actor_codes(c, h, a);
            find_agent(c, h, a);
            return h;
        }
    return -1;
}

static void default_actor(coder *c, actor *a, const char *code)
{
    *a = NO_ACTOR;
    a->code = code;
    a->where = -2;
    (void)c;
}

static void regular_source(coder *c, int verb)
{
    int loc = c->cs;
    actor a;
    for (;;) {
        int f = find_actor(c, loc, &a);
        if (f < 0) break;
        if (c->o->def_prior && c->o->def_src[0] && f > verb) { default_actor(c, &c->src, c->o->def_src); c->regular_src = 1; return; }
        if (!actor_equal(&a, &c->tgt)) { c->src = a; c->regular_src = 1; return; }
        loc = f + 1;
    }
    if (c->o->def_src[0]) { default_actor(c, &c->src, c->o->def_src); c->regular_src = 1; }
}

static void regular_target(coder *c, int verb)
{
    actor a;
    int loc = verb + 1;
    for (;;) {
        int f = find_actor(c, loc, &a);
        if (f < 0) break;
        if (!actor_equal(&a, &c->src)) { c->tgt = a; c->regular_tgt = 1; return; }
        loc = f + 1;
    }
    if (c->o->def_after && c->o->def_tgt[0]) { default_actor(c, &c->tgt, c->o->def_tgt); c->regular_tgt = 1; return; }
    loc = verb - 1;
    for (;;) {
        int f = back_actor(c, loc, &a);
        if (f < 0) break;
        if (!actor_equal(&a, &c->src)) { c->tgt = a; return; }
        loc = f - 1;
    }
    if ((c->src.code && strchr(c->src.code, '/')) || (c->src.where >= 0 && c->p->compd[c->src.where]))
        c->tgt = c->src;
    else if (c->o->def_tgt[0]) default_actor(c, &c->tgt, c->o->def_tgt);
}

static int check_passive(coder *c, int verb)
{
    tb_parse *p = c->p;
    int by = 0;
    for (int k = 1; k <= 3; k++) if (verb + k < p->n && p->wtype[verb + k] == TB_BYWORD) by = 1;
    if (!by) return 0;
    if ((verb > 0 && p->wtype[verb - 1] == TB_AUXIL) || (verb > 1 && p->wtype[verb - 2] == TB_AUXIL)) {
        c->passive = 1;
        return 1;
    }
    return 0;
}

/* ---- events ---------------------------------------------------------------- */

static void put_event(coder *c, const char *code, dyad_src rule, int verb, const actor *s, const actor *t)
{
    char one[16], pair[16];
    const char *colon = strchr(code, ':');
    if (colon) {
        snprintf(one, sizeof one, "%.*s", (int)(colon - code), code);
        snprintf(pair, sizeof pair, "%s", colon + 1);
    } else {
        snprintf(one, sizeof one, "%s", code);
        pair[0] = '\0';
    }
    for (int k = 0; k < 2; k++) {
        const char *cc = k ? pair : one;
        if (!cc[0] || c->nev >= TB_MAX_EVENTS) break;
        raw_event *e = &c->ev[c->nev++];
        memset(e, 0, sizeof *e);
        e->src = k ? *t : *s;
        e->tgt = k ? *s : *t;
        size_t l = strlen(cc);
        e->sub = l && cc[l - 1] == '?';
        e->dom = l && cc[l - 1] == '!';
        snprintf(e->code, sizeof e->code, "%.*s", (int)(l - (e->sub || e->dom)), cc);
        e->rule = rule;
        e->verb = verb;
    }
}

/* The actors of the compound starting or containing position w. */
static int compound_members(coder *c, int w, int *out, int max)
{
    /* as in TABARI, only an actor standing at the head of a compound expands
     * into its members; an actor inside one is itself alone */
    tb_parse *p = c->p;
    int h = w;
    /* nor does a forwarded compound (after Halt): TABARI's tail check stops at
     * the end of the sentence, so "they" gets the compound's first actor */
    if (h >= p->n || !p->cmp_head[h]) return 0;
    int id = p->cmp_head[h], n = 0;
    for (int k = h; k < p->ntot && n < max; k++) {
        if (p->wtype[k] == TB_ACTOR && p->htag[k] == TB_ACTOR) out[n++] = k;
        if (p->cmp_tail[k] == id) break;
    }
    return n;
}

static void make_event(coder *c, const char *code, dyad_src rule, int verb)
{
    if (!strcmp(code, "---")) return;
    if (actor_empty(&c->src)) regular_source(c, verb);
    if (actor_empty(&c->tgt)) regular_target(c, verb);
    if (actor_empty(&c->src) || actor_empty(&c->tgt)) return;
    if (c->regular_src && c->regular_tgt && check_passive(c, verb)) {
        actor tmp = c->src; c->src = c->tgt; c->tgt = tmp;
    }
    int sm[64], tm[64], ns = 0, nt = 0;
    if (c->src.where >= 0 && c->p->compd[c->src.where]) ns = compound_members(c, c->src.where, sm, 64);
    if (c->tgt.where >= 0 && c->p->compd[c->tgt.where]) nt = compound_members(c, c->tgt.where, tm, 64);
    for (int i = 0; i < (ns ? ns : 1); i++) {
        actor s = c->src;
        if (ns) { actor_codes(c, sm[i], &s); find_agent(c, sm[i], &s); }
        for (int j = 0; j < (nt ? nt : 1); j++) {
            actor t = c->tgt;
            if (nt) { actor_codes(c, tm[j], &t); find_agent(c, tm[j], &t); }
            put_event(c, code, rule, verb, &s, &t);
        }
    }
    if (!c->regular_src) c->src = NO_ACTOR;
    if (!c->regular_tgt) c->tgt = NO_ACTOR;
}

/* ---- pattern matching ------------------------------------------------------ */

static int seq_match(coder *c, const tb_pel *el, int n, int dir, int pos, int skip, int *endpos, uint8_t *lastconn);

static int in_bounds(const coder *c, int pos, int dir) { return dir > 0 ? pos <= c->ce && pos < c->p->n : pos >= 0; }

/* One element at pos: 0 no, 1 partial, 2 exact/actor. May move *pos. */
static int elem_at(coder *c, const tb_pel *e, int dir, int *pos)
{
    tb_parse *p = c->p;
    int at = *pos;
    switch (e->kind) {
    case TB_P_LIT: {
        int h = dyad_tabari_has_lit(p, at, e->arg);
        if (h && c->incond) c->lenalt += dyad_tabari_literal_len(c->t, e->arg);
        return h;
    }
    case TB_P_SRC: case TB_P_TGT: {
        if (p->wtype[at] != TB_ACTOR) return 0;
        int h = actor_head(c, at);
        if (h < 0) return 0;
        if (e->kind == TB_P_SRC) c->idx_src = h; else c->idx_tgt = h;
        return 2;
    }
    case TB_P_SKIPACT: {
        if (p->wtype[at] != TB_ACTOR) return 0;
        int h = actor_head(c, at);
        if (h < 0) return 0;
        *pos = dir > 0 ? (p->ref[at] >= 0 ? at : actor_tail(c, at)) : h;
        return 2;
    }
    case TB_P_CMP:
        if (!p->cmp_head[at]) return 0;
        c->idx_cmp = at;
        return 2;
    case TB_P_SYN: {
        const tb_synset *s = dyad_tabari_synset(c->t, e->arg);
        const tb_seq *mem = dyad_tabari_synmems(c->t);
        const tb_pel *all = dyad_tabari_elems(c->t);
        for (int m = 0; m < s->nmem; m++) {
            tb_seq q = mem[s->mem0 + m];
            int end;
            uint8_t lc;
            if (dir > 0) { if (seq_match(c, all + q.off, q.n, 1, at, 0, &end, &lc)) return 2; }
            else if (elem_at(c, all + q.off, -1, &at) == 2 ||
                     (elem_at(c, all + q.off, -1, &at) == 1 && (all[q.off].conn & TB_C_PART))) return 2;
        }
        return 0;
    }
    default:
        return 0;
    }
}

/* Match n elements from pos in direction dir (for dir < 0 the elements are
 * taken last to first). skip: words may be skipped before the first one. */
static int seq_match(coder *c, const tb_pel *el, int n, int dir, int pos, int skip, int *endpos, uint8_t *lastconn)
{
    const tb_pel *all = dyad_tabari_elems(c->t);
    const tb_seq *alts = dyad_tabari_alts(c->t);
    for (int s = 0; s < n; s++) {
        int i = dir > 0 ? s : n - 1 - s;
        const tb_pel *e = &el[i];
        uint8_t gapconn = e->conn;           /* connector toward the next element (forward) */
        if (!in_bounds(c, pos, dir)) return 0;
        if (e->kind == TB_P_ALT) {
            int ok = 0, save_len = c->lenalt, save_in = c->incond;
            for (int a = 0; a < e->narg && !ok; a++) {
                int ai = dir > 0 ? a : e->narg - 1 - a;
                tb_seq q = alts[e->arg + ai];
                int end;
                uint8_t lc = 0;
                c->lenalt = save_len;
                c->incond = 1;
                if (seq_match(c, all + q.off, q.n, dir, pos, skip, &end, &lc)) {
                    ok = 1;
                    pos = end;
                    if (dir > 0) gapconn = (uint8_t)((lc & TB_C_SKIP) && (e->conn & TB_C_SKIP) ? TB_C_SKIP : 0);
                }
            }
            c->incond = save_in;
            if (!ok) { c->lenalt = save_len; return 0; }
        } else if (e->kind == TB_P_SYN && dir < 0) {
            int at = pos;
            while (at >= 0 && elem_at(c, e, -1, &at) != 2) at--;
            if (at < 0) return 0;
            pos = at;
        } else {
            int full = e->kind != TB_P_LIT || !(e->conn & TB_C_PART);
            for (;;) {
                int at = pos;
                int r = elem_at(c, e, dir, &at);
                if (full ? r == 2 : r > 0) { pos = at; break; }
                if (!skip) return 0;
                pos += dir;
                if (!in_bounds(c, pos, dir)) return 0;
            }
        }
        if (s == n - 1) { *endpos = pos; if (lastconn) *lastconn = gapconn; return 1; }
        int next = dir > 0 ? i + 1 : i - 1;
        skip = dir > 0 ? (gapconn & TB_C_SKIP) != 0 : (el[next].conn & TB_C_SKIP) != 0;
        pos += dir;
    }
    *endpos = pos;
    return 1;
}

static int check_pattern(coder *c, const tb_pattern *pt, int verb)
{
    const tb_pel *el = dyad_tabari_elems(c->t) + pt->seq.off;
    int vp = pt->verbpos, end;
    c->lenalt = 0;
    c->incond = 0;
    int tail = c->p->rtail[verb] >= 0 ? c->p->rtail[verb] : verb;
    if (vp + 1 < pt->seq.n) {
        if (!seq_match(c, el + vp + 1, pt->seq.n - vp - 1, 1, tail + 1, (el[vp].conn & TB_C_SKIP) != 0, &end, NULL))
            return 0;
    }
    if (vp > 0) {
        if (!seq_match(c, el, vp, -1, verb - 1, (el[vp - 1].conn & TB_C_SKIP) != 0, &end, NULL))
            return 0;
    }
    return 1;
}

static void use_pattern_actors(coder *c)
{
    if (c->idx_src >= 0) { actor_codes(c, c->idx_src, &c->src); find_agent(c, c->idx_src, &c->src); }
    if (c->idx_tgt >= 0) { actor_codes(c, c->idx_tgt, &c->tgt); find_agent(c, c->idx_tgt, &c->tgt); }
    if (c->idx_cmp >= 0) { actor_codes(c, c->idx_cmp, &c->src); actor_codes(c, c->idx_cmp, &c->tgt); }
}

static void do_verb(coder *c, int verb)
{
    const tb_root *root = dyad_tabari_root(c->t, c->p->iroot[verb]);
    if (root->arg < 0) return;
    const tb_verb *v = dyad_tabari_verb(c->t, root->arg);
    c->tgt = NO_ACTOR;
    if (c->passive) { c->src = NO_ACTOR; c->passive = 0; }
    int got = 0, gotalt = 0, maxlen = 0, old = c->nev;
    for (int i = 0; i < v->npat && !got; i++) {
        const tb_pattern *pt = dyad_tabari_pattern(c->t, v, i);
        if (gotalt && pt->length <= maxlen) { got = 1; break; }
        if ((pt->need[0] & ~c->litmask[0]) | (pt->need[1] & ~c->litmask[1]) |
            (pt->need[2] & ~c->litmask[2]) | (pt->need[3] & ~c->litmask[3]))
            continue;                                /* a word it needs is not in the sentence */
        c->idx_src = c->idx_tgt = c->idx_cmp = -1;
        if (!check_pattern(c, pt, verb)) continue;
        int make = 0;
        if (c->lenalt) {
            gotalt = 1;
            if (pt->length + c->lenalt > maxlen) { make = 1; maxlen = pt->length - pt->maxalt + c->lenalt; }
        } else {
            gotalt = 0; got = 1; make = 1;
        }
        if (make) {
            use_pattern_actors(c);
            c->nev = old;
            make_event(c, pt->code, pt->src, verb);
        }
    }
    if (!got && v->code) make_event(c, v->code, root->src, verb);
}

static void check_verbs(coder *c)
{
    tb_parse *p = c->p;
    c->src = NO_ACTOR;
    c->passive = 0;
    int start_event = -1;       /* CODE BY SENTENCE: any event so far counts */
    for (int k = 0; k < p->nclause; k++) {
        c->cs = p->cl_start[k];
        c->ce = p->cl_end[k];
        if (c->ce - c->cs < 2) continue;
        if (c->cs > 0 && p->htag[c->cs] == TB_ACTOR) actor_codes(c, c->cs, &c->src);
        c->tgt = NO_ACTOR;
        int got = 0;
        if (p->o->code_mode == 0) start_event = c->nev - 1;
        for (int i = c->cs; i <= c->ce && i < p->n; ) {
            if (dyad_tabari_skip_sub(p, &i)) continue;
            if (p->htag[i] == TB_VERB && p->wtype[i] == TB_VERB) {
                do_verb(c, i);
                if (p->o->code_mode < 2) {
                    for (int e = start_event + 1; e < c->nev; e++)
                        if (!c->ev[e].sub) { got = 1; break; }
                    if (got && p->o->code_mode == 1) return;
                }
            }
            if (got) break;
            i++;
        }
    }
}

/* ---- results --------------------------------------------------------------- */

static void composite(char *out, size_t n, const char *code, const char *agent)
{
    if (!code) code = "";
    if (!agent) { snprintf(out, n, "%s", code); return; }
    if (!*code) { snprintf(out, n, "%s", agent); return; }     /* converted agent: "~MIL" */
    char ag[32];
    if (agent[0] == '~') {
        snprintf(ag, sizeof ag, "%s", agent + 1);
        const char *ps = *ag ? strstr(code, ag) : NULL;
        if (ps && (ps - code) % 3 == 0) snprintf(out, n, "%s", code);
        else snprintf(out, n, "%s%s", code, ag);
    } else {
        snprintf(ag, sizeof ag, "%s", agent);
        size_t l = strlen(ag);
        if (l && ag[l - 1] == '~') ag[l - 1] = '\0';
        const char *ps = *ag ? strstr(code, ag) : NULL;
        if (ps && (ps - code) % 3 == 0) snprintf(out, n, "%s", code);
        else snprintf(out, n, "%s%s", ag, code);
    }
}

static int split_codes(const char *code, char parts[][32], int max)
{
    int n = 0;
    const char *p = code ? code : "";
    for (;;) {
        const char *s = strchr(p, '/');
        size_t l = s ? (size_t)(s - p) : strlen(p);
        if (n < max) snprintf(parts[n++], 32, "%.*s", (int)l, p);
        if (!s) break;
        p = s + 1;
    }
    return n;
}

static int blank_code(const char *code, const char *agent)
{
    return (!code || !*code || !strcmp(code, "---")) && !agent;
}

static int last_word(const tb_parse *p, int w)
{
    if (w < 0 || w >= p->n) return w;
    return p->rtail[w] >= w ? p->rtail[w] : w;
}

static void finish(coder *c, tb_result *res)
{
    int has_dom = 0, non_sub = 0;
    for (int i = 0; i < c->nev; i++) {
        raw_event *e = &c->ev[i];
        if (!strcmp(e->code, "###")) { res->status = TB_DISCARD; snprintf(res->why, sizeof res->why, "discard code in verb pattern (%s:%d)", e->rule.file, e->rule.line); return; }
        if (!strcmp(e->code, "+++") || str_eq(e->src.code, "+++") || str_eq(e->tgt.code, "+++")) {
            res->status = TB_COMPLEX;
            snprintf(res->why, sizeof res->why, "complex code (%s:%d)", e->rule.file, e->rule.line);
            return;
        }
        if (e->dom) { has_dom = 1; non_sub = 1; break; }
        if (!e->sub) non_sub = 1;
    }
    for (int i = 0; i < c->nev; i++) {
        raw_event *e = &c->ev[i];
        if (has_dom && !e->dom) continue;
        if (!has_dom && non_sub && e->sub) continue;
        char sp[16][32], tp[16][32];
        int ns = split_codes(e->src.code, sp, 16), nt = split_codes(e->tgt.code, tp, 16);
        for (int a = 0; a < ns; a++)
            for (int b = 0; b < nt; b++) {
                const char *sc = e->src.code ? sp[a] : NULL, *tc = e->tgt.code ? tp[b] : NULL;
                if (blank_code(sc, e->src.agent) || blank_code(tc, e->tgt.agent)) continue;
                if (!c->o->same_actors && str_eq(sc, tc) && str_eq(e->src.agent, e->tgt.agent)) continue;
                tb_event out;
                memset(&out, 0, sizeof out);
                composite(out.src, sizeof out.src, sc, e->src.agent);
                composite(out.tgt, sizeof out.tgt, tc, e->tgt.agent);
                snprintf(out.code, sizeof out.code, "%s", e->code);
                out.rule = e->rule;
                out.src_word = e->src.where;
                out.tgt_word = e->tgt.where;
                out.verb_word = e->verb;
                out.src_last = last_word(c->p, e->src.where);
                out.tgt_last = last_word(c->p, e->tgt.where);
                out.verb_last = last_word(c->p, e->verb);
                int dup = 0;
                for (int k = 0; k < res->nev; k++)
                    if (!strcmp(res->ev[k].src, out.src) && !strcmp(res->ev[k].tgt, out.tgt) && !strcmp(res->ev[k].code, out.code)) dup = 1;
                if (!dup && res->nev < TB_MAX_EVENTS) res->ev[res->nev++] = out;
            }
    }
}

/* What this sentence forwards: its first compound and/or first actor. */
static void forward_out(const tb_parse *p, tb_forward *f)
{
    memset(f, 0, sizeof *f);
    f->actor = -1;
    f->valid = 1;
    for (int i = 0; i < p->n && f->actor < 0 && !f->ncmp; i++) {
        if (p->cmp_head[i]) {
            int id = p->cmp_head[i];
            for (int k = i; k < p->n; k++) {
                if (p->htag[k] == TB_ACTOR && p->ref[k] < 0 && f->ncmp < 16) f->cmp[f->ncmp++] = p->iroot[k];
                if (p->cmp_tail[k] == id) break;
            }
        }
        if (p->htag[i] == TB_ACTOR && p->ref[i] < 0 && p->iroot[i] >= 0 &&
            dyad_tabari_root(p->t, p->iroot[i])->type == TB_ACTOR) f->actor = p->iroot[i];
    }
}

/* Days since 1970-01-01 of a yyyymmdd date and back (util/civil.h). */
static long days_of(int32_t ymd)
{
    return dyad_days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

static int32_t ymd_of(long z)
{
    long y;
    int m, d;
    dyad_civil_from_days(z, &y, &m, &d);
    return (int32_t)(y * 10000 + m * 100 + d);
}

/* Apply a time code: +N/-N days shift the date; ### discards; +++ is complex;
 * --- (or no code) lets the search go on (0). */
static int time_code(const char *code, dyad_src src, tb_parse *p, tb_result *res)
{
    if (!code || !strcmp(code, "---")) return 0;
    if (!strcmp(code, "+++")) { res->status = TB_COMPLEX; snprintf(res->why, sizeof res->why, "complex code in time phrase (%s:%d)", src.file, src.line); return 1; }
    if (!strcmp(code, "###")) { res->status = TB_DISCARD; snprintf(res->why, sizeof res->why, "discard code in time phrase (%s:%d)", src.file, src.line); return 1; }
    char *end;
    long n = strtol(code, &end, 10);
    if (end == code || *end) return 0;
    if (p->date > 0) res->date = ymd_of(days_of(p->date) + n);
    return 1;
}

/* SET: TIME SHIFT = TRUE: the first time phrase (its patterns, then its own
 * code) shifts the events' date, or discards/complexes the sentence. */
static void check_time(coder *c, tb_result *res)
{
    tb_parse *p = c->p;
    c->cs = 0;
    c->ce = p->n - 1;
    for (int i = 0; i < p->n; i++) {
        if (p->htag[i] != TB_TIME) continue;
        const tb_root *r = dyad_tabari_root(c->t, p->iroot[i]);
        if (r->arg < 0) continue;
        const tb_verb *v = dyad_tabari_verb(c->t, r->arg);
        for (int k = 0; k < v->npat; k++) {
            const tb_pattern *pt = dyad_tabari_pattern(c->t, v, k);
            if (check_pattern(c, pt, i) && time_code(pt->code, pt->src, p, res)) return;
        }
        if (time_code(v->code, r->src, p, res)) return;
    }
}

void dyad_tabari_code_words(const dyad_tabari *t, const tb_opts *o, const tb_word *w, int nw,
                            int32_t date, dyad_arena *a, tb_result *res,
                            const tb_forward *fwd_in, tb_forward *fwd_out)
{
    memset(res, 0, sizeof *res);
    res->date = date;
    if (fwd_out) { memset(fwd_out, 0, sizeof *fwd_out); fwd_out->actor = -1; }
    if (nw == 0) { res->status = TB_NO_TEXT; return; }
    if (o->min_words && nw < o->min_words) {
        res->status = TB_TOO_SHORT;
        snprintf(res->why, sizeof res->why, "too few words (%d)", nw);
        return;
    }
    tb_parse p = { .t = t, .o = o, .w = w, .n = nw, .date = date, .fwd = fwd_in };
    dyad_tabari_parse(&p, a);
    if (fwd_out) forward_out(&p, fwd_out);
    coder *c = dyad_arena_calloc(a, 1, sizeof *c);
    if (!c) return;
    c->p = &p;
    c->t = t;
    c->o = o;
    c->src = c->tgt = NO_ACTOR;
    if (o->time_shift) {
        check_time(c, res);
        if (res->status) return;
    }
    if (p.discard) { res->status = TB_DISCARD; snprintf(res->why, sizeof res->why, "%s", p.why); return; }
    if (p.complex) { res->status = TB_COMPLEX; snprintf(res->why, sizeof res->why, "%s", p.why); return; }
    for (int i = 0; i < p.n; i++)
        for (int k = 0; k < p.nlm[i]; k++) {
            uint32_t b = TB_LITBIT(p.lms[p.lm0[i] + k].lit);
            c->litmask[b >> 6] |= 1ULL << (b & 63);
        }
    check_verbs(c);
    finish(c, res);
}
