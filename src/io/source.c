/*
 * source.c — decompressing byte source and bounded line reader; see source.h.
 *
 * The first bytes of the stream decide the decoder: 1f 8b is gzip (zlib's
 * inflate, concatenated members allowed), 28 b5 2f fd is a Zstandard frame
 * (streaming ZSTD_decompressStream), anything else is plain bytes. Detection
 * by content rather than name means stdin and misnamed files work too. A
 * stream that ends inside a gzip member or a zstd frame is reported as
 * truncated instead of silently yielding a prefix.
 */
#include "io/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "dyad.h"

#define IN_CAP (64 * 1024)

struct dyad_source {
    int fd;
    dyad_src_kind kind;
    unsigned char *in;          /* raw input buffer */
    size_t in_pos, in_len;
    int in_eof;
    z_stream z;
    int z_ready, member_done;
    ZSTD_DStream *zs;
    size_t zret;                /* last ZSTD_decompressStream result: 0 = frame done */
    int frame_started;
};

/* Refill the raw buffer (only when it is empty). -1 on read error. */
static int fill(dyad_source *s)
{
    if (s->in_pos < s->in_len || s->in_eof) return 0;
    ssize_t n;
    do n = read(s->fd, s->in, IN_CAP); while (n < 0 && errno == EINTR);
    if (n < 0) return -1;
    s->in_pos = 0;
    s->in_len = (size_t)n;
    if (n == 0) s->in_eof = 1;
    return 0;
}

dyad_source *dyad_source_open(int fd)
{
    dyad_source *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->fd = fd;
    s->in = malloc(IN_CAP);
    if (!s->in) { free(s); return NULL; }
    memset(s->in, 0, 4);
    /* Gather up to 4 bytes for the magic (pipes may deliver them piecemeal). */
    while (s->in_len < 4 && !s->in_eof) {
        ssize_t n;
        do n = read(fd, s->in + s->in_len, IN_CAP - s->in_len); while (n < 0 && errno == EINTR);
        if (n <= 0) { s->in_eof = 1; break; }   /* a read error shows up again on the next read */
        s->in_len += (size_t)n;
    }
    const unsigned char *m = s->in;
    if (s->in_len >= 2 && m[0] == 0x1f && m[1] == 0x8b) {
        s->kind = DYAD_SRC_GZIP;
        if (inflateInit2(&s->z, 15 + 16) != Z_OK) { dyad_source_close(s); return NULL; }
        s->z_ready = 1;
    } else if (s->in_len >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd) {
        s->kind = DYAD_SRC_ZSTD;
        s->zs = ZSTD_createDStream();
        if (!s->zs) { dyad_source_close(s); return NULL; }
        ZSTD_initDStream(s->zs);
    } else {
        s->kind = DYAD_SRC_PLAIN;
    }
    return s;
}

dyad_src_kind dyad_source_kind(const dyad_source *s) { return s->kind; }

static long fail(char *err, size_t errlen, const char *msg)
{
    snprintf(err, errlen, "%s", msg);
    return -1;
}

static long read_plain(dyad_source *s, char *out, size_t n, char *err, size_t errlen)
{
    if (s->in_pos < s->in_len) {
        size_t k = s->in_len - s->in_pos;
        if (k > n) k = n;
        memcpy(out, s->in + s->in_pos, k);
        s->in_pos += k;
        return (long)k;
    }
    if (s->in_eof) return 0;
    ssize_t r;
    do r = read(s->fd, out, n); while (r < 0 && errno == EINTR);
    if (r < 0) return fail(err, errlen, strerror(errno));
    if (r == 0) s->in_eof = 1;
    return (long)r;
}

static long read_gzip(dyad_source *s, char *out, size_t n, char *err, size_t errlen)
{
    s->z.next_out = (unsigned char *)out;
    s->z.avail_out = (uInt)(n > (1u << 30) ? (1u << 30) : n);
    uInt want = s->z.avail_out;
    while (s->z.avail_out == want) {
        if (s->in_pos == s->in_len) {
            if (fill(s)) return fail(err, errlen, strerror(errno));
            if (s->in_eof) {
                if (s->member_done) return 0;
                return fail(err, errlen, "truncated gzip stream (unexpected end of file)");
            }
        }
        if (s->member_done) {           /* another member follows: decode it too */
            inflateReset(&s->z);
            s->member_done = 0;
        }
        s->z.next_in = s->in + s->in_pos;
        s->z.avail_in = (uInt)(s->in_len - s->in_pos);
        int ret = inflate(&s->z, Z_NO_FLUSH);
        s->in_pos = s->in_len - s->z.avail_in;
        if (ret == Z_STREAM_END) {
            s->member_done = 1;
            if (s->z.avail_out != want) break;
        } else if (ret == Z_BUF_ERROR) {
            continue;                   /* needs more input */
        } else if (ret != Z_OK) {
            char m[200];
            snprintf(m, sizeof m, "corrupt gzip stream: %s", s->z.msg ? s->z.msg : "inflate failed");
            return fail(err, errlen, m);
        }
    }
    return (long)(want - s->z.avail_out);
}

