/*
 * test_store.c — the event store (src/store) against SQLite always and
 * against PostgreSQL when it is available: the same tests, both backends.
 *
 * PostgreSQL: the server of $DYAD_PG_URI if set; else a throw-away cluster
 * started with scripts/pg-test-cluster on a port of our own (stopped at the
 * end); the tests run in a database of their own (dyad_store_unit, dropped
 * at the end). If PostgreSQL is not installed the PostgreSQL group is
 * skipped with a message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <libpq-fe.h>

#include "store/store.h"
#include "store/dates.h"

static char pg_uri[512];
static char pg_dir[128];

typedef struct fx {
    char db[600];
    dyad_store *s;
} fx;

/* ---- fixtures --------------------------------------------------------- */

static void pg_wipe(const char *uri)
{
    PGconn *c = PQconnectdb(uri);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    PQclear(PQexec(c, "SET client_min_messages = warning; "
                      "DROP TABLE IF EXISTS meta, articles, events, mentions CASCADE"));
    PQfinish(c);
}

static int setup_sqlite(void **state)
{
    fx *f = calloc(1, sizeof *f);
    snprintf(f->db, sizeof f->db, "/tmp/dyad-test-store-%d-%p.db", (int)getpid(), (void *)f);
    char err[512];
    f->s = dyad_store_open(f->db, 0, err, sizeof err);
    if (!f->s) fail_msg("open: %s", err);
    *state = f;
    return 0;
}

static int setup_pg(void **state)
{
    pg_wipe(pg_uri);
    fx *f = calloc(1, sizeof *f);
    snprintf(f->db, sizeof f->db, "%s", pg_uri);
    char err[512];
    f->s = dyad_store_open(f->db, 0, err, sizeof err);
    if (!f->s) fail_msg("open: %s", err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    if (!f) return 0;
    dyad_store_close(f->s);
    if (strncmp(f->db, "postgres", 8)) {
        char p[700];
        unlink(f->db);
        snprintf(p, sizeof p, "%s-wal", f->db); unlink(p);
        snprintf(p, sizeof p, "%s-shm", f->db); unlink(p);
    }
    free(f);
    return 0;
}

/* ---- helpers ---------------------------------------------------------- */

static dyad_event mk(const char *date, const char *src, const char *tgt, const char *code)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    snprintf(e.date, sizeof e.date, "%s", date);
    e.date_from = "text";
    e.date_precision = "day";
    e.source = src;
    e.target = tgt;
    e.source_name = "src name";
    e.target_name = "tgt name";
    snprintf(e.code, sizeof e.code, "%s", code);
    snprintf(e.root, sizeof e.root, "%.2s", code);
    e.quad = code[0] == '1' && code[1] >= '8' ? 4 : code[0] == '0' && code[1] <= '5' ? 1 : 3;
    e.goldstein = e.quad == 4 ? -10 : e.quad == 1 ? 3.5 : -5;
    e.plover = "X";
    e.fatalities = -1;
    e.injured = -1;
    e.text = "A sentence.";
    e.rule = "test:1";
    e.source_span = e.target_span = e.verb_span = (dyad_span){ -1, -1 };
    return e;
}

static void loc(dyad_event *e, const char *name, const char *country, const char *kind)
{
    e->has_location = 1;
    e->location.name = name;
    snprintf(e->location.country, sizeof e->location.country, "%s", country);
    e->location.kind = kind;
    e->location.lat = 1.5;
    e->location.lon = -2.25;
}

static int put(fx *f, const char *id, const char *date, const char *media, const dyad_event *evs, int n)
{
    dyad_article a = { .id = id, .date = date, .source = media, .text = id, .text_len = strlen(id),
                       .url = "https://www.example.org/x" };
    int what = 0;
    int rc = dyad_store_put_article(f->s, &a, evs, n, &what);
    if (rc != DYAD_OK) return rc;
    return what;
}

static long long count(fx *f, const dyad_store_filter *flt)
{
    long long n = -1;
    assert_int_equal(dyad_store_count(f->s, flt, &n), DYAD_OK);
    return n;
}

static long long count_all(fx *f)
{
    dyad_store_filter flt = { 0 };
    return count(f, &flt);
}

/* The first event matching flt (copied fields we check). */
typedef struct got { long long id; int nm, ns, na, fat, fmin, fmax; char date[11], code[5]; } got;

static int first(fx *f, dyad_store_filter flt, got *g)
{
    dyad_store_iter *it = dyad_store_query(f->s, &flt);
    assert_non_null(it);
    const dyad_store_event *e;
    int rc = dyad_store_next(it, &e);
    if (rc == 1) {
        g->id = e->stats.event_id;
        g->nm = e->stats.num_mentions; g->ns = e->stats.num_sources; g->na = e->stats.num_articles;
        g->fat = e->ev.fatalities; g->fmin = e->stats.fatalities_min; g->fmax = e->stats.fatalities_max;
        memcpy(g->date, e->ev.date, 11);
        memcpy(g->code, e->ev.code, 5);
    }
    dyad_store_iter_free(it);
    return rc;
}

