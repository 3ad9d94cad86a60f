/*
 * chunks.c — actor mentions of one sentence.
 *
 * 1. Actor phrases: at each token the actor trie is walked on lower-case
 *    surface ids (the possessive clitic as "'s"); the longest phrase whose
 *    capitalisation fits wins ("US" needs capitals, so the pronoun "us" is no
 *    actor). A person whose codes have date ranges but none covering the
 *    article date and no default is not coded.
 * 2. Agents: on the remaining tokens the agent trie is walked on lemmas.
 * 3. Composition, left to right:
 *      COUNTRY ['s] AGENT [PERSON | Capitalised Name...]   "Armenian Prime Minister Nikol Pashinyan"
 *      AGENT [PERSON | Name]                              "President Putin"
 *      AGENT of|in|from [the] COUNTRY                     "the army of Azerbaijan", "rebels in Tigray"
 *    A known person's own dated code wins over the composed one; otherwise
 *    country + role ("AZE" + "MIL").
 * 4. Appositions: PERSON , TITLE ,  and  TITLE , PERSON ,  become one mention.
 * 5. Compound groups: mentions joined by "and" / "," / "as well as" with at
 *    least one "and"; bare demonyms before a composed last member share its
 *    role ("Armenian and Azerbaijani forces").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "code/code.h"

static int exact_ok(const dyad_dict *d, const dyad_trie *t, uint32_t node, const dyad_token *tk, int n)
{
    if (!t->exact[node]) return 1;
    const char *texts[32];
    for (int i = 0; i < n && i < 32; i++) texts[i] = tk[i].text;
    return dyad_trie_exact_ok(t, d, node, texts, n < 32 ? n : 32);
}

static mention *add_mention(dyad_coder *c, sent_state *st)
{
    if (st->nm == st->capm) {
        int nc = st->capm ? st->capm * 2 : 16;
        mention *m = dyad_arena_alloc(&c->arena, (size_t)nc * sizeof *m);
        if (!m) return NULL;
        if (st->nm) memcpy(m, st->m, (size_t)st->nm * sizeof *m);
        st->m = m;
        st->capm = nc;
    }
    mention *m = &st->m[st->nm++];
    memset(m, 0, sizeof *m);
    m->actor = m->agent = m->resolved_from = -1;
    m->agent_s = m->agent_e = m->shadow = m->shadow_of = -1;
    m->group = -1;
    return m;
}

/* Raw chunk found by a trie: an actor or an agent over [s, e). */
typedef struct raw { int s, e, actor, agent; } raw;

static int is_name_token(const sent_state *st, int i)
{
    const dyad_token *tk = &st->s->tok[i];
    return (tk->flags & DYAD_TOK_CAP) && !(tk->flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM))
           && !(st->ti[i].cls & (W_DET | W_CONJ | W_REL | W_SUBORD | W_TIME | W_BE | W_HAVE | W_MODAL | W_DO | W_PRON_PERS));
}

static const char *compose(dyad_coder *c, const char *country, const char *role)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.3s%s", country, role);
    return dyad_arena_strdup(&c->arena, buf);
}

/* "pakistan-based", "iraqi-born": the country of the part before the hyphen, or NULL. */
static const char *based_country(dyad_coder *c, const sent_state *st, int i)
{
    static const char *const tails[] = { "-based", "-born", "-registered" };
    const char *w = st->s->tok[i].lower;
    size_t n = strlen(w);
    for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
        size_t tl = strlen(tails[t]);
        if (n <= tl + 1 || strcmp(w + n - tl, tails[t])) continue;
        const dyad_dict *d = c->ctx->dict;
        dyad_wid id = dyad_dict_word_n(d, w, n - tl);
        const dyad_trie *at = dyad_dict_actor_trie(d);
        uint32_t node = id ? dyad_trie_step(at, 0, id) : 0;
        if (!node || at->term[node] < 0) return NULL;
        const char *cc = dyad_actor_code_on(d, at->term[node], c->date, NULL);
        return cc && strlen(cc) == 3 ? cc : NULL;
    }
    return NULL;
}

/* An organisation's own people: "Hamas militants" stays PSEREBHMS (REB is in the code),
 * "UN peacekeepers" is IGOUNO + PKO. */
