/*
 * tabari_parse.c — TABARI's parser (manual chapter 7) over dyad tokens.
 *
 * Steps, in TABARI's order: words from tokens; the literals of each word
 * (every dictionary literal that is a prefix of it); roots (at each
 * unclassified word, the root matching the most characters wins: actors,
 * agents, verbs, nouns, adjectives and grammar words compete); verbs after a
 * determiner or capitalised mid-sentence become nouns, null-coded actors
 * become nouns; agents without actors may become actors (CONVERT AGENTS);
 * compound actors around AND/NOR; comma-delimited clauses (COMMA limits) are
 * nulled; conjunction clauses; pronoun references; discard codes; the
 * complexity conditions (COMPLEX).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "code/tabari_coder.h"

/* ---- words ---------------------------------------------------------------- */

static int is_comma_punct(const char *s)
{
    return !strcmp(s, ",") || !strcmp(s, ";") || !strcmp(s, ":") || !strcmp(s, "(") || !strcmp(s, ")");
}

static int is_quote(const char *s)
{
    return !strcmp(s, "\"") || !strcmp(s, "\xe2\x80\x9c") || !strcmp(s, "\xe2\x80\x9d");
}

int dyad_tabari_words(const dyad_tabari *t, const dyad_token *tok, int ntok, dyad_arena *a, tb_word **out)
{
    tb_word *w = dyad_arena_calloc(a, (size_t)ntok * 2 + 8, sizeof *w);
    int n = 0, allcaps = 1, first_cap = 1;
    char *buf = dyad_arena_alloc(a, 4096);
    if (!w || !buf) { *out = NULL; return 0; }
    for (int i = 0; i < ntok; i++)
        for (const char *q = tok[i].text; *q; q++) if (islower((unsigned char)*q)) { allcaps = 0; break; }
    int prev_word = 0;                  /* the last emitted item is a word we may extend */
    for (int i = 0; i < ntok && n < ntok * 2 + 6; i++) {
        const dyad_token *k = &tok[i];
        if (k->flags & DYAD_TOK_PUNCT && !(k->flags & DYAD_TOK_POSS)) {
            if (is_comma_punct(k->text)) {
                w[n] = (tb_word){ .text = ",", .len = 1, .tok0 = i, .tok1 = i + 1, .kind = 1 };
                n++;
            } else if (is_quote(k->text)) {
                w[n] = (tb_word){ .text = "\"", .len = 1, .tok0 = i, .tok1 = i + 1, .kind = 3 };
                n++;
            }
            prev_word = 0;
            continue;
        }
        const char *lw = k->lower ? k->lower : k->text;
        int adjacent = i > 0 && tok[i - 1].end == k->start;
        /* split at hyphens: each part is a word */
        const char *p = lw;
        int part = 0;
        while (*p) {
            const char *e = p;
            while (*e && *e != '-') e++;
            size_t len = (size_t)(e - p);
            /* a period after a lower-case letter ends a sentence, not an abbreviation */
            while (len && p[len - 1] == '.' && !(k->flags & DYAD_TOK_ABBR)) len--;
            if (len) {
                if (part == 0 && adjacent && prev_word && n > 0 && w[n - 1].kind == 0) {
                    size_t ol = (size_t)w[n - 1].len;
                    if (ol + len < 4000) {
                        memcpy(buf, w[n - 1].text, ol);
                        memcpy(buf + ol, p, len);
                        w[n - 1].text = dyad_arena_strndup(a, buf, ol + len);
                        w[n - 1].len = (int)(ol + len);
                        w[n - 1].tok1 = i + 1;
                    }
                } else {
                    w[n] = (tb_word){ .text = dyad_arena_strndup(a, p, len), .len = (int)len,
                                      .tok0 = i, .tok1 = i + 1 };
                    if (!allcaps && part == 0 && (k->flags & DYAD_TOK_CAP)) {
                        if (first_cap) first_cap = 0;
                        else w[n].midcap = 1;
                    }
                    n++;
                }
                part++;
            }
            p = *e ? e + 1 : e;
            if (n >= ntok * 2 + 6) break;
        }
        prev_word = !strchr(lw, '-') || lw[strlen(lw) - 1] != '-';
    }
    /* numbers: words starting with a digit that are not dictionary words */
    for (int i = 0; i < n; i++) {
        if (w[i].kind || !isdigit((unsigned char)w[i].text[0])) continue;
        /* commas inside numbers are dropped ("1,500") */
        if (dyad_tabari_literal(t, w[i].text, (size_t)w[i].len) < 0) w[i].kind = 2;
    }
    *out = w;
    return n;
}

