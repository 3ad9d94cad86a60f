/*
 * dates.c — calendar arithmetic and date expressions in news text.
 *
 * dyad_find_dates() walks the tokens of a sentence once and recognises, at
 * each position, the first of these forms that matches:
 *   absolute  "September 27, 2020", "Sept. 27th", "27 Sept. 2020",
 *             "the 27th of September", "2020-09-27", "March 2021" (month),
 *             "in March" / "last September" (month), "in 2019" (year)
 *   deictic   "today", "tonight", "yesterday", "last night", "tomorrow",
 *             "this morning"
 *   weekdays  "on Monday", "last Friday", "next Tuesday", bare "Monday"
 *   offsets   "two days ago", "a week ago", "three months ago",
 *             "a month after September 27" (shifted from an absolute date)
 *   vague     "this week", "earlier this month", "in recent months",
 *             "a month after the vote": a hit with precision NONE, which
 *             tells the caller the clause has its own (unknown) time and no
 *             day must be invented.
 * Dates without a year take the article's year, or the year before when the
 * month is after the article's month (the past is what news reports),
 * unless the clause is in the future tense. Invalid days (February 30,
 * February 29 of a common year) are not dates.
 *
 * Calendar arithmetic uses days since 1970-01-01 in the proleptic Gregorian
 * calendar (Howard Hinnant's civil-from-days algorithm).
 */
#include <stdlib.h>
#include <string.h>
#include "extract/internal.h"
#include "util/civil.h"

/* ---- calendar ----------------------------------------------------------- */

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dyad_days_in_month(int y, int m)
{
    static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int dyad_ymd_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dyad_days_in_month(y, m);
}

int dyad_ymd_parse(const char *s, dyad_ymd *out)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
    int v[3] = { 0, 0, 0 }, k = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) { k++; continue; }
        if (s[i] < '0' || s[i] > '9') return -1;
        v[k] = v[k] * 10 + (s[i] - '0');
    }
    if (!dyad_ymd_valid(v[0], v[1], v[2])) return -1;
    out->y = v[0]; out->m = v[1]; out->d = v[2];
    return 0;
}

long dyad_ymd_to_days(dyad_ymd a)
{
    return dyad_days_from_civil(a.y, a.m, a.d);
}

dyad_ymd dyad_days_to_ymd(long z)
{
    long y;
    dyad_ymd r;
    dyad_civil_from_days(z, &y, &r.m, &r.d);
    r.y = (int)y;
    return r;
}

int dyad_ymd_weekday(dyad_ymd a)
{
    long d = dyad_ymd_to_days(a);      /* 1970-01-01 was a Thursday (3) */
    return (int)(((d % 7) + 7 + 3) % 7);
}

dyad_ymd dyad_ymd_add_days(dyad_ymd a, long n) { return dyad_days_to_ymd(dyad_ymd_to_days(a) + n); }

static dyad_ymd add_months(dyad_ymd a, int n)
{
    int mi = a.y * 12 + (a.m - 1) + n;
    dyad_ymd r = { mi / 12, mi % 12 + 1, 1 };
    int dim = dyad_days_in_month(r.y, r.m);
    r.d = a.d > dim ? dim : a.d;
    return r;
}

/* ---- word classes --------------------------------------------------------- */

static const char *T(const dyad_token *t, int i) { return t[i].lower ? t[i].lower : ""; }
static int is(const dyad_token *t, int i, int n, const char *w) { return i < n && strcmp(T(t, i), w) == 0; }
static int cap(const dyad_token *t, int i)
{
    const char *x = t[i].text;
    if (x && !strncmp(x, "mid-", 4)) return x[4] >= 'A' && x[4] <= 'Z';   /* "mid-March" */
    return (t[i].flags & DYAD_TOK_CAP) != 0;
}

/* 1..12 for a month name or its abbreviation (trailing period allowed). */
static int month_of(const char *w)
{
    static const char *full[12] = { "january", "february", "march", "april", "may", "june", "july",
                                    "august", "september", "october", "november", "december" };
    static const char *abbr[12] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
                                    "aug", "sep", "oct", "nov", "dec" };
    char w2[16];
    if (!strncmp(w, "mid-", 4)) w += 4;                 /* "mid-September" */
    size_t n = strlen(w);
    if (n == 0 || n >= sizeof w2) return 0;
    memcpy(w2, w, n + 1);
    if (w2[n - 1] == '.') w2[--n] = '\0';
    for (int i = 0; i < 12; i++)
        if (!strcmp(w2, full[i]) || !strcmp(w2, abbr[i])) return i + 1;
    if (!strcmp(w2, "sept")) return 9;
    return 0;
}

