/*
 * fuzz_extract.c — libFuzzer target for the extractors (src/extract): date
 * expressions, numbers, casualty counts and places, run over the tokens the
 * text pipeline makes of arbitrary bytes. The first four bytes pick the
 * article date (any real day, years 1..9999) and whether clauses are future,
 * so calendar edge cases (year 1, year 9999, leap days) are reached.
 * Checks: no crash, spans inside the sentence, resolved dates valid.
 *
 * DYAD_DATA (default "data") gives the lexicon and the gazetteer; when they
 * cannot be loaded the target still fuzzes dates, numbers and casualties.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "text/text.h"
#include "extract/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_lexicon *lx;
    static dyad_gazetteer *gz;
    static int loaded;
    if (!loaded) {
        char err[256];
        const char *dir = getenv("DYAD_DATA");
        lx = dyad_lexicon_load(dir ? dir : "data", err, sizeof err);
        gz = dyad_gazetteer_load(dir ? dir : "data", err, sizeof err);
        loaded = 1;
    }
    if (size < 4 || size > 1 << 16) return 0;
    dyad_ymd art = { 1 + (data[0] | data[1] << 8) % 9999, 1 + data[2] % 12, 1 };
    art.d = 1 + data[3] % dyad_days_in_month(art.y, art.m);
    int future = data[3] >> 7;
    data += 4, size -= 4;

    /* the calendar parser on the raw bytes */
    char head[16];
    size_t hn = size < sizeof head - 1 ? size : sizeof head - 1;
    memcpy(head, data, hn);
    head[hn] = '\0';
    dyad_ymd y;
    if (dyad_ymd_parse(head, &y) == 0 && !dyad_ymd_valid(y.y, y.m, y.d)) abort();

    dyad_arena a;
    dyad_arena_init(&a, 4096);
    dyad_text t;
    if (dyad_text_analyze(lx, &a, (const char *)data, size, &t) == 0) {
        for (int s = 0; s < t.nsent; s++) {
            const dyad_sentence *S = &t.sent[s];
            int n = S->ntok;
            dyad_date_hit dh[16];
            int nd = dyad_find_dates(S->tok, 0, n, art, future, dh, 16);
            if (nd < 0 || nd > 16) abort();
            for (int i = 0; i < nd; i++) {
                if (dh[i].tok_start < 0 || dh[i].tok_start >= dh[i].tok_end || dh[i].tok_end > n) abort();
                if (dh[i].prec != DYAD_PREC_NONE && !dyad_ymd_valid(dh[i].date.y, dh[i].date.m, dh[i].date.d)) abort();
            }
            dyad_clause_is_future(S->tok, 0, n);
            for (int i = 0; i < n; i++) {
                long v;
                int used = dyad_number_at(S->tok, i, n, &v);
                if (used < 0 || used > n - i) abort();
            }
            dyad_casualties c;
            dyad_find_casualties(S->tok, 0, n, &c);
            if (c.killed < -1 || c.injured < -1) abort();
            if (gz) {
                dyad_place_hit ph[16];
                const char *prefer[1] = { "UKR" };
                int np = dyad_find_places(gz, S->tok, 0, n, prefer, 1, ph, 16);
                if (np < 0 || np > 16) abort();
                for (int i = 0; i < np; i++)
                    if (!ph[i].place || ph[i].tok_start < 0 || ph[i].tok_end > n) abort();
            }
        }
    }
    dyad_arena_free(&a);
    return 0;
}
