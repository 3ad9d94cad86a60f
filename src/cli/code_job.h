/*
 * code_job.h — coding one article into a buffer of output lines, the unit
 * of work `dyad code` hands to its threads (cmd_code.c).
 */
#ifndef DYAD_CLI_CODE_JOB_H
#define DYAD_CLI_CODE_JOB_H

#include "cli/options.h"
#include "dyad.h"
#include "util/arena.h"
#include "util/buf.h"

struct dyad_lexicon;

/* What every worker shares (read-only once opened). */
typedef struct code_cfg {
    int fmt;                    /* dyad_format */
    int keep_negated;
    int tokens;                 /* --tokens: sentences and tokens instead of events */
    dyad_ctx *ctx;              /* dictionaries (events) */
    struct dyad_lexicon *lx;    /* lemma tables (--tokens) */
} code_cfg;

/* Per-thread state. */
typedef struct code_worker {
    const code_cfg *cfg;
    dyad_coder *coder;
    dyad_arena arena;
} code_worker;

/* The output of one article. */
typedef struct code_result {
    dyad_buf out;               /* formatted lines for stdout */
    dyad_buf err;               /* messages for stderr */
    long nevents;               /* lines in out */
    int failed;                 /* the article was skipped */
} code_result;

int code_cfg_open(code_cfg *c, const dyad_cli_opts *o, int tokens, char *err, size_t errlen);
void code_cfg_close(code_cfg *c);
int code_worker_init(code_worker *w, const code_cfg *cfg);
void code_worker_free(code_worker *w);
void code_result_init(code_result *r);
void code_result_free(code_result *r);

/* Code (or tokenise) article number seq (0-based) into r. */
void code_article(code_worker *w, const dyad_article *a, long seq, code_result *r);

#endif
