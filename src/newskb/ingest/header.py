"""The head of a plain-text article: headline, byline, publication line and dateline.

Read only from what is written: the first line is the title when it looks like a headline
(short, no final full stop, followed by a blank line or a header line); then any of
"By Jane Doe, Staff Writer", "Published 10:42 EDT, 18 March 2025", "Updated: ...",
"Kyiv • UNN"; then the first paragraph's agency dateline ("KYIV, March 18 (Reuters) -",
"WASHINGTON (AP) —"). Pure: text in, ``Header`` out; offsets index the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from newskb.ingest.when import ISO_DATE_TIME, month_day, parse_when

__all__ = ["Header", "read_header"]


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    place: str | None = None
    agency: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    published_at: str | None = None
    source: str | None = None
    """``header`` (a published/updated line) or ``dateline`` (a dated dateline)."""
    month_day: tuple[int, int] | None = None
    """A dateline's "March 18" with no year: placed only in a year known from elsewhere."""
    body_start: int = 0


MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
HEAD_LINES = 8
"""Header lines looked at before the body: a headline, byline, dates, a dateline."""

AGENCIES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "UNN",
    "Ukrinform", "Interfax", "Interfax-Ukraine", "TASS", "RIA Novosti", "dpa", "DPA", "Xinhua",
    "ANSA", "EFE", "PA", "Kyodo", "Yonhap", "Anadolu", "UPI", "CNN", "BBC", "Eurowire",
)  # fmt: skip
_AGENCY_SET = frozenset(a.lower() for a in AGENCIES)
_ROLE_WORDS = frozenset({
    "writer", "staff", "correspondent", "reporter", "editor", "contributor", "columnist",
    "bureau", "chief", "senior", "political", "foreign", "diplomatic", "economics", "business",
    "news", "desk", "special", "in", "for", "the", "and", "of", "associated", "press",
})  # fmt: skip
_SMALL = frozenset({"de", "da", "do", "du", "la", "le", "el", "al", "of", "on", "upon", "am"})

