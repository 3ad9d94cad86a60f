/*
 * clauses.c — cut a sentence into clauses; patterns never cross a clause.
 *
 * Boundaries, left to right:
 *   ; :                         a new main clause
 *   because/after/while/if/...  a subordinate clause; one opened at the start
 *                               or after a comma ends at the next comma and the
 *                               enclosing clause resumes ("If X, Y ..."); if/unless
 *                               make it conditional (nothing in it happened)
 *   who/which/whom/whose/where  a relative clause whose subject is the mention
 *                               before the pronoun ("Putin, who met X, ...");
 *                               after a comma it ends at the next comma, so the
 *                               main clause continues around it
 *   that                        after a reporting verb: the reported clause; after
 *                               a mention: relative; else a complement clause of a
 *                               verb like "deny"/"hope": not coded as happened
 *   reporting verbs             "X said (that) ...": X's clause ends at the verb,
 *                               the reported clause is coded on its own;
 *                               "..., X said" / "..., said X": the attribution
 *                               after the comma is its own clause
 *   and / but / or + verb       coordinated verb groups: a new clause that inherits
 *                               its subject ("Russia attacked Kyiv and shelled
 *                               Kharkiv"); ", and" + subject: a new main clause
 * A compound actor's "and" ("Russia and China") is inside a mention group and
 * never a boundary.
 */
#include <string.h>

#include "code/code.h"

static int new_clause(dyad_coder *c, sent_state *st, int kind, int start)
{
    (void)c;
    clause *cl = &st->c[st->nc];
    memset(cl, 0, sizeof *cl);
    cl->kind = kind;
    cl->s = start;
    cl->e = start;
    cl->antecedent = cl->prev = cl->parent = cl->subject = cl->report_tok = -1;
    return st->nc++;
}

/* The clause a verb coordinated at token i ("and warned") shares its subject
 * with: the current clause, except after ", and" closing a subordinate or
 * relative clause, where the verb continues the clause that opened it:
 * "China accused the U.S. after a U.S. destroyer sailed through, and warned
 * Washington" — China warned, not the destroyer. */
static int coordinated_with(const sent_state *st, int cur, int i)
{
    if (i == 0 || strcmp(st->s->tok[i - 1].text, ",")) return cur;
    int k = cur;
    for (int depth = 0; depth < 8 && k >= 0 && st->c[k].parent >= 0 &&
                        (st->c[k].kind == C_SUB || st->c[k].kind == C_REL); depth++)
        k = st->c[k].parent;
    return k;
}

/* A reporting noun right after a verb of denial ("denied reports that it had deployed
 * troops", "dismissed claims that ..."): what follows is what was denied, not reported. */
static int denial_object(const sent_state *st, int i)
{
    static const char *const denials[] = { "deny", "dismiss", "reject", "refute", "dispute", "rebuff",
                                           "downplay", "rubbish", "brush", NULL };
    return i >= 1 && st->ti[i - 1].mention < 0 && dyad_lemma_in(st, i - 1, denials);
}

static int in_group_gap(const sent_state *st, int i)
{
    for (int g = 0; g < st->ng; g++)
        if (st->g[g].n > 1 && i > st->g[g].s && i < st->g[g].e) return 1;
    return 0;
}

static int is_punct(const sent_state *st, int i, const char *p)
{
    return i >= 0 && i < st->s->ntok && !strcmp(st->s->tok[i].text, p);
}

/* The comma of an attribution after a quotation: token i is ",", or closes a
 * quotation that ends in , ? or ! ('"...," Lavrov said', '"Why?" he asked').
 * Returns the comma's index (the quote's for ? and !), or -1. */
static int attribution_comma(const sent_state *st, int i)
{
    if (is_punct(st, i, ",")) return i;
    if (i < 1 || !(st->s->tok[i].flags & DYAD_TOK_PUNCT)) return -1;
    const char *q = st->s->tok[i].lemma ? st->s->tok[i].lemma : st->s->tok[i].text;
    if (strcmp(q, "\"") && strcmp(q, "'")) return -1;
    return is_punct(st, i - 1, ",") || is_punct(st, i - 1, "?") || is_punct(st, i - 1, "!") ? i : -1;
}

