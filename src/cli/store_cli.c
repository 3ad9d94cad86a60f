/*
 * store_cli.c — option parsing and event output shared by the store's
 * subcommands (see store_cli.h).
 *
 * Stored events are written with the io writers (dyad_write_event); for
 * JSON Lines and CSV the store's aggregates are appended to each line: the
 * JSON object gets extra members, the CSV row extra columns, so a reader of
 * the plain event contract still reads them.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/store_cli.h"
#include "io/io.h"

int dyad_sc_value(const char *prog, const char *name, int argc, char **argv, int *i, const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n)) return 0;
    if (a[n] == '=') { *val = a + n + 1; return 1; }
    if (a[n]) return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "%s: %s needs a value\n", prog, name);
        return -1;
    }
    *val = argv[++*i];
    return 1;
}

static int parse_long(const char *prog, const char *name, const char *v, long lo, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < lo) {
        fprintf(stderr, "%s: %s: not a number >= %ld: '%s'\n", prog, name, lo, v);
        return -1;
    }
    *out = x;
    return 1;
}

static int valid_date(const char *s)
{
    return dyad_date_valid(s);
}

int dyad_sc_filter_opt(const char *prog, dyad_store_filter *f, dyad_sc_keep *keep,
                       int argc, char **argv, int *i)
{
    static const struct { const char *name; size_t off; } strs[] = {
        { "--actor", offsetof(dyad_store_filter, actor) },
        { "--source", offsetof(dyad_store_filter, source) },
        { "--target", offsetof(dyad_store_filter, target) },
        { "--country", offsetof(dyad_store_filter, country) },
        { "--code", offsetof(dyad_store_filter, code) },
        { "--root", offsetof(dyad_store_filter, root) },
        { "--place", offsetof(dyad_store_filter, place) },
        { "--place-country", offsetof(dyad_store_filter, place_country) },
        { "--text", offsetof(dyad_store_filter, text) },
        { "--article", offsetof(dyad_store_filter, article_id) },
    };
    const char *v;
    int rc;
    for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++) {
        if ((rc = dyad_sc_value(prog, strs[k].name, argc, argv, i, &v)) != 0) {
            if (rc > 0) *(const char **)((char *)f + strs[k].off) = v;
            return rc;
        }
    }
    static const char *const dates[2] = { "--from", "--to" };
    for (int k = 0; k < 2; k++) {
        if ((rc = dyad_sc_value(prog, dates[k], argc, argv, i, &v)) == 0) continue;
        if (rc < 0) return rc;
        if (!valid_date(v)) {
            fprintf(stderr, "%s: %s: not a date (YYYY-MM-DD): '%s'\n", prog, dates[k], v);
            return -1;
        }
        if (k == 0) f->from = v;
        else f->to = v;
        return 1;
    }
    if ((rc = dyad_sc_value(prog, "--dyad", argc, argv, i, &v)) != 0) {
        if (rc < 0) return rc;
        const char *comma = strchr(v, ',');
        if (!comma || comma == v || !comma[1] || (size_t)(comma - v) >= sizeof keep->dyad[0] ||
            strlen(comma + 1) >= sizeof keep->dyad[1]) {
            fprintf(stderr, "%s: --dyad wants two actor codes, A,B: '%s'\n", prog, v);
            return -1;
        }
        snprintf(keep->dyad[0], sizeof keep->dyad[0], "%.*s", (int)(comma - v), v);
        snprintf(keep->dyad[1], sizeof keep->dyad[1], "%s", comma + 1);
        f->dyad_a = keep->dyad[0];
        f->dyad_b = keep->dyad[1];
        return 1;
    }
    if (!strcmp(argv[*i], "--directed")) { f->directed = 1; return 1; }
    long x;
    if ((rc = dyad_sc_value(prog, "--quad", argc, argv, i, &v)) != 0) {
        if (rc < 0 || parse_long(prog, "--quad", v, 1, &x) < 0 || x > 4) {
            if (rc > 0) fprintf(stderr, "%s: --quad is 1..4\n", prog);
            return -1;
        }
        f->quad = (int)x;
        return 1;
    }
    if ((rc = dyad_sc_value(prog, "--limit", argc, argv, i, &v)) != 0) {
        if (rc < 0 || parse_long(prog, "--limit", v, 0, &x) < 0) return -1;
        f->limit = x;
        return 1;
    }
    if ((rc = dyad_sc_value(prog, "--offset", argc, argv, i, &v)) != 0) {
        if (rc < 0 || parse_long(prog, "--offset", v, 0, &x) < 0) return -1;
        f->offset = x;
        return 1;
    }
    if ((rc = dyad_sc_value(prog, "--event", argc, argv, i, &v)) != 0) {
        if (rc < 0 || parse_long(prog, "--event", v, 1, &x) < 0) return -1;
        f->event_id = x;
        return 1;
    }
    if ((rc = dyad_sc_value(prog, "--order", argc, argv, i, &v)) != 0) {
        if (rc < 0) return rc;
        static const char *const names[] = { "date-desc", "date", "mentions", "id" };
        for (int k = 0; k < 4; k++)
            if (!strcmp(v, names[k])) { f->order = (dyad_store_order)k; return 1; }
        fprintf(stderr, "%s: --order is date-desc, date, mentions or id: '%s'\n", prog, v);
        return -1;
    }
    return 0;
}

void dyad_sc_filter_help(FILE *out)
{
    fputs("filters (all optional, combined with AND; actor codes match as prefixes):\n"
          "  --actor CODE        source or target starts with CODE (e.g. AZE, AZEMIL)\n"
          "  --source CODE       source actor starts with CODE\n"
          "  --target CODE       target actor starts with CODE\n"
          "  --country XXX       either side's country\n"
          "  --dyad A,B          A acting on B or B on A (--directed: only A on B)\n"
          "  --code PREFIX       CAMEO event code prefix (19, 190, 0311)\n"
          "  --root RR           CAMEO root (two digits)\n"
          "  --quad N            QuadClass 1..4\n"
          "  --from DATE, --to DATE    event date range, inclusive (YYYY-MM-DD)\n"
          "  --place NAME        location name (case-insensitive)\n"
          "  --place-country XXX location country\n"
          "  --text WORDS        every word occurs in a report's sentence\n"
          "  --article ID        events reported by this article\n"
          "  --event ID          one event by id\n"
          "  --limit N, --offset N, --order date-desc|date|mentions|id\n", out);
}

int dyad_sc_format(const char *name)
{
    if (!strcmp(name, "table")) return DYAD_SC_TABLE;
    return dyad_format_parse(name);
}

static const char csv_extra[] = ",event_id,num_mentions,num_sources,num_articles,fatalities_min,fatalities_max";

void dyad_sc_header(dyad_buf *b, int fmt)
{
    if (fmt != DYAD_FMT_CSV) return;
    dyad_write_header(b, DYAD_FMT_CSV);
    /* put our columns before the header's line end */
    size_t n = b->len;
    while (n && (b->data[n - 1] == '\n' || b->data[n - 1] == '\r')) n--;
    b->len = n;
    dyad_buf_puts(b, csv_extra);
    dyad_buf_puts(b, "\r\n");
}

