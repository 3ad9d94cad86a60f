/*
 * context.c — the country of an actor the text names only by its role ("police", "gunmen",
 * "protesters", "the army"), from the place of its event and the article's country context.
 *
 * CAMEO codes no event for a bare role, so an event whose source or target has no country is
 * dropped (emit.c). Before that, such an actor takes a country, in order of evidence:
 *   1. the place of its own event: "in|at|near PLACE" in its clause (the coder's place
 *      phrase), else the extractors' location of the event (its clause, else its sentence);
 *   2. the article's country context: the dateline ("KABUL, May 3 (Reuters) -") and the
 *      countries that earlier sentences' actors and places name, only when one country
 *      dominates (the only one, or three times as often as any other; the dateline counts once:
 *      wire copy is often datelined in a regional hub, "AMMAN" for Syria, "NAIROBI" for Somalia);
 *   3. else it stays country-less, as before.
 * A country the text states is never overridden. How far a role travels decides which
 * evidence it may use (dyad_role_scope): police, protesters, civilians, courts, rebels and
 * gunmen are local (the place says whose they are; "militants in Peshawar" are Pakistani);
 * the army, the government and its officials cross borders ("troops in Syria" may be Turkish,
 * a foreign minister in Paris is not French): they take a place or context country only when
 * no other country is in play in the sentence or the article; peacekeepers, refugees, the
 * media and aid groups are foreign as often as not and never take one.
 * Armed groups of several countries say in their dictionary entry which code they take where
 * the text places them ("= PAKREB in PAK" for the Taliban): the same evidence (place, then a
 * dominant context) picks it.
 * dyad_country_decide() is the decision alone (pure, unit-tested); the rest gathers evidence.
 * Every inference is traced for `dyad explain`: "country PAK from place Peshawar, sentence 0".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/code.h"

/* ---- the decision ------------------------------------------------------ */

int dyad_role_scope(const char *role)
{
    static const char *const local[] = { "COP", "CVL", "OPP", "JUD", "LEG", "PTY", "ELI", "EDU", "HLH",
        "LAB", "AGR", "BUS", "CRM", "REL", "MUS", "CHR", "JEW", "HRI", "RAD", "ENV", "REB", "UAF", "SEP" };
    static const char *const state[] = { "GOV", "MIL", "SPY" };
    if (!role || strlen(role) < 3) return DYAD_SCOPE_NONE;
    for (size_t i = 0; i < sizeof local / sizeof local[0]; i++)
        if (!strncmp(role, local[i], 3)) return DYAD_SCOPE_LOCAL;
    for (size_t i = 0; i < sizeof state / sizeof state[0]; i++)
        if (!strncmp(role, state[i], 3)) return DYAD_SCOPE_STATE;
    return DYAD_SCOPE_NONE;      /* PKO, REF, MED, NGO, ...: foreign as often as not */
}

int dyad_country_decide(const dyad_country_evidence *ev, dyad_country_choice *out)
{
    memset(out, 0, sizeof *out);
    int scope = ev->scope;
    if (scope == DYAD_SCOPE_NONE) return 0;
    const char *ctx = ev->context_cc && ev->context_cc[0] ? ev->context_cc : NULL;
    if (ev->place_cc && ev->place_cc[0]) {
        /* a border-crossing role: the place's country only when nothing else is in play, and
         * only for force and coercion (14-20), which happen on someone's ground; ministers and
         * envoys visit, meet and talk abroad ("the foreign minister arrived in Paris") */
        int ok = scope != DYAD_SCOPE_STATE || (!ev->sentence_other && !ev->context_other && ev->root >= 14);
        if (ok) {
            snprintf(out->cc, sizeof out->cc, "%.3s", ev->place_cc);
            snprintf(out->from, sizeof out->from, "place %s, sentence %d", ev->place_name ? ev->place_name : "?",
                     ev->place_sentence);
            out->by_place = 1;
            return 1;
        }
        if (scope == DYAD_SCOPE_STATE) return 0;    /* a place of another country: not the context's either */
    }
    if (ctx && (scope != DYAD_SCOPE_STATE || (ev->context_single && !ev->sentence_other))) {
        snprintf(out->cc, sizeof out->cc, "%.3s", ctx);
        snprintf(out->from, sizeof out->from, "the article's context (%s)", ev->context_from ? ev->context_from : "?");
        return 1;
    }
    return 0;
}