/* ---- tests ------------------------------------------------------------ */

static void t_meta_info(void **state)
{
    fx *f = *state;
    char v[64];
    assert_int_equal(dyad_store_get_meta(f->s, "schema_version", v, sizeof v), DYAD_OK);
    assert_int_equal(atoi(v), DYAD_STORE_SCHEMA_VERSION);
    assert_int_equal(dyad_store_set_meta(f->s, "dict_version", "abc123"), DYAD_OK);
    assert_int_equal(dyad_store_set_meta(f->s, "dict_version", "def456"), DYAD_OK);
    dyad_store_info info;
    assert_int_equal(dyad_store_info_get(f->s, &info), DYAD_OK);
    assert_string_equal(info.dict_version, "def456");
    assert_int_equal(info.events, 0);
    assert_string_equal(info.first_date, "");
    dyad_event e = mk("2021-03-04", "USA", "CHN", "042");
    assert_int_equal(put(f, "a1", "2021-03-05", "m", &e, 1), DYAD_STORE_ADDED);
    assert_int_equal(dyad_store_info_get(f->s, &info), DYAD_OK);
    assert_int_equal(info.articles, 1);
    assert_int_equal(info.events, 1);
    assert_int_equal(info.mentions, 1);
    assert_string_equal(info.first_date, "2021-03-04");
}

static void t_roundtrip(void **state)
{
    fx *f = *state;
    dyad_event e = mk("2020-09-27", "AZEMIL", "ARMMIL", "1831");
    e.source_name = "Azerbaijani army";
    e.target_name = "Armenian \"positions\"\twith tab";
    e.fatalities = 7;
    e.injured = 3;
    e.negated = 0;
    e.text = "Ünïcode — text, with \\ backslash\nand newline.";
    e.source_span = (dyad_span){ 0, 16 };
    loc(&e, "Stepanakert", "AZE", "city");
    assert_int_equal(put(f, "r1", "2020-09-28", "Reuters", &e, 1), DYAD_STORE_ADDED);
    dyad_store_filter flt = { .with_mentions = 1 };
    dyad_store_iter *it = dyad_store_query(f->s, &flt);
    assert_non_null(it);
    const dyad_store_event *r;
    assert_int_equal(dyad_store_next(it, &r), 1);
    assert_string_equal(r->ev.date, "2020-09-27");
    assert_string_equal(r->ev.source, "AZEMIL");
    assert_string_equal(r->ev.target_name, "Armenian \"positions\"\twith tab");
    assert_string_equal(r->ev.code, "1831");
    assert_string_equal(r->ev.root, "18");
    assert_int_equal(r->ev.quad, 4);
    assert_true(r->ev.goldstein == -10);
    assert_int_equal(r->ev.fatalities, 7);
    assert_int_equal(r->ev.injured, 3);
    assert_true(r->ev.has_location);
    assert_string_equal(r->ev.location.name, "Stepanakert");
    assert_string_equal(r->ev.location.country, "AZE");
    assert_true(r->ev.location.lat == 1.5 && r->ev.location.lon == -2.25);
    assert_string_equal(r->ev.text, e.text);
    assert_string_equal(r->ev.article_id, "r1");
    assert_string_equal(r->stats.source_url, "https://www.example.org/x");
    assert_string_equal(r->stats.event_key, "2020-09-27|AZEMIL|ARMMIL|18");
    assert_int_equal(r->nmentions, 1);
    assert_string_equal(r->mentions[0].ev.text, e.text);
    assert_string_equal(r->mentions[0].media_source, "Reuters");
    assert_int_equal(r->mentions[0].ev.source_span.start, 0);
    assert_int_equal(r->mentions[0].ev.source_span.end, 16);
    assert_int_equal(r->mentions[0].ev.target_span.start, -1);
    assert_int_equal(dyad_store_next(it, &r), 0);
    dyad_store_iter_free(it);
}

static void t_idempotent_replace(void **state)
{
    fx *f = *state;
    dyad_event e[2] = { mk("2021-01-01", "USA", "IRN", "112"), mk("2021-01-01", "IRN", "USA", "111") };
    assert_int_equal(put(f, "a", "2021-01-01", "m", e, 2), DYAD_STORE_ADDED);
    assert_int_equal(put(f, "a", "2021-01-01", "m", e, 2), DYAD_STORE_UNCHANGED);
    assert_int_equal(count_all(f), 2);
    /* a changed article: different text, one event only now */
    dyad_article a = { .id = "a", .date = "2021-01-01", .text = "changed", .text_len = 7 };
    int what = 0;
    dyad_event e2 = mk("2021-01-02", "USA", "IRQ", "190");
    assert_int_equal(dyad_store_put_article(f->s, &a, &e2, 1, &what), DYAD_OK);
    assert_int_equal(what, DYAD_STORE_REPLACED);
    assert_int_equal(count_all(f), 1);
    dyad_store_filter flt = { .target = "IRQ" };
    assert_int_equal(count(f, &flt), 1);
    dyad_store_info info;
    assert_int_equal(dyad_store_info_get(f->s, &info), DYAD_OK);
    assert_int_equal(info.articles, 1);
    assert_int_equal(info.mentions, 1);
    /* deleting it removes its events */
    assert_int_equal(dyad_store_delete_article(f->s, "a"), DYAD_OK);
    assert_int_equal(count_all(f), 0);
}

