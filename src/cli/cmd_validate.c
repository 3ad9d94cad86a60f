/*
 * cmd_validate.c — `dyad validate [--verbose] [--data DIR] PROJECT`: run a
 * TABARI validation project (e.g. TABARI's Validate.project) in dyad's TABARI
 * mode and report how many records code as their comments say.
 *
 * The project names the dictionaries, options and the text file. Records of
 * the text file are "YYMMDD ID" header lines, the sentence, then a comment
 * (slash-star ... star-slash) holding the expected codings: "{ SRC / TGT / CODE }" events,
 * "{---}" (no events), "{###}" (discarded), "{+++}" (complex), "-{" (check no
 * further braces) and "{ OPTION: <.options line> }" which changes the options
 * for this and later records. As in TABARI, special codes are checked first;
 * events are compared as sets. Validation stops at the first record without
 * any {...} (TABARI's FINAL-01). Records with no expectation are skipped.
 * Output: "validation: P passed, F failed, S skipped"; with --verbose every
 * failing record is listed with what was expected and what was coded.
 * Exit status: 0 if every asserting record passed, 1 otherwise.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "code/tabari_coder.h"
#include "dyad.h"
#include "util/arena.h"

typedef struct expect {
    char ev[32][3][48];
    int nev;
    int none, discard, complex;
    int subset;                 /* "-{": further codings may be missing from the list */
    int date;                   /* YYMMDD after the first event's '}', -1 none (time shifting) */
} expect;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1) break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb) { free(buf); buf = NULL; }
        else buf = nb;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    return buf;
}

/* "YYMMDD ID" or (SET: YYYY = TRUE) "YYYYMMDD ID"; returns the date length */
static int is_header(const char *l)
{
    int n = 0;
    while (n < 12 && isdigit((unsigned char)l[n])) n++;
    if (n < 6) return 0;
    return (l[n] == ' ' || l[n] == '\t') ? n : 0;
}

static void squeeze(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) if (!isspace((unsigned char)*p)) *o++ = (char)toupper((unsigned char)*p);
    *o = '\0';
}

/* Parse the braces of a comment; apply OPTION lines to o. Returns 1 if the
 * record asserts something. */
static int parse_expect(const char *com, expect *x, tb_opts *o, const char *id, int *option_errors)
{
    memset(x, 0, sizeof *x);
    x->date = -1;
    int asserts = 0;
    for (const char *p = com; (p = strchr(p, '{')); ) {
        const char *q = strchr(p, '}');
        if (!q) q = p + strlen(p);          /* unclosed: up to the end of the comment */
        int dashed = p > com && p[-1] == '-';
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s", (int)(q - p - 1), p + 1);
        p = *q ? q + 1 : q;
        char *b = buf;
        while (isspace((unsigned char)*b)) b++;
        if (!strncasecmp(b, "OPTION:", 7)) {
            char err[256];
            if (dyad_tabari_option_line(o, b + 7, err, sizeof err) < 0) {
                fprintf(stderr, "dyad validate: %s: %s\n", id, err);
                (*option_errors)++;
            }
            continue;
        }
        if (dashed) { x->subset = 1; break; }
        char sq[512];
        snprintf(sq, sizeof sq, "%s", b);
        squeeze(sq);
        if (!strcmp(sq, "---")) { x->none = 1; asserts = 1; continue; }
        if (!strcmp(sq, "###")) { x->discard = 1; asserts = 1; continue; }
        if (!strcmp(sq, "+++")) { x->complex = 1; asserts = 1; continue; }
        char *f1 = strchr(sq, '/'), *f2 = f1 ? strchr(f1 + 1, '/') : NULL;
        if (!f1 || !f2 || strchr(f2 + 1, '/') || x->nev >= 32) continue;
        *f1 = *f2 = '\0';
        if (x->nev == 0) {                  /* "{ A / B / 032 } 941204": the expected date */
            const char *d = p;
            while (*d == ' ' || *d == '\t') d++;
            int k = 0;
            while (k < 6 && d[k] >= '0' && d[k] <= '9') k++;
            if (k == 6 && !(d[6] >= '0' && d[6] <= '9')) x->date = atoi(d) ;
        }
        snprintf(x->ev[x->nev][0], 48, "%.47s", sq);
        snprintf(x->ev[x->nev][1], 48, "%.47s", f1 + 1);
        snprintf(x->ev[x->nev][2], 48, "%.47s", f2 + 1);
        x->nev++;
        asserts = 1;
    }
    return asserts;
}

