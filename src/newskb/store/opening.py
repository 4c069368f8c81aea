"""Checks made on a store path BEFORE the store is opened, and store failures named by cause.

``check_path`` reads the file's first 100 bytes (the SQLite header) instead of trusting SQLite
to notice: an empty, foreign, truncated or newer-schema file, a path that names no file
(``''``, ``:memory:``, a folder), a missing file for a read command, and a read-only place for
a write command each get their own coded error, and nothing is created by a read.
``ro_uri`` builds the read-only URI with the path escaped (``?`` and ``#`` stay part of the
file name) and ``immutable`` where the folder cannot hold the WAL's shared-memory file.
``named_failure`` turns an ``sqlite3`` error (or one hidden behind a failed ROLLBACK) into
the coded error that names its real cause.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import struct
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from newskb.errors import (
    BadStorePath,
    CorruptStore,
    DiskFull,
    NewskbError,
    NoStore,
    NotAStore,
    SchemaTooNew,
    StoreBusy,
    StoreError,
    StoreReadOnly,
)

if TYPE_CHECKING:
    from newskb.store.base import Store

MAGIC = b"SQLite format 3\x00"
HEADER = 100
SETTLE_S = (0.02, 0.05, 0.1, 0.25, 0.5, 1.0)
"""Waits before a damaged-looking header is believed: a WAL checkpoint writes page 1, with the
new page count, before the pages that grow the file, so a reader can briefly see a header that
promises more pages than the file holds (CI saw a read command fail so during an ingest)."""


def sqlite_path(db: str) -> str:
    """The file a ``--db`` value names (``sqlite:///x.db`` and a plain path alike)."""
    return db.removeprefix("sqlite:///")


def newest_schema() -> int:
    from newskb.store.migrate import available

    steps = available()
    return steps[-1][0] if steps else 0


def check_path(db: str, *, write: bool, must_exist: bool | None = None) -> None:
    """Raise a coded error unless ``db`` names a file the store can honestly open.

    ``must_exist`` defaults to ``not write``: a read never creates a store.
    """
    from newskb.store import is_postgres_url

    if is_postgres_url(db):
        return
    path = sqlite_path(db)
    must = (not write) if must_exist is None else must_exist
    if not path.strip() or path == ":memory:" or path.startswith("file:"):
        raise BadStorePath(
            f"{path!r} names no store file (an empty path, ':memory:' or a URI would keep "
            "nothing): give a file path such as news.db"
        )
    p = Path(path)
    if p.is_dir():
        raise BadStorePath(f"{path!r} is a folder, not a store file")
    if not p.exists():
        if must:
            raise NoStore(f"no store at {path!r}: run `newskb ingest ... --db {path}` first")
        folder = p.parent if str(p.parent) else Path(".")
        if not folder.is_dir():
            raise BadStorePath(f"folder {str(folder)!r} of the store does not exist")
        if write and not os.access(folder, os.W_OK):
            raise StoreReadOnly(f"cannot create a store in read-only folder {str(folder)!r}")
        return
    head, size = _read_head(p)
    if not head:
        if write and not must:
            return  # an empty file becomes a new store (ingest)
        raise NotAStore(f"{path!r} is an empty file (0 bytes), not a store yet")
    live = Path(path + "-wal").exists()  # a writer may be checkpointing right now
    for wait in (*(SETTLE_S if live else ()), None):
        try:
            _check_header(path, head, size)
            break
        except CorruptStore:
            if wait is None:
                raise
            time.sleep(wait)  # a checkpoint in flight: page 1 is written before the file grows
            head, size = _read_head(p)
    if write and not (os.access(p, os.W_OK) and os.access(p.parent or Path("."), os.W_OK)):
        raise StoreReadOnly(
            f"store {path!r} is on a read-only file, folder or medium: read commands work, "
            "writes cannot"
        )


def _read_head(p: Path) -> tuple[bytes, int]:
    try:
        with p.open("rb") as fh:
            head = fh.read(HEADER)
        return head, p.stat().st_size
    except OSError as exc:
        raise StoreError(f"cannot read the store file: {exc.strerror or exc}", path=str(p)) from exc


def _check_header(path: str, head: bytes, size: int) -> None:
    if len(head) < HEADER or not head.startswith(MAGIC):
        raise NotAStore(
            f"{path!r} is not a newskb store (not an SQLite file: starts {head[:16]!r})"
        )
    (raw_page,) = struct.unpack(">H", head[16:18])
    page = 65536 if raw_page == 1 else raw_page
    if page < 512 or page & (page - 1):
        raise CorruptStore(f"store {path!r} has a damaged header (page size {raw_page})")
    change, pages = struct.unpack(">II", head[24:32])
    (valid_for,) = struct.unpack(">I", head[92:96])
    if size % page or (pages and change == valid_for and size < pages * page):
        want = f"{pages * page:,} bytes" if pages else f"a multiple of {page}"
        raise CorruptStore(f"store {path!r} is truncated: {size:,} bytes, its header says {want}")
    (version,) = struct.unpack(">I", head[60:64])
    check_version(version, path)
    if version == 0 and _has_tables(path):
        raise NotAStore(
            f"{path!r} is an SQLite database of something else (tables, no newskb schema): "
            "newskb neither reads nor writes into it"
        )


def _has_tables(path: str) -> bool:
    """Whether an unversioned SQLite file holds tables (someone else's database)."""
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) > 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptStore(f"store {path!r} cannot be read: {exc}") from exc


