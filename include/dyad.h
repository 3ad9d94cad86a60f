/*
 * dyad.h — the public C API of libdyad, a political event-data coder.
 *
 * News text goes in, CAMEO events come out: who (source actor) did what
 * (event code) to whom (target actor), when, where, and how many died.
 *
 * Usage:
 *     char err[512];
 *     dyad_ctx *ctx = dyad_open(&(dyad_options){ .dicts_dir = NULL }, err, sizeof err);
 *     dyad_coder *c = dyad_coder_new(ctx);
 *     dyad_article a = { .id = "a1", .date = "2022-11-01", .text = txt, .text_len = n };
 *     dyad_code_article(c, &a, on_event, user);   // on_event called once per event
 *     dyad_coder_free(c); dyad_close(ctx);
 *
 * Threads: a dyad_ctx is read-only after dyad_open() and may be shared; each
 * thread needs its own dyad_coder. There is no global mutable state.
 *
 * Errors: functions return DYAD_OK (0) or a negative status; the message,
 * with file:line context where there is one, is in the err buffer passed in
 * or in dyad_coder_error().
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* Status codes. */
enum {
    DYAD_OK = 0,
    DYAD_ERR = -1,      /* generic failure; see the message */
    DYAD_ENOMEM = -2,
    DYAD_EIO = -3,      /* a file could not be read or written */
    DYAD_EPARSE = -4,   /* malformed input (dictionary, article, date) */
    DYAD_ELIMIT = -5,   /* input exceeds a documented limit (doc/limits.md) */
    DYAD_STOP = 1       /* an event callback asked to stop */
};

/* ---- Dictionaries and tables ------------------------------------------ */

typedef struct dyad_ctx dyad_ctx;

typedef struct dyad_options {
    const char *data_dir;       /* dyad's data/ (NULL: the installed default) */
    const char *dicts_dir;      /* actor/verb dictionaries (NULL: data_dir) */
    const char *tabari_project; /* code with a TABARI .project's dictionaries instead */
    int keep_negated;           /* emit negated events with negated = 1 */
    int speaker_events;         /* "X said ..." also yields an 010 event for X */
} dyad_options;

/* Load dictionaries and tables; NULL on failure with the reason in err. */
dyad_ctx *dyad_open(const dyad_options *opt, char *err, size_t errlen);
void dyad_close(dyad_ctx *ctx);

/* The data directory used when none is given: $DYAD_DATA, else the
 * installed share/dyad next to the binary, else the source tree's data/. */
const char *dyad_default_data_dir(void);

/* ---- Articles --------------------------------------------------------- */

typedef struct dyad_article {
    const char *id;         /* required */
    const char *date;       /* required, "YYYY-MM-DD": publication date */
    const char *text;       /* required, UTF-8 (invalid bytes are replaced) */
    size_t text_len;
    const char *title, *url, *source;   /* optional, may be NULL */
    const char *file;       /* where it was read from, for messages (may be NULL) */
    long line;              /* line in that file (JSON Lines) or 0 */
} dyad_article;

/* ---- Events ----------------------------------------------------------- */

typedef struct dyad_location {
    const char *name;       /* as matched, e.g. "Sochi" */
    char country[4];        /* ISO 3166 alpha-3 / CAMEO country code */
    double lat, lon;
    const char *kind;       /* "city", "region", "country", "conflict_region" */
    const char *from;       /* "text": named in the event's sentence; "article": from the
                               rest of the article (dateline, earlier sentences, "the city") */
} dyad_location;

typedef struct dyad_span { int start, end; } dyad_span;   /* byte offsets in `text` */

typedef struct dyad_event {
    const char *article_id;
    int sentence;               /* 0-based sentence index in the article */
    char date[11];              /* "YYYY-MM-DD" */
    const char *date_from;      /* "text" or "article" */
    const char *date_precision; /* "day", "month" or "year" */
    const char *source;         /* CAMEO actor code, e.g. "AZEMIL" */
    const char *source_name;    /* the words that named it */
    const char *target;
    const char *target_name;
    char code[5];               /* CAMEO event code, e.g. "190" */
    char root[3];               /* first two digits */
    int quad;                   /* QuadClass 1..4, 0 if unknown */
    double goldstein;
    const char *plover;         /* PLOVER event type, or NULL */
    int fatalities;             /* -1: not stated */
    int injured;                /* -1: not stated */
    int has_location;
    dyad_location location;
    int negated;
    const char *text;           /* the sentence */
    const char *rule;           /* "file:line" of the pattern that fired */
    dyad_span source_span, target_span, verb_span;  /* within text; -1 if none */
} dyad_event;

/* Called once per event; the event and its strings live until the
 * callback returns. Return 0 to go on, non-zero to stop coding. */
typedef int (*dyad_event_fn)(const dyad_event *ev, void *user);

/* ---- Coding ----------------------------------------------------------- */

typedef struct dyad_coder dyad_coder;

dyad_coder *dyad_coder_new(const dyad_ctx *ctx);
void dyad_coder_free(dyad_coder *c);

/* Code one article. Returns DYAD_OK, DYAD_STOP if the callback stopped it,
 * or a negative status (message in dyad_coder_error). */
int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user);
const char *dyad_coder_error(const dyad_coder *c);

#ifdef __cplusplus
}
#endif
#endif
