/*
 * dates.h — "YYYY-MM-DD" <-> day numbers, for grouping windows and series
 * buckets (internal to src/store). Proleptic Gregorian, days since 1970-01-01.
 */
#ifndef DYAD_STORE_DATES_H
#define DYAD_STORE_DATES_H

#define DYAD_ST_BAD_DAY (-1000000000L)
/* Day number of a valid "YYYY-MM-DD" (exactly 10 chars), else DYAD_ST_BAD_DAY. */
long dyad_st_days(const char *ymd);
/* Format a day number as "YYYY-MM-DD". */
void dyad_st_date(long days, char out[11]);
/* First day of the bucket holding day d: 0 day, 1 ISO week (Monday), 2 month. */
long dyad_st_bucket(long d, int by);
/* First day of the bucket after the one starting at b. */
long dyad_st_bucket_next(long b, int by);

#endif
