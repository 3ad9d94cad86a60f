/*
 * tokenize.c — split normalised text into raw tokens (dyad_tokenize).
 *
 * One left-to-right pass over valid UTF-8. Each token records its byte span,
 * what kind it is, the whitespace before it (space, line break, blank line)
 * and character-level flags; the sentence splitter (split.c) works on these.
 *
 * Words are runs of letters, digits and combining marks, glued across
 *   - a hyphen between two word characters   al-Shabaab, twenty-one, F-16
 *   - a period between digits, before a lower-case letter, or after a one-
 *     or two-letter segment                   3.5, reuters.com, U.S, Ph.D
 *   - a comma before exactly three digits     6,500 (numbers only)
 *   - / or : between digits                   9/11, 10:30
 *   - & between letters                       AT&T
 *   - an apostrophe + letters that are not a clitic   O'Brien, d'Ivoire
 * Clitics become tokens of their own: 's 're 've 'll 'd 'm n't, and a bare
 * trailing ' after an -s word before another word (the soldiers' families).
 * "cannot" is split into can + not like Penn Treebank does.
 * A final period joins the word when the word is a dotted abbreviation
 * (U.S., a.m.), a listed abbreviation (Gen., Sept., No. before a number) or
 * a single capital initial (W.). Otherwise punctuation is one token per mark,
 * except runs of dots (ellipsis), of ! and ?, of hyphens (a dash), and of
 * one of _ * = ~ # (separator rules).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dyad.h"
#include "text/text_internal.h"

enum { C_SPACE, C_NL, C_ALNUM, C_MARK, C_PUNCT };

static int cls_of(uint32_t c)
{
    if (c < 0x80) {
        if (c == '\n') return C_NL;
        if (c <= ' ' || c == 0x7F) return C_SPACE;
        if ((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z')) return C_ALNUM;
        return C_PUNCT;
    }
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_ALNUM;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
        return C_MARK;                 /* continues a word, never starts one */
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_NL;
    default:
        return C_PUNCT;
    }
}

