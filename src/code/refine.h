/*
 * refine.h — role-dependent event codes: the same verb gets a different CAMEO code depending
 * on who does it to whom ("fired on protesters": security forces 175, gunmen 180).
 *
 * The rules live in data/refine.txt (format: doc/dictionaries.md, "Refinement rules"); the
 * coder applies them to every event after its pattern matched (emit.c) and `dyad explain`
 * shows which rule changed a code. This interface is pure (no coder state) so that the rules
 * can be loaded by `dyad dict check` and tested on their own.
 */
#ifndef DYAD_REFINE_H
#define DYAD_REFINE_H

#include <stddef.h>

typedef struct dyad_refine dyad_refine;

/* An event already coded in the same clause (for the `after` condition). */
typedef struct dyad_refine_prior { const char *src, *tgt, *code; } dyad_refine_prior;

/* Load the rules of `path`. A missing file is an empty rule set. NULL on a malformed rule,
 * with "path:line: message" in err. */
dyad_refine *dyad_refine_load(const char *path, char *err, size_t errlen);
void dyad_refine_free(dyad_refine *r);
int dyad_refine_count(const dyad_refine *r);

/* The code of an event (source/target actor codes, pattern code, whether it is one direction
 * of a mutual `sym` pattern, the events already coded in its clause) after the first rule that
 * applies: the same pointer `code` when none does, "" when the rule drops the event. *line is
 * the rule's line (0: none). */
const char *dyad_refine_apply(const dyad_refine *r, const char *code, const char *src, const char *tgt, int mutual,
                              const dyad_refine_prior *prior, int nprior, int *line);

/* The rule file's name for traces ("refine.txt"). */
const char *dyad_refine_file(const dyad_refine *r);

#endif
