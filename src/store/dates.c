/*
 * dates.c — civil date arithmetic for the store (see dates.h).
 *
 * The calendar arithmetic itself is util/civil.c.
 */
#include <stdio.h>

#include "store/dates.h"
#include "util/civil.h"

#define BAD_DAY DYAD_ST_BAD_DAY

static long from_civil(long y, int m, int d) { return dyad_days_from_civil(y, m, d); }
static void to_civil(long z, long *y, int *m, int *d) { dyad_civil_from_days(z, y, m, d); }

long dyad_st_days(const char *s)
{
    if (!s) return BAD_DAY;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) { if (s[i] != '-') return BAD_DAY; }
        else if (s[i] < '0' || s[i] > '9') return BAD_DAY;
    }
    if (s[10]) return BAD_DAY;
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return BAD_DAY;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return BAD_DAY;
    return from_civil(y, m, d);
}

void dyad_st_date(long days, char out[11])
{
    long y; int m, d;
    to_civil(days, &y, &m, &d);
    if (y < 0) y = 0;
    if (y > 9999) y = 9999;
    snprintf(out, 11, "%04ld-%02d-%02d", y, m, d);
}

long dyad_st_bucket(long d, int by)
{
    if (by == 1) {
        long wd = ((d % 7) + 7 + 3) % 7;          /* 1970-01-01 was a Thursday: Monday = 0 */
        return d - wd;
    }
    if (by == 2) {
        long y; int m, dd;
        to_civil(d, &y, &m, &dd);
        return from_civil(y, m, 1);
    }
    return d;
}

long dyad_st_bucket_next(long b, int by)
{
    if (by == 1) return b + 7;
    if (by == 2) {
        long y; int m, d;
        to_civil(b, &y, &m, &d);
        return m == 12 ? from_civil(y + 1, 1, 1) : from_civil(y, m + 1, 1);
    }
    return b + 1;
}
