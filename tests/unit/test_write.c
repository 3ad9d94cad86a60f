/*
 * test_write.c — event writers: exact JSON Lines (contract key order, nulls,
 * escaping), CSV (RFC 4180 quoting, column count), GDELT 2.0 (61 columns),
 * Phoenix (26 columns), PLOVER JSON, and CAMEO actor code splitting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/actor_split.h"
#include "io/io.h"

static dyad_event full_event(void)
{
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.article_id = "a1";
    ev.sentence = 2;
    strcpy(ev.date, "2022-10-31");
    ev.date_from = "text";
    ev.date_precision = "day";
    ev.source = "AZEMIL";
    ev.source_name = "Azerbaijani army";
    ev.target = "ARM";
    ev.target_name = "Armenia";
    strcpy(ev.code, "190");
    strcpy(ev.root, "19");
    ev.quad = 4;
    ev.goldstein = -10.0;
    ev.plover = "ASSAULT";
    ev.fatalities = 3;
    ev.injured = -1;
    ev.has_location = 1;
    ev.location.name = "Sochi";
    strcpy(ev.location.country, "RUS");
    ev.location.lat = 43.6;
    ev.location.lon = 39.7303;
    ev.location.kind = "city";
    ev.negated = 0;
    ev.text = "The Azerbaijani army shelled Armenia, killing 3.";
    ev.rule = "data/verbs.txt:12";
    return ev;
}

static dyad_event empty_event(void)
{
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.article_id = "a2";
    strcpy(ev.date, "2022-01-05");
    strcpy(ev.code, "010");
    strcpy(ev.root, "01");
    ev.fatalities = -1;
    ev.injured = -1;
    return ev;
}

static char *render(dyad_format f, const dyad_event *ev, const dyad_event_stats *st)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_write_event(&b, f, ev, st);
    assert_false(b.oom);
    return b.data;
}

static int count_char(const char *s, char c)
{
    int n = 0;
    for (; *s; s++) n += *s == c;
    return n;
}

/* ---- JSON Lines ------------------------------------------------------- */

static void test_jsonl_exact(void **state)
{
    (void)state;
    dyad_event ev = full_event();
    char *s = render(DYAD_FMT_JSONL, &ev, NULL);
    assert_string_equal(s,
        "{\"article_id\":\"a1\",\"sentence\":2,\"date\":\"2022-10-31\",\"date_from\":\"text\","
        "\"date_precision\":\"day\",\"source\":\"AZEMIL\",\"source_name\":\"Azerbaijani army\","
        "\"target\":\"ARM\",\"target_name\":\"Armenia\",\"code\":\"190\",\"root\":\"19\",\"quad\":4,"
        "\"goldstein\":-10.0,\"plover\":\"ASSAULT\",\"fatalities\":3,\"injured\":null,"
        "\"location\":{\"name\":\"Sochi\",\"country\":\"RUS\",\"lat\":43.6,\"lon\":39.7303,\"kind\":\"city\"},"
        "\"negated\":false,\"text\":\"The Azerbaijani army shelled Armenia, killing 3.\","
        "\"rule\":\"data/verbs.txt:12\"}\n");
    free(s);
}

static void test_jsonl_nulls(void **state)
{
    (void)state;
    dyad_event ev = empty_event();
    char *s = render(DYAD_FMT_JSONL, &ev, NULL);
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    assert_non_null(o);
    const char *nulls[] = { "date_from", "date_precision", "source", "source_name", "target",
                            "target_name", "quad", "goldstein", "plover", "fatalities", "injured",
                            "location", "text", "rule" };
    for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++) {
        json_t *v = json_object_get(o, nulls[i]);
        if (!v || !json_is_null(v)) fail_msg("%s should be null in %s", nulls[i], s);
    }
    assert_string_equal(json_string_value(json_object_get(o, "code")), "010");
    assert_true(json_is_false(json_object_get(o, "negated")));
    assert_int_equal(json_object_size(o), 20);
    /* the keys in contract order */
    static const char *const order[] = { "article_id", "sentence", "date", "date_from", "date_precision",
        "source", "source_name", "target", "target_name", "code", "root", "quad", "goldstein", "plover",
        "fatalities", "injured", "location", "negated", "text", "rule" };
    const char *p = s;
    for (size_t i = 0; i < 20; i++) {
        char key[40];
        snprintf(key, sizeof key, "\"%s\":", order[i]);
        const char *q = strstr(p, key);
        if (!q) fail_msg("key %s out of order in %s", order[i], s);
        p = q;
    }
    json_decref(o);
    free(s);

    /* quad known with Goldstein 0.0 is a value, not a null */
    ev.quad = 1;
    ev.goldstein = 0.0;
    s = render(DYAD_FMT_JSONL, &ev, NULL);
    assert_non_null(strstr(s, "\"quad\":1,\"goldstein\":0.0,"));
    free(s);
}

