/*
 * fuzz_tabari.c — libFuzzer target for the TABARI-format loaders (actors,
 * agents, verbs and .options lines, src/dict/tabari*.c). Any bytes must load
 * without crashing and every error must name file:line. Until the TABARI
 * loaders are on this branch (src/dict/tabari.h absent) the target does
 * nothing, so the build never breaks on either side of that merge.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if __has_include("dict/tabari.h")
#include "dict/tabari.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    for (int k = 0; k < 2; k++) {
        dyad_tabari *t = dyad_tabari_new();
        if (!t) break;
        if (k == 0) dyad_tabari_actors_string(t, "fuzz.actors", text);
        else dyad_tabari_verbs_string(t, "fuzz.verbs", text);
        dyad_tabari_compile(t);
        for (int i = 0; i < dyad_tabari_nerrors(t); i++) {
            const char *e = dyad_tabari_error_at(t, i);
            if (!e || !strchr(e, ':')) abort();
        }
        dyad_tabari_free(t);
    }
    /* each line as an .options command */
    tb_opts o;
    dyad_tabari_default_opts(&o);
    char err[256];
    for (char *line = text, *nl; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = '\0';
        dyad_tabari_option_line(&o, line, err, sizeof err);
    }
    free(text);
    return 0;
}
#else
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)data; (void)size;
    return 0;
}
#endif
