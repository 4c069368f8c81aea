"""Normalisers for expressions read relative to the anchor: "last week", "Tuesday", "two years
ago", "now", durations and sets."""

from __future__ import annotations

import dataclasses
import re

from newskb.extract.times import calendar as cal
from newskb.extract.times.grammar import SET_AFTER_WD, SET_BEFORE_WD
from newskb.extract.times.lexicon import PARTS_OF_DAY, SEASONS, WEEKDAYS
from newskb.extract.times.numbers import duration, parse_number, unit_code
from newskb.extract.times.rules import (
    NAME_NEXT,
    Ctx,
    Found,
    _about_quarter,
    _found,
    _month,
    _reporting_quarter,
    _weekday,
    put_off_until,
)
from newskb.extract.times.tense import is_on

_REL_N = {"this": 0, "current": 0, "present": 0, "same": 0, "last": -1, "past": -1,
          "previous": -1, "next": 1, "coming": 1, "following": 1, "that": 0, "very": 0}  # fmt: skip
_ANAPHORIC_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "Q": "Q"}


def _anaphoric(m: re.Match[str], rel: str, the: bool, what: str) -> Found | None:
    """ "the following day", "the previous month", "that year", "the next morning", "the same
    day": relative to the narrative's reference time (resolved in ``tag_text``)."""
    next_day = the and rel == "next" and (what in PARTS_OF_DAY or what == "day")
    if not (
        rel == "that" or next_day or (the and rel in ("following", "previous", "same", "very"))
    ):
        return None
    n = _REL_N[rel]
    if what in PARTS_OF_DAY:
        return Found(m.start(), m.end(), "TIME", "", anaphor=("D", n, PARTS_OF_DAY[what]))
    unit = _ANAPHORIC_UNITS.get(unit_code(what))
    if unit is None:
        return None
    return Found(m.start(), m.end(), "DATE", "", anaphor=(unit, n, ""))


def relative(m: re.Match[str], ctx: Ctx) -> Found | None:
    rel = m["rel"].lower().split()[-1]
    the = m["rel"].lower().startswith("the")
    what = m["what"].lower()
    n = _REL_N[rel]
    a = ctx.anchor
    ana = _anaphoric(m, rel, the, what)
    if ana is not None or rel in ("that", "very"):
        return ana
    if m["rel"].lower().startswith("this") and rel == "past":
        return _this_past(m, ctx, what)
    if what in PARTS_OF_DAY:
        if rel == "this" or rel == "current":
            base = cal.day(a) if a else "XXXX-XX-XX"
        elif rel in ("last", "past", "previous") and what in ("night", "evening"):
            base = cal.shift(a, "D", -1)
        elif rel in ("next", "coming", "following"):
            base = cal.shift(a, "D", 1)
        else:
            return None
        return _found(m, "TIME", f"{base}T{PARTS_OF_DAY[what]}")
    if what in SEASONS:
        return _found(m, "DATE", cal.season(a, SEASONS[what], n))
    unit = unit_code(what)
    if unit in ("H", "MIN", "S"):
        return _found(m, "DURATION", duration(1, unit)) if the or rel == "past" else None
    if the and rel in ("past", "last", "next", "coming") and unit in ("Y", "DE"):
        # "over the past year", "in the last decade", "over the next year or so": TimeML news
        # gold reads them as the calendar unit before (after) the anchor, not as a duration
        return _found(m, "DATE", cal.shift(a, unit, -1 if rel in ("past", "last") else 1))
    if (the and rel in ("past", "last", "next", "coming")) or rel == "past":
        return _found(m, "DURATION", duration(1, unit))
    if unit == "SE":
        return None
    return _found(m, "DATE", cal.shift(a, unit, n))


def _this_past(m: re.Match[str], ctx: Ctx, what: str) -> Found | None:
    """ "this past week", "this past weekend", "this past summer": the last one, a date."""
    if what in SEASONS:
        return _found(m, "DATE", cal.season(ctx.anchor, SEASONS[what], -1))
    unit = unit_code(what)
    if unit not in ("W", "WE", "M", "Q", "Y"):
        return None
    # on a Saturday or Sunday "this past week(end)" is the one now ending
    n = 0 if unit in ("W", "WE") and ctx.anchor and ctx.anchor.isoweekday() >= 6 else -1
    return _found(m, "DATE", cal.shift(ctx.anchor, unit, n))


