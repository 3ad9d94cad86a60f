/*
 * discourse.c — pronouns and definite descriptions, from an article-level
 * stack of the actors seen so far (newest last).
 *
 *   he / she / him             the latest person ("Putin", "Armenian Prime Minister ..."); a
 *                              sentence-initial He/She: the previous sentence's first actor (a person)
 *   the two sides, both sides  the latest two different actors
 *   both countries/nations     the latest two different countries
 *   the two / both leaders     the latest two different persons
 *   the two / both + verb      ("the two agreed", "both have signed") the two sides
 *   Any of these first takes two actors of different countries named
 *   earlier in the same sentence ("X called Y, and the two agreed ...").
 *   the country / the nation   the latest country
 *   the ministry, the army     (an agent without a country, after "the"): the
 *                              latest actor with the same role ("the Azerbaijani
 *                              defence ministry" ... "the ministry")
 * Candidates are the stack plus the mentions earlier in the same sentence.
 * After a sentence is coded its mentions are pushed on the stack.
 */
#include <stdio.h>
#include <string.h>

#include "code/code.h"

void dyad_find_groups(dyad_coder *c, sent_state *st);

/* Candidate referents before token `pos`: stack entries then this sentence's mentions. */
static int candidates(dyad_coder *c, sent_state *st, int pos, dentry *out, int max)
{
    int n = 0;
    for (int i = 0; i < c->ndisc && n < max; i++) out[n++] = c->disc[i];
    for (int k = 0; k < st->nm && n < max; k++) {
        mention *m = &st->m[k];
        if (m->e > pos || !m->code || m->kind == M_SIDES) continue;
        if (m->kind == M_AGENT && m->code == m->role) continue;     /* bare role, no country */
        out[n++] = (dentry){ m->code, m->name, m->role, m->person, m->country_only };
    }
    return n;
}

static mention *insert_mention(dyad_coder *c, sent_state *st, int s, int e)
{
    /* keep mentions ordered by start */
    if (st->nm == st->capm) {
        int nc = st->capm ? st->capm * 2 : 16;
        mention *m = dyad_arena_alloc(&c->arena, (size_t)nc * sizeof *m);
        if (!m) return NULL;
        if (st->nm) memcpy(m, st->m, (size_t)st->nm * sizeof *m);
        st->m = m;
        st->capm = nc;
    }
    int k = st->nm;
    while (k > 0 && st->m[k - 1].s > s) k--;
    memmove(&st->m[k + 1], &st->m[k], (size_t)(st->nm - k) * sizeof *st->m);
    st->nm++;
    mention *m = &st->m[k];
    memset(m, 0, sizeof *m);
    m->s = s; m->e = e;
    m->actor = m->agent = m->resolved_from = -1;
    m->agent_s = m->agent_e = m->shadow = m->shadow_of = -1;
    m->group = -1;
    m->name = dyad_span_text(c, st, s, e);
    return m;
}

static int country_of(const dentry *d, char out[4])
{
    if (!d->code || strlen(d->code) < 3) return 0;
    if (d->role && !strcmp(d->code, d->role)) return 0;          /* a bare role ("his forces" MIL) */
    /* countries, country + role, and persons of a country (not of an IGO/NGO/company) */
    if (!d->country_only && !d->role
        && !(d->person && strncmp(d->code, "IGO", 3) && strncmp(d->code, "NGO", 3) && strncmp(d->code, "MNC", 3)))
        return 0;
    memcpy(out, d->code, 3);
    out[3] = '\0';
    return 1;
}

static int has_country(const mention *m)
{
    if (!m->code || strlen(m->code) < 3) return 0;
    /* a person of a country ("Obama" USAGOV), not of an organisation */
    if (m->person) return strncmp(m->code, "IGO", 3) && strncmp(m->code, "NGO", 3) && strncmp(m->code, "MNC", 3);
    return m->country_only || (m->role && strcmp(m->code, m->role));   /* (a bare role is no side) */
}

/* Remember the latest two sides: "Armenian and Azerbaijani troops", or an event's dyad. */
void dyad_discourse_pair(dyad_coder *c, const mention *a, const mention *b)
{
    if (!has_country(a) || !has_country(b) || !strcmp(a->code, b->code)) return;   /* government and rebels of one country are two sides */
    snprintf(c->pair[0], sizeof c->pair[0], "%s", a->code);
    snprintf(c->pair[1], sizeof c->pair[1], "%s", b->code);
    c->has_pair = 1;
}

/* Only "and", "or" and commas stand between tokens a and b (a compound's members). */
static int joined(const sent_state *st, int a, int b)
{
    for (int i = a; i < b; i++) {
        const char *w = st->s->tok[i].lower;
        if (strcmp(w, "and") && strcmp(w, "or") && strcmp(w, ",")) return 0;
    }
    return a <= b;
}

