#!/usr/bin/env python3
"""dictlint: structural check of dyad's actor and agent dictionaries (doc/dictionaries.md).

Until `dyad dict check` exists this is the contract test for data/actors/ and data/agents/.
It parses every entry the way the format says (an entry starts in column 0, indented lines
continue it, `#` starts a comment, alternatives are separated by ` | `) and checks:

  - the keyword (actor/agent in these folders; set is allowed anywhere);
  - every phrase: words of letters, digits and . ' ’ - & / only, or a "QUOTED" exact word;
  - actor codes: a known 3-letter prefix (ISO 3166-1 alpha-3 from Debian's iso-codes, the
    CAMEO historical/extra country codes, IGO/NGO/MNC/IMG, CAMEO regions) followed by known
    3-letter role or organisation codes; `---` (not an actor) without a range;
  - date ranges: FROM..TO, real dates, FROM <= TO, no overlap within one actor, at most one
    default (a code with no range);
  - agent codes: one or more known role codes, no range;
  - the same phrase in two actor entries with different codes (error), or twice with the same
    codes (warning); likewise for agents.

Usage: dictlint.py [--quiet] [FILE|DIR ...]    (default: data/actors data/agents)
Prints `file:line: error|warning: message`; exits 1 if there is any error.
"""
import datetime
import json
import os
import re
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# CAMEO country codes that ISO 3166-1 does not have (historical states, Kosovo, East Timor).
CAMEO_EXTRA_COUNTRIES = {"TMP", "KSV", "SUN", "YUG", "SCG", "CSK", "DDR"}
# Non-state prefixes and CAMEO regional codes.
NONSTATE_PREFIXES = {"IGO", "NGO", "MNC", "IMG", "INT"}
REGIONS = {"AFR", "ASA", "BLK", "CAU", "CAS", "CEU", "CFR", "CRB", "EAF", "EEU", "EUR",
           "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA",
           "WAF", "WEU", "WST"}
# CAMEO role codes (actor codebook): primary and secondary roles, religion, international.
ROLES = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
         "CVL", "HLH", "HRI", "LAB", "LEG", "REF", "REL", "AGR", "ELI", "UAF", "SEP", "INS",
         "DEV", "ENV", "MOD", "RAD", "UIS", "PKO", "NGM", "IGO", "NGO", "MNC", "IMG",
         "MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "ORT", "PRO"}
