/*
 * readings.c — how a pattern match is read (part of the matcher, match.h).
 *
 * The verb group around a head says whether the event happened: negation, modals,
 * infinitives and the verb governing them ("refused to" negates, "agreed/threatened to"
 * is a commitment, "prompting X to" a cause). Other readings keep a match from being an
 * event: a present-tense relative or main verb that describes ("Iran, which backs ...",
 * "Qatar hosts a base"), an event noun named as an object or as background, "call" used
 * for naming ("called X's idea absurd", "what he called ..."); and premodifiers a target
 * slot may pass ("pro-democracy leader").
 */
#include <stdlib.h>

#include "code/match.h"

int dyad_adverbish(const sent_state *st, int i)
{
    return (st->ti[i].cls & W_ADV) || ((st->ti[i].f & T_LY) && st->ti[i].mention < 0);
}

static const char *const threaten_verbs[] = { "threaten", NULL };

static const char *const causative_verbs[] = { "prompt", "force", "compel", "cause", "oblige", "spur", "lead", NULL };

/* "prompting NATO to suspend", "forced Russia to withdraw": g ends the object of a causative
 * verb; the infinitive tells what the object then did. */
static int causative_object(const sent_state *st, int g, int cl)
{
    if (g < 0 || st->ti[g].clause != cl || st->ti[g].mention < 0) return 0;
    int v = st->m[st->ti[g].mention].s - 1;
    while (v >= 0 && (st->ti[v].cls & W_DET)) v--;
    return v >= 0 && st->ti[v].clause == cl && st->ti[v].mention < 0 && dyad_lemma_in(st, v, causative_verbs)
           && (st->ti[v].f & (T_ED | T_ING | T_VERBFORM));
}

/* "Obama is the first sitting U.S. president to visit Cuba", "became the first foreign
 * leader to address the Knesset", "Blinken, the first ... to visit": an infinitive after an
 * ordinal noun phrase ("the first|second|last|only ... NOUN to V") reports what happened,
 * unlike a plan's. g is the token before "to". Not when the copula is itself planned or
 * hypothetical ("would be / hopes to become the first to visit"). Returns 0 (no), 1 (an
 * apposition) or 2 + the copula's index ("was the first to visit": the subject is the
 * copula's, "Blinken"). */
static int ordinal_word(const sent_state *st, int q)
{
    static const char *const ord[] = { "first", "second", "third", "fourth", "fifth", "last", "only", "most", NULL };
    /* (and superlatives of rank: "the highest-ranking U.S. official to visit") */
    return dyad_lemma_in(st, q, ord) || !strncmp(st->s->tok[q].lower, "highest", 7);
}

static int ordinal_infinitive(const sent_state *st, int g, int cl)
{
    int q = g;
    /* ("the first to visit": "first" alone was passed over as an adverb before "to") */
    if ((st->ti[g].cls & W_DET) && g + 1 < st->s->ntok && ordinal_word(st, g + 1)) q = g + 1;
    for (int n = 0; q >= 0 && n < 6 && st->ti[q].clause == cl; n++) {
        if (st->ti[q].mention >= 0) { q = st->m[st->ti[q].mention].s - 1; continue; }
        if (ordinal_word(st, q) || (st->ti[q].f & T_COMMA) || (st->s->tok[q].flags & DYAD_TOK_PUNCT)) break;
        if (st->ti[q].cls & ~(uint32_t)W_TITLEMOD) return 0;   /* a grammar word: no plain noun phrase */
        q--;
    }
    if (q < 1 || !ordinal_word(st, q) || !(st->ti[q - 1].cls & W_DET)) return 0;
    int v = q - 2;
    if (v < 0 || st->ti[v].clause != cl) return 0;
    if (st->ti[v].f & T_COMMA) return 1;                        /* an apposition */
    static const char *const cop[] = { "be", "become", NULL };
    if (!dyad_lemma_in(st, v, cop)) return 0;
    for (int w = v - 1; w >= 0 && w >= v - 3 && st->ti[w].clause == cl && st->ti[w].mention < 0; w--)
        if ((st->ti[w].cls & (W_MODAL | W_NEG | W_IRREAL)) || is_word(st, w, "to")) return 0;
    return 2 + v;       /* the copula: the verb group reaches back to it for its subject */
}

