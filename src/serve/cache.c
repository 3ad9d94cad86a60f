/*
 * cache.c — a small bounded cache of GET /api/... responses for `dyad serve`.
 *
 * Why: a dashboard asks the same few questions again and again (the map,
 * a country's series, its latest events), and on a large database each
 * answer costs tens to hundreds of milliseconds of SQL. Answers change only
 * when the database does, so they are kept here keyed by the full request
 * (path and query parameters, in the order given) and dropped when the
 * database changes.
 *
 * How it works: a database "version" is taken BEFORE a query runs and
 * stored with its answer; an entry is served only while the version is
 * unchanged, so an answer computed while a writer commits is never served
 * after the commit. For SQLite the version is the (inode, size, mtime) of
 * the database file and of its -wal file (every commit appends to the WAL,
 * every checkpoint writes the database file), plus the first 48 bytes of
 * the -shm file: the WAL-index header, whose change counter moves with every
 * commit (https://sqlite.org/walformat.html), so that two commits within
 * one file-time tick that leave the WAL's size alone (a WAL restarted from
 * its start) are still told apart. A torn read of that header only makes a
 * version that matches nothing: a miss, never a stale answer.
 * PostgreSQL has no file to look at: its version is always the same and
 * entries expire after a short TTL instead (DYAD_CACHE_PG_TTL_MS).
 *
 * Bounds (doc/limits.md): at most DYAD_CACHE_ENTRIES entries and
 * DYAD_CACHE_BYTES bytes of keys and bodies; an answer larger than
 * DYAD_CACHE_MAX_BODY is not kept. When full, the least recently used entry
 * goes. Lookups are a linear scan over the (few hundred) entries comparing
 * a 64-bit hash first, under one mutex held for microseconds; bodies are
 * copied out so no entry is referenced after the lock is released.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "serve/serve.h"

typedef struct entry {
    char *key;
    unsigned long long hash;
    dyad_cache_ver ver;
    long long born_ms;
    unsigned long long used;      /* LRU clock value of the last hit */
    int status;
    char *body;
    size_t len;
} entry;

struct dyad_cache {
    pthread_mutex_t lock;
    char *db, *wal, *shm;         /* SQLite: the files whose change invalidates; NULL for PostgreSQL */
    long long ttl_ms;             /* 0 = no TTL */
    entry *e;
    int n, max_entries;
    size_t bytes, max_bytes;
    unsigned long long clock;
    unsigned long long hits, misses;
};

static unsigned long long fnv1a(const char *s)
{
    unsigned long long h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

dyad_cache *dyad_cache_new(const char *db)
{
    dyad_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    pthread_mutex_init(&c->lock, NULL);
    c->max_entries = DYAD_CACHE_ENTRIES;
    c->max_bytes = DYAD_CACHE_BYTES;
    c->e = calloc((size_t)c->max_entries, sizeof *c->e);
    int pg = !strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11);
    if (pg) {
        c->ttl_ms = DYAD_CACHE_PG_TTL_MS;
    } else {
        size_t n = strlen(db);
        c->db = strdup(db);
        c->wal = malloc(n + 5);
        c->shm = malloc(n + 5);
        if (c->wal) memcpy(c->wal, db, n), memcpy(c->wal + n, "-wal", 5);
        if (c->shm) memcpy(c->shm, db, n), memcpy(c->shm + n, "-shm", 5);
    }
    if (!c->e || (!pg && (!c->db || !c->wal || !c->shm))) { dyad_cache_free(c); return NULL; }
    return c;
}

static void entry_drop(dyad_cache *c, int i)
{
    c->bytes -= c->e[i].len + strlen(c->e[i].key);
    free(c->e[i].key);
    free(c->e[i].body);
    c->e[i] = c->e[--c->n];
}

void dyad_cache_free(dyad_cache *c)
{
    if (!c) return;
    while (c->n) entry_drop(c, c->n - 1);
    free(c->e);
    free(c->db);
    free(c->wal);
    free(c->shm);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static void file_ver(const char *path, long long out[4])
{
    struct stat st;
    if (!path || stat(path, &st) != 0) { memset(out, 0, 4 * sizeof *out); return; }
    out[0] = (long long)st.st_ino;
    out[1] = (long long)st.st_size;
    out[2] = (long long)st.st_mtim.tv_sec;
    out[3] = (long long)st.st_mtim.tv_nsec;
}

void dyad_cache_version(const dyad_cache *c, dyad_cache_ver *v)
{
    memset(v, 0, sizeof *v);
    file_ver(c->db, v->v);
    file_ver(c->wal, v->v + 4);
    if (!c->shm) return;
    int fd = open(c->shm, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    if (pread(fd, v->shm, sizeof v->shm, 0) != (ssize_t)sizeof v->shm) memset(v->shm, 0, sizeof v->shm);
    close(fd);
}

static int find(dyad_cache *c, const char *key, unsigned long long h)
{
    for (int i = 0; i < c->n; i++)
        if (c->e[i].hash == h && !strcmp(c->e[i].key, key)) return i;
    return -1;
}

static int fresh(const dyad_cache *c, const entry *e, const dyad_cache_ver *now, long long t)
{
    if (memcmp(&e->ver, now, sizeof *now)) return 0;
    return !c->ttl_ms || t - e->born_ms < c->ttl_ms;
}

int dyad_cache_get(dyad_cache *c, const char *key, dyad_buf *out, int *status)
{
    dyad_cache_ver now;
    dyad_cache_version(c, &now);
    long long t = now_ms();
    unsigned long long h = fnv1a(key);
    int hit = 0;
    pthread_mutex_lock(&c->lock);
    int i = find(c, key, h);
    if (i >= 0 && !fresh(c, &c->e[i], &now, t)) { entry_drop(c, i); i = -1; }
    if (i >= 0) {
        c->e[i].used = ++c->clock;
        *status = c->e[i].status;
        dyad_buf_add(out, c->e[i].body, c->e[i].len);
        hit = !out->oom;
        c->hits++;
    } else {
        c->misses++;
    }
    pthread_mutex_unlock(&c->lock);
    return hit;
}

void dyad_cache_put(dyad_cache *c, const char *key, const dyad_cache_ver *v, int status,
                    const char *body, size_t len)
{
    size_t klen = strlen(key);
    if (len > DYAD_CACHE_MAX_BODY || len + klen > c->max_bytes) return;
    char *k = strdup(key), *b = malloc(len ? len : 1);
    if (!k || !b) { free(k); free(b); return; }
    memcpy(b, body, len);
    unsigned long long h = fnv1a(key);
    pthread_mutex_lock(&c->lock);
    int i = find(c, key, h);
    if (i >= 0) entry_drop(c, i);          /* a newer answer replaces an older one */
    while (c->n && (c->n >= c->max_entries || c->bytes + len + klen > c->max_bytes)) {
        int lru = 0;
        for (int j = 1; j < c->n; j++)
            if (c->e[j].used < c->e[lru].used) lru = j;
        entry_drop(c, lru);
    }
    c->e[c->n++] = (entry){ .key = k, .hash = h, .ver = *v, .born_ms = now_ms(),
                            .used = ++c->clock, .status = status, .body = b, .len = len };
    c->bytes += len + klen;
    pthread_mutex_unlock(&c->lock);
}
