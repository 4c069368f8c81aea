"""The one schema description against SQLite: a store built by running every migration has
exactly the tables, columns, keys, indexes, full-text table, triggers and views the description
generates, so the migrations and the description cannot drift apart."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from newskb.store import SqliteStore
from newskb.store.migrate import available, current_version, migrate
from newskb.store.schema import DESCRIPTION, Column, Table, sqlite_ddl
from newskb.store.schema.ddl import create_table
from newskb.store.schema.model import SQLITE_TYPES


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", sql))).strip()


def shape(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything a store's schema says, in a form two stores can be compared by."""
    out: dict[str, Any] = {}
    master = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "ORDER BY type, name"
    ).fetchall()
    for kind, name, _tbl, sql in master:
        if kind == "table" and name.startswith("articles_fts_"):
            continue  # FTS5's own shadow tables
        if kind in ("table", "view"):
            info = [tuple(r) for r in conn.execute(f"PRAGMA table_xinfo({name})")]
            out[f"{kind} {name}"] = {
                "columns": [r[1:6] for r in info],  # name, type, notnull, default, pk
                "without_rowid": _norm(sql).upper().endswith("WITHOUT ROWID"),
                "foreign_keys": sorted(
                    tuple(r[2:5]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")
                ),
                "indexes": sorted(_indexes(conn, name)) if kind == "table" else [],
                "sql": _norm(sql) if kind == "view" or "VIRTUAL" in sql else None,
            }
        elif kind == "trigger":
            out[f"trigger {name}"] = _norm(sql)
    return out


def _indexes(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    out = []
    for _seq, name, unique, origin, partial in conn.execute(f"PRAGMA index_list({table})"):
        cols = tuple(
            (r[2], r[3]) for r in conn.execute(f"PRAGMA index_xinfo({name})") if r[5]
        )  # key columns: (name, descending)
        out.append((name if origin == "c" else origin, unique, partial, cols))
    return out


def test_a_migrated_store_has_exactly_the_described_schema() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, target=available()[-1][0])  # every migration, from 0001 on
    migrated = shape(conn)
    with SqliteStore(":memory:") as store:  # a new store: built from the description
        generated = shape(store.conn)
    assert sorted(migrated) == sorted(generated)
    for key in migrated:
        assert migrated[key] == generated[key], key


def test_every_described_table_and_view_is_in_a_store_with_its_logical_types(
    tmp_path: Path,
) -> None:
    with SqliteStore(tmp_path / "kb.db") as store:
        got = shape(store.conn)
    for t in DESCRIPTION.for_dialect("sqlite"):
        cols = got[f"table {t.name}"]["columns"]
        assert [c[0] for c in cols] == [c.name for c in t.columns]
        assert [c[1] for c in cols] == [SQLITE_TYPES[c.type] for c in t.columns]
    for v in DESCRIPTION.views:
        assert f"view {v.name}" in got
    assert "table newskb_meta" not in got  # PostgreSQL's own (SQLite: PRAGMA user_version)


def test_drift_is_caught_a_column_the_migrations_lack() -> None:
    """The comparison sees a one-column difference (a test of the test)."""
    articles = DESCRIPTION.table("articles")
    wider = Table("articles", (*articles.columns, Column("lead", "text")), unique=articles.unique)
    a, b = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    a.execute(create_table(articles, "sqlite"))
    b.execute(create_table(wider, "sqlite"))
    assert shape(a) != shape(b)


def test_an_old_store_migrates_in_place_to_the_described_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=6) == 6
    conn.execute(
        "INSERT INTO canon (id, name, type, created_at) "
        "VALUES ('nkb:1', 'Ana Ruiz', 'PERSON', '2025-03-18T10:00:00Z')"
    )
    conn.close()
    with SqliteStore(path) as store:
        assert shape(store.conn)["view events_named"]
        assert [tuple(r) for r in store.conn.execute("SELECT name FROM canon")] == [("Ana Ruiz",)]
        migrated = shape(store.conn)
    fresh = sqlite3.connect(":memory:")
    for stmt in sqlite_ddl(DESCRIPTION):
        fresh.execute(stmt)
    assert migrated == shape(fresh)


def test_a_new_store_is_built_from_the_description_at_the_newest_version(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "new.db") as store:
        assert current_version(store.conn) == available()[-1][0]
        seeded = store.conn.execute("SELECT key, value FROM story_meta ORDER BY key")
        assert [tuple(r) for r in seeded] == [("documents", 0), ("seq", 0)]
