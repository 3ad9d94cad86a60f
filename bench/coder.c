/*
 * bench/coder.c — sentences per second of the coder on one core.
 *
 * usage: coder CORPUS.jsonl [RUNS] [--data DIR]
 * Loads the articles into memory, then codes them all RUNS times with one
 * dyad_coder (text analysis + coding + extractors, no output formatting) and
 * prints the dictionary load time and the median sentences/s (process CPU time,
 * so other load on a shared machine matters less). Built and run
 * by bench/coder; a measurement, not a test.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: the machine is shared */
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int count_event(const dyad_event *ev, void *user) { (void)ev; (*(long *)user)++; return 0; }
static int cmp_d(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: coder CORPUS.jsonl [RUNS] [--data DIR]\n"); return 2; }
    int runs = argc > 2 && argv[2][0] != '-' ? atoi(argv[2]) : 5;
    const char *data = NULL;
    for (int i = 1; i + 1 < argc; i++) if (!strcmp(argv[i], "--data")) data = argv[i + 1];
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 1; }
    size_t cap = 1024, n = 0;
    dyad_article *arts = calloc(cap, sizeof *arts);
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *j = json_loads(line, 0, NULL);
        if (!j) continue;
        if (n == cap) { cap *= 2; arts = realloc(arts, cap * sizeof *arts); }
        arts[n].id = strdup(json_string_value(json_object_get(j, "id")));
        arts[n].date = strdup(json_string_value(json_object_get(j, "date")));
        arts[n].text = strdup(json_string_value(json_object_get(j, "text")));
        arts[n].text_len = strlen(arts[n].text);
        n++;
        json_decref(j);
    }
    free(line);
    fclose(f);
    char err[1024];
    double t0 = now();
    dyad_ctx *ctx = dyad_open(&(dyad_options){ .data_dir = data }, err, sizeof err);
    double load = now() - t0;
    if (!ctx) { fprintf(stderr, "%s\n", err); return 1; }
    /* count sentences once with the text pipeline */
    char e2[256];
    dyad_lexicon *lx = dyad_lexicon_load(data ? data : dyad_default_data_dir(), e2, sizeof e2);
    dyad_arena ar;
    dyad_arena_init(&ar, 1 << 20);
    long sentences = 0;
    double ta = now();
    for (size_t i = 0; lx && i < n; i++) {
        dyad_text t;
        if (dyad_text_analyze(lx, &ar, arts[i].text, arts[i].text_len, &t) == 0) sentences += t.nsent;
        dyad_arena_reset(&ar);
    }
    double text_rate = sentences / (now() - ta);
    dyad_arena_free(&ar);
    if (lx) dyad_lexicon_free(lx);
    dyad_coder *c = dyad_coder_new(ctx);
    double *rate = calloc((size_t)runs, sizeof *rate);
    long events = 0;
    for (int r = 0; r < runs; r++) {
        events = 0;
        double a = now();
        for (size_t i = 0; i < n; i++) dyad_code_article(c, &arts[i], count_event, &events);
        rate[r] = sentences / (now() - a);
    }
    qsort(rate, (size_t)runs, sizeof *rate, cmp_d);
    printf("articles %zu, sentences %ld, events %ld per run\n", n, sentences, events);
    printf("dictionary load (dyad_open) %.3f s\n", load);
    printf("text pipeline alone (dyad_text_analyze): %.0f sentences/s (one run)\n", text_rate);
    printf("coder: median %.0f sentences/s over %d runs (min %.0f, max %.0f)\n", rate[runs / 2], runs, rate[0], rate[runs - 1]);
    dyad_coder_free(c);
    dyad_close(ctx);
    for (size_t i = 0; i < n; i++) { free((char *)arts[i].id); free((char *)arts[i].date); free((char *)arts[i].text); }
    free(arts);
    free(rate);
    return 0;
}
