/*
 * parse.c — one JSON Lines record or one plain-text file to a dyad_article.
 *
 * JSON: jansson parses the line (duplicate keys rejected); before that a
 * cheap scan refuses nesting deeper than DYAD_JSON_MAX_DEPTH so that a
 * hostile "[[[[..." line is rejected with a clear reason and bounded work.
 * `id` may be a string or an integer; `date` must be a real YYYY-MM-DD day;
 * `text` a string; title/url/source optional strings (or null).
 *
 * Text: a header block is recognised only when the first line is one of the
 * known keys (Date, Title, URL, Source, ID, case-insensitive) followed by
 * ':'. It then runs to the first blank line; other "Key: value" lines in it
 * are ignored (mail-like headers), anything else is an error because the
 * body would otherwise silently swallow or lose lines.
 */
#include "io/parse.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/io.h"

static int too_deep(const char *s, size_t n, int max)
{
    int depth = 0, in_str = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\') i++;
            else if (c == '"') in_str = 0;
        } else if (c == '"') {
            in_str = 1;
        } else if (c == '{' || c == '[') {
            if (++depth > max) return 1;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return 0;
}

/* Optional string field: NULL if absent or null; -1 on a wrong type. */
static int opt_string(json_t *o, const char *key, const char **out, dyad_buf *err)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) {
        dyad_buf_printf(err, "\"%s\" must be a string", key);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
}

int dyad_parse_jsonl(const char *line, size_t len, json_t **doc, dyad_article *a,
                     char *idbuf, size_t idlen, dyad_buf *err)
{
    *doc = NULL;
    if (memchr(line, '\0', len)) {
        dyad_buf_puts(err, "NUL byte in line (binary data?)");
        return DYAD_EPARSE;
    }
    if (too_deep(line, len, DYAD_JSON_MAX_DEPTH)) {
        dyad_buf_printf(err, "JSON nested deeper than %d levels", DYAD_JSON_MAX_DEPTH);
        return DYAD_EPARSE;
    }
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
        dyad_buf_printf(err, "invalid JSON: %s (column %d)", je.text, je.column);
        return DYAD_EPARSE;
    }
    memset(a, 0, sizeof *a);
    if (!json_is_object(o)) {
        dyad_buf_puts(err, "expected a JSON object {\"id\", \"date\", \"text\", ...}");
        goto bad;
    }
    json_t *id = json_object_get(o, "id");
    if (!id || json_is_null(id)) { dyad_buf_puts(err, "missing \"id\""); goto bad; }
    if (json_is_string(id)) {
        if (json_string_length(id) == 0) { dyad_buf_puts(err, "empty \"id\""); goto bad; }
        a->id = json_string_value(id);
    } else if (json_is_integer(id)) {
        snprintf(idbuf, idlen, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        a->id = idbuf;
    } else {
        dyad_buf_puts(err, "\"id\" must be a string or an integer");
        goto bad;
    }
    json_t *date = json_object_get(o, "date");
    if (!date || json_is_null(date)) { dyad_buf_puts(err, "missing \"date\""); goto bad; }
    if (!json_is_string(date)) { dyad_buf_puts(err, "\"date\" must be a string"); goto bad; }
    if (!dyad_date_valid(json_string_value(date))) {
        dyad_buf_puts(err, "bad date ");
        dyad_buf_json_str(err, json_string_value(date));
        dyad_buf_puts(err, " (expected a real day as YYYY-MM-DD)");
        goto bad;
    }
    a->date = json_string_value(date);
    json_t *text = json_object_get(o, "text");
    if (!text || json_is_null(text)) { dyad_buf_puts(err, "missing \"text\""); goto bad; }
    if (!json_is_string(text)) { dyad_buf_puts(err, "\"text\" must be a string"); goto bad; }
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    if (opt_string(o, "title", &a->title, err) || opt_string(o, "url", &a->url, err) ||
        opt_string(o, "source", &a->source, err))
        goto bad;
    *doc = o;
    return 0;
bad:
    json_decref(o);
    memset(a, 0, sizeof *a);
    return DYAD_EPARSE;
}

/* ---- plain text -------------------------------------------------------- */

static const char *const header_keys[] = { "date", "title", "url", "source", "id" };
enum { H_DATE, H_TITLE, H_URL, H_SOURCE, H_ID, H_N };

/* If line starts with "Key:", return the key length (else 0). */
static size_t key_len(const char *line)
{
    size_t i = 0;
    if (!isalpha((unsigned char)line[0])) return 0;
    while (isalnum((unsigned char)line[i]) || line[i] == '-' || line[i] == '_') i++;
    return line[i] == ':' ? i : 0;
}

static int known_key(const char *line, size_t n)
{
    for (int k = 0; k < H_N; k++)
        if (strlen(header_keys[k]) == n && !strncasecmp(line, header_keys[k], n)) return k;
    return -1;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s)) return 0;
    return 1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

int dyad_parse_text(char *text, size_t len, const char *default_date, const char *idbase,
                    dyad_article *a, long *errline, dyad_buf *err)
{
    memset(a, 0, sizeof *a);
    *errline = 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { text += 3; len -= 3; }  /* BOM */
    if (blank(text)) return 1;
    const char *h[H_N] = { 0 };
    char *body = text;
    size_t k0 = key_len(text);
    if (k0 && known_key(text, k0) >= 0) {
        char *p = text;
        long line = 0;
        for (;;) {
            line++;
            char *nl = strchr(p, '\n');
            if (nl) *nl = '\0';
            if (blank(p)) { body = nl ? nl + 1 : p + strlen(p); break; }
            size_t k = key_len(p);
            if (!k) {
                *errline = line;
                dyad_buf_puts(err, "header line is not \"Key: value\" (end the header with a blank line)");
                return DYAD_EPARSE;
            }
            int which = known_key(p, k);
            if (which >= 0) h[which] = trim(p + k + 1);
            if (which == H_DATE && !dyad_date_valid(h[H_DATE])) {
                *errline = line;
                dyad_buf_puts(err, "bad date ");
                dyad_buf_json_str(err, h[H_DATE]);
                dyad_buf_puts(err, " in header (expected a real day as YYYY-MM-DD)");
                return DYAD_EPARSE;
            }
            if (!nl) { body = p + strlen(p); break; }   /* header only, no body */
            p = nl + 1;
        }
    }
    a->date = h[H_DATE] ? h[H_DATE] : default_date;
    if (!a->date) {
        dyad_buf_puts(err, "no date (add a \"Date: YYYY-MM-DD\" header or use --date)");
        return DYAD_EPARSE;
    }
    a->id = h[H_ID] && *h[H_ID] ? h[H_ID] : idbase;
    a->title = h[H_TITLE] && *h[H_TITLE] ? h[H_TITLE] : NULL;
    a->url = h[H_URL] && *h[H_URL] ? h[H_URL] : NULL;
    a->source = h[H_SOURCE] && *h[H_SOURCE] ? h[H_SOURCE] : NULL;
    a->text = body;
    a->text_len = len - (size_t)(body - text);
    return 0;
}