static int passes(const expect *x, const tb_result *r, int time_shift)
{
    if (x->discard && r->status == TB_DISCARD) return 1;
    if (x->complex && r->status == TB_COMPLEX) return 1;
    if (x->none && r->nev == 0 && r->status != TB_DISCARD && r->status != TB_COMPLEX) return 1;
    if (!x->nev || r->status == TB_DISCARD || r->status == TB_COMPLEX) return 0;
    if (x->subset ? x->nev > r->nev : x->nev != r->nev) return 0;
    /* with time shifting, the first coding carries the (shifted) date, as in TABARI */
    if (time_shift && (x->date < 0 || x->date != (r->date / 10000 % 100) * 10000 + r->date % 10000)) return 0;
    int used[TB_MAX_EVENTS] = {0};
    for (int i = 0; i < x->nev; i++) {
        int found = 0;
        for (int k = 0; k < r->nev && !found; k++)
            if (!used[k] && !strcmp(x->ev[i][0], r->ev[k].src) && !strcmp(x->ev[i][1], r->ev[k].tgt) &&
                !strcmp(x->ev[i][2], r->ev[k].code)) { used[k] = 1; found = 1; }
        if (!found) return 0;
    }
    return 1;
}

static void show(const char *id, const expect *x, const tb_result *r)
{
    printf("FAIL %s: expected", id);
    if (x->none) printf(" {---}");
    if (x->discard) printf(" {###}");
    if (x->complex) printf(" {+++}");
    for (int i = 0; i < x->nev; i++) printf(" {%s/%s/%s}", x->ev[i][0], x->ev[i][1], x->ev[i][2]);
    printf("; got");
    if (r->status == TB_DISCARD) printf(" {###} (%s)", r->why);
    else if (r->status == TB_COMPLEX) printf(" {+++} (%s)", r->why);
    else if (r->status == TB_TOO_SHORT) printf(" nothing (%s)", r->why);
    else if (!r->nev) printf(" {---}");
    for (int i = 0; i < r->nev; i++) printf(" {%s/%s/%s}", r->ev[i].src, r->ev[i].tgt, r->ev[i].code);
    if (x->date >= 0) printf(" (expected date %06d, coded %08d)", x->date, (int)r->date);
    printf("\n");
}

/* Move the comments of body into com; text keeps the first paragraph. */
static void split_record(char *body, char **text, char **com)
{
    size_t n = strlen(body);
    char *t = malloc(n + 1), *c = malloc(n + 1);
    size_t tn = 0, cn = 0;
    for (size_t i = 0; i < n; ) {
        if (body[i] == '/' && body[i + 1] == '*') {
            char *e = strstr(body + i + 2, "*/");
            size_t end = e ? (size_t)(e - body) : n;
            memcpy(c + cn, body + i + 2, end - i - 2);
            cn += end - i - 2;
            c[cn++] = ' ';
            i = e ? end + 2 : n;
        } else t[tn++] = body[i++];
    }
    t[tn] = c[cn] = '\0';
    /* drop '#' banner lines; keep text up to the first blank line after text */
    char *o = t, *line = t;
    int started = 0;
    char *out = malloc(tn + 2);
    size_t on = 0;
    while (line && *line) {
        char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        int blank = 1;
        for (size_t k = 0; k < len; k++) if (!isspace((unsigned char)line[k])) blank = 0;
        if (line[0] == '#') blank = 1;
        if (blank && started) break;
        if (!blank) {
            started = 1;
            memcpy(out + on, line, len);
            on += len;
            out[on++] = ' ';
        }
        line = eol ? eol + 1 : NULL;
    }
    out[on] = '\0';
    (void)o;
    free(t);
    *text = out;
    *com = c;
}

static int usage(void)
{
    fprintf(stderr, "usage: dyad validate [--verbose] [--data DIR] PROJECT\n");
    return EXIT_USAGE;
}

