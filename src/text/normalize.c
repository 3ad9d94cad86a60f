/*
 * normalize.c — make any byte string valid NFC UTF-8 (dyad_utf8_normalize).
 *
 * Pass 1 walks the bytes with utf8proc_iterate (which rejects overlong forms,
 * surrogates and code points above U+10FFFF), counting the output size and
 * noting whether any code point could change under NFC. Pass 2 writes the
 * cleaned text into the arena: each invalid byte becomes U+FFFD, each NUL a
 * space. Only when a code point outside the NFC-inert ranges occurs (combining
 * marks, Hangul, scripts with canonical decompositions) does NFC run, and then
 * only on the non-ASCII stretches around such code points (nfc_segments);
 * typical English news (ASCII, Latin-1, typographic punctuation) skips it.
 */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

/* Code points that are unchanged by NFC and never combine with a neighbour. */
static int nfc_inert(utf8proc_int32_t c)
{
    return c < 0x300 || (c >= 0x2010 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20BF) ||
           c == 0xFFFD;
}

/* Length of the valid sequence at s (1..4), or -1 if the byte at s is invalid. */
static inline utf8proc_ssize_t seq(const unsigned char *s, size_t left, utf8proc_int32_t *cp)
{
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(left < 4 ? left : 4), cp);
    return k > 0 ? k : -1;
}

/* NFC of the segment s[0..n) appended at out; returns bytes written or -1.
 * scratch/cap: a code point buffer in the arena, grown when too small. */
static long nfc_one(dyad_arena *a, const char *s, size_t n, char *out,
                    utf8proc_int32_t **scratch, size_t *cap)
{
    for (;;) {
        utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                                *scratch, (utf8proc_ssize_t)*cap,
                                                UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m < 0) return -1;
        if ((size_t)m < *cap) {               /* reencode needs one spare */
            utf8proc_ssize_t r = utf8proc_reencode(*scratch, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (r < 0) return -1;
            memcpy(out, *scratch, (size_t)r);
            return (long)r;
        }
        *cap = (size_t)m + 16;
        if (!(*scratch = dyad_arena_alloc(a, *cap * sizeof **scratch))) return -1;
    }
}

/* NFC for the parts that need it. ASCII characters never compose with what
 * precedes them, so a segment is a run of non-ASCII characters plus the one
 * ASCII character before it (a possible base: e + U+0301). Segments made of
 * inert code points are copied; the others go through utf8proc. No malloc. */
static char *nfc_segments(dyad_arena *a, const char *in, size_t *len)
{
    size_t n = *len, o = 0, cap = 256;
    char *out = dyad_arena_alloc(a, n * 3 + 1);          /* NFC grows by 3x at most */
    utf8proc_int32_t *scratch = dyad_arena_alloc(a, cap * sizeof *scratch);
    if (!out || !scratch) return NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && (unsigned char)in[j] < 0x80) j++;
        if (j == n) { memcpy(out + o, in + i, j - i); o += j - i; break; }
        size_t b = j > i ? j - 1 : j;                   /* include the ASCII base */
        memcpy(out + o, in + i, b - i);
        o += b - i;
        size_t e = j;
        int inert = 1;
        while (e < n && (unsigned char)in[e] >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)in + e,
                                                  (utf8proc_ssize_t)(n - e), &cp);
            if (k <= 0) { k = 1; cp = 0xFFFD; }
            if (!nfc_inert(cp)) inert = 0;
            e += (size_t)k;
        }
        long w = inert ? -1 : nfc_one(a, in + b, e - b, out + o, &scratch, &cap);
        if (w < 0) { memcpy(out + o, in + b, e - b); o += e - b; }
        else o += (size_t)w;
        i = e;
    }
    out[o] = '\0';
    *len = o;
    return out;
}

char *dyad_utf8_normalize(dyad_arena *arena, const char *src, size_t len, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t need = 0;
    int nfc = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = seq(s + i, len - i, &cp);
        if (k < 0) { need += 3; i++; continue; }
        if (!nfc_inert(cp)) nfc = 1;
        need += (size_t)k;
        i += (size_t)k;
    }
    char *out = dyad_arena_alloc(arena, need + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] != 0 && s[i] < 0x80) {            /* ASCII run: copy fast */
            size_t j = i + 1;
            while (j < len && s[j] != 0 && s[j] < 0x80) j++;
            memcpy(out + o, s + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = seq(s + i, len - i, &cp);
        if (k < 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else if (cp == 0) {
            out[o++] = ' ';
            i++;
        } else {
            memcpy(out + o, s + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        }
    }
    out[o] = '\0';
    if (nfc) {
        char *r = nfc_segments(arena, out, &o);
        if (r) out = r;
    }
    *out_len = o;
    return out;
}
