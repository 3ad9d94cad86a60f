/*
 * split.c — sentence boundaries over raw tokens (dyad_split).
 *
 * A sentence ends
 *   - before a blank line (always);
 *   - after . ! ? ... … plus any closing quotes/brackets glued to it (an
 *     ellipsis inside an open double quote is an omission, not a stop), when the
 *     next token is not lower case and not , ; : ) ("...," he said. / '"Why?"
 *     asked Smith' stay whole); '?" Putin asked' also stays whole when the
 *     capitalised word is followed by a verb of saying;
 *     a parenthesised agency credit right after the stop, "(Reuters)", stays
 *     with the sentence before it;
 *   - after an abbreviation of class "any" (U.S., Inc., initials) only when a
 *     capitalised function word follows ("in the U.S. The talks");
 *     title abbreviations (Mr., Gen.) never end one;
 *   - at a single line break next to a line without words (___, ***, ---);
 *   - at a single line break when the next line starts a list item (• - * 1.)
 *     or the line looks like a headline: it began the sentence, does not end in
 *     , ; : - or a function word, the next line starts with a capital, digit or
 *     quote, and the line is title case / all caps, or is at most 150 bytes
 *     and shorter than 2/3 of the next line, which is longer than 100 bytes
 *     (an unwrapped paragraph: hard-wrapped text has short, even lines);
 *   - after DYAD_MAX_SENT_TOKENS tokens (doc/limits.md), so memory and the
 *     coder's work per sentence stay bounded.
 * At the start of a line, list markers are marked skip, and the first
 * dateline of the article ("MOSCOW, Oct 31 (AP) -", "KYIV —") is marked skip.
 */
#include <string.h>
#include <utf8proc.h>

#include "dyad.h"
#include "text/text_internal.h"

typedef struct ctx {
    const dyad_lexicon *lx;
    const unsigned char *s;
    dyad_rtok *t;
    size_t n;
} ctx;

static int is_word(const dyad_rtok *t) { return t->kind == RT_WORD || t->kind == RT_NUM; }
static int is_p(const dyad_rtok *t, int p) { return t->kind == RT_PUNCT && t->punct == p; }
static unsigned char first(const ctx *c, size_t i) { return c->s[c->t[i].start]; }
static int starts_lower(const ctx *c, size_t i)
{
    const dyad_rtok *t = &c->t[i];
    if (t->kind == RT_CLITIC) return 1;
    if (t->kind != RT_WORD) return 0;
    unsigned char b = first(c, i);
    if (b < 0x80) return b >= 'a' && b <= 'z';
    int k;                       /* only a lower-case letter continues: not Arabic, CJK */
    return utf8proc_category((utf8proc_int32_t)dyad_u8(c->s + t->start, &k)) ==
           UTF8PROC_CATEGORY_LL;
}

/* Lower-case ASCII copy of token i into buf (NUL-terminated); its length, or 0. */
static size_t lower_of(const ctx *c, size_t i, char *buf, size_t cap)
{
    size_t n = c->t[i].end - c->t[i].start;
    if (n + 1 > cap) return 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char ch = c->s[c->t[i].start + k];
        buf[k] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    }
    buf[n] = '\0';
    return n;
}

static int is_func(const ctx *c, size_t i) { return c->t[i].func; }

static int is_reporting(const ctx *c, size_t i)
{
    char w[32];
    size_t n = lower_of(c, i, w, sizeof w);
    return n && dyad_lx_reporting(c->lx, w, n);
}

/* "(Reuters)" / "(Al Jazeera)" at i: index after the ')' or 0. */
static size_t agency_at(const ctx *c, size_t i)
{
    if (i >= c->n || !is_p(&c->t[i], P_OPEN) || c->t[i].bracket != '(') return 0;
    size_t j = i + 1;
    while (j < c->n && j < i + 5 && is_word(&c->t[j])) j++;
    if (j == i + 1 || j >= c->n || c->t[j].bracket != ')') return 0;
    char buf[64];
    size_t n = 0;
    for (size_t k = i + 1; k < j; k++) {
        size_t len = c->t[k].end - c->t[k].start;
        if (n + len + 1 >= sizeof buf) return 0;
        if (k > i + 1) buf[n++] = ' ';
        memcpy(buf + n, c->s + c->t[k].start, len);
        n += len;
    }
    return dyad_lx_agency(c->lx, buf, n) ? j + 1 : 0;
}