/* Two actors of different countries earlier in this sentence (the latest
 * first): "Wang Yi held a call with Lavrov, and the two agreed ..." refers to
 * them, not to the previous sentences. Persons only when want_person. */
static int pair_here(const sent_state *st, int pos, int want_person, const char *pick[2],
                     char cc[2][4])
{
    int got = 0, first_s = -1;
    for (int k = st->nm - 1; k >= 0 && got < 2; k--) {
        const mention *m = &st->m[k];
        if (m->e > pos || !m->code || m->kind == M_SIDES || (want_person && !m->person)) continue;
        dentry d = { m->code, m->name, m->role, m->person, m->country_only };
        if (!country_of(&d, cc[got]) || (got == 1 && !strcmp(cc[0], cc[1]))) continue;
        /* not the members of one compound: "Mexico and Uruguay called on both sides" (the
         * groups are not known yet: only "and" or commas between the two) */
        if (got == 1 && joined(st, m->e, first_s)) continue;
        if (got == 0) first_s = m->s;
        pick[got++] = m->code;
    }
    return got == 2;
}

/* "the two" / "both" right before a verb ("the two agreed", "both have
 * signed", "the two also discussed"): the description has no noun. */
static int bare_two(const sent_state *st, int j)
{
    int ntok = st->s->ntok;
    if (j < ntok && !strcmp(st->s->tok[j].lower, "also")) j++;
    if (j >= ntok || st->ti[j].mention >= 0) return 0;
    return (st->ti[j].f & (T_ED | T_VERBFORM)) || (st->ti[j].cls & (W_BE | W_HAVE | W_MODAL | W_NEG | W_DO));
}

/* Two M_SIDES mentions over tokens [s, e) for pick[1] and pick[0]. */
static int insert_pair(dyad_coder *c, sent_state *st, int s, int e, const char *pick[2])
{
    for (int q = 1; q >= 0; q--) {
        mention *m = insert_mention(c, st, s, e);
        if (!m) return 0;
        m->kind = M_SIDES;
        m->code = dyad_arena_strdup(&c->arena, pick[q]);
        m->how = dyad_arena_printf(&c->arena, "'%s' refers to %s and %s", m->name, pick[1], pick[0]);
    }
    dyad_trace(c, "description: '%s' = %s and %s", dyad_span_text(c, st, s, e), pick[1], pick[0]);
    return e - s;
}

/* The two referents of a description before token s from the article's
 * candidates: the latest pair, else the latest two different actors. */
static int earlier_pair(dyad_coder *c, sent_state *st, int want_person, int want_country,
                        const char *pick[2], char cc[2][4])
{
    dentry cand[DYAD_DISCOURSE + 64];
    /* descriptions point back to earlier sentences when their own has no pair */
    int n = candidates(c, st, 0, cand, DYAD_DISCOURSE + 64);
    int got = 0;
    if (!want_person && c->has_pair) {
        /* the sides of the latest conflict or compound, before mere recency */
        for (int q = 0; q < 2; q++) {
            if (want_country) { memcpy(cc[q], c->pair[1 - q], 3); cc[q][3] = '\0'; pick[q] = cc[q]; }
            else pick[q] = c->pair[1 - q];
        }
        return 1;
    }
    for (int k = n - 1; k >= 0 && got < 2; k--) {
        const char *code = cand[k].code;
        if (want_person && !cand[k].person) continue;
        if (want_country) {
            if (!country_of(&cand[k], cc[got])) continue;
            code = cc[got];
        }
        if (got == 1 && !strcmp(pick[0], code)) continue;
        pick[got++] = code;
    }
    if (got < 2 && want_person) {
        /* "both leaders" after two countries: their governments */
        got = 0;
        for (int k = n - 1; k >= 0 && got < 2; k--) {
            char c3[4];
            if (!country_of(&cand[k], c3)) continue;
            const char *code = dyad_arena_printf(&c->arena, "%sGOV", c3);
            if (got == 1 && !strcmp(pick[0], code)) continue;
            pick[got++] = code;
        }
    }
    return got == 2;
}

/* "the two agreed": this sentence's two sides, else the article's latest pair. */
static int bare_sides(dyad_coder *c, sent_state *st, int s, int e)
{
    const char *pick[2];
    char cc[2][4];
    if (!pair_here(st, s, 0, pick, cc) && !earlier_pair(c, st, 0, 0, pick, cc)) return 0;
    return insert_pair(c, st, s, e, pick);
}

