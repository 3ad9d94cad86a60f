/*
 * fuzz_tabari.c — libFuzzer target for TABARI mode: arbitrary bytes are
 * loaded as a .actors, an .agents and a .verbs file and as .options lines
 * together with a fixed small dictionary, compiled, and then the same bytes
 * are coded as a sentence of words (split at blanks) with those dictionaries.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
 *         tests/fuzz/fuzz_tabari.c build/san/libdyad.a \
 *         $(pkg-config --libs libutf8proc) -o build/fuzz_tabari
 *   build/fuzz_tabari -max_total_time=60
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "code/tabari_coder.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    dyad_tabari *t = dyad_tabari_new();
    dyad_tabari_actors_string(t, "f.actors", "KELDORA [KEL]\nVARMENT [VAR]\n+VARMENT_CITY\n  [VAR <990101]\nG2 [USA/GBR]\n");
    dyad_tabari_actors_string(t, "f.agents", "STEWARD_ [~GOV]\n");
    dyad_tabari_verbs_string(t, "f.verbs", "<SYNSETS>\n&X\n+LINKS\n+&Y_Z\n</SYNSETS>\nMEND [---]\n- * FRIENDLY [064]\n"
                                           "- + * { A | B_C } &X $ [1:2]\nCONFER [031:031]\n- % * [032]\n- ^ * + [033!]\n");
    dyad_tabari_actors_string(t, "x.actors", text);
    dyad_tabari_actors_string(t, "x.agents", text);
    dyad_tabari_verbs_string(t, "x.verbs", text);
    tb_opts o = *dyad_tabari_opts(t);
    char err[256];
    for (char *line = text, *e; line; line = e ? e + 1 : NULL) {
        e = strchr(line, '\n');
        if (e) *e = '\0';
        dyad_tabari_option_line(&o, line, err, sizeof err);
        if (e) *e = '\n';
    }
    o.min_words = 0;
    dyad_tabari_compile(t);
    dyad_arena a;
    dyad_arena_init(&a, 1 << 14);
    tb_word *w = dyad_arena_calloc(&a, size / 2 + 2, sizeof *w);
    int n = 0;
    for (char *p = text; *p && w; ) {
        while (*p == ' ' || *p == '\n') p++;
        char *b = p;
        while (*p && *p != ' ' && *p != '\n') p++;
        if (p == b) break;
        w[n] = (tb_word){ .text = dyad_arena_strndup(&a, b, (size_t)(p - b)), .len = (int)(p - b),
                          .kind = (uint8_t)(*b == ',' ? 1 : 0), .midcap = (uint8_t)(n & 1) };
        n++;
    }
    tb_result r;
    tb_forward f1, f2;
    dyad_tabari_code_words(t, &o, w, n, 19950101, &a, &r, NULL, &f1);
    dyad_tabari_code_words(t, &o, w, n, 19950101, &a, &r, &f1, &f2);
    dyad_arena_free(&a);
    dyad_tabari_free(t);
    free(text);
    return 0;
}