/* Closing quotes and brackets glued to the stop at i-1. */
static size_t absorb_close(const ctx *c, size_t j)
{
    while (j < c->n && is_p(&c->t[j], P_CLOSE) && !c->t[j].space) j++;
    return j;
}

/* A numbered-list marker "1." / "2)" at the start of a line? */
static int list_number(const ctx *c, size_t i)
{
    const dyad_rtok *t = &c->t[i];
    return t->kind == RT_NUM && (i == 0 || t->nl) && t->end - t->start <= 2 && i + 2 < c->n &&
           !c->t[i + 1].space && (is_p(&c->t[i + 1], P_TERM) || c->t[i + 1].bracket == ')') &&
           c->s[c->t[i + 1].start] != '?' && c->s[c->t[i + 1].start] != '!' &&
           c->t[i + 1].end - c->t[i + 1].start == 1 && c->t[i + 2].space && !c->t[i + 2].nl;
}

/* A bullet at i: • always; - – * only at a line start and before a word. */
static int bullet(const ctx *c, size_t i)
{
    const dyad_rtok *t = &c->t[i];
    if (is_p(t, P_BULLET)) return 1;
    if (!(i == 0 || t->nl) || i + 1 >= c->n || !c->t[i + 1].space || c->t[i + 1].nl) return 0;
    unsigned char ch = c->s[t->start];
    return (is_p(t, P_DASH) && t->end - t->start <= 3) || (ch == '*' && t->end - t->start == 1);
}

/* Does the sentence end after the stop at i? *next = first token of the next one. */
static int ends_at_stop(const ctx *c, size_t i, size_t *next)
{
    const dyad_rtok *t = &c->t[i];
    if (t->punct == P_TERM && t->end - t->start == 1 && c->s[t->start] == '.' && i > 0 &&
        list_number(c, i - 1))
        return 0;
    size_t j = absorb_close(c, i + 1);
    size_t a = agency_at(c, j);
    if (a && !c->t[j].nl) j = absorb_close(c, a);
    *next = j;
    if (j >= c->n) return 1;
    const dyad_rtok *u = &c->t[j];
    if (u->nl == 2) return 1;
    if (starts_lower(c, j)) return 0;
    if (u->kind == RT_PUNCT)
        return !(u->punct == P_CLOSE || u->punct == P_COMMA || u->punct == P_SEMI ||
                 u->punct == P_TERM);
    /* "Is this peace?" Putin asked. */
    unsigned char stop = c->s[t->start];
    if ((stop == '?' || stop == '!') && j > i + 1 && (u->flags & DYAD_TOK_CAP) &&
        j + 1 < c->n && !c->t[j + 1].nl && is_reporting(c, j + 1))
        return 0;
    return 1;
}

/* A double quotation mark (" “ ” „ « »), open or close? */
static int double_quote(const ctx *c, size_t i)
{
    const dyad_rtok *t = &c->t[i];
    if (t->kind != RT_PUNCT || (t->punct != P_OPEN && t->punct != P_CLOSE) || t->bracket) return 0;
    const unsigned char *p = c->s + t->start;
    return p[0] == '"' || (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x9C && p[2] <= 0x9E) ||
           (p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB));
}

/* Does the sentence end after the abbreviation at i (class any)? */
static int ends_at_abbr(const ctx *c, size_t i, size_t *next)
{
    if (c->t[i].abbr != DYAD_ABBR_ANY) return 0;
    size_t j = absorb_close(c, i + 1);
    *next = j;
    if (j >= c->n) return 1;
    const dyad_rtok *u = &c->t[j];
    if (u->nl == 2) return 1;
    return u->kind == RT_WORD && (u->flags & DYAD_TOK_CAP) && is_func(c, j);
}

/* First token of the line holding token i. */
static size_t line_first(const ctx *c, size_t i, size_t floor)
{
    while (i > floor && !c->t[i].nl) i--;
    return i;
}

static int line_has_word(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (is_word(&c->t[k])) return 1;
    return 0;
}

