"""Organisations: international, governments/ministries/armed forces per country, intelligence
agencies, US congressional committees, companies, universities, news media, parties, armed groups."""

import csv
import html
import json
import os
import re

import yaml

from .common import ListFile, clean, slug, fold, is_latin, is_common_word, apostrophe_variants, shared_dir
from .places import Paired, read_table, needs_case


def variants(name):
    """Spelling variants news uses: Organisation/Organization, Defence/Defense, & / and, with/without 'The'."""
    out = [name]
    swaps = [("Organisation", "Organization"), ("Organization", "Organisation"), ("Defence", "Defense"),
             ("Defense", "Defence"), ("Programme", "Program"), ("Centre", "Center"), ("Center", "Centre"),
             ("Labour", "Labor")]
    for a, b in swaps:
        for s in list(out):
            if a in s:
                out.append(s.replace(a, b))
    for s in list(out):
        if s.startswith("The ") and len(s.split()) > 2:
            out.append(s[4:])
    res = []
    for s in out:
        for v in apostrophe_variants(clean(s)):
            if v and v not in res:
                res.append(v)
    return res


def add_all(target, surfaces, canonical, cid, feats, mark_common=False):
    for s in surfaces:
        s = clean(s)
        if not s or s.startswith("the ") or (len(s) < 2):
            continue
        f = feats
        # (mark_common) "Time", "Fortune", "Shell": a one-word name that is also a common English
        # word is marked, so a capitalised sentence start alone does not make it a name; not
        # "IndiGo" (an inner capital), nor parties, legislatures or teams ("Democrats said")
        if mark_common and " " not in s and s[1:] == s[1:].lower() and is_common_word(s):
            f = dict(feats, common_word="yes")
        for v in variants(s) if " " in s else apostrophe_variants(s):
            target.add(v, canonical, cid, f)


# ---------------------------------------------------------------- international

