"""Readers for plain text, JSON Lines, HTML and TimeML. Each builds ``Article`` objects."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import etree

from newskb.errors import InputError, NoText, Undated, UnsupportedFormat
from newskb.ingest.header import read_header
from newskb.ingest.htmlmeta import page_meta
from newskb.ingest.seed import parse_date
from newskb.model import Article, Dateline


def read_plain(
    text: str, *, path: str, article_id: str, sha256: str, published: dt.date | None
) -> Article:
    """A plain text file: the whole content is the body, exactly as decoded; its head gives the
    title, dateline, byline and publication date-time when they are written (``header.py``)."""
    h = read_header(text)
    place_agency = Dateline(place=h.place, agency=h.agency) if h.place or h.agency else None
    return Article(
        id=article_id,
        sha256=sha256,
        path=path,
        text=text,
        title=h.title or first_words(text[h.body_start :] or text),
        dateline=place_agency,
        fmt="text",
        raw=text,
        body_start=h.body_start,
        authors=h.authors,
        **dated(h.published, h.published_at, h.source, published),
    )


FIRST_WORDS = 12


def first_words(text: str, n: int = FIRST_WORDS) -> str | None:
    """An untitled article's name: its first words as written (up to the first line's end),
    with " …" when the line goes on."""
    lines = text.lstrip().splitlines()
    if not lines:
        return None
    words = list(re.finditer(r"\S+", lines[0]))
    if not words:
        return None
    cut = words[min(n, len(words)) - 1].end()
    return lines[0][:cut] + (" …" if len(words) > n else "")


def dated(
    day: dt.date | None, at: str | None, source: str | None, flag: dt.date | None
) -> dict[str, Any]:
    """The publication fields: what the input says, else the ``--published`` flag, else none
    (with the ``NKB112`` warning)."""
    if day is not None:
        return {"published": day, "published_at": at, "published_source": source}
    if flag is not None:
        return {"published": flag, "published_source": "flag"}
    return {"warnings": (f"{Undated.code}: no publication date",)}


def read_html(
    text: str, *, path: str, article_id: str, sha256: str, published: dt.date | None
) -> Article:
    """Main text of an HTML page via trafilatura; the title comes first in ``text``."""
    import trafilatura  # slow import, only for HTML

    try:
        result = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, favor_precision=True
        )
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        raise NoText(f"HTML could not be parsed: {exc}", path=path) from exc
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise NoText("HTML holds no article text", path=path)
    title = getattr(result, "title", None) or None
    meta = page_meta(text)
    day, at = meta.published, meta.published_at
    date_s = getattr(result, "date", None)
    if day is None and isinstance(date_s, str) and re.match(r"\d{4}-\d{2}-\d{2}", date_s):
        try:
            day = parse_date(date_s[:10], path)
        except InputError:
            day = None
    if day is not None:
        try:
            parse_date(day.isoformat(), path)
        except InputError:
            day, at = None, None  # an implausible page date is no date
    authors = meta.authors
    author_s = getattr(result, "author", None)
    if not authors and isinstance(author_s, str):
        authors = tuple(a.strip() for a in author_s.split(";") if a.strip())
    full = f"{title}\n\n{body}" if title else body
    return Article(
        id=article_id,
        sha256=sha256,
        path=path,
        text=full,
        title=title or first_words(body),
        url=getattr(result, "url", None) or None,
        source=meta.site or getattr(result, "sitename", None) or None,
        fmt="html",
        raw=text,
        body_start=len(title) + 2 if title else 0,
        authors=authors,
        **dated(day, at, "metadata", published),
    )


def read_tml(text: str, *, path: str, article_id: str, sha256: str) -> Article:
    """A TimeML document: ``TEXT`` content with tags removed; DCT is the publication date."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnsupportedFormat(f"TimeML is not well-formed XML: {exc}", path=path) from exc
    node = root.find(".//TEXT")
    if node is None:
        raise NoText("TimeML has no TEXT element", path=path)
    body = "".join(node.itertext())
    if not body.strip():
        raise NoText("TimeML TEXT is empty", path=path)
    published = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = (timex.get("value") or "")[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                published = parse_date(value, path)
            break
    return Article(
        id=article_id,
        sha256=sha256,
        path=path,
        text=body,
        fmt="tml",
        raw=text,
        **dated(published, None, "metadata", None),
    )
