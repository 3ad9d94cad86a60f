/*
 * markup.c — undo the HTML that scraped news carries (dyad_markup_strip).
 *
 * Articles taken from web pages and feeds often keep character references
 * ("Ukraine&#39;s", "AT&amp;T", "&ldquo;barbaric&rdquo;") and a few tags
 * ("<p>", "<br/>", "<a href=...>"). Left alone they split words ("Ukraine & #
 * 39 ; s") and hide actors, so the text pipeline decodes them before anything
 * else looks at the text:
 *   - numeric references (&#39; &#x2019;) and the named ones news uses
 *     (the table below) become their character; an unknown name, a bare "&"
 *     or an invalid code point is left exactly as written;
 *   - tags with a known HTML element name are dropped; the block-level ones
 *     (p, div, li, h1-h6, tr, blockquote) become a blank line and <br> a line
 *     break, so that they still end a paragraph for the sentence splitter. "a < b" and "<Reuters>"
 *     are not tags of HTML and stay.
 * A decoded reference is never longer than the reference itself, so the
 * result fits in a buffer of the input's size. Text without '&' or '<' is
 * returned as is, without copying.
 */
#include <stdint.h>
#include <string.h>

#include "text/text.h"

typedef struct named_ref { const char *name; uint32_t cp; } named_ref;

/* Named references seen in news copy (HTML 4 Latin-1 and punctuation). */
static const named_ref named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", ' ' }, { "ensp", ' ' }, { "emsp", ' ' }, { "thinsp", ' ' },
    { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
    { "sbquo", 0x201A }, { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bdquo", 0x201E },
    { "hellip", 0x2026 }, { "laquo", 0xAB }, { "raquo", 0xBB }, { "middot", 0xB7 },
    { "bull", 0x2022 }, { "prime", 0x2032 }, { "deg", 0xB0 }, { "euro", 0x20AC },
    { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 }, { "copy", 0xA9 }, { "reg", 0xAE },
    { "trade", 0x2122 }, { "sect", 0xA7 }, { "para", 0xB6 }, { "times", 0xD7 },
    { "divide", 0xF7 }, { "plusmn", 0xB1 }, { "frac12", 0xBD }, { "frac14", 0xBC },
    { "frac34", 0xBE }, { "shy", 0xAD }, { "iexcl", 0xA1 }, { "iquest", 0xBF },
    { "aacute", 0xE1 }, { "Aacute", 0xC1 }, { "agrave", 0xE0 }, { "Agrave", 0xC0 },
    { "acirc", 0xE2 }, { "Acirc", 0xC2 }, { "atilde", 0xE3 }, { "Atilde", 0xC3 },
    { "auml", 0xE4 }, { "Auml", 0xC4 }, { "aring", 0xE5 }, { "Aring", 0xC5 },
    { "aelig", 0xE6 }, { "AElig", 0xC6 }, { "ccedil", 0xE7 }, { "Ccedil", 0xC7 },
    { "eacute", 0xE9 }, { "Eacute", 0xC9 }, { "egrave", 0xE8 }, { "Egrave", 0xC8 },
    { "ecirc", 0xEA }, { "Ecirc", 0xCA }, { "euml", 0xEB }, { "Euml", 0xCB },
    { "iacute", 0xED }, { "Iacute", 0xCD }, { "igrave", 0xEC }, { "Igrave", 0xCC },
    { "icirc", 0xEE }, { "Icirc", 0xCE }, { "iuml", 0xEF }, { "Iuml", 0xCF },
    { "ntilde", 0xF1 }, { "Ntilde", 0xD1 }, { "oacute", 0xF3 }, { "Oacute", 0xD3 },
    { "ograve", 0xF2 }, { "Ograve", 0xD2 }, { "ocirc", 0xF4 }, { "Ocirc", 0xD4 },
    { "otilde", 0xF5 }, { "Otilde", 0xD5 }, { "ouml", 0xF6 }, { "Ouml", 0xD6 },
    { "oslash", 0xF8 }, { "Oslash", 0xD8 }, { "uacute", 0xFA }, { "Uacute", 0xDA },
    { "ugrave", 0xF9 }, { "Ugrave", 0xD9 }, { "ucirc", 0xFB }, { "Ucirc", 0xDB },
    { "uuml", 0xFC }, { "Uuml", 0xDC }, { "yacute", 0xFD }, { "Yacute", 0xDD },
    { "yuml", 0xFF }, { "szlig", 0xDF }, { "eth", 0xF0 }, { "thorn", 0xFE },
    { "scaron", 0x161 }, { "Scaron", 0x160 }, { "zcaron", 0x17E }, { "Zcaron", 0x17D },
    { "oelig", 0x153 }, { "OElig", 0x152 },
};

/* HTML elements whose tags may appear in scraped copy, and what replaces the
 * tag: a blank line ends a paragraph, a line break a line; inline tags go. */
typedef struct tag_name { const char *name; const char *as; } tag_name;
static const tag_name tags[] = {
    { "p", "\n\n" }, { "div", "\n\n" }, { "li", "\n\n" }, { "ul", "\n\n" },
    { "ol", "\n\n" }, { "h1", "\n\n" }, { "h2", "\n\n" }, { "h3", "\n\n" },
    { "h4", "\n\n" }, { "h5", "\n\n" }, { "h6", "\n\n" }, { "tr", "\n\n" },
    { "table", "\n\n" }, { "blockquote", "\n\n" }, { "figure", "\n\n" },
    { "figcaption", "\n\n" }, { "section", "\n\n" }, { "article", "\n\n" },
    { "br", "\n" }, { "hr", "\n" }, { "td", " " }, { "th", " " },
    { "a", "" }, { "b", "" }, { "i", "" }, { "u", "" }, { "em", "" }, { "strong", "" },
    { "span", "" }, { "font", "" }, { "small", "" }, { "sup", "" }, { "sub", "" },
    { "abbr", "" }, { "cite", "" }, { "q", "" }, { "mark", "" }, { "time", "" },
};

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The lower-case ASCII name equals s[0..n) ignoring case ("<P>", "<Br/>"). */
static int same_name(const char *name, const char *s, size_t n)
{
    if (strlen(name) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] != ((unsigned char)s[i] | (is_alpha((unsigned char)s[i]) ? 32 : 0)))
            return 0;
    return 1;
}

