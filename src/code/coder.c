/*
 * coder.c — dyad_open/dyad_close, coders, and the per-article driver.
 *
 * dyad_open loads the lexicon (src/text), the dictionaries (src/dict) and the
 * extractors (src/extract), then gives every grammar word the coder cares
 * about (auxiliaries, negations, subordinators, ...) its class bits in a
 * table indexed by word id, so classifying a token is one array read.
 *
 * dyad_code_article: the article is analysed (sentences, tokens, lemmas) into
 * the coder's arena, which is reset per article; then per sentence: token
 * ids and classes -> discard check -> mentions (chunks.c) -> pronouns and
 * descriptions (discourse.c) -> clauses (clauses.c) -> patterns and events
 * (match.c) -> the sentence's actors go on the discourse stack.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "code/code.h"
#include "code/refine.h"

static const struct { const char *words; uint32_t cls; } classes[] = {
    { "be is are was were been being am 're 'm", W_BE },
    { "have has had having 've", W_HAVE },
    { "do does did", W_DO },
    { "will would could may might should shall can must 'll wo ca cannot won't can't "
      "wouldn't couldn't shouldn't", W_MODAL },
    { "will would shall 'll wo won't wouldn't", W_FUTURE },
    /* verbs whose "to"-infinitive states a commitment or threat: coded as 03x/13x (modality.c) */
    { "agree pledge promise vow offer commit decide plan undertake threaten willing ready prepared warn", W_COMMIT },
    { "threaten vow warn", W_THREATV },      /* their infinitive of force or sanctions is a threat */
    { "not n't never cannot won't can't didn't don't doesn't wasn't weren't hasn't haven't "
      "hadn't isn't aren't wouldn't couldn't shouldn't", W_NEG },
    { "the a an its their his her this these those our some several any another both all", W_DET },
    { "because although though while whereas after before when if unless until whether", W_SUBORD },
    { "if unless", W_COND },
    { "who which whom whose where that", W_REL },
    { "and but or", W_CONJ },
    { "say tell state announce claim add report insist note stress declare confirm allege "
      "argue explain write inform notify assure reassure", W_REPORT },
    { "also reportedly allegedly already still just again then repeatedly recently previously "
      "later earlier now first finally jointly formally officially openly publicly immediately "
      "subsequently briefly quickly reportedly apparently once", W_ADV },
    { "he she him", W_PRON_PERS },
    { "with to between and against on at in of from for by into over near amid toward towards "
      "across onto upon", W_PREP },
    { "refuse decline fail", W_REFUSE },
    { "monday tuesday wednesday thursday friday saturday sunday weekend today yesterday tonight "
      "week month year morning evening night afternoon last on in early late earlier later "
      "january february march april may june july august september october november december",
      W_TIME },
    { "president minister premier leader chancellor king queen spokesman spokeswoman "
      "spokesperson general commander ambassador envoy secretary chief emir prince pope governor "
      "mayor monarch sultan ayatollah senator diplomat official", W_PERSON_TITLE },
    { "side country nation leader party government state", W_SIDES },
    { "country nation", W_COUNTRYWORD },
    { "of in from", W_PLACE_PREP },
    { "deputy vice acting first senior top chief interim outgoing incoming new then former ex", W_TITLEMOD },
    { "former ex", W_FORMER },
    { "him her", W_PRON_OBJ },
    { "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
      "sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand dozen dozens "
      "hundreds thousands scores several many few more than about nearly almost around some "
      "numerous other least most", W_QUANT },
    { "northern southern eastern western central north south east west northeastern northwestern "
      "southeastern southwestern north-east north-west south-east south-west northeast northwest "
      "southeast southwest occupied neighbouring neighboring rebel-held government-held", W_GEOADJ },
};

uint32_t dyad_word_classes(const dyad_ctx *ctx, dyad_wid w)
{
    return w < ctx->nwclass ? ctx->wclass[w] : 0;
}

