/*
 * fuzz_coder.c — libFuzzer target for the whole coder: arbitrary bytes are
 * coded as one article's text with the default dictionaries and tables
 * (DYAD_DATA, default "data"), and every event must satisfy the event
 * contract (codes, spans inside the sentence, a real date, a rule).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

static int check(const dyad_event *ev, void *user)
{
    (void)user;
    size_t tl = strlen(ev->text);
    if (!ev->source || !ev->target || !ev->rule || !ev->date_from) abort();
    if (strlen(ev->code) < 2 || strncmp(ev->code, ev->root, 2)) abort();
    if (strlen(ev->date) != 10 || ev->quad < 0 || ev->quad > 4) abort();
    const dyad_span *sp[3] = { &ev->source_span, &ev->target_span, &ev->verb_span };
    for (int i = 0; i < 3; i++)
        if (sp[i]->start != -1 && (sp[i]->start < 0 || sp[i]->start > sp[i]->end || (size_t)sp[i]->end > tl))
            abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_ctx *ctx;
    static dyad_coder *coder;
    static int loaded;
    if (!loaded) {
        char err[512];
        const char *dir = getenv("DYAD_DATA");
        ctx = dyad_open(&(dyad_options){ .data_dir = dir ? dir : "data" }, err, sizeof err);
        if (!ctx) { fprintf(stderr, "fuzz_coder: %s\n", err); abort(); }
        coder = dyad_coder_new(ctx);
        loaded = 1;
    }
    if (size > 1 << 16) return 0;
    dyad_article a = { .id = "fuzz", .date = "2022-11-01", .text = (const char *)data,
                       .text_len = size, .file = "fuzz" };
    dyad_code_article(coder, &a, check, NULL);
    return 0;
}
