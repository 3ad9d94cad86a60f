/*
 * code.h — the coder's insides, shared by the files of src/code/.
 *
 * Per sentence the coder builds, all in the per-article arena:
 *   tinfo[]    one per token: interned ids of the lower form and lemma, the
 *              closed word classes it belongs to (auxiliary, negation, ...),
 *              the mention covering it and its clause.
 *   mention[]  actor phrases after composition (country + agent, title +
 *              name, appositions) and resolved pronouns/descriptions, each with
 *              its CAMEO code and an explanation of how it was found.
 *   group[]    compound actors: mentions joined by "and" / "," / "as well as".
 *   clause[]   clause segmentation; a clause may be discontinuous (a relative
 *              clause cut out of it), so tokens carry their clause id.
 * Patterns are then anchored on every token whose lemma heads a pattern
 * (match.c). dyad_coder_set_trace() makes every step append a readable line
 * to a buffer: that is `dyad explain`.
 */
#ifndef DYAD_CODE_H
#define DYAD_CODE_H

#include <stdint.h>
#include <string.h>

#include "dyad.h"
#include "dict/dict.h"
#include "extract/extract.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"

/* Closed word classes (built in: English grammar words, not dictionary data). */
enum {
    W_BE = 1 << 0, W_HAVE = 1 << 1, W_DO = 1 << 2, W_MODAL = 1 << 3, W_NEG = 1 << 4,
    W_DET = 1 << 5, W_SUBORD = 1 << 6, W_REL = 1 << 7, W_CONJ = 1 << 8, W_REPORT = 1 << 9,
    W_ADV = 1 << 10, W_PRON_PERS = 1 << 11, W_PREP = 1 << 12, W_REFUSE = 1 << 13,
    W_IRREAL = 1 << 14, W_TIME = 1 << 15, W_PERSON_TITLE = 1 << 16, W_COND = 1 << 17,
    W_SIDES = 1 << 18, W_COUNTRYWORD = 1 << 19, W_PLACE_PREP = 1 << 20, W_PRON_PLUR = 1 << 21,
    W_TITLEMOD = 1 << 22, W_FORMER = 1 << 23, W_PRON_OBJ = 1 << 24, W_GEOADJ = 1 << 25, W_QUANT = 1 << 26,
    W_FUTURE = 1 << 27, W_COMMIT = 1 << 28, W_THREATV = 1 << 29
};

struct dyad_ctx {
    dyad_options opt;
    dyad_lexicon *lx;
    dyad_dict *dict;
    dyad_extractors *x;
    uint32_t *wclass;           /* word id -> W_* bits */
    size_t nwclass;
    dyad_wid w_poss, w_the, w_by, w_and, w_comma, w_of, w_no, w_longer, w_to, w_as, w_well,
             w_two, w_both, w_that, w_semicolon, w_colon, w_said_dummy, w_what;
    char **rules;               /* pattern id -> "file:line" */
    double load_seconds;
    struct dyad_tabari *tabari; /* TABARI mode (opt.tabari_project): see tabari_mode.c */
    struct dyad_refine *refine; /* role-dependent codes (refine.txt): see refine.c */
};

/* tabari_mode.c: dyad_open/dyad_code_article hand over to TABARI mode */
int dyad_tabari_ctx_open(dyad_ctx *ctx, const char *project, char *err, size_t errlen);
void dyad_tabari_ctx_close(dyad_ctx *ctx);
int dyad_tabari_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user);

enum { M_ACTOR = 1, M_AGENT = 2, M_PRONOUN = 3, M_SIDES = 4 };

typedef struct mention {
    int s, e;                   /* tokens [s, e) */
    const char *code;           /* CAMEO actor code (NULL: not an actor) */
    const char *name;
    int kind;                   /* M_* */
    int actor, agent;           /* dictionary ids, -1 */
    int person;                 /* names a person */
    int country_only;           /* a bare country (3-letter code) */
    const char *role;           /* agent role code if composed */
    int group;                  /* compound group id */
    int resolved_from;          /* pronoun/description: discourse entry, -1 */
    int agent_s, agent_e;       /* tokens of the agent phrase inside it ("ambassador" of "the
                                   French ambassador"), -1: none; patterns may name them */
    int shadow;                 /* mention for the country part alone, made on demand, -1 */
    int shadow_of;              /* for such a country part: the whole mention (events name it) */
    const char *how;            /* explanation */
    const char *ctx_from;       /* the country was inferred from the article's context
                                   (context.c): what established it; NULL otherwise */
} mention;

typedef struct group {
    int first, n;               /* mentions first .. first+n-1 */
    int s, e;                   /* token span */
    int m[8];                   /* member mention ids (n <= 8) */
} group;

