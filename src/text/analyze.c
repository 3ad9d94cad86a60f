/*
 * analyze.c — dyad_text_analyze: normalise, tokenise, split, and build the
 * public sentences and tokens with their surface, lower-case and lemma forms.
 *
 * Everything lives in the caller's arena: one array of dyad_token for the
 * whole article (sentences point into it) and one character pool for all
 * token strings, so the number of arena calls does not grow with the tokens.
 *
 * Lower case is Unicode case folding per code point (utf8proc), with the
 * typographic apostrophe ’ and hyphens ‐ ‑ folded to ASCII ' and - so that
 * dictionaries written in ASCII match "O’Brien" and "Armenia’s".
 * Lemmas of punctuation are ASCII too: all double quotes "\"", single quotes
 * "'", dashes "-", ellipses "...". The possessive clitic's lemma is "'s"; 's
 * after a pronoun (it's, he's) is "be"; n't is "not".
 *
 * Capitalisation steers the lemma (lexicon.c): a capitalised word that is
 * not the first of its sentence is treated as a name, unless the sentence is
 * a title-case or all-caps headline, where capitals say nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dyad.h"
#include "text/text_internal.h"

/* Hosts whose 's is "is"/"has", not a possessive. */
static const char *const be_hosts[] = {
    "it", "he", "she", "that", "there", "what", "who", "here", "where", "how", "when",
    "why", "this", "everyone", "everything", "nobody", "nothing", "someone", "something",
    NULL
};

static int in_list(const char *const *l, const char *w)
{
    for (; *l; l++) if (!strcmp(*l, w)) return 1;
    return 0;
}

/* Write the case-folded form of s[0..n) to out (room for n*4+1 when any byte
 * is non-ASCII, n+1 otherwise); returns its length. */
static size_t fold(const unsigned char *s, size_t n, char *out, int ascii)
{
    size_t o = 0;
    if (ascii) {
        for (size_t i = 0; i < n; i++)
            out[o++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
        out[o] = '\0';
        return o;
    }
    for (size_t i = 0; i < n;) {
        int k;
        uint32_t c = dyad_u8(s + i, &k);
        if (c < 0x80) {
            out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        } else if (c == 0x2019 || c == 0x02BC) {
            out[o++] = '\'';
        } else if (c == 0x2010 || c == 0x2011) {
            out[o++] = '-';
        } else {
            utf8proc_int32_t dst[4];
            int last = 0;
            utf8proc_ssize_t m = utf8proc_decompose_char((utf8proc_int32_t)c, dst, 4,
                                                         UTF8PROC_CASEFOLD, &last);
            utf8proc_uint8_t tmp[16];
            size_t len = 0;
            if (m >= 1 && m <= 4)
                for (utf8proc_ssize_t j = 0; j < m; j++)
                    len += (size_t)utf8proc_encode_char(dst[j], tmp + len);
            /* at most 4 output bytes per input byte keeps within the buffer */
            if (len == 0 || len > 4 * (size_t)k) { memcpy(out + o, s + i, (size_t)k); o += (size_t)k; }
            else { memcpy(out + o, tmp, len); o += len; }
        }
        i += (size_t)k;
    }
    out[o] = '\0';
    return o;
}

static const char *punct_lemma(const dyad_rtok *t, const char *low)
{
    if (t->punct == P_OPEN || t->punct == P_CLOSE) {
        if (t->bracket) return NULL;
        return (!strcmp(low, "'") || !strcmp(low, "\xE2\x80\x98") || !strcmp(low, "\xE2\x80\xB9") ||
                !strcmp(low, "\xE2\x80\xBA")) ? "'" : "\"";
    }
    if (t->punct == P_DASH) return "-";
    if (t->punct == P_ELLIPSIS) return "...";
    return NULL;
}

/* Title-case or all-caps sentence (a headline): capitals carry no meaning. */
static int headline(const dyad_rtok *t, size_t b, size_t e)
{
    size_t words = 0, caps = 0;
    int firstw = 1;
    for (size_t i = b; i < e; i++) {
        if (t[i].skip || t[i].kind != RT_WORD) continue;
        if (firstw) { firstw = 0; continue; }
        if (t[i].func) continue;
        words++;
        caps += (t[i].flags & DYAD_TOK_CAP) != 0;
    }
    return words >= 2 && caps == words;       /* every word but function words */
}

/* A sentence in capitals ("UKRAINE'S PRESIDENT URGED NATO TO SEND ARMS"):
 * at least three words and none with a lower-case letter. */
static int shouted(const dyad_rtok *t, size_t b, size_t e)
{
    size_t words = 0;
    for (size_t i = b; i < e; i++) {
        if (t[i].skip || t[i].kind != RT_WORD) continue;
        if (!(t[i].flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS))) return 0;
        if (t[i].end - t[i].start > 1 && !(t[i].flags & DYAD_TOK_ALLCAPS)) return 0;
        words++;
    }
    return words >= 3;
}

