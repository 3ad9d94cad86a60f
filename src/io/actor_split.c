/*
 * actor_split.c — CAMEO actor codes are runs of 3-letter segments: a country
 * (or region) first, then roles, religions and known groups in any order.
 * Each segment is classified with the CAMEO codebook's closed lists of
 * role/type and religion codes; a first segment that is neither (and is not
 * one of the common international known-group codes that may stand alone,
 * such as UNO) is the country, later unclassified segments are the known
 * group. This mirrors how GDELT fills Actor1CountryCode, Actor1KnownGroupCode,
 * Actor1Religion1Code and Actor1Type1Code from the same codes.
 */
#include "io/actor_split.h"

#include <string.h>

/* CAMEO actor type (role) codes, including the international types. */
static const char *const types[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH",
    "HRI", "IGO", "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD",
    "NGM", "NGO", "OPP", "PRM", "PTY", "RAD", "REB", "REF", "SEP", "SET", "SPY",
    "UAF", "UIS", "JRN", "REL", "SOC", "PRE", "UNK", NULL
};
/* CAMEO religion codes. */
static const char *const religions[] = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
    "HIN", "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MSC", "PAG",
    "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDS", "ZRO", NULL
};
/* Known groups that appear without a country in front. */
static const char *const lone_groups[] = {
    "UNO", "EEC", "EEU", "AEU", "WBK", "IMF", "WTO", "WHO", "OPC", "ICC", "ICJ",
    "AMN", "HRW", "MSF", "RCR", "IRC", "LAS", "OAS", "OIC", "GCC", NULL
};

static int in(const char *const *list, const char *seg)
{
    for (; *list; list++)
        if (!strcmp(*list, seg)) return 1;
    return 0;
}

void dyad_actor_split(const char *code, dyad_actor_parts *p)
{
    memset(p, 0, sizeof *p);
    if (!code) return;
    size_t n = strlen(code);
    int ntype = 0, nrel = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char seg[4] = { code[i], code[i + 1], code[i + 2], 0 };
        if (in(types, seg)) {
            if (ntype < 3) memcpy(p->type[ntype++], seg, 4);
            else goto other;
        } else if (in(religions, seg)) {
            if (nrel < 2) memcpy(p->religion[nrel++], seg, 4);
            else goto other;
        } else if (i == 0 && !in(lone_groups, seg)) {
            memcpy(p->country, seg, 4);
        } else if (!p->group[0]) {
            memcpy(p->group, seg, 4);
        } else {
        other:
            if (strlen(p->other) + 3 < sizeof p->other) strcat(p->other, seg);
        }
    }
}
