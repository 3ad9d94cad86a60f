/*
 * source.h — a byte stream from a file descriptor, transparently
 * decompressing gzip (zlib) or Zstandard (libzstd), detected by magic bytes,
 * and a bounded line reader on top of it. Internal to src/io.
 */
#ifndef DYAD_IO_SOURCE_H
#define DYAD_IO_SOURCE_H

#include <stddef.h>
#include "util/buf.h"

typedef enum { DYAD_SRC_PLAIN, DYAD_SRC_GZIP, DYAD_SRC_ZSTD } dyad_src_kind;

typedef struct dyad_source dyad_source;

/* Wrap fd (owned: closed by dyad_source_close unless it is 0, stdin). The
 * compression is detected from the first bytes. NULL on out of memory. */
dyad_source *dyad_source_open(int fd);
dyad_src_kind dyad_source_kind(const dyad_source *s);
/* Read up to n decompressed bytes. Returns >0 bytes, 0 at the end, or -1 on
 * error (truncated or corrupt stream, read error): message in err. */
long dyad_source_read(dyad_source *s, char *out, size_t n, char *err, size_t errlen);
void dyad_source_close(dyad_source *s);

/* Reading lines of at most `max` bytes. */
typedef struct dyad_lines {
    dyad_source *src;
    char *chunk;            /* decompressed bytes not yet consumed */
    size_t pos, len, cap;
    int eof, failed;
    size_t max;
    long lineno;            /* number of the line last returned (1-based) */
} dyad_lines;

void dyad_lines_init(dyad_lines *l, dyad_source *src, size_t max);
void dyad_lines_free(dyad_lines *l);
/* Next line into b (without the '\n'; a '\r' before it is kept). Returns
 * 1 for a line, 0 at the end, DYAD_ELIMIT for a line longer than max (the
 * rest of it is skipped without being stored), DYAD_EIO for a stream error
 * (message in err; the stream is finished after that). */
int dyad_lines_next(dyad_lines *l, dyad_buf *b, char *err, size_t errlen);

#endif
