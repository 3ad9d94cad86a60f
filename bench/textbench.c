/*
 * textbench.c — speed of the text pipeline (normalise + split + tokens + lemmas),
 * and a dump of its output for eyeballing.
 *
 *   cc -O2 -Iinclude -Isrc bench/textbench.c build/libdyad.a $(pkg-config --libs libutf8proc) -o build/textbench
 *   build/textbench [--dump] [--repeat N] DATA_DIR FILE...
 *
 * Each file is one article. Reports MB/s of input text over N repetitions
 * (default 5), plus the lexicon load time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "text/text.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

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
    double tt = 0;
    for (; a < argc; a++) {
        size_t len;
        char *txt = slurp(argv[a], &len);
        if (!txt) { perror(argv[a]); continue; }
        for (int r = 0; r < rep; r++) {
            dyad_text t;
            double t1 = now();
            int rc = dyad_text_analyze(lx, &ar, txt, len, &t);
            tt += now() - t1;
            if (rc) fprintf(stderr, "%s: status %d\n", argv[a], rc);
            bytes += len;
            for (int s = 0; s < t.nsent; s++) toks += (size_t)t.sent[s].ntok;
            if (dumpit) dump(&t);
            dyad_arena_reset(&ar);
        }
        free(txt);
    }
    fprintf(stderr, "lexicon load %.1f ms; %zu bytes, %zu tokens in %.3f s: %.1f MB/s\n",
            tl * 1e3, bytes, toks, tt, tt > 0 ? bytes / tt / 1e6 : 0.0);
    dyad_arena_free(&ar);
    dyad_lexicon_free(lx);
    return 0;
}
