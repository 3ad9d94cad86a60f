/*
 * buf.c — growable byte buffer; see buf.h.
 */
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dyad_buf_init(dyad_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void dyad_buf_free(dyad_buf *b)
{
    free(b->data);
    dyad_buf_init(b);
}

void dyad_buf_clear(dyad_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

static int grow(dyad_buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) { b->oom = 1; return -1; }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->oom = 1; return -1; }
    b->data = p;
    b->cap = cap;
    return 0;
}

void dyad_buf_add(dyad_buf *b, const char *s, size_t n)
{
    if (grow(b, n)) return;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void dyad_buf_puts(dyad_buf *b, const char *s) { dyad_buf_add(b, s, strlen(s)); }
void dyad_buf_putc(dyad_buf *b, char c) { dyad_buf_add(b, &c, 1); }

void dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || grow(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void dyad_buf_json_str(dyad_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    dyad_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; s && *p; p++) {
        switch (*p) {
        case '"':  dyad_buf_add(b, "\\\"", 2); break;
        case '\\': dyad_buf_add(b, "\\\\", 2); break;
        case '\n': dyad_buf_add(b, "\\n", 2); break;
        case '\r': dyad_buf_add(b, "\\r", 2); break;
        case '\t': dyad_buf_add(b, "\\t", 2); break;
        default:
            if (*p < 0x20) {
                char e[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };
                dyad_buf_add(b, e, 6);
            } else {
                dyad_buf_putc(b, (char)*p);
            }
        }
    }
    dyad_buf_putc(b, '"');
}