static void t_atomic_article(void **state)
{
    fx *f = *state;
    assert_int_equal(dyad_store_begin(f->s), DYAD_OK);
    dyad_event ok = mk("2021-01-01", "USA", "IRN", "112");
    assert_int_equal(put(f, "good1", "2021-01-01", "m", &ok, 1), DYAD_STORE_ADDED);
    dyad_event bad[3] = { mk("2021-01-01", "FRA", "DEU", "042"), mk("2021-01-01", "FRA", "DEU", "042"),
                          mk("2021-01-01", "FRA", "DEU", "042") };
    snprintf(bad[2].date, sizeof bad[2].date, "2021-13-01");        /* invalid: third event */
    assert_int_equal(put(f, "bad", "2021-01-01", "m", bad, 3), DYAD_EPARSE);
    assert_non_null(strstr(dyad_store_error(f->s), "bad"));
    dyad_event ok2 = mk("2021-01-02", "GBR", "IRL", "036");
    assert_int_equal(put(f, "good2", "2021-01-02", "m", &ok2, 1), DYAD_STORE_ADDED);
    assert_int_equal(dyad_store_commit(f->s), DYAD_OK);
    assert_int_equal(count_all(f), 2);
    dyad_store_filter flt = { .article_id = "bad" };
    assert_int_equal(count(f, &flt), 0);
    dyad_store_info info;
    assert_int_equal(dyad_store_info_get(f->s, &info), DYAD_OK);
    assert_int_equal(info.articles, 2);
    assert_int_equal(info.mentions, 2);
    /* a rolled-back batch leaves nothing */
    assert_int_equal(dyad_store_begin(f->s), DYAD_OK);
    assert_int_equal(put(f, "gone", "2021-01-03", "m", &ok, 1), DYAD_STORE_ADDED);
    assert_int_equal(dyad_store_rollback(f->s), DYAD_OK);
    assert_int_equal(dyad_store_info_get(f->s, &info), DYAD_OK);
    assert_int_equal(info.articles, 2);
    /* missing id or bad article date */
    dyad_article a = { .id = "x", .date = "yesterday" };
    assert_int_equal(dyad_store_put_article(f->s, &a, NULL, 0, NULL), DYAD_EPARSE);
}

static void t_grouping(void **state)
{
    fx *f = *state;
    dyad_event base = mk("2022-05-10", "RUSMIL", "UKRMIL", "190");
    loc(&base, "Kharkiv", "UKR", "city");
    base.fatalities = 10;
    assert_int_equal(put(f, "g1", "2022-05-10", "Reuters", &base, 1), DYAD_STORE_ADDED);
    /* joins: same everything, another source, fatalities 12 */
    dyad_event e = base; e.fatalities = 12;
    assert_int_equal(put(f, "g2", "2022-05-10", "AP", &e, 1), DYAD_STORE_ADDED);
    /* joins: defaulted date one day later, location only the country */
    e = base; snprintf(e.date, sizeof e.date, "2022-05-11"); e.date_from = "article";
    loc(&e, "Ukraine", "UKR", "country"); e.fatalities = 12;
    assert_int_equal(put(f, "g3", "2022-05-11", "AP", &e, 1), DYAD_STORE_ADDED);
    /* joins: different code, same root (19x) */
    e = base; snprintf(e.code, sizeof e.code, "193"); e.fatalities = -1;
    assert_int_equal(put(f, "g4", "2022-05-10", NULL, &e, 1), DYAD_STORE_ADDED);
    assert_int_equal(count_all(f), 1);
    /* new events: stated date a day later; another city; other root; too many dead;
     * negated; swapped roles */
    dyad_event sep[6] = { base, base, base, base, base, base };
    snprintf(sep[0].date, sizeof sep[0].date, "2022-05-11");
    loc(&sep[1], "Kyiv", "UKR", "city");
    snprintf(sep[2].code, sizeof sep[2].code, "180"); snprintf(sep[2].root, 3, "18");
    sep[3].fatalities = 40;
    sep[4].negated = 1;
    sep[5].source = "UKRMIL"; sep[5].target = "RUSMIL";
    for (int i = 0; i < 6; i++) {
        char id[8];
        snprintf(id, sizeof id, "s%d", i);
        assert_int_equal(put(f, id, "2022-05-12", "BBC", &sep[i], 1), DYAD_STORE_ADDED);
    }
    assert_int_equal(count_all(f), 7);
    got g;
    dyad_store_filter flt = { .order = DYAD_ORDER_ID };
    assert_int_equal(first(f, flt, &g), 1);
    assert_int_equal(g.nm, 4);
    assert_int_equal(g.na, 4);
    assert_int_equal(g.ns, 3);              /* Reuters, AP, example.org (URL host) */
    assert_int_equal(g.fat, 12);            /* 10, 12, 12: the most reported */
    assert_int_equal(g.fmin, 10);
    assert_int_equal(g.fmax, 12);
    assert_string_equal(g.date, "2022-05-10");
    assert_string_equal(g.code, "190");
    /* the same event twice in one article: two mentions, one article */
    dyad_event twice[2] = { sep[1], sep[1] };
    twice[1].sentence = 3;
    assert_int_equal(put(f, "t2", "2022-05-12", "BBC", twice, 2), DYAD_STORE_ADDED);
    dyad_store_filter kyiv = { .place = "KYIV" };
    assert_int_equal(first(f, kyiv, &g), 1);
    assert_int_equal(g.nm, 3);
    assert_int_equal(g.na, 2);
    assert_int_equal(g.ns, 1);
    /* replacing g1 recomputes the group: 12, 12 left, range 12..12 */
    dyad_article a = { .id = "g1", .date = "2022-05-10", .text = "new text", .text_len = 8 };
    assert_int_equal(dyad_store_put_article(f->s, &a, NULL, 0, NULL), DYAD_OK);
    assert_int_equal(first(f, flt, &g), 1);
    assert_int_equal(g.nm, 3);
    assert_int_equal(g.fat, 12);
    assert_int_equal(g.fmin, 12);
}