static inline int is_alnum_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static int is_apos(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static int is_hyphen(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

typedef struct scan {
    const unsigned char *s;
    size_t len;
    const dyad_lexicon *lx;
    dyad_rtoks *out;
    int err;                    /* DYAD_ENOMEM or DYAD_ELIMIT once push failed */
    uint8_t nl, space;          /* whitespace seen since the last token */
} scan;

static inline uint32_t cp_at(const scan *z, size_t i, int *k)
{
    if (i >= z->len) { *k = 0; return 0; }
    if (z->s[i] < 0x80) { *k = 1; return z->s[i]; }
    return dyad_u8(z->s + i, k);
}

static inline int cls_at(const scan *z, size_t i)
{
    int k;
    if (i >= z->len) return C_SPACE;
    unsigned char c = z->s[i];
    if (c < 0x80) return is_alnum_ascii(c) ? C_ALNUM : cls_of(c);
    return cls_of(cp_at(z, i, &k));
}

static dyad_rtok *push(scan *z, size_t start, size_t end, int kind)
{
    dyad_rtoks *o = z->out;
    if (o->n >= DYAD_TEXT_MAX_TOKENS) { z->err = DYAD_ELIMIT; return NULL; }
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 1024;
        dyad_rtok *t = realloc(o->t, cap * sizeof *t);
        if (!t) { z->err = DYAD_ENOMEM; return NULL; }
        o->t = t;
        o->cap = cap;
    }
    dyad_rtok *t = &o->t[o->n++];
    memset(t, 0, sizeof *t);
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->kind = (uint8_t)kind;
    t->nl = z->nl;
    t->space = z->space;
    z->nl = z->space = 0;
    return t;
}

/* Case flags and NUM for a word span. */
static void word_flags(const scan *z, dyad_rtok *t)
{
    int upper = 0, lower = 0, first = 1;
    for (size_t i = t->start; i < t->end;) {
        unsigned char b = z->s[i];
        if (b < 0x80) {                          /* ASCII fast path */
            int up = b >= 'A' && b <= 'Z', lo = b >= 'a' && b <= 'z';
            if (first && (up || lo)) { if (up) t->flags |= DYAD_TOK_CAP; first = 0; }
            upper += up;
            lower += lo;
            i++;
            continue;
        }
        int k;
        uint32_t c = cp_at(z, i, &k);
        int up = 0, lo = 0;
        if (c < 0x80) { up = c >= 'A' && c <= 'Z'; lo = c >= 'a' && c <= 'z'; }
        else {
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
            up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
            lo = cat == UTF8PROC_CATEGORY_LL;
        }
        if (first && (up || lo)) { if (up) t->flags |= DYAD_TOK_CAP; first = 0; }
        upper += up;
        lower += lo;
        i += (size_t)k;
    }
    if (upper > 1 && lower == 0) t->flags |= DYAD_TOK_ALLCAPS;
    /* Look the lower-case form up once: function word now, lemma later. */
    size_t n = t->end - t->start;
    if (n <= 64) {
        char w[64];
        size_t k = 0;
        for (; k < n && z->s[t->start + k] < 0x80; k++) {
            unsigned char ch = z->s[t->start + k];
            w[k] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
        }
        if (k == n) {
            t->ent = dyad_lx_find(z->lx, w, n);
            t->looked = 1;
            t->func = (uint8_t)dyad_lx_ent_function(t->ent);
        }
    }
    /* Numbers: digits with inner separators (. , / : and - for ranges, scores
     * and ISO dates: 20-30, 2022-11-01), then at most s / th / st / nd / rd. */
    const unsigned char *s = z->s;
    size_t i = t->start, e = t->end;
    if (!is_digit(s[i])) return;
    while (i < e && (is_digit(s[i]) || ((s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == ':' ||
                                         s[i] == '-') && i + 1 < e && is_digit(s[i + 1]))))
        i++;
    size_t rest = e - i;
    const char *r = (const char *)s + i;
    if (rest == 0 || (rest == 1 && r[0] == 's') ||
        (rest == 2 && (!memcmp(r, "th", 2) || !memcmp(r, "st", 2) || !memcmp(r, "nd", 2) ||
                       !memcmp(r, "rd", 2)))) {
        t->flags |= DYAD_TOK_NUM;
        t->kind = RT_NUM;
    }
}

/* Length of the clitic letters after an apostrophe at i (k = apostrophe
 * length) if they are s/re/ve/ll/d/m and end there, else 0. */
static size_t clitic_len(const scan *z, size_t i, int k)
{
    size_t j = i + (size_t)k;
    while (j < z->len && is_alpha(z->s[j])) j++;
    if (cls_at(z, j) == C_ALNUM || cls_at(z, j) == C_MARK) return 0;
    size_t n = j - (i + (size_t)k);
    const unsigned char *p = z->s + i + k;
    char w[3] = { 0, 0, 0 };
    if (n == 0 || n > 2) return 0;
    for (size_t m = 0; m < n; m++) w[m] = (char)(p[m] | 32);
    static const char *const cl[] = { "s", "re", "ve", "ll", "d", "m" };
    for (size_t m = 0; m < sizeof cl / sizeof cl[0]; m++)
        if (!strcmp(w, cl[m])) return (size_t)k + n;
    return 0;
}

/* Does the period at i (inside [start, i]) join two word parts? Between
 * digits (3.5), before a lower-case letter (reuters.com, a.m) or after a
 * segment of one or two letters (U.S, J.R.R, Ph.D); not in "said.The". */
static int glue_period(const scan *z, size_t start, size_t i)
{
    const unsigned char *s = z->s;
    unsigned char n = i + 1 < z->len ? s[i + 1] : 0;
    if (is_digit(s[i - 1]) && is_digit(n)) return 1;
    if (n >= 0x80 || (n >= 'a' && n <= 'z')) return 1;
    size_t b = i;
    while (b > start && s[b - 1] != '.') b--;
    return i - b <= 2;
}

/* End of the word starting at i; *nt set when it stops before "n't". */
static size_t word_end(const scan *z, size_t i, int *nt)
{
    const unsigned char *s = z->s;
    size_t start = i;
    *nt = 0;
    for (;;) {
        int k;
        while (i < z->len) {
            if (is_alnum_ascii(s[i])) { i++; continue; }     /* the common case */
            int c = cls_at(z, i);
            if (c != C_ALNUM && c != C_MARK) break;
            cp_at(z, i, &k);
            i += (size_t)k;
        }
        if (i >= z->len) return i;
        uint32_t c = cp_at(z, i, &k);
        int next = cls_at(z, i + (size_t)k);
        int num = is_digit(s[start]);
        if (is_hyphen(c) && next == C_ALNUM) { i += (size_t)k; continue; }
        if (c == '.' && next == C_ALNUM && glue_period(z, start, i)) { i += 1; continue; }
        if (c == ',' && num && is_digit(s[i - 1]) && i + 3 < z->len + 1 &&
            is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
            (i + 4 >= z->len || !is_digit(s[i + 4]))) { i += 1; continue; }
        if ((c == '/' || c == ':') && num && is_digit(s[i - 1]) && i + 1 < z->len &&
            is_digit(s[i + 1])) { i += 1; continue; }
        if (c == '&' && is_alpha(s[i - 1]) && i + 1 < z->len && is_alpha(s[i + 1]) &&
            !(s[i - 1] >= 'a' && s[i - 1] <= 'z')) { i += 1; continue; }
        if (is_apos(c) && next == C_ALNUM) {
            /* n't: the 'n' before the apostrophe belongs to the clitic. */
            size_t j = i + (size_t)k;
            if ((s[j] | 32) == 't' && (j + 1 >= z->len || cls_at(z, j + 1) != C_ALNUM) &&
                i - start >= 2 && (s[i - 1] | 32) == 'n') {
                *nt = 1;
                return i - 1;
            }
            if (clitic_len(z, i, k)) return i;
            i += (size_t)k;
            continue;
        }
        return i;
    }
}

/* Should the period at e join the word [b, e)? Sets *cls. */
static int takes_period(const scan *z, size_t b, size_t e, int *cls)
{
    const unsigned char *s = z->s;
    size_t n = e - b;
    *cls = DYAD_ABBR_NONE;
    if (e >= z->len || s[e] != '.') return 0;
    if (e + 1 < z->len && s[e + 1] == '.') return 0;          /* ellipsis follows */
    /* dotted: short letter segments separated by periods (U.S, a.m, Ph.D) */
    if (memchr(s + b, '.', n) && !is_digit(s[b])) {
        int ok = 1;
        size_t seg = 0;
        for (size_t i = b; i < e && ok; i++) {
            if (s[i] == '.') { ok = seg >= 1 && seg <= 3; seg = 0; }
            else if (is_alpha(s[i])) seg++;
            else ok = 0;
        }
        if (ok && seg >= 1 && seg <= 3) { *cls = DYAD_ABBR_ANY; return 1; }
    }
    int c = dyad_lx_abbr(z->lx, (const char *)s + b, n + 1);
    if (c == DYAD_ABBR_NUM) {
        size_t j = e + 1;
        while (j < z->len && (s[j] == ' ' || s[j] == '\t')) j++;
        if (j < z->len && is_digit(s[j])) { *cls = c; return 1; }
        return 0;
    }
    if (c) { *cls = c; return 1; }
    if (n == 1 && s[b] >= 'A' && s[b] <= 'Z') { *cls = DYAD_ABBR_ANY; return 1; }
    if (n <= 4 && cls_of(cp_at(z, b, &(int){0})) == C_ALNUM) {
        /* a single non-ASCII capital initial (Ł.) */
        int k;
        uint32_t cp = cp_at(z, b, &k);
        if ((size_t)k == n && cp >= 0x80 &&
            utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU) {
            *cls = DYAD_ABBR_ANY;
            return 1;
        }
    }
    return 0;
}

static int scan_word(scan *z, size_t *ip)
{
    size_t b = *ip;
    int nt;
    size_t e = word_end(z, b, &nt);
    const unsigned char *s = z->s;
    int cls = 0;
    int abbr = !nt && takes_period(z, b, e, &cls);
    if (abbr) e++;
    /* "U.S.-led", "U.N.-backed": a hyphenated word after a dotted abbreviation is one word,
     * as "Saudi-led" is */
    if (abbr && e + 1 < z->len && s[e] == '-' && ((s[e + 1] | 32) >= 'a' && (s[e + 1] | 32) <= 'z')) {
        int nt2;
        size_t e2 = word_end(z, e + 1, &nt2);
        if (!nt2 && e2 > e + 1) { e = e2; abbr = 0; }
    }
    /* cannot -> can + not */
    if (!abbr && e - b == 6 && !nt) {
        char w[6];
        for (int m = 0; m < 6; m++) w[m] = (char)(s[b + (size_t)m] | 32);
        if (!memcmp(w, "cannot", 6)) {
            dyad_rtok *t = push(z, b, b + 3, RT_WORD);
            if (!t) return z->err;
            word_flags(z, t);
            if (!(t = push(z, b + 3, e, RT_WORD))) return z->err;
            word_flags(z, t);
            *ip = e;
            return 0;
        }
    }
    dyad_rtok *t = push(z, b, e, RT_WORD);
    if (!t) return z->err;
    word_flags(z, t);
    if (abbr) { t->flags |= DYAD_TOK_ABBR; t->abbr = (uint8_t)cls; t->kind = RT_WORD; }
    if (nt) {
        t->host = 1;
        int k;
        cp_at(z, e + 1, &k);                      /* the apostrophe */
        dyad_rtok *c = push(z, e, e + 1 + (size_t)k + 1, RT_CLITIC);
        if (!c) return z->err;
        c->clitic = CL_NT;
        *ip = c->end;
        return 0;
    }
    *ip = e;
    /* clitic 's 're ... directly after the word */
    int k;
    uint32_t c = cp_at(z, e, &k);
    if (is_apos(c)) {
        size_t n = clitic_len(z, e, k);
        if (n) {
            dyad_rtok *ct = push(z, e, e + n, RT_CLITIC);
            if (!ct) return z->err;
            ct->clitic = ((s[e + (size_t)k] | 32) == 's') ? CL_POSS : CL_OTHER;
            *ip = e + n;
        } else if ((s[e - 1] | 32) == 's' && cls_at(z, e + (size_t)k) == C_SPACE) {
            /* soldiers' families: a word must follow on the same line */
            size_t j = e + (size_t)k;
            while (j < z->len && (s[j] == ' ' || s[j] == '\t')) j++;
            if (j < z->len && cls_at(z, j) == C_ALNUM) {
                dyad_rtok *ct = push(z, e, e + (size_t)k, RT_CLITIC);
                if (!ct) return z->err;
                ct->clitic = CL_POSS;
                *ip = e + (size_t)k;
            }
        }
    }
    return 0;
}

static int punct_kind(uint32_t c, int space_before, int space_after, uint8_t *bracket)
{
    *bracket = 0;
    switch (c) {
    case '.': case '!': case '?': return P_TERM;
    case 0x2026: return P_ELLIPSIS;
    case '(': case '[': case '{': *bracket = (uint8_t)c; return P_OPEN;
    case ')': case ']': case '}': *bracket = (uint8_t)c; return P_CLOSE;
    case 0x201C: case 0x2018: case 0x201E: case 0x00AB: case 0x2039: return P_OPEN;
    case 0x201D: case 0x00BB: case 0x203A: return P_CLOSE;
    case '"': case '\'': case 0x2019:
        return (space_before && !space_after) ? P_OPEN : P_CLOSE;
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
        return P_DASH;
    case ',': case 0x060C: case 0x3001: return P_COMMA;
    case ';': case ':': return P_SEMI;
    case 0x2022: case 0x00B7: case 0x25AA: case 0x25A0: case 0x2023: case 0x25E6: case 0x25CF:
        return P_BULLET;
    default: return P_OTHER;
    }
}

static int scan_punct(scan *z, size_t *ip)
{
    size_t b = *ip;
    int k;
    uint32_t c = cp_at(z, b, &k);
    size_t e = b + (size_t)k;
    const unsigned char *s = z->s;
    /* 's after a dotted abbreviation or closing bracket: U.S.'s */
    if (is_apos(c) && !z->space && z->out->n) {
        size_t n = clitic_len(z, b, k);
        if (n) {
            dyad_rtok *t = push(z, b, b + n, RT_CLITIC);
            if (!t) return z->err;
            t->clitic = (s[b + (size_t)k] | 32) == 's' ? CL_POSS : CL_OTHER;
            *ip = b + n;
            return 0;
        }
    }
    if (c == '.' && e < z->len && is_digit(s[e]) && (z->space || z->nl || z->out->n == 0)) {
        while (e < z->len && is_digit(s[e])) e++;          /* .22 calibre */
        dyad_rtok *t = push(z, b, e, RT_NUM);
        if (!t) return z->err;
        t->flags = DYAD_TOK_NUM;
        *ip = e;
        return 0;
    }
    if (c == '.') while (e < z->len && s[e] == '.') e++;
    else if (c == '!' || c == '?') while (e < z->len && (s[e] == '!' || s[e] == '?')) e++;
    else if (c == '-') while (e < z->len && s[e] == '-') e++;
    else if (c == '_' || c == '*' || c == '=' || c == '~' || c == '#')
        while (e < z->len && s[e] == c) e++;                /* ___ *** === rules */
    int space_after = cls_at(z, e) == C_SPACE || cls_at(z, e) == C_NL;
    uint8_t bracket;
    int kind = punct_kind(c, z->space || z->nl || z->out->n == 0, space_after, &bracket);
    if (c == '.' && e - b >= 2) kind = P_ELLIPSIS;
    dyad_rtok *t = push(z, b, e, RT_PUNCT);
    if (!t) return z->err;
    t->flags = DYAD_TOK_PUNCT;
    t->punct = (uint8_t)kind;
    t->bracket = bracket;
    *ip = e;
    return 0;
}

int dyad_tokenize(const dyad_lexicon *lx, const char *text, size_t len, dyad_rtoks *out)
{
    scan z = { (const unsigned char *)text, len, lx, out, 0, 0, 0 };
    out->n = 0;
    size_t i = 0;
    uint8_t lines = 0;
    while (i < len) {
        int k;
        uint32_t c = cp_at(&z, i, &k);
        int cl = cls_of(c);
        if (cl == C_SPACE || (cl == C_MARK && (c == 0xFEFF || c == 0x200B))) {
            z.space = 1;
            i += (size_t)k;
            continue;
        }
        if (cl == C_NL) {
            lines = (uint8_t)(lines + (c == 0x2029 ? 2 : 1));
            z.nl = lines >= 2 ? 2 : 1;
            z.space = 1;
            i += (size_t)k;
            continue;
        }
        lines = 0;
        int rc = cl == C_ALNUM ? scan_word(&z, &i) : scan_punct(&z, &i);
        if (rc) return rc;
    }
    return 0;
}
