"""Numbers and units inside time expressions: words and digits to values, units to TIMEX3."""

from __future__ import annotations

import re

from newskb.extract.times.lexicon import NUMBER_WORDS, ORDINALS, UNITS, VAGUE_NUMBERS

_SPACE = re.compile(r"[\s-]+")
_VAGUE = frozenset(VAGUE_NUMBERS)
_HALF = frozenset({"half a", "half an", "a half"})


def parse_number(text: str) -> float | None:
    """``"twenty four"`` -> 24, ``"5 1/2"`` -> 5.5, ``"a"`` -> 1; None for vague ("several")."""
    t = _SPACE.sub(" ", text.lower().strip())
    if t in _VAGUE:
        return None
    if t in _HALF:
        return 0.5  # "half an hour", "a half day"
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    elif t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] + half
    try:
        return float(t.replace(",", "")) + half
    except ValueError:
        pass
    total = 0
    for word in t.split():
        if word not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[word]
    return total + half


def parse_ordinal(text: str) -> int | None:
    t = text.lower()
    if t in ORDINALS:
        return ORDINALS[t]
    digits = re.match(r"\d+", t)
    return int(digits.group()) if digits else None


def unit_code(text: str) -> str:
    """``"months"`` -> ``"M"``, ``"minutes"`` -> ``"MIN"`` (see ``lexicon.UNITS``)."""
    t = text.lower()
    if t.endswith("ies"):
        t = t[:-3] + "y"
    elif t.endswith("s") and t[:-1] in UNITS:
        t = t[:-1]
    return UNITS.get(t, "X")


_FRACTION_DOWN = {"H": ("MIN", 60), "MIN": ("S", 60), "Y": ("M", 12), "D": ("H", 24)}


def duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value for ``n`` units (None: unknown amount, ``X``)."""
    if unit == "DE":
        unit, n = "Y", (n * 10 if n is not None else None)
    elif unit == "CE":
        unit, n = "Y", (n * 100 if n is not None else None)
    elif unit == "FN":
        unit, n = "W", (n * 2 if n is not None else None)
    if n is not None and n != int(n) and unit in _FRACTION_DOWN:
        small, per = _FRACTION_DOWN[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        head = _one(whole, unit) if whole else ""
        tail = _one(rest, small)
        if unit in ("H", "MIN"):
            return "PT" + head + tail
        if small == "H":
            return "P" + head + "T" + tail
        return "P" + head + tail
    amount = "X" if n is None else str(int(n)) if n == int(n) else str(n)
    if unit in ("H", "MIN", "S"):
        return "PT" + amount + ("M" if unit == "MIN" else unit)
    return "P" + amount + unit


def _one(n: int, unit: str) -> str:
    return f"{n}{'M' if unit == 'MIN' else unit}"