/* ---- evidence: the country of an actor, the place of an event ---------- */

static int cmp3(const void *a, const void *b) { return memcmp(a, *(const char *const *)b, 3); }

static int is_country(const char *code)
{
    if (!code || !isupper((unsigned char)code[0]) || !isupper((unsigned char)code[1])
        || !isupper((unsigned char)code[2]))
        return 0;
    /* organisations and CAMEO's role-only codes are not countries (sorted: bsearch) */
    static const char *const not_cc[] = { "AGR", "BUS", "CHR", "COP", "CRM", "CVL", "EDU", "ELI", "ENV",
        "GOV", "HLH", "HRI", "IGO", "IMG", "JEW", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MUS", "NGO",
        "OPP", "PKO", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF", "WST" };
    return !bsearch(code, not_cc, sizeof not_cc / sizeof not_cc[0], sizeof not_cc[0], cmp3);
}

/* The country a mention states (a country, country + role, a person of a country), or NULL. */
static const char *stated_country(const mention *m)
{
    if (!m || !m->code || m->kind == M_SIDES || m->ctx_from) return NULL;
    if (m->kind == M_AGENT && m->code == m->role) return NULL;
    if (!m->country_only && !m->role && !m->person && m->kind != M_ACTOR) return NULL;
    return is_country(m->code) ? m->code : NULL;
}

/* An international organisation, NGO, company or militarised group: a party of the article
 * without a country (it competes with the countries, it is never the context). */
static int is_org(const char *code)
{
    return code && (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "MNC", 3)
                    || !strncmp(code, "IMG", 3));
}

static const char *entry_country(const dentry *d)
{
    if (is_org(d->code)) return d->code;
    if (!d->code) return NULL;
    if (!d->country_only && !d->role && !d->person) return NULL;
    return is_country(d->code) ? d->code : NULL;
}

/* The extractors' place for a sentence: tokens [cs, ce) of sentence `sent` with the event's
 * code and actors (they settle homonyms). Returns 1 and the country and name. */
static int extractor_place(dyad_coder *c, const dyad_text *t, int sent, int cs, int ce, const char *code,
                           const char *sc, const char *tc, char cc[4], const char **name)
{
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    snprintf(ev.code, sizeof ev.code, "%s", code);
    ev.source = sc ? sc : "";
    ev.target = tc ? tc : "";
    dyad_extract_event(c->ctx->x, &c->arena, c->a, t, sent, cs, ce, &ev);
    if (!ev.has_location || !ev.location.country[0]) return 0;
    snprintf(cc, 4, "%s", ev.location.country);
    *name = ev.location.name;
    return 1;
}

/* The dateline ("KABUL, May 3 (Reuters) -", "BAKU, Azerbaijan (Reuters) —"): the text before
 * the first sentence, which the splitter left out of its tokens. Its words become a locative
 * phrase "in KABUL , May 3" for the extractors, so the gazetteer names the place. */
