"""JSON Lines, judged line by line: one article per line, a bad line is that line's coded error.

Lines end at ``\\n``, ``\\r\\n`` or ``\\r``; they are read from a byte stream in chunks, so a line
longer than the per-article limit is refused (``NKB104``) without being held in memory. Fields
are mapped from the tools people use: news-please (``maintext``, ``date_publish``,
``source_domain``, ...), newspaper4k (``text``, ``publish_date``, ...) or newskb's own
(``text``, ``title``, ``published``, ``url``, ``source``); ``fields`` maps any other
(``{"text": "body"}``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from newskb.errors import (
    BadJson,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    NoText,
    TruncatedInput,
)
from newskb.ingest.decode import MAX_BYTES, check_lines, check_textual, digest, unify_line_ends
from newskb.ingest.formats import dated, first_words
from newskb.ingest.seed import parse_date
from newskb.ingest.when import parse_when
from newskb.model import Article

__all__ = ["PROFILES", "Prefixed", "Readable", "iter_lines", "read_jsonl_stream"]

CHUNK = 1 << 20
TARGETS = ("text", "title", "published", "authors", "url", "source", "language")
PROFILES: dict[str, dict[str, str]] = {
    "newskb": {t: t for t in TARGETS},
    "news-please": {
        "text": "maintext",
        "title": "title",
        "published": "date_publish",
        "authors": "authors",
        "url": "url",
        "source": "source_domain",
        "language": "language",
    },
    "newspaper4k": {
        "text": "text",
        "title": "title",
        "published": "publish_date",
        "authors": "authors",
        "url": "url",
        "source": "source_url",
        "language": "meta_lang",
    },
}


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class Prefixed:
    """A stream whose first bytes were already read (to sniff its format), put back in front."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = head
        self._rest = rest

    def read(self, n: int = -1, /) -> bytes:
        if self._head:
            out = self._head if n < 0 else self._head[:n]
            self._head = self._head[len(out) :]
            return out
        return self._rest.read(n)


_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_lines(fh: Readable, limit: int = MAX_BYTES) -> Iterator[tuple[int, bytes | None, bool]]:
    """(line number, its bytes or None when longer than ``limit``, ended by a line break).

    Separators are found with ``bytes.find`` (memchr), each byte looked at about once; a line
    past ``limit`` is dropped as it streams by, so memory stays near ``limit`` + one chunk."""
    buf = b""
    n = 0
    over = False  # inside a line already known to be too long: its bytes are dropped
    while True:
        chunk = fh.read(CHUNK)
        eof = not chunk
        buf = buf + chunk if buf else chunk
        pos = 0
        nl, cr = buf.find(b"\n"), buf.find(b"\r")
        while nl >= 0 or cr >= 0:
            if cr < 0 or 0 <= nl < cr:
                start, end = nl, nl + 1
            elif cr + 1 < len(buf):
                start, end = cr, cr + 2 if buf[cr + 1] == 0x0A else cr + 1
            elif eof:
                start, end = cr, cr + 1
            else:
                break  # a "\r" at the chunk's end may be half of "\r\n"
            n += 1
            yield n, (None if over or start - pos > limit else buf[pos:start]), True
            over = False
            pos = end
            if 0 <= nl < pos:
                nl = buf.find(b"\n", pos)
            if 0 <= cr < pos:
                cr = buf.find(b"\r", pos)
        buf = buf[pos:]
        if len(buf) > limit:
            over, buf = True, b""
        if eof:
            break
    if buf or over:
        yield n + 1, None if over else buf, False


