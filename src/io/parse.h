/*
 * parse.h — turning one record into a dyad_article: a JSON Lines line or a
 * whole plain-text file with an optional header block. Internal to src/io.
 */
#ifndef DYAD_IO_PARSE_H
#define DYAD_IO_PARSE_H

#include <jansson.h>
#include "dyad.h"
#include "util/buf.h"

/* Deepest JSON nesting accepted in an article line (objects/arrays). */
#define DYAD_JSON_MAX_DEPTH 64

/* Parse one JSON Lines record. On success *doc holds the parsed value (the
 * caller json_decref()s it after using *a, whose strings point into it or
 * into idbuf) and 0 is returned; otherwise DYAD_EPARSE with the reason
 * (no file:line prefix) in err. */
int dyad_parse_jsonl(const char *line, size_t len, json_t **doc, dyad_article *a,
                     char *idbuf, size_t idlen, dyad_buf *err);

/* Parse a plain-text article held in text[0..len) (NUL-terminated; modified
 * in place). idbase names the article when there is no ID: header. Returns
 * 0 with *a filled, 1 if the file holds nothing but white space (skip it
 * quietly), or DYAD_EPARSE with the reason in err and the 1-based line in
 * *errline (0 when the whole file is at fault). */
int dyad_parse_text(char *text, size_t len, const char *default_date, const char *idbase,
                    dyad_article *a, long *errline, dyad_buf *err);

#endif