void dyad_context_begin(dyad_coder *c)
{
    memset(&c->cx, 0, sizeof c->cx);
    c->cx.cache_sent = -1;
    const dyad_text *t = c->t;
    if (!t || !t->nsent || !t->sent[0].start || t->sent[0].start > 160) return;
    dyad_token tok[24];
    int n = 0;
    tok[n++] = (dyad_token){ 0, 0, "in", "in", "in", 0 };
    const char *s = t->norm;
    for (uint32_t i = 0; i < t->sent[0].start && n < 23;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '(' || ch == '-' || ch == ':' || ch >= 0xE2) break;     /* agency, dash: the end */
        if (ch == '/') return;                      /* "BAKU/YEREVAN": two countries, no context */
        if (ch == ',') {
            char *w = dyad_arena_strdup(&c->text_arena, ",");
            tok[n++] = (dyad_token){ i, i + 1, w, w, w, DYAD_TOK_PUNCT };
            i++;
            continue;
        }
        if (!isalnum(ch) && ch < 0x80) { i++; continue; }
        uint32_t b = i;
        while (i < t->sent[0].start && (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80
                                        || s[i] == '.' || s[i] == '\'')) i++;
        char *w = dyad_arena_strndup(&c->text_arena, s + b, i - b), *low = dyad_arena_strdup(&c->text_arena, w);
        if (!w || !low) return;
        uint32_t fl = 0, upper = 0, letters = 0;
        for (char *p = low; *p; p++) {
            if (isalpha((unsigned char)*p)) { letters++; upper += isupper((unsigned char)*p) != 0; }
            *p = (char)tolower((unsigned char)*p);
        }
        if (isupper((unsigned char)w[0])) fl |= DYAD_TOK_CAP;
        if (letters > 1 && upper == letters) fl |= DYAD_TOK_ALLCAPS;
        if (isdigit((unsigned char)w[0])) fl |= DYAD_TOK_NUM;
        tok[n++] = (dyad_token){ b, i, w, low, low, fl };
    }
    if (n < 2) return;
    dyad_sentence se = { 0, t->sent[0].start, 0, tok, n };
    dyad_text dt = { t->norm, t->len, &se, 1 };
    const char *name = NULL;
    char cc[4];
    if (extractor_place(c, &dt, 0, 0, n, "010", "", "", cc, &name)) {
        memcpy(c->cx.dateline, cc, 4);
        snprintf(c->cx.dateline_name, sizeof c->cx.dateline_name, "%.*s", (int)(tok[1].end - tok[1].start), tok[1].text);
        dyad_trace(c, "dateline: '%s' is in %s (%s): the article's context", c->cx.dateline_name, cc, name ? name : "?");
    }
}

static void count(dyad_cx_count *cnt, int *n, const char *cc, int w)
{
    for (int i = 0; i < *n; i++)
        if (cnt[i].cc[0] == cc[0] && cnt[i].cc[1] == cc[1] && cnt[i].cc[2] == cc[2]) { cnt[i].n += w; return; }
    if (*n < DYAD_CX_COUNTRIES) {
        memcpy(cnt[*n].cc, cc, 3);
        cnt[*n].cc[3] = '\0';
        cnt[(*n)++].n = w;
    }
}

/* The article's country context before sentence `sent`: the dateline (weight 1), the actors of
 * earlier sentences (the discourse stack) and the places of their events. */
int dyad_context_article(dyad_coder *c, int sent, const sent_state *st, int pos, dyad_article_context *out)
{
    memset(out, 0, sizeof *out);
    dyad_cx *x = &c->cx;
    if (x->cache_sent != sent) {
        /* the earlier sentences' part is the same for every role of this sentence: counted once */
        x->cache_n = 0;
        for (int i = 0; i < x->nplaces; i++)       /* places of earlier sentences' events */
            if (x->place_sent[i] < sent || x->places[i].n > 1)
                count(x->cache, &x->cache_n, x->places[i].cc, x->place_sent[i] < sent ? x->places[i].n : x->places[i].n - 1);
        if (x->dateline[0]) count(x->cache, &x->cache_n, x->dateline, 1);
        for (int i = 0; i < c->ndisc; i++) {
            const char *cc = entry_country(&c->disc[i]);
            if (cc) count(x->cache, &x->cache_n, cc, 1);
        }
        x->cache_sent = sent;
    }
    dyad_cx_count cnt[DYAD_CX_COUNTRIES];
    int n = x->cache_n;
    memcpy(cnt, x->cache, sizeof cnt[0] * (size_t)n);
    /* at mention time, the sentence's own actors before the role count too ("Hungarian police
     * blocked migrants": HUNREF) */
    for (int k = 0; st && k < st->nm; k++)
        if (st->m[k].e <= pos && (stated_country(&st->m[k]) || (is_org(st->m[k].code) && !st->m[k].ctx_from)))
            count(cnt, &n, st->m[k].code, 1);
    memcpy(out->cnt, cnt, sizeof cnt[0] * (size_t)n);
    out->n = n;
    int top = -1, second = 0, total = 0;
    for (int i = 0; i < n; i++) {
        total += cnt[i].n;
        if (top < 0 || cnt[i].n > cnt[top].n) top = i;
    }
    for (int i = 0; i < n; i++) if (i != top && cnt[i].n > second) second = cnt[i].n;
    if (top < 0 || (second && cnt[top].n < 3 * second) || is_org(cnt[top].cc)) return 0;
    memcpy(out->cc, cnt[top].cc, 4);
    out->single = second == 0;
    if (!c->trace) snprintf(out->from, sizeof out->from, "%s", "the article's context");   /* (only explain reads it) */
    else if (second == 0 && c->cx.dateline[0] && total == 1)     /* the dateline alone */
        snprintf(out->from, sizeof out->from, "dateline %s", c->cx.dateline_name);
    else
        snprintf(out->from, sizeof out->from, "%s named %d of %d times so far%s%s", out->cc, cnt[top].n, total,
                 c->cx.dateline[0] ? ", dateline " : "", c->cx.dateline[0] ? c->cx.dateline_name : "");
    return 1;
}