/* ---- literals and roots ---------------------------------------------------- */

int dyad_tabari_has_lit(const tb_parse *p, int pos, int lit)
{
    if (pos < 0 || pos >= p->n) return 0;
    if (!(p->lmask[pos] & (1ULL << (lit & 63)))) return 0;
    const tb_lm *m = p->lms + p->lm0[pos];
    for (int i = 0; i < p->nlm[pos]; i++) if (m[i].lit == lit) return m[i].exact ? 2 : 1;
    return 0;
}

int dyad_tabari_null_verb(const dyad_tabari *t, int root)
{
    const tb_root *r = dyad_tabari_root(t, root);
    if (r->type != TB_VERB || r->arg < 0) return 0;
    const tb_verb *v = dyad_tabari_verb(t, r->arg);
    return v->code && !strcmp(v->code, "---");
}

static void find_literals(tb_parse *p, dyad_arena *a)
{
    int cap = 64, used = 0;
    p->lms = dyad_arena_alloc(a, (size_t)cap * sizeof *p->lms);
    for (int i = 0; i < p->n; i++) {
        p->lm0[i] = used;
        p->nlm[i] = 0;
        if (p->w[i].kind) continue;
        int len = p->w[i].len > 63 ? 63 : p->w[i].len;
        uint64_t h = 1469598103934665603ULL;
        for (int k = 1; k <= len; k++) {
            h = dyad_tabari_hash_step(h, p->w[i].text[k - 1]);
            int lit = dyad_tabari_literal_hashed(p->t, p->w[i].text, (size_t)k, h);
            if (lit < 0) continue;
            p->lmask[i] |= 1ULL << (lit & 63);
            if (used == cap) {
                tb_lm *nl = dyad_arena_alloc(a, (size_t)cap * 2 * sizeof *nl);
                memcpy(nl, p->lms, (size_t)used * sizeof *nl);
                p->lms = nl;
                cap *= 2;
            }
            p->lms[used++] = (tb_lm){ lit, (uint8_t)(k == p->w[i].len) };
            p->nlm[i]++;
        }
    }
}

/* TABARI's regular endings on a root's last word. */
static int ending_ok(int type, const char *lit, int litlen, const char *rest)
{
    if (type == TB_ACTOR || type == TB_AGENT || type == TB_NOUN) {
        if (!strcmp(rest, "s")) return 1;
        if (!strcmp(rest, "'s") || !strcmp(rest, "es") || !strcmp(rest, "\xe2\x80\x99s")) return 2;
        return 0;
    }
    if (type == TB_VERB) {
        if (!strcmp(rest, "s")) return 1;
        if (!strcmp(rest, "ed") || !strcmp(rest, "es") || !strcmp(rest, "en")) return 2;
        if (!strcmp(rest, "ing")) return 3;
        if (litlen && lit[litlen - 1] == 'e' && !strcmp(rest, "d")) return 1;
    }
    return 0;
}

/* Characters matched by root r starting at word i (0: no match); matched
 * positions go to pos[]. */
