/*
 * fuzz_text.c — libFuzzer target for the text pipeline: any bytes in,
 * dyad_text_analyze must not crash, and its output must be consistent
 * (offsets inside the normalised text, tokens equal to their spans).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
 *       tests/fuzz/fuzz_text.c $(find src/text -name '*.c') src/util/arena.c src/util/datadir.c \
 *       $(pkg-config --cflags --libs libutf8proc) -o build/fuzz_text
 *   DYAD_DATA=data build/fuzz_text -max_total_time=60 -max_len=4096
 *
 * Without DYAD_DATA (or when data/ cannot be loaded) it fuzzes without a
 * lexicon, which still covers normalisation, tokenising and splitting.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_lexicon *lx;
    static int loaded;
    if (!loaded) {
        char err[256];
        const char *dir = getenv("DYAD_DATA");
        lx = dyad_lexicon_load(dir ? dir : "data", err, sizeof err);
        loaded = 1;
    }
    dyad_arena a;
    dyad_arena_init(&a, 4096);
    dyad_text t;
    if (dyad_text_analyze(lx, &a, (const char *)data, size, &t) == 0) {
        for (int s = 0; s < t.nsent; s++) {
            const dyad_sentence *S = &t.sent[s];
            if (S->ntok <= 0 || S->start >= S->end || S->end > t.len) abort();
            for (int i = 0; i < S->ntok; i++) {
                const dyad_token *k = &S->tok[i];
                if (k->start >= k->end || k->end > t.len) abort();
                if (memcmp(t.norm + k->start, k->text, k->end - k->start)) abort();
                if (!k->lower || !k->lemma) abort();
            }
        }
    }
    dyad_arena_free(&a);
    return 0;
}