static void test_jsonl_escaping(void **state)
{
    (void)state;
    dyad_event ev = full_event();
    ev.text = "He said \"no\" \\ then\nleft\t\x01 — Kyiv";
    ev.source_name = "O'Brien";
    char *s = render(DYAD_FMT_JSONL, &ev, NULL);
    assert_int_equal(count_char(s, '\n'), 1);          /* one line */
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    if (!o) fail_msg("invalid JSON (%s): %s", je.text, s);
    assert_string_equal(json_string_value(json_object_get(o, "text")), ev.text);
    assert_string_equal(json_string_value(json_object_get(o, "source_name")), "O'Brien");
    json_decref(o);
    free(s);
}

/* ---- CSV --------------------------------------------------------------- */

/* Split one RFC 4180 record; returns the number of fields, fields in out. */
static int csv_split(const char *s, char out[][256], int max)
{
    int n = 0;
    for (;;) {
        char *f = out[n];
        size_t k = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '"' && s[1] == '"') { f[k++] = '"'; s += 2; }
                else if (*s == '"') { s++; break; }
                else f[k++] = *s++;
            }
        } else {
            while (*s && *s != ',' && *s != '\r') f[k++] = *s++;
        }
        f[k] = '\0';
        n++;
        if (*s == ',' && n < max) { s++; continue; }
        break;
    }
    return n;
}

static void test_csv(void **state)
{
    (void)state;
    dyad_buf h;
    dyad_buf_init(&h);
    dyad_write_header(&h, DYAD_FMT_CSV);
    char fields[32][256];
    assert_int_equal(csv_split(h.data, fields, 32), 24);
    assert_string_equal(fields[0], "article_id");
    assert_string_equal(fields[16], "location_name");
    assert_string_equal(fields[23], "rule");
    assert_true(h.len >= 2 && !strcmp(h.data + h.len - 2, "\r\n"));
    dyad_buf_free(&h);

    dyad_event ev = full_event();
    ev.text = "Talks, \"frank\" and\nlong";
    ev.source_name = " padded";
    char *s = render(DYAD_FMT_CSV, &ev, NULL);
    assert_true(!strcmp(s + strlen(s) - 2, "\r\n"));
    assert_int_equal(csv_split(s, fields, 32), 24);
    assert_string_equal(fields[0], "a1");
    assert_string_equal(fields[1], "2");
    assert_string_equal(fields[6], " padded");
    assert_string_equal(fields[12], "-10.0");
    assert_string_equal(fields[14], "3");
    assert_string_equal(fields[15], "");
    assert_string_equal(fields[16], "Sochi");
    assert_string_equal(fields[18], "43.6");
    assert_string_equal(fields[21], "false");
    assert_string_equal(fields[22], "Talks, \"frank\" and\nlong");
    assert_non_null(strstr(s, "\"Talks, \"\"frank\"\" and\nlong\""));
    free(s);

    ev = empty_event();
    s = render(DYAD_FMT_CSV, &ev, NULL);
    assert_int_equal(csv_split(s, fields, 32), 24);
    assert_string_equal(s, "a2,0,2022-01-05,,,,,,,010,01,,,,,,,,,,,false,,\r\n");
    free(s);
}

/* ---- GDELT / Phoenix --------------------------------------------------- */