static int match_root(const tb_parse *p, int r, int i, int *pos, int *npos)
{
    const tb_root *root = dyad_tabari_root(p->t, r);
    const tb_pel *el = dyad_tabari_elems(p->t) + root->phrase.off;
    int nm = 0, skip = 0, k = 0, at = i;
    *npos = 0;
    while (k < root->phrase.n) {
        if (at >= p->n) return 0;
        if (p->w[at].kind == 1) return 0;           /* roots never cross commas */
        int lit = el[k].arg;
        int h = dyad_tabari_has_lit(p, at, lit);
        if (!h) {
            if (skip) { at++; continue; }
            return 0;
        }
        if (*npos < 64) pos[(*npos)++] = at;
        int ll = dyad_tabari_literal_len(p->t, lit);
        nm += ll;
        if (h == 1 && !(el[k].conn & TB_C_PART)) {
            if (el[k].conn & TB_C_EQUAL) return 0;
            if (k != root->phrase.n - 1) return 0;
            int extra = ending_ok(root->type, p->w[at].text, ll, p->w[at].text + ll);
            return extra ? nm + extra : 0;
        }
        skip = (el[k].conn & TB_C_SKIP) != 0;
        at++;
        k++;
    }
    return nm;
}

static int root_deleted(const dyad_tabari *t, int r)
{
    const tb_root *root = dyad_tabari_root(t, r);
    if (root->type != TB_VERB || root->arg < 0) return 0;
    const tb_verb *v = dyad_tabari_verb(t, root->arg);
    return v->code && !strcmp(v->code, "---") && v->npat == 0;
}

static void assign_roots(tb_parse *p)
{
    int pos[64], npos, best_pos[64], nbest = 0;
    for (int i = 0; i < p->n; i++) {
        if (p->w[i].kind == 1) { p->wtype[i] = TB_COMMA; continue; }
        if (p->w[i].kind == 2) { p->wtype[i] = TB_NUMBER; continue; }
        if (p->wtype[i] != TB_NULL) continue;
        int best = -1, bestn = 0;
        for (int m = 0; m < p->nlm[i]; m++) {
            int nr;
            const int32_t *roots = dyad_tabari_roots_for(p->t, p->lms[p->lm0[i] + m].lit, &nr);
            for (int k = 0; k < nr; k++) {
                if (root_deleted(p->t, roots[k])) continue;
                int nm = match_root(p, roots[k], i, pos, &npos);
                if (nm > bestn) {
                    bestn = nm; best = roots[k];
                    memcpy(best_pos, pos, (size_t)npos * sizeof *pos);
                    nbest = npos;
                }
            }
        }
        if (best < 0) continue;
        uint8_t type = dyad_tabari_root(p->t, best)->type;
        for (int k = 0; k < nbest; k++) { p->wtype[best_pos[k]] = type; p->rhead[best_pos[k]] = i; }
        p->iroot[i] = best;
        p->htag[i] = type;
        p->rtail[i] = best_pos[nbest - 1];
    }
}

static void retag_root(tb_parse *p, int head, uint8_t from, uint8_t to)
{
    int tail = p->rtail[head];
    for (int k = head; k <= tail; k++)
        if (p->rhead[k] == head && p->wtype[k] == from) p->wtype[k] = to;
    p->htag[head] = to;
}

static void mark_nouns(tb_parse *p)
{
    for (int i = 0; i < p->n; i++) {
        if (p->wtype[i] == TB_VERB && i > 0) {
            if (p->wtype[i - 1] == TB_DETERM || p->w[i].midcap) {
                if (p->htag[i] == TB_VERB) retag_root(p, i, TB_VERB, TB_NOUN);
                else p->wtype[i] = TB_NOUN;
            }
        } else if (p->htag[i] == TB_ACTOR) {
            const char *c = dyad_tabari_actor_code(p->t, dyad_tabari_root(p->t, p->iroot[i]), p->date);
            if (!c || !strcmp(c, "---")) retag_root(p, i, TB_ACTOR, TB_NOUN);
        }
    }
}

