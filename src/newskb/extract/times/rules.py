"""Normalisers: each turns one grammar match into a TIMEX3 type and value, or rejects it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newskb.extract.times import calendar as cal
from newskb.extract.times.lexicon import (
    DECADE_WORDS,
    MONTHS,
    WEEKDAYS,
)
from newskb.extract.times.numbers import parse_ordinal
from newskb.extract.times.tense import SCHEDULED, scheduled_before


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a normaliser may look at: the text, the anchor date, the tense at an offset."""

    text: str
    anchor: dt.date | None
    tense: Callable[[int], int]


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    type: str
    value: str
    zone: str | None = None
    rank: int = 0
    # (unit, n, part-of-day code): "the following day", "that month" are read on the reference
    # time (the last specific date mentioned before), not on the publication date
    anaphor: tuple[str, int, str] | None = None
    # (year named or 0, years back): a value read off the reporting quarter ("the quarter",
    # "a year earlier" in a results story); ``tag_text`` moves it to the quarter the story last
    # reported on by name ("earned ... in the fiscal first quarter") when there is one
    quarter_of: tuple[int, int] | None = None


Rule = Callable[[re.Match[str], Ctx], Found | None]


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _is_month_word(word: str) -> bool:
    """Lower-case "may"/"march" are verbs; month names need a capital letter."""
    return word[:1].isupper()


def _weekday(word: str) -> int:
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w) or WEEKDAYS[w[:3]]


def _year(text: str) -> int:
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if y < 100 else y


def _found(m: re.Match[str], typ: str, value: str, zone: str | None = None, rank: int = 0) -> Found:
    return Found(m.start(), m.end(), typ, value, zone, rank)


def valid_day(month: int, day: int) -> bool:
    """Could ``day`` exist in ``month`` (in some year)?"""
    try:
        dt.date(2000, month, day)
    except ValueError:
        return False
    return True


def date_full(m: re.Match[str], ctx: Ctx) -> Found | None:
    mw, d, y = m["m1"] or m["m2"], m["d1"] or m["d2"], m["y1"] or m["y2"]
    if mw is not None:
        if not _is_month_word(mw):
            return None
        mo = _month(mw)
    else:
        mw, d, y = m["m3"] or m["m4"], m["d3"] or m["d4"], m["y3"] or m["y4"]
        mo = int(mw)
    day = int(re.sub(r"\D", "", d)) if d and d[0].isdigit() else _spoken_day(d or "")
    if not mo or not day or not valid_day(mo, day):
        return None
    if y:
        return _found(m, "DATE", f"{_year(y):04d}-{mo:02d}-{day:02d}", rank=3)
    rel = _REL_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
    if rel is not None and m["m1"]:  # "last Oct. 23", "next May 5"
        direction = -1 if rel[1].lower() == "last" else 1
        value = cal.date_near(ctx.anchor, mo, day, direction)
        return Found(rel.start(), m.end(), "DATE", value, rank=3)
    return _found(m, "DATE", cal.date_near(ctx.anchor, mo, day, _direction(m, ctx)), rank=3)


def _spoken_day(words: str) -> int | None:
    """ "twenty-first" -> 21, "eighth" -> 8."""
    parts = re.split(r"[\s-]+", words.lower())
    if len(parts) == 2:
        return (20 if parts[0] == "twenty" else 30) + (parse_ordinal(parts[1]) or 0)
    return parse_ordinal(parts[0])


_REL_BEFORE = re.compile(r"\b(last|next)\s+$", re.I)
# a capitalised word next: the time word is part of a name ("Easter Island", "Daily Mail")
NAME_NEXT = re.compile(r"\s+(?-i:[A-Z])")
_EFFECTIVE = re.compile(r"\beffective\s+(?:on\s+|from\s+)?$", re.I)


_PUT_OFF_UNTIL = re.compile(
    r"\b(?:postpone|delay|defer|adjourn|extend|put\s+off|push(?:ed)?\s+back|"
    r"(?-i:has|have|gets?)(?=\s+\w+\s+until|\s+until))\w*\b[^.;]{0,80}?"
    r"\b(?:until|till|to|through)\s+(?:(?:early|late|mid)[\s-]+)?$",
    re.I,
)


