/*
 * cmd_dict.c — `dyad dict check|stats|lookup`: validate and inspect dictionaries.
 *
 *   check                 load every dictionary file, print every error as
 *                         file:line: message; exit 1 if there is any
 *   stats                 entries per kind, patterns per CAMEO root, load time
 *   lookup PHRASE         what an actor phrase resolves to on --date, with the
 *                         dictionary lines used (the coder's own mention finder
 *                         runs, so "Armenian Prime Minister" composes as in text)
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "cli/tabari_cli.h"
#include "code/code.h"
#include "code/explain.h"
#include "code/refine.h"
#include "dict/dict.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: dyad dict check  [--data DIR] [--dicts DIR | --dicts-tabari PROJECT]\n"
               "       dyad dict stats  [--data DIR] [--dicts DIR | --dicts-tabari PROJECT]\n"
               "       dyad dict lookup PHRASE [--date YYYY-MM-DD] [--data DIR] [--dicts DIR]\n");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int check(const dyad_cli_opts *co)
{
    if (co->tabari_project) return dyad_tabari_cli_check(co->tabari_project);
    const char *data = co->data_dir ? co->data_dir : dyad_default_data_dir();
    const char *dicts = co->dicts_dir ? co->dicts_dir : data;
    char err[1024];
    dyad_lexicon *lx = dyad_lexicon_load(data, err, sizeof err);
    if (!lx) { fprintf(stderr, "dyad dict: %s\n", err); return EXIT_FAIL; }
    dyad_dict *d = dyad_dict_new(dyad_lemma, lx);
    if (!d) { dyad_lexicon_free(lx); fprintf(stderr, "dyad dict: out of memory\n"); return EXIT_FAIL; }
    double t0 = now();
    dyad_dict_load_dir(d, dicts);
    int n = dyad_dict_compile(d);
    double dt = now() - t0;
    for (int i = 0; i < n; i++) printf("%s\n", dyad_dict_error_at(d, i));
    /* the role-dependent code rules (refine.txt) are part of the dictionaries too */
    char rp[4096];
    snprintf(rp, sizeof rp, "%s/refine.txt", dicts);
    dyad_refine *rf = dyad_refine_load(rp, err, sizeof err);
    if (!rf) { printf("%s\n", err); n++; }
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    fprintf(n ? stderr : stdout, "%s: %d error%s; %d actors, %d agents, %d patterns, %d sets, %d discards, %d refine rules (%.3f s)\n",
            dicts, n, n == 1 ? "" : "s", st.actors, st.agents, st.patterns, st.sets, st.discards, dyad_refine_count(rf), dt);
    dyad_refine_free(rf);
    dyad_dict_free(d);
    dyad_lexicon_free(lx);
    return n ? EXIT_FAIL : EXIT_OK;
}

static int stats(const dyad_cli_opts *co)
{
    if (co->tabari_project) return dyad_tabari_cli_stats(co->tabari_project);
    dyad_options o;
    dyad_cli_dyad_options(co, &o);
    char err[1024];
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) { fprintf(stderr, "dyad dict: %s\n", err); return EXIT_FAIL; }
    dyad_dict_stats st;
    dyad_dict_get_stats(ctx->dict, &st);
    printf("actors          %d (%d phrases, %d codes)\n", st.actors, st.actor_phrases, st.actor_codes);
    printf("agents          %d (%d phrases)\n", st.agents, st.agent_phrases);
    printf("patterns        %d\n", st.patterns);
    for (int r = 1; r <= 20; r++) printf("  root %02d       %d\n", r, st.patterns_per_root[r]);
    printf("sets            %d (%d members)\n", st.sets, st.set_members);
    printf("discards        %d\n", st.discards);
    printf("distinct words  %d\n", st.words);
    printf("load time       %.3f s (dyad_open: lexicon, dictionaries, extractors)\n", dyad_ctx_load_seconds(ctx));
    dyad_close(ctx);
    return EXIT_OK;
}

static int lookup(const dyad_cli_opts *co, const char *phrase)
{
    dyad_options o;
    dyad_cli_dyad_options(co, &o);
    char err[1024];
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) { fprintf(stderr, "dyad dict: %s\n", err); return EXIT_FAIL; }
    char today[11];
    const char *date = co->date;
    if (!date) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        date = today;
    }
    dyad_buf out;
    dyad_buf_init(&out);
    dyad_explain(ctx, phrase, date, &out);
    int found = 0;
    for (char *line = out.data ? strtok(out.data, "\n") : NULL; line; line = strtok(NULL, "\n"))
        if (!strncmp(line, "actor:", 6) || !strncmp(line, "compound", 8) || !strncmp(line, "description", 11)) {
            printf("%s\n", line);
            found++;
        }
    if (!found) printf("'%s': no actor on %s\n", phrase, date);
    dyad_buf_free(&out);
    dyad_close(ctx);
    return found ? EXIT_OK : EXIT_FAIL;
}

int dyad_cmd_dict(int argc, char **argv)
{
    dyad_cli_opts co;
    dyad_cli_opts_init(&co);
    const char *sub = NULL, *arg = NULL;
    for (int i = 1; i < argc; i++) {
        int rc = dyad_cli_common(&co, "dyad dict", argc, argv, &i);
        if (rc < 0) return EXIT_USAGE;
        if (rc > 0) continue;
        if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "dyad dict: unknown option '%s'\n", argv[i]); return EXIT_USAGE; }
        if (!sub) sub = argv[i];
        else if (!arg) arg = argv[i];
        else { usage(stderr); return EXIT_USAGE; }
    }
    if (co.help) { usage(stdout); return EXIT_OK; }
    if (!sub) { usage(stderr); return EXIT_USAGE; }
    if (!strcmp(sub, "check")) return check(&co);
    if (!strcmp(sub, "stats")) return stats(&co);
    if (!strcmp(sub, "lookup") && arg) return lookup(&co, arg);
    usage(stderr);
    return EXIT_USAGE;
}
