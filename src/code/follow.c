/*
 * follow.c — "Bahrain followed suit": an actor repeats the latest event.
 *
 * Wire copy reports a second actor doing the same thing without repeating the verb or the
 * target: "Saudi Arabia cut ties with Qatar on Monday. Bahrain followed suit hours later",
 * "Germany expelled four Russian diplomats and France did the same". The coder keeps the
 * article's first event (its news) and its latest events (source, target, code; emit.c); when
 * a clause says its subject "followed suit", "did the same", "did likewise" or "did so too",
 * the first event is coded again with that subject as its source (the latest one when the
 * subject was a party to the first). Negated ("did not follow suit"),
 * future, modal and conditional forms code nothing; the subject must be an actor with a
 * country, other than the repeated event's target. The event's rule is the repeated one's.
 */
#include <stdio.h>
#include <string.h>

#include "code/code.h"

/* One past "followed suit" / "did the same|likewise|so (too)" at i, else 0. */
static int follow_phrase(const sent_state *st, int i)
{
    const dyad_token *t = &st->s->tok[i];
    const char *lem = t->lemma ? t->lemma : t->lower;
    if (!strcmp(lem, "follow") && strcmp(t->lower, "follow") && is_word(st, i + 1, "suit")) return i + 2;
    if (strcmp(t->lower, "did")) return 0;
    if (is_word(st, i + 1, "the") && is_word(st, i + 2, "same")) return i + 3;
    if (is_word(st, i + 1, "likewise")) return i + 2;
    if (is_word(st, i + 1, "so") && (is_word(st, i + 2, "too") || is_word(st, i + 2, "as"))) return i + 2;
    return 0;
}

/* The subject: the nearest actor before i in its clause, past adverbs and time words, with
 * no negation, modal or auxiliary of its own ("did not follow suit", "may follow suit"). */
static int follow_subject(const sent_state *st, int i)
{
    int cl = st->ti[i].clause;
    for (int j = i - 1; j >= 0 && j >= i - 6 && st->ti[j].clause == cl; j--) {
        if (st->ti[j].mention >= 0) return st->ti[j].mention;
        if (st->ti[j].cls & (W_NEG | W_MODAL | W_HAVE | W_DO | W_COND)) return -1;
        if (!(st->ti[j].cls & (W_ADV | W_TIME)) && !(st->ti[j].f & T_LY) && !(st->s->tok[j].flags & DYAD_TOK_NUM))
            return -1;
    }
    return -1;
}

int dyad_follow_suit(dyad_coder *c, sent_state *st, dyad_event_fn fn, void *user)
{
    for (int i = 0; i < st->s->ntok; i++) {
        int e = follow_phrase(st, i);
        if (!e || st->ti[i].mention >= 0 || st->c[st->ti[i].clause].irreal || !c->nevs) continue;
        if (is_word(st, i + 1, "not") || is_word(st, e, "not")) continue;
        int mi = follow_subject(st, i);
        if (mi < 0 || dyad_countryless(&st->m[mi]) || !st->m[mi].code) continue;
        const mention *src = &st->m[mi];
        /* the article's lead event (its news), else the latest one */
        const char *es = c->evs[c->nevs - 1].src, *et = c->evs[c->nevs - 1].tgt;
        const char *ecode = c->evs[c->nevs - 1].code, *erule = c->evs[c->nevs - 1].rule;
        if (c->lead && strcmp(c->lead_ev.tgt, src->code) && strcmp(c->lead_ev.src, src->code)) {
            es = c->lead_ev.src; et = c->lead_ev.tgt; ecode = c->lead_ev.code; erule = c->lead_ev.rule;
        }
        if (!strcmp(et, src->code) || !strcmp(es, src->code)) continue;
        mention tm = dyad_unspanned(c, et);
        char code[5];
        snprintf(code, sizeof code, "%s", ecode);
        dyad_trace(c, "  '%s %s' repeats the article's lead event %s -> %s %s with source %s",
                   st->s->tok[i].text, st->s->tok[i + 1].text, es, et, code, src->code);
        c->match_s = i;
        c->match_e = e;
        /* the rule is the repeated event's pattern; the trace says why */
        if (dyad_emit(c, st, src, &tm, code, erule, 0, 0, i, e, st->ti[i].clause, fn, user)) return DYAD_STOP;
    }
    return 0;
}

int dyad_adversary(const dyad_coder *c, const char *src, char out[32])
{
    if (!src || strlen(src) < 3) return 0;
    for (int k = c->nevs - 1; k >= 0; k--) {
        const char *s = c->evs[k].src, *t = c->evs[k].tgt;
        if (strlen(t) >= 3 && strlen(s) >= 3 && !strncmp(t, src, 3) && strncmp(s, src, 3)) {
            snprintf(out, 32, "%s", s);
            return 1;
        }
    }
    return 0;
}
