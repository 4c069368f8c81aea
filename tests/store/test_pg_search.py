"""PostgreSQL full-text search (``store.postgres.search``): a version 6 store gains its search
table in place (version 7, partitioned by version 9), and a capped search ranks the same newest
matches as SQLite, partition by partition and when the newest rows read in order hold too few."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newskb.store import SqliteStore
from newskb.store.schema.search import PART_ROWS
from tests.store.test_contract import SEED, make, pg_or_skip


@pytest.fixture
def schema() -> Iterator[tuple[str, str]]:
    """(URL, schema name) of an empty schema, dropped afterwards."""
    url = pg_or_skip()
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    try:
        yield url, name
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@contextmanager
def old_store(url: str, name: str, version: int, m: pytest.MonkeyPatch) -> Iterator[Any]:
    """A store in schema ``name`` as ``version`` left it, opened by a newskb that knows no
    later version (``m`` undoes that when its context ends)."""
    import psycopg

    from newskb.store.postgres import PostgresStore
    from newskb.store.postgres import store as pg_store
    from newskb.store.postgres.schema import build_old

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
        conn.execute(f'SET search_path TO "{name}"')
        build_old(conn, version)
    m.setattr(pg_store, "VERSIONS", pg_store.VERSIONS[:version])
    with PostgresStore(url, schema=name) as s:
        yield s


def test_a_version_6_store_gains_its_search_table_in_place(
    schema: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newskb.store.postgres import PostgresStore
    from newskb.store.postgres.schema import VERSIONS

    url, name = schema
    old = make(SEED, path="a.txt")
    newer = make("Leavitt said grain left Odesa.", path="b.txt", title="Ceasefire in Odesa")
    # a store as version 6 left it
    with monkeypatch.context() as m, old_store(url, name, 6, m) as s:
        assert s.schema_version == 6
        s.add_batch([old, newer])
        cols = {r[0] for r in s.conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = 'articles'", (name,)
        )}  # fmt: skip
        assert "fts" in cols
    with PostgresStore(url, schema=name) as s:
        assert s.schema_version == VERSIONS[-1][0]
        assert s.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == 2
        assert [h.id for h in s.search("ceasefire")] == [newer.article.id, old.article.id]
        assert [h.id for h in s.search("infrastructure")] == [old.article.id]
        later = make("Leavitt said the ceasefire held.", path="c.txt", title="Truce")
        s.add_batch([later])  # written by the trigger from now on
        assert {h.id for h in s.search("ceasefire")} == {x.article.id for x in (old, newer, later)}
        assert s.find("ceasefire").counts[-1] == ("articles", 3)


def corpus() -> list[Any]:
    """30 articles, oldest first: "ceasefire" in all, "grain" in the first 12 only."""
    xs = []
    for i in range(30):
        extra = " Grain ships left port." if i < 12 else ""
        xs.append(
            make(
                f"Leavitt said the ceasefire held in sector {i}.{extra}",
                path=f"{i}.txt",
                title="Ceasefire" if i % 7 == 0 else "Talks",
            )
        )
    return xs


@pytest.mark.parametrize("cap", [4, 10, None])
def test_capped_search_ranks_the_same_newest_matches_as_sqlite(
    schema: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int | None
) -> None:
    from newskb.store.postgres import PostgresStore
    from newskb.store.postgres import search as pg_search

    url, name = schema
    xs = corpus()
    with SqliteStore(tmp_path / "t.db") as lite, PostgresStore(url, schema=name) as pg:
        # rowids across partitions, one of them left empty (the trigger makes what rows need)
        jumps = {0: 99_990, 20: 3 * PART_ROWS + 5}
        for i, x in enumerate(xs):  # one article a batch: rowids in order
            if i in jumps:
                pg.conn.execute(
                    "SELECT setval(pg_get_serial_sequence('articles', 'rowid'), %s)", (jumps[i],)
                )
            lite.add_batch([x])
            pg.add_batch([x])
        parts = pg.conn.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'article_search'::regclass ORDER BY 1"
        ).fetchall()
        assert [p[0] for p in parts] == [f"article_search_p00000000{k}" for k in (0, 1, 3)]
        pg.conn.execute("ANALYZE article_search")
        lite.scan_cap = pg.scan_cap = cap
        for words in ("ceasefire", "grain", "ceasefire grain", "sector 3", "talks"):
            a = {h.id for h in lite.search(words, limit=50)}
            b = {h.id for h in pg.search(words, limit=50)}
            assert a == b, words
        newest = {x.article.id for x in (xs[-cap:] if cap else xs)}
        assert {h.id for h in pg.search("ceasefire", limit=50)} == newest

        # the rows read hold too few: the planner's estimate says every row matches, but the
        # newest rowids hold no "grain" at all; read newest first, then in a window of them
        calls: list[str] = []
        real = pg_search.estimate

        def overestimate(conn: Any, text: str) -> tuple[float, float, int]:
            _matches, rows, top = real(conn, text)
            calls.append(text)
            return rows, rows, top

        monkeypatch.setattr(pg_search, "estimate", overestimate)
        grain = {x.article.id for x in xs[:12]}
        want = {x.article.id for x in xs[12 - cap : 12]} if cap else grain
        # the newest rows in order, then partition by partition; and partitions alone
        for newest_share in (pg_search.NEWEST_SHARE, 2.0):
            monkeypatch.setattr(pg_search, "NEWEST_SHARE", newest_share)
            assert {h.id for h in pg.search("grain", limit=50)} == want
        assert calls == (["grain"] * 2 if cap else [])


def test_search_statements_are_never_prepared(schema: tuple[str, str]) -> None:
    """Regression: psycopg prepares a statement run 5 times; the generic plan of a search does
    not know its words and walked the whole table for a rare pair (7 s at 1M articles)."""
    from newskb.store.postgres import PostgresStore

    url, name = schema
    with PostgresStore(url, schema=name) as s:
        s.add_batch([make(SEED)])
        for _ in range(8):
            assert len(s.search("ceasefire talks")) == 1
        prepared = s.conn.execute("SELECT statement FROM pg_prepared_statements").fetchall()
        assert not [p for p in prepared if "article_search" in p[0]]


def test_a_search_leaves_the_planner_settings_as_they_were(schema: tuple[str, str]) -> None:
    """A search turns index scans off for its own statements only, also inside a transaction
    the caller holds open (where a ``SET LOCAL`` would last until the caller's commit)."""
    from newskb.store.postgres import PostgresStore

    url, name = schema
    with PostgresStore(url, schema=name) as s:
        s.add_batch([make(SEED)])
        assert len(s.search("ceasefire")) == 1
        assert s.conn.execute("SHOW enable_indexscan").fetchone()[0] == "on"
        with s.conn.transaction():
            assert len(s.search("ceasefire")) == 1
            assert s.conn.execute("SHOW enable_indexscan").fetchone()[0] == "on"


def test_a_version_8_store_is_partitioned_in_place_with_every_vector_kept(
    schema: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 9 moves the search table's rows into partitions for the rowid ranges in use
    (none for the gap between them) and the trigger goes on making them."""
    from newskb.store.postgres import PostgresStore
    from newskb.store.postgres.schema import VERSIONS

    url, name = schema
    xs = corpus()
    with monkeypatch.context() as m, old_store(url, name, 8, m) as s:
        s.add_batch(xs[:10])
        s.conn.execute(
            "SELECT setval(pg_get_serial_sequence('articles', 'rowid'), %s)", (5 * PART_ROWS,)
        )
        s.add_batch(xs[10:20])
    with PostgresStore(url, schema=name) as s:
        assert s.schema_version == VERSIONS[-1][0]
        parts = s.conn.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'article_search'::regclass ORDER BY 1"
        ).fetchall()
        assert [p[0] for p in parts] == ["article_search_p000000000", "article_search_p000000005"]
        assert s.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == 20
        s.add_batch(xs[20:])  # written by the new trigger, into the newest partition
        s.scan_cap = 25
        hits = {h.id for h in s.search("ceasefire", limit=50)}
        assert hits == {x.article.id for x in xs[5:]}  # the newest 25 of 30
        assert {h.id for h in s.search("grain", limit=50)} == {x.article.id for x in xs[:12]}


def test_the_article_list_over_its_time_budget_ranks_the_newest_on_postgresql(
    schema: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on SQLite: a full ranking past ``SEARCH_BUDGET_S`` (here made slow on purpose) is
    cancelled and the newest ``RECENT_WINDOW`` rowids ranked instead; the word is remembered
    and the connection keeps no timeout."""
    from newskb.store import read_fulltext
    from newskb.store.postgres import PostgresStore
    from newskb.store.sql import db_of

    url, name = schema
    xs = corpus()
    with PostgresStore(url, schema=name) as s:
        for x in xs:
            s.add_batch([x])
        monkeypatch.setattr(read_fulltext, "_SLOW", set())
        monkeypatch.setattr(read_fulltext, "SEARCH_BUDGET_S", 0.2)
        monkeypatch.setattr(read_fulltext, "RECENT_WINDOW", 5)
        cols = "a.id, a.title"
        args = {"match": "ceasefire", "limit": 50, "offset": 0}
        db = db_of(s.conn)
        full = read_fulltext.pg_hits(db, cols, ["a.current = 1"], args)
        assert len(full) == 30 and not read_fulltext._SLOW
        slow = ["a.current = 1", "pg_sleep(0.02) IS NOT NULL"]
        newest = read_fulltext.pg_hits(db, cols, slow, args)
        assert {r["id"] for r, _score in newest} == {x.article.id for x in xs[-5:]}
        assert {"ceasefire"} == read_fulltext._SLOW
        assert s.conn.execute("SHOW statement_timeout").fetchone()[0] == "0"
