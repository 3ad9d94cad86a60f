/*
 * test_tokenize.c — tokens of the text pipeline: byte offsets, surface,
 * lower case, flags, clitics (possessives, contractions), hyphenated words,
 * numbers, punctuation, and robustness (invalid UTF-8, NUL bytes, empty and
 * very long input, random bytes).
 */
#include <stdint.h>
#include <utf8proc.h>

#include "text_fixture.h"

/* All tokens of all sentences, flattened, for short assertions. */
typedef struct toks { const dyad_token *t[512]; int n; } toks;

static toks all(const dyad_text *t)
{
    toks r = { .n = 0 };
    for (int s = 0; s < t->nsent; s++)
        for (int i = 0; i < t->sent[s].ntok && r.n < 512; i++) r.t[r.n++] = &t->sent[s].tok[i];
    return r;
}

/* "a|b|c": the surface forms joined. */
static const char *joined(const toks *k, int which)
{
    static char buf[4096];
    size_t o = 0;
    for (int i = 0; i < k->n; i++) {
        const char *w = which == 0 ? k->t[i]->text : which == 1 ? k->t[i]->lower : k->t[i]->lemma;
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? "|" : "", w);
        if (o >= sizeof buf) break;
    }
    return buf;
}

static toks run(fixture *fx, const char *s, dyad_text *keep)
{
    *keep = fx_analyze(fx, s);
    return all(keep);
}

static void test_offsets(void **state)
{
    dyad_text t;
    toks k = run(*state, "Armenia's army  shelled\nStepanakert.", &t);
    assert_string_equal(joined(&k, 0), "Armenia|'s|army|shelled|Stepanakert|.");
    uint32_t want[][2] = { { 0, 7 }, { 7, 9 }, { 10, 14 }, { 16, 23 }, { 24, 35 }, { 35, 36 } };
    for (int i = 0; i < k.n; i++) {
        assert_int_equal(k.t[i]->start, want[i][0]);
        assert_int_equal(k.t[i]->end, want[i][1]);
    }
}

static void test_flags(void **state)
{
    dyad_text t;
    toks k = run(*state, "NATO troops, said Gen. Smith, killed 6,500 in 1990s.", &t);
    assert_string_equal(joined(&k, 0), "NATO|troops|,|said|Gen.|Smith|,|killed|6,500|in|1990s|.");
    assert_true(k.t[0]->flags & DYAD_TOK_ALLCAPS);
    assert_true(k.t[0]->flags & DYAD_TOK_CAP);
    assert_true(k.t[0]->flags & DYAD_TOK_SENT_START);
    assert_false(k.t[1]->flags & (DYAD_TOK_CAP | DYAD_TOK_SENT_START | DYAD_TOK_NUM));
    assert_true(k.t[2]->flags & DYAD_TOK_PUNCT);
    assert_true(k.t[4]->flags & DYAD_TOK_ABBR);
    assert_false(k.t[5]->flags & DYAD_TOK_ABBR);
    assert_true(k.t[8]->flags & DYAD_TOK_NUM);
    assert_true(k.t[10]->flags & DYAD_TOK_NUM);
    assert_true(k.t[11]->flags & DYAD_TOK_PUNCT);
}

static void test_numbers(void **state)
{
    dyad_text t;
    toks k = run(*state, "3.5 6,500 1990s 12th 21st 9/11 10:30 $1.2 5km F-16 30-year-old 1,00 20-30 2022-11-01", &t);
    assert_string_equal(joined(&k, 0), "3.5|6,500|1990s|12th|21st|9/11|10:30|$|1.2|5km|F-16|30-year-old|1|,|00|20-30|2022-11-01");
    int num[] = { 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1 };
    for (int i = 0; i < k.n; i++)
        assert_int_equal((k.t[i]->flags & DYAD_TOK_NUM) != 0, num[i]);
}