int dyad_context_names_other(const dyad_article_context *ac, const char *cc)
{
    for (int i = 0; i < ac->n; i++)
        if (!cc || strncmp(ac->cnt[i].cc, cc, 3)) return 1;
    return 0;
}

void dyad_context_event(dyad_coder *c, int sent, const dyad_event *ev)
{
    if (!ev->has_location || !is_country(ev->location.country)) return;
    dyad_cx *x = &c->cx;
    for (int i = 0; i < x->nplaces; i++)
        if (!strncmp(x->places[i].cc, ev->location.country, 3)) {
            if (x->place_sent[i] != sent) { x->places[i].n++; x->place_sent[i] = sent; }
            return;
        }
    if (x->nplaces == DYAD_CX_COUNTRIES) return;
    snprintf(x->places[x->nplaces].cc, sizeof x->places[0].cc, "%.3s", ev->location.country);
    x->places[x->nplaces].n = 1;
    x->place_sent[x->nplaces++] = sent;
}

/* ---- at the event ------------------------------------------------------ */

/* "in 38 Russian cities", "across several Iraqi provinces", "in Syrian towns": a locative
 * preposition, at most three quantity words, a nationality and a plural place noun (places
 * the gazetteer cannot name). Returns the nationality's mention, or -1. */
static int demonym_places(const sent_state *st, int i, int cl)
{
    static const char *const preps = " in across throughout near at ";
    static const char *const nouns = " cities towns villages provinces regions districts areas camps "
                                     "neighbourhoods neighborhoods ";
    char k[40];
    snprintf(k, sizeof k, " %s ", st->s->tok[i].lower);
    if (!strstr(preps, k)) return -1;
    int j = i + 1, n = st->s->ntok;
    while (j < n && j - i <= 3 && st->ti[j].clause == cl && st->ti[j].mention < 0
           && ((st->ti[j].cls & (W_QUANT | W_DET)) || (st->s->tok[j].flags & DYAD_TOK_NUM))) j++;
    if (j + 1 >= n || st->ti[j].clause != cl || st->ti[j].mention < 0) return -1;
    const mention *m = &st->m[st->ti[j].mention];
    if (!m->country_only || m->s != j || m->e != j + 1 || !dyad_demonym_like(st->s->tok[j].lower)) return -1;
    snprintf(k, sizeof k, " %s ", st->s->tok[j + 1].lower);
    return strstr(nouns, k) ? st->ti[j].mention : -1;
}

