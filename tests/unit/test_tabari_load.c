/*
 * test_tabari_load.c — the TABARI dictionary loaders (src/dict/tabari_*.c)
 * and a few codings of TABARI mode, on small dictionaries written here.
 *
 * Every syntax error path of .actors/.agents/.verbs/.options/.project is
 * exercised and must report "file:line: message" at the right line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "code/tabari_coder.h"
#include "dict/tabari.h"

/* Load text as a file of the given name; return the dictionary (compiled). */
static dyad_tabari *load(const char *name, const char *text)
{
    dyad_tabari *t = dyad_tabari_new();
    assert_non_null(t);
    size_t n = strlen(name);
    if (n > 6 && !strcmp(name + n - 6, ".verbs")) dyad_tabari_verbs_string(t, name, text);
    else dyad_tabari_actors_string(t, name, text);
    dyad_tabari_compile(t);
    return t;
}

/* The dictionary has exactly one error, at line `line`, containing `msg`. */
static void one_error(const char *name, const char *text, int line, const char *msg)
{
    dyad_tabari *t = load(name, text);
    if (dyad_tabari_nerrors(t) != 1) {
        for (int i = 0; i < dyad_tabari_nerrors(t); i++) fprintf(stderr, "  %s\n", dyad_tabari_error_at(t, i));
        fail_msg("%s: expected 1 error (%s), got %d", name, msg, dyad_tabari_nerrors(t));
    }
    char want[256];
    snprintf(want, sizeof want, "%s:%d: ", name, line);
    const char *e = dyad_tabari_error_at(t, 0);
    if (strncmp(e, want, strlen(want)) || !strstr(e, msg)) fail_msg("got '%s', want '%s...%s'", e, want, msg);
    dyad_tabari_free(t);
}

static const tb_root *find_root(const dyad_tabari *t, const char *text)
{
    for (int i = 0; i < dyad_tabari_nroots(t); i++)
        if (!strcmp(dyad_tabari_root(t, i)->text, text)) return dyad_tabari_root(t, i);
    return NULL;
}

/* ---- actors ---------------------------------------------------------------- */

static void test_actors_ok(void **state)
{
    (void)state;
    dyad_tabari *t = load("a.actors",
        "# comment\n"
        "KELDORA [KEL] ; a comment\n"
        "PELLIN  [PL1 <911226] [PL2]\n"
        "HARDWICK  [XYZGOV 991201-010114] [---] ;tst\n"
        "OLD_REPUBLIC [ORP <901103]\n"
        "G2 [USA/GBR]\n"
        "MERRICK ; tst\n"
        "+MERRICKS_TWIN\n"
        "  [MRK <950601]\n"
        "\t[MRKREB >950602]\n"
        "STATESMAN [### > 890120] [USA]\n"
        "BAD_NEWS [- - -]\n"
        "<NOUN>\nPEBBLES\nGREY_STONES ;x\n</NOUN>\n"
        "<ADJECTIVE>\nSLEEPY\n</ADJECTIVE>\n"
        "~FINISH\nNOT_READ [XXX]\n");
    assert_int_equal(dyad_tabari_nerrors(t), 0);
    const tb_root *r = find_root(t, "KELDORA");
    assert_non_null(r);
    assert_int_equal(r->type, TB_ACTOR);
    assert_string_equal(dyad_tabari_actor_code(t, r, 19950101), "KEL");
    r = find_root(t, "PELLIN");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19911226), "PL1");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19911227), "PL2");
    r = find_root(t, "HARDWICK");
    assert_string_equal(dyad_tabari_actor_code(t, r, 20000101), "XYZGOV");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19990101), "---");
    r = find_root(t, "OLD_REPUBLIC");          /* a single restriction defaults to null */
    assert_string_equal(dyad_tabari_actor_code(t, r, 19890101), "ORP");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19950101), "---");
    assert_string_equal(dyad_tabari_actor_code(t, find_root(t, "G2"), 19950101), "USA/GBR");
    r = find_root(t, "MERRICKS_TWIN");               /* synonyms share the group's codes */
    assert_non_null(r);
    assert_string_equal(dyad_tabari_actor_code(t, r, 19950101), "MRK");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19970101), "MRKREB");
    assert_ptr_equal(dyad_tabari_root(t, r->parent), find_root(t, "MERRICK"));
    assert_string_equal(dyad_tabari_actor_code(t, find_root(t, "STATESMAN"), 19900101), "###");
    assert_string_equal(dyad_tabari_actor_code(t, find_root(t, "BAD_NEWS"), 19900101), "---");
    assert_int_equal(find_root(t, "PEBBLES")->type, TB_NOUN);
    assert_int_equal(find_root(t, "GREY_STONES")->type, TB_NOUN);
    assert_int_equal(find_root(t, "SLEEPY")->type, TB_ADJ);
    assert_null(find_root(t, "NOT_READ"));
    assert_int_equal(r->src.line, 8);
    dyad_tabari_free(t);
}

