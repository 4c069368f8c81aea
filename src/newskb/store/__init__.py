"""The store: where extracted articles are kept. SQLite by default (PostgreSQL at scale)."""

from __future__ import annotations

from newskb.store.sqlite import SqliteStore, connect, fts_query

__all__ = ["SqliteStore", "connect", "fts_query", "open_store"]


def open_store(url: str, *, readonly: bool = False) -> SqliteStore:
    """Open a store from a path or URL (``sqlite:///file.db`` or a plain path)."""
    path = url.removeprefix("sqlite:///")
    return SqliteStore(path, readonly=readonly)
