/* test_places2.c — places and tolls in multi-sentence articles: the article
 * place context (src/extract/context.c: dateline, the article's places,
 * recent places), place phrases, and tolls stated in later sentences.
 * Events are made by hand (code, actors, sentence) and completed by
 * dyad_extract_event on text from the real pipeline, so these tests do not
 * depend on which events the coder finds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "extract/internal.h"

static dyad_extractors *X;
static dyad_gazetteer *G;
static dyad_lexicon *LX;
static dyad_arena A;
static dyad_event ev;
static dyad_text T;

static int setup(void **state)
{
    (void)state;
    char err[512] = "";
    X = dyad_extractors_load("data", err, sizeof err);
    if (X) G = dyad_gazetteer_load("data", err, sizeof err);
    if (G) LX = dyad_lexicon_load("data", err, sizeof err);
    if (!X || !G || !LX) { fprintf(stderr, "%s\n", err); return -1; }
    dyad_arena_init(&A, 1 << 16);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad_extractors_free(X);
    dyad_gazetteer_free(G);
    dyad_lexicon_free(LX);
    dyad_arena_free(&A);
    return 0;
}

/* Complete an event coded in the sentence of `text` that contains `where`,
 * its clause being the tokens that overlap `where` (widened as usual). */
static void run(const char *text, const char *where, const char *code, const char *src,
                const char *tgt)
{
    dyad_arena_reset(&A);
    assert_int_equal(dyad_text_analyze(LX, &A, text, strlen(text), &T), 0);
    const char *w = strstr(text, where);
    assert_non_null(w);
    /* the pipeline's offsets are into the normalised text; these ASCII-ish
     * texts keep their offsets except for typographic dashes, so find
     * `where` in the normalised text instead */
    const char *nw = strstr(T.norm, where);
    assert_non_null(nw);
    uint32_t ws = (uint32_t)(nw - T.norm), we = ws + (uint32_t)strlen(where);
    int sent = -1, cs = 0, ce = 0;
    for (int s = 0; s < T.nsent && sent < 0; s++) {
        const dyad_sentence *st = &T.sent[s];
        if (!st->ntok || st->tok[0].start > ws || st->tok[st->ntok - 1].end < we) continue;
        sent = s;
        cs = -1;
        for (int i = 0; i < st->ntok; i++) {
            if (st->tok[i].end <= ws || st->tok[i].start >= we) continue;
            if (cs < 0) cs = i;
            ce = i + 1;
        }
    }
    assert_true(sent >= 0);
    memset(&ev, 0, sizeof ev);
    snprintf(ev.code, sizeof ev.code, "%s", code);
    ev.source = src;
    ev.target = tgt;
    dyad_article a = { .id = "t", .date = "2023-05-03", .text = text, .text_len = strlen(text) };
    dyad_extract_event(X, &A, &a, &T, sent, cs, ce, &ev);
}

/* "name/ALPHA3/kind" of the event's place, or "none". */
static const char *loc(void)
{
    static char out[160];
    if (!ev.has_location) return "none";
    snprintf(out, sizeof out, "%s/%s/%s", ev.location.name, ev.location.country, ev.location.kind);
    return out;
}

#define LOC(text, where, code, s, t, expect) \
    do { run(text, where, code, s, t); assert_string_equal(loc(), expect); } while (0)

