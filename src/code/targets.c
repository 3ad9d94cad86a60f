/*
 * targets.c — targets the text leaves implicit or names as places (part of the
 * matcher, match.h).
 *
 * A sym pattern with a compound source may end before its TGT ("Putin and Aliyev met");
 * an attack by one side of the article's conflict may end before its TGT (the other
 * side). A TGT slot may be an event noun standing for the latest such event's source
 * ("condemned the attack"), a placed noun phrase or a gazetteer place in an attack ("a
 * hotel in Mogadishu", "the Kurdish town of Halabja"), or a counted population ("8,000
 * Muslim men and boys in Srebrenica").
 */
#include <stdio.h>
#include <stdlib.h>

#include "code/match.h"

/* A sym pattern with a compound source may end before its TGT: "Putin and Aliyev met". */
int dyad_sym_stop(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos)
{
    if (!ms->sym_open || !(ms->p->flags & DYAD_PAT_SYM) || ms->src.n < 2 || ms->tgt.n) return 0;
    /* only where the clause ends or a place/time/topic phrase, a purpose infinitive or a
     * participle follows: "met in Sochi", "met on Monday", "traded accusations over ...", "a
     * partnership to counter China", but not "called for a ceasefire" (symmetric.c) */
    if (!dyad_sym_open_end(st, pos, ms->clause, pos > ms->head + 1)) return 0;
    /* "agreed on Friday to re-establish relations": after a verb of commitment the time
     * phrase is followed by what they agreed to do, not the end of a mutual act */
    int q = pos;
    for (int n = 0; n < 3; n++) {
        int pe = dyad_time_phrase(st, q, ms->clause);
        if (pe <= 0) pe = dyad_place_phrase(st, q, ms->clause);
        if (pe <= 0) break;
        q = pe;
    }
    if (is_word(st, q, "to") && q + 1 < st->s->ntok && st->ti[q + 1].mention < 0
        && (st->ti[ms->head].cls & W_COMMIT)) return 0;    /* (not "met in Caracas to discuss") */
    for (int q = k; q < ms->nel; q++) {
        const dyad_pelem *e = &ms->el[q];
        if (e->kind == DYAD_EL_TGT || (e->flags & DYAD_EL_OPT)) continue;
        if (e->kind == DYAD_EL_WORD && dyad_all_prep(c, e)) continue;
        return 0;
    }
    ms->end = pos;
    return 1;
}

/* "Russia launched 40 drones and six missiles overnight": in an article about a conflict
 * (the latest pair of sides, discourse.c), an attack (18-20) by one side whose clause names
 * no target hits the other side. Only where the clause ends or a time phrase follows (a
 * place would say where: "struck targets in Syria" is not the other side), and only for a
 * source that is one of the two sides. */
int dyad_conflict_stop(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos)
{
    int root = atoi((char[3]){ ms->p->code[0], ms->p->code[1], 0 });
    if (root < 18 || (ms->p->flags & DYAD_PAT_SYM) || ms->src.n != 1 || ms->tgt.n || !c->has_pair) return 0;
    if (pos < st->s->ntok && st->ti[pos].clause == ms->clause && !(st->s->tok[pos].flags & DYAD_TOK_PUNCT)
        && !is_word(st, pos, "overnight") && !dyad_time_phrase(st, pos, ms->clause)) return 0;
    for (int q = k; q < ms->nel; q++) {
        const dyad_pelem *e = &ms->el[q];
        if (e->kind == DYAD_EL_TGT || (e->flags & DYAD_EL_OPT)) continue;
        if (e->kind == DYAD_EL_WORD && dyad_all_prep(c, e)) continue;
        return 0;
    }
    const mention *sm = &st->m[ms->src.m[0]];
    if (!sm->code || strlen(sm->code) < 3 || dyad_countryless(sm)) return 0;
    for (int side = 0; side < 2; side++) {
        if (strncmp(c->pair[side], sm->code, 3) || !strncmp(c->pair[1 - side], sm->code, 3)) continue;
        snprintf(ms->other_side, sizeof ms->other_side, "%.3s", c->pair[1 - side]);
        ms->end = pos;
        return 1;
    }
    return 0;
}

/* "Iran condemned the attack", "welcomed the pullout": an event noun after "the" in the TGT
 * slot of a statement, approval, demand or rejection (05, 10-12) stands for the source of the
 * article's latest event of that kind (18-20 for attacks, 08 for withdrawals, 15 for tests). */