static void test_actor_errors(void **state)
{
    (void)state;
    one_error("e.actors", "KELDORA [KEL]\nVARMENT VAR]\n", 2, "missing '['");
    one_error("e.actors", "KELDORA [KEL\n", 1, "missing ']'");
    one_error("e.actors", "KELDORA []\n", 1, "empty code");
    one_error("e.actors", "WRONGLINE  [991201-010114] [---]\n", 1, "has no code");
    one_error("e.actors", "X [A <9912]\n", 1, "bad date restriction");
    one_error("e.actors", "X [A 991301-000101]\n", 1, "bad date range");
    one_error("e.actors", "X [A 1991]\n", 1, "bad date restriction");
    one_error("e.actors", "X [A] junk\n", 1, "missing '['");
    one_error("e.actors", "+MERRICKS_TWIN\n", 1, "synonym '+' without an actor");
    one_error("e.actors", "  [MRK]\n", 1, "indented code line without an actor");
    one_error("e.actors", "PEBBLES\nKELDORA [KEL]\n", 1, "actor without a code");
    one_error("e.actors", "[KEL]\n", 1, "missing phrase");
    one_error("e.actors", "</NOUN>\n", 1, "</NOUN> without <NOUN>");
    one_error("e.actors", "</ADJECTIVE>\n", 1, "</ADJECTIVE> without <ADJECTIVE>");
    one_error("e.actors", "KELDORA [KEL]\n<NOUN>\nPEBBLES\n", 2, "missing </NOUN>");
    one_error("e.actors", "<VERBS>\n", 1, "unknown section tag");
    one_error("e.actors", "<NOUN>\nPEBBLES [XX]\n</NOUN>\n", 2, "take no code");
}

static void test_agents(void **state)
{
    (void)state;
    dyad_tabari *t = load("a.agents", "~~~~~\nCHAIRMAN_ [~GOVCHR] ;tst\nCIVIC_WATCH_GROUP_   [  NGO~]\n");
    assert_int_equal(dyad_tabari_nerrors(t), 0);
    const tb_root *r = find_root(t, "CHAIRMAN_");
    assert_int_equal(r->type, TB_AGENT);
    assert_string_equal(dyad_tabari_agent_code(t, r->arg), "~GOVCHR");
    assert_string_equal(dyad_tabari_agent_code(t, find_root(t, "CIVIC_WATCH_GROUP_")->arg), "NGO~");
    dyad_tabari_free(t);
    one_error("e.agents", "CHAIRMAN [GOVCHR]\n", 1, "lacks the '~'");
    one_error("e.agents", "CHAIRMAN\n", 1, "agent without a code");
    one_error("e.agents", "CHAIRMAN [~GOV] [~MIL]\n", 1, "one code");
    one_error("e.agents", "CHAIRMAN [~GOV <990101]\n", 1, "date restrictions");
}

/* ---- verbs ----------------------------------------------------------------- */

