"""Auxiliary lists used by recognition rules: organisation suffixes and keywords, location keywords,
directions."""

import os

from .common import ListFile, clean, slug, shared_dir

ORG_SUFFIXES = ["Inc.", "Inc", "Incorporated", "Corp.", "Corp", "Corporation", "Co.", "Company", "& Co.",
                "Ltd.", "Ltd", "Limited", "LLC", "L.L.C.", "LLP", "L.P.", "LP", "plc", "PLC", "P.L.C.", "GmbH",
                "AG", "SE", "SA", "S.A.", "S.p.A.", "SpA", "N.V.", "NV", "B.V.", "BV", "AB", "ASA", "A/S",
                "Oyj", "KK", "K.K.", "Pty Ltd", "Pty. Ltd.", "Bhd", "Sdn Bhd", "Tbk", "JSC", "PJSC", "OJSC",
                "OAO", "ZAO", "OOO", "SAS", "S.A.S.", "SARL", "S.L.", "Srl", "S.r.l.", "Holdings", "Group"]

ORG_KEYWORDS = [
    ("Agency", "government"), ("Administration", "government"), ("Authority", "government"),
    ("Bureau", "government"), ("Cabinet", "government"), ("Commission", "government"),
    ("Committee", "government"), ("Council", "government"), ("Court", "government"),
    ("Department", "government"), ("Directorate", "government"), ("Government", "government"),
    ("Ministry", "ministry"), ("Office", "government"), ("Parliament", "government"),
    ("Senate", "government"), ("Assembly", "government"), ("Congress", "government"),
    ("Police", "government"), ("Gendarmerie", "government"), ("Constabulary", "government"),
    ("Service", "government"), ("Tribunal", "government"),
    ("Army", "military"), ("Navy", "military"), ("Air Force", "military"), ("Forces", "military"),
    ("Force", "military"), ("Guard", "military"), ("Guards", "military"), ("Brigade", "military"),
    ("Battalion", "military"), ("Regiment", "military"), ("Division", "military"), ("Corps", "military"),
    ("Command", "military"), ("Staff", "military"), ("Fleet", "military"), ("Squadron", "military"),
    ("Battery", "military"), ("Platoon", "military"), ("Flotilla", "military"), ("Detachment", "military"),
    ("Task Force", "military"), ("Militia", "military"), ("Legion", "military"), ("Wing", "military"),
    ("Party", "political_party"), ("Front", "political_party"), ("Movement", "political_party"),
    ("Alliance", "international"), ("Coalition", "political_party"), ("League", "international"),
    ("Union", "international"), ("Organisation", "international"), ("Organization", "international"),
    ("Federation", "international"), ("Association", "international"), ("Confederation", "international"),
    ("Bank", "company"), ("Group", "company"), ("Holdings", "company"), ("Industries", "company"),
    ("Technologies", "company"), ("Systems", "company"), ("Airlines", "company"), ("Airways", "company"),
    ("Motors", "company"), ("Energy", "company"), ("Petroleum", "company"), ("Pharmaceuticals", "company"),
    ("Partners", "company"), ("Capital", "company"), ("Investments", "company"), ("Insurance", "company"),
    ("Enterprises", "company"), ("Labs", "company"), ("Laboratories", "company"), ("Solutions", "company"),
    ("Resources", "company"), ("Networks", "company"), ("Electronics", "company"), ("Semiconductor", "company"),
    ("Materials", "company"), ("Logistics", "company"), ("Foods", "company"), ("Pharma", "company"),
    ("Therapeutics", "company"), ("Biosciences", "company"), ("Robotics", "company"), ("Aerospace", "company"),
    ("Software", "company"), ("Telecom", "company"), ("Entertainment", "company"), ("Studios", "company"), ("Foundation", "ngo"),
    ("Institute", "university"), ("University", "university"), ("College", "university"),
    ("School", "university"), ("Academy", "university"), ("Hospital", "civil"), ("Church", "religious"),
    ("Fund", "international"), ("Centre", "civil"), ("Center", "civil"), ("Club", "civil"),
    ("Society", "civil"), ("Trust", "civil"), ("News", "media"), ("Times", "media"), ("Post", "media"),
    ("Journal", "media"), ("Herald", "media"), ("Tribune", "media"), ("Gazette", "media"),
    ("Television", "media"), ("Radio", "media"), ("Broadcasting", "media"), ("Press", "media"),
    ("Publishing", "company"), ("Publishers", "company"), ("Hall of Fame", "civil"),
]