def build_international(ctx):
    with open(os.path.join(shared_dir(), "supraverden", "general_list.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    names = Paired("orgs/international.tsv", "ORGANIZATION", "international", 80, ["supraverden", "hand"])
    abbr = ListFile("orgs/international_abbr.tsv", "ORGANIZATION", "international", "sensitive", "keep", 80,
                    ["supraverden", "hand"],
                    note="abbreviations; where one abbreviation names several organisations, the one with the "
                         "lowest Wikidata number (usually the best known) keeps it")
    orgs = []
    for key in sorted(data):
        v = data[key]
        wd = str(v.get("Wikidata_code") or "")
        name = clean(v.get("Name_en") or key)
        cid = "wikidata:%s" % wd if re.fullmatch(r"Q\d+", wd) else "gazette:org/%s" % slug(name)
        full = [name] + [clean(v[k]) for k in sorted(v) if re.fullmatch(r"Name_other(_\d+)?_en", k) and v[k]]
        abbrs = [clean(v[k]) for k in sorted(v) if re.fullmatch(r"Abbreviation(_other(_\d+)?)?_en", k) and v[k]]
        feats = {"family": clean(v.get("Org_family")) if v.get("Org_family") not in (None, "none") else None,
                 "founded": str(v.get("Year_established")) if v.get("Year_established") else None}
        orgs.append(dict(name=name, cid=cid, full=full, abbrs=abbrs, feats=feats))
    all_names = {o["name"] for o in orgs}
    by_surface = {}
    for o in orgs:
        for s in o["full"] + o["abbrs"]:
            by_surface.setdefault(s, o)
    # hand additions: merge into a Supraverden row when a name or alias matches it
    for canonical, cid, aliases in read_table("international_extra.tsv"):
        al = [canonical] + aliases.split("|")
        hit = next((by_surface[a] for a in al if a in by_surface), None)
        if hit is None:
            if cid.startswith("wikidata:"):
                raise SystemExit("international_extra.tsv: %s has a Wikidata id but no Supraverden row" % canonical)
            hit = dict(name=canonical, cid=cid, full=[], abbrs=[], feats={})
            orgs.append(hit)
        for a in al:
            if needs_case(a) and " " not in a:
                hit["abbrs"].append(a)
            else:
                hit["full"].append(a)
    owners = {}
    for o in orgs:
        for a in o["abbrs"]:
            if a in all_names or len(a) > 20 or " " in a and not a.isupper():
                o["full"].append(a) if a not in all_names else None
                continue
            owners.setdefault(a, []).append(o)
    for o in orgs:
        feats = dict(o["feats"])
        ab = [a for a in o["abbrs"] if a in owners]
        if ab:
            feats["abbr"] = ab[0]
        add_all(names, o["full"], o["name"], o["cid"], feats)
    for a in sorted(owners):
        cands = sorted(owners[a], key=lambda o: (0 if o["cid"].startswith("wikidata:") else 1,
                                                 int(o["cid"][10:]) if o["cid"].startswith("wikidata:Q") else 0,
                                                 o["cid"]))
        o = cands[0]
        if is_common_word(a) and not a.isupper():
            continue
        abbr.add(a, o["name"], o["cid"], dict(o["feats"], abbr=a))
    ctx["lists"].extend(names.lists() + [abbr])
    ctx["intl"] = {o["name"]: o["cid"] for o in orgs}


# ---------------------------------------------------------------- per-country governments and forces

def primary_demonyms(ctx):
    """country code -> adjective, from the nationalities list just built."""
    out = {}
    for lf in ctx["lists"]:
        if lf.path == "nationalities/demonyms.tsv":
            for (surface, cid), (canonical, feats) in sorted(lf.rows.items()):
                if feats.get("form") == "adjective" and "country" in feats:
                    cc = feats["country"]
                    # prefer the adjective that is also the canonical (first) one
                    out.setdefault(cc, []).append(surface)
    return out


PREFERRED_ADJ = {"GB": "British", "US": "American", "SA": "Saudi", "NZ": "New Zealand", "PH": "Philippine",
                 "AE": "Emirati", "MM": "Myanmar", "NL": "Dutch", "CH": "Swiss", "CD": "Congolese",
                 "BA": "Bosnian", "NP": "Nepali", "LA": "Lao", "XK": "Kosovo", "CZ": "Czech", "IR": "Iranian",
                 "SI": "Slovenian", "KZ": "Kazakh", "TJ": "Tajik", "AZ": "Azerbaijani"}


def build_government(ctx):
    gov = Paired("orgs/government.tsv", "ORGANIZATION", "-", 75, ["mledoze", "hand"])
    mil = Paired("orgs/military.tsv", "ORGANIZATION", "military", 75, ["mledoze", "hand"])
    countries = ctx["countries"]
    adjs = primary_demonyms(ctx)
    for cc in sorted(countries):
        c = countries[cc]
        if not c["independent"] and cc not in ("PS", "TW", "XK"):
            continue
        name = c["name"]
        adj = PREFERRED_ADJ.get(cc) or (adjs.get(cc) or [None])[0]
        base = {"country": cc, "of": "iso3166:%s" % cc, "generated": "pattern"}
        # government
        cid = "gazette:org/government/%s" % cc
        f = dict(base, subtype="government")
        surf = ["Government of %s" % name, "%s government" % name]
        if adj:
            surf += ["%s government" % adj, "%s Government" % adj]
        add_all(gov, surf, "Government of %s" % name, cid, f)
        # ministries
        for key, label, forms in (
                ("defence", "Ministry of Defence", ["Ministry of Defence", "Defence Ministry", "Ministry of Defense",
                                                    "Defense Ministry"]),
                ("foreign", "Ministry of Foreign Affairs", ["Foreign Ministry", "Ministry of Foreign Affairs",
                                                            "Foreign Affairs Ministry"]),
                ("interior", "Ministry of Interior", ["Interior Ministry", "Ministry of Interior",
                                                      "Ministry of Internal Affairs"]),
                ("finance", "Ministry of Finance", ["Finance Ministry", "Ministry of Finance"])):
            cid = "gazette:org/ministry-of-%s/%s" % (key, cc)
            f = dict(base, subtype="ministry", ministry=key)
            surf = ["%s of %s" % (label, name)]
            if adj:
                surf += ["%s %s" % (adj, x) for x in forms]
            add_all(gov, surf, "%s (%s)" % (label, name), cid, f)
        # armed forces and branches
        if adj:
            for key, canon, forms in (
                    ("armed_forces", "Armed Forces of %s" % name,
                     ["%s Armed Forces" % adj, "%s armed forces" % adj, "%s military" % adj,
                      "Armed Forces of %s" % name]),
                    ("army", "%s Army" % adj, ["%s Army" % adj, "%s army" % adj]),
                    ("navy", "%s Navy" % adj, ["%s Navy" % adj, "%s navy" % adj]),
                    ("air_force", "%s Air Force" % adj, ["%s Air Force" % adj, "%s air force" % adj])):
                if cc == "US":
                    continue   # hand table: U.S. Army, U.S. Navy ...
                cid = "gazette:org/%s/%s" % (key.replace("_", "-"), cc)
                add_all(mil, forms, canon, cid, dict(base, branch=key))
    # hand-written bodies
    for canonical, cc, subtype, aliases in read_table("government_extra.tsv"):
        if cc not in countries:
            raise SystemExit("government_extra.tsv: unknown country %s" % cc)
        cid = "gazette:org/%s" % slug(canonical)
        f = {"country": cc, "of": "iso3166:%s" % cc}
        target = mil if subtype == "military" else gov
        if subtype == "agency":
            # a government agency, not a seat of power: no `of` (it is no metonym of its country)
            f = {"country": cc, "subtype": "government"}
        elif subtype != "military":
            f["subtype"] = subtype
        add_all(target, [canonical] + aliases.split("|"), canonical, cid, f)
    ctx["lists"].extend(gov.lists() + mil.lists())


def simple_table(ctx, table, path, subtype, priority, cid_prefix="gazette:org/", case_split=True, extra=None,
                 mark_common=False):
    p = Paired(path, "ORGANIZATION", subtype, priority, ["hand"])
    countries = ctx["countries"]
    for row in read_table(table):
        canonical, cc, aliases = row[:3]
        if cc not in countries:
            raise SystemExit("%s: unknown country %s" % (table, cc))
        cid = cid_prefix + slug(canonical)
        f = {"country": cc, "of": "iso3166:%s" % cc}
        if extra:
            f.update(extra)
        base = clean(re.sub(r"\s*\(.*?\)", "", canonical))
        add_all(p, [base] + aliases.split("|"), canonical, cid, f, mark_common)
    ctx["lists"].extend(p.lists())


def build_committees(ctx):
    with open(os.path.join(shared_dir(), "congress-legislators", "committees-current.yaml"), encoding="utf-8") as f:
        comms = yaml.safe_load(f)
    lf = ListFile("orgs/us_congress_committees.tsv", "ORGANIZATION", "government", "sensitive", "fold", 70,
                  ["congress"])
    for c in sorted(comms, key=lambda x: x["thomas_id"]):
        name = clean(c["name"])
        cid = "gazette:org/us-committee/%s" % c["thomas_id"]
        feats = {"country": "US", "of": "iso3166:US", "chamber": c.get("type"), "thomas_id": c["thomas_id"]}
        surf = [name]
        m = re.match(r"^(House|Senate|Joint) (?:Select |Permanent Select |Special )?Committee on (?:the )?(.*)$", name)
        if m:
            topic = m.group(2)
            if "," not in topic and len(topic.split()) <= 5:
                surf.append("%s %s Committee" % (m.group(1), topic.replace(" and ", " and ")))
        add_all(lf, surf, name, cid, feats)
    ctx["lists"].append(lf)


# ---------------------------------------------------------------- companies, universities, media

LEGAL = re.compile(r",?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|plc|PLC|Co\.|Company|Ltd\.?|Limited|N\.V\.|"
                   r"S\.A\.|LLC|L\.P\.|Holdings,? Inc\.)$")


def build_companies(ctx):
    sp = ListFile("orgs/companies_sp500.tsv", "ORGANIZATION", "company", "sensitive", "fold", 70,
                  ["sp500", "hand"],
                  note="listed name, name without legal suffix (Inc., Corp., plc ...), and common names "
                       "(Scripts/lexicons/data/sp500_aliases.tsv); ticker is a feature, never a surface")
    aliases = {t: a.split("|") for t, a in read_table("sp500_aliases.tsv")}
    with open(os.path.join(shared_dir(), "sp500", "constituents.csv"), encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["Symbol"])
    merged = {}
    for r in rows:
        name = clean(re.sub(r"\s*\(Class [A-Z]\)", "", r["Security"]))
        m = merged.setdefault(name, {"tickers": [], "rows": []})
        m["tickers"].append(r["Symbol"])
        m["rows"].append(r)
    for name in sorted(merged):
        m = merged[name]
        r = m["rows"][0]
        short = name
        while True:
            s2 = LEGAL.sub("", short)
            if s2 == short:
                break
            short = s2
        cid = "gazette:org/%s" % slug(short)
        feats = {"ticker": "|".join(sorted(m["tickers"])), "sector": r.get("GICS Sector"),
                 "cik": str(int(r["CIK"])) if r.get("CIK") else None, "country": "US",
                 "hq": r.get("Headquarters Location")}
        surf = [name, short]
        for t in m["tickers"]:
            surf += aliases.get(t, [])
        for s in surf:
            f = dict(feats)
            if " " not in s and is_common_word(s):
                f["common_word"] = "yes"
            for v in apostrophe_variants(clean(s.replace("\u2013", "-"))):
                sp.add(v, short, cid, f)
    ctx["lists"].append(sp)
    simple_table(ctx, "companies.tsv", "orgs/companies.tsv", "company", 70, mark_common=True)


def build_universities(ctx):
    with open(os.path.join(shared_dir(), "university-domains", "world_universities_and_domains.json"),
              encoding="utf-8") as f:
        unis = json.load(f)
    lf = ListFile("orgs/universities.tsv", "ORGANIZATION", "university", "sensitive", "fold", 60,
                  ["universities"])
    seen = {}
    for u in sorted(unis, key=lambda x: (x.get("alpha_two_code") or "", clean(x["name"]), (x.get("domains") or [""])[0])):
        name = clean(u["name"])
        cc = u.get("alpha_two_code") or ""
        if not name or len(name) < 4:
            continue
        cid = "gazette:org/university/%s-%s" % (cc.lower(), slug(name))
        if cid in seen:
            continue
        seen[cid] = 1
        feats = {"country": cc or None, "domain": (u.get("domains") or [None])[0],
                 "state": clean(u.get("state-province")) if u.get("state-province") else None}
        surf = [name]
        if name.startswith("The "):
            surf.append(name[4:])
        if "&" in name:
            surf.append(name.replace("&", "and"))
        for s in surf:
            for v in apostrophe_variants(s):
                lf.add(v, name, cid, feats)
    ctx["lists"].append(lf)


def build_media(ctx):
    p = Paired("orgs/media.tsv", "ORGANIZATION", "media", 70, ["hand", "fundus"])
    countries = ctx["countries"]
    hand_surfaces = set()
    for canonical, cc, aliases in read_table("media.tsv"):
        cid = "gazette:org/media/%s" % slug(canonical)
        base = clean(re.sub(r"\s*\(.*?\)", "", canonical))
        al = [base] + aliases.split("|")
        hand_surfaces.update(al)
        add_all(p, al, canonical, cid, {"country": cc}, mark_common=True)
    with open(os.path.join(shared_dir(), "fundus", "supported_publishers.md"), encoding="utf-8") as f:
        text = f.read()
    fix = {"UK": "GB", "IND": "IN", "ISL": "IS"}
    for sec in re.split(r"\n## ", text)[1:]:
        cc = sec.split("-")[0].strip()
        cc = fix.get(cc, cc)
        rows = re.findall(r'<tr>\s*<td>\s*<code>(.*?)</code>\s*</td>\s*<td>\s*<div>(.*?)</div>\s*</td>\s*'
                          r'<td>\s*<a href="(.*?)"', sec, re.S)
        for cls, name, url in rows:
            name = clean(re.sub(r"</?strike>", "", html.unescape(name)))
            if len(name) < 3 or name in hand_surfaces:
                continue
            dom = re.sub(r"^https?://(www\.)?", "", url).strip("/")
            cid = "gazette:org/media/%s" % slug(name)
            surf = [name]
            m = re.match(r"^(.*?) \(([A-Za-z]+)\)$", name)
            canonical = name
            if m:
                surf = [m.group(1), m.group(2)] if m.group(2).isupper() and len(m.group(2)) > 2 else [m.group(1)]
                canonical = m.group(1)
            if name.startswith("The "):
                canonical = name
            add_all(p, surf, canonical, cid, {"country": cc if cc in countries else None, "url": dom}, mark_common=True)
    ctx["lists"].extend(p.lists())


def build_sports(ctx):
    """Professional sports clubs and teams (hand table): full names always, short names only
    where the table lists them (distinctive ones: "Lakers", not "Giants")."""
    p = Paired("orgs/sports_teams.tsv", "ORGANIZATION", "other", 65, ["hand"])
    countries = ctx["countries"]
    seen = {}
    for row in read_table("sports_teams.tsv"):
        if len(row) != 4:
            raise SystemExit("sports_teams.tsv: expected 4 columns: %r" % (row,))
        canonical, cc, league, aliases = row
        if cc not in countries:
            raise SystemExit("sports_teams.tsv: unknown country %s" % cc)
        cid = "gazette:org/sports/%s" % slug(canonical)
        base = clean(re.sub(r"\s*\(.*?\)", "", canonical))
        surfaces = [base] + [a for a in aliases.split("|") if a]
        for surface in surfaces:
            key = fold(clean(surface)).lower()
            if seen.setdefault(key, canonical) != canonical:
                raise SystemExit("sports_teams.tsv: %s names both %s and %s" % (surface, seen[key], canonical))
        add_all(p, surfaces, canonical, cid, {"country": cc, "league": league, "kind": "sports_team"})
    ctx["lists"].extend(p.lists())


def build(ctx):
    build_international(ctx)
    build_government(ctx)
    simple_table(ctx, "intelligence.tsv", "orgs/intelligence.tsv", "intelligence", 80)
    build_committees(ctx)
    build_companies(ctx)
    build_universities(ctx)
    build_media(ctx)
    build_sports(ctx)
    simple_table(ctx, "political_parties.tsv", "orgs/political_parties.tsv", "political_party", 70)
    simple_table(ctx, "armed_groups.tsv", "orgs/armed_groups.tsv", "armed_group", 75)