void dyad_verb_group(dyad_coder *c, sent_state *st, int h, vgroup *vg)
{
    memset(vg, 0, sizeof *vg);
    int cl = st->ti[h].clause, j = h - 1, aux = 0;
    while (j >= 0 && st->ti[j].clause == cl && st->ti[j].mention < 0) {
        uint32_t k = st->ti[j].cls;
        if (k & W_NEG) { vg->neg = 1; vg->why = "negation"; }
        else if (is_word(st, j, "longer") && is_word(st, j - 1, "no")) { vg->neg = 1; vg->why = "no longer"; j--; }
        else if (k & W_MODAL) {
            vg->future = (k & W_FUTURE) && (vg->future || !vg->modal);
            vg->modal = 1;
        }
        else if (k & W_BE) { vg->be = 1; aux = 1; }
        else if (k & (W_HAVE | W_DO)) aux = 1;
        else if (dyad_adverbish(st, j)) { }
        else if ((st->ti[h].f & T_ING) && dyad_aspectual(st, j)) { }   /* "began supplying" (phrases.c) */
        else if (st->ti[j].low == c->ctx->w_to && !vg->be && !vg->modal && !aux) {
            int g = j - 1;
            /* "agreed on Friday to ...": adverbs and a time phrase may stand before "to" */
            while (g >= 0 && j - g <= 4 && st->ti[g].mention < 0
                   && (dyad_adverbish(st, g) || (st->ti[g].cls & W_TIME) || (st->s->tok[g].flags & DYAD_TOK_NUM))) g--;
            if (g >= 0 && st->ti[g].clause == cl && (st->ti[g].cls & W_REFUSE) && st->ti[g].mention < 0) {
                vg->neg = 1;
                vg->why = "refused/failed to";
                j = g - 1;
                continue;
            }
            vg->infinitive = 1;
            vg->commit = g >= 0 && st->ti[g].clause == cl && st->ti[g].mention < 0 && (st->ti[g].cls & W_COMMIT);
            vg->threatv = vg->commit && (st->ti[g].cls & W_THREATV);
            vg->caused = causative_object(st, g, cl);
            vg->ordinal = g >= 0 ? ordinal_infinitive(st, g, cl) : 0;
            /* from the copula on, when an actor is its subject ("Obama is the first U.S.
             * president to ..."; an unknown "Burns became the highest-ranking U.S.
             * official to ..." keeps the noun phrase's actor) */
            if (vg->ordinal >= 2 && vg->ordinal - 3 >= 0 && st->ti[vg->ordinal - 3].mention >= 0) {
                j = vg->ordinal - 3;
                continue;
            }
            vg->threaten = vg->commit && dyad_lemma_in(st, g, threaten_verbs);
            if (g >= 0 && st->ti[g].mention < 0) j = g - 1; else j--;
            continue;
        }
        else break;
        j--;
    }
    vg->s = j + 1;
    int by_next = h + 1 < st->s->ntok && st->ti[h + 1].low == c->ctx->w_by;
    vg->passive = vg->be && !(st->ti[h].f & T_ING) && (st->ti[h].lem != st->ti[h].low || by_next
                                                      || (st->ti[h].f & T_VERBFORM));
}

/* A lower-case modifier of the actor that follows: a hyphenated word ("pro-democracy leader
 * Aung San Suu Kyi", "anti-government protesters") or a participle used as an adjective
 * ("jailed opposition leader", "ousted president"), with the actor starting within two words. */
int dyad_lower_premodifier(const sent_state *st, int p, int cl)
{
    const dyad_token *t = &st->s->tok[p];
    if (st->ti[p].cls || (t->flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))) return 0;
    int near = 0;
    for (int q = p + 1; q <= p + 2 && !near; q++) near = same_clause(st, q, cl) && st->ti[q].mention >= 0;
    if (!near) return 0;
    /* (and the few -ing words that are adjectives before an office: "met visiting British
     * Foreign Secretary James Cleverly", "the outgoing president") */
    static const char *const adj_ing[] = { "visiting", "incoming", "outgoing", "ruling", "governing", "neighbouring",
                                           "neighboring", "warring", NULL };
    int ing_adj = 0;
    for (int k = 0; adj_ing[k]; k++) ing_adj |= !strcmp(t->lower, adj_ing[k]);
    return (strchr(t->text, '-') && !(st->ti[p].f & T_ING)) || ((st->ti[p].f & T_ED) && st->ti[p + 1].mention >= 0)
           || (ing_adj && st->ti[p + 1].mention >= 0);
}

