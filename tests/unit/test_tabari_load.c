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
        "ARNOR [ARN] ; a comment\n"
        "AXNOR  [AR1 <911226] [AR2]\n"
        "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems\n"
        "EAST_GERMANY [GME <901103]\n"
        "G2 [USA/GBR]\n"
        "GOLLUM ; pas\n"
        "+SMEAGOL\n"
        "  [HOB <950601]\n"
        "\t[HOBREB >950602]\n"
        "REAGAN [### > 890120] [USA]\n"
        "BAD_NEWS [- - -]\n"
        "<NOUN>\nGOATS\nBLACK_SHEEP ;x\n</NOUN>\n"
        "<ADJECTIVE>\nLAZY\n</ADJECTIVE>\n"
        "~FINISH\nNOT_READ [XXX]\n");
    assert_int_equal(dyad_tabari_nerrors(t), 0);
    const tb_root *r = find_root(t, "ARNOR");
    assert_non_null(r);
    assert_int_equal(r->type, TB_ACTOR);
    assert_string_equal(dyad_tabari_actor_code(t, r, 19950101), "ARN");
    r = find_root(t, "AXNOR");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19911226), "AR1");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19911227), "AR2");
    r = find_root(t, "ALBRIGHT");
    assert_string_equal(dyad_tabari_actor_code(t, r, 20000101), "USAGOV");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19990101), "---");
    r = find_root(t, "EAST_GERMANY");          /* a single restriction defaults to null */
    assert_string_equal(dyad_tabari_actor_code(t, r, 19890101), "GME");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19950101), "---");
    assert_string_equal(dyad_tabari_actor_code(t, find_root(t, "G2"), 19950101), "USA/GBR");
    r = find_root(t, "SMEAGOL");               /* synonyms share the group's codes */
    assert_non_null(r);
    assert_string_equal(dyad_tabari_actor_code(t, r, 19950101), "HOB");
    assert_string_equal(dyad_tabari_actor_code(t, r, 19970101), "HOBREB");
    assert_ptr_equal(dyad_tabari_root(t, r->parent), find_root(t, "GOLLUM"));
    assert_string_equal(dyad_tabari_actor_code(t, find_root(t, "REAGAN"), 19900101), "###");
    assert_string_equal(dyad_tabari_actor_code(t, find_root(t, "BAD_NEWS"), 19900101), "---");
    assert_int_equal(find_root(t, "GOATS")->type, TB_NOUN);
    assert_int_equal(find_root(t, "BLACK_SHEEP")->type, TB_NOUN);
    assert_int_equal(find_root(t, "LAZY")->type, TB_ADJ);
    assert_null(find_root(t, "NOT_READ"));
    assert_int_equal(r->src.line, 8);
    dyad_tabari_free(t);
}

static void test_actor_errors(void **state)
{
    (void)state;
    one_error("e.actors", "ARNOR [ARN]\nGONDOR GON]\n", 2, "missing '['");
    one_error("e.actors", "ARNOR [ARN\n", 1, "missing ']'");
    one_error("e.actors", "ARNOR []\n", 1, "empty code");
    one_error("e.actors", "ALBRIGHZ  [991201-010114] [---]\n", 1, "has no code");
    one_error("e.actors", "X [A <9912]\n", 1, "bad date restriction");
    one_error("e.actors", "X [A 991301-000101]\n", 1, "bad date range");
    one_error("e.actors", "X [A 1991]\n", 1, "bad date restriction");
    one_error("e.actors", "X [A] junk\n", 1, "missing '['");
    one_error("e.actors", "+SMEAGOL\n", 1, "synonym '+' without an actor");
    one_error("e.actors", "  [HOB]\n", 1, "indented code line without an actor");
    one_error("e.actors", "GOATS\nARNOR [ARN]\n", 1, "actor without a code");
    one_error("e.actors", "[ARN]\n", 1, "missing phrase");
    one_error("e.actors", "</NOUN>\n", 1, "</NOUN> without <NOUN>");
    one_error("e.actors", "</ADJECTIVE>\n", 1, "</ADJECTIVE> without <ADJECTIVE>");
    one_error("e.actors", "ARNOR [ARN]\n<NOUN>\nGOATS\n", 2, "missing </NOUN>");
    one_error("e.actors", "<VERBS>\n", 1, "unknown section tag");
    one_error("e.actors", "<NOUN>\nGOATS [XX]\n</NOUN>\n", 2, "take no code");
}

