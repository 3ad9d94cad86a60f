/*
 * normalize.c — make any byte string valid NFC UTF-8 (dyad_utf8_normalize).
 *
 * Pass 1 walks the bytes with utf8proc_iterate (which rejects overlong forms,
 * surrogates and code points above U+10FFFF), counting the output size and
 * noting whether any code point could change under NFC. Pass 2 writes the
 * cleaned text into the arena: each invalid byte becomes U+FFFD, each NUL a
 * space. Only when a code point outside the NFC-inert ranges occurs (combining
 * marks, Hangul, scripts with canonical decompositions) does utf8proc_map run;
 * typical English news (ASCII, Latin-1, typographic punctuation) skips it.
 */
#include <stdint.h>
#include <stdlib.h>
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
        utf8proc_uint8_t *m = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o, &m,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (r >= 0 && m) {
            if ((size_t)r <= o) {                   /* NFC rarely grows; reuse the space */
                memcpy(out, m, (size_t)r);
                o = (size_t)r;
                out[o] = '\0';
            } else {
                char *big = dyad_arena_strndup(arena, (const char *)m, (size_t)r);
                if (big) { out = big; o = (size_t)r; }
            }
        }
        free(m);
    }
    *out_len = o;
    return out;
}
