/*
 * cmd_ingest.c — `dyad ingest --db DB [FILE...]`: code articles and store
 * them; `dyad ingest --db DB --events FILE`: store pre-coded events.
 *
 * Articles are read with the io reader, coded with the public API
 * (dyad_code_article) on worker threads (-j N, at least one, so coding
 * overlaps with writing; ingest_pool.c hands the results back in input
 * order) and put into the store one by one inside batches of
 * --batch articles or about a second, whichever comes first: one
 * transaction per batch, a savepoint per article. A run killed at any
 * point leaves whole batches only; running it again skips the stored
 * articles (same content hash) and ends with the same database. The
 * dictionary version (a hash over the data directory's files) goes into the
 * store's meta table.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/ingest_events.h"
#include "cli/ingest_pool.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/store_cli.h"
#include "io/io.h"
#include "store/store.h"

static const char usage[] =
    "usage: dyad ingest --db DB [options] [FILE...]\n"
    "       dyad ingest --db DB --events FILE [--events FILE...]\n"
    "\n"
    "Code articles (files, directories, or stdin) and store their events in DB\n"
    "(a SQLite file, or a postgresql:// URI). Re-ingesting an article with the\n"
    "same content adds nothing; a changed article replaces its events.\n"
    "\n"
    "options:\n"
    "  --db DB          the database (required; a file path, or postgresql://...)\n"
    "  --events FILE    store pre-coded events (JSON Lines as `dyad code` writes,\n"
    "                   optionally with {\"id\",\"date\",\"url\",\"source\",\"title\"} article\n"
    "                   lines); FILE - is stdin\n"
    "  --batch N        articles per transaction (default 1000; also at most ~1 s)\n"
    "  --quiet          no summary; --no-progress: no progress bar (shown on a TTY)\n"
    "\n";

typedef struct ingest {
    dyad_store *st;
    const char *db;
    long batch, in_batch;
    double batch_start;
    long added, replaced, unchanged, skipped, events;
    dyad_progress prog;
} ingest;

/* ---- dictionary version: a hash over every file under the data dir ---- */

typedef struct { unsigned long long h; } fnv;

static void fnv_add(fnv *f, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) f->h = (f->h ^ c[i]) * 0x100000001b3ULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void hash_tree(fnv *f, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 8) { if (d) closedir(d); return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) break;
            names = p;
        }
        if (!(names[n] = strdup(de->d_name))) break;
        n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str);         /* readdir order is arbitrary */
    char buf[65536];
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fnv_add(f, names[i], strlen(names[i]) + 1);
            hash_tree(f, path, depth + 1);
        } else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            fnv_add(f, names[i], strlen(names[i]) + 1);
            FILE *fp = fopen(path, "rb");
            size_t k;
            while (fp && (k = fread(buf, 1, sizeof buf, fp)) > 0) fnv_add(f, buf, k);
            if (fp) fclose(fp);
        }
        free(names[i]);
    }
    free(names);
}

static void dict_version(const char *data, const char *dicts, char *out, size_t n)
{
    fnv f = { 0xcbf29ce484222325ULL };
    hash_tree(&f, data, 0);
    if (dicts && strcmp(dicts, data)) hash_tree(&f, dicts, 0);
    snprintf(out, n, "%016llx", f.h);
}

/* ---- putting and batching -------------------------------------------- */

static int put(ingest *in, const dyad_article *a, const dyad_event *evs, int n, size_t bytes)
{
    if (!in->in_batch) {
        if (dyad_store_begin(in->st) != DYAD_OK) goto fatal;
        in->batch_start = dyad_progress_now();
    }
    int what = 0;
    int rc = dyad_store_put_article(in->st, a, evs, n, &what);
    in->in_batch++;
    if (rc == DYAD_EPARSE) {
        fprintf(stderr, "dyad ingest: %s%s%s (skipped)\n", a->file ? a->file : "",
                a->file ? ": " : "", dyad_store_error(in->st));
        in->skipped++;
    } else if (rc != DYAD_OK) {
        goto fatal;
    } else {
        if (what == DYAD_STORE_ADDED) in->added++, in->events += n;
        else if (what == DYAD_STORE_REPLACED) in->replaced++, in->events += n;
        else in->unchanged++;
    }
    dyad_progress_add(&in->prog, 1, (double)bytes);
    if (in->in_batch >= in->batch || dyad_progress_now() - in->batch_start >= 1.0) {
        in->in_batch = 0;
        if (dyad_store_commit(in->st) != DYAD_OK) goto fatal;
    }
    return 0;
fatal:
    dyad_progress_done(&in->prog);
    fprintf(stderr, "dyad ingest: %s: %s\n", in->db, dyad_store_error(in->st));
    fprintf(stderr, "dyad ingest: the current batch was not stored; earlier batches are intact\n");
    dyad_store_rollback(in->st);
    in->in_batch = 0;
    return -1;
}

