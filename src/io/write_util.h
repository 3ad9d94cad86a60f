/*
 * write_util.h — helpers shared by the event writers. Internal to src/io.
 */
#ifndef DYAD_IO_WRITE_UTIL_H
#define DYAD_IO_WRITE_UTIL_H

#include "io/io.h"

/* v with at most `decimals` decimals, trailing zeros trimmed (one kept);
 * nothing for nan/inf. */
void dyad_put_num(dyad_buf *b, double v, int decimals);
/* Does the event carry a Goldstein value (quad 0 and 0.0 means unknown)? */
int dyad_has_goldstein(const dyad_event *ev);
/* One RFC 4180 CSV field, preceded by ',' unless first. */
void dyad_csv_field(dyad_buf *b, const char *s, int first);

void dyad_write_gdelt(dyad_buf *b, const dyad_event *ev, const dyad_event_stats *st);
void dyad_write_phoenix(dyad_buf *b, const dyad_event *ev, const dyad_event_stats *st);

#endif