typedef struct clause {
    int s, e;                   /* first and one-past-last token (may enclose other clauses) */
    int kind;                   /* C_MAIN, C_REL, C_SUB, C_COORD, C_REPORTED, C_REPORTING */
    int antecedent;             /* C_REL: mention the relative pronoun refers to, -1 */
    int prev;                   /* C_COORD: clause whose subject is inherited, -1 */
    int parent;                 /* C_SUB, C_REL: the clause it was opened in, -1 */
    int irreal;                 /* if/unless clause */
    int subject;                /* group of the subject once found, -1 */
    int report_tok;             /* C_REPORTING: the reporting verb token */
} clause;
enum { C_MAIN, C_REL, C_SUB, C_COORD, C_REPORTED, C_REPORTING };

enum {                          /* tinfo.f: facts about the token computed once */
    T_COMMA = 1, T_LY = 2, T_VERBFORM = 4, T_ING = 8, T_ED = 16,
    T_SCALE = 32,               /* million billion trillion thousand */
    T_CURRENCY = 64,            /* euros dollars pounds yuan ... */
    T_MONEY = 128               /* $ € £ */
};

typedef struct tinfo {
    dyad_wid low, lem;
    uint32_t cls;
    uint32_t f;                 /* T_* */
    int mention;                /* -1 */
    int clause;
} tinfo;

/* context.c: the article's country context (dateline, earlier sentences' places) */
#define DYAD_CX_COUNTRIES 16
typedef struct dyad_cx_count { char cc[4]; int n; } dyad_cx_count;
typedef struct dyad_cx {
    char dateline[4];           /* country of the dateline's place, "" */
    char dateline_name[48];
    dyad_cx_count places[DYAD_CX_COUNTRIES];   /* countries of earlier events' places (one
                                   per sentence and country: dyad_context_event) */
    int nplaces;
    int place_sent[DYAD_CX_COUNTRIES];          /* the sentence that last counted each */
    int cache_sent;             /* the sentence whose earlier-sentence counts are in cache[] */
    dyad_cx_count cache[DYAD_CX_COUNTRIES];
    int cache_n;
} dyad_cx;

/* One article-level memory of the actors seen so far. */
typedef struct dentry {
    const char *code, *name, *role;
    int person, country_only;
} dentry;

#define DYAD_DISCOURSE 64

typedef struct sent_state {
    const dyad_sentence *s;
    const char *text;           /* the sentence text (NUL-terminated, arena) */
    tinfo *ti;
    mention *m; int nm, capm;
    int nshadow;                /* country-part mentions after the nm real ones (match.c) */
    group *g; int ng;
    clause *c; int nc;
    int discard;                /* discard id or -1 */
    uint64_t words[16];         /* bitmap of (word id & 1023) of every lower form and lemma:
                                   a pattern whose required word is absent is skipped */
    uint64_t sig;               /* OR of dyad_word_sig() of the same words (a coarser, faster test) */
} sent_state;

struct dyad_coder {
    const dyad_ctx *ctx;
    dyad_arena arena;           /* per sentence: reset before each sentence */
    dyad_arena text_arena;      /* per article: the analysed text */
    dyad_arena disc_arena;      /* the discourse entries' strings (compacted, see discourse.c) */
    size_t disc_bytes;          /* bytes copied into disc_arena since it was last compacted */
    char err[512];
    dyad_buf *trace;            /* explain output, NULL normally */
    /* per article */
    const dyad_article *a;
    const dyad_text *t;
    int32_t date;
    dentry disc[DYAD_DISCOURSE];
    int ndisc;
    dentry prev_subj;           /* the previous sentence's first actor, when a person: a
                                   sentence-initial "He" prefers it (subject preference) */
    int has_prev_subj;
    char pair[2][32];           /* the latest two sides: a compound of two or an event's dyad
                                   (copies: sentence state is reset per sentence) */
    int has_pair;
    int nevents;
    /* the article's latest events (source code, root) for implicit targets ("condemned the
     * attack" = the attack's source; match.c) */
    struct { char src[32], tgt[32], code[5], root[3]; int sent, verb; const char *rule; } evs[16];   /* (16: one sentence may code 8+) */
    int lead;                   /* evs-style copy of the article's first event is in lead_ev */
    struct { char src[32], tgt[32], code[5]; const char *rule; } lead_ev;   /* ("followed suit") */
    int nevs;
    dyad_cx cx;                 /* the article's country context (context.c) */
    /* dedupe of events within a sentence */
    struct { const char *s, *t; char code[5]; int vs, ve, cl; } seen[64];
    int nseen;
    int match_s, match_e;       /* tokens the pattern being emitted spans (match.c; for seen()) */
    int mutual;                 /* match.c is emitting the pairs of a `sym` pattern (refine.c) */
};

