/*
 * test_dict.c — the dictionary loader and compiled lookups (src/dict/).
 *
 * Small dictionaries are written inline; each error path of doc/dictionaries.md
 * must produce a "file:line: message" naming the right line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "dict/dict.h"

/* A toy lemmatiser so lemma-matched entries can be tested without src/text. */
static const char *toy_lemma(const dyad_lexicon *lx, const char *w)
{
    (void)lx;
    static const char *const pairs[][2] = {
        { "soldiers", "soldier" }, { "troops", "troop" }, { "met", "meet" }, { "talks", "talk" },
        { "rebels", "rebel" }, { "attacks", "attack" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (!strcmp(w, pairs[i][0])) return pairs[i][1];
    return w;
}

static dyad_dict *load(const char *text, int *nerr)
{
    dyad_dict *d = dyad_dict_new(toy_lemma, NULL);
    assert_non_null(d);
    dyad_dict_load_string(d, "t.txt", text);
    *nerr = dyad_dict_compile(d);
    return d;
}

/* The dictionary has exactly one error and it contains `want`. */
static void expect_error(const char *text, const char *want)
{
    int n;
    dyad_dict *d = load(text, &n);
    if (n < 1 || !strstr(dyad_dict_error_at(d, 0), want)) {
        fprintf(stderr, "wanted error containing '%s', got %d errors: %s\n", want, n,
                n ? dyad_dict_error_at(d, 0) : "");
        fail();
    }
    dyad_dict_free(d);
}

static int actor_of(const dyad_dict *d, const char *phrase)
{
    const dyad_trie *t = dyad_dict_actor_trie(d);
    uint32_t node = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
        node = dyad_trie_step(t, node, dyad_dict_word(d, w));
        if (!node) return -1;
    }
    return t->term[node];
}

static void test_actor_single_line(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("# countries\nactor Russia | Russian Federation | the Kremlin = RUS\n", &n);
    assert_int_equal(n, 0);
    int a = actor_of(d, "russian federation");
    assert_true(a >= 0);
    assert_int_equal(actor_of(d, "russia"), a);
    assert_int_equal(actor_of(d, "the kremlin"), a);
    assert_string_equal(dyad_actor_code_on(d, a, 20200101, NULL), "RUS");
    assert_int_equal(dyad_dict_actor(d, a)->src.line, 2);
    assert_string_equal(dyad_dict_actor(d, a)->src.file, "t.txt");
    assert_int_equal(actor_of(d, "moscow"), -1);
    dyad_dict_free(d);
}

static void test_actor_date_ranges(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("actor Vladimir Putin | Putin\n"
                        "    = RUSGOV 1999-08-09..2008-05-07   # pm, president\n"
                        "    = RUSGOV 2008-05-08..2012-05-06\n"
                        "    = RUSGOV 2012-05-07..\n"
                        "    = RUSELI\n"
                        "actor Boris Yeltsin = RUSGOV 1991-07-10..1999-12-31\n"
                        "   = RUSELI\n", &n);
    assert_int_equal(n, 0);
    int a = actor_of(d, "putin");
    const dyad_actor_code *which = NULL;
    assert_string_equal(dyad_actor_code_on(d, a, 20221031, &which), "RUSGOV");
    assert_int_equal(which->src.line, 4);
    assert_string_equal(dyad_actor_code_on(d, a, 19950101, &which), "RUSELI");
    assert_int_equal(which->src.line, 5);
    assert_string_equal(dyad_actor_code_on(d, a, 20080508, &which), "RUSGOV");
    assert_int_equal(which->src.line, 3);
    assert_true(dyad_dict_actor(d, a)->dated);
    int y = actor_of(d, "boris yeltsin");
    assert_string_equal(dyad_actor_code_on(d, y, 19991231, NULL), "RUSGOV");
    assert_string_equal(dyad_actor_code_on(d, y, 20000101, NULL), "RUSELI");
    dyad_dict_free(d);
}

static void test_actor_no_default(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("actor Someone = USAGOV 2001-01-20..2009-01-20\n", &n);
    assert_int_equal(n, 0);
    assert_null(dyad_actor_code_on(d, actor_of(d, "someone"), 20100101, NULL));
    dyad_dict_free(d);
}

static void test_possessive_phrase(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("actor People's Liberation Army = CHNMIL\n", &n);
    assert_int_equal(n, 0);
    assert_true(actor_of(d, "people 's liberation army") >= 0);
    dyad_dict_free(d);
}

static void test_quoted_exact(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("actor \"US\" | the United States = USA\nactor South China Sea = ---\n", &n);
    assert_int_equal(n, 0);
    const dyad_trie *t = dyad_dict_actor_trie(d);
    uint32_t node = dyad_trie_step(t, 0, dyad_dict_word(d, "us"));
    assert_true(node);
    const char *good[] = { "US" }, *bad[] = { "us" }, *bad2[] = { "Us" };
    assert_true(dyad_trie_exact_ok(t, d, node, good, 1));
    assert_false(dyad_trie_exact_ok(t, d, node, bad, 1));
    assert_false(dyad_trie_exact_ok(t, d, node, bad2, 1));
    node = dyad_trie_step(t, 0, dyad_dict_word(d, "the"));
    node = dyad_trie_step(t, node, dyad_dict_word(d, "united"));
    node = dyad_trie_step(t, node, dyad_dict_word(d, "states"));
    const char *any[] = { "THE", "united", "States" };
    assert_true(dyad_trie_exact_ok(t, d, node, any, 3));
    int a = actor_of(d, "south china sea");
    assert_string_equal(dyad_actor_code_on(d, a, 20200101, NULL), DYAD_NOT_ACTOR);
    dyad_dict_free(d);
}

static void test_errors(void **st)
{
    (void)st;
    expect_error("actor Russia = rus\n", "t.txt:1: unknown code format 'rus'");
    expect_error("actor Russia = RUSS\n", "unknown code format");
    expect_error("\n\nactor Putin\n  = RUSGOV 2012-13-01..\n", "t.txt:4: bad date range");
    expect_error("actor Putin = RUSGOV 2012-05-07..2010-01-01\n", "t.txt:1: bad date range");
    expect_error("actor Putin\n  = RUSGOV 2000-01-01..2010-01-01\n  = RUSGOV 2009-01-01..\n",
                 "t.txt:3: overlapping date ranges");
    expect_error("actor Putin\n  = RUSGOV\n  = RUSELI\n", "t.txt:3: second default code");
    expect_error("actor Georgia = GEO\nactor Georgia = USA\n",
                 "t.txt:2: duplicate phrase 'Georgia' with conflicting codes (also at t.txt:1)");
    expect_error("actor Russia\n", "t.txt:1: actor without '= CODE'");
    expect_error("actor Russia = RUS extra words\n", "unexpected 'words'");
    expect_error("actor Russia | | Moscow = RUS\n", "empty name");
    expect_error("agent army = mil\n", "t.txt:1: unknown code format 'mil'");
    expect_error("agent army = MIL\nagent army = GOV\n", "t.txt:2: duplicate agent 'army'");
    expect_error("pattern 1a: SRC attack TGT\n", "unknown code format '1a'");
    expect_error("pattern 19012: SRC attack TGT\n", "unknown code format");
    expect_error("pattern 190 neg=x: SRC attack TGT\n", "unknown code format 'neg=x'");
    expect_error("pattern 190 loud: SRC attack TGT\n", "unknown pattern flag 'loud'");
    expect_error("pattern 190 SRC attack TGT\n", "must end with ':'");
    expect_error("pattern 190: SRC TGT\n", "pattern without a word");
    expect_error("pattern 190: attack TGT\n", "t.txt:1: pattern without SRC");
    expect_error("pattern 190: SRC attack\n", "pattern without TGT");
    expect_error("pattern 190: SRC fire @weapon at TGT\n", "t.txt:1: unknown set @weapon");
    expect_error("pattern 190: SRC (attack TGT\n", "unbalanced");
    expect_error("set weapon = gun\n", "set name must be @name");
    expect_error("set @weapon = gun | air strike\n", "must be one word");
    expect_error("actor U\"S = USA\n", "stray");
    expect_error("frobnicate x\n", "t.txt:1: unknown entry 'frobnicate'");
    expect_error("   = RUS\n", "t.txt:1: indented line without an entry");
}

static void test_all_errors_listed(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("actor A = rus\nactor B = RUS\nagent x = y\npattern 9: SRC go TGT\n", &n);
    assert_int_equal(n, 3);
    assert_non_null(strstr(dyad_dict_error_at(d, 0), "t.txt:1:"));
    assert_non_null(strstr(dyad_dict_error_at(d, 1), "t.txt:3:"));
    assert_non_null(strstr(dyad_dict_error_at(d, 2), "t.txt:4:"));
    dyad_dict_free(d);
}

static void test_flags_ok(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("pattern 043 nosrc: visit TGT   # rare\n"
                        "pattern 010 notgt: SRC comment\n"
                        "actor Georgia = GEO\nactor Georgia | Tbilisi = GEO\n", &n);
    assert_int_equal(n, 0);
    dyad_dict_free(d);
}

static void test_patterns_index(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("set @weapon = missile | rockets | attacks\n"
                        "pattern 040 sym neg=125: SRC meet (with) TGT\n"
                        "pattern 190: SRC launch (a) attack|offensive on|against TGT\n"
                        "pattern 190: SRC 's attack on TGT\n"
                        "pattern 195: SRC fire @weapon at TGT\n"
                        "pattern 190 sym: clash between SRC and TGT\n"
                        "pattern 036: SRC meet TGT ... talks\n"
                        "pattern 1953: SRC bomb TGT   # plain\n", &n);
    assert_int_equal(n, 0);
    int k;
    const uint32_t *ps = dyad_dict_patterns_for(d, dyad_dict_word(d, "meet"), &k);
    assert_int_equal(k, 2);
    /* the more specific pattern (meet ... talk) comes first */
    assert_string_equal(dyad_dict_pattern(d, (int)ps[0])->code, "036");
    const dyad_pattern *p = dyad_dict_pattern(d, (int)ps[1]);
    assert_string_equal(p->code, "040");
    assert_string_equal(p->negcode, "125");
    assert_true(p->flags & DYAD_PAT_SYM);
    assert_int_equal(p->src.line, 2);
    assert_int_equal(p->nelem, 4);
    assert_int_equal(p->head, 1);
    const dyad_pelem *e = dyad_dict_elems(d, p);
    assert_int_equal(e[0].kind, DYAD_EL_SRC);
    assert_true(e[2].flags & DYAD_EL_OPT);
    /* 's is skipped when choosing the head; alternatives index each word */
    dyad_dict_patterns_for(d, dyad_dict_word(d, "attack"), &k);
    assert_int_equal(k, 1);
    dyad_dict_patterns_for(d, dyad_dict_word(d, "launch"), &k);
    assert_int_equal(k, 1);
    dyad_dict_patterns_for(d, dyad_dict_word(d, "offensive"), &k);
    assert_int_equal(k, 0);
    dyad_dict_patterns_for(d, dyad_dict_word(d, "clash"), &k);
    assert_int_equal(k, 1);
    dyad_dict_patterns_for(d, dyad_dict_word(d, "fire"), &k);
    assert_int_equal(k, 1);
    /* sets hold lemmas (and the written form) */
    int s = dyad_dict_set_id(d, "weapon");
    assert_true(s >= 0);
    assert_true(dyad_dict_in_set(d, (uint32_t)s, dyad_dict_word(d, "rockets")));
    assert_true(dyad_dict_in_set(d, (uint32_t)s, dyad_dict_word(d, "attack")));
    assert_true(dyad_dict_in_set(d, (uint32_t)s, dyad_dict_word(d, "missile")));
    assert_false(dyad_dict_in_set(d, (uint32_t)s, dyad_dict_word(d, "meet")));
    dyad_dict_stats stt;
    dyad_dict_get_stats(d, &stt);
    assert_int_equal(stt.patterns, 7);
    assert_int_equal(stt.patterns_per_root[19], 5);
    dyad_dict_free(d);
}

/* Long alternative lists load whole (data/verbs has words with 40+ alternatives). */
static void test_many_alternatives(void **st)
{
    (void)st;
    char text[4096] = "pattern 190: SRC attack ";
    for (int i = 0; i < 40; i++) {
        char w[16];
        snprintf(w, sizeof w, "%sw%d", i ? "|" : "", i);
        strcat(text, w);
    }
    strcat(text, " TGT\n");
    int n;
    dyad_dict *d = load(text, &n);
    assert_int_equal(n, 0);
    int k;
    const uint32_t *ps = dyad_dict_patterns_for(d, dyad_dict_word(d, "attack"), &k);
    assert_int_equal(k, 1);
    const dyad_pattern *p = dyad_dict_pattern(d, (int)ps[0]);
    assert_int_equal(dyad_dict_elems(d, p)[2].nalt, 40);
    assert_int_equal(dyad_dict_alts(d, &dyad_dict_elems(d, p)[2])[39], dyad_dict_word(d, "w39"));
    dyad_dict_free(d);
}

static void test_set_head(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("pattern 195: SRC @strike TGT\nset @strike = bomb | shell\n", &n);
    assert_int_equal(n, 0);
    int k;
    dyad_dict_patterns_for(d, dyad_dict_word(d, "shell"), &k);
    assert_int_equal(k, 1);
    dyad_dict_free(d);
}

static void test_agents_discards(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("agent army | armed forces | soldiers | troops = MIL\n"
                        "agent prime minister = GOV\n"
                        "discard football | Champions League\n", &n);
    assert_int_equal(n, 0);
    const dyad_trie *t = dyad_dict_agent_trie(d);
    uint32_t node = dyad_trie_step(t, 0, dyad_dict_word(d, "soldier"));   /* lemmatised */
    assert_true(node && t->term[node] >= 0);
    assert_string_equal(dyad_dict_agent(d, t->term[node])->code, "MIL");
    node = dyad_trie_step(t, 0, dyad_dict_word(d, "prime"));
    node = dyad_trie_step(t, node, dyad_dict_word(d, "minister"));
    assert_string_equal(dyad_dict_agent(d, t->term[node])->code, "GOV");
    const dyad_trie *dt = dyad_dict_discard_trie(d);
    node = dyad_trie_step(dt, 0, dyad_dict_word(d, "champions"));
    node = dyad_trie_step(dt, node, dyad_dict_word(d, "league"));
    assert_true(node && dt->term[node] >= 0);
    assert_int_equal(dyad_dict_discard_src(d, dt->term[node]).line, 3);
    dyad_dict_free(d);
}

/* The builder API as a TABARI loader would use it: "- * PROMIS $ + [031]"-like
 * patterns with words before the head and a stem head. */
static void test_builder_tabari_shape(void **st)
{
    (void)st;
    dyad_dict *d = dyad_dict_new(NULL, NULL);
    dyad_src src = { dyad_dict_file(d, "x.verbs"), 7 };
    const char *no[] = { "no" }, *longer[] = { "longer" }, *promis[] = { "promis" };
    dyad_pelem_spec el[] = {
        { .kind = DYAD_EL_WORD, .words = no, .nwords = 1 },
        { .kind = DYAD_EL_WORD, .words = longer, .nwords = 1 },
        { .kind = DYAD_EL_WORD, .flags = DYAD_EL_PREFIX, .words = promis, .nwords = 1 },
        { .kind = DYAD_EL_SRC },
        { .kind = DYAD_EL_SKIP, .skip = 3 },
        { .kind = DYAD_EL_TGT },
    };
    assert_int_equal(dyad_dict_add_pattern(d, src, "031", 0, NULL, el, 6, 2, "- NO LONGER * $ ^ +"), 0);
    int a = dyad_dict_add_actor(d, src);
    assert_int_equal(dyad_dict_actor_phrase(d, a, "United States", src), 0);
    assert_int_equal(dyad_dict_actor_code(d, a, "USA", -1, -1, src), 0);
    assert_int_equal(dyad_dict_compile(d), 0);
    assert_true(dyad_dict_has_prefix_heads(d));
    int n;
    const uint32_t *ps = dyad_dict_patterns_for(d, dyad_dict_word(d, "promis"), &n);
    assert_int_equal(n, 1);
    const dyad_pattern *p = dyad_dict_pattern(d, (int)ps[0]);
    assert_int_equal(p->head, 2);
    assert_true(dyad_dict_elems(d, p)[2].flags & DYAD_EL_HEAD);
    assert_int_equal(dyad_dict_elems(d, p)[4].skip, 3);
    assert_int_equal(p->src.line, 7);
    assert_string_equal(p->src.file, "x.verbs");
    dyad_dict_free(d);
}

static void test_parse_date(void **st)
{
    (void)st;
    assert_int_equal(dyad_parse_date("2022-10-31", 10), 20221031);
    assert_int_equal(dyad_parse_date("2024-02-29", 10), 20240229);
    assert_int_equal(dyad_parse_date("2023-02-29", 10), -1);
    assert_int_equal(dyad_parse_date("2022-1-31", 9), -1);
    assert_int_equal(dyad_parse_date("2022/10/31", 10), -1);
}

static void test_file_missing(void **st)
{
    (void)st;
    dyad_dict *d = dyad_dict_new(NULL, NULL);
    assert_true(dyad_dict_load_file(d, "/nonexistent/x.txt") > 0);
    assert_non_null(strstr(dyad_dict_error_at(d, 0), "/nonexistent/x.txt"));
    dyad_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor_single_line),
        cmocka_unit_test(test_actor_date_ranges),
        cmocka_unit_test(test_actor_no_default),
        cmocka_unit_test(test_possessive_phrase),
        cmocka_unit_test(test_quoted_exact),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_all_errors_listed),
        cmocka_unit_test(test_flags_ok),
        cmocka_unit_test(test_patterns_index),
        cmocka_unit_test(test_many_alternatives),
        cmocka_unit_test(test_set_head),
        cmocka_unit_test(test_agents_discards),
        cmocka_unit_test(test_builder_tabari_shape),
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_file_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
