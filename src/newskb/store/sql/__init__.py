"""One SQL, two drivers: the tables both backends share are read and written by the code in
this package through a small ``Db`` adapter.

The SQL is written once, in the subset SQLite and PostgreSQL both read (``ON CONFLICT``
upserts, ``lower(x) LIKE lower(?) ESCAPE '\\'``, ``COALESCE``, no ``INSERT OR ...``), with ``?``
or ``:name`` parameters. The only thing an adapter changes is the parameter mark (psycopg wants
``%s`` / ``%(name)s``); where the two dialects really differ (JSON arrays, table listing, full
text) the adapter says which it is or offers a method instead. Rows can be read by position or
by column name on both.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

Args = Sequence[Any] | Mapping[str, Any]


class Db(Protocol):
    """A connection as the shared SQL needs it."""

    dialect: str  # "sqlite" | "postgresql"

    def rows(self, sql: str, args: Args = ()) -> list[Any]:
        """Every row (readable by position and by column name)."""
        ...

    def one(self, sql: str, args: Args = ()) -> Any:
        """The first row, or None."""
        ...

    def run(self, sql: str, args: Args = ()) -> int:
        """Execute; the number of rows changed."""
        ...

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def atomic(self, name: str) -> AbstractContextManager[object]:
        """A transaction on its own, a savepoint inside the caller's."""
        ...

    def has_table(self, name: str) -> bool: ...
    def json_items(self, column: str) -> str:
        """A FROM item ``j`` with one row ``j.value`` per element of the JSON text array."""
        ...


class SqliteDb:
    """``Db`` over a ``sqlite3`` connection (autocommit mode: ``isolation_level=None``)."""

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def rows(self, sql: str, args: Args = ()) -> list[Any]:
        return self.conn.execute(sql, args).fetchall()

    def one(self, sql: str, args: Args = ()) -> Any:
        row: Any = self.conn.execute(sql, args).fetchone()
        return row

    def run(self, sql: str, args: Args = ()) -> int:
        return int(self.conn.execute(sql, args).rowcount)

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    @contextmanager
    def atomic(self, name: str) -> Iterator[object]:
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    def has_table(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?"
        return self.one(sql, (name,)) is not None

    def json_items(self, column: str) -> str:
        return f"json_each({column}) j"


_MARK = re.compile(r"\?")
_NAMED = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)\b")


def pg_sql(sql: str, named: bool = False) -> str:
    """``?`` (or ``:name``) parameter marks as psycopg's ``%s`` (``%(name)s``), a literal ``%``
    doubled. The shared SQL has no ``?``, ``:`` or ``%`` inside string literals (patterns are
    passed as parameters)."""
    sql = sql.replace("%", "%%")
    return _NAMED.sub(r"%(\1)s", sql) if named else _MARK.sub("%s", sql)


class PgRow(tuple[Any, ...]):
    """A PostgreSQL row readable by position and by column name, like ``sqlite3.Row``."""

    names: tuple[str, ...] = ()

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor: Any) -> Any:
    names = tuple(d.name for d in cursor.description or ())
    row_type = type("Row", (PgRow,), {"names": names})
    return row_type


class PgDb:
    """``Db`` over a psycopg 3 connection in autocommit mode."""

    dialect = "postgresql"

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def _exec(self, sql: str, args: Args) -> Any:
        cur = self.conn.cursor(row_factory=_row_factory)
        if not args:
            return cur.execute(sql)
        if isinstance(args, Mapping):
            return cur.execute(pg_sql(sql, named=True), dict(args))
        return cur.execute(pg_sql(sql), tuple(args))

    def rows(self, sql: str, args: Args = ()) -> list[Any]:
        rows: list[Any] = self._exec(sql, args).fetchall()
        return rows

    def one(self, sql: str, args: Args = ()) -> Any:
        row: Any = self._exec(sql, args).fetchone()
        return row

    def run(self, sql: str, args: Args = ()) -> int:
        return int(self._exec(sql, args).rowcount)

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(pg_sql(sql), [tuple(r) for r in rows])

    def atomic(self, name: str) -> AbstractContextManager[object]:
        tx: AbstractContextManager[object] = self.conn.transaction()
        return tx

    def has_table(self, name: str) -> bool:
        return self.one("SELECT to_regclass(?)", (name,)) not in (None, (None,))

    def json_items(self, column: str) -> str:
        return f"jsonb_array_elements_text({column}::jsonb) AS j(value)"


def like(value: str) -> str:
    """A ``LIKE`` pattern matching ``value`` as a literal substring (escape: backslash)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.strip()}%"


_LOWER_LIKE = re.compile(r"lower\(([\w.]+)\) LIKE lower\((\?|:\w+)\)")


def ci_like(db: Db, sql: str) -> str:
    """``sql`` with each ``lower(x) LIKE lower(?)`` as the cheaper ``x LIKE ?`` on SQLite, where
    it means the same: SQLite's LIKE already ignores ASCII case and its ``lower()`` folds ASCII
    only (the calls cost two thirds of a scan). PostgreSQL's ``LIKE`` is case-sensitive: kept."""
    return _LOWER_LIKE.sub(r"\1 LIKE \2", sql) if db.dialect == "sqlite" else sql


def up_to_day(db: Db, expr: str, mark: str, *, date_column: bool = True) -> str:
    """``expr`` on or before the day ``mark`` (a parameter mark, bound to 'YYYY-MM-DD' text):
    on SQLite the first ten characters compared (a time may follow the date); on PostgreSQL a
    ``date`` column is compared whole (its index serves; the untyped text parameter is read as
    a date, or as text on a store not yet converted), other text as on SQLite."""
    if db.dialect == "postgresql" and date_column:
        return f"{expr} <= {mark}"
    return f"substr({expr}, 1, 10) <= {mark}"


def db_of(conn: Any) -> Db:
    """The adapter for a ``sqlite3`` or psycopg connection (an adapter is returned as it is)."""
    if isinstance(conn, SqliteDb | PgDb):
        return conn
    return SqliteDb(conn) if isinstance(conn, sqlite3.Connection) else PgDb(conn)
