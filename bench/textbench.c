/*
 * textbench.c — speed of the text pipeline (normalise + split + tokens + lemmas),
 * and a dump of its output for eyeballing.
 *
 *   cc -O2 -Iinclude -Isrc bench/textbench.c build/libdyad.a $(pkg-config --libs libutf8proc) -o build/textbench
 *   build/textbench [--dump] [--repeat N] DATA_DIR FILE...
 *
 * Each file is one article, or several separated by form feeds (\f). Reports
 * MB/s of input text over N repetitions (default 5), by the wall clock and per
 * CPU second (the fair number on a shared machine), plus the lexicon load time.
 * A corpus: bench/gen-corpus (if present) piped through a JSON-to-\f filter, or
 * any text files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "text/text.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }
static double cpu(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) { char *nb = realloc(b, cap *= 2); if (!nb) { free(b); b = NULL; } else b = nb; }
    }
    fclose(f);
    *len = n;
    return b;
}

static void dump(const dyad_text *t)
{
    for (int s = 0; s < t->nsent; s++) {
        const dyad_sentence *S = &t->sent[s];
        printf("S%d [%u,%u) %.*s\n", S->index, S->start, S->end, (int)(S->end - S->start), t->norm + S->start);
        for (int i = 0; i < S->ntok; i++) {
            const dyad_token *k = &S->tok[i];
            printf("  %u-%u %s|%s|%s", k->start, k->end, k->text, k->lower, k->lemma);
            static const char *fl[] = { "CAP", "ALLCAPS", "NUM", "PUNCT", "POSS", "ABBR", "START" };
            for (int b = 0; b < 7; b++) if (k->flags & (1u << b)) printf(" %s", fl[b]);
            printf("\n");
        }
    }
}

int main(int argc, char **argv)
{
    int dumpit = 0, rep = 5, a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "--dump")) dumpit = 1, rep = 1;
        else if (!strcmp(argv[a], "--repeat") && a + 1 < argc) rep = atoi(argv[++a]);
    }
    if (a >= argc) { fprintf(stderr, "usage: textbench [--dump] [--repeat N] DATA_DIR FILE...\n"); return 2; }
    char err[512];
    double t0 = now();
    dyad_lexicon *lx = dyad_lexicon_load(argv[a++], err, sizeof err);
    double tl = now() - t0;
    if (!lx) { fprintf(stderr, "%s\n", err); return 1; }
    dyad_arena ar;
    dyad_arena_init(&ar, 1 << 20);
    size_t bytes = 0, toks = 0;
    double tt = 0, tc = 0;
    for (; a < argc; a++) {
        size_t len;
        char *txt = slurp(argv[a], &len);
        if (!txt) { perror(argv[a]); continue; }
        for (int r = 0; r < rep; r++) {
            double t1 = now(), c1 = cpu();
            for (size_t off = 0; off < len;) {
                const char *ff = memchr(txt + off, '\f', len - off);
                size_t n = ff ? (size_t)(ff - (txt + off)) : len - off;
                dyad_text t;
                int rc = dyad_text_analyze(lx, &ar, txt + off, n, &t);
                if (rc) fprintf(stderr, "%s: status %d\n", argv[a], rc);
                for (int s = 0; s < t.nsent; s++) toks += (size_t)t.sent[s].ntok;
                if (dumpit) dump(&t);
                dyad_arena_reset(&ar);
                off += n + (ff != NULL);
            }
            tt += now() - t1;
            tc += cpu() - c1;
            bytes += len;
        }
        free(txt);
    }
    fprintf(stderr, "lexicon load %.1f ms; %zu bytes, %zu tokens in %.3f s: %.1f MB/s "
            "(%.1f MB per CPU second)\n", tl * 1e3, bytes, toks, tt,
            tt > 0 ? bytes / tt / 1e6 : 0.0, tc > 0 ? bytes / tc / 1e6 : 0.0);
    dyad_arena_free(&ar);
    dyad_lexicon_free(lx);
    return 0;
}
