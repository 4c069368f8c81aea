"""Publication dates and times as sources write them -> (date, ISO date-time with offset).

"Published 10:42 EDT, 18 March 2025", "Tue 18 Mar 2025 10.42 GMT", "2025-03-18T10:42:00+02:00",
"18.03.2025 16:00 Kyiv time", "March 18, 2025 at 4:05 p.m. ET". Only what is written is read:
no zone written, no offset given; no year written, no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

# fixed offsets (hours) for abbreviations that name one; names that follow DST go to zoneinfo
FIXED = {
    "UTC": 0.0, "GMT": 0.0, "Z": 0.0, "BST": 1.0, "CET": 1.0, "CEST": 2.0, "EET": 2.0,
    "EEST": 3.0, "MSK": 3.0, "EST": -5.0, "EDT": -4.0, "CST": -6.0, "CDT": -5.0, "MST": -7.0,
    "MDT": -6.0, "PST": -8.0, "PDT": -7.0, "JST": 9.0, "KST": 9.0, "HKT": 8.0, "SGT": 8.0,
    "AEST": 10.0, "AEDT": 11.0, "IST": 5.5, "WAT": 1.0, "EAT": 3.0, "SAST": 2.0,
}  # fmt: skip
NAMED = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv",
    "moscow": "Europe/Moscow", "london": "Europe/London", "brussels": "Europe/Brussels",
    "paris": "Europe/Paris", "berlin": "Europe/Berlin", "washington": "America/New_York",
    "new york": "America/New_York", "tokyo": "Asia/Tokyo", "beijing": "Asia/Shanghai",
}  # fmt: skip

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<off>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\b)?)?"
)
ISO_DATE_TIME = _ISO
_UNKNOWN_ZONE = re.compile(r"\s*[A-Z]{2,5}\b")
_DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MON})\s*,?\s+(?P<y>\d{{4}})\b", re.I
)
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<y>\d{{4}})\b", re.I
)
_MONTH_DAY_NOYEAR = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})\b", re.I)
_DOTTED = re.compile(r"\b(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})\b")
_ABBR = "|".join(sorted((k for k in (*FIXED, "ET", "CT", "MT", "PT")), key=len, reverse=True))
_ZONE = (
    rf"(?P<zone>(?-i:(?:UTC|GMT)\s*[+\-−]\s*\d{{1,2}}(?::?\d{{2}})?|(?:{_ABBR})\b)|"
    r"(?:Kyiv|Kiev|Moscow|London|Brussels|Paris|Berlin|Washington|New York|Tokyo|Beijing)"
    r"\s+time\b)?"
)
_CLOCK = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?:(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"(?(mi)|(?(ap)|(?!)))"  # "10:42", "10.42", "4 p.m."; never a bare number
    rf"\s*{_ZONE}",
    re.I,
)
_GMT_OFFSET = re.compile(r"(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date
    at: str | None = None
    """ISO date-time: with its offset when a zone is written, else local wall-clock time."""


def _offset(zone: str, day: dt.date, h: int, mi: int) -> dt.tzinfo | None:
    z = " ".join(zone.split())
    m = _GMT_OFFSET.fullmatch(z)
    if m:
        sign = -1 if m[1] in "-−" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(m[2]), minutes=int(m[3] or 0)))
    if z.upper() in FIXED:
        return dt.timezone(dt.timedelta(hours=FIXED[z.upper()]))
    key = z if z in NAMED else z.lower().removesuffix(" time")
    name = NAMED.get(key)
    if name is None:
        return None
    return ZoneInfo(name)


def _date(y: str, mo: int | None, d: str) -> dt.date | None:
    if mo is None:
        return None
    try:
        return dt.date(int(y), mo, int(d))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full date (with its year) written in ``text``, and where it lies."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in (_ISO, _DAY_MONTH, _MONTH_DAY, _DOTTED):
        m = pattern.search(text)
        if m is None:
            continue
        mo = int(m["mo"]) if "mo" in m.groupdict() else MONTHS.get(m["mon"].lower().rstrip("."))
        day = _date(m["y"], mo, m["d"])
        if day is not None and (best is None or m.start() < best[1]):
            best = (day, m.start(), m.end())
    return best


def parse_when(text: str) -> When | None:
    """A publication date, and its time and zone when written, from a short phrase."""
    iso = _ISO.fullmatch(text.strip())
    if iso:
        return _from_iso(iso)
    found = find_date(text)
    if found is None:
        return None
    day, start, end = found
    rest = [(text[:start], 0), (text[end:], end)]
    for part, _base in rest:
        for m in _CLOCK.finditer(part):
            h, mi = int(m["h"]), int(m["mi"] or 0)
            if m["ap"]:
                if not 1 <= h <= 12:
                    continue
                h = h % 12 + (12 if m["ap"].lower() == "p" else 0)
            if h > 23 or mi > 59:
                continue
            if not m["zone"] and _UNKNOWN_ZONE.match(part, m.end()):
                continue  # "10:42 XYZ": a zone we cannot read; no time rather than a wrong one
            tz = _offset(m["zone"], day, h, mi) if m["zone"] else None
            if m["zone"] and tz is None:
                continue  # "10:42 XYZT": a zone we cannot read; no time rather than a wrong one
            at = dt.datetime(day.year, day.month, day.day, h, mi, tzinfo=tz)
            return When(day, at.isoformat())
    return When(day)


def _from_iso(m: re.Match[str]) -> When | None:
    day = _date(m["y"], int(m["mo"]), m["d"])
    if day is None:
        return None
    if m["h"] is None:
        return When(day)
    h, mi, s = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
    if h > 23 or mi > 59 or s > 59:
        return When(day)
    tz: dt.tzinfo | None = None
    off = m["off"]
    if off:
        if off in ("Z", "UTC", "GMT"):
            tz = dt.UTC
        else:
            sign = -1 if off[0] == "-" else 1
            digits = off[1:].replace(":", "")
            tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    at = dt.datetime(day.year, day.month, day.day, h, mi, s, tzinfo=tz)
    return When(day, at.isoformat())


def month_day(text: str) -> tuple[int, int] | None:
    """ "March 18" with no year: (month, day), to be placed in a year known from elsewhere."""
    m = _MONTH_DAY_NOYEAR.search(text)
    if m is None:
        return None
    mo = MONTHS.get(m["mon"].lower().rstrip("."))
    if mo is None or not 1 <= int(m["d"]) <= 31:
        return None
    return mo, int(m["d"])
