"""The store: where extracted articles are kept. SQLite by default, PostgreSQL at scale.

``open_store(url)`` picks the backend: ``postgresql://...`` (or ``postgres://``) opens a
``PostgresStore`` (needs ``newskb[postgres]``); a path or ``sqlite:///file.db`` opens a
``SqliteStore``. Both offer the same interface: ``has``, ``add_batch``, ``search``, ``get``,
``ids``, ``extractions``, ``errors``, ``stats``, ``close`` and use as a context manager
(``tests/store/test_contract.py`` runs one suite against both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newskb.store.sqlite import SqliteStore, connect, fts_query

if TYPE_CHECKING:
    from newskb.store.postgres import PostgresStore

__all__ = ["SqliteStore", "connect", "fts_query", "is_postgres_url", "open_store"]


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str, *, readonly: bool = False) -> SqliteStore | PostgresStore:
    """Open a store from a path or URL (``sqlite:///file.db``, a plain path, ``postgresql://``)."""
    if is_postgres_url(url):
        from newskb.store.postgres import PostgresStore

        return PostgresStore(url, readonly=readonly)
    path = url.removeprefix("sqlite:///")
    return SqliteStore(path, readonly=readonly)