def check_version(version: int, path: str) -> None:
    newest = newest_schema()
    if version > newest:
        raise SchemaTooNew(
            f"store schema is version {version}, this newskb knows up to {newest}: "
            "upgrade newskb to read it",
            path=path,
        )


def ro_uri(path: str) -> str:
    """The read-only URI of ``path``: escaped, and ``immutable`` where the folder is read-only
    (a WAL store cannot otherwise be read there: SQLite would create its ``-shm`` file)."""
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    flags = "mode=ro"
    shm = Path(path + "-shm")
    if not os.access(folder, os.W_OK) and not shm.exists():
        flags += "&immutable=1"
    return f"file:{quote(os.path.abspath(path))}?{flags}"


def named_failure(exc: BaseException, path: str | None = None) -> NewskbError | None:
    """The coded error for an ``sqlite3`` failure, found anywhere in ``exc``'s chain (a full
    disk is often hidden behind "cannot rollback - no transaction is active"); None if the
    chain holds no store failure."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 20:
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    if any(isinstance(e, OSError) and e.errno == errno.ENOSPC for e in chain):
        return DiskFull("the disk is full (no space left on device)", path=path)
    msgs = [str(e).lower() for e in chain if isinstance(e, sqlite3.Error | StoreError)]
    text = " | ".join(msgs)
    if not msgs:
        return None
    if "is full" in text:
        return DiskFull("the disk is full: the batch in flight was not stored", path=path)
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly("the store is read-only here: writes cannot be made", path=path)
    if "not a database" in text or "file is encrypted" in text:
        return NotAStore("the file is not a newskb store (not an SQLite database)", path=path)
    if "malformed" in text or "corrupt" in text or "disk i/o" in text:
        return CorruptStore(f"the store is damaged: {msgs[-1]}", path=path)
    if "no such table" in text or "no such column" in text:
        return NotAStore(f"the file is not a complete newskb store: {msgs[-1]}", path=path)
    if "locked" in text or "busy" in text:
        return StoreBusy(f"the store is busy: {msgs[-1]}", path=path)
    if "unable to open" in text:
        return StoreError(f"cannot open the store: {msgs[-1]}", path=path)
    for e in chain:
        if isinstance(e, NewskbError):
            return e
    return StoreError(f"store error: {msgs[-1]}", path=path)


def open_checked(db: str, *, readonly: bool = False, must_exist: bool | None = None) -> Store:
    """``open_store`` after ``check_path``; a read-only open also refuses a newer schema."""
    from newskb.store import open_store

    check_path(db, write=not readonly, must_exist=must_exist)
    try:
        store = open_store(db, readonly=readonly)
    except NewskbError:
        raise
    except Exception as exc:
        failure = named_failure(exc, sqlite_path(db))
        if failure is None:
            raise
        raise failure from exc
    try:
        check_version(int(store.schema_version), sqlite_path(db))
    except SchemaTooNew:
        store.close()
        raise
    return store