static void test_possessives(void **state)
{
    dyad_text t;
    toks k = run(*state, "Armenia's and Azerbaijan\xE2\x80\x99s leaders met the soldiers' families. It's over.", &t);
    assert_string_equal(joined(&k, 0),
                        "Armenia|'s|and|Azerbaijan|\xE2\x80\x99s|leaders|met|the|soldiers|'|families|.|It|'s|over|.");
    assert_true(k.t[1]->flags & DYAD_TOK_POSS);
    assert_true(k.t[4]->flags & DYAD_TOK_POSS);
    assert_string_equal(k.t[4]->lower, "'s");
    assert_true(k.t[9]->flags & DYAD_TOK_POSS);
    assert_string_equal(k.t[9]->lemma, "'s");
    assert_false(k.t[13]->flags & DYAD_TOK_POSS);        /* it's = it is */
    assert_string_equal(k.t[13]->lemma, "be");
    /* a closing quote after an -s word is not a possessive */
    k = run(*state, "He called them 'the enemies'.", &t);
    assert_string_equal(joined(&k, 0), "He|called|them|'|the|enemies|'|.");
    assert_false(k.t[6]->flags & DYAD_TOK_POSS);
    /* U.S.'s and O'Brien's */
    k = run(*state, "The U.S.'s envoy met O'Brien's aide.", &t);
    assert_string_equal(joined(&k, 0), "The|U.S.|'s|envoy|met|O'Brien|'s|aide|.");
    assert_true(k.t[2]->flags & DYAD_TOK_POSS);
}

static void test_contractions(void **state)
{
    dyad_text t;
    toks k = run(*state, "They didn't agree, won't talk, can't stop and cannot win; we're sure they'll try.", &t);
    assert_string_equal(joined(&k, 0),
                        "They|did|n't|agree|,|wo|n't|talk|,|ca|n't|stop|and|can|not|win|;|we|'re|sure|they|'ll|try|.");
    assert_string_equal(joined(&k, 2),
                        "they|do|not|agree|,|will|not|talk|,|can|not|stop|and|can|not|win|;|we|be|sure|they|will|try|.");
    k = run(*state, "DOESN\xE2\x80\x99T matter.", &t);
    assert_string_equal(joined(&k, 0), "DOES|N\xE2\x80\x99T|matter|.");
    assert_string_equal(k.t[1]->lower, "n't");
    assert_string_equal(k.t[1]->lemma, "not");
    /* "CA" alone is not the host of a contraction */
    k = run(*state, "He lives in CA now.", &t);
    assert_string_equal(k.t[3]->lemma, "ca");
}

static void test_hyphens(void **state)
{
    dyad_text t;
    toks k = run(*state, "al-Shabaab fought in Nagorno-Karabakh - twenty-one died \xE2\x80\x94 and Guinea-Bissau\xE2\x80\x93Senegal talks.", &t);
    assert_string_equal(joined(&k, 0),
                        "al-Shabaab|fought|in|Nagorno-Karabakh|-|twenty-one|died|\xE2\x80\x94|and|Guinea-Bissau|\xE2\x80\x93|Senegal|talks|.");
    assert_string_equal(k.t[3]->lower, "nagorno-karabakh");
    assert_string_equal(k.t[7]->lemma, "-");
    assert_true(k.t[4]->flags & DYAD_TOK_PUNCT);
}

static void test_punctuation(void **state)
{
    dyad_text t;
    toks k = run(*state, "\xE2\x80\x9CNo,\xE2\x80\x9D he said (again)... Really?!", &t);
    assert_string_equal(joined(&k, 0),
                        "\xE2\x80\x9C|No|,|\xE2\x80\x9D|he|said|(|again|)|...|Really|?!");
    assert_string_equal(k.t[0]->lemma, "\"");
    assert_string_equal(k.t[3]->lemma, "\"");
    assert_string_equal(k.t[9]->lemma, "...");
    for (int i = 0; i < k.n; i++)
        if (i == 0 || i == 2 || i == 3 || i == 6 || i == 8 || i == 9 || i == 11)
            assert_true(k.t[i]->flags & DYAD_TOK_PUNCT);
}

static void test_case_folding(void **state)
{
    dyad_text t;
    toks k = run(*state, "\xC3\x89" "COLE \xC3\x96" "zt\xC3\xBC" "rk ISTANBUL Stra\xC3\x9F" "e", &t);
    assert_string_equal(joined(&k, 1), "\xC3\xA9" "cole|\xC3\xB6" "zt\xC3\xBC" "rk|istanbul|strasse");
    assert_true(k.t[0]->flags & DYAD_TOK_ALLCAPS);
    assert_true(k.t[1]->flags & DYAD_TOK_CAP);
    assert_false(k.t[1]->flags & DYAD_TOK_ALLCAPS);
}

static void test_nfc(void **state)
{
    dyad_text t;
    toks k = run(*state, "Cafe\xCC\x81 in Sa\xCC\x83o Paulo", &t);   /* e + U+0301, a + U+0303 */
    assert_string_equal(t.norm, "Caf\xC3\xA9 in S\xC3\xA3o Paulo");
    assert_string_equal(joined(&k, 0), "Caf\xC3\xA9|in|S\xC3\xA3o|Paulo");
    assert_int_equal(k.t[1]->start, 6);
}