/* Does token j start a verb group? */
static int verbish(const sent_state *st, int j)
{
    int ntok = st->s->ntok;
    if (j < ntok && (st->ti[j].cls & W_ADV)) j++;
    if (j >= ntok || st->ti[j].mention >= 0) return 0;
    const dyad_token *t = &st->s->tok[j];
    if (t->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM)) return 0;
    if (st->ti[j].cls & (W_BE | W_HAVE | W_DO | W_MODAL | W_NEG)) return 1;
    size_t n = strlen(t->lower);
    /* past tenses spelled like the base form: "declared martial law and cut ties with" */
    static const char *const same_past[] = { "cut", "put", "hit", "set", "shut", "spread", "quit", "cast",
                                             "bid", "hurt", "upset", "broadcast", "beat", "let" };
    for (size_t k = 0; k < sizeof same_past / sizeof *same_past; k++)
        if (!strcmp(t->lower, same_past[k])) return 1;
    if (!t->lemma || !strcmp(t->lemma, t->lower)) return 0;
    if (n > 2 && !strcmp(t->lower + n - 2, "ed")) return 1;
    if (n > 3 && !strcmp(t->lower + n - 3, "ing")) return 0;
    return t->lower[n - 1] != 's';          /* irregular past: met, held, struck */
}

/* The mention group that ends right before token i (skipping a comma), or -1. */
static int mention_before(const sent_state *st, int i)
{
    int j = i - 1;
    if (is_punct(st, j, ",")) j--;
    if (j < 0 || st->ti[j].mention < 0) return -1;
    /* "a bombing in Kabul that killed 20 people": a place is not what "that" refers to */
    const mention *m = &st->m[st->ti[j].mention];
    int p = m->s - 1;
    if (p >= 0 && !strcmp(st->s->tok[p].lower, "the")) p--;
    if (m->country_only && p >= 0 && (!strcmp(st->s->tok[p].lower, "in") || !strcmp(st->s->tok[p].lower, "at")
                                      || !strcmp(st->s->tok[p].lower, "near")))
        return -1;
    return st->ti[j].mention;
}

/* A reporting verb that commonly takes an object noun phrase, followed by one: an article
 * ("a", "an", "the"), an amount ("$ 500 million") or a plain lower-case noun that is not an actor,
 * a pronoun or "that". */
static int np_object(const sent_state *st, int i)
{
    static const char *const verbs[] = { "claim", "declare", "announce", "confirm", "report" };
    const dyad_token *tk = &st->s->tok[i];
    const char *lem = tk->lemma ? tk->lemma : tk->lower;
    int ok = 0;
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) ok |= !strcmp(lem, verbs[v]);
    int j = i + 1;
    if (!ok || j >= st->s->ntok || st->ti[j].mention >= 0) return 0;
    const dyad_token *n = &st->s->tok[j];
    if (!strcmp(n->lower, "a") || !strcmp(n->lower, "an") || !strcmp(n->lower, "the"))
        return j + 1 < st->s->ntok && st->ti[j + 1].mention < 0;
    if (j + 1 < st->s->ntok && dyad_amount_tail(st, j + 1)) return 1;     /* "announced $500 million in aid" */
    return !st->ti[j].cls && !(n->flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))
           && strcmp(n->lower, "it") && strcmp(n->lower, "they") && strcmp(n->lower, "we")
           && !(st->ti[j].f & (T_VERBFORM | T_ED));
}

/* "declared the U.S. ambassador persona non grata", "declared Hamas a terrorist group": an
 * actor right after declare/name is its object, not the start of a reported clause */
static int declare_object(const sent_state *st, int i)
{
    static const char *const verbs[] = { "declare", "name", "designate", NULL };
    if (!dyad_lemma_in(st, i, verbs)) return 0;
    int j = i + 1;
    while (j < st->s->ntok && (st->ti[j].cls & W_DET) && st->ti[j].mention < 0) j++;
    return j < st->s->ntok && st->ti[j].mention >= 0;
}

/* inform/notify/assure X: a reporting verb only before "that" ("informed him of the attack"
 * is not reported speech) */
