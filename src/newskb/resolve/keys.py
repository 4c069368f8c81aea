"""Name normalisation, phonetic keys and similarity: the pieces blocking and linking share."""

from __future__ import annotations

import functools
import re
import unicodedata

import jellyfish
from rapidfuzz import fuzz

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_NONWORD = re.compile(r"[^\w\s-]+")
_SPACE = re.compile(r"[\s-]+")


def ascii_fold(text: str) -> str:
    """Strip diacritics: ``Erdoğan`` -> ``Erdogan``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Comparable form of a name: casefolded, no diacritics, article, possessive or dots."""
    s = ascii_fold(name.strip())
    s = _POSSESSIVE.sub("", s)
    s = _ARTICLE.sub("", s)
    s = s.replace(".", "")
    s = _NONWORD.sub(" ", s)
    return _SPACE.sub(" ", s).strip().casefold()


def tokens(name: str) -> list[str]:
    return [t for t in norm(name).split(" ") if t]


_GENERATION = frozenset(["jr", "sr", "ii", "iii", "iv"])
_ELIDED = re.compile(r"\b([OD])['’](?=[A-Z])")  # O'Brien, D'Angelo: one word, not "o brien"


def person_tokens(name: str) -> list[str]:
    """A person's name words without a generational suffix ("Arcade Joseph Comeaux Jr." ->
    arcade joseph comeaux): the surname is the word before it. An elided prefix stays on its
    surname ("O'Brien" -> obrien: a surname alone, not a given name "o")."""
    toks = tokens(_ELIDED.sub(r"\1", name))
    while len(toks) > 1 and toks[-1] in _GENERATION:
        toks.pop()
    return toks


@functools.lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    """Metaphone key of one word (empty for words without letters)."""
    w = ascii_fold(word)
    w = "".join(c for c in w if c.isalpha())
    if not w:
        return ""
    return str(jellyfish.metaphone(w))


def block_keys(name: str) -> set[str]:
    """Keys that any spelling variant of ``name`` is likely to share (for blocking).

    The phonetic key of the last word (surnames survive transliteration best), and the first
    four letters of the last word; persons are found under either.
    """
    toks = tokens(name)
    if not toks:
        return set()
    last = toks[-1]
    keys = {f"p:{phonetic(last)}", f"s:{last[:4]}"}
    return {k for k in keys if len(k) > 2}


def person_keys(name: str) -> set[str]:
    """The store's blocking keys for a person: :func:`block_keys` under the first letter of the
    first name. The store only ever matches people whose first names start alike ("Den
    Scavino" ~ "Dan Scavino"), so the letter loses no match and keeps each block about twenty
    times smaller than the surname alone (a block grows with the people of that surname)."""
    toks = tokens(name)
    if not toks:
        return set()
    first = toks[0][:1]
    return {f"{first}|{k}" for k in block_keys(name)}


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two names: character level plus word-by-word phonetic agreement."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    chars = fuzz.ratio(na, nb) / 100.0
    ta, tb = na.split(" "), nb.split(" ")
    if len(ta) != len(tb):
        return chars * 0.9
    agree = sum(
        1 for x, y in zip(ta, tb, strict=True) if phonetic(x) == phonetic(y) and x[0] == y[0]
    )
    # transliteration/misspelling: letters differ but every word sounds alike
    sound = agree / len(ta)
    sound_loose = sum(1 for x, y in zip(ta, tb, strict=True) if phonetic(x) == phonetic(y)) / len(
        ta
    )
    return max(chars, 0.5 * chars + 0.5 * max(sound, 0.9 * sound_loose))


def initials(name: str) -> str:
    """``North Atlantic Treaty Organization`` -> ``nato`` (function words skipped)."""
    skip = {"of", "the", "and", "for", "in", "on", "de", "la", "du"}
    return "".join(t[0] for t in tokens(name) if t not in skip)


def same_surname(a: str, b: str) -> bool:
    """Two surname spellings that may be one name: same sound, or nearly the same letters."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    return phonetic(na) == phonetic(nb) or (na[0] == nb[0] and fuzz.ratio(na, nb) >= 80)


# Legal-form words at the end of an organisation's name: "Hewlett-Packard Co." and
# "Hewlett-Packard Company" are one firm.
_LEGAL = frozenset(
    [
        "co",
        "company",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "ltd",
        "limited",
        "plc",
        "ag",
        "sa",
        "nv",
        "bv",
        "gmbh",
        "spa",
        "srl",
        "oyj",
        "ab",
        "asa",
        "kk",
        "pty",
        "lp",
        "se",
    ]
)
# A stock listing written with the name: "Hewlett-Packard (NYSE: HPQ)", "Apple Inc (AAPL)".
_LISTING = re.compile(
    r"\s*[(\[]?\s*(?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX|ASX|OTC|Euronext)\s*:\s*)"
    r"[A-Z.]{1,6}\s*[)\]]?\s*$"
)
_TICKER_BRACKET = re.compile(r"\s*\(\s*[A-Z]{2,5}\s*\)\s*$")
# British spellings folded to one form for comparison ("Defence" ~ "Defense").
_SPELLING = (
    ("defence", "defense"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("centre", "center"),
    ("labour", "labor"),
    ("theatre", "theater"),
)
_SPELL = {a: b for a, b in _SPELLING}


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> country name ("israeli" -> "israel"), from pycountry's names where the
    adjective is the name plus a regular ending."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        name = norm(getattr(c, "common_name", None) or c.name)
        if " " in name:
            continue
        for stem, ends in (
            (name, ("i", "n", "ian", "ese")),
            (name[:-1], ("ian", "an", "ish", "ese", "")),
        ):
            for end in ends:
                word = stem + end
                if len(word) > 4 and word.endswith(("i", "an", "ese", "ish")):
                    out.setdefault(word, name)
    out.update({"british": "united kingdom", "american": "united states", "us": "united states"})
    return out


@functools.lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """Resolution key of an organisation's name: legal form, listing and bracketed ticker
    dropped, British spellings folded, a leading demonym read as its country ("Israeli Defence
    Forces" -> "israel defense forces"). Distinct firms keep distinct keys; only forms of one
    name meet."""
    s = _LISTING.sub("", name.strip())
    s = _TICKER_BRACKET.sub("", s)
    toks = tokens(s.replace("&", " and "))
    while len(toks) > 1 and toks[-1] in _LEGAL:
        toks.pop()
    if toks and toks[-1] in ("and", ","):
        toks.pop()
    toks = [_SPELL.get(t, t) for t in toks]
    if len(toks) > 1:
        toks[0] = demonyms().get(toks[0], toks[0])
    return " ".join(toks)