def read_jsonl_stream(
    fh: Readable,
    *,
    path: str,
    published: dt.date | None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | InputError]:
    """One article (or that line's coded error) per non-blank line of the stream."""
    seen = False
    head = fh.read(CHUNK)
    if b"\x00" in head[:8192]:
        yield BinaryInput("input holds NUL bytes: binary, not JSON Lines", path=path)
        return
    for n, line, ended in iter_lines(Prefixed(head, fh)):
        where = f"{path}:{n}"
        if line is None:
            seen = True
            yield InputTooLarge(f"line is longer than the limit of {MAX_BYTES} bytes", path=where)
            continue
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        seen = True
        try:
            yield _article(line, where, published, fields, last=not ended)
        except InputError as exc:
            yield exc
    if not seen:
        yield EmptyInput("input is empty or only whitespace", path=path)


def _load(line: bytes, where: str, *, last: bool) -> dict[str, Any]:
    if b"\x00" in line:
        raise BinaryInput("line holds NUL bytes: binary, not text", path=where)
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"line is not valid UTF-8: {exc.reason} at byte {exc.start}", path=where
        ) from exc
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if last:
            raise TruncatedInput(f"last line is cut off: {exc.msg}", path=where) from exc
        raise BadJson(f"invalid JSON: {exc.msg} at column {exc.colno}", path=where) from exc
    except RecursionError as exc:  # the other lines are still read
        raise BadJson("JSON nests too deeply", path=where) from exc
    except ValueError as exc:  # an integer of more digits than Python converts
        raise BadJson(f"invalid JSON value: {exc}", path=where) from exc
    if not isinstance(obj, dict):
        raise BadJson(f"a line must hold a JSON object, not {type(obj).__name__}", path=where)
    return obj


def _mapping(obj: dict[str, Any], fields: Mapping[str, str] | None) -> dict[str, str]:
    if "maintext" in obj:
        base = PROFILES["news-please"]
    elif "publish_date" in obj:
        base = PROFILES["newspaper4k"]
    else:
        base = PROFILES["newskb"]
    return {**base, **(fields or {})}


def _string(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadJson(f"field {key!r} must be a string, not {type(value).__name__}", path=where)
    return _checked(value, key, where)


def _checked(value: str, key: str, where: str) -> str:
    if "\x00" in value:
        raise BinaryInput(f"field {key!r} holds a NUL character", path=where)
    if _SURROGATE.search(value):
        raise EncodingError(f"field {key!r} holds a lone surrogate (not Unicode text)", path=where)
    return value


def _authors(obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = obj.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadJson(f"field {key!r} must be a list of strings", path=where)
    return tuple(dict.fromkeys(_checked(v, key, where).strip() for v in value if v.strip()))


def _published(value: str | None, where: str) -> tuple[dt.date | None, str | None]:
    if not value:
        return None, None
    when = parse_when(value)
    if when is None:
        return parse_date(value[:10], where), None  # the coded date errors of before
    parse_date(when.date.isoformat(), where)  # implausible years refused the same way
    return when.date, when.at


def _article(
    line: bytes,
    where: str,
    published: dt.date | None,
    fields: Mapping[str, str] | None,
    *,
    last: bool,
) -> Article:
    obj = _load(line, where, last=last)
    keys = _mapping(obj, fields)
    body = _string(obj, keys["text"], where)
    if body is None or not body.strip():
        raise NoText(f"JSON object has no {keys['text']!r}", path=where)
    body = unify_line_ends(body)
    check_textual(body, where)
    check_lines(body, where)
    title = _string(obj, keys["title"], where)
    title = " ".join(title.split()) if title and title.strip() else None
    day, at = _published(_string(obj, keys["published"], where), where)
    text = f"{title}\n\n{body}" if title else body
    article_id, sha = digest(line)
    language = _string(obj, keys["language"], where)
    return Article(
        id=article_id,
        sha256=sha,
        path=where,
        text=text,
        title=title or first_words(body),
        url=_string(obj, keys["url"], where),
        source=_string(obj, keys["source"], where),
        language=language if language and len(language) <= 16 else "en",
        fmt="jsonl",
        raw=line.decode("utf-8"),
        body_start=len(title) + 2 if title else 0,
        authors=_authors(obj, keys["authors"], where),
        **dated(day, at, "metadata", published),
    )
