/*
 * tabari_mode.c — dyad's TABARI compatibility mode behind the public API.
 *
 * dyad_open(opt->tabari_project) loads the project's dictionaries and
 * options (src/dict/tabari*.c) instead of dyad's; dyad_code_article then
 * codes each sentence of the article with TABARI's parser and coder
 * (tabari_parse.c, tabari_coder.c), forwarding the first actor of a sentence
 * to the pronouns of the next (an article is one TABARI story), and emits the
 * events through the same contract as dyad's coder: codes, names, spans,
 * rule = the TABARI file:line of the pattern or verb that fired, and the
 * extractors' date, place, fatalities, QuadClass, Goldstein and PLOVER.
 */
#include <stdio.h>
#include <string.h>

#include "code/code.h"
#include "code/tabari_coder.h"

int dyad_tabari_ctx_open(dyad_ctx *ctx, const char *project, char *err, size_t errlen)
{
    dyad_tabari *t = dyad_tabari_new();
    if (!t) { if (err) snprintf(err, errlen, "out of memory"); return -1; }
    dyad_tabari_load_project(t, project);
    int n = dyad_tabari_compile(t);
    /* a bad dictionary line is skipped, as TABARI does; a lost file is fatal */
    if (dyad_tabari_nfatal(t) > 0) {
        if (err) {
            if (n == 1) snprintf(err, errlen, "%s", dyad_tabari_error_at(t, 0));
            else snprintf(err, errlen, "%s (and %d more errors)", dyad_tabari_error_at(t, 0), n - 1);
        }
        dyad_tabari_free(t);
        return -1;
    }
    ctx->tabari = t;
    return 0;
}

void dyad_tabari_ctx_close(dyad_ctx *ctx)
{
    dyad_tabari_free(ctx->tabari);
    ctx->tabari = NULL;
}

/* Byte span (relative to the sentence) of words [w0, w1]; -1 if virtual. */
static dyad_span word_span(const dyad_sentence *s, const tb_word *w, int nw, int w0, int w1)
{
    if (w0 < 0 || w0 >= nw || w1 < w0 || w1 >= nw) return (dyad_span){ -1, -1 };
    return (dyad_span){ (int)(s->tok[w[w0].tok0].start - s->start),
                        (int)(s->tok[w[w1].tok1 - 1].end - s->start) };
}

static const char *span_text(dyad_arena *a, const char *sent, dyad_span sp)
{
    if (sp.start < 0) return "";
    return dyad_arena_strndup(a, sent + sp.start, (size_t)(sp.end - sp.start));
}

static void trace_line(void *user, const char *line) { dyad_trace(user, "%s", line); }

int dyad_tabari_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user)
{
    const dyad_ctx *ctx = c->ctx;
    dyad_text t;
    int rc = dyad_text_analyze(ctx->lx, &c->arena, a->text, a->text_len, &t);
    if (rc != 0) {
        snprintf(c->err, sizeof c->err, "%s: text could not be analysed (status %d)", a->id ? a->id : "?", rc);
        return rc;
    }
    int32_t date = a->date ? dyad_parse_date(a->date, strlen(a->date)) : -1;
    if (date < 0) date = 0;
    const tb_opts *o = dyad_tabari_opts(ctx->tabari);
    tb_forward fwd = { 0 }, prev;
    tb_result *res = dyad_arena_alloc(&c->arena, sizeof *res);
    if (!res) return DYAD_ENOMEM;
    for (int i = 0; i < t.nsent; i++) {
        const dyad_sentence *s = &t.sent[i];
        if (s->ntok == 0) continue;
        tb_word *w;
        int nw = dyad_tabari_words(ctx->tabari, s->tok, s->ntok, &c->arena, &w);
        prev = fwd;
        if (c->trace) {
            dyad_trace(c, "== sentence %d (TABARI mode): words, types, roots", s->index);
            dyad_tabari_describe(ctx->tabari, o, w, nw, date, i ? &prev : NULL, &c->arena, trace_line, c);
        }
        dyad_tabari_code_words(ctx->tabari, o, w, nw, date, &c->arena, res, i ? &prev : NULL, &fwd);
        if (c->trace) {
            if (res->status == TB_TOO_SHORT) dyad_trace(c, "  not coded: %s (SET: MINIMUM WORDS)", res->why);
            else if (res->status && res->status != TB_TOO_SHORT) dyad_trace(c, "  no events: %s", res->why);
            for (int k = 0; k < res->nev; k++)
                dyad_trace(c, "  EVENT %s -> %s %s by %s:%d", res->ev[k].src, res->ev[k].tgt, res->ev[k].code,
                           res->ev[k].rule.file, res->ev[k].rule.line);
        }
        if (res->status != TB_OK || !res->nev) continue;
        const char *text = dyad_arena_strndup(&c->arena, t.norm + s->start, s->end - s->start);
        for (int k = 0; k < res->nev; k++) {
            const tb_event *e = &res->ev[k];
            dyad_event ev;
            memset(&ev, 0, sizeof ev);
            ev.article_id = a->id ? a->id : "";
            ev.sentence = s->index;
            snprintf(ev.date, sizeof ev.date, "%s", a->date ? a->date : "");
            ev.date_from = "article";
            ev.date_precision = "day";
            ev.source = e->src;
            ev.target = e->tgt;
            snprintf(ev.code, sizeof ev.code, "%s", e->code);
            ev.root[0] = e->code[0]; ev.root[1] = e->code[1]; ev.root[2] = '\0';
            ev.fatalities = ev.injured = -1;
            ev.text = text;
            ev.rule = dyad_arena_printf(&c->arena, "%s:%d", e->rule.file, e->rule.line);
            ev.source_span = word_span(s, w, nw, e->src_word, e->src_last);
            ev.target_span = word_span(s, w, nw, e->tgt_word, e->tgt_last);
            ev.verb_span = word_span(s, w, nw, e->verb_word, e->verb_last);
            ev.source_name = span_text(&c->arena, text, ev.source_span);
            ev.target_name = span_text(&c->arena, text, ev.target_span);
            int ts = nw ? w[0].tok0 : 0, te = nw ? w[nw - 1].tok1 : 0;
            if (ctx->x) dyad_extract_event(ctx->x, &c->arena, a, &t, i, ts, te, &ev);
            if (res->date > 0 && res->date != date) {      /* SET: TIME SHIFT: a time phrase moved it */
                unsigned y = (unsigned)(res->date / 10000) % 10000u, m = (unsigned)(res->date / 100 % 100) % 100u,
                         d = (unsigned)(res->date % 100) % 100u;
                snprintf(ev.date, sizeof ev.date, "%04u-%02u-%02u", y, m, d);
                ev.date_from = "text";
            }
            if (fn && fn(&ev, user)) return DYAD_STOP;
        }
    }
    return DYAD_OK;
}