/* "the two sides" etc.: two mentions over the same span. */
static int sides(dyad_coder *c, sent_state *st, int i)
{
    const dyad_ctx *ctx = c->ctx;
    int ntok = st->s->ntok, s = i, j = i;
    if (st->ti[j].low == ctx->w_the && j + 1 < ntok && st->ti[j + 1].low == ctx->w_two) j += 2;
    else if (st->ti[j].low == ctx->w_both) j += 1;
    else return 0;
    if (j < ntok && !(st->ti[j].cls & W_SIDES) && bare_two(st, j)) return bare_sides(c, st, s, j);
    if (j >= ntok || !(st->ti[j].cls & W_SIDES)) return 0;
    if (st->ti[j].mention >= 0) {
        /* "the two leaders": the agent "leader" gives way to the description */
        int k = -1;
        for (int q = 0; q < st->nm; q++) if (st->m[q].s <= j && j < st->m[q].e) k = q;
        if (k < 0 || st->m[k].kind != M_AGENT || st->m[k].code != st->m[k].role || st->m[k].e != j + 1) return 0;
        memmove(&st->m[k], &st->m[k + 1], (size_t)(st->nm - k - 1) * sizeof *st->m);
        st->nm--;
        for (int q = s; q <= j; q++) st->ti[q].mention = -1;
    }
    int want_country = dyad_word_classes(ctx, st->ti[j].lem) & W_COUNTRYWORD;
    int want_person = !strcmp(st->s->tok[j].lemma, "leader");
    const char *pick[2] = { NULL, NULL };
    char cc[2][4];
    int ok = pair_here(st, s, want_person, pick, cc);
    if (ok && want_country) { pick[0] = cc[0]; pick[1] = cc[1]; }
    if (!ok && !earlier_pair(c, st, want_person, want_country, pick, cc)) {
        dyad_trace(c, "description: '%s' has no two earlier actors to refer to", dyad_span_text(c, st, s, j + 1));
        return j + 1 - i;
    }
    return insert_pair(c, st, s, j + 1, pick);
}

/* Is `w` (n bytes) one of the proper-name words that end the person mention `name`: the
 * words after its last lower-case word, title or nationality ("North Korean leader Kim Jong
 * Un" → Kim, Jong, Un; "Polish President Andrzej Duda" → Andrzej, Duda)? */
static int name_tail_has(const dyad_ctx *ctx, const char *name, const char *w, size_t n)
{
    static const char *const titles[] = { "President", "Minister", "Prime", "Foreign", "Defence", "Defense",
                                          "Secretary", "General", "Chancellor", "King", "Queen", "Prince",
                                          "Leader", "Premier", "Chief", "Spokesman", "Spokeswoman", "Ambassador",
                                          "Envoy", "Commander", "Colonel", "Governor", "Senator", "Sheikh",
                                          "Emir", "Vice", "Deputy", "Mr.", "Mrs.", "Ms.", "Dr.", NULL };
    (void)ctx;
    const char *tail = name, *p = name;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int lower = (unsigned char)p[0] >= 'a' && (unsigned char)p[0] <= 'z';
        int title = 0;
        for (int k = 0; titles[k] && !title; k++) title = strlen(titles[k]) == len && !strncmp(p, titles[k], len);
        char low[32];
        size_t ln = len < sizeof low - 1 ? len : sizeof low - 1;
        for (size_t i = 0; i < ln; i++) low[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
        low[ln] = '\0';
        if (lower || title || dyad_demonym_like(low) || strchr(p, '\'')) tail = e ? e + 1 : p + len;
        p = e ? e + 1 : p + len;
    }
    for (p = tail; *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && !strncmp(p, w, n)) return 1;
        p = e ? e + 1 : p + len;
    }
    return 0;
}

/* "Kim said ...", "Duda thanked ...": a capitalised word that is part of the name of a person
 * named earlier in the article refers to that person. Not when another capitalised word
 * follows ("Kim Yo Jong" is someone else). */
static int surname(dyad_coder *c, sent_state *st, int i)
{
    const dyad_token *t = &st->s->tok[i];
    size_t n = strlen(t->text);
    if (!(t->flags & DYAD_TOK_CAP) || (t->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM)) || st->ti[i].cls || n < 3)
        return 0;
    if (i + 1 < st->s->ntok && st->ti[i + 1].mention < 0 && (st->s->tok[i + 1].flags & DYAD_TOK_CAP)
        && !(st->s->tok[i + 1].flags & DYAD_TOK_PUNCT)) return 0;
    for (int k = c->ndisc - 1; k >= 0; k--) {
        const dentry *d = &c->disc[k];
        if (!d->person || !d->code || !d->name || !name_tail_has(c->ctx, d->name, t->text, n)) continue;
        mention *m = insert_mention(c, st, i, i + 1);
        if (!m) return 0;
        m->kind = M_PRONOUN;
        m->code = d->code;
        m->person = 1;
        m->role = d->role;
        m->how = dyad_arena_printf(&c->arena, "'%s' is the %s named earlier", t->text, d->name);
        return 1;
    }
    return 0;
}

