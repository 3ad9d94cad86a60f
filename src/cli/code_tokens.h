/*
 * code_tokens.h — `dyad code --tokens`: the text pipeline's view of an
 * article, one JSON line per sentence:
 *   {"article_id","sentence","text","tokens":[{"text","start","end","lower",
 *    "lemma","flags":[...]}]}
 * start/end are byte offsets into the sentence's "text".
 */
#ifndef DYAD_CLI_CODE_TOKENS_H
#define DYAD_CLI_CODE_TOKENS_H

#include <stddef.h>
#include "dyad.h"
#include "util/arena.h"
#include "util/buf.h"

struct dyad_lexicon;

struct dyad_lexicon *code_tokens_lexicon(const char *data_dir, char *err, size_t errlen);
void code_tokens_lexicon_free(struct dyad_lexicon *lx);
/* Append the article's sentence lines to out; the number of lines, or -1. */
long code_tokens_article(const struct dyad_lexicon *lx, dyad_arena *arena,
                         const dyad_article *a, dyad_buf *out);

#endif
