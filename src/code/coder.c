/* coder.c — the coder (being written): a placeholder so the tree links. */
#include <stdio.h>
#include <stdlib.h>
#include "dyad.h"

struct dyad_ctx { int unused; };
struct dyad_coder { const dyad_ctx *ctx; };

dyad_ctx *dyad_open(const dyad_options *opt, char *err, size_t errlen)
{
    (void)opt; (void)err; (void)errlen;
    return calloc(1, sizeof(dyad_ctx));
}
void dyad_close(dyad_ctx *ctx) { free(ctx); }
dyad_coder *dyad_coder_new(const dyad_ctx *ctx)
{
    dyad_coder *c = calloc(1, sizeof *c);
    if (c) c->ctx = ctx;
    return c;
}
void dyad_coder_free(dyad_coder *c) { free(c); }
int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user)
{
    (void)c; (void)a; (void)fn; (void)user;
    return DYAD_OK;
}
const char *dyad_coder_error(const dyad_coder *c) { (void)c; return ""; }