static void test_verbs_ok(void **state)
{
    (void)state;
    dyad_tabari *t = load("v.verbs",
        "<SYNSETS>\n&COINAGE\n+DUCAT\n+SILVER_CROWN\n&BONDS\n+&COINAGE_BONDS\n</SYNSETS>\n"
        "<TIME>\nNEXTDAY [+1]\n- * AND A FORTNIGHT [+14]\n</TIME>\n"
        "FORSAKE  [345] ;tst\n"
        "- * ENDEAVOUR  [987]\n"
        "- * CORDIAL LINKS [901]\n"
        "- PROPOSED_+ * CLAIM_{ HAGUE_ | INTERNATIONAL }_TREATIES  [111]\n"
        "- * &COINAGE [903]\n"
        "SMASH_ [1717]\n{SMOSH_ SMASHEN_}\n- + * BY $ [182:183]\n"
        "COUNSEL\n- +_WAS_*_BY_$ [100?]\n");
    assert_int_equal(dyad_tabari_nerrors(t), 0);
    const tb_root *r = find_root(t, "FORSAKE");
    assert_int_equal(r->type, TB_VERB);
    const tb_verb *v = dyad_tabari_verb(t, r->arg);
    assert_string_equal(v->code, "345");
    assert_int_equal(v->npat, 4);
    /* longest first: the alternatives pattern (8+5+7+13), then CORDIAL LINKS, ... */
    assert_string_equal(dyad_tabari_pattern(t, v, 0)->code, "111");
    assert_int_equal(dyad_tabari_pattern(t, v, 0)->maxalt, 13);
    assert_string_equal(dyad_tabari_pattern(t, v, 1)->code, "901");
    assert_int_equal(dyad_tabari_pattern(t, v, 1)->src.line, 14);
    const tb_root *f = find_root(t, "SMASHEN_");
    assert_non_null(f);
    assert_int_equal(f->type, TB_VERB);
    assert_int_equal(f->arg, find_root(t, "SMASH_")->arg);       /* forms share the patterns */
    assert_null(dyad_tabari_verb(t, find_root(t, "COUNSEL")->arg)->code);
    assert_int_equal(find_root(t, "NEXTDAY")->type, TB_TIME);
    dyad_tabari_free(t);
}

static void test_verb_errors(void **state)
{
    (void)state;
    one_error("e.verbs", "- * ENDEAVOUR [654]\n", 1, "pattern before any verb");
    one_error("e.verbs", "GO [1]\n- * ENDEAVOUR\n", 2, "pattern without a [code]");
    one_error("e.verbs", "GO [1]\n- ENDEAVOUR [2]\n", 2, "without the verb marker");
    one_error("e.verbs", "GO [1]\n- * GIVE * HELP [2]\n", 2, "more than one '*'");
    one_error("e.verbs", "GO [1]\n- * &NOPE [2]\n", 2, "unknown synset &NOPE");
    one_error("e.verbs", "GO [1]\n- { * | X } [2]\n", 2, "'*' inside { }");
    one_error("e.verbs", "GO [1]\n- + { IS | ARE ] * BY_ $ [2]\n", 2, "missing '}'");
    one_error("e.verbs", "GO [1]\n- * FLAME } [2]\n", 2, "'}' outside of { }");
    one_error("e.verbs", "GO [1]\n- * { A | { B | C } } [2]\n", 2, "cannot be nested");
    one_error("e.verbs", "GO [1]\n- * { A | } [2]\n", 2, "empty alternative");
    one_error("e.verbs", "GO [1]\n- * A [2] extra\n", 2, "text after the code");
    one_error("e.verbs", "GO [1]\n- * A [ ]\n", 2, "empty code");
    one_error("e.verbs", "GO [1\n", 1, "missing ']'");
    one_error("e.verbs", "GO 1]\n", 1, "missing '['");
    one_error("e.verbs", "GO * NOW [1]\n", 1, "contains a pattern token");
    one_error("e.verbs", "GO [1]\n * TO_ LAY [2]\n", 2, "unexpected indented line");
    one_error("e.verbs", "{WENT_}\n", 1, "verb forms before any verb");
    one_error("e.verbs", "GO [1]\n{WENT_\n", 2, "missing '}' after verb forms");
    one_error("e.verbs", "GO [1]\n{ }\n", 2, "no verb forms");
    one_error("e.verbs", "<SYNSETS>\n+DUCAT\n</SYNSETS>\n", 2, "before any &NAME");
    one_error("e.verbs", "<SYNSETS>\n&X\n+A_&X\n</SYNSETS>\n", 3, "refers to itself");
    one_error("e.verbs", "<SYNSETS>\n&X\n+A\n&X\n</SYNSETS>\n", 4, "defined twice");
    one_error("e.verbs", "<SYNSETS>\n&X\nDUCAT\n</SYNSETS>\n", 3, "start with '&' or '+'");
    one_error("e.verbs", "<SYNSETS>\n&X\n+A * B\n</SYNSETS>\n", 3, "'*' in a synset member");
    one_error("e.verbs", "<SYNSETS>\n&X\n+ ;c\n</SYNSETS>\n", 3, "empty synset member");
    one_error("e.verbs", "<SYNSETS>\n&\n</SYNSETS>\n", 2, "synset without a name");
    one_error("e.verbs", "<SYNSETS>\n&X\n+A\n", 1, "missing </SYNSETS>");
    one_error("e.verbs", "</TIME>\n", 1, "</TIME> without <TIME>");
    one_error("e.verbs", "</SYNSETS>\n", 1, "without <SYNSETS>");
    one_error("e.verbs", "<ATTRIB>\n", 1, "unknown section tag");
    one_error("e.verbs", "[1]\n", 1, "missing verb");
}