static void datelines(void **state)
{
    (void)state;
    /* the lead's scene is the dateline until the text names a place */
    LOC("KHARKIV, Ukraine, May 3 (Reuters) - Russian forces shelled residential districts "
        "overnight, the governor said.", "shelled", "190", "RUSMIL", "UKR", "Kharkiv/UKR/city");
    /* a homonym in the dateline: the article's places decide */
    LOC("TRIPOLI (AP) — Gunmen attacked an army checkpoint on Friday. The army sent "
        "reinforcements in northern Lebanon.", "attacked", "190", "UAF", "LBNMIL", "Tripoli/LBN/city");
    LOC("TRIPOLI (Reuters) - Rival militias clashed on Friday. Fighting spread to Misrata and "
        "Benghazi in Libya.", "clashed", "190", "LBYREB", "LBYMIL", "Tripoli/LBY/city");
    /* the stated country decides */
    LOC("TRIPOLI, Lebanon (Reuters) - Troops clashed with gunmen on Friday.", "clashed", "190",
        "LBNMIL", "UAF", "Tripoli/LBN/city");
    /* after another place is named, the dateline gives the country only */
    LOC("KYIV, Ukraine (AP) — Russian missiles struck Odesa overnight. Officials said the port "
        "was hit. Drones later attacked energy facilities.", "Drones", "190", "RUS", "UKR",
        "Ukraine/UKR/country");
    /* a foreign use of force reported from afar is not at the dateline;
     * talks are reported from their venue */
    LOC("WASHINGTON (Reuters) - North Korea fired a ballistic missile on Tuesday, the U.S. "
        "military said.", "fired", "190", "PRKMIL", "JPN", "none");
    LOC("WASHINGTON (Reuters) - North Korea fired a ballistic missile toward Japan on Tuesday.",
        "fired", "190", "PRKMIL", "USA", "Washington D.C./USA/city");
    /* bare roles with no country: the dateline places them */
    LOC("KHARKIV, Ukraine (Reuters) - Gunmen attacked a checkpoint on Friday.", "attacked",
        "190", "UAF", "MIL", "Kharkiv/UKR/city");
    LOC("GENEVA (Reuters) - Iran and the United States held talks on Friday.", "held", "040",
        "IRN", "USA", "Geneva/CHE/city");
    /* where the place came from */
    run("KHARKIV, Ukraine (Reuters) - Russian forces shelled Ukrainian troops.", "shelled", "190",
        "RUSMIL", "UKRMIL");
    assert_string_equal(ev.location.from, "article");
    run("Russian forces shelled Ukrainian troops in Kharkiv.", "shelled", "190", "RUSMIL", "UKRMIL");
    assert_string_equal(ev.location.from, "text");
    /* no dateline, no place: nothing */
    LOC("Russian forces shelled residential districts overnight.", "shelled", "190", "RUSMIL",
        "UKR", "none");
}

static void homonyms(void **state)
{
    (void)state;
    /* "Tripoli" with Lebanon named elsewhere in the article */
    LOC("Clashes broke out in Tripoli on Friday between rival gunmen. The army deployed troops "
        "across northern Lebanon.", "Clashes", "190", "UAF", "UAF", "Tripoli/LBN/city");
    /* and without: population (Libya's capital) */
    LOC("Clashes broke out in Tripoli on Friday between rival gunmen.", "Clashes", "190", "UAF",
        "UAF", "Tripoli/LBY/city");
    /* the event's own sentence outranks the article */
    LOC("Troops deployed across Lebanon on Thursday. Gunmen attacked a hotel in Tripoli, Libya.",
        "Gunmen", "190", "UAF", "UAF", "Tripoli/LBY/city");
}

static void anaphora(void **state)
{
    (void)state;
    LOC("Russian missiles struck Kharkiv on Monday. Hours later, drones hit an apartment block "
        "in the city.", "drones", "190", "RUS", "UKR", "Kharkiv/UKR/city");
    LOC("MAIDUGURI, Nigeria (Reuters) - Boko Haram militants attacked a military base in the "
        "country's north-east on Sunday.", "attacked", "190", "NGAREB", "NGAMIL",
        "Nigeria/NGA/country");
    LOC("Fighting erupted in Sudan's Darfur region in April. Militias attacked villages across "
        "the region on Sunday.", "Militias", "190", "SDNREB", "SDNCVL", "Darfur/SDN/conflict_region");
    /* a statement is where its speaker is, not the article's scene */
    LOC("Russian forces shelled Mariupol on Wednesday. Russia blamed Ukraine.", "blamed", "112",
        "RUS", "UKR", "none");
    LOC("Russian forces shelled Mariupol on Wednesday. Ukraine blamed Russia.", "blamed", "112",
        "UKR", "RUS", "Ukraine/UKR/country");
    /* "the city council", "the country's president": not places */
    LOC("Russian missiles struck Kharkiv on Monday. The city council condemned Russia.",
        "condemned", "111", "UKRGOV", "RUS", "Ukraine/UKR/country");
    /* no earlier place: "the city" is nothing */
    LOC("Drones hit an apartment block in the city.", "Drones", "190", "RUS", "UKR", "none");
}

static void phrases(void **state)
{
    (void)state;
    LOC("Russian shelling of Kharkiv killed three civilians on Monday.", "shelling", "190",
        "RUSMIL", "UKRCVL", "Kharkiv/UKR/city");
    LOC("Gunmen killed 12 soldiers in an attack 20 km north of Baghdad on Tuesday.", "killed",
        "190", "UAF", "IRQMIL", "Baghdad/IRQ/city");
    LOC("Sudanese army jets bombed positions on the outskirts of Khartoum on Wednesday.", "bombed",
        "195", "SDNMIL", "SDNREB", "Khartoum/SDN/city");
    LOC("Israeli aircraft struck Gaza's Jabalia camp on Tuesday.", "struck", "195", "ISRMIL",
        "PSE", "Jabalia/PSE/city");
    LOC("Russian forces attacked positions in eastern Ukraine's Donetsk region.", "attacked", "190",
        "RUSMIL", "UKRMIL", "Donetsk region/UKR/conflict_region");
    /* a town missing from the gazetteer: its words, the country from a demonym */
    LOC("Jihadists attacked the northern Malian town of Xoumbala on Sunday.", "attacked", "190",
        "MLIREB", "MLI", "Xoumbala/MLI/country");
    /* ... or from the article */
    LOC("Boko Haram stepped up raids in northeastern Nigeria this year. On Sunday, militants "
        "attacked the town of Kwakwamba.", "militants", "190", "NGAREB", "NGA",
        "Kwakwamba/NGA/country");
    /* ... and with no country anywhere, no place */
    LOC("Militants attacked the town of Kwakwamba on Sunday.", "attacked", "190", "REB", "CVL",
        "none");
}