static int weekday_of(const char *w)
{
    static const char *wd[7] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                 "saturday", "sunday" };
    for (int i = 0; i < 7; i++) if (!strcmp(w, wd[i])) return i;
    return -1;
}

/* Day of month: "27", "27th", "1st", "2nd", "3rd". 0 if not. */
static int day_of(const char *w)
{
    int v = 0, k = 0;
    while (w[k] >= '0' && w[k] <= '9' && k < 3) v = v * 10 + (w[k++] - '0');
    if (k == 0 || k > 2) return 0;
    if (w[k] && strcmp(w + k, "st") && strcmp(w + k, "nd") && strcmp(w + k, "rd") &&
        strcmp(w + k, "th")) return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

static int is_ordinal_suffix(const char *w)
{
    return !strcmp(w, "st") || !strcmp(w, "nd") || !strcmp(w, "rd") || !strcmp(w, "th");
}

static int year_of(const char *w)
{
    if (strlen(w) != 4) return 0;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        if (w[k] < '0' || w[k] > '9') return 0;
        v = v * 10 + (w[k] - '0');
    }
    return v >= 1900 && v <= 2100 ? v : 0;
}

/* Words that, right before a month or year, make it a time expression. */
static int time_prep(const char *w)
{
    static const char *p[] = { "in", "since", "during", "until", "till", "by", "from", "early",
                               "late", "mid", "mid-", "last", "next", "this", "of", "before",
                               "after", "throughout", "on", NULL };
    for (int i = 0; p[i]; i++) if (!strcmp(w, p[i])) return 1;
    return 0;
}

/* Words that can start a pattern (sorted for bsearch). */
static const char *const TRIGGERS[] = {
    "a", "an", "apr", "apr.", "april", "aug", "aug.", "august", "coming", "dec", "dec.",
    "december", "eight", "eighteen", "eighty", "eleven", "feb", "feb.", "february", "fifteen",
    "fifty", "five", "forty", "four", "fourteen", "friday", "jan", "jan.", "january", "jul",
    "jul.", "july", "jun", "jun.", "june", "last", "lately", "mar", "mar.", "march", "may",
    "monday", "next", "nine", "nineteen", "ninety", "nov", "nov.", "november", "oct", "oct.",
    "october", "one", "past", "recent", "recently", "saturday", "sep", "sep.", "sept", "sept.",
    "september", "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "sunday", "ten",
    "thirteen", "thirty", "this", "three", "thursday", "today", "tomorrow", "tonight",
    "tuesday", "twelve", "twenty", "two", "wednesday", "yesterday", "zero",
};

static int cmp_word(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }

/* Can a pattern start at this token? Digits, or one of TRIGGERS (sorted,
 * binary search): most tokens are rejected with a few comparisons. */
static int trigger(const dyad_token *t, int i)
{
    const char *w = T(t, i);
    if ((t[i].flags & DYAD_TOK_NUM) || (w[0] >= '0' && w[0] <= '9')) return 1;
    if (!strncmp(w, "mid-", 4)) w += 4;
    const char *dash = strchr(w, '-');
    char head[16];
    if (dash && dash > w && (size_t)(dash - w) < sizeof head) {     /* "twenty-one" */
        memcpy(head, w, (size_t)(dash - w));
        head[dash - w] = '\0';
        w = head;
    }
    return bsearch(w, TRIGGERS, sizeof TRIGGERS / sizeof TRIGGERS[0], sizeof TRIGGERS[0],
                   cmp_word) != NULL;
}

int dyad_clause_is_future(const dyad_token *tok, int i0, int i1)
{
    for (int i = i0; i < i1; i++) {
        const char *w = T(tok, i);
        if (!strchr("wsgdept'", w[0])) continue;     /* cheap reject: no candidate starts so */
        if (!strcmp(w, "will") || !strcmp(w, "shall") || !strcmp(w, "'ll") || !strcmp(w, "wo") ||
            !strcmp(w, "tomorrow"))
            return 1;
        if ((!strcmp(w, "going") || !strcmp(w, "due") || !strcmp(w, "scheduled") ||
             !strcmp(w, "set") || !strcmp(w, "expected") || !strcmp(w, "plans") ||
             !strcmp(w, "plan") || !strcmp(w, "planned")) && is(tok, i + 1, i1, "to"))
            return 1;
    }
    return 0;
}

/* ---- resolution helpers --------------------------------------------------- */

