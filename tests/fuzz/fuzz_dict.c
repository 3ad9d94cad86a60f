/*
 * fuzz_dict.c — libFuzzer target for dyad's dictionary format: arbitrary
 * bytes are loaded as one dictionary file (the entry keywords, not the file
 * name, say what each entry is) and compiled. Whatever
 * the input, loading must not crash, every error must name "file:line", and
 * a dictionary that compiles cleanly must answer lookups.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    {
        dyad_dict *d = dyad_dict_new(NULL, NULL);
        if (!d) { free(text); return 0; }
        dyad_dict_load_string(d, "verbs/fuzz.txt", text);
        int nerr = dyad_dict_compile(d);
        for (int i = 0; i < dyad_dict_nerrors(d); i++) {
            const char *e = dyad_dict_error_at(d, i);
            if (!e || !strchr(e, ':')) abort();        /* every error names file:line */
        }
        if (nerr == 0) {
            dyad_dict_stats st;
            dyad_dict_get_stats(d, &st);
            int n;
            for (size_t w = 1; w < dyad_dict_nwords(d) && w < 64; w++) {
                const char *s = dyad_dict_word_str(d, (dyad_wid)w);
                if (s && *s && dyad_dict_word(d, s) != w) abort();
                dyad_dict_patterns_for(d, (dyad_wid)w, &n);
            }
        }
        dyad_dict_free(d);
    }
    free(text);
    return 0;
}