static const struct { const char *nouns, *roots; } event_nouns[] = {
    { " attack attacks strike strikes airstrike airstrikes raid raids bombing bombings shelling "
      "invasion incursion offensive assault massacre storming bombardment ", "18 19 20" },
    /* killings may be a crackdown's (175: "police shot protesters ... condemned the killings") */
    { " killing killings shooting shootings ", "17 18 19 20" },
    { " withdrawal pullout ", "08" },
    { " test tests launch launches ", "15 19" },
    { " takeover coup campaign crackdown ", "17 18 19 20" },
    { " accusation accusations allegation allegations criticism condemnation ", "11" },
    { " veto rejection refusal ", "12" },
    { " release ", "08" },              /* "welcomed her release" */
    { " ceasefire truce ", "08" },
    { " sanctions embargo expulsion expulsions ", "16 17" },
    { " arrest arrests detention ", "17" },
    { " threat threats ultimatum ", "13" },
    { " demand demands ", "10" },
    { " visit trip ", "04" },
    { " recognition apology ", "05" },
    { " mobilisation mobilization deployment buildup build-up ", "15" },
    { " agreement agreements deal deals accord accords pact treaty ", "057 06" },   /* its parties */
    { " move decision step steps ", "" },   /* the latest event of any kind */
    /* only for hosting (043): "Lee, who hosted the summit, said" hosted its parties (both
     * sides of the latest meeting are its sources) */
    { " summit talks meeting negotiations ", "04" },
};

/* Does `code` start with one of the space-separated code prefixes in `list` ("18 19 20",
 * "057 06")? */
static int code_in(const char *list, const char *code)
{
    for (const char *p = list; *p;) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (n && !strncmp(code, p, n)) return 1;
        p += n;
    }
    return 0;
}

/* A shadow mention over tokens [s, e) standing for actor `code`; its index, or -1. */
static int event_mention(dyad_coder *c, sent_state *st, int s, int e, const char *code)
{
    int used = dyad_new_shadow(c, st);
    if (used < 0) return -1;
    mention *m = &st->m[used];
    m->s = s;
    m->e = e;
    m->code = dyad_arena_strdup(&c->arena, code);
    m->name = dyad_span_text(c, st, s, e);
    m->kind = M_ACTOR;
    return used;
}

int dyad_implicit_target(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos, bind *b)
{
    int root = atoi((char[3]){ ms->p->code[0], ms->p->code[1], 0 });
    int host = !strcmp(ms->p->code, "043");
    if (!(root == 5 || (root >= 10 && root <= 12) || host) || !c->nevs) return 0;
    int p = pos;
    /* "the attack", and a possessive for the event's author or undergoer ("her release") */
    if (!is_word(st, p, "the") && !is_word(st, p, "his") && !is_word(st, p, "her") && !is_word(st, p, "its")
        && !is_word(st, p, "their")) return 0;
    for (int n = 0; n < 3; n++) {
        int q = p + 1 + n;
        if (!same_clause(st, q, ms->clause) || st->ti[q].mention >= 0) return 0;
        char w[48];
        snprintf(w, sizeof w, " %s ", st->s->tok[q].lower);
        for (size_t e = 0; e < sizeof event_nouns / sizeof event_nouns[0]; e++) {
            if (!strstr(event_nouns[e].nouns, w)) continue;
            if (host != !strcmp(event_nouns[e].roots, "04")) continue;   /* (hosting: meetings only) */
            for (int i = c->nevs - 1; i >= 0; i--) {
                if (event_nouns[e].roots[0] && !code_in(event_nouns[e].roots, c->evs[i].code)) continue;
                /* the latest such event, with all its sources ("U.S. and British forces
                 * launched air strikes ... Saddam denounced the attack") */
                b->n = 0;
                for (int j = i; j >= 0 && b->n < 8; j--) {
                    if (j < i && (c->evs[j].sent != c->evs[i].sent || c->evs[j].verb != c->evs[i].verb
                                  || strcmp(c->evs[j].root, c->evs[i].root))) continue;
                    int dup = 0;
                    for (int q2 = 0; q2 < b->n; q2++) dup |= !strcmp(st->m[b->m[q2]].code, c->evs[j].src);
                    if (dup) continue;
                    int used = event_mention(c, st, p, q + 1, c->evs[j].src);
                    if (used < 0) return 0;
                    b->m[b->n++] = used;
                    dyad_trace(c, "  '%s' stands for the source of the article's latest %s event: %s",
                               st->m[used].name, c->evs[j].root, st->m[used].code);
                }
                if (dyad_match_r(c, st, ms, k + 1, q + 1)) return 1;
                b->n = 0;
                return 0;
            }
            return 0;
        }
        /* plain lower-case modifiers only: "the deadly attack", "the latest strikes" */
        if (st->ti[q].cls || (st->s->tok[q].flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM))) return 0;
    }
    return 0;
}

