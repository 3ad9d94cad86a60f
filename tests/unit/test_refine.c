/*
 * test_refine.c — the role-dependent code rules of src/code/refine.c on their own: the rule
 * grammar (and its file:line errors), role and country conditions, mutual/oneway, `after`,
 * first rule wins, unknown roles keep the pattern's code; then the shipped data/refine.txt
 * through the whole coder (skipped when data/ is not built).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dyad.h"
#include "code/refine.h"

static char *write_rules(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-refine-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static dyad_refine *load(const char *text, char *err, size_t errlen)
{
    char *p = write_rules(text);
    dyad_refine *r = dyad_refine_load(p, err, errlen);
    unlink(p);
    return r;
}

static const char *apply(const dyad_refine *r, const char *code, const char *s, const char *t, int mutual, int *line)
{
    return dyad_refine_apply(r, code, s, t, mutual, NULL, 0, line);
}

static const char *RULES =
    "# comment line\n"
    "refine 190|193 mutual src OPP tgt COP|MIL -> 145\n"          /* 2 */
    "refine 190|193 mutual src COP|MIL tgt OPP -> none\n"         /* 3 */
    "refine 18*|190 src COP|MIL tgt OPP same -> 175   # trailing comment\n"   /* 4 */
    "\n"
    "refine 190 oneway src REB|UAF tgt !MIL|COP|REB -> 180\n"     /* 6 */
    "refine 1823 after 19*|180 -> none\n";                        /* 7 */

static void rules_by_role(void **state)
{
    (void)state;
    char err[256];
    dyad_refine *r = load(RULES, err, sizeof err);
    assert_non_null(r);
    assert_int_equal(dyad_refine_count(r), 5);
    int line;
    /* armed non-state actor on a place: 180 */
    assert_string_equal(apply(r, "190", "SOMREB", "SOM", 0, &line), "180");
    assert_int_equal(line, 6);
    /* a role block after an organisation code counts too (PSEREBHMS has REB) */
    assert_string_equal(apply(r, "190", "PSEREBHMS", "ISRCVL", 0, &line), "180");
    /* against an armed force: stays conventional */
    assert_string_equal(apply(r, "190", "SOMREB", "SOMMIL", 0, &line), "190");
    assert_int_equal(line, 0);
    /* an army's attack stays 190; a bare country source (unknown role) keeps the code */
    assert_string_equal(apply(r, "190", "RUSMIL", "UKR", 0, &line), "190");
    assert_string_equal(apply(r, "190", "RUS", "UKR", 0, &line), "190");
    /* oneway: the rebels' side of a mutual clash is not re-coded */
    assert_string_equal(apply(r, "190", "SOMREB", "SOM", 1, &line), "190");
    /* codes outside the rule's list are untouched: 194 shelling by rebels */
    assert_string_equal(apply(r, "194", "SOMREB", "SOM", 0, &line), "194");
    /* repression: same country only; the `18*` prefix covers 180 and 1823 */
    assert_string_equal(apply(r, "180", "LBYCOP", "LBYOPP", 0, &line), "175");
    assert_int_equal(line, 4);
    assert_string_equal(apply(r, "1823", "IRNMIL", "IRNOPP", 0, &line), "175");
    assert_string_equal(apply(r, "180", "ISRMIL", "PSEOPP", 0, &line), "180");
    /* an IGO is never "the same country" */
    assert_string_equal(apply(r, "180", "IGOUNOPKO", "IGOOPP", 0, &line), "180");
    /* mutual riot: protesters' side 145, police side dropped ("" and a line) */
    assert_string_equal(apply(r, "190", "FRAOPP", "FRACOP", 1, &line), "145");
    assert_int_equal(line, 2);
    assert_string_equal(apply(r, "190", "FRACOP", "FRAOPP", 1, &line), "");
    assert_int_equal(line, 3);
    /* not mutual: police firing on protesters is repression */
    assert_string_equal(apply(r, "190", "FRACOP", "FRAOPP", 0, &line), "175");
    /* the same pointer comes back when nothing applies */
    const char *code = "040";
    assert_ptr_equal(apply(r, code, "FRAGOV", "DEUGOV", 0, &line), code);
    dyad_refine_free(r);
}