static void convert_agents(tb_parse *p)
{
    for (int i = 0; i < p->n; i++) {
        if (p->wtype[i] != TB_AGENT || p->htag[i] != TB_AGENT) continue;
        int tail = p->rtail[i];
        int former = i > 0 && p->iroot[i - 1] == dyad_tabari_root_former(p->t);
        if (i > 0 && (p->wtype[i - 1] == TB_ACTOR || former)) { i = tail; continue; }
        int conv = 1;
        if (tail + 1 < p->n && p->htag[tail + 1] == TB_ACTOR) conv = 0;
        if (conv && tail + 2 < p->n && p->wtype[tail + 1] == TB_PREP && p->wtype[tail + 2] == TB_ACTOR) conv = 0;
        if (conv) retag_root(p, i, TB_AGENT, TB_ACTOR);
        i = tail;
    }
}

static int is_and(const tb_parse *p, int i)
{
    return p->iroot[i] >= 0 &&
           (dyad_tabari_has_lit(p, i, dyad_tabari_special(p->t, TB_LIT_AND)) == 2 ||
            dyad_tabari_has_lit(p, i, dyad_tabari_special(p->t, TB_LIT_NOR)) == 2);
}

static void mark_compounds(tb_parse *p)
{
    int id = 1;
    for (int i = 0; i < p->n; i++) {
        if (p->wtype[i] != TB_CONJ || !is_and(p, i)) continue;
        int end = -1;
        for (int k = i + 1; k < p->n && (p->wtype[k] == TB_ACTOR || p->wtype[k] == TB_DETERM || p->wtype[k] == TB_ADJ); k++) {
            if (p->wtype[k] == TB_ACTOR && p->htag[k] == TB_ACTOR) { k = p->rtail[k]; end = k; }
        }
        if (end < 0) continue;
        int start = -1, need = 0;
        for (int k = i; k >= 0; k--) {
            uint8_t ty = p->wtype[k];
            if (!(ty == TB_ACTOR || ty == TB_CONJ || ty == TB_COMMA || ty == TB_DETERM || ty == TB_ADJ)) break;
            if (ty == TB_CONJ || ty == TB_COMMA) need = 0;
            if (ty == TB_ACTOR) {
                if (need) break;
                while (k > 0 && p->htag[k] != TB_ACTOR) k--;
                start = k;
                need = 1;
            }
        }
        if (start < 0) continue;
        /* null earlier compounds inside this one */
        for (int k = start; k <= end; k++) {
            if (p->cmp_head[k]) {
                int old = p->cmp_head[k];
                p->cmp_head[k] = 0;
                for (int q = k; q < p->n; q++) if (p->cmp_tail[q] == old) { p->cmp_tail[q] = 0; break; }
            }
        }
        p->cmp_head[start] = id;
        p->cmp_tail[end] = id;
        for (int k = start; k <= end; k++) p->compd[k] = 1;
        id++;
    }
}

static int skip_cmp(const tb_parse *p, int *i)
{
    int id = p->cmp_head[*i];
    if (!id) return 0;
    while (*i < p->n && p->cmp_tail[*i] != id) (*i)++;
    (*i)++;
    return 1;
}

int dyad_tabari_skip_sub(const tb_parse *p, int *pos)
{
    int id = p->sub_head[*pos];
    if (!id) return 0;
    while (*pos < p->n && p->sub_tail[*pos] != id) (*pos)++;
    (*pos)++;
    return 1;
}