/* ---- options and projects ------------------------------------------------------ */

static void test_options(void **state)
{
    (void)state;
    tb_opts o;
    char err[256];
    dyad_tabari_default_opts(&o);
    assert_int_equal(dyad_tabari_option_line(&o, "COMPLEX: VERBS[7] CONJ[3] NOACTPRIOR NOSAVE", err, sizeof err), 0);
    assert_int_equal(o.cplx_verbs, 7);
    assert_int_equal(o.cplx_conj, 3);
    assert_int_equal(o.noactprior, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "complex: VERBS[6]", err, sizeof err), 0);
    assert_int_equal(o.noactprior, 0);                       /* COMPLEX: resets */
    assert_int_equal(dyad_tabari_option_line(&o, "SET: CODE BY SENTENCE", err, sizeof err), 0);
    assert_int_equal(o.code_mode, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "SET: CODE ALL", err, sizeof err), 0);
    assert_int_equal(o.code_mode, 2);
    assert_int_equal(dyad_tabari_option_line(&o, "SET: CONVERT AGENT = TRUE", err, sizeof err), 0);
    assert_int_equal(o.convert_agents, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "SET: MINIMUM WORDS = 4", err, sizeof err), 0);
    assert_int_equal(o.min_words, 4);
    assert_int_equal(dyad_tabari_option_line(&o, "DEFAULT: SOURCE [SRCX] PRIOR TARGET [TGTX] AFTER", err, sizeof err), 0);
    assert_string_equal(o.def_src, "SRCX");
    assert_string_equal(o.def_tgt, "TGTX");
    assert_true(o.def_prior && o.def_after);
    assert_int_equal(dyad_tabari_option_line(&o, "DEFAULT: OFF", err, sizeof err), 0);
    assert_string_equal(o.def_src, "");
    assert_int_equal(dyad_tabari_option_line(&o, "COMMA: MIN = 5 MAX = 7 EMIN = 1", err, sizeof err), 0);
    assert_int_equal(o.comma_min, 5);
    assert_int_equal(o.comma_emin, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "COMMA: OFF", err, sizeof err), 0);
    assert_int_equal(o.comma_off, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "FORWARD: ^^**NN*SS", err, sizeof err), 0);
    assert_int_equal(o.forward, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "FORWARD: ^^**NN*SS OFF", err, sizeof err), 0);
    assert_int_equal(o.forward, 0);
    assert_int_equal(dyad_tabari_option_line(&o, "LABEL: 999=TESTING", err, sizeof err), 0);
    assert_int_equal(dyad_tabari_option_line(&o, "// comment", err, sizeof err), 0);
    assert_int_equal(dyad_tabari_option_line(&o, "SET: SOMETHING ELSE = 1", err, sizeof err), 0);
    static const struct { const char *line, *msg; } bad[] = {
        { "FROBNICATE: X", "unknown .options command" },
        { "COMPLEX: VERBS[x]", "bad number" },
        { "COMPLEX: VERBS[5", "bad number" },
        { "COMPLEX: WOBBLE", "unknown condition" },
        { "SET: CONVERT AGENT = MAYBE", "TRUE or = FALSE" },
        { "SET: TIME SHIFT", "TRUE or = FALSE" },
        { "SET: MINIMUM WORDS = lots", "MINIMUM WORDS" },
        { "SET: FLY AWAY", "unknown parameter" },
        { "DEFAULT: SOURCE DEFSRC", "SOURCE needs a [code]" },
        { "DEFAULT: TARGET []", "TARGET needs a [code]" },
        { "DEFAULT: SIDEWAYS", "unexpected" },
        { "COMMA: MIN 4", "needs = value" },
        { "COMMA: MIN = x", "bad value" },
        { "COMMA: WIDTH = 3", "unexpected" },
        { "COMMA:", "needs OFF" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        if (dyad_tabari_option_line(&o, bad[i].line, err, sizeof err) != -1 || !strstr(err, bad[i].msg))
            fail_msg("'%s': got '%s', want '%s'", bad[i].line, err, bad[i].msg);
    }
}

