"""Normalisers for rarer phrasings: years read out on air ("the year two thousand", "January
nineteen ninety-seven") and "the week of March 6"."""

from __future__ import annotations

import datetime as dt
import re

from newskb.extract.times import calendar as cal
from newskb.extract.times.lexicon import SEASONS
from newskb.extract.times.numbers import parse_number
from newskb.extract.times.rules import (
    YEAR_CUES,
    Ctx,
    Found,
    _direction,
    _found,
    _is_month_word,
    _month,
    _year,
    valid_day,
    word_before,
)

_NOUN_NEXT = re.compile(r"\s+[a-z]")


def spoken_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    """Years as read out on air: "nineteen ninety-four", "the year two thousand", "January
    nineteen ninety-seven", "the winter of two thousand and one"."""
    if m["k"]:
        rest = parse_number(m["r2"]) if m["r2"] else 0.0
        named = bool(m["pm"] or m["ps"] or m["py"])
        cued = word_before(ctx.text, m.start()).lower() in YEAR_CUES
        bare = not m["r2"] and _NOUN_NEXT.match(ctx.text, m.end())
        if rest is None or not rest < 100 or not (named or (cued and not bare)):
            return None  # "two thousand people" is a number
        y = 2000 + int(rest)
    else:
        rest = parse_number(m["r"])
        if rest is None or not 10 <= rest < 100:
            return None
        y = (1900 if m["c"].lower() == "nineteen" else 2000) + int(rest)
    if m["pm"]:
        mo = _month(m["pm"])
        if not mo or not _is_month_word(m["pm"]):
            return None
        return _found(m, "DATE", cal.month(y, mo), rank=2)
    if m["ps"]:
        return _found(m, "DATE", f"{y}-{SEASONS[m['ps'].lower()]}", rank=2)
    return _found(m, "DATE", f"{y:04d}", rank=1)


def week_of(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "the week of March 6": the ISO week holding that day."""
    mo = _month(m["m"])
    day = int(re.sub(r"\D", "", m["d"]))
    if not mo or not _is_month_word(m["m"]) or not valid_day(mo, day):
        return None
    if m["y"]:
        value = f"{_year(m['y']):04d}-{mo:02d}-{day:02d}"
    else:
        value = cal.date_near(ctx.anchor, mo, day, _direction(m, ctx))
    if value.startswith("X"):
        return _found(m, "DATE", "XXXX-WXX", rank=3)
    return _found(m, "DATE", cal.week(dt.date.fromisoformat(value)), rank=3)