static int split_tabs(char *s, char **cols, int max)
{
    int n = 0;
    s[strcspn(s, "\n")] = '\0';
    cols[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '\t') { *p = '\0'; cols[n++] = p + 1; }
    return n;
}

static void test_gdelt(void **state)
{
    (void)state;
    dyad_event ev = full_event();
    ev.source = "PSEREBHMS";
    ev.source_name = "Hamas\tfighters";
    dyad_event_stats st = { .event_id = 1000001, .num_mentions = 4, .source_url = "https://example.org/x" };
    char *s = render(DYAD_FMT_GDELT, &ev, &st);
    assert_int_equal(count_char(s, '\n'), 1);
    assert_int_equal(count_char(s, '\t'), 60);          /* 61 columns */
    char *c[80];
    assert_int_equal(split_tabs(s, c, 80), 61);
    assert_string_equal(c[0], "1000001");               /* GLOBALEVENTID */
    assert_string_equal(c[1], "20221031");              /* SQLDATE */
    assert_string_equal(c[2], "202210");
    assert_string_equal(c[3], "2022");
    assert_string_equal(c[4], "2022.9068");             /* 2022 + (10*30+31)/365 */
    assert_string_equal(c[5], "PSEREBHMS");
    assert_string_equal(c[6], "HAMAS FIGHTERS");        /* tab replaced, upper-cased */
    assert_string_equal(c[7], "PSE");                   /* Actor1CountryCode */
    assert_string_equal(c[8], "HMS");                   /* KnownGroupCode */
    assert_string_equal(c[12], "REB");                  /* Type1Code */
    assert_string_equal(c[15], "ARM");                  /* Actor2Code */
    assert_string_equal(c[17], "ARM");
    assert_string_equal(c[25], "0");                    /* IsRootEvent: sentence 2 */
    assert_string_equal(c[26], "190");
    assert_string_equal(c[27], "190");
    assert_string_equal(c[28], "19");
    assert_string_equal(c[29], "4");
    assert_string_equal(c[30], "-10.0");
    assert_string_equal(c[31], "4");                    /* NumMentions from stats */
    assert_string_equal(c[32], "1");
    assert_string_equal(c[35], "0");                    /* Actor1Geo_Type unknown */
    assert_string_equal(c[51], "4");                    /* ActionGeo_Type: world city */
    assert_string_equal(c[52], "Sochi");
    assert_string_equal(c[53], "RUS");
    assert_string_equal(c[56], "43.6");
    assert_string_equal(c[57], "39.7303");
    assert_string_equal(c[59], "20221031000000");       /* DATEADDED defaults to the date */
    assert_string_equal(c[60], "https://example.org/x");
    free(s);

    ev = empty_event();
    s = render(DYAD_FMT_GDELT, &ev, NULL);
    assert_int_equal(count_char(s, '\t'), 60);
    assert_int_equal(split_tabs(s, c, 80), 61);
    assert_string_equal(c[25], "1");
    assert_string_equal(c[27], "010");
    free(s);
}

static void test_phoenix(void **state)
{
    (void)state;
    dyad_event ev = full_event();
    ev.target = "USAGOVCHR";
    char *s = render(DYAD_FMT_PHOENIX, &ev, NULL);
    assert_int_equal(count_char(s, '\t'), 25);          /* 26 columns */
    char *c[40];
    assert_int_equal(split_tabs(s, c, 40), 26);
    assert_string_equal(c[0], "");
    assert_string_equal(c[1], "20221031");
    assert_string_equal(c[3], "10");
    assert_string_equal(c[5], "AZEMIL");
    assert_string_equal(c[6], "AZE");
    assert_string_equal(c[7], "MIL");
    assert_string_equal(c[9], "USAGOVCHR");
    assert_string_equal(c[11], "GOV");
    assert_string_equal(c[12], "CHR");
    assert_string_equal(c[13], "190");
    assert_string_equal(c[20], "Sochi");
    assert_string_equal(c[23], "a1_2");
    free(s);
}

/* ---- PLOVER ------------------------------------------------------------ */

