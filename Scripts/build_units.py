#!/usr/bin/env python3
"""Build Lexicons/units/: unit, currency, number-word, qualifier and range tables.

    python3 Scripts/build_units.py [--shared DIR] [--out DIR] [--no-install]

Inputs (facts only, see Lexicons/units/SOURCES.md):
  ../shared/data/quantulum3/units.json              quantulum3 (MIT)
  ../shared/data/recognizers-text/English-*.yaml    Microsoft Recognizers-Text (MIT)
  /usr/share/iso-codes/json/iso_4217.json           Debian iso-codes (LGPL-2.1+)
  /usr/share/unicode/cldr/common/main/{root,en,en_001}.xml   Debian unicode-cldr-core (Unicode-DFS-2016)
  PyPI pint == PINT_VERSION (BSD-3-Clause): exact conversion factors, computed with Fractions
  Scripts/units/*.tsv                               curated additions (this project)

The output is deterministic: every table is sorted, no timestamps are written, and running the
script twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

PINT_VERSION = "0.25.3"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CURATED = HERE / "units"
ISO_4217 = Path("/usr/share/iso-codes/json/iso_4217.json")
CLDR_MAIN = Path("/usr/share/unicode/cldr/common/main")
CLDR_DTD = Path("/usr/share/unicode/cldr/common/dtd/ldml.dtd")


# --------------------------------------------------------------------------------------------
# dependencies


def ensure_dependencies(install: bool) -> None:
    """pint (pinned) from PyPI, unicode-cldr-core from Debian; install them when missing."""
    try:
        import pint  # noqa: F401

        have = pint.__version__
    except ImportError:
        have = None
    if have != PINT_VERSION:
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", f"pint=={PINT_VERSION}"]
        if not install:
            sys.exit(f"need pint=={PINT_VERSION} (have {have}); run: {' '.join(cmd)}")
        print("installing:", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True)
        importlib.invalidate_caches()
        for name in [m for m in sys.modules if m == "pint" or m.startswith("pint.")]:
            del sys.modules[name]
    if not (CLDR_MAIN / "en.xml").exists():
        cmd = ["apt-get", "install", "-y", "--no-install-recommends", "unicode-cldr-core"]
        if not install or shutil.which("apt-get") is None:
            sys.exit("need Debian package unicode-cldr-core; run: " + " ".join(cmd))
        print("installing:", " ".join(cmd), file=sys.stderr)
        if subprocess.run(cmd).returncode != 0:
            subprocess.run(["apt-get", "update"], check=True)
            subprocess.run(cmd, check=True)
    if not ISO_4217.exists():
        sys.exit("need Debian package iso-codes (apt-get install iso-codes)")
    try:
        import yaml  # noqa: F401
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "PyYAML"]
        if not install:
            sys.exit("need PyYAML; run: " + " ".join(cmd))
        subprocess.run(cmd, check=True)


def debian_version(package: str) -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", package],
            capture_output=True, text=True, check=True,
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cldr_version() -> str:
    m = re.search(r'cldrVersion CDATA #FIXED "([^"]+)"', CLDR_DTD.read_text(encoding="utf-8"))
    return m.group(1) if m else "unknown"


# --------------------------------------------------------------------------------------------
# exact numbers


def exact(fr: Fraction) -> str:
    """Exact decimal string for a finite decimal, `num/den` otherwise (never an exponent)."""
    fr = Fraction(fr)
    den = fr.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{fr.numerator}/{fr.denominator}"
    k = max(twos, fives)
    scaled = fr * (10 ** k)
    assert scaled.denominator == 1
    n = scaled.numerator
    sign = "-" if n < 0 else ""
    digits = str(abs(n)).rjust(k + 1, "0")
    if k == 0:
        return sign + digits
    whole, frac = digits[:-k], digits[-k:].rstrip("0")
    return sign + whole + ("." + frac if frac else "")


def parse_value(text: str) -> Fraction:
    if "/" in text:
        a, b = text.split("/")
        return Fraction(int(a), int(b))
    return Fraction(text)


class Converter:
    """pint with Fraction magnitudes: factors are exact rationals, not floats."""

    def __init__(self) -> None:
        import pint

        assert pint.__version__ == PINT_VERSION, pint.__version__
        self.pint = pint
        self.ureg = pint.UnitRegistry(non_int_type=Fraction)

    def factor(self, expr: str, si_expr: str) -> Fraction:
        q = self.ureg.parse_expression(expr)
        if not hasattr(q, "to"):
            return Fraction(q)
        if si_expr == "1":
            return Fraction(q.to("dimensionless").magnitude)
        return Fraction(q.to(si_expr).magnitude)

    def affine(self, unit: str) -> tuple[Fraction, Fraction]:
        """(factor, offset) with  K = (x + offset) * factor, from pint's own definition."""
        conv = self.ureg._units[unit].converter
        scale, off = Fraction(conv.scale), Fraction(getattr(conv, "offset", 0))
        return scale, off / scale


# --------------------------------------------------------------------------------------------
# sources


