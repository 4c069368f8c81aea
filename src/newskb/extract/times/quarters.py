"""Normalisers for quarters and halves: "the third quarter", "its fiscal first quarter",
"the first half of 1989", "Q4"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from newskb.extract.times import calendar as cal
from newskb.extract.times.numbers import parse_ordinal
from newskb.extract.times.rules import Ctx, Found, _found, _reporting_quarter


def quarter(m: re.Match[str], ctx: Ctx) -> Found | None:
    f = _quarter(m, ctx)
    if f is None or not m["det"]:
        return f
    if m["det"].lower() in _POSSESSIVES or (
        not m["mods"] and re.search(r"-(?:quarter|half)", m.group())
    ):
        return dataclasses.replace(f, start=m.start("mods"))  # "its third quarter", "a Q3 loss"
    return f


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_OF_LONGER = re.compile(
    r"\s+of\s+(?:the|this|that|its)\s+(?:(?:early|mid|late)[\s-]+)?(?:(?:1[6-9]|20)?\d0'?s|'\d0s|"
    r"decade|century|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)\b",
    re.I,
)


def _quarter(m: re.Match[str], ctx: Ctx) -> Found | None:
    det = (m["det"] or "").lower()
    mods = (m["mods"] or "").lower()
    ordw = " ".join((m["ord"] or "").lower().split())
    if ordw == "first two":
        ordw = "two"  # "the first two quarters": the first half
    if not ordw and m["unit"].lower() == "half" and re.search(r"\b(?:last|latter)\s*$", mods):
        ordw = "last"  # "the last half of 1989"
    unit = m["unit"].lower()
    if m["pl"] and not ordw:
        return None
    if _OF_LONGER.match(ctx.text, m.end()):
        return None  # "the last half of the '80s": of a decade, not of this year
    if not (det or mods or ordw) or (det == "a" and not (mods or ordw)):
        return None  # "a quarter of the market" is a fraction, "in a quarter that ..." any one
    if unit == "period" and not re.search(r"year|\d|latest|same|comparable|corresponding", mods):
        return None
    if unit == "half" and not ordw:
        return None
    a = ctx.anchor
    explicit = m["pyear"] or m["pfy"] or m["ayear"]
    ymatch = re.search(r"\d{4}", mods)
    if a is None:
        y_text = explicit or (ymatch.group() if ymatch else "XXXX")
        q = parse_ordinal(ordw) if ordw and ordw != "two" else None
        code = f"H{q}" if unit == "half" and q else (f"Q{q}" if q else "QX")
        return _found(m, "DATE", f"{y_text}-{code}", rank=2)
    rq_y, rq = _reporting_quarter(a)
    cur_q = cal.quarter_of(a)
    yshift = 0
    tail = (m["prel"] or m["last"] or m["pcur"] or "").lower()
    if det == "that" and not (ordw or mods or explicit):
        return None  # "that quarter": the one the narrative is at (``relative._anaphoric``)
    if (
        m["ago"]
        or "year-earlier" in mods
        or "year-ago" in mods
        or "last year" in mods
        or tail
        in (
            "last",
            "previous",
        )
    ):
        yshift = -1
    elif "next year" in mods or tail == "next":
        yshift = 1
    if ordw and ordw != "two":
        q = parse_ordinal(ordw) or 4
        if unit == "half":
            q = min(q, 2)  # "the last half"
        y = a.year
        if not explicit and not ymatch and yshift == 0 and unit == "quarter":
            y = _quarter_year(ctx, a, m.start(), q)
        y = int(explicit) if explicit else int(ymatch.group()) if ymatch else y + yshift
        if m["pl"]:
            return _found(m, "SET", f"XXXX-Q{q}", rank=2)
        return _found(m, "DATE", f"{y}-{'H' if unit == 'half' else 'Q'}{q}", rank=2)
    if ordw == "two":
        y = int(explicit) if explicit else a.year + yshift
        return _found(m, "DATE", f"{y}-H1", rank=2)
    reported = False
    if det == "this" or "current" in mods or tail == "this":
        y, q = a.year, cur_q
    elif det == "next":
        y, q = cal.add_quarters(a.year, cur_q, 1)
    else:
        y, q = rq_y, rq
        reported = True
    named = int(explicit) if explicit else int(ymatch.group()) if ymatch else 0
    y = named or y + yshift
    f = _found(m, "DATE", f"{y}-Q{q}", rank=2)
    return dataclasses.replace(f, quarter_of=(named, yshift)) if reported else f


def q_short(m: re.Match[str], ctx: Ctx) -> Found | None:
    y = m["y"] or m["y0"]
    if not y and ctx.anchor is not None:  # "Q4 earnings beat forecasts", said in March: last year's
        y = str(_quarter_year(ctx, ctx.anchor, m.start(), int(m["q"])))
    return _found(m, "DATE", f"{y or 'XXXX'}-Q{m['q']}", rank=2)


def _quarter_year(ctx: Ctx, a: dt.date, start: int, q: int) -> int:
    """The year of quarter ``q`` named without one: a quarter not yet begun is this year's if
    the clause looks ahead, last year's if it is past, else the nearer of the two."""
    cur_q = cal.quarter_of(a)
    if q <= cur_q:
        return a.year
    tense = ctx.tense(start)
    nearer_past = cur_q + 4 - q < q - cur_q
    return a.year if tense > 0 or (tense == 0 and not nearer_past) else a.year - 1
