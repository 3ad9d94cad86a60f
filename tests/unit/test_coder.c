/*
 * test_coder.c — the coder against the small dictionaries in tests/data/dicts/.
 *
 * Checks what the golden cases cannot see easily: byte spans, rule file:line,
 * sentence indexes, negated flags, the callback's stop, per-article discourse
 * reset, and that a broken dictionary makes dyad_open fail with file:line.
 * Needs the lexicon and tables of data/ (skipped when they are not built).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dyad.h"

typedef struct got { int n; char line[16][256]; dyad_event ev[16]; char text[16][512]; } got;

static int collect(const dyad_event *ev, void *user)
{
    got *g = user;
    if (g->n < 16) {
        snprintf(g->line[g->n], sizeof g->line[0], "%s %s %s%s", ev->source, ev->target, ev->code,
                 ev->negated ? " neg" : "");
        g->ev[g->n] = *ev;
        snprintf(g->text[g->n], sizeof g->text[0], "%s", ev->text);
    }
    g->n++;
    return 0;
}

static dyad_ctx *open_test(int keep_negated)
{
    char err[1024];
    dyad_options o = { .data_dir = "data", .dicts_dir = "tests/data/dicts", .keep_negated = keep_negated };
    return dyad_open(&o, err, sizeof err);
}

static int setup(void **state)
{
    dyad_ctx *ctx = open_test(0);
    if (!ctx) { fprintf(stderr, "data/ tables not built: skipping\n"); return 0; }
    *state = ctx;
    return 0;
}
static int teardown(void **state) { dyad_close(*state); return 0; }

static got code(dyad_ctx *ctx, const char *date, const char *text)
{
    got g;
    memset(&g, 0, sizeof g);
    dyad_coder *c = dyad_coder_new(ctx);
    dyad_article a = { .id = "t", .date = date, .text = text, .text_len = strlen(text) };
    assert_int_equal(dyad_code_article(c, &a, collect, &g), DYAD_OK);
    dyad_coder_free(c);
    return g;
}

#define NEED_CTX(st) do { if (!*(st)) skip(); } while (0)

static void test_spans_and_rule(void **st)
{
    NEED_CTX(st);
    const char *s = "Russian President Vladimir Putin met Armenian Prime Minister Nikol Pashinyan in Sochi.";
    got g = code(*st, "2022-10-31", s);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.line[0], "RUSGOV ARMGOV 040");
    assert_string_equal(g.line[1], "ARMGOV RUSGOV 040");
    const dyad_event *e = &g.ev[0];
    assert_int_equal(e->source_span.start, 0);
    assert_int_equal(e->source_span.end, (int)strlen("Russian President Vladimir Putin"));
    assert_int_equal(e->verb_span.start, (int)(strstr(s, "met") - s));
    assert_int_equal(e->verb_span.end, (int)(strstr(s, "met") - s) + 3);
    assert_int_equal(e->target_span.start, (int)(strstr(s, "Armenian") - s));
    assert_string_equal(e->rule, "verbs/04_consult.txt:1");
    assert_string_equal(g.text[0], s);
    assert_int_equal(e->sentence, 0);
}

static void test_sentence_index_and_discourse(void **st)
{
    NEED_CTX(st);
    got g = code(*st, "2022-10-31", "Heavy rain fell. Putin met Aliyev. He criticised Pashinyan.");
    assert_int_equal(g.n, 3);
    assert_int_equal(g.ev[0].sentence, 1);
    /* a sentence-initial "He" is the previous sentence's subject (subject preference) */
    assert_string_equal(g.line[2], "RUSGOV ARMGOV 111");
    assert_int_equal(g.ev[2].sentence, 2);
    /* a new article starts with an empty discourse */
    got h = code(*st, "2022-10-31", "He criticised Pashinyan.");
    assert_int_equal(h.n, 0);
}