# Organisation and known-group codes used after IGO/NGO or a country+role (CAMEO practice:
# IGOUNOKID is UNICEF, IGOWSTNAT NATO, SYRREBISI the Islamic State in Syria).
ORGS = {
    # United Nations system
    "UNO", "KID", "WFP", "WHO", "IAE", "HCR", "HCH", "ICJ", "ILO", "FAO", "WBK", "IMF", "WTO",
    "UNP", "UNR", "UNE", "OCH", "IOM",
    # regional and other intergovernmental bodies
    "NAT", "EEC", "AFU", "WAS", "SAD", "IAD", "EAC", "ASN", "OSC", "CST", "SCO", "CIS", "GCC",
    "ARL", "OIC", "OAS", "MER", "BRI", "GOS", "GOE", "GTW", "OPC", "ICC", "ITP", "CWN", "COE",
    "ECB", "ADB", "AFB", "EBR", "CAR", "APE", "NON", "SAA", "PIF", "CEM", "ECC", "EAE",
    # NGOs
    "IRC", "MSF", "AMN", "HRW", "GRP", "XFM", "SCF", "RSF", "CPJ", "ICG",
    # armed groups and parties (country + REB/PTY/...)
    "ISI", "ALQ", "TAL", "HMS", "HEZ", "PIJ", "FTA", "HTS", "SHB", "BKH", "HTH", "PKK", "YPG",
    "FRC", "ELN", "WAG", "RSF", "M23", "ADF", "TPL", "LET", "JEM", "TTP", "NPA", "ASG", "POL",
    "AQP", "AQM", "JNM", "ISW", "ISK", "ISS", "KIA", "ARA", "BLA", "ULF", "FAN", "HUT", "PLO",
    "CCP", "ANC", "BJP", "INC", "DEM", "GOP", "URU", "LAB", "CON", "AKP", "LIK", "CPV", "KMT",
    "DPP", "LDP", "SPD", "CDU", "SDF", "PMF", "IRG", "PFL", "SDP",
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WORD = re.compile(r"^(?:\"[^\"\s]+\"|[\w.'’&/-]+)$")
CODE = re.compile(r"^[A-Z0-9]{3}(?:[A-Z0-9]{3})*$")


def load_countries():
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            return {c["alpha_3"] for c in json.load(f)["3166-1"]}
    except OSError:
        return None


class Lint:
    def __init__(self):
        iso = load_countries()
        self.prefixes = None if iso is None else iso | CAMEO_EXTRA_COUNTRIES | NONSTATE_PREFIXES | REGIONS
        self.errors = 0
        self.warnings = 0
        self.out = []
        self.actor_phrases = {}   # phrase -> (codes signature, where)
        self.agent_phrases = {}
        self.counts = {"actor": 0, "agent": 0, "set": 0, "actor_phrases": 0, "agent_phrases": 0}

    def report(self, where, kind, msg):
        if kind == "error":
            self.errors += 1
        else:
            self.warnings += 1
        self.out.append(f"{where}: {kind}: {msg}")

    def entries(self, path):
        """Yield (line, keyword, body) for each logical entry of a file."""
        cur = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                text = raw.rstrip("\n")
                hash_at = text.find("#")
                if hash_at >= 0:
                    text = text[:hash_at]
                if not text.strip():
                    continue
                if text[0] in " \t":
                    if cur is None:
                        self.report(f"{path}:{n}", "error", "continuation line with no entry above it")
                        continue
                    t = text.strip()
                    if cur[2] and cur[2][-1] and not cur[2][-1].endswith("|") and t[0] not in "|=":
                        # A phrase split over two lines: loaders may read a continuation
                        # line as its own part, so keep each phrase on one line.
                        self.report(f"{path}:{n}", "error", "continuation line must start with '|' or '='")
                    cur[2].append(t)
                    continue
                if cur:
                    yield cur[0], cur[1], " ".join(cur[2])
                kw, _, rest = text.partition(" ")
                cur = (n, kw, [rest.strip()])
        if cur:
            yield cur[0], cur[1], " ".join(cur[2])

    def phrases(self, where, names):
        out = []
        for alt in names.split("|"):
            words = alt.split()
            if not words:
                self.report(where, "error", "empty alternative (stray ' | ')")
                continue
            for w in words:
                if not WORD.match(w):
                    self.report(where, "error", f"bad word {w!r} in phrase {alt.strip()!r}")
            key = " ".join(w if w.startswith('"') else w.lower() for w in words)
            if key in out:
                # Harmless (matching ignores case) but redundant: "Kim Jong-un | Kim Jong-Un".
                self.report(where, "warning", f"phrase {alt.strip()!r} written twice in one entry (case ignored)")
                continue
            out.append(key)
        return out

    def check_code(self, where, code, agent):
        if code == "---":
            return not agent
        if not CODE.match(code):
            self.report(where, "error", f"bad code {code!r}: 3-letter groups of capitals")
            return False
        groups = [code[i:i + 3] for i in range(0, len(code), 3)]
        if agent:
            bad = [g for g in groups if g not in ROLES]
            if bad:
                self.report(where, "error", f"agent code {code}: unknown role {', '.join(bad)}")
                return False
            return True
        if self.prefixes is not None and groups[0] not in self.prefixes:
            self.report(where, "error", f"code {code}: {groups[0]} is not a country, region or IGO/NGO/MNC prefix")
            return False
        bad = [g for g in groups[1:] if g not in ROLES and g not in ORGS and g not in REGIONS]
        if bad:
            self.report(where, "error", f"code {code}: unknown role/organisation {', '.join(bad)} (add it to dictlint's tables if it is real CAMEO)")
            return False
        return True

    def parse_range(self, where, text):
        if ".." not in text:
            self.report(where, "error", f"bad range {text!r}: FROM..TO")
            return None
        a, b = text.split("..", 1)
        def day(s, end):
            if not s:
                return datetime.date.max if end else datetime.date.min
            if not DATE.match(s):
                raise ValueError(s)
            return datetime.date.fromisoformat(s)
        try:
            lo, hi = day(a, False), day(b, True)
        except ValueError as e:
            self.report(where, "error", f"bad date {e} in range {text!r}")
            return None
        if lo > hi:
            self.report(where, "error", f"range {text} ends before it starts")
            return None
        return lo, hi

    def entry(self, path, line, kw, body):
        where = f"{path}:{line}"
        if kw == "set":
            self.counts["set"] += 1
            return
        if kw not in ("actor", "agent"):
            self.report(where, "error", f"unknown keyword {kw!r} (actor, agent, set)")
            return
        self.counts[kw] += 1
        parts = body.split("=")
        if len(parts) < 2:
            self.report(where, "error", f"{kw} without '= CODE'")
            return
        names = self.phrases(where, parts[0])
        clauses = [p.split() for p in parts[1:]]
        codes = []
        ranges = []
        defaults = 0
        for c in clauses:
            if not c:
                self.report(where, "error", "empty '= CODE'")
                continue
            if kw == "actor" and len(c) == 3 and c[1] == "in":
                # "= PAKREB in PAK": the code of a group of several countries where the text
                # places it (doc/dictionaries.md); not a default and not a date range
                if self.check_code(where, c[0], False) and not (len(c[2]) == 3 and c[2].isupper() and c[0].startswith(c[2])):
                    self.report(where, "error", f"'= {' '.join(c)}': the code in a country starts with that country")
                codes.append(" ".join(c))
                continue
            if len(c) > 2:
                self.report(where, "error", f"'= {' '.join(c)}': expected CODE [RANGE] or CODE in COUNTRY")
                continue
            ok = self.check_code(where, c[0], kw == "agent")
            if kw == "agent" and len(c) > 1:
                self.report(where, "error", "agents take no date range")
                continue
            if kw == "agent" and len(clauses) > 1:
                self.report(where, "error", "an agent has exactly one code")
            if len(c) == 2:
                if c[0] == "---":
                    self.report(where, "error", "'---' takes no date range")
                r = self.parse_range(where, c[1])
                if r:
                    for (lo, hi, txt) in ranges:
                        if r[0] <= hi and lo <= r[1]:
                            self.report(where, "error", f"ranges {txt} and {c[1]} overlap")
                    ranges.append((r[0], r[1], c[1]))
            else:
                defaults += 1
            if ok:
                codes.append(" ".join(c))
        if defaults > 1:
            self.report(where, "error", f"{defaults} codes without a range: at most one default")
        sig = tuple(sorted(codes))
        table = self.actor_phrases if kw == "actor" else self.agent_phrases
        self.counts[kw + "_phrases"] += len(names)
        for p in names:
            if p in table:
                osig, owhere = table[p]
                if osig != sig:
                    self.report(where, "error", f"{kw} phrase {p!r} also at {owhere} with other codes ({'; '.join(osig)} vs {'; '.join(sig)})")
                else:
                    self.report(where, "warning", f"{kw} phrase {p!r} repeats {owhere}")
            else:
                table[p] = (sig, where)

    def file(self, path):
        for line, kw, body in self.entries(path):
            self.entry(path, line, kw, body)

    def cross(self):
        for p, (sig, where) in self.agent_phrases.items():
            if p in self.actor_phrases:
                self.report(where, "warning", f"{p!r} is both an agent and an actor ({self.actor_phrases[p][1]}); the actor wins")


def files_of(args):
    for a in args:
        if os.path.isdir(a):
            for n in sorted(os.listdir(a)):
                if n.endswith(".txt"):
                    yield os.path.join(a, n)
        elif os.path.exists(a):
            yield a


def main(argv):
    quiet = "--quiet" in argv
    args = [a for a in argv if a != "--quiet"] or ["data/actors", "data/agents"]
    lint = Lint()
    for f in files_of(args):
        lint.file(f)
    lint.cross()
    for line in lint.out:
        if not quiet or ": error:" in line:
            print(line)
    c = lint.counts
    print(f"# {c['actor']} actor entries ({c['actor_phrases']} phrases), {c['agent']} agent entries "
          f"({c['agent_phrases']} phrases); {lint.errors} errors, {lint.warnings} warnings")
    return 1 if lint.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
