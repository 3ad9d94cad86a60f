/*
 * serve.h — `dyad serve`: a read-only HTTP JSON API and the dashboard.
 *
 * libmicrohttpd runs a fixed pool of worker threads; each request borrows
 * one of a fixed set of read-only store handles (so concurrency is bounded
 * by the pool) and answers from it. Limits (request size, header size,
 * connections, timeouts) are in doc/limits.md and enforced here.
 *
 * Routes: /api/health, /api/events, /api/series, /api/dyads,
 * /api/countries, /api/actors (GET) and /api/code (POST), documented in
 * doc/api.md; every other GET path is a file under the web directory.
 */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#include <stddef.h>
#include "dyad.h"
#include "util/buf.h"

typedef struct dyad_server dyad_server;

typedef struct dyad_server_opts {
    const char *db;             /* database (SQLite path or postgresql:// URI), opened read-only */
    const char *listen;         /* "127.0.0.1:8080" (default), "[::1]:8080", ":0" = loopback, any port */
    const char *web_dir;        /* static files (the dashboard) */
    const dyad_ctx *ctx;        /* coder for /api/code (may be NULL: 503) */
    /* writes `dyad explain` output for an article (may be NULL) */
    void (*explain)(const dyad_ctx *ctx, const dyad_article *a, dyad_buf *out);
    int threads;                /* worker threads (default 4) */
    size_t max_body;            /* /api/code body limit (default 1 MiB) */
    unsigned timeout_s;         /* idle connection timeout (default 15 s) */
    unsigned max_connections;   /* concurrent connections (default 256) */
    int no_cache;               /* do not cache GET /api/ answers (cache.c) */
} dyad_server_opts;

/* Start serving in background threads. NULL on failure, reason in err. */
dyad_server *dyad_server_start(const dyad_server_opts *o, char *err, size_t errlen);
/* The TCP port actually bound (useful with port 0). */
int dyad_server_port(const dyad_server *s);
void dyad_server_stop(dyad_server *s);

/* ---- inside the server (api.c, static.c) ------------------------------ */

#include "util/buf.h"
#include "store/store.h"

/* A query-string accessor: returns the value of a parameter or NULL. */
typedef const char *(*dyad_param_fn)(void *req, const char *name);

/* Handle GET /api/<name>. Writes the JSON body into out and returns the
 * HTTP status (200, or 400/404/500 with {"error": ...} in out). */
int dyad_api_get(dyad_store *st, const char *name, dyad_param_fn param, void *req, dyad_buf *out);

/* Handle POST /api/code with an article JSON body. */
int dyad_api_code(const dyad_server_opts *o, const char *body, size_t len, dyad_buf *out);

/* Resolve a URL path to a file under web_dir; rejects traversal and odd
 * characters. Returns 0 and the path in out, or an HTTP status (403/404). */
int dyad_static_path(const char *web_dir, const char *url, char *out, size_t outlen);
const char *dyad_static_type(const char *path);

/* {"error": msg} */
void dyad_api_error(dyad_buf *out, const char *msg);

/* The response cache (cache.c; bounds in doc/limits.md). */
#define DYAD_CACHE_ENTRIES 512              /* entries at most */
#define DYAD_CACHE_BYTES (32u << 20)        /* bytes of keys and bodies at most */
#define DYAD_CACHE_MAX_BODY (1u << 20)      /* larger answers are not kept */
#define DYAD_CACHE_PG_TTL_MS 2000           /* PostgreSQL: entries live this long */

typedef struct dyad_cache dyad_cache;
/* The database's version: SQLite files' (inode, size, mtime) and WAL-index
 * header; zeros for PostgreSQL. */
typedef struct dyad_cache_ver { long long v[8]; unsigned char shm[48]; } dyad_cache_ver;

/* A cache for the database db (a SQLite path or a postgresql:// URI); NULL if out of memory. */
dyad_cache *dyad_cache_new(const char *db);
void dyad_cache_free(dyad_cache *c);
/* Take the version now: call before computing an answer, store it with the answer. */
void dyad_cache_version(const dyad_cache *c, dyad_cache_ver *v);
/* 1 and the body appended to out and its status in *status when key has a
 * fresh entry; 0 otherwise (a stale entry is dropped). */
int dyad_cache_get(dyad_cache *c, const char *key, dyad_buf *out, int *status);
/* Keep an answer computed at version v (too large: ignored). */
void dyad_cache_put(dyad_cache *c, const char *key, const dyad_cache_ver *v, int status,
                    const char *body, size_t len);

#endif