void dyad_coder_set_trace(dyad_coder *c, dyad_buf *trace);   /* NULL: off */
void dyad_trace(dyad_coder *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

uint32_t dyad_word_classes(const dyad_ctx *ctx, dyad_wid w);
int dyad_ctx_init_classes(dyad_ctx *ctx);

/* chunks.c: mentions and compound groups of one sentence */
void dyad_find_mentions(dyad_coder *c, sent_state *st);
/* a nationality adjective ("Armenian", "Israeli", "Chinese")? */
int dyad_demonym_like(const char *lower);
int dyad_verb_form(const dyad_token *t);
/* discourse.c */
void dyad_resolve_mentions(dyad_coder *c, sent_state *st);
void dyad_discourse_push(dyad_coder *c, sent_state *st);
void dyad_resolve_reported(dyad_coder *c, sent_state *st);   /* after clauses */
void dyad_resolve_participle_object(dyad_coder *c, sent_state *st);
void dyad_discourse_pair(dyad_coder *c, const mention *a, const mention *b);
int dyad_reported_speaker(const sent_state *st);   /* the mention that says a reported clause, -1 */
/* clauses.c */
void dyad_find_clauses(dyad_coder *c, sent_state *st);
/* match.c: patterns -> events; returns DYAD_STOP if the callback stopped */
/* modality.c: intent/threat codes for future and committed actions; self-targets */
const char *dyad_intent_code(const char *code, int *threat);
int dyad_self_target(const char *code, const char *src, char out[16]);

/* emit.c: the event for a matched pattern (intent: a future/commitment form, see modality.c);
 * DYAD_STOP when the callback asks to stop */
int dyad_emit(dyad_coder *c, sent_state *st, const mention *src, const mention *tgt, const char *code,
              const char *rule, int negated, int intent, int vs, int ve, int cl, dyad_event_fn fn, void *user);
int dyad_countryless(const mention *m);     /* a bare role: "gunmen" UAF, "people" CVL */
/* match.c: a new "shadow" mention after the sentence's own ones, zeroed; its index or -1 */
int dyad_new_shadow(dyad_coder *c, sent_state *st);

/* Token i is the lower-case word w; token i belongs to clause cl (both false out of range). */
static inline int is_word(const sent_state *st, int i, const char *w)
{
    return i >= 0 && i < st->s->ntok && !strcmp(st->s->tok[i].lower, w);
}

static inline int same_clause(const sent_state *st, int i, int cl)
{
    return i >= 0 && i < st->s->ntok && st->ti[i].clause == cl;
}

/* An actor the text does not name (a self-target, the other side, an adversary): no span. */
mention dyad_unspanned(dyad_coder *c, const char *code);

/* context.c: the country of a role-only actor from its event's place and the article's
 * context. How far a role travels: */
enum { DYAD_SCOPE_NONE, DYAD_SCOPE_LOCAL, DYAD_SCOPE_STATE };
int dyad_role_scope(const char *role);      /* "COP" -> LOCAL, "MIL" -> STATE, "PKO" -> NONE */
typedef struct dyad_country_evidence {
    const char *role;           /* the actor's role code */
    int scope;                  /* DYAD_SCOPE_* of the role (or LOCAL for a group of several countries) */
    int root;                   /* the event's CAMEO root (0: not known, at mention time) */
    const char *place_cc;       /* country of the event's place (its clause, else its sentence), NULL */
    const char *place_name;
    int place_sentence;
    int sentence_other;         /* the sentence states a country other than the candidate */
    int context_other;          /* the article so far names a country other than the candidate */
    const char *context_cc;     /* the article's dominant country so far, NULL */
    int context_single;         /* ... and the only one */
    const char *context_from;   /* what established it */
} dyad_country_evidence;
typedef struct dyad_country_choice {
    char cc[4];
    char from[192];             /* "place Peshawar, sentence 0" */
    int by_place;
} dyad_country_choice;
/* The decision alone: 1 and the country with its provenance, or 0 (stays country-less). */
int dyad_country_decide(const dyad_country_evidence *ev, dyad_country_choice *out);
typedef struct dyad_article_context {
    char cc[4];                 /* the dominant country ("" when none dominates) */
    int single;                 /* the only country named */
    char from[128];             /* what established it */
    dyad_cx_count cnt[DYAD_CX_COUNTRIES];   /* every country named so far, with its weight */
    int n;
} dyad_article_context;
int dyad_context_names_other(const dyad_article_context *ac, const char *cc);   /* a country other than cc */
/* the article's dominant country before sentence `sent` (and, with st, before token pos of it) */
int dyad_context_article(dyad_coder *c, int sent, const sent_state *st, int pos, dyad_article_context *out);
void dyad_context_begin(dyad_coder *c);                     /* per article, after the text analysis */
void dyad_context_mentions(dyad_coder *c, sent_state *st);  /* bare roles from the article's context */
typedef struct dyad_cx_event {  /* one event's evidence, gathered once for both actors */
    int cl;
    const char *code, *sc, *tc;
    int place_done;
    char place_cc[4];
    const char *place_name;
    int place_local;            /* the place is a city or region (not a whole country) */
    int have_ev;                /* ev holds the extractors' fields (date, place, counts): emit.c
                                   reuses them instead of extracting twice */
    dyad_event ev;
} dyad_cx_event;
/* emit.c: the place of an emitted event counts for the article's context of later sentences */
void dyad_context_event(dyad_coder *c, int sent, const dyad_event *ev);
/* m itself, or *tmp holding m with the inferred country (or a group's code for its place);
 * other: the event's other actor (may be NULL) */
const mention *dyad_context_actor(dyad_coder *c, sent_state *st, const mention *m, const mention *other,
                                  dyad_cx_event *e, mention *tmp);

/* phrases.c: phrase tests shared by the matcher */
int dyad_place_phrase(const sent_state *st, int pos, int cl);   /* one past "in|at|near PLACE", else 0 */
int dyad_time_phrase(const sent_state *st, int pos, int cl);    /* one past "on Sunday"/"for two weeks", else 0 */
int dyad_amount_tail(const sent_state *st, int t);              /* t continues an amount ("$ 5 billion") */
int dyad_sponsor_mod(const sent_state *st, int p);              /* "Russian-backed", "Pakistan-based" */
int dyad_sentence_irreal(const sent_state *st);                 /* an if/unless clause in the sentence */
int dyad_sentence_question(const sent_state *st);               /* it ends with "?" */
int dyad_headline_case(const sent_state *st);                   /* title case or capitals */
int dyad_listed(const char *list, const char *w);   /* w is a word of " a b c " (space-padded) */
int dyad_lemma_in(const sent_state *st, int i, const char *const *list);   /* NULL-ended list */
int dyad_aspectual(const sent_state *st, int j);                /* "began" before "supplying" */
int dyad_counted_noun_head(const sent_state *st, int h);        /* "ships" in "two navy ships" */
/* symmetric.c: where a compound-source sym pattern may end without TGT; list separators in "..." */
int dyad_sym_open_end(const sent_state *st, int pos, int cl, int after_object);
int dyad_list_sep(const sent_state *st, int t);

/* match_count.c: size conditions ("#>=1000", "TGT#>=1000") and the noun phrases they read */
int dyad_count_ok(const dyad_pelem *e, long v);                         /* v < 0: none stated */
int dyad_count_phrase(const sent_state *st, int pos, int cl, long *v);  /* tokens used, 0: none */
long dyad_count_before(const sent_state *st, int s, int lo, int cl);    /* count before token s, -1 */
int dyad_count_slot(const sent_state *st, const dyad_pelem *e, int pos, int cl);  /* NP start, -1 */
int dyad_counted_victims(const sent_state *st, int p, int cl, int *after);   /* place mention, -1 */
int dyad_place_descriptor(const sent_state *st, int pos, int cl);       /* one past, 0: none */
int dyad_count_armed(const mention *m);     /* soldiers, rebels: not a population (root 20) */
int dyad_counts_ok(const sent_state *st, const dyad_pattern *p, const dyad_pelem *el, int h,
                   const int *src, int nsrc, const int *tgt, int ntgt, int ptgt);  /* after a match */
/* place_target.c: "the town of Halabja", "on Douma": a gazetteer place as a target's mention */
int dyad_gazetteer_target(dyad_coder *c, sent_state *st, int p, int cl, const char *prefer);

int dyad_match_sentence(dyad_coder *c, sent_state *st, int sent, dyad_event_fn fn, void *user);
/* follow.c: "Bahrain followed suit": the latest event again with a new source */
int dyad_follow_suit(dyad_coder *c, sent_state *st, dyad_event_fn fn, void *user);
/* the latest source that acted against src's country in this article (into out), or 0 */
int dyad_adversary(const dyad_coder *c, const char *src, char out[32]);

/* span text of tokens [s, e) (arena) */
const char *dyad_span_text(dyad_coder *c, const sent_state *st, int s, int e);

#endif
