/*
 * write_tsv.c — the two tab-separated event tables other tools read:
 * GDELT 2.0's event table (61 columns, codebook order, no header) and the
 * Phoenix dataset's table (26 columns). Column by column mapping and what
 * dyad cannot fill (tone, actor geography, FIPS codes): doc/formats.md.
 *
 * Fields never contain a tab or line break: those are replaced by spaces,
 * since neither format has quoting.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "io/actor_split.h"
#include "io/write_util.h"

static void raw(dyad_buf *b, const char *s)
{
    for (; s && *s; s++)
        dyad_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static void field(dyad_buf *b, const char *s)
{
    dyad_buf_putc(b, '\t');
    raw(b, s);
}

static void field_upper(dyad_buf *b, const char *s)
{
    dyad_buf_putc(b, '\t');
    for (; s && *s; s++) {
        char c = (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s;
        dyad_buf_putc(b, (char)toupper((unsigned char)c));
    }
}

static void field_int(dyad_buf *b, long long v)
{
    dyad_buf_printf(b, "\t%lld", v);
}

static int date_parts(const char *d, int *y, int *m, int *day)
{
    return d && sscanf(d, "%4d-%2d-%2d", y, m, day) == 3;
}

/* The 10 actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code. */
static void gdelt_actor(dyad_buf *b, const char *code, const char *name)
{
    dyad_actor_parts p;
    dyad_actor_split(code, &p);
    field(b, code);
    field_upper(b, code && *code ? name : NULL);
    field(b, p.country);
    field(b, p.group);
    field(b, p.ethnic);
    field(b, p.religion[0]);
    field(b, p.religion[1]);
    field(b, p.type[0]);
    field(b, p.type[1]);
    field(b, p.type[2]);
}

/* GDELT geographic types: 1 country, 2 US state, 3 US city, 4 world city,
 * 5 world state (first-order division). */
static int geo_type(const dyad_location *l)
{
    const char *k = l->kind ? l->kind : "";
    int us = !strcmp(l->country, "USA");
    if (!strcmp(k, "country")) return 1;
    if (!strcmp(k, "city")) return us ? 3 : 4;
    if (!strcmp(k, "region") || !strcmp(k, "conflict_region")) return us ? 2 : 5;
    return 4;
}

/* The 8 geography columns: Type, FullName, CountryCode, ADM1Code, ADM2Code,
 * Lat, Long, FeatureID. l == NULL: unknown (type 0, the rest empty). */
static void gdelt_geo(dyad_buf *b, const dyad_location *l)
{
    if (!l) {
        dyad_buf_puts(b, "\t0\t\t\t\t\t\t\t");
        return;
    }
    field_int(b, geo_type(l));
    field(b, l->name);
    field(b, l->country);
    field(b, NULL);
    field(b, NULL);
    dyad_buf_putc(b, '\t');
    dyad_put_num(b, l->lat, 5);
    dyad_buf_putc(b, '\t');
    dyad_put_num(b, l->lon, 5);
    field(b, NULL);
}

