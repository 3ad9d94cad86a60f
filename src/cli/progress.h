/*
 * progress.h — a one-line progress bar on stderr for long runs (ingest):
 * articles/s, MB/s and, when the total input size is known, percent and ETA.
 * Drawn only when stderr is a terminal, at most 5 times a second.
 */
#ifndef DYAD_CLI_PROGRESS_H
#define DYAD_CLI_PROGRESS_H

#include <stddef.h>

typedef struct dyad_progress {
    int on;                     /* stderr is a TTY and not disabled */
    double start, last;         /* monotonic seconds */
    double total_bytes;         /* 0 if unknown */
    double bytes;
    long articles;
} dyad_progress;

void dyad_progress_init(dyad_progress *p, int enabled, double total_bytes);
void dyad_progress_add(dyad_progress *p, long articles, double bytes);
void dyad_progress_done(dyad_progress *p);      /* clear the line */
double dyad_progress_now(void);

#endif
