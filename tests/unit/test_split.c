/*
 * test_split.c — sentence splitting on newswire text we wrote ourselves.
 *
 * Table-driven: each case is an input text and the exact sentences expected
 * (the slice of the normalised text from the sentence's first kept token to
 * its last, so a stripped dateline or list bullet is not part of it).
 * On failure the whole actual split is printed.
 */
#include "text_fixture.h"

typedef struct split_case {
    const char *name;
    const char *in;
    const char *out[8];
} split_case;

static const split_case cases[] = {
    /* plain stops */
    { "two sentences", "The talks ended. Both sides left.",
      { "The talks ended.", "Both sides left." } },
    { "no final period", "No period at the end", { "No period at the end" } },
    { "question", "Is a ceasefire possible? Analysts doubt it.",
      { "Is a ceasefire possible?", "Analysts doubt it." } },
    { "interrobang", "What now?! Nobody knows.", { "What now?!", "Nobody knows." } },
    { "exclamation", "The shelling stopped! Residents came out.",
      { "The shelling stopped!", "Residents came out." } },
    /* abbreviations */
    { "U.S. at start", "U.S. troops arrived on Monday. They left on Tuesday.",
      { "U.S. troops arrived on Monday.", "They left on Tuesday." } },
    { "U.N. inside", "The U.N. Security Council met. It voted.",
      { "The U.N. Security Council met.", "It voted." } },
    { "Mr. Mrs.", "Mr. Smith met Mrs. Jones. They talked.",
      { "Mr. Smith met Mrs. Jones.", "They talked." } },
    { "Dr. Gen.", "Dr. Ali and Gen. Haftar spoke.", { "Dr. Ali and Gen. Haftar spoke." } },
    { "Lt. Col.", "Lt. Col. Ahmed said the attack was repelled.",
      { "Lt. Col. Ahmed said the attack was repelled." } },
    { "Sen. Rep. Gov.", "Sen. John McCain and Rep. Nancy Pelosi met Gov. Gavin Newsom.",
      { "Sen. John McCain and Rep. Nancy Pelosi met Gov. Gavin Newsom." } },
    { "Sept. date", "The deal was signed on Sept. 12 in Geneva.",
      { "The deal was signed on Sept. 12 in Geneva." } },
    { "Jan. 5", "Fighting resumed on Jan. 5, officials said.",
      { "Fighting resumed on Jan. 5, officials said." } },
    { "Inc. inside", "Acme Inc. said it would cut jobs.", { "Acme Inc. said it would cut jobs." } },
    { "Corp. at end", "He works for Acme Corp. The firm declined to comment.",
      { "He works for Acme Corp.", "The firm declined to comment." } },
    { "St. Petersburg", "Troops moved to St. Petersburg on Friday.",
      { "Troops moved to St. Petersburg on Friday." } },
    { "vs.", "It was Israel vs. Hamas again. Nobody was surprised.",
      { "It was Israel vs. Hamas again.", "Nobody was surprised." } },
    { "No. 3", "He lives at No. 3 Baker Street.", { "He lives at No. 3 Baker Street." } },
    { "no. as a word", "The answer was no. Then talks collapsed.",
      { "The answer was no.", "Then talks collapsed." } },
    { "a.m. at end", "He arrived at 10 a.m. The meeting began at noon.",
      { "He arrived at 10 a.m.", "The meeting began at noon." } },
    { "a.m. inside", "The meeting began at 10 a.m. on Monday.",
      { "The meeting began at 10 a.m. on Monday." } },
    { "D.C. inside", "Talks in Washington, D.C. ended without a deal.",
      { "Talks in Washington, D.C. ended without a deal." } },
    { "D.C. at end", "She moved to Washington, D.C. The move surprised many.",
      { "She moved to Washington, D.C.", "The move surprised many." } },
    { "U.S. at end of text", "The talks involved the U.S.", { "The talks involved the U.S." } },
    { "U.S. then The", "Sanctions were imposed by the U.S. The EU followed.",
      { "Sanctions were imposed by the U.S.", "The EU followed." } },
    { "Dec. 1 then stop", "They met on Dec. 1. The talks failed.",
      { "They met on Dec. 1.", "The talks failed." } },
    { "Gen. and Adm.", "Gen. Mark Milley met Adm. John Aquilino in Washington.",
      { "Gen. Mark Milley met Adm. John Aquilino in Washington." } },
    { "p. 4 in parentheses", "The report (see p. 4) was released. It blamed both sides.",
      { "The report (see p. 4) was released.", "It blamed both sides." } },
    { "U.S.-backed", "The U.S.-backed forces advanced. They took the town.",
      { "The U.S.-backed forces advanced.", "They took the town." } },
    /* numbers and initials */
    { "decimal", "The economy grew 3.5 percent last year. Exports fell.",
      { "The economy grew 3.5 percent last year.", "Exports fell." } },
    { "money", "Iran pledged $1.2 billion in aid. Iraq welcomed it.",
      { "Iran pledged $1.2 billion in aid.", "Iraq welcomed it." } },
    { "percent then stop", "Prices rose 2.5%. Inflation hit 10%.",
      { "Prices rose 2.5%.", "Inflation hit 10%." } },
    { "thousands", "Casualties rose to 6,500, the ministry said.",
      { "Casualties rose to 6,500, the ministry said." } },
    { "decade", "In the 1990s the war killed thousands. Many fled.",
      { "In the 1990s the war killed thousands.", "Many fled." } },
    { "score", "The vote was 9-6. China abstained.", { "The vote was 9-6.", "China abstained." } },
    { "leading decimal", "Police found a .22 rifle. Nobody was hurt.",
      { "Police found a .22 rifle.", "Nobody was hurt." } },
    { "missing space after stop", "The army attacked.The rebels withdrew.",
      { "The army attacked.", "The rebels withdrew." } },
    { "domain name", "The statement was posted on kremlin.ru on Monday.",
      { "The statement was posted on kremlin.ru on Monday." } },
    { "initial", "George W. Bush visited Baghdad.", { "George W. Bush visited Baghdad." } },
    { "dotted initials", "J.R.R. Tolkien was born in 1892.", { "J.R.R. Tolkien was born in 1892." } },
    { "year then stop", "The war began in 2020. It has not ended.",
      { "The war began in 2020.", "It has not ended." } },
    /* ellipses */
    { "ellipsis then capital", "He waited... Then the shelling began.",
      { "He waited...", "Then the shelling began." } },
    { "ellipsis then lower", "He waited... and then left.", { "He waited... and then left." } },
    { "unicode ellipsis", "Peace is near\xE2\x80\xA6 The envoy said so.",
      { "Peace is near\xE2\x80\xA6", "The envoy said so." } },
    { "ellipsis in quote", "\"We tried ... but failed,\" he said.",
      { "\"We tried ... but failed,\" he said." } },
    { "ellipsis omission in quote", "\"We will fight ... Ukraine will win,\" he said. Crowds cheered.",
      { "\"We will fight ... Ukraine will win,\" he said.", "Crowds cheered." } },
    { "ellipsis closing a quote", "\"We waited...\" Then the shelling began.",
      { "\"We waited...\"", "Then the shelling began." } },
    /* quotes */
    { "quote then quote", "\"We will fight,\" he said. \"We will win.\"",
      { "\"We will fight,\" he said.", "\"We will win.\"" } },
    { "quoted statement then capital", "\"The war is over.\" Officials disagreed.",
      { "\"The war is over.\"", "Officials disagreed." } },
    { "quoted question asked X", "\"Is this peace?\" asked the minister.",
      { "\"Is this peace?\" asked the minister." } },
    { "quoted question Name asked", "\"Is this peace?\" Putin asked. He got no answer.",
      { "\"Is this peace?\" Putin asked.", "He got no answer." } },
    { "quoted exclamation", "\"Never!\" shouted the crowd.", { "\"Never!\" shouted the crowd." } },
    { "stop inside quote mid-sentence", "\"The talks failed,\" he said. \"We leave.\" Then he left.",
      { "\"The talks failed,\" he said.", "\"We leave.\"", "Then he left." } },
    { "quoted phrase at end", "The minister said the talks had \"failed completely.\" The opposition agreed.",
      { "The minister said the talks had \"failed completely.\"", "The opposition agreed." } },
    { "single quotes", "He called it 'a disaster.' Officials agreed.",
      { "He called it 'a disaster.'", "Officials agreed." } },
    { "curly quotes", "\xE2\x80\x9CWe will respond,\xE2\x80\x9D the ministry said. \xE2\x80\x9CThe attack was a provocation.\xE2\x80\x9D",
      { "\xE2\x80\x9CWe will respond,\xE2\x80\x9D the ministry said.",
        "\xE2\x80\x9CThe attack was a provocation.\xE2\x80\x9D" } },
    { "curly question asked", "\xE2\x80\x9CWhere are the hostages?\xE2\x80\x9D asked a relative.",
      { "\xE2\x80\x9CWhere are the hostages?\xE2\x80\x9D asked a relative." } },
    { "he asked after question", "\"Why now?\" he asked. \"Because.\"",
      { "\"Why now?\" he asked.", "\"Because.\"" } },
    /* parentheses and captions */
    { "parenthetical", "Rebels seized the town (the third this month). Troops withdrew.",
      { "Rebels seized the town (the third this month).", "Troops withdrew." } },
    { "parenthesised sentence", "(The ministry denied the report.) Fighting continued.",
      { "(The ministry denied the report.)", "Fighting continued." } },
    { "agency caption", "Smoke rose over Kyiv on Monday. (Reuters)\nThe army said it shot down drones.",
      { "Smoke rose over Kyiv on Monday. (Reuters)", "The army said it shot down drones." } },
    /* datelines */
    { "dateline AP", "MOSCOW, Oct 31 (AP) - Russia launched missiles at Kyiv.",
      { "Russia launched missiles at Kyiv." } },
    { "dateline Reuters em dash", "BAKU, Azerbaijan (Reuters) \xE2\x80\x94 Azerbaijan accused Armenia of shelling.",
      { "Azerbaijan accused Armenia of shelling." } },
    { "dateline bare", "KYIV \xE2\x80\x94 Ukraine said it repelled an attack.",
      { "Ukraine said it repelled an attack." } },
    { "dateline two sentences", "WASHINGTON (Reuters) - The United States imposed sanctions. Russia condemned them.",
      { "The United States imposed sanctions.", "Russia condemned them." } },
    { "dateline double hyphen", "UNITED NATIONS, Nov 2 (Reuters) -- The council voted.",
      { "The council voted." } },
    { "dateline full date", "GENEVA, Switzerland, March 3, 2022 (AFP) - Talks resumed.",
      { "Talks resumed." } },
    { "dateline two places", "BAKU/YEREVAN, Sept 13 (Reuters) - Both sides traded fire.",
      { "Both sides traded fire." } },
    { "dateline day month", "LONDON, 31 October (Reuters) - Britain summoned the envoy.",
      { "Britain summoned the envoy." } },
    { "dateline colon", "ISLAMABAD: Pakistan closed the border.", { "Pakistan closed the border." } },
    { "colon after a name is not a dateline", "Russia: a timeline of the war.",
      { "Russia: a timeline of the war." } },
    { "dateline unlisted agency", "SOCHI, Russia, Oct 31 (Example Wire) - The leaders met.",
      { "The leaders met." } },
    { "dateline after headline", "Ceasefire holds\n\nKHARTOUM, Sudan (Reuters) - The truce held overnight.",
      { "Ceasefire holds", "The truce held overnight." } },
    { "no dateline mid-sentence", "He flew to Kyiv \xE2\x80\x94 the capital \xE2\x80\x94 on Monday.",
      { "He flew to Kyiv \xE2\x80\x94 the capital \xE2\x80\x94 on Monday." } },
    { "capitalised start is not a dateline", "Russia - not Ukraine - fired first.",
      { "Russia - not Ukraine - fired first." } },
    /* lines, headlines, paragraphs, lists */
    { "blank line", "Fighting continued\n\nThe UN called for calm.",
      { "Fighting continued", "The UN called for calm." } },
    { "blank line after abbreviation", "Officials said Mr.\n\nSmith resigned.",
      { "Officials said Mr.", "Smith resigned." } },
    { "headline blank line", "Russia strikes Kyiv again\n\nRussian missiles hit the capital on Monday.",
      { "Russia strikes Kyiv again", "Russian missiles hit the capital on Monday." } },
    { "title-case headline", "Azerbaijan And Armenia Sign Peace Deal\nThe two countries signed a deal in Washington on Friday, officials said.",
      { "Azerbaijan And Armenia Sign Peace Deal",
        "The two countries signed a deal in Washington on Friday, officials said." } },
    { "short headline", "Ceasefire collapses in Sudan\nFighting broke out again in Khartoum on Saturday after a brief truce between the army and the paramilitary forces, witnesses said.",
      { "Ceasefire collapses in Sudan",
        "Fighting broke out again in Khartoum on Saturday after a brief truce between the army and the paramilitary forces, witnesses said." } },
    { "subheading between paragraphs", "The talks ended on Friday.\nSanctions widened\nThe European Union added 30 officials to its sanctions list on Monday, diplomats in Brussels said after the meeting.",
      { "The talks ended on Friday.", "Sanctions widened",
        "The European Union added 30 officials to its sanctions list on Monday, diplomats in Brussels said after the meeting." } },
    { "wrapped lower", "The minister said on Tuesday that the government would send\nmore troops to the border region if the attacks continued.",
      { "The minister said on Tuesday that the government would send\nmore troops to the border region if the attacks continued." } },
    { "wrapped capital", "Officials said the delegation would travel to meet\nArmenian officials in Yerevan next week to discuss it.",
      { "Officials said the delegation would travel to meet\nArmenian officials in Yerevan next week to discuss it." } },
    { "wrapped paragraph start", "Azerbaijan said on Tuesday that its forces had repelled\nArmenian units that tried to cross the line near Lachin, officials said.",
      { "Azerbaijan said on Tuesday that its forces had repelled\nArmenian units that tried to cross the line near Lachin, officials said." } },
    { "title abbreviation at line end", "Talks with Maj.\nGen. Smith\nand others went on.",
      { "Talks with Maj.\nGen. Smith\nand others went on." } },
    { "wrapped line full of names", "Armenian Prime Minister Nikol Pashinyan met\nAzerbaijani President Ilham Aliyev in Sochi on Monday, officials said.",
      { "Armenian Prime Minister Nikol Pashinyan met\nAzerbaijani President Ilham Aliyev in Sochi on Monday, officials said." } },
    { "separator line", "Fighting raged around Bakhmut\n___\nAssociated Press writers contributed.",
      { "Fighting raged around Bakhmut", "Associated Press writers contributed." } },
    { "incl.", "He will send air-defense systems, incl. NASAMS, to Kyiv.",
      { "He will send air-defense systems, incl. NASAMS, to Kyiv." } },
    { "bullets", "Key points:\n\xE2\x80\xA2 Russia fired 20 missiles.\n\xE2\x80\xA2 Ukraine shot down 15.",
      { "Key points:", "Russia fired 20 missiles.", "Ukraine shot down 15." } },
    { "dash list", "Demands:\n- a ceasefire\n- prisoner exchanges",
      { "Demands:", "a ceasefire", "prisoner exchanges" } },
    { "numbered list", "The plan has two steps:\n1. Withdraw troops.\n2. Hold elections.",
      { "The plan has two steps:", "Withdraw troops.", "Hold elections." } },
    /* words */
    { "hyphenated place", "He visited Nagorno-Karabakh. Then he flew home.",
      { "He visited Nagorno-Karabakh.", "Then he flew home." } },
    { "possessive plural", "The soldiers' families protested. Police responded.",
      { "The soldiers' families protested.", "Police responded." } },
    { "al-Shabaab", "Armed men killed 12 people in Mogadishu, al-Shabaab said. The group claimed it.",
      { "Armed men killed 12 people in Mogadishu, al-Shabaab said.", "The group claimed it." } },
    { "Nov. 3 at end", "Russia's Foreign Ministry said Lavrov would meet Turkey's FM. Talks are set for Nov. 3.",
      { "Russia's Foreign Ministry said Lavrov would meet Turkey's FM.", "Talks are set for Nov. 3." } },
    { "12th brigade", "He said: \"The 12th brigade attacked.\" Then he left.",
      { "He said: \"The 12th brigade attacked.\"", "Then he left." } },
    { "uncased script", "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85. \xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7.",
      { "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85.", "\xD8\xB4\xD9\x83\xD8\xB1\xD8\xA7." } },
    { "lower-case accented word continues", "The deal was signed in 2020. \xC3\xA9lite units left.",
      { "The deal was signed in 2020. \xC3\xA9lite units left." } },
    { "only punctuation", "***", { NULL } },
    { "empty", "", { NULL } },
    { "whitespace", "   \n\n \t ", { NULL } },
};

