/*
 * code_job.c — one article to output lines; see code_job.h.
 *
 * Events go through dyad_write_event. For the GDELT and Phoenix tables an
 * event id is made from the article's sequence number and the event's index
 * in it ((seq + 1) * 1,000,000 + index), so ids are unique, stable across
 * runs and independent of the number of threads; the article URL fills
 * SOURCEURL. PLOVER ids are then made from the article, sentence, actors
 * and code by the writer.
 */
#include "cli/code_job.h"

#include <string.h>

#include "io/io.h"
#include "cli/code_tokens.h"

int code_cfg_open(code_cfg *c, const dyad_cli_opts *o, int tokens, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    c->fmt = o->out;
    c->keep_negated = o->keep_negated;
    c->tokens = tokens;
    if (tokens) {
        c->lx = code_tokens_lexicon(o->data_dir, err, errlen);
        return c->lx ? 0 : -1;
    }
    dyad_options d;
    dyad_cli_dyad_options(o, &d);
    c->ctx = dyad_open(&d, err, errlen);
    return c->ctx ? 0 : -1;
}

void code_cfg_close(code_cfg *c)
{
    if (c->ctx) dyad_close(c->ctx);
    if (c->lx) code_tokens_lexicon_free(c->lx);
    memset(c, 0, sizeof *c);
}

int code_worker_init(code_worker *w, const code_cfg *cfg)
{
    memset(w, 0, sizeof *w);
    w->cfg = cfg;
    dyad_arena_init(&w->arena, 1 << 16);
    if (cfg->ctx && !(w->coder = dyad_coder_new(cfg->ctx))) {
        dyad_arena_free(&w->arena);
        return -1;
    }
    return 0;
}

void code_worker_free(code_worker *w)
{
    if (w->coder) dyad_coder_free(w->coder);
    dyad_arena_free(&w->arena);
}

void code_result_init(code_result *r)
{
    memset(r, 0, sizeof *r);
    dyad_buf_init(&r->out);
    dyad_buf_init(&r->err);
}

void code_result_free(code_result *r)
{
    dyad_buf_free(&r->out);
    dyad_buf_free(&r->err);
}

typedef struct sink {
    code_result *r;
    const code_cfg *cfg;
    const dyad_article *a;
    long seq;
} sink;

static int on_event(const dyad_event *ev, void *user)
{
    sink *s = user;
    if (ev->negated && !s->cfg->keep_negated) return 0;
    dyad_event_stats st;
    memset(&st, 0, sizeof st);
    if (s->cfg->fmt == DYAD_FMT_GDELT || s->cfg->fmt == DYAD_FMT_PHOENIX)   /* numeric id columns */
        st.event_id = (s->seq + 1) * 1000000LL + s->r->nevents + 1;
    st.source_url = s->a->url;
    dyad_write_event(&s->r->out, (dyad_format)s->cfg->fmt, ev, &st);
    s->r->nevents++;
    return 0;
}

static void where(dyad_buf *b, const dyad_article *a)
{
    dyad_buf_puts(b, a->file ? a->file : "<input>");
    if (a->line > 0) dyad_buf_printf(b, ":%ld", a->line);
    dyad_buf_puts(b, ": ");
}

void code_article(code_worker *w, const dyad_article *a, long seq, code_result *r)
{
    if (w->cfg->tokens) {
        dyad_arena_reset(&w->arena);
        long n = code_tokens_article(w->cfg->lx, &w->arena, a, &r->out);
        if (n < 0) {
            where(&r->err, a);
            dyad_buf_printf(&r->err, "article %s: text too large or out of memory, skipped\n", a->id);
            r->failed = 1;
        } else {
            r->nevents += n;
        }
        return;
    }
    size_t mark = r->out.len;
    long before = r->nevents;
    sink s = { r, w->cfg, a, seq };
    int rc = dyad_code_article(w->coder, a, on_event, &s);
    if (rc < 0) {
        r->out.len = mark;              /* no partial output for a failed article */
        if (r->out.data) r->out.data[mark] = '\0';
        r->nevents = before;
        where(&r->err, a);
        dyad_buf_printf(&r->err, "article %s: %s, skipped\n", a->id, dyad_coder_error(w->coder));
        r->failed = 1;
    }
    if (r->out.oom) {
        where(&r->err, a);
        dyad_buf_puts(&r->err, "out of memory formatting events\n");
        r->failed = 1;
    }
}