static const char *compose_org(dyad_coder *c, const char *org, const char *role)
{
    size_t n = strlen(org), r = strlen(role);
    for (size_t i = 3; i + r <= n; i += 3)
        if (!strncmp(org + i, role, r)) return org;
    char buf[40];
    snprintf(buf, sizeof buf, "%s%s", org, role);
    return dyad_arena_strdup(&c->arena, buf);
}

static int agent_is_person(const dyad_coder *c, const sent_state *st, const raw *r)
{
    /* the last word of the agent phrase is a person title ("foreign minister") */
    return r->agent >= 0 && (dyad_word_classes(c->ctx, st->ti[r->e - 1].lem) & W_PERSON_TITLE)
           && !(st->s->tok[r->e - 1].lower[strlen(st->s->tok[r->e - 1].lower) - 1] == 's'
                && strcmp(st->s->tok[r->e - 1].lower, st->s->tok[r->e - 1].lemma));
}

/* Find raw actor and agent chunks. Returns their number. */
static int find_raw(dyad_coder *c, sent_state *st, raw *out, int max)
{
    const dyad_dict *d = c->ctx->dict;
    const dyad_trie *at = dyad_dict_actor_trie(d), *gt = dyad_dict_agent_trie(d);
    const dyad_token *tk = st->s->tok;
    int n = 0, ntok = st->s->ntok;
    for (int i = 0; i < ntok && n < max; ) {
        int best = -1, bestend = i;
        uint32_t node = 0;
        for (int j = i; j < ntok; j++) {
            node = dyad_trie_step(at, node, st->ti[j].low);
            if (!node) break;
            int a = at->term[node];
            if (a >= 0 && exact_ok(d, at, node, tk + i, j - i + 1)) { best = a; bestend = j + 1; }
        }
        if (best >= 0) {
            const char *code = dyad_actor_code_on(d, best, c->date, NULL);
            if (code && strcmp(code, DYAD_NOT_ACTOR)) out[n++] = (raw){ i, bestend, best, -1 };
            else if (code)
                dyad_trace(c, "not an actor: '%s' (%s:%d)", dyad_span_text(c, st, i, bestend),
                           dyad_dict_actor(d, best)->src.file, dyad_dict_actor(d, best)->src.line);
            i = bestend;
            continue;
        }
        int gbest = -1;
        node = 0;
        for (int j = i; j < ntok; j++) {
            uint32_t nx = dyad_trie_step(gt, node, st->ti[j].lem);
            if (!nx) nx = dyad_trie_step(gt, node, st->ti[j].low);
            node = nx;
            if (!node) break;
            if (gt->term[node] >= 0) { gbest = gt->term[node]; bestend = j + 1; }
        }
        if (gbest >= 0) { out[n++] = (raw){ i, bestend, -1, gbest }; i = bestend; continue; }
        i++;
    }
    return n;
}

static void set_actor(dyad_coder *c, mention *m, int actor)
{
    const dyad_actor_code *which = NULL;
    m->actor = actor;
    m->code = dyad_actor_code_on(c->ctx->dict, actor, c->date, &which);
    m->country_only = m->code && strlen(m->code) == 3;
    m->person = dyad_dict_actor(c->ctx->dict, actor)->dated;
    if (c->trace && which)
        m->how = dyad_arena_printf(&c->arena, "actor %s:%d, code %s:%d%s", dyad_dict_actor(c->ctx->dict, actor)->src.file,
                                   dyad_dict_actor(c->ctx->dict, actor)->src.line, which->src.file, which->src.line,
                                   which->from >= 0 ? " (date range covers the article date)" : " (default code)");
}

