"""Time zones named in the text ("Kyiv time", "EST", "GMT+2", "local time") -> IANA zones, and
wall-clock TIMEX3 values -> UTC instants (DST from zoneinfo, never fixed offsets)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newskb.extract.times.lexicon import ZONE_ABBREVIATIONS
from newskb.resolve.places import zone_for_place

_OFFSET = re.compile(r"(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$")
_US_ZONES = {
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
}
_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2}))?$")


@functools.lru_cache(maxsize=512)
def zone_name(phrase: str, local: str | None = None) -> str | None:
    """The IANA zone a zone phrase names; ``local`` is the zone "local time" means."""
    p = " ".join(phrase.split())
    if not p:
        return None
    if p.lower() == "local time":
        return local
    if p in ZONE_ABBREVIATIONS:
        return ZONE_ABBREVIATIONS[p]
    m = _OFFSET.match(p)
    if m:
        hours = int(m.group(2))
        if (m.group(3) and m.group(3) != "00") or hours > 14:
            return None  # Etc/ zones exist for whole hours only
        sign = "-" if m.group(1) == "+" else "+"  # POSIX-style: Etc/GMT-2 is UTC+2
        return "UTC" if hours == 0 else f"Etc/GMT{sign}{hours}"
    if p.lower().endswith(" time"):
        place = p[: -len(" time")].strip()
        words = place.lower().split()
        for word in words:
            if word in _US_ZONES:
                return _US_ZONES[word]
        return zone_for_place(place)
    return None


def to_utc(value: str, zone: str | None) -> str | None:
    """``2025-03-18T16:00`` in ``Europe/Kyiv`` -> ``2025-03-18T14:00:00Z``; None if not a clock
    time on a known day or the zone is unknown."""
    if zone is None:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    y, mo, d, h = (int(m.group(i)) for i in range(1, 5))
    minute = int(m.group(5) or 0)
    try:
        tz = ZoneInfo(zone)
        extra = dt.timedelta(days=1) if h == 24 else dt.timedelta()
        local = dt.datetime(y, mo, d, 0 if h == 24 else h, minute, tzinfo=tz) + extra
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
