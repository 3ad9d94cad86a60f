/*
 * civil.h — days since 1970-01-01 to and from a Gregorian (y, m, d).
 *
 * Howard Hinnant's days_from_civil / civil_from_days: exact for every
 * proleptic Gregorian date, no dependence on the C library's time zones.
 * Dates are resolved, grouped and bucketed with these everywhere (the
 * extractors, the store, TABARI's time shifts), so they live in one place.
 */
#ifndef DYAD_CIVIL_H
#define DYAD_CIVIL_H

long dyad_days_from_civil(long y, int m, int d);
void dyad_civil_from_days(long z, long *y, int *m, int *d);

#endif
