"""Titles: political, civil, military, religious and royal titles with abbreviations."""

import os
import re

from .common import ListFile, clean, slug, is_common_word, apostrophe_variants, shared_dir
from .places import read_table

SUBTYPES = ["political", "civil", "military", "religious", "royal"]
PRIORITY = {"political": 65, "civil": 60, "military": 65, "religious": 65, "royal": 65}


def is_sensitive(s, all_aliases):
    if s.startswith("="):
        return True
    if s.endswith(".") or (len(s) <= 5 and s.isupper()):
        return True
    if s == s.lower():
        return False
    if s.lower() in all_aliases:
        return False
    if " " not in s and is_common_word(s):
        return True
    return False


def build(ctx):
    lists = {}
    for st in SUBTYPES:
        lists[(st, "insensitive")] = ListFile("titles/%s.tsv" % st, "TITLE", st, "insensitive", "fold",
                                              PRIORITY[st], ["hand"])
        lists[(st, "sensitive")] = ListFile("titles/%s_cs.tsv" % st, "TITLE", st, "sensitive", "fold",
                                            PRIORITY[st], ["hand"],
                                            note="abbreviations and titles that are also common English words: "
                                                 "matched only with the case written here")
    seen = set()
    ids = set()
    for sl, canonical, subtype, aliases in read_table("titles.tsv"):
        al = aliases.split("|")
        low = {a.lower() for a in al if a == a.lower()}
        cid = "gazette:title/%s" % sl.replace("_", "-")
        ids.add(cid)
        for a in [canonical] + al:
            a = clean(a)
            sens = is_sensitive(a, low)
            a = a.lstrip("=")
            if not a or a in seen:
                continue
            seen.add(a)
            feats = {"abbr": "yes" if a.endswith(".") or (a.isupper() and len(a) <= 5) else None}
            for v in apostrophe_variants(a):
                lists[(subtype, "sensitive" if sens else "insensitive")].add(v, canonical, cid, feats)
    ctx["lists"].extend(lists[(st, c)] for st in SUBTYPES for c in ("insensitive", "sensitive"))

    # GATE ANNIE title lists (LGPL-3.0): capitalised forms not already covered above
    gate = ListFile("titles/gate_titles.tsv", "TITLE", "-", "sensitive", "fold", 55, ["gate"],
                    note="GATE ANNIE jobtitles.lst, title.lst, title_mil.lst, title-army/navy/airforce.lst, "
                         "cabinet-positions.lst: capitalised entries only; subtype=... per entry")
    base = os.path.join(shared_dir(), "gate-annie")
    files = [("cabinet-positions.lst", "political"), ("title_mil.lst", "military"), ("title-army.lst", "military"),
             ("title-navy.lst", "military"), ("title-airforce.lst", "military"), ("title.lst", None),
             ("jobtitles.lst", None)]
    for fname, forced in files:
        with open(os.path.join(base, fname), encoding="utf-8", errors="replace") as f:
            for line in f:
                s = clean(line.split("&")[0])
                if not s or not s[0].isupper() or "\ufffd" in s or s in seen or "**" in s:
                    continue
                if len(s) < 2 or s.isupper() and len(s) > 6:
                    continue
                # party-member nouns ("a Republican") name a party, not an office
                if s in PARTY_MEMBER_NOUNS:
                    continue
                st = forced or classify(s)
                seen.add(s)
                gate.add(s, s, "gazette:title/%s" % slug(s), {"subtype": st})
    ctx["lists"].append(gate)

    # world leaders: keep title= only when that title exists
    for lf in ctx["lists"]:
        if lf.path == "people/world_leaders.tsv":
            for key, (canonical, feats) in lf.rows.items():
                if feats.get("title") not in ids:
                    feats.pop("title", None)


PARTY_MEMBER_NOUNS = {"Republican", "Democrat", "Democratic", "Conservative", "Liberal", "Labour", "Socialist",
                      "Communist", "Green", "Tory", "Whig", "Federalist", "Libertarian", "Independent"}


def classify(s):
    if re.search(r"\b(Bishop|Priest|Rabbi|Imam|Reverend|Cardinal|Pope|Deacon|Pastor|Chaplain|Vicar|Ayatollah|"
                 r"Archbishop|Cleric|Abbot|Monk|Nun|Canon|Mufti|Sheikh)\b", s, re.I):
        return "religious"
    if re.search(r"\b(General|Colonel|Major|Captain|Lieutenant|Sergeant|Corporal|Admiral|Commander|Marshal|"
                 r"Brigadier|Private|Officer|Commodore|Army|Navy|Marine|Air Force|Lt|Gen|Col|Sgt)\b", s):
        return "military"
    if re.search(r"\b(Minister|Secretary|Senator|President|Governor|Ambassador|Mayor|Chancellor|Premier|"
                 r"Congressman|Congresswoman|Speaker|Representative|Parliament|Councillor|Councilor|Consul|"
                 r"Diplomat|Envoy|Attorney General|Sen|Rep)\b", s):
        return "political"
    if re.search(r"\b(King|Queen|Prince|Princess|Duke|Duchess|Emperor|Empress|Sultan|Emir|Baron|Count|"
                 r"Lord|Lady|Majesty|Highness)\b", s):
        return "royal"
    return "civil"