/* "attacked a hotel in Mogadishu", "fired missiles at cities across Ukraine": in an attack
 * (18-20) a TGT slot holding a plain noun phrase placed "in|across|near|of PLACE" is the
 * place's country (CAMEO codes the attack on the country where the target is). */
int dyad_placed_target(dyad_coder *c, sent_state *st, mstate *ms, int k, int p, bind *b)
{
    int root = atoi((char[3]){ ms->p->code[0], ms->p->code[1], 0 });
    if (root < 18 || root > 20) return 0;
    for (int q = p, n = 0; n < 4 && same_clause(st, q, ms->clause); q++, n++) {
        if (is_word(st, q, "in") || is_word(st, q, "across") || is_word(st, q, "near") || is_word(st, q, "of")) {
            if (q == p) return 0;
            int r = q + 1;
            if (is_word(st, r, "the")) r++;
            while (same_clause(st, r, ms->clause) && (st->ti[r].cls & W_GEOADJ) && st->ti[r].mention < 0) r++;
            if (!same_clause(st, r, ms->clause) || st->ti[r].mention < 0) return 0;
            int mi = st->ti[r].mention;
            const mention *m = &st->m[mi];
            if (!m->country_only || m->s != r || st->g[m->group].n != 1) return 0;
            b->n = 1;
            b->m[0] = mi;
            dyad_trace(c, "  target '%s' is placed in %s: the place's country", dyad_span_text(c, st, p, q), m->code);
            if (dyad_match_r(c, st, ms, k + 1, m->e)) return 1;
            b->n = 0;
            return 0;
        }
        if (st->ti[q].mention >= 0 || (st->ti[q].cls & ~(uint32_t)(W_QUANT | W_GEOADJ))
            || (st->s->tok[q].flags & (DYAD_TOK_PUNCT | DYAD_TOK_CAP | DYAD_TOK_POSS))) return 0;
    }
    return 0;
}

/* The bound source's country (a homonymous place prefers it), or NULL. */
static const char *src_country(const sent_state *st, const mstate *ms, char out[4])
{
    if (!ms->src.n || !st->m[ms->src.m[0]].code) return NULL;
    snprintf(out, 4, "%.3s", st->m[ms->src.m[0]].code);
    return out;
}

/* A slot with a size condition ("TGT>=1000", match_count.c): the count first, then the
 * actor, or victims placed in a place ("8,000 men and boys in Srebrenica"). -1: no such
 * count; 1: matched through the place; 0: go on with the actor at *pos. */
int dyad_counted_slot(dyad_coder *c, sent_state *st, mstate *ms, int k, int *pos, bind *b)
{
    int np = dyad_count_slot(st, &ms->el[k], *pos, ms->clause);
    if (np < 0) return -1;
    int after, pm = dyad_counted_victims(st, np, ms->clause, &after);
    if (pm < 0 && after >= 0) {
        /* "gassed thousands of Kurds in Halabja": a place the gazetteer knows */
        char pref[4];
        pm = dyad_gazetteer_target(c, st, after, ms->clause, src_country(st, ms, pref));
    }
    if (pm >= 0) {
        b->n = 1;
        b->m[0] = pm;
        dyad_trace(c, "  counted victims '%s' are placed in %s: the place's country", dyad_span_text(c, st, np, after > np ? after - 1 : st->m[pm].s),
                   st->m[pm].code);
        if (dyad_match_r(c, st, ms, k + 1, st->m[pm].e)) return 1;
        b->n = 0;
    }
    *pos = np;
    return 0;
}

