/*
 * test_symmetric.c — the matcher's span widening of src/code/symmetric.c, against a small
 * dictionary written to a temporary directory:
 *
 * - a `sym` pattern with a compound source ends without its TGT where the clause ends, before
 *   a time phrase ("next month"), a topic ("into"), and, after an object, before a purpose
 *   infinitive or a participle — but not right after the verb ("agreed to boost");
 * - a full match with TGT wins over that open end ("shared intelligence on terrorism with
 *   Germany": each member with Germany, not the members with each other);
 * - a compound subject with a stated target codes the members with the target only;
 * - `...` passes over a coordinated list of nouns, each item within the skip budget, and still
 *   stops at a longer run of words.
 * Needs the lexicon and tables of data/ (skipped when they are not built).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "dyad.h"

typedef struct got { int n; char all[1024]; } got;

static int collect(const dyad_event *ev, void *user)
{
    got *g = user;
    size_t l = strlen(g->all);
    snprintf(g->all + l, sizeof g->all - l, "%s%s>%s %s", g->n ? "; " : "", ev->source, ev->target, ev->code);
    g->n++;
    return 0;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char dir[] = "/tmp/dyad-test-sym.XXXXXX";

static int setup(void **state)
{
    if (!mkdtemp(dir)) return -1;
    char sub[600];
    snprintf(sub, sizeof sub, "%s/actors", dir); mkdir(sub, 0700);
    write_file(sub, "c.txt",
               "actor Russia = RUS\nactor China = CHN\nactor India = IND\nactor France = FRA\n"
               "actor Germany = DEU\nactor Australia = AUS\nactor Britain = GBR\nactor Ukraine = UKR\n"
               "actor Vietnam = VNM\nactor Japan = JPN\nactor the United States = USA\n");
    snprintf(sub, sizeof sub, "%s/verbs", dir); mkdir(sub, 0700);
    write_file(sub, "06.txt",
               "pattern 062 sym: SRC announce ... security partnership with TGT\n"
               "pattern 062 sym: SRC hold ... joint ... exercises with TGT\n"
               "pattern 064 sym: SRC share ... intelligence ... with TGT\n"
               "pattern 063 sym: SRC open ... joint investigation with TGT\n"
               "pattern 019 sym: SRC agree with TGT\n"
               "pattern 057 sym: SRC sign ... deal with TGT\n"
               "pattern 072: SRC send ... tanks ... to TGT\n");
    char err[1024];
    dyad_options o = { .data_dir = "data", .dicts_dir = dir };
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) fprintf(stderr, "skipping: %s\n", err);
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    if (*state) dyad_close(*state);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) != 0;
}

static got code(dyad_ctx *ctx, const char *text)
{
    got g;
    memset(&g, 0, sizeof g);
    dyad_coder *c = dyad_coder_new(ctx);
    dyad_article a = { .id = "t", .date = "2024-03-01", .text = text, .text_len = strlen(text) };
    assert_int_equal(dyad_code_article(c, &a, collect, &g), DYAD_OK);
    dyad_coder_free(c);
    return g;
}

#define NEED_CTX(st) do { if (!*(st)) skip(); } while (0)

static void test_open_end(void **st)
{
    NEED_CTX(st);
    const char *pairs = "AUS>GBR 062; AUS>USA 062; GBR>AUS 062; GBR>USA 062; USA>AUS 062; USA>GBR 062";
    assert_string_equal(code(*st, "Australia, Britain and the United States announced a security partnership.").all, pairs);
    /* a purpose infinitive after the object ends the pattern too */
    assert_string_equal(code(*st, "Australia, Britain and the United States announced a security partnership "
                                  "to counter China.").all, pairs);
    /* a participle describing the object, a time phrase, a topic */
    assert_string_equal(code(*st, "Russia and China held joint exercises involving ten warships.").all,
                        "RUS>CHN 062; CHN>RUS 062");
    assert_string_equal(code(*st, "Russia and China will hold joint exercises next month.").all,
                        "RUS>CHN 0312; CHN>RUS 0312");
    assert_string_equal(code(*st, "France and Germany opened a joint investigation into the bombing.").all,
                        "FRA>DEU 063; DEU>FRA 063");
    assert_string_equal(code(*st, "Russia and China signed a deal worth $400 billion.").all, "RUS>CHN 057; CHN>RUS 057");
}

static void test_no_open_end(void **st)
{
    NEED_CTX(st);
    /* right after the verb an infinitive is its complement, not a purpose */
    assert_int_equal(code(*st, "Vietnam and Japan agreed to boost trade.").n, 0);
    /* one source: no pairs without a target */
    assert_int_equal(code(*st, "Japan announced a security partnership.").n, 0);
    /* a plain word after the object is no end */
    assert_int_equal(code(*st, "Russia and China held joint exercises warships.").n, 0);
}

static void test_full_match_first(void **st)
{
    NEED_CTX(st);
    /* the open end at "on" must not beat the match that reaches "with Germany" */
    assert_string_equal(code(*st, "India and France shared intelligence on terrorism with Germany.").all,
                        "IND>DEU 064; FRA>DEU 064; DEU>IND 064; DEU>FRA 064");
    assert_string_equal(code(*st, "Russia and China held joint exercises with India.").all,
                        "RUS>IND 062; CHN>IND 062; IND>RUS 062; IND>CHN 062");
}

static void test_skip_lists(void **st)
{
    NEED_CTX(st);
    assert_string_equal(code(*st, "Germany sent 31 tanks, 20 armoured fighting vehicles and more ammunition to Ukraine.").all,
                        "DEU>UKR 072");
    assert_string_equal(code(*st, "Germany sent tanks, rifles, helmets, fuel and medical kits to Ukraine.").all,
                        "DEU>UKR 072");
    /* the load of a container is a new item */
    assert_string_equal(code(*st, "Germany sent three old cargo planes loaded with tanks to Ukraine.").all, "DEU>UKR 072");
    /* one item longer than the skip is still too long */
    assert_int_equal(code(*st, "Germany sent tanks and some very old but still quite useful spare parts to Ukraine.").n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_end),
        cmocka_unit_test(test_no_open_end),
        cmocka_unit_test(test_full_match_first),
        cmocka_unit_test(test_skip_lists),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
