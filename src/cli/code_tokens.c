/*
 * code_tokens.c — `dyad code --tokens`; see code_tokens.h.
 *
 * The output is about ten times the size of the input, so it is built with
 * bulk appends (runs of bytes that need no escaping, digits by hand) rather
 * than per-character or printf calls: formatting was most of the run time.
 */
#include "cli/code_tokens.h"

#include <string.h>

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

/* s as a JSON string literal, copying runs that need no escape at once. */
static void json_str(dyad_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    dyad_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        dyad_buf_add(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':  dyad_buf_add(b, "\\\"", 2); break;
        case '\\': dyad_buf_add(b, "\\\\", 2); break;
        case '\n': dyad_buf_add(b, "\\n", 2); break;
        case '\r': dyad_buf_add(b, "\\r", 2); break;
        case '\t': dyad_buf_add(b, "\\t", 2); break;
        default: {
            char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            dyad_buf_add(b, e, 6);
        }
        }
    }
    dyad_buf_add(b, s + run, n - run);
    dyad_buf_putc(b, '"');
}

static void put_uint(dyad_buf *b, unsigned long v)
{
    char tmp[24];
    int k = sizeof tmp;
    do tmp[--k] = (char)('0' + v % 10); while ((v /= 10) != 0);
    dyad_buf_add(b, tmp + k, sizeof tmp - (size_t)k);
}

#define LIT(b, s) dyad_buf_add((b), (s), sizeof(s) - 1)

long code_tokens_article(const struct dyad_lexicon *lx, dyad_arena *arena,
                         const dyad_article *a, dyad_buf *out)
{
    dyad_text t;
    if (dyad_text_analyze(lx, arena, a->text, a->text_len, &t) != 0) return -1;
    for (int i = 0; i < t.nsent; i++) {
        const dyad_sentence *s = &t.sent[i];
        LIT(out, "{\"article_id\":");
        json_str(out, a->id, strlen(a->id));
        LIT(out, ",\"sentence\":");
        put_uint(out, (unsigned long)s->index);
        LIT(out, ",\"text\":");
        json_str(out, t.norm + s->start, s->end - s->start);
        LIT(out, ",\"tokens\":[");
        for (int k = 0; k < s->ntok; k++) {
            const dyad_token *tk = &s->tok[k];
            if (k) dyad_buf_putc(out, ',');
            LIT(out, "{\"text\":");
            json_str(out, tk->text, strlen(tk->text));
            LIT(out, ",\"start\":");
            put_uint(out, tk->start - s->start);
            LIT(out, ",\"end\":");
            put_uint(out, tk->end - s->start);
            LIT(out, ",\"lower\":");
            json_str(out, tk->lower, strlen(tk->lower));
            LIT(out, ",\"lemma\":");
            json_str(out, tk->lemma, strlen(tk->lemma));
            LIT(out, ",\"flags\":[");
            int first = 1;
            for (size_t f = 0; f < sizeof flag_names / sizeof flag_names[0]; f++) {
                if (!(tk->flags & flag_names[f].bit)) continue;
                if (!first) dyad_buf_putc(out, ',');
                dyad_buf_putc(out, '"');
                dyad_buf_puts(out, flag_names[f].name);
                dyad_buf_putc(out, '"');
                first = 0;
            }
            LIT(out, "]}");
        }
        LIT(out, "]}\n");
    }
    return out->oom ? -1 : t.nsent;
}
