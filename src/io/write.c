/*
 * write.c — one event as one line: JSON Lines (the event contract of
 * DESIGN.md), CSV (RFC 4180) and PLOVER JSON Lines. The tab-separated GDELT
 * and Phoenix tables are in write_tsv.c. Column mappings: doc/formats.md.
 *
 * Missing values are JSON null / empty CSV fields: a NULL or empty string,
 * fatalities/injured < 0, quad 0 (then goldstein too), no location.
 * Numbers are printed without locale dependence and never as nan/inf.
 */
#include "io/io.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/actor_split.h"
#include "io/write_util.h"

int dyad_format_parse(const char *name)
{
    static const char *const names[] = { "jsonl", "csv", "gdelt", "phoenix", "plover" };
    for (int i = 0; name && i < 5; i++)
        if (!strcmp(name, names[i])) return i;
    return -1;
}

/* ---- shared helpers (write_util.h) ------------------------------------- */

void dyad_put_num(dyad_buf *b, double v, int decimals)
{
    if (!isfinite(v)) return;
    char s[64];
    snprintf(s, sizeof s, "%.*f", decimals, v);
    char *dot = strchr(s, '.');
    if (dot) {                      /* trim trailing zeros, keep one digit */
        char *e = s + strlen(s) - 1;
        while (e > dot + 1 && *e == '0') *e-- = '\0';
    }
    if (!strcmp(s, "-0.0")) strcpy(s, "0.0");
    dyad_buf_puts(b, s);
}

int dyad_has_goldstein(const dyad_event *ev)
{
    return isfinite(ev->goldstein) && !(ev->quad == 0 && ev->goldstein == 0);
}

static void json_str_or_null(dyad_buf *b, const char *s)
{
    if (s && *s) dyad_buf_json_str(b, s);
    else dyad_buf_puts(b, "null");
}

static void json_int_or_null(dyad_buf *b, int v)
{
    if (v >= 0) dyad_buf_printf(b, "%d", v);
    else dyad_buf_puts(b, "null");
}

static void json_num_or_null(dyad_buf *b, double v, int decimals)
{
    if (isfinite(v)) dyad_put_num(b, v, decimals);
    else dyad_buf_puts(b, "null");
}

static void json_location(dyad_buf *b, const dyad_event *ev)
{
    if (!ev->has_location) { dyad_buf_puts(b, "null"); return; }
    const dyad_location *l = &ev->location;
    dyad_buf_puts(b, "{\"name\":");
    json_str_or_null(b, l->name);
    dyad_buf_puts(b, ",\"country\":");
    json_str_or_null(b, l->country);
    dyad_buf_puts(b, ",\"lat\":");
    json_num_or_null(b, l->lat, 5);
    dyad_buf_puts(b, ",\"lon\":");
    json_num_or_null(b, l->lon, 5);
    dyad_buf_puts(b, ",\"kind\":");
    json_str_or_null(b, l->kind);
    dyad_buf_putc(b, '}');
}

/* ---- JSON Lines -------------------------------------------------------- */

static void write_jsonl(dyad_buf *b, const dyad_event *ev)
{
    dyad_buf_puts(b, "{\"article_id\":");
    json_str_or_null(b, ev->article_id);
    dyad_buf_printf(b, ",\"sentence\":%d,\"date\":", ev->sentence);
    json_str_or_null(b, ev->date);
    dyad_buf_puts(b, ",\"date_from\":");
    json_str_or_null(b, ev->date_from);
    dyad_buf_puts(b, ",\"date_precision\":");
    json_str_or_null(b, ev->date_precision);
    dyad_buf_puts(b, ",\"source\":");
    json_str_or_null(b, ev->source);
    dyad_buf_puts(b, ",\"source_name\":");
    json_str_or_null(b, ev->source_name);
    dyad_buf_puts(b, ",\"target\":");
    json_str_or_null(b, ev->target);
    dyad_buf_puts(b, ",\"target_name\":");
    json_str_or_null(b, ev->target_name);
    dyad_buf_puts(b, ",\"code\":");
    json_str_or_null(b, ev->code);
    dyad_buf_puts(b, ",\"root\":");
    json_str_or_null(b, ev->root);
    dyad_buf_puts(b, ",\"quad\":");
    if (ev->quad >= 1 && ev->quad <= 4) dyad_buf_printf(b, "%d", ev->quad);
    else dyad_buf_puts(b, "null");
    dyad_buf_puts(b, ",\"goldstein\":");
    if (dyad_has_goldstein(ev)) dyad_put_num(b, ev->goldstein, 1);
    else dyad_buf_puts(b, "null");
    dyad_buf_puts(b, ",\"plover\":");
    json_str_or_null(b, ev->plover);
    dyad_buf_puts(b, ",\"fatalities\":");
    json_int_or_null(b, ev->fatalities);
    dyad_buf_puts(b, ",\"injured\":");
    json_int_or_null(b, ev->injured);
    dyad_buf_puts(b, ",\"location\":");
    json_location(b, ev);
    dyad_buf_puts(b, ev->negated ? ",\"negated\":true" : ",\"negated\":false");
    dyad_buf_puts(b, ",\"text\":");
    json_str_or_null(b, ev->text);
    dyad_buf_puts(b, ",\"rule\":");
    json_str_or_null(b, ev->rule);
    dyad_buf_puts(b, "}\n");
}

