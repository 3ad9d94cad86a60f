/*
 * code_tokens.c — `dyad code --tokens`: TEMPORARY until the text pipeline
 * (src/text, branch `text`) lands; then this prints sentences and tokens
 * from dyad_text_analyze. Until then --tokens fails with a clear message.
 */
#include "cli/code_tokens.h"

#include <stdio.h>

struct dyad_lexicon *code_tokens_lexicon(const char *data_dir, char *err, size_t errlen)
{
    (void)data_dir;
    snprintf(err, errlen, "--tokens needs the text pipeline, which is not built in yet");
    return NULL;
}

void code_tokens_lexicon_free(struct dyad_lexicon *lx) { (void)lx; }

long code_tokens_article(const struct dyad_lexicon *lx, dyad_arena *arena,
                         const dyad_article *a, dyad_buf *out)
{
    (void)lx; (void)arena; (void)a; (void)out;
    return -1;
}