static void build_mentions(dyad_coder *c, sent_state *st, raw *r, int nr)
{
    const dyad_dict *d = c->ctx->dict;
    const dyad_ctx *ctx = c->ctx;
    int ntok = st->s->ntok;
    for (int k = 0; k < nr; k++) {
        mention *m = add_mention(c, st);
        if (!m) return;
        m->s = r[k].s;
        m->e = r[k].e;
        m->kind = r[k].actor >= 0 ? M_ACTOR : M_AGENT;
        if (r[k].actor >= 0) set_actor(c, m, r[k].actor);
        /* "Sweden's Kristersson": a country's known person is the person */
        if (r[k].actor >= 0 && m->country_only && k + 1 < nr && r[k + 1].actor >= 0
            && dyad_dict_actor(d, r[k + 1].actor)->dated && r[k + 1].s == r[k].e + 1
            && st->ti[r[k].e].low == ctx->w_poss) {
            const char *pc = dyad_actor_code_on(d, r[k + 1].actor, c->date, NULL);
            if (pc) {
                if (c->trace) m->how = dyad_arena_printf(&c->arena, "country 's person (%s:%d) = %s",
                                                     dyad_dict_actor(d, r[k + 1].actor)->src.file,
                                                     dyad_dict_actor(d, r[k + 1].actor)->src.line, pc);
                m->code = pc;
                m->actor = r[k + 1].actor;
                m->person = 1;
                m->country_only = 0;
                m->e = r[k + 1].e;
                k++;
                continue;
            }
        }
        /* "his Russian counterpart Sergei Lavrov": nationality, a plain noun or two, a known person */
        if (r[k].actor >= 0 && m->country_only && dyad_demonym_like(st->s->tok[r[k].e - 1].lower)
            && k + 1 < nr && r[k + 1].actor >= 0
            && dyad_dict_actor(d, r[k + 1].actor)->dated && r[k + 1].s > r[k].e && r[k + 1].s - r[k].e <= 2) {
            int ok = 1;
            for (int j = r[k].e; j < r[k + 1].s; j++)
                if (st->ti[j].cls || (st->s->tok[j].flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))
                    || dyad_verb_form(&st->s->tok[j])) ok = 0;
            const char *pc = ok ? dyad_actor_code_on(d, r[k + 1].actor, c->date, NULL) : NULL;
            if (pc) {
                if (c->trace) m->how = dyad_arena_printf(&c->arena, "'%s' + person (%s:%d) = %s", dyad_span_text(c, st, r[k].s, r[k + 1].s),
                                                     dyad_dict_actor(d, r[k + 1].actor)->src.file,
                                                     dyad_dict_actor(d, r[k + 1].actor)->src.line, pc);
                m->code = pc;
                m->actor = r[k + 1].actor;
                m->person = 1;
                m->country_only = 0;
                m->e = r[k + 1].e;
                k++;
                continue;
            }
        }
        /* COUNTRY ['s] AGENT ... ("Libya's deputy U.N. ambassador": a posting at an
         * organisation between them is where the country's agent serves) */
        int ag = k + 1;
        if (r[k].actor >= 0 && m->code && strlen(m->code) == 3 && ag + 1 < nr && r[ag].actor >= 0
            && r[ag + 1].agent >= 0 && r[ag].e == r[ag + 1].s && r[ag].e - r[ag].s <= 3
            && !strncmp(dyad_actor_code_on(d, r[ag].actor, c->date, NULL), "IGO", 3) && st->ti[r[k].e].low == ctx->w_poss)
            ag++;
        if (r[k].actor >= 0 && m->code && ag < nr && r[ag].agent >= 0 && !m->person) {
            /* between the country and the agent: 's, and title words ("Deputy", "former") */
            int j = r[k].e, former = 0;
            if (j < r[k + 1].s && st->ti[j].low == ctx->w_poss) {
                j++;
                /* "Iran's supreme leader", "Russia's top diplomat": one adjective after 's */
                if (j + 1 == r[k + 1].s && !st->ti[j].cls
                    && !(st->s->tok[j].flags & (DYAD_TOK_PUNCT | DYAD_TOK_NUM | DYAD_TOK_POSS))) j++;
            }
            while (j < r[k + 1].s && j - r[k].e < 3 && (st->ti[j].cls & W_TITLEMOD)) former |= (st->ti[j++].cls & W_FORMER) != 0;
            if (j == r[k + 1].s) {
                int ck = k;
                if (ag > k + 1) k++;            /* the posting's organisation is part of the actor */
                const dyad_agent *g = dyad_dict_agent(d, r[k + 1].agent);
                m->role = former ? "ELI" : g->code;
                m->agent = r[k + 1].agent;
                m->agent_s = r[k + 1].s;
                m->agent_e = r[k + 1].e;
                const char *ccode = m->code;
                /* a country takes the role; an organisation keeps its own code */
                m->code = strlen(ccode) > 3 && !former ? compose_org(c, ccode, m->role) : compose(c, ccode, m->role);
                m->person = agent_is_person(c, st, &r[k + 1]);
                m->country_only = 0;
                m->e = r[k + 1].e;
                /* "a former Georgian defence minister": CAMEO codes former office holders ELI */
                int b = m->s - 1;
                if (b >= 0 && (st->ti[b].cls & W_FORMER)) { m->role = "ELI"; m->code = compose(c, ccode, "ELI"); }
                if (c->trace)
                    m->how = dyad_arena_printf(&c->arena, "country %s (%s:%d) + agent %s (%s:%d) = %s", ccode,
                                               dyad_dict_actor(d, r[ck].actor)->src.file, dyad_dict_actor(d, r[ck].actor)->src.line,
                                               g->code, g->src.file, g->src.line, m->code);
                k++;
            }
        } else if (r[k].agent >= 0) {
            const dyad_agent *g = dyad_dict_agent(d, r[k].agent);
            m->agent = r[k].agent;
            m->agent_s = r[k].s;
            m->agent_e = r[k].e;
            m->role = g->code;
            m->code = g->code;
            m->person = agent_is_person(c, st, &r[k]);
            if (c->trace) m->how = dyad_arena_printf(&c->arena, "agent %s (%s:%d), no country yet", g->code, g->src.file, g->src.line);
            /* "Pakistan-based militants", "Iraqi-born": the modifier names the agent's country
             * ("Russian-backed" names a sponsor and is left alone) */
            if (r[k].s > 0 && based_country(c, st, r[k].s - 1)) {
                const char *cc = based_country(c, st, r[k].s - 1);
                m->code = compose(c, cc, g->code);
                if (c->trace) m->how = dyad_arena_printf(&c->arena, "agent %s (%s:%d) of '%s' = %s", g->code, g->src.file,
                                                         g->src.line, st->s->tok[r[k].s - 1].text, m->code);
                continue;
            }
            /* AGENT of|in|from [the] COUNTRY */
            int j = r[k].e, b = r[k].s - 1;
            /* not when the agent already has an owner or is a verb's object moving "from"
             * somewhere: "withdrew its troops from Niger" */
            int owned = b >= 0 && (!strcmp(st->s->tok[b].lower, "its") || !strcmp(st->s->tok[b].lower, "their")
                                   || !strcmp(st->s->tok[b].lower, "his") || !strcmp(st->s->tok[b].lower, "her")
                                   || !strcmp(st->s->tok[b].lower, "our"));
            int moved = j < ntok && !strcmp(st->s->tok[j].lower, "from") && b >= 0 && (st->ti[b].f & (T_VERBFORM | T_ED));
            if (!owned && !moved && k + 1 < nr && j < ntok && (st->ti[j].cls & W_PLACE_PREP) && r[k + 1].actor >= 0) {
                int s2 = j + 1;
                if (s2 < ntok && st->ti[s2].low == ctx->w_the) s2++;
                while (s2 < ntok && s2 < r[k + 1].s && (st->ti[s2].cls & W_GEOADJ)) s2++;   /* "in northern Iraq" */
                const char *cc = dyad_actor_code_on(d, r[k + 1].actor, c->date, NULL);
                if (r[k + 1].s == s2 && cc && !dyad_dict_actor(d, r[k + 1].actor)->dated) {
                    m->code = compose(c, cc, g->code);
                    m->e = r[k + 1].e;
                    if (c->trace) m->how = dyad_arena_printf(&c->arena, "agent %s (%s:%d) %s country %s (%s:%d) = %s", g->code,
                                                         g->src.file, g->src.line, st->s->tok[j].lower, cc,
                                                         dyad_dict_actor(d, r[k + 1].actor)->src.file,
                                                         dyad_dict_actor(d, r[k + 1].actor)->src.line, m->code);
                    k++;
                    continue;
                }
            }
        }
        /* ... followed by the head noun: "Belarusian opposition activists", "government troops" */
        if (m->agent >= 0 && m->code != m->role && k + 1 < nr && r[k + 1].s == m->e && r[k + 1].agent >= 0
            && !m->person) {
            const dyad_agent *g = dyad_dict_agent(d, r[k + 1].agent);
            if (strcmp(g->code, m->role)) { m->role = g->code; m->code = compose(c, m->code, g->code); }
            m->e = r[k + 1].e;
            m->person = agent_is_person(c, st, &r[k + 1]);
            if (c->trace) m->how = dyad_arena_printf(&c->arena, "%s; head noun agent %s (%s:%d) = %s", m->how ? m->how : "",
                                                 g->code, g->src.file, g->src.line, m->code);
            k++;
        }
        /* ... followed by a person: the title and the name are one actor */
        if (m->agent >= 0 && k + 1 < nr && r[k + 1].s == m->e && r[k + 1].actor >= 0
            && dyad_dict_actor(d, r[k + 1].actor)->dated) {
            const dyad_actor_code *which = NULL;
            const char *pc = dyad_actor_code_on(d, r[k + 1].actor, c->date, &which);
            /* the title in the text is current: it beats the person's default code */
            if (pc && which && which->from < 0 && m->code != m->role) pc = m->code;
            /* ... and a title that refines the person's office wins too (PAKGOV + "Defence Minister" = PAKGOVMIL) */
            if (pc && m->code != m->role && strlen(m->code) > strlen(pc) && !strncmp(m->code, pc, strlen(pc))) pc = m->code;
            if (pc) {
                if (c->trace)
                    m->how = dyad_arena_printf(&c->arena, "%s; title + person (%s:%d, code line %d: %s) = %s", m->how ? m->how : "",
                                               dyad_dict_actor(d, r[k + 1].actor)->src.file,
                                               dyad_dict_actor(d, r[k + 1].actor)->src.line, which ? which->src.line : 0,
                                               which && which->from >= 0 ? "date range covers the article date" : "default code",
                                               pc);
                m->code = pc;
                m->actor = r[k + 1].actor;
                m->e = r[k + 1].e;
                m->person = 1;
                k++;
                continue;
            }
        }
        /* ... or by an unknown capitalised name: absorb it */
        if (m->agent >= 0 && m->person && m->e < ntok && is_name_token(st, m->e)
            && (k + 1 >= nr || r[k + 1].s > m->e)) {
            int e = m->e;
            while (e < ntok && e - m->e < 4 && is_name_token(st, e) && (k + 1 >= nr || r[k + 1].s > e)) e++;
            m->e = e;
            if (c->trace) m->how = dyad_arena_printf(&c->arena, "%s; name '%s' absorbed", m->how ? m->how : "",
                                                 dyad_span_text(c, st, r[k].e, e));
        }
    }
}