/* ---- CSV (RFC 4180) ---------------------------------------------------- */

static const char csv_header[] =
    "article_id,sentence,date,date_from,date_precision,source,source_name,target,target_name,"
    "code,root,quad,goldstein,plover,fatalities,injured,location_name,location_country,"
    "location_lat,location_lon,location_kind,negated,text,rule";

/* A field is quoted when it holds a comma, quote, CR or LF (or starts or
 * ends with a space, which some readers would trim); quotes are doubled. */
void dyad_csv_field(dyad_buf *b, const char *s, int first)
{
    if (!first) dyad_buf_putc(b, ',');
    if (!s || !*s) return;
    size_t n = strlen(s);
    int quote = strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || s[n - 1] == ' ';
    if (!quote) { dyad_buf_add(b, s, n); return; }
    dyad_buf_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"') dyad_buf_putc(b, '"');
        dyad_buf_putc(b, *p);
    }
    dyad_buf_putc(b, '"');
}

static void csv_int(dyad_buf *b, int v)
{
    dyad_buf_putc(b, ',');
    if (v >= 0) dyad_buf_printf(b, "%d", v);
}

static void csv_num(dyad_buf *b, double v, int ok, int decimals)
{
    dyad_buf_putc(b, ',');
    if (ok) dyad_put_num(b, v, decimals);
}

static void write_csv(dyad_buf *b, const dyad_event *ev)
{
    dyad_csv_field(b, ev->article_id, 1);
    dyad_buf_printf(b, ",%d", ev->sentence);
    dyad_csv_field(b, ev->date, 0);
    dyad_csv_field(b, ev->date_from, 0);
    dyad_csv_field(b, ev->date_precision, 0);
    dyad_csv_field(b, ev->source, 0);
    dyad_csv_field(b, ev->source_name, 0);
    dyad_csv_field(b, ev->target, 0);
    dyad_csv_field(b, ev->target_name, 0);
    dyad_csv_field(b, ev->code, 0);
    dyad_csv_field(b, ev->root, 0);
    csv_int(b, ev->quad >= 1 && ev->quad <= 4 ? ev->quad : -1);
    csv_num(b, ev->goldstein, dyad_has_goldstein(ev), 1);
    dyad_csv_field(b, ev->plover, 0);
    csv_int(b, ev->fatalities);
    csv_int(b, ev->injured);
    const dyad_location *l = &ev->location;
    int has = ev->has_location;
    dyad_csv_field(b, has ? l->name : NULL, 0);
    dyad_csv_field(b, has ? l->country : NULL, 0);
    csv_num(b, l->lat, has && isfinite(l->lat), 5);
    csv_num(b, l->lon, has && isfinite(l->lon), 5);
    dyad_csv_field(b, has ? l->kind : NULL, 0);
    dyad_buf_puts(b, ev->negated ? ",true" : ",false");
    dyad_csv_field(b, ev->text, 0);
    dyad_csv_field(b, ev->rule, 0);
    dyad_buf_puts(b, "\r\n");
}

/* ---- PLOVER JSON Lines ------------------------------------------------- */

static void plover_entity(dyad_buf *b, const char *code, const char *name)
{
    if (!code || !*code) { dyad_buf_puts(b, "[]"); return; }
    dyad_actor_parts p;
    dyad_actor_split(code, &p);
    dyad_buf_puts(b, "[{\"code\":");
    json_str_or_null(b, p.country[0] ? p.country : p.group);
    dyad_buf_puts(b, ",\"sector\":");
    json_str_or_null(b, p.type[0]);
    dyad_buf_puts(b, ",\"entity_text\":");
    json_str_or_null(b, name);
    dyad_buf_puts(b, ",\"cameo\":");
    dyad_buf_json_str(b, code);
    dyad_buf_puts(b, "}]");
}

