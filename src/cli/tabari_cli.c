/*
 * tabari_cli.c — `dyad dict check|stats` for a TABARI project (--dicts-tabari).
 *
 * check: loads the project's .actors/.agents/.verbs/.options, prints every
 * problem as file:line: message and a summary; exit 1 if there is any (TABARI
 * mode itself skips bad lines and codes with the rest, as TABARI does).
 * stats: counts of actor phrases, agents, verbs, patterns, nouns, adjectives,
 * synonym sets and distinct words, and the load time.
 */
#include <stdio.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/tabari_cli.h"
#include "dict/tabari.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static dyad_tabari *load(const char *project, double *dt, int *nerr)
{
    double t0 = now();
    dyad_tabari *t = dyad_tabari_new();
    if (!t) return NULL;
    dyad_tabari_load_project(t, project);
    *nerr = dyad_tabari_compile(t);
    *dt = now() - t0;
    return t;
}

int dyad_tabari_cli_check(const char *project)
{
    double dt;
    int n;
    dyad_tabari *t = load(project, &dt, &n);
    if (!t) { fprintf(stderr, "dyad dict: out of memory\n"); return EXIT_FAIL; }
    for (int i = 0; i < n; i++) printf("%s\n", dyad_tabari_error_at(t, i));
    tb_stats st;
    dyad_tabari_stats(t, &st);
    fprintf(n ? stderr : stdout, "%s: %d error%s%s; %d actor phrases, %d agents, %d verbs, %d patterns (%.3f s)\n",
            project, n, n == 1 ? "" : "s", dyad_tabari_nfatal(t) ? " (a file could not be read)" : "",
            st.actors, st.agents, st.verbs, st.patterns, dt);
    dyad_tabari_free(t);
    return n ? EXIT_FAIL : EXIT_OK;
}

int dyad_tabari_cli_stats(const char *project)
{
    double dt;
    int n;
    dyad_tabari *t = load(project, &dt, &n);
    if (!t) { fprintf(stderr, "dyad dict: out of memory\n"); return EXIT_FAIL; }
    if (dyad_tabari_nfatal(t)) {
        fprintf(stderr, "dyad dict: %s\n", dyad_tabari_error_at(t, 0));
        dyad_tabari_free(t);
        return EXIT_FAIL;
    }
    tb_stats st;
    dyad_tabari_stats(t, &st);
    printf("actor phrases   %d\n", st.actors);
    printf("agents          %d\n", st.agents);
    printf("verbs           %d (roots and forms)\n", st.verbs);
    printf("patterns        %d\n", st.patterns);
    printf("nouns           %d\n", st.nouns);
    printf("adjectives      %d\n", st.adjs);
    printf("synsets         %d\n", st.synsets);
    printf("distinct words  %d\n", st.literals);
    printf("skipped lines   %d (dyad dict check lists them)\n", n);
    printf("load time       %.3f s (TABARI dictionaries only)\n", dt);
    dyad_tabari_free(t);
    return EXIT_OK;
}