def put_off_until(text: str, start: int) -> bool:
    """Is the date at ``start`` the new end of something postponed, delayed or extended
    ("postponed until Tuesday", "extended loans through January"), or a deadline someone has
    ("Cyprus has until Monday to raise the money")? It lies ahead then."""
    return _PUT_OFF_UNTIL.search(text, max(0, start - 100), start) is not None


def _direction(m: re.Match[str], ctx: Ctx) -> int:
    """The clause's tense; but a date a change takes effect on lies ahead ("effective Feb. 1"),
    and so does a date something is put off or extended to ("delayed until May 5"), whatever
    the tense of the clause announcing it."""
    if _EFFECTIVE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return 1
    if put_off_until(ctx.text, m.start()):
        return 1
    tense = ctx.tense(m.start())
    if tense == SCHEDULED:
        return 1 if scheduled_before(ctx.text, m.start()) else 0
    return tense


def month_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    mo = _month(m["m"])
    if not mo or not _is_month_word(m["m"]):
        return None
    return _found(m, "DATE", cal.month(int(m["y"]), mo), rank=2)


def month_alone(m: re.Match[str], ctx: Ctx) -> Found | None:
    word = m["m"]
    mo = _month(word)
    if (
        not mo
        or not _is_month_word(word)
        or (
            len(word) <= 4
            and not word.endswith(".")
            and word.lower() not in ("june", "july", "may")
        )
    ):
        return None  # "Mar", "Jan" without a dot are too often names
    rel = (m["rel"] or "").lower()
    if (
        word.lower() == "march"
        and not rel
        and _MARCH_NOUN.match(ctx.text, m.end())
        and word_before(ctx.text, m.start()).lower() not in _MONTH_PREPOSITIONS
    ):
        return None  # "the March for Life", "the March of the Mothers"; not "in March for"
    if (
        word.lower() == "may"
        and not rel
        and not _may_is_month(ctx.text, m.end())
        and word_before(ctx.text, m.start()).lower() not in YEAR_CUES
    ):
        return None
    if rel == "last" or "previous" in rel:
        return _found(m, "DATE", cal.month_near(ctx.anchor, mo, -1, strict=True))
    if rel == "next" or "following" in rel or "coming" in rel:
        return _found(m, "DATE", cal.month_near(ctx.anchor, mo, 1, strict=True))
    if rel == "this":
        return _found(m, "DATE", cal.month(ctx.anchor.year, mo) if ctx.anchor else f"XXXX-{mo:02d}")
    return _found(m, "DATE", cal.month_near(ctx.anchor, mo, _direction(m, ctx)))


_MONTH_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "from", "through", "during", "of", "before", "after",
     "early", "late", "mid", "last", "next"}
)  # fmt: skip
_MARCH_NOUN = re.compile(r"\s+(?:for|against|on|of\s+the|to\s+the)\b", re.I)
_MAY_BEFORE = re.compile(r"\s*(?:\d|[,.;:]|$)")


def _may_is_month(text: str, end: int) -> bool:
    return bool(_MAY_BEFORE.match(text, end))


_WORD_BEFORE = re.compile(r"([A-Za-z']+)[\s,]*$")
_CUE_WORDS = (
    "in since by from until till to through of before after around circa during between and "
    "or early late mid the fiscal year spring summer fall autumn winter for that this these "
    "those its his her their our a an at on as with over than about only last next every each"
)
YEAR_CUES = frozenset(_CUE_WORDS.split())


