/*
 * ingest_events.h — reading pre-coded events (JSON Lines) for
 * `dyad ingest --events FILE`, grouped into articles.
 *
 * Each line is one JSON object:
 *   an event in the event contract (it has "article_id"), as `dyad code`
 *   writes them; or an article record {"id","date"[,"title","url","source",
 *   "text"]} giving the metadata of the events that follow with that id.
 * Consecutive lines with the same article id form one article. Without an
 * article record the article date is the date of its events whose date was
 * defaulted (date_from "article"), else the earliest event date, else
 * --date. An article record alone stores an article with no events.
 */
#ifndef DYAD_CLI_INGEST_EVENTS_H
#define DYAD_CLI_INGEST_EVENTS_H

#include <stdio.h>
#include "dyad.h"
#include "util/arena.h"

typedef struct dyad_evgroup {
    dyad_article art;
    dyad_event *evs;
    int n, cap;
    dyad_arena arena;           /* strings of art and evs */
    size_t bytes;               /* input bytes of this group */
} dyad_evgroup;

typedef struct dyad_evreader dyad_evreader;

/* path "-" is stdin. NULL with a message in err if it cannot be opened. */
dyad_evreader *dyad_evreader_open(const char *path, const char *default_date, char *err, size_t n);
/* 1 with *g the next article (valid until the next call), 0 at the end,
 * DYAD_EPARSE for a skipped line (message in err; call again), DYAD_EIO. */
int dyad_evreader_next(dyad_evreader *r, dyad_evgroup **g, char *err, size_t n);
void dyad_evreader_close(dyad_evreader *r);

/* Add a copy of ev (strings copied into g->arena); -1 on OOM. */
int dyad_evgroup_add(dyad_evgroup *g, const dyad_event *ev);
void dyad_evgroup_clear(dyad_evgroup *g);

#endif