/* "his Israeli counterpart": the same office as the other party's title, else GOV. */
static void counterparts(dyad_coder *c, sent_state *st)
{
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (!m->country_only || m->e >= st->s->ntok || strcmp(st->s->tok[m->e].lemma, "counterpart")) continue;
        const char *role = "GOV";
        for (int q = k - 1; q >= 0; q--) if (st->m[q].role && st->m[q].code && strlen(st->m[q].code) > 3) { role = st->m[q].role; break; }
        const char *cc = m->code;
        m->code = compose(c, cc, role);
        m->role = role;
        m->country_only = 0;
        m->person = 1;
        m->e++;
        if (c->trace) m->how = dyad_arena_printf(&c->arena, "%s counterpart: the other party's office %s = %s", cc, role, m->code);
    }
}

static int is_comma(const sent_state *st, int i)
{
    return i >= 0 && i < st->s->ntok && !strcmp(st->s->tok[i].text, ",");
}

/* NAME ( ACRONYM ) [head noun]: "the National Liberation Army (ELN) rebel group" is one
 * actor, coded by its dictionary entry rather than by a composed role. */
static void parentheses(dyad_coder *c, sent_state *st)
{
    for (int k = 0; k + 1 < st->nm; k++) {
        mention *a = &st->m[k], *b = &st->m[k + 1];
        if (b->s != a->e + 1 || b->e >= st->s->ntok || strcmp(st->s->tok[a->e].text, "(")
            || strcmp(st->s->tok[b->e].text, ")") || !a->code || !b->code) continue;
        mention *keep = (b->agent < 0 && b->actor >= 0) ? b : a;
        if (c->trace) a->how = dyad_arena_printf(&c->arena, "'%s' (%s) is one actor = %s", dyad_span_text(c, st, a->s, a->e),
                                             dyad_span_text(c, st, b->s, b->e), keep->code);
        if (keep == b) {
            a->code = b->code; a->actor = b->actor; a->role = b->role; a->agent = b->agent;
            a->country_only = b->country_only; a->person = b->person;
            a->agent_s = b->agent_s; a->agent_e = b->agent_e;
        }
        a->e = b->e + 1;
        memmove(b, b + 1, (size_t)(st->nm - k - 2) * sizeof *b);
        st->nm--;
        /* "(ELN) rebel group": a head noun naming the organisation's own role */
        if (k + 1 < st->nm) {
            mention *h = &st->m[k + 1];
            if (h->s == a->e && h->kind == M_AGENT && h->role && a->code && strlen(a->code) > 3
                && strstr(a->code + 3, h->role)) {
                a->e = h->e;
                memmove(h, h + 1, (size_t)(st->nm - k - 2) * sizeof *h);
                st->nm--;
            }
        }
    }
}