/* Year for a month-day stated without one. News reports the past, so a
 * month after the article's month is last year's ("Dec. 31" in an article
 * of Jan. 2); a later day in the article's own month stays in its year
 * (time zones, late filing, schedules). A future clause mirrors this. */
static int infer_year(dyad_ymd art, int m, int d, int future)
{
    (void)d;
    if (!future && m > art.m) return art.y - 1;
    if (future && m < art.m) return art.y + 1;
    return art.y;
}

static int emit(dyad_date_hit *out, int *nout, int max, int s, int e, int y, int m, int d, int prec)
{
    /* any precision: a relative date near year 1 or 9999 can leave the calendar */
    if (prec != DYAD_PREC_NONE && !dyad_ymd_valid(y, m, d)) return 0;
    if (*nout < max) {
        dyad_date_hit *h = &out[(*nout)++];
        h->tok_start = s; h->tok_end = e;
        h->date.y = y; h->date.m = m; h->date.d = d;
        h->prec = prec;
    }
    return 1;
}

static int emit_ymd(dyad_date_hit *out, int *nout, int max, int s, int e, dyad_ymd a, int prec)
{
    return emit(out, nout, max, s, e, a.y, prec >= DYAD_PREC_MONTH ? a.m : 1,
                prec >= DYAD_PREC_DAY ? a.d : 1, prec);
}

/* Skip a separate "." after an abbreviated month and an optional ",". */
static int skip_dot(const dyad_token *t, int j, int n) { return is(t, j, n, ".") ? j + 1 : j; }
static int skip_comma(const dyad_token *t, int j, int n) { return is(t, j, n, ",") ? j + 1 : j; }

/* ---- the forms ------------------------------------------------------------ */

/* "2020-09-27" as one token or as 2020 - 09 - 27. Returns tokens used. */
static int match_iso(const dyad_token *t, int i, int n, dyad_ymd *out)
{
    if (dyad_ymd_parse(T(t, i), out) == 0) return 1;
    if (i + 4 < n && year_of(T(t, i)) && is(t, i + 1, n, "-") && is(t, i + 3, n, "-")) {
        char buf[11];
        const char *m = T(t, i + 2), *d = T(t, i + 4);
        if (strlen(m) == 2 && strlen(d) == 2) {
            memcpy(buf, T(t, i), 4); buf[4] = '-'; memcpy(buf + 5, m, 2);
            buf[7] = '-'; memcpy(buf + 8, d, 2); buf[10] = '\0';
            if (dyad_ymd_parse(buf, out) == 0) return 5;
        }
    }
    return 0;
}

/* Month-first and day-first absolute dates; month-only with a year or a
 * time preposition. Returns the end token or 0. */
static int match_month_date(const dyad_token *t, int i, int n, int i0, dyad_ymd art, int future,
                            dyad_date_hit *out, int *nout, int max)
{
    int j, d = 0, m = 0, y = 0, start = i;
    if ((m = month_of(T(t, i))) && cap(t, i)) {
        j = skip_dot(t, i + 1, n);
        if (j < n && (d = day_of(T(t, j)))) {
            j++;
            if (j < n && is_ordinal_suffix(T(t, j))) j++;
            int k = skip_comma(t, j, n);
            if (k < n && (y = year_of(T(t, k)))) j = k + 1;
        } else {
            int k = skip_comma(t, j, n);
            if (k < n && (y = year_of(T(t, k)))) {
                emit(out, nout, max, start, k + 1, y, m, 1, DYAD_PREC_MONTH);
                return k + 1;
            }
            /* Month alone: only after a time word ("in March", "last May"). */
            if (i <= i0 || !time_prep(T(t, i - 1))) return 0;
            const char *p = T(t, i - 1);
            if (!strcmp(p, "last")) y = m >= art.m ? art.y - 1 : art.y;
            else if (!strcmp(p, "next")) y = m <= art.m ? art.y + 1 : art.y;
            else if (future) y = m < art.m ? art.y + 1 : art.y;
            else y = m > art.m ? art.y - 1 : art.y;
            emit(out, nout, max, i - 1, j, y, m, 1, DYAD_PREC_MONTH);
            return j;
        }
    } else if ((d = day_of(T(t, i)))) {
        j = i + 1;
        if (j < n && is_ordinal_suffix(T(t, j))) j++;
        if (is(t, j, n, "of")) j++;
        if (!(j < n && (m = month_of(T(t, j))) && cap(t, j))) return 0;
        j = skip_dot(t, j + 1, n);
        int k = skip_comma(t, j, n);
        if (k < n && (y = year_of(T(t, k)))) j = k + 1;
        if (start > i0 && is(t, start - 1, n, "the")) start--;
    } else {
        return 0;
    }
    if (!y) y = infer_year(art, m, d, future);
    if (start > i0 && is(t, start - 1, n, "on")) start--;
    if (!emit(out, nout, max, start, j, y, m, d, DYAD_PREC_DAY)) return -1;  /* invalid day */
    return j;
}

