"""Read-only stores, one per worker thread, opened on first use: a SQLite file, or a
PostgreSQL URL. The API and the web pages read through them (the store interface) only."""

from __future__ import annotations

import threading

from newskb.errors import NewskbError, StoreError
from newskb.store import SqliteStore, is_postgres_url
from newskb.store.opening import check_path, check_version, named_failure
from newskb.store.postgres import PostgresStore


class ReadPool:
    """A small per-thread pool of read-only stores over one database."""

    def __init__(self, path: str) -> None:
        self.postgres = is_postgres_url(path)
        check_path(path, write=False)  # a missing, empty, foreign or newer file: coded
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[SqliteStore | PostgresStore] = []
        self.check()

    def check(self) -> None:
        """Read the store (its version and, on SQLite, one article row). Raises the coded
        error naming why it cannot be read (the app refuses to start, the health check
        answers it)."""
        try:
            st = self.store()
            check_version(int(st.schema_version), self.path)
            if isinstance(st, SqliteStore):
                st.conn.execute("SELECT id, title FROM articles LIMIT 1").fetchall()
        except NewskbError:
            raise
        except Exception as exc:
            raise named_failure(exc, self.path) or StoreError(f"cannot read: {exc}") from exc

    def store(self) -> SqliteStore | PostgresStore:
        """The calling thread's read-only store (statements run in autocommit, so each sees
        the latest committed state)."""
        st: SqliteStore | PostgresStore | None = getattr(self._local, "store", None)
        if st is None:
            if self.postgres:
                st = PostgresStore(self.path, readonly=True)
            else:
                st = SqliteStore(self.path.removeprefix("sqlite:///"), readonly=True)
                st.conn.execute("PRAGMA query_only = 1")
            self._local.store = st
            with self._lock:
                self._all.append(st)
        return st

    def close(self) -> None:
        with self._lock:
            for st in self._all:
                st.close()
            self._all.clear()
        self._local = threading.local()