static void which_place(void **state)
{
    (void)state;
    /* a subordinate clause's place belongs to it */
    LOC("After talks in Doha, Secretary of State Antony Blinken flew to Tel Aviv on Monday.",
        "Blinken flew", "042", "USAGOV", "ISR", "Tel Aviv/ISR/city");
    /* where a trip came from ranks below where it went */
    LOC("Blinken flew from Doha to Tel Aviv on Monday.", "flew", "042", "USAGOV", "ISR",
        "Tel Aviv/ISR/city");
    LOC("Missiles fired from Belgorod struck Kharkiv overnight.", "struck", "190", "RUS", "UKR",
        "Kharkiv/UKR/city");
}

/* Fatalities of a hand-made violent event in the sentence with `where`. */
static int killed(const char *text, const char *where)
{
    run(text, where, "190", "RUSMIL", "UKR");
    return ev.fatalities;
}

static void later_tolls(void **state)
{
    (void)state;
    assert_int_equal(killed("Russian forces shelled Kharkiv overnight. The health ministry said "
                            "27 people were killed.", "shelled"), 27);
    assert_int_equal(killed("Gunmen attacked a village in Zamfara state on Sunday. Residents "
                            "said the attackers burned homes. Police said 27 people were "
                            "killed.", "attacked"), 27);
    assert_int_equal(killed("Missiles struck Kyiv on Monday. Two more people died in hospital, "
                            "bringing the death toll to 40.", "struck"), 40);
    /* another event's toll does not attach */
    assert_int_equal(killed("Russian missiles struck Kharkiv on Monday. In a separate attack, "
                            "drones hit Odesa, killing three people.", "struck"), -1);
    assert_int_equal(killed("Russian forces shelled Kherson on Monday. In Odesa, three people "
                            "were killed by a drone.", "shelled"), -1);
    assert_int_equal(killed("Russian missiles struck Kyiv on Monday. The war has killed more "
                            "than 10,000 civilians.", "struck"), -1);
    assert_int_equal(killed("Russian missiles struck Kyiv on Monday. Officials said 12 people "
                            "were killed in a similar strike last week.", "struck"), -1);
    /* too far, or a verbal event: nothing */
    assert_int_equal(killed("Missiles struck Kyiv on Monday. The mayor spoke. The army "
                            "spoke. The police spoke. Five people were killed.", "struck"), -1);
    run("Russia condemned Ukraine on Monday. Five people were killed.", "condemned", "111",
        "RUS", "UKR");
    assert_int_equal(ev.fatalities, -1);
    /* a later toll of the same scene raises the count; another scene's does not */
    assert_int_equal(killed("Troops raided Jenin, killing four people. Two more died of their "
                            "wounds, bringing the death toll to six.", "raided"), 6);
    assert_int_equal(killed("Troops raided Jenin, killing four people. In Nablus, the death "
                            "toll rose to nine.", "raided"), 4);
    /* the sentence's own count still wins */
    assert_int_equal(killed("Missiles struck Kyiv, killing 3 people. Officials said 40 people "
                            "were killed.", "struck"), 3);
}

static void ranges(void **state)
{
    (void)state;
    assert_int_equal(killed("Between 20 and 30 people were killed when missiles struck Kyiv.",
                            "struck"), 20);
    assert_int_equal(killed("Missiles struck Kyiv, killing 20 to 30 people.", "struck"), 20);
    assert_int_equal(killed("Missiles struck Kyiv, killing at least 12 people.", "struck"), 12);
    assert_int_equal(killed("Missiles struck Kyiv. Up to 15 people were killed.", "struck"), 15);
    assert_int_equal(killed("Missiles struck Kyiv. Twelve people, including five children, were "
                            "killed.", "struck"), 12);
    assert_int_equal(killed("Three soldiers and two civilians were killed when missiles struck "
                            "Kyiv.", "struck"), 5);
}

