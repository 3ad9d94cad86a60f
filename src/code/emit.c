/*
 * emit.c — turning a matched pattern into an event: the last checks (same actor, an actor with
 * no country, a reporting verb's media addressee, duplicates within the sentence), placing a
 * bare role by its clause's place, then the event record, the extractors (date, place,
 * fatalities) and the article's event memory for implicit targets ("condemned the attack").
 * Just before the duplicate check the role-dependent rules of refine.c may re-code or drop it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/code.h"
#include "code/refine.h"

/* Already coded in this sentence: the same event, or the same dyad and root from a pattern
 * match overlapping an earlier one [vs, ve) ("began pulling out of Kosovo" read from "began"
 * and from "pulling": one withdrawal; the first, more specific reading stands). */
static int seen(dyad_coder *c, const char *s, const char *t, const char *code, int vs, int ve, int cl)
{
    for (int i = 0; i < c->nseen; i++) {
        if (strcmp(c->seen[i].s, s) || strcmp(c->seen[i].t, t)) continue;
        if (!strcmp(c->seen[i].code, code)) return 1;
        if (!strncmp(c->seen[i].code, code, 2) && vs < c->seen[i].ve && c->seen[i].vs < ve) {
            dyad_trace(c, "  skipped %s %s %s: the same verb already coded %s", s, t, code, c->seen[i].code);
            return 1;
        }
    }
    if (c->nseen < 64) {
        c->seen[c->nseen].s = s;
        c->seen[c->nseen].t = t;
        c->seen[c->nseen].cl = cl;
        snprintf(c->seen[c->nseen].code, sizeof c->seen[c->nseen].code, "%s", code);
        c->seen[c->nseen].vs = vs;
        c->seen[c->nseen].ve = ve;
        c->nseen++;
    }
    return 0;
}

static dyad_span span_of(const sent_state *st, int s, int e)
{
    if (s < 0 || e <= s) return (dyad_span){ -1, -1 };
    return (dyad_span){ (int)(st->s->tok[s].start - st->s->start), (int)(st->s->tok[e - 1].end - st->s->start) };
}

/* An intent or threat read from a future/commitment form repeats an event of the same root
 * that the commitment verb's own pattern coded ("threatened to attack": 1384 and 138). */
static int seen_root(const dyad_coder *c, const char *s, const char *t, const char *code)
{
    for (int i = 0; i < c->nseen; i++)
        if (!strcmp(c->seen[i].s, s) && !strcmp(c->seen[i].t, t) && !strncmp(c->seen[i].code, code, 2)) return 1;
    return 0;
}

/* A bare role with no country ("gunmen" = UAF, "people" = CVL): CAMEO codes no event for it. */
int dyad_countryless(const mention *m)
{
    return m && m->code && m->role && m->kind == M_AGENT && !strcmp(m->code, m->role) && strlen(m->code) == 3;
}

/* The event's date from its own words (the extractors read the clause's whole token span):
 * the tokens of relative and subordinate clauses other than the event's own are left out
 * ("..., the two leaders held talks on the border crossings, which were closed again in
 * April"); an intent or threat is dated by its statement, the reporting clause's words, else
 * the article ("said the two sides would exchange prisoners on Saturday"). */
static void own_date(dyad_coder *c, sent_state *st, int cl, int intent, dyad_event *ev)
{
    int n = st->s->ntok, m = 0, s = -1, e = -1, nested = 0;
    for (int i = 0; i < n && !intent && !nested; i++)
        nested = st->ti[i].clause != cl && (st->c[st->ti[i].clause].kind == C_REL || st->c[st->ti[i].clause].kind == C_SUB);
    if (!intent && !nested) return;          /* the extractors read the same words already */
    dyad_token *tk = dyad_arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *tk);
    if (!tk) return;
    for (int i = 0; i < n; i++) {
        int k = st->ti[i].clause;
        int kind = st->c[k].kind;
        int keep = intent ? kind == C_REPORTING : (k == cl || (kind != C_REL && kind != C_SUB));
        if (!keep) continue;
        if (k == cl && s < 0) s = m;
        if (k == cl) e = m + 1;
        tk[m++] = st->s->tok[i];
    }
    if (s < 0) s = e = m;
    dyad_extract_date(c->a, tk, m, s, e, ev);
}

mention dyad_unspanned(dyad_coder *c, const char *code)
{
    mention m;
    memset(&m, 0, sizeof m);
    m.s = m.e = -1;
    m.shadow_of = m.shadow = m.agent_s = m.agent_e = m.resolved_from = -1;
    m.code = dyad_arena_strdup(&c->arena, code);
    m.name = "";
    return m;
}

