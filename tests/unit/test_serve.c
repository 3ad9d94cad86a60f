/*
 * test_serve.c — the HTTP API with real HTTP requests over loopback.
 *
 * A SQLite store is filled with a small known set of events, a real server
 * is started on a free loopback port, and every endpoint and error path is
 * exercised with plain sockets (so the test sees exactly what a client sees:
 * status line, headers, body).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "serve/serve.h"

typedef struct fixture {
    char dir[64], db[96], web[96];
    dyad_server *srv;
    int port;
} fixture;

/* ---- a tiny HTTP client ------------------------------------------------ */

typedef struct reply { int status; char *head; char *body; } reply;

static void reply_free(reply *r) { free(r->head); free(r->body); }

static int connect_to(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = { 10, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    return fd;
}

static void send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return;            /* the server may close early (413) */
        p += w;
        n -= (size_t)w;
    }
}

static reply read_reply(int fd)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    ssize_t n;
    while ((n = recv(fd, buf + len, cap - len - 1, 0)) > 0) {
        len += (size_t)n;
        if (cap - len < 2) buf = realloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    close(fd);
    reply r = { 0, NULL, NULL };
    sscanf(buf, "HTTP/1.%*d %d", &r.status);
    char *sep = strstr(buf, "\r\n\r\n");
    r.head = strndup(buf, sep ? (size_t)(sep - buf) : len);
    r.body = strdup(sep ? sep + 4 : "");
    free(buf);
    return r;
}

static reply http(int port, const char *method, const char *path, const char *body, size_t blen)
{
    int fd = connect_to(port);
    char head[1024];
    int n = snprintf(head, sizeof head,
                     "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                     method, path, body ? blen : 0);
    send_all(fd, head, (size_t)n);
    if (body) send_all(fd, body, blen);
    return read_reply(fd);
}

static reply get(int port, const char *path) { return http(port, "GET", path, NULL, 0); }

/* ---- fixture: a store with known events -------------------------------- */

static dyad_event event(const char *src, const char *tgt, const char *code, const char *date,
                        int fatalities, const char *text)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.source = src; e.source_name = src;
    e.target = tgt; e.target_name = tgt;
    snprintf(e.code, sizeof e.code, "%s", code);
    snprintf(e.root, sizeof e.root, "%.2s", code);
    e.quad = atoi(e.root) <= 5 ? 1 : atoi(e.root) <= 8 ? 2 : atoi(e.root) <= 14 ? 3 : 4;
    e.goldstein = e.quad <= 2 ? 3.0 : -5.0;
    e.plover = e.quad <= 2 ? "CONSULT" : "ASSAULT";
    snprintf(e.date, sizeof e.date, "%s", date);
    e.date_from = "text";
    e.date_precision = "day";
    e.fatalities = fatalities;
    e.injured = -1;
    e.text = text;
    e.rule = "data/verbs/test.txt:1";
    e.source_span = e.target_span = e.verb_span = (dyad_span){ -1, -1 };
    return e;
}

