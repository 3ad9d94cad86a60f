/* test_extract_text.c — the extractors on tokens from the real text pipeline
 * (src/text/), so tokenisation details (abbreviations, "'s", hyphens,
 * "won't") are covered, not only the hand tokenizer of the other tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "extract/internal.h"

static dyad_extractors *X;
static dyad_lexicon *LX;
static dyad_arena A;
static dyad_event ev;

static int setup(void **state)
{
    (void)state;
    char err[512] = "";
    X = dyad_extractors_load("data", err, sizeof err);
    if (X) LX = dyad_lexicon_load("data", err, sizeof err);
    if (!X || !LX) { fprintf(stderr, "%s\n", err); return -1; }
    dyad_arena_init(&A, 1 << 16);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad_extractors_free(X);
    dyad_lexicon_free(LX);
    dyad_arena_free(&A);
    return 0;
}

/* Extract for an event whose clause is the whole first sentence. */
static void run(const char *date, const char *text, const char *code, const char *src, const char *tgt)
{
    dyad_text t;
    dyad_arena_reset(&A);
    assert_int_equal(dyad_text_analyze(LX, &A, text, strlen(text), &t), 0);
    assert_true(t.nsent >= 1);
    memset(&ev, 0, sizeof ev);
    snprintf(ev.code, sizeof ev.code, "%s", code);
    ev.source = src;
    ev.target = tgt;
    dyad_article a = { .id = "t", .date = date, .text = text, .text_len = strlen(text) };
    dyad_extract_event(X, &A, &a, &t, 0, 0, t.sent[0].ntok, &ev);
}

static void dates(void **state)
{
    (void)state;
    run("2020-10-01", "Azerbaijan attacked Armenia on Sept. 27th.", "190", "AZE", "ARM");
    assert_string_equal(ev.date, "2020-09-27");
    assert_string_equal(ev.date_from, "text");
    run("2020-10-01", "Azerbaijan attacked Armenia on 27 Sept. 2020.", "190", "AZE", "ARM");
    assert_string_equal(ev.date, "2020-09-27");
    run("2020-10-01", "Azerbaijan attacked Armenia on 2020-09-27.", "190", "AZE", "ARM");
    assert_string_equal(ev.date, "2020-09-27");
    run("2021-01-02", "Russia attacked Ukraine on Dec. 31.", "190", "RUS", "UKR");
    assert_string_equal(ev.date, "2020-12-31");
    run("2020-09-30", "Putin won't visit Ankara on Friday.", "042", "RUS", "TUR");
    assert_string_equal(ev.date, "2020-10-02");                 /* "wo n't": future */
    run("2021-06-10", "Russia attacked Ukraine in March 2021.", "190", "RUS", "UKR");
    assert_string_equal(ev.date_precision, "month");
    assert_int_equal(ev.has_location, 0);                       /* "March" is no place */
}

static void casualties(void **state)
{
    (void)state;
    run("2020-10-01", "Azerbaijan shelled Stepanakert, killing twenty-one people and wounding 6,500.",
        "195", "AZE", "ARM");
    assert_int_equal(ev.fatalities, 21);
    assert_int_equal(ev.injured, 6500);
    run("2020-01-03", "A U.S. drone strike killed Soleimani and six others near Baghdad's airport.",
        "195", "USA", "IRN");
    assert_int_equal(ev.fatalities, 7);
    assert_string_equal(ev.location.country, "IRQ");
}

static void places(void **state)
{
    (void)state;
    run("2023-01-10", "Russia attacked Ukraine's Donetsk region.", "190", "RUS", "UKR");
    assert_int_equal(ev.has_location, 0);                       /* no locative: actor-like */
    run("2023-01-10", "Russia attacked troops in Ukraine's Donetsk region.", "190", "RUS", "UKR");
    assert_string_equal(ev.location.country, "UKR");
    run("2020-10-01", "Azerbaijan attacked Armenia in Nagorno-Karabakh.", "190", "AZE", "ARM");
    assert_string_equal(ev.location.name, "Nagorno-Karabakh");
    assert_string_equal(ev.location.kind, "conflict_region");
    run("2023-09-12", "Egypt sent aid to Derna, Libya.", "073", "EGY", "LBY");
    assert_string_equal(ev.location.name, "Darnah");
    run("2022-03-01", "Troops gathered in the U.S. capital.", "154", "USA", NULL);
    assert_string_equal(ev.location.country, "USA");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates),
        cmocka_unit_test(casualties),
        cmocka_unit_test(places),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