/* Lemma context. A capital (or an acronym) inside an ordinary sentence marks
 * a name; the first word of a sentence or of a quotation ("He said: "Troops
 * ...") is capitalised anyway, as is every word of a headline. */
static unsigned lemma_ctx(const dyad_rtok *t, uint32_t flags, int initial, int title)
{
    unsigned m = 0;
    if (flags & DYAD_TOK_CAP) {
        m |= DYAD_LM_CAP;
        if (!initial && !title) m |= DYAD_LM_CAP_MID;
    }
    if (t->host) m |= DYAD_LM_HOST;
    return m;
}

static const char *clitic_lemma(const dyad_lexicon *lx, const dyad_rtok *t, const char *low,
                                const dyad_token *prev)
{
    switch (t->clitic) {
    case CL_NT: return "not";
    case CL_POSS:
        if (low[0] == '\'' && low[1] == 's' && prev && in_list(be_hosts, prev->lower)) return "be";
        if (prev && !strcmp(prev->lower, "let")) return "us";
        return "'s";
    default: {
        const char *r = dyad_lx_lemma(lx, low, strlen(low), 0);
        return r ? r : low;
    }
    }
}

static int build(const dyad_lexicon *lx, dyad_arena *arena, const char *norm, const dyad_rtoks *rtp,
                 dyad_rsent *rs, size_t nrs, dyad_text *out);

int dyad_text_analyze(const dyad_lexicon *lx, dyad_arena *arena, const char *text, size_t len,
                      dyad_text *out)
{
    memset(out, 0, sizeof *out);
    if (!text) len = 0;
    if (len > DYAD_TEXT_MAX_BYTES) return DYAD_ELIMIT;
    size_t nlen;
    const char *plain = dyad_markup_strip(arena, text ? text : "", len, &len);
    if (!plain) return DYAD_ENOMEM;
    char *norm = dyad_utf8_normalize(arena, plain, len, &nlen);
    if (!norm) return DYAD_ENOMEM;
    if (nlen > DYAD_TEXT_MAX_BYTES) return DYAD_ELIMIT;
    out->norm = norm;
    out->len = nlen;

    dyad_rtoks rt = { 0 };
    int rc = dyad_tokenize(lx, norm, nlen, &rt);
    dyad_rsent *rs = NULL;
    size_t nrs = 0;
    if (!rc) rc = dyad_split(lx, arena, norm, &rt, &rs, &nrs);
    if (!rc) rc = build(lx, arena, norm, &rt, rs, nrs, out);
    free(rt.t);
    return rc;
}

