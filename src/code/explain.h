/*
 * explain.h — `dyad explain`: code one sentence with the coder's trace on.
 */
#ifndef DYAD_EXPLAIN_H
#define DYAD_EXPLAIN_H

#include "dyad.h"
#include "util/buf.h"

/* Code `text` as a one-article input dated `date` and append the step-by-step
 * trace and the final events to out. Returns the number of events, or a
 * negative status. */
int dyad_explain(const dyad_ctx *ctx, const char *text, const char *date, dyad_buf *out);

/* Load seconds of dyad_open (for `dyad dict stats`). */
double dyad_ctx_load_seconds(const dyad_ctx *ctx);

#endif
