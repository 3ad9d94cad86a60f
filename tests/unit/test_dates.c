/* test_dates.c — calendar arithmetic and date expressions (src/extract/dates.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>
#include "extract/internal.h"
#include "extract_testtok.h"

/* First date in the sentence as "YYYY-MM-DD/prec", "vague" or "none". */
static const char *first_date(const char *sentence, const char *article)
{
    static char out[32];
    dyad_ymd art;
    assert_int_equal(dyad_ymd_parse(article, &art), 0);
    int n = tt_tokenize(sentence);
    dyad_date_hit h[8];
    int nh = dyad_find_dates(tt_tok, 0, n, art, dyad_clause_is_future(tt_tok, 0, n), h, 8);
    if (nh == 0) return "none";
    if (h[0].prec == DYAD_PREC_NONE) return "vague";
    const char *p = h[0].prec == DYAD_PREC_DAY ? "day" : h[0].prec == DYAD_PREC_MONTH ? "month" : "year";
    snprintf(out, sizeof out, "%04d-%02d-%02d/%s", h[0].date.y, h[0].date.m, h[0].date.d, p);
    return out;
}

#define D(sentence, article, expect) assert_string_equal(first_date(sentence, article), expect)

static void calendar(void **state)
{
    (void)state;
    dyad_ymd a;
    assert_int_equal(dyad_ymd_parse("2020-02-29", &a), 0);
    assert_int_equal(dyad_ymd_parse("2021-02-29", &a), -1);
    assert_int_equal(dyad_ymd_parse("2021-13-01", &a), -1);
    assert_int_equal(dyad_ymd_parse("2021-1-01", &a), -1);
    assert_int_equal(dyad_ymd_parse("1900-02-29", &a), -1);
    assert_int_equal(dyad_ymd_parse("2000-02-29", &a), 0);
    dyad_ymd z = { 1970, 1, 1 };
    assert_int_equal(dyad_ymd_to_days(z), 0);
    dyad_ymd b = { 2020, 9, 27 };
    assert_int_equal(dyad_ymd_weekday(b), 6);               /* a Sunday */
    dyad_ymd c = dyad_ymd_add_days((dyad_ymd){ 2020, 12, 31 }, 1);
    assert_int_equal(c.y, 2021); assert_int_equal(c.m, 1); assert_int_equal(c.d, 1);
    c = dyad_ymd_add_days((dyad_ymd){ 2020, 3, 1 }, -1);
    assert_int_equal(c.m, 2); assert_int_equal(c.d, 29);
    for (long d = -1000; d < 30000; d += 37) {
        dyad_ymd r = dyad_days_to_ymd(d);
        assert_int_equal(dyad_ymd_to_days(r), d);
    }
}

static void absolute_forms(void **state)
{
    (void)state;
    D("On September 27, 2020, Azerbaijan attacked.", "2020-10-01", "2020-09-27/day");
    D("Fighting began 27 Sept. 2020 in the region.", "2020-10-01", "2020-09-27/day");
    D("The report is dated 2020-09-27 and was published later.", "2020-10-01", "2020-09-27/day");
    D("Fighting resumed on Sept. 27th near the line.", "2020-10-01", "2020-09-27/day");
    D("Fighting resumed on Sept 27 near the line.", "2020-10-01", "2020-09-27/day");
    D("Fighting resumed on the 27th of September.", "2020-10-01", "2020-09-27/day");
    D("Troops entered the city in March 2021.", "2021-06-01", "2021-03-01/month");
    D("Troops entered the city in 2019.", "2021-06-01", "2019-01-01/year");
    D("Troops entered the city in March.", "2021-06-01", "2021-03-01/month");
    D("Troops entered the city in mid-March.", "2021-06-01", "2021-03-01/month");
}

