/*
 * code_tokens.c — `dyad code --tokens`; see code_tokens.h.
 */
#include "cli/code_tokens.h"

#include "text/text.h"

struct dyad_lexicon *code_tokens_lexicon(const char *data_dir, char *err, size_t errlen)
{
    return dyad_lexicon_load(data_dir ? data_dir : dyad_default_data_dir(), err, errlen);
}

void code_tokens_lexicon_free(struct dyad_lexicon *lx) { dyad_lexicon_free(lx); }

static const struct { uint32_t bit; const char *name; } flag_names[] = {
    { DYAD_TOK_CAP, "cap" },     { DYAD_TOK_ALLCAPS, "allcaps" }, { DYAD_TOK_NUM, "num" },
    { DYAD_TOK_PUNCT, "punct" }, { DYAD_TOK_POSS, "poss" },       { DYAD_TOK_ABBR, "abbr" },
    { DYAD_TOK_SENT_START, "sent_start" },
};

long code_tokens_article(const struct dyad_lexicon *lx, dyad_arena *arena,
                         const dyad_article *a, dyad_buf *out)
{
    dyad_text t;
    if (dyad_text_analyze(lx, arena, a->text, a->text_len, &t) != 0) return -1;
    for (int i = 0; i < t.nsent; i++) {
        const dyad_sentence *s = &t.sent[i];
        dyad_buf_puts(out, "{\"article_id\":");
        dyad_buf_json_str(out, a->id);
        dyad_buf_printf(out, ",\"sentence\":%d,\"text\":", s->index);
        char *st = dyad_arena_strndup(arena, t.norm + s->start, s->end - s->start);
        if (!st) return -1;
        dyad_buf_json_str(out, st);
        dyad_buf_puts(out, ",\"tokens\":[");
        for (int k = 0; k < s->ntok; k++) {
            const dyad_token *tk = &s->tok[k];
            if (k) dyad_buf_putc(out, ',');
            dyad_buf_puts(out, "{\"text\":");
            dyad_buf_json_str(out, tk->text);
            dyad_buf_printf(out, ",\"start\":%u,\"end\":%u,\"lower\":",
                            tk->start - s->start, tk->end - s->start);
            dyad_buf_json_str(out, tk->lower);
            dyad_buf_puts(out, ",\"lemma\":");
            dyad_buf_json_str(out, tk->lemma);
            dyad_buf_puts(out, ",\"flags\":[");
            int first = 1;
            for (size_t f = 0; f < sizeof flag_names / sizeof flag_names[0]; f++) {
                if (!(tk->flags & flag_names[f].bit)) continue;
                if (!first) dyad_buf_putc(out, ',');
                dyad_buf_printf(out, "\"%s\"", flag_names[f].name);
                first = 0;
            }
            dyad_buf_puts(out, "]}");
        }
        dyad_buf_puts(out, "]}\n");
    }
    return out->oom ? -1 : t.nsent;
}
