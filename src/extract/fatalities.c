/*
 * fatalities.c — how many were killed or injured, as the sentence states it.
 *
 * Four patterns over tokens, each reading one stated count:
 *   count first   NUM (≤5 words) PREDICATE
 *                 "three soldiers were killed", "6,500 people died",
 *                 "three soldiers and two civilians were killed" (5),
 *                 "a soldier was killed" (1; "a" needs "was" or "died"),
 *                 "left 286 people dead", "at least 20 dead", "20 fatalities",
 *                 "claimed 15 lives", "30 people were wounded"
 *   verb first    KILL/WOUND [qualifier] NUM
 *                 "killing at least 12 people", "wounding 30",
 *                 "killed Soleimani and six others" (6 + the 1 named = 7)
 *   toll          "the death toll rose to 40", "a toll of 40"
 *   none          "no one was killed", "nobody was hurt" (0)
 * A predicate decides the kind: killed/dead/died/perished/deaths/
 * fatalities/"lost their lives" → killed; injured/wounded/hurt/injuries →
 * injured. The words between a count and its predicate may not include
 * another predicate (arrested, missing, displaced, abducted, ...), a number
 * or a clause boundary, so arrests and displacements are never read as
 * deaths. Vague counts ("dozens were killed") state nothing: null, not a
 * guess. Several counts in one span: the largest wins, because later counts
 * in news prose restate a rising toll rather than add to it.
 */
#include <stdlib.h>
#include <string.h>
#include "extract/internal.h"

enum { K_NONE = 0, K_DEAD, K_INJ, K_OTHER };

static const char *T(const dyad_token *t, int i) { return t[i].lower ? t[i].lower : ""; }
static int is(const dyad_token *t, int i, int n, const char *w) { return i < n && !strcmp(T(t, i), w); }

static int in_list(const char *w, const char *const *list)
{
    for (int i = 0; list[i]; i++) if (!strcmp(w, list[i])) return 1;
    return 0;
}

static const char *const DEAD_W[] = { "killed", "dead", "died", "perished", "slain", "deaths",
    "fatalities", "dying", "die", "murdered", "executed", "massacred", NULL };
static const char *const INJ_W[] = { "injured", "wounded", "hurt", "injuries", "maimed", NULL };
/* Other predicates about people: a count before them is not a casualty count. */
static const char *const OTHER_W[] = { "arrested", "detained", "missing", "displaced",
    "abducted", "kidnapped", "captured", "held", "taken", "rescued", "evacuated", "fled",
    "freed", "released", "jailed", "sentenced", "charged", "deported", "expelled", "homeless",
    "evacuate", "arrest", "detain", "hostage", "hostages", "prisoners", "said", "say", "says",
    NULL };
static const char *const QUAL_W[] = { "at", "least", "more", "than", "over", "about", "nearly",
    "almost", "some", "around", "up", "to", "as", "many", "an", "estimated", "roughly",
    "approximately", "another", "further", "additional", "least", "fewer", "only", NULL };
/* Units after a number that make it a measure, not a head count. */
static const char *const MEASURE_W[] = { "%", "percent", "per", "km", "kilometers", "kilometres",
    "miles", "meters", "metres", "years", "year", "months", "days", "hours", "minutes", "a.m.",
    "p.m.", "dollars", "euros", "tons", "tonnes", "times", "year-old", "years-old", NULL };

/* Predicate at token j: its kind and length in tokens (in *len). */
static int predicate_at(const dyad_token *t, int j, int n, int *len)
{
    const char *w = T(t, j);
    *len = 1;
    if (in_list(w, DEAD_W)) return K_DEAD;
    if (in_list(w, INJ_W)) return K_INJ;
    if (!strcmp(w, "lost") && j + 2 < n &&
        (is(t, j + 1, n, "their") || is(t, j + 1, n, "his") || is(t, j + 1, n, "her")) &&
        (is(t, j + 2, n, "lives") || is(t, j + 2, n, "life"))) {
        *len = 3;
        return K_DEAD;
    }
    if (in_list(w, OTHER_W)) return K_OTHER;
    return K_NONE;
}

