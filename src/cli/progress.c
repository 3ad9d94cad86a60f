/*
 * progress.c — the ingest progress bar; see progress.h.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli/progress.h"

double dyad_progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void dyad_progress_init(dyad_progress *p, int enabled, double total_bytes)
{
    p->on = enabled && isatty(STDERR_FILENO);
    p->start = p->last = dyad_progress_now();
    p->total_bytes = total_bytes;
    p->bytes = 0;
    p->articles = 0;
}

static void draw(dyad_progress *p, double now)
{
    double dt = now - p->start > 1e-3 ? now - p->start : 1e-3;
    double aps = (double)p->articles / dt, mbs = p->bytes / dt / 1e6;
    fprintf(stderr, "\r\033[K%ld articles  %.0f/s  %.2f MB/s", p->articles, aps, mbs);
    if (p->total_bytes > 0 && p->bytes <= p->total_bytes) {
        double frac = p->bytes / p->total_bytes;
        int width = 24, fill = (int)(frac * width);
        char bar[32];
        for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '.';
        bar[width] = '\0';
        long eta = p->bytes > 0 ? (long)((p->total_bytes - p->bytes) / (p->bytes / dt)) : 0;
        fprintf(stderr, "  [%s] %3.0f%%  ETA %ld:%02ld", bar, frac * 100, eta / 60, eta % 60);
    }
    fflush(stderr);
}

void dyad_progress_add(dyad_progress *p, long articles, double bytes)
{
    p->articles += articles;
    p->bytes += bytes;
    if (!p->on) return;
    double now = dyad_progress_now();
    if (now - p->last < 0.2) return;
    p->last = now;
    draw(p, now);
}

void dyad_progress_done(dyad_progress *p)
{
    if (p->on) { fputs("\r\033[K", stderr); fflush(stderr); }
}
