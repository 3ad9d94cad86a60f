/*
 * test_context.c — the country of a role-only actor (src/code/context.c).
 *
 * The decision function alone (every branch: place, context, the scopes of roles, the
 * evidence that blocks a border-crossing role), the dictionary's "= CODE in CCC" entries
 * for groups of several countries (builder, loader errors with file:line), and whole
 * articles through dyad_code_article with the default data (the dateline, the place of
 * the event, an article about two countries), skipped when data/ is not built.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "code/code.h"

/* ---- dyad_role_scope, dyad_country_decide -------------------------------- */

static void test_role_scope(void **st)
{
    (void)st;
    assert_int_equal(dyad_role_scope("COP"), DYAD_SCOPE_LOCAL);
    assert_int_equal(dyad_role_scope("OPP"), DYAD_SCOPE_LOCAL);
    assert_int_equal(dyad_role_scope("UAF"), DYAD_SCOPE_LOCAL);
    assert_int_equal(dyad_role_scope("REB"), DYAD_SCOPE_LOCAL);
    assert_int_equal(dyad_role_scope("MIL"), DYAD_SCOPE_STATE);
    assert_int_equal(dyad_role_scope("GOVMIL"), DYAD_SCOPE_STATE);
    assert_int_equal(dyad_role_scope("GOV"), DYAD_SCOPE_STATE);
    assert_int_equal(dyad_role_scope("PKO"), DYAD_SCOPE_NONE);
    assert_int_equal(dyad_role_scope("REF"), DYAD_SCOPE_NONE);
    assert_int_equal(dyad_role_scope("MED"), DYAD_SCOPE_NONE);
    assert_int_equal(dyad_role_scope(NULL), DYAD_SCOPE_NONE);
    assert_int_equal(dyad_role_scope("X"), DYAD_SCOPE_NONE);
}

static dyad_country_evidence ev_of(const char *role, const char *place, const char *ctx, int root)
{
    dyad_country_evidence ev = { .role = role, .scope = dyad_role_scope(role), .place_cc = place,
                                 .place_name = place ? "Peshawar" : NULL, .place_sentence = 1,
                                 .context_cc = ctx, .context_from = "dateline KABUL", .root = root };
    return ev;
}

static void test_local_roles(void **st)
{
    (void)st;
    dyad_country_choice ch;
    /* the place of the event */
    dyad_country_evidence ev = ev_of("COP", "PAK", NULL, 17);
    assert_int_equal(dyad_country_decide(&ev, &ch), 1);
    assert_string_equal(ch.cc, "PAK");
    assert_true(ch.by_place);
    assert_string_equal(ch.from, "place Peshawar, sentence 1");
    /* the place beats the article's context */
    ev = ev_of("UAF", "PAK", "AFG", 18);
    assert_int_equal(dyad_country_decide(&ev, &ch), 1);
    assert_string_equal(ch.cc, "PAK");
    /* another country in the sentence does not stop a local role */
    ev.sentence_other = ev.context_other = 1;
    assert_int_equal(dyad_country_decide(&ev, &ch), 1);
    assert_string_equal(ch.cc, "PAK");
    /* no place: the dominant context */
    ev = ev_of("CVL", NULL, "AFG", 4);
    assert_int_equal(dyad_country_decide(&ev, &ch), 1);
    assert_string_equal(ch.cc, "AFG");
    assert_false(ch.by_place);
    assert_non_null(strstr(ch.from, "dateline KABUL"));
    /* nothing: stays country-less */
    ev = ev_of("OPP", NULL, NULL, 14);
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
    assert_string_equal(ch.cc, "");
    /* empty strings are no evidence */
    ev = ev_of("OPP", "", "", 14);
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
}

static void test_state_roles(void **st)
{
    (void)st;
    dyad_country_choice ch;
    /* the army at home: force in a place, nothing else in play */
    dyad_country_evidence ev = ev_of("MIL", "PAK", NULL, 19);
    assert_int_equal(dyad_country_decide(&ev, &ch), 1);
    assert_string_equal(ch.cc, "PAK");
    /* a visit or a meeting happens abroad: "the foreign minister arrived in Paris" */
    ev = ev_of("GOV", "FRA", NULL, 4);
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
    /* another country in the sentence ("Turkish jets ... troops in Syria") */
    ev = ev_of("MIL", "SYR", NULL, 19);
    ev.sentence_other = 1;
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
    /* another country in the article: not the place's, and not the context's either */
    ev = ev_of("MIL", "SYR", "TUR", 19);
    ev.context_other = 1;
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
    /* no place: the context only when it is the article's only country */
    ev = ev_of("MIL", NULL, "PAK", 19);
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
    ev.context_single = 1;
    assert_int_equal(dyad_country_decide(&ev, &ch), 1);
    assert_string_equal(ch.cc, "PAK");
    ev.sentence_other = 1;
    assert_int_equal(dyad_country_decide(&ev, &ch), 0);
}

static void test_foreign_roles(void **st)
{
    (void)st;
    dyad_country_choice ch;
    const char *roles[] = { "PKO", "REF", "MED", "NGO" };
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
        dyad_country_evidence ev = ev_of(roles[i], "GRC", "GRC", 14);
        ev.context_single = 1;
        assert_int_equal(dyad_country_decide(&ev, &ch), 0);
    }
}

/* ---- "= CODE in CCC" ------------------------------------------------------ */

static const char *same(const dyad_lexicon *lx, const char *w) { (void)lx; return w; }

static int actor_of(const dyad_dict *d, const char *word)
{
    uint32_t node = dyad_trie_step(dyad_dict_actor_trie(d), 0, dyad_dict_word(d, word));
    return node ? dyad_dict_actor_trie(d)->term[node] : -1;
}