static void rule_after(void **state)
{
    (void)state;
    char err[256];
    dyad_refine *r = load(RULES, err, sizeof err);
    assert_non_null(r);
    int line;
    dyad_refine_prior strike = { "ISR", "LBNCVL", "195" };
    assert_string_equal(dyad_refine_apply(r, "1823", "ISR", "LBNCVL", 0, &strike, 1, &line), "");
    assert_int_equal(line, 7);
    /* the same target country is enough ("Lebanon" vs "people in Lebanon") */
    dyad_refine_prior place = { "ISR", "LBN", "195" };
    assert_string_equal(dyad_refine_apply(r, "1823", "ISR", "LBNCVL", 0, &place, 1, &line), "");
    /* another source, or no earlier attack: the killing stays */
    dyad_refine_prior other = { "USA", "LBNCVL", "195" };
    assert_string_equal(dyad_refine_apply(r, "1823", "ISR", "LBNCVL", 0, &other, 1, &line), "1823");
    dyad_refine_prior talk = { "ISR", "LBNCVL", "040" };
    assert_string_equal(dyad_refine_apply(r, "1823", "ISR", "LBNCVL", 0, &talk, 1, &line), "1823");
    assert_string_equal(dyad_refine_apply(r, "1823", "ISR", "LBNCVL", 0, NULL, 0, &line), "1823");
    dyad_refine_free(r);
}

static void bad_rules(void **state)
{
    (void)state;
    static const struct { const char *text, *want; } cases[] = {
        { "refine 190 src REB\n", ":1: missing '-> CODE'" },
        { "\nrefine 19x -> 180\n", ":2: bad event code list" },
        { "refine 190 src rebels -> 180\n", ":1: bad role list after 'src'" },
        { "refine 190 tgt -> 180\n", ":1: bad role list after 'tgt'" },
        { "refine 190 when REB -> 180\n", ":1: unknown condition 'when'" },
        { "refine 190 -> 18*\n", ":1: bad result code" },
        { "refine 190 ->\n", ":1: missing the code after" },
        { "refine 190 -> 180 175\n", ":1: unexpected '175'" },
        { "recode 190 -> 180\n", ":1: expected 'refine" },
        { "refine 190 after -> none\n", ":1: bad code list after 'after'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[256];
        dyad_refine *r = load(cases[i].text, err, sizeof err);
        if (r) fail_msg("accepted: %s", cases[i].text);
        if (!strstr(err, cases[i].want)) fail_msg("%s: got '%s', want '%s'", cases[i].text, err, cases[i].want);
    }
    /* a missing file is an empty rule set: patterns keep their codes */
    char err[256];
    dyad_refine *r = dyad_refine_load("/nonexistent/refine.txt", err, sizeof err);
    assert_non_null(r);
    assert_int_equal(dyad_refine_count(r), 0);
    int line;
    assert_string_equal(apply(r, "190", "SOMREB", "SOM", 0, &line), "190");
    dyad_refine_free(r);
}

/* ---- the shipped rules through the coder ---- */

typedef struct got { int n; char line[8][64]; char rule[8][128]; } got;

static int collect(const dyad_event *ev, void *user)
{
    got *g = user;
    if (g->n < 8) {
        snprintf(g->line[g->n], sizeof g->line[0], "%s %s %s", ev->source, ev->target, ev->code);
        snprintf(g->rule[g->n], sizeof g->rule[0], "%s", ev->rule);
    }
    g->n++;
    return 0;
}

static got code(dyad_ctx *ctx, const char *text)
{
    got g = { 0 };
    dyad_coder *c = dyad_coder_new(ctx);
    assert_non_null(c);
    dyad_article a = { .id = "t", .date = "2024-01-10", .text = text, .text_len = strlen(text) };
    assert_int_equal(dyad_code_article(c, &a, collect, &g), DYAD_OK);
    dyad_coder_free(c);
    return g;
}

static void shipped_rules(void **state)
{
    (void)state;
    if (access("data/refine.txt", R_OK) || access("data/gen", R_OK)) skip();
    char err[1024];
    dyad_options o = { .data_dir = "data" };
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) fail_msg("%s", err);
    got g = code(ctx, "Libyan security forces fired on protesters in Tripoli.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "LBYCOP LBYOPP 175");
    /* the rule names the pattern and the refinement: "verbs/18_assault.txt:N+refine.txt:M" */
    assert_non_null(strstr(g.rule[0], "verbs/18_assault.txt:"));
    assert_non_null(strstr(g.rule[0], "+refine.txt:"));
    g = code(ctx, "Al-Shabaab militants attacked a hotel in Mogadishu.");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0] + strlen(g.line[0]) - 3, "180");
    g = code(ctx, "Russian troops attacked Ukrainian positions near Bakhmut.");   /* (19_fight, not 11 "position") */
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "RUSMIL UKR 190");
    assert_null(strstr(g.rule[0], "refine"));
    dyad_close(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rules_by_role),
        cmocka_unit_test(rule_after),
        cmocka_unit_test(bad_rules),
        cmocka_unit_test(shipped_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