/* Countries that are kingdoms, emirates or sheikhdoms today or were in the period dyad
 * codes (1990-): "the kingdom" is one of them. */
static const char monarchies[] =
    " SAU JOR MAR GBR ESP NLD BEL NOR SWE DNK THA BHR KHM BTN LSO SWZ TON ARE QAT KWT OMN BRN MYS JPN NPL ";

/* The head noun of a description of a country: "the country", "the kingdom", "the oil-rich
 * emirate", "the Gulf state", "the island nation". "state" needs a modifier and no noun
 * after it ("the state media", "the state of emergency" are not countries). */
static int country_noun(const sent_state *st, int i, int modifiers)
{
    /* (not "island": "reinforcements sent to the island" is a place, not its country) */
    static const char *const nouns[] = { "country", "nation", "kingdom", "emirate", "republic",
                                         "monarchy", "city-state", "sheikhdom", NULL };
    const dyad_token *t = &st->s->tok[i];
    if (t->flags & DYAD_TOK_CAP && !(t->flags & DYAD_TOK_SENT_START)) return 0;
    for (int k = 0; nouns[k]; k++) if (!strcmp(t->lower, nouns[k])) return 1;
    if (strcmp(t->lower, "state") || !modifiers) return 0;
    int j = i + 1;
    return j >= st->s->ntok || st->ti[j].cls || (st->s->tok[j].flags & (DYAD_TOK_PUNCT | DYAD_TOK_POSS))
           || (st->ti[j].f & (T_ED | T_VERBFORM));
}

/* "severed ties with the Gulf state", "the kingdom deployed troops": the latest country that
 * is not already named since the last comma before the description (it is someone else than
 * its clause's own actors); its tokens [s, i]. Returns 1 when resolved, else 0. */
static int country_description(dyad_coder *c, sent_state *st, int i, dentry *cand)
{
    int s = i - 1, mods = 0;
    while (s >= 0 && mods < 3 && st->ti[s].mention < 0 && st->ti[s].low != c->ctx->w_the) {
        const dyad_token *t = &st->s->tok[s];
        if ((t->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS)) || (st->ti[s].cls & ~W_GEOADJ)) return 0;
        s--;
        mods++;
    }
    if (s < 0 || st->ti[s].low != c->ctx->w_the || st->ti[s].mention >= 0 || !country_noun(st, i, mods)) return 0;
    int n = candidates(c, st, s, cand, DYAD_DISCOURSE + 64);
    int comma = s - 1;
    while (comma >= 0 && strcmp(st->s->tok[comma].text, ",") && strcmp(st->s->tok[comma].text, ";")) comma--;
    char cc[4], first[4] = "";
    int k = n - 1, pick = -1;
    const char *noun = st->s->tok[i].lower;
    int monarchy = !strcmp(noun, "kingdom") || !strcmp(noun, "emirate") || !strcmp(noun, "monarchy")
                   || !strcmp(noun, "sheikhdom");
    for (; k >= 0; k--) {
        if (!country_of(&cand[k], cc) || (monarchy && !strstr(monarchies, cc))) continue;
        if (!first[0]) { memcpy(first, cc, 4); pick = k; }
        int here = 0;          /* (clauses are not known yet: since the last comma) */
        for (int q = 0; q < st->nm && !here; q++)
            here = st->m[q].e <= s && st->m[q].s > comma && st->m[q].code && !strncmp(st->m[q].code, cc, 3);
        if (!here) { pick = k; break; }
    }
    if (pick < 0) return 0;
    country_of(&cand[pick], cc);
    mention *m = insert_mention(c, st, s, i + 1);
    if (!m) return 0;
    m->kind = M_PRONOUN;
    m->code = dyad_arena_strdup(&c->arena, cc);
    m->country_only = 1;
    m->how = dyad_arena_printf(&c->arena, "'%s' refers to '%s'", m->name, cand[pick].name);
    return 1;
}

/* Head nouns that describe an international organisation ("the alliance" after NATO, "the
 * bloc" after the EU, "the agency" after the IAEA, "the council" after the Security Council). */
static int org_noun(const char *w)
{
    static const char *const nouns[] = { "alliance", "bloc", "agency", "organisation", "organization",
                                         "council", "union", "body", "watchdog", "tribunal", "court",
                                         "commission", "coalition", NULL };
    for (int k = 0; nouns[k]; k++) if (!strcmp(w, nouns[k])) return 1;
    return 0;
}