/* "condemned what he called Russia's act of aggression": a free relative that names the
 * object. Returns the token after "what X called (as)" at p, or 0. */
int dyad_naming_relative(const sent_state *st, int p, int cl)
{
    static const char *const naming[] = { "call", "term", "describe", "dub", "label", "brand", NULL };
    if (!is_word(st, p, "what") || !same_clause(st, p + 2, cl)) return 0;
    int q = p + 1;
    if (st->ti[q].mention >= 0) q = st->m[st->ti[q].mention].e;
    else if (is_word(st, q, "he") || is_word(st, q, "she") || is_word(st, q, "it") || is_word(st, q, "they")) q++;
    else return 0;
    if (q >= st->s->ntok || !dyad_lemma_in(st, q, naming)) return 0;
    q++;
    if (is_word(st, q, "as")) q++;
    return q < st->s->ntok ? q : 0;
}

/* "Ukraine demanded Russia's withdrawal", "condemned Russia's attack": a possessive event
 * noun that is the object of a verb names something demanded, welcomed or condemned, not
 * an event this sentence reports. */
int dyad_nominal_in_object(const dyad_coder *c, const sent_state *st, const dyad_pattern *p,
                             const dyad_pelem *el, const mstate *ms, int h)
{
    if (p->nelem >= 2 && p->head == 0 && el[0].kind == DYAD_EL_WORD && h > 0) {
        /* the same for an event noun that opens its pattern: "investigated the killing of a
         * nun by border guards", "condemned the attack by X on Y" (after a verb) */
        int j = h - 1;
        while (j > 0 && st->ti[j].clause == ms->clause && st->ti[j].mention < 0 && (st->ti[j].cls & (W_DET | W_QUANT))) j--;
        if (st->ti[j].clause != ms->clause || st->ti[j].mention >= 0) return 0;
        return (st->ti[j].cls & W_REPORT) || ((st->ti[j].f & (T_VERBFORM | T_ED)) && !(st->ti[j].cls & (W_BE | W_HAVE)));
    }
    if (p->nelem < 2 || (el[0].kind != DYAD_EL_SRC && el[0].kind != DYAD_EL_TGT) || el[1].kind != DYAD_EL_WORD) return 0;
    const dyad_wid *alts = dyad_dict_alts(c->ctx->dict, &el[1]);
    if (el[1].nalt != 1 || alts[0] != c->ctx->w_poss) return 0;
    const bind *b = el[0].kind == DYAD_EL_SRC ? &ms->src : &ms->tgt;
    if (!b->n) return 0;
    int s = st->m[b->m[0]].s, j = s - 1;
    if (j > 0 && (st->ti[j].cls & W_DET)) j--;            /* "condemned the Russian strike on" */
    if (j < 0) return 0;
    /* "since/after/despite the Russian invasion of Ukraine, ...": background */
    if ((st->ti[j].cls & W_SUBORD) || is_word(st, j, "since") || is_word(st, j, "during")
        || is_word(st, j, "despite") || is_word(st, j, "following") || is_word(st, j, "throughout"))
        return 1;
    if (st->ti[j].clause != ms->clause) return 0;
    /* nor one inside a prepositional phrase: "in response to Russia's invasion of Ukraine",
     * "against Trump's recognition of Jerusalem" name the event as background */
    return (st->ti[j].cls & W_REPORT) || (st->ti[j].f & (T_VERBFORM | T_ED))
           || ((st->ti[j].cls & W_PREP) && st->ti[j].low != c->ctx->w_and);
}

/* "called Trump's idea absurd", "called Putin a war criminal", "called the move
 * 'unacceptable'": "call" with an object complement names, it is no phone call (04x). */
