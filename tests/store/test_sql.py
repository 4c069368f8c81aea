"""The shared SQL's one translation: parameter marks for psycopg, nothing else."""

from __future__ import annotations

import sqlite3

from newskb.store.sql import SqliteDb, like, pg_sql


def test_positional_and_named_marks_become_psycopg_marks() -> None:
    assert pg_sql("SELECT 1 FROM t WHERE a = ? AND b IN (?, ?)") == (
        "SELECT 1 FROM t WHERE a = %s AND b IN (%s, %s)"
    )
    assert pg_sql("x = :key OR y = lower(:key)", named=True) == (
        "x = %(key)s OR y = lower(%(key)s)"
    )
    # casts and literal percent signs survive: ``::json`` is no parameter, ``%`` is doubled
    assert pg_sql("v.actors::json, '%' || ?", named=False) == "v.actors::json, '%%' || %s"
    assert pg_sql("v.actors::json = :a", named=True) == "v.actors::json = %(a)s"


def test_like_patterns_match_literally_on_sqlite() -> None:
    db = SqliteDb(sqlite3.connect(":memory:"))
    db.run("CREATE TABLE t (s TEXT)")
    db.many("INSERT INTO t VALUES (?)", [("100% sure",), ("1000 sure",), ("a_b",), ("axb",)])
    sql = "SELECT s FROM t WHERE lower(s) LIKE lower(?) ESCAPE '\\' ORDER BY s"
    assert [r[0] for r in db.rows(sql, (like("100%"),))] == ["100% sure"]
    assert [r[0] for r in db.rows(sql, (like("A_B"),))] == ["a_b"]
    assert db.has_table("t") and not db.has_table("nope")
