/*
 * test_mass_count.c — size conditions in patterns (doc/dictionaries.md, "Size conditions").
 *
 * Three layers: the count reader dyad_count_at() (src/extract/numbers.c), the loader's
 * parsing of "TGT>=1000" / "COUNT<50" into pattern elements (src/dict/), and the coder
 * evaluating them (src/code/match_count.c) with a small dictionary written to a temporary
 * folder, so the test does not depend on data/verbs. The coder part needs data/'s lexicon
 * and tables and skips when they are not built.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "dyad.h"
#include "dict/dict.h"
#include "extract/extract.h"
#include "extract_testtok.h"

int dyad_count_ok(const dyad_pelem *e, long v);     /* src/code/match_count.c */

/* ---- dyad_count_at ------------------------------------------------------ */

/* The count at the start of s: its value, or -2 when there is none; *used tokens. */
static long count(const char *s, int *used)
{
    int n = tt_tokenize(s);
    long v = -2;
    int u = dyad_count_at(tt_tok, 0, n, &v);
    if (used) *used = u;
    return u ? v : -2;
}

static void test_counts_exact(void **st)
{
    (void)st;
    int u;
    assert_int_equal(count("8,000 Muslim men", &u), 8000); assert_int_equal(u, 1);
    assert_int_equal(count("about 8,000 men", &u), 8000); assert_int_equal(u, 2);
    assert_int_equal(count("more than 600,000 Rohingya", &u), 600000); assert_int_equal(u, 3);
    assert_int_equal(count("at least 492 people", &u), 492); assert_int_equal(u, 3);
    assert_int_equal(count("an estimated 1.2 million people", &u), 1200000); assert_int_equal(u, 4);
    assert_int_equal(count("as many as 5,000 people", &u), 5000); assert_int_equal(u, 4);
    assert_int_equal(count("some two thousand villagers", &u), 2000); assert_int_equal(u, 3);
    assert_int_equal(count("nearly 100,000 ethnic Armenians", &u), 100000);
    assert_int_equal(count("12 soldiers", &u), 12);
}

static void test_counts_vague(void **st)
{
    (void)st;
    int u;
    assert_int_equal(count("thousands of Tutsi", &u), 2000); assert_int_equal(u, 2);
    assert_int_equal(count("hundreds of people", &u), 200); assert_int_equal(u, 2);
    assert_int_equal(count("dozens of people", &u), 24);
    assert_int_equal(count("scores of villagers", &u), 40);
    assert_int_equal(count("tens of thousands of people", &u), 20000); assert_int_equal(u, 4);
    assert_int_equal(count("hundreds of thousands of refugees", &u), 200000); assert_int_equal(u, 4);
    assert_int_equal(count("thousands upon thousands of people", &u), 2000);
    assert_int_equal(count("several thousand people", &u), 3000); assert_int_equal(u, 2);
    assert_int_equal(count("a few hundred protesters", &u), 200); assert_int_equal(u, 3);
    assert_int_equal(count("many thousands of people", &u), 2000);
    assert_int_equal(count("millions of people", &u), 2000000);
    /* "of the" is a part of a known whole, not the count's "of" */
    assert_int_equal(count("thousands of the residents", &u), 2000); assert_int_equal(u, 1);
}

static void test_counts_none_and_bounds(void **st)
{
    (void)st;
    int u;
    assert_int_equal(count("fewer than 50 people", &u), 0);        /* an upper bound */
    assert_int_equal(count("less than 1,000 people", &u), 0);
    assert_int_equal(count("tens of people", &u), -2);             /* "tens" alone is no count */
    assert_int_equal(count("about the war", &u), -2);
    assert_int_equal(count("more than ever", &u), -2);
    assert_int_equal(count("people", &u), -2);
    assert_int_equal(count("1990s", &u), -2);
}

/* ---- loading conditions ---------------------------------------------- */

static dyad_dict *load(const char *text, int *nerr)
{
    dyad_dict *d = dyad_dict_new(NULL, NULL);
    assert_non_null(d);
    dyad_dict_load_string(d, "t.txt", text);
    *nerr = dyad_dict_compile(d);
    return d;
}

static void expect_error(const char *text, const char *want)
{
    int n;
    dyad_dict *d = load(text, &n);
    if (n < 1 || !strstr(dyad_dict_error_at(d, 0), want)) {
        fprintf(stderr, "wanted error containing '%s', got %d errors: %s\n", want, n, n ? dyad_dict_error_at(d, 0) : "");
        fail();
    }
    dyad_dict_free(d);
}