static int notify_verb(const sent_state *st, int i)
{
    static const char *const verbs[] = { "inform", "notify", "assure", "reassure", NULL };
    return dyad_lemma_in(st, i, verbs);
}

static int that_follows(const sent_state *st, int j, int within)
{
    for (int q = j; q < st->s->ntok && q < j + within; q++) {
        if (is_word(st, q, "that")) return 1;
        if (st->s->tok[q].flags & DYAD_TOK_PUNCT) return 0;
    }
    return 0;
}

/* Does the text before the attribution comma at `comma` state something (a verb, an
 * auxiliary or a quotation), rather than being an adjunct ("In a statement,", "On Monday,")? */
static int statement_before(const sent_state *st, int comma)
{
    for (int i = 0; i < comma; i++) {
        const dyad_token *t = &st->s->tok[i];
        const char *l = t->lemma ? t->lemma : t->text;
        if (!strcmp(l, "\"") || !strcmp(l, "'")) return 1;
        if ((st->ti[i].f & (T_ED | T_VERBFORM)) || (st->ti[i].cls & (W_BE | W_HAVE | W_MODAL | W_DO))) return 1;
        if (st->ti[i].mention < 0 && !st->ti[i].cls && !(t->flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM))
            && t->lemma && strcmp(t->lemma, t->lower)) return 1;     /* an inflected verb: "attacks" */
    }
    return 0;
}

/* A verb of hoping, fearing or believing that opens a clause ("he hoped China would",
 * "fears that Russia will"): not after a determiner ("the hope that" is a noun). */
static int opinion_verb(const sent_state *st, int i)
{
    static const char *const verbs[] = { "hope", "expect", "fear", "believe", "think", "doubt", "suspect",
                                         "wish", "predict", "speculate", "worry", NULL };
    const dyad_token *tk = &st->s->tok[i];
    if (!dyad_lemma_in(st, i, verbs) || (i > 0 && (st->ti[i - 1].cls & W_DET)) || (tk->flags & DYAD_TOK_CAP && i > 0)) return 0;
    int j = i + 1;
    if (j >= st->s->ntok) return 0;
    if (is_word(st, j, "that")) return 1;
    return st->ti[j].mention >= 0 || is_word(st, j, "he") || is_word(st, j, "she") || is_word(st, j, "it")
           || is_word(st, j, "they") || is_word(st, j, "the");
}

static int said_then_participle(const sent_state *st, int i)
{
    int q = i + 1;
    while (q < st->s->ntok && q <= i + 4 && st->ti[q].mention < 0
           && ((st->ti[q].cls & W_TIME) || is_word(st, q, "on") || (st->s->tok[q].flags & DYAD_TOK_NUM))) q++;
    return q + 1 < st->s->ntok && (st->ti[q].f & T_COMMA) && st->ti[q + 1].mention < 0
           && (st->ti[q + 1].f & T_ING) && !(st->ti[q + 1].cls & W_REPORT);   /* (not ", saying") */
}