static char dir[] = "/tmp/test-tabari-XXXXXX";

static void put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_project(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(dir));
    put("t.actors", "KELDORA [KEL]\nVARMENT [VAR]\n");
    put("t.agents", "STEWARD_ [~GOV]\n");
    put("t.verbs", "MEND [---]\n- * FRIENDLY  [064]\n");
    put("t.options", "COMPLEX: VERBS[7] NOACTPRIOR\nBOGUS: 1\n");
    put("t.project", "Test\n<actorsfile> t.actors\n<agentsfile>\tt.agents\n<verbsfile> t.verbs\n"
                     "<optionsfile> t.options\n<textfile> t.text\n<session 1> <coder x>\n");
    char path[512];
    snprintf(path, sizeof path, "%s/t.project", dir);
    dyad_tabari *t = dyad_tabari_new();
    dyad_tabari_load_project(t, path);
    dyad_tabari_compile(t);
    assert_int_equal(dyad_tabari_nfatal(t), 0);
    assert_int_equal(dyad_tabari_nerrors(t), 1);            /* BOGUS: line 2 of the options */
    assert_non_null(strstr(dyad_tabari_error_at(t, 0), "t.options:2: unknown .options command"));
    assert_int_equal(dyad_tabari_opts(t)->cplx_verbs, 7);
    assert_non_null(find_root(t, "KELDORA"));
    assert_int_equal(find_root(t, "STEWARD_")->type, TB_AGENT);
    assert_non_null(strstr(dyad_tabari_text_file(t), "/t.text"));
    dyad_tabari_free(t);

    put("bad.project", "<actorsfile> missing.actors\n<verbsfile> t.verbs\n");
    snprintf(path, sizeof path, "%s/bad.project", dir);
    t = dyad_tabari_new();
    dyad_tabari_load_project(t, path);
    assert_int_equal(dyad_tabari_nfatal(t), 1);
    assert_non_null(strstr(dyad_tabari_error_at(t, 0), "missing.actors:0: cannot open"));
    dyad_tabari_free(t);

    put("empty.project", "nothing here\n");
    snprintf(path, sizeof path, "%s/empty.project", dir);
    t = dyad_tabari_new();
    dyad_tabari_load_project(t, path);
    assert_int_equal(dyad_tabari_nfatal(t), 1);
    assert_non_null(strstr(dyad_tabari_error_at(t, 0), "names no <actorsfile> or <verbsfile>"));
    dyad_tabari_free(t);

    const char *names[] = { "t.actors", "t.agents", "t.verbs", "t.options", "t.project", "bad.project", "empty.project" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* ---- coding ------------------------------------------------------------------- */

/* Words of a lower-case sentence ("," stands alone). */
static int words(const dyad_tabari *t, dyad_arena *a, const char *s, tb_word **out)
{
    tb_word *w = dyad_arena_calloc(a, 64, sizeof *w);
    int n = 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *tok = strtok(buf, " "); tok && n < 64; tok = strtok(NULL, " ")) {
        w[n].text = dyad_arena_strdup(a, tok);
        w[n].len = (int)strlen(tok);
        w[n].kind = !strcmp(tok, ",") ? 1 : 0;
        n++;
    }
    (void)t;
    *out = w;
    return n;
}

static int time_shift;