static void mark_subordinate(tb_parse *p)
{
    const tb_opts *o = p->o;
    if (o->comma_off) return;
    int id = 1, i = 0;
    while (i < p->n) {
        if (skip_cmp(p, &i)) continue;
        if (p->wtype[i] == TB_COMMA) {
            int start = i;
            if (i >= o->comma_bmin && i <= o->comma_bmax && i > 0) {
                p->sub_head[0] = id; p->sub_tail[start - 1] = id; id++;
            }
            i++;
            while (i < p->n && p->wtype[i] != TB_COMMA) { if (!skip_cmp(p, &i)) i++; }
            if (i > p->n) i = p->n;
            int len = i - start - 1;
            if (i >= p->n) {
                if (len >= o->comma_emin && len <= o->comma_emax) {
                    p->sub_head[start] = id; p->sub_tail[p->n - 1] = id; id++;
                }
                return;
            }
            if (len >= o->comma_min && len <= o->comma_max) {
                p->sub_head[start] = id; p->sub_tail[i] = id; id++;
            }
        }
        if (i < p->n) i++;
    }
}

static void cancel_root(tb_parse *p, int head)
{
    int tail = p->rtail[head];
    for (int k = head; k <= tail && k < p->n; k++)
        if (p->rhead[k] == head) { p->wtype[k] = TB_NULLTAG; p->rhead[k] = -1; }
    p->htag[head] = 0;
}

static void cancel_compound(tb_parse *p, int id)
{
    int s = -1;
    for (int k = 0; k < p->n; k++) {
        if (p->cmp_head[k] == id) { s = k; p->cmp_head[k] = 0; }
        if (p->cmp_tail[k] == id) {
            p->cmp_tail[k] = 0;
            for (int q = s < 0 ? 0 : s; q <= k; q++) p->compd[q] = 0;
            return;
        }
    }
}

static void null_subordinate(tb_parse *p)
{
    if (p->sub_head[0]) p->wtype[0] = TB_NULL;
    for (int h = 0; h < p->n; h++) {
        int id = p->sub_head[h];
        if (!id) continue;
        int tail = h;
        while (tail < p->n && p->sub_tail[tail] != id) tail++;
        if (tail >= p->n) tail = p->n - 1;
        for (int k = h + 1; k <= tail; k++) {
            if (p->rhead[k] >= 0 && p->htag[p->rhead[k]]) cancel_root(p, p->rhead[k]);
            if (p->cmp_head[k]) cancel_compound(p, p->cmp_head[k]);
            if (p->cmp_tail[k]) cancel_compound(p, p->cmp_tail[k]);
            p->wtype[k] = TB_NULL;
        }
        h = tail;
    }
}

static void mark_clauses(tb_parse *p, dyad_arena *a)
{
    p->cl_start = dyad_arena_alloc(a, (size_t)(p->n + 1) * sizeof *p->cl_start);
    p->cl_end = dyad_arena_alloc(a, (size_t)(p->n + 1) * sizeof *p->cl_end);
    p->nclause = 0;
    p->has_clauses = 0;
    p->cl_start[0] = 0;
    int i = 0;
    while (i < p->n) {
        if (skip_cmp(p, &i)) continue;
        if (dyad_tabari_skip_sub(p, &i)) continue;
        if (p->wtype[i] == TB_CONJ && i > 0 && i + 1 < p->n) {
            int phrase = 0;
            if (p->wtype[i - 1] == TB_NOUN) {
                int k = i + 1;
                while (k < p->n && p->wtype[k] == TB_ADJ) k++;
                if (k < p->n && p->wtype[k] == TB_NOUN) { phrase = 1; i = k; }
            }
            if (!phrase && p->wtype[i - 1] == TB_ADJ && p->wtype[i + 1] == TB_ADJ) { phrase = 1; i++; }
            if (!phrase) {
                p->has_clauses = 1;
                p->cl_end[p->nclause++] = i - 1;
                p->cl_start[p->nclause] = i + 1;
                i++;
            }
        }
        i++;
    }
    p->cl_end[p->nclause++] = p->n - 1;
}

