/*
 * symmetric.c — two phrase tests for the matcher (match.c) that widen what a pattern spans:
 *
 * - where a `sym` pattern whose source is compound may end without its TGT: "Putin and Aliyev
 *   met", "... met in Sochi / on Monday / next month", "opened a joint investigation into ...",
 *   and, after an object, before a purpose infinitive ("announced a security partnership to
 *   counter China") or a participle that describes the object ("held joint drills involving 20
 *   warships", "signed a pact aimed at ...", "a deal worth $400 billion") — what follows is not a party to the event. The matcher tries a full match (with TGT) first and this open end
 *   only when none exists (match.c, try_pattern);
 * - list separators inside a `...` skip: "sent 31 Abrams tanks, 20 Bradley fighting vehicles
 *   and ammunition to Ukraine" — each item of a coordinated noun list may use the whole skip
 *   budget, so weapon and aid lists between the verb and the target do not break a match; so
 *   does the load of a container ("sent two navy ships loaded with food and tents to ...").
 *
 * Both read the sentence's tokens only; neither allocates.
 */
#include <string.h>

#include "code/code.h"

/* a plain lower-case word: not an actor, a number, a name or a grammar word */
static int plain_word(const sent_state *st, int i, int cl)
{
    return same_clause(st, i, cl) && st->ti[i].mention < 0 && !st->ti[i].cls
           && !(st->s->tok[i].flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_CAP | DYAD_TOK_ALLCAPS | DYAD_TOK_POSS));
}

int dyad_sym_open_end(const sent_state *st, int pos, int cl, int after_object)
{
    if (pos >= st->s->ntok || !same_clause(st, pos, cl) || (st->s->tok[pos].flags & DYAD_TOK_PUNCT)) return 1;
    if ((st->ti[pos].cls & (W_TIME | W_ADV)) || (st->ti[pos].f & T_LY)) return 1;
    static const char *const where[] = { "in", "at", "over", "amid", "during", "near", "as", "after", "following", "despite", "into" };
    for (size_t i = 0; i < sizeof where / sizeof where[0]; i++) if (is_word(st, pos, where[i])) return 1;
    if (dyad_time_phrase(st, pos, cl)) return 1;
    /* "next month", "this year", "last week" */
    if ((is_word(st, pos, "next") || is_word(st, pos, "this") || is_word(st, pos, "last"))
        && same_clause(st, pos + 1, cl) && (st->ti[pos + 1].cls & W_TIME)) return 1;
    /* the rest only after an object: "agreed to boost" is a complement, "traded shelling" no stop */
    if (!after_object) return 0;
    /* "restored relations and reopened embassies": a second verb of the same subject */
    if (is_word(st, pos, "and") || is_word(st, pos, "but")) return 1;
    /* "... to counter China": a purpose infinitive (a verb, not "to the region" / "to Kyiv") */
    if (is_word(st, pos, "to") && plain_word(st, pos + 1, cl) && !(st->ti[pos + 1].f & (T_ING | T_LY))) return 1;
    /* "... drills involving 20 warships", "a pact aimed at": a participle describing the object */
    if (plain_word(st, pos, cl)
        && ((st->ti[pos].f & T_ING) || is_word(st, pos, "aimed") || is_word(st, pos, "designed")
            || is_word(st, pos, "intended") || is_word(st, pos, "meant") || is_word(st, pos, "called")
            || is_word(st, pos, "named") || is_word(st, pos, "dubbed") || is_word(st, pos, "codenamed")
            || is_word(st, pos, "code-named") || is_word(st, pos, "worth") || is_word(st, pos, "valued"))) return 1;
    return 0;
}

/* a container before its load: "planes carrying", "ships loaded with" (the load is a new item) */
static int container(const sent_state *st, int t)
{
    static const char *const w[] = { "carrying", "loaded", "laden", "packed", "filled", "containing" };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) if (is_word(st, t, w[i])) return 1;
    return 0;
}

int dyad_list_sep(const sent_state *st, int t)
{
    if (t < 0 || t >= st->s->ntok || st->ti[t].mention >= 0) return 0;
    return (st->ti[t].f & T_COMMA) || is_word(st, t, "and") || container(st, t)
           || (is_word(st, t, "with") && t > 0 && container(st, t - 1));
}
