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

/* Random sentences from tricky words: nothing crashes (run under `make san`),
 * and every result keeps the event contract. Deterministic PRNG. */
static void random_sentences(void **state)
{
    (void)state;
    static const char *const vocab[] = { "on", "in", "the", "Sept.", "27", "27th", ",", "2020",
        "Monday", "last", "next", "week", "two", "days", "ago", "a", "month", "after", "before",
        "killed", "killing", "were", "and", "dead", "wounded", "at", "least", "dozens", "of",
        "twenty-one", "hundred", "million", "1.2", "6,500", "toll", "death", "rose", "to", "Kyiv",
        "Derna", "Libya", "near", "Syrian", "border", "city", "eastern", "Gaza", "Strip", "Paris",
        "Feb.", "29", "30", "March", "May", "will", "'s", "no", "one", "Of", "Male", "-", ".",
        "2019-02-29", "2020-02-29", "yesterday", "tomorrow", "Nagorno", "Karabakh", "U.S.",
        "9999999999999", "0", "others", "Soleimani", "claimed", "lives", "\xc3\x9c", "Zürich" };
    unsigned long r = 12345;
    char text[1024];
    for (int iter = 0; iter < 3000; iter++) {
        size_t len = 0;
        int nw = (int)(r % 25) + 1;
        for (int w = 0; w < nw; w++) {
            r = r * 6364136223846793005UL + 1442695040888963407UL;
            const char *word = vocab[(r >> 33) % (sizeof vocab / sizeof vocab[0])];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", w ? " " : "", word);
        }
        dyad_text t;
        dyad_arena_reset(&A);
        assert_int_equal(dyad_text_analyze(LX, &A, text, len, &t), 0);
        for (int si = 0; si < t.nsent; si++) {
            int n = t.sent[si].ntok;
            r = r * 6364136223846793005UL + 1442695040888963407UL;
            int cs = n ? (int)((r >> 40) % (unsigned long)n) : 0;
            int ce = cs + (n - cs ? (int)((r >> 20) % (unsigned long)(n - cs + 1)) : 0);
            memset(&ev, 0, sizeof ev);
            strcpy(ev.code, (r >> 7) & 1 ? "190" : "040");
            ev.source = "UKR";
            ev.target = "RUS";
            dyad_article a = { .id = "r", .date = (r >> 9) & 1 ? "2021-01-02" : "2020-02-29",
                               .text = text, .text_len = len };
            dyad_extract_event(X, &A, &a, &t, si, cs, ce, &ev);
            dyad_ymd d;
            assert_int_equal(dyad_ymd_parse(ev.date, &d), 0);
            assert_true(!strcmp(ev.date_from, "text") || !strcmp(ev.date_from, "article"));
            assert_true(!strcmp(ev.date_precision, "day") || !strcmp(ev.date_precision, "month") ||
                        !strcmp(ev.date_precision, "year"));
            assert_true(ev.fatalities >= -1 && ev.injured >= -1);
            if (ev.code[0] == '0') assert_int_equal(ev.fatalities, -1);
            if (ev.has_location) {
                assert_int_equal(strlen(ev.location.country), 3);
                assert_non_null(ev.location.name);
                assert_true(ev.location.lat >= -90 && ev.location.lat <= 90);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_sentences),
        cmocka_unit_test(dates),
        cmocka_unit_test(casualties),
        cmocka_unit_test(places),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