static void add_corpus(fx *f)
{
    dyad_event e[8] = {
        mk("2020-01-01", "USAGOV", "CHNGOV", "042"),
        mk("2020-01-02", "CHNGOV", "USAGOV", "0311"),
        mk("2020-01-15", "AZEMIL", "ARMMIL", "190"),
        mk("2020-02-03", "ARMMIL", "AZEMIL", "190"),
        mk("2020-02-03", "RUS", "UKR", "1721"),
        mk("2020-03-30", "UKRMIL", "RUSMIL", "183"),
        mk("2020-03-31", "FRA", "DEU", "057"),
        mk("2020-04-01", "IGOEUREEC", "BLRGOV", "163"),
    };
    loc(&e[2], "Stepanakert", "AZE", "city");
    e[2].fatalities = 5;
    e[3].fatalities = 2;
    e[2].text = "Azerbaijani forces shelled Stepanakert overnight.";
    e[3].text = "Armenian troops returned fire near the border.";
    for (int i = 0; i < 8; i++) {
        char id[8];
        snprintf(id, sizeof id, "c%d", i);
        assert_int_equal(put(f, id, e[i].date, i % 2 ? "AP" : "AFP", &e[i], 1), DYAD_STORE_ADDED);
    }
}

static void t_filters(void **state)
{
    fx *f = *state;
    add_corpus(f);
    struct { dyad_store_filter flt; long long want; } cases[] = {
        { { .actor = "USA" }, 2 },
        { { .actor = "AZEMIL" }, 2 },
        { { .source = "AZE" }, 1 },
        { { .target = "RUS" }, 1 },
        { { .country = "UKR" }, 2 },
        { { .dyad_a = "AZE", .dyad_b = "ARM" }, 2 },
        { { .dyad_a = "AZE", .dyad_b = "ARM", .directed = 1 }, 1 },
        { { .code = "19" }, 2 },
        { { .code = "031" }, 1 },
        { { .code = "0311" }, 1 },
        { { .root = "17" }, 1 },
        { { .quad = 4 }, 3 },
        { { .from = "2020-02-03", .to = "2020-03-31" }, 4 },
        { { .place = "stepanakert" }, 1 },
        { { .place_country = "AZE" }, 1 },
        { { .text = "shelled stepanakert" }, 1 },
        { { .text = "Stepanakert fire" }, 0 },
        { { .text = "\"quoted\" OR NEAR(" }, 0 },
        { { .article_id = "c3" }, 1 },
        { { .actor = "USA", .quad = 1 }, 2 },
        { { .actor = "USA", .root = "03" }, 1 },
        { { .actor = "ZZZ" }, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        long long n = count(f, &cases[i].flt);
        if (n != cases[i].want) fail_msg("filter case %zu: %lld events, want %lld", i, n, cases[i].want);
        /* the iterator agrees with the count */
        dyad_store_iter *it = dyad_store_query(f->s, &cases[i].flt);
        assert_non_null(it);
        const dyad_store_event *e;
        long long k = 0;
        while (dyad_store_next(it, &e) == 1) k++;
        dyad_store_iter_free(it);
        assert_int_equal(k, cases[i].want);
    }
    got g;
    dyad_store_filter newest = { 0 };
    assert_int_equal(first(f, newest, &g), 1);
    assert_string_equal(g.date, "2020-04-01");
    dyad_store_filter oldest = { .order = DYAD_ORDER_DATE_ASC, .offset = 1 };
    assert_int_equal(first(f, oldest, &g), 1);
    assert_string_equal(g.date, "2020-01-02");
    dyad_store_filter lim = { .limit = 3, .offset = 6 };
    dyad_store_iter *it = dyad_store_query(f->s, &lim);
    const dyad_store_event *e;
    int n = 0;
    while (dyad_store_next(it, &e) == 1) n++;
    dyad_store_iter_free(it);
    assert_int_equal(n, 2);
}

static void t_paging(void **state)
{
    fx *f = *state;
    /* 1300 events over 40 days: more than two pages of the iterator */
    assert_int_equal(dyad_store_begin(f->s), DYAD_OK);
    for (int i = 0; i < 1300; i++) {
        char date[11], id[16], src[8];
        snprintf(date, sizeof date, "2021-01-%02d", 1 + i % 28);
        snprintf(id, sizeof id, "p%d", i);
        snprintf(src, sizeof src, "A%02d", i / 28);
        dyad_event e = mk(date, src, "BBB", "010");
        assert_int_equal(put(f, id, date, "m", &e, 1), DYAD_STORE_ADDED);
    }
    assert_int_equal(dyad_store_commit(f->s), DYAD_OK);
    dyad_store_order orders[] = { DYAD_ORDER_DATE_DESC, DYAD_ORDER_DATE_ASC, DYAD_ORDER_MENTIONS, DYAD_ORDER_ID };
    for (int o = 0; o < 8; o++) {
        /* the second round filters on "either side" (the two-branch query) */
        dyad_store_filter flt = { .order = orders[o % 4], .with_mentions = 1, .actor = o >= 4 ? "BBB" : NULL };
        dyad_store_iter *it = dyad_store_query(f->s, &flt);
        assert_non_null(it);
        const dyad_store_event *e;
        char last[11] = "";
        long long last_id = 0;
        unsigned char *seen = calloc(1400, 1);
        int n = 0;
        while (dyad_store_next(it, &e) == 1) {
            n++;
            assert_true(e->stats.event_id > 0 && e->stats.event_id < 1400);
            assert_false(seen[e->stats.event_id]);
            seen[e->stats.event_id] = 1;
            assert_int_equal(e->nmentions, 1);
            assert_string_equal(e->mentions[0].ev.source, e->ev.source);
            if (last[0] && orders[o % 4] == DYAD_ORDER_DATE_ASC) assert_true(strcmp(last, e->ev.date) <= 0);
            if (last[0] && orders[o % 4] == DYAD_ORDER_DATE_DESC) assert_true(strcmp(last, e->ev.date) >= 0);
            if (orders[o % 4] == DYAD_ORDER_ID) assert_true(e->stats.event_id > last_id);
            memcpy(last, e->ev.date, 11);
            last_id = e->stats.event_id;
        }
        dyad_store_iter_free(it);
        free(seen);
        assert_int_equal(n, 1300);
    }
}

/* "Either side" filters (actor, country, undirected dyad) run as two
 * branches merged by a UNION: every event once, in order, offsets right. */
static void t_either_side(void **state)
{
    fx *f = *state;
    const char *pairs[3][2] = { { "USAGOV", "CHNGOV" }, { "CHNGOV", "USAMIL" }, { "USAGOV", "USAMIL" } };
    char dates[30][11];
    assert_int_equal(dyad_store_begin(f->s), DYAD_OK);
    for (int i = 0; i < 30; i++) {
        char id[8];
        snprintf(dates[i], sizeof dates[i], "2020-%02d-%02d", 1 + i / 28, 1 + i % 28);
        snprintf(id, sizeof id, "e%d", i);
        dyad_event e = mk(dates[i], pairs[i % 3][0], pairs[i % 3][1], "042");
        assert_int_equal(put(f, id, dates[i], "m", &e, 1), DYAD_STORE_ADDED);
    }
    assert_int_equal(dyad_store_commit(f->s), DYAD_OK);
    struct { dyad_store_filter flt; int n, first; } cases[] = {
        { { .actor = "USA", .order = DYAD_ORDER_DATE_DESC }, 30, 29 },
        { { .actor = "USA", .order = DYAD_ORDER_DATE_ASC, .limit = 7, .offset = 5 }, 7, 5 },
        { { .country = "CHN", .order = DYAD_ORDER_DATE_ASC }, 20, 0 },
        { { .dyad_a = "USA", .dyad_b = "CHN", .order = DYAD_ORDER_DATE_DESC, .offset = 2 }, 18, 25 },
        { { .dyad_a = "USA", .dyad_b = "USA", .order = DYAD_ORDER_DATE_DESC }, 10, 29 },
        { { .actor = "USAMIL", .order = DYAD_ORDER_DATE_ASC, .limit = 3 }, 3, 1 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        dyad_store_iter *it = dyad_store_query(f->s, &cases[k].flt);
        assert_non_null(it);
        const dyad_store_event *e;
        int n = 0;
        char prev[11] = "";
        while (dyad_store_next(it, &e) == 1) {
            if (n == 0 && strcmp(e->ev.date, dates[cases[k].first]))
                fail_msg("case %zu: first event dated %s, want %s", k, e->ev.date, dates[cases[k].first]);
            if (prev[0] && !strcmp(prev, e->ev.date)) fail_msg("case %zu: %s twice", k, prev);
            memcpy(prev, e->ev.date, 11);
            n++;
        }
        dyad_store_iter_free(it);
        if (n != cases[k].n) fail_msg("case %zu: %d events, want %d", k, n, cases[k].n);
        long long c = 0;
        cases[k].flt.limit = cases[k].flt.offset = 0;
        assert_int_equal(dyad_store_count(f->s, &cases[k].flt, &c), DYAD_OK);
        assert_true(c >= n);
    }
}

typedef struct pts { dyad_store_point p[64]; int n; } pts;

static int on_point(const dyad_store_point *p, void *user)
{
    pts *s = user;
    if (s->n < 64) s->p[s->n++] = *p;
    return 0;
}

static void t_series(void **state)
{
    fx *f = *state;
    add_corpus(f);
    pts s = { .n = 0 };
    dyad_store_filter flt = { 0 };
    assert_int_equal(dyad_store_series(f->s, &flt, DYAD_BY_MONTH, on_point, &s), DYAD_OK);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.p[0].period, "2020-01-01");
    assert_int_equal(s.p[0].events, 3);
    assert_int_equal(s.p[0].quad[1], 2);
    assert_int_equal(s.p[0].quad[4], 1);
    assert_int_equal(s.p[0].fatalities, 5);
    assert_true(s.p[0].goldstein_sum == 3.5 + 3.5 - 10);
    assert_string_equal(s.p[3].period, "2020-04-01");
    s.n = 0;
    dyad_store_filter dy = { .dyad_a = "AZE", .dyad_b = "ARM", .from = "2020-01-10", .to = "2020-02-29" };
    assert_int_equal(dyad_store_series(f->s, &dy, DYAD_BY_WEEK, on_point, &s), DYAD_OK);
    /* Mondays from the week of Jan 10 (Jan 6) to the week of Feb 29 (Feb 24), gaps as zeros */
    assert_int_equal(s.n, 8);
    assert_string_equal(s.p[0].period, "2020-01-06");
    assert_int_equal(s.p[0].events, 0);
    assert_string_equal(s.p[1].period, "2020-01-13");
    assert_int_equal(s.p[1].events, 1);
    assert_true(s.p[1].goldstein_mean == -10);
    assert_string_equal(s.p[4].period, "2020-02-03");
    assert_int_equal(s.p[4].events, 1);
    assert_int_equal(s.p[4].fatalities, 2);
    assert_string_equal(s.p[7].period, "2020-02-24");
    s.n = 0;
    dyad_store_filter day = { .from = "2020-03-30", .to = "2020-04-01" };
    assert_int_equal(dyad_store_series(f->s, &day, DYAD_BY_DAY, on_point, &s), DYAD_OK);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.p[2].period, "2020-04-01");
    /* "either side" filters are summed as source side + target side - both
     * sides: an event with the country on both sides counts once, as in
     * dyad_store_count */
    dyad_event both = mk("2020-03-30", "RUSGOV", "RUSMIL", "111");
    assert_int_equal(put(f, "both-sides", both.date, "AP", &both, 1), DYAD_STORE_ADDED);
    dyad_store_filter eith[] = { { .country = "RUS" }, { .actor = "RUSMIL" }, { .actor = "RUS" },
                                 { .dyad_a = "UKR", .dyad_b = "RUS" }, { .country = "UKR", .root = "18" } };
    for (size_t k = 0; k < sizeof eith / sizeof *eith; k++) {
        s.n = 0;
        assert_int_equal(dyad_store_series(f->s, &eith[k], DYAD_BY_MONTH, on_point, &s), DYAD_OK);
        long long sum = 0, want = -1;
        for (int i = 0; i < s.n; i++) sum += s.p[i].events;
        assert_int_equal(dyad_store_count(f->s, &eith[k], &want), DYAD_OK);
        if (sum != want) fail_msg("filter %zu: series sums to %lld events, count says %lld", k, sum, want);
    }
    s.n = 0;
    assert_int_equal(dyad_store_series(f->s, &eith[0], DYAD_BY_DAY, on_point, &s), DYAD_OK);
    assert_string_equal(s.p[s.n - 1].period, "2020-03-30");
    assert_int_equal(s.p[s.n - 1].events, 2);          /* UKRMIL->RUSMIL and RUSGOV->RUSMIL */
    assert_int_equal(s.p[s.n - 1].quad[3] + s.p[s.n - 1].quad[4], 2);
}

