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