/* Does a single line break before token i end the sentence begun at b? */
static int ends_at_break(const ctx *c, size_t b, size_t i)
{
    if (bullet(c, i) || list_number(c, i)) return 1;
    if (!line_has_word(c, line_first(c, i - 1, b), i)) return 1;   /* after ___ or *** */
    size_t e0 = i + 1;
    while (e0 < c->n && !c->t[e0].nl) e0++;
    if (!line_has_word(c, i, e0)) return 1;                          /* before one */
    const dyad_rtok *p = &c->t[i - 1], *u = &c->t[i];
    if (p->kind == RT_PUNCT && (p->punct == P_COMMA || p->punct == P_SEMI ||
                                p->punct == P_DASH || p->punct == P_OPEN))
        return 0;
    if (p->kind == RT_WORD && (is_func(c, i - 1) || p->abbr == DYAD_ABBR_TITLE)) return 0;
    if (starts_lower(c, i) || (u->kind == RT_PUNCT && u->punct != P_OPEN)) return 0;
    size_t f = line_first(c, i - 1, b);
    if (f != b) return 0;                 /* the sentence began on an earlier line */
    size_t words = 0, caps = 0;
    for (size_t k = f; k < i; k++) {
        if (c->t[k].kind != RT_WORD || is_func(c, k)) continue;
        words++;
        caps += (c->t[k].flags & DYAD_TOK_CAP) != 0;
    }
    if (words >= 2 && caps == words) return 1;         /* Title Case or ALL CAPS */
    size_t e = i + 1;
    while (e < c->n && !c->t[e].nl) e++;
    size_t len = p->end - c->t[f].start, next_len = c->t[e - 1].end - u->start;
    return len <= 150 && len * 3 < next_len * 2 && next_len > 100;
}

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.", NULL
};

static int is_month(const ctx *c, size_t i)
{
    size_t n = c->t[i].end - c->t[i].start;
    for (int m = 0; months[m]; m++)
        if (strlen(months[m]) == n && !memcmp(months[m], c->s + c->t[i].start, n)) return 1;
    return 0;
}

static int cap_word(const ctx *c, size_t i)
{
    return i < c->n && c->t[i].kind == RT_WORD && (c->t[i].flags & DYAD_TOK_CAP);
}

/* Tokens of a dateline starting at b inside [b, e), or 0:
 *   PLACE{1-4}[/PLACE] (, Region{1-3} | , Month Day[, Year] | , Day Month)*
 *   [(Agency)] [dash]
 * with an agency, or an all-caps place and a dash (or a colon). */
static size_t dateline(const ctx *c, size_t b, size_t e)
{
    size_t q = b;
    int caps = 1, place = 0;
    while (q < e && place < 4 && cap_word(c, q)) {
        caps &= (c->t[q].flags & DYAD_TOK_ALLCAPS) != 0;
        q++, place++;
        /* two places: BAKU/YEREVAN */
        if (q + 1 < e && c->s[c->t[q].start] == '/' && c->t[q].end - c->t[q].start == 1 &&
            !c->t[q].space && !c->t[q + 1].space && cap_word(c, q + 1))
            q++;
    }
    for (int round = 0; round < 3 && place; round++) {
        if (q + 1 >= e || !is_p(&c->t[q], P_COMMA)) break;
        if (q + 2 < e && c->t[q + 1].kind == RT_NUM && is_month(c, q + 2)) {
            q += 3;                                     /* , 31 October */
            continue;
        }
        if (is_month(c, q + 1) && q + 2 < e && c->t[q + 2].kind == RT_NUM) {
            q += 3;
            if (q + 1 < e && is_p(&c->t[q], P_COMMA) && c->t[q + 1].kind == RT_NUM &&
                c->t[q + 1].end - c->t[q + 1].start == 4)
                q += 2;
            continue;
        }
        size_t r = q + 1;
        while (r < e && r < q + 4 && cap_word(c, r)) r++;
        if (r == q + 1) break;
        q = r;
    }
    size_t a = agency_at(c, q);
    if (a && a <= e) q = a;
    else if (caps && place && q < e && c->t[q].bracket == '(') {
        /* an agency we do not list, after an all-caps place: (Example Wire) */
        size_t r = q + 1;
        while (r < e && r < q + 5 && cap_word(c, r)) r++;
        if (r > q + 1 && r + 1 < e && c->t[r].bracket == ')' && is_p(&c->t[r + 1], P_DASH))
            q = r + 1;
    }
    int dash = q < e && (is_p(&c->t[q], P_DASH) ||
                         (c->s[c->t[q].start] == ':' && caps && place));   /* ISLAMABAD: */
    /* a hyphen glued to the next word joins a compound ("U.S.-led strikes"), it ends no dateline */
    if (dash && c->s[c->t[q].start] == '-' && q + 1 < e && !c->t[q + 1].space) dash = 0;
    if (dash) q++;
    if (!(a || (dash && caps && place))) return 0;
    if (q >= e || c->t[q].nl == 2) return 0;    /* nothing would be left */
    return q - b;
}

