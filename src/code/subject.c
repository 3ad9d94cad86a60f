/*
 * subject.c — the subject of a verb group (part of the matcher, match.h).
 *
 * The subject is the nearest actor left of the verb group in its clause, skipping
 * adverbs, time phrases, one comma parenthesis, cut-out relative clauses and a
 * prepositional phrase after the subject's noun ("China's ambassador to the U.N. said");
 * an actor inside a prepositional phrase is not a subject. A relative clause takes its
 * antecedent and a coordinated clause the subject of the clause it continues; a
 * participle after a comma shares its clause's subject.
 */
#include "code/match.h"

/* Group members of mention mi (the whole compound). */
int dyad_whole_group(const sent_state *st, int mi, bind *b)
{
    const group *g = &st->g[st->m[mi].group];
    b->n = g->n;
    memcpy(b->m, g->m, (size_t)g->n * sizeof *g->m);
    return b->n;
}

static int temporal_opener(const sent_state *st, int i);

/* The subject of clause k when it has none of its own. */
int dyad_inherited_subject(const sent_state *st, int k, bind *b, int depth)
{
    if (k < 0 || depth > 4) return 0;
    const clause *cl = &st->c[k];
    if (cl->kind == C_REL && cl->antecedent >= 0) return dyad_whole_group(st, cl->antecedent, b);
    /* "China expelled the diplomats after accusing Japan of spying": a gerund right after a
     * temporal connective has the subject of the clause it was opened in */
    /* (the clause holds its connective: "after accusing") */
    if (cl->kind == C_SUB && cl->parent >= 0 && !cl->irreal && cl->s + 1 < st->s->ntok
        && st->ti[cl->s + 1].mention < 0 && (st->ti[cl->s + 1].f & T_ING) && temporal_opener(st, cl->s)) {
        const clause *pc = &st->c[cl->parent];
        if (pc->subject >= 0) return dyad_whole_group(st, pc->subject, b);
        for (int i = pc->s; i < cl->s; i++)
            if (st->ti[i].clause == cl->parent && st->ti[i].mention >= 0) return dyad_whole_group(st, st->ti[i].mention, b);
        return 0;
    }
    if (cl->kind == C_COORD && cl->prev >= 0) {
        const clause *pc = &st->c[cl->prev];
        if (pc->subject >= 0) return dyad_whole_group(st, pc->subject, b);
        for (int i = pc->s; i < pc->e; i++)
            if (st->ti[i].clause == cl->prev && st->ti[i].mention >= 0) return dyad_whole_group(st, st->ti[i].mention, b);
        return dyad_inherited_subject(st, cl->prev, b, depth + 1);
    }
    return 0;
}

/* ", killing one civilian": a participle after a comma shares the subject of its clause's
 * main verb: the first actor of the clause. */
int dyad_participle_subject(const sent_state *st, int h, const vgroup *vg, int cl, bind *b)
{
    if (!(st->ti[h].f & T_ING) || vg->be || vg->s == 0 || !(st->ti[vg->s - 1].f & T_COMMA)) return 0;
    for (int i = st->c[cl].s; i < vg->s; i++)
        if (st->ti[i].clause == cl && st->ti[i].mention >= 0) return dyad_whole_group(st, st->ti[i].mention, b);
    return 0;
}

/* An actor that can modify a noun as a nationality does: "Armenian (positions)", and the
 * attributive "U.S. (strikes)", "NATO (jets)", "U.S.-led (strikes)". */
static int modifier_actor(const sent_state *st, const mention *mm)
{
    const dyad_token *t = &st->s->tok[mm->e - 1];
    size_t n = strlen(t->lower);
    if (n > 4 && !strcmp(t->lower + n - 4, "-led")) return 1;
    if (!mm->country_only && strncmp(mm->code, "IGO", 3)) return 0;
    return dyad_demonym_like(t->lower) || (t->flags & (DYAD_TOK_ABBR | DYAD_TOK_ALLCAPS));
}

