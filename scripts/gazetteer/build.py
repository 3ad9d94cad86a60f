#!/usr/bin/env python3
"""build.py — assemble data/gen/gazetteer.tsv for dyad's place extractor.

Sources (all local, read at build time):
  - countries: Debian iso-codes (iso_3166-1.json) + data/places/country_centroids.tsv
  - cities:    the GeoNames cities compiled into Debian's libgeonames (CC BY 4.0),
               as dumped by geonames-dump (TSV on the file given, may be empty)
  - regions:   first-level divisions named by GeoNames (the cities' admin1), placed
               at the population-weighted centre of their cities;
               plus data/places/regions.txt (conflict regions, written by us)
  - aliases:   data/places/aliases.txt; demonyms: data/places/demonyms.txt
  - the "common" flag: a single-word name that WordNet also lists as a lower-case
               English word ("Male", "Split", "Mobile") or a function word ("Of").

Output columns (tab-separated, one name per line):
  kind  name  canonical  country(alpha-3)  lat  lon  population  common
kind is city, region, country, conflict_region or demonym.
Usage: build.py CITIES.tsv PLACES_DIR ISO_JSON WORDNET_DIR OUT
"""
import json, os, re, sys

FUNCTION_WORDS = set("""a an the of in on at to by for from with as and or but if so no not
is are was were be been am do did does has have had he she it we they you i me him her us them
this that these those there here then than when where who whom which what why how all any
some each every both either neither one two three four five six seven eight nine ten first
last next new old said says say also just only still even more most many much very""".split())

def load_bar_file(path, nfields):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != nfields:
                sys.exit(f"{path}:{n}: expected {nfields} fields separated by '|'")
            rows.append((n, parts))
    return rows

def wordnet_common(wndir):
    common = set()
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(wndir, "data." + pos)
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                p = line.split(" ")
                if len(p) < 5:
                    continue
                cnt = int(p[3], 16)
                for k in range(cnt):
                    w = p[4 + 2 * k]
                    if w and w[0].islower():
                        common.add(re.sub(r"\(.*\)$", "", w))
    return common

def main():
    cities_path, places, iso_json, wndir, out = sys.argv[1:6]
    common_words = wordnet_common(wndir) | FUNCTION_WORDS
    def is_common(name):
        w = name.lower()
        return 1 if (" " not in w and w in common_words) else 0

    iso = json.load(open(iso_json, encoding="utf-8"))["3166-1"]
    a2to3 = {c["alpha_2"]: c["alpha_3"] for c in iso}
    cent = {}
    with open(os.path.join(places, "country_centroids.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a3, lat, lon = line.split("\t")[:3]
            cent[a3] = (float(lat), float(lon))

    rows = []          # (kind, name, canonical, a3, lat, lon, pop)
    country_name = {}
    for c in iso:
        a3 = c["alpha_3"]
        lat, lon = cent.get(a3, (0.0, 0.0))
        canon = c.get("common_name", c["name"])
        country_name[a3] = canon
        for nm in {c["name"], canon}:
            rows.append(("country", nm, canon, a3, lat, lon, 0))

    cities = []
    if os.path.getsize(cities_path) > 0:
        with open(cities_path, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) != 6 or p[2] not in a2to3:
                    continue
                cities.append((p[0], p[1], a2to3[p[2]], float(p[3]), float(p[4]), int(p[5])))
    for name, state, a3, lat, lon, pop in cities:
        rows.append(("city", name, name, a3, lat, lon, pop))

    # First-level regions, from the cities' admin1 names.
    acc = {}
    for name, state, a3, lat, lon, pop in cities:
        if not state:
            continue
        k = (state, a3)
        s = acc.setdefault(k, [0.0, 0.0, 0])
        w = max(pop, 1)
        s[0] += lat * w; s[1] += lon * w; s[2] += w
    city_keys = {(re.sub(r"[^0-9a-z]", "", n.lower()), a3) for n, _, a3, *_ in cities}
    suffix = re.compile(r"\s+(Oblast[’']?|Province|Region|Governorate|State|Prefecture|"
                        r"District|Kray|Krai|Oblysy|Department|Division|County|Voivodeship)$")
    for (state, a3), (slat, slon, w) in acc.items():
        lat, lon = slat / w, slon / w
        # A region named by a common word ("Central", "Western Region",
        # "Centre") is mostly that word in news text: leave it out.
        short = suffix.sub("", state)
        if is_common(state) or is_common(short):
            continue
        rows.append(("region", state, state, a3, lat, lon, 0))
        if short != state and not is_common(short):
            for variant in (short + " region", short + " province", short + " oblast"):
                rows.append(("region", variant, state, a3, lat, lon, 0))
            if (re.sub(r"[^0-9a-z]", "", short.lower()), a3) not in city_keys and not is_common(short):
                rows.append(("region", short, state, a3, lat, lon, 0))

    for n, (name, a3, lat, lon, kind) in load_bar_file(os.path.join(places, "regions.txt"), 5):
        if kind not in ("conflict_region", "region", "city"):
            sys.exit(f"regions.txt:{n}: unknown kind {kind}")
        rows.append((kind, name, name, a3, float(lat), float(lon), 0))

    by_name = {}
    for r in rows:
        by_name.setdefault((r[1], r[3]), r)
    for n, (alias, target, a3) in load_bar_file(os.path.join(places, "aliases.txt"), 3):
        if target == "country":
            if a3 not in country_name:
                sys.exit(f"aliases.txt:{n}: unknown country {a3}")
            t = by_name[(country_name[a3], a3)]
        else:
            t = by_name.get((target, a3))
            if t is None:
                print(f"gazetteer: aliases.txt:{n}: {target} ({a3}) not in the gazetteer, skipped",
                      file=sys.stderr)
                continue
        rows.append((t[0], alias, t[2], t[3], t[4], t[5], t[6]))

    for n, (adj, a3) in load_bar_file(os.path.join(places, "demonyms.txt"), 2):
        lat, lon = cent.get(a3, (0.0, 0.0))
        rows.append(("demonym", adj, country_name.get(a3, adj), a3, lat, lon, 0))

    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# dyad gazetteer, generated by scripts/gen.d/gazetteer; do not edit.\n"
                "# Cities and regions: GeoNames (geonames.org, CC BY 4.0) via Debian's libgeonames.\n"
                "# kind\tname\tcanonical\tcountry\tlat\tlon\tpopulation\tcommon\n")
        for kind, name, canon, a3, lat, lon, pop in rows:
            if "\t" in name or "\n" in name:
                continue
            common = is_common(name) if kind in ("city", "region") else 0
            f.write(f"{kind}\t{name}\t{canon}\t{a3}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{common}\n")
    os.replace(tmp, out)
    kinds = {}
    for r in rows:
        kinds[r[0]] = kinds.get(r[0], 0) + 1
    print("gazetteer: " + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), file=sys.stderr)

main()