/* PERSON , TITLE ,  /  TITLE , PERSON ,  -> one mention. */
static void appositions(dyad_coder *c, sent_state *st)
{
    for (int k = 0; k + 1 < st->nm; k++) {
        mention *a = &st->m[k], *b = &st->m[k + 1];
        if (!is_comma(st, a->e) || b->s != a->e + 1) continue;
        int after_ok = b->e >= st->s->ntok || is_comma(st, b->e) || (st->s->tok[b->e].flags & DYAD_TOK_PUNCT)
                       || !(st->ti[b->e].cls & W_CONJ);
        if (!after_ok || !a->code || !b->code) continue;
        /* a known person is an actor entry with dated codes; a title is a person agent without one */
        int a_person = a->actor >= 0 && dyad_dict_actor(c->ctx->dict, a->actor)->dated;
        int b_person = b->actor >= 0 && dyad_dict_actor(c->ctx->dict, b->actor)->dated;
        int a_title = a->agent >= 0 && a->person && !a_person, b_title = b->agent >= 0 && b->person && !b_person;
        /* "Pashinyan, Armenia's prime minister" or "Armenia's prime minister, Nikol Pashinyan" */
        if (!((a_person && b_title) || (a_title && b_person))) continue;
        const char *code = a_person ? a->code : b->code;
        if (c->trace) a->how = dyad_arena_printf(&c->arena, "apposition: '%s' + '%s' = %s",
                                             dyad_span_text(c, st, a->s, a->e), dyad_span_text(c, st, b->s, b->e), code);
        a->code = code;
        a->actor = a_person ? a->actor : b->actor;
        a->e = b->e;
        a->person = 1;
        memmove(b, b + 1, (size_t)(st->nm - k - 2) * sizeof *b);
        st->nm--;
        k--;
    }
}

