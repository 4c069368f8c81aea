"""Read-only stores, one per worker thread, opened on first use: a SQLite file, or a
PostgreSQL URL. The API and the web pages read through them (the store interface) only."""

from __future__ import annotations

import threading
from pathlib import Path

from newskb.errors import NotFound
from newskb.store import SqliteStore, is_postgres_url
from newskb.store.postgres import PostgresStore


class ReadPool:
    """A small per-thread pool of read-only stores over one database."""

    def __init__(self, path: str) -> None:
        self.postgres = is_postgres_url(path)
        if not self.postgres and not Path(path).is_file():
            raise NotFound(f"no store at {path!r}: run `newskb ingest ... --db {path}` first")
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[SqliteStore | PostgresStore] = []

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