static void opt_int(dyad_buf *b, const char *sep, int v)
{
    dyad_buf_puts(b, sep);
    if (v >= 0) dyad_buf_printf(b, "%d", v);
    else if (sep[0] != ',' || sep[1]) dyad_buf_puts(b, "null");
}

/* Strip the line end (and for JSON the closing brace) of the last line. */
static void open_line(dyad_buf *b, size_t start, int json)
{
    size_t n = b->len;
    while (n > start && (b->data[n - 1] == '\n' || b->data[n - 1] == '\r')) n--;
    if (json && n > start && b->data[n - 1] == '}') n--;
    b->len = n;
    if (b->data) b->data[n] = '\0';
}

void dyad_sc_event(dyad_buf *b, int fmt, const dyad_store_event *e)
{
    const dyad_event_stats *st = &e->stats;
    size_t start = b->len;
    dyad_write_event(b, (dyad_format)fmt, &e->ev, st);
    if (fmt == DYAD_FMT_CSV) {
        open_line(b, start, 0);
        dyad_buf_printf(b, ",%lld,%d,%d,%d", st->event_id, st->num_mentions, st->num_sources,
                        st->num_articles);
        opt_int(b, ",", st->fatalities_min);
        opt_int(b, ",", st->fatalities_max);
        dyad_buf_puts(b, "\r\n");
    } else if (fmt == DYAD_FMT_JSONL) {
        open_line(b, start, 1);
        dyad_buf_printf(b, ",\"event_id\":%lld,\"event_key\":", st->event_id);
        dyad_buf_json_str(b, st->event_key ? st->event_key : "");
        dyad_buf_printf(b, ",\"num_mentions\":%d,\"num_sources\":%d,\"num_articles\":%d",
                        st->num_mentions, st->num_sources, st->num_articles);
        opt_int(b, ",\"fatalities_min\":", st->fatalities_min);
        opt_int(b, ",\"fatalities_max\":", st->fatalities_max);
        dyad_buf_puts(b, ",\"source_url\":");
        if (st->source_url && *st->source_url) dyad_buf_json_str(b, st->source_url);
        else dyad_buf_puts(b, "null");
        if (e->mentions) {
            dyad_buf_puts(b, ",\"mentions\":[");
            for (int i = 0; i < e->nmentions; i++) {
                const dyad_store_mention *m = &e->mentions[i];
                if (i) dyad_buf_putc(b, ',');
                size_t ms = b->len;
                dyad_write_event(b, DYAD_FMT_JSONL, &m->ev, NULL);
                open_line(b, ms, 1);
                dyad_buf_puts(b, ",\"url\":");
                if (m->url && *m->url) dyad_buf_json_str(b, m->url);
                else dyad_buf_puts(b, "null");
                dyad_buf_puts(b, ",\"media\":");
                if (m->media_source && *m->media_source) dyad_buf_json_str(b, m->media_source);
                else dyad_buf_puts(b, "null");
                dyad_buf_putc(b, '}');
            }
            dyad_buf_putc(b, ']');
        }
        dyad_buf_puts(b, "}\n");
    }
}

