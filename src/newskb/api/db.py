"""Read-only connections to the store, one per worker thread, opened on first use: a SQLite
file, or a PostgreSQL URL."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from newskb.errors import NotFound, StoreError
from newskb.store import is_postgres_url
from newskb.store.sqlite import connect


class ReadPool:
    """A small per-thread pool of read-only connections to one store."""

    def __init__(self, path: str) -> None:
        self.postgres = is_postgres_url(path)
        if not self.postgres and not Path(path).is_file():
            raise NotFound(f"no store at {path!r}: run `newskb ingest ... --db {path}` first")
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Any] = []

    def conn(self) -> Any:
        """The calling thread's connection (statements run in autocommit, so each sees the
        latest committed state): ``sqlite3`` for a file, psycopg for a PostgreSQL URL."""
        c: Any = getattr(self._local, "conn", None)
        if c is None:
            c = self._open()
            self._local.conn = c
            with self._lock:
                self._all.append(c)
        return c

    def _open(self) -> Any:
        if self.postgres:
            import psycopg

            try:
                pg = psycopg.connect(self.path, autocommit=True, connect_timeout=10)
            except psycopg.Error as exc:
                where = self.path.split("@")[-1]
                raise StoreError(f"cannot connect to PostgreSQL: {exc}", path=where) from exc
            pg.execute("SET default_transaction_read_only = on")
            return pg
        c = connect(self.path, readonly=True)
        c.execute("PRAGMA query_only = 1")
        return c

    def close(self) -> None:
        with self._lock:
            for c in self._all:
                c.close()
            self._all.clear()
        self._local = threading.local()