/* The latest international organisation among the candidates before token pos, or -1. */
static int latest_org(dyad_coder *c, sent_state *st, int pos, dentry *cand)
{
    int n = candidates(c, st, pos, cand, DYAD_DISCOURSE + 64);
    for (int q = n - 1; q >= 0; q--)
        if (cand[q].code && (!strncmp(cand[q].code, "IGO", 3) || !strncmp(cand[q].code, "NGO", 3))) return q;
    return -1;
}

/* "The alliance invited Sweden", "the 27-nation bloc banned ...": "the" [modifiers] ORG-NOUN
 * not read as an actor is the latest organisation named; its tokens [s, i]. */
static int org_description(dyad_coder *c, sent_state *st, int i, dentry *cand)
{
    if (!org_noun(st->s->tok[i].lower) || (st->s->tok[i].flags & DYAD_TOK_CAP && !(st->s->tok[i].flags & DYAD_TOK_SENT_START)))
        return 0;
    int s = i - 1, mods = 0;
    while (s >= 0 && mods < 2 && st->ti[s].mention < 0 && st->ti[s].low != c->ctx->w_the
           && !(st->s->tok[s].flags & (DYAD_TOK_PUNCT | DYAD_TOK_POSS)) && !(st->ti[s].cls & ~W_GEOADJ)) { s--; mods++; }
    if (s < 0 || st->ti[s].low != c->ctx->w_the || st->ti[s].mention >= 0) return 0;
    int q = latest_org(c, st, s, cand);
    if (q < 0) return 0;
    mention *m = insert_mention(c, st, s, i + 1);
    if (!m) return 0;
    m->kind = M_PRONOUN;
    m->code = cand[q].code;
    m->how = dyad_arena_printf(&c->arena, "'%s' refers to '%s'", m->name, cand[q].name);
    return 1;
}

/* "Putin sent his forces into ...": a bare agent after his/her takes the country of the
 * latest person (in reported speech "its" is the speaker's: dyad_resolve_reported). */
static void possessive_agents(dyad_coder *c, sent_state *st, dentry *cand)
{
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (m->kind != M_AGENT || m->code != m->role || m->s == 0 || strlen(m->role) != 3) continue;
        const char *w = st->s->tok[m->s - 1].lower;
        /* (not its/their: "protesters stormed its embassy" is another country's) */
        int person = !strcmp(w, "his") || !strcmp(w, "her");
        if (!person) continue;
        int n = candidates(c, st, m->s - 1, cand, DYAD_DISCOURSE + 64);
        char cc[4];
        int q = n - 1;
        while (q >= 0 && (!country_of(&cand[q], cc) || (person && !cand[q].person))) q--;
        if (q < 0) continue;
        m->code = dyad_arena_printf(&c->arena, "%s%s", cc, m->role);
        m->how = dyad_arena_printf(&c->arena, "'%s %s' are those of '%s'", w, m->name, cand[q].name);
    }
}

void dyad_resolve_mentions(dyad_coder *c, sent_state *st)
{
    const dyad_ctx *ctx = c->ctx;
    int ntok = st->s->ntok;
    dentry cand[DYAD_DISCOURSE + 64];
    for (int i = 0; i < ntok; i++) {
        if (st->ti[i].mention >= 0) continue;
        int used = sides(c, st, i);
        if (used) { i += used - 1; continue; }
        if (surname(c, st, i)) continue;
        uint32_t cls = st->ti[i].cls;
        if (cls & W_PRON_PERS) {
            /* "him"/"her" as an object is not the subject of its own sentence */
            int n = candidates(c, st, (cls & W_PRON_OBJ) ? 0 : i, cand, DYAD_DISCOURSE + 64);
            int k = n - 1;
            while (k >= 0 && !cand[k].person) k--;
            if (k < 0) { dyad_trace(c, "pronoun: '%s' -- no earlier person", st->s->tok[i].text); continue; }
            if (i == 0 && c->has_prev_subj) {
                /* "Putin met Pashinyan. He also accused ...": a sentence-initial pronoun is
                 * the previous sentence's subject */
                cand[k] = c->prev_subj;
            }
            mention *m = insert_mention(c, st, i, i + 1);
            if (!m) return;
            m->kind = M_PRONOUN;
            m->code = cand[k].code;
            m->person = 1;
            m->role = cand[k].role;
            m->how = dyad_arena_printf(&c->arena, "pronoun refers to '%s'", cand[k].name);
            continue;
        }
        int used2 = country_description(c, st, i, cand);
        if (!used2) used2 = org_description(c, st, i, cand);
        if (used2) { i += used2 - 1; continue; }
    }
    /* "the ministry": an agent with no country after "the" takes the latest actor with that role */
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (m->kind != M_AGENT || m->code != m->role) continue;
        if (st->ti[m->s].low != ctx->w_the && (m->s == 0 || st->ti[m->s - 1].low != ctx->w_the)) continue;
        int n = candidates(c, st, m->s, cand, DYAD_DISCOURSE + 64);
        int q = n - 1;
        /* the same role, or a narrower one ("the ministry" after "the defence ministry": GOV ~ GOVMIL);
         * an institution ("the junta") is not a person ("the ambassador") */
        while (q >= 0 && !(cand[q].role && !strncmp(cand[q].role, m->role, strlen(m->role))
                           && strlen(cand[q].code) > strlen(m->role) && (m->person || !cand[q].person))) q--;
        if (q < 0) {
            /* "the council" after the Security Council: the organisation itself */
            if (!org_noun(st->s->tok[m->e - 1].lower) || (q = latest_org(c, st, m->s, cand)) < 0) continue;
        }
        m->code = cand[q].code;
        m->person = cand[q].person;
        m->how = dyad_arena_printf(&c->arena, "'%s' refers to '%s'", m->name, cand[q].name);
    }
    possessive_agents(c, st, cand);
    /* A bare agent in an article whose context is one country ("Kenyan police said ... Police
     * detained ..."): the decision and its evidence are context.c's */
    dyad_context_mentions(c, st);
    dyad_find_groups(c, st);
}

