"""Read-only connections to the store, one per worker thread, opened on first use."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from newskb.errors import NotFound
from newskb.store.sqlite import connect


class ReadPool:
    """A small per-thread pool of read-only connections to one store file."""

    def __init__(self, path: str) -> None:
        if not Path(path).is_file():
            raise NotFound(f"no store at {path!r}: run `newskb ingest ... --db {path}` first")
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []

    def conn(self) -> sqlite3.Connection:
        """The calling thread's connection (statements run in autocommit, so each sees the
        latest committed state)."""
        c: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if c is None:
            c = connect(self.path, readonly=True)
            c.execute("PRAGMA query_only = 1")
            self._local.conn = c
            with self._lock:
                self._all.append(c)
        return c

    def close(self) -> None:
        with self._lock:
            for c in self._all:
                c.close()
            self._all.clear()
        self._local = threading.local()
