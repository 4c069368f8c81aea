"""Read-only connections to the store, one per worker thread, opened on first use."""

from __future__ import annotations

import sqlite3
import threading

from newskb.errors import NewskbError, StoreError
from newskb.store.opening import check_path, check_version, named_failure
from newskb.store.sqlite import connect


class ReadPool:
    """A small per-thread pool of read-only connections to one store file."""

    def __init__(self, path: str) -> None:
        check_path(path, write=False)  # a missing, empty, foreign or newer file: coded
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []
        self.check()

    def check(self) -> None:
        """Read the store (its version and one article row). Raises the coded error naming
        why it cannot be read (the app refuses to start, and the health check answers it)."""
        try:
            c = self.conn()
            check_version(int(c.execute("PRAGMA user_version").fetchone()[0]), self.path)
            c.execute("SELECT id, title FROM articles LIMIT 1").fetchall()
        except NewskbError:
            raise
        except Exception as exc:
            raise named_failure(exc, self.path) or StoreError(f"cannot read: {exc}") from exc

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
