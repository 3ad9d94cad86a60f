/*
 * test_read.c — the article reader: JSON Lines, text headers, compression,
 * directories, stdin and every error path (each must name file:line and let
 * the stream go on).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "io/io.h"

/* ---- helpers ----------------------------------------------------------- */

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-test-read-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path(const char *name)
{
    static char p[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(p[k], sizeof p[k], "%s/%s", tmpdir, name);
    return p[k];
}

static void put(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(path(name), "wb");
    assert_non_null(f);
    if (n) assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void puts_file(const char *name, const char *s) { put(name, s, strlen(s)); }

/* Everything the reader produced, flattened to one string per event:
 * "A id|date|text|line" for articles, "E message" for errors. */
typedef struct results {
    char *items[64];
    int n, articles, errors;
} results;

static void collect(results *r, const char *const *paths, int np, const dyad_read_opts *o)
{
    memset(r, 0, sizeof *r);
    dyad_reader *rd = dyad_reader_open(paths, np, o);
    assert_non_null(rd);
    dyad_article a;
    int rc;
    while ((rc = dyad_reader_next(rd, &a)) != 0) {
        char buf[2048];
        if (rc > 0) {
            snprintf(buf, sizeof buf, "A %s|%s|%.*s|%ld", a.id, a.date, (int)a.text_len, a.text, a.line);
            r->articles++;
        } else {
            snprintf(buf, sizeof buf, "E %s", dyad_reader_error(rd));
            r->errors++;
        }
        assert_true(r->n < 64);
        r->items[r->n++] = strdup(buf);
    }
    long nr, ns;
    dyad_reader_counts(rd, &nr, &ns);
    assert_int_equal(nr, r->articles);
    assert_int_equal(ns, r->errors);
    dyad_reader_close(rd);
}

static void free_results(results *r)
{
    for (int i = 0; i < r->n; i++) free(r->items[i]);
}

static void read1(results *r, const char *name, const dyad_read_opts *o)
{
    const char *p[1] = { path(name) };
    collect(r, p, 1, o);
}

/* items[i] contains s */
static void has(const results *r, int i, const char *s)
{
    assert_true(i < r->n);
    if (!strstr(r->items[i], s)) fail_msg("item %d \"%s\" lacks \"%s\"", i, r->items[i], s);
}

/* ---- JSON Lines ------------------------------------------------------- */

static void test_jsonl_ok(void **state)
{
    (void)state;
    puts_file("a.jsonl",
              "{\"id\":\"a1\",\"date\":\"2022-11-01\",\"text\":\"Troops clashed.\",\"title\":\"T\",\"url\":null}\n"
              "\n   \n"
              "{\"id\":42,\"date\":\"2024-02-29\",\"text\":\"Leap day.\",\"source\":\"AP\"}\r\n"
              "{\"id\":\"a3\",\"date\":\"2022-11-03\",\"text\":\"No newline at end\"}");
    results r;
    read1(&r, "a.jsonl", NULL);
    assert_int_equal(r.n, 3);
    has(&r, 0, "A a1|2022-11-01|Troops clashed.|1");
    has(&r, 1, "A 42|2024-02-29|Leap day.|4");
    has(&r, 2, "A a3|2022-11-03|No newline at end|5");
    free_results(&r);
}

static void test_jsonl_fields(void **state)
{
    (void)state;
    puts_file("f.jsonl", "{\"id\":\"x\",\"date\":\"2022-11-01\",\"text\":\"t\",\"title\":\"Ti\",\"url\":\"http://u\",\"source\":\"S\"}\n");
    const char *p[1] = { path("f.jsonl") };
    dyad_reader *rd = dyad_reader_open(p, 1, NULL);
    dyad_article a;
    assert_int_equal(dyad_reader_next(rd, &a), 1);
    assert_string_equal(a.title, "Ti");
    assert_string_equal(a.url, "http://u");
    assert_string_equal(a.source, "S");
    assert_string_equal(a.file, p[0]);
    assert_int_equal(a.line, 1);
    assert_int_equal(dyad_reader_next(rd, &a), 0);
    dyad_reader_close(rd);
}

static void test_jsonl_errors(void **state)
{
    (void)state;
    puts_file("bad.jsonl",
              "{\"id\":\"a1\",\"date\":\"2022-11-01\",\"text\":\"x\"\n"            /* 1 malformed */
              "{\"date\":\"2022-11-01\",\"text\":\"x\"}\n"                        /* 2 no id */
              "{\"id\":\"a3\",\"text\":\"x\"}\n"                                  /* 3 no date */
              "{\"id\":\"a4\",\"date\":\"2022-11-01\"}\n"                         /* 4 no text */
              "{\"id\":\"a5\",\"date\":\"2023-02-29\",\"text\":\"x\"}\n"          /* 5 not a day */
              "{\"id\":\"a6\",\"date\":\"01/11/2022\",\"text\":\"x\"}\n"          /* 6 format */
              "{\"id\":1.5,\"date\":\"2022-11-01\",\"text\":\"x\"}\n"             /* 7 id type */
              "[1,2,3]\n"                                                         /* 8 not an object */
              "{\"id\":\"a9\",\"date\":\"2022-11-01\",\"text\":7}\n"              /* 9 text type */
              "{\"id\":\"a\",\"id\":\"b\",\"date\":\"2022-11-01\",\"text\":\"x\"}\n" /* 10 dup key */
              "{\"id\":\"ok\",\"date\":\"2022-11-01\",\"text\":\"fine\"}\n");     /* 11 good */
    results r;
    read1(&r, "bad.jsonl", NULL);
    assert_int_equal(r.errors, 10);
    assert_int_equal(r.articles, 1);
    char where[600];
    for (int i = 0; i < 10; i++) {
        snprintf(where, sizeof where, "E %s:%d: ", path("bad.jsonl"), i + 1);
        has(&r, i, where);
    }
    has(&r, 0, "invalid JSON");
    has(&r, 1, "missing \"id\"");
    has(&r, 2, "missing \"date\"");
    has(&r, 3, "missing \"text\"");
    has(&r, 4, "bad date \"2023-02-29\"");
    has(&r, 5, "bad date");
    has(&r, 6, "\"id\" must be a string or an integer");
    has(&r, 7, "expected a JSON object");
    has(&r, 8, "\"text\" must be a string");
    has(&r, 9, "invalid JSON");
    has(&r, 10, "A ok|2022-11-01|fine|11");
    free_results(&r);
}

static void test_jsonl_deep_and_huge(void **state)
{
    (void)state;
    char line[4096] = "{\"id\":\"d\",\"date\":\"2022-11-01\",\"text\":\"x\",\"extra\":";
    size_t n = strlen(line);
    for (int i = 0; i < 1000; i++) line[n++] = '[';
    for (int i = 0; i < 1000; i++) line[n++] = ']';
    line[n++] = '}';
    line[n++] = '\n';
    put("deep.jsonl", line, n);
    results r;
    read1(&r, "deep.jsonl", NULL);
    assert_int_equal(r.errors, 1);
    has(&r, 0, "nested deeper than");
    free_results(&r);

    /* a line over the limit is skipped without being stored, the next is read */
    size_t big = 5000;
    char *s = malloc(big + 200);
    n = (size_t)sprintf(s, "{\"id\":\"big\",\"date\":\"2022-11-01\",\"text\":\"");
    memset(s + n, 'a', big);
    n += big;
    n += (size_t)sprintf(s + n, "\"}\n{\"id\":\"next\",\"date\":\"2022-11-01\",\"text\":\"y\"}\n");
    put("long.jsonl", s, n);
    free(s);
    dyad_read_opts o = { .max_line = 1000 };
    read1(&r, "long.jsonl", &o);
    assert_int_equal(r.n, 2);
    has(&r, 0, ":1: line longer than 1000 bytes");
    has(&r, 1, "A next|2022-11-01|y|2");
    free_results(&r);
}

/* ---- plain text ------------------------------------------------------- */

static void test_text_header(void **state)
{
    (void)state;
    puts_file("story.txt",
              "Date: 2022-11-01\nTitle:  Talks in Sochi \nURL: https://example.org/1\n"
              "Source: Example Wire\nID: sochi-1\nX-Desk: world\n\n"
              "MOSCOW, Oct 31 - Leaders met.\nSecond line.\n");
    const char *p[1] = { path("story.txt") };
    dyad_reader *rd = dyad_reader_open(p, 1, NULL);
    dyad_article a;
    assert_int_equal(dyad_reader_next(rd, &a), 1);
    assert_string_equal(a.id, "sochi-1");
    assert_string_equal(a.date, "2022-11-01");
    assert_string_equal(a.title, "Talks in Sochi");
    assert_string_equal(a.url, "https://example.org/1");
    assert_string_equal(a.source, "Example Wire");
    assert_int_equal(a.text_len, strlen("MOSCOW, Oct 31 - Leaders met.\nSecond line.\n"));
    assert_memory_equal(a.text, "MOSCOW, Oct 31 - Leaders met.\nSecond line.\n", a.text_len);
    assert_int_equal(dyad_reader_next(rd, &a), 0);
    dyad_reader_close(rd);
}

static void test_text_no_header(void **state)
{
    (void)state;
    puts_file("kyiv-report.txt", "Washington: a body line that looks like a key.\n");
    dyad_read_opts o = { .default_date = "2021-05-06" };
    results r;
    read1(&r, "kyiv-report.txt", &o);
    assert_int_equal(r.n, 1);
    has(&r, 0, "A kyiv-report|2021-05-06|Washington: a body line that looks like a key.\n|0");
    free_results(&r);

    read1(&r, "kyiv-report.txt", NULL);           /* no --date: an error naming the file */
    assert_int_equal(r.errors, 1);
    has(&r, 0, "kyiv-report.txt: no date");
    free_results(&r);
}

static void test_text_header_errors(void **state)
{
    (void)state;
    puts_file("h1.txt", "Date: 2022-11-01\nTitle: x\nthis line is not a header\n\nbody\n");
    puts_file("h2.txt", "Title: x\nDate: 2022-02-30\n\nbody\n");
    puts_file("h3.txt", "Date: 2022-11-01\nTitle: only a header");
    const char *p[3] = { path("h1.txt"), path("h2.txt"), path("h3.txt") };
    results r;
    collect(&r, p, 3, NULL);
    assert_int_equal(r.n, 3);
    has(&r, 0, "h1.txt:3: header line is not");
    has(&r, 1, "h2.txt:2: bad date \"2022-02-30\"");
    has(&r, 2, "A h3|2022-11-01||0");            /* a header without a body: empty text */
    free_results(&r);
}

static void test_empty_and_binary(void **state)
{
    (void)state;
    put("empty.txt", "", 0);
    put("empty.jsonl", "", 0);
    puts_file("blank.txt", "  \n\n\t\n");
    put("bin.txt", "abc\0def", 7);
    put("bin.jsonl", "{\"id\":\0}", 8);
    const char *p[5] = { path("empty.txt"), path("empty.jsonl"), path("blank.txt"), path("bin.txt"), path("bin.jsonl") };
    results r;
    collect(&r, p, 5, NULL);
    assert_int_equal(r.articles, 0);
    assert_int_equal(r.errors, 2);
    has(&r, 0, "bin.txt: binary file (NUL byte at offset 3)");
    has(&r, 1, "bin.jsonl: binary file");
    free_results(&r);
}

/* ---- compression ------------------------------------------------------- */

static const char jl[] =
    "{\"id\":\"c1\",\"date\":\"2022-11-01\",\"text\":\"one\"}\n"
    "{\"id\":\"c2\",\"date\":\"2022-11-02\",\"text\":\"two\"}\n";

static size_t gz(const char *src, size_t n, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (unsigned char *)src;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t len = z.total_out;
    deflateEnd(&z);
    return len;
}

static void test_gzip_zstd(void **state)
{
    (void)state;
    unsigned char g[1024], g2[2048], zs[1024];
    size_t gn = gz(jl, strlen(jl), g, sizeof g);
    put("a.jsonl.gz", g, gn);
    put("misnamed.jsonl", g, gn);                  /* detected by magic, not name */
    memcpy(g2, g, gn);                             /* two gzip members back to back */
    memcpy(g2 + gn, g, gn);
    put("two.jsonl.gz", g2, 2 * gn);
    size_t zn = ZSTD_compress(zs, sizeof zs, jl, strlen(jl), 3);
    assert_false(ZSTD_isError(zn));
    put("a.jsonl.zst", zs, zn);
    results r;
    const char *p[4] = { path("a.jsonl.gz"), path("misnamed.jsonl"), path("two.jsonl.gz"), path("a.jsonl.zst") };
    collect(&r, p, 4, NULL);
    assert_int_equal(r.errors, 0);
    assert_int_equal(r.articles, 10);
    has(&r, 0, "A c1|2022-11-01|one|1");
    has(&r, 5, "A c2|2022-11-02|two|2");
    has(&r, 9, "A c2|2022-11-02|two|2");
    free_results(&r);

    /* text file, gzip compressed, id from the name without both extensions */
    const char *t = "Date: 2022-11-05\n\nA compressed story.\n";
    gn = gz(t, strlen(t), g, sizeof g);
    put("story.txt.gz", g, gn);
    read1(&r, "story.txt.gz", NULL);
    has(&r, 0, "A story|2022-11-05|A compressed story.\n|0");
    free_results(&r);
}

static void test_truncated(void **state)
{
    (void)state;
    unsigned char g[1024], zs[1024];
    size_t gn = gz(jl, strlen(jl), g, sizeof g);
    put("cut.jsonl.gz", g, gn - 12);
    size_t zn = ZSTD_compress(zs, sizeof zs, jl, strlen(jl), 3);
    put("cut.jsonl.zst", zs, zn - 5);
    put("garbage.gz", "\x1f\x8b\x08\x00garbage!", 12);
    results r;
    const char *p[3] = { path("cut.jsonl.gz"), path("cut.jsonl.zst"), path("garbage.gz") };
    collect(&r, p, 3, NULL);
    assert_int_equal(r.errors, 3);
    int sawg = 0, sawz = 0, sawc = 0;
    for (int i = 0; i < r.n; i++) {
        if (strstr(r.items[i], "cut.jsonl.gz") && strstr(r.items[i], "truncated gzip")) sawg = 1;
        if (strstr(r.items[i], "cut.jsonl.zst") && strstr(r.items[i], "truncated zstd")) sawz = 1;
        if (strstr(r.items[i], "garbage.gz") && strstr(r.items[i], "gzip")) sawc = 1;
    }
    assert_true(sawg && sawz && sawc);
    free_results(&r);
}

/* ---- directories, links, stdin, missing files -------------------------- */

static void test_directories(void **state)
{
    (void)state;
    assert_int_equal(mkdir(path("d"), 0755), 0);
    assert_int_equal(mkdir(path("d/sub"), 0755), 0);
    assert_int_equal(mkdir(path("d/.hidden"), 0755), 0);
    puts_file("d/b.txt", "Date: 2022-11-02\n\nB\n");
    puts_file("d/a.jsonl", "{\"id\":\"a\",\"date\":\"2022-11-01\",\"text\":\"A\"}\n");
    puts_file("d/sub/c.txt", "Date: 2022-11-03\n\nC\n");
    puts_file("d/README.md", "not an article\n");
    puts_file("d/backup.tar.gz", "not an article either\n");
    puts_file("d/.hidden/h.txt", "Date: 2022-11-04\n\nH\n");
    puts_file("d/.x.txt", "Date: 2022-11-04\n\nX\n");
    assert_int_equal(symlink("..", path("d/sub/loop")), 0);
    assert_int_equal(symlink("nowhere.txt", path("d/sub/broken.txt")), 0);
    puts_file("d/sub/notes", "Date: 2022-11-06\n\nN\n");   /* no extension: read */
    results r;
    read1(&r, "d", NULL);
    assert_int_equal(r.articles, 4);
    assert_int_equal(r.errors, 2);
    has(&r, 0, "A a|2022-11-01|A|1");
    has(&r, 1, "A b|2022-11-02|B\n|0");
    has(&r, 2, "d/sub/broken.txt: No such file");
    has(&r, 3, "A sub/c|2022-11-03|C\n|0");       /* ids relative to the directory named */
    has(&r, 4, "d/sub/loop: directory already read");
    has(&r, 5, "A sub/notes|2022-11-06|N\n|0");
    free_results(&r);
}

static void test_stdin_and_missing(void **state)
{
    (void)state;
    puts_file("in.jsonl", jl);
    int saved = dup(0);
    int fd = open(path("in.jsonl"), O_RDONLY);
    assert_true(saved >= 0 && fd >= 0);
    dup2(fd, 0);
    close(fd);
    results r;
    collect(&r, NULL, 0, NULL);
    dup2(saved, 0);
    close(saved);
    assert_int_equal(r.articles, 2);
    assert_int_equal(r.errors, 0);
    free_results(&r);

    read1(&r, "does-not-exist.jsonl", NULL);
    assert_int_equal(r.errors, 1);
    has(&r, 0, "does-not-exist.jsonl: No such file or directory");
    free_results(&r);

    /* stdin as plain text, forced */
    puts_file("in.txt", "{ not json, but text because --in text }\n");
    fd = open(path("in.txt"), O_RDONLY);
    saved = dup(0);
    dup2(fd, 0);
    close(fd);
    const char *dash[1] = { "-" };
    dyad_read_opts o = { .format = "text", .default_date = "2020-01-01" };
    collect(&r, dash, 1, &o);
    dup2(saved, 0);
    close(saved);
    assert_int_equal(r.articles, 1);
    has(&r, 0, "A stdin|2020-01-01|{ not json");
    free_results(&r);
}

static void test_date_valid(void **state)
{
    (void)state;
    assert_true(dyad_date_valid("2022-11-01"));
    assert_true(dyad_date_valid("2000-02-29"));
    assert_true(dyad_date_valid("2024-02-29"));
    assert_false(dyad_date_valid("1900-02-29"));
    assert_false(dyad_date_valid("2023-02-29"));
    assert_false(dyad_date_valid("2022-04-31"));
    assert_false(dyad_date_valid("2022-00-10"));
    assert_false(dyad_date_valid("2022-1-10"));
    assert_false(dyad_date_valid("2022-11-01T00:00"));
    assert_false(dyad_date_valid("0000-01-01"));
    assert_false(dyad_date_valid(""));
    assert_false(dyad_date_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_jsonl_ok, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_deep_and_huge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_no_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_header_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_and_binary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_zstd, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directories, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stdin_and_missing, setup, teardown),
        cmocka_unit_test(test_date_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