typedef struct dys { char s[8][16], t[8][16]; long long ev[8]; double c[8]; int n; } dys;

static int on_dyad(const dyad_store_dyad *d, void *user)
{
    dys *x = user;
    if (x->n < 8) {
        snprintf(x->s[x->n], 16, "%s", d->source);
        snprintf(x->t[x->n], 16, "%s", d->target);
        x->ev[x->n] = d->events;
        x->c[x->n] = d->conflict;
        x->n++;
    }
    return 0;
}

typedef struct acts { char code[8][16], name[8][32]; long long ev[8]; int n; } acts;

static int on_actor(const dyad_store_actor *a, void *user)
{
    acts *x = user;
    if (x->n < 8) {
        snprintf(x->code[x->n], 16, "%s", a->code);
        snprintf(x->name[x->n], 32, "%s", a->name);
        x->ev[x->n++] = a->events;
    }
    return 0;
}

static void t_top_actors(void **state)
{
    fx *f = *state;
    add_corpus(f);
    dyad_event more = mk("2020-05-01", "AZEGOV", "ARMGOV", "111");
    more.source_name = "Baku";
    assert_int_equal(put(f, "m1", "2020-05-01", "AP", &more, 1), DYAD_STORE_ADDED);
    dys d = { .n = 0 };
    dyad_store_filter flt = { 0 };
    assert_int_equal(dyad_store_top_dyads(f->s, &flt, DYAD_TOP_COUNT, 1, 3, on_dyad, &d), DYAD_OK);
    assert_int_equal(d.n, 3);
    assert_string_equal(d.s[0], "AZE");
    assert_string_equal(d.t[0], "ARM");
    assert_int_equal(d.ev[0], 2);
    d.n = 0;
    assert_int_equal(dyad_store_top_dyads(f->s, &flt, DYAD_TOP_CONFLICT, 0, 2, on_dyad, &d), DYAD_OK);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.s[0], "ARMMIL");      /* ties at 10: code order */
    assert_true(d.c[0] == 10);
    assert_string_equal(d.s[1], "AZEMIL");
    acts a = { .n = 0 };
    assert_int_equal(dyad_store_actors(f->s, "aze", 5, on_actor, &a), DYAD_OK);
    assert_int_equal(a.n, 2);
    assert_string_equal(a.code[0], "AZEMIL");
    assert_int_equal(a.ev[0], 2);
    assert_string_equal(a.code[1], "AZEGOV");
    a.n = 0;
    assert_int_equal(dyad_store_actors(f->s, "bak", 5, on_actor, &a), DYAD_OK);
    assert_int_equal(a.n, 1);
    assert_string_equal(a.name[0], "Baku");
    a.n = 0;
    assert_int_equal(dyad_store_actors(f->s, "%", 5, on_actor, &a), DYAD_OK);
    assert_int_equal(a.n, 0);
}

