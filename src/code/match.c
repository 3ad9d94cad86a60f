/*
 * match.c — pattern matching and events (with readings.c, subject.c, targets.c; match.h).
 *
 * Every token outside an actor mention whose lemma (or lower form) heads a pattern is a
 * candidate. Its verb group is read leftwards (readings.c): auxiliaries, negation, modals,
 * passive, infinitive "to" and the verb that governs it.
 *
 * A pattern is matched around its head: elements after the head rightwards (match_r),
 * elements before it leftwards (match_l). A slot (SRC/TGT) to the right skips determiners,
 * quantities and premodifiers and takes a mention group (or a prefix of one, so "clash
 * between SRC and TGT" splits "Armenia and Azerbaijan"); it may also be filled by an event
 * noun, a place or a counted population (targets.c). The slot just left of the head is the
 * subject (subject.c). In the passive the subject fills TGT and SRC comes from "by ..."
 * after the verb. Among the patterns of one head the most specific (literal words, size
 * conditions), then longest, then earliest wins.
 *
 * Patterns may name an agent's role word ("SRC expel TGT ambassador"): the slot then binds
 * the country part (a "shadow" mention) and the event names the whole actor. Before any
 * matching, a pattern whose required words are absent from the sentence (a 1024-bit word
 * bitmap) is skipped, and a head's patterns stop once none left can be more specific than
 * the best match.
 *
 * Coding the best match (code_head): descriptive and irreal readings code nothing
 * (readings.c); future and commitment forms become CAMEO's intent/threat code (modality.c);
 * negated -> neg=CODE, or dropped (kept with negated=1 under keep_negated). No source, no
 * event (unless nosrc); a notgt domestic measure targets the source's country; never source
 * == target. `sym` -> every ordered pair. Events are made in emit.c; phrase tests (places,
 * times, amounts) live in phrases.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/match.h"



/* ---- element matching ---------------------------------------------------- */


int dyad_word_match(const dyad_dict *d, const dyad_pelem *e, const sent_state *st, int i)
{
    const tinfo *ti = &st->ti[i];
    if (ti->mention >= 0) {
        /* a pattern may name the role word of an agent: "SRC expel TGT ambassador" */
        const mention *m = &st->m[ti->mention];
        /* (and the "'s" before it: "SRC expel TGT 's ambassador" on "India's ambassador") */
        int poss = i + 1 == m->agent_s && (st->s->tok[i].flags & DYAD_TOK_POSS);
        if (!poss && (m->agent_s < 0 || i < m->agent_s || i >= m->agent_e)) return 0;
    }
    if (e->kind == DYAD_EL_SET)
        return e->arg != UINT32_MAX && (dyad_dict_in_set(d, e->arg, ti->lem) || dyad_dict_in_set(d, e->arg, ti->low));
    const dyad_wid *alts = dyad_dict_alts(d, e);
    for (int a = 0; a < e->nalt; a++) {
        if (alts[a] == ti->lem || alts[a] == ti->low) return 1;
        if (e->flags & DYAD_EL_PREFIX) {
            const char *w = dyad_dict_word_str(d, alts[a]);
            if (!strncmp(st->s->tok[i].lower, w, strlen(w))) return 1;
        }
    }
    return 0;
}

int dyad_all_prep(const dyad_coder *c, const dyad_pelem *e)
{
    const dyad_wid *alts = dyad_dict_alts(c->ctx->dict, e);
    for (int a = 0; a < e->nalt; a++) if (!(dyad_word_classes(c->ctx, alts[a]) & W_PREP)) return 0;
    return 1;
}

/* Members of mention mi's group from mi on (right slot): count available. */
int dyad_group_tail(const sent_state *st, int mi, int *out)
{
    const group *g = &st->g[st->m[mi].group];
    int n = 0, on = 0;
    for (int q = 0; q < g->n; q++) {
        if (g->m[q] == mi) on = 1;
        if (on) out[n++] = g->m[q];
    }
    return n;
}


/* A new mention after the sentence's own ones ("shadows": a country part, an event noun's
 * author, a gazetteer place), so no mention index moves; zeroed, with no agent or shadow.
 * Returns its index, or -1 when out of memory. */
int dyad_new_shadow(dyad_coder *c, sent_state *st)
{
    int used = st->nm + st->nshadow;
    if (used >= st->capm) {
        int nc = st->capm * 2 + 8;
        mention *nm = dyad_arena_alloc(&c->arena, (size_t)nc * sizeof *nm);
        if (!nm) return -1;
        memcpy(nm, st->m, (size_t)used * sizeof *nm);
        st->m = nm;
        st->capm = nc;
    }
    mention *m = &st->m[used];
    memset(m, 0, sizeof *m);
    m->actor = m->agent = m->resolved_from = m->agent_s = m->agent_e = m->shadow = m->shadow_of = -1;
    st->nshadow++;
    return used;
}

/* The country part of a composed mention as a mention of its own (made once, kept
 * after the sentence's mentions so no index moves), or -1. */