static void fill(const char *db)
{
    char err[512];
    dyad_store *s = dyad_store_open(db, 0, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(dyad_store_begin(s), DYAD_OK);
    /* 12 RUS->UKR attacks in 2022, 3 USA<->CHN meetings in 2023, 1 ARM->AZE accusation */
    for (int i = 0; i < 12; i++) {
        char id[16], date[11];
        snprintf(id, sizeof id, "ru%02d", i);
        snprintf(date, sizeof date, "2022-%02d-15", 1 + i % 12);
        dyad_event e = event("RUSMIL", "UKR", "190", date, i, "Russian forces attacked Ukraine.");
        dyad_article a = { .id = id, .date = date, .text = "Russian forces attacked Ukraine.",
                           .text_len = 32, .source = "wire", .url = "http://example.org/a" };
        assert_int_equal(dyad_store_put_article(s, &a, &e, 1, NULL), DYAD_OK);
    }
    for (int i = 0; i < 3; i++) {
        char id[16], date[11];
        snprintf(id, sizeof id, "us%02d", i);
        snprintf(date, sizeof date, "2023-0%d-10", 3 + i);
        dyad_event e[2] = { event("USAGOV", "CHNGOV", "040", date, -1, "Biden met Xi in Bali."),
                            event("CHNGOV", "USAGOV", "040", date, -1, "Biden met Xi in Bali.") };
        dyad_article a = { .id = id, .date = date, .text = "Biden met Xi in Bali.", .text_len = 21 };
        assert_int_equal(dyad_store_put_article(s, &a, e, 2, NULL), DYAD_OK);
    }
    dyad_event e = event("ARMGOV", "AZE", "112", "2023-09-20", -1, "Pashinyan accused Azerbaijan.");
    dyad_article a = { .id = "am01", .date = "2023-09-20", .text = "Pashinyan accused Azerbaijan.", .text_len = 29 };
    assert_int_equal(dyad_store_put_article(s, &a, &e, 1, NULL), DYAD_OK);
    assert_int_equal(dyad_store_commit(s), DYAD_OK);
    dyad_store_close(s);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/dyad-serve-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/test.db", f->dir);
    snprintf(f->web, sizeof f->web, "%s/web", f->dir);
    mkdir(f->web, 0755);
    char p[160];
    snprintf(p, sizeof p, "%s/index.html", f->web);
    FILE *fp = fopen(p, "w");
    fputs("<!doctype html><title>dyad</title>", fp);
    fclose(fp);
    snprintf(p, sizeof p, "%s/secret.txt", f->dir);      /* outside web/ */
    fp = fopen(p, "w");
    fputs("secret", fp);
    fclose(fp);
    fill(f->db);
    char err[512];
    dyad_server_opts o = { .db = f->db, .listen = "127.0.0.1:0", .web_dir = f->web,
                           .threads = 2, .max_body = 4096, .timeout_s = 1 };
    f->srv = dyad_server_start(&o, err, sizeof err);
    if (!f->srv) fail_msg("server: %s", err);
    f->port = dyad_server_port(f->srv);
    assert_true(f->port > 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_server_stop(f->srv);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

#define PORT (((fixture *)*state)->port)

static void expect(void **state, const char *path, int status, const char *needle)
{
    reply r = get(PORT, path);
    if (r.status != status || (needle && !strstr(r.body, needle)))
        fail_msg("GET %s: status %d (want %d), body %s (want '%s')", path, r.status, status,
                 r.body, needle ? needle : "");
    reply_free(&r);
}

/* ---- endpoints --------------------------------------------------------- */

static void test_health(void **state)
{
    expect(state, "/api/health", 200, "\"events\":");
    reply r = get(PORT, "/api/health");
    assert_non_null(strstr(r.head, "application/json"));
    assert_non_null(strstr(r.body, "\"articles\":16"));
    reply_free(&r);
}

static void test_events_filters(void **state)
{
    expect(state, "/api/events?country=RUS&limit=100", 200, "\"code\":\"190\"");
    reply r = get(PORT, "/api/events?dyad=USA,CHN");
    assert_null(strstr(r.body, "RUSMIL"));
    assert_non_null(strstr(r.body, "\"mentions\":[{"));
    reply_free(&r);
    r = get(PORT, "/api/events?root=11");
    assert_non_null(strstr(r.body, "ARMGOV"));
    assert_null(strstr(r.body, "USAGOV"));
    reply_free(&r);
    r = get(PORT, "/api/events?quad=4&from=2022-03-01&to=2022-03-31");
    assert_non_null(strstr(r.body, "2022-03-15"));
    assert_null(strstr(r.body, "2022-04-15"));
    reply_free(&r);
    r = get(PORT, "/api/events?limit=2&offset=1&country=RUS");
    int n = 0;
    for (const char *p = r.body; (p = strstr(p, "\"article_id\":\"ru")); p++) n++;
    assert_true(n >= 2);                /* the event and its mention each name the article */
    reply_free(&r);
}

static void test_series(void **state)
{
    reply r = get(PORT, "/api/series?country=RUS&by=month");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"period\":\"2022-01\""));
    assert_non_null(strstr(r.body, "\"period\":\"2022-12\""));
    assert_non_null(strstr(r.body, "\"quad4\":1"));
    reply_free(&r);
    expect(state, "/api/series?by=week&dyad=USA,CHN", 200, "-W");
}

static void test_dyads_countries_actors(void **state)
{
    expect(state, "/api/dyads?order=count", 200, "{\"source\":\"RUS\",\"target\":\"UKR\",\"events\":12");
    expect(state, "/api/dyads?order=conflict&limit=1", 200, "\"source\":\"RUS\"");
    expect(state, "/api/countries", 200, "{\"country\":\"UKR\",\"events\":12");
    expect(state, "/api/actors?q=ARM", 200, "\"code\":\"ARMGOV\"");
}

static void test_bad_parameters(void **state)
{
    expect(state, "/api/events?quad=9", 400, "'quad'");
    expect(state, "/api/events?from=2022-13-01", 400, "'from'");
    expect(state, "/api/events?country=ru", 400, "'country'");
    expect(state, "/api/events?limit=5000", 400, "'limit'");
    expect(state, "/api/events?dyad=RUS", 400, "'dyad'");
    expect(state, "/api/events?root=33", 400, "'root'");
    expect(state, "/api/events?from=2023-01-01&to=2022-01-01", 400, "'from'");
    expect(state, "/api/series?by=year", 400, "'by'");
    expect(state, "/api/dyads?order=best", 400, "'order'");
    expect(state, "/api/actors", 400, "'q'");
    expect(state, "/api/nothing", 404, "no such endpoint");
}

static void test_sql_stays_data(void **state)
{
    expect(state, "/api/events?text=%27%3B%20DROP%20TABLE%20events%3B%20--", 200, "\"events\":[");
    expect(state, "/api/actors?q=%25%27%20OR%201%3D1%20--", 200, "\"actors\":[");
    expect(state, "/api/health", 200, "\"events\":");
}

static void test_methods(void **state)
{
    reply r = http(PORT, "DELETE", "/api/events", NULL, 0);
    assert_int_equal(r.status, 405);
    reply_free(&r);
    r = http(PORT, "POST", "/api/events", "{}", 2);
    assert_int_equal(r.status, 405);
    reply_free(&r);
    expect(state, "/api/code", 405, "POST");
    r = http(PORT, "HEAD", "/api/health", NULL, 0);
    assert_int_equal(r.status, 200);
    reply_free(&r);
}

static void test_code_endpoint_limits(void **state)
{
    /* no coder loaded in this fixture: a well-formed request is 503 */
    reply r = http(PORT, "POST", "/api/code", "{\"id\":\"x\",\"date\":\"2022-01-01\",\"text\":\"Hi.\"}", 43);
    assert_int_equal(r.status, 503);
    reply_free(&r);
    size_t big = 10000;                 /* over the fixture's 4096-byte limit */
    char *body = malloc(big);
    memset(body, 'a', big);
    r = http(PORT, "POST", "/api/code", body, big);
    assert_int_equal(r.status, 413);
    reply_free(&r);
    free(body);
}

static void test_static_files(void **state)
{
    reply r = get(PORT, "/");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.head, "text/html"));
    assert_non_null(strstr(r.body, "<title>dyad</title>"));
    reply_free(&r);
    expect(state, "/index.html", 200, "dyad");
    expect(state, "/missing.js", 404, "not found");
    r = get(PORT, "/../secret.txt");
    assert_true(r.status == 403 || r.status == 404);
    assert_null(strstr(r.body, "secret"));
    reply_free(&r);
    r = get(PORT, "/%2e%2e/secret.txt");
    assert_true(r.status == 403 || r.status == 404);
    assert_null(strstr(r.body, "secret"));
    reply_free(&r);
    expect(state, "/.hidden", 403, "forbidden");
}