int dyad_find_subject(dyad_coder *c, sent_state *st, int from, int cl, bind *b, int *where, int modifier_ok)
{
    int j = from - 1, paren = 0, stepped = 0, pps = 0;
    while (j >= 0) {
        if (st->ti[j].clause != cl) {
            /* a relative or subordinate clause cut out of this one: step over it */
            if (st->ti[j].clause > cl) { j--; stepped = 1; continue; }
            break;
        }
        if (st->ti[j].mention >= 0) {
            int mi = st->ti[j].mention;
            int m0 = st->m[st->g[st->m[mi].group].m[0]].s;
            /* inside a prepositional phrase ("the invasion of Ukraine has killed", "attacked by
             * Russia, ...") the actor is not the subject */
            /* (but "thousands of people" is a quantity, not a prepositional phrase) */
            int quant = m0 > 1 && st->ti[m0 - 1].low == c->ctx->w_of
                        && ((st->ti[m0 - 2].cls & W_QUANT) || (st->s->tok[m0 - 2].flags & DYAD_TOK_NUM));
            if (m0 > 0 && (st->ti[m0 - 1].cls & W_PREP) && st->ti[m0 - 1].low != c->ctx->w_and
                && st->ti[m0 - 1].mention < 0 && !quant) {
                /* ... but the noun it modifies may be: "China's ambassador to the U.N. said" */
                if (pps++ < 2 && m0 - 2 >= 0 && st->ti[m0 - 2].mention >= 0) { j = m0 - 2; continue; }
                return 0;
            }
            *where = mi;
            return dyad_whole_group(st, mi, b);
        }
        uint32_t k = st->ti[j].cls;
        const dyad_token *t = &st->s->tok[j];
        if ((st->ti[j].f & T_COMMA) && stepped) { j--; continue; }   /* the comma closing a cut-out clause */
        if ((st->ti[j].f & T_COMMA) && !paren) {
            /* skip one parenthesis ", backed by China," */
            int q = j - 1;
            while (q >= 0 && q > j - 12 && !(st->ti[q].f & T_COMMA)) q--;
            if (q >= 0 && q > j - 12 && (st->ti[q].f & T_COMMA)) { paren = 1; j = q - 1; continue; }
            return 0;
        }
        if (dyad_adverbish(st, j) || (k & W_TIME) || (t->flags & DYAD_TOK_NUM)
            || (k & (W_BE | W_HAVE | W_DO | W_MODAL | W_NEG))) { j--; continue; }
        /* "Armenian positions were shelled": a nationality adjective before a plain noun */
        for (int q = j, n = 0; modifier_ok && q >= 0 && n < 3 && st->ti[q].clause == cl; q--, n++) {
            const dyad_token *u = &st->s->tok[q];
            if (st->ti[q].mention >= 0) {
                const mention *mm = &st->m[st->ti[q].mention];
                if (q == j || mm->e != q + 1 || !modifier_actor(st, mm)) return 0;
                *where = st->ti[q].mention;
                return dyad_whole_group(st, st->ti[q].mention, b);
            }
            if (st->ti[q].cls || (u->flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))) return 0;
        }
        return 0;
    }
    return 0;
}

/* Only connectives, adverbs, commas and time words stand between the clause start and `from`. */
int dyad_opens_clause(const sent_state *st, int from, int cl)
{
    for (int i = st->c[cl].s; i < from; i++) {
        if (st->ti[i].clause != cl) continue;
        if ((st->ti[i].cls & (W_REL | W_CONJ | W_SUBORD | W_ADV | W_TIME)) || (st->ti[i].f & (T_COMMA | T_LY))
            || (st->s->tok[i].flags & DYAD_TOK_NUM)) continue;
        return 0;
    }
    return 1;
}

/* A fronted adjunct takes the main clause's subject: "Visiting Kyiv on Monday, Blinken
 * pledged ...", "Speaking after talks with Polish President Andrzej Duda, Stoltenberg
 * praised Warsaw", "After talks in the Kremlin, Putin and Xi signed ...". English leaves the
 * subject of a sentence-initial participle or temporal clause to the main clause after the
 * comma. Only for a head that opens the sentence: the participle itself (token 0), or the
 * word right after a temporal connective at the start ("After talks", "Speaking after
 * talks"); "Commenting on talks with Iran, X said" is about talks, not X's talks. */
static int temporal_opener(const sent_state *st, int i)
{
    static const char *const w[] = { "after", "before", "following", "during", "upon", "while", "when" };
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) if (is_word(st, i, w[k])) return 1;
    return 0;
}

int dyad_fronted_subject(const sent_state *st, int vs, bind *b)
{
    int ntok = st->s->ntok;
    if (vs < 0 || vs >= ntok || vs > 2) return 0;
    int ing0 = st->ti[0].mention < 0 && (st->ti[0].f & T_ING);
    int ok = vs == 0 ? ing0
             : vs == 1 ? temporal_opener(st, 0)
             : ing0 && temporal_opener(st, 1);     /* "Speaking after talks" */
    if (!ok) return 0;
    /* the first comma ends the fronted phrase; no actor of its own may stand before the head */
    int q = vs + 1;
    while (q < ntok && !(st->ti[q].f & T_COMMA)) {
        if (st->ti[q].cls & (W_SUBORD | W_REL | W_REPORT)) return 0;   /* a clause of its own */
        q++;
    }
    if (q + 1 >= ntok || st->ti[q + 1].mention < 0) return 0;
    const group *g = &st->g[st->m[st->ti[q + 1].mention].group];
    if (g->e >= ntok) return 0;
    /* ... followed by its verb: the main clause's subject, not an apposition or a list */
    int v = g->e;
    while (v < ntok && v < g->e + 2 && st->ti[v].mention < 0 && dyad_adverbish(st, v)) v++;
    if (v >= ntok || st->ti[v].mention >= 0
        || !((st->ti[v].f & (T_VERBFORM | T_ED)) || (st->ti[v].cls & (W_BE | W_HAVE | W_MODAL | W_DO | W_REPORT))))
        return 0;
    /* (a comma list may have run across the comma: "After talks in the Kremlin, Putin and
     * Xi ..." — only the members after it are the subject) */
    b->n = 0;
    for (int i = 0; i < g->n; i++) if (st->m[g->m[i]].s > q) b->m[b->n++] = g->m[i];
    return b->n;
}