int dyad_ctx_init_classes(dyad_ctx *ctx)
{
    size_t n = sizeof classes / sizeof classes[0];
    dyad_wid *ids[64];
    size_t counts[64];
    for (size_t i = 0; i < n; i++) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", classes[i].words);
        ids[i] = calloc(128, sizeof **ids);
        if (!ids[i]) return -1;
        counts[i] = 0;
        for (char *w = strtok(buf, " "); w && counts[i] < 128; w = strtok(NULL, " "))
            ids[i][counts[i]++] = dyad_dict_intern(ctx->dict, w);
    }
    ctx->w_poss = dyad_dict_intern(ctx->dict, "'s");
    ctx->w_the = dyad_dict_intern(ctx->dict, "the");
    ctx->w_by = dyad_dict_intern(ctx->dict, "by");
    ctx->w_and = dyad_dict_intern(ctx->dict, "and");
    ctx->w_comma = dyad_dict_intern(ctx->dict, ",");
    ctx->w_of = dyad_dict_intern(ctx->dict, "of");
    ctx->w_no = dyad_dict_intern(ctx->dict, "no");
    ctx->w_longer = dyad_dict_intern(ctx->dict, "longer");
    ctx->w_to = dyad_dict_intern(ctx->dict, "to");
    ctx->w_as = dyad_dict_intern(ctx->dict, "as");
    ctx->w_well = dyad_dict_intern(ctx->dict, "well");
    ctx->w_two = dyad_dict_intern(ctx->dict, "two");
    ctx->w_what = dyad_dict_intern(ctx->dict, "what");
    ctx->w_both = dyad_dict_intern(ctx->dict, "both");
    ctx->w_that = dyad_dict_intern(ctx->dict, "that");
    ctx->w_semicolon = dyad_dict_intern(ctx->dict, ";");
    ctx->w_colon = dyad_dict_intern(ctx->dict, ":");
    ctx->nwclass = dyad_dict_nwords(ctx->dict);
    ctx->wclass = calloc(ctx->nwclass, sizeof *ctx->wclass);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; ctx->wclass && k < counts[i]; k++)
            if (ids[i][k] < ctx->nwclass) ctx->wclass[ids[i][k]] |= classes[i].cls;
        free(ids[i]);
    }
    return ctx->wclass ? 0 : -1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

dyad_ctx *dyad_open(const dyad_options *opt, char *err, size_t errlen)
{
    double t0 = now();
    dyad_options o = opt ? *opt : (dyad_options){0};
    const char *data = o.data_dir ? o.data_dir : dyad_default_data_dir();
    const char *dicts = o.dicts_dir ? o.dicts_dir : data;
    if (err && errlen) err[0] = '\0';
    dyad_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) { if (err) snprintf(err, errlen, "out of memory"); return NULL; }
    ctx->opt = o;
    ctx->lx = dyad_lexicon_load(data, err, errlen);
    if (!ctx->lx) { dyad_close(ctx); return NULL; }
    ctx->dict = dyad_dict_new(dyad_lemma, ctx->lx);
    if (!ctx->dict) { if (err) snprintf(err, errlen, "out of memory"); dyad_close(ctx); return NULL; }
    /* TABARI mode: the project's dictionaries replace dyad's (tabari_mode.c) */
    if (o.tabari_project && dyad_tabari_ctx_open(ctx, o.tabari_project, err, errlen) < 0) {
        dyad_close(ctx);
        return NULL;
    }
    if (!o.tabari_project) dyad_dict_load_dir(ctx->dict, dicts);
    if (dyad_dict_compile(ctx->dict) > 0) {
        if (err) snprintf(err, errlen, "%s (and %d more errors; run `dyad dict check`)",
                          dyad_dict_error_at(ctx->dict, 0), dyad_dict_nerrors(ctx->dict) - 1);
        if (dyad_dict_nerrors(ctx->dict) == 1 && err) snprintf(err, errlen, "%s", dyad_dict_error_at(ctx->dict, 0));
        dyad_close(ctx);
        return NULL;
    }
    dyad_dict_stats st;
    dyad_dict_get_stats(ctx->dict, &st);
    ctx->rules = calloc((size_t)st.patterns + 1, sizeof *ctx->rules);
    for (int i = 0; ctx->rules && i < st.patterns; i++) {
        const dyad_pattern *p = dyad_dict_pattern(ctx->dict, i);
        char buf[4200];
        /* rule names the file relative to the dictionary directory
         * ("verbs/04_consult.txt:9"): the same on every machine and prefix */
        const char *file = p->src.file;
        size_t nd = strlen(dicts);
        if (!strncmp(file, dicts, nd) && file[nd] == '/') file += nd + 1;
        snprintf(buf, sizeof buf, "%s:%d", file, p->src.line);
        ctx->rules[i] = strdup(buf);
    }
    if (!ctx->rules || dyad_ctx_init_classes(ctx) < 0) {
        if (err) snprintf(err, errlen, "out of memory");
        dyad_close(ctx);
        return NULL;
    }
    ctx->x = dyad_extractors_load(data, err, errlen);
    if (!ctx->x) { dyad_close(ctx); return NULL; }
    if (!o.tabari_project) {    /* role-dependent codes: refine.c (none when the file is absent) */
        char rp[4096];
        snprintf(rp, sizeof rp, "%s/refine.txt", dicts);
        ctx->refine = dyad_refine_load(rp, err, errlen);
        if (!ctx->refine) { dyad_close(ctx); return NULL; }
    }
    ctx->load_seconds = now() - t0;
    return ctx;
}