/* An inflected verb form: "criticised", "met" (lemma differs and no plural -s). */
int dyad_verb_form(const dyad_token *t)
{
    if (!t->lemma || !strcmp(t->lemma, t->lower)) return 0;
    size_t n = strlen(t->lower);
    return !(n > 1 && t->lower[n - 1] == 's');
}

int dyad_demonym_like(const char *w)
{
    size_t n = strlen(w);
    static const char *const ends[] = { "ian", "ese", "ish", "i", "ch", "ean", "can" };
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t l = strlen(ends[i]);
        if (n > l && !strcmp(w + n - l, ends[i])) return 1;
    }
    return 0;
}

/* Mentions joined by and / , / as well as (with at least one "and"). */
static void compounds(dyad_coder *c, sent_state *st)
{
    const dyad_ctx *ctx = c->ctx;
    st->g = dyad_arena_calloc(&c->arena, (size_t)st->nm + 1, sizeof *st->g);
    if (!st->g) return;
    st->ng = 0;
    for (int k = 0; k < st->nm; ) {
        group *g = &st->g[st->ng];
        g->first = k; g->n = 1; g->m[0] = k; g->s = st->m[k].s; g->e = st->m[k].e;
        int has_and = 0, j = k;
        while (j + 1 < st->nm && g->n < 8) {
            int gap_s = st->m[j].e, gap_e = st->m[j + 1].s, ok = 0, isand = 0;
            const tinfo *ti = st->ti;
            if (st->m[j + 1].s == st->m[j].s) ok = isand = 1;     /* "the two sides": one span, two actors */
            else if (gap_e - gap_s == 1 && (ti[gap_s].low == ctx->w_and || !strcmp(st->s->tok[gap_s].lower, "or"))) ok = isand = 1;
            else if (gap_e - gap_s == 1 && is_comma(st, gap_s)) ok = 1;
            else if (gap_e - gap_s == 2 && is_comma(st, gap_s) && ti[gap_s + 1].low == ctx->w_and && g->n >= 2)
                ok = isand = 1;     /* the serial comma ends a list of three or more; "A, and B ..." is two clauses */
            else if (gap_e - gap_s == 3 && ti[gap_s].low == ctx->w_as && ti[gap_s + 1].low == ctx->w_well
                     && ti[gap_s + 2].low == ctx->w_as) ok = isand = 1;
            if (!ok) break;
            /* a comma list must end in "and": look ahead */
            if (!isand) {
                int q = j + 1, found = 0;
                while (q + 1 < st->nm) {
                    int s2 = st->m[q].e, e2 = st->m[q + 1].s;
                    if (e2 - s2 == 1 && ti[s2].low == ctx->w_and) { found = 1; break; }
                    if (e2 - s2 == 2 && is_comma(st, s2) && ti[s2 + 1].low == ctx->w_and) { found = 1; break; }
                    if (!(e2 - s2 == 1 && is_comma(st, s2))) break;
                    q++;
                }
                if (!found) break;
            }
            has_and |= isand;
            j++;
            g->m[g->n++] = j;
            g->e = st->m[j].e;
        }
        if (!has_and) { g->n = 1; g->e = st->m[k].e; j = k; }
        if (g->n > 1) {
            /* "Armenian and Azerbaijani forces": bare demonyms share the last member's role */
            mention *last = &st->m[g->m[g->n - 1]];
            if (last->role && last->actor >= 0 && !last->person)
                for (int q = 0; q + 1 < g->n; q++) {
                    mention *mm = &st->m[g->m[q]];
                    if (mm->country_only && mm->e - mm->s == 1 && dyad_demonym_like(st->s->tok[mm->s].lower)) {
                        mm->code = compose(c, mm->code, last->role);
                        mm->role = last->role;
                        mm->country_only = 0;
                    }
                }
            dyad_trace(c, "compound actor: %s (%d members)", dyad_span_text(c, st, g->s, g->e), g->n);
        }
        for (int q = 0; q < g->n; q++) st->m[g->m[q]].group = st->ng;
        st->ng++;
        k = j + 1;
    }
}

