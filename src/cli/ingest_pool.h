/*
 * ingest_pool.h — coding articles on N threads for `dyad ingest -j N`, with
 * the results handed back in input order (the store must see the articles in
 * the same order whatever N is, so the database is the same).
 *
 *     ingest_pool *p = ingest_pool_new(ctx, jobs);
 *     for each article a:  ingest_pool_submit(p, &a, on_done, user);
 *     ingest_pool_finish(p, on_done, user);   // the rest, in order
 *     ingest_pool_free(p);
 * on_done gets each article with its events (or a coding error) in
 * submission order, on the calling thread.
 */
#ifndef DYAD_CLI_INGEST_POOL_H
#define DYAD_CLI_INGEST_POOL_H

#include "dyad.h"

typedef struct ingest_pool ingest_pool;

/* rc: DYAD_OK, or the coder's failure with err its message. Return non-zero
 * to stop (later results are dropped). */
typedef int (*ingest_done_fn)(const dyad_article *a, const dyad_event *evs, int n, int rc,
                              const char *err, void *user);

ingest_pool *ingest_pool_new(const dyad_ctx *ctx, int jobs);
/* Copies a; may first deliver finished results through fn. Non-zero if fn
 * asked to stop or memory ran out. */
int ingest_pool_submit(ingest_pool *p, const dyad_article *a, ingest_done_fn fn, void *user);
int ingest_pool_finish(ingest_pool *p, ingest_done_fn fn, void *user);
void ingest_pool_free(ingest_pool *p);

#endif
