"""Ingest: turn files and folders into ``Article`` objects or coded ``ErrorRecord`` objects."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from newskb.errors import (
    InputError,
    InputTooLarge,
    TruncatedInput,
    UnreadableInput,
    UnsupportedFormat,
)
from newskb.ingest.decode import MAX_BYTES, check_lines, decode_named, digest
from newskb.ingest.formats import read_html, read_plain, read_tml
from newskb.ingest.jsonl import CHUNK, Prefixed, Readable, read_jsonl_stream
from newskb.ingest.seed import is_seed, read_seed
from newskb.model import Article, ErrorRecord

__all__ = ["iter_paths", "read_bytes", "read_path", "read_paths", "shown"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TML_SUFFIXES = {".tml"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | TML_SUFFIXES
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024


STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"


def shown(path: str) -> str:
    """A path as text that any output can hold: bytes that are not UTF-8 (kept by the OS as
    surrogate escapes) shown as ``\\xNN``; a valid name is returned unchanged."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def error_record(exc: InputError, path: str) -> ErrorRecord:
    return ErrorRecord(code=exc.code, message=exc.message, path=exc.path or path)


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | ErrorRecord]:
    """Expand folders recursively (sorted, links not followed into loops); files as given
    (``str`` or ``pathlib.Path``; yielded as ``str``)."""
    for item in paths:
        given = os.fspath(item)
        p = Path(given)
        if given == STDIN:
            yield given
        elif p.is_dir():
            yield from _walk(p)
        elif p.exists() or p.is_symlink():
            yield given
        else:
            yield ErrorRecord(code=UnreadableInput.code, message="no such file", path=shown(given))


