/*
 * ingest_pool.c — a fixed ring of article slots coded by worker threads and
 * consumed in order by the submitting thread; see ingest_pool.h.
 *
 * Slot k holds article number seq with seq % nslots == k. The submitter
 * fills slots in order, workers take the oldest filled slot not yet taken,
 * and the submitter delivers slot after slot in order, waiting for each to
 * be coded. Each worker has its own dyad_coder (the context is shared,
 * read-only).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli/ingest_events.h"
#include "cli/ingest_pool.h"

enum { FREE, READY, CODING, DONE };

typedef struct slot {
    int state;
    dyad_article art;
    char *own[7];               /* copies of the article's strings */
    dyad_evgroup g;
    int rc;
    char err[512];
} slot;

struct ingest_pool {
    const dyad_ctx *ctx;
    slot *slots;
    long nslots;
    long submitted, taken, delivered;   /* article sequence numbers */
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    pthread_t *th;
    int nth;
};

static int collect(const dyad_event *ev, void *user)
{
    return dyad_evgroup_add(user, ev) == 0 ? 0 : 1;
}

static void *worker(void *arg)
{
    ingest_pool *p = arg;
    dyad_coder *c = dyad_coder_new(p->ctx);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->taken == p->submitted) pthread_cond_wait(&p->work, &p->mu);
        if (p->taken == p->submitted) break;                /* stopping and nothing left */
        slot *s = &p->slots[p->taken++ % p->nslots];
        s->state = CODING;
        pthread_mutex_unlock(&p->mu);
        dyad_evgroup_clear(&s->g);
        if (!c) {
            s->rc = DYAD_ENOMEM;
            snprintf(s->err, sizeof s->err, "out of memory");
        } else {
            s->rc = dyad_code_article(c, &s->art, collect, &s->g);
            if (s->rc == DYAD_STOP) { s->rc = DYAD_ENOMEM; snprintf(s->err, sizeof s->err, "out of memory"); }
            else if (s->rc < 0) snprintf(s->err, sizeof s->err, "%s", dyad_coder_error(c));
        }
        pthread_mutex_lock(&p->mu);
        s->state = DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    dyad_coder_free(c);
    return NULL;
}

ingest_pool *ingest_pool_new(const dyad_ctx *ctx, int jobs)
{
    ingest_pool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->ctx = ctx;
    p->nslots = 4L * jobs;
    p->slots = calloc((size_t)p->nslots, sizeof *p->slots);
    p->th = calloc((size_t)jobs, sizeof *p->th);
    if (!p->slots || !p->th) { free(p->slots); free(p->th); free(p); return NULL; }
    for (long i = 0; i < p->nslots; i++) dyad_arena_init(&p->slots[i].g.arena, 1 << 16);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    for (; p->nth < jobs; p->nth++)
        if (pthread_create(&p->th[p->nth], NULL, worker, p)) break;
    if (p->nth == 0) { ingest_pool_free(p); return NULL; }
    return p;
}

static void slot_release(slot *s)
{
    for (int i = 0; i < 7; i++) { free(s->own[i]); s->own[i] = NULL; }
    s->state = FREE;
}

/* Deliver the oldest article (waiting for it to be coded). */
static int deliver(ingest_pool *p, ingest_done_fn fn, void *user)
{
    slot *s = &p->slots[p->delivered % p->nslots];
    pthread_mutex_lock(&p->mu);
    while (s->state != DONE) pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    int stop = fn(&s->art, s->g.evs, s->g.n, s->rc, s->err, user);
    slot_release(s);
    p->delivered++;
    return stop;
}

int ingest_pool_submit(ingest_pool *p, const dyad_article *a, ingest_done_fn fn, void *user)
{
    if (p->submitted - p->delivered == p->nslots && deliver(p, fn, user)) return 1;
    slot *s = &p->slots[p->submitted % p->nslots];
    const char *src[7] = { a->id, a->date, a->text, a->title, a->url, a->source, a->file };
    for (int i = 0; i < 7; i++) {
        if (!src[i]) continue;
        size_t n = i == 2 ? a->text_len : strlen(src[i]);
        if (!(s->own[i] = malloc(n + 1))) { slot_release(s); return 1; }
        memcpy(s->own[i], src[i], n);
        s->own[i][n] = '\0';
    }
    s->art = *a;
    s->art.id = s->own[0]; s->art.date = s->own[1]; s->art.text = s->own[2];
    s->art.title = s->own[3]; s->art.url = s->own[4]; s->art.source = s->own[5]; s->art.file = s->own[6];
    s->rc = 0;
    s->err[0] = '\0';
    pthread_mutex_lock(&p->mu);
    s->state = READY;
    p->submitted++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int ingest_pool_finish(ingest_pool *p, ingest_done_fn fn, void *user)
{
    while (p->delivered < p->submitted)
        if (deliver(p, fn, user)) return 1;
    return 0;
}

void ingest_pool_free(ingest_pool *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nth; i++) pthread_join(p->th[i], NULL);
    for (long i = 0; i < p->nslots; i++) {
        slot_release(&p->slots[i]);
        free(p->slots[i].g.evs);
        dyad_arena_free(&p->slots[i].g.arena);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p->slots);
    free(p->th);
    free(p);
}
