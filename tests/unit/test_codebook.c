/* test_codebook.c — the CAMEO code table (data/cameo/codes.txt, codebook.c)
 * and the code meaning dyad_extract_event fills in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "extract/internal.h"

static dyad_codebook *load(void)
{
    char err[512] = "";
    dyad_codebook *cb = dyad_codebook_load("data/cameo/codes.txt", err, sizeof err);
    if (!cb) fail_msg("%s", err);
    return cb;
}

static void table_is_complete(void **state)
{
    (void)state;
    dyad_codebook *cb = load();
    assert_true(dyad_codebook_size(cb) >= 300);
    /* every root 01..20 and every 3-digit code of the codebook's ranges */
    static const char *const must[] = { "01", "010", "019", "02", "020", "0214", "0256", "028",
        "03", "0314", "0356", "039", "04", "040", "046", "05", "057", "06", "064", "07", "075",
        "08", "0814", "0834", "0874", "09", "094", "10", "1056", "108", "11", "1125", "116",
        "12", "1246", "129", "13", "1385", "139", "14", "1454", "15", "154", "16", "1663",
        "17", "175", "176", "18", "1833", "1834", "186", "19", "190", "1951", "1952", "196", "155",
        "20", "2042", NULL };
    for (int i = 0; must[i]; i++) {
        const dyad_cameo_code *c = dyad_codebook_get(cb, must[i]);
        if (!c) fail_msg("code %s missing", must[i]);
        assert_string_equal(c->code, must[i]);
        assert_non_null(c->name);
    }
    dyad_codebook_free(cb);
}

static void values(void **state)
{
    (void)state;
    dyad_codebook *cb = load();
    const dyad_cameo_code *c = dyad_codebook_get(cb, "190");
    assert_int_equal(c->quad, 4);
    assert_true(c->goldstein == -10.0);
    assert_string_equal(c->plover, "ASSAULT");
    c = dyad_codebook_get(cb, "040");
    assert_int_equal(c->quad, 1);
    assert_true(c->goldstein == 1.0);
    assert_string_equal(c->plover, "CONSULT");
    c = dyad_codebook_get(cb, "057");
    assert_true(c->goldstein == 8.0);
    c = dyad_codebook_get(cb, "0874");
    assert_int_equal(c->quad, 2);
    assert_true(c->goldstein == 10.0);
    assert_string_equal(c->plover, "RETREAT");
    c = dyad_codebook_get(cb, "173");
    assert_string_equal(c->plover, "COERCE");
    c = dyad_codebook_get(cb, "163");
    assert_string_equal(c->plover, "COERCE");     /* sanctions are coercion in PLOVER */
    c = dyad_codebook_get(cb, "1712");
    assert_string_equal(c->plover, "ASSAULT");
    c = dyad_codebook_get(cb, "112");
    assert_int_equal(c->quad, 3);
    assert_string_equal(c->plover, "ACCUSE");
    c = dyad_codebook_get(cb, "010");
    assert_null(c->plover);                       /* PLOVER dropped statements */
    c = dyad_codebook_get(cb, "020");
    assert_null(c->plover);
    dyad_codebook_free(cb);
}

static void quad_matches_root(void **state)
{
    (void)state;
    dyad_codebook *cb = load();
    char code[5];
    int seen = 0;
    for (int root = 1; root <= 20; root++) {
        int q = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
        for (int sub = -1; sub <= 9; sub++) {
            if (sub < 0) snprintf(code, sizeof code, "%02d", root);
            else snprintf(code, sizeof code, "%02d%d", root, sub);
            const dyad_cameo_code *c = dyad_codebook_get(cb, code);
            if (!c) continue;
            seen++;
            assert_int_equal(c->quad, q);
            assert_true(c->goldstein >= -10 && c->goldstein <= 10);
        }
    }
    assert_true(seen > 150);
    dyad_codebook_free(cb);
}

static void unknown_and_bad(void **state)
{
    (void)state;
    dyad_codebook *cb = load();
    assert_null(dyad_codebook_get(cb, "999"));
    assert_null(dyad_codebook_get(cb, "21"));
    assert_null(dyad_codebook_get(cb, "1"));
    assert_null(dyad_codebook_get(cb, "19a"));
    assert_null(dyad_codebook_get(cb, "12345"));
    assert_null(dyad_codebook_get(cb, ""));
    assert_null(dyad_codebook_get(cb, NULL));
    dyad_codebook_free(cb);
}

static int load_text(const char *text, char *err, size_t errlen)
{
    char path[] = "/tmp/dyad-codes-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs(text, fp);
    fclose(fp);
    dyad_codebook *cb = dyad_codebook_load(path, err, errlen);
    remove(path);
    int ok = cb != NULL;
    dyad_codebook_free(cb);
    return ok;
}

static void loader_errors(void **state)
{
    (void)state;
    char err[512];
    assert_true(load_text("19 | Fight | 4 | -10 | ASSAULT\n190 | Force | 4 | -10 | ASSAULT\n", err, sizeof err));
    assert_false(load_text("19 | Fight | 3 | -10 | ASSAULT\n", err, sizeof err));
    assert_non_null(strstr(err, ":1: QuadClass"));
    assert_false(load_text("19 | Fight | 4 | -10 | ASSAULT\n190 | Force | 4 | -11 | ASSAULT\n", err, sizeof err));
    assert_non_null(strstr(err, ":2: Goldstein"));
    assert_false(load_text("190 | Force | 4 | -10 | ASSAULT\n", err, sizeof err));
    assert_non_null(strstr(err, "no root entry 19"));
    assert_false(load_text("19 | Fight | 4 | -10\n", err, sizeof err));
    assert_false(load_text("19 | Fight | 4 | -10 | X\n19 | Fight | 4 | -10 | X\n", err, sizeof err));
    assert_non_null(strstr(err, "duplicate"));
    assert_false(load_text("# nothing\n", err, sizeof err));
}

static void event_meaning(void **state)
{
    (void)state;
    char err[512];
    dyad_extractors *x = dyad_extractors_load("data", err, sizeof err);
    if (!x) fail_msg("%s", err);
    assert_non_null(dyad_cameo_lookup(x, "190"));
    dyad_article a = { .id = "a", .date = "2020-10-01", .text = "", .text_len = 0 };
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    strcpy(ev.code, "1823");
    dyad_extract_event(x, NULL, &a, NULL, 0, 0, 0, &ev);
    assert_string_equal(ev.root, "18");
    assert_int_equal(ev.quad, 4);
    assert_true(ev.goldstein == -10.0);
    assert_string_equal(ev.plover, "ASSAULT");
    assert_string_equal(ev.date, "2020-10-01");
    assert_string_equal(ev.date_from, "article");
    assert_int_equal(ev.fatalities, -1);
    /* an unknown subcode takes its parent's meaning */
    strcpy(ev.code, "0469");
    dyad_extract_event(x, NULL, &a, NULL, 0, 0, 0, &ev);
    assert_string_equal(ev.root, "04");
    assert_true(ev.goldstein == 7.0);
    dyad_extractors_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_is_complete),
        cmocka_unit_test(values),
        cmocka_unit_test(quad_matches_root),
        cmocka_unit_test(unknown_and_bad),
        cmocka_unit_test(loader_errors),
        cmocka_unit_test(event_meaning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