def load_yaml(path: Path) -> dict:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def any_tag(loader, suffix, node):
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node, deep=True)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node, deep=True)
        return loader.construct_scalar(node)

    Loader.add_multi_constructor("!", any_tag)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def rt_entries(doc: dict, key: str) -> dict[str, list[str]]:
    """Recognizers-Text `Name: a|b|c` dictionary -> {Name: [a, b, c]}."""
    out = {}
    for name, alts in (doc[key].get("entries") or {}).items():
        out[str(name)] = [a.strip() for a in str(alts).split("|") if a.strip()]
    return out


def cldr_tree(name: str) -> ET.Element:
    return ET.parse(CLDR_MAIN / f"{name}.xml").getroot()


def cldr_units(locales: list[str]) -> dict[str, dict[str, list[str]]]:
    """{cldr unit type: {"long": [one, other...], "short": [...]}} for the given locales."""
    out: dict[str, dict[str, list[str]]] = {}
    for loc in locales:
        root = cldr_tree(loc)
        for ul in root.iter("unitLength"):
            length = ul.get("type")
            if length not in ("long", "short"):
                continue
            for unit in ul.iter("unit"):
                slot = out.setdefault(unit.get("type"), {}).setdefault(length, [])
                for pat in unit.findall("unitPattern"):
                    text = (pat.text or "").replace("{0}", "").strip()
                    text = text.replace("\u00a0", " ").replace("\u202f", " ")
                    if text and text not in slot:
                        slot.append(text)
    return out


def cldr_currencies() -> dict[str, dict[str, list[str]]]:
    """{code: {"names": [...], "symbols": [...]}} from root + en + en_001."""
    out: dict[str, dict[str, list[str]]] = {}
    for loc in ("root", "en", "en_001"):
        root = cldr_tree(loc)
        for cur in root.iter("currency"):
            slot = out.setdefault(cur.get("type"), {"names": [], "symbols": []})
            for ch in cur:
                text = (ch.text or "").strip()
                if not text:
                    continue
                if ch.tag == "displayName" and ch.get("count"):
                    if text not in slot["names"]:
                        slot["names"].append(text)
                elif ch.tag == "symbol":
                    for t in {text, text.replace("\u202f", " ").replace("\u00a0", " ")}:
                        if t not in slot["symbols"]:
                            slot["symbols"].append(t)
    return out