/* Weekdays, with "on", "last", "next", "this". */
static int match_weekday(const dyad_token *t, int i, int n, int i0, dyad_ymd art, int future,
                         dyad_date_hit *out, int *nout, int max)
{
    int wd = weekday_of(T(t, i));
    if (wd < 0 || !cap(t, i) || i >= n) return 0;
    int aw = dyad_ymd_weekday(art), start = i;
    const char *prev = i > i0 ? T(t, i - 1) : "";
    long back = (aw - wd + 7) % 7;            /* days back to the most recent wd, 0..6 */
    long delta;
    if (!strcmp(prev, "last")) { delta = back ? -back : -7; start--; }
    else if (!strcmp(prev, "next")) { delta = (wd - aw + 7) % 7; if (!delta) delta = 7; start--; }
    else {
        if (!strcmp(prev, "on") || !strcmp(prev, "this")) start--;
        delta = future ? (wd - aw + 7) % 7 : -back;
    }
    emit_ymd(out, nout, max, start, i + 1, dyad_ymd_add_days(art, delta), DYAD_PREC_DAY);
    return i + 1;
}

/* Deictic words and vague periods. */
static int match_deictic(const dyad_token *t, int i, int n, dyad_ymd art,
                         dyad_date_hit *out, int *nout, int max)
{
    const char *w = T(t, i);
    if (!strcmp(w, "today") || !strcmp(w, "tonight"))
        return emit_ymd(out, nout, max, i, i + 1, art, DYAD_PREC_DAY), i + 1;
    if (!strcmp(w, "yesterday"))
        return emit_ymd(out, nout, max, i, i + 1, dyad_ymd_add_days(art, -1), DYAD_PREC_DAY), i + 1;
    if (!strcmp(w, "tomorrow"))
        return emit_ymd(out, nout, max, i, i + 1, dyad_ymd_add_days(art, 1), DYAD_PREC_DAY), i + 1;
    if (i + 1 >= n) return 0;
    const char *x = T(t, i + 1);
    if (!strcmp(w, "last") && (!strcmp(x, "night") || !strcmp(x, "evening")))
        return emit_ymd(out, nout, max, i, i + 2, dyad_ymd_add_days(art, -1), DYAD_PREC_DAY), i + 2;
    if (!strcmp(w, "this") && (!strcmp(x, "morning") || !strcmp(x, "afternoon") ||
                               !strcmp(x, "evening")))
        return emit_ymd(out, nout, max, i, i + 2, art, DYAD_PREC_DAY), i + 2;
    if (!strcmp(w, "last") && !strcmp(x, "month"))
        return emit_ymd(out, nout, max, i, i + 2, add_months(art, -1), DYAD_PREC_MONTH), i + 2;
    if (!strcmp(w, "last") && !strcmp(x, "year"))
        return emit(out, nout, max, i, i + 2, art.y - 1, 1, 1, DYAD_PREC_YEAR), i + 2;
    /* Vague periods: the clause has a time of its own, but no day. */
    if ((!strcmp(w, "this") || !strcmp(w, "last") || !strcmp(w, "next") || !strcmp(w, "recent") ||
         !strcmp(w, "past") || !strcmp(w, "coming")) &&
        (!strcmp(x, "week") || !strcmp(x, "weekend") || !strcmp(x, "weeks") ||
         !strcmp(x, "month") || !strcmp(x, "months") || !strcmp(x, "year") ||
         !strcmp(x, "years") || !strcmp(x, "days")))
        return emit_ymd(out, nout, max, i, i + 2, art, DYAD_PREC_NONE), i + 2;
    if (!strcmp(w, "recently") || !strcmp(w, "lately"))
        return emit_ymd(out, nout, max, i, i + 1, art, DYAD_PREC_NONE), i + 1;
    return 0;
}

static int unit_of(const char *w)
{
    if (!strcmp(w, "day") || !strcmp(w, "days")) return 1;
    if (!strcmp(w, "week") || !strcmp(w, "weeks")) return 7;
    if (!strcmp(w, "month") || !strcmp(w, "months")) return 30;
    if (!strcmp(w, "year") || !strcmp(w, "years")) return 365;
    return 0;
}