static void deref_pronouns(tb_parse *p)
{
    const dyad_tabari *t = p->t;
    for (int i = 0; i < p->n; i++) {
        if (p->wtype[i] != TB_PRONOUN || p->htag[i] != TB_PRONOUN) continue;
        int lit = dyad_tabari_elems(t)[dyad_tabari_root(t, p->iroot[i])->phrase.off].arg;
        int idx = -1;
        if (lit == dyad_tabari_special(t, TB_LIT_HE) || lit == dyad_tabari_special(t, TB_LIT_HIM) ||
            lit == dyad_tabari_special(t, TB_LIT_SHE) || lit == dyad_tabari_special(t, TB_LIT_HER) ||
            lit == dyad_tabari_special(t, TB_LIT_IT)) {
            for (int k = 0; k < i; k++) {
                if (p->wtype[k] != TB_ACTOR) continue;
                if (p->cmp_head[k]) {
                    int id = p->cmp_head[k];
                    while (k < i && p->cmp_tail[k] != id) k++;
                    continue;
                }
                if (p->htag[k] != TB_ACTOR) continue;
                idx = k;
                break;
            }
        } else {
            for (int k = 0; k < i; k++) {
                if (p->wtype[k] != TB_ACTOR) continue;
                if (p->cmp_head[k]) { idx = k; break; }
                if (idx < 0) idx = k;
            }
        }
        if (idx < 0) idx = lit == dyad_tabari_special(t, TB_LIT_THEY) || lit == dyad_tabari_special(t, TB_LIT_THEM) ||
                          lit == dyad_tabari_special(t, TB_LIT_THEIR) ? p->fwd_cmp : p->fwd_actor;
        if (idx < 0) continue;
        p->wtype[i] = TB_ACTOR;
        p->htag[i] = TB_ACTOR;
        p->rhead[i] = i;
        p->rtail[i] = i;
        p->ref[i] = idx;
    }
}

static void check_discards(tb_parse *p)
{
    for (int i = 0; i < p->n; i++) {
        int r = p->iroot[i];
        if (r < 0) continue;
        const tb_root *root = dyad_tabari_root(p->t, r);
        const char *c = NULL;
        if (root->type == TB_ACTOR) c = dyad_tabari_actor_code(p->t, root, p->date);
        else if ((root->type == TB_VERB || root->type == TB_TIME) && root->arg >= 0) c = dyad_tabari_verb(p->t, root->arg)->code;
        if (c && !strcmp(c, "###")) {
            p->discard = 1;
            snprintf(p->why, sizeof p->why, "discard code in '%s' (%s:%d)", root->text, root->src.file, root->src.line);
            return;
        }
    }
}

static void add_why(tb_parse *p, const char *s)
{
    p->complex = 1;
    size_t l = strlen(p->why);
    snprintf(p->why + l, sizeof p->why - l, "%s%s", l ? ", " : "", s);
}

