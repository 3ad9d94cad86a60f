/*
 * options.c — parsing the options shared by the subcommands; see options.h.
 */
#include "cli/options.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/io.h"

void dyad_cli_opts_init(dyad_cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->in = "auto";
    o->out = DYAD_FMT_JSONL;
    o->jobs = 1;
}

int dyad_cli_value(const char *prog, const char *name, int argc, char **argv, int *i,
                   const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n)) return 0;
    if (a[n] == '=') { *val = a + n + 1; return 1; }
    if (a[n] != '\0') return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "%s: %s needs a value\n", prog, name);
        return -1;
    }
    *val = argv[++*i];
    return 1;
}

static int parse_jobs(const char *prog, const char *s, int *jobs)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || n < 0 || n > 256) {
        fprintf(stderr, "%s: -j wants a number of threads from 1 to 256 (0: one per CPU), not '%s'\n", prog, s);
        return -1;
    }
    if (n == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus > 0 ? (cpus > 256 ? 256 : cpus) : 1;
    }
    *jobs = (int)n;
    return 1;
}

int dyad_cli_common(dyad_cli_opts *o, const char *prog, int argc, char **argv, int *i)
{
    const char *a = argv[*i], *v = NULL;
    int rc;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { o->help = 1; return 1; }
    if (!strcmp(a, "--strict")) { o->strict = 1; return 1; }
    if (!strcmp(a, "--keep-negated")) { o->keep_negated = 1; return 1; }
    if (!strcmp(a, "--speaker-events")) { o->speaker_events = 1; return 1; }
    if ((rc = dyad_cli_value(prog, "--data", argc, argv, i, &v))) {
        if (rc > 0) o->data_dir = v;
        return rc;
    }
    if ((rc = dyad_cli_value(prog, "--dicts-tabari", argc, argv, i, &v))) {
        if (rc > 0) o->tabari_project = v;
        return rc;
    }
    if ((rc = dyad_cli_value(prog, "--dicts", argc, argv, i, &v))) {
        if (rc > 0) o->dicts_dir = v;
        return rc;
    }
    if ((rc = dyad_cli_value(prog, "--date", argc, argv, i, &v))) {
        if (rc < 0) return rc;
        if (!dyad_date_valid(v)) {
            fprintf(stderr, "%s: --date wants a real day as YYYY-MM-DD, not '%s'\n", prog, v);
            return -1;
        }
        o->date = v;
        return 1;
    }
    if ((rc = dyad_cli_value(prog, "--in", argc, argv, i, &v))) {
        if (rc < 0) return rc;
        if (strcmp(v, "auto") && strcmp(v, "jsonl") && strcmp(v, "text")) {
            fprintf(stderr, "%s: --in wants auto, jsonl or text, not '%s'\n", prog, v);
            return -1;
        }
        o->in = v;
        return 1;
    }
    if ((rc = dyad_cli_value(prog, "--out", argc, argv, i, &v))) {
        if (rc < 0) return rc;
        int f = dyad_format_parse(v);
        if (f < 0) {
            fprintf(stderr, "%s: --out wants jsonl, csv, gdelt, phoenix or plover, not '%s'\n", prog, v);
            return -1;
        }
        o->out = f;
        return 1;
    }
    if (!strncmp(a, "-j", 2) && a[2] != '\0')             /* -j4 */
        return parse_jobs(prog, a + 2, &o->jobs);
    if (!strcmp(a, "-j") || !strncmp(a, "--jobs", 6)) {
        if (!strcmp(a, "-j")) {
            if (*i + 1 >= argc) { fprintf(stderr, "%s: -j needs a value\n", prog); return -1; }
            v = argv[++*i];
        } else if ((rc = dyad_cli_value(prog, "--jobs", argc, argv, i, &v)) <= 0) {
            return rc;
        }
        return parse_jobs(prog, v, &o->jobs);
    }
    return 0;
}

void dyad_cli_common_help(FILE *out)
{
    fprintf(out,
        "common options:\n"
        "  --data DIR             data directory (default: %s)\n"
        "  --dicts DIR            dictionaries directory (default: the data directory)\n"
        "  --dicts-tabari PROJECT code with a TABARI .project file's dictionaries\n"
        "  --date YYYY-MM-DD      article date for text without a Date: header\n"
        "  --in auto|jsonl|text   input format (default: by extension, then content)\n"
        "  --out jsonl|csv|gdelt|phoenix|plover   output format (default: jsonl)\n"
        "  -j N, --jobs N         code with N threads; same output, same order (0: one per CPU)\n"
        "  --strict               exit with status 3 if any record was skipped\n"
        "  --keep-negated         also emit negated events (with \"negated\": true)\n"
        "  --speaker-events       \"X said ...\" also yields a statement event for X\n"
        "  -h, --help             this help\n",
        dyad_default_data_dir());
}

void dyad_cli_dyad_options(const dyad_cli_opts *o, dyad_options *d)
{
    memset(d, 0, sizeof *d);
    d->data_dir = o->data_dir;
    d->dicts_dir = o->dicts_dir;
    d->tabari_project = o->tabari_project;
    d->keep_negated = o->keep_negated;
    d->speaker_events = o->speaker_events;
}