/* The event's place: "in|at|near PLACE" in its clause (a place actor), else the extractors'. */
static int event_place(dyad_coder *c, sent_state *st, dyad_cx_event *e)
{
    if (e->place_done) return e->place_cc[0] != 0;
    e->place_done = 1;
    int cl = e->cl;
    /* the event's own extraction (emit.c reuses it): its place and how precise it is */
    memset(&e->ev, 0, sizeof e->ev);
    snprintf(e->ev.code, sizeof e->ev.code, "%s", e->code);
    e->ev.source = e->sc ? e->sc : "";
    e->ev.target = e->tc ? e->tc : "";
    dyad_extract_event(c->ctx->x, &c->arena, c->a, c->t, (int)(st->s - c->t->sent), st->c[cl].s, st->c[cl].e, &e->ev);
    e->have_ev = 1;
    /* "near the Afghan border" says which border, not which side of it */
    int ext = e->ev.has_location && e->ev.location.country[0]
              && !(e->ev.location.name && strstr(e->ev.location.name, "border"));
    for (int i = st->c[cl].s; i < st->c[cl].e; i++) {
        if (st->ti[i].clause != cl) continue;
        int pe = dyad_place_phrase(st, i, cl);
        if (pe > 0 && pe < st->s->ntok && strstr(" border borders frontier side ", st->s->tok[pe].lower)
            && strlen(st->s->tok[pe].lower) > 3)
            pe = 0;                                 /* "near the Afghan border": which side? */
        int dm = pe > 0 ? -1 : demonym_places(st, i, cl);
        if (pe <= 0 && dm < 0) continue;
        const mention *pm = pe > 0 ? &st->m[st->ti[pe - 1].mention] : &st->m[dm];
        snprintf(e->place_cc, sizeof e->place_cc, "%.3s", pm->code);
        e->place_name = pe > 0 ? pm->name : dyad_span_text(c, st, i + 1, pm->e + 1);
        /* a city or region of that country, as the extractors read it */
        e->place_local = ext && !strncmp(e->ev.location.country, e->place_cc, 3) && e->ev.location.kind
                         && strcmp(e->ev.location.kind, "country");
        return 1;
    }
    if (!ext) return 0;
    snprintf(e->place_cc, sizeof e->place_cc, "%.3s", e->ev.location.country);
    e->place_name = e->ev.location.name;
    e->place_local = e->ev.location.kind && strcmp(e->ev.location.kind, "country");
    return 1;
}

/* Does the sentence name a country other than cc (groups of several countries placed in cc
 * count as cc)? */
static int other_country(const dyad_coder *c, const sent_state *st, const mention *self, const char *cc)
{
    for (int k = 0; k < st->nm; k++) {
        const mention *m = &st->m[k];
        if (m == self || (self && m->s == self->s && m->e == self->e)) continue;
        const char *mc = stated_country(m);
        if (!mc || (cc && !strncmp(mc, cc, 3))) continue;
        if (cc && m->actor >= 0 && dyad_actor_code_in(c->ctx->dict, m->actor, cc, NULL)) continue;
        return 1;
    }
    return 0;
}