static int finish(ingest *in)
{
    if (in->in_batch) {
        in->in_batch = 0;
        if (dyad_store_commit(in->st) != DYAD_OK) {
            fprintf(stderr, "dyad ingest: %s: %s\n", in->db, dyad_store_error(in->st));
            return -1;
        }
    }
    return 0;
}

/* ---- --events --------------------------------------------------------- */

static int ingest_events(ingest *in, const char *path, const char *date)
{
    char err[512];
    dyad_evreader *r = dyad_evreader_open(path, date, err, sizeof err);
    if (!r) { fprintf(stderr, "dyad ingest: %s\n", err); return -1; }
    dyad_evgroup *g;
    int rc, ret = 0;
    while ((rc = dyad_evreader_next(r, &g, err, sizeof err)) != 0) {
        if (rc == DYAD_EPARSE) { fprintf(stderr, "dyad ingest: %s (skipped)\n", err); in->skipped++; continue; }
        if (rc < 0) { fprintf(stderr, "dyad ingest: %s\n", err); ret = -1; break; }
        if (!g->art.date) {
            fprintf(stderr, "dyad ingest: %s: article %s has no date (skipped)\n", path, g->art.id);
            in->skipped++;
            continue;
        }
        if (put(in, &g->art, g->evs, g->n, g->bytes) != 0) { ret = -2; break; }
    }
    dyad_evreader_close(r);
    return ret;
}

/* ---- coding articles -------------------------------------------------- */

/* One coded article, in input order: store it (or report the failure). */
static int coded(const dyad_article *a, const dyad_event *evs, int n, int rc, const char *err, void *user)
{
    ingest *in = user;
    if (rc < 0) {
        fprintf(stderr, "dyad ingest: %s: %s (skipped)\n", a->id, err);
        in->skipped++;
        return 0;
    }
    return put(in, a, evs, n, a->text_len) != 0;
}

/* Coding runs on worker threads (at least one, so coding the next articles
 * overlaps with storing this one); the store sees the articles in input order. */
static int ingest_articles(ingest *in, char **files, int nfiles, const dyad_read_opts *ro,
                           const dyad_options *dopt, int jobs)
{
    char err[512] = "";
    dyad_ctx *ctx = dyad_open(dopt, err, sizeof err);
    if (!ctx) { fprintf(stderr, "dyad ingest: %s\n", err); return -2; }
    ingest_pool *pool = ingest_pool_new(ctx, jobs > 1 ? jobs : 1);
    dyad_reader *rd = pool ? dyad_reader_open((const char *const *)files, nfiles, ro) : NULL;
    if (!rd) {
        fprintf(stderr, "dyad ingest: cannot open the input\n");
        ingest_pool_free(pool);
        dyad_close(ctx);
        return -2;
    }
    dyad_article a;
    int rc, stop = 0;
    while (!stop && (rc = dyad_reader_next(rd, &a)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "dyad ingest: %s\n", dyad_reader_error(rd));
            in->skipped++;
            continue;
        }
        stop = ingest_pool_submit(pool, &a, coded, in);
    }
    if (!stop) stop = ingest_pool_finish(pool, coded, in);
    dyad_reader_close(rd);
    ingest_pool_free(pool);
    dyad_close(ctx);
    return stop ? -2 : 0;
}

static double total_size(char **files, int n)
{
    double t = 0;
    for (int i = 0; i < n; i++) {
        struct stat sb;
        if (strcmp(files[i], "-") && stat(files[i], &sb) == 0 && S_ISREG(sb.st_mode)) t += (double)sb.st_size;
        else return 0;                  /* directories, stdin: unknown */
    }
    return t;
}