static void t_readonly(void **state)
{
    fx *f = *state;
    add_corpus(f);
    char err[512];
    dyad_store *ro = dyad_store_open(f->db, DYAD_STORE_READONLY, err, sizeof err);
    assert_non_null(ro);
    dyad_store_filter flt = { 0 };
    long long n = 0;
    assert_int_equal(dyad_store_count(ro, &flt, &n), DYAD_OK);
    assert_int_equal(n, 8);
    dyad_event e = mk("2020-01-01", "USA", "CHN", "042");
    dyad_article a = { .id = "ro", .date = "2020-01-01" };
    assert_int_not_equal(dyad_store_put_article(ro, &a, &e, 1, NULL), DYAD_OK);
    assert_true(strlen(dyad_store_error(ro)) > 0);
    dyad_store_close(ro);
    assert_int_equal(count_all(f), 8);
    /* a database from another schema version is refused with a message */
    assert_int_equal(dyad_store_set_meta(f->s, "schema_version", "99"), DYAD_OK);
    ro = dyad_store_open(f->db, 0, err, sizeof err);
    assert_null(ro);
    assert_non_null(strstr(err, "schema version 99"));
}

static void t_hash(void **state)
{
    (void)state;
    dyad_article a = { .id = "h", .date = "2020-01-01", .text = "abc", .text_len = 3 };
    dyad_event e = mk("2020-01-01", "USA", "CHN", "042");
    char h1[33], h2[33], h3[33];
    dyad_store_content_hash(&a, &e, 1, h1);
    dyad_store_content_hash(&a, &e, 1, h2);
    assert_string_equal(h1, h2);
    e.fatalities = 3;
    dyad_store_content_hash(&a, &e, 1, h3);
    assert_string_not_equal(h1, h3);
    a.title = "";
    dyad_store_content_hash(&a, &e, 1, h2);
    assert_string_not_equal(h2, h3);
    assert_int_equal(strlen(h1), 32);
}

