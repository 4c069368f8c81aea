"""One SQL, two drivers: the tables both backends share are read and written by the code in
this package through a small ``Db`` adapter.

The SQL is written once, in the subset SQLite and PostgreSQL both read (``ON CONFLICT``
upserts, ``lower(x) LIKE lower(?) ESCAPE '\\'``, no ``INSERT OR ...``), with ``?`` parameters.
The only thing an adapter changes is the parameter mark (psycopg wants ``%s``); where the two
dialects really differ (JSON arrays, table listing) the adapter offers a method instead.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

Args = Sequence[Any]


class Db(Protocol):
    """A connection as the shared SQL needs it."""

    dialect: str  # "sqlite" | "postgresql"

    def rows(self, sql: str, args: Args = ()) -> list[Sequence[Any]]: ...
    def one(self, sql: str, args: Args = ()) -> Sequence[Any] | None: ...
    def run(self, sql: str, args: Args = ()) -> int:
        """Execute; the number of rows changed."""
        ...

    def many(self, sql: str, rows: Sequence[Args]) -> None: ...
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

    def rows(self, sql: str, args: Args = ()) -> list[Sequence[Any]]:
        return self.conn.execute(sql, args).fetchall()

    def one(self, sql: str, args: Args = ()) -> Sequence[Any] | None:
        row: Sequence[Any] | None = self.conn.execute(sql, args).fetchone()
        return row

    def run(self, sql: str, args: Args = ()) -> int:
        return int(self.conn.execute(sql, args).rowcount)

    def many(self, sql: str, rows: Sequence[Args]) -> None:
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


def pg_sql(sql: str) -> str:
    """``?`` parameter marks as psycopg's ``%s`` (a literal ``%`` doubled). The shared SQL has
    no ``?`` or ``%`` inside string literals (patterns are passed as parameters)."""
    return _MARK.sub("%s", sql.replace("%", "%%"))


class PgDb:
    """``Db`` over a psycopg 3 connection in autocommit mode."""

    dialect = "postgresql"

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def _exec(self, sql: str, args: Args) -> Any:
        if not args:
            return self.conn.execute(sql)
        return self.conn.execute(pg_sql(sql), tuple(args))

    def rows(self, sql: str, args: Args = ()) -> list[Sequence[Any]]:
        rows: list[Sequence[Any]] = self._exec(sql, args).fetchall()
        return rows

    def one(self, sql: str, args: Args = ()) -> Sequence[Any] | None:
        row: Sequence[Any] | None = self._exec(sql, args).fetchone()
        return row

    def run(self, sql: str, args: Args = ()) -> int:
        return int(self._exec(sql, args).rowcount)

    def many(self, sql: str, rows: Sequence[Args]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(pg_sql(sql), [tuple(r) for r in rows])

    def atomic(self, name: str) -> AbstractContextManager[object]:
        tx: AbstractContextManager[object] = self.conn.transaction()
        return tx

    def has_table(self, name: str) -> bool:
        return self.one("SELECT to_regclass(?)", (name,)) not in (None, (None,))

    def json_items(self, column: str) -> str:
        return f"json_array_elements_text({column}::json) AS j(value)"


def like(value: str) -> str:
    """A ``LIKE`` pattern matching ``value`` as a literal substring (escape: backslash)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.strip()}%"


def db_of(conn: Any) -> Db:
    """The adapter for a ``sqlite3`` or psycopg connection."""
    return SqliteDb(conn) if isinstance(conn, sqlite3.Connection) else PgDb(conn)