int dyad_emit(dyad_coder *c, sent_state *st, const mention *src, const mention *tgt, const char *code,
                const char *rule, int negated, int intent, int vs, int ve, int cl, dyad_event_fn fn, void *user)
{
    /* a country part matched so that the pattern could name the role word: the event
     * still names the whole actor ("the French ambassador" = FRAGOV) */
    if (src && src->shadow_of >= 0) src = &st->m[src->shadow_of];
    if (tgt && tgt->shadow_of >= 0) tgt = &st->m[tgt->shadow_of];
    const char *sc = src ? src->code : "", *tc = tgt ? tgt->code : "";
    if (!sc || !tc) return 0;
    if (src && tgt && !strcmp(sc, tc) && tgt->s >= 0) {     /* (a self-target has no span) */
        dyad_trace(c, "  skipped %s %s %s: source and target are the same actor", sc, tc, code);
        return 0;
    }
    /* a bare role takes the country of its event's place or of the article (context.c) */
    mention placed_src, placed_tgt;
    dyad_cx_event cxe = { .cl = cl, .code = code, .sc = sc, .tc = tc };
    src = dyad_context_actor(c, st, src, tgt, &cxe, &placed_src);
    tgt = dyad_context_actor(c, st, tgt, src, &cxe, &placed_tgt);
    sc = src ? src->code : "";
    tc = tgt ? tgt->code : "";
    if (src && tgt && !strcmp(sc, tc) && tgt->s >= 0) {
        dyad_trace(c, "  skipped %s %s %s: source and target are the same actor", sc, tc, code);
        return 0;
    }
    mention self;
    char selfc[16];
    if (!tgt && src == &placed_src && dyad_self_target(code, sc, selfc)) {
        /* "people protested in Washington against police brutality": a domestic measure with no
         * stated target (match.c's self-target) once the bare role has its place's country */
        memset(&self, 0, sizeof self);
        self.s = self.e = -1;
        self.shadow_of = self.shadow = self.agent_s = self.agent_e = self.resolved_from = -1;
        self.code = dyad_arena_strndup(&c->arena, selfc, strlen(selfc));
        self.name = "";
        tgt = &self;
        tc = self.code;
        dyad_trace(c, "  no stated target: a domestic measure, target %s (the source's country)", tc);
    }
    mention moved;
    if (src && tgt && tgt->kind == M_AGENT && tgt->role && tgt->agent_s == tgt->s && tgt->agent_e == tgt->e
        && !tgt->person && !dyad_countryless(tgt) && !strncmp(sc, tc, 3) && strstr(" REB MIL UAF ", tgt->role)
        && strlen(tgt->role) == 3) {   /* armed roles: a journalist abroad stays the discourse's */
        /* "Indian warplanes struck a militant camp in Pakistan": a role noun whose country came
         * from the discourse (the source's) is where its clause places it */
        for (int i = st->c[cl].s; i < st->c[cl].e; i++) {
            int pe = st->ti[i].clause == cl ? dyad_place_phrase(st, i, cl) : 0;
            if (pe <= 0 || !strncmp(st->m[st->ti[pe - 1].mention].code, sc, 3)) continue;
            moved = *tgt;
            moved.code = dyad_arena_printf(&c->arena, "%.3s%s", st->m[st->ti[pe - 1].mention].code, tgt->role);
            tgt = &moved;
            tc = moved.code;
            dyad_trace(c, "  '%s' is placed by its clause: %s", tgt->name, tc);
            break;
        }
    }
    if (dyad_countryless(src) || dyad_countryless(tgt)) {
        dyad_trace(c, "  skipped %s %s %s: an actor with no country", sc, tc, code);
        return 0;
    }
    if (tgt && st->c[cl].kind == C_REPORTING && st->c[cl].report_tok == ve - 1 && strlen(tc) >= 6
        && !strcmp(tc + strlen(tc) - 3, "MED")) {
        /* "..., residents told Reuters": telling a news organisation is the attribution */
        dyad_trace(c, "  skipped %s %s %s: the addressee of an attribution is the press", sc, tc, code);
        return 0;
    }
    if (!intent && c->ctx->refine && src && tgt) {
        /* role-dependent codes: the same verb is 180 for gunmen, 175 for police firing on
         * protesters, 145 for rioters (refine.c, data/refine.txt) */
        dyad_refine_prior prior[64];
        int np = 0, line = 0;
        for (int i = 0; i < c->nseen; i++)
            if (c->seen[i].cl == cl) prior[np++] = (dyad_refine_prior){ c->seen[i].s, c->seen[i].t, c->seen[i].code };
        const char *rc = dyad_refine_apply(c->ctx->refine, code, sc, tc, c->mutual, prior, np, &line);
        if (line && !*rc) {
            dyad_trace(c, "  refined %s %s %s: dropped by %s:%d", sc, tc, code, dyad_refine_file(c->ctx->refine), line);
            return 0;
        }
        if (line) {
            dyad_trace(c, "  refined %s %s %s -> %s by %s:%d", sc, tc, code, rc, dyad_refine_file(c->ctx->refine), line);
            /* the event's rule names both lines: the pattern's and the refinement's */
            rule = dyad_arena_printf(&c->arena, "%s+%s:%d", rule, dyad_refine_file(c->ctx->refine), line);
        }
        code = rc;
    }
    if (intent && seen_root(c, sc, tc, code)) return 0;
    if (seen(c, sc, tc, code, c->match_s, c->match_e, cl)) return 0;
    dyad_event ev;
    /* the extractors already ran for this event when a bare role needed its place */
    int extracted = cxe.have_ev && !strcmp(cxe.ev.code, code);
    if (extracted) ev = cxe.ev;
    else memset(&ev, 0, sizeof ev);
    ev.article_id = c->a->id ? c->a->id : "";
    ev.sentence = st->s->index;
    if (!extracted) {
        snprintf(ev.date, sizeof ev.date, "%s", c->a->date ? c->a->date : "");
        ev.date_from = "article";
        ev.date_precision = "day";
    }
    ev.source = sc;
    ev.source_name = src ? src->name : "";
    ev.target = tc;
    ev.target_name = tgt ? tgt->name : "";
    snprintf(ev.code, sizeof ev.code, "%s", code);
    ev.root[0] = code[0]; ev.root[1] = code[1]; ev.root[2] = '\0';
    if (!extracted) ev.fatalities = ev.injured = -1;
    ev.negated = negated;
    ev.text = st->text;
    ev.rule = rule;
    ev.source_span = src ? span_of(st, src->s, src->e) : (dyad_span){ -1, -1 };
    ev.target_span = tgt ? span_of(st, tgt->s, tgt->e) : (dyad_span){ -1, -1 };
    ev.verb_span = span_of(st, vs, ve);
    int cs = st->c[cl].s, ce = st->c[cl].e;
    if (!extracted) dyad_extract_event(c->ctx->x, &c->arena, c->a, c->t, (int)(st->s - c->t->sent), cs, ce, &ev);
    if (!strcmp(ev.date_from, "text")) own_date(c, st, cl, intent, &ev);
    dyad_context_event(c, st->s->index, &ev);
    c->nevents++;
    if (src && tgt && !intent) {
        if (c->nevs == (int)(sizeof c->evs / sizeof c->evs[0])) { memmove(c->evs, c->evs + 1, (size_t)(c->nevs - 1) * sizeof c->evs[0]); c->nevs--; }
        snprintf(c->evs[c->nevs].src, sizeof c->evs[c->nevs].src, "%s", sc);
        memcpy(c->evs[c->nevs].root, ev.root, 3);
        snprintf(c->evs[c->nevs].tgt, sizeof c->evs[c->nevs].tgt, "%s", tc);
        snprintf(c->evs[c->nevs].code, sizeof c->evs[c->nevs].code, "%s", code);
        c->evs[c->nevs].rule = rule;            /* a pattern's file:line: lives as long as ctx */
        if (!c->lead) {                         /* the article's news: what "followed suit" repeats */
            snprintf(c->lead_ev.src, sizeof c->lead_ev.src, "%s", sc);
            snprintf(c->lead_ev.tgt, sizeof c->lead_ev.tgt, "%s", tc);
            snprintf(c->lead_ev.code, sizeof c->lead_ev.code, "%s", code);
            c->lead_ev.rule = rule;
            c->lead = 1;
        }
        c->evs[c->nevs].sent = ev.sentence;     /* one happening: same sentence and verb */
        c->evs[c->nevs].verb = vs;
        c->nevs++;
    }
    if (src && tgt && ev.root[0] == '1' && ev.root[1] >= '8') dyad_discourse_pair(c, src, tgt);   /* the sides of a fight */
    dyad_trace(c, "EVENT: %s (%s) -> %s (%s) code %s%s rule %s", ev.source, ev.source_name, ev.target,
               ev.target_name, ev.code, negated ? " negated" : "", rule);
    if (fn && fn(&ev, user)) return DYAD_STOP;
    return 0;
}

