"""The SQLite backend: one file in WAL mode with FTS5 (``SqliteStore``)."""

from newskb.store.rows import fts_query
from newskb.store.sqlite.store import SqliteStore, connect

__all__ = ["SqliteStore", "connect", "fts_query"]