# Keywords that, capitalised alone inside a sentence, name one body the reader knows ("the
# Coalition", "Coalition aircraft", "Alliance members"): marked alone=yes.
ORG_KEYWORDS_ALONE = {"Coalition", "Alliance"}

# GATE organisation keywords left out: words that end people's names far more often than
# organisation names ("Philip Drew", "Chris Ware").
GATE_KEYWORDS_LEFT_OUT = {"Drew", "Ware"}

LOC_KEYWORDS = ["province", "region", "district", "oblast", "county", "state", "governorate", "prefecture",
                "taluk", "taluka", "tehsil", "mandal", "parish", "voivodeship", "kreis",
                "municipality", "raion", "rayon", "krai", "okrug", "canton", "department", "territory",
                "territories", "republic", "city", "town", "village", "settlement", "suburb", "neighbourhood",
                "neighborhood", "island", "islands", "peninsula", "valley", "river", "mountains", "mountain",
                "mount", "sea", "ocean", "lake", "bay", "gulf", "strait", "channel", "desert", "coast", "border",
                "enclave", "exclave", "strip", "bank", "heights", "plain", "plateau", "basin", "delta", "crater", "lagoon", "glacier", "canyon", "reef", "oasis", "volcano",
                "airport", "airbase", "air base", "airfield", "airstrip", "barracks", "base", "port", "harbour", "harbor", "camp", "refugee camp",
                "front", "front line", "frontline", "square", "street", "avenue", "bridge", "dam",
                "power plant", "nuclear plant", "nuclear power plant",
                # buildings and sites named after people or places ("Alfred Phillips House")
                "house", "hall", "tower", "field", "rink", "library", "museum", "church", "cathedral", "chapel",
                "temple", "mosque", "synagogue", "palace", "castle", "fort", "courthouse", "schoolhouse", "stadium",
                "arena", "ground", "oval", "park", "gallery", "galleries", "theatre", "theater", "auditorium", "hotel",
                "mall", "plaza", "pier", "wharf", "lighthouse", "tunnel", "canal", "highway", "road", "boulevard",
                "gardens", "zoo", "prison", "station", "terminal", "hospital", "cemetery", "monument", "memorial", "estate"]

DIRECTIONS = [("north", "north"), ("south", "south"), ("east", "east"), ("west", "west"),
              ("northern", "north"), ("southern", "south"), ("eastern", "east"), ("western", "west"),
              ("north-east", "northeast"), ("northeast", "northeast"), ("north-eastern", "northeast"),
              ("northeastern", "northeast"), ("north-west", "northwest"), ("northwest", "northwest"),
              ("north-western", "northwest"), ("northwestern", "northwest"), ("south-east", "southeast"),
              ("southeast", "southeast"), ("south-eastern", "southeast"), ("southeastern", "southeast"),
              ("south-west", "southwest"), ("southwest", "southwest"), ("south-western", "southwest"),
              ("southwestern", "southwest"), ("central", "center"), ("centre", "center"),
              ("mid", "center"), ("upper", "upper"), ("lower", "lower"), ("greater", "greater"),
              ("inner", "inner"), ("outer", "outer"), ("far", "far"), ("east-central", "east_center"),
              ("west-central", "west_center"), ("north-central", "north_center"),
              ("south-central", "south_center")]


# All-capital abbreviations common in news that name things, roles or measures, not
# organisations: an unknown all-capital word is read as an organisation unless it is one of these.
COMMON_ACRONYMS = [
    # weapons and military equipment
    "IED", "IEDs", "VBIED", "VBIEDs", "RPG", "RPGs", "UAV", "UAVs", "ICBM", "ICBMs", "SLBM", "MANPADS", "APC",
    "APCs", "IFV", "IFVs", "MLRS", "SAM", "SAMs", "ATGM", "ATGMs", "WMD", "CBRN", "EW", "ISR", "AWACS",
    # economy and finance
    "GDP", "GNP", "GNI", "CPI", "PPI", "PMI", "VAT", "IPO", "IPOs", "ETF", "ETFs", "ESG", "FDI", "M&A", "EBITDA",
    "YoY", "QoQ", "LNG", "LPG", "EV", "EVs",
    # roles
    "CEO", "CEOs", "CFO", "COO", "CTO", "CIO", "VP", "MEP", "MEPs", "MPs", "GM",
    # health and science
    "DNA", "RNA", "HIV", "AIDS", "COVID", "SARS", "MERS", "PTSD", "ICU", "CO2", "PPE",
    # technology and media
    "AI", "IT", "TV", "PC", "PCs", "GPS", "SMS", "USB", "PDF", "LED", "LCD", "CCTV", "URL", "HTML", "API", "APIs",
    "CD", "CDs", "DVD", "DVDs", "EP", "EPs", "LP", "LPs", "HD", "VPN", "4G", "5G", "FAQ",
    # time and measures
    "GMT", "UTC", "EST", "EDT", "PST", "PDT", "CET", "CEST", "BST", "MPH", "KPH",
    "MW", "GW", "TW", "MWh", "GWh", "TWh", "KB", "MB", "TB", "PB",
    # other
    "OK", "AKA", "DIY", "ASAP", "RSVP", "TBA", "TBD", "ID", "IDs", "LGBT", "LGBTQ", "POW", "POWs", "MIA", "KIA",
    "DAX", "WIA", "AWOL", "RIP", "FYI", "HQ", "IQ", "VIP", "VIPs", "DJ", "DJs", "MC", "SUV", "SUVs", "RV", "RVs", "ATV",
    "ATVs", "ATM", "ATMs", "BMX", "RPM", "MRI", "CPR", "IVF", "DUI", "ADHD", "OCD", "CAD", "SWAT", "AD", "BC", "BCE",
    # sports statistics and honours, and offices held
    "ERA", "ERAs", "RBI", "RBIs", "MVP", "MVPs", "MP", "MPP", "MPPs", "MLA", "MLAs", "KO", "KOs", "TKO", "TKOs",
]