int dyad_sc_flush(dyad_buf *b, FILE *out)
{
    if (b->oom) return -1;
    if (b->len && fwrite(b->data, 1, b->len, out) != b->len) return -1;
    dyad_buf_clear(b);
    return 0;
}

int dyad_sc_stream(const char *prog, dyad_store *s, const dyad_store_filter *f, int fmt,
                   void (*table_header)(dyad_buf *b), dyad_sc_row_fn table_row)
{
    int table = fmt == DYAD_SC_TABLE && table_header && table_row;
    dyad_store_iter *it = dyad_store_query(s, f);
    if (!it) {
        fprintf(stderr, "%s: %s\n", prog, dyad_store_error(s));
        return EXIT_FAIL;
    }
    int status = EXIT_OK, rc;
    dyad_buf b;
    dyad_buf_init(&b);
    if (table) table_header(&b);
    else dyad_sc_header(&b, fmt);
    const dyad_store_event *e;
    while ((rc = dyad_store_next(it, &e)) == 1) {
        if (table) table_row(&b, e);
        else dyad_sc_event(&b, fmt, e);
        if (b.len > 1 << 16 && dyad_sc_flush(&b, stdout) != 0) break;
    }
    if (rc < 0) { fprintf(stderr, "%s: %s\n", prog, dyad_store_error(s)); status = EXIT_FAIL; }
    if (dyad_sc_flush(&b, stdout) != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "%s: write error\n", prog);
        status = EXIT_FAIL;
    }
    dyad_buf_free(&b);
    dyad_store_iter_free(it);
    return status;
}
