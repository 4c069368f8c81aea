"""Readers for plain text, JSON Lines, HTML and TimeML. Each builds ``Article`` objects."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from newskb.errors import BadJson, InputError, NoText, TruncatedInput, UnsupportedFormat
from newskb.ingest.decode import check_lines, check_textual, digest
from newskb.ingest.seed import parse_date
from newskb.model import Article


def read_plain(
    text: str, *, path: str, article_id: str, sha256: str, published: dt.date | None
) -> Article:
    """A plain text file: the whole content is the body, exactly as decoded."""
    return Article(
        id=article_id,
        sha256=sha256,
        path=path,
        text=text,
        published=published,
        fmt="text",
        raw=text,
    )


def _field(obj: dict[str, Any], name: str, path: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadJson(f"field {name!r} must be a string, not {type(value).__name__}", path=path)
    return value


def read_jsonl(
    text: str, *, path: str, published: dt.date | None
) -> Iterator[Article | InputError]:
    """One article per line. A bad line yields its error; the other lines are still read."""
    lines = text.split("\n")
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield _jsonl_article(line, where, published, last=n == len(lines))
        except InputError as exc:
            yield exc


def _jsonl_article(line: str, where: str, published: dt.date | None, *, last: bool) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        if last:
            raise TruncatedInput(f"last line is cut off: {exc.msg}", path=where) from exc
        raise BadJson(f"invalid JSON: {exc.msg} at column {exc.colno}", path=where) from exc
    except RecursionError as exc:  # the other lines are still read
        raise BadJson("JSON nests too deeply", path=where) from exc
    if not isinstance(obj, dict):
        raise BadJson(f"a line must hold a JSON object, not {type(obj).__name__}", path=where)
    body = _field(obj, "text", where)
    if body is None or not body.strip():
        raise NoText("JSON object has no 'text'", path=where)
    check_textual(body, where)
    check_lines(body, where)
    title = _field(obj, "title", where)
    pub_s = _field(obj, "published", where)
    pub = parse_date(pub_s[:10], where) if pub_s else published
    text = f"{title}\n\n{body}" if title else body
    article_id, sha = digest(line.encode("utf-8"))
    return Article(
        id=article_id,
        sha256=sha,
        path=where,
        text=text,
        title=title,
        published=pub,
        url=_field(obj, "url", where),
        source=_field(obj, "source", where),
        fmt="jsonl",
        raw=line,
        body_start=len(title) + 2 if title else 0,
    )


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
    pub = published
    date_s = getattr(result, "date", None)
    if pub is None and isinstance(date_s, str) and re.match(r"\d{4}-\d{2}-\d{2}", date_s):
        try:
            pub = parse_date(date_s[:10], path)
        except InputError:
            pub = None
    full = f"{title}\n\n{body}" if title else body
    return Article(
        id=article_id,
        sha256=sha256,
        path=path,
        text=full,
        title=title,
        published=pub,
        url=getattr(result, "url", None) or None,
        source=getattr(result, "sitename", None) or None,
        fmt="html",
        raw=text,
        body_start=len(title) + 2 if title else 0,
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
        published=published,
        fmt="tml",
        raw=text,
    )