def word_before(text: str, start: int) -> str:
    """The word just before ``start`` (as written), or "" at the start of the text."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


# "the Worldwide Developers Conference 2010", "Expo 2010": an event's year is a date
_EVENT_WORDS = frozenset(
    {"Conference", "Summit", "Games", "Olympics", "Cup", "Championship", "Championships",
     "Expo", "Festival", "Forum", "Show", "Awards", "Convention", "Fair", "Congress"}
)  # fmt: skip


def year(m: re.Match[str], ctx: Ctx) -> Found | None:
    y = int(m["y"])
    pre = (m["pre"] or "").lower()
    prev = word_before(ctx.text, m.start())
    cued = bool(pre) or prev.lower() in YEAR_CUES or prev.endswith("'s") or prev in _EVENT_WORDS
    if not cued and ((prev[:1].isupper() and _month(prev) is None) or not 1900 <= y <= 2099):
        return None  # "Flight 2012", "Windows 2000"; an older number needs "in", "since", ...
    return _found(m, "DATE", f"{y:04d}", rank=1)


def fy_short(m: re.Match[str], ctx: Ctx) -> Found | None:
    return _found(m, "DATE", f"{_year(m['y']):04d}")


def decade(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["w"]:
        return _found(m, "DATE", f"19{DECADE_WORDS[m['w'].lower()]}")
    d = m["d"] or m["d2"]
    century = m["c"] or ("19" if ctx.anchor is None or ctx.anchor.year < 2000 or (d != "0" and
                         int(d) > ctx.anchor.year % 100 // 10) else "20")  # fmt: skip
    if not m["c"] and not m["d2"] and not m.group().lower().startswith(("the", "'")):
        return None  # "40s" alone is too often an age or a temperature
    return _found(m, "DATE", f"{century}{d}")


def century(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = int(m["n"]) if m["n"] else parse_ordinal(m["o"] or "")
    if not n or n > 21:
        return None
    return _found(m, "DATE", f"{n - 1:02d}")


def _reporting_quarter(anchor: dt.date) -> tuple[int, int]:
    """The quarter news reports as "the quarter": the last one completed before the anchor."""
    return cal.add_quarters(anchor.year, cal.quarter_of(anchor), -1)


_QUARTER_WORD = re.compile(r"\b(?:quarter|three\s+months)\b", re.I)


def _about_quarter(ctx: Ctx, m: re.Match[str]) -> bool:
    """Is the passage before it (about three sentences) about a quarter's results?"""
    start = max(m.start() - 400, 0)
    end = ctx.text.find("\n", m.end())
    return bool(_QUARTER_WORD.search(ctx.text, start, end if end > 0 else len(ctx.text)))


_YEAR_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended|to\s+date)\b", re.I)
_YEAR_NOT_TIME = re.compile(r"(?:'s|\s+(?:before|after|earlier|later|in\s+review)\b)", re.I)


def year_adj(m: re.Match[str], ctx: Ctx) -> Found | None:
    w = " ".join(m["w"].lower().split())
    a = ctx.anchor
    if w in ("year-earlier", "year-ago"):
        if a is not None and _about_quarter(ctx, m):
            y, q = _reporting_quarter(a)
            return dataclasses.replace(_found(m, "DATE", f"{y - 1}-Q{q}"), quarter_of=(0, -1))
        return _found(m, "DATE", cal.shift(a, "Y", -1))
    if w == "the weekend":
        return _found(m, "DATE", cal.shift(a, "WE", -1 if ctx.tense(m.start()) < 0 else 0))
    if w in ("the year", "the fiscal year") and _YEAR_ENDED.match(ctx.text, m.end()):
        return _found(m, "DURATION", "P1Y")  # "the year ended March 31": a fiscal year
    if w == "the year" and _YEAR_NOT_TIME.match(ctx.text, m.end()):
        return None  # "the year before", "the year's biggest", "the year in review"
    if "latest fiscal" in w:
        return _found(m, "DATE", cal.shift(a, "Y", -1))
    return _found(m, "DATE", cal.shift(a, "Y", 0))


def month_rel_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    mo = _month(m["m"])
    if not mo or not _is_month_word(m["m"]):
        return None
    n = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    if ctx.anchor is None:
        return _found(m, "DATE", f"XXXX-{mo:02d}")
    return _found(m, "DATE", cal.month(ctx.anchor.year + n, mo), rank=2)