void dyad_find_mentions(dyad_coder *c, sent_state *st)
{
    raw r[256];
    int nr = find_raw(c, st, r, 256);
    build_mentions(c, st, r, nr);
    counterparts(c, st);
    /* "the National Liberation Army": a capitalised role word ends a proper name */
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (m->kind != M_AGENT || m->code != m->role || !(st->s->tok[m->s].flags & DYAD_TOK_CAP)
            || (st->s->tok[m->s].flags & DYAD_TOK_SENT_START)) continue;
        int s0 = m->s;
        while (s0 > 0 && (k == 0 || st->m[k - 1].e < s0) && is_name_token(st, s0 - 1)
               && !(st->s->tok[s0 - 1].flags & DYAD_TOK_SENT_START)) s0--;
        if (s0 < m->s) {
            if (c->trace) m->how = dyad_arena_printf(&c->arena, "%s; the name '%s' ends in it", m->how ? m->how : "",
                                                 dyad_span_text(c, st, s0, m->e));
            m->s = s0;
        }
    }
    parentheses(c, st);
    appositions(c, st);
    /* "the Kremlin": a leading "the" belongs to the name */
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (m->s > 0 && st->ti[m->s - 1].low == c->ctx->w_the && (k == 0 || st->m[k - 1].e < m->s)) m->s--;
        m->name = dyad_span_text(c, st, m->s, m->e);
    }
    for (int k = 0; k < st->nm; k++)
        for (int i = st->m[k].s; i < st->m[k].e; i++) st->ti[i].mention = k;
}

/* Called after discourse resolution added pronoun mentions (kept in order). */
void dyad_find_groups(dyad_coder *c, sent_state *st);
void dyad_find_groups(dyad_coder *c, sent_state *st)
{
    for (int i = 0; i < st->s->ntok; i++) st->ti[i].mention = -1;
    for (int k = 0; k < st->nm; k++)
        for (int i = st->m[k].s; i < st->m[k].e; i++) st->ti[i].mention = k;
    compounds(c, st);
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (!c->trace) continue;
        dyad_trace(c, "actor: '%s' = %s  [%s]", m->name, m->code ? m->code : "(none)", m->how ? m->how : "");
    }
}