/* An attack's target that is a place the dictionary does not name (place_target.c). */
int dyad_place_target(dyad_coder *c, sent_state *st, mstate *ms, int k, int p, bind *b)
{
    int root = atoi((char[3]){ ms->p->code[0], ms->p->code[1], 0 });
    if (root < 18 || root > 20) return 0;
    char pref[4];
    int mi = dyad_gazetteer_target(c, st, p, ms->clause, src_country(st, ms, pref));
    if (mi < 0) return 0;
    b->n = 1;
    b->m[0] = mi;
    if (dyad_match_r(c, st, ms, k + 1, st->m[mi].e)) return 1;
    b->n = 0;
    return 0;
}

/* ---- Reduced passives on a noun: "in a deal brokered by China" ------------------------
 * A participle right after a noun with "by ACTOR" after it ("a swap mediated by the UAE",
 * "a ceremony hosted by President Trump", "talks hosted by Qatar") is a passive relative
 * clause without "which was": the by-agent did the verb to the noun. The matcher's passive
 * reading needs a subject before the verb group, but here the noun is no actor: the
 * parties of the deal, swap or ceremony are the other actors of the clause the noun phrase
 * sits in ("Iran and Saudi Arabia agreed ..., in a deal brokered by China" → CHN→IRN,
 * CHN→SAU). Only hosting and mediation (043, 045) are read this way: for other roots the
 * clause's actors are rarely the verb's object ("a resolution sponsored by the U.S."). */

/* How well pattern p (headed by the participle at h) reads "NOUN h by SRC": 2 when its
 * right side names the noun at n ("SRC host ... @talk ... between TGT"), 1 when it has only
 * prepositions, skips and TGT ("SRC host TGT", "SRC mediate with TGT"), else 0. */
static int reduced_fit(dyad_coder *c, const sent_state *st, const dyad_pattern *p, int n)
{
    const dyad_dict *d = c->ctx->dict;
    const dyad_pelem *el = dyad_dict_elems(d, p);
    /* (hosting and mediation only: "a deal negotiated by the U.S. and Iran" names the parties
     * themselves in its by-phrase) */
    if ((strcmp(p->code, "043") && strcmp(p->code, "045")) || p->head != 1 || el[0].kind != DYAD_EL_SRC) return 0;
    int noun = 0, tgt = 0;
    for (int k = p->head + 1; k < p->nelem; k++) {
        const dyad_pelem *e = &el[k];
        if (e->kind == DYAD_EL_TGT) { tgt = 1; continue; }
        if (e->kind == DYAD_EL_SKIP || (e->flags & DYAD_EL_OPT)) continue;
        if ((e->kind == DYAD_EL_WORD || e->kind == DYAD_EL_SET) && !noun && dyad_word_match(d, e, st, n)) {
            noun = 1;
            continue;
        }
        if (e->kind == DYAD_EL_WORD && dyad_all_prep(c, e)) continue;
        return 0;
    }
    return tgt ? 1 + noun : 0;
}

/* "in the Saudi city of Jeddah" ending right before e: its first token ("in"), else -1. A
 * place is where the talks were held, never a party to them. */
static int place_span_before(const sent_state *st, int e)
{
    static const char *const kinds = " city town capital village province region port resort district state of the ";
    if (e < 1 || st->ti[e - 1].mention < 0 || !st->m[st->ti[e - 1].mention].country_only) return -1;
    int cl = st->ti[e - 1].clause;
    for (int q = e - 1; q >= 1 && q >= e - 8 && st->ti[q].clause == cl; q--) {
        if (st->ti[q].mention >= 0) {
            if (!st->m[st->ti[q].mention].country_only) return -1;
            q = st->m[st->ti[q].mention].s;
        } else if (is_word(st, q, "in") || is_word(st, q, "at") || is_word(st, q, "near")) {
            return q;
        } else {
            char w[40];
            snprintf(w, sizeof w, " %s ", st->s->tok[q].lower);
            if (!strstr(kinds, w) && !(st->ti[q].cls & W_GEOADJ)) return -1;
        }
    }
    return -1;
}

/* The noun a participle at h modifies: the token before it, a lower-case content word that
 * is no actor, grammar word or verb ("deal", "swap", "ceremony", "talks"), or the one before
 * a place phrase ("talks in the Saudi city of Jeddah brokered by ..."). -1: none. */
