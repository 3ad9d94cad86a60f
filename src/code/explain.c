/*
 * explain.c — `dyad explain`: the coder run with its trace switched on.
 *
 * Every stage of the coder writes a line to the trace when one is set (see
 * dyad_trace in coder.c), so the explanation is produced by the same code
 * path that codes articles and can never disagree with it. This file adds the
 * header and the closing list of events.
 */
#include <stdio.h>
#include <string.h>

#include "code/code.h"
#include "code/explain.h"

typedef struct collect { dyad_buf *out; int n; } collect;

static int on_event(const dyad_event *ev, void *user)
{
    collect *k = user;
    k->n++;
    dyad_buf_printf(k->out, "  %d. %s -> %s  %s%s  (\"%s\" -> \"%s\")  rule %s\n", k->n, ev->source, ev->target,
                    ev->code, ev->negated ? " negated" : "", ev->source_name, ev->target_name, ev->rule);
    return 0;
}

int dyad_explain(const dyad_ctx *ctx, const char *text, const char *date, dyad_buf *out)
{
    dyad_coder *c = dyad_coder_new(ctx);
    if (!c) return DYAD_ENOMEM;
    dyad_buf trace, events;
    dyad_buf_init(&trace);
    dyad_buf_init(&events);
    dyad_coder_set_trace(c, &trace);
    dyad_article a = { .id = "explain", .date = date, .text = text, .text_len = strlen(text) };
    collect k = { &events, 0 };
    int rc = dyad_code_article(c, &a, on_event, &k);
    dyad_buf_printf(out, "article date %s\n", date);
    if (trace.data) dyad_buf_puts(out, trace.data);
    if (rc < 0) dyad_buf_printf(out, "error: %s\n", dyad_coder_error(c));
    dyad_buf_printf(out, "\nevents (%d):\n", k.n);
    if (events.data) dyad_buf_puts(out, events.data);
    if (!k.n) dyad_buf_puts(out, "  none\n");
    dyad_buf_free(&trace);
    dyad_buf_free(&events);
    dyad_coder_free(c);
    return rc < 0 ? rc : k.n;
}

double dyad_ctx_load_seconds(const dyad_ctx *ctx) { return ctx->load_seconds; }