void dyad_write_gdelt(dyad_buf *b, const dyad_event *ev, const dyad_event_stats *st)
{
    int y = 0, m = 0, d = 0;
    date_parts(ev->date, &y, &m, &d);
    if (st && st->event_id) dyad_buf_printf(b, "%lld", st->event_id);   /* 1 GLOBALEVENTID */
    dyad_buf_printf(b, "\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f",         /* 2-5 dates */
                    y, m, d, y, m, y, y + (m * 30 + d) / 365.0);
    gdelt_actor(b, ev->source, ev->source_name);                       /* 6-15 */
    gdelt_actor(b, ev->target, ev->target_name);                       /* 16-25 */
    field_int(b, ev->sentence == 0);                                   /* 26 IsRootEvent */
    field(b, ev->code);                                                /* 27 EventCode */
    char base[4] = { 0 };
    memcpy(base, ev->code, strlen(ev->code) >= 3 ? 3 : strlen(ev->code));
    field(b, base);                                                    /* 28 EventBaseCode */
    field(b, ev->root);                                                /* 29 EventRootCode */
    field_int(b, ev->quad);                                            /* 30 QuadClass */
    dyad_buf_putc(b, '\t');                                            /* 31 GoldsteinScale */
    if (dyad_has_goldstein(ev)) dyad_put_num(b, ev->goldstein, 1);
    field_int(b, st && st->num_mentions ? st->num_mentions : 1);       /* 32 NumMentions */
    field_int(b, st && st->num_sources ? st->num_sources : 1);         /* 33 NumSources */
    field_int(b, st && st->num_articles ? st->num_articles : 1);       /* 34 NumArticles */
    field(b, NULL);                                                    /* 35 AvgTone */
    gdelt_geo(b, NULL);                                                /* 36-43 Actor1Geo */
    gdelt_geo(b, NULL);                                                /* 44-51 Actor2Geo */
    gdelt_geo(b, ev->has_location ? &ev->location : NULL);             /* 52-59 ActionGeo */
    if (st && st->date_added && *st->date_added) field(b, st->date_added);   /* 60 DATEADDED */
    else dyad_buf_printf(b, "\t%04d%02d%02d000000", y, m, d);
    field(b, st ? st->source_url : NULL);                              /* 61 SOURCEURL */
    dyad_buf_putc(b, '\n');
}

/* Phoenix: Entity = country (or lone group), Role = first role code,
 * Attribute = every other segment, concatenated. */
static void phoenix_actor(dyad_buf *b, const char *code)
{
    dyad_actor_parts p;
    dyad_actor_split(code, &p);
    field(b, code);
    field(b, p.country[0] ? p.country : p.group);
    field(b, p.type[0]);
    char attr[128] = "";
    if (p.country[0] && p.group[0]) strcat(attr, p.group);
    strcat(attr, p.type[1]);
    strcat(attr, p.type[2]);
    strcat(attr, p.religion[0]);
    strcat(attr, p.religion[1]);
    strcat(attr, p.ethnic);
    strncat(attr, p.other, sizeof attr - strlen(attr) - 1);
    field(b, attr);
}

void dyad_write_phoenix(dyad_buf *b, const dyad_event *ev, const dyad_event_stats *st)
{
    int y = 0, m = 0, d = 0;
    date_parts(ev->date, &y, &m, &d);
    if (st && st->event_id) dyad_buf_printf(b, "%lld", st->event_id);   /* 1 EventID */
    dyad_buf_printf(b, "\t%04d%02d%02d\t%d\t%d\t%d", y, m, d, y, m, d); /* 2-5 */
    phoenix_actor(b, ev->source);                                      /* 6-9 */
    phoenix_actor(b, ev->target);                                      /* 10-13 */
    field(b, ev->code);                                                /* 14 EventCode */
    field(b, ev->root);                                                /* 15 EventRootCode */
    field_int(b, ev->quad);                                            /* 16 QuadClass */
    dyad_buf_putc(b, '\t');                                            /* 17 GoldsteinScore */
    if (dyad_has_goldstein(ev)) dyad_put_num(b, ev->goldstein, 1);
    field(b, NULL);                                                    /* 18 Issues */
    const dyad_location *l = ev->has_location ? &ev->location : NULL;
    dyad_buf_putc(b, '\t');                                            /* 19 Lat */
    if (l) dyad_put_num(b, l->lat, 5);
    dyad_buf_putc(b, '\t');                                            /* 20 Lon */
    if (l) dyad_put_num(b, l->lon, 5);
    field(b, l ? l->name : NULL);                                      /* 21 LocationName */
    field(b, NULL);                                                    /* 22 StateName */
    field(b, l ? l->country : NULL);                                   /* 23 CountryCode */
    dyad_buf_putc(b, '\t');                                            /* 24 SentenceID */
    raw(b, ev->article_id);
    dyad_buf_printf(b, "_%d", ev->sentence);
    field(b, st ? st->source_url : NULL);                              /* 25 URLs */
    field(b, NULL);                                                    /* 26 NewsSources */
    dyad_buf_putc(b, '\n');
}
