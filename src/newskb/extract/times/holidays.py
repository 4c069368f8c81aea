"""Holidays: fixed ones ("Christmas") and movable ones computed for the year ("Thanksgiving",
"Easter", "Election Day"), in the year the clause's tense points to."""

from __future__ import annotations

import datetime as dt
import re

from newskb.extract.times import calendar as cal
from newskb.extract.times.rules import NAME_NEXT, Ctx, Found, _found

_FIXED = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26), "may day": (5, 1),
}  # fmt: skip


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month = (h + lw - 7 * m + 114) // 31
    return dt.date(year, month, (h + lw - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def _movable(name: str, year: int) -> dt.date | None:
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)  # fourth Thursday of November
    if name.startswith("labo"):
        return _nth_weekday(year, 9, 1, 1)  # first Monday of September (US)
    if name == "election day":
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)  # Tuesday after 1st Monday
    if name.startswith("easter"):
        return easter(year) + dt.timedelta(days=1 if name.endswith("monday") else 0)
    return None


def _nearest(anchor: dt.date, name: str, tense: int) -> dt.date | None:
    """The holiday in the year before, of or after the anchor that the tense points to (the
    coming one with no tense only if it is within about a month). "Easter week" is the week
    from Palm Sunday to Easter: it has begun once Palm Sunday has passed."""
    start = dt.timedelta(days=7 if name.endswith("week") else 0)
    days = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _movable(name, y))]
    past = [d for d in days if d - start <= anchor]
    ahead = [d for d in days if d - start > anchor]
    if tense > 0 or (tense == 0 and ahead and (ahead[0] - anchor).days <= 31):
        return ahead[0] if ahead else None
    return past[-1] if past else None


def holiday(m: re.Match[str], ctx: Ctx) -> Found | None:
    h = " ".join(m["h"].lower().split())
    a = ctx.anchor
    if h.startswith("easter") and NAME_NEXT.match(ctx.text, m.end()):
        return None  # "Easter Island", "the Easter Rising"
    if h in _FIXED:
        mo, d = _FIXED[h]
        return _found(m, "DATE", cal.date_near(a, mo, d, ctx.tense(m.start())))
    if a is None:
        return _found(m, "DATE", "XXXX-XX-XX")
    day = _nearest(a, h, ctx.tense(m.start()))
    if day is None:
        return None
    return _found(m, "DATE", cal.week(day) if h.endswith("week") else cal.day(day))
