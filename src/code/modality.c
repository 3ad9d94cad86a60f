/*
 * modality.c — the tables that turn a pattern's code into what CAMEO codes when the action
 * is stated as an intention, a promise or a threat, and the target of domestic measures.
 *
 * CAMEO codes stated intentions as 03x and threats as 13x: "Germany will provide Ukraine with
 * aid" is 0332 (intent to give military aid), "agreed to meet" 036, "said he would impose
 * sanctions" 1312, "vowed to retaliate" 138. The coder (match.c) reads the verb group; when a
 * pattern matched a head in future form ("will/would/shall V") or as the infinitive of a
 * commitment verb ("agreed/pledged/promised/vowed/offered to V") it asks dyad_intent_code for
 * the code to emit instead of dropping the event. Hypotheticals ("could", "might", "may",
 * "if") stay dropped (match.c). Each row maps a code prefix (longest prefix wins) to:
 *   coop    the code for a promise/intention of a cooperative action (01-09 roots),
 *   threat  the code when the action is a sanction, coercion or force (16-20 roots);
 * NULL: no such reading (a future "criticise" or "demand" is not coded: it has not happened
 * and CAMEO has no intent code for it). Material conflict in future form is a threat only
 * after a threat verb or "will/would" (a prediction like "could attack" is dropped earlier).
 *
 * dyad_self_target: a `notgt` pattern whose code is a domestic measure (curfew, state of
 * emergency, martial law, mobilisation, alert, resignation, protest) takes the source's own
 * country as target (CAMEO: "Turkey declared a state of emergency" = TUR->TUR 1724; protests
 * with no named target are against the government: EGY->EGYGOV 141).
 */
#include <string.h>

#include "code/code.h"

static const struct { const char *prefix, *intent; } intents[] = {
    { "03", "" },            /* already an intent: keep the pattern's code */
    { "13", "" },            /* already a threat: keep */
    { "04", "036" },         /* meet, consult, negotiate */
    { "05", "032" },         /* diplomatic cooperation */
    { "06", "031" }, { "061", "0311" }, { "062", "0312" },
    { "07", "033" }, { "071", "0331" }, { "072", "0332" }, { "073", "0333" }, { "074", "0334" },
    { "08", "035" }, { "081", "0351" }, { "082", "0352" }, { "083", "034" }, { "084", "0353" },
    { "085", "0354" }, { "086", "0355" }, { "087", "0356" },
    { "16", "131" }, { "161", "1313" }, { "162", "1311" }, { "163", "1312" }, { "164", "134" },
    { "165", "135" }, { "166", "136" },
    { "17", "132" }, { "1721", "1321" }, { "1722", "1322" }, { "1723", "1323" }, { "1724", "1324" },
    { "175", "137" },
    { "18", "138" }, { "19", "138" }, { "191", "1381" }, { "192", "1382" }, { "20", "1383" },
    { "204", "1385" },
};

const char *dyad_intent_code(const char *code, int *threat)
{
    const char *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; i < sizeof intents / sizeof intents[0]; i++) {
        size_t n = strlen(intents[i].prefix);
        if (n > bl && !strncmp(code, intents[i].prefix, n)) { best = intents[i].intent; bl = n; }
    }
    if (!best) return NULL;
    if (!best[0]) best = code;
    *threat = best[0] == '1';
    return best;
}

static const struct { const char *prefix, *suffix; } selftgt[] = {
    { "172", "" },           /* curfew, state of emergency, martial law, restrictions */
    { "15", "" },            /* mobilisation, alert, military posture at home */
    { "083", "" },           /* political reform, resignation */
    { "14", "GOV" },         /* protests with no named target: against the government */
};

int dyad_self_target(const char *code, const char *src, char out[16])
{
    if (!src || strlen(src) < 3) return 0;
    for (size_t i = 0; i < sizeof selftgt / sizeof selftgt[0]; i++)
        if (!strncmp(code, selftgt[i].prefix, strlen(selftgt[i].prefix))) {
            memcpy(out, src, 3);
            strcpy(out + 3, selftgt[i].suffix);
            return 1;
        }
    return 0;
}
