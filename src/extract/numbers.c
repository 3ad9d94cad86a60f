/*
 * numbers.c — cardinal numbers in news text, as digits or as words.
 *
 *   digits   "12", "6,500", "1.2 million", "2 billion"
 *   words    "seven", "twenty-one" (one token or three), "three hundred",
 *            "two thousand", "one hundred and twenty", "a dozen", "two dozen"
 *   vague    "dozens", "scores", "hundreds", "thousands", "several", "many",
 *            "a few", "numerous": consumed, value -1 — a count was stated
 *            but it is not a number, and dyad never guesses one.
 * Word numbers are read with the usual total/current accumulator: units and
 * tens add to the current group, "hundred" multiplies it, "thousand" and
 * larger scales close the group into the total.
 *
 * dyad_count_at() reads a whole count phrase for the coder's size conditions
 * ("COUNT>=1000" in patterns): hedges ("about", "more than", "an estimated"),
 * the number, and vague plurals as the smallest value they can mean
 * ("thousands" 2,000, "tens of thousands" 20,000, "several hundred" 300).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "extract/internal.h"

static const char *T(const dyad_token *t, int i) { return t[i].lower ? t[i].lower : ""; }

/* Value of a unit or tens word, -1 if it is not one. */
static int small_word(const char *w, size_t len)
{
    static const char *units[20] = { "zero", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen" };
    static const char *tens[8] = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety" };
    for (int i = 0; i < 20; i++)
        if (strlen(units[i]) == len && !strncmp(w, units[i], len)) return i;
    for (int i = 0; i < 8; i++)
        if (strlen(tens[i]) == len && !strncmp(w, tens[i], len)) return 20 + 10 * i;
    return -1;
}

/* "twenty-one" as one token: 21; a plain small word; else -1. */
static int compound_word(const char *w)
{
    const char *dash = strchr(w, '-');
    if (!dash) return small_word(w, strlen(w));
    int a = small_word(w, (size_t)(dash - w)), b = small_word(dash + 1, strlen(dash + 1));
    if (a >= 20 && a % 10 == 0 && b >= 1 && b <= 9) return a + b;
    return -1;
}

static long scale_word(const char *w)
{
    if (!strcmp(w, "hundred")) return 100;
    if (!strcmp(w, "thousand")) return 1000;
    if (!strcmp(w, "million")) return 1000000;
    if (!strcmp(w, "billion")) return 1000000000L;
    if (!strcmp(w, "dozen")) return 12;
    return 0;
}

static int vague_word(const char *w)
{
    static const char *v[] = { "dozens", "scores", "hundreds", "thousands", "millions",
        "several", "many", "numerous", "multiple", "countless", "tens", NULL };
    for (int i = 0; v[i]; i++) if (!strcmp(w, v[i])) return 1;
    return 0;
}

/* Digits with thousands separators and an optional decimal part. */
static int parse_digits(const char *w, double *out)
{
    double v = 0, frac = 0, div = 1;
    int seen = 0, dot = 0;
    for (const char *p = w; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            seen = 1;
            if (dot) { div *= 10; frac += (*p - '0') / div; }
            else v = v * 10 + (*p - '0');
        } else if (*p == ',' && !dot && seen && p[1] >= '0' && p[1] <= '9') {
            continue;
        } else if (*p == '.' && !dot && seen && p[1] >= '0' && p[1] <= '9') {
            dot = 1;
        } else {
            return 0;
        }
    }
    if (!seen) return 0;
    *out = v + frac;
    return 1;
}

/* Word numbers from token i: tokens used, value in *value. */
static int word_number(const dyad_token *t, int i, int n, long *value)
{
    long total = 0, current = 0;
    int j = i, any = 0;
    if ((!strcmp(T(t, i), "a") || !strcmp(T(t, i), "an")) && i + 1 < n && scale_word(T(t, i + 1))) {
        current = 1;
        j++;
    }
    while (j < n) {
        const char *w = T(t, j);
        int v = compound_word(w);
        long sc;
        if (v >= 0) {
            /* "twenty - one" in three tokens */
            if (v >= 20 && v % 10 == 0 && j + 2 < n && !strcmp(T(t, j + 1), "-")) {
                int b = small_word(T(t, j + 2), strlen(T(t, j + 2)));
                if (b >= 1 && b <= 9) { v += b; j += 2; }
            }
            current += v;
            any = 1;
            j++;
        } else if ((sc = scale_word(w)) && (any || current)) {
            if (sc == 100 || sc == 12) current = (current ? current : 1) * sc;
            else { total += (current ? current : 1) * sc; current = 0; }
            any = 1;
            j++;
        } else if (!strcmp(w, "and") && any && j + 1 < n && compound_word(T(t, j + 1)) > 0) {
            j++;
        } else {
            break;
        }
    }
    if (!any) return 0;
    *value = total + current;
    return j - i;
}

int dyad_number_at(const dyad_token *tok, int i, int n, long *value)
{
    if (i >= n) return 0;
    const char *w = T(tok, i);
    double d;
    if (parse_digits(w, &d)) {
        int used = 1;
        long sc;
        if (i + 1 < n && (sc = scale_word(T(tok, i + 1))) && sc != 12) { d *= (double)sc; used++; }
        if (d > 1e12) return 0;
        *value = lround(d);
        return used;
    }
    if (vague_word(w)) { *value = -1; return 1; }
    if ((!strcmp(w, "a") || !strcmp(w, "few")) && (!strcmp(w, "few") ||
        (i + 1 < n && !strcmp(T(tok, i + 1), "few")))) {
        *value = -1;
        return !strcmp(w, "few") ? 1 : 2;
    }
    return word_number(tok, i, n, value);
}