static void test_header_limit(void **state)
{
    int fd = connect_to(PORT);
    size_t n = 100 * 1024;
    char *h = malloc(n + 128);
    int k = snprintf(h, 128, "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ");
    memset(h + k, 'b', n);
    memcpy(h + k + n, "\r\n\r\n", 4);
    send_all(fd, h, (size_t)k + n + 4);
    reply r = read_reply(fd);
    assert_true(r.status == 0 || r.status >= 400);   /* refused or closed, never served */
    reply_free(&r);
    free(h);
}

static void test_slow_client_timeout(void **state)
{
    int fd = connect_to(PORT);
    send_all(fd, "GET /api/health HTTP/1.1\r\n", 26);   /* and then nothing */
    struct timeval t0, t1;
    gettimeofday(&t0, NULL);
    char c;
    ssize_t n = recv(fd, &c, 1, 0);     /* the server closes us after its 1 s timeout */
    gettimeofday(&t1, NULL);
    close(fd);
    assert_true(n <= 0);
    assert_true(t1.tv_sec - t0.tv_sec < 9);
}

static void test_listen_parsing(void **state)
{
    (void)state;
    char err[256];
    dyad_server_opts o = { .db = "/nonexistent/x.db", .listen = "nonsense" };
    assert_null(dyad_server_start(&o, err, sizeof err));
    assert_non_null(strstr(err, "nonsense"));
    o.listen = "127.0.0.1:0";
    assert_null(dyad_server_start(&o, err, sizeof err));   /* the database must exist */
}

/* ---- the response cache -------------------------------------------------- */

static int cached(const reply *r) { return strstr(r->head, "X-Cache: hit") != NULL; }

/* A repeated GET is answered from the cache, and a write to the database is
 * visible on the next request (the entry is invalidated, not served stale). */