def gate_list(name):
    out = []
    with open(os.path.join(shared_dir(), "gate-annie", name), encoding="utf-8", errors="replace") as f:
        for line in f:
            s = clean(line.split("&")[0]).rstrip("*").strip()
            if s and "\ufffd" not in s and s not in out:
                out.append(s)
    return out


def build(ctx):
    suf = ListFile("rules/org_suffixes.tsv", "ORG_SUFFIX", "-", "sensitive", "keep", 5, ["hand", "gate"],
                   note="legal-form endings after a company name; GATE org_ending.lst entries are marked source=gate")
    for s in ORG_SUFFIXES:
        suf.add(s, s.rstrip("."), "gazette:org-suffix/%s" % slug(s))
    for s in gate_list("org_ending.lst"):
        if len(s) >= 2 and not s.islower():
            suf.add(s, s.rstrip("."), "gazette:org-suffix/%s" % slug(s), {"source": "gate"})
    key = ListFile("rules/org_keywords.tsv", "ORG_KEYWORD", "-", "sensitive", "fold", 5, ["hand", "gate"],
                   note="capitalised head words that end organisation names (Bank, Army, Party, Ministry ...); "
                        "hint = the organisation subtype the keyword suggests; alone=yes: capitalised alone "
                        "inside a sentence, the keyword names one body ('the Coalition')")
    for s, hint in ORG_KEYWORDS:
        features = {"hint": hint}
        if s in ORG_KEYWORDS_ALONE:
            features["alone"] = "yes"
        key.add(s, s, "gazette:org-keyword/%s" % slug(s), features)
    for fname in ("org_base.lst", "org_key.lst"):
        for s in gate_list(fname):
            if s in GATE_KEYWORDS_LEFT_OUT:
                continue
            if s[0].isupper() and not s.isupper() and len(s) > 2:
                key.add(s, s, "gazette:org-keyword/%s" % slug(s), {"source": "gate"})
    loc = ListFile("rules/loc_keywords.tsv", "LOC_KEYWORD", "-", "insensitive", "fold", 5, ["hand", "gate"],
                   note="words after (or before) a place name that mark a location: 'Donetsk region', "
                        "'Kursk oblast'")
    for s in LOC_KEYWORDS:
        loc.add(s, s, "gazette:loc-keyword/%s" % slug(s))
    for s in gate_list("loc_key.lst"):
        if len(s) > 2 and not s.isupper():
            loc.add(s, s.lower(), "gazette:loc-keyword/%s" % slug(s), {"source": "gate"})
    d = ListFile("rules/directions.tsv", "DIRECTION", "-", "insensitive", "fold", 5, ["hand"],
                 note="direction words before a place name: 'eastern Ukraine', 'north-west Syria'")
    for s, canon in DIRECTIONS:
        d.add(s, canon, "gazette:direction/%s" % canon.replace("_", "-"))
    acr = ListFile("rules/common_acronyms.tsv", "COMMON_ACRONYM", "-", "sensitive", "keep", 5, ["hand"],
                   note="all-capital abbreviations that are not organisation names (IED, GDP, CEO, COVID ...): "
                        "the acronym rule leaves them alone")
    for s in COMMON_ACRONYMS:
        acr.add(s, s, "gazette:common-acronym/%s" % slug(s))
    ctx["lists"].extend([suf, key, loc, d, acr])
