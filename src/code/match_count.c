/*
 * match_count.c — size conditions in patterns, and the noun phrases they look at.
 *
 * A pattern may require a stated count (doc/dictionaries.md, Patterns):
 *   COUNT>=1000    here, a count of at least 1000 ("about 8,000", "thousands of")
 *   TGT>=1000     the target slot, with such a count in front of it
 *                  ("drove more than 600,000 Rohingya from ..."; in the passive
 *                  the subject: "more than 8,000 Muslims were killed by ...")
 *   COUNT<50, TGT<50  a count is stated and it is below 50
 * The count itself is read by dyad_count_at() (src/extract/numbers.c): hedges,
 * digits, number words, and vague plurals at the smallest value they can mean.
 *
 * Victims are often not actors ("8,000 Muslim men and boys in Srebrenica"): a
 * counted slot may then hold a plain noun phrase placed in a place ("in|at|near|
 * across|from|of PLACE"), and the place's country is the target, as CAMEO codes
 * an attack on the country where its victims are (dyad_counted_victims()).
 * dyad_place_descriptor() passes the descriptive tail of a place target: "the
 * Ghouta suburbs of Damascus", "Halabja, a Kurdish town".
 * Nothing here allocates.
 */
#include <string.h>

#include "code/code.h"

int dyad_count_ok(const dyad_pelem *e, long v)
{
    if (!e->cmp) return 1;
    if (v < 0) return 0;                        /* no count stated */
    if (e->cmp == DYAD_CMP_GE) return v >= (long)e->arg;
    if (e->cmp == DYAD_CMP_LT) return v < (long)e->arg;
    return 0;
}

/* A count phrase at pos inside clause cl (no actor in it): tokens used, *v its value. */
int dyad_count_phrase(const sent_state *st, int pos, int cl, long *v)
{
    if (!same_clause(st, pos, cl)) return 0;
    int end = pos;
    while (same_clause(st, end, cl) && st->ti[end].mention < 0 && end - pos < 12) end++;
    int n = dyad_count_at(st->s->tok, pos, end, v);
    /* "thousands of" before an actor: the "of" belongs to the count */
    if (n && pos + n + 1 == end && is_word(st, end - 1, "of") && same_clause(st, end, cl)) n++;
    return n;
}

/* A plain modifier between a count and its noun: "ethnic", "unarmed", "Muslim", "Tutsi". */
static int modifier(const sent_state *st, int i, int cl)
{
    if (!same_clause(st, i, cl) || st->ti[i].mention >= 0) return 0;
    const dyad_token *t = &st->s->tok[i];
    if (t->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS)) return 0;
    if (st->ti[i].cls & ~(uint32_t)(W_GEOADJ | W_QUANT)) return 0;
    return !(st->ti[i].f & (T_VERBFORM | T_ING | T_LY));
}

/* The count stated right before token s (a mention's start), over at most two plain
 * modifiers ("100,000 ethnic Armenians"), starting no earlier than lo: its value, or -1. */
long dyad_count_before(const sent_state *st, int s, int lo, int cl)
{
    if (lo < s - 12) lo = s - 12;
    if (lo < 0) lo = 0;
    for (int q = lo; q < s; q++) {
        if (!same_clause(st, q, cl) || st->ti[q].mention >= 0) continue;
        long v;
        int n = dyad_count_phrase(st, q, cl, &v);
        if (!n || q + n > s) continue;
        int gap = 0, e = q + n;
        while (e + gap < s && gap < 3 && modifier(st, e + gap, cl)) gap++;
        if (e + gap == s) return v;
    }
    return -1;
}

/* A counted right slot at pos: an optional "the", a count meeting e's condition; then up
 * to two plain modifiers when an actor follows them. Returns where the slot's noun phrase
 * starts, or -1. */
