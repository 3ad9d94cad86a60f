/*
 * match.h — the pattern matcher's own types and functions, shared by the files
 * that make it up (not part of the coder's interface, code.h):
 *
 *   match.c     the matcher: element matching left and right of a head, slots,
 *               the choice among a head's patterns, and coding a head's best match
 *   readings.c  how a match is read: verb groups (negation, modals, infinitives),
 *               descriptive/irreal forms, naming constructions, premodifiers
 *   subject.c   the subject of a verb group: nearest actor, inherited subjects
 *   targets.c   targets the text leaves implicit or gives as places: sym and
 *               conflict stops, event nouns, placed and counted targets
 */
#ifndef DYAD_MATCH_H
#define DYAD_MATCH_H

#include <string.h>

#include "code/code.h"

enum { EL_BYSRC = 100 };    /* internal: "by SRC" of a passive */

typedef struct vgroup {
    int s;                  /* first token of the verb group */
    int neg, modal, passive, infinitive, be;
    int future;             /* every modal is will/would/shall ('ll): future or intended */
    int commit;             /* infinitive of agree/pledge/promise/vow/threaten ... to */
    int threatv;            /* ... of threaten/vow to: a threat when the action is coercive */
    int caused;             /* "prompting NATO to suspend": the infinitive happened */
    int ordinal;            /* "the first U.S. president to visit Cuba": it happened too */
    int threaten;           /* ... of threaten to: never an intent to cooperate */
    const char *why;
} vgroup;

typedef struct bind {
    int m[8], n;            /* mentions bound to the slot */
} bind;

typedef struct subj_cache {     /* the subject search depends only on the head: once per head */
    int head;
    int counted;            /* the head is a counted noun ("two navy ships"): phrases.c */
    int done[2], ok[2], participle[2];
    bind b[2];
} subj_cache;

typedef struct mstate {
    const dyad_pelem *el;   /* elements (right side, possibly rewritten) */
    int nel;
    const dyad_pattern *p;
    int clause;
    bind src, tgt;
    int end;                /* one past the last token matched */
    int sym_open;           /* sym pattern may stop before TGT (second try, symmetric.c) */
    int head;               /* the head token */
    char other_side[4];     /* TGT left implicit: the other side of the conflict (conflict_stop) */
    subj_cache *sc;
} mstate;

typedef struct cand {
    int pid, score, len, passive;
    mstate ms;
} cand;



/* match.c */
int dyad_word_match(const dyad_dict *d, const dyad_pelem *e, const sent_state *st, int i);
int dyad_all_prep(const dyad_coder *c, const dyad_pelem *e);
int dyad_group_tail(const sent_state *st, int mi, int *out);
int dyad_country_shadow(dyad_coder *c, sent_state *st, int mi);
int dyad_match_r(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos);

/* readings.c */
int dyad_adverbish(const sent_state *st, int i);
void dyad_verb_group(dyad_coder *c, sent_state *st, int h, vgroup *vg);
int dyad_lower_premodifier(const sent_state *st, int p, int cl);
int dyad_naming_relative(const sent_state *st, int p, int cl);
int dyad_nominal_in_object(const dyad_coder *c, const sent_state *st, const dyad_pattern *p,
    const dyad_pelem *el, const mstate *ms, int h);
int dyad_naming_call(const sent_state *st, int h, const dyad_pattern *p, int end);
int dyad_descriptive_relative(const sent_state *st, int h, const vgroup *vg);
int dyad_descriptive_present(const sent_state *st, int h, const vgroup *vg, const dyad_pattern *p,
    const dyad_pelem *el);
int dyad_commit_report(const sent_state *st, int k);
int dyad_commit_complement(const dyad_coder *c, const sent_state *st, int k);

/* subject.c */
int dyad_whole_group(const sent_state *st, int mi, bind *b);
int dyad_inherited_subject(const sent_state *st, int k, bind *b, int depth);
int dyad_participle_subject(const sent_state *st, int h, const vgroup *vg, int cl, bind *b);
int dyad_find_subject(dyad_coder *c, sent_state *st, int from, int cl, bind *b, int *where,
    int modifier_ok);
int dyad_opens_clause(const sent_state *st, int from, int cl);
int dyad_fronted_subject(const sent_state *st, int vs, bind *b);   /* "Visiting Kyiv, Blinken ..." */

/* targets.c */
int dyad_sym_stop(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos);
int dyad_conflict_stop(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos);
int dyad_implicit_target(dyad_coder *c, sent_state *st, mstate *ms, int k, int pos, bind *b);
int dyad_placed_target(dyad_coder *c, sent_state *st, mstate *ms, int k, int p, bind *b);
int dyad_counted_slot(dyad_coder *c, sent_state *st, mstate *ms, int k, int *pos, bind *b);
int dyad_place_target(dyad_coder *c, sent_state *st, mstate *ms, int k, int p, bind *b);
int dyad_reduced_passive(dyad_coder *c, sent_state *st, dyad_event_fn fn, void *user);   /* "a deal brokered by X" */

#endif