static void test_load_conditions(void **st)
{
    (void)st;
    int n;
    dyad_dict *d = load("pattern 202: SRC kill TGT>=1,000\n"
                        "pattern 1823: SRC kill TGT<50\n"
                        "pattern 201: SRC drive COUNT>=100000 ... from TGT\n"
                        "pattern 1823: SRC kill TGT\n", &n);
    assert_int_equal(n, 0);
    const dyad_pattern *p = dyad_dict_pattern(d, 0);
    const dyad_pelem *el = dyad_dict_elems(d, p);
    assert_int_equal(p->nelem, 3);
    assert_int_equal(el[2].kind, DYAD_EL_TGT);
    assert_int_equal(el[2].cmp, DYAD_CMP_GE);
    assert_int_equal(el[2].arg, 1000);
    /* a condition outranks the plain pattern and a spelled-out quantity word list */
    assert_true(p->specificity > dyad_dict_pattern(d, 3)->specificity + 3);
    p = dyad_dict_pattern(d, 1);
    el = dyad_dict_elems(d, p);
    assert_int_equal(el[2].cmp, DYAD_CMP_LT);
    assert_int_equal(el[2].arg, 50);
    p = dyad_dict_pattern(d, 2);
    el = dyad_dict_elems(d, p);
    assert_int_equal(el[2].kind, DYAD_EL_COUNT);
    assert_int_equal(el[2].arg, 100000);
    assert_int_equal(el[0].cmp, DYAD_CMP_NONE);
    dyad_dict_free(d);
}

static void test_load_condition_errors(void **st)
{
    (void)st;
    expect_error("pattern 202: SRC kill TGT>=many\n", "t.txt:1: size condition 'TGT>=many': N must be digits");
    expect_error("pattern 202: SRC kill TGT<=5\n", "t.txt:1: size condition 'TGT<=5'");
    expect_error("pattern 202: SRC kill TGT>=\n", "without a number");
    expect_error("pattern 202: SRC kill TGT>=99999999999\n", "too large");
    expect_error("pattern 202:\n  SRC kill COUNT>5 TGT\n", "t.txt:1: size condition 'COUNT>5' must be >=N or <N");
}

static void test_condition_eval(void **st)
{
    (void)st;
    /* dyad_count_ok lives in the coder: check the contract through a loaded element */
    int n;
    dyad_dict *d = load("pattern 202: SRC kill TGT>=1000\npattern 1823: SRC kill TGT<50\n", &n);
    const dyad_pelem *ge = &dyad_dict_elems(d, dyad_dict_pattern(d, 0))[2];
    const dyad_pelem *lt = &dyad_dict_elems(d, dyad_dict_pattern(d, 1))[2];
    assert_true(dyad_count_ok(ge, 1000));
    assert_true(dyad_count_ok(ge, 8000));
    assert_false(dyad_count_ok(ge, 999));
    assert_false(dyad_count_ok(ge, -1));        /* no count stated */
    assert_true(dyad_count_ok(lt, 12));
    assert_false(dyad_count_ok(lt, 50));
    assert_false(dyad_count_ok(lt, -1));
    dyad_dict_free(d);
}

/* ---- the coder ---------------------------------------------------------- */

static char dir[64];

static void write_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/dyad-mass-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    char p[128];
    const char *sub[] = { "actors", "agents", "verbs" };
    for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s/%s", dir, sub[i]); mkdir(p, 0700); }
    write_file("actors/a.txt", "actor Ruritania | Ruritanian | Ruritanians = RUR\n"
                               "actor Borduria | Bordurian | Bordurians = BOR\n"
                               "actor Klow = BOR\n");
    write_file("agents/a.txt", "agent army | forces = MIL\nagent civilian | people = CVL\nagent diplomat = GOV\n"
                               "agent soldier = MIL\n");
    write_file("verbs/x.txt", "pattern 202: SRC kill TGT>=1000\n"
                              "pattern 1823: SRC kill TGT\n"
                              "pattern 201: SRC drive TGT>=1000 from|out\n"
                              "pattern 174: SRC expel TGT\n"
                              "pattern 201: SRC expel TGT>=1000\n"
                              "pattern 201: TGT>=10000 flee ... after SRC 's offensive\n"
                              "pattern 1823: SRC shell COUNT>=5 houses in TGT\n");
    char err[1024];
    dyad_options o = { .data_dir = "data", .dicts_dir = dir };
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) fprintf(stderr, "data/ tables not built or dictionary broken (%s): skipping the coder tests\n", err);
    *state = ctx;
    return 0;
}

static int teardown(void **state)
{
    if (*state) dyad_close(*state);
    const char *files[] = { "actors/a.txt", "agents/a.txt", "verbs/x.txt", "actors", "agents", "verbs", "" };
    char p[128];
    for (int i = 0; i < 7; i++) { snprintf(p, sizeof p, "%s/%s", dir, files[i]); remove(p); }
    return 0;
}

