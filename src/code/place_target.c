/*
 * place_target.c — targets that are places the actor dictionary does not name.
 *
 * CAMEO codes an attack on a town as an attack on the town's country. The actor
 * dictionary names capitals, regions and well-known towns ("Srebrenica", "Ghouta"), but
 * news names any village: "attacked the Kurdish town of Halabja with chemical weapons", "a
 * chemical attack on Douma", "dropped an atomic bomb on Hiroshima". For the TGT slot of an
 * attack (roots 18-20; match.c decides) this reads
 *     [the] [up to three modifiers] [town|city|village|... of] PLACE
 * where PLACE is a gazetteer place the text marks as a place (src/extract: a locative
 * preposition, a verb of attack, "the town of"), and makes a mention for it whose code is
 * the place's country. A dictionary actor in that position is left to the ordinary slot.
 */
#include <string.h>

#include "code/code.h"

static int settlement_noun(const sent_state *st, int i)
{
    static const char *const w = " town towns city village villages hamlet district suburb suburbs "
        "neighbourhood neighborhood camp enclave settlement port region province area outskirts ";
    if (i < 0 || i >= st->s->ntok || st->ti[i].mention >= 0) return 0;
    return dyad_listed(w, st->s->tok[i].lower);
}

int dyad_gazetteer_target(dyad_coder *c, sent_state *st, int p, int cl, const char *prefer)
{
    int q = p;
    if (is_word(st, q, "the")) q++;
    int mods = 0;
    while (mods < 3 && same_clause(st, q + mods, cl) && st->ti[q + mods].mention < 0 && !settlement_noun(st, q + mods)
           && !(st->s->tok[q + mods].flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))
           && !(st->ti[q + mods].cls & ~(uint32_t)W_GEOADJ) && !(st->ti[q + mods].f & (T_ING | T_LY)))
        mods++;
    int marked = 0;
    if (settlement_noun(st, q + mods)) {
        marked = 1;
        q += mods;
        while (settlement_noun(st, q + 1)) q++;
        if (!is_word(st, q + 1, "of")) return -1;
        q += 2;
    }
    if (!same_clause(st, q, cl) || st->ti[q].mention >= 0) return -1;
    int end = 0;
    const char *cc = dyad_place_country_at(c->ctx->x, st->s->tok, st->s->ntok, q, prefer, marked, &end);
    if (!cc || end <= q || !same_clause(st, end - 1, cl)) return -1;
    for (int i = q; i < end; i++) if (st->ti[i].mention >= 0) return -1;
    int mi = dyad_new_shadow(c, st);
    if (mi < 0) return -1;
    mention *m = &st->m[mi];
    m->s = q;
    m->e = end;
    m->code = dyad_arena_strndup(&c->arena, cc, 3);
    m->name = dyad_span_text(c, st, q, end);
    m->kind = M_ACTOR;
    m->country_only = 1;
    m->how = "a place in the gazetteer";
    dyad_trace(c, "  target '%s' is a place in the gazetteer: %s", m->name, m->code);
    return mi;
}