static void test_invalid_utf8(void **state)
{
    fixture *fx = *state;
    size_t n;
    char *r = dyad_utf8_normalize(&fx->arena, "a\xff" "b", 3, &n);
    assert_int_equal(n, 5);
    assert_memory_equal(r, "a\xEF\xBF\xBD" "b", 5);
    r = dyad_utf8_normalize(&fx->arena, "\xC0\xAF", 2, &n);           /* overlong */
    assert_int_equal(n, 6);
    r = dyad_utf8_normalize(&fx->arena, "\xED\xA0\x80", 3, &n);       /* surrogate */
    assert_int_equal(n, 9);
    r = dyad_utf8_normalize(&fx->arena, "x\xE2\x80", 3, &n);          /* truncated */
    assert_int_equal(n, 7);
    r = dyad_utf8_normalize(&fx->arena, "\xF4\x90\x80\x80", 4, &n);   /* > U+10FFFF */
    assert_int_equal(n, 12);
    dyad_text t;
    toks k = run(fx, "Bad\xff\xfe" "bytes here.", &t);
    assert_string_equal(t.norm, "Bad\xEF\xBF\xBD\xEF\xBF\xBD" "bytes here.");
    assert_true(k.n >= 3);
}

/* Scraped copy: character references decode, known tags go, the rest stays. */
static void test_markup(void **state)
{
    fixture *fx = *state;
    size_t n;
    const char *plain = "No markup here.";
    assert_ptr_equal(dyad_markup_strip(&fx->arena, plain, strlen(plain), &n), plain);
    plain = "Not a tag: a < b and c > d, <Reuters>, <p";
    assert_string_equal(dyad_markup_strip(&fx->arena, plain, strlen(plain), &n), plain);
    const char *in = "Ukraine&#39;s &ldquo;aid&rdquo; &amp; AT&T &#x2019; &bogus; &#0; &#55296; &";
    char *r = dyad_markup_strip(&fx->arena, in, strlen(in), &n);
    assert_string_equal(r, "Ukraine's \xE2\x80\x9C" "aid\xE2\x80\x9D & AT&T \xE2\x80\x99 "
                           "&bogus; &#0; &#55296; &");
    assert_int_equal(n, strlen(r));
    in = "<p>Troops <a href=\"/x\">shelled</a> Kharkiv.</p><P>Kyiv<br/>said<td>so</td> <Reuters> x<y";
    r = dyad_markup_strip(&fx->arena, in, strlen(in), &n);
    assert_string_equal(r, "\n\nTroops shelled Kharkiv.\n\n\n\nKyiv\nsaid so  <Reuters> x<y");
    in = "caf&eacute; na&iuml;ve&shy;ly &#9;tab";
    r = dyad_markup_strip(&fx->arena, in, strlen(in), &n);
    assert_string_equal(r, "caf\xC3\xA9 na\xC3\xAFvely  tab");
    dyad_text t;
    toks k = run(fx, "<p>Russia&#39;s army</p><p>Kyiv said.</p>", &t);
    assert_string_equal(joined(&k, 0), "Russia|'s|army|Kyiv|said|.");
    assert_int_equal(t.nsent, 2);
}

/* "U.S.-led" is one word, as "Saudi-led" is; a dateline's hyphen must be followed by a space. */
static void test_abbrev_hyphen(void **state)
{
    fixture *fx = *state;
    dyad_text t;
    toks k = run(fx, "U.S.-led strikes hit Raqqa.", &t);
    assert_string_equal(joined(&k, 0), "U.S.-led|strikes|hit|Raqqa|.");
    k = run(fx, "KYIV (Reuters) - Russia struck Kharkiv.", &t);
    assert_string_equal(joined(&k, 0), "Russia|struck|Kharkiv|.");
}

/* In a sentence in capitals ordinary words lose their capitals; names keep them. */
static void test_shouted(void **state)
{
    fixture *fx = *state;
    dyad_text t;
    toks k = run(fx, "PRESIDENT ZELENSKYY URGED ALLIES TO SEND WEAPONS", &t);
    assert_int_equal(k.n, 7);
    assert_false(k.t[2]->flags & (DYAD_TOK_CAP | DYAD_TOK_ALLCAPS));     /* URGED */
    assert_string_equal(k.t[2]->lemma, "urge");
    assert_true(k.t[1]->flags & DYAD_TOK_ALLCAPS);                       /* ZELENSKYY */
    k = run(fx, "The NATO summit opened.", &t);
    assert_true(k.t[1]->flags & DYAD_TOK_ALLCAPS);                       /* not shouted */
}