static void test_agents(void **state)
{
    (void)state;
    dyad_tabari *t = load("a.agents", "~~~~~\nPRESIDENT_ [~GOVPRS] ;ns\nHUMAN_RIGHTS_BODY_   [  NGO~]\n");
    assert_int_equal(dyad_tabari_nerrors(t), 0);
    const tb_root *r = find_root(t, "PRESIDENT_");
    assert_int_equal(r->type, TB_AGENT);
    assert_string_equal(dyad_tabari_agent_code(t, r->arg), "~GOVPRS");
    assert_string_equal(dyad_tabari_agent_code(t, find_root(t, "HUMAN_RIGHTS_BODY_")->arg), "NGO~");
    dyad_tabari_free(t);
    one_error("e.agents", "PRESIDENT [GOVPRS]\n", 1, "lacks the '~'");
    one_error("e.agents", "PRESIDENT\n", 1, "agent without a code");
    one_error("e.agents", "PRESIDENT [~GOV] [~MIL]\n", 1, "one code");
    one_error("e.agents", "PRESIDENT [~GOV <990101]\n", 1, "date restrictions");
}

/* ---- verbs ----------------------------------------------------------------- */

static void test_verbs_ok(void **state)
{
    (void)state;
    dyad_tabari *t = load("v.verbs",
        "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n&TIES\n+&CURRENCY_TIES\n</SYNSETS>\n"
        "<TIME>\nTOMORROW [+1]\n- * AND A WEEK [+8]\n</TIME>\n"
        "ABANDON  [345] ;pas\n"
        "- * EFFORT  [987]\n"
        "- * DIPLOMATIC TIES [901]\n"
        "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]\n"
        "- * &CURRENCY [903]\n"
        "BREAK_ [1717]\n{BROKE_ BROKEN_}\n- + * BY $ [182:183]\n"
        "ADVISE\n- +_WAS_*_BY_$ [100?]\n");
    assert_int_equal(dyad_tabari_nerrors(t), 0);
    const tb_root *r = find_root(t, "ABANDON");
    assert_int_equal(r->type, TB_VERB);
    const tb_verb *v = dyad_tabari_verb(t, r->arg);
    assert_string_equal(v->code, "345");
    assert_int_equal(v->npat, 4);
    /* longest first: the alternatives pattern (9+6+11+13), then DIPLOMATIC TIES, ... */
    assert_string_equal(dyad_tabari_pattern(t, v, 0)->code, "111");
    assert_int_equal(dyad_tabari_pattern(t, v, 0)->maxalt, 13);
    assert_string_equal(dyad_tabari_pattern(t, v, 1)->code, "901");
    assert_int_equal(dyad_tabari_pattern(t, v, 1)->src.line, 14);
    const tb_root *f = find_root(t, "BROKEN_");
    assert_non_null(f);
    assert_int_equal(f->type, TB_VERB);
    assert_int_equal(f->arg, find_root(t, "BREAK_")->arg);       /* forms share the patterns */
    assert_null(dyad_tabari_verb(t, find_root(t, "ADVISE")->arg)->code);
    assert_int_equal(find_root(t, "TOMORROW")->type, TB_TIME);
    dyad_tabari_free(t);
}