int dyad_country_shadow(dyad_coder *c, sent_state *st, int mi)
{
    mention *m = &st->m[mi];
    if (m->shadow >= 0) return m->shadow;
    if (m->agent_s <= m->s || !m->code || m->code == m->role || strlen(m->code) <= 3) return -1;
    int cap = 0;
    for (int i = m->s; i < m->agent_s; i++) cap |= (st->s->tok[i].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS)) != 0;
    if (!cap) return -1;
    int used = dyad_new_shadow(c, st);
    if (used < 0) return -1;
    m = &st->m[mi];                     /* (the array may have moved) */
    int e = m->agent_s;
    if (e - 1 > m->s && st->ti[e - 1].low == c->ctx->w_poss) e--;      /* "Armenia 's" */
    mention *sh = &st->m[used];
    *sh = *m;
    sh->e = e;
    sh->code = dyad_arena_strndup(&c->arena, m->code, 3);
    sh->role = NULL;
    sh->country_only = 1;
    sh->person = 0;
    sh->agent = sh->agent_s = sh->agent_e = sh->shadow = -1;
    sh->shadow_of = mi;
    sh->name = dyad_span_text(c, st, sh->s, e);
    m->shadow = used;
    return used;
}

static int slot_r(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos, bind *b)
{
    if (ms->el[k].cmp) {
        int r = dyad_counted_slot(c, st, ms, k, &pos, b);
        if (r) return r > 0;
    }
    /* skip determiners, numbers and quantities: "the", "five", "dozens of", "at least 12",
     * "southern" (Israel), "the occupied" (West Bank), and "what X called" */
    int p = pos, skipped = 0;
    int named = dyad_naming_relative(st, p, ms->clause);
    if (named) p = named;
    /* "rejected on Monday a British proposal": a time phrase before the object */
    int tp = dyad_time_phrase(st, p, ms->clause);
    if (tp > p && tp - p <= 4 && same_clause(st, tp, ms->clause)) p = tp;
    while (same_clause(st, p, ms->clause) && st->ti[p].mention < 0 && skipped < 5) {
        uint32_t k = st->ti[p].cls;
        int quant_before = p > pos && ((st->ti[p - 1].cls & W_QUANT) || (st->s->tok[p - 1].flags & DYAD_TOK_NUM));
        /* one unknown capitalised modifier right before an actor: "against Islamist militants" */
        int modifier = !k && (st->s->tok[p].flags & DYAD_TOK_CAP) && st->ti[p].low != c->ctx->w_poss && !(st->ti[p].f & (T_VERBFORM | T_ED | T_ING | T_LY))
                       && !(st->s->tok[p].flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))
                       && same_clause(st, p + 1, ms->clause) && st->ti[p + 1].mention >= 0 && st->m[st->ti[p + 1].mention].s == p + 1
                       && st->ti[p + 1].low != c->ctx->w_poss;
        if ((k & (W_DET | W_GEOADJ | W_QUANT | W_FORMER)) || (st->s->tok[p].flags & DYAD_TOK_NUM) || dyad_sponsor_mod(st, p) || modifier
            || dyad_lower_premodifier(st, p, ms->clause)
            || (st->ti[p].low == c->ctx->w_of && quant_before)
            || (is_word(st, p, "at") && p + 1 < st->s->ntok && (st->ti[p + 1].cls & W_QUANT) && p == pos)) {
            p++;
            skipped++;
            continue;
        }
        break;
    }
    if (b == &ms->tgt && ms->src.n >= 2 && same_clause(st, p + 1, ms->clause)
        && ((is_word(st, p, "each") && is_word(st, p + 1, "other")) || (is_word(st, p, "one") && is_word(st, p + 1, "another")))) {
        /* "A and B accused each other": every ordered pair of the compound subject */
        *b = ms->src;
        if (dyad_match_r(c, st, ms, k + 1, p + 2)) return 1;
        b->n = 0;
        return 0;
    }
    if (same_clause(st, p, ms->clause) && st->ti[p].mention < 0 && b == &ms->tgt)
        return dyad_implicit_target(c, st, ms, k, pos, b) || dyad_placed_target(c, st, ms, k, p, b) || dyad_place_target(c, st, ms, k, pos, b);
    if (!same_clause(st, p, ms->clause) || st->ti[p].mention < 0 || st->m[st->ti[p].mention].s != p)
        return 0;
    int mem[8], mi = st->ti[p].mention;
    const group *gg = &st->g[st->m[mi].group];
    for (int q = 0; q < gg->n; q++) if (st->m[gg->m[q]].s == p) { mi = gg->m[q]; break; }   /* "the two sides" */
    int n = dyad_group_tail(st, mi, mem);
    for (int cnt = n; cnt >= 1; cnt--) {
        b->n = cnt;
        memcpy(b->m, mem, (size_t)cnt * sizeof *mem);
        if (dyad_match_r(c, st, ms, k + 1, st->m[mem[cnt - 1]].e)) return 1;
        /* or only the country of the last one, leaving its role word to the pattern:
         * "expelled the French ambassador" with "SRC expel TGT ambassador" */
        int sh = dyad_country_shadow(c, st, mem[cnt - 1]);
        if (sh >= 0) {
            b->m[cnt - 1] = sh;
            if (dyad_match_r(c, st, ms, k + 1, st->m[sh].e)) return 1;
        }
    }
    b->n = 0;
    return 0;
}