static void write_plover(dyad_buf *b, const dyad_event *ev, const dyad_event_stats *st)
{
    dyad_buf_puts(b, "{\"id\":");
    if (st && st->event_key && *st->event_key) {
        dyad_buf_json_str(b, st->event_key);
    } else if (st && st->event_id) {
        dyad_buf_printf(b, "\"%lld\"", st->event_id);
    } else {
        /* no store id: the article, sentence, dyad and code identify it */
        dyad_buf id;
        dyad_buf_init(&id);
        dyad_buf_printf(&id, "%s-%d-%s-%s-%s", ev->article_id ? ev->article_id : "",
                        ev->sentence, ev->source ? ev->source : "", ev->code,
                        ev->target ? ev->target : "");
        dyad_buf_json_str(b, id.data ? id.data : "");
        dyad_buf_free(&id);
    }
    dyad_buf_puts(b, ",\"date\":");
    json_str_or_null(b, ev->date);
    dyad_buf_puts(b, ",\"actor\":");
    plover_entity(b, ev->source, ev->source_name);
    dyad_buf_puts(b, ",\"recipient\":");
    plover_entity(b, ev->target, ev->target_name);
    dyad_buf_puts(b, ",\"event\":");
    if (ev->plover && *ev->plover) {
        dyad_buf_putc(b, '[');
        dyad_buf_json_str(b, ev->plover);
        dyad_buf_putc(b, ']');
    } else {
        dyad_buf_puts(b, "[]");
    }
    dyad_buf_puts(b, ",\"quad_code\":");
    if (ev->quad >= 1 && ev->quad <= 4) dyad_buf_printf(b, "%d", ev->quad);
    else dyad_buf_puts(b, "null");
    dyad_buf_puts(b, ",\"event_scale\":");
    if (dyad_has_goldstein(ev)) dyad_put_num(b, ev->goldstein, 1);
    else dyad_buf_puts(b, "null");
    dyad_buf_puts(b, ",\"cameo_code\":");
    json_str_or_null(b, ev->code);
    dyad_buf_puts(b, ",\"event_loc\":");
    if (ev->has_location) {
        const dyad_location *l = &ev->location;
        dyad_buf_puts(b, "{\"extracted_place\":");
        json_str_or_null(b, l->name);
        dyad_buf_puts(b, ",\"lat\":");
        json_num_or_null(b, l->lat, 5);
        dyad_buf_puts(b, ",\"lon\":");
        json_num_or_null(b, l->lon, 5);
        dyad_buf_puts(b, ",\"country_code\":");
        json_str_or_null(b, l->country);
        dyad_buf_puts(b, ",\"resolution\":");
        const char *k = l->kind ? l->kind : "";
        if (!strcmp(k, "country")) dyad_buf_puts(b, "1");
        else if (!strcmp(k, "region") || !strcmp(k, "conflict_region")) dyad_buf_puts(b, "2");
        else if (!strcmp(k, "city")) dyad_buf_puts(b, "4");
        else dyad_buf_puts(b, "null");
        dyad_buf_putc(b, '}');
    } else {
        dyad_buf_puts(b, "null");
    }
    dyad_buf_puts(b, ",\"size\":{\"dead\":");
    json_int_or_null(b, ev->fatalities);
    dyad_buf_puts(b, ",\"injured\":");
    json_int_or_null(b, ev->injured);
    dyad_buf_puts(b, "},\"text\":");
    json_str_or_null(b, ev->text);
    dyad_buf_printf(b, ",\"text_info\":{\"sequence\":%d}", ev->sentence);
    dyad_buf_puts(b, ",\"cite_info\":{\"citation\":");
    json_str_or_null(b, ev->article_id);
    dyad_buf_puts(b, ",\"url\":");
    json_str_or_null(b, st ? st->source_url : NULL);
    dyad_buf_puts(b, ",\"coder\":\"dyad " DYAD_VERSION "\"}");
    if (ev->negated) dyad_buf_puts(b, ",\"negated\":true");
    dyad_buf_puts(b, "}\n");
}

/* ---- dispatch ---------------------------------------------------------- */

void dyad_write_header(dyad_buf *b, dyad_format f)
{
    if (f == DYAD_FMT_CSV) {
        dyad_buf_puts(b, csv_header);
        dyad_buf_puts(b, "\r\n");
    }
}

void dyad_write_event(dyad_buf *b, dyad_format f, const dyad_event *ev, const dyad_event_stats *stats)
{
    switch (f) {
    case DYAD_FMT_JSONL:   write_jsonl(b, ev); break;
    case DYAD_FMT_CSV:     write_csv(b, ev); break;
    case DYAD_FMT_GDELT:   dyad_write_gdelt(b, ev, stats); break;
    case DYAD_FMT_PHOENIX: dyad_write_phoenix(b, ev, stats); break;
    case DYAD_FMT_PLOVER:  write_plover(b, ev, stats); break;
    }
}
