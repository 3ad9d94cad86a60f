/*
 * extract_testtok.h — a tiny tokenizer for the extractor unit tests, so they
 * do not depend on src/text/. It mimics the text pipeline's contract
 * (text.h): words, numbers with separators ("6,500"), hyphenated words kept
 * whole, abbreviations with periods ("Sept.", "U.S."), "'s" split off with
 * DYAD_TOK_POSS, punctuation as tokens, byte offsets into the input, lower
 * case in `lower` and `lemma`. Static buffers: one sentence at a time.
 */
#ifndef EXTRACT_TESTTOK_H
#define EXTRACT_TESTTOK_H

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "text/text.h"

#define TT_MAX 256
static dyad_token tt_tok[TT_MAX];
static char tt_buf[8192];
static dyad_sentence tt_sent;
static dyad_text tt_text;
static char tt_norm[4096];

static const char *tt_abbr[] = { "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.", "gen.", "col.", "lt.", "sgt.", "mr.", "mrs.", "dr.",
    "st.", "u.s.", "u.k.", "u.n.", "a.m.", "p.m.", NULL };

static inline int tt_is_abbr(const char *w, size_t n)
{
    char low[16];
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (int i = 0; tt_abbr[i]; i++) if (!strcmp(low, tt_abbr[i])) return 1;
    return 0;
}

static inline int tt_add(int nt, size_t *used, const char *s, size_t a, size_t b, uint32_t flags)
{
    dyad_token *t = &tt_tok[nt];
    size_t n = b - a;
    char *txt = tt_buf + *used; memcpy(txt, s + a, n); txt[n] = '\0'; *used += n + 1;
    char *low = tt_buf + *used;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[a + i]);
    low[n] = '\0'; *used += n + 1;
    t->start = (uint32_t)a; t->end = (uint32_t)b;
    t->text = txt; t->lower = low; t->lemma = low;
    int up = 0, letters = 0;
    for (size_t i = 0; i < n; i++) if (isalpha((unsigned char)txt[i])) { letters++; up += isupper((unsigned char)txt[i]) != 0; }
    if (isupper((unsigned char)txt[0])) flags |= DYAD_TOK_CAP;
    if (letters > 1 && up == letters) flags |= DYAD_TOK_ALLCAPS;
    if (isdigit((unsigned char)txt[0])) flags |= DYAD_TOK_NUM;
    if (nt == 0) flags |= DYAD_TOK_SENT_START;
    t->flags = flags;
    return nt + 1;
}

/* Tokenise s; returns the token count (tokens in tt_tok). */
static inline int tt_tokenize(const char *s)
{
    size_t used = 0, i = 0, len = strlen(s);
    int nt = 0;
    snprintf(tt_norm, sizeof tt_norm, "%s", s);
    while (i < len && nt < TT_MAX - 2) {
        if (isspace((unsigned char)s[i])) { i++; continue; }
        size_t j = i;
        if (strchr(",;:!?()\"", s[i]) || (s[i] == '.' )) {
            nt = tt_add(nt, &used, s, i, i + 1, DYAD_TOK_PUNCT);
            i++;
            continue;
        }
        if (s[i] == '\'' && i + 1 < len && s[i + 1] == 's' && (i + 2 >= len || !isalnum((unsigned char)s[i + 2]))) {
            nt = tt_add(nt, &used, s, i, i + 2, DYAD_TOK_POSS);
            i += 2;
            continue;
        }
        while (j < len && !isspace((unsigned char)s[j]) && !strchr(";:!?()\"", s[j])) {
            if (s[j] == ',' && !(j > i && isdigit((unsigned char)s[j - 1]) && j + 1 < len && isdigit((unsigned char)s[j + 1]))) break;
            if (s[j] == '\'' && j + 1 < len && s[j + 1] == 's' && (j + 2 >= len || !isalnum((unsigned char)s[j + 2]))) break;
            j++;
        }
        /* trailing period: part of an abbreviation, else its own token */
        size_t e = j;
        if (e > i + 1 && s[e - 1] == '.' && !tt_is_abbr(s + i, e - i)) {
            int inner = 0;
            for (size_t k = i; k + 1 < e; k++) if (s[k] == '.') inner = 1;
            if (!inner || isdigit((unsigned char)s[i])) e--;
        }
        uint32_t fl = tt_is_abbr(s + i, e - i) ? DYAD_TOK_ABBR : 0;
        if (e == i) { e = i + 1; fl = DYAD_TOK_PUNCT; }
        nt = tt_add(nt, &used, s, i, e, fl);
        i = e;
    }
    tt_sent.start = 0; tt_sent.end = (uint32_t)len; tt_sent.index = 0;
    tt_sent.tok = tt_tok; tt_sent.ntok = nt;
    tt_text.norm = tt_norm; tt_text.len = len; tt_text.sent = &tt_sent; tt_text.nsent = 1;
    return nt;
}

/* Index of the first token whose lower form is w (-1 if none). */
static inline int tt_find(int n, const char *w)
{
    for (int i = 0; i < n; i++) if (!strcmp(tt_tok[i].lower, w)) return i;
    return -1;
}

#endif