int dyad_count_slot(const sent_state *st, const dyad_pelem *e, int pos, int cl)
{
    int p = pos;
    if (is_word(st, p, "the") && same_clause(st, p, cl)) p++;
    long v;
    int n = dyad_count_phrase(st, p, cl, &v);
    if (!n || !dyad_count_ok(e, v)) return -1;
    p += n;
    int gap = 0;
    while (gap < 3 && modifier(st, p + gap, cl)) gap++;
    if (gap && same_clause(st, p + gap, cl) && st->ti[p + gap].mention >= 0) p += gap;
    return p;
}

/* A place after a preposition at q: [the] PLACE, a single country-only mention; its id or -1. */
static int place_at(const sent_state *st, int q, int cl)
{
    if (is_word(st, q, "the")) q++;
    if (!same_clause(st, q, cl) || st->ti[q].mention < 0) return -1;
    int mi = st->ti[q].mention;
    const mention *m = &st->m[mi];
    if (!m->country_only || m->s != q || st->g[m->group].n != 1) return -1;
    return mi;
}

/* "8,000 Muslim men and boys in Srebrenica", "600,000 people from Rakhine": the victims of
 * a counted slot as a plain noun phrase (words, capitalised adjectives, "and") placed
 * in|at|near|across|from|of a place. Returns the place's mention, or -1; *after is the
 * token after the preposition when the noun phrase is such (else -1). */
int dyad_counted_victims(const sent_state *st, int p, int cl, int *after)
{
    static const char *const preps[] = { "in", "at", "near", "across", "from", "of", "throughout", NULL };
    *after = -1;
    for (int q = p, n = 0; n < 7 && same_clause(st, q, cl); q++, n++) {
        for (int k = 0; preps[k]; k++)
            if (is_word(st, q, preps[k])) {
                /* "killed 1,500 in Bucha": the count itself names people; "1,000 of them" does not */
                if (q == p && (is_word(st, q, "of") || is_word(st, q, "from"))) return -1;
                *after = q + 1;     /* a place the dictionary may not name: the caller may look it up */
                return place_at(st, q + 1, cl);
            }
        if (st->ti[q].mention >= 0) {
            /* a role noun with no country of its own ("civilians", "people") is a plain word */
            const mention *m = &st->m[st->ti[q].mention];
            if (!(m->kind == M_AGENT && m->agent_s == m->s && m->agent_e == m->e)) return -1;
            continue;
        }
        const dyad_token *t = &st->s->tok[q];
        if (t->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS)) return -1;
        if (is_word(st, q, "and")) continue;
        /* (not T_VERBFORM: irregular plurals, "men", "women", "children", carry it) */
        if ((st->ti[q].cls & ~(uint32_t)(W_GEOADJ | W_QUANT)) || (st->ti[q].f & (T_ED | T_ING | T_LY))) return -1;
    }
    return -1;
}

/* Nouns that describe a part or kind of place: "the Ghouta suburbs of Damascus". */
static int place_noun(const sent_state *st, int i)
{
    static const char *const w = " suburb suburbs outskirts district districts town towns city village villages "
        "province region area areas countryside neighbourhood neighborhood neighbourhoods neighborhoods "
        "enclave camp camps county municipality governorate oblast ";
    if (i < 0 || i >= st->s->ntok || st->ti[i].mention >= 0) return 0;
    return dyad_listed(w, st->s->tok[i].lower);
}

/* Right after a place mention at pos: "suburbs of Damascus", "district of Aleppo province",
 * ", a Kurdish town,": one past the descriptor, else 0. The place itself stays the target. */
int dyad_place_descriptor(const sent_state *st, int pos, int cl)
{
    if (pos <= 0 || !same_clause(st, pos, cl) || st->ti[pos - 1].mention < 0) return 0;
    const mention *m = &st->m[st->ti[pos - 1].mention];
    if (!m->country_only || m->e != pos) return 0;
    int q = pos;
    if (place_noun(st, q)) {
        while (place_noun(st, q + 1)) q++;
        if (is_word(st, q + 1, "of")) {
            int pm = place_at(st, q + 2, cl);
            if (pm >= 0 && !strcmp(st->m[pm].code, m->code)) return st->m[pm].e;
        }
        return q + 1;
    }
    /* ", a Kurdish town," */
    if ((st->ti[q].f & T_COMMA) && (is_word(st, q + 1, "a") || is_word(st, q + 1, "the"))) {
        int r = q + 2;
        for (int n = 0; n < 3 && modifier(st, r, cl) && !place_noun(st, r); n++) r++;
        if (place_noun(st, r) && same_clause(st, r + 1, cl) && (st->ti[r + 1].f & T_COMMA)) return r + 2;
    }
    return 0;
}