static void test_verb_errors(void **state)
{
    (void)state;
    one_error("e.verbs", "- * EFFORT [987]\n", 1, "pattern before any verb");
    one_error("e.verbs", "GO [1]\n- * EFFORT\n", 2, "pattern without a [code]");
    one_error("e.verbs", "GO [1]\n- EFFORT [2]\n", 2, "without the verb marker");
    one_error("e.verbs", "GO [1]\n- * COMMIT * AID [2]\n", 2, "more than one '*'");
    one_error("e.verbs", "GO [1]\n- * &NOPE [2]\n", 2, "unknown synset &NOPE");
    one_error("e.verbs", "GO [1]\n- { * | X } [2]\n", 2, "'*' inside { }");
    one_error("e.verbs", "GO [1]\n- + { WAS | WERE ] * BY_ $ [2]\n", 2, "missing '}'");
    one_error("e.verbs", "GO [1]\n- * FIRE } [2]\n", 2, "'}' outside of { }");
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
    one_error("e.verbs", "<SYNSETS>\n+DOLLAR\n</SYNSETS>\n", 2, "before any &NAME");
    one_error("e.verbs", "<SYNSETS>\n&X\n+A_&X\n</SYNSETS>\n", 3, "refers to itself");
    one_error("e.verbs", "<SYNSETS>\n&X\n+A\n&X\n</SYNSETS>\n", 4, "defined twice");
    one_error("e.verbs", "<SYNSETS>\n&X\nDOLLAR\n</SYNSETS>\n", 3, "start with '&' or '+'");
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
    assert_int_equal(dyad_tabari_option_line(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", err, sizeof err), 0);
    assert_int_equal(o.cplx_verbs, 5);
    assert_int_equal(o.cplx_conj, 4);
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
    assert_int_equal(dyad_tabari_option_line(&o, "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", err, sizeof err), 0);
    assert_string_equal(o.def_src, "DEFSRC");
    assert_string_equal(o.def_tgt, "DEFTAR");
    assert_true(o.def_prior && o.def_after);
    assert_int_equal(dyad_tabari_option_line(&o, "DEFAULT: OFF", err, sizeof err), 0);
    assert_string_equal(o.def_src, "");
    assert_int_equal(dyad_tabari_option_line(&o, "COMMA: MIN = 4 MAX = 6 EMIN = 3", err, sizeof err), 0);
    assert_int_equal(o.comma_min, 4);
    assert_int_equal(o.comma_emin, 3);
    assert_int_equal(dyad_tabari_option_line(&o, "COMMA: OFF", err, sizeof err), 0);
    assert_int_equal(o.comma_off, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "FORWARD: ^^*****NNN*SSS", err, sizeof err), 0);
    assert_int_equal(o.forward, 1);
    assert_int_equal(dyad_tabari_option_line(&o, "FORWARD: ^^*****NNN*SSS OFF", err, sizeof err), 0);
    assert_int_equal(o.forward, 0);
    assert_int_equal(dyad_tabari_option_line(&o, "LABEL: 010=YIELD", err, sizeof err), 0);
    assert_int_equal(dyad_tabari_option_line(&o, "// comment", err, sizeof err), 0);
    assert_int_equal(dyad_tabari_option_line(&o, "SET: VERB USAGE = FALSE", err, sizeof err), 0);
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
    put("t.actors", "ARNOR [ARN]\nGONDOR [GON]\n");
    put("t.agents", "MINISTER_ [~GOV]\n");
    put("t.verbs", "RESTOR [---]\n- * DIPLOMATIC  [064]\n");
    put("t.options", "COMPLEX: VERBS[5] NOACTPRIOR\nBOGUS: 1\n");
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
    assert_int_equal(dyad_tabari_opts(t)->cplx_verbs, 5);
    assert_non_null(find_root(t, "ARNOR"));
    assert_int_equal(find_root(t, "MINISTER_")->type, TB_AGENT);
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

static void code(const dyad_tabari *t, const char *s, tb_result *r)
{
    dyad_arena a;
    dyad_arena_init(&a, 1 << 14);
    tb_word *w;
    int n = words(t, &a, s, &w);
    tb_opts o = *dyad_tabari_opts((dyad_tabari *)t);
    o.min_words = 0;
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
    dyad_tabari_actors_string(t, "c.actors", "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nG2 [USA/GBR]\n");
    dyad_tabari_actors_string(t, "c.agents", "MINISTER_ [~GOV]\n");
    dyad_tabari_verbs_string(t, "c.verbs",
        "RESTOR [---]\n- * DIPLOMATIC  [064]\n"
        "ATTACK [190]\n"
        "MEET [031:031]\n"
        "SAID [023?]\n");
    assert_int_equal(dyad_tabari_compile(t), 0);
    tb_result r;
    code(t, "arnor is about to restore full diplomatic ties with gondor", &r);
    assert_int_equal(r.status, TB_OK);
    assert_int_equal(r.nev, 1);
    assert_true(has(&r, "ARN", "GON", "064"));
    assert_int_equal(r.ev[0].rule.line, 2);                   /* c.verbs:2, the pattern */
    code(t, "arnor is about to restore relations with gondor", &r);
    assert_int_equal(r.nev, 0);                               /* the root's null code */
    code(t, "gondor was attacked by arnor on monday", &r);    /* passive swaps */
    assert_true(has(&r, "ARN", "GON", "190"));
    code(t, "arnor and bree meet gondor", &r);                /* compound source, paired code */
    assert_int_equal(r.nev, 4);
    assert_true(has(&r, "ARN", "GON", "031") && has(&r, "GON", "ARN", "031"));
    assert_true(has(&r, "BRE", "GON", "031") && has(&r, "GON", "BRE", "031"));
    code(t, "gondor's minister attacked g2", &r);              /* agent, coded compound */
    assert_int_equal(r.nev, 2);
    assert_true(has(&r, "GONGOV", "USA", "190") && has(&r, "GONGOV", "GBR", "190"));
    code(t, "arnor said gondor attacked bree", &r);           /* subordinate code yields; */
    assert_int_equal(r.nev, 1);                               /* TABARI keeps the clause's source */
    assert_true(has(&r, "ARN", "BRE", "190"));
    code(t, "arnor said it would be fine", &r);               /* ... but stands alone */
    assert_int_equal(r.nev, 0);                               /* no target */
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