int dyad_match_r(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos)
{
    if (k == ms->nel) { ms->end = pos; return 1; }
    const dyad_pelem *e = &ms->el[k];
    const dyad_dict *d = c->ctx->dict;
    switch (e->kind) {
    case DYAD_EL_WORD:
    case DYAD_EL_SET:
        if (same_clause(st, pos, ms->clause) && dyad_word_match(d, e, st, pos) && dyad_match_r(c, st, ms, k + 1, pos + 1)) return 1;
        /* a pattern that names the connective ("SRC demand that TGT ...") follows it into
         * the clause it opens */
        if (pos > 0 && pos < st->s->ntok && (st->ti[pos].cls & (W_REL | W_SUBORD)) && st->ti[pos - 1].clause == ms->clause
            && dyad_word_match(d, e, st, pos)) {
            int save = ms->clause;
            ms->clause = pos + 1 < st->s->ntok ? st->ti[pos + 1].clause : st->ti[pos].clause;
            if (dyad_match_r(c, st, ms, k + 1, pos + 1)) return 1;
            ms->clause = save;
        }
        if ((e->flags & DYAD_EL_OPT) && dyad_match_r(c, st, ms, k + 1, pos)) return 1;
        {   /* a place phrase is where, not part of the pattern: "protested in Minsk against" */
            int pe = dyad_place_phrase(st, pos, ms->clause);
            if (pe > 0 && dyad_match_r(c, st, ms, k, pe)) return 1;
            /* and so is a time phrase: "marched in Hong Kong on Sunday against" */
            pe = dyad_time_phrase(st, pos, ms->clause);
            if (pe > 0 && dyad_match_r(c, st, ms, k, pe)) return 1;
            /* and a place's description: "attacked the Ghouta suburbs of Damascus with" */
            pe = dyad_place_descriptor(st, pos, ms->clause);
            if (pe > 0 && dyad_match_r(c, st, ms, k, pe)) return 1;
        }
        return dyad_sym_stop(c, st, ms, k, pos) || dyad_conflict_stop(c, st, ms, k, pos);
    case DYAD_EL_COUNT: {
        long v;
        int n = dyad_count_phrase(st, pos, ms->clause, &v);
        return n && dyad_count_ok(e, v) && dyad_match_r(c, st, ms, k + 1, pos + n);
    }
    case DYAD_EL_SKIP:
        for (int n = 0, used = 0, seps = 0; n < e->skip + 20; n++) {
            if (n > 0) {
                int t = pos + n - 1;
                if (!same_clause(st, t, ms->clause)) break;
                /* an amount counts as one word: "$ 5 billion"; each item of a list may use the
                 * whole skip: "31 Abrams tanks, 20 Bradley fighting vehicles and ammunition" */
                if (dyad_list_sep(st, t) && seps < 4) { used = 0; seps++; }
                else if (!dyad_amount_tail(st, t) && ++used > e->skip) break;
                /* "..." skips words, and role nouns with no country ("joint military exercises"),
                 * but never an actor */
                if (st->ti[t].mention >= 0) {
                    const mention *mm = &st->m[st->ti[t].mention];
                    /* a place phrase is where, not who: "broke out in Khartoum between ..." */
                    int place = mm->country_only && mm->s > 0 && st->g[mm->group].n == 1
                                && (is_word(st, mm->s - 1, "in") || is_word(st, mm->s - 1, "at")
                                    || is_word(st, mm->s - 1, "near")) && mm->s - 1 >= pos;
                    /* and so is the place people fled or left: "fled Nagorno-Karabakh after ..." */
                    place = place || (mm->s > 0 && st->g[mm->group].n == 1 && mm->kind == M_ACTOR
                                      && mm->agent < 0 && (is_word(st, mm->s - 1, "fled") || is_word(st, mm->s - 1, "left"))
                                      && mm->s - 1 >= pos - 1);
                    /* a role noun whose country the text does not state ("troops", "a drug
                     * lord": country from the discourse or none) is passed like a plain word */
                    int bare = mm->kind == M_AGENT && mm->agent_s == mm->s && mm->agent_e == mm->e;
                    if (!place && !bare && (mm->kind != M_AGENT || mm->code != mm->role)) break;
                }
                if (st->ti[t].cls & (W_BE | W_HAVE | W_MODAL)) break;
            }
            if (dyad_match_r(c, st, ms, k + 1, pos + n)) return 1;
        }
        return 0;
    case DYAD_EL_SRC:
    case DYAD_EL_TGT:
        if (slot_r(c, st, ms, k, pos, e->kind == DYAD_EL_SRC ? &ms->src : &ms->tgt)) return 1;
        return dyad_sym_stop(c, st, ms, k, pos) || (e->kind == DYAD_EL_TGT && dyad_conflict_stop(c, st, ms, k, pos));
    case EL_BYSRC:
        for (int n = 0; n <= 4; n++) {
            int t = pos + n;
            if (!same_clause(st, t, ms->clause) || st->ti[t].mention >= 0) return 0;
            if (st->ti[t].low == c->ctx->w_by) return slot_r(c, st, ms, k, t + 1, &ms->src);
            if (st->s->tok[t].flags & DYAD_TOK_PUNCT) return 0;
        }
        return 0;
    }
    return 0;
}

/* "a Russian missile strike on Kyiv", "Israeli shelling of Gaza": in a pattern of material
 * conflict, "SRC 's" (element k is the 's) also matches a country adjective or attributive
 * country name right before the noun, as "Russia's missile strike on Kyiv" would. */
