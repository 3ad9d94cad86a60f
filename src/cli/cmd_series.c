/*
 * cmd_series.c — `dyad series --db DB --by day|week|month [filters]`: event
 * counts, Goldstein sum and mean, QuadClass mix and fatalities per period,
 * every period present (zeros included), as CSV (default) or JSON Lines;
 * `--plot FILE.svg` also draws a line chart: events (left axis) and mean
 * Goldstein (right axis, -10..10).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/store_cli.h"
#include "store/store.h"

static const char usage[] =
    "usage: dyad series --db DB [--by day|week|month] [--dyad A,B | --country X | filters]\n"
    "                   [--out csv|jsonl] [--plot FILE.svg]\n"
    "\n"
    "Per period (the day, the ISO week's Monday, or the 1st of the month): events,\n"
    "mentions, goldstein_sum, goldstein_mean, quad1..quad4, fatalities.\n\n";

typedef struct series {
    dyad_buf out;
    int jsonl;
    dyad_store_point *pts;
    size_t n, cap;
    int oom;
} series;

static int on_point(const dyad_store_point *p, void *user)
{
    series *s = user;
    if (s->jsonl)
        dyad_buf_printf(&s->out, "{\"period\":\"%s\",\"events\":%lld,\"mentions\":%lld,"
                        "\"goldstein_sum\":%.2f,\"goldstein_mean\":%.3f,\"quad1\":%lld,\"quad2\":%lld,"
                        "\"quad3\":%lld,\"quad4\":%lld,\"fatalities\":%lld}\n",
                        p->period, p->events, p->mentions, p->goldstein_sum, p->goldstein_mean,
                        p->quad[1], p->quad[2], p->quad[3], p->quad[4], p->fatalities);
    else
        dyad_buf_printf(&s->out, "%s,%lld,%lld,%.2f,%.3f,%lld,%lld,%lld,%lld,%lld\n", p->period,
                        p->events, p->mentions, p->goldstein_sum, p->goldstein_mean, p->quad[1],
                        p->quad[2], p->quad[3], p->quad[4], p->fatalities);
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 256;
        dyad_store_point *v = realloc(s->pts, cap * sizeof *v);
        if (!v) { s->oom = 1; return 1; }
        s->pts = v;
        s->cap = cap;
    }
    s->pts[s->n++] = *p;
    if (s->out.len > 1 << 16 && dyad_sc_flush(&s->out, stdout) != 0) { s->oom = 1; return 1; }
    return 0;
}

/* A plain SVG line chart; no scripts, no external resources. */
static int plot(const series *s, const char *path, const char *title)
{
    const double W = 900, H = 420, L = 60, R = 60, T = 40, B = 50;
    double pw = W - L - R, ph = H - T - B;
    long long maxc = 1;
    for (size_t i = 0; i < s->n; i++) if (s->pts[i].events > maxc) maxc = s->pts[i].events;
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
               "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H);
    fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(f, "<text x=\"%.0f\" y=\"22\" font-size=\"15\">", L);
    for (const char *p = title; *p; p++) {
        if (*p == '<') fputs("&lt;", f); else if (*p == '&') fputs("&amp;", f); else fputc(*p, f);
    }
    fputs("</text>\n", f);
    fprintf(f, "<g stroke=\"#999\"><line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>"
               "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>"
               "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/>"
               "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke-dasharray=\"4 3\"/></g>\n",
            L, T + ph, L + pw, T + ph, L, T, L, T + ph, L + pw, T, L + pw, T + ph,
            L, T + ph / 2, L + pw, T + ph / 2);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%lld</text>\n", L - 6, T + 4, maxc);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">0</text>\n", L - 6, T + ph + 4);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">+10</text><text x=\"%.0f\" y=\"%.0f\">0</text>"
               "<text x=\"%.0f\" y=\"%.0f\">-10</text>\n",
            L + pw + 6, T + 4, L + pw + 6, T + ph / 2 + 4, L + pw + 6, T + ph + 4);
    if (s->n) {
        fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", L, T + ph + 18, s->pts[0].period);
        fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%s</text>\n", L + pw, T + ph + 18,
                s->pts[s->n - 1].period);
    }
    double step = s->n > 1 ? pw / (double)(s->n - 1) : 0;
    for (int line = 0; line < 2 && s->n; line++) {
        fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"",
                line ? "#c0392b" : "#2c6fbb");
        for (size_t i = 0; i < s->n; i++) {
            double x = L + (s->n > 1 ? step * (double)i : pw / 2);
            double y = line ? T + ph / 2 - s->pts[i].goldstein_mean / 10.0 * (ph / 2)
                            : T + ph - (double)s->pts[i].events / (double)maxc * ph;
            fprintf(f, "%s%.1f,%.1f", i ? " " : "", x, y);
        }
        fputs("\"/>\n", f);
    }
    fprintf(f, "<g font-size=\"12\"><rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"3\" fill=\"#2c6fbb\"/>"
               "<text x=\"%.0f\" y=\"%.0f\">events</text>"
               "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"3\" fill=\"#c0392b\"/>"
               "<text x=\"%.0f\" y=\"%.0f\">mean Goldstein</text></g>\n",
            L + 200, H - 18, L + 216, H - 14, L + 300, H - 18, L + 316, H - 14);
    fputs("</svg>\n", f);
    return fclose(f) == 0 ? 0 : -1;
}