static void t_dates(void **state)
{
    (void)state;
    char d[11];
    assert_int_equal(dyad_st_days("1970-01-01"), 0);
    assert_int_equal(dyad_st_days("1969-12-31"), -1);
    assert_int_equal(dyad_st_days("2000-03-01") - dyad_st_days("2000-02-28"), 2);     /* leap */
    assert_int_equal(dyad_st_days("1900-03-01") - dyad_st_days("1900-02-28"), 1);     /* not leap */
    assert_int_equal(dyad_st_days("2021-02-29"), DYAD_ST_BAD_DAY);
    assert_int_equal(dyad_st_days("2021-1-05"), DYAD_ST_BAD_DAY);
    assert_int_equal(dyad_st_days("2021-01-055"), DYAD_ST_BAD_DAY);
    dyad_st_date(dyad_st_days("2024-12-31") + 1, d);
    assert_string_equal(d, "2025-01-01");
    dyad_st_date(dyad_st_bucket(dyad_st_days("2024-01-07"), 1), d);     /* a Sunday */
    assert_string_equal(d, "2024-01-01");
    dyad_st_date(dyad_st_bucket(dyad_st_days("1965-06-15"), 1), d);
    assert_string_equal(d, "1965-06-14");
    dyad_st_date(dyad_st_bucket_next(dyad_st_bucket(dyad_st_days("2023-12-20"), 2), 2), d);
    assert_string_equal(d, "2024-01-01");
}