static void test_cases(void **state)
{
    fixture *fx = *state;
    int failed = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const split_case *k = &cases[c];
        dyad_text t = fx_analyze(fx, k->in);
        int want = 0;
        while (want < 8 && k->out[want]) want++;
        int ok = t.nsent == want;
        for (int i = 0; ok && i < want; i++) ok = !strcmp(fx_sent(&t, i), k->out[i]);
        if (!ok) {
            failed++;
            fprintf(stderr, "FAIL %s\n  input: %s\n  got %d:\n", k->name, k->in, t.nsent);
            for (int i = 0; i < t.nsent; i++) fprintf(stderr, "    [%s]\n", fx_sent(&t, i));
            fprintf(stderr, "  want %d:\n", want);
            for (int i = 0; i < want; i++) fprintf(stderr, "    [%s]\n", k->out[i]);
        }
    }
    fprintf(stderr, "%d of %zu split cases failed\n", failed, sizeof cases / sizeof cases[0]);
    assert_int_equal(failed, 0);
}

static void test_count(void **state)
{
    (void)state;
    assert_true(sizeof cases / sizeof cases[0] >= 60);
}

/* Sentence indices are 0-based and consecutive; tokens stay inside their sentence. */
static void test_invariants(void **state)
{
    fixture *fx = *state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        dyad_text t = fx_analyze(fx, cases[c].in);
        uint32_t prev_end = 0;
        for (int i = 0; i < t.nsent; i++) {
            const dyad_sentence *s = &t.sent[i];
            assert_int_equal(s->index, i);
            assert_true(s->ntok > 0);
            assert_true(s->start >= prev_end);
            assert_true(s->start < s->end && s->end <= t.len);
            assert_int_equal(s->tok[0].start, s->start);
            assert_int_equal(s->tok[s->ntok - 1].end, s->end);
            for (int j = 0; j < s->ntok; j++)
                assert_memory_equal(t.norm + s->tok[j].start, s->tok[j].text,
                                    s->tok[j].end - s->tok[j].start);
            prev_end = s->end;
        }
    }
}