void dyad_close(dyad_ctx *ctx)
{
    if (!ctx) return;
    if (ctx->rules) {
        dyad_dict_stats st;
        dyad_dict_get_stats(ctx->dict, &st);
        for (int i = 0; i < st.patterns; i++) free(ctx->rules[i]);
        free(ctx->rules);
    }
    free(ctx->wclass);
    dyad_refine_free(ctx->refine);
    dyad_tabari_ctx_close(ctx);
    if (ctx->x) dyad_extractors_free(ctx->x);
    dyad_dict_free(ctx->dict);
    if (ctx->lx) dyad_lexicon_free(ctx->lx);
    free(ctx);
}

dyad_coder *dyad_coder_new(const dyad_ctx *ctx)
{
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->ctx = ctx;
    dyad_arena_init(&c->arena, 256 * 1024);
    dyad_arena_init(&c->text_arena, 256 * 1024);
    dyad_arena_init(&c->disc_arena, 16 * 1024);
    return c;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c) return;
    dyad_arena_free(&c->arena);
    dyad_arena_free(&c->text_arena);
    dyad_arena_free(&c->disc_arena);
    free(c);
}

const char *dyad_coder_error(const dyad_coder *c) { return c->err; }

void dyad_coder_set_trace(dyad_coder *c, dyad_buf *trace) { c->trace = trace; }

void dyad_trace(dyad_coder *c, const char *fmt, ...)
{
    if (!c->trace) return;
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    dyad_buf_puts(c->trace, buf);
    dyad_buf_putc(c->trace, '\n');
}

const char *dyad_span_text(dyad_coder *c, const sent_state *st, int s, int e)
{
    if (s >= e) return "";
    const dyad_token *tk = st->s->tok;
    return dyad_arena_strndup(&c->arena, c->t->norm + tk[s].start, tk[e - 1].end - tk[s].start);
}

/* Token ids and classes; the discard check. */
/* Words of an amount ("$ 5 billion", "500 million euros"), for phrases.c's amount test,
 * which runs at every position of a "..." skip: classified once per token here. */
static unsigned amount_word(const dyad_token *tk)
{
    static const char *const scale[] = { "million", "billion", "trillion", "thousand", NULL };
    static const char *const currency[] = { "euros", "euro", "dollars", "dollar", "pounds", "yuan", "yen",
                                            "rubles", "roubles", NULL };
    if (!strcmp(tk->text, "$") || !strcmp(tk->text, "\u20ac") || !strcmp(tk->text, "\u00a3")) return T_MONEY;
    for (int k = 0; scale[k]; k++) if (!strcmp(tk->lower, scale[k])) return T_SCALE;
    for (int k = 0; currency[k]; k++) if (!strcmp(tk->lower, currency[k])) return T_CURRENCY;
    return 0;
}

static void prepare(dyad_coder *c, sent_state *st)
{
    const dyad_ctx *ctx = c->ctx;
    const dyad_sentence *s = st->s;
    st->ti = dyad_arena_calloc(&c->arena, (size_t)s->ntok + 1, sizeof *st->ti);
    if (!st->ti) return;
    for (int i = 0; i < s->ntok; i++) {
        tinfo *ti = &st->ti[i];
        const dyad_token *tk = &s->tok[i];
        if (tk->flags & DYAD_TOK_POSS) ti->low = ti->lem = ctx->w_poss;
        else {
            ti->low = dyad_dict_word(ctx->dict, tk->lower);
            ti->lem = tk->lemma && strcmp(tk->lemma, tk->lower) ? dyad_dict_word(ctx->dict, tk->lemma) : ti->low;
        }
        ti->cls = dyad_word_classes(ctx, ti->low) | dyad_word_classes(ctx, ti->lem);
        size_t n = strlen(tk->lower);
        if (tk->text[0] == ',' && tk->text[1] == '\0') ti->f |= T_COMMA;
        if (n > 4 && !(tk->flags & (DYAD_TOK_CAP | DYAD_TOK_PUNCT)) && !strcmp(tk->lower + n - 2, "ly")) ti->f |= T_LY;
        if (n > 3 && !strcmp(tk->lower + n - 3, "ing")) ti->f |= T_ING;
        if (n > 2 && !strcmp(tk->lower + n - 2, "ed")) ti->f |= T_ED;
        if (dyad_verb_form(tk)) ti->f |= T_VERBFORM;
        ti->f |= amount_word(tk);
        st->words[(ti->low & 1023) >> 6] |= 1ull << (ti->low & 63);
        st->words[(ti->lem & 1023) >> 6] |= 1ull << (ti->lem & 63);
        st->sig |= dyad_word_sig(ti->low) | dyad_word_sig(ti->lem);
        /* a capitalised word inside a sentence is a name, not a grammar word ("May", "Will") */
        if ((tk->flags & DYAD_TOK_CAP) && !(tk->flags & DYAD_TOK_SENT_START) && i > 0)
            ti->cls &= W_TIME | W_PERSON_TITLE | W_TITLEMOD | W_FORMER;
        ti->mention = -1;
    }
    st->discard = -1;
    const dyad_trie *dt = dyad_dict_discard_trie(ctx->dict);
    for (int i = 0; i < s->ntok && st->discard < 0; i++) {
        uint32_t node = 0;
        for (int j = i; j < s->ntok; j++) {
            node = dyad_trie_step(dt, node, st->ti[j].lem);
            if (!node && st->ti[j].low != st->ti[j].lem) node = 0;
            if (!node) break;
            if (dt->term[node] >= 0) { st->discard = dt->term[node]; break; }
        }
    }
}

