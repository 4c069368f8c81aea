"""The one schema description against PostgreSQL (skipped without a server): a new store has
exactly the described tables, types (``date``, ``timestamptz``, ``jsonb``, a ``tsvector`` with
a GIN index), keys, indexes and views; a store written by the old text-typed versions converts
in place to the very same schema, keeping every value (what a type cannot hold goes to
``schema_kept``) and reading back what SQLite reads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from newskb.store.postgres.schema import VERSIONS, build_old
from newskb.store.schema import DESCRIPTION
from newskb.store.schema.model import PG_INFO_TYPES
from tests.store.test_contract import pg_or_skip


def shape(conn: Any, schema: str) -> dict[str, Any]:
    """Columns, constraints, indexes and views of one PostgreSQL schema, comparable."""
    q = conn.execute
    out: dict[str, Any] = {}

    def unqualified(sql: str) -> str:  # also a function's SET search_path
        return sql.replace(f"{schema}.", "").replace(schema, "SCHEMA")

    # partitions (and their indexes) come with the rows: the search table's are checked apart
    parts = {
        r[0]
        for r in q(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relispartition",
            (schema,),
        )
    }

    for table, col, typ, nullable, default, gen in q(
        "SELECT table_name, column_name, data_type, is_nullable, column_default, "
        "generation_expression FROM information_schema.columns WHERE table_schema = %s "
        "ORDER BY table_name, ordinal_position",
        (schema,),
    ):
        if table in parts:
            continue
        default = unqualified(default) if default else default
        out.setdefault(f"columns {table}", []).append((col, typ, nullable, default, gen))
    for table, kind, definition in q(
        "SELECT r.relname, c.contype, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = %s ORDER BY 1, 2, 3",
        (schema,),
    ):
        if table not in parts:
            out.setdefault(f"constraints {table}", []).append((kind, unqualified(definition)))
    for name, definition in q(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s ORDER BY 1", (schema,)
    ):
        if name not in parts:
            out[f"index {name}"] = unqualified(definition)
    for name, definition in q(
        "SELECT viewname, definition FROM pg_views WHERE schemaname = %s ORDER BY 1", (schema,)
    ):
        out[f"view {name}"] = unqualified(definition)
    for name, definition in q(
        "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c "
        "ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND NOT t.tgisinternal ORDER BY 1",
        (schema,),
    ):
        out[f"trigger {name}"] = unqualified(definition)
    for name, definition in q(
        "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n "
        "ON n.oid = p.pronamespace WHERE n.nspname = %s ORDER BY 1",
        (schema,),
    ):
        out[f"function {name}"] = unqualified(definition)
    return out


@pytest.fixture
def pg() -> Iterator[tuple[str, Any]]:
    """(schema name, an autocommit psycopg connection with that schema on its search path)."""
    url = pg_or_skip()
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    conn = psycopg.connect(url, autocommit=True)
    conn.execute(f'CREATE SCHEMA "{schema}"')
    conn.execute(f'SET search_path TO "{schema}"')
    try:
        yield schema, conn
    finally:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        conn.close()


def _open(schema: str) -> Any:
    from newskb.store.postgres import PostgresStore

    return PostgresStore(pg_or_skip(), schema=schema)


def test_a_new_store_has_exactly_the_described_columns_keys_and_indexes(
    pg: tuple[str, Any],
) -> None:
    schema, conn = pg
    with _open(schema) as store:
        assert store.schema_version == VERSIONS[-1][0]
    got = shape(conn, schema)
    for t in DESCRIPTION.for_dialect("postgresql"):
        cols = got[f"columns {t.name}"]
        described = [(c.name, PG_INFO_TYPES[c.type]) for c in t.columns]
        if t.fulltext and t.fulltext.pg_column:
            described.append(("fts", "tsvector"))
            assert "USING gin (fts)" in got[f"index {t.name}_fts"]
        assert [c[:2] for c in cols] == described, t.name
        for c, row in zip(t.columns, cols, strict=False):
            key = c.type == "serial" or c.name in t.primary_key
            assert (row[2] == "NO") == (c.not_null or key), (t.name, c.name)
        pk = [d for kind, d in got.get(f"constraints {t.name}", []) if kind == "p"]
        keys = t.primary_key or tuple(c.name for c in t.columns if c.type == "serial")
        assert pk == ([f"PRIMARY KEY ({', '.join(keys)})"] if keys else []), t.name
        for ix in t.indexes:
            assert f"USING {ix.using or 'btree'} (" in got[f"index {ix.name}"], ix.name
    assert any("USING gin (fts)" in v for k, v in got.items() if k.startswith("index "))
    views = {k for k in got if k.startswith("view ")}
    assert views == {f"view {v.name}" for v in DESCRIPTION.views}
    refs = [d for kind, d in got["constraints story_members"] if kind == "f"]
    assert refs == ["FOREIGN KEY (story_id) REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED"]


def _old_store(conn: Any) -> None:
    """A store as versions 1-6 left it (dates and JSON as text), with awkward values."""
    build_old(conn, 6)
    ext = '{"article": {"id": "a1"}, "quotes": []}'
    article = (
        "INSERT INTO articles (id, sha256, source_key, path, format, title, published, "
        "text, raw, extraction, ingested_at) VALUES (%s, %s, %s, %s, 'text', 'Talks', %s, "
        "'Talks in Geneva.', 'Talks in Geneva.', %s, %s)"
    )
    conn.execute(article, ("a1", "s1", "k1", "a.txt", "2025-03-18", ext, "2025-03-19T10:00:00Z"))
    conn.execute(article, ("a2", "s2", "k2", "b.txt", "2025-03", ext, "2025-03-19 10:00:00+01"))
    conn.execute(article, ("a3", "s3", "k3", "c.txt", "", "not json", "yesterday"))
    conn.execute(article, ("a4", "s4", "k4", "d.txt", None, ext, "2025-03-19T10:00:00+00:00"))
    conn.execute(
        "INSERT INTO entities (article_id, local_id, name, type, roles) VALUES "
        "('a1', 'E1', 'Ana Ruiz', 'PERSON', '[\"minister\"]'), "
        "('a1', 'E2', 'Kyiv', 'GPE', '[]'), ('a3', 'E1', 'Oslo', 'GPE', 'not json')"
    )
    conn.execute(
        "INSERT INTO events (article_id, local_id, type, status, actors, recipients, "
        "trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, agreement) "
        "VALUES ('a1', 'V1', 'AGREE', 'occurred', '[\"E1\"]', '[\"E2\"]', 0, 5, 'Talks', 0, 16, "
        '\'{"object": "truce", "parties": [], "status": "agreed", "date": null}\')'
    )
    conn.execute(
        "INSERT INTO canon (id, name, type, created_at) "
        "VALUES ('nkb:1', 'Ana Ruiz', 'PERSON', '2025-03-19T10:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO canon_edits (op, detail, at) VALUES ('alias', '{\"alias\": \"Ana\"}', "
        "'2025-03-19T10:00:00+00:00')"
    )


def test_an_old_text_typed_store_converts_in_place_to_the_new_schema(
    pg: tuple[str, Any],
) -> None:
    schema, conn = pg
    _old_store(conn)
    with _open(schema) as store:
        assert store.schema_version == VERSIONS[-1][0]
        db = store.db
        published = db.rows("SELECT id, published, ingested_at FROM articles ORDER BY id")
        assert [tuple(r) for r in published] == [
            ("a1", "2025-03-18", "2025-03-19T10:00:00Z"),
            ("a2", None, "2025-03-19T09:00:00Z"),  # the same instant, in UTC
            ("a3", None, "1970-01-01T00:00:00Z"),  # unreadable: the epoch, the text kept
            ("a4", None, "2025-03-19T10:00:00Z"),
        ]
        assert db.one("SELECT extraction FROM articles WHERE id = 'a3'")[0] == "not json"
        assert db.one("SELECT roles FROM entities WHERE article_id = 'a3'")[0] == "[]"
        kept = db.rows(
            "SELECT table_name, column_name, row_key, value FROM schema_kept ORDER BY 1, 2, 4"
        )
        assert [tuple(r) for r in kept] == [
            ("articles", "ingested_at", '["a3"]', "yesterday"),
            ("articles", "published", '["a3"]', ""),
            ("articles", "published", '["a2"]', "2025-03"),
            ("entities", "roles", '["a3", "E1"]', "not json"),
        ]
        named = db.one("SELECT actors, recipients, agreement FROM events_named")
        assert tuple(named) == ("Ana Ruiz", "Kyiv", "truce")
        assert db.one("SELECT roles FROM entities WHERE local_id = 'E1'")[0] == '["minister"]'
        assert db.one("SELECT created_at FROM canon")[0] == "2025-03-19T10:00:00Z"
        assert db.rows("SELECT * FROM schema_kept WHERE table_name = 'canon'") == []
    upgraded = shape(conn, schema)
    fresh_schema = "t_" + uuid.uuid4().hex[:12]
    try:
        _open(fresh_schema).close()
        fresh = shape(conn, fresh_schema)
    finally:
        conn.execute(f'DROP SCHEMA "{fresh_schema}" CASCADE')
    assert sorted(upgraded) == sorted(fresh)
    for key in fresh:
        assert upgraded[key] == fresh[key], key
