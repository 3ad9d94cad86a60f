/*
 * cmd_code.c — `dyad code [FILE...]`: articles in, events out on stdout.
 *
 * The reader hands out articles one at a time (JSON Lines, text, dirs,
 * stdin, compressed); each is coded by dyad_code_article() and its events
 * are formatted (--out) into a per-article buffer, which is written when
 * every earlier article's buffer has been written.
 *
 * With -j N, N worker threads (each with its own dyad_coder and arena) code
 * articles while the main thread reads and writes. Articles sit in a ring of
 * 4N slots indexed by sequence number: the reader waits when the ring is
 * full (bounded memory), workers take slots in sequence, and the writer
 * empties them strictly in sequence, so the output is byte-for-byte the
 * output of -j 1. Reader errors are reported as they happen; a coder error
 * is reported when its article's turn to be written comes.
 *
 * --tokens prints the text pipeline's sentences and tokens instead of events
 * (one JSON line per sentence).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/code_job.h"
#include "cli/options.h"
#include "io/io.h"

static const char *const PROG = "dyad code";

static void usage(FILE *out)
{
    fprintf(out,
        "usage: dyad code [OPTIONS] [FILE|DIR|-]...\n"
        "\n"
        "Code news articles to CAMEO events, one per line on stdout. Input: JSON Lines\n"
        "({\"id\",\"date\",\"text\",...} per line) or plain text with an optional header\n"
        "(Date:, Title:, URL:, Source:, ID:, then a blank line), files or directories\n"
        "(recursively), gzip or zstd compressed; stdin when no FILE (or '-') is given.\n"
        "Bad records are reported on stderr as file:line: reason and skipped; a summary\n"
        "line ends the run.\n"
        "\n"
        "  --tokens               print sentences and tokens (JSON Lines) instead of events\n");
    dyad_cli_common_help(out);
    fprintf(out,
        "\n"
        "exit status: 0 ok, 1 fatal error, 2 usage error, 3 --strict and records were skipped\n"
        "\n"
        "examples:\n"
        "  dyad code examples/\n"
        "  zcat news.jsonl.gz | dyad code -j 4 --out csv > events.csv\n"
        "  dyad code --date 2022-11-01 --tokens story.txt\n");
}

/* ---- one slot of the reorder ring --------------------------------------- */

enum { SLOT_FREE, SLOT_QUEUED, SLOT_DONE };

typedef struct slot {
    dyad_article a;         /* owned copies of the strings */
    long seq;
    int state;
    code_result res;
} slot;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int slot_fill(slot *s, const dyad_article *a, long seq)
{
    memset(&s->a, 0, sizeof s->a);
    s->a.id = dup_or_null(a->id);
    s->a.date = dup_or_null(a->date);
    s->a.title = dup_or_null(a->title);
    s->a.url = dup_or_null(a->url);
    s->a.source = dup_or_null(a->source);
    s->a.file = dup_or_null(a->file);
    s->a.line = a->line;
    char *t = malloc(a->text_len + 1);
    if (t) {
        memcpy(t, a->text, a->text_len);
        t[a->text_len] = '\0';
    }
    s->a.text = t;
    s->a.text_len = a->text_len;
    s->seq = seq;
    return (a->id && !s->a.id) || (a->date && !s->a.date) || !t ? -1 : 0;
}

static void slot_clear(slot *s)
{
    free((char *)s->a.id);
    free((char *)s->a.date);
    free((char *)s->a.title);
    free((char *)s->a.url);
    free((char *)s->a.source);
    free((char *)s->a.file);
    free((char *)s->a.text);
    memset(&s->a, 0, sizeof s->a);
    s->state = SLOT_FREE;
}

/* ---- output ------------------------------------------------------------ */

typedef struct totals { long events, failed; } totals;

static void emit(code_result *r, totals *t)
{
    if (r->out.len) fwrite(r->out.data, 1, r->out.len, stdout);
    if (r->err.len) {
        fwrite(r->err.data, 1, r->err.len, stderr);
        fflush(stderr);
    }
    t->events += r->nevents;
    t->failed += r->failed;
    dyad_buf_clear(&r->out);
    dyad_buf_clear(&r->err);
    r->nevents = 0;
    r->failed = 0;
}

static void reader_error(dyad_reader *rd)
{
    fprintf(stderr, "%s\n", dyad_reader_error(rd));
    fflush(stderr);
}

/* ---- -j 1: everything on this thread ------------------------------------ */

static int run_serial(dyad_reader *rd, const code_cfg *cfg, totals *t)
{
    code_worker w;
    if (code_worker_init(&w, cfg)) return -1;
    code_result res;
    code_result_init(&res);
    dyad_article a;
    long seq = 0;
    int rc;
    while ((rc = dyad_reader_next(rd, &a)) != 0) {
        if (rc < 0) { reader_error(rd); continue; }
        code_article(&w, &a, seq++, &res);
        emit(&res, t);
    }
    code_result_free(&res);
    code_worker_free(&w);
    return 0;
}

/* ---- -j N: workers and an ordered ring ---------------------------------- */

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    slot *slots;
    long nslots;
    long submitted, taken;
    int finished;
    const code_cfg *cfg;
} pool;