static void code(const dyad_tabari *t, const char *s, tb_result *r)
{
    dyad_arena a;
    dyad_arena_init(&a, 1 << 14);
    tb_word *w;
    int n = words(t, &a, s, &w);
    tb_opts o = *dyad_tabari_opts((dyad_tabari *)t);
    o.min_words = 0;
    o.time_shift = time_shift;
    dyad_tabari_code_words(t, &o, w, n, 19950101, &a, r, NULL, NULL);
    dyad_arena_free(&a);
}

static int has(const tb_result *r, const char *src, const char *tgt, const char *c)
{
    for (int i = 0; i < r->nev; i++)
        if (!strcmp(r->ev[i].src, src) && !strcmp(r->ev[i].tgt, tgt) && !strcmp(r->ev[i].code, c)) return 1;
    return 0;
}

static void test_coding(void **state)
{
    (void)state;
    dyad_tabari *t = dyad_tabari_new();
    dyad_tabari_actors_string(t, "c.actors", "KELDORA [KEL]\nVARMENT [VAR]\nTOLLIS [TOL]\nG2 [USA/GBR]\n");
    dyad_tabari_actors_string(t, "c.agents", "STEWARD_ [~GOV]\n");
    dyad_tabari_verbs_string(t, "c.verbs",
        "MEND [---]\n- * FRIENDLY  [064]\n"
        "ASSAIL [190]\n"
        "CONFER [031:031]\n"
        "<TIME>\nNEXTDAY [+1]\n- * AND A FORTNIGHT [+15]\nLASTYEAR [-365]\nWHEN_PIGS_FLY [+++]\n</TIME>\n"
        "SAID [023?]\n");
    assert_int_equal(dyad_tabari_compile(t), 0);
    tb_result r;
    code(t, "keldora is about to mend friendly ties with varment", &r);
    assert_int_equal(r.status, TB_OK);
    assert_int_equal(r.nev, 1);
    assert_true(has(&r, "KEL", "VAR", "064"));
    assert_int_equal(r.ev[0].rule.line, 2);                   /* c.verbs:2, the pattern */
    code(t, "keldora is about to mend relations with varment", &r);
    assert_int_equal(r.nev, 0);                               /* the root's null code */
    code(t, "varment was assailed by keldora on monday", &r);    /* passive swaps */
    assert_true(has(&r, "KEL", "VAR", "190"));
    code(t, "keldora and tollis confer with varment", &r);                /* compound source, paired code */
    assert_int_equal(r.nev, 4);
    assert_true(has(&r, "KEL", "VAR", "031") && has(&r, "VAR", "KEL", "031"));
    assert_true(has(&r, "TOL", "VAR", "031") && has(&r, "VAR", "TOL", "031"));
    code(t, "varment's steward assailed g2", &r);              /* agent, coded compound */
    assert_int_equal(r.nev, 2);
    assert_true(has(&r, "VARGOV", "USA", "190") && has(&r, "VARGOV", "GBR", "190"));
    code(t, "keldora said varment assailed tollis", &r);           /* subordinate code yields; */
    assert_int_equal(r.nev, 1);                               /* TABARI keeps the clause's source */
    assert_true(has(&r, "KEL", "TOL", "190"));
    code(t, "keldora said it would be fine", &r);               /* ... but stands alone */
    assert_int_equal(r.nev, 0);                               /* no target */
    time_shift = 1;                                           /* SET: TIME SHIFT = TRUE */
    code(t, "nextday keldora will assail varment", &r);
    assert_true(has(&r, "KEL", "VAR", "190"));
    assert_int_equal(r.date, 19950102);
    code(t, "keldora will assail varment nextday and a fortnight", &r);   /* a time pattern */
    assert_int_equal(r.date, 19950116);
    code(t, "lastyear keldora assailed varment", &r);         /* across a year boundary */
    assert_int_equal(r.date, 19940101);
    code(t, "when pigs fly keldora will assail varment", &r);
    assert_int_equal(r.status, TB_COMPLEX);
    time_shift = 0;
    code(t, "nextday keldora will assail varment", &r);
    assert_int_equal(r.date, 19950101);
    dyad_tabari_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actors_ok),
        cmocka_unit_test(test_actor_errors),
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_verbs_ok),
        cmocka_unit_test(test_verb_errors),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_project),
        cmocka_unit_test(test_coding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
