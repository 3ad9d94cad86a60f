/* test_fatalities.c — killed and injured counts (src/extract/fatalities.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "extract/internal.h"
#include "extract_testtok.h"

static dyad_casualties cas(const char *s)
{
    int n = tt_tokenize(s);
    dyad_casualties c;
    dyad_find_casualties(tt_tok, 0, n, &c);
    return c;
}

#define K(s, k) assert_int_equal(cas(s).killed, k)
#define I(s, i) assert_int_equal(cas(s).injured, i)

static void killed_forms(void **state)
{
    (void)state;
    K("Shelling hit the town, killing at least 12 people.", 12);
    K("The earthquake left 286 people dead.", 286);
    K("About 6,500 people died on both sides.", 6500);
    K("Three soldiers were killed in the attack.", 3);
    K("The death toll rose to 40 on Tuesday.", 40);
    K("A US drone strike killed Soleimani and six others.", 7);
    K("The strike killed Soleimani, Muhandis and six others.", 8);
    K("At least 20 dead after the blast.", 20);
    K("The fighting has claimed 15 lives.", 15);
    K("Officials reported 20 fatalities.", 20);
    K("Twenty-one civilians were killed.", 21);
    K("A dozen people died.", 12);
    K("Gunmen killed 3 villagers.", 3);
    K("Two thousand people have lost their lives.", 2000);
    K("No one was killed in the attack.", 0);
    K("Three soldiers and two civilians were killed.", 5);
    /* a count after a reporting verb is its clause's subject */
    K("The governor said 31 people had been killed.", 31);
    K("Medics say nine civilians died.", 9);
    K("Nine people said they were hurt.", -1);
    K("Three soldiers, two police officers and a child were killed.", 6);
    K("A soldier was killed in the attack.", 1);
    K("A policeman died.", 1);
    K("A soldier and 3 civilians were killed.", 4);
    K("Twelve people killed in the attack.", 12);
}

static void injured_forms(void **state)
{
    (void)state;
    I("The blast killed five people and wounded 30.", 30);
    I("The blast killed five people, injuring 30 others.", 30);
    I("At least 12 people were injured.", 12);
    I("Four police officers were hurt.", 4);
    I("The attack left 3 dead and 27 wounded.", 27);
    K("The attack left 3 dead and 27 wounded.", 3);
    K("The blast wounded 30 people.", -1);
    I("Nobody was hurt.", 0);
}

static void not_fatalities(void **state)
{
    (void)state;
    K("Police arrested 40 people after the clashes.", -1);
    K("Gunmen abducted 12 students.", -1);
    K("About 90,000 people were displaced by the fighting.", -1);
    K("Five soldiers are missing.", -1);
    K("Police detained 15 protesters who had been killed", -1);   /* "15 ... detained" not a death count */
    K("Dozens were killed in the attack.", -1);              /* vague: no guess */
    K("Hundreds of people died.", -1);
    K("Several soldiers were killed.", -1);
    K("The Sept. 27 attack killed civilians.", -1);          /* a date, not a count */
    K("In 2019 killings rose.", -1);
    K("Troops advanced 12 km and killed fighters.", -1);
    K("The two sides met on Monday.", -1);
    K("Two rockets killed a soldier.", -1);                  /* active verb: its object died */
    K("A bomb killed civilians.", -1);
    K("A soldier and 3 civilians were arrested.", -1);
}

static void largest_wins(void **state)
{
    (void)state;
    K("Shelling killed 12 people on Monday, and the death toll rose to 40.", 40);
    K("Ten soldiers were killed, officials said, and 4 civilians died.", 10);
    K("Two rockets killed 12 people.", 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(killed_forms),
        cmocka_unit_test(injured_forms),
        cmocka_unit_test(not_fatalities),
        cmocka_unit_test(largest_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