int dyad_cmd_series(int argc, char **argv)
{
    const char *db = NULL, *by = "day", *out = "csv", *svg = NULL;
    dyad_store_filter f;
    memset(&f, 0, sizeof f);
    dyad_sc_keep keep;
    for (int i = 1; i < argc; i++) {
        int rc;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            dyad_sc_filter_help(stdout);
            return EXIT_OK;
        }
        if ((rc = dyad_sc_value("dyad series", "--db", argc, argv, &i, &db)) != 0 ||
            (rc = dyad_sc_value("dyad series", "--by", argc, argv, &i, &by)) != 0 ||
            (rc = dyad_sc_value("dyad series", "--out", argc, argv, &i, &out)) != 0 ||
            (rc = dyad_sc_value("dyad series", "--plot", argc, argv, &i, &svg)) != 0 ||
            (rc = dyad_sc_filter_opt("dyad series", &f, &keep, argc, argv, &i)) != 0) {
            if (rc < 0) return EXIT_USAGE;
            continue;
        }
        fprintf(stderr, "dyad series: unknown argument '%s' (try --help)\n", argv[i]);
        return EXIT_USAGE;
    }
    if (!db) { fprintf(stderr, "dyad series: --db is required\n"); return EXIT_USAGE; }
    dyad_store_period period = !strcmp(by, "day") ? DYAD_BY_DAY : !strcmp(by, "week") ? DYAD_BY_WEEK
                             : !strcmp(by, "month") ? DYAD_BY_MONTH : (dyad_store_period)-1;
    if ((int)period < 0) { fprintf(stderr, "dyad series: --by is day, week or month\n"); return EXIT_USAGE; }
    if (strcmp(out, "csv") && strcmp(out, "jsonl")) {
        fprintf(stderr, "dyad series: --out is csv or jsonl\n");
        return EXIT_USAGE;
    }
    char err[1024];
    dyad_store *s = dyad_store_open(db, DYAD_STORE_READONLY, err, sizeof err);
    if (!s) { fprintf(stderr, "dyad series: %s\n", err); return EXIT_FAIL; }
    series se;
    memset(&se, 0, sizeof se);
    dyad_buf_init(&se.out);
    se.jsonl = !strcmp(out, "jsonl");
    if (!se.jsonl)
        dyad_buf_puts(&se.out, "period,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4,fatalities\n");
    int status = EXIT_OK;
    int rc = dyad_store_series(s, &f, period, on_point, &se);
    if (rc < 0 || se.oom) {
        fprintf(stderr, "dyad series: %s\n", se.oom ? "out of memory or write error" : dyad_store_error(s));
        status = EXIT_FAIL;
    }
    if (dyad_sc_flush(&se.out, stdout) != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "dyad series: write error\n");
        status = EXIT_FAIL;
    }
    if (status == EXIT_OK && svg) {
        dyad_buf title;
        dyad_buf_init(&title);
        dyad_buf_printf(&title, "dyad: events per %s", by);
        if (f.dyad_a) dyad_buf_printf(&title, ", %s-%s", f.dyad_a, f.dyad_b);
        if (f.country) dyad_buf_printf(&title, ", %s", f.country);
        if (f.actor) dyad_buf_printf(&title, ", %s", f.actor);
        int prc = plot(&se, svg, title.data ? title.data : "");
        dyad_buf_free(&title);
        if (prc != 0) {
            fprintf(stderr, "dyad series: %s: cannot write\n", svg);
            status = EXIT_FAIL;
        }
    }
    dyad_buf_free(&se.out);
    free(se.pts);
    dyad_store_close(s);
    return status;
}
