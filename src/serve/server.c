/*
 * server.c — the HTTP server behind `dyad serve` (libmicrohttpd).
 *
 * How it works: MHD runs an internal thread pool of `threads` workers with
 * epoll. A request for /api/... borrows a read-only store handle from a
 * fixed pool (one per worker, so queries never share a handle and the
 * number of concurrent queries is bounded), answers, and returns it.
 * POST bodies (/api/code only) are accumulated up to max_body; beyond that
 * the answer is 413 and the body is discarded. Request headers are bounded
 * by MHD's per-connection memory limit, idle clients by a timeout, and the
 * number of connections overall and per IP address.
 * GET /api/ answers (but /api/health, a liveness check) go through a small
 * bounded response cache (cache.c) invalidated when the database changes;
 * the X-Cache response header says "hit" or "miss".
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <microhttpd.h>

#include "serve/serve.h"

#define HEADER_MEMORY (64 * 1024)    /* per-connection memory: bounds header size */

struct dyad_server {
    struct MHD_Daemon *mhd;
    dyad_server_opts o;
    int port;
    /* the store pool */
    dyad_store **stores;
    int nstores, nfree;
    int *free_idx;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    dyad_cache *cache;          /* NULL: no caching */
};

/* Per-request state: the POST body. */
typedef struct request {
    dyad_buf body;
    int too_big;
} request;

/* ---- store pool ------------------------------------------------------- */

static int pool_take(dyad_server *s)
{
    pthread_mutex_lock(&s->lock);
    while (s->nfree == 0) pthread_cond_wait(&s->cond, &s->lock);
    int i = s->free_idx[--s->nfree];
    pthread_mutex_unlock(&s->lock);
    return i;
}

static void pool_give(dyad_server *s, int i)
{
    pthread_mutex_lock(&s->lock);
    s->free_idx[s->nfree++] = i;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
}

static void pool_close(dyad_server *s)
{
    for (int i = 0; i < s->nstores; i++)
        if (s->stores[i]) dyad_store_close(s->stores[i]);
    free(s->stores);
    free(s->free_idx);
}

static int pool_open(dyad_server *s, char *err, size_t errlen)
{
    s->nstores = s->o.threads + 1;
    s->stores = calloc((size_t)s->nstores, sizeof *s->stores);
    s->free_idx = calloc((size_t)s->nstores, sizeof *s->free_idx);
    if (!s->stores || !s->free_idx) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int i = 0; i < s->nstores; i++) {
        s->stores[i] = dyad_store_open(s->o.db, DYAD_STORE_READONLY | DYAD_STORE_NOCREATE, err, errlen);
        if (!s->stores[i]) return -1;
        s->free_idx[s->nfree++] = i;
    }
    return 0;
}

/* ---- responses -------------------------------------------------------- */

static enum MHD_Result send_buf_x(struct MHD_Connection *c, int status, const char *type,
                                  dyad_buf *b, int head_only, const char *xcache)
{
    if (b->oom) {
        dyad_buf_free(b);
        dyad_api_error(b, "out of memory");
        status = 500;
    }
    struct MHD_Response *r = MHD_create_response_from_buffer(head_only ? 0 : b->len,
        b->data ? b->data : (char *)"", MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (xcache) MHD_add_response_header(r, "X-Cache", xcache);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_buf(struct MHD_Connection *c, int status, const char *type,
                                dyad_buf *b, int head_only)
{
    return send_buf_x(c, status, type, b, head_only, NULL);
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_api_error(&b, msg);
    enum MHD_Result ret = send_buf(c, status, "application/json; charset=utf-8", &b, 0);
    dyad_buf_free(&b);
    return ret;
}

static enum MHD_Result send_file(dyad_server *s, struct MHD_Connection *c, const char *url, int head_only)
{
    char path[4096];
    int status = dyad_static_path(s->o.web_dir, url, path, sizeof path);
    if (status) return send_error(c, status, status == 403 ? "forbidden path" : "not found");
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0) close(fd);
        return send_error(c, 404, "not found");
    }
    struct MHD_Response *r = head_only
        ? MHD_create_response_from_buffer(0, (char *)"", MHD_RESPMEM_PERSISTENT)
        : MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (head_only) close(fd);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", dyad_static_type(path));
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* ---- dispatch --------------------------------------------------------- */

static const char *get_param(void *req, const char *name)
{
    return MHD_lookup_connection_value((struct MHD_Connection *)req, MHD_GET_ARGUMENT_KIND, name);
}

#define MAX_CACHE_KEY 4096     /* longer requests are answered but not cached */

/* The cache key: the path, then each query parameter as given (decoded),
 * separated by control characters that cannot occur in a decoded URL
 * parameter name (so "a=1&b=2" and "a=1%26b%3D2" differ). */
static enum MHD_Result key_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
    (void)kind;
    dyad_buf *key = cls;
    dyad_buf_putc(key, '\x1e');
    dyad_buf_puts(key, k);
    if (v) { dyad_buf_putc(key, '\x1f'); dyad_buf_puts(key, v); }
    return MHD_YES;
}