const mention *dyad_context_actor(dyad_coder *c, sent_state *st, const mention *m, const mention *other,
                                  dyad_cx_event *e, mention *tmp)
{
    if (!m || !m->code) return m;
    const dyad_dict *d = c->ctx->dict;
    int group = m->actor >= 0 && !m->ctx_from && dyad_dict_actor(d, m->actor)->placed;
    int bare = dyad_countryless(m);
    if (!group && !bare && !m->ctx_from) return m;
    if (!group && dyad_role_scope(m->role) == DYAD_SCOPE_NONE) return m;   /* no evidence would do */
    if (bare && dyad_role_scope(m->role) == DYAD_SCOPE_STATE && st->c[e->cl].kind == C_REPORTED) {
        /* "the Israeli army said troops killed two gunmen in Jenin", "Bolivia's deputy foreign
         * minister said the government rejected ...": a state speaker talks of its own state's
         * forces and government (a local role — "militants" — is as often the other side) */
        int sp = dyad_reported_speaker(st);
        const char *spc = sp >= 0 ? stated_country(&st->m[sp]) : NULL;
        if (spc) {
            *tmp = *m;
            tmp->code = dyad_arena_printf(&c->arena, "%.3s%s", spc, m->role);
            dyad_trace(c, "  '%s' = %s: country %.3s from the speaker '%s', sentence %d", m->name, tmp->code, spc,
                       st->m[sp].name, st->s->index);
            return tmp;
        }
    }
    dyad_article_context ac;
    int hasctx = dyad_context_article(c, st->s->index, NULL, 0, &ac);
    event_place(c, st, e);
    int root = e->code && strlen(e->code) >= 2 ? (e->code[0] - '0') * 10 + (e->code[1] - '0') : 0;
    /* a group is placed only by its own event's place, and only where it uses force or
     * coercion: a dateline says where the reporter is ("ISLAMABAD - ... the Taliban
     * government"), and talks with a group happen abroad */
    if (group && (!e->place_cc[0] || root < 14)) return m;
    dyad_country_evidence ev = {
        .role = group ? "REB" : m->role,
        .scope = group ? DYAD_SCOPE_LOCAL : dyad_role_scope(m->role),
        .place_cc = e->place_cc[0] ? e->place_cc : NULL,
        .place_name = e->place_name,
        .place_sentence = st->s->index,
        .root = root,
        .context_cc = hasctx && !group ? ac.cc : NULL,
        .context_single = ac.single,
        .context_from = ac.from,
    };
    const char *cand = ev.place_cc ? ev.place_cc : ev.context_cc;
    ev.sentence_other = other_country(c, st, m, cand);
    ev.context_other = hasctx || ac.n ? dyad_context_names_other(&ac, cand) : 0;
    dyad_country_choice ch;
    if (!dyad_country_decide(&ev, &ch)) return m;
    if (group) {
        dyad_src src;
        const char *code = dyad_actor_code_in(d, m->actor, ch.cc, &src);
        if (!code || !strcmp(code, m->code)) return m;
        *tmp = *m;
        tmp->code = code;
        dyad_trace(c, "  '%s' = %s: a group of several countries (%s:%d), country %s from %s", m->name, code,
                   src.file, src.line, ch.cc, ch.from);
        return tmp;
    }
    if (m->ctx_from) {
        /* the article's context gave it a country: only its own place says otherwise, a city or
         * region ("Taliban gunmen attacked an army school in Peshawar"), or a country when the
         * context's country is the other side's ("The Pentagon said militants attacked a U.S.
         * base in Syria"); a country named in passing is not the event's ground ("MOSCOW -
         * Police detained protesters at rallies against the war in Ukraine") */
        if (!ch.by_place || !strncmp(ch.cc, m->code, 3)) return m;
        const char *oc = stated_country(other);
        if (!e->place_local && !(oc && !strncmp(oc, m->code, 3))) return m;
    }
    *tmp = *m;
    tmp->code = dyad_arena_printf(&c->arena, "%s%s", ch.cc, m->role);
    dyad_trace(c, "  '%s' = %s: country %s from %s", m->name, tmp->code, ch.cc, ch.from);
    return tmp;
}

/* At mention time (discourse.c): a bare role takes the article's context country when the
 * decision allows it without a place ("Kenyan police said ... Police detained ..."). */
void dyad_context_mentions(dyad_coder *c, sent_state *st)
{
    for (int k = 0; k < st->nm; k++) {
        mention *m = &st->m[k];
        if (m->kind != M_AGENT || m->code != m->role) continue;
        /* "its citizens", "their fighters": the owner is the text's to say (reported speech) */
        const char *before = m->s > 0 ? st->s->tok[m->s - 1].lower : "";
        if (!strcmp(before, "its") || !strcmp(before, "their") || !strcmp(before, "his") || !strcmp(before, "her")
            || !strcmp(before, "our")) continue;
        dyad_article_context ac;
        if (!dyad_context_article(c, st->s->index, st, m->s, &ac)) continue;
        dyad_country_choice ch;
        if (ac.single) {
            /* the only country of the article so far: any role ("Nicaragua shut down NGOs") */
            snprintf(ch.cc, sizeof ch.cc, "%s", ac.cc);
            snprintf(ch.from, sizeof ch.from, "the article's only country (%s)", ac.from);
        } else {
            dyad_country_evidence ev = {
                .role = m->role, .scope = dyad_role_scope(m->role),
                .context_cc = ac.cc, .context_single = ac.single, .context_from = ac.from,
            };
            if (!dyad_country_decide(&ev, &ch)) continue;
        }
        m->code = dyad_arena_printf(&c->arena, "%s%s", ch.cc, m->role);
        m->ctx_from = c->trace ? dyad_arena_strdup(&c->arena, ch.from) : "the article's context";
        if (c->trace) m->how = dyad_arena_printf(&c->arena, "%s; country %s from %s", m->how ? m->how : "", ch.cc, ch.from);
    }
}
