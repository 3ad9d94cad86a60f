/*
 * text_fixture.h — shared set-up for the text pipeline's unit tests
 * (test_split.c, test_tokenize.c, test_lemma.c): one lexicon loaded from the
 * source tree's data/ ($DYAD_DATA wins), one arena reset after each article.
 */
#ifndef TEXT_FIXTURE_H
#define TEXT_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dyad.h"
#include "text/text.h"

typedef struct fixture {
    dyad_lexicon *lx;
    dyad_arena arena;
} fixture;

static int fx_setup(void **state)
{
    static fixture fx;
    char err[512];
    const char *dir = getenv("DYAD_DATA");
    fx.lx = dyad_lexicon_load(dir && *dir ? dir : "data", err, sizeof err);
    if (!fx.lx) {
        fprintf(stderr, "lexicon: %s\n", err);
        return -1;
    }
    dyad_arena_init(&fx.arena, 64 * 1024);
    *state = &fx;
    return 0;
}

static int fx_teardown(void **state)
{
    fixture *fx = *state;
    dyad_lexicon_free(fx->lx);
    dyad_arena_free(&fx->arena);
    return 0;
}

/* Analyse a NUL-terminated text; the result lives until the next call. */
static inline dyad_text fx_analyze(fixture *fx, const char *s)
{
    dyad_text t;
    dyad_arena_reset(&fx->arena);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, s, strlen(s), &t), 0);
    return t;
}

/* The sentence's text as a printable string (static buffer). */
static inline const char *fx_sent(const dyad_text *t, int i)
{
    static char buf[4096];
    const dyad_sentence *s = &t->sent[i];
    snprintf(buf, sizeof buf, "%.*s", (int)(s->end - s->start), t->norm + s->start);
    return buf;
}

#endif