static void year_inference(void **state)
{
    (void)state;
    /* no year: the article's, or the year before when that would be in the future */
    D("Clashes broke out on Sept. 27.", "2020-10-01", "2020-09-27/day");
    D("Clashes broke out on Dec. 31.", "2021-01-02", "2020-12-31/day");
    D("Clashes broke out in November.", "2021-01-02", "2020-11-01/month");
    D("The talks will resume on Jan. 5.", "2020-12-20", "2021-01-05/day");
    D("Clashes broke out on Sept. 28.", "2020-09-27", "2020-09-28/day");   /* same month: same year */
    D("Clashes broke out on Oct. 2.", "2020-09-27", "2019-10-02/day");
    D("Clashes broke out last September.", "2020-11-15", "2020-09-01/month");
    D("Clashes broke out last November.", "2020-11-15", "2019-11-01/month");
}

static void leap_and_invalid(void **state)
{
    (void)state;
    D("The vote was held on Feb. 29, 2020.", "2020-03-05", "2020-02-29/day");
    D("The vote was held on Feb. 29.", "2020-03-05", "2020-02-29/day");
    D("The vote was held on Feb. 29.", "2021-03-05", "none");     /* 2021 is not leap */
    D("The vote was held on February 30, 2020.", "2020-03-05", "none");
    D("The vote was held on April 31.", "2020-05-05", "none");
}

static void weekdays(void **state)
{
    (void)state;
    /* 2020-09-30 is a Wednesday */
    D("Armenia said on Monday that shelling continued.", "2020-09-30", "2020-09-28/day");
    D("Armenia said on Wednesday that shelling continued.", "2020-09-30", "2020-09-30/day");
    D("Armenia said on Thursday that shelling continued.", "2020-09-30", "2020-09-24/day");
    D("Shelling continued last Friday.", "2020-09-30", "2020-09-25/day");
    D("Shelling continued last Wednesday.", "2020-09-30", "2020-09-23/day");
    D("Putin will visit Ankara on Friday.", "2020-09-30", "2020-10-02/day");
    D("Putin will visit Ankara on Wednesday.", "2020-09-30", "2020-09-30/day");
    D("Putin visits Ankara next Monday.", "2020-09-30", "2020-10-05/day");
    D("The ministry said Tuesday that talks had failed.", "2020-09-30", "2020-09-29/day");
}

static void deictic_and_offsets(void **state)
{
    (void)state;
    D("Rebels attacked the base yesterday.", "2021-03-01", "2021-02-28/day");
    D("Rebels attacked the base today.", "2021-03-01", "2021-03-01/day");
    D("Rebels attacked the base last night.", "2021-01-01", "2020-12-31/day");
    D("Rebels attacked the base two days ago.", "2021-03-01", "2021-02-27/day");
    D("Rebels attacked the base a week ago.", "2021-03-01", "2021-02-22/day");
    D("Rebels attacked the base three months ago.", "2021-03-01", "2020-12-01/month");
    D("Rebels attacked the base last month.", "2021-01-15", "2020-12-01/month");
    D("Rebels attacked the base last year.", "2021-01-15", "2020-01-01/year");
    D("A ceasefire came a month after September 27, 2020.", "2020-12-01", "2020-10-27/day");
    D("Rebels attacked the base this morning.", "2021-03-01", "2021-03-01/day");
}

static void vague(void **state)
{
    (void)state;
    D("Rebels attacked the base earlier this week.", "2021-03-03", "vague");
    D("Rebels attacked the base this week.", "2021-03-03", "vague");
    D("Attacks have grown in recent months.", "2021-03-03", "vague");
    D("A ceasefire came a month after the vote.", "2021-03-03", "vague");
    D("Rebels attacked the base recently.", "2021-03-03", "vague");
    D("Rebels had attacked the base a day earlier.", "2021-03-03", "vague");
    D("Rebels attacked the base.", "2021-03-03", "none");
    /* words that look like dates but are not */
    D("Officials may march to the capital.", "2021-03-03", "none");
    D("He said 27 people were hurt.", "2021-03-03", "none");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar),
        cmocka_unit_test(absolute_forms),
        cmocka_unit_test(year_inference),
        cmocka_unit_test(leap_and_invalid),
        cmocka_unit_test(weekdays),
        cmocka_unit_test(deictic_and_offsets),
        cmocka_unit_test(vague),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
