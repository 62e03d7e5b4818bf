"""Nationalities: an English demonym (adjective) and its people forms for every country."""

import re

from .common import ListFile, clean, slug
from .places import load_mledoze, read_table

NO_PLURAL = re.compile(r"(ese|ish|ch|ss|sh|x|ic)$")


def people_forms(adj):
    if NO_PLURAL.search(adj):
        return []
    if adj.endswith("man"):
        return [adj[:-3] + "men"]
    if adj.endswith("y") and not adj.endswith(("ey", "ay", "oy")):
        return []
    return [adj + "s"]


def build(ctx):
    lf = ListFile("nationalities/demonyms.tsv", "NATIONALITY", "-", "sensitive", "fold", 95,
                  ["mledoze", "hand"],
                  note="canonical name = the adjective; canonical id = the country's id (country=XX), or "
                       "gazette:nationality/<slug> for peoples and groups without a state (kind=group); "
                       "form=adjective|people")
    countries = ctx["countries"]
    mled = {c["cca2"]: c for c in load_mledoze()}
    hand = read_table("demonyms.tsv")
    removed = {(r[0], r[1][1:]) for r in hand if r[1].startswith("-")}
    hand_adj = {}
    for r in hand:
        if r[1].startswith("-"):
            continue
        hand_adj.setdefault(r[1], []).append(r)

    # adjective -> candidate countries
    owners = {}
    for cc in sorted(mled):
        c = mled[cc]
        d = (c.get("demonyms") or {}).get("eng") or {}
        forms = []
        for g in ("m", "f"):
            for part in (d.get(g) or "").split(","):
                part = clean(part)
                if part and part not in forms:
                    forms.append(part)
        for adj in forms:
            if adj == clean(c["name"]["common"]) or (cc, adj) in removed:
                continue
            owners.setdefault(adj, []).append(cc)

    def pick(adj, ccs):
        if adj in hand_adj:
            hand_ccs = [r[0] for r in hand_adj[adj]]
            return [cc for cc in hand_ccs if re.fullmatch(r"[A-Z]{2}", cc)] or hand_ccs
        indep = [cc for cc in ccs if countries[cc]["independent"]] or ccs
        indep.sort(key=lambda cc: (-(mled[cc].get("area") or 0), cc))
        return indep[:1]

    entries = []   # (adj, cc, people forms)
    for adj in sorted(owners):
        if adj in hand_adj:
            continue
        for cc in pick(adj, owners[adj]):
            entries.append((adj, cc, people_forms(adj)))
    for adj in sorted(hand_adj):
        for r in hand_adj[adj]:
            cc = r[0]
            forms = [x for x in (r[2] if len(r) > 2 else "").split("|") if x]
            # "Danes" -> "a Dane": the singular of a plural people form that is not the adjective
            for p in list(forms):
                one = p[:-1]
                if p.endswith("s") and not p.endswith("ss") and one != adj and one not in forms \
                        and one not in owners and one not in hand_adj:
                    forms.append(one)
            entries.append((adj, cc, forms))

    for adj, cc, forms in entries:
        if cc.startswith("gazette:"):
            cid = cc
            feats = {"kind": "group"}
        else:
            cid = "iso3166:%s" % cc
            feats = {"country": cc, "country_name": countries[cc]["name"] if cc in countries else None}
        lf.add(adj, adj, cid, dict(feats, form="adjective"))
        for p in forms:
            lf.add(p, adj, cid, dict(feats, form="people"))
    ctx["lists"].append(lf)
