/*
 * buf.h — a growable byte buffer (like Redis' sds, but a plain struct).
 *
 * Used for building output lines and messages. The content is always
 * NUL-terminated. On allocation failure the buffer sets `oom` and further
 * appends are ignored, so callers check once at the end.
 */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H

#include <stddef.h>

typedef struct dyad_buf {
    char *data;
    size_t len, cap;
    int oom;
} dyad_buf;

void dyad_buf_init(dyad_buf *b);
void dyad_buf_free(dyad_buf *b);
void dyad_buf_clear(dyad_buf *b);                       /* len = 0, keeps memory */
void dyad_buf_add(dyad_buf *b, const char *s, size_t n);
void dyad_buf_puts(dyad_buf *b, const char *s);
void dyad_buf_putc(dyad_buf *b, char c);
void dyad_buf_printf(dyad_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal (quotes included), escaping as RFC 8259 requires. */
void dyad_buf_json_str(dyad_buf *b, const char *s);

#endif