static void complexity(tb_parse *p)
{
    const tb_opts *o = p->o;
    int nverb = 0, nactor = 0, npron = 0, nconj = 0;
    for (int i = 0; i < p->n; ) {
        if (dyad_tabari_skip_sub(p, &i)) continue;
        if (p->htag[i] == TB_VERB) nverb++;
        if (p->htag[i] == TB_ACTOR) nactor++;
        if (p->wtype[i] == TB_PRONOUN) npron++;
        i++;
    }
    for (int i = 0; i < p->n; i++) {
        if (p->cmp_head[i]) { int id = p->cmp_head[i]; while (i < p->n && p->cmp_tail[i] != id) i++; continue; }
        if (p->wtype[i] == TB_CONJ) nconj++;
    }
    int iverb = 0;
    while (iverb < p->n) {
        if (dyad_tabari_skip_sub(p, &iverb)) continue;
        if (p->wtype[iverb] == TB_VERB && p->htag[iverb] == TB_VERB && !dyad_tabari_null_verb(p->t, p->iroot[iverb])) break;
        iverb++;
    }
    char buf[64];
    if (o->cplx_verbs && nverb >= o->cplx_verbs) { snprintf(buf, sizeof buf, "verbs(%d) >= %d", nverb, o->cplx_verbs); add_why(p, buf); }
    if (o->cplx_actors && nactor >= o->cplx_actors) { snprintf(buf, sizeof buf, "actors(%d) >= %d", nactor, o->cplx_actors); add_why(p, buf); }
    if (o->cplx_pronouns && npron >= o->cplx_pronouns) { snprintf(buf, sizeof buf, "pronouns(%d) >= %d", npron, o->cplx_pronouns); add_why(p, buf); }
    if (o->cplx_conj && nconj >= o->cplx_conj) { snprintf(buf, sizeof buf, "conjunctions(%d) >= %d", nconj, o->cplx_conj); add_why(p, buf); }
    if (o->cplx_lateverb && nverb && iverb >= o->cplx_lateverb) add_why(p, "verb position");
    if (o->cplx_lateverb && !nverb && !o->noverb) add_why(p, "verb missing");
    /* as in TABARI, without any verb these look at the whole sentence (prior)
     * or at nothing (after) */
    if (o->noactprior) {
        int ok = 1;
        for (int k = 0; k < iverb && k < p->n; ) {
            if (dyad_tabari_skip_sub(p, &k)) continue;
            if (p->wtype[k] == TB_ACTOR) { ok = 0; break; }
            k++;
        }
        if (ok) add_why(p, "no actor before verb");
    }
    if (o->noactafter) {
        int ok = 1;
        for (int k = iverb + 1; k < p->n; ) {
            if (dyad_tabari_skip_sub(p, &k)) continue;
            if (p->wtype[k] == TB_ACTOR) { ok = 0; break; }
            k++;
        }
        if (ok) add_why(p, "no actor after verb");
    }
    if (o->noverb && !nverb) add_why(p, "no verb");
}

/* Forwarded actors live after the Halt position: n+1 the actor, n+2.. the
 * compound (TABARI's setForward). */
static void place_forward(tb_parse *p)
{
    const tb_forward *f = p->fwd;
    int at = p->n + 1;
    p->fwd_actor = p->fwd_cmp = -1;
    if (!f || !f->valid) return;
    if (f->actor >= 0) {
        p->wtype[at] = TB_ACTOR; p->htag[at] = TB_ACTOR; p->iroot[at] = f->actor;
        p->rhead[at] = at; p->rtail[at] = at;
        p->fwd_actor = at++;
    }
    if (f->ncmp > 1) {
        p->fwd_cmp = at;
        for (int k = 0; k < f->ncmp; k++, at++) {
            p->wtype[at] = TB_ACTOR; p->htag[at] = TB_ACTOR; p->iroot[at] = f->cmp[k];
            p->rhead[at] = at; p->rtail[at] = at; p->compd[at] = 1;
        }
        p->cmp_head[p->fwd_cmp] = 1000;
        p->cmp_tail[at - 1] = 1000;
    } else p->fwd_cmp = p->fwd_actor;
    p->ntot = at;
}

