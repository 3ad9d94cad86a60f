/* test_places.c — gazetteer and place mentions (gazetteer.c, places.c), and
 * the date/place/casualty choices of dyad_extract_event (extract.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "extract/internal.h"
#include "extract_testtok.h"

static dyad_extractors *X;
static dyad_gazetteer *G;

static int setup(void **state)
{
    (void)state;
    char err[512] = "";
    G = dyad_gazetteer_load("data", err, sizeof err);
    X = dyad_extractors_load("data", err, sizeof err);
    if (!G || !X) { fprintf(stderr, "%s\n", err); return -1; }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad_gazetteer_free(G);
    dyad_extractors_free(X);
    return 0;
}

/* First place mention: "name/ALPHA3/kind" or "none". */
static const char *place(const char *sentence, const char *actor1, const char *actor2)
{
    static char out[128];
    int n = tt_tokenize(sentence);
    const char *prefer[2] = { actor1, actor2 };
    dyad_place_hit h[8];
    int nh = dyad_find_places(G, tt_tok, 0, n, prefer, 2, h, 8);
    if (!nh) return "none";
    static const char *kinds[] = { "city", "region", "country", "conflict_region" };
    snprintf(out, sizeof out, "%s/%s/%s", h[0].as_written ? "border" : h[0].place->name,
             h[0].place->country, kinds[h[0].place->kind]);
    return out;
}

#define P(s, a1, a2, expect) assert_string_equal(place(s, a1, a2), expect)

static void sizes(void **state)
{
    (void)state;
    int c[4];
    dyad_gazetteer_counts(G, c);
    assert_true(c[DYAD_PLACE_COUNTRY] >= 249);
    assert_true(c[DYAD_PLACE_CONFLICT] >= 50);
    assert_true(c[DYAD_PLACE_CITY] >= 100);      /* ~24,000 with libgeonames */
    assert_string_equal(dyad_gazetteer_country(G, "ARM")->name, "Armenia");
    assert_string_equal(dyad_gazetteer_demonym(G, "syrian"), "SYR");
    assert_null(dyad_gazetteer_demonym(G, "martian"));
    assert_null(dyad_gazetteer_country(G, "QQQ"));
}

static void mentions(void **state)
{
    (void)state;
    P("Putin met Pashinyan in Sochi.", NULL, NULL, "Sochi/RUS/city");
    P("Troops massed near the Syrian border.", NULL, NULL, "border/SYR/country");
    P("A dam burst in Derna, Libya, on Sunday.", NULL, NULL, "Darnah/LBY/city");
    P("Missiles struck outside Kyiv.", NULL, NULL, "Kyiv/UKR/city");
    P("Missiles struck outside Kiev.", NULL, NULL, "Kyiv/UKR/city");
    P("Fighting raged in the eastern city of Bakhmut.", NULL, NULL, "Bakhmut/UKR/city");
    /* the object of "hit" is where the shells fell */
    P("Shelling hit Stepanakert, the capital of Nagorno-Karabakh.", NULL, NULL, "Khankendi/AZE/city");
    P("Shelling was reported in Nagorno-Karabakh.", NULL, NULL, "Nagorno-Karabakh/AZE/conflict_region");
    P("Clashes erupted in the Gaza Strip.", NULL, NULL, "Gaza Strip/PSE/conflict_region");
    /* the container gives way to the place named in it */
    P("Clashes erupted in Ukraine's Donetsk region.", NULL, NULL, "Donetsk region/UKR/conflict_region");
    P("Rebels attacked a base in Tigray.", NULL, NULL, "Tigray/ETH/conflict_region");
    P("Soldiers died in Syria on Monday.", NULL, NULL, "Syria/SYR/country");
}