/* ---- count phrases (size conditions of patterns) ----------------------- */

static int is_w(const dyad_token *t, int i, int n, const char *w) { return i < n && !strcmp(T(t, i), w); }

/* Hedges before a count that keep its size: "about", "more than", "at least", "an
 * estimated", "as many as", "up to". Tokens used; *below = the count is an upper bound
 * ("fewer than", "less than", "under"). */
static int hedge(const dyad_token *t, int i, int n, int *below)
{
    static const char *const one[] = { "about", "around", "some", "roughly", "approximately", "nearly",
        "almost", "over", "estimated", "perhaps", "possibly", "reportedly", "approx.", "circa", "fully", NULL };
    static const char *const two[][2] = { { "more", "than" }, { "at", "least" }, { "close", "to" },
        { "upwards", "of" }, { "up", "to" }, { "as", "many" }, { "well", "over" }, { "just", "over" },
        { "an", "estimated" }, { "some", "estimated" }, { "in", "excess" } };
    static const char *const lower[][2] = { { "fewer", "than" }, { "less", "than" }, { "no", "more" } };
    int used = 0;
    *below = 0;
    for (int again = 1; again && used < 5; ) {
        again = 0;
        for (size_t k = 0; k < sizeof lower / sizeof lower[0]; k++)
            if (is_w(t, i + used, n, lower[k][0]) && is_w(t, i + used + 1, n, lower[k][1])) {
                *below = 1;
                used += 2 + is_w(t, i + used + 2, n, "than");
                again = 1;
            }
        for (size_t k = 0; !again && k < sizeof two / sizeof two[0]; k++)
            if (is_w(t, i + used, n, two[k][0]) && is_w(t, i + used + 1, n, two[k][1])) {
                used += 2;
                /* "as many as", "in excess of" */
                if (is_w(t, i + used, n, "as") || (!strcmp(two[k][1], "excess") && is_w(t, i + used, n, "of"))) used++;
                again = 1;
            }
        for (int k = 0; !again && one[k]; k++)
            if (is_w(t, i + used, n, one[k])) { used++; again = 1; }
    }
    return used;
}

/* The smallest value of a vague plural: "dozens" 24, "thousands" 2,000; 0 if none. */
static long vague_floor(const char *w)
{
    static const struct { const char *w; long v; } v[] = { { "dozens", 24 }, { "scores", 40 },
        { "hundreds", 200 }, { "thousands", 2000 }, { "millions", 2000000 }, { "billions", 2000000000L } };
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) if (!strcmp(w, v[k].w)) return v[k].v;
    return 0;
}

/* A scale word or its plural after a vague quantifier: "several thousand", "many thousands". */
static long scale_or_plural(const char *w)
{
    long sc = scale_word(w);
    if (sc) return sc;
    size_t n = strlen(w);
    if (n > 1 && w[n - 1] == 's') {
        char b[16];
        if (n - 1 >= sizeof b) return 0;
        memcpy(b, w, n - 1);
        b[n - 1] = '\0';
        return scale_word(b);
    }
    return 0;
}

int dyad_count_at(const dyad_token *tok, int i, int n, long *lo)
{
    int below = 0, j = i + hedge(tok, i, n, &below);
    long v = 0;
    int used = dyad_number_at(tok, j, n, &v);
    if (!used) return 0;
    const char *w = T(tok, j);
    if (v < 0) {
        long f = vague_floor(w);
        if (!strcmp(w, "tens") || f) {
            /* "tens of thousands", "hundreds of thousands", "thousands upon thousands" */
            long sc;
            if ((is_w(tok, j + 1, n, "of") || is_w(tok, j + 1, n, "upon")) && j + 2 < n
                && (sc = scale_or_plural(T(tok, j + 2))) >= 1000) {
                v = (f ? f : 20) * sc;
                if (!strcmp(w, "tens")) v = 20 * sc;
                else if (f >= 1000 && !strcmp(w, T(tok, j + 2))) v = f;   /* "thousands upon thousands" */
                used += 2;
            } else if (!strcmp(w, "tens")) {
                return 0;       /* "tens" alone is not a count */
            } else {
                v = f;
            }
        } else {
            /* "several", "many", "a few", "numerous": a few of something; with a scale,
             * "several thousand", "a few hundred", "many thousands" */
            long sc = j + used < n ? scale_or_plural(T(tok, j + used)) : 0;
            long k = !strcmp(w, "several") ? 3 : 2;
            if (sc) { v = k * sc; used++; }
            else v = k;
        }
    }
    j += used;
    /* "thousands of": the "of" belongs to the count */
    if (is_w(tok, j, n, "of") && j + 1 < n && !is_w(tok, j + 1, n, "the") && !is_w(tok, j + 1, n, "them")
        && !is_w(tok, j + 1, n, "those") && !is_w(tok, j + 1, n, "whom") && !is_w(tok, j + 1, n, "which")
        && !is_w(tok, j + 1, n, "these")) j++;
    *lo = below ? 0 : v;
    return j - i;
}