static void test_nul_bytes(void **state)
{
    fixture *fx = *state;
    dyad_text t;
    dyad_arena_reset(&fx->arena);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, "War\0Peace\0", 10, &t), 0);
    assert_int_equal(t.len, 10);
    assert_memory_equal(t.norm, "War Peace ", 10);
    toks k = all(&t);
    assert_string_equal(joined(&k, 0), "War|Peace");
}

static void test_empty(void **state)
{
    fixture *fx = *state;
    dyad_text t;
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, "", 0, &t), 0);
    assert_int_equal(t.nsent, 0);
    assert_int_equal(t.len, 0);
    assert_non_null(t.norm);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, NULL, 0, &t), 0);
    assert_int_equal(t.nsent, 0);
    /* no lexicon: still tokenises, lemmas are the lower-case forms */
    assert_int_equal(dyad_text_analyze(NULL, &fx->arena, "Troops met.", 11, &t), 0);
    assert_int_equal(t.nsent, 1);
    assert_string_equal(t.sent[0].tok[0].lemma, "troops");
}

static void test_long_input(void **state)
{
    fixture *fx = *state;
    size_t n = 2u << 20;                     /* 2 MiB: words, a 100 kB word, no spaces */
    char *s = malloc(n + 1);
    assert_non_null(s);
    static const char *words[] = { "Troops ", "fought ", "in ", "Mosul. ", "6,500 ", "died\n\n", "U.S. " };
    size_t o = 0, w = 0;
    while (o + 16 < n / 2) {
        size_t l = strlen(words[w % 7]);
        memcpy(s + o, words[w++ % 7], l);
        o += l;
    }
    memset(s + o, 'a', n - o);
    s[n] = '\0';
    dyad_text t;
    dyad_arena_reset(&fx->arena);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, s, n, &t), 0);
    assert_true(t.nsent > 1000);
    const dyad_sentence *last = &t.sent[t.nsent - 1];
    assert_int_equal(last->tok[last->ntok - 1].end, n);
    free(s);
}

/* Limits of doc/limits.md: 32 MiB of text, 4,000,000 tokens. */
static void test_limits(void **state)
{
    fixture *fx = *state;
    size_t big = (32u << 20) + 1;
    char *s = malloc(big);
    assert_non_null(s);
    memset(s, ',', big);
    dyad_text t;
    dyad_arena_reset(&fx->arena);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, s, big, &t), DYAD_ELIMIT);
    dyad_arena_reset(&fx->arena);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, s, 4000001, &t), DYAD_ELIMIT);
    dyad_arena_reset(&fx->arena);
    assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, s, 4000000, &t), 0);
    assert_int_equal(t.nsent, 0);                 /* punctuation only */
    free(s);
}

/* Random bytes must never crash, and the output must stay consistent. */
static void test_random_bytes(void **state)
{
    fixture *fx = *state;
    uint32_t seed = 12345;
    char buf[512];
    static const char alphabet[] = "aZ .,'\"-\n\0\xC3\xA9\xE2\x80\x99\xff\x80\xCC\x81" "0(U.S.)";
    for (int round = 0; round < 3000; round++) {
        size_t n = (seed = seed * 1103515245 + 12345) % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245 + 12345;
            buf[i] = (seed >> 16) & 1 ? (char)(seed >> 8) : alphabet[(seed >> 8) % (sizeof alphabet - 1)];
        }
        dyad_text t;
        dyad_arena_reset(&fx->arena);
        assert_int_equal(dyad_text_analyze(fx->lx, &fx->arena, buf, n, &t), 0);
        for (size_t i = 0; i < t.len;) {           /* valid UTF-8, no NUL */
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)t.norm + i,
                                                  (utf8proc_ssize_t)(t.len - i), &cp);
            assert_true(k > 0 && cp != 0);
            i += (size_t)k;
        }
        for (int s = 0; s < t.nsent; s++)
            for (int j = 0; j < t.sent[s].ntok; j++) {
                const dyad_token *k = &t.sent[s].tok[j];
                assert_true(k->start < k->end && k->end <= t.len);
                assert_memory_equal(t.norm + k->start, k->text, k->end - k->start);
                assert_non_null(k->lower);
                assert_non_null(k->lemma);
            }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_contractions),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_case_folding),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_markup),
        cmocka_unit_test(test_shouted),
        cmocka_unit_test(test_abbrev_hyphen),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_long_input),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