static void not_places(void **state)
{
    (void)state;
    /* actors, not places */
    P("Russia attacked Ukraine.", NULL, NULL, "none");
    P("Kyiv denied the claim.", NULL, NULL, "none");
    P("Germany sent aid to Ukraine.", NULL, NULL, "none");
    P("The EU imposed sanctions on Russia.", NULL, NULL, "none");
    P("Clashes between Armenia and Azerbaijan resumed.", NULL, NULL, "none");
    P("Germany sent aid to Kyiv.", NULL, NULL, "Kyiv/UKR/city");
    P("Fighting spread across Ukraine.", NULL, NULL, "Ukraine/UKR/country");
    /* common words: lower case, or at the start of a sentence */
    P("He spoke of peace in male prisons.", NULL, NULL, "none");
    P("Of course the talks failed.", NULL, NULL, "none");
    P("Split decisions were made.", NULL, NULL, "none");
    P("Sanctions were debated in the West.", NULL, NULL, "none");
    P("Officials met in the Central region.", NULL, NULL, "none");
    /* month names are dates */
    P("Troops entered the city in March 2021.", NULL, NULL, "none");
    P("Troops entered the city in May.", NULL, NULL, "none");
}

/* Places without a locative preposition: the object of a verb of taking or
 * striking a place, a name followed by a place noun, a demonym-qualified
 * "city of". (Test tokens carry the word as its own lemma, hence the
 * present tense.) */
static void places_without_preposition(void **state)
{
    (void)state;
    P("Rebels storm Kharkiv.", NULL, NULL, "Kharkiv/UKR/city");
    P("Militias seize the strategic town of Kidal.", NULL, NULL, "Kidal/MLI/city");
    P("Jets bomb rebel-held northern Idlib.", NULL, NULL, "Idlib/SYR/city");
    P("The ministers visit Kabul.", NULL, NULL, "Kabul/AFG/city");
    P("A drone hit Kherson airport.", NULL, NULL, "Kherson/UKR/city");
    P("Troops left the Sinjar camp.", NULL, NULL, "Sinjār/IRQ/city");
    P("Gunmen raid the northern Nigerian city of Kano.", NULL, NULL, "Kano/NGA/city");
    /* a country after such a verb is its target, not a place */
    P("Troops storm Ukraine.", NULL, NULL, "none");
    P("Kharkiv airport reopened.", NULL, NULL, "Kharkiv/UKR/city");
    /* a demonym before "city of" picks the homonym's country */
    P("Gunmen raid the Lebanese city of Tripoli.", NULL, NULL, "Tripoli/LBN/city");
    /* no locative context: an actor */
    P("Kharkiv officials denied it.", NULL, NULL, "none");
}

static void homonyms(void **state)
{
    (void)state;
    P("Protesters gathered in Paris.", NULL, NULL, "Paris/FRA/city");
    P("Protesters gathered in Paris.", "USA", NULL, "Paris/USA/city");
    P("Troops clashed in Tripoli.", NULL, NULL, "Tripoli/LBY/city");
    P("Troops clashed in Tripoli.", "LBN", NULL, "Tripoli/LBN/city");
    P("Troops clashed in Tripoli, Lebanon.", NULL, NULL, "Tripoli/LBN/city");
    P("Police fired in Washington.", NULL, NULL, "Washington D.C./USA/city");
    P("Police fired in Georgia.", NULL, NULL, "Georgia/GEO/country");
}

/* ---- dyad_extract_event -------------------------------------------------- */

static dyad_event ev;
static dyad_arena arena;

static void code(const char *date, const char *text, const char *evcode, const char *src,
                 const char *tgt, const char *from_word, const char *to_word)
{
    int n = tt_tokenize(text);
    int s = from_word ? tt_find(n, from_word) : 0;
    int e = to_word ? tt_find(n, to_word) + 1 : n;
    assert_true(s >= 0 && e > s);
    memset(&ev, 0, sizeof ev);
    snprintf(ev.code, sizeof ev.code, "%s", evcode);
    ev.source = src;
    ev.target = tgt;
    dyad_article a = { .id = "t", .date = date, .text = text, .text_len = strlen(text) };
    dyad_arena_reset(&arena);
    dyad_extract_event(X, &arena, &a, &tt_text, 0, s, e, &ev);
}

