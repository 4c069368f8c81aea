"""Each backend's DDL, generated from the one description (``store.schema.DESCRIPTION``).

``sqlite_ddl`` builds a new SQLite store (WAL and FTS5: an external-content ``articles_fts``
kept by triggers); ``postgres_ddl`` a new PostgreSQL one (``timestamptz``, ``jsonb``, a stored
``tsvector`` with a GIN index). Both are lists of statements, run in order.
"""

from __future__ import annotations

from newskb.store.schema.model import (
    PG_TYPES,
    SQLITE_TYPES,
    Column,
    Dialect,
    FullText,
    Index,
    Schema,
    Table,
)

_KEYWORDS = frozenset({"end"})


def ident(name: str) -> str:
    """A column name, quoted where it is an SQL keyword."""
    return f'"{name}"' if name in _KEYWORDS else name


def _column(c: Column, dialect: Dialect) -> str:
    types = SQLITE_TYPES if dialect == "sqlite" else PG_TYPES
    out = f"{ident(c.name)} {types[c.type]}"
    if c.type == "serial":
        return out + " PRIMARY KEY"
    if c.not_null:
        out += " NOT NULL"
    if c.default is not None:
        out += f" DEFAULT {c.default}"
    if c.references:
        out += f" REFERENCES {c.references}"
        if c.deferred and dialect == "postgresql":
            out += " DEFERRABLE INITIALLY DEFERRED"
    return out


def tsvector(ft: FullText, table: Table) -> str:
    """The expression of PostgreSQL's stored ``fts`` column."""
    parts = []
    for name, weight in ft.columns:
        value = name if table.column(name).not_null else f"coalesce({name}, '')"
        parts.append(f"setweight(to_tsvector('{ft.config}', {value}), '{weight}')")
    return "\n        || ".join(parts)


def create_table(t: Table, dialect: Dialect) -> str:
    lines = [_column(c, dialect) for c in t.columns]
    if t.fulltext and t.fulltext.pg_column and dialect == "postgresql":
        expr = tsvector(t.fulltext, t)
        lines.append(f"fts tsvector GENERATED ALWAYS AS (\n        {expr}\n    ) STORED")
    if t.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(ident, t.primary_key))})")
    for cols in t.unique:
        lines.append(f"UNIQUE ({', '.join(map(ident, cols))})")
    if dialect == "sqlite":
        for ix in t.indexes:
            if ix.md5:  # SQLite indexes long text as it is: the table's own constraint
                lines.append(f"UNIQUE ({', '.join(map(ident, ix.columns))})")
    body = ",\n    ".join(lines)
    tail = " WITHOUT ROWID" if t.without_rowid and dialect == "sqlite" else ""
    if t.partition_by and dialect == "postgresql":
        tail = f" PARTITION BY {t.partition_by}"
    return f"CREATE TABLE {t.name} (\n    {body}\n){tail}"


def create_index(t: Table, ix: Index, dialect: Dialect) -> str | None:
    if ix.md5 and dialect == "sqlite":
        return None  # a table constraint there (create_table)
    cols = []
    for c in ix.columns:
        name, _, order = c.partition(" ")
        expr = f"md5({ident(name)})" if dialect == "postgresql" and name in ix.md5 else ident(name)
        cols.append(f"{expr} {order}".strip())
    unique = "UNIQUE " if ix.unique else ""
    using = f" USING {ix.using.upper()} " if ix.using and dialect == "postgresql" else ""
    return f"CREATE {unique}INDEX {ix.name} ON {t.name}{using}({', '.join(cols)})"


def sqlite_fulltext(t: Table, ft: FullText) -> list[str]:
    """The FTS5 table over ``t`` and the triggers that keep it (insert, delete, update)."""
    fts, names = f"{t.name}_fts", [c for c, _ in ft.columns]
    cols, new, old = ", ".join(names), _prefixed("new", names), _prefixed("old", names)
    delete = (
        f"INSERT INTO {fts}({fts}, rowid, {cols})\n        VALUES ('delete', old.rowid, {old});"
    )
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new});"
    added = f"CREATE TRIGGER {t.name}_ai AFTER INSERT ON {t.name} BEGIN\n    {insert}\nEND"
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5(\n    {cols}, content="{t.name}", '
        f"content_rowid=\"rowid\", tokenize='{ft.tokenize}'\n)",
        *([added] if ft.insert_trigger else []),
        f"CREATE TRIGGER {t.name}_ad AFTER DELETE ON {t.name} BEGIN\n    {delete}\nEND",
        f"CREATE TRIGGER {t.name}_au AFTER UPDATE OF {cols} ON {t.name} BEGIN\n"
        f"    {delete}\n    {insert}\nEND",
    ]


def _prefixed(prefix: str, names: list[str]) -> str:
    return ", ".join(f"{prefix}.{n}" for n in names)


def table_ddl(t: Table, dialect: Dialect) -> list[str]:
    """One table: CREATE TABLE, its indexes, its full-text index, its first rows."""
    out = [create_table(t, dialect)]
    out += [s for ix in t.indexes if (s := create_index(t, ix, dialect))]
    if t.fulltext and dialect == "sqlite":
        out += sqlite_fulltext(t, t.fulltext)
    elif t.fulltext and t.fulltext.pg_column:
        out.append(f"CREATE INDEX {t.name}_fts ON {t.name} USING GIN (fts)")
    if t.seed:
        out.append(t.seed)
    return out


def sqlite_ddl(schema: Schema) -> list[str]:
    """Every statement that builds a new SQLite store of ``schema``."""
    out = [s for t in schema.for_dialect("sqlite") for s in table_ddl(t, "sqlite")]
    out += [r.sql for r in schema.routines if r.dialect == "sqlite"]
    return out + [v.sqlite for v in schema.views]


def postgres_ddl(schema: Schema, skip: tuple[str, ...] = ()) -> list[str]:
    """Every statement that builds a new PostgreSQL store of ``schema`` (but the ``skip``
    tables)."""
    tables = [t for t in schema.for_dialect("postgresql") if t.name not in skip]
    out = [s for t in tables for s in table_ddl(t, "postgresql")]
    out += [r.sql for r in schema.routines if r.dialect == "postgresql"]
    return out + [v.postgresql for v in schema.views]