static int reduced_noun(const sent_state *st, int h)
{
    int n = h - 1, ps = place_span_before(st, h);
    if (ps > 0) n = ps - 1;
    if (n < 1 || st->ti[n].mention >= 0 || st->ti[n].cls || (st->ti[n].f & (T_COMMA | T_ED | T_ING | T_LY)))
        return -1;
    const char *w = st->s->tok[n].text;
    if (!((*w >= 'a' && *w <= 'z'))) return -1;
    /* a noun phrase: a determiner or preposition before it ("in a deal", "at a White House
     * ceremony": a name may modify the noun), or the object of a past verb ("resumed talks") */
    for (int j = n - 1; j >= 0 && j >= n - 4; j--) {
        if (st->ti[j].cls & (W_DET | W_PREP)) return n;
        if (j == n - 1 && st->ti[j].mention < 0 && (st->ti[j].f & T_ED)) return n;
        if (st->ti[j].f & T_COMMA) return -1;
    }
    return -1;
}

/* Does the sentence already code an event between a and b? "Japan took part in naval drills
 * hosted by the United States" made the host a party of the drills (062 both ways): it is
 * not also a host of the other party. */
static int paired(const dyad_coder *c, const char *a, const char *b)
{
    for (int i = 0; i < c->nseen; i++)
        if ((!strcmp(c->seen[i].s, a) && !strcmp(c->seen[i].t, b)) || (!strcmp(c->seen[i].s, b) && !strcmp(c->seen[i].t, a)))
            return 1;
    return 0;
}

/* Is mention t (part of) a place phrase: "in the Saudi city of Jeddah", "at an air base in
 * Poland"? */
static int in_place_phrase(const sent_state *st, int t)
{
    const mention *m = &st->m[t];
    if (!m->country_only) return 0;
    for (int e = m->e; e <= m->e + 4 && e <= st->s->ntok; e++) {
        int ps = place_span_before(st, e);
        if (ps >= 0 && ps < m->s) return 1;
        if (e < st->s->ntok && st->ti[e].mention < 0 && !is_word(st, e, "of")) break;
    }
    return 0;
}

int dyad_reduced_passive(dyad_coder *c, sent_state *st, dyad_event_fn fn, void *user)
{
    const dyad_dict *d = c->ctx->dict;
    int nt = st->s->ntok;
    for (int h = 1; h + 2 < nt; h++) {
        if (st->ti[h].mention >= 0 || !(st->ti[h].f & T_ED) || st->ti[h + 1].low != c->ctx->w_by) continue;
        int a = st->ti[h + 2].mention;
        if (a < 0 || !st->m[a].code) continue;
        int n = reduced_noun(st, h), cl = st->ti[h].clause;
        if (n < 0 || st->c[cl].irreal) continue;
        int np = 0, best = -1, fit = 0;
        const uint32_t *l = dyad_dict_patterns_for(d, st->ti[h].lem, &np);
        for (int i = 0; i < np; i++) {
            int f = reduced_fit(c, st, dyad_dict_pattern(d, (int)l[i]), n);
            if (f > fit) { fit = f; best = (int)l[i]; }
        }
        if (best < 0) continue;
        const dyad_pattern *p = dyad_dict_pattern(d, best);
        bind ag;
        dyad_whole_group(st, a, &ag);
        dyad_trace(c, "reduced passive '%s %s by %s': %s:%d [%s] %s; targets: the clause's other actors",
                   st->s->tok[n].text, st->s->tok[h].text, st->m[a].name, p->src.file, p->src.line, p->code, p->text);
        /* the parties: the clause's other actors, not in a place phrase; a subordinate clause
         * with none ("..., after two weeks of talks in Jeddah brokered by X") takes those of
         * the clause it was opened in */
        for (int pass = 0, tc = cl, found = 0; pass < 2 && !found && tc >= 0; pass++, tc = st->c[tc].parent) {
            if (pass && st->c[cl].kind != C_SUB) break;
            for (int t = 0; t < st->nm; t++) {
                const mention *tm = &st->m[t];
                int mine = 0;
                for (int i = 0; i < ag.n; i++) mine |= ag.m[i] == t;
                if (mine || !tm->code || tm->s < 0 || st->ti[tm->s].clause != tc || dyad_countryless(tm)
                    || in_place_phrase(st, t)) continue;
                found = 1;
                for (int i = 0; i < ag.n; i++)
                    if (!paired(c, st->m[ag.m[i]].code, tm->code)
                        && dyad_emit(c, st, &st->m[ag.m[i]], tm, p->code, c->ctx->rules[best], 0, 0, h, h + 1, cl, fn, user))
                        return DYAD_STOP;
            }
        }
    }
    return 0;
}