/* The sentence's arena is reset before the next sentence, so an entry keeps
 * its own copies of its strings in disc_arena. That arena only grows, so once
 * it holds more than 64 KiB it is rebuilt with just the live entries (at most
 * DYAD_DISCOURSE): memory stays bounded however long the article. */
static const char *disc_str(dyad_coder *c, const char *s)
{
    if (!s) return NULL;
    c->disc_bytes += strlen(s) + 1;
    return dyad_arena_strdup(&c->disc_arena, s);
}

static dentry disc_copy(dyad_coder *c, const char *code, const char *name, const char *role,
                        int person, int country_only)
{
    dentry d = { disc_str(c, code), disc_str(c, name), NULL, person, country_only };
    d.role = role == code ? d.code : disc_str(c, role);
    return d;
}

static void disc_compact(dyad_coder *c)
{
    dyad_arena old = c->disc_arena;
    dyad_arena_init(&c->disc_arena, 16 * 1024);
    c->disc_bytes = 0;
    for (int i = 0; i < c->ndisc; i++) {
        dentry *d = &c->disc[i];
        *d = disc_copy(c, d->code, d->name, d->role, d->person, d->country_only);
    }
    if (c->has_prev_subj) {
        dentry *d = &c->prev_subj;
        *d = disc_copy(c, d->code, d->name, d->role, d->person, d->country_only);
    }
    dyad_arena_free(&old);
}

void dyad_discourse_push(dyad_coder *c, sent_state *st)
{
    /* a compound of two that opens the sentence is a pair of sides ("Armenian and Azerbaijani
     * troops clashed"); one inside a phrase is not ("its interests on Taiwan and Tibet") */
    for (int g = 0; g < st->ng; g++)
        if (st->g[g].n == 2 && st->m[st->g[g].m[0]].kind != M_SIDES && st->g[g].m[0] == 0)
            dyad_discourse_pair(c, &st->m[st->g[g].m[0]], &st->m[st->g[g].m[1]]);
    c->has_prev_subj = 0;
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (!m->code || m->kind == M_SIDES) continue;
        if (m->kind == M_AGENT && m->code == m->role) continue;
        if (k == 0 && m->person) {
            c->prev_subj = disc_copy(c, m->code, m->name, m->role, m->person, m->country_only);
            c->has_prev_subj = 1;
        }
        if (c->ndisc == DYAD_DISCOURSE) {
            memmove(c->disc, c->disc + 1, (DYAD_DISCOURSE - 1) * sizeof *c->disc);
            c->ndisc--;
        }
        c->disc[c->ndisc++] = disc_copy(c, m->code, m->name, m->role, m->person, m->country_only);
    }
    /* last: this sentence's mentions may still point into the old arena above */
    if (c->disc_bytes > 64 * 1024) disc_compact(c);
}