int dyad_cmd_ingest(int argc, char **argv)
{
    const char *db = NULL, *v;
    int quiet = 0, progress = 1;
    long batch = 1000;
    dyad_cli_opts o;
    dyad_cli_opts_init(&o);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    char **evfiles = calloc((size_t)argc + 1, sizeof *evfiles);
    int nfiles = 0, nev = 0, status = EXIT_USAGE;
    if (!files || !evfiles) { fprintf(stderr, "dyad ingest: out of memory\n"); goto out; }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int rc;
        if (!strcmp(a, "--quiet")) { quiet = 1; continue; }
        if (!strcmp(a, "--no-progress")) { progress = 0; continue; }
        if ((rc = dyad_sc_value("dyad ingest", "--db", argc, argv, &i, &db)) != 0) {
            if (rc < 0) goto out;
            continue;
        }
        if ((rc = dyad_sc_value("dyad ingest", "--events", argc, argv, &i, &v)) != 0) {
            if (rc < 0) goto out;
            evfiles[nev++] = (char *)v;
            continue;
        }
        if ((rc = dyad_sc_value("dyad ingest", "--batch", argc, argv, &i, &v)) != 0) {
            if (rc < 0 || (batch = strtol(v, NULL, 10)) < 1) {
                fprintf(stderr, "dyad ingest: --batch wants a number >= 1\n");
                goto out;
            }
            continue;
        }
        if ((rc = dyad_cli_common(&o, "dyad ingest", argc, argv, &i)) != 0) {
            if (rc < 0) goto out;
            if (o.help) { fputs(usage, stdout); dyad_cli_common_help(stdout); status = EXIT_OK; goto out; }
            continue;
        }
        if (a[0] == '-' && a[1]) { fprintf(stderr, "dyad ingest: unknown option '%s' (try --help)\n", a); goto out; }
        files[nfiles++] = (char *)a;
    }
    if (!db) { fprintf(stderr, "dyad ingest: --db is required\n%s", usage); goto out; }
    if (nev && nfiles) { fprintf(stderr, "dyad ingest: give either --events FILE or article files\n"); goto out; }

    char err[1024];
    ingest in = { .db = db, .batch = batch };
    in.st = dyad_store_open(db, 0, err, sizeof err);
    if (!in.st) { fprintf(stderr, "dyad ingest: %s\n", err); status = EXIT_FAIL; goto out; }
    dyad_progress_init(&in.prog, progress && !quiet, total_size(nev ? evfiles : files, nev ? nev : nfiles));
    int rc = 0;
    if (nev) {
        for (int i = 0; i < nev && rc == 0; i++) rc = ingest_events(&in, evfiles[i], o.date);
    } else {
        const char *dd = o.data_dir ? o.data_dir : dyad_default_data_dir();
        char ver[64];
        dict_version(dd, o.tabari_project ? o.tabari_project : o.dicts_dir, ver, sizeof ver);
        if (dyad_store_set_meta(in.st, "dict_version", ver) != DYAD_OK) {
            fprintf(stderr, "dyad ingest: %s: %s\n", db, dyad_store_error(in.st));
            rc = -2;
        } else {
            dyad_options dopt;
            dyad_cli_dyad_options(&o, &dopt);
            dyad_read_opts ro = { .default_date = o.date, .format = o.in ? o.in : "auto" };
            rc = ingest_articles(&in, files, nfiles, &ro, &dopt, o.jobs);
        }
    }
    if (rc != -2 && finish(&in) != 0) rc = -2;
    dyad_progress_done(&in.prog);
    dyad_store_close(in.st);
    if (!quiet) {
        double dt = dyad_progress_now() - in.prog.start;
        fprintf(stderr, "dyad ingest: %ld articles (%ld added, %ld replaced, %ld unchanged, %ld skipped), "
                "%ld events stored, %.1f s, %.0f articles/s\n",
                in.added + in.replaced + in.unchanged, in.added, in.replaced, in.unchanged, in.skipped,
                in.events, dt, dt > 0 ? (double)in.prog.articles / dt : 0.0);
    }
    status = rc == -2 ? EXIT_FAIL : rc < 0 ? EXIT_FAIL : (o.strict && in.skipped) ? EXIT_SKIPPED : EXIT_OK;
out:
    free(files);
    free(evfiles);
    return status;
}