static int emit(dyad_arena *a, dyad_rsent **v, size_t *n, size_t *cap, size_t b, size_t e)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        dyad_rsent *nv = dyad_arena_alloc(a, nc * sizeof *nv);
        if (!nv) return DYAD_ENOMEM;
        if (*n) memcpy(nv, *v, *n * sizeof *nv);
        *v = nv;
        *cap = nc;
    }
    (*v)[(*n)++] = (dyad_rsent){ (uint32_t)b, (uint32_t)e };
    return 0;
}

/* Mark list markers and the first dateline at the start of sentence [b, e). */
static void mark_skips(ctx *c, size_t b, size_t e, int *dateline_seen)
{
    if (!(b == 0 || c->t[b].nl)) return;
    if (list_number(c, b)) { c->t[b].skip = c->t[b + 1].skip = 1; b += 2; }
    else if (bullet(c, b)) c->t[b++].skip = 1;
    if (*dateline_seen || b >= e) return;
    size_t d = dateline(c, b, e);
    if (d) {
        for (size_t k = b; k < b + d; k++) c->t[k].skip = 1;
        *dateline_seen = 1;
    }
}

int dyad_split(const dyad_lexicon *lx, dyad_arena *a, const char *s, dyad_rtoks *rt,
               dyad_rsent **out, size_t *nout)
{
    ctx c = { lx, (const unsigned char *)s, rt->t, rt->n };
    size_t n = rt->n, cap = 0, b = 0;
    int seen = 0, rc;
    *out = NULL;
    *nout = 0;
    int quote = 0;                 /* double quotes open in this sentence */
    for (size_t i = 0; i < n;) {
        if (i > b && (c.t[i].nl == 2 || (c.t[i].nl == 1 && ends_at_break(&c, b, i)) ||
                      i - b >= DYAD_MAX_SENT_TOKENS)) {
            if ((rc = emit(a, out, nout, &cap, b, i))) return rc;
            b = i;
            quote = 0;
        }
        size_t next = i + 1;
        const dyad_rtok *t = &c.t[i];
        int end = 0;
        if (double_quote(&c, i)) quote += t->punct == P_OPEN ? 1 : quote > 0 ? -1 : 0;
        /* an ellipsis inside a quotation marks an omission, not an end:
         * "We will ... Ukraine will win," he said. */
        int omission = t->kind == RT_PUNCT && t->punct == P_ELLIPSIS && quote > 0 &&
                       !(i + 1 < n && !c.t[i + 1].space && double_quote(&c, i + 1));
        if (omission)
            end = 0;
        else if (t->kind == RT_PUNCT && (t->punct == P_TERM || t->punct == P_ELLIPSIS))
            end = ends_at_stop(&c, i, &next);
        else if (t->flags & DYAD_TOK_ABBR)
            end = ends_at_abbr(&c, i, &next);
        if (end && next - b > DYAD_MAX_SENT_TOKENS) end = 0;   /* the limit splits it */
        if (end) {
            if ((rc = emit(a, out, nout, &cap, b, next))) return rc;
            b = next;
            i = next;
            quote = 0;
        } else {
            i++;
        }
    }
    if (b < n && (rc = emit(a, out, nout, &cap, b, n))) return rc;
    /* A dateline can only open one of the first few sentences. */
    for (size_t k = 0; k < *nout; k++) {
        if (k == 4) seen = 1;
        mark_skips(&c, (*out)[k].b, (*out)[k].e, &seen);
    }
    return 0;
}