def day_off(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "the day before", "the day after" (said alone): one day off the narrative's day."""
    n = -1 if m["off"].lower() == "before" else 1
    return Found(m.start(), m.end(), "DATE", "", anaphor=("D", n, ""))


def relative_weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    wd = _weekday(m["wd"])
    rel = m["rel"].lower().split()[-1]
    a = ctx.anchor
    pod = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else ""
    if m["rel"].lower().startswith("the"):  # "the previous Friday": before the narrative's day
        n = -1 if rel == "previous" else 1
        return Found(m.start(), m.end(), "TIME" if pod else "DATE", "", anaphor=(f"WD{wd}", n, pod))
    if rel in ("last", "past", "previous"):
        value = cal.weekday(a, wd, -1, inclusive=False)
    elif rel in ("next", "coming", "following"):
        value = cal.weekday(a, wd, 1, inclusive=False)
    else:  # "this Friday" is the coming one ("this past Friday" says so), unless the clause
        # is past ("the summit opened this Friday", written on Saturday)
        value = cal.weekday(a, wd, -1 if ctx.tense(m.start()) < 0 else 1)
    if m["pod"]:
        return _found(m, "TIME", f"{value}T{PARTS_OF_DAY[m['pod'].lower()]}")
    return _found(m, "DATE", value)


_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0}


def deictic(m: re.Match[str], ctx: Ctx) -> Found | None:
    w = " ".join(m["w"].lower().split())
    n = _DEICTIC_SHIFT.get(w, -2 if "before" in w else 2)
    if w == "overnight" and not m["pod"]:
        value = cal.shift(ctx.anchor, "D", -1 if ctx.tense(m.start()) < 0 else 0)
        return _found(m, "TIME", value + "TNI")
    value = cal.shift(ctx.anchor, "D", n)
    pod = (m["pod"] or m["pod0"] or ("night" if w == "tonight" else "")).lower()
    if pod:
        return _found(m, "TIME", f"{value}T{PARTS_OF_DAY[pod]}")
    return _found(m, "DATE", value)


def mid_part_of_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "by mid-afternoon": that part of the day the narrative is at (see ``tag_text``)."""
    code = PARTS_OF_DAY[m["pod"].lower()]
    return Found(m.start(), m.end(), "TIME", "", anaphor=("D", 0, code))


_NOUN_SEASON = re.compile(
    r"\s+(?:in|of|from|to|back)\b(?!\s+(?:(?:last|this|next|that)\s+year|\d{4}|'\d\d)\b)", re.I
)


def season(m: re.Match[str], ctx: Ctx) -> Found | None:
    det = (m["det"] or "").lower()
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        return _found(m, "DATE", f"{m['y']}-{code}")
    if m["yrel"]:  # "the fall of next year"
        year = cal.shift(ctx.anchor, "Y", {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()])
        return _found(m, "DATE", f"{year}-{code}")
    if not det:
        return None  # a bare "fall" or "spring" is far more often a verb or a noun
    if not m["y"] and _NOUN_SEASON.match(ctx.text, m.end()) and code in ("FA", "SP"):
        return None  # "the fall in prices", "the fall of the Berlin Wall": a noun
    n = {"last": -1, "next": 1}.get(det, 0)
    if det in ("the", "that"):
        n = -1 if ctx.tense(m.start()) < 0 else (1 if ctx.tense(m.start()) > 0 else 0)
    return _found(m, "DATE", cal.season(ctx.anchor, code, n))


def _weekday_set(m: re.Match[str], ctx: Ctx) -> str | None:
    """The part-of-day code ("" for none) when the weekday names a set: "on Mondays", "on
    Tuesday nights", or coordinated with one ("every Monday and Thursday", "on Monday and
    Tuesday nights"); else None."""
    if m["pl"] or m["podpl"]:
        return PARTS_OF_DAY.get((m["pod"] or "").lower(), "")
    if m["pod"]:
        return None
    if SET_BEFORE_WD.search(ctx.text, max(0, m.start() - 60), m.start()):
        return ""
    after = SET_AFTER_WD.match(ctx.text, m.end())
    if after is not None:
        return PARTS_OF_DAY.get((after["pod"] or "").lower(), "")
    return None


