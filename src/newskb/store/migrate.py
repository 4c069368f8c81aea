"""Versioned schema migrations: ``migrations/NNNN_name.sql`` applied in order, once each.

A new store (version 0) is built straight from the schema description (``store.schema``) and
stamped with the newest version; the migrations upgrade existing stores in place. The tests
check that both ways give the same schema.
"""

from __future__ import annotations

import json
import re
import sqlite3
from importlib import resources

from newskb.errors import SchemaTooNew
from newskb.resolve.keys import person_keys
from newskb.store.schema import DESCRIPTION, sqlite_ddl

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    out: list[tuple[int, str, str]] = []
    folder = resources.files("newskb.store") / "migrations"
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            out.append((int(m[1]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema up to date (or up to ``target``); return the version reached.

    Each migration runs in its own transaction together with the version bump, so a crash
    leaves the schema at a whole version. A new store with no ``target`` is built from the
    description in one transaction instead.
    """
    have = current_version(conn)
    steps = available()
    _functions(conn)
    newest = steps[-1][0] if steps else 0
    if have > newest:
        raise SchemaTooNew(f"store schema is version {have}, this newskb knows up to {newest}")
    if have == 0 and target is None and _empty(conn):
        _run(conn, [*sqlite_ddl(DESCRIPTION), f"PRAGMA user_version = {newest}"])
        return newest
    for version, _name, sql in steps:
        if version <= have or (target is not None and version > target):
            continue
        _run(conn, _split(sql + f"\nPRAGMA user_version = {version};\n"))
        have = version
    return have


def _run(conn: sqlite3.Connection, statements: list[str]) -> None:
    """The statements in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for stmt in statements:
            conn.execute(stmt)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _empty(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) == 0


def _functions(conn: sqlite3.Connection) -> None:
    """Python functions a migration may call (data migrations that SQL alone cannot compute)."""
    conn.create_function(
        "newskb_person_keys",
        1,
        lambda alias: json.dumps(sorted(person_keys(str(alias or "")))),
        deterministic=True,
    )


def _split(script: str) -> list[str]:
    """Split a script into statements (``sqlite3.complete_statement`` handles triggers)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