static void *worker_main(void *arg)
{
    pool *p = arg;
    code_worker w;
    int ok = code_worker_init(&w, p->cfg) == 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->taken == p->submitted && !p->finished)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->taken == p->submitted) break;
        slot *s = &p->slots[p->taken++ % p->nslots];
        pthread_mutex_unlock(&p->mu);
        if (ok) {
            code_article(&w, &s->a, s->seq, &s->res);
        } else {
            s->res.failed = 1;
            dyad_buf_printf(&s->res.err, "%s: %s: could not start a coder (out of memory)\n",
                            PROG, s->a.id ? s->a.id : "?");
        }
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    if (ok) code_worker_free(&w);
    return NULL;
}

/* Write the slot of sequence number `written` once it is done (lock held on
 * entry and exit; released while writing). */
static void write_next(pool *p, long written, totals *t)
{
    slot *s = &p->slots[written % p->nslots];
    while (s->state != SLOT_DONE) pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    emit(&s->res, t);
    slot_clear(s);
    pthread_mutex_lock(&p->mu);
}

static int run_parallel(dyad_reader *rd, const code_cfg *cfg, int jobs, totals *t)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.cfg = cfg;
    p.nslots = 4L * jobs;
    p.slots = calloc((size_t)p.nslots, sizeof *p.slots);
    if (!p.slots) return -1;
    for (long i = 0; i < p.nslots; i++) code_result_init(&p.slots[i].res);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_t *th = calloc((size_t)jobs, sizeof *th);
    int nth = 0, status = 0;
    for (; th && nth < jobs; nth++)
        if (pthread_create(&th[nth], NULL, worker_main, &p)) break;
    if (nth == 0) status = -1;

    long written = 0;
    dyad_article a;
    int rc;
    while (status == 0 && (rc = dyad_reader_next(rd, &a)) != 0) {
        if (rc < 0) { reader_error(rd); continue; }
        pthread_mutex_lock(&p.mu);
        while (p.submitted - written >= p.nslots)           /* ring full: write the oldest */
            write_next(&p, written++, t);
        pthread_mutex_unlock(&p.mu);
        slot *s = &p.slots[p.submitted % p.nslots];          /* free: nobody else touches it */
        if (slot_fill(s, &a, p.submitted)) {
            slot_clear(s);
            status = -1;
            break;
        }
        pthread_mutex_lock(&p.mu);
        s->state = SLOT_QUEUED;
        p.submitted++;
        pthread_cond_signal(&p.work);
        while (written < p.submitted && p.slots[written % p.nslots].state == SLOT_DONE)
            write_next(&p, written++, t);                   /* keep the output flowing */
        pthread_mutex_unlock(&p.mu);
    }
    pthread_mutex_lock(&p.mu);
    p.finished = 1;
    pthread_cond_broadcast(&p.work);
    while (written < p.submitted) write_next(&p, written++, t);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < nth; i++) pthread_join(th[i], NULL);
    free(th);
    for (long i = 0; i < p.nslots; i++) {
        slot_clear(&p.slots[i]);
        code_result_free(&p.slots[i].res);
    }
    free(p.slots);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    return status;
}

/* ---- the command -------------------------------------------------------- */

int dyad_cmd_code(int argc, char **argv)
{
    dyad_cli_opts o;
    dyad_cli_opts_init(&o);
    int tokens = 0, npaths = 0, only_paths = 0;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) { fprintf(stderr, "%s: out of memory\n", PROG); return EXIT_FAIL; }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_paths || arg[0] != '-' || !strcmp(arg, "-")) { paths[npaths++] = arg; continue; }
        if (!strcmp(arg, "--")) { only_paths = 1; continue; }
        if (!strcmp(arg, "--tokens")) { tokens = 1; continue; }
        int rc = dyad_cli_common(&o, PROG, argc, argv, &i);
        if (rc < 0) { free(paths); return EXIT_USAGE; }
        if (rc == 0) {
            fprintf(stderr, "%s: unknown option '%s' (try dyad code --help)\n", PROG, arg);
            free(paths);
            return EXIT_USAGE;
        }
    }
    if (o.help) { usage(stdout); free(paths); return EXIT_OK; }

    code_cfg cfg;
    char err[1024] = "";
    if (code_cfg_open(&cfg, &o, tokens, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", PROG, err);
        free(paths);
        return EXIT_FAIL;
    }
    dyad_read_opts ro = { .default_date = o.date, .format = o.in };
    dyad_reader *rd = dyad_reader_open(paths, npaths, &ro);
    free(paths);
    if (!rd) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        code_cfg_close(&cfg);
        return EXIT_FAIL;
    }
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    if (!tokens) {
        dyad_buf h;
        dyad_buf_init(&h);
        dyad_write_header(&h, (dyad_format)o.out);
        if (h.len) fwrite(h.data, 1, h.len, stdout);
        dyad_buf_free(&h);
    }
    totals t = { 0, 0 };
    int rc = o.jobs > 1 ? run_parallel(rd, &cfg, o.jobs, &t) : run_serial(rd, &cfg, &t);
    int status = EXIT_OK;
    if (rc) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        status = EXIT_FAIL;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("dyad code: writing the output");
        status = EXIT_FAIL;
    }
    long nread, nskipped;
    dyad_reader_counts(rd, &nread, &nskipped);
    nskipped += t.failed;
    fprintf(stderr, "%s: %ld articles read, %ld skipped, %ld %s written\n", PROG, nread,
            nskipped, t.events, tokens ? "sentences" : "events");
    dyad_reader_close(rd);
    code_cfg_close(&cfg);
    if (status == EXIT_OK && o.strict && nskipped > 0) status = EXIT_SKIPPED;
    return status;
}