static int poss_after_slot(const dyad_coder *c, const dyad_pattern *p, const dyad_pelem *el, int k)
{
    const dyad_pelem *e = &el[k];
    return k >= 1 && (el[k - 1].kind == DYAD_EL_SRC || el[k - 1].kind == DYAD_EL_TGT) && e->nalt == 1
           && e->kind == DYAD_EL_WORD && !(e->flags & DYAD_EL_OPT)
           && dyad_dict_alts(c->ctx->dict, e)[0] == c->ctx->w_poss
           && atoi((char[3]){ p->code[0], p->code[1], 0 }) >= 18;
}

static int adjective_for_poss(const dyad_coder *c, const sent_state *st, const mstate *ms,
                              const dyad_pelem *el, int k, int pos)
{
    if (!poss_after_slot(c, ms->p, el, k)) return 0;
    int i = pos - 1;
    if (!same_clause(st, i, ms->clause) || st->ti[i].mention < 0 || st->ti[pos].low == c->ctx->w_poss) return 0;
    const mention *m = &st->m[st->ti[i].mention];
    if (m->e != pos || !m->country_only) return 0;
    /* only as a subject: "(On Monday,) a Russian strike on Kyiv killed ..."; after a verb or a
     * preposition ("the film depicts the Soviet invasion of Afghanistan") it names an event
     * the sentence does not report */
    int j = m->s - 1;
    if (j >= 0 && (st->ti[j].cls & W_DET)) j--;
    return j < 0 || st->ti[j].clause != ms->clause || (st->s->tok[j].flags & DYAD_TOK_PUNCT)
           || (st->ti[j].cls & W_TIME);
}

static int match_l(dyad_coder *c, sent_state *st, mstate *ms, const dyad_pelem *el, int head,
                   int k, int pos, const vgroup *vg, int passive)
{
    if (k < 0) return 1;
    const dyad_pelem *e = &el[k];
    const dyad_dict *d = c->ctx->dict;
    switch (e->kind) {
    case DYAD_EL_WORD:
    case DYAD_EL_SET:
        if (same_clause(st, pos - 1, ms->clause) && dyad_word_match(d, e, st, pos - 1)
            && match_l(c, st, ms, el, head, k - 1, pos - 1, vg, passive)) return 1;
        if ((e->flags & DYAD_EL_OPT) || adjective_for_poss(c, st, ms, el, k, pos))
            return match_l(c, st, ms, el, head, k - 1, pos, vg, passive);
        return 0;
    case DYAD_EL_SKIP:
        for (int n = 0; n <= e->skip; n++) {
            if (n > 0 && (!same_clause(st, pos - n, ms->clause) || st->ti[pos - n].mention >= 0)) break;
            if (match_l(c, st, ms, el, head, k - 1, pos - n, vg, passive)) return 1;
        }
        return 0;
    case DYAD_EL_COUNT:     /* a count ending right before pos: "thousands of ... fled" */
        for (int q = pos - 1; q >= 0 && q >= pos - 12 && same_clause(st, q, ms->clause); q--) {
            long v;
            if (dyad_count_phrase(st, q, ms->clause, &v) == pos - q)
                return dyad_count_ok(e, v) && match_l(c, st, ms, el, head, k - 1, q, vg, passive);
        }
        return 0;
    case DYAD_EL_SRC:
    case DYAD_EL_TGT: {
        bind *b = (e->kind == DYAD_EL_SRC) != (passive != 0) ? &ms->src : &ms->tgt;
        int where = -1;
        if (k == head - 1) {
            /* "Armenian positions were shelled", "Israeli strikes killed": a nationality
             * adjective stands for its noun only in the passive and for material conflict */
            int root = atoi((char[3]){ ms->p->code[0], ms->p->code[1], 0 });
            int modifier_ok = passive || root == 15 || root >= 17;
            subj_cache *sc = ms->sc;
            if (!sc->done[modifier_ok]) {
                sc->done[modifier_ok] = 1;
                sc->participle[modifier_ok] = dyad_participle_subject(st, sc->head, vg, ms->clause, &sc->b[modifier_ok]);
                sc->ok[modifier_ok] = sc->participle[modifier_ok]
                                      || dyad_find_subject(c, st, vg->s, ms->clause, &sc->b[modifier_ok], &where, modifier_ok);
            }
            if (sc->ok[modifier_ok]) *b = sc->b[modifier_ok];
            if (!sc->ok[modifier_ok]) {
                /* the antecedent of "who"/"which" or the subject of a coordinated clause, only
                 * for a verb group that opens its clause ("..., who met X", "and accused Y") */
                if (k == 0 && dyad_opens_clause(st, vg->s, ms->clause) && dyad_inherited_subject(st, ms->clause, b, 0)) return 1;
                /* a fronted participle or temporal clause: the main clause's subject (subject.c) */
                if (k == 0 && !passive && dyad_fronted_subject(st, vg->s, b)) return 1;
                return 0;
            }
            return match_l(c, st, ms, el, head, k - 1, st->m[b->m[0]].s, vg, passive);
        }
        int i = pos - 1;
        if (!same_clause(st, i, ms->clause) || st->ti[i].mention < 0 || st->m[st->ti[i].mention].e != pos) return 0;
        dyad_whole_group(st, st->ti[i].mention, b);
        return match_l(c, st, ms, el, head, k - 1, st->m[b->m[0]].s, vg, passive);
    }
    }
    return 0;
}