typedef struct got { int n; char line[8][64]; } got;

static int collect(const dyad_event *ev, void *user)
{
    got *g = user;
    if (g->n < 8) snprintf(g->line[g->n], sizeof g->line[0], "%s %s %s", ev->source, ev->target, ev->code);
    g->n++;
    return 0;
}

/* The events of one sentence, joined by "; ". */
static const char *code(dyad_ctx *ctx, const char *text)
{
    static char out[256];
    got g;
    memset(&g, 0, sizeof g);
    dyad_coder *c = dyad_coder_new(ctx);
    dyad_article a = { .id = "t", .date = "2020-01-01", .text = text, .text_len = strlen(text) };
    assert_int_equal(dyad_code_article(c, &a, collect, &g), DYAD_OK);
    dyad_coder_free(c);
    out[0] = '\0';
    for (int i = 0; i < g.n && i < 8; i++) {
        if (i) strcat(out, "; ");
        strcat(out, g.line[i]);
    }
    return out;
}

#define NEED_CTX(st) do { if (!*(st)) skip(); } while (0)

static void test_code_counted_target(void **st)
{
    NEED_CTX(st);
    assert_string_equal(code(*st, "The Ruritanian army killed about 8,000 Bordurian civilians."), "RURMIL BORCVL 202");
    assert_string_equal(code(*st, "The Ruritanian army killed thousands of Bordurian civilians."), "RURMIL BORCVL 202");
    assert_string_equal(code(*st, "The Ruritanian army killed 12 Bordurian civilians."), "RURMIL BORCVL 1823");
    assert_string_equal(code(*st, "The Ruritanian army killed hundreds of Bordurian civilians."), "RURMIL BORCVL 1823");
    assert_string_equal(code(*st, "The Ruritanian army killed Bordurian civilians."), "RURMIL BORCVL 1823");
    /* combatants are not a population */
    assert_string_equal(code(*st, "The Ruritanian army killed 2,000 Bordurian soldiers."), "RURMIL BORMIL 1823");
}

static void test_code_victims_placed(void **st)
{
    NEED_CTX(st);
    /* the counted people are no actor: the place they were in gives the target */
    assert_string_equal(code(*st, "Ruritanian forces killed about 8,000 men and boys in Klow."), "RURMIL BOR 202");
    assert_string_equal(code(*st, "Ruritanian forces killed 8 men and boys in Klow."), "");
}

static void test_code_expulsion(void **st)
{
    NEED_CTX(st);
    assert_string_equal(code(*st, "Ruritania drove more than 600,000 Bordurians from the border."), "RUR BOR 201");
    assert_string_equal(code(*st, "Ruritania expelled 3 Bordurian diplomats."), "RUR BORGOV 174");
    assert_string_equal(code(*st, "Ruritania expelled tens of thousands of Bordurians."), "RUR BOR 201");
}

static void test_code_subject_count(void **st)
{
    NEED_CTX(st);
    assert_string_equal(code(*st, "More than 100,000 Bordurians fled after Ruritania's offensive."), "RUR BOR 201");
    assert_string_equal(code(*st, "Several thousand Bordurians fled after Ruritania's offensive."), "");
    /* the passive: TGT's condition applies to the subject */
    assert_string_equal(code(*st, "More than 8,000 Bordurians were killed by Ruritanian forces."), "RURMIL BOR 202");
    assert_string_equal(code(*st, "Eight Bordurians were killed by Ruritanian forces."), "RURMIL BOR 1823");
}

static void test_code_count_element(void **st)
{
    NEED_CTX(st);
    assert_string_equal(code(*st, "Ruritania shelled dozens of houses in Klow."), "RUR BOR 1823");
    assert_string_equal(code(*st, "Ruritania shelled two houses in Klow."), "");
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_counts_exact),
        cmocka_unit_test(test_counts_vague),
        cmocka_unit_test(test_counts_none_and_bounds),
        cmocka_unit_test(test_load_conditions),
        cmocka_unit_test(test_load_condition_errors),
        cmocka_unit_test(test_condition_eval),
    };
    const struct CMUnitTest coder[] = {
        cmocka_unit_test(test_code_counted_target),
        cmocka_unit_test(test_code_victims_placed),
        cmocka_unit_test(test_code_expulsion),
        cmocka_unit_test(test_code_subject_count),
        cmocka_unit_test(test_code_count_element),
    };
    int r = cmocka_run_group_tests(plain, NULL, NULL);
    return r + cmocka_run_group_tests(coder, setup, teardown);
}
