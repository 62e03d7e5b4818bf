"""Shared helpers for the Gazette lexicon build: list writer, manifest, text utilities.

Every list is a `ListFile`: entries are collected, validated, de-duplicated, sorted
(canonical id, then surface, then canonical name, then features) and written as UTF-8 TSV
with a header comment naming the upstream source(s). Nothing here depends on the hash seed
or on dictionary iteration order of unsorted containers, so two builds are byte-identical.
"""

import os
import re
import unicodedata

LABELS = {
    "PERSON", "LOCATION", "ORGANIZATION", "NATIONALITY", "TITLE",
    "GIVEN_NAME", "SURNAME", "NAME_PARTICLE", "NAME_SUFFIX", "ORG_SUFFIX",
    "ORG_KEYWORD", "LOC_KEYWORD", "DIRECTION", "HONORIFIC", "COMMON_ACRONYM",
}

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(REPO, "Scripts", "lexicons", "data")


def shared_dir():
    """Locate ../shared/data beside the checkout (or $GAZETTE_SHARED_DATA)."""
    env = os.environ.get("GAZETTE_SHARED_DATA")
    if env:
        return env
    for cand in (os.path.join(REPO, "..", "shared", "data"), "/work/shared/data"):
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    raise SystemExit("cannot find shared/data (set GAZETTE_SHARED_DATA)")


# ---------------------------------------------------------------- text helpers

_WS = re.compile(r"\s+")


def clean(s):
    """NFC, collapse whitespace (incl. tabs/newlines), trim."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    s = s.replace("\u00a0", " ").replace("\u200b", "").replace("\u200e", "").replace("\u200f", "")
    return _WS.sub(" ", s).strip()


def fold(s):
    """Strip diacritics (for comparisons only; the loader folds at compile time)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L") \
            .replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae") \
            .replace("Æ", "AE").replace("œ", "oe").replace("ı", "i").replace("ð", "d") \
            .replace("þ", "th").replace("Þ", "Th")


def slug(s):
    s = fold(clean(s)).lower()
    s = s.replace("&", " and ").replace("'", "").replace("\u2019", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def is_latin(s):
    """True if every letter in s is Latin script (diacritics allowed)."""
    for ch in s:
        if ch.isalpha():
            try:
                name = unicodedata.name(ch)
            except ValueError:
                return False
            if "LATIN" not in name:
                return False
    return True


def is_ascii_name(s):
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*[A-Za-z.]", s))


_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-",
                           "\u2011": "-", "\u2012": "-", "\u2013": "-"})


def straighten(s):
    """Curly apostrophes and unicode hyphens to ASCII."""
    return s.translate(_STRAIGHT)


def apostrophe_variants(s):
    """The surface itself plus its straight/curly apostrophe twin (news uses both)."""
    out = [s]
    if "'" in s:
        out.append(s.replace("'", "\u2019"))
    if "\u2019" in s:
        out.append(s.replace("\u2019", "'"))
    return out


# ---------------------------------------------------------------- English word list

_WORDS = None


def english_words():
    """Lower-case common English words from Debian `wamerican` (SCOWL). Proper nouns
    (capitalised entries) are not included. Used only as a filter for ambiguity."""
    global _WORDS
    if _WORDS is None:
        path = "/usr/share/dict/american-english"
        if not os.path.exists(path):
            raise SystemExit("missing /usr/share/dict/american-english (apt-get install wamerican)")
        words = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and w[0].islower() and "'" not in w:
                    words.add(w)
        _WORDS = words
    return _WORDS


def is_common_word(s):
    """True if s (a single token or phrase) is, lower-cased, a common English word."""
    return s.lower() in english_words()


# ---------------------------------------------------------------- list files

def _check_field(v, what):
    if "\t" in v or "\n" in v or "\r" in v:
        raise ValueError("tab/newline in %s: %r" % (what, v))
    return v


class ListFile:
    def __init__(self, path, label, subtype, case, diacritics, priority, source, note=None):
        assert label in LABELS, label
        assert case in ("sensitive", "insensitive"), case
        assert diacritics in ("fold", "keep"), diacritics
        self.path = path            # relative to Lexicons/
        self.label = label
        self.subtype = subtype
        self.case = case
        self.diacritics = diacritics
        self.priority = int(priority)
        self.source = source        # list of source keys (see sources.py)
        self.note = note
        self.rows = {}              # (surface, id) -> (canonical, features)
        self.dropped = 0

    def add(self, surface, canonical, cid, features=None, replace=False):
        surface = clean(surface)
        canonical = clean(canonical)
        cid = clean(cid)
        if not surface or not canonical or not cid or cid == "-":
            self.dropped += 1
            return False
        if surface.startswith("#"):
            self.dropped += 1
            return False
        feats = {}
        for k, v in (features or {}).items():
            if v is None or v == "":
                continue
            k = clean(k)
            v = clean(v)
            if not re.fullmatch(r"[a-z][a-z0-9_]*", k):
                raise ValueError("bad feature key %r" % k)
            feats[k] = _check_field(v, "feature")
        key = (surface, cid)
        if key in self.rows and not replace:
            return False
        self.rows[key] = (canonical, feats)
        return True

    def lines(self):
        out = []
        for (surface, cid), (canonical, feats) in self.rows.items():
            fields = [surface, canonical, cid] + ["%s=%s" % (k, feats[k]) for k in sorted(feats)]
            out.append("\t".join(_check_field(x, "field") for x in fields))
        out = sorted(set(out), key=lambda l: (l.split("\t")[2], l.split("\t")[0], l))
        return out

    def __len__(self):
        return len(self.rows)


def write_list(outdir, lf, header):
    path = os.path.join(outdir, lf.path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = lf.lines()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n" if h else "#\n")
        f.write("# columns: surface<TAB>canonical name<TAB>canonical id<TAB>[key=value ...]\n")
        f.write("# entries: %d\n" % len(lines))
        for l in lines:
            f.write(l + "\n")
    return len(lines), os.path.getsize(path)
