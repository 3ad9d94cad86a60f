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
    dyad_options o = {0};
    const char *date = NULL, *text = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return EXIT_OK; }
        else if (!strcmp(a, "--date") && i + 1 < argc) date = argv[++i];
        else if (!strcmp(a, "--data") && i + 1 < argc) o.data_dir = argv[++i];
        else if (!strcmp(a, "--dicts") && i + 1 < argc) o.dicts_dir = argv[++i];
        else if (!strcmp(a, "--keep-negated")) o.keep_negated = 1;
        else if (!strcmp(a, "--speaker-events")) o.speaker_events = 1;
        else if (a[0] == '-' && a[1]) { fprintf(stderr, "dyad explain: unknown option '%s'\n", a); usage(stderr); return EXIT_USAGE; }
        else if (!text) text = a;
        else { fprintf(stderr, "dyad explain: give one sentence (quote it)\n"); return EXIT_USAGE; }
    }
    if (!text) { usage(stderr); return EXIT_USAGE; }
    char today[11];
    if (!date) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        date = today;
    }
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