_BYLINE = re.compile(r"^\s*(?:By|BY|Written by|Words by)\s*:?\s+(?P<names>\S.*?)\s*$")
_WHEN_LINE = re.compile(
    r"^\s*(?P<kind>Published|Updated|Last updated|First published|Posted|Last modified|"
    r"Date|PUBLISHED|UPDATED)(?:\s+(?:on|at))?\s*:?\s+(?P<rest>\S.*?)\s*$"
)
_BULLET = re.compile(r"^\s*(?P<place>[^•\n]{1,80}?)\s*•\s*(?P<agency>[^•\n]{1,80}?)\s*$")
_PLACE_CAPS = r"[A-Z][A-Z'’.]+(?:-[A-Z][A-Z'’.]+)*(?:[ /][A-Z][A-Z'’.]*(?:-[A-Z][A-Z'’.]+)*){0,3}"
_PLACE_ANY = r"[A-Z][\w'’.]+(?:-[A-Z][\w'’.]+)*(?:[ /][A-Z][\w'’.]*(?:-[A-Z][\w'’.]+)*){0,3}"
# an em or en dash, or hyphens with a space after them ("AFL-CIO", "AP-GfK" are names)
_DASH = r"(?:\s*[—–]\s*|\s*-{1,2}\s+)"
_NOT_PLACES = frozenset(
    {"EXCLUSIVE", "BREAKING", "UPDATE", "UPDATED", "WATCH", "VIDEO", "OPINION", "ANALYSIS",
     "EDITORIAL", "LIVE", "PHOTOS", "REVIEW", "COMMENTARY", "FACT CHECK", "URGENT", "FLASH",
     "NEWS", "CORRECTION", "BULLETIN", "PHOTO", "AUDIO", "EXCERPT", "INTERVIEW", "REPORT"}
)  # fmt: skip
# "KYIV, March 18 (Reuters) -", "WASHINGTON, Ukraine (AP) —", "LONDON -", "Kyiv (Reuters) -"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_CAPS}|{_PLACE_ANY}(?=[^\n]{{0,40}}\())"
    r"(?:,\s*(?P<region>[A-Z][\w.'’ ]{1,30}?))??"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Z][\w&.\- ]{0,38})\))?"
    rf"{_DASH}(?=\S)"
)
_AGENCY_ONLY = re.compile(rf"^\((?P<agency>[A-Z][\w&.\- ]{{0,38}})\){_DASH}(?=\S)")


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the first ``limit`` lines, end before the line break."""
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text) and len(out) < limit:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, stop))
        pos = end + 1
    return out


def _title_case(s: str) -> str:
    if not s.isupper():
        return s
    words = re.split(r"([ /\-])", s.lower())
    out = [w if w in _SMALL and i else w.capitalize() for i, w in enumerate(words)]
    return "".join(out)


def _authors(names: str) -> tuple[list[str], str | None]:
    """People named in a byline, and an agency named beside them."""
    names = re.split(r"\s*[|;]\s*", names)[0]
    people: list[str] = []
    agency: str | None = None
    for part in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", names):
        part = part.strip(" .")
        if not part:
            continue
        if part.lower() in _AGENCY_SET:
            agency = agency or part
            continue
        words = part.split()
        if not 2 <= len(words) <= 4 or any(w.lower() in _ROLE_WORDS for w in words):
            continue
        if not all(w[0].isupper() for w in words):
            continue
        people.append(_title_case(part))
    return people, agency


def _is_meta(line: str) -> bool:
    return bool(
        _BYLINE.match(line) or _WHEN_LINE.match(line) or _BULLET.match(line) or _date_only(line)
    )


def _date_only(line: str) -> bool:
    """A line that is a date (and time) and nothing else: "March 18, 2025 10:42 GMT"."""
    s = line.strip()
    if len(s) > 60 or not s:
        return False
    if ISO_DATE_TIME.fullmatch(s):
        return True
    when = parse_when(s)
    if when is None:
        return False
    rest = re.sub(
        r"[\d:.,/\-+]|\b(?:[ap]\.?m\.?|[A-Z]{2,5}|at|time|[A-Za-z]{3,9}day|[A-Z][a-z]{2,8}\.?)\b",
        "",
        s,
    )
    return not rest.strip()


def _dateline(line: str) -> re.Match[str] | None:
    """An agency dateline at the start of ``line``: a place in capitals, or any place with an
    agency in brackets; never a label such as "EXCLUSIVE –"."""
    m = _DATELINE.match(line)
    if m is None or m["place"].strip() in _NOT_PLACES:
        return None
    return m if m["place"].isupper() or m["agency"] is not None else None


def _is_dateline(line: str) -> bool:
    return _dateline(line) is not None


def _headline(line: str, *, stop: bool = False) -> bool:
    """Short, with letters, not a header line; no final full stop unless ``stop``."""
    s = line.strip()
    words = s.split()
    if not words or len(s) > MAX_TITLE_CHARS or len(words) > MAX_TITLE_WORDS:
        return False
    if s[-1] in ",;:" or (s[-1] == "." and not stop and not s.endswith("...")):
        return False
    return any(ch.isalpha() for ch in s) and not _is_meta(s) and not _is_dateline(s)


def _title_cased(line: str) -> bool:
    """Headline capitalisation: every word of four letters or more starts with a capital."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’]*", line) if len(w) >= 4]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def read_header(text: str) -> Header:
    """Title, dateline, byline and publication date-time of a plain-text article."""
    lines = _lines(text, HEAD_LINES * 3)
    nonblank = [(s, e) for s, e in lines if text[s:e].strip()]
    if not nonblank:
        return Header()
    fields: dict[str, Any] = {}
    i = 0
    s0, e0 = nonblank[0]
    first = text[s0:e0]
    nxt = text[nonblank[1][0] : nonblank[1][1]] if len(nonblank) > 1 else ""
    head_after = _is_meta(nxt) or _is_dateline(nxt)
    blank_after = _blank_after(text, lines, e0)
    if _headline(first) and (blank_after or head_after):
        fields["title"] = first.strip()
        i = 1
    elif _headline(first, stop=True) and blank_after and (head_after or _title_cased(first)):
        # "Daggers drawn as Trump, Cruz wage war.\n\nWashington (AFP) –": a headline with a
        # full stop, known by the dateline after it or by its capitalisation
        fields["title"] = first.strip()
        i = 1
    authors: list[str] = []
    whens: list[tuple[str, str]] = []
    body_start = nonblank[i][0] if i < len(nonblank) else len(text)
    while i < len(nonblank) and i < HEAD_LINES:
        s, e = nonblank[i]
        line = text[s:e]
        if m := _BYLINE.match(line):
            people, agency = _authors(m["names"])
            authors += people
            if agency:
                fields.setdefault("agency", agency)
        elif m := _WHEN_LINE.match(line):
            whens.append((m["kind"].lower(), m["rest"]))
        elif m := _BULLET.match(line):
            fields.setdefault("place", m["place"].strip())
            fields.setdefault("agency", m["agency"].strip())
        elif _date_only(line):
            whens.append(("date", line.strip()))
        else:
            break
        i += 1
        body_start = nonblank[i][0] if i < len(nonblank) else len(text)
    if i < len(nonblank):
        body_start = _inline_dateline(text, body_start, fields)
    _publication(whens, fields)
    return Header(
        title=fields.get("title"),
        place=fields.get("place"),
        agency=fields.get("agency"),
        authors=tuple(dict.fromkeys(authors)),
        published=fields.get("published"),
        published_at=fields.get("published_at"),
        source=fields.get("source"),
        month_day=fields.get("month_day"),
        body_start=body_start,
    )


def _blank_after(text: str, lines: list[tuple[int, int]], end: int) -> bool:
    for s, e in lines:
        if s > end:
            return not text[s:e].strip()
    return False


def _inline_dateline(text: str, start: int, fields: dict[str, Any]) -> int:
    """Read "KYIV, March 18 (Reuters) -" at ``start``; return where the body's words begin."""
    head = text[start : start + 160]
    m = _dateline(head)
    if m is not None:
        fields["place"] = _title_case(m["place"].strip())
        if m["agency"]:
            fields["agency"] = m["agency"].strip()
        if m["date"]:
            when = parse_when(m["date"])
            if when is not None:
                fields["dateline_when"] = when
            else:
                fields["month_day"] = month_day(m["date"])
        return start + m.end()
    m = _AGENCY_ONLY.match(head)
    if m is not None:
        fields["agency"] = m["agency"].strip()
        return start + m.end()
    return start


_KIND_RANK = {"published": 0, "first published": 0, "posted": 1, "date": 2, "updated": 3,
              "last updated": 3, "last modified": 3}  # fmt: skip


def _publication(whens: list[tuple[str, str]], fields: dict[str, Any]) -> None:
    """The publication line wins over "Updated"; a dated dateline comes last."""
    for _kind, rest in sorted(whens, key=lambda w: _KIND_RANK.get(w[0], 2)):
        when = parse_when(rest)
        if when is not None:
            fields.update(published=when.date, published_at=when.at, source="header")
            return
    when = fields.get("dateline_when")
    if when is not None:
        fields.update(
            published=when.date,
            published_at=when.at,
            source="dateline",
        )
