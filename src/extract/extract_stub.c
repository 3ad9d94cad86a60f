/* extract_stub.c — placeholder so the tree links until src/extract/ lands.
 * The extract branch deletes this file. */
#include <stdio.h>
#include <stdlib.h>
#include "extract/extract.h"

struct dyad_extractors { int unused; };

dyad_extractors *dyad_extractors_load(const char *data_dir, char *err, size_t errlen)
{
    (void)data_dir; (void)err; (void)errlen;
    return calloc(1, sizeof(dyad_extractors));
}
void dyad_extractors_free(dyad_extractors *x) { free(x); }
const dyad_cameo_code *dyad_cameo_lookup(const dyad_extractors *x, const char *code)
{
    (void)x; (void)code;
    return NULL;
}
void dyad_extract_event(const dyad_extractors *x, dyad_arena *arena, const dyad_article *a,
                        const dyad_text *t, int sent, int tok_start, int tok_end, dyad_event *ev)
{
    (void)x; (void)arena; (void)t; (void)sent; (void)tok_start; (void)tok_end;
    snprintf(ev->date, sizeof ev->date, "%s", a->date ? a->date : "");
    ev->date_from = "article";
    ev->date_precision = "day";
    ev->fatalities = ev->injured = -1;
    ev->root[0] = ev->code[0]; ev->root[1] = ev->code[1]; ev->root[2] = '\0';
}