static int try_pattern(dyad_coder *c, sent_state *st, int h, const vgroup *vg, int pid, cand *out, subj_cache *sc)
{
    const dyad_dict *d = c->ctx->dict;
    const dyad_pattern *p = dyad_dict_pattern(d, pid);
    const dyad_pelem *el = dyad_dict_elems(d, p);
    int H = p->head;
    /* "the talks", "an attack": after a determiner the head is a noun, not the verb of a
     * subject (nominal patterns name their 's or words instead of a subject slot) */
    if (H > 0 && el[H - 1].kind == DYAD_EL_SRC && h > 0 && st->ti[h - 1].mention < 0
        && ((st->ti[h - 1].cls & W_DET) || st->ti[h - 1].low == c->ctx->w_poss)) return 0;
    if (H > 0 && el[H - 1].kind == DYAD_EL_SRC && sc->counted) return 0;   /* "two navy ships" */
    /* the index guarantees the head; a required word absent from the sentence rules the pattern out */
    for (int k = 0; k < p->nelem; k++) {
        if (k == H || el[k].kind != DYAD_EL_WORD || (el[k].flags & (DYAD_EL_OPT | DYAD_EL_PREFIX))) continue;
        int any = (el[k].sig & st->sig) != 0;
        if (any) {
            const dyad_wid *alts = dyad_dict_alts(d, &el[k]);
            any = 0;
            for (int a = 0; a < el[k].nalt && !any; a++) any = (st->words[(alts[a] & 1023) >> 6] >> (alts[a] & 63)) & 1;
        }
        if (!any && k >= 1 && el[k].nalt == 1 && (el[k - 1].kind == DYAD_EL_SRC || el[k - 1].kind == DYAD_EL_TGT)
            && poss_after_slot(c, p, el, k)) continue;             /* may be an adjective (above) */
        /* sym_stop and conflict_stop may leave out the prepositions before TGT */
        int open_tgt = (p->flags & DYAD_PAT_SYM) || (c->has_pair && p->code[0] == '2')
                       || (c->has_pair && p->code[0] == '1' && p->code[1] >= '8');
        if (!any && !(open_tgt && dyad_all_prep(c, &el[k]))) return 0;
    }
    if ((el[H].flags & DYAD_EL_PREFIX) && !dyad_word_match(d, &el[H], st, h)) return 0;
    int left_slot = -1, right_tgt = -1;
    for (int k = 0; k < H; k++) if (el[k].kind == DYAD_EL_SRC) left_slot = k;
    for (int k = H + 1; k < p->nelem; k++) if (el[k].kind == DYAD_EL_TGT) right_tgt = k;
    dyad_pelem rel[70];
    int passive = vg->passive && left_slot >= 0 && right_tgt >= 0;
    for (int variant = 0; variant < (passive ? 2 : 1); variant++) {
        mstate ms;
        memset(&ms, 0, sizeof ms);
        ms.p = p;
        ms.sc = sc;
        ms.clause = st->ti[h].clause;
        if (!passive) {
            ms.el = el + H + 1;
            ms.nel = p->nelem - H - 1;
        } else {
            /* passive: TGT comes from the subject; "by SRC" right after the verb or after the rest */
            int n = 0;
            if (variant == 0) rel[n++] = (dyad_pelem){ .kind = EL_BYSRC };
            for (int k = H + 1; k < p->nelem; k++) if (k != right_tgt) rel[n++] = el[k];
            if (variant == 1) rel[n++] = (dyad_pelem){ .kind = EL_BYSRC };
            ms.el = rel;
            ms.nel = n;
        }
        if (!match_l(c, st, &ms, el, H, H - 1, h, vg, passive)) continue;
        ms.head = h;
        /* a sym pattern with a compound source may end before its TGT, but only when no full
         * match exists ("shared intelligence on threats with Germany") */
        ms.sym_open = (p->flags & DYAD_PAT_SYM) && ms.src.n >= 2 && !dyad_match_r(c, st, &ms, 0, h + 1);
        if (!dyad_match_r(c, st, &ms, 0, h + 1)) continue;
        /* size conditions of the subject, and a counted population in root 20 (match_count.c) */
        if (!dyad_counts_ok(st, p, el, h, ms.src.m, ms.src.n, ms.tgt.m, ms.tgt.n, passive ? right_tgt : -1)) continue;
        if (dyad_nominal_in_object(c, st, p, el, &ms, h)) return 0;
        if (dyad_naming_call(st, h, p, ms.end)) return 0;
        int start = ms.src.n ? st->m[ms.src.m[0]].s : h;
        if (ms.tgt.n && st->m[ms.tgt.m[0]].s < start) start = st->m[ms.tgt.m[0]].s;
        out->pid = pid;
        out->score = p->specificity;
        out->len = ms.end - start;
        out->passive = passive;
        out->ms = ms;
        if (passive) out->ms.el = NULL;
        return 1;
    }
    return 0;
}