/* The speaker of the reporting clause that introduces reported clause k, or -1. */
static int speaker_of(const sent_state *st)
{
    for (int k = 0; k < st->nc; k++) {
        const clause *cl = &st->c[k];
        if (cl->kind != C_REPORTING || cl->report_tok < 0) continue;
        int r = cl->report_tok;
        if (st->ti[r].f & T_ING) {
            /* "X expelled Y, saying ...": the speaker is the subject of the sentence */
            for (int i = 0; i < r; i++) if (st->ti[i].mention >= 0) return st->ti[i].mention;
            return -1;
        }
        for (int i = r - 1; i >= 0 && i >= cl->s; i--) {
            /* "The Soviet Union, Baghdad's main arms supplier, said": step over an apposition */
            if (i == r - 1 && st->ti[i].f & T_COMMA) {
                int q = i - 1;
                while (q > cl->s && q > i - 12 && !(st->ti[q].f & T_COMMA)) q--;
                if (q > cl->s && (st->ti[q].f & T_COMMA)) { i = q; continue; }
            }
            if (st->ti[i].clause == k && st->ti[i].mention >= 0) return st->ti[i].mention;
        }
        if (r + 1 < st->s->ntok && st->ti[r + 1].mention >= 0) return st->ti[r + 1].mention;
    }
    return -1;
}

int dyad_reported_speaker(const sent_state *st) { return speaker_of(st); }

/* Room for one more mention and one more group (pronouns resolved after the
 * chunker ran are appended as their own one-member group). Returns the new
 * mention's slot (not yet counted in st->nm), NULL when out of memory. */
static mention *grow_for_pronoun(dyad_coder *c, sent_state *st)
{
    if (st->nm == st->capm) {
        int nc = st->capm * 2 + 4;
        mention *m = dyad_arena_alloc(&c->arena, (size_t)nc * sizeof *m);
        if (!m) return NULL;
        memcpy(m, st->m, (size_t)st->nm * sizeof *m);
        st->m = m;
        st->capm = nc;
    }
    group *g = dyad_arena_alloc(&c->arena, (size_t)(st->ng + 1) * sizeof *g);
    if (!g) return NULL;
    memcpy(g, st->g, (size_t)st->ng * sizeof *g);
    st->g = g;
    return &st->m[st->nm];
}

/* In a reported clause "it", "they", "its X", "their X" are the speaker's:
 * "Azerbaijan said Armenian troops shelled its positions". Mentions are
 * appended (with a group of their own) so existing indexes stay valid. */
/* "Iraq's prime minister said Iran had informed him": an object pronoun in reported speech
 * is the speaker when the speaker is a person (resolved before the clauses were known, it
 * took a person of an earlier sentence). */
static mention *grow_for_pronoun(dyad_coder *c, sent_state *st);

static void reported_object_pronouns(dyad_coder *c, sent_state *st)
{
    int sp = -2;
    for (int i = 0; i < st->s->ntok; i++) {
        int mi = st->ti[i].mention;
        if ((mi >= 0 && st->m[mi].kind != M_PRONOUN) || !(st->ti[i].cls & W_PRON_OBJ)
            || st->c[st->ti[i].clause].kind != C_REPORTED) continue;
        if (sp == -2) sp = speaker_of(st);
        if (sp < 0 || !st->m[sp].person || !st->m[sp].code || sp == mi) return;
        if (mi < 0) {                     /* no earlier person: a new one-word mention */
            mention *nm = grow_for_pronoun(c, st);
            if (!nm) return;
            memset(nm, 0, sizeof *nm);
            nm->s = i; nm->e = i + 1;
            nm->actor = nm->agent = nm->resolved_from = -1;
            nm->agent_s = nm->agent_e = nm->shadow = nm->shadow_of = -1;
            nm->kind = M_PRONOUN;
            nm->person = 1;
            nm->name = dyad_span_text(c, st, i, i + 1);
            nm->group = st->ng;
            st->g[st->ng] = (group){ .first = st->nm, .n = 1, .s = i, .e = i + 1, .m = { st->nm } };
            st->ti[i].mention = mi = st->nm;
            st->nm++;
            st->ng++;
        }
        mention *m = &st->m[mi];
        m->code = st->m[sp].code;
        m->role = st->m[sp].role;
        m->how = dyad_arena_printf(&c->arena, "'%s' in reported speech refers to the speaker '%s'", m->name,
                                   st->m[sp].name);
        dyad_trace(c, "actor: '%s' = %s  [%s]", m->name, m->code, m->how);
    }
}

