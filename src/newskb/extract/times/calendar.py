"""Calendar arithmetic on the anchor date, producing TIMEX3 value strings.

Every function takes the anchor (publication date) or None; with None the value stays
underspecified (``XXXX-...``), never guessed.
"""

from __future__ import annotations

import datetime as dt

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def shift(anchor: dt.date | None, unit: str, n: int) -> str:
    """The calendar unit ``n`` units from the anchor, at that unit's granularity."""
    if anchor is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(
            unit, "XXXX"
        )
    if unit == "D":
        return day(anchor + dt.timedelta(days=n))
    if unit == "W":
        return week(anchor + dt.timedelta(weeks=n))
    if unit == "WE":
        return week(anchor + dt.timedelta(weeks=n)) + "-WE"
    if unit == "M":
        return month(*add_months(anchor.year, anchor.month, n))
    if unit == "Q":
        y, q = add_quarters(anchor.year, quarter_of(anchor), n)
        return f"{y}-Q{q}"
    if unit == "DE":
        return f"{(anchor.year // 10 + n):03d}"
    if unit == "CE":
        return f"{(anchor.year // 100 + n):02d}"
    if unit in ("H", "MIN", "S"):
        return "PRESENT_REF" if n == 0 else ("PAST_REF" if n < 0 else "FUTURE_REF")
    return f"{anchor.year + n:04d}"


def weekday(anchor: dt.date | None, wd: int, direction: int, inclusive: bool = True) -> str:
    """The weekday ``wd`` (1=Monday) nearest the anchor in ``direction`` (-1 past, +1 future)."""
    if anchor is None:
        return f"XXXX-WXX-{wd}"
    diff = wd - anchor.isoweekday()
    if direction < 0:
        back = (-diff) % 7
        if back == 0 and not inclusive:
            back = 7
        return day(anchor - dt.timedelta(days=back))
    ahead = diff % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return day(anchor + dt.timedelta(days=ahead))


def month_near(anchor: dt.date | None, m: int, direction: int, strict: bool = False) -> str:
    """Month ``m`` in the year that puts it on the ``direction`` side of the anchor's month."""
    if anchor is None:
        return f"XXXX-{m:02d}"
    y = anchor.year
    if strict:
        if direction < 0 and m >= anchor.month:
            y -= 1
        elif direction > 0 and m <= anchor.month:
            y += 1
        return month(y, m)
    diff = m - anchor.month
    if direction < 0:  # past: allow the next month ("in November", written on Oct. 30)
        y -= 1 if diff > 1 else 0
    elif direction > 0:
        y += 1 if diff < -1 else 0
    else:  # no tense: news looks back, so a month more than 4 ahead is last year's, and one
        # at most 4 ahead across the new year ("February" written in November) is next year's
        y += -1 if diff > 4 else (1 if diff < -7 else 0)
    return month(y, m)


def date_near(anchor: dt.date | None, m: int, d: int, direction: int) -> str:
    """Month-day without a year: the year closest to the anchor, leaning to ``direction``."""
    if anchor is None:
        return f"XXXX-{m:02d}-{d:02d}"
    best: tuple[float, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = dt.date(y, m, d)
        except ValueError:
            continue
        delta = (cand - anchor).days
        # news dates without a year lie in the past unless the clause is about the future
        cost = abs(delta)
        if direction < 0 < delta - 7 or direction > 0 > delta + 7:
            cost += 200  # the clause's tense says which side of the anchor the date lies on
        elif direction == 0 < delta - 7:
            cost += 120  # no tense: news dates without a year lean to the past
        if best is None or cost < best[0]:
            best = (cost, y)
    if best is None:
        return f"XXXX-{m:02d}-{d:02d}"
    return f"{best[1]:04d}-{m:02d}-{d:02d}"


def season(anchor: dt.date | None, code: str, n: int) -> str:
    """Season ``code`` relative to the anchor: n=0 this one, -1 the last one, +1 the next."""
    if anchor is None:
        return f"XXXX-{code}"
    y = anchor.year
    start = SEASON_START[code]
    current = anchor.month
    if n < 0:
        # the most recent such season that has begun before the anchor's current season
        if code == "WI":
            return f"{y - 1 if current >= 3 or current == 12 else y - 2:04d}-WI"
        if start + 3 <= current or (current == 12 and start < 12):
            return f"{y:04d}-{code}"
        return f"{y - 1:04d}-{code}"
    if n > 0:
        if code == "WI":
            return f"{y:04d}-WI" if current < 12 else f"{y + 1:04d}-WI"
        return f"{y:04d}-{code}" if start > current else f"{y + 1:04d}-{code}"
    if code == "WI" and current <= 2:
        return f"{y - 1:04d}-WI"
    return f"{y:04d}-{code}"