/* The context directly: dateline parsing and votes. */
static void context(void **state)
{
    (void)state;
    const char *text = "GAZA CITY, May 3 (Reuters) - Israeli jets struck targets in Rafah and "
                       "Khan Younis. Hamas fired rockets at Tel Aviv.";
    dyad_arena_reset(&A);
    assert_int_equal(dyad_text_analyze(LX, &A, text, strlen(text), &T), 0);
    dyad_place_ctx c;
    dyad_place_ctx_init(&c, G, &T, 1);
    const dyad_place *d = dyad_place_ctx_dateline(&c);
    assert_non_null(d);
    assert_string_equal(d->country, "PSE");
    assert_true(dyad_place_ctx_votes(&c, "PSE") >= 2);
    assert_true(dyad_place_ctx_votes(&c, "ISR") >= 1);
    assert_int_equal(dyad_place_ctx_votes(&c, "FRA"), 0);
    int where;
    const dyad_place *r = dyad_place_ctx_recent(&c, 1u << DYAD_PLACE_CITY, &where);
    assert_non_null(r);
    assert_int_equal(where, 0);
    assert_string_equal(dyad_place_ctx_country(&c), "PSE");
    /* no dateline */
    text = "Nothing happened.";
    assert_int_equal(dyad_text_analyze(LX, &A, text, strlen(text), &T), 0);
    dyad_place_ctx_init(&c, G, &T, 0);
    assert_null(dyad_place_ctx_dateline(&c));
    assert_null(dyad_place_ctx_country(&c));
}

/* Random articles from tricky words, with and without datelines, every
 * sentence and clause: nothing crashes (run under `make san`) and every
 * result keeps the event contract. Deterministic PRNG. */
static void random_articles(void **state)
{
    (void)state;
    static const char *const vocab[] = { "in", "the", "city", "town", "of", "country", "'s",
        "north-east", "capital", "region", "Tripoli", "Lebanon", "Libya", "Kharkiv", "Ukraine",
        ",", ".", "killed", "were", "people", "toll", "death", "to", "40", "between", "and",
        "separate", "In", "Odesa", "from", "Doha", "Tel", "Aviv", "al-Ain", "Ras", "north",
        "km", "20", "shelling", "Syrian", "village", "Xq", "Gaza", "Jabalia", "camp", "near",
        "the", "area", "said", "since", "war", "has", "no", "one", "was", "a" };
    static const char *const datelines[] = { "", "TRIPOLI (AP) — ",
        "KHARKIV, Ukraine, May 3 (Reuters) - ", "GAZA CITY - ", "XYZZY, Nowhere (AP) — ",
        "WASHINGTON (Reuters) - " };
    unsigned long r = 777;
    char text[2048];
    for (int iter = 0; iter < 1500; iter++) {
        r = r * 6364136223846793005UL + 1442695040888963407UL;
        size_t len = (size_t)snprintf(text, sizeof text, "%s", datelines[(r >> 33) % 6]);
        int nw = (int)((r >> 13) % 60) + 1;
        for (int w = 0; w < nw; w++) {
            r = r * 6364136223846793005UL + 1442695040888963407UL;
            const char *word = vocab[(r >> 33) % (sizeof vocab / sizeof vocab[0])];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", w ? " " : "", word);
        }
        dyad_arena_reset(&A);
        assert_int_equal(dyad_text_analyze(LX, &A, text, len, &T), 0);
        for (int si = 0; si < T.nsent; si++) {
            int n = T.sent[si].ntok;
            r = r * 6364136223846793005UL + 1442695040888963407UL;
            int cs = n ? (int)((r >> 40) % (unsigned long)n) : 0;
            int ce = cs + (n - cs ? (int)((r >> 20) % (unsigned long)(n - cs + 1)) : 0);
            memset(&ev, 0, sizeof ev);
            strcpy(ev.code, (r >> 7) & 1 ? "190" : "040");
            ev.source = (r >> 8) & 1 ? "LBN" : "UKRMIL";
            ev.target = "RUS";
            dyad_article a = { .id = "r", .date = "2023-05-03", .text = text, .text_len = len };
            dyad_extract_event(X, &A, &a, &T, si, cs, ce, &ev);
            assert_true(ev.fatalities >= -1 && ev.injured >= -1);
            if (ev.has_location) {
                assert_int_equal(strlen(ev.location.country), 3);
                assert_non_null(ev.location.name);
                assert_non_null(ev.location.kind);
                assert_true(ev.location.lat >= -90 && ev.location.lat <= 90);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(datelines),
        cmocka_unit_test(homonyms),
        cmocka_unit_test(anaphora),
        cmocka_unit_test(phrases),
        cmocka_unit_test(which_place),
        cmocka_unit_test(later_tolls),
        cmocka_unit_test(ranges),
        cmocka_unit_test(context),
        cmocka_unit_test(random_articles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