static int code_head(dyad_coder *c, sent_state *st, int h, dyad_event_fn fn, void *user)
{
    const dyad_dict *d = c->ctx->dict;
    const dyad_ctx *ctx = c->ctx;
    const tinfo *ti = &st->ti[h];
    int n1 = 0, n2 = 0, n3 = 0;
    const uint32_t *l1 = dyad_dict_patterns_for(d, ti->lem, &n1);
    const uint32_t *l2 = ti->low != ti->lem ? dyad_dict_patterns_for(d, ti->low, &n2) : NULL;
    /* TABARI stems: the longest proper prefix of the token that heads prefix patterns */
    const uint32_t *l3 = NULL;
    if (dyad_dict_has_prefix_heads(d)) {
        const char *w = st->s->tok[h].lower;
        for (size_t len = strlen(w); len-- > 2 && !n3; )
            l3 = dyad_dict_patterns_for(d, dyad_dict_word_n(d, w, len), &n3);
    }
    if (!n1 && !n2 && !n3) return 0;
    /* "in March 2021", "on Sunday": a capitalised month or day inside a sentence is a date */
    if ((st->s->tok[h].flags & DYAD_TOK_CAP) && !(st->s->tok[h].flags & DYAD_TOK_SENT_START)
        && (ti->cls & W_TIME)) return 0;
    /* "what he called ...": the naming verb of a free relative reports no event */
    for (int w = h - 1; w >= 0 && w >= h - 6; w--)
        if (st->ti[w].low == ctx->w_what) { if (dyad_naming_relative(st, w, ti->clause) > h) return 0; break; }
    vgroup vg;
    dyad_verb_group(c, st, h, &vg);
    cand best = { .pid = -1 };
    subj_cache sc;
    memset(&sc, 0, sizeof sc);
    sc.head = h;
    sc.counted = dyad_counted_noun_head(st, h);
    if (c->trace)
        dyad_trace(c, "head '%s' (verb group tokens %d-%d%s%s%s%s%s), clause %d: %d candidate patterns",
                   st->s->tok[h].text, vg.s, h, vg.neg ? ", negated" : "", vg.modal ? ", modal/future" : "",
                   vg.passive ? ", passive" : "", vg.infinitive ? ", infinitive" : "",
                   st->c[ti->clause].irreal ? ", conditional" : "", ti->clause, n1 + n2 + n3);
    int tried = 0, nomatch = 0;
    for (int pass = 0; pass < 3; pass++) {
        const uint32_t *l = pass == 0 ? l1 : pass == 1 ? l2 : l3;
        int n = pass == 0 ? n1 : pass == 1 ? n2 : n3;
        for (int i = 0; i < n; i++) {
            cand cd;
            /* lists are sorted most specific first: nothing later can beat the best */
            if (best.pid >= 0 && dyad_dict_pattern(d, (int)l[i])->specificity < best.score) break;
            if (pass == 2 && !(dyad_dict_elems(d, dyad_dict_pattern(d, (int)l[i]))[dyad_dict_pattern(d, (int)l[i])->head].flags
                               & DYAD_EL_PREFIX)) continue;
            tried++;
            if (!try_pattern(c, st, h, &vg, (int)l[i], &cd, &sc)) {
                if (c->trace && ++nomatch <= 6) {
                    const dyad_pattern *p = dyad_dict_pattern(d, (int)l[i]);
                    dyad_trace(c, "  pattern %s:%d [%s] %s -- no match", p->src.file, p->src.line, p->code, p->text);
                }
                continue;
            }
            if (best.pid < 0 || cd.score > best.score || (cd.score == best.score && cd.len > best.len)
                || (cd.score == best.score && cd.len == best.len && cd.pid < best.pid))
                best = cd;
            if (c->trace) {
                const dyad_pattern *p = dyad_dict_pattern(d, (int)l[i]);
                dyad_trace(c, "  pattern %s:%d [%s] %s -- matches%s", p->src.file, p->src.line, p->code, p->text,
                           cd.passive ? " (passive)" : "");
            }
        }
    }
    (void)tried;
    if (nomatch > 6) dyad_trace(c, "  (%d more patterns did not match)", nomatch - 6);
    if (best.pid < 0) { dyad_trace(c, "  no pattern matched"); return 0; }
    const dyad_pattern *p = dyad_dict_pattern(d, best.pid);
    const mstate *ms = &best.ms;
    dyad_trace(c, "  best: %s:%d [%s] %s", p->src.file, p->src.line, p->code, p->text);
    if (dyad_descriptive_relative(st, h, &vg)) {
        dyad_trace(c, "  not coded: a present-tense relative clause describes its antecedent (\"Iran, which backs ...\")");
        return 0;
    }
    if (dyad_descriptive_present(st, h, &vg, p, dyad_dict_elems(d, p))) {
        dyad_trace(c, "  not coded: a present-tense verb describes a standing relation (\"Iran supports ...\")");
        return 0;
    }
    const char *code = p->code;
    int intent = 0;
    if ((vg.caused || vg.ordinal) && !vg.modal && !st->c[ti->clause].irreal)
        dyad_trace(c, vg.ordinal ? "  ordinal (\"the first X to visit\"): the infinitive happened"
                                 : "  caused (\"prompting/forcing X to ...\"): the infinitive happened");
    else if (vg.modal || vg.infinitive || st->c[ti->clause].irreal) {
        /* a promise, plan or threat ("will provide", "said it would send", "agreed/vowed to
         * V") is coded as CAMEO's intent (03x) or threat (13x) of the action (modality.c);
         * hypotheticals ("could", "may") and conditions ("if") are not */
        int threat = 0;
        const char *ic = NULL;
        int form = (!st->c[ti->clause].irreal || dyad_commit_complement(c, st, ti->clause))
                   && (!dyad_sentence_irreal(st) || dyad_commit_report(st, ti->clause))
                   && (!vg.modal || vg.future) && (!vg.infinitive || vg.commit);
        if (form && vg.neg) ic = p->negcode[0] ? p->code : NULL;   /* "would not approve": the refusal below */
        else if (form) {
            ic = dyad_intent_code(p->code, &threat);
            /* "agreed to dissolve X", "decided to expel": a commitment, not a threat; only
             * will/would or threaten/vow make a coercive action a threat */
            if (ic && threat && vg.infinitive && !vg.threatv && !vg.modal) ic = NULL;
            /* "threatened to send refugees to Europe" is no promise of aid */
            if (ic && !threat && vg.threaten) ic = NULL;
        }
        if (!ic) {
            dyad_trace(c, "  not coded: %s (not reported as having happened)",
                       vg.modal ? "modal or future verb" : vg.infinitive ? "infinitive (threatened/planned/agreed to ...)"
                                                                   : "conditional clause");
            return 0;
        }
        code = ic;
        intent = !vg.neg;
        if (intent) dyad_trace(c, "  %s form: coded as %s %s (modality.c)", vg.infinitive ? "commitment" : "future",
                               threat ? "threat" : "intent", code);
    }
    int negated = 0;
    if (vg.neg) {
        if (p->negcode[0]) { code = p->negcode; dyad_trace(c, "  negated (%s): coded as neg=%s", vg.why, code); }
        else if (ctx->opt.keep_negated) { negated = 1; dyad_trace(c, "  negated (%s): kept with negated=1", vg.why); }
        else { dyad_trace(c, "  not coded: negated (%s)", vg.why); return 0; }
    }
    if (!ms->src.n && !(p->flags & DYAD_PAT_NOSRC)) { dyad_trace(c, "  not coded: no source actor"); return 0; }
    if (!ms->tgt.n && !(p->flags & DYAD_PAT_NOTGT) && !((p->flags & DYAD_PAT_SYM) && ms->src.n >= 2)
        && !ms->other_side[0]) {
        dyad_trace(c, "  not coded: no target actor");
        return 0;
    }
    if ((sc.participle[0] || sc.participle[1]) && ms->src.n && ((code[0] == '1' && code[1] >= '8') || !strncmp(code, "20", 2))) {
        /* ", killing 12 people", "leaving 286 dead": a result clause; its deaths are the
         * fatalities of the clause's own event (the extractor attaches them), not an attack
         * by whatever actor (a place, a nationality adjective) opens the clause */
        dyad_trace(c, "  not coded: a participle stating the result of its clause's event");
        return 0;
    }
    if ((sc.participle[0] || sc.participle[1]) && ms->src.n) {
        /* ", killing one civilian" is the outcome of the event its clause already coded */
        for (int i = 0; i < c->nseen; i++)
            if (!strcmp(c->seen[i].s, st->m[ms->src.m[0]].code ? st->m[ms->src.m[0]].code : "")
                && !strncmp(c->seen[i].code, code, 2)) {   /* (", accusing it of" adds a 112) */
                dyad_trace(c, "  not coded: a participle continuing an event already coded for %s", c->seen[i].s);
                return 0;
            }
    }
    if (ms->src.n) st->c[ti->clause].subject = ms->src.m[0];
    const char *rule = ctx->rules[best.pid];
    int vs = vg.s, ve = h + 1;
    c->match_s = vs < h ? vs : h;
    if (ms->src.n && st->m[ms->src.m[0]].s < c->match_s && st->m[ms->src.m[0]].e > c->match_s)
        c->match_s = st->m[ms->src.m[0]].s;
    c->match_e = ms->end > ve ? ms->end : ve;
    if ((p->flags & DYAD_PAT_SYM) && !(vg.neg && p->negcode[0] && ms->tgt.n) && !(intent && ms->tgt.n)) {
        /* (a refusal or an intention is not mutual: "X refused to meet Y", "X agreed to meet Y"
         * are X's acts only) */
        /* every ordered pair among the actors the pattern bound */
        int all[16], na = 0;
        for (int i = 0; i < ms->src.n; i++) all[na++] = ms->src.m[i];
        for (int i = 0; i < ms->tgt.n; i++) all[na++] = ms->tgt.m[i];
        c->mutual = 1;      /* (refine.c: rules for one direction of a mutual act) */
        for (int i = 0; i < na; i++)
            for (int j = 0; j < na; j++) {
                if (i == j) continue;
                if (ms->tgt.n && ((i < ms->src.n) == (j < ms->src.n))) continue;   /* S x T both ways */
                if (dyad_emit(c, st, &st->m[all[i]], &st->m[all[j]], code, rule, negated, intent, vs, ve, ti->clause, fn, user)) { c->mutual = 0; return DYAD_STOP; }
                if (na == 2) dyad_discourse_pair(c, &st->m[all[0]], &st->m[all[1]]);   /* "the two sides" */
            }
        c->mutual = 0;
        return 0;
    }
    for (int i = 0; i < (ms->src.n ? ms->src.n : 1); i++) {
        const mention *sm = ms->src.n ? &st->m[ms->src.m[i]] : NULL;
        if (!ms->tgt.n && sm && sm->shadow_of >= 0) sm = &st->m[sm->shadow_of];
        mention placed;     /* "people protested in Kyiv": the country first, then the self-target */
        dyad_cx_event cxe = { .cl = ti->clause, .code = code, .sc = sm ? sm->code : "", .tc = "" };
        if (!ms->tgt.n && sm && dyad_countryless(sm)) sm = dyad_context_actor(c, st, sm, NULL, &cxe, &placed);
        char self[16];
        if (!ms->tgt.n && sm && ms->other_side[0]) {
            mention tm = dyad_unspanned(c, ms->other_side);
            dyad_trace(c, "  no stated target: the other side of the article's conflict, %s", tm.code);
            if (dyad_emit(c, st, sm, &tm, code, rule, negated, intent, vs, ve, ti->clause, fn, user)) return DYAD_STOP;
            continue;
        }
        if (!ms->tgt.n && sm && sm->code && !dyad_countryless(sm) && strncmp(sm->code, "IGO", 3) && strncmp(sm->code, "NGO", 3)
            && strncmp(sm->code, "IMG", 3) && dyad_self_target(p->code, sm->code, self)) {
            /* (decided on the pattern's own code: "refused to resign" 1231 is domestic too) */
            /* a domestic measure with no stated target: the source's own country (modality.c) */
            mention tm = dyad_unspanned(c, self);
            dyad_trace(c, "  no stated target: a domestic measure, target %s (the source's country)", tm.code);
            if (dyad_emit(c, st, sm, &tm, code, rule, negated, intent, vs, ve, ti->clause, fn, user)) return DYAD_STOP;
            continue;
        }
        if (!ms->tgt.n && (p->flags & DYAD_PAT_NOTGT) && p->code[0] == '1' && p->code[1] == '3') {
            /* "warned that Moscow would respond", "vowed to retaliate": a threat to respond is
             * one only in a future or commitment form, against the latest actor that acted
             * against the threatener's country (follow.c) */
            char adv[32];
            if (!intent || !sm || !sm->code || !dyad_adversary(c, sm->code, adv)) {
                dyad_trace(c, "  not coded: a threat to respond needs a future form and an adversary in the article");
                continue;
            }
            mention tm = dyad_unspanned(c, adv);
            dyad_trace(c, "  no stated target: the threat is against the latest actor against %.3s, %s", sm->code, adv);
            if (dyad_emit(c, st, sm, &tm, code, rule, negated, intent, vs, ve, ti->clause, fn, user)) return DYAD_STOP;
            continue;
        }
        for (int j = 0; j < (ms->tgt.n ? ms->tgt.n : 1); j++)
            if (dyad_emit(c, st, ms->src.n ? &st->m[ms->src.m[i]] : NULL, ms->tgt.n ? &st->m[ms->tgt.m[j]] : NULL,
                     code, rule, negated, intent, vs, ve, ti->clause, fn, user)) return DYAD_STOP;
    }
    return 0;
}

