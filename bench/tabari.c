/*
 * bench/tabari.c — TABARI mode: load time and memory of a TABARI project's
 * dictionaries, and sentences per second coding with them on one core.
 *
 * usage: tabari PROJECT CORPUS.jsonl [RUNS] [--data DIR]
 * Prints: the median load time (parse + compile of .actors/.agents/.verbs/
 * .options) over RUNS loads and the resident memory it added; then, with the
 * corpus in memory, the median sentences/s of TABARI coding alone (words +
 * parse + code per sentence, text analysed once beforehand) and of the whole
 * dyad_code_article path (text pipeline + TABARI coding + extractors).
 * Process CPU time, because the machine is shared. A measurement, not a test.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "code/tabari_coder.h"
#include "dyad.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, res = 0;
    if (f) { if (fscanf(f, "%ld %ld", &pages, &res) != 2) res = 0; fclose(f); }
    return res * 4;
}

static int cmp_d(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static int count_event(const dyad_event *ev, void *user) { (void)ev; (*(long *)user)++; return 0; }

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: tabari PROJECT CORPUS.jsonl [RUNS] [--data DIR]\n"); return 2; }
    const char *project = argv[1];
    int runs = argc > 3 && argv[3][0] != '-' ? atoi(argv[3]) : 5;
    const char *data = NULL;
    for (int i = 1; i + 1 < argc; i++) if (!strcmp(argv[i], "--data")) data = argv[i + 1];
    if (runs < 1) runs = 1;
    double *tl = calloc((size_t)runs, sizeof *tl);
    long mem = 0;
    tb_stats st = { 0 };
    int nerr = 0;
    for (int r = 0; r < runs; r++) {
        long before = rss_kb();
        double a = now();
        dyad_tabari *t = dyad_tabari_new();
        dyad_tabari_load_project(t, project);
        nerr = dyad_tabari_compile(t);
        tl[r] = now() - a;
        if (r == 0) { mem = rss_kb() - before; dyad_tabari_stats(t, &st); }
        if (dyad_tabari_nfatal(t)) { fprintf(stderr, "%s\n", dyad_tabari_error_at(t, 0)); return 1; }
        dyad_tabari_free(t);
    }
    qsort(tl, (size_t)runs, sizeof *tl, cmp_d);
    printf("project %s: %d actor phrases, %d agents, %d verb roots, %d patterns, %d skipped lines\n",
           project, st.actors, st.agents, st.verbs, st.patterns, nerr);
    printf("load: median %.3f s over %d runs (min %.3f); resident memory added by the first load %.1f MB\n",
           tl[runs / 2], runs, tl[0], mem / 1024.0);

    /* corpus */
    FILE *f = fopen(argv[2], "r");
    if (!f) { perror(argv[2]); return 1; }
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
    dyad_ctx *ctx = dyad_open(&(dyad_options){ .data_dir = data, .tabari_project = project }, err, sizeof err);
    if (!ctx) { fprintf(stderr, "%s\n", err); return 1; }
    /* TABARI coding alone: analyse every article once, keep the words */
    dyad_lexicon *lx = dyad_lexicon_load(data ? data : dyad_default_data_dir(), err, sizeof err);
    dyad_tabari *t = dyad_tabari_new();
    dyad_tabari_load_project(t, project);
    dyad_tabari_compile(t);
    dyad_arena keep, scratch;
    dyad_arena_init(&keep, 1 << 22);
    dyad_arena_init(&scratch, 1 << 20);
    size_t ns = 0, scap = 4096;
    tb_word **sw = malloc(scap * sizeof *sw);
    int *snw = malloc(scap * sizeof *snw);
    int32_t *sdate = malloc(scap * sizeof *sdate);
    for (size_t i = 0; lx && i < n; i++) {
        dyad_text tx;
        if (dyad_text_analyze(lx, &keep, arts[i].text, arts[i].text_len, &tx) != 0) continue;
        for (int s = 0; s < tx.nsent; s++) {
            if (ns == scap) {
                scap *= 2;
                sw = realloc(sw, scap * sizeof *sw); snw = realloc(snw, scap * sizeof *snw);
                sdate = realloc(sdate, scap * sizeof *sdate);
            }
            snw[ns] = dyad_tabari_words(t, tx.sent[s].tok, tx.sent[s].ntok, &keep, &sw[ns]);
            sdate[ns] = 20200101;
            ns++;
        }
    }
    double *rate = calloc((size_t)runs, sizeof *rate);
    long events = 0;
    tb_result *res = malloc(sizeof *res);
    for (int r = 0; r < runs; r++) {
        events = 0;
        double a = now();
        for (size_t k = 0; k < ns; k++) {
            dyad_tabari_code_words(t, dyad_tabari_opts(t), sw[k], snw[k], sdate[k], &scratch, res, NULL, NULL);
            events += res->nev;
            dyad_arena_reset(&scratch);
        }
        rate[r] = ns / (now() - a);
    }
    qsort(rate, (size_t)runs, sizeof *rate, cmp_d);
    printf("corpus: %zu articles, %zu sentences, %ld events per run\n", n, ns, events);
    printf("TABARI coding alone: median %.0f sentences/s over %d runs (min %.0f, max %.0f)\n",
           rate[runs / 2], runs, rate[0], rate[runs - 1]);
    dyad_coder *c = dyad_coder_new(ctx);
    for (int r = 0; r < runs; r++) {
        events = 0;
        double a = now();
        for (size_t i = 0; i < n; i++) dyad_code_article(c, &arts[i], count_event, &events);
        rate[r] = ns / (now() - a);
    }
    qsort(rate, (size_t)runs, sizeof *rate, cmp_d);
    printf("dyad_code_article in TABARI mode (text pipeline + coding + extractors): median %.0f sentences/s, %ld events\n",
           rate[runs / 2], events);
    dyad_coder_free(c);
    dyad_close(ctx);
    dyad_tabari_free(t);
    if (lx) dyad_lexicon_free(lx);
    dyad_arena_free(&keep);
    dyad_arena_free(&scratch);
    for (size_t i = 0; i < n; i++) { free((char *)arts[i].id); free((char *)arts[i].date); free((char *)arts[i].text); }
    free(arts); free(sw); free(snw); free(sdate); free(rate); free(tl); free(res);
    return 0;
}