/* ---- PostgreSQL discovery --------------------------------------------- */

/* Run sql on the server's "postgres" database (the URI's last path part replaced). */
static int pg_admin(const char *server_uri, const char *sql)
{
    char admin[600];
    const char *slash = strrchr(server_uri, '/');
    snprintf(admin, sizeof admin, "%.*s/postgres", slash ? (int)(slash - server_uri) : 0, server_uri);
    PGconn *c = PQconnectdb(admin);
    int ok = PQstatus(c) == CONNECTION_OK;
    if (ok) {
        PGresult *r = PQexec(c, sql);
        ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok) fprintf(stderr, "%s: %s", sql, PQresultErrorMessage(r));
        PQclear(r);
    }
    PQfinish(c);
    return ok;
}

/* Our own database on the server (so other suites' data is never touched). */
static void pg_own_db(void)
{
    if (!pg_uri[0]) return;
    if (!pg_admin(pg_uri, "DROP DATABASE IF EXISTS dyad_store_unit") ||
        !pg_admin(pg_uri, "CREATE DATABASE dyad_store_unit")) {
        printf("# cannot create a test database on %s: the PostgreSQL tests are skipped\n", pg_uri);
        pg_uri[0] = '\0';
        return;
    }
    char *slash = strrchr(pg_uri, '/');
    if (slash) snprintf(slash, sizeof pg_uri - (size_t)(slash - pg_uri), "/dyad_store_unit");
}

static void pg_find(void)
{
    const char *env = getenv("DYAD_PG_URI");
    if (env && *env) { snprintf(pg_uri, sizeof pg_uri, "%s", env); return; }
    snprintf(pg_dir, sizeof pg_dir, "/tmp/dyad-pg-unit-%d", (int)getpid());
    char cmd[512];
    snprintf(cmd, sizeof cmd, "DYAD_PG_DIR=%s DYAD_PG_PORT=%d bash -c "
             "'source scripts/pg-test-cluster start >/dev/null 2>&1; echo \"$DYAD_PG_URI\"'",
             pg_dir, 30000 + (int)getpid() % 20000);
    FILE *p = popen(cmd, "r");
    if (p) {
        if (!fgets(pg_uri, sizeof pg_uri, p)) pg_uri[0] = '\0';
        pclose(p);
    }
    pg_uri[strcspn(pg_uri, "\n")] = '\0';
    if (!pg_uri[0]) {
        printf("# PostgreSQL is not installed (or scripts/pg-test-cluster failed): "
               "the PostgreSQL tests are skipped\n");
        pg_dir[0] = '\0';
    }
}

static void pg_stop(void)
{
    if (pg_uri[0]) pg_admin(pg_uri, "DROP DATABASE IF EXISTS dyad_store_unit");
    if (!pg_dir[0]) return;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "DYAD_PG_DIR=%s scripts/pg-test-cluster stop >/dev/null 2>&1", pg_dir);
    if (system(cmd) != 0) fprintf(stderr, "pg-test-cluster stop failed\n");
}

#define TESTS(SETUP) { \
    cmocka_unit_test_setup_teardown(t_meta_info, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_roundtrip, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_idempotent_replace, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_atomic_article, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_grouping, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_filters, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_paging, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_either_side, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_series, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_top_actors, SETUP, teardown), \
    cmocka_unit_test_setup_teardown(t_readonly, SETUP, teardown), \
    cmocka_unit_test(t_hash), \
    cmocka_unit_test(t_dates) }

int main(void)
{
    const struct CMUnitTest sqlite_tests[] = TESTS(setup_sqlite);
    int failed = cmocka_run_group_tests_name("store_sqlite", sqlite_tests, NULL, NULL);
    pg_find();
    pg_own_db();
    if (pg_uri[0]) {
        const struct CMUnitTest pg_tests[] = TESTS(setup_pg);
        failed += cmocka_run_group_tests_name("store_postgresql", pg_tests, NULL, NULL);
    }
    pg_stop();
    return failed;
}
