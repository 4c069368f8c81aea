"""The narrative's reference time: "the following day", "that year", "two days later", and a
results story's "the quarter", read on what the text said before them, not on the publication
date alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence

from newskb.extract.times import calendar as cal
from newskb.extract.times import rules as r

_SPECIFIC = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4]))?(?:$|T)")
# which anaphoric units a reference of each grain can anchor: a year anchors "that year", a
# quarter "that quarter", a month also "that month", a day anything
_ANCHORS = {1: "Y", 2: "YQM", 3: "YQMWD", 4: "YQ"}


def _reference(value: str) -> tuple[dt.date, int] | None:
    """A specific date named by an expression, with its grain (1 year, 2 month, 3 day,
    4 quarter)."""
    m = _SPECIFIC.match(value)
    if m is None:
        return None
    if m[4]:
        return dt.date(int(m[1]), 3 * int(m[4]) - 2, 1), 4
    y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return dt.date(y, mo, d), 1 + bool(m[2]) + bool(m[3])
    except ValueError:
        return None


def resolve_anaphors(
    text: str, kept: list[r.Found], spans: Sequence[tuple[int, int, dt.date | None]]
) -> list[r.Found]:
    """Give "the following day", "that year", ... their value on the reference time: the last
    specific date mentioned before them (fine enough for their unit), else the publication date."""
    out: list[r.Found] = []
    ref: tuple[dt.date, int] | None = None
    for f in kept:
        if f.anaphor is None:
            ref = _reference(f.value) or _moved(text, ref, f) or ref
            out.append(f)
            continue
        unit, n, pod = f.anaphor
        anchor = next((d for s, e, d in reversed(spans) if s <= f.start < e), None)
        if ref is not None and unit[0] in _ANCHORS[ref[1]]:
            anchor = ref[0]
        if unit.startswith("WD"):  # "the previous Friday": a weekday before or after it
            value = cal.weekday(anchor, int(unit[2:]), n, inclusive=False)
        else:
            value = cal.shift(anchor, unit, n)
        value += f"T{pod}" if pod else ""
        out.append(dataclasses.replace(f, value=value, anaphor=None))
    return out


_LATER = re.compile(r"\b(?:later|afterwards?)$|\b(?P<back>earlier)$", re.I)
_STEP = re.compile(r"P(\d+)([DWMY])$")


def _moved(text: str, ref: tuple[dt.date, int] | None, f: r.Found) -> tuple[dt.date, int] | None:
    """ "Two days later", "a week earlier", "ten years later" (a duration) move the reference
    time on by as much (days and weeks a day, years any date)."""
    step = _STEP.match(f.value)
    if ref is None or step is None or f.type != "DURATION":
        return None
    m = _LATER.search(text, f.start, f.end)
    if m is None:
        return None
    n, unit = int(step[1]) * (-1 if m["back"] else 1), step[2]
    day, grain = ref
    if unit in ("D", "W") and grain == 3:
        return day + dt.timedelta(days=n * (7 if unit == "W" else 1)), 3
    if unit == "Y" and grain in (1, 2, 3) and (day.month, day.day) != (2, 29):
        return day.replace(year=day.year + n), grain  # "ten years later"
    return None


_NAMED_QUARTER = re.compile(
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter$", re.I
)


def resolve_quarters(text: str, kept: list[r.Found], tense: Callable[[int], int]) -> list[r.Found]:
    """A results story's "the quarter", "the latest period", "a year earlier" are about the
    quarter it last reported on by name ("earned $5 million in the fiscal first quarter"), which
    need not be the last calendar quarter before the publication date: the last quarter named,
    definite, in a past clause ("after a flat second quarter" is not the one reported on; "expects
    a loss in the fourth quarter" is ahead). With none named before them, they keep the
    publication date's reporting quarter."""
    out: list[r.Found] = []
    named: tuple[int, str] | None = None
    for f in kept:
        if f.quarter_of is not None and named is not None:
            year, back = f.quarter_of
            f = dataclasses.replace(f, value=f"{year or named[0] + back}-{named[1]}")
        elif (
            f.quarter_of is None
            and re.fullmatch(r"\d{4}-Q[1-4]", f.value)
            and not re.match(r"an?\s", text[f.start : f.end], re.I)
            and _NAMED_QUARTER.search(text, f.start, f.end)
            and tense(f.start) < 0
        ):
            named = (int(f.value[:4]), f.value[5:])
        out.append(f)
    return out