_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+advance\s+of|(?:run|lead)[\s-]up\s+to)\s+$", re.I)


# "protesters planned a rally on Saturday", "the vote was scheduled for Monday": a plan told in
# the past says nothing of which side of the publication day its day lies on
_PLANNED_FOR = re.compile(r"\b(?:planned|scheduled|slated)\b[^.;:!?\n]*$", re.I)


def _nearer_weekday(ctx: Ctx, wd: int) -> int:
    """+1 if the next ``wd`` is nearer the anchor than the last one (never the day itself)."""
    if ctx.anchor is None:
        return -1
    ahead = (wd - ctx.anchor.isoweekday()) % 7 or 7
    return 1 if ahead < 7 - ahead else -1


def weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    wd = _weekday(m["wd"])
    pod_set = _weekday_set(m, ctx)
    if pod_set is not None:
        return _found(m, "SET", f"XXXX-WXX-{wd}" + (f"T{pod_set}" if pod_set else ""))
    # "Wednesday's ruling": a possessive weekday names an event the news reports, a past one;
    # "postponed until Tuesday": a new date, ahead whatever the tense of the clause
    if ctx.text.startswith("'s", m.end()):  # but "ahead of Sunday's election" is still to come
        tense = 1 if _AHEAD_OF.search(ctx.text, max(0, m.start() - 24), m.start()) else -1
    elif put_off_until(ctx.text, m.start()) or is_on(ctx.text, m.start()):
        tense = 1
    else:
        tense = ctx.tense(m.start())
    if tense < 0 and _PLANNED_FOR.search(ctx.text, max(0, m.start() - 70), m.start()):
        tense = _nearer_weekday(ctx, wd)
    value = cal.weekday(ctx.anchor, wd, 1 if tense > 0 else -1)
    if m["pod"]:
        return _found(m, "TIME", f"{value}T{PARTS_OF_DAY[m['pod'].lower()]}")
    return _found(m, "DATE", value)