static int is_month(const char *w)
{
    static const char *const m[] = { "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "jan.", "feb.",
        "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        NULL };
    return in_list(w, m);
}

static void note(dyad_casualties *c, int kind, long v)
{
    if (v < 0) return;
    if (kind == K_DEAD && v > c->killed) c->killed = v;
    if (kind == K_INJ && v > c->injured) c->injured = v;
}

/* A count that can be read at i: not a date, a year or a measure. */
static int count_at(const dyad_token *t, int i, int n, int i0, long *v)
{
    int used = dyad_number_at(t, i, n, v);
    if (!used) return 0;
    if (i > i0 && (is_month(T(t, i - 1)) || !strcmp(T(t, i - 1), "-") ||
                   !strcmp(T(t, i - 1), "$"))) return 0;
    if (i + used < n && in_list(T(t, i + used), MEASURE_W)) return 0;
    if (used == 1 && (t[i].flags & DYAD_TOK_NUM) && *v >= 1900 && *v <= 2100 &&
        !strchr(T(t, i), ','))
        return 0;                                                   /* a year */
    return used;
}

/* A participle that can also be an active verb ("rockets killed 12") reads as
 * a casualty predicate only in the passive ("were killed") or with nothing
 * after it that could be its object ("12 killed in the attack"). */
static int predicate_fits(const dyad_token *t, int from, int j, int len, int n)
{
    static const char *const TRANSITIVE[] = { "killed", "wounded", "injured", "hurt", "murdered",
        "executed", "massacred", "slain", "maimed", NULL };
    static const char *const AUX[] = { "was", "were", "been", "are", "is", "be", "being", "got",
        "get", "gets", NULL };
    static const char *const AFTER[] = { "in", "on", "at", "during", "by", "after", "when",
        "while", "near", "as", "and", "or", "since", "across", "over", "last", "this",
        "yesterday", "today", "overnight", "so", "of", "including", "from", "outside", "inside",
        "when", "amid", NULL };
    if (!in_list(T(t, j), TRANSITIVE)) return 1;
    for (int k = from; k < j; k++) if (in_list(T(t, k), AUX)) return 1;
    int a = j + len;
    return a >= n || ((t[a].flags & DYAD_TOK_PUNCT) && strcmp(T(t, a), "-")) ||
           in_list(T(t, a), AFTER);
}

/* count first: NUM words PREDICATE, possibly coordinated ("three soldiers
 * and two civilians were killed" = 5). Returns the end of the phrase (0 if
 * no predicate was reached); kind and value in *kind, *v. */
static int count_phrase(const dyad_token *t, int i, int n, int i0, int depth, int *kind, long *v)
{
    long val;
    int used = count_at(t, i, n, i0, &val), single = 0;
    if (!used && (is(t, i, n, "a") || is(t, i, n, "an"))) { val = 1; used = 1; single = 1; }
    if (!used) return 0;
    /* the object of another verb: "arrested 15 protesters" */
    int b = i - 1;
    while (b > i0 && in_list(T(t, b), QUAL_W)) b--;
    int blen;
    /* ("said 40 people were killed": a reporting verb starts a clause, so
     * its count is the clause's subject, not the verb's object) */
    if (b >= i0 && depth == 0 && predicate_at(t, b, n, &blen) == K_OTHER &&
        strcmp(T(t, b), "said") && strcmp(T(t, b), "say") && strcmp(T(t, b), "says"))
        return 0;
    /* "claimed 15 lives", "cost 15 lives" */
    if (!single && is(t, i + used, n, "lives") && i > i0) {
        const char *vb = T(t, b);
        if (!strncmp(vb, "claim", 5) || !strncmp(vb, "cost", 4) || !strcmp(vb, "took") ||
            !strcmp(vb, "taking") || !strcmp(vb, "take")) {
            *kind = K_DEAD;
            *v = val;
            return i + used + 1;
        }
    }
    /* a range states its lower bound: "between 20 and 30", "20 to 30",
     * "20 or 30" (a toll is never guessed upwards) */
    int from = i + used;
    if (!single && from + 1 < n && (is(t, from, n, "to") || is(t, from, n, "or") ||
                                    is(t, from, n, "-") ||
                                    (is(t, from, n, "and") && b >= i0 && is(t, b, n, "between")))) {
        long hi;
        int u2 = dyad_number_at(t, from + 1, n, &hi);
        if (u2 && hi >= val) from += 1 + u2;
    }
    for (int j = from, k = 0; j < n && k < 6; j++, k++) {
        int len, kd = predicate_at(t, j, n, &len);
        if (kd == K_DEAD || kd == K_INJ) {
            if (!predicate_fits(t, i + used, j, len, n)) return 0;
            /* "a soldier was killed": singular only with "was" or "died" */
            if (single && depth == 0 && !(j > 0 && is(t, j - 1, n, "was")) &&
                strcmp(T(t, j), "died"))
                return 0;
            *kind = kd;
            *v = val;
            return j + len;
        }
        if (kd == K_OTHER) return 0;
        const char *w = T(t, j);
        /* "Twelve people, including five children, were killed": the
         * parenthetical part is inside the count */
        if (!strcmp(w, ",") && (is(t, j + 1, n, "including") || is(t, j + 1, n, "among"))) {
            int q = j + 2;
            while (q < n && q < j + 10 && !is(t, q, n, ",")) q++;
            if (q < n && is(t, q, n, ",")) { j = q; k--; continue; }
        }
        if ((!strcmp(w, "and") || !strcmp(w, ",")) && depth < 3) {
            long v2;
            int k2, e = count_phrase(t, j + 1, n, i0, depth + 1, &k2, &v2);
            if (!e) return 0;
            *kind = k2;
            *v = val < 0 || v2 < 0 ? -1 : val + v2;
            return e;
        }
        if (((t[j].flags & DYAD_TOK_PUNCT) && strcmp(w, "-")) || (t[j].flags & DYAD_TOK_NUM) ||
            !strcmp(w, "and") || !strcmp(w, "or") || !strcmp(w, "but") || !strcmp(w, "while") ||
            !strcmp(w, "after") || !strcmp(w, "when") || !strcmp(w, "since"))
            return 0;
    }
    return 0;
}

static int count_first(const dyad_token *t, int i, int n, int i0, dyad_casualties *c)
{
    int kind;
    long v;
    int e = count_phrase(t, i, n, i0, 0, &kind, &v);
    if (e) { note(c, kind, v); return e - i; }
    long dummy;
    int used = count_at(t, i, n, i0, &dummy);
    return used ? used : 1;
}

/* verb first: kill/wound [qualifier] NUM, or names "and N others". */
static int verb_first(const dyad_token *t, int i, int n, dyad_casualties *c)
{
    const char *w = T(t, i);
    int kind;
    if (!strcmp(w, "killing") || !strcmp(w, "killed") || !strcmp(w, "kill") ||
        !strcmp(w, "kills") || !strcmp(w, "slaying"))
        kind = K_DEAD;
    else if (!strcmp(w, "wounding") || !strcmp(w, "injuring") || !strcmp(w, "wounded") ||
             !strcmp(w, "injured") || !strcmp(w, "injure") || !strcmp(w, "wound"))
        kind = K_INJ;
    else
        return 0;
    int j = i + 1;
    while (j < n && in_list(T(t, j), QUAL_W)) j++;
    long v;
    int used = count_at(t, j, n, i + 1, &v);
    if (used) {
        /* "killed 12 people" — but not "killed 3 ... arrested" readings:
         * a count right after the verb is its object. */
        note(c, kind, v);
        return j + used - i;
    }
    /* Named victims, then "and N others": "killed Soleimani and six others". */
    int named = 0, in_name = 0;
    for (j = i + 1; j < n && j < i + 12; j++) {
        if (t[j].flags & DYAD_TOK_CAP) { if (!in_name) named++; in_name = 1; continue; }
        in_name = 0;
        if (is(t, j, n, ",") || (t[j].flags & DYAD_TOK_POSS) || is(t, j, n, "the")) continue;
        if (is(t, j, n, "and") && named) {
            int u = dyad_number_at(t, j + 1, n, &v);
            if (u && v > 0 && (is(t, j + 1 + u, n, "others") || is(t, j + 1 + u, n, "other") ||
                               is(t, j + 1 + u, n, "more"))) {
                note(c, kind, v + named);
                return j + 2 + u - i;
            }
        }
        break;
    }
    return 0;
}

/* "death toll rose to 40", "toll of 40", "toll stood at 40". */
static int toll(const dyad_token *t, int i, int n, dyad_casualties *c)
{
    if (!is(t, i, n, "toll")) return 0;
    int kind = i > 0 && (is(t, i - 1, n, "injury") || is(t, i - 1, n, "casualty")) ? K_INJ : K_DEAD;
    for (int j = i + 1; j < n && j < i + 8; j++) {
        long v;
        int used = dyad_number_at(t, j, n, &v);
        if (used && v >= 0) { note(c, kind, v); return j + used - i; }
        if (t[j].flags & DYAD_TOK_PUNCT) break;
    }
    return 1;
}

/* "no one was killed", "nobody was hurt", "no deaths". */
static int none(const dyad_token *t, int i, int n, dyad_casualties *c)
{
    int j;
    if (is(t, i, n, "nobody") || is(t, i, n, "none")) j = i + 1;
    else if (is(t, i, n, "no") && (is(t, i + 1, n, "one") || is(t, i + 1, n, "deaths") ||
                                  is(t, i + 1, n, "fatalities") || is(t, i + 1, n, "injuries")))
        j = i + 1;
    else return 0;
    for (int k = 0; j < n && k < 4; j++, k++) {
        int len, kind = predicate_at(t, j, n, &len);
        if (kind == K_DEAD || kind == K_INJ) {
            if (kind == K_DEAD && c->killed < 0) c->killed = 0;
            if (kind == K_INJ && c->injured < 0) c->injured = 0;
            return j + len - i;
        }
        if (kind == K_OTHER || (t[j].flags & DYAD_TOK_PUNCT)) break;
    }
    return 1;
}

/* Words that can start a pattern (sorted for bsearch). */
static const char *const TRIGGERS[] = {
    "a", "an", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five", "forty",
    "four", "fourteen", "injure", "injured", "injuring", "kill", "killed", "killing", "kills",
    "nine", "nineteen", "ninety", "no", "nobody", "none", "one", "seven", "seventeen",
    "seventy", "six", "sixteen", "sixty", "slaying", "ten", "thirteen", "thirty", "three",
    "toll", "twelve", "twenty", "two", "wound", "wounded", "wounding", "zero",
};

static int cmp_word(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }

/* Can a pattern start at this token? Digits, or one of TRIGGERS (sorted,
 * binary search): most tokens are rejected with a few comparisons. */
static int trigger(const dyad_token *t, int i)
{
    const char *w = T(t, i);
    if ((t[i].flags & DYAD_TOK_NUM) || (w[0] >= '0' && w[0] <= '9')) return 1;
    const char *dash = strchr(w, '-');
    char head[16];
    if (dash && dash > w && (size_t)(dash - w) < sizeof head) {     /* "twenty-one" */
        memcpy(head, w, (size_t)(dash - w));
        head[dash - w] = '\0';
        w = head;
    }
    return bsearch(w, TRIGGERS, sizeof TRIGGERS / sizeof TRIGGERS[0], sizeof TRIGGERS[0],
                   cmp_word) != NULL;
}

void dyad_find_casualties(const dyad_token *tok, int i0, int i1, dyad_casualties *out)
{
    out->killed = out->injured = -1;
    for (int i = i0; i < i1;) {
        if (!trigger(tok, i)) { i++; continue; }
        int used = verb_first(tok, i, i1, out);
        if (!used) used = toll(tok, i, i1, out);
        if (!used) used = none(tok, i, i1, out);
        if (!used) used = count_first(tok, i, i1, i0, out);
        i += used > 0 ? used : 1;
    }
}
