/*
 * cmd_explain.c — `dyad explain "SENTENCE" [--date D] [--data DIR] [--dicts DIR]`
 *
 * Prints how the sentence is coded, step by step: tokens and lemmas, actor
 * phrases (dictionary file:line, the date rule applied), composed agents,
 * clauses, verb groups, the patterns tried and which fired (or why none did),
 * discards, and the final events.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "code/explain.h"
#include "util/buf.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: dyad explain \"SENTENCE\" [--date YYYY-MM-DD] [--data DIR] [--dicts DIR]\n"
               "                    [--keep-negated] [--speaker-events]\n"
               "Shows step by step how the sentence is (or is not) coded.\n");
}

int dyad_cmd_explain(int argc, char **argv)
{
    dyad_cli_opts co;
    dyad_cli_opts_init(&co);
    const char *text = NULL;
    for (int i = 1; i < argc; i++) {
        int rc = dyad_cli_common(&co, "dyad explain", argc, argv, &i);
        if (rc < 0) return EXIT_USAGE;
        if (rc > 0) continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad explain: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return EXIT_USAGE;
        }
        if (text) { fprintf(stderr, "dyad explain: give one sentence (quote it)\n"); return EXIT_USAGE; }
        text = argv[i];
    }
    if (co.help) { usage(stdout); dyad_cli_common_help(stdout); return EXIT_OK; }
    if (!text) { usage(stderr); return EXIT_USAGE; }
    const char *date = co.date;
    char today[11];
    if (!date) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        date = today;
    }
    dyad_options o;
    dyad_cli_dyad_options(&co, &o);
    char err[1024];
    dyad_ctx *ctx = dyad_open(&o, err, sizeof err);
    if (!ctx) { fprintf(stderr, "dyad explain: %s\n", err); return EXIT_FAIL; }
    dyad_buf out;
    dyad_buf_init(&out);
    int rc = dyad_explain(ctx, text, date, &out);
    if (out.data) fputs(out.data, stdout);
    dyad_buf_free(&out);
    dyad_close(ctx);
    return rc < 0 ? EXIT_FAIL : EXIT_OK;
}
