"""One schema source for both backends: the store's tables, keys, indexes, full-text index and
views described once (``tables``, ``derived``, ``views``), each dialect's DDL generated from it
(``ddl``). SQLite stores still upgrade in place through ``store/migrations``; PostgreSQL stores
through ``store.postgres.schema``; tests check that a store either way has exactly this schema.
"""

from __future__ import annotations

from newskb.store.schema.ddl import postgres_ddl, sqlite_ddl
from newskb.store.schema.derived import LEDGER_TABLES, PG_ONLY, STORY_TABLES
from newskb.store.schema.model import Column, FullText, Index, Routine, Schema, Table, View
from newskb.store.schema.search import ARTICLE_SEARCH, SEARCH_ROUTINES
from newskb.store.schema.tables import CANON_TABLES, CREDITS, FACTS
from newskb.store.schema.views import VIEWS

DESCRIPTION = Schema(
    tables=(
        *FACTS, *CANON_TABLES, *STORY_TABLES, *LEDGER_TABLES, CREDITS, *PG_ONLY, ARTICLE_SEARCH
    ),
    views=VIEWS,
    routines=SEARCH_ROUTINES,
)  # fmt: skip

__all__ = [
    "DESCRIPTION", "Column", "FullText", "Index", "Routine", "Schema", "Table", "View",
    "postgres_ddl", "sqlite_ddl",
]  # fmt: skip