void dyad_resolve_reported(dyad_coder *c, sent_state *st)
{
    reported_object_pronouns(c, st);
    int sp = -1, looked = 0;
    for (int i = 0; i < st->s->ntok; i++) {
        if (st->ti[i].mention >= 0 || st->c[st->ti[i].clause].kind != C_REPORTED) continue;
        /* singular only: "they" and "their" are too often the people talked about */
        const char *w = st->s->tok[i].lower;
        int poss = !strcmp(w, "its");
        int subj = !strcmp(w, "it");
        if (!poss && !subj) continue;
        if (!looked) { sp = speaker_of(st); looked = 1; }
        if (sp < 0 || st->m[sp].person || !st->m[sp].code || dyad_countryless(&st->m[sp])) return;
        int e = i + 1;
        if (poss && e < st->s->ntok && st->ti[e].mention >= 0) {
            /* "its troops": the speaker's country with the agent's role */
            mention *ag = &st->m[st->ti[e].mention];
            const mention *spm = &st->m[sp];
            if (ag->kind == M_AGENT && ag->code == ag->role && ag->s == e && strlen(spm->code) >= 3) {
                /* a country's troops are COUNTRY+MIL; an organisation's fighters are the organisation */
                int org = spm->actor >= 0 && !spm->country_only && !spm->role;
                ag->code = org ? spm->code : dyad_arena_printf(&c->arena, "%.3s%s", spm->code, ag->role);
                ag->s = i;
                ag->name = dyad_span_text(c, st, i, ag->e);
                ag->how = dyad_arena_printf(&c->arena, "'its' in reported speech is the speaker '%s'", st->m[sp].name);
                st->ti[i].mention = st->ti[e].mention;
                st->g[ag->group].s = i;
                dyad_trace(c, "actor: '%s' = %s  [%s]", ag->name, ag->code, ag->how);
            }
            continue;
        }
        if (poss) {
            if (e >= st->s->ntok || st->ti[e].mention >= 0 || st->ti[e].cls
                || (st->s->tok[e].flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_CAP))) continue;
            e++;
        }
        mention *m = grow_for_pronoun(c, st);
        if (!m) return;
        memset(m, 0, sizeof *m);
        m->s = i; m->e = e;
        m->actor = m->agent = m->resolved_from = -1;
    m->agent_s = m->agent_e = m->shadow = m->shadow_of = -1;
        m->kind = M_PRONOUN;
        /* "its positions": the speaker's country ("the defence ministry ... its positions" is AZE) */
        m->code = poss && strlen(st->m[sp].code) > 3 && st->m[sp].role
                  ? dyad_arena_strndup(&c->arena, st->m[sp].code, 3) : st->m[sp].code;
        m->role = poss ? NULL : st->m[sp].role;
        m->country_only = poss;
        m->name = dyad_span_text(c, st, i, e);
        m->group = st->ng;
        m->how = dyad_arena_printf(&c->arena, "'%s' in reported speech refers to the speaker '%s'", m->name, st->m[sp].name);
        st->g[st->ng] = (group){ .first = st->nm, .n = 1, .s = i, .e = e, .m = { st->nm } };
        for (int q = i; q < e; q++) st->ti[q].mention = st->nm;
        dyad_trace(c, "actor: '%s' = %s  [%s]", m->name, m->code, m->how);
        st->nm++;
        st->ng++;
        i = e - 1;
    }
}

/* "X cut ties with Y, accusing it of ...": in a participle after a comma, "it" as the
 * participle's object is the last actor before the comma that is not the sentence's
 * subject (the main clause's object). Appended like the reported-speech pronouns. */
void dyad_resolve_participle_object(dyad_coder *c, sent_state *st)
{
    for (int i = 2; i < st->s->ntok; i++) {
        if (st->ti[i].mention >= 0 || strcmp(st->s->tok[i].lower, "it")) continue;
        int v = i - 1;
        if (!(st->ti[v].f & T_ING) || st->ti[v].mention >= 0 || !(st->ti[v - 1].f & T_COMMA)) continue;
        int first = -1, obj = -1;
        for (int j = 0; j < v - 1; j++) {
            if (st->ti[j].mention < 0) continue;
            int g = st->m[st->ti[j].mention].group;
            if (first < 0) first = g;
            if (g != first) obj = st->ti[j].mention;
        }
        if (obj < 0 || st->g[st->m[obj].group].n != 1 || st->m[obj].person || !st->m[obj].code) continue;
        mention *m = grow_for_pronoun(c, st);
        if (!m) return;
        *m = st->m[obj];
        m->s = i; m->e = i + 1;
        m->kind = M_PRONOUN;
        m->agent_s = m->agent_e = m->shadow = m->shadow_of = -1;
        m->name = dyad_span_text(c, st, i, i + 1);
        m->group = st->ng;
        m->how = dyad_arena_printf(&c->arena, "'it' after a participle is the main clause's object '%s'", st->m[obj].name);
        st->g[st->ng] = (group){ .first = st->nm, .n = 1, .s = i, .e = i + 1, .m = { st->nm } };
        st->ti[i].mention = st->nm;
        dyad_trace(c, "actor: 'it' = %s  [%s]", m->code, m->how);
        st->nm++;
        st->ng++;
    }
}