static void test_plover(void **state)
{
    (void)state;
    dyad_event ev = full_event();
    dyad_event_stats st = { .source_url = "https://example.org/x" };
    char *s = render(DYAD_FMT_PLOVER, &ev, &st);
    json_error_t je;
    json_t *o = json_loads(s, 0, &je);
    if (!o) fail_msg("invalid JSON (%s): %s", je.text, s);
    assert_string_equal(json_string_value(json_object_get(o, "id")), "a1-2-AZEMIL-190-ARM");
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2022-10-31");
    json_t *actor = json_array_get(json_object_get(o, "actor"), 0);
    assert_string_equal(json_string_value(json_object_get(actor, "code")), "AZE");
    assert_string_equal(json_string_value(json_object_get(actor, "sector")), "MIL");
    assert_string_equal(json_string_value(json_array_get(json_object_get(o, "event"), 0)), "ASSAULT");
    assert_int_equal(json_integer_value(json_object_get(o, "quad_code")), 4);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "size"), "dead")), 3);
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "event_loc"), "country_code")), "RUS");
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "cite_info"), "url")),
                        "https://example.org/x");
    json_decref(o);
    free(s);

    ev = empty_event();
    s = render(DYAD_FMT_PLOVER, &ev, NULL);
    o = json_loads(s, 0, &je);
    assert_non_null(o);
    assert_int_equal(json_array_size(json_object_get(o, "actor")), 0);
    assert_true(json_is_null(json_object_get(o, "event_loc")));
    json_decref(o);
    free(s);
}

/* ---- helpers ----------------------------------------------------------- */

static void test_actor_split(void **state)
{
    (void)state;
    dyad_actor_parts p;
    dyad_actor_split("IGOUNO", &p);
    assert_string_equal(p.country, "");
    assert_string_equal(p.type[0], "IGO");
    assert_string_equal(p.group, "UNO");
    dyad_actor_split("UNO", &p);
    assert_string_equal(p.country, "");
    assert_string_equal(p.group, "UNO");
    dyad_actor_split("USAGOVMILMOS", &p);
    assert_string_equal(p.country, "USA");
    assert_string_equal(p.type[0], "GOV");
    assert_string_equal(p.type[1], "MIL");
    assert_string_equal(p.religion[0], "MOS");
    dyad_actor_split(NULL, &p);
    assert_string_equal(p.country, "");
    dyad_actor_split("NG", &p);                         /* partial segment ignored */
    assert_string_equal(p.country, "");
}

static void test_format_parse(void **state)
{
    (void)state;
    assert_int_equal(dyad_format_parse("jsonl"), DYAD_FMT_JSONL);
    assert_int_equal(dyad_format_parse("csv"), DYAD_FMT_CSV);
    assert_int_equal(dyad_format_parse("gdelt"), DYAD_FMT_GDELT);
    assert_int_equal(dyad_format_parse("phoenix"), DYAD_FMT_PHOENIX);
    assert_int_equal(dyad_format_parse("plover"), DYAD_FMT_PLOVER);
    assert_int_equal(dyad_format_parse("xml"), -1);
    assert_int_equal(dyad_format_parse(NULL), -1);
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_write_header(&b, DYAD_FMT_GDELT);              /* GDELT files have no header */
    assert_int_equal(b.len, 0);
    dyad_buf_free(&b);
}

static void test_nan_never_printed(void **state)
{
    (void)state;
    dyad_event ev = full_event();
    ev.goldstein = NAN;
    ev.location.lat = NAN;
    char *s = render(DYAD_FMT_JSONL, &ev, NULL);
    assert_null(strstr(s, "nan"));
    json_t *o = json_loads(s, 0, NULL);
    assert_non_null(o);
    assert_true(json_is_null(json_object_get(o, "goldstein")));
    json_decref(o);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_exact),
        cmocka_unit_test(test_jsonl_nulls),
        cmocka_unit_test(test_jsonl_escaping),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_gdelt),
        cmocka_unit_test(test_phoenix),
        cmocka_unit_test(test_plover),
        cmocka_unit_test(test_actor_split),
        cmocka_unit_test(test_format_parse),
        cmocka_unit_test(test_nan_never_printed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