static void test_cache_invalidation(void **state)
{
    fixture *f = *state;
    const char *path = "/api/events?country=FRA&limit=10";
    reply r1 = get(PORT, path), r2 = get(PORT, path);
    assert_int_equal(r1.status, 200);
    assert_false(cached(&r1));
    assert_true(cached(&r2));
    assert_string_equal(r1.body, r2.body);
    assert_null(strstr(r2.body, "FRAGOV"));
    reply h = get(PORT, "/api/health");             /* liveness: never cached */
    assert_null(strstr(h.head, "X-Cache"));
    reply_free(&h);
    reply s1 = get(PORT, "/api/series?country=FRA&by=month&from=2024-01-01&to=2024-03-31");
    assert_non_null(strstr(s1.body, "\"period\":\"2024-02\",\"start\":\"2024-02-01\",\"events\":0"));

    char err[512];
    dyad_store *st = dyad_store_open(f->db, 0, err, sizeof err);
    assert_non_null(st);
    dyad_event e = event("FRAGOV", "DEU", "040", "2024-02-02", -1, "Macron met Scholz.");
    dyad_article a = { .id = "fr01", .date = "2024-02-02", .text = "Macron met Scholz.", .text_len = 18 };
    assert_int_equal(dyad_store_put_article(st, &a, &e, 1, NULL), DYAD_OK);
    dyad_store_close(st);

    reply r3 = get(PORT, path), r4 = get(PORT, path);
    assert_false(cached(&r3));
    assert_non_null(strstr(r3.body, "FRAGOV"));
    assert_true(cached(&r4));
    assert_string_equal(r3.body, r4.body);
    reply s2 = get(PORT, "/api/series?country=FRA&by=month&from=2024-01-01&to=2024-03-31");
    assert_false(cached(&s2));
    assert_non_null(strstr(s2.body, "\"period\":\"2024-02\",\"start\":\"2024-02-01\",\"events\":1"));
    /* parameters are part of the key: another limit is another answer */
    reply r5 = get(PORT, "/api/events?country=FRA&limit=1");
    assert_false(cached(&r5));
    reply r6 = get(PORT, "/api/events?country=FRA&limit=10&limit2=x");
    assert_false(cached(&r6));
    reply_free(&r1); reply_free(&r2); reply_free(&r3); reply_free(&r4);
    reply_free(&r5); reply_free(&r6); reply_free(&s1); reply_free(&s2);
}

/* The bounds: entries beyond DYAD_CACHE_ENTRIES push out the least recently
 * used one; answers over DYAD_CACHE_MAX_BODY are not kept. */
static void test_cache_bounds(void **state)
{
    (void)state;
    dyad_cache *c = dyad_cache_new("postgresql://nowhere/x");   /* no files: TTL only */
    assert_non_null(c);
    dyad_cache_ver v;
    dyad_cache_version(c, &v);
    char key[32];
    for (int i = 0; i < DYAD_CACHE_ENTRIES; i++) {
        snprintf(key, sizeof key, "k%d", i);
        dyad_cache_put(c, key, &v, 200, key, strlen(key));
    }
    dyad_buf b;
    dyad_buf_init(&b);
    int status = 0;
    assert_true(dyad_cache_get(c, "k0", &b, &status));       /* k0 is now the most recent */
    assert_int_equal(status, 200);
    assert_string_equal(b.data, "k0");
    dyad_cache_put(c, "new", &v, 200, "x", 1);              /* full: k1 (least recent) goes */
    dyad_buf_clear(&b);
    assert_false(dyad_cache_get(c, "k1", &b, &status));
    assert_true(dyad_cache_get(c, "k0", &b, &status));
    assert_true(dyad_cache_get(c, "new", &b, &status));
    char *big = calloc(DYAD_CACHE_MAX_BODY + 1, 1);
    dyad_cache_put(c, "big", &v, 200, big, DYAD_CACHE_MAX_BODY + 1);
    assert_false(dyad_cache_get(c, "big", &b, &status));
    free(big);
    dyad_buf_free(&b);
    dyad_cache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_health),
        cmocka_unit_test(test_events_filters),
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_dyads_countries_actors),
        cmocka_unit_test(test_bad_parameters),
        cmocka_unit_test(test_sql_stays_data),
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_code_endpoint_limits),
        cmocka_unit_test(test_static_files),
        cmocka_unit_test(test_header_limit),
        cmocka_unit_test(test_slow_client_timeout),
        cmocka_unit_test(test_listen_parsing),
        cmocka_unit_test(test_cache_invalidation),     /* writes to the store: keep last */
        cmocka_unit_test(test_cache_bounds),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