def ago(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = parse_number(m["n"])
    unit = unit_code(m["u"])
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "hence", "from now") else -1
    if n is None:
        if direction in ("later", "before") and ctx.anchor is not None:
            return _found(m, "DURATION", duration(None, unit))  # "a few days later"
        return _found(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit in ("DE", "CE"):
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    if unit == "FN":
        n, unit = n * 2, "W"
    if direction in ("later", "before") and ctx.anchor is not None and unit not in ("X", "SE"):
        return _found(m, "DURATION", duration(n, unit))  # "half a second later", "a day later"
    if n != int(n) or unit in ("WE", "X", "SE"):
        return _found(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit == "Y" and n == 1 and sign < 0 and ctx.anchor is not None and _about_quarter(ctx, m):
        y, q = _reporting_quarter(ctx.anchor)  # results "a year ago": that quarter last year
        return dataclasses.replace(_found(m, "DATE", f"{y - 1}-Q{q}"), quarter_of=(0, -1))
    return _found(m, "DATE", cal.shift(ctx.anchor, unit, int(n) * sign))


_SET_UNIT = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
             "annually": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}  # fmt: skip


def set_(m: re.Match[str], ctx: Ctx) -> Found | None:
    if m["adv"] and m["adv"].lower() == "daily" and NAME_NEXT.match(ctx.text, m.end()):
        return None  # "the Communist Party daily Granma": a newspaper
    if m["adv"]:
        return _found(m, "SET", _SET_UNIT[m["adv"].lower()])
    if m["u3"] and m["u3"].lower() in ("second", "minute"):
        return None  # "instructions per second", "rounds per minute": a rate, not a time
    u = m["u"] or m["u2"] or m["u3"] or ""
    if u.lower().rstrip(".") in WEEKDAYS or (
        u.lower().rstrip(".").endswith("day") and (u.lower().rstrip("s") in WEEKDAYS)
    ):
        return _found(m, "SET", f"XXXX-WXX-{_weekday(u.rstrip('s'))}")
    if u.lower() in PARTS_OF_DAY:
        return _found(m, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[u.lower()]}")
    if u.lower() in SEASONS:  # "every summer"
        return _found(m, "SET", f"XXXX-{SEASONS[u.lower()]}")
    mo = _month(u)
    if mo and u[:1].isupper():
        return _found(m, "SET", f"XXXX-{mo:02d}")
    n = parse_number(m["n"]) if m["n"] else 1.0
    return _found(m, "SET", duration(n, unit_code(u)))


def duration_rule(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = parse_number(m["n"])
    unit = unit_code(m["u"])
    if unit == "X":
        return None
    if m["suf"] and m["suf"].lower().endswith("old"):
        return None  # ages are not time expressions here
    if m["suf"] and m["n"].lower() in ("a", "an"):
        return None  # "a day-long meeting": the article is the meeting's (``unit_adjective``)
    if unit == "Q" and (
        (m["n"][:1].isalpha() and "-" in m.group())
        or m["det"] == "a"
        or (m["n"].lower() in ("a", "an") and not m["rel"])
        or (m["n"].lower() == "one" and ctx.text.startswith(" of ", m.end()))
    ):
        return None  # "three-quarters", "a quarter of the market" are fractions
    if n is None and not m["u"].lower().endswith("s"):
        return None
    if m["u"].lower() == "second" and _ORDINAL_SECOND.match(ctx.text, m.end()):
        return None  # "for a second straight month", "a second term": an ordinal
    full = _ROUND_THE_CLOCK.get((n, unit))
    if full and re.match(rf"\s+(?:a|per|each)\s+{full}\b", ctx.text[m.end() : m.end() + 12], re.I):
        return None  # "24 hours a day, seven days a week": always, not an amount of time
    if (
        m["n"].lower() == "one"
        and unit == "D"
        and not (m["det"] or m["rel"])
        and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        return _found(m, "DATE", "FUTURE_REF")  # "Islam will one day be ..."
    if m["half"]:  # "a minute and a half", "two hours and a half"
        if n is None or m["n0"] or unit not in _FRACTION_UNITS:
            return None
        return _found(m, "DURATION", duration(n + 0.5, unit))
    if m["n"].lower() in ("a", "an") and not m["det"] and not m["rel"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:\d|%|illion|dollars?|cents?|times|once|twice)\s*$", before):
            return _found(m, "SET", duration(1, unit))
        if not _DURATION_BEFORE.search(before):
            return None
    if m["n0"]:
        low = parse_number(m["n0"])
        if low is None or n is None or low >= n or m["suf"]:
            return None  # "3-2 days", "two to one-year-old"
        return _found(m, "DURATION", duration(None, unit))  # "two to three weeks": how many is open
    if unit == "WE":
        return _found(m, "DURATION", "P1WE" if n == 1 else duration(n, "WE"))
    f = _found(m, "DURATION", duration(n, unit))
    if m["det"] and not m["rel"] and re.match(r"\S+-", ctx.text[m.start("n") : m.end()]):
        return dataclasses.replace(f, start=m.start("n"))  # "a 16-hour flight"
    return f


_FRACTION_UNITS = frozenset({"S", "MIN", "H", "D", "Y"})  # units ``duration`` can split
# "a second" followed by a word that is not about time is the ordinal ("a second term")
_ORDINAL_SECOND = re.compile(
    r"[ \t]+(?!(?:later|earlier|ago|before|after|and|or|longer|more|less|too|to|in|of|or|"
    r"the|a|he|she|it|they|we|I|you|then|there|that)\b)[A-Za-z]",
)
_ROUND_THE_CLOCK: dict[tuple[float | None, str], str] = {
    (24.0, "H"): "day",
    (7.0, "D"): "week",
    (365.0, "D"): "year",
    (52.0, "W"): "year",
}
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|shall|should|can|must|to)\s+$", re.I)
_DURATION_BEFORE = re.compile(
    r"\b(?:for|in|within|over|than|after|about|nearly|almost|least|up\s+to|only|just|"
    r"barely|roughly|some|past|last|first|next|half)\s*$"
)


def unit_adjective(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "a decades-long dispute", "a years-old slump", "a day-long meeting" (but not the ages in
    "a 6-month-old son": a number before the unit is no part of this pattern)."""
    unit = unit_code(m["u"])
    if unit in ("X", "WE"):
        return None
    plural = m["u"].lower().endswith("s")
    return _found(m, "DURATION", duration(None if plural else 1, unit))


def bare_units(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit = unit_code(m["u"])
    return Found(m.start("x"), m.end("x"), "DURATION", duration(None, unit))
