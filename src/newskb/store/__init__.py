"""The store: where extracted articles are kept. SQLite by default, PostgreSQL at scale.

``open_store(url)`` picks the backend: ``postgresql://...`` (or ``postgres://``) opens a
``PostgresStore`` (``store/postgres``, needs ``newskb[postgres]``); a path or
``sqlite:///file.db`` opens a ``SqliteStore`` (``store/sqlite``). Both implement one interface,
``store.base.Store``: a ``batch()`` transaction for writing, and every read query (articles,
quotes, credits, events, agreements, entities, stories, timelines, errors). The SQL both share
lives in ``store/sql``; ``tests/store/test_contract.py`` and ``test_parity.py`` run on both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newskb.store.sqlite import SqliteStore, connect, fts_query

if TYPE_CHECKING:
    from newskb.store.base import Store

__all__ = ["SqliteStore", "connect", "fts_query", "is_postgres_url", "open_store"]


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str, *, readonly: bool = False) -> Store:
    """Open a store from a path or URL (``sqlite:///file.db``, a plain path, ``postgresql://``)."""
    if is_postgres_url(url):
        from newskb.store.postgres import PostgresStore

        return PostgresStore(url, readonly=readonly)
    path = url.removeprefix("sqlite:///")
    return SqliteStore(path, readonly=readonly)