static long read_zstd(dyad_source *s, char *out, size_t n, char *err, size_t errlen)
{
    ZSTD_outBuffer ob = { out, n, 0 };
    while (ob.pos == 0) {
        if (s->in_pos == s->in_len) {
            if (fill(s)) return fail(err, errlen, strerror(errno));
            if (s->in_eof) {
                if (!s->frame_started || s->zret == 0) return 0;
                return fail(err, errlen, "truncated zstd stream (unexpected end of file)");
            }
        }
        ZSTD_inBuffer ib = { s->in, s->in_len, s->in_pos };
        s->zret = ZSTD_decompressStream(s->zs, &ob, &ib);
        s->frame_started = 1;
        s->in_pos = ib.pos;
        if (ZSTD_isError(s->zret)) {
            char m[200];
            snprintf(m, sizeof m, "corrupt zstd stream: %s", ZSTD_getErrorName(s->zret));
            return fail(err, errlen, m);
        }
        if (s->zret == 0 && ob.pos == 0 && s->in_pos == s->in_len) {
            /* frame finished exactly at a buffer boundary: look for more */
            continue;
        }
    }
    return (long)ob.pos;
}

long dyad_source_read(dyad_source *s, char *out, size_t n, char *err, size_t errlen)
{
    switch (s->kind) {
    case DYAD_SRC_GZIP: return read_gzip(s, out, n, err, errlen);
    case DYAD_SRC_ZSTD: return read_zstd(s, out, n, err, errlen);
    default:            return read_plain(s, out, n, err, errlen);
    }
}

void dyad_source_close(dyad_source *s)
{
    if (!s) return;
    if (s->z_ready) inflateEnd(&s->z);
    if (s->zs) ZSTD_freeDStream(s->zs);
    if (s->fd > 0) close(s->fd);
    free(s->in);
    free(s);
}

/* ---- lines ------------------------------------------------------------ */

#define CHUNK_CAP (64 * 1024)

void dyad_lines_init(dyad_lines *l, dyad_source *src, size_t max)
{
    memset(l, 0, sizeof *l);
    l->src = src;
    l->max = max;
}

void dyad_lines_free(dyad_lines *l)
{
    free(l->chunk);
    l->chunk = NULL;
}

int dyad_lines_next(dyad_lines *l, dyad_buf *b, char *err, size_t errlen)
{
    dyad_buf_clear(b);
    if (l->failed) return 0;
    if (!l->chunk) {
        l->chunk = malloc(CHUNK_CAP);
        if (!l->chunk) { snprintf(err, errlen, "out of memory"); l->failed = 1; return DYAD_EIO; }
        l->cap = CHUNK_CAP;
    }
    size_t total = 0;
    int started = 0, over = 0;
    for (;;) {
        if (l->pos == l->len) {
            if (l->eof) {
                if (!started) return 0;
                break;                  /* last line without a newline */
            }
            long n = dyad_source_read(l->src, l->chunk, l->cap, err, errlen);
            if (n < 0) { l->failed = 1; l->lineno++; return DYAD_EIO; }
            if (n == 0) { l->eof = 1; continue; }
            l->pos = 0;
            l->len = (size_t)n;
        }
        started = 1;
        char *p = l->chunk + l->pos;
        size_t avail = l->len - l->pos;
        char *nl = memchr(p, '\n', avail);
        size_t seg = nl ? (size_t)(nl - p) : avail;
        if (!over && total + seg > l->max) {
            over = 1;
            dyad_buf_clear(b);
        }
        if (!over) dyad_buf_add(b, p, seg);
        total += seg;
        l->pos += seg + (nl ? 1 : 0);
        if (nl) break;
    }
    l->lineno++;
    if (over) {
        snprintf(err, errlen, "line longer than %zu bytes (%zu+), skipped", l->max, total);
        return DYAD_ELIMIT;
    }
    if (b->oom) { snprintf(err, errlen, "out of memory"); return DYAD_ELIMIT; }
    return 1;
}