def _walk(root: Path) -> Iterator[str | ErrorRecord]:
    seen: set[str] = set()
    found: list[str] = []
    errors: list[ErrorRecord] = []

    def onerror(exc: OSError) -> None:
        errors.append(
            ErrorRecord(
                code=UnreadableInput.code,
                message=str(exc.strerror or exc),
                path=shown(str(exc.filename or root)),
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            errors.append(
                ErrorRecord(
                    code=UnreadableInput.code,
                    message="folder link loop skipped",
                    path=shown(dirpath),
                )
            )
            continue
        seen.add(real)
        dirnames.sort()
        for name in filenames:
            if name.startswith("."):
                continue
            found.append(os.path.join(dirpath, name))
    yield from errors
    yield from sorted(found)


def _kind(path: str) -> tuple[str, bool]:
    """(suffix that says the format, gzip-compressed?) of a file name."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".gz":
        return Path(p.stem).suffix.lower(), True
    return suffix, False


def read_path(
    path: str | os.PathLike[str],
    *,
    published: dt.date | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Read one file into one or more articles (JSON Lines) or coded errors. Never raises.

    ``-`` is standard input (its format sniffed); ``.gz`` files are read decompressed; a name
    that is not valid UTF-8 is read and shown escaped (``shown``)."""
    path = os.fspath(path)
    name = shown(path)
    try:
        if path == STDIN:
            yield from _read_stdin(published, fields)
            return
        suffix, gz = _kind(path)
        if suffix not in KNOWN:
            raise UnsupportedFormat(f"unknown file type {suffix!r}", path=name)
        if suffix in JSONL_SUFFIXES:
            with _open_regular(path, name, MAX_JSONL_BYTES) as fh:
                if gz:
                    with gzip.open(fh, "rb") as inner:
                        yield from _jsonl(inner, name, published, fields)
                else:
                    yield from _jsonl(fh, name, published, fields)
            return
        if gz:
            with _open_regular(path, name, MAX_JSONL_BYTES) as fh, gzip.open(fh, "rb") as inner:
                raw = _bounded(inner, MAX_BYTES, name)
        else:
            raw = _read_regular(path, MAX_BYTES, name)
        yield from read_bytes(raw, path=name, published=published, suffix=suffix)
    except InputError as exc:
        yield error_record(exc, name)
    except (OSError, EOFError, zlib.error) as exc:  # a broken .gz file
        yield ErrorRecord(code=TruncatedInput.code, message=f"compressed input: {exc}", path=name)


def _jsonl(
    stream: Readable, name: str, published: dt.date | None, fields: Mapping[str, str] | None
) -> Iterator[Article | ErrorRecord]:
    for item in read_jsonl_stream(stream, path=name, published=published, fields=fields):
        yield error_record(item, name) if isinstance(item, InputError) else item


def _bounded(fh: Readable, limit: int, name: str) -> bytes:
    raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise InputTooLarge(f"input is over the limit of {limit} bytes", path=name)
    return raw


def _read_stdin(
    published: dt.date | None, fields: Mapping[str, str] | None
) -> Iterator[Article | ErrorRecord]:
    """Standard input: gzip or not, JSON Lines when it opens with ``{``, HTML with ``<``."""
    import sys

    fh: Readable = sys.stdin.buffer
    first = fh.read(CHUNK)
    if first[:2] == GZIP_MAGIC:
        fh = gzip.GzipFile(fileobj=Prefixed(first, fh), mode="rb")  # type: ignore[call-overload]
        first = fh.read(CHUNK)
    stream = Prefixed(first, fh)
    lead = first.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if lead == b"{":
        yield from _jsonl(stream, "<stdin>", published, fields)
        return
    raw = _bounded(stream, MAX_BYTES, "<stdin>")
    suffix = ".html" if lead == b"<" else ".txt"
    if lead == b"<" and b"<TimeML" in raw[:2000]:
        suffix = ".tml"
    yield from read_bytes(raw, path="<stdin>", published=published, suffix=suffix)


@contextlib.contextmanager
def _open_regular(path: str, name: str, limit: int) -> Iterator[IO[bytes]]:
    """A regular file opened for reading (see ``_read_regular``), as a binary stream."""
    fd = _open_fd(path, name, limit)
    with os.fdopen(fd, "rb") as fh:
        yield fh


def _open_fd(path: str, name: str, limit: int) -> int:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableInput(str(exc.strerror or exc), path=name) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableInput("not a regular file (pipe, device or socket)", path=name)
        if st.st_size > limit:
            raise InputTooLarge(f"input is {st.st_size} bytes, the limit is {limit}", path=name)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_regular(path: str, limit: int, name: str | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit``; anything else is a coded error.

    Opened non-blocking and checked with ``fstat`` on the open descriptor, so a FIFO, a device
    such as ``/dev/zero`` or a file swapped for one after listing never blocks or floods memory.
    """
    name = name or shown(path)
    fd = _open_fd(path, name, limit)
    try:
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            raise InputTooLarge(f"input grew past the limit of {limit} bytes", path=name)
        return raw
    except OSError as exc:
        raise UnreadableInput(str(exc.strerror or exc), path=name) from exc
    finally:
        os.close(fd)


def read_bytes(
    raw: bytes,
    *,
    path: str,
    published: dt.date | None = None,
    suffix: str | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | ErrorRecord]:
    """Read raw bytes of a given kind (by ``suffix``, default from ``path``). Never raises."""
    kind = (suffix if suffix is not None else _kind(path)[0]).lower()
    path = shown(path)
    try:
        if kind in JSONL_SUFFIXES:
            if len(raw) > MAX_JSONL_BYTES:
                raise InputTooLarge(f"input is {len(raw)} bytes, the limit is {MAX_JSONL_BYTES}")
            yield from _jsonl(io.BytesIO(raw), path, published, fields)
            return
        text, encoding = decode_named(raw, path)
        article_id, sha = digest(raw)
        if kind in HTML_SUFFIXES:
            art = read_html(text, path=path, article_id=article_id, sha256=sha, published=published)
        elif kind in TML_SUFFIXES:
            art = read_tml(text, path=path, article_id=article_id, sha256=sha)
        elif is_seed(text):
            art = read_seed(text, path=path, article_id=article_id, sha256=sha)
        else:
            art = read_plain(
                text, path=path, article_id=article_id, sha256=sha, published=published
            )
        check_lines(art.text, path)
        yield art if encoding == "utf-8" else dataclasses.replace(art, encoding=encoding)
    except InputError as exc:
        yield error_record(exc, path)
    except RecursionError:
        yield ErrorRecord(code=UnsupportedFormat.code, message="input nests too deeply", path=path)


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    published: dt.date | None = None,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | ErrorRecord]:
    for item in iter_paths(paths):
        if isinstance(item, ErrorRecord):
            yield item
        else:
            yield from read_path(item, published=published, fields=fields)
