"""The words a schema description is written in: tables of typed columns, keys, indexes, a
full-text index and views, in logical types each backend renders its own way.

=========  ==============================  =========================================
logical    SQLite                          PostgreSQL
=========  ==============================  =========================================
text       TEXT                            text
int        INTEGER                         integer
bigint     INTEGER                         bigint
real       REAL                            double precision
blob       BLOB                            bytea
date       TEXT ('2025-03-18')             date
timestamp  TEXT ('2025-03-18T10:00:00Z')   timestamp with time zone
json       TEXT (JSON text)                jsonb
serial     INTEGER PRIMARY KEY (rowid)     bigserial primary key
=========  ==============================  =========================================

On PostgreSQL the store reads ``date``, ``timestamp`` and ``json`` back as the same text SQLite
returns (``store.postgres.loaders``), so both backends give the same Python values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Type = Literal[
    "text", "int", "bigint", "real", "blob", "date", "timestamp", "json", "serial", "tsvector"
]  # fmt: skip
Dialect = Literal["sqlite", "postgresql"]

SQLITE_TYPES: dict[str, str] = {
    "text": "TEXT", "int": "INTEGER", "bigint": "INTEGER", "real": "REAL", "blob": "BLOB",
    "date": "TEXT", "timestamp": "TEXT", "json": "TEXT", "serial": "INTEGER", "tsvector": "",
}  # fmt: skip
PG_TYPES: dict[str, str] = {
    "text": "TEXT", "int": "INTEGER", "bigint": "BIGINT", "real": "DOUBLE PRECISION",
    "blob": "BYTEA", "date": "DATE", "timestamp": "TIMESTAMPTZ", "json": "JSONB",
    "serial": "BIGSERIAL", "tsvector": "TSVECTOR",
}  # fmt: skip
# what information_schema.columns.data_type says for each logical type
PG_INFO_TYPES: dict[str, str] = {
    "text": "text", "int": "integer", "bigint": "bigint", "real": "double precision",
    "blob": "bytea", "date": "date", "timestamp": "timestamp with time zone", "json": "jsonb",
    "serial": "bigint", "tsvector": "tsvector",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: Type
    not_null: bool = False
    default: str | None = None  # an SQL literal both dialects read: 1, 'en', '[]'
    references: str | None = None  # "table(column)"
    deferred: bool = False  # PostgreSQL: the reference is checked at commit


@dataclass(frozen=True, slots=True)
class Index:
    name: str
    columns: tuple[str, ...]  # a column, or "column DESC"
    unique: bool = False
    # PostgreSQL indexes md5(column) for these (long text: a btree entry has a size limit);
    # SQLite writes such a unique index as the table's UNIQUE (...) constraint instead.
    md5: tuple[str, ...] = ()
    using: str = ""  # PostgreSQL index method ("gin"); empty: btree


@dataclass(frozen=True, slots=True)
class FullText:
    """Full-text search over some columns: SQLite an external-content FTS5 table
    ``<table>_fts`` kept by triggers; PostgreSQL a stored ``fts tsvector`` column with a GIN
    index ``<table>_fts`` (each column weighted: A above B)."""

    columns: tuple[tuple[str, str], ...]  # (column, weight)
    tokenize: str = "porter unicode61"  # SQLite FTS5 tokenizer
    config: str = "english"  # PostgreSQL text search configuration
    # SQLite: an AFTER INSERT trigger adds each row's entry (False: the writer adds them)
    insert_trigger: bool = True
    # PostgreSQL: the stored column on the table itself (False: a narrow table of its own,
    # described as a table with its routines)
    pg_column: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()  # empty: a serial column is the key, or none
    unique: tuple[tuple[str, ...], ...] = ()
    indexes: tuple[Index, ...] = ()
    without_rowid: bool = False  # SQLite only
    fulltext: FullText | None = None
    seed: str = ""  # rows every new store starts with (an INSERT both dialects read)
    dialects: tuple[Dialect, ...] = ("sqlite", "postgresql")
    note: str = ""
    partition_by: str = ""  # PostgreSQL: "RANGE (rowid)"; its partitions are made by a routine

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


@dataclass(frozen=True, slots=True)
class View:
    """A view, written once per dialect (JSON and string aggregation differ)."""

    name: str
    sqlite: str
    postgresql: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Routine:
    """A function or trigger of one dialect (``sql``: its CREATE statement), made after the
    tables and before the views."""

    name: str
    dialect: Dialect
    sql: str


@dataclass(frozen=True, slots=True)
class Schema:
    tables: tuple[Table, ...]
    views: tuple[View, ...]
    routines: tuple[Routine, ...] = ()

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(f"no table {name!r}")

    def for_dialect(self, dialect: Dialect) -> tuple[Table, ...]:
        return tuple(t for t in self.tables if dialect in t.dialects)


def col(
    name: str,
    type_: Type = "text",
    not_null: bool = False,
    default: str | None = None,
    references: str | None = None,
    deferred: bool = False,
) -> Column:
    """A column (short to write: the description lists some two hundred)."""
    return Column(name, type_, not_null, default, references, deferred)


def nn(name: str, type_: Type = "text", default: str | None = None) -> Column:
    """A NOT NULL column."""
    return Column(name, type_, True, default)


def ref(name: str, target: str, not_null: bool = True, deferred: bool = False) -> Column:
    """A text column referencing ``target`` ("table(column)")."""
    return Column(name, "text", not_null, None, target, deferred)


def span(prefix: str, not_null: bool = True, text: bool = True) -> tuple[Column, ...]:
    """``<prefix>_start``, ``<prefix>_end`` and (with ``text``) ``<prefix>_text``."""
    cols = (Column(f"{prefix}_start", "int", not_null), Column(f"{prefix}_end", "int", not_null))
    return cols + ((Column(f"{prefix}_text", "text", not_null),) if text else ())