/* --speaker-events: "X said ..." is also X's 010 towards the first actor of what X said. */
static int speaker_events(dyad_coder *c, sent_state *st, dyad_event_fn fn, void *user)
{
    for (int k = 0; k < st->nc; k++) {
        clause *cl = &st->c[k];
        if (cl->kind != C_REPORTING || cl->report_tok < 0) continue;
        int r = cl->report_tok, sp = -1;
        for (int i = r - 1; i >= cl->s && sp < 0; i--) if (st->ti[i].clause == k && st->ti[i].mention >= 0) sp = st->ti[i].mention;
        if (sp < 0 && r + 1 < st->s->ntok && st->ti[r + 1].mention >= 0) sp = st->ti[r + 1].mention;
        if (sp < 0) continue;
        int tg = -1;
        for (int i = 0; i < st->s->ntok && tg < 0; i++)
            if (st->c[st->ti[i].clause].kind == C_REPORTED && st->ti[i].mention >= 0) tg = st->ti[i].mention;
        if (tg < 0) continue;
        dyad_trace(c, "reported speech: speaker '%s'", st->m[sp].name);
        if (dyad_emit(c, st, &st->m[sp], &st->m[tg], "010", "builtin:reported-speech", 0, 0, r, r + 1, k, fn, user)) return DYAD_STOP;
    }
    return 0;
}