static void trace_tokens(dyad_coder *c, const sent_state *st)
{
    if (!c->trace) return;
    dyad_buf_puts(c->trace, "tokens:");
    for (int i = 0; i < st->s->ntok; i++) {
        const dyad_token *tk = &st->s->tok[i];
        dyad_buf_printf(c->trace, " %d:%s", i, tk->text);
        if (tk->lemma && strcmp(tk->lemma, tk->lower)) dyad_buf_printf(c->trace, "/%s", tk->lemma);
    }
    dyad_buf_putc(c->trace, '\n');
}

int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user)
{
    c->err[0] = '\0';
    /* Memory stays proportional to the article's text, not to its number of
     * sentences: sentence state lives in c->arena, reset per sentence; only the
     * text (text_arena) and the discourse entries (disc_arena) span sentences. */
    dyad_arena_reset(&c->arena);
    dyad_arena_reset(&c->text_arena);
    dyad_arena_reset(&c->disc_arena);
    c->disc_bytes = 0;
    if (!a || !a->text) { snprintf(c->err, sizeof c->err, "article without text"); return DYAD_EPARSE; }
    if (c->ctx->tabari) return dyad_tabari_code_article(c, a, fn, user);
    dyad_text t;
    int rc = dyad_text_analyze(c->ctx->lx, &c->text_arena, a->text, a->text_len, &t);
    if (rc != 0) {
        snprintf(c->err, sizeof c->err, "%s: text could not be analysed (status %d)", a->id ? a->id : "?", rc);
        return rc;
    }
    c->a = a;
    c->t = &t;
    c->date = a->date ? dyad_parse_date(a->date, strlen(a->date)) : -1;
    if (c->date < 0) c->date = 0;
    c->ndisc = 0;
    c->has_prev_subj = 0;
    c->has_pair = 0;
    c->nevents = 0;
    c->nevs = 0;
    c->lead = 0;
    dyad_context_begin(c);
    for (int i = 0; i < t.nsent; i++) {
        sent_state st;
        memset(&st, 0, sizeof st);
        st.s = &t.sent[i];
        if (st.s->ntok == 0) continue;
        dyad_arena_reset(&c->arena);
        st.text = dyad_arena_strndup(&c->arena, t.norm + st.s->start, st.s->end - st.s->start);
        dyad_trace(c, "== sentence %d: %s", st.s->index, st.text);
        prepare(c, &st);
        if (!st.ti) goto oom;
        trace_tokens(c, &st);
        dyad_find_mentions(c, &st);
        dyad_resolve_mentions(c, &st);
        if (!st.g) goto oom;
        dyad_find_clauses(c, &st);
        if (!st.c) goto oom;
        dyad_resolve_reported(c, &st);
        dyad_resolve_participle_object(c, &st);
        if (st.discard >= 0) {
            dyad_src src = dyad_dict_discard_src(c->ctx->dict, st.discard);
            dyad_trace(c, "discard: '%s' (%s:%d) -- the sentence codes no event",
                       dyad_dict_discard_text(c->ctx->dict, st.discard), src.file, src.line);
        } else if (dyad_sentence_question(&st)) {
            /* "Did Israel bomb the hospital?", "Will China invade Taiwan?" assert nothing */
            dyad_trace(c, "a question: the sentence codes no event");
        } else {
            rc = dyad_match_sentence(c, &st, st.s->index, fn, user);
            if (rc != DYAD_STOP) rc = dyad_follow_suit(c, &st, fn, user);
            if (rc == DYAD_STOP) return DYAD_STOP;
        }
        dyad_discourse_push(c, &st);
    }
    c->t = NULL;
    return DYAD_OK;
oom:
    c->t = NULL;
    snprintf(c->err, sizeof c->err, "%s: out of memory", a->id ? a->id : "?");
    return DYAD_ENOMEM;
}