void dyad_tabari_parse(tb_parse *p, dyad_arena *a)
{
    int n = p->n;
    size_t m = (size_t)n + 2 + 1 + 16;
    p->ntot = n + 1;
    p->wtype = dyad_arena_calloc(a, m, 1);
    p->htag = dyad_arena_calloc(a, m, 1);
    p->compd = dyad_arena_calloc(a, m, 1);
    p->iroot = dyad_arena_alloc(a, m * sizeof(int32_t));
    p->rhead = dyad_arena_alloc(a, m * sizeof(int32_t));
    p->rtail = dyad_arena_alloc(a, m * sizeof(int32_t));
    p->ref = dyad_arena_alloc(a, m * sizeof(int32_t));
    p->lm0 = dyad_arena_alloc(a, m * sizeof(int32_t));
    p->nlm = dyad_arena_alloc(a, m * sizeof(int32_t));
    p->lmask = dyad_arena_calloc(a, m, sizeof(uint64_t));
    p->cmp_head = dyad_arena_calloc(a, m, sizeof(int32_t));
    p->cmp_tail = dyad_arena_calloc(a, m, sizeof(int32_t));
    p->sub_head = dyad_arena_calloc(a, m, sizeof(int32_t));
    p->sub_tail = dyad_arena_calloc(a, m, sizeof(int32_t));
    for (size_t i = 0; i < m; i++) { p->iroot[i] = -1; p->rhead[i] = -1; p->rtail[i] = -1; p->ref[i] = -1; }
    p->wtype[n] = TB_HALT;
    place_forward(p);
    p->why[0] = '\0';
    p->discard = p->complex = 0;
    find_literals(p, a);
    assign_roots(p);
    mark_nouns(p);
    if (p->o->convert_agents) convert_agents(p);
    mark_compounds(p);
    mark_subordinate(p);
    null_subordinate(p);
    mark_clauses(p, a);
    deref_pronouns(p);
    check_discards(p);
    if (!p->discard) complexity(p);
}

/* ---- explain ---------------------------------------------------------------- */

static const char *const type_name[] = {
    "-", "actor", "agent", "verb", "noun", "adjective", "determiner", "conjunction", "preposition",
    "pronoun", "auxiliary", "by", "time", "comma", "number", "cancelled", "halt"
};

void dyad_tabari_describe(const dyad_tabari *t, const tb_opts *o, const tb_word *w, int nw, int32_t date,
                          const tb_forward *fwd, dyad_arena *a,
                          void (*out)(void *user, const char *line), void *user)
{
    tb_parse p = { .t = t, .o = o, .w = w, .n = nw, .date = date, .fwd = fwd };
    dyad_tabari_parse(&p, a);
    char line[600];
    for (int i = 0; i < nw; i++) {
        int k = snprintf(line, sizeof line, "  %2d %-16s %-11s", i, w[i].text, type_name[p.wtype[i] <= TB_HALT ? p.wtype[i] : 0]);
        if (p.htag[i] && p.iroot[i] >= 0) {
            const tb_root *r = dyad_tabari_root(t, p.iroot[i]);
            k += snprintf(line + k, sizeof line - (size_t)k, " %s (%s:%d)", r->text, r->src.file, r->src.line);
            if (r->type == TB_ACTOR) {
                const char *c = dyad_tabari_actor_code(t, r, date);
                k += snprintf(line + k, sizeof line - (size_t)k, " [%s]", c ? c : "");
            } else if (r->type == TB_AGENT) k += snprintf(line + k, sizeof line - (size_t)k, " [%s]", dyad_tabari_agent_code(t, r->arg));
        }
        if (p.ref[i] >= 0) k += snprintf(line + k, sizeof line - (size_t)k, " -> word %d%s", p.ref[i], p.ref[i] > nw ? " (forwarded)" : "");
        if (p.cmp_head[i]) k += snprintf(line + k, sizeof line - (size_t)k, " <compound");
        if (p.cmp_tail[i]) k += snprintf(line + k, sizeof line - (size_t)k, " compound>");
        if (p.sub_head[i]) k += snprintf(line + k, sizeof line - (size_t)k, " <comma-clause (not coded)");
        if (p.sub_tail[i]) k += snprintf(line + k, sizeof line - (size_t)k, " comma-clause>");
        out(user, line);
    }
    int k = snprintf(line, sizeof line, "  clauses:");
    for (int c = 0; c < p.nclause && k < (int)sizeof line - 20; c++) k += snprintf(line + k, sizeof line - (size_t)k, " [%d-%d]", p.cl_start[c], p.cl_end[c]);
    out(user, line);
    if (p.discard) { snprintf(line, sizeof line, "  discarded: %s", p.why); out(user, line); }
    if (p.complex) { snprintf(line, sizeof line, "  complex (not coded): %s", p.why); out(user, line); }
}