void dyad_find_clauses(dyad_coder *c, sent_state *st)
{
    int ntok = st->s->ntok;
    st->c = dyad_arena_calloc(&c->arena, 2 * (size_t)ntok + 4, sizeof *st->c);   /* a token opens at most two */
    if (!st->c) return;
    st->nc = 0;
    int cur = new_clause(c, st, C_MAIN, 0);
    int ret = -1;                 /* clause to resume at the next comma */
    for (int i = 0; i < ntok; i++) {
        const tinfo *ti = &st->ti[i];
        const dyad_token *tk = &st->s->tok[i];
        int inside = ti->mention >= 0;
        if (is_punct(st, i, ";") || is_punct(st, i, ":")) {
            cur = new_clause(c, st, C_MAIN, i + 1);
            ret = -1;
        } else if (is_punct(st, i, ",") && ret >= 0) {
            st->ti[i].clause = cur;
            cur = ret;
            ret = -1;
            continue;
        } else if (!inside && opinion_verb(st, i)) {
            /* "said he hoped China would release ...": what is hoped, feared or believed
             * has not happened */
            int k = new_clause(c, st, C_SUB, i + 1);
            st->c[k].irreal = 1;
            st->c[k].parent = cur;
            st->ti[i].clause = cur;
            if (is_word(st, i + 1, "that")) { st->ti[i + 1].clause = cur; i++; st->c[k].s = i + 1; }
            cur = k;
            continue;
        } else if (!inside && (ti->cls & W_SUBORD) && !(ti->cls & W_REL)) {
            int k = new_clause(c, st, C_SUB, i + 1);
            st->c[k].irreal = (ti->cls & W_COND) != 0;
            st->c[k].parent = cur;
            /* (also after a sentence-initial participle: "Speaking after talks with X, Y said") */
            if (i == 0 || is_punct(st, i - 1, ",") || (i == 1 && (st->ti[0].f & T_ING) && st->ti[0].mention < 0))
                ret = (st->c[cur].kind == C_SUB && ret >= 0) ? ret : cur;
            cur = k;
        } else if (!inside && (ti->cls & W_REL)) {
            int ante = mention_before(st, i);
            int after_report = i > 0 && (st->ti[i - 1].cls & W_REPORT) && st->ti[i - 1].mention < 0;
            if (ti->low == c->ctx->w_that && after_report) {
                /* handled by the reporting verb below; nothing to do */
            } else if (ti->low == c->ctx->w_that && ante < 0) {
                int k = new_clause(c, st, C_SUB, i + 1);
                st->c[k].irreal = 1;
                cur = k;
            } else {
                int k = new_clause(c, st, C_REL, i + 1);
                st->c[k].antecedent = ante;
                st->c[k].parent = cur;
                if (is_punct(st, i - 1, ",")) ret = cur;
                cur = k;
            }
        } else if (!inside && (ti->cls & W_CONJ) && !in_group_gap(st, i)) {
            if (verbish(st, i + 1)) {
                int k = new_clause(c, st, C_COORD, i + 1);
                st->c[k].prev = coordinated_with(st, cur, i);
                cur = k;
                ret = -1;
            } else if (is_punct(st, i - 1, ",") || !strcmp(tk->lower, "but")) {
                cur = new_clause(c, st, C_MAIN, i + 1);
                ret = -1;
            }
        } else if (!inside && ((ti->cls & W_REPORT) || ((ti->cls & W_COMMIT) && is_word(st, i + 1, "that")))
                   && !(notify_verb(st, i) && !that_follows(st, i + 1, 8))
                   && !((tk->flags & DYAD_TOK_CAP) && i > 0)
                   && !(i > 0 && (st->ti[i - 1].cls & W_DET))       /* "the claim" is a noun */
                   /* so is "a protest note", and "declared X persona non grata" has an object */
                   && !(i > 1 && (st->ti[i - 2].cls & W_DET) && st->ti[i - 1].mention < 0 && !st->ti[i - 1].cls)
                   && !declare_object(st, i)
                   /* so is the object of a denial: "denied reports that", "dismissed claims that" */
                   && !denial_object(st, i)
                   && !(i + 1 < ntok && st->ti[i + 1].low == c->ctx->w_of)) {   /* so is "state of" */
            int g = mention_before(st, i + 0);
            /* "..., saying (that) ...": a participle opens its own reporting clause and
             * what follows is reported */
            if ((st->ti[i].f & T_ING) && is_punct(st, i - 1, ",")) {
                int k = new_clause(c, st, C_REPORTING, i);
                st->c[k].report_tok = i;
                st->ti[i].clause = k;
                int j = i + 1;
                if (j < ntok && st->ti[j].low == c->ctx->w_that) { st->ti[j].clause = k; i = j; }
                cur = new_clause(c, st, C_REPORTED, i + 1);
                ret = -1;
                continue;
            }
            /* "..., X said" or "..., said X": the attribution is its own clause */
            int sp_start = -1;
            if (g >= 0 && attribution_comma(st, i - 1) < 0) {
                int gs = st->g[st->m[g].group].s;
                if (gs - 1 > 0) sp_start = attribution_comma(st, gs - 1);
            } else if (attribution_comma(st, i - 1) >= 0 && i + 1 < ntok && st->ti[i + 1].mention >= 0) {
                sp_start = i - 1;
            }
            /* ... only after a statement: "In a statement, X said ...", "On Tuesday, X said ..."
             * front an adjunct, and what follows the verb is reported as usual */
            if (sp_start >= 0 && !statement_before(st, sp_start)) sp_start = -1;
            if (sp_start >= 0) {
                int k = new_clause(c, st, C_REPORTING, sp_start + 1);
                st->c[k].report_tok = i;
                for (int j = sp_start + 1; j <= i; j++) st->ti[j].clause = k;
                for (int q = 0; q < k; q++) if (st->c[q].kind == C_MAIN) st->c[q].kind = C_REPORTED;
                cur = k;
                ret = -1;
                continue;
            }
            /* "declared a state of emergency", "claimed responsibility", "announced the
             * withdrawal": a verb that also takes a noun-phrase object reports nothing when
             * one follows (no clause follows it) */
            if (np_object(st, i)) { st->ti[i].clause = cur; continue; }
            /* "Trump said (on Tuesday), praising Kim": a participle after the comma continues
             * the speaker's clause (its subject is the speaker); nothing is reported */
            if (said_then_participle(st, i)) { st->ti[i].clause = cur; continue; }
            /* "X said (that) ...": what follows is the reported clause */
            st->c[cur].kind = C_REPORTING;
            st->c[cur].report_tok = i;
            int j = i + 1;
            int rest = 0;
            for (int q = j; q < ntok; q++) if (!(st->s->tok[q].flags & DYAD_TOK_PUNCT)) rest++;
            if (rest >= 2) {
                st->ti[i].clause = cur;
                /* "said (on Tuesday) that": the time phrase stays with the reporting verb */
                int q = j, addressee = 0;
                /* "X told Y (on Monday) that ...": the addressee belongs to the telling */
                const char *lem = tk->lemma ? tk->lemma : tk->lower;
                const mention *am = q < ntok && st->ti[q].mention >= 0 ? &st->m[st->ti[q].mention] : NULL;
                if (am && !(am->kind == M_AGENT && am->agent_s == am->s && am->agent_e == am->e)   /* not "told reporters" */
                    && (!strcmp(lem, "tell") || !strcmp(lem, "inform"))) {
                    q = st->g[st->m[st->ti[q].mention].group].e;
                    addressee = 1;
                }
                int q0 = q;
                while (q < ntok && q - q0 < 4 && st->ti[q].mention < 0
                       && ((st->ti[q].cls & W_TIME) || (st->s->tok[q].flags & DYAD_TOK_NUM))) q++;
                if (q < ntok && st->ti[q].low == c->ctx->w_that) {
                    for (int x = j; x <= q; x++) st->ti[x].clause = cur;
                    i = q;
                } else if (addressee || (q > q0 && q < ntok && !(st->s->tok[q].flags & DYAD_TOK_POSS))) {
                    /* ("said on Tuesday it would ...": the time is the saying's) */
                    for (int x = j; x < q; x++) st->ti[x].clause = cur;
                    i = q - 1;
                }
                cur = new_clause(c, st, C_REPORTED, i + 1);
                ret = -1;
                continue;
            }
        }
        st->ti[i].clause = cur;
    }
    for (int k = 0; k < st->nc; k++) { st->c[k].s = ntok; st->c[k].e = 0; }
    for (int i = 0; i < ntok; i++) {
        clause *cl = &st->c[st->ti[i].clause];
        if (i < cl->s) cl->s = i;
        if (i + 1 > cl->e) cl->e = i + 1;
    }
    if (c->trace) {
        static const char *const kinds[] = { "main", "relative", "subordinate", "coordinated", "reported", "reporting" };
        for (int k = 0; k < st->nc; k++) {
            clause *cl = &st->c[k];
            if (cl->s >= cl->e) continue;
            dyad_buf_printf(c->trace, "clause %d (%s%s):", k, kinds[cl->kind], cl->irreal ? ", conditional/irreal" : "");
            for (int i = cl->s; i < cl->e; i++)
                if (st->ti[i].clause == k) dyad_buf_printf(c->trace, " %s", st->s->tok[i].text);
            dyad_buf_putc(c->trace, '\n');
        }
    }
}