static void event_dates(void **state)
{
    (void)state;
    code("2020-09-30", "On Monday, Azerbaijani forces shelled Stepanakert.", "190", "AZEMIL", "ARM",
         "azerbaijani", "stepanakert");
    assert_string_equal(ev.date, "2020-09-28");
    assert_string_equal(ev.date_from, "text");
    assert_string_equal(ev.date_precision, "day");
    code("2020-09-30", "Azerbaijani forces shelled Stepanakert earlier this week.", "190", "AZEMIL",
         "ARM", "azerbaijani", "stepanakert");
    assert_string_equal(ev.date, "2020-09-30");
    assert_string_equal(ev.date_from, "article");
    code("2020-09-30", "Armenia said on Monday that Azerbaijan shelled Stepanakert.", "190", "AZE",
         "ARM", "azerbaijan", "stepanakert");
    assert_string_equal(ev.date, "2020-09-28");    /* the only date in the sentence */
    code("2020-09-30", "Armenia said on Monday that Azerbaijan shelled Stepanakert on Sunday, and Turkey said on Tuesday it would help.", "190", "AZE",
         "ARM", "azerbaijan", "stepanakert");
    assert_string_equal(ev.date, "2020-09-27");    /* the clause's own date */
    code("2021-01-02", "Russia and Ukraine fought in March 2021 and on Dec. 31.", "190", "RUS", "UKR",
         "russia", "fought");
    assert_string_equal(ev.date_precision, "month");
    assert_string_equal(ev.date, "2021-03-01");
}

static void event_casualties(void **state)
{
    (void)state;
    code("2020-09-30", "Azerbaijan shelled Stepanakert, killing at least 12 people and wounding 40.",
         "195", "AZE", "ARM", "azerbaijan", "stepanakert");
    assert_int_equal(ev.fatalities, 12);
    assert_int_equal(ev.injured, 40);
    /* verbal events never carry casualty counts */
    code("2020-09-30", "Armenia accused Azerbaijan of an attack that killed 12 people.", "112",
         "ARM", "AZE", "armenia", "azerbaijan");
    assert_int_equal(ev.fatalities, -1);
    /* arrests are not deaths */
    code("2020-09-30", "Police arrested 40 protesters in Minsk.", "173", "BLRCOP", "BLR",
         "police", "protesters");
    assert_int_equal(ev.fatalities, -1);
    assert_string_equal(ev.location.name, "Minsk");
}

static void event_places(void **state)
{
    (void)state;
    code("2022-10-31", "Russian President Vladimir Putin met Armenian Prime Minister Nikol Pashinyan in Sochi.",
         "040", "RUSGOV", "ARMGOV", "russian", "pashinyan");
    assert_int_equal(ev.has_location, 1);
    assert_string_equal(ev.location.name, "Sochi");
    assert_string_equal(ev.location.country, "RUS");
    assert_string_equal(ev.location.kind, "city");
    assert_true(ev.location.lat > 43 && ev.location.lat < 44);
    /* a place in another clause gives only its country */
    code("2022-10-31", "Putin met Pashinyan, while protesters rallied in Yerevan.", "040", "RUSGOV",
         "ARMGOV", "putin", "pashinyan");
    assert_string_equal(ev.location.kind, "country");
    assert_string_equal(ev.location.country, "ARM");
    code("2022-10-31", "Turkish troops shelled positions near the Syrian border.", "190", "TURMIL",
         NULL, "turkish", "positions");
    assert_string_equal(ev.location.name, "Syrian border");
    assert_string_equal(ev.location.country, "SYR");
    code("2022-10-31", "Putin met Pashinyan.", "040", "RUSGOV", "ARMGOV", "putin", "pashinyan");
    assert_int_equal(ev.has_location, 0);
    /* talks between two countries: the actors do not choose the homonym */
    code("2022-10-31", "Japanese and American envoys met in Paris.", "040", "JPNGOV", "USAGOV",
         "japanese", "paris");
    assert_string_equal(ev.location.country, "FRA");
    /* a use of force: the target's ground */
    code("2022-10-31", "Israel attacked Lebanon in Tripoli.", "190", "ISR", "LBN", "israel",
         "tripoli");
    assert_string_equal(ev.location.country, "LBN");
}

int main(void)
{
    dyad_arena_init(&arena, 4096);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sizes),
        cmocka_unit_test(mentions),
        cmocka_unit_test(not_places),
        cmocka_unit_test(places_without_preposition),
        cmocka_unit_test(homonyms),
        cmocka_unit_test(event_dates),
        cmocka_unit_test(event_casualties),
        cmocka_unit_test(event_places),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    dyad_arena_free(&arena);
    return rc;
}