int dyad_naming_call(const sent_state *st, int h, const dyad_pattern *p, int end)
{
    static const char *const call[] = { "call", NULL };
    if (p->code[0] != '0' || p->code[1] != '4' || !dyad_lemma_in(st, h, call) || end >= st->s->ntok) return 0;
    const dyad_token *t = &st->s->tok[end];
    if (t->flags & DYAD_TOK_POSS) return 1;
    if (is_word(st, end, "a") || is_word(st, end, "an") || !strcmp(t->lemma ? t->lemma : t->text, "\"")) return 1;
    return st->ti[end].mention < 0 && !st->ti[end].cls && !(t->flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM))
           && !(st->ti[end].f & (T_LY | T_ING)) && !is_word(st, end, "for");
}

/* "Oman, which mediates between ...", "Iran, which backs the Houthis", "Ouattara, who is
 * recognised by ...": a relative clause in the simple present describes its antecedent; a
 * specific past action ("Iraq, which invaded its neighbour") is coded. */
int dyad_descriptive_relative(const sent_state *st, int h, const vgroup *vg)
{
    if (st->c[st->ti[h].clause].kind != C_REL || vg->modal || vg->infinitive) return 0;
    const dyad_token *t = &st->s->tok[h];
    size_t n = strlen(t->lower);
    for (int j = vg->s; j < h; j++) {
        if (st->ti[j].cls & (W_HAVE | W_DO)) return 0;
        if ((st->ti[j].cls & W_BE) && (is_word(st, j, "is") || is_word(st, j, "are"))) return 1;
        if (st->ti[j].cls & W_BE) return 0;
    }
    return n > 2 && t->lower[n - 1] == 's' && t->lemma && strcmp(t->lemma, t->lower) && !(st->ti[h].f & (T_ED | T_ING));
}

/* "Iran supports Hezbollah", "Qatar hosts a U.S. base": a lone present-tense verb after its
 * subject describes a standing relation; news copy tells its events in the past ("supported",
 * "has hosted"). Headlines, in capitals or title case, tell events in the present. */
int dyad_descriptive_present(const sent_state *st, int h, const vgroup *vg, const dyad_pattern *p,
                               const dyad_pelem *el)
{
    if (vg->modal || vg->infinitive || vg->neg || vg->s != h || (st->ti[h].cls & W_REPORT)) return 0;
    if (p->head < 1 || el[p->head - 1].kind != DYAD_EL_SRC) return 0;
    /* a verb takes its object next ("supports Hezbollah", "hosts ... base"): "Russian drones
     * strike Odesa" has the noun "drones" as its head */
    if (p->head + 1 < p->nelem && el[p->head + 1].kind == DYAD_EL_WORD && !(el[p->head + 1].flags & DYAD_EL_OPT))
        return 0;
    /* speech acts are reported in the present ("India hopes to", "China accuses"): 01-03, 10-13 */
    int root = atoi((char[3]){ p->code[0], p->code[1], 0 });
    if (root <= 3 || (root >= 10 && root <= 13)) return 0;
    const dyad_token *t = &st->s->tok[h];
    size_t n = strlen(t->lower);
    if (!(n > 3 && t->lower[n - 1] == 's' && t->lower[n - 2] != 's' && t->lemma
          && strcmp(t->lemma, t->lower) && !(st->ti[h].f & (T_ED | T_ING)))) return 0;
    return !dyad_headline_case(st);
}

/* "warned that Israel would strike Hezbollah if it violated the truce": what a warning,
 * threat or promise reports is coded even under a condition (the condition is part of it). */
int dyad_commit_report(const sent_state *st, int k)
{
    if (st->c[k].kind != C_REPORTED) return 0;
    for (int q = 0; q < st->nc; q++)
        if (st->c[q].kind == C_REPORTING && st->c[q].report_tok >= 0 && (st->ti[st->c[q].report_tok].cls & W_COMMIT))
            return 1;
    return 0;
}

/* "warned that Russia would ...", "pledged that it will ...": the "that" complement of a
 * commitment or threat verb states the promise or threat (a future in it is coded like "said it
 * would"), unlike the complement of "hope/deny/fear". */
int dyad_commit_complement(const dyad_coder *c, const sent_state *st, int k)
{
    int t = st->c[k].s - 1;
    if (st->c[k].kind != C_SUB || t < 1 || st->ti[t].low != c->ctx->w_that) return 0;
    for (int j = t - 1; j >= 0 && j >= t - 5; j--)
        if (st->ti[j].mention < 0 && (st->ti[j].cls & W_COMMIT)) return 1;
    return 0;
}
