/*
 * fuzz_serve.c — libFuzzer target for HTTP request handling (src/serve)
 * without sockets. The first byte picks the entry point, the rest is:
 *   0: a URL path for dyad_static_path (must never resolve outside web/)
 *   1: "name\nkey=value\nkey=value..." for dyad_api_get over a small SQLite
 *      store (the parameters come from a fake query-string function)
 *   2: a POST /api/code body for dyad_api_code with the default data/
 *      (DYAD_DATA) loaded once.
 * Checks: no crash, a known HTTP status, JSON bodies for the API.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "serve/serve.h"

typedef struct fuzz_env {
    char dir[64], web[96], db[96];
    dyad_store *st;
    dyad_ctx *ctx;
} fuzz_env;

static void fill(dyad_store *s)
{
    static const char *const src[] = { "RUSMIL", "USAGOV", "ARMGOV" }, *const tgt[] = { "UKR", "CHNGOV", "AZE" };
    static const char *const codes[] = { "190", "040", "112" };
    dyad_store_begin(s);
    for (int i = 0; i < 9; i++) {
        char id[16], date[11];
        snprintf(id, sizeof id, "a%d", i);
        snprintf(date, sizeof date, "2022-%02d-15", 1 + i);
        dyad_event e;
        memset(&e, 0, sizeof e);
        e.source = e.source_name = src[i % 3];
        e.target = e.target_name = tgt[i % 3];
        snprintf(e.code, sizeof e.code, "%s", codes[i % 3]);
        snprintf(e.root, sizeof e.root, "%.2s", codes[i % 3]);
        snprintf(e.date, sizeof e.date, "%s", date);
        e.quad = 1 + i % 4;
        e.date_from = "text";
        e.date_precision = "day";
        e.fatalities = i % 2 ? i : -1;
        e.injured = -1;
        e.text = "Russian forces attacked Ukraine.";
        e.rule = "fuzz.txt:1";
        e.source_span = e.target_span = e.verb_span = (dyad_span){ -1, -1 };
        dyad_article a = { .id = id, .date = date, .text = e.text, .text_len = strlen(e.text) };
        dyad_store_put_article(s, &a, &e, 1, NULL);
    }
    dyad_store_commit(s);
}

static fuzz_env *made;         /* for cleanup at exit only */

static void cleanup(void)
{
    /* the store directory goes when the fuzzer exits */
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", made->dir);
    if (system(cmd)) { /* nothing to do */ }
}

static fuzz_env *env(void)
{
    static fuzz_env e;
    static int ready;
    if (ready) return &e;
    ready = 1;
    char err[512];
    snprintf(e.dir, sizeof e.dir, "/tmp/dyad-fuzz-serve-XXXXXX");
    if (!mkdtemp(e.dir)) abort();
    snprintf(e.web, sizeof e.web, "%s/web", e.dir);
    snprintf(e.db, sizeof e.db, "%s/s.db", e.dir);
    mkdir(e.web, 0755);
    char p[160];
    snprintf(p, sizeof p, "%s/index.html", e.web);
    FILE *f = fopen(p, "w");
    if (f) { fputs("<!doctype html>", f); fclose(f); }
    dyad_store *w = dyad_store_open(e.db, 0, err, sizeof err);
    if (!w) { fprintf(stderr, "fuzz_serve: %s\n", err); abort(); }
    fill(w);
    dyad_store_close(w);
    e.st = dyad_store_open(e.db, DYAD_STORE_READONLY, err, sizeof err);
    if (!e.st) { fprintf(stderr, "fuzz_serve: %s\n", err); abort(); }
    const char *dir = getenv("DYAD_DATA");
    e.ctx = dyad_open(&(dyad_options){ .data_dir = dir ? dir : "data" }, err, sizeof err);
    if (!e.ctx) { fprintf(stderr, "fuzz_serve: %s\n", err); abort(); }
    made = &e;
    atexit(cleanup);
    return &e;
}

typedef struct params { char *keys[32], *vals[32]; int n; } params;

static const char *get_param(void *req, const char *name)
{
    params *p = req;
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->keys[i], name)) return p->vals[i];
    return NULL;
}

static int known_status(int s)
{
    return s == 200 || s == 400 || s == 403 || s == 404 || s == 413 || s == 500 || s == 503;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 16) return 0;
    fuzz_env *e = env();
    int mode = data[0] % 3;
    char *s = malloc(size);
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0';
    dyad_buf out;
    dyad_buf_init(&out);
    if (mode == 0) {
        char path[512];
        int rc = dyad_static_path(e->web, s, path, sizeof path);
        if (rc == 0) {
            if (strncmp(path, e->web, strlen(e->web)) || strstr(path, "/../") || strstr(path, "/./")) abort();
            dyad_static_type(path);
        } else if (!known_status(rc)) abort();
    } else if (mode == 1) {
        params p = { .n = 0 };
        char *name = s, *nl = strchr(s, '\n');
        if (nl) *nl++ = '\0';
        for (char *l = nl, *next; l && p.n < 32; l = next) {
            next = strchr(l, '\n');
            if (next) *next++ = '\0';
            char *eq = strchr(l, '=');
            if (!eq) continue;
            *eq = '\0';
            p.keys[p.n] = l;
            p.vals[p.n++] = eq + 1;
        }
        int rc = dyad_api_get(e->st, name, get_param, &p, &out);
        if (!known_status(rc) || out.len == 0 || (out.data[0] != '{' && out.data[0] != '[')) abort();
    } else {
        dyad_server_opts o = { .ctx = e->ctx, .max_body = 1 << 20 };
        int rc = dyad_api_code(&o, (const char *)data + 1, size - 1, &out);
        if (!known_status(rc) || out.len == 0 || out.data[0] != '{') abort();
    }
    dyad_buf_free(&out);
    free(s);
    return 0;
}