static void test_dict_place_codes(void **st)
{
    (void)st;
    dyad_dict *d = dyad_dict_new(same, NULL);
    assert_non_null(d);
    dyad_dict_load_string(d, "g.txt", "actor Taliban\n"
                                      "    = AFGREBTAL\n"
                                      "    = PAKREB in PAK   # the Pakistani Taliban\n"
                                      "actor Hamas = PSEREBHMS\n");
    assert_int_equal(dyad_dict_compile(d), 0);
    int t = actor_of(d, "taliban"), h = actor_of(d, "hamas");
    assert_true(t >= 0 && h >= 0);
    assert_true(dyad_dict_actor(d, t)->placed);
    assert_false(dyad_dict_actor(d, t)->dated);
    assert_string_equal(dyad_actor_code_on(d, t, 20200101, NULL), "AFGREBTAL");   /* not a default */
    dyad_src src;
    assert_string_equal(dyad_actor_code_in(d, t, "PAK", &src), "PAKREB");
    assert_int_equal(src.line, 3);
    assert_null(dyad_actor_code_in(d, t, "IND", NULL));
    assert_null(dyad_actor_code_in(d, h, "PAK", NULL));
    assert_null(dyad_actor_code_in(d, -1, "PAK", NULL));
    dyad_dict_free(d);
}

static void expect_error(const char *text, const char *want)
{
    dyad_dict *d = dyad_dict_new(same, NULL);
    assert_non_null(d);
    dyad_dict_load_string(d, "g.txt", text);
    int n = dyad_dict_compile(d);
    if (n < 1 || !strstr(dyad_dict_error_at(d, 0), want)) {
        fprintf(stderr, "wanted an error containing '%s', got %d: %s\n", want, n, n ? dyad_dict_error_at(d, 0) : "");
        fail();
    }
    dyad_dict_free(d);
}

static void test_dict_place_code_errors(void **st)
{
    (void)st;
    expect_error("actor Taliban = AFGREB\n    = PAKREB in AFG\n", "g.txt:2: 'PAKREB in AFG': the code in a country starts");
    expect_error("actor Taliban = AFGREB\n    = PAKREB in Pakistan\n", "g.txt:2: 'in Pakistan'");
    expect_error("actor Taliban = AFGREB\n    = PAKREB in PAK\n    = PAKREBTAL in PAK\n", "g.txt:3: a second code 'in PAK'");
    expect_error("actor Taliban = AFGREB\n    = pakreb in PAK\n", "g.txt:2: unknown code format");
    expect_error("actor Taliban = AFGREB\n    = PAKREB at PAK\n", "g.txt:2: unexpected 'PAK'");
}

/* ---- whole articles ------------------------------------------------------- */

typedef struct got { int n; char line[8][64]; } got;

static int collect(const dyad_event *ev, void *user)
{
    got *g = user;
    if (g->n < 8) snprintf(g->line[g->n], sizeof g->line[0], "%d %s %s %s", ev->sentence, ev->source, ev->target, ev->code);
    g->n++;
    return 0;
}

static int code(dyad_coder *c, const char *text, got *g)
{
    memset(g, 0, sizeof *g);
    dyad_article a = { .id = "t", .date = "2022-05-03", .text = text, .text_len = strlen(text) };
    return dyad_code_article(c, &a, collect, g);
}

static void test_articles(void **st)
{
    (void)st;
    char err[1024];
    dyad_options o = { .data_dir = "data" };
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) { fprintf(stderr, "skipped: %s\n", err); skip(); }
    dyad_coder *c = dyad_coder_new(ctx);
    dyad_buf trace = { 0 };
    got g;
    /* the dateline is the context of the second sentence */
    assert_int_equal(code(c, "KABUL, May 3 (Reuters) - Afghan officials said the district fell overnight. "
                             "Militants killed two police officers at a checkpoint, police said.", &g), DYAD_OK);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "1 AFGREB AFGCOP 1823");
    /* the same sentence without the dateline codes nothing */
    assert_int_equal(code(c, "Militants killed two police officers at a checkpoint, police said.", &g), DYAD_OK);
    assert_int_equal(g.n, 0);
    /* the article's context does not leak into the next article */
    assert_int_equal(code(c, "KABUL (Reuters) - Gunmen killed three police officers, officials said.", &g), DYAD_OK);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "0 AFGUAF AFGCOP 1823");
    assert_int_equal(code(c, "Gunmen killed three police officers, officials said.", &g), DYAD_OK);
    assert_int_equal(g.n, 0);
    /* two countries in play: the troops stay country-less */
    assert_int_equal(code(c, "Turkey launched a military operation in northern Syria on Monday. "
                             "Troops killed 12 militants near the border.", &g), DYAD_OK);
    for (int i = 0; i < g.n && i < 8; i++) assert_int_not_equal(g.line[i][0], '1');
    /* the trace says where the country came from */
    dyad_coder_set_trace(c, &trace);
    assert_int_equal(code(c, "Taliban gunmen attacked an army school in Peshawar.", &g), DYAD_OK);
    dyad_coder_set_trace(c, NULL);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.line[0], "0 PAKUAF PAKMIL 180");
    assert_non_null(trace.data);
    assert_non_null(strstr(trace.data, "'army' = PAKMIL: country PAK from place Peshawar, sentence 0"));
    dyad_buf_free(&trace);
    dyad_coder_free(c);
    dyad_close(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_scope),
        cmocka_unit_test(test_local_roles),
        cmocka_unit_test(test_state_roles),
        cmocka_unit_test(test_foreign_roles),
        cmocka_unit_test(test_dict_place_codes),
        cmocka_unit_test(test_dict_place_code_errors),
        cmocka_unit_test(test_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