/* A run-on "sentence" is cut at the documented limit (doc/limits.md). */
static void test_length_limit(void **state)
{
    fixture *fx = *state;
    size_t n = 1000;
    char *s = malloc(n * 5 + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) memcpy(s + i * 5, "war, ", 5);
    s[n * 5] = '\0';
    dyad_text t = fx_analyze(fx, s);
    assert_int_equal(t.nsent, 5);                 /* 2000 tokens / 400 */
    for (int i = 0; i < t.nsent; i++) assert_true(t.sent[i].ntok <= 400);
    free(s);
}

/* The dateline is stripped only once, and only near the start. */
static void test_dateline_once(void **state)
{
    fixture *fx = *state;
    dyad_text t = fx_analyze(fx, "MOSCOW (AP) - Talks began.\n\nKYIV \xE2\x80\x94 Officials met.");
    assert_int_equal(t.nsent, 2);
    assert_string_equal(fx_sent(&t, 0), "Talks began.");
    assert_string_equal(fx_sent(&t, 1), "KYIV \xE2\x80\x94 Officials met.");
    assert_string_equal(t.sent[0].tok[0].text, "Talks");
    assert_true(t.sent[0].tok[0].flags & DYAD_TOK_SENT_START);
    assert_int_equal(t.sent[0].tok[0].start, 14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_invariants),
        cmocka_unit_test(test_length_limit),
        cmocka_unit_test(test_dateline_once),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
