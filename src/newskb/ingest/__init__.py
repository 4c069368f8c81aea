"""Ingest: turn files and folders into ``Article`` objects or coded ``ErrorRecord`` objects."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from newskb.errors import InputError, InputTooLarge, UnreadableInput, UnsupportedFormat
from newskb.ingest.decode import MAX_BYTES, check_lines, decode, digest
from newskb.ingest.formats import read_html, read_jsonl, read_plain, read_tml
from newskb.ingest.seed import is_seed, read_seed
from newskb.model import Article, ErrorRecord

__all__ = ["iter_paths", "read_bytes", "read_path", "read_paths"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TML_SUFFIXES = {".tml"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | TML_SUFFIXES
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024


def error_record(exc: InputError, path: str) -> ErrorRecord:
    return ErrorRecord(code=exc.code, message=exc.message, path=exc.path or path)


def iter_paths(paths: Iterable[str]) -> Iterator[str | ErrorRecord]:
    """Expand folders recursively (sorted, links not followed into loops); files as given."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            yield from _walk(p)
        elif p.exists() or p.is_symlink():
            yield given
        else:
            yield ErrorRecord(code=UnreadableInput.code, message="no such file", path=given)


def _walk(root: Path) -> Iterator[str | ErrorRecord]:
    seen: set[str] = set()
    found: list[str] = []
    errors: list[ErrorRecord] = []

    def onerror(exc: OSError) -> None:
        errors.append(
            ErrorRecord(
                code=UnreadableInput.code,
                message=str(exc.strerror or exc),
                path=str(exc.filename or root),
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            errors.append(
                ErrorRecord(
                    code=UnreadableInput.code, message="folder link loop skipped", path=dirpath
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


def read_path(path: str, *, published: dt.date | None = None) -> Iterator[Article | ErrorRecord]:
    """Read one file into one or more articles (JSON Lines) or coded errors. Never raises."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix not in KNOWN:
            raise UnsupportedFormat(f"unknown file type {suffix!r}", path=path)
        limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_BYTES
        raw = _read_regular(path, limit)
        yield from read_bytes(raw, path=path, published=published, suffix=suffix)
    except InputError as exc:
        yield error_record(exc, path)


def _read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit``; anything else is a coded error.

    Opened non-blocking and checked with ``fstat`` on the open descriptor, so a FIFO, a device
    such as ``/dev/zero`` or a file swapped for one after listing never blocks or floods memory.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableInput(str(exc.strerror or exc), path=path) from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableInput("not a regular file (pipe, device or socket)", path=path)
        if st.st_size > limit:
            raise InputTooLarge(f"input is {st.st_size} bytes, the limit is {limit}", path=path)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            raise InputTooLarge(f"input grew past the limit of {limit} bytes", path=path)
        return raw
    except OSError as exc:
        raise UnreadableInput(str(exc.strerror or exc), path=path) from exc
    finally:
        os.close(fd)


def read_bytes(
    raw: bytes, *, path: str, published: dt.date | None = None, suffix: str | None = None
) -> Iterator[Article | ErrorRecord]:
    """Read raw bytes of a given kind (by ``suffix``, default from ``path``). Never raises."""
    kind = (suffix if suffix is not None else Path(path).suffix).lower()
    try:
        if kind in JSONL_SUFFIXES:
            text = decode(raw, path, max_bytes=MAX_JSONL_BYTES)
            for item in read_jsonl(text, path=path, published=published):
                yield error_record(item, path) if isinstance(item, InputError) else item
            return
        text = decode(raw, path)
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
        yield art
    except InputError as exc:
        yield error_record(exc, path)
    except RecursionError:
        yield ErrorRecord(code=UnsupportedFormat.code, message="input nests too deeply", path=path)


def read_paths(
    paths: Iterable[str], *, published: dt.date | None = None
) -> Iterator[Article | ErrorRecord]:
    for item in iter_paths(paths):
        if isinstance(item, ErrorRecord):
            yield item
        else:
            yield from read_path(item, published=published)
