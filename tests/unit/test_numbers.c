/* test_numbers.c — digit and word numbers (src/extract/numbers.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "extract/internal.h"
#include "extract_testtok.h"

/* Number at the start of s: value, or -2 when none; *used tokens. */
static long num(const char *s, int *used)
{
    int n = tt_tokenize(s);
    long v = -2;
    int u = dyad_number_at(tt_tok, 0, n, &v);
    if (used) *used = u;
    return u ? v : -2;
}

static void digits(void **state)
{
    (void)state;
    int u;
    assert_int_equal(num("12 people", &u), 12); assert_int_equal(u, 1);
    assert_int_equal(num("6,500 people", &u), 6500);
    assert_int_equal(num("1,234,567", &u), 1234567);
    assert_int_equal(num("1.2 million people", &u), 1200000); assert_int_equal(u, 2);
    assert_int_equal(num("2 billion", &u), 2000000000L);
    assert_int_equal(num("3 thousand", &u), 3000);
    assert_int_equal(num("0", &u), 0);
    assert_int_equal(num("1990s", &u), -2);          /* a decade, not a count */
    assert_int_equal(num("12-year-old", &u), -2);
}

static void words(void **state)
{
    (void)state;
    int u;
    assert_int_equal(num("seven soldiers", &u), 7); assert_int_equal(u, 1);
    assert_int_equal(num("twenty-one soldiers", &u), 21);
    assert_int_equal(num("twenty - one soldiers", &u), 21); assert_int_equal(u, 3);
    assert_int_equal(num("a dozen soldiers", &u), 12); assert_int_equal(u, 2);
    assert_int_equal(num("two dozen soldiers", &u), 24);
    assert_int_equal(num("three hundred soldiers", &u), 300); assert_int_equal(u, 2);
    assert_int_equal(num("two thousand soldiers", &u), 2000);
    assert_int_equal(num("one hundred and twenty soldiers", &u), 120); assert_int_equal(u, 4);
    assert_int_equal(num("a hundred soldiers", &u), 100);
    assert_int_equal(num("fifteen", &u), 15);
    assert_int_equal(num("ninety-nine", &u), 99);
    assert_int_equal(num("two million", &u), 2000000);
    assert_int_equal(num("three thousand five hundred", &u), 3500);
    /* "and" only joins number words */
    assert_int_equal(num("three and others", &u), 3); assert_int_equal(u, 1);
}

static void vague_and_not_numbers(void **state)
{
    (void)state;
    int u;
    assert_int_equal(num("dozens of people", &u), -1); assert_int_equal(u, 1);
    assert_int_equal(num("scores of people", &u), -1);
    assert_int_equal(num("hundreds of people", &u), -1);
    assert_int_equal(num("thousands of people", &u), -1);
    assert_int_equal(num("several people", &u), -1);
    assert_int_equal(num("many people", &u), -1);
    assert_int_equal(num("a few people", &u), -1); assert_int_equal(u, 2);
    assert_int_equal(num("a soldier", &u), -2);
    assert_int_equal(num("hundred", &u), -2);        /* a bare scale is not a number */
    assert_int_equal(num("people", &u), -2);
    assert_int_equal(num("twenty-something", &u), -2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(digits),
        cmocka_unit_test(words),
        cmocka_unit_test(vague_and_not_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
