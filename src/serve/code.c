/*
 * code.c — POST /api/code: code one pasted article and explain it.
 *
 * The body is an article as JSON ({"id","date","text"}), parsed with
 * jansson; a fresh coder codes it (coders are cheap and per-request, so
 * requests never share mutable state) and the answer carries the events,
 * written by the same JSON writer as `dyad code`, and the explanation.
 */
#include <string.h>
#include <jansson.h>

#include "serve/serve.h"
#include "io/io.h"

typedef struct collect { dyad_buf *out; int n; } collect;

static int on_event(const dyad_event *ev, void *user)
{
    collect *c = user;
    if (c->n++) dyad_buf_putc(c->out, ',');
    size_t at = c->out->len;
    dyad_write_event(c->out, DYAD_FMT_JSONL, ev, NULL);
    /* drop the line's newline: events are array elements here */
    if (c->out->len > at && c->out->data[c->out->len - 1] == '\n')
        c->out->data[--c->out->len] = '\0';
    return 0;
}

static const char *str_field(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int dyad_api_code(const dyad_server_opts *o, const char *body, size_t len, dyad_buf *out)
{
    const dyad_ctx *ctx = o->ctx;
    if (!ctx) { dyad_api_error(out, "the coder is not loaded"); return 503; }
    json_error_t jerr;
    json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root || !json_is_object(root)) {
        char msg[256];
        snprintf(msg, sizeof msg, "body is not a JSON object: %s (line %d)", jerr.text, jerr.line);
        json_decref(root);
        dyad_api_error(out, msg);
        return 400;
    }
    const char *text = str_field(root, "text"), *date = str_field(root, "date");
    const char *id = str_field(root, "id");
    if (!text || !date || !dyad_date_valid(date)) {
        json_decref(root);
        dyad_api_error(out, "the article needs \"text\" and a \"date\" (YYYY-MM-DD)");
        return 400;
    }
    dyad_article a = { .id = id ? id : "pasted", .date = date, .text = text,
                       .text_len = strlen(text), .file = "request" };
    dyad_coder *coder = dyad_coder_new(ctx);
    if (!coder) { json_decref(root); dyad_api_error(out, "out of memory"); return 500; }
    collect c = { out, 0 };
    dyad_buf_puts(out, "{\"events\":[");
    int rc = dyad_code_article(coder, &a, on_event, &c);
    if (rc < 0) {
        dyad_api_error(out, dyad_coder_error(coder));
        dyad_coder_free(coder);
        json_decref(root);
        return 400;
    }
    dyad_buf_puts(out, "],\"explain\":");
    dyad_buf exp;
    dyad_buf_init(&exp);
    if (o->explain) o->explain(ctx, &a, &exp);
    dyad_buf_json_str(out, exp.data ? exp.data : "");
    dyad_buf_free(&exp);
    dyad_buf_puts(out, "}");
    dyad_coder_free(coder);
    json_decref(root);
    return 200;
}
