/*
 * cmd_serve.c — `dyad serve --db DB [--listen 127.0.0.1:8080]`: the HTTP API
 * and dashboard (src/serve). Runs until SIGINT or SIGTERM.
 */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dyad.h"
#include "cli/cli.h"
#include "serve/serve.h"

static void usage(FILE *out)
{
    fprintf(out,
        "usage: dyad serve --db DB [--listen HOST:PORT] [--web DIR] [--threads N]\n"
        "                  [--data DIR] [--no-coder]\n"
        "Serve a read-only JSON API (doc/api.md) and the dashboard over DB.\n"
        "  --listen HOST:PORT  address (default 127.0.0.1:8080, loopback; port 0 = any free port)\n"
        "  --web DIR           dashboard files (default: the installed web/)\n"
        "  --threads N         worker threads and store handles (default 4)\n"
        "  --no-coder          do not load dictionaries; POST /api/code answers 503\n");
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Installed: share/dyad/web; source tree: data/../web. */
static const char *default_web(const char *data_dir, char *buf, size_t n)
{
    if (snprintf(buf, n, "%s/web", data_dir) < (int)n && is_dir(buf)) return buf;
    if (snprintf(buf, n, "%s/../web", data_dir) >= (int)n) return "web";
    return buf;
}

int dyad_cmd_serve(int argc, char **argv)
{
    dyad_server_opts o = { .listen = "127.0.0.1:8080" };
    const char *data = NULL;
    int no_coder = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return EXIT_OK; }
        else if (!strcmp(a, "--no-coder")) no_coder = 1;
        else if (v && !strcmp(a, "--db")) o.db = argv[++i];
        else if (v && !strcmp(a, "--listen")) o.listen = argv[++i];
        else if (v && !strcmp(a, "--web")) o.web_dir = argv[++i];
        else if (v && !strcmp(a, "--data")) data = argv[++i];
        else if (v && !strcmp(a, "--threads")) o.threads = atoi(argv[++i]);
        else { fprintf(stderr, "dyad serve: unknown or incomplete option '%s'\n", a); usage(stderr); return EXIT_USAGE; }
    }
    if (!o.db) { fprintf(stderr, "dyad serve: --db is required\n"); usage(stderr); return EXIT_USAGE; }
    if (o.threads < 0 || o.threads > 64) { fprintf(stderr, "dyad serve: --threads must be 1..64\n"); return EXIT_USAGE; }
    char databuf[PATH_MAX], webbuf[PATH_MAX], err[1024];
    snprintf(databuf, sizeof databuf, "%s", data ? data : dyad_default_data_dir());
    if (!o.web_dir) o.web_dir = default_web(databuf, webbuf, sizeof webbuf);

    dyad_ctx *ctx = NULL;
    if (!no_coder) {
        ctx = dyad_open(&(dyad_options){ .data_dir = databuf }, err, sizeof err);
        if (!ctx) { fprintf(stderr, "dyad serve: %s\n", err); return EXIT_FAIL; }
    }
    o.ctx = ctx;

    /* Block the signals before the server's threads start, then wait for one. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    dyad_server *srv = dyad_server_start(&o, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "dyad serve: %s\n", err);
        dyad_close(ctx);
        return EXIT_FAIL;
    }
    /* tests read the port from this line when they ask for port 0 */
    fprintf(stderr, "dyad serve: listening on %s, port %d (database %s)\n",
            o.listen, dyad_server_port(srv), o.db);
    int sig;
    sigwait(&set, &sig);
    fprintf(stderr, "dyad serve: stopping (signal %d)\n", sig);
    dyad_server_stop(srv);
    dyad_close(ctx);
    return EXIT_OK;
}