/* Armed roles (soldiers, rebels, militants, gunmen): a counted target of a root-20 pattern
 * must be a population, and CAMEO codes the killing of combatants as fighting (19x):
 * "Russia said it killed 1,300 Ukrainian soldiers" is not a mass killing. */
int dyad_count_armed(const mention *m)
{
    static const char *const armed[] = { "MIL", "REB", "INS", "UAF", "SEP", NULL };
    const char *code = m->code ? m->code : "";
    size_t n = strlen(code);
    for (size_t i = (n > 3 && strncmp(code, "IGO", 3)) ? 3 : 0; i + 3 <= n; i += 3)
        for (int k = 0; armed[k]; k++)
            if (!strncmp(code + i, armed[k], 3)) return 1;
    return 0;
}

/* A counted mass killing or expulsion is one actor's act, not a toll: not a perfect
 * ("Russia has killed thousands of civilians since February": a war's running toll, coded
 * by its attacks) and not a weapon named by its nationality ("Israeli strikes killed 1,200
 * people": an air strike, 195, however many it kills). h: the head token; m: the source. */
static int toll_event(const sent_state *st, int h, const mention *m)
{
    for (int j = h - 1; j >= 0 && j >= h - 3 && st->ti[j].mention < 0; j--)
        if (st->ti[j].cls & W_HAVE) return 0;
    if (m->country_only && m->e < st->s->ntok && m->e < h && st->ti[m->e].mention < 0
        && !(st->s->tok[m->e].flags & (DYAD_TOK_PUNCT | DYAD_TOK_CAP | DYAD_TOK_POSS)) && !st->ti[m->e].cls
        && dyad_demonym_like(st->s->tok[m->e - 1].lower))
        return 0;
    return 1;
}

/* After a match: the size conditions of the slots bound left of the head, read before the
 * subject ("more than 100,000 Armenians fled"; in the passive, TGT's condition applies to
 * the subject: ptgt is TGT's element, else -1); and in root 20 a counted target is a
 * population, not armed men, and the act is an event, not a toll (toll_event). src/tgt:
 * the mentions bound to the slots; h the head token. */
int dyad_counts_ok(const sent_state *st, const dyad_pattern *p, const dyad_pelem *el, int h,
                   const int *src, int nsrc, const int *tgt, int ntgt, int ptgt)
{
    for (int k = 0; k < p->head; k++) {
        if (el[k].kind != DYAD_EL_SRC && el[k].kind != DYAD_EL_TGT) continue;
        const dyad_pelem *cond = ptgt >= 0 && el[k].kind == DYAD_EL_SRC ? &el[ptgt] : &el[k];
        int bound_src = (el[k].kind == DYAD_EL_SRC) != (ptgt >= 0);
        const int *m = bound_src ? src : tgt;
        if (!cond->cmp) continue;
        if (!(bound_src ? nsrc : ntgt)) return 0;
        int s = st->m[m[0]].s, cl = st->ti[s].clause;
        if (!dyad_count_ok(cond, dyad_count_before(st, s, st->c[cl].s, cl))) return 0;
    }
    if (strncmp(p->code, "20", 2)) return 1;
    int counted = 0;
    for (int k = 0; k < p->nelem; k++)
        if (el[k].kind == DYAD_EL_TGT && el[k].cmp) {
            counted = 1;
            for (int i = 0; i < ntgt; i++)
                if (dyad_count_armed(&st->m[tgt[i]])) return 0;
        }
    return !counted || !nsrc || toll_event(st, h, &st->m[src[0]]);
}