static void test_dates(void **st)
{
    NEED_CTX(st);
    got g = code(*st, "1998-01-01", "Putin criticised Ukraine.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "RUSELI UKR 111");
    g = code(*st, "2009-01-01", "Medvedev criticised Ukraine.");
    assert_string_equal(g.line[0], "RUSGOV UKR 111");
    /* Aliyev has no default: before his range he is no actor */
    g = code(*st, "2001-01-01", "Aliyev criticised Armenia.");
    assert_int_equal(g.n, 0);
}

static void test_negation_flags(void **st)
{
    NEED_CTX(st);
    got g = code(*st, "2022-10-31", "Russia did not attack Ukraine.");
    assert_int_equal(g.n, 0);
    dyad_ctx *k = open_test(1);
    assert_non_null(k);
    g = code(k, "2022-10-31", "Russia did not attack Ukraine.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "RUS UKR 190 neg");
    /* a neg= code is not a negated event */
    g = code(k, "2022-10-31", "Russia refused to meet Ukraine.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "RUS UKR 125");
    dyad_close(k);
}

static void test_filters(void **st)
{
    NEED_CTX(st);
    assert_int_equal(code(*st, "2022-10-31", "Russia could attack Ukraine.").n, 0);
    assert_int_equal(code(*st, "2022-10-31", "If Russia attacks Ukraine, China will criticise Russia.").n, 0);
    assert_int_equal(code(*st, "2022-10-31", "Real Madrid attacked Ukraine in the Champions League.").n, 0);
    assert_int_equal(code(*st, "2022-10-31", "Moscow attacked Russia.").n, 0);     /* source == target */
    got g = code(*st, "2022-10-31", "Russia threatened to attack Ukraine.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "RUS UKR 138");
}

static void test_passive_and_compounds(void **st)
{
    NEED_CTX(st);
    got g = code(*st, "2022-10-31", "Ukraine was attacked by Russian forces.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "RUSMIL UKR 190");
    g = code(*st, "2022-10-31", "Russia and China attacked Ukraine.");
    assert_int_equal(g.n, 2);
    g = code(*st, "2022-10-31", "Putin, Aliyev and Pashinyan held talks.");
    assert_int_equal(g.n, 6);
    g = code(*st, "2022-10-31", "The rebels in Tigray attacked Ethiopian troops.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "ETHREB ETHMIL 190");
}

static int stop_after_one(const dyad_event *ev, void *user) { (void)ev; (*(int *)user)++; return 1; }

static void test_callback_stop(void **st)
{
    NEED_CTX(st);
    dyad_coder *c = dyad_coder_new(*st);
    const char *t = "Russia and China attacked Ukraine.";
    dyad_article a = { .id = "t", .date = "2022-10-31", .text = t, .text_len = strlen(t) };
    int n = 0;
    assert_int_equal(dyad_code_article(c, &a, stop_after_one, &n), DYAD_STOP);
    assert_int_equal(n, 1);
    dyad_coder_free(c);
}

static void test_broken_dictionary(void **st)
{
    (void)st;
    char dir[] = "/tmp/dyad-test-dict.XXXXXX";
    if (!mkdtemp(dir)) fail();
    char path[256];
    snprintf(path, sizeof path, "%s/actors", dir);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && printf 'actor Russia = RUS\\nactor Georgia = geo\\n' > %s/x.txt", path, path);
    assert_int_equal(system(cmd), 0);
    char err[1024];
    dyad_options o = { .data_dir = "data", .dicts_dir = dir };
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fail();
    if (!ctx && strstr(err, "gazetteer")) skip();
    assert_null(ctx);
    assert_non_null(strstr(err, "actors/x.txt:2: unknown code format 'geo'"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spans_and_rule),
        cmocka_unit_test(test_sentence_index_and_discourse),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_negation_flags),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_passive_and_compounds),
        cmocka_unit_test(test_callback_stop),
        cmocka_unit_test(test_broken_dictionary),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