/* Encode cp as UTF-8 at out; returns the byte count. */
static size_t put_utf8(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A character reference at s[0] == '&': its code point and length, or 0. */
static size_t char_ref(const char *s, size_t left, uint32_t *cp)
{
    size_t i = 1;
    if (i < left && s[i] == '#') {
        int hex = i + 1 < left && (s[i + 1] | 32) == 'x';
        i += hex ? 2 : 1;
        uint32_t v = 0;
        size_t digits = 0;
        for (; i < left && digits < 7; i++, digits++) {
            unsigned char c = (unsigned char)s[i];
            if (is_digit(c)) v = v * (hex ? 16 : 10) + (c - '0');
            else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') v = v * 16 + ((c | 32) - 'a' + 10);
            else break;
        }
        if (!digits || i >= left || s[i] != ';') return 0;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = v < 0x20 || (v >= 0x7F && v < 0xA0) ? ' ' : v;   /* controls: a space */
        return i + 1;
    }
    while (i < left && i < 12 && (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]))) i++;
    if (i == 1 || i >= left || s[i] != ';') return 0;
    for (size_t k = 0; k < sizeof named / sizeof *named; k++)
        if (strlen(named[k].name) == i - 1 && !memcmp(named[k].name, s + 1, i - 1)) {
            *cp = named[k].cp;
            return i + 1;
        }
    return 0;
}

/* A tag of a known element at s[0] == '<': its length (and *as, what
 * replaces it), or 0. Attributes may follow the name; the tag ends at the
 * first '>' within 512 bytes and must not contain another '<'. */
static size_t html_tag(const char *s, size_t left, const char **as)
{
    size_t i = 1;
    if (i < left && s[i] == '/') i++;
    size_t n0 = i;
    while (i < left && i - n0 < 12 && (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]))) i++;
    size_t nlen = i - n0;
    if (!nlen || i >= left) return 0;
    if (s[i] != '>' && s[i] != ' ' && s[i] != '/' && s[i] != '\t' && s[i] != '\n') return 0;
    const tag_name *t = NULL;
    for (size_t k = 0; k < sizeof tags / sizeof *tags && !t; k++)
        if (same_name(tags[k].name, s + n0, nlen)) t = &tags[k];
    if (!t) return 0;
    for (; i < left && i < 512; i++) {
        if (s[i] == '<') return 0;
        if (s[i] == '>') { *as = t->as; return i + 1; }
    }
    return 0;
}

char *dyad_markup_strip(dyad_arena *arena, const char *s, size_t len, size_t *out_len)
{
    *out_len = len;
    if (!memchr(s, '&', len) && !memchr(s, '<', len)) return (char *)s;
    char *out = dyad_arena_alloc(arena, len + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        const char *as;
        size_t k;
        if (s[i] == '&' && (k = char_ref(s + i, len - i, &cp))) {
            if (cp != 0xAD) o += put_utf8(cp, out + o);   /* soft hyphen: drop */
            i += k;
        } else if (s[i] == '<' && (k = html_tag(s + i, len - i, &as))) {
            size_t n = strlen(as);                 /* <= 2 bytes; a tag is >= 3 */
            memcpy(out + o, as, n);
            o += n;
            i += k;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}