static int match_absolute(const dyad_token *t, int i, int n, int i0, dyad_ymd art, int future,
                          dyad_date_hit *out, int *nout, int max);

/* "two days ago", "a week ago", "a month after September 27". */
static int match_offset(const dyad_token *t, int i, int n, int i0, dyad_ymd art, int future,
                        dyad_date_hit *out, int *nout, int max)
{
    long v = 0;
    int used;
    (void)i0;
    if (is(t, i, n, "a") || is(t, i, n, "an") || is(t, i, n, "one")) { v = 1; used = 1; }
    else if (!(used = dyad_number_at(t, i, n, &v)) || v <= 0) return 0;
    int j = i + used, unit;
    if (j >= n || !(unit = unit_of(T(t, j)))) return 0;
    j++;
    if (is(t, j, n, "earlier") || is(t, j, n, "later")) {
        /* "a day earlier": relative to another event, not to the article */
        emit_ymd(out, nout, max, i, j + 1, art, DYAD_PREC_NONE);
        return j + 1;
    }
    if (is(t, j, n, "ago")) {
        if (unit == 1 || unit == 7)
            emit_ymd(out, nout, max, i, j + 1, dyad_ymd_add_days(art, -v * unit), DYAD_PREC_DAY);
        else if (unit == 30)
            emit_ymd(out, nout, max, i, j + 1, add_months(art, (int)-v), DYAD_PREC_MONTH);
        else
            emit(out, nout, max, i, j + 1, art.y - (int)v, 1, 1, DYAD_PREC_YEAR);
        return j + 1;
    }
    if (is(t, j, n, "after") || is(t, j, n, "before")) {
        int sign = is(t, j, n, "before") ? -1 : 1;
        dyad_date_hit anchor[2];
        int na = 0, e = 0;
        e = match_absolute(t, j + 1, n, j + 1, art, future, anchor, &na, 2);
        if (e > 0 && na == 1 && anchor[0].prec == DYAD_PREC_DAY) {
            dyad_ymd r = unit == 30 ? add_months(anchor[0].date, sign * (int)v)
                       : unit == 365 ? add_months(anchor[0].date, sign * 12 * (int)v)
                       : dyad_ymd_add_days(anchor[0].date, sign * v * unit);
            emit_ymd(out, nout, max, i, e, r, DYAD_PREC_DAY);
            return e;
        }
        /* Relative to something that is not a date ("a month after the vote"). */
        emit_ymd(out, nout, max, i, j + 1, art, DYAD_PREC_NONE);
        return j + 1;
    }
    return 0;
}

/* Absolute forms only (used for anchors of offsets too). */
static int match_absolute(const dyad_token *t, int i, int n, int i0, dyad_ymd art, int future,
                          dyad_date_hit *out, int *nout, int max)
{
    dyad_ymd iso;
    int k = match_iso(t, i, n, &iso);
    if (k) {
        int s = i > i0 && is(t, i - 1, n, "on") ? i - 1 : i;
        emit_ymd(out, nout, max, s, i + k, iso, DYAD_PREC_DAY);
        return i + k;
    }
    int e = match_month_date(t, i, n, i0, art, future, out, nout, max);
    if (e) return e;
    /* A year alone after "in"/"during": "in 2019". */
    int y = year_of(T(t, i));
    if (y && i > i0 && (is(t, i - 1, n, "in") || is(t, i - 1, n, "during")) &&
        !(t[i].flags & DYAD_TOK_PUNCT)) {
        emit(out, nout, max, i - 1, i + 1, y, 1, 1, DYAD_PREC_YEAR);
        return i + 1;
    }
    return 0;
}

int dyad_find_dates(const dyad_token *tok, int i0, int i1, dyad_ymd art, int future,
                    dyad_date_hit *out, int max)
{
    int nout = 0;
    for (int i = i0; i < i1 && nout < max;) {
        if (!trigger(tok, i)) { i++; continue; }
        int e = match_offset(tok, i, i1, i0, art, future, out, &nout, max);
        if (!e) e = match_absolute(tok, i, i1, i0, art, future, out, &nout, max);
        if (!e) e = match_weekday(tok, i, i1, i0, art, future, out, &nout, max);
        if (!e) e = match_deictic(tok, i, i1, art, out, &nout, max);
        i = e > i ? e : i + 1;      /* -1 (an invalid date) just moves on */
    }
    return nout;
}