static enum MHD_Result serve_api(dyad_server *s, struct MHD_Connection *c, const char *name,
                                 int head_only)
{
    dyad_buf b, key;
    dyad_buf_init(&b);
    dyad_buf_init(&key);
    int cacheable = s->cache && strcmp(name, "health") != 0;
    if (cacheable) {
        dyad_buf_puts(&key, name);
        MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, key_arg, &key);
        cacheable = !key.oom && key.data && key.len <= MAX_CACHE_KEY && !memchr(key.data, '\0', key.len);
    }
    int status;
    if (cacheable && dyad_cache_get(s->cache, key.data, &b, &status)) {
        enum MHD_Result ret = send_buf_x(c, status, "application/json; charset=utf-8", &b, head_only, "hit");
        dyad_buf_free(&b);
        dyad_buf_free(&key);
        return ret;
    }
    dyad_cache_ver ver;
    if (cacheable) dyad_cache_version(s->cache, &ver);      /* before the query: see cache.c */
    int i = pool_take(s);
    status = dyad_api_get(s->stores[i], name, get_param, c, &b);
    pool_give(s, i);
    if (cacheable && status == 200 && !b.oom) dyad_cache_put(s->cache, key.data, &ver, status, b.data, b.len);
    enum MHD_Result ret = send_buf_x(c, status, "application/json; charset=utf-8", &b, head_only,
                                     cacheable ? "miss" : NULL);
    dyad_buf_free(&b);
    dyad_buf_free(&key);
    return ret;
}

static enum MHD_Result serve_code(dyad_server *s, struct MHD_Connection *c, request *rq)
{
    if (rq->too_big) return send_error(c, 413, "request body too large");
    dyad_buf b;
    dyad_buf_init(&b);
    int status = dyad_api_code(&s->o, rq->body.data ? rq->body.data : "", rq->body.len, &b);
    enum MHD_Result ret = send_buf(c, status, "application/json; charset=utf-8", &b, 0);
    dyad_buf_free(&b);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
    dyad_server *s = cls;
    (void)version;
    int is_get = !strcmp(method, "GET"), is_head = !strcmp(method, "HEAD");
    int is_post = !strcmp(method, "POST");
    if (!*con_cls) {                         /* first call: headers only */
        request *rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        dyad_buf_init(&rq->body);
        *con_cls = rq;
        return MHD_YES;
    }
    request *rq = *con_cls;
    if (is_post && *upload_size) {           /* body chunk */
        if (rq->body.len + *upload_size > s->o.max_body) rq->too_big = 1;
        else dyad_buf_add(&rq->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    int api = !strncmp(url, "/api/", 5);
    if (api && !strcmp(url, "/api/code")) {
        if (!is_post) return send_error(c, 405, "use POST for /api/code");
        return serve_code(s, c, rq);
    }
    if (!is_get && !is_head) return send_error(c, 405, "method not allowed");
    if (api) return serve_api(s, c, url + 5, is_head);
    return send_file(s, c, url, is_head);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls; (void)c; (void)toe;
    request *rq = *con_cls;
    if (rq) {
        dyad_buf_free(&rq->body);
        free(rq);
        *con_cls = NULL;
    }
}

/* ---- start / stop ----------------------------------------------------- */

/* "127.0.0.1:8080", "[::1]:8080", "localhost:8080", ":8080" (loopback). */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, int *v6,
                        char *err, size_t errlen)
{
    char host[128] = "127.0.0.1";
    const char *port;
    if (listen[0] == '[') {
        const char *end = strchr(listen, ']');
        if (!end || end[1] != ':' || (size_t)(end - listen - 1) >= sizeof host) goto bad;
        memcpy(host, listen + 1, (size_t)(end - listen - 1));
        host[end - listen - 1] = '\0';
        port = end + 2;
    } else {
        const char *colon = strrchr(listen, ':');
        if (!colon || (size_t)(colon - listen) >= sizeof host) goto bad;
        if (colon > listen) {
            memcpy(host, listen, (size_t)(colon - listen));
            host[colon - listen] = '\0';
        }
        port = colon + 1;
    }
    char *end;
    long p = strtol(port, &end, 10);
    if (*port == '\0' || *end || p < 0 || p > 65535) goto bad;
    if (!strcmp(host, "localhost")) strcpy(host, "127.0.0.1");
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)p);
        *v6 = 0;
    } else if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)p);
        *v6 = 1;
    } else {
        goto bad;
    }
    return 0;
bad:
    snprintf(err, errlen, "bad --listen address '%s' (expected HOST:PORT, e.g. 127.0.0.1:8080)", listen);
    return -1;
}

dyad_server *dyad_server_start(const dyad_server_opts *o, char *err, size_t errlen)
{
    dyad_server *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errlen, "out of memory"); return NULL; }
    s->o = *o;
    if (!s->o.listen) s->o.listen = "127.0.0.1:8080";
    if (s->o.threads <= 0) s->o.threads = 4;
    if (!s->o.max_body) s->o.max_body = 1 << 20;
    if (!s->o.timeout_s) s->o.timeout_s = 15;
    if (!s->o.max_connections) s->o.max_connections = 256;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->cond, NULL);
    struct sockaddr_storage ss;
    int v6;
    if (!s->o.no_cache && !(s->cache = dyad_cache_new(s->o.db))) {
        snprintf(err, errlen, "out of memory");
        dyad_server_stop(s);
        return NULL;
    }
    if (parse_listen(s->o.listen, &ss, &v6, err, errlen) || pool_open(s, err, errlen)) {
        dyad_server_stop(s);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | (v6 ? MHD_USE_IPv6 : 0);
    s->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->o.threads,
        MHD_OPTION_CONNECTION_LIMIT, s->o.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, s->o.max_connections / 2 ? s->o.max_connections / 2 : 1,
        MHD_OPTION_CONNECTION_TIMEOUT, s->o.timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_END);
    if (!s->mhd) {
        snprintf(err, errlen, "cannot listen on %s (address in use or not allowed?)", s->o.listen);
        dyad_server_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : 0;
    return s;
}

int dyad_server_port(const dyad_server *s) { return s->port; }

void dyad_server_stop(dyad_server *s)
{
    if (!s) return;
    if (s->mhd) MHD_stop_daemon(s->mhd);
    pool_close(s);
    dyad_cache_free(s->cache);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->cond);
    free(s);
}