def read_curated(name: str, ncols: int) -> list[list[str]]:
    """Scripts/units/NAME: tab-separated rows, `#` comments, trailing feature column optional."""
    rows = []
    for lineno, line in enumerate((CURATED / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < ncols:
            sys.exit(f"{name}:{lineno}: expected at least {ncols} columns: {line!r}")
        feats = " ".join(c for c in cols[ncols:] if c.strip())
        rows.append([c.strip() for c in cols[:ncols]] + [feats.strip()])
    return rows


def parse_features(text: str) -> dict[str, str]:
    feats = {}
    for item in text.split():
        if "=" not in item:
            sys.exit(f"bad feature {item!r}")
        k, v = item.split("=", 1)
        feats[k] = v
    return feats


def format_features(feats: dict[str, str]) -> str:
    order = ["case", "ambiguous", "default", "alt", "also", "position"]
    keys = [k for k in order if k in feats] + sorted(k for k in feats if k not in order)
    for k in keys:
        v = feats[k]
        assert v != "" and not re.search(r"\s", v) and "\t" not in v, (k, v)
    return " ".join(f"{k}={feats[k]}" for k in keys)


# --------------------------------------------------------------------------------------------
# surface helpers

PLURAL_INVARIANT = {
    "hertz", "kilohertz", "megahertz", "gigahertz", "lux", "siemens", "horsepower", "celsius",
    "fahrenheit", "yen", "yuan", "won", "baht", "rand", "sheep", "permille", "percent",
    "permyriad", "stone", "mach", "centigrade", "mercury", "tonnage", "annum",
}
PLURAL_IRREGULAR = {"foot": "feet", "inch": "inches", "century": "centuries",
                    "penny": "pennies", "millennium": "millennia", "radius": "radii"}


def pluralize_word(word: str) -> str:
    low = word.lower()
    if low in PLURAL_INVARIANT:
        return word
    if low in PLURAL_IRREGULAR:
        return PLURAL_IRREGULAR[low]
    if low.endswith("s") and not low.endswith("ss"):
        return word  # already plural ("parts", "reais")
    for irr, pl in PLURAL_IRREGULAR.items():
        if low.endswith(irr) and len(low) > len(irr):
            return word[: -len(irr)] + pl
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    return word + "s"


def pluralize(name: str) -> str:
    """Plural of a unit name: the head word takes the plural ("miles per hour", "square feet",
    "degrees Celsius", "pounds-force", "millimetres of mercury")."""
    if name.lower().startswith("per"):
        return name  # "per cent", "permille", "per ten thousand"
    for sep in (" per ", "-per-", " of ", " an ", " a "):
        if sep in name:
            head, rest = name.split(sep, 1)
            return pluralize(head) + sep + rest
    words = name.split(" ")
    if len(words) > 1 and words[0].lower() == "degree":
        return "degrees " + " ".join(words[1:])
    if "-" in words[-1] and words[-1].split("-")[-1].lower() in ("force", "mass"):
        first, last = words[-1].split("-", 1)
        words[-1] = pluralize_word(first) + "-" + last
        return " ".join(words)
    words[-1] = pluralize_word(words[-1])
    return " ".join(words)


def spelling_variants(name: str) -> list[str]:
    """British and US spellings: metre/meter, litre/liter (and their compounds)."""
    out = {name}
    for a, b in (("metre", "meter"), ("litre", "liter")):
        for n in list(out):
            if a in n:
                out.add(n.replace(a, b))
            if b in n:
                out.add(n.replace(b, a))
    return sorted(out)


def letters(s: str) -> str:
    return "".join(ch for ch in s if ch.isalpha())


def is_name(surface: str) -> bool:
    """A spelled-out word or phrase (as opposed to a symbol or abbreviation)."""
    words = re.findall(r"[^\W\d_]+", surface)
    return any(len(w) >= 4 for w in words) and not re.search(r"[/²³$€£¥]", surface)


def short_symbol(surface: str) -> bool:
    """A purely alphabetic symbol of at most two letters (ignoring one trailing dot)."""
    s = surface[:-1] if surface.endswith(".") else surface
    return s.isalpha() and len(s) <= 2


def fold(s: str) -> str:
    """Case folding only (no Unicode compatibility folding: "m²" and "m2", "µm" and "μm" stay
    apart, as they do for a matcher that lower-cases)."""
    return s.lower()


# --------------------------------------------------------------------------------------------
# table of surfaces with provenance priority


class Table:
    """surface -> record; the first source to claim a surface wins (sources are added in order
    of priority: curated, CLDR, quantulum3, Recognizers-Text)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: dict[str, dict] = {}
        self.dropped: set[str] = set()

    def drop(self, surface: str) -> None:
        self.dropped.add(surface)

    def add(self, surface: str, record: dict, kind: str) -> bool:
        surface = surface.strip()
        surface = re.sub(r"\s+", " ", surface)
        if not surface or surface in self.dropped or surface.startswith("-"):
            return False
        if surface in self.rows:
            return False
        # an insensitive duplicate differing only in case is the same surface
        for other in self.rows.values():
            if fold(other["surface"]) == fold(surface) and other["key"] == record["key"] \
                    and not short_symbol(surface) and not short_symbol(other["surface"]):
                return False
        rec = dict(record)
        rec["surface"] = surface
        rec["kind"] = kind
        rec.setdefault("features", {})
        rec["features"] = dict(rec["features"])
        self.rows[surface] = rec
        return True


def assign_case(table: Table) -> None:
    """case=sensitive for short alphabetic symbols, for symbols a curated row marks, and for
    every surface whose case-folded form is shared with a surface that means something else."""
    groups: dict[str, list[dict]] = {}
    for rec in table.rows.values():
        groups.setdefault(fold(rec["surface"]), []).append(rec)
    for rec in table.rows.values():
        if rec["kind"] != "name" and short_symbol(rec["surface"]):
            rec["features"]["case"] = "sensitive"
    for group in groups.values():
        if len(group) > 1:
            for rec in group:
                rec["features"]["case"] = "sensitive"


def matches(a: dict, b: dict) -> bool:
    if a["surface"] == b["surface"]:
        return True
    if fold(a["surface"]) != fold(b["surface"]):
        return False
    return a["features"].get("case") != "sensitive" or b["features"].get("case") != "sensitive"


def assign_also(tables: list[Table]) -> None:
    """also=T1,T2: the surface is also an entry of those tables (same matching rules)."""
    index: dict[str, list[tuple[str, dict]]] = {}
    for t in tables:
        for rec in t.rows.values():
            index.setdefault(fold(rec["surface"]), []).append((t.name, rec))
    for t in tables:
        for rec in t.rows.values():
            others = sorted({name for name, o in index[fold(rec["surface"])]
                             if name != t.name and matches(rec, o)})
            if others:
                rec["features"]["also"] = ",".join(others)


def sort_key_text(s: str):
    return (fold(s), s)


def write_table(path: Path, header: list[str], columns: str, rows: list[list[str]]) -> int:
    seen = set()
    lines = []
    for cols in rows:
        while cols and cols[-1] == "":
            cols = cols[:-1]
        for c in cols:
            assert "\t" not in c and "\n" not in c, cols
        line = "\t".join(cols)
        key = cols[0]
        assert key not in seen, f"{path.name}: duplicate surface {key!r}"
        seen.add(key)
        lines.append(line)
    text = "".join(f"# {h}\n" if h else "#\n" for h in header)
    text += f"# columns: {columns}\n"
    text += "".join(line + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return len(lines)


# --------------------------------------------------------------------------------------------
# units


SPACED_PREFIX = re.compile(r"^(kilo|hecto|deca|deci|centi|milli|micro|nano|pico|mega|giga|tera|peta) ")


def build_units(conv: Converter, q3: dict, rt_units: dict, cldr_u: dict) -> Table:
    spec_rows = read_curated("unit_spec.tsv", 8)
    dims = {r[0]: (r[1], r[2]) for r in read_curated("dimensions.tsv", 3)}
    spec = {}
    for uid, dim, pint_expr, cldr_types, q3_keys, rt_keys, names, symbols, feats in spec_rows:
        if dim not in dims:
            sys.exit(f"unit_spec.tsv: unknown dimension {dim} for {uid}")
        si_unit, si_pint = dims[dim]
        features = parse_features(feats)
        if pint_expr == "-":
            si, factor = "-", "-"
        elif pint_expr.startswith("affine:"):
            f, off = conv.affine(pint_expr.split(":", 1)[1])
            si, factor = si_unit, exact(f)
            if off:
                features["offset"] = exact(off)
        else:
            si, factor = si_unit, exact(conv.factor(pint_expr, si_pint))
        spec[uid] = {
            "key": uid, "dim": dim, "si": si, "factor": factor, "features": features,
            "cldr": [c for c in cldr_types.split(",") if c and c != "-"],
            "q3": [c for c in q3_keys.split(",") if c and c != "-"],
            "rt": [c for c in rt_keys.split(",") if c and c != "-"],
            "names": [c for c in names.split("|") if c and c != "-"],
            "symbols": [c for c in symbols.split("|") if c and c != "-"],
        }

    table = Table("units")
    for surface, *_ in read_curated("unit_drop.tsv", 1):
        table.drop(surface)

    def record(uid: str) -> dict:
        s = spec[uid]
        return {"key": uid, "dim": s["dim"], "si": s["si"], "factor": s["factor"],
                "features": s["features"]}

    def add_name(uid: str, name: str, plural: bool = True) -> None:
        for v in spelling_variants(name):
            table.add(v, record(uid), "name")
            if plural:
                table.add(pluralize(v), record(uid), "name")

    # 1. curated surface overrides (surface-specific features, e.g. ambiguity)
    overrides = read_curated("unit_surfaces.tsv", 2)
    for surface, uid, feats in overrides:
        if uid not in spec:
            sys.exit(f"unit_surfaces.tsv: unknown unit {uid}")
        rec = record(uid)
        rec["features"] = {**rec["features"], **parse_features(feats)}
        table.add(surface, rec, "name" if is_name(surface) else "symbol")
    # 2. curated names and symbols in the spec
    for uid, s in spec.items():
        for n in s["names"]:
            add_name(uid, n)
        for sym in s["symbols"]:
            table.add(sym, record(uid), "symbol")
    # 3. CLDR long names (en, en_001) and short symbols
    for uid, s in spec.items():
        for ct in s["cldr"]:
            if ct not in cldr_u:
                sys.exit(f"unknown CLDR unit {ct}")
            for n in cldr_u[ct].get("long", []):
                n = n.replace("Imp. ", "imperial ")
                for v in spelling_variants(n):
                    table.add(v, record(uid), "name")
            for sym in cldr_u[ct].get("short", []):
                sym = sym.replace(" Imp.", "")
                table.add(sym, record(uid), "name" if is_name(sym) else "symbol")
    # 4. quantulum3 surfaces (singular names: add plurals) and symbols
    for uid, s in spec.items():
        for key in s["q3"]:
            if key not in q3:
                sys.exit(f"unknown quantulum3 unit {key}")
            for n in q3[key].get("surfaces", []):
                if n in table.dropped:
                    continue
                add_name(uid, n, plural=is_name(n))
            for sym in q3[key].get("symbols", []):
                table.add(sym, record(uid), "name" if is_name(sym) else "symbol")
    # 5. Recognizers-Text suffix lists
    for uid, s in spec.items():
        for key in s["rt"]:
            lst, name = key.split(":", 1)
            alts = rt_units.get(lst, {}).get(name)
            if alts is None:
                sys.exit(f"unknown Recognizers-Text entry {key}")
            for a in alts:
                if SPACED_PREFIX.match(a):
                    continue  # "kilo meter", "mega byte": not written that way
                table.add(a, record(uid), "name" if is_name(a) else "symbol")

    # ambiguity: every single-letter surface; the rest come from unit_surfaces.tsv
    for rec in table.rows.values():
        if len(letters(rec["surface"])) == 1 and len(rec["surface"].rstrip(".")) == 1:
            rec["features"].setdefault("ambiguous", "1")
    assign_case(table)
    table.spec = spec  # type: ignore[attr-defined]
    return table


# --------------------------------------------------------------------------------------------
# currencies


def build_currencies(q3: dict, rt_doc: dict, cldr_c: dict) -> tuple[Table, list[str], set[str]]:
    iso = json.loads(ISO_4217.read_text(encoding="utf-8"))["4217"]
    excluded = {r[0] for r in read_curated("currency_exclude.tsv", 1)}
    codes = sorted(c["alpha_3"] for c in iso if c["alpha_3"] not in excluded)
    iso_names = {c["alpha_3"]: c["name"] for c in iso}
    ranking = [r[0] for r in read_curated("currency_rank.tsv", 1)]
    generic_defaults = {r[0]: r[1] for r in read_curated("currency_defaults.tsv", 2)}
    curated = read_curated("currency_surfaces.tsv", 2)
    minors = read_curated("currency_minor.tsv", 4)
    code_minor = {}
    for surface, code, factor, name, feats in minors:
        code_minor.setdefault(code, name)

    drop_rows = [r[0] for r in read_curated("currency_drop.tsv", 1)]
    drop_exact = {d for d in drop_rows if short_symbol(d)}
    drop_fold = {fold(d) for d in drop_rows if not short_symbol(d)}

    def is_dropped(surface: str) -> bool:
        return surface in drop_exact if short_symbol(surface) else fold(surface) in drop_fold

    # surface -> {codes, kind, features, position}; the first claim fixes kind and position,
    # later claims of the same surface (or of a case variant of a name) add codes
    cand: dict[str, dict] = {}
    order: list[str] = []
    default_position = {"code": "both", "symbol": "prefix", "name": "suffix"}

    def claim(surface: str, code_set: set[str], kind: str, feats: dict | None = None,
              position: str | None = None) -> None:
        surface = re.sub(r"\s+", " ", surface.strip())
        if not surface or surface.startswith("-") or "(" in surface or is_dropped(surface):
            return
        code_set = {c for c in code_set if c in codes or c == "XBT"}
        if not code_set:
            return
        key = surface
        if kind != "code" and not short_symbol(surface):
            for existing in cand:
                if fold(existing) == fold(surface) and not short_symbol(existing) \
                        and cand[existing]["kind"] != "code":
                    key = existing
                    break
        if key not in cand:
            cand[key] = {"codes": set(), "kind": kind, "features": {},
                         "position": position or default_position[kind]}
            order.append(key)
        c = cand[key]
        c["codes"] |= code_set
        for k, v in (feats or {}).items():
            c["features"].setdefault(k, v)

    def kind_of(surface: str) -> str:
        if surface in codes:
            return "code"
        return "name" if is_name(surface) else "symbol"

    # generic heads from CLDR English names: "Australian dollars" -> "dollars" -> {AUD, ...}
    generic_codes: dict[str, set[str]] = {}

    def head_codes(word: str) -> set[str]:
        return generic_codes.get(fold(word), set())

    for code in codes:
        for n in cldr_c.get(code, {}).get("names", []):
            words = n.split(" ")
            if "(" not in n and len(words) >= 2:
                generic_codes.setdefault(fold(words[-1]), set()).add(code)

    def target_codes(target: str) -> set[str]:
        if target.startswith("head:"):
            found = head_codes(target[5:])
            if not found:
                sys.exit(f"no currency has the head {target}")
            return found
        return set(target.split(","))

    # 1. curated surfaces (symbols with their usual position, English names, ambiguity)
    for surface, target, feats in curated:
        fs = parse_features(feats)
        position = fs.pop("position", None)
        if is_dropped(surface):
            sys.exit(f"currency_surfaces.tsv: {surface!r} is also in currency_drop.tsv")
        claim(surface, target_codes(target), kind_of(surface), fs, position)
    # 2. ISO 4217 codes
    for code in codes:
        claim(code, {code}, "code", {"case": "sensitive"})
    # 3. CLDR English names (en, en_001) and symbols (root, en)
    for code in codes:
        info = cldr_c.get(code, {"names": [], "symbols": []})
        for n in info["names"]:
            claim(n, {code}, "name")
        for sym in info["symbols"]:
            if sym != code:
                claim(sym, {code}, kind_of(sym))
    # 4. generic heads ("dollars", "pounds", "francs") -> every currency with that head
    for head, code_set in sorted(generic_codes.items()):
        claim(head, code_set, "name")
    # 5. quantulum3 currency units (a one-word name is a head: "pound" -> every pound)
    for key in sorted(q3):
        u = q3[key]
        code = u.get("currency_code")
        if u.get("entity") != "currency" or not code:
            continue
        for n in u.get("surfaces", []):
            single = " " not in n
            for form in (n, pluralize(n)):
                claim(form, {code} | (head_codes(form) if single else set()), "name")
        for sym in u.get("symbols", []):
            if sym not in codes:
                claim(sym, {code}, kind_of(sym))
    # 6. Recognizers-Text currency names (mapped to codes via its own map, CLDR names, or
    #    currency_rt_names.tsv)
    rt_map = dict(rt_doc["CurrencyNameToIsoCodeMap"]["entries"] or {})
    cldr_by_name = {}
    for code in codes:
        for n in cldr_c.get(code, {}).get("names", []):
            cldr_by_name.setdefault(fold(n), code)
        cldr_by_name.setdefault(fold(iso_names[code]), code)
    rt_aliases = {r[0]: r[1] for r in read_curated("currency_rt_names.tsv", 2)}
    folded_codes = {fold(c) for c in codes}
    for lst in ("CurrencySuffixList", "CurrencyPrefixList"):
        for name, alts in rt_entries(rt_doc, lst).items():
            if name in rt_aliases:
                if rt_aliases[name] == "-":
                    continue
                code_set = target_codes(rt_aliases[name])
            elif str(rt_map.get(name, "")) in codes:
                code_set = {rt_map[name]}
            elif fold(name) in cldr_by_name:  # also when its map names an obsolete code (VEF)
                code_set = {cldr_by_name[fold(name)]}
            else:
                continue
            for a in alts:
                if fold(a) in folded_codes:
                    continue  # lower-cased ISO code: the code itself is listed, case-sensitive
                if a.isalpha() and a.islower() and len(a) <= 3:
                    continue  # lower-cased abbreviation: its case is lost; curated rows cover it
                claim(a, code_set, kind_of(a))

    # resolve
    table = Table("currencies")
    missing_defaults = []
    for surface in order:
        c = cand[surface]
        code_set = sorted(c["codes"])
        feats = dict(c["features"])
        if len(code_set) == 1:
            code = code_set[0]
        else:
            want = feats.get("default") or generic_defaults.get(fold(surface))
            if not want:
                want = next((r for r in ranking if r in code_set), None)
            if not want or want not in code_set:
                missing_defaults.append(f"{surface}: {code_set}")
                continue
            code = want
            feats["ambiguous"] = "1"
            feats["default"] = code
            feats["alt"] = ",".join(x for x in code_set if x != code)
        if feats.get("ambiguous") == "1":
            feats.setdefault("default", code)
        feats.setdefault("position", c["position"])
        if code in code_minor and "factor" not in feats:
            feats.setdefault("minor", code_minor[code])
        if code == "XBT":
            feats.setdefault("iso4217", "0")
        kind = c["kind"]
        table.add(surface, {"key": code, "features": feats}, "symbol" if kind == "code" else kind)
    # minor units: their own lines with factor=
    for surface, code, factor, name, feats in minors:
        fs = parse_features(feats)
        alt = fs.pop("alt", "")
        rec_feats = {"factor": factor, "minor": name, "position": fs.pop("position", "suffix")}
        if alt:
            rec_feats.update({"ambiguous": "1", "default": code, "alt": alt})
        rec_feats.update(fs)
        if rec_feats.get("ambiguous") == "1":
            rec_feats.setdefault("default", code)
        if not table.add(surface, {"key": code, "features": rec_feats},
                         "name" if is_name(surface) else "symbol"):
            sys.exit(f"currency_minor.tsv: surface {surface!r} already used")
    assign_case(table)
    for rec in table.rows.values():
        if rec["kind"] == "symbol" and rec["surface"] in codes:
            rec["features"]["case"] = "sensitive"
    return table, missing_defaults, set(codes)


# --------------------------------------------------------------------------------------------
# numbers


def build_numbers(rt_num: dict) -> Table:
    table = Table("numbers")
    for surface, value, kind, feats in read_curated("numbers.tsv", 3):
        table.add(surface, {"key": value, "kind_": kind, "features": parse_features(feats)},
                  "name" if is_name(surface) or kind != "scale_suffix" else "symbol")
    # Recognizers-Text maps, cross-checked: every value there must agree with ours
    cardinal = rt_num["CardinalNumberMap"]["entries"]
    ordinal = rt_num["OrdinalNumberMap"]["entries"]
    round_ = rt_num["RoundNumberMap"]["entries"]
    skip = {r[0] for r in read_curated("numbers_rt_skip.tsv", 1)}
    problems = []
    for src, kind in ((cardinal, "cardinal"), (round_, "multiplier")):
        for word, val in src.items():
            word = str(word)
            if word in skip:
                continue
            rec = table.rows.get(word)
            if rec is None:
                problems.append(f"Recognizers-Text {kind} {word}={val} missing from numbers.tsv")
            elif rec["kind_"] in ("cardinal", "multiplier", "scale_suffix") and \
                    parse_value(rec["key"]) != Fraction(int(val)):
                problems.append(f"{word}: ours {rec['key']} vs Recognizers-Text {val}")
    for word, val in ordinal.items():
        word = str(word)
        if word in skip:
            continue
        rec = table.rows.get(word)
        if rec is None:
            problems.append(f"Recognizers-Text ordinal {word}={val} missing from numbers.tsv")
            continue
        v = parse_value(rec["key"])
        frac = rec["features"].get("fraction")
        if rec["kind_"] == "ordinal" and v != int(val):
            problems.append(f"{word}: ours {rec['key']} vs Recognizers-Text {val}")
        if rec["kind_"] == "fraction" and v != Fraction(1, int(val)):
            problems.append(f"{word}: ours {rec['key']} vs Recognizers-Text 1/{val}")
        if frac and parse_value(frac) != Fraction(1, int(val)):
            problems.append(f"{word}: fraction {frac} vs Recognizers-Text 1/{val}")
    if problems:
        sys.exit("numbers.tsv disagrees with Recognizers-Text:\n  " + "\n  ".join(problems))
    for rec in table.rows.values():
        rec["key"] = exact(parse_value(rec["key"]))
        if "fraction" in rec["features"]:
            rec["features"]["fraction"] = exact(parse_value(rec["features"]["fraction"]))
    assign_case(table)
    return table


# --------------------------------------------------------------------------------------------
# checks

# Known exact factors (definitions: SI brochure, NIST SP 811, the 1959 international yard and
# pound): the build stops if pint or a spec row ever disagrees.
KNOWN = {
    "km": ("m", "1000"), "mi": ("m", "1609.344"), "ft": ("m", "0.3048"), "in": ("m", "0.0254"),
    "nmi": ("m", "1852"), "lb": ("kg", "0.45359237"), "oz": ("kg", "0.028349523125"),
    "t": ("kg", "1000"), "ton_short": ("kg", "907.18474"), "ton_long": ("kg", "1016.0469088"),
    "h": ("s", "3600"), "d": ("s", "86400"), "mph": ("m/s", "0.44704"), "km/h": ("m/s", "5/18"),
    "kn": ("m/s", "463/900"), "gal": ("m3", "0.003785411784"), "gal_imp": ("m3", "0.00454609"),
    "bbl": ("m3", "0.158987294928"), "L": ("m3", "0.001"), "acre": ("m2", "4046.8564224"),
    "ha": ("m2", "10000"), "kWh": ("J", "3600000"), "cal": ("J", "4.184"), "kcal": ("J", "4184"),
    "°C": ("K", "1"), "°F": ("K", "5/9"), "K": ("K", "1"), "B": ("bit", "8"), "kB": ("bit", "8000"),
    "%": ("1", "0.01"), "bp": ("1", "0.0001"), "psi": ("Pa", "8896443230521/1290320000"),
}
KNOWN_OFFSETS = {"°C": "273.15", "°F": "459.67"}


def check_tables(units: Table, currencies: Table, numbers: Table, quals: Table,
                 currency_codes: set[str]) -> None:
    problems = []
    spec = units.spec  # type: ignore[attr-defined]
    for uid, (si, factor) in KNOWN.items():
        s = spec[uid]
        if (s["si"], s["factor"]) != (si, factor):
            problems.append(f"{uid}: {s['si']} {s['factor']}, expected {si} {factor}")
    for uid, off in KNOWN_OFFSETS.items():
        if spec[uid]["features"].get("offset") != off:
            problems.append(f"{uid}: offset {spec[uid]['features'].get('offset')}, expected {off}")
    for rec in units.rows.values():
        for a in rec["features"].get("alt", "").split(","):
            if a and a not in spec:
                problems.append(f"units {rec['surface']!r}: alt {a} is not a unit")
        f = rec["factor"]
        if f != "-" and not re.fullmatch(r"\d+(\.\d*[1-9])?|\d+/\d+", f):
            problems.append(f"units {rec['surface']!r}: factor {f!r} is not exact")
    for rec in currencies.rows.values():
        feats = rec["features"]
        for a in [rec["key"]] + [x for x in feats.get("alt", "").split(",") if x]:
            if a not in currency_codes and a != "XBT":
                problems.append(f"currencies {rec['surface']!r}: {a} is not a listed code")
        if feats.get("ambiguous") == "1" and feats.get("default") != rec["key"]:
            problems.append(f"currencies {rec['surface']!r}: default differs from code")
        if feats.get("position") not in ("prefix", "suffix", "both"):
            problems.append(f"currencies {rec['surface']!r}: position {feats.get('position')}")
    for rec in numbers.rows.values():
        if rec["kind_"] not in ("cardinal", "ordinal", "fraction", "multiplier", "scale_suffix", "relative"):
            problems.append(f"numbers {rec['surface']!r}: kind {rec['kind_']}")
    for rec in quals.rows.values():
        if rec["key"] not in ("min", "max", "approx", "exact") or rec["incl"] not in ("0", "1", "-") \
                or rec["approx"] not in ("0", "1"):
            problems.append(f"qualifiers {rec['surface']!r}: bad columns")
    if problems:
        sys.exit("check failed:\n  " + "\n  ".join(problems))


# --------------------------------------------------------------------------------------------
# main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("GAZETTE_SHARED", str(REPO.parent / "shared")))
    ap.add_argument("--out", default=str(REPO / "Lexicons" / "units"))
    ap.add_argument("--no-install", action="store_true", help="fail instead of installing deps")
    args = ap.parse_args()
    ensure_dependencies(not args.no_install)

    data = Path(args.shared) / "data"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    q3 = json.loads((data / "quantulum3" / "units.json").read_text(encoding="utf-8"))
    rt_units_doc = load_yaml(data / "recognizers-text" / "English-NumbersWithUnit.yaml")
    rt_num_doc = load_yaml(data / "recognizers-text" / "English-Numbers.yaml")
    rt_units = {k: rt_entries(rt_units_doc, k) for k in rt_units_doc
                if k.endswith("SuffixList") or k.endswith("PrefixList")}
    cldr_u = cldr_units(["en", "en_001"])
    cldr_c = cldr_currencies()
    conv = Converter()

    versions = {
        "quantulum3": "nielstron/quantulum3 @ 168aef7c (quantulum3/units.json), MIT",
        "recognizers": "microsoft/Recognizers-Text @ 90e968ea (Patterns/English/English-NumbersWithUnit.yaml, "
                       "English-Numbers.yaml), MIT",
        "cldr": f"Unicode CLDR {cldr_version()} via Debian unicode-cldr-core "
                f"{debian_version('unicode-cldr-core')} (main/root.xml, en.xml, en_001.xml), Unicode-DFS-2016",
        "iso": f"ISO 4217 list via Debian iso-codes {debian_version('iso-codes')} (json/iso_4217.json), LGPL-2.1+",
        "pint": f"pint {PINT_VERSION} (PyPI, default_en.txt definitions, exact Fraction arithmetic), BSD-3-Clause",
        "curated": "Scripts/units/*.tsv (this project)",
    }
    gen = "generated by Scripts/build_units.py; do not edit by hand (edit Scripts/units/*.tsv and rebuild)"

    units = build_units(conv, q3, rt_units, cldr_u)
    currencies, missing, currency_codes = build_currencies(q3, rt_units_doc, cldr_c)
    if missing:
        sys.exit("ambiguous currency surfaces without a default:\n  " + "\n  ".join(missing))
    numbers = build_numbers(rt_num_doc)
    quals = Table("qualifiers")
    for phrase, bound, incl, approx, feats in read_curated("qualifiers.tsv", 4):
        quals.add(phrase, {"key": bound, "incl": incl, "approx": approx,
                           "features": parse_features(feats)}, "name")
    assign_case(quals)
    assign_also([units, currencies, numbers])
    check_tables(units, currencies, numbers, quals, currency_codes)

    counts = {}
    # units.tsv
    spec = units.spec  # type: ignore[attr-defined]
    unit_order = {uid: i for i, uid in enumerate(spec)}
    dim_rows = read_curated("dimensions.tsv", 3)
    dim_order = {r[0]: i for i, r in enumerate(dim_rows)}
    rows = []
    for rec in sorted(units.rows.values(), key=lambda r: (dim_order[r["dim"]], unit_order[r["key"]],
                                                          sort_key_text(r["surface"]))):
        rows.append([rec["surface"], rec["key"], rec["dim"], rec["si"], rec["factor"],
                     format_features(rec["features"])])
    counts["units.tsv"] = write_table(
        out / "units.tsv",
        ["Gazette unit surfaces: one line per surface form (symbol, name, plural, spelling).", gen,
         "sources: " + versions["cldr"], "         " + versions["quantulum3"],
         "         " + versions["recognizers"], "         " + versions["pint"],
         "         " + versions["curated"],
         "si value = (value + offset) * si_factor; offset only for °C/°F; si_factor n/d = exact rational;",
         "'-' = no fixed SI conversion.  Features: see README.md."],
        "surface\tunit\tdimension\tsi_unit\tsi_factor\t[key=value ...]", rows)
    # currencies.tsv
    rows = []
    for rec in sorted(currencies.rows.values(), key=lambda r: (r["key"], sort_key_text(r["surface"]))):
        rows.append([rec["surface"], rec["key"], format_features(rec["features"])])
    counts["currencies.tsv"] = write_table(
        out / "currencies.tsv",
        ["Gazette currency surfaces -> ISO 4217 code (XBT = bitcoin, not ISO: iso4217=0).", gen,
         "sources: " + versions["iso"], "         " + versions["cldr"],
         "         " + versions["quantulum3"], "         " + versions["recognizers"],
         "         " + versions["curated"],
         "licence: this file keeps iso-codes' LGPL-2.1-or-later (see SOURCES.md)."],
        "surface\tcode\t[key=value ...]", rows)
    # numbers.tsv
    kind_order = {"cardinal": 0, "ordinal": 1, "fraction": 2, "multiplier": 3, "scale_suffix": 4, "relative": 5}
    rows = []
    for rec in sorted(numbers.rows.values(),
                      key=lambda r: (kind_order[r["kind_"]], parse_value(r["key"]),
                                     sort_key_text(r["surface"]))):
        rows.append([rec["surface"], rec["key"], rec["kind_"], format_features(rec["features"])])
    counts["numbers.tsv"] = write_table(
        out / "numbers.tsv",
        ["Gazette English number words. value: exact decimal, or n/d where not a finite decimal.", gen,
         "sources: " + versions["curated"] + ", cross-checked against",
         "         " + versions["recognizers"],
         "composition rules (twenty-one, two-thirds, one and a half, 3.5bn): see README.md."],
        "surface\tvalue\tkind\t[key=value ...]", rows)
    # qualifiers.tsv
    bound_order = {"min": 0, "max": 1, "approx": 2, "exact": 3}
    rows = []
    for rec in sorted(quals.rows.values(),
                      key=lambda r: (bound_order[r["key"]], sort_key_text(r["surface"]))):
        rows.append([rec["surface"], rec["key"], rec["incl"], rec["approx"],
                     format_features(rec["features"])])
    counts["qualifiers.tsv"] = write_table(
        out / "qualifiers.tsv",
        ["Gazette bound qualifiers: phrases before (position=prefix) or after (position=suffix) a number.",
         gen, "sources: " + versions["curated"] + "; cf. Recognizers-Text English-Numbers.yaml",
         "         MoreRegex/LessRegex/MoreOrEqual/LessOrEqual (MIT).",
         "bound: min | max | approx | exact.  inclusive: 1, 0, or - (not applicable).  approximate: 1 or 0."],
        "phrase\tbound\tinclusive\tapproximate\t[key=value ...]", rows)
    # ranges.tsv
    rng = Table("ranges")
    for pattern, kind, incl, approx, feats in read_curated("ranges.tsv", 4):
        rng.add(pattern, {"key": kind, "incl": incl, "approx": approx,
                          "features": parse_features(feats)}, "name")
    rows = [[r["surface"], r["key"], r["incl"], r["approx"], format_features(r["features"])]
            for r in sorted(rng.rows.values(), key=lambda r: (r["key"], sort_key_text(r["surface"])))]
    counts["ranges.tsv"] = write_table(
        out / "ranges.tsv",
        ["Gazette range patterns: X and Y stand for numbers (with optional unit, currency, scale).",
         gen, "sources: " + versions["curated"] + "; cf. Recognizers-Text English-Numbers.yaml",
         "         TwoNumberRangeRegex1-4 and TillRegex (MIT).",
         "kind: range (X..Y) | alternative (X or Y: either, approximate)."],
        "pattern\tkind\tinclusive\tapproximate\t[key=value ...]", rows)

    for name, n in counts.items():
        print(f"{name}: {n} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