int dyad_cmd_validate(int argc, char **argv)
{
    const char *project = NULL, *data = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) verbose = 1;
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return usage(), EXIT_OK;
        else if (argv[i][0] == '-' ) return usage();
        else if (!project) project = argv[i];
        else return usage();
    }
    if (!project) return usage();
    dyad_tabari *t = dyad_tabari_new();
    if (!t) { fprintf(stderr, "dyad validate: out of memory\n"); return EXIT_FAIL; }
    dyad_tabari_load_project(t, project);
    int nerr = dyad_tabari_compile(t);
    /* like TABARI, a bad dictionary line is reported and skipped; a lost file is fatal */
    for (int i = 0; i < nerr && i < 20; i++)
        fprintf(stderr, "%s: %s\n", dyad_tabari_nfatal(t) ? "error" : "warning", dyad_tabari_error_at(t, i));
    if (nerr > 20) fprintf(stderr, "... and %d more\n", nerr - 20);
    if (dyad_tabari_nfatal(t)) {
        dyad_tabari_free(t);
        return EXIT_FAIL;
    }
    const char *textfile = dyad_tabari_text_file(t);
    char *text = textfile ? slurp(textfile) : NULL;
    if (!text) {
        fprintf(stderr, "dyad validate: %s: %s\n", project, textfile ? "cannot read the <textfile>" : "no <textfile> in project");
        dyad_tabari_free(t);
        return EXIT_FAIL;
    }
    char err[512];
    dyad_lexicon *lx = dyad_lexicon_load(data ? data : dyad_default_data_dir(), err, sizeof err);
    if (!lx) { fprintf(stderr, "dyad validate: %s\n", err); free(text); dyad_tabari_free(t); return EXIT_FAIL; }
    tb_opts opts = *dyad_tabari_opts(t);
    dyad_arena arena;
    dyad_arena_init(&arena, 1 << 18);
    int pass = 0, fail = 0, skip = 0, option_errors = 0, prev_sent = -10;
    char story[128] = "";
    tb_forward fwd = { 0 };
    char *p = text;
    while (*p && !is_header(p)) { char *e = strchr(p, '\n'); p = e ? e + 1 : p + strlen(p); }
    while (*p) {
        char *hdr_end = strchr(p, '\n');
        if (!hdr_end) break;
        char id[128] = "", date6[13];
        int dl = is_header(p);
        memcpy(date6, p, (size_t)dl); date6[dl] = '\0';
        sscanf(p + dl, " %127s", id);
        char *body = hdr_end + 1, *next = body;
        while (*next && !is_header(next)) { char *e = strchr(next, '\n'); next = e ? e + 1 : next + strlen(next); }
        char save = *next;
        *next = '\0';
        char *rtext, *com;
        split_record(body, &rtext, &com);
        *next = save;
        p = next;
        expect x;
        int any_brace = strchr(com, '{') != NULL;
        int asserts = parse_expect(com, &x, &opts, id, &option_errors);
        if (!any_brace) { free(rtext); free(com); break; }
        if (!asserts) { skip++; free(rtext); free(com); continue; }
        dyad_arena_reset(&arena);
        dyad_text tx;
        tb_result r;
        memset(&r, 0, sizeof r);
        if (dyad_text_analyze(lx, &arena, rtext, strlen(rtext), &tx) == 0) {
            int ntok = 0;
            for (int s = 0; s < tx.nsent; s++) ntok += tx.sent[s].ntok;
            dyad_token *tok = dyad_arena_calloc(&arena, (size_t)ntok + 1, sizeof *tok);
            int k = 0;
            for (int s = 0; s < tx.nsent; s++)
                for (int j = 0; j < tx.sent[s].ntok; j++) tok[k++] = tx.sent[s].tok[j];
            tb_word *w;
            int nw = dyad_tabari_words(t, tok, ntok, &arena, &w);
            int32_t date = dl == 6 ? dyad_tabari_date6(date6, 6) : dl == 8 ? atoi(date6) : 0;
            /* forwarding: same story (id up to its last '-'), next sentence number */
            const char *dash = strrchr(id, '-');
            int sent = dash ? atoi(dash + 1) : -1;
            size_t sl = dash ? (size_t)(dash - id) : 0;
            int can = opts.forward && dash && sl == strlen(story) && !strncmp(id, story, sl) && sent == prev_sent + 1;
            tb_forward prev = fwd;
            dyad_tabari_code_words(t, &opts, w, nw, date < 0 ? 0 : date, &arena, &r, can ? &prev : NULL, &fwd);
            snprintf(story, sizeof story, "%.*s", (int)sl, id);
            prev_sent = sent;
        }
        if (passes(&x, &r, opts.time_shift)) pass++;
        else {
            fail++;
            if (verbose) show(id, &x, &r);
        }
        free(rtext);
        free(com);
    }
    printf("validation: %d passed, %d failed, %d skipped\n", pass, fail, skip);
    dyad_arena_free(&arena);
    dyad_lexicon_free(lx);
    free(text);
    dyad_tabari_free(t);
    return fail || option_errors ? EXIT_FAIL : EXIT_OK;
}
