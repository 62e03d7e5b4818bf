"""People: given names, surnames, US legislators and executives, world leaders, name particles,
name suffixes and honorifics."""

import os
import re

import yaml

from .common import ListFile, clean, slug, fold, is_latin, is_common_word, apostrophe_variants, shared_dir
from .places import read_table


def _pkg_file(mod, *parts):
    m = __import__(mod)
    return os.path.join(os.path.dirname(m.__file__), *parts)


def census_cap(upper):
    """SMITH -> Smith, MCDONALD -> Mcdonald (the McDonald variant is added separately)."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in upper.split("-"))


# ---------------------------------------------------------------- given names and surnames

def build_names(ctx):
    given = ListFile("people/given_names.tsv", "GIVEN_NAME", "-", "sensitive", "fold", 10,
                     ["names", "gender-guesser"],
                     note="gender=male|female|unisex (mostly_male/mostly_female when the source says so); "
                          "freq = percent of the 1990 US Census population of that sex (US Census names only); "
                          "common_word=yes when the name is also a common English word; word_first=yes when it "
                          "is one and under 0.01% of the Census population of either sex has it (or it is not "
                          "a Census name): more often the word than the name")
    census = {}
    for fname, gender in (("dist.male.first", "male"), ("dist.female.first", "female")):
        with open(_pkg_file("names", fname), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 4:
                    continue
                name = census_cap(parts[0])
                census.setdefault(name, {})[gender] = parts[1]
    gg = {}
    codes = {"M": "male", "1M": "male", "?M": "mostly_male", "F": "female", "1F": "female",
             "?F": "mostly_female", "?": "unisex"}
    with open(_pkg_file("gender_guesser", "data", "nam_dict.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#") or line.startswith("="):
                continue
            if len(line) > 29 and line[29] == "+":
                continue        # expanded-umlaut duplicate, see the file's header
            code = line[:2].strip()
            name = line[3:29].strip()
            if code not in codes or not name:
                continue
            forms = [name]
            if "+" in name:
                a = name.split("+")
                forms = ["-".join(a), " ".join(a), a[0] + "".join(x.lower() for x in a[1:])]
            for nm in forms:
                nm = clean(nm)
                if nm and is_latin(nm):
                    prev = gg.get(nm)
                    g = codes[code]
                    if prev and prev != g:
                        g = "unisex"
                    gg[nm] = g
    names = sorted(set(census) | set(gg))
    for nm in names:
        feats = {}
        c = census.get(nm, {})
        if "male" in c and "female" in c:
            feats["gender"] = "male" if float(c["male"]) >= float(c["female"]) else "female"
            if min(float(c["male"]), float(c["female"])) * 5 > max(float(c["male"]), float(c["female"])):
                feats["gender"] = "unisex"
            feats["freq_male"] = c["male"]
            feats["freq_female"] = c["female"]
        elif c:
            (g, fr), = c.items()
            feats["gender"] = g
            feats["freq"] = fr
        else:
            feats["gender"] = gg[nm]
        if is_common_word(nm):
            feats["common_word"] = "yes"
            # more often a word than a name: under 0.01% of the Census population of either sex
            freqs = [float(v) for v in c.values()]
            if not freqs or max(freqs) < 0.01:
                feats["word_first"] = "yes"
        given.add(nm, nm, "name:%s" % nm.lower(), feats)

    sur = ListFile("people/surnames.tsv", "SURNAME", "-", "sensitive", "fold", 10, ["names"],
                   note="freq = occurrences per 100 people in the 1990 US Census; rank = census rank; "
                        "common_word=yes when the surname is also a common English word")
    with open(_pkg_file("names", "dist.all.last"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4:
                continue
            up, freq, cum, rank = parts[:4]
            nm = census_cap(up)
            forms = [nm]
            if up.startswith("MC") and len(up) > 3:
                forms.append("Mc" + census_cap(up[2:]))
            if up.startswith("MAC") and len(up) > 5 and up[3] not in "AEIOUHK":
                forms.append("Mac" + census_cap(up[3:]))
            if up.startswith("O") and len(up) > 4 and up[1:] in _IRISH_O:
                forms.append("O'" + census_cap(up[1:]))
            feats = {"freq": freq, "rank": str(int(rank))}
            if is_common_word(nm):
                feats["common_word"] = "yes"
            for fm in forms:
                for v in apostrophe_variants(fm):
                    sur.add(v, fm if fm == nm else fm, "name:%s" % nm.lower(), feats)
    ctx["lists"].extend([given, sur])


_IRISH_O = {"BRIEN", "CONNOR", "NEILL", "NEIL", "DONNELL", "REILLY", "SULLIVAN", "CONNELL", "LEARY",
            "MALLEY", "KEEFE", "HARA", "ROURKE", "DELL", "DONNELL", "BRYAN", "GRADY", "HAGAN",
            "CONNER", "DOHERTY", "DWYER", "FLAHERTY", "GORMAN", "HALLORAN", "KANE", "LOUGHLIN",
            "MEARA", "NEAL", "SHEA", "TOOLE", "BOYLE", "CALLAGHAN", "DAY", "DONOGHUE", "FARRELL",
            "GARA", "HEARN", "KELLY", "MARA", "MAHONEY", "REAR", "REGAN", "RILEY", "SHAUGHNESSY"}


# ---------------------------------------------------------------- notable people

def person_surfaces(first, middle, last, nickname=None, suffix=None, official=None):
    out = []
    firsts = [first] + ([nickname] if nickname else [])
    for fn in firsts:
        out.append("%s %s" % (fn, last))
        if middle:
            out.append("%s %s %s" % (fn, middle, last))
            if len(middle) > 2 and not middle.endswith("."):
                out.append("%s %s. %s" % (fn, middle[0], last))
        if suffix:
            out.append("%s %s %s" % (fn, last, suffix))
            out.append("%s %s, %s" % (fn, last, suffix))
            if middle:
                out.append("%s %s %s %s" % (fn, middle, last, suffix))
    if official:
        out.append(official)
        out.append(official.replace('"', "").replace("  ", " "))
        out.append(re.sub(r'\s*"[^"]*"', "", official))
    res = []
    for s in out:
        s = clean(s.replace(" ,", ","))
        if s and '"' not in s and s not in res:
            res.append(s)
    return res


def build_congress(ctx):
    path = os.path.join(shared_dir(), "congress-legislators")
    with open(os.path.join(path, "legislators-current.yaml"), encoding="utf-8") as f:
        legs = yaml.safe_load(f)
    lf = ListFile("people/us_congress.tsv", "PERSON", "politician", "sensitive", "fold", 85, ["congress"],
                  note="current members of the US Congress; office=senator|representative|delegate; "
                       "surname = the form news uses alone after first mention")
    for p in sorted(legs, key=lambda x: x["id"]["bioguide"]):
        n = p["name"]
        wd = p["id"].get("wikidata")
        cid = "wikidata:%s" % wd if wd else "gazette:person/%s" % slug(n.get("official_full") or n["last"])
        t = p["terms"][-1]
        office = {"sen": "senator", "rep": "representative"}[t["type"]]
        if t["type"] == "rep" and t.get("state") in ("AS", "DC", "GU", "MP", "PR", "VI"):
            office = "delegate" if t["state"] != "PR" else "resident_commissioner"
        canonical = clean(n.get("official_full") or "%s %s" % (n["first"], n["last"]))
        feats = {"office": office, "country": "US", "of": "iso3166:US", "state": t.get("state"),
                 "party": t.get("party"), "since": str(t.get("start")),
                 "gender": {"M": "male", "F": "female"}.get(p.get("bio", {}).get("gender")),
                 "surname": n["last"], "bioguide": p["id"]["bioguide"]}
        for s in person_surfaces(n["first"], n.get("middle"), n["last"], n.get("nickname"), n.get("suffix"),
                                 n.get("official_full")):
            for v in apostrophe_variants(s):
                lf.add(v, canonical, cid, feats)
    ctx["lists"].append(lf)


def build_executive(ctx):
    path = os.path.join(shared_dir(), "congress-legislators", "executive.yaml")
    with open(path, encoding="utf-8") as f:
        ex = yaml.safe_load(f)
    lf = ListFile("people/us_executive.tsv", "PERSON", "politician", "sensitive", "fold", 90, ["congress"],
                  note="US presidents and vice presidents in office since 2021-01-20 (current or immediately "
                       "previous); until= is set when the term has ended")
    for p in ex:
        terms = [t for t in p["terms"] if str(t["end"]) >= "2021-01-20"]
        if not terms:
            continue
        t = terms[-1]
        n = p["name"]
        wd = p["id"].get("wikidata")
        cid = "wikidata:%s" % wd
        office = {"prez": "president", "viceprez": "vice_president"}[t["type"]]
        canonical = clean(n.get("official_full") or " ".join(x for x in (n["first"], n["last"]) if x))
        if n.get("nickname") and not n.get("official_full"):
            canonical = "%s %s" % (n["nickname"], n["last"])
        feats = {"office": office, "role": "head_of_state" if office == "president" else "other",
                 "country": "US", "of": "iso3166:US", "party": t.get("party"), "since": str(t["start"]),
                 "until": str(t["end"]) if str(t["end"]) <= "2025-06-30" else None,
                 "surname": n["last"], "gender": {"M": "male", "F": "female"}.get(p.get("bio", {}).get("gender"))}
        surfaces = person_surfaces(n["first"], n.get("middle"), n["last"], n.get("nickname"), n.get("suffix"),
                                   n.get("official_full"))
        if n["last"] == "Vance":
            surfaces += ["JD Vance", "J. D. Vance"]
        for s in surfaces:
            lf.add(s, canonical, cid, feats)
    ctx["lists"].append(lf)


ROLE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3, "other": 4}


def build_leaders(ctx):
    lf = ListFile("people/world_leaders.tsv", "PERSON", "politician", "sensitive", "fold", 90, ["hand"],
                  note="hand-written table (Scripts/lexicons/data/world_leaders.tsv), as of 2025-06-30; "
                       "office/role/of/since/until describe the person's current (else latest) office; "
                       "other_offices = office@of@since..until;...; surname = forms used alone after first mention")
    people = {}
    order = []
    for row in read_table("world_leaders.tsv"):
        name, surnames, where, office, role, since, until, aliases = (row + [""] * 8)[:8]
        key = clean(re.sub(r"\s*\(.*?\)", "", name))
        if key not in people:
            people[key] = {"surnames": [], "aliases": [], "offices": []}
            order.append(key)
        p = people[key]
        for s in surnames.split("|"):
            if s and s not in p["surnames"]:
                p["surnames"].append(s)
        for a in aliases.split("|"):
            if a and a not in p["aliases"]:
                p["aliases"].append(a)
        of = where[1:] if where.startswith("@") else "iso3166:%s" % where
        p["offices"].append(dict(office=office, role=role, of=of, since=since, until=until,
                                 country=None if where.startswith("@") else where))
    countries = ctx["countries"]
    for key in order:
        p = people[key]
        offs = sorted(p["offices"], key=lambda o: (o["until"] != "", -int((o["since"] or "0000").replace("-", "")),
                                                   ROLE_RANK[o["role"]]))
        cur = offs[0]
        home = next((o["country"] for o in p["offices"] if o["country"]), None)
        feats = {"office": cur["office"], "role": cur["role"], "of": cur["of"], "since": cur["since"],
                 "until": cur["until"], "country": home, "surname": "|".join(p["surnames"]),
                 "title": "gazette:title/%s" % cur["office"].replace("_", "-")}
        others = ["%s@%s@%s..%s" % (o["office"], o["of"], o["since"], o["until"]) for o in offs[1:]]
        if others:
            feats["other_offices"] = ";".join(others)
        if home and home not in countries:
            raise SystemExit("world_leaders.tsv: unknown country %s" % home)
        cid = "gazette:person/%s" % slug(key)
        surfaces = ([key] if " " in key else []) + p["aliases"]
        for s in surfaces:
            for v in apostrophe_variants(clean(s)):
                lf.add(v, key, cid, feats)
    ctx["lists"].append(lf)


# ---------------------------------------------------------------- particles, suffixes, honorifics

def build_name_parts(ctx):
    import nameparser.config.prefixes as np_prefixes
    import nameparser.config.suffixes as np_suffixes
    parts = ListFile("people/name_particles.tsv", "NAME_PARTICLE", "-", "sensitive", "fold", 5, ["nameparser"],
                     note="lower-case particles inside surnames (de, van, bin, al-...); capitalised forms are "
                          "listed too because they start names in running text (Van Gogh, De Wever, Al-Assad)")
    prefixes = sorted(getattr(np_prefixes, "PREFIXES", set()))
    for p in prefixes:
        p = clean(p)
        if not p or not is_latin(p):
            continue
        forms = [p, p[:1].upper() + p[1:]]
        for fm in forms:
            for v in apostrophe_variants(fm):
                parts.add(v, p, "gazette:name-particle/%s" % slug(p) if slug(p) != "x" else "gazette:name-particle/%s" % p,
                          {"joins": "hyphen" if p.endswith("-") else None})
    suf = ListFile("people/name_suffixes.tsv", "NAME_SUFFIX", "-", "sensitive", "fold", 5, ["nameparser"],
                   note="generational and post-nominal suffixes after a person name (Jr., III, PhD, Esq.)")
    words = sorted(getattr(np_suffixes, "SUFFIX_WORDS", None) or np_suffixes.SUFFIX_NOT_ACRONYMS)
    acr = sorted(getattr(np_suffixes, "SUFFIX_ACRONYMS", set()))
    for w in words:
        w = clean(w)
        if not w or not is_latin(w) or not re.fullmatch(r"[a-z.]+", w):
            continue
        if re.fullmatch(r"[ivx]+", w):
            forms = [w.upper()]
            kind = "generational"
        else:
            forms = [w[:1].upper() + w[1:], w[:1].upper() + w[1:] + "."] if len(w) <= 3 else [w[:1].upper() + w[1:]]
            kind = "generational" if w in ("jr", "sr", "jnr", "snr", "junior", "senior") else "post_nominal"
        for fm in forms:
            suf.add(fm, fm.rstrip("."), "gazette:name-suffix/%s" % slug(w), {"kind": kind})
    for a in acr:
        a = clean(a)
        if not re.fullmatch(r"[a-z]{2,6}", a) or is_common_word(a):
            continue
        suf.add(a.upper(), a.upper(), "gazette:name-suffix/%s" % slug(a), {"kind": "post_nominal"})
    for s in ("PhD", "Ph.D.", "M.D.", "MD", "Esq.", "Jr.", "Sr.", "Jr", "Sr", "QC", "KC", "MP", "MBE", "OBE", "CBE",
              "KBE"):
        suf.add(s, s.rstrip("."), "gazette:name-suffix/%s" % slug(s), {"kind": "generational" if s.startswith(("Jr", "Sr")) else "post_nominal"})
    ctx["lists"].extend([parts, suf])


HONORIFICS = [
    ("Mr", "Mr", "male"), ("Mr.", "Mr", "male"), ("Mrs", "Mrs", "female"), ("Mrs.", "Mrs", "female"),
    ("Ms", "Ms", "female"), ("Ms.", "Ms", "female"), ("Miss", "Miss", "female"), ("Mx", "Mx", None),
    ("Mx.", "Mx", None), ("Dr", "Dr", None), ("Dr.", "Dr", None), ("Sir", "Sir", "male"),
    ("Dame", "Dame", "female"), ("Lord", "Lord", "male"), ("Lady", "Lady", "female"),
    ("Madam", "Madam", "female"), ("Madame", "Madame", "female"), ("Mme", "Madame", "female"),
    ("Mme.", "Madame", "female"), ("Mlle", "Mademoiselle", "female"), ("Monsieur", "Monsieur", "male"),
    ("M.", "Monsieur", "male"), ("Herr", "Herr", "male"), ("Frau", "Frau", "female"),
    ("Señor", "Señor", "male"), ("Señora", "Señora", "female"), ("Sr.", "Señor", "male"),
    ("Sra.", "Señora", "female"), ("Signor", "Signor", "male"), ("Signora", "Signora", "female"),
    ("Messrs", "Messrs", None), ("Messrs.", "Messrs", None), ("Mssrs.", "Messrs", None),
    ("Hon.", "The Honourable", None), ("The Honourable", "The Honourable", None),
    ("The Honorable", "The Honourable", None), ("Rt Hon", "The Right Honourable", None),
    ("Rt. Hon.", "The Right Honourable", None), ("The Right Honourable", "The Right Honourable", None),
    ("His Excellency", "His Excellency", "male"), ("Her Excellency", "Her Excellency", "female"),
    ("H.E.", "His/Her Excellency", None), ("His Majesty", "His Majesty", "male"),
    ("Her Majesty", "Her Majesty", "female"), ("His Royal Highness", "His Royal Highness", "male"),
    ("Her Royal Highness", "Her Royal Highness", "female"), ("HRH", "His/Her Royal Highness", None),
    ("His Holiness", "His Holiness", "male"), ("Sheikh", "Sheikh", "male"), ("Sheikha", "Sheikha", "female"),
    ("Shaikh", "Sheikh", "male"), ("Sayyid", "Sayyid", "male"), ("Haji", "Haji", None), ("Hajji", "Haji", None),
]


def build_honorifics(ctx):
    lf = ListFile("people/honorifics.tsv", "HONORIFIC", "-", "sensitive", "fold", 5, ["hand"],
                  note="courtesy titles before a name; professional/military/religious titles are in titles/")
    for surface, canonical, gender in HONORIFICS:
        lf.add(surface, canonical, "gazette:honorific/%s" % slug(canonical), {"gender": gender})
    ctx["lists"].append(lf)


def build(ctx):
    build_names(ctx)
    build_congress(ctx)
    build_executive(ctx)
    build_leaders(ctx)
    build_name_parts(ctx)
    build_honorifics(ctx)