/* The public sentences and tokens from the raw ones. */
static int build(const dyad_lexicon *lx, dyad_arena *arena, const char *norm, const dyad_rtoks *rtp,
                 dyad_rsent *rs, size_t nrs, dyad_text *out)
{
    dyad_rtoks rt = *rtp;
    /* Sizes: kept tokens, sentences with at least one word, string pool. */
    size_t ntok = 0, nsent = 0, pool = 0;
    for (size_t k = 0; k < nrs; k++) {
        int has_word = 0;
        for (size_t i = rs[k].b; i < rs[k].e; i++) {
            const dyad_rtok *t = &rt.t[i];
            if (t->skip) continue;
            has_word |= t->kind == RT_WORD || t->kind == RT_NUM;
        }
        if (!has_word) { rs[k].e = rs[k].b; continue; }
        nsent++;
        for (size_t i = rs[k].b; i < rs[k].e; i++) {
            if (rt.t[i].skip) continue;
            ntok++;
            size_t n = rt.t[i].end - rt.t[i].start;
            int ascii = 1;
            for (size_t j = 0; j < n && ascii; j++) ascii = (unsigned char)norm[rt.t[i].start + j] < 0x80;
            pool += (n + 1) + (ascii ? n + 1 : 0);    /* non-ASCII lower: own allocation */
        }
    }
    if (!nsent) return 0;
    dyad_token *tok = dyad_arena_alloc(arena, ntok * sizeof *tok);
    dyad_sentence *sent = dyad_arena_alloc(arena, nsent * sizeof *sent);
    char *p = dyad_arena_alloc(arena, pool ? pool : 1);
    if (!tok || !sent || !p) return DYAD_ENOMEM;

    size_t ti = 0, si = 0;
    for (size_t k = 0; k < nrs; k++) {
        if (rs[k].e == rs[k].b) continue;
        dyad_sentence *S = &sent[si];
        S->index = (int)si++;
        S->tok = &tok[ti];
        S->ntok = 0;
        int title = headline(rt.t, rs[k].b, rs[k].e);
        int shout = shouted(rt.t, rs[k].b, rs[k].e);
        int first_word = 1;
        for (size_t i = rs[k].b; i < rs[k].e; i++) {
            const dyad_rtok *t = &rt.t[i];
            if (t->skip) continue;
            dyad_token *T = &tok[ti++];
            size_t n = t->end - t->start;
            const unsigned char *src = (const unsigned char *)norm + t->start;
            int ascii = 1;
            for (size_t j = 0; j < n && ascii; j++) ascii = src[j] < 0x80;
            char *txt = p;
            memcpy(txt, src, n);
            txt[n] = '\0';
            p += n + 1;
            char *low;
            if (ascii) { low = p; p += n + 1; }
            else if (!(low = dyad_arena_alloc(arena, n * 4 + 1))) return DYAD_ENOMEM;
            size_t ln = fold(src, n, low, ascii);
            T->start = t->start;
            T->end = t->end;
            T->text = txt;
            T->lower = low;
            T->flags = t->flags;
            /* In a sentence in capitals, capitals mark no name: the ordinary
             * words lose them, so "PRESIDENT URGED" is not read as a name. */
            if (shout && t->kind == RT_WORD &&
                dyad_lx_common(lx, t->looked ? t->ent : dyad_lx_find(lx, low, ln), low, ln))
                T->flags &= ~(uint32_t)(DYAD_TOK_CAP | DYAD_TOK_ALLCAPS);
            if (t->kind == RT_CLITIC && t->clitic == CL_POSS) T->flags |= DYAD_TOK_POSS;
            const char *lem = NULL;
            if (t->kind == RT_WORD) {
                if (first_word) T->flags |= DYAD_TOK_SENT_START;
                int initial = first_word ||
                              (S->ntok && (T - 1)->flags & DYAD_TOK_PUNCT &&
                               (rt.t[i - 1].punct == P_SEMI || (rt.t[i - 1].punct == P_OPEN &&
                                                                !rt.t[i - 1].bracket)));
                unsigned lc = lemma_ctx(t, T->flags, initial, title);
                lem = t->looked ? dyad_lx_lemma_ent(lx, t->ent, low, ln, lc)
                                : dyad_lx_lemma(lx, low, ln, lc);
                first_word = 0;
            } else if (t->kind == RT_NUM) {
                if (first_word) T->flags |= DYAD_TOK_SENT_START;
                first_word = 0;
            } else if (t->kind == RT_CLITIC) {
                lem = clitic_lemma(lx, t, low, S->ntok ? T - 1 : NULL);
                if (lem && (T->flags & DYAD_TOK_POSS) && strcmp(lem, "'s")) T->flags &= ~(uint32_t)DYAD_TOK_POSS;
            } else {
                lem = punct_lemma(t, low);
            }
            T->lemma = lem ? lem : low;
            if (S->ntok == 0) S->start = t->start;
            S->end = t->end;
            S->ntok++;
        }
    }
    out->sent = sent;
    out->nsent = (int)nsent;
    return 0;
}
