"""The seed format: `` date YYYY-MM-DD <title>`` / ``Place • Agency`` / body / ``Addition``."""

from __future__ import annotations

import datetime as dt
import re

from newskb.errors import BadDate, BadHeader
from newskb.model import Article, Dateline, Update

HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+(?P<date>\S+)[ \t]+(?=\S)")
DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
DATELINE = re.compile(r"\A(?P<place>[^•\n]{1,80}?)\s*•\s*(?P<agency>[^•\n]{1,80}?)\s*\Z")
ADDITION = re.compile(r"^[ \t]*(Addition|Update|UPDATE|Updated)[ \t]*:?[ \t\r]*$", re.MULTILINE)
LATEST_YEAR_AHEAD = 1
"""A publication date more than this many years past today is refused as implausible."""


def is_seed(text: str) -> bool:
    return HEADER.match(text) is not None


def parse_date(value: str, path: str, *, today: dt.date | None = None) -> dt.date:
    m = DATE.match(value)
    if not m:
        raise BadHeader(f"header date {value!r} is not YYYY-MM-DD", path=path)
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise BadDate(f"header date {value!r} is impossible: {exc}", path=path) from exc
    now = today or dt.date.today()
    if day.year > now.year + LATEST_YEAR_AHEAD:
        raise BadDate(f"header date {value!r} lies implausibly far in the future", path=path)
    if day.year < 1800:
        raise BadDate(f"header date {value!r} lies implausibly far in the past", path=path)
    return day


def read_seed(text: str, *, path: str, article_id: str, sha256: str) -> Article:
    """Build an Article from seed-format text.

    ``Article.text`` is the file's text after the `` date YYYY-MM-DD `` prefix: the title comes
    first, then the dateline line and the body, so every offset plus the prefix length is an
    offset into the file.
    """
    m = HEADER.match(text)
    if m is None:
        raise BadHeader("missing ' date YYYY-MM-DD <title>' header", path=path)
    published = parse_date(m["date"], path)
    body = text[m.end() :]
    first_nl = body.find("\n")
    title = (body if first_nl < 0 else body[:first_nl]).strip()
    if not title:
        raise BadHeader("header has a date but no title", path=path)
    dateline: Dateline | None = None
    body_start = len(body) if first_nl < 0 else first_nl + 1
    if first_nl >= 0:
        second_end = body.find("\n", first_nl + 1)
        line = body[first_nl + 1 : second_end if second_end >= 0 else len(body)]
        dm = DATELINE.match(line.strip())
        if dm:
            dateline = Dateline(place=dm["place"].strip(), agency=dm["agency"].strip())
            body_start = second_end + 1 if second_end >= 0 else len(body)
    updates = _updates(body, published)
    return Article(
        id=article_id,
        sha256=sha256,
        path=path,
        text=body,
        title=title,
        published=published,
        dateline=dateline,
        fmt="seed",
        published_source="header",
        updates=updates,
        raw=text,
        body_start=body_start,
    )


def _updates(body: str, published: dt.date) -> tuple[Update, ...]:
    marks = list(ADDITION.finditer(body))
    out: list[Update] = []
    for i, m in enumerate(marks):
        start = m.end() + 1 if m.end() < len(body) else m.end()
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        out.append(Update(label=m.group(1), start=min(start, end), end=end, published=published))
    return tuple(out)
