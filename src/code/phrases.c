/*
 * phrases.c — small phrase tests the matcher (match.c) shares: place phrases ("in Khartoum"),
 * time phrases ("on Sunday", "for two weeks"), amounts ("$ 5 billion"), hyphenated sponsor
 * modifiers ("Russian-backed"), aspectual verbs before a gerund ("began supplying") and whether a
 * sentence states a condition (if/unless).
 * Each reads the sentence's tokens and mentions only; none allocates.
 */
#include <stdio.h>
#include <string.h>

#include "code/code.h"

/* "Russian-backed", "Saudi-led", "Iran-allied", "Pakistan-based": a hyphenated modifier the
 * tokenizer keeps whole; a slot passes over it to the noun it modifies. */
int dyad_sponsor_mod(const sent_state *st, int p)
{
    static const char *const tails[] = { "-backed", "-led", "-supported", "-allied", "-aligned", "-based", "-sponsored" };
    const char *w = st->s->tok[p].lower;
    size_t n = strlen(w);
    if (st->ti[p].mention >= 0 || !strchr(w, '-')) return 0;
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t t = strlen(tails[i]);
        if (n > t + 1 && !strcmp(w + n - t, tails[i])) return 1;
    }
    return 0;
}

/* "in|at|near PLACE" at pos with PLACE a single bare-country mention (a country or a city):
 * one past its end, else 0. */
int dyad_place_phrase(const sent_state *st, int pos, int cl)
{
    if (!(is_word(st, pos, "in") || is_word(st, pos, "at") || is_word(st, pos, "near")) || !same_clause(st, pos + 1, cl))
        return 0;
    int q = pos + 1;
    if (is_word(st, q, "the")) q++;
    if (!same_clause(st, q, cl) || st->ti[q].mention < 0) return 0;
    const mention *m = &st->m[st->ti[q].mention];
    if (!m->country_only || m->s < pos + 1 || st->g[m->group].n != 1) return 0;
    return m->e;
}

/* "on Sunday", "on Tuesday", "Sunday", "for two weeks" at pos: one past its end, else 0. */
int dyad_time_phrase(const sent_state *st, int pos, int cl)
{
    static const char *const units = " day days week weeks month months hour hours year years ";
    int q = pos;
    if (is_word(st, q, "for") || is_word(st, q, "over")) {
        q++;
        if (!same_clause(st, q, cl) || !((st->ti[q].cls & W_QUANT) || (st->s->tok[q].flags & DYAD_TOK_NUM))) return 0;
        q++;
        char w[40];
        if (!same_clause(st, q, cl) || st->ti[q].mention >= 0) return 0;
        snprintf(w, sizeof w, " %s ", st->s->tok[q].lower);
        return strstr(units, w) ? q + 1 : 0;
    }
    if (is_word(st, q, "on")) q++;
    if (!same_clause(st, q, cl) || st->ti[q].mention >= 0 || !(st->ti[q].cls & W_TIME)
        || !(st->s->tok[q].flags & DYAD_TOK_CAP)) return 0;
    return q + 1;
}

/* A token that continues an amount ("$ 5 billion", "500 million euros"): "..." counts the
 * whole amount as one word. (The words are classified once per token: coder.c.) */
int dyad_amount_tail(const sent_state *st, int t)
{
    if (t <= 0 || t >= st->s->ntok) return 0;
    unsigned pf = st->ti[t - 1].f, kf = st->ti[t].f;
    int prev_num = (st->s->tok[t - 1].flags & DYAD_TOK_NUM) != 0, num = (st->s->tok[t].flags & DYAD_TOK_NUM) != 0;
    int prev_amount = prev_num || (pf & T_MONEY);
    int unit = (kf & (T_SCALE | T_CURRENCY)) != 0;
    return (prev_amount && (num || unit)) || (unit && (prev_num || (pf & T_SCALE)));   /* "billion euros" */
}

int dyad_headline_case(const sent_state *st)
{
    /* every word but short function words starts with a capital: "RUSSIA CRITICISES
     * UKRAINE", "Russia Criticises Ukraine Over Strikes" */
    int words = 0;
    for (int i = 0; i < st->s->ntok; i++) {
        const dyad_token *t = &st->s->tok[i];
        if (t->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM)) continue;
        unsigned char c0 = (unsigned char)t->text[0];
        if (c0 >= 'a' && c0 <= 'z') {
            if (st->ti[i].cls & (W_DET | W_PREP | W_CONJ)) continue;
            return 0;
        }
        words++;
    }
    return words >= 2;
}

int dyad_sentence_question(const sent_state *st)
{
    /* the last token that is not a closing quote or bracket */
    for (int i = st->s->ntok - 1; i >= 0; i--) {
        const char *w = st->s->tok[i].lemma ? st->s->tok[i].lemma : st->s->tok[i].text;
        if (!strcmp(w, "\"") || !strcmp(w, "'") || !strcmp(w, ")") || !strcmp(w, "]")) continue;
        return !strcmp(st->s->tok[i].text, "?");
    }
    return 0;
}

/* A condition anywhere in the sentence ("If Iran attacks, Israel would ...") makes its future
 * forms hypothetical too. */
int dyad_sentence_irreal(const sent_state *st)
{
    /* (if/unless only: a "that" complement of hope/deny is irreal itself but conditions nothing) */
    for (int i = 0; i < st->s->ntok; i++) if ((st->ti[i].cls & W_COND) && st->ti[i].mention < 0) return 1;
    return 0;
}

/* "began|started|continued|resumed supplying": an aspectual verb before a gerund belongs to its
 * verb group (the gerund is the action; "stopped supplying" is not one of them). */
int dyad_aspectual(const sent_state *st, int j)
{
    static const char *const w = " begin began begun begins beginning start started starts starting continue continued "
                                 "continues continuing resume resumed resumes resuming keep kept keeps ";
    char b[48];
    if (st->ti[j].mention >= 0) return 0;
    snprintf(b, sizeof b, " %s ", st->s->tok[j].lower);
    return strstr(w, b) != NULL;
}

/* "two navy ships", "three army trucks": an -s form right after a role noun that follows a
 * number or quantity is the plural head of that noun phrase, not a verb ("two navy ship"
 * cannot be a subject with a verb in -s). */
int dyad_counted_noun_head(const sent_state *st, int h)
{
    const dyad_token *t = &st->s->tok[h];
    size_t n = strlen(t->lower);
    if (h < 2 || n < 3 || t->lower[n - 1] != 's' || st->ti[h - 1].mention < 0) return 0;
    const mention *m = &st->m[st->ti[h - 1].mention];
    if (m->e != h || m->kind != M_AGENT || m->agent_s != m->s || m->s < 1) return 0;
    int q = m->s - 1;
    return (st->ti[q].cls & W_QUANT) || ((st->s->tok[q].flags & DYAD_TOK_NUM) && st->ti[q].mention < 0);
}

int dyad_listed(const char *list, const char *w)
{
    char b[48];
    size_t n = strlen(w);
    if (n + 3 > sizeof b) return 0;
    b[0] = ' ';
    memcpy(b + 1, w, n);
    b[n + 1] = ' ';
    b[n + 2] = '\0';
    return strstr(list, b) != NULL;
}

int dyad_lemma_in(const sent_state *st, int i, const char *const *list)
{
    const dyad_token *t = &st->s->tok[i];
    const char *lem = t->lemma ? t->lemma : t->lower;
    for (int k = 0; list[k]; k++) if (!strcmp(lem, list[k])) return 1;
    return 0;
}