/* An auxiliary ("was", "has") before a participle is not a head of its own. */
static int auxiliary(const sent_state *st, int h)
{
    if (!(st->ti[h].cls & (W_BE | W_HAVE | W_DO))) return 0;
    for (int j = h + 1; j < st->s->ntok && j <= h + 3; j++) {
        if (st->ti[j].cls & (W_NEG | W_ADV | W_BE | W_HAVE)) continue;
        return st->ti[j].mention < 0 && (st->ti[j].f & (T_VERBFORM | T_ING));
    }
    return 0;
}

int dyad_match_sentence(dyad_coder *c, sent_state *st, int sent, dyad_event_fn fn, void *user)
{
    (void)sent;
    c->nseen = 0;
    if (st->nm == 0) { dyad_trace(c, "no actors: nothing to code"); return 0; }
    for (int h = 0; h < st->s->ntok; h++) {
        if (st->ti[h].mention >= 0 || auxiliary(st, h)) continue;
        if (code_head(c, st, h, fn, user) == DYAD_STOP) return DYAD_STOP;
    }
    if (dyad_reduced_passive(c, st, fn, user) == DYAD_STOP) return DYAD_STOP;   /* targets.c */
    if (c->ctx->opt.speaker_events && speaker_events(c, st, fn, user) == DYAD_STOP) return DYAD_STOP;
    return 0;
}
