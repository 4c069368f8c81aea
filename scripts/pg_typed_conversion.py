"""Writes ``src/newskb/store/postgres/v8_typed.sql``, the PostgreSQL version that brings a
store written by versions 1-7 (dates and JSON as text) to the described schema (``date``,
``timestamptz`` and ``jsonb`` columns converted in place, ``double precision`` scores, the views
of ``store.schema.views``), from the schema description as it stood at version 8:
``python scripts/pg_typed_conversion.py > src/newskb/store/postgres/v8_typed.sql``.

The file is history, frozen once written (a later version must not find columns or views that
the description gained after it); this script stays as the way to write a later conversion.

Nothing is lost on the way: a value the new type cannot hold as it was (a date that is no
calendar date, a time with no zone, text that is no JSON) is first copied into
``schema_kept`` (table, column, the row's key, the text as it was); the converted column then
holds what could be read of it, or NULL (or a NOT NULL column's default; a time that could not
be read at all becomes the epoch, the original kept beside it).
"""

from __future__ import annotations

from newskb.store.schema import DESCRIPTION, Schema, Table
from newskb.store.schema.ddl import create_table, ident
from newskb.store.schema.model import PG_TYPES, Column

# the casts: NULL where the text is no value of the type (plpgsql: a failed cast is caught)
FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION pg_temp.nkb_date(v text) RETURNS date AS $$
BEGIN
    IF v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}' THEN RETURN NULL; END IF;
    RETURN substr(v, 1, 10)::date;
EXCEPTION WHEN others THEN RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION pg_temp.nkb_ts(v text) RETURNS timestamptz AS $$
BEGIN
    IF v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}' THEN RETURN NULL; END IF;
    RETURN v::timestamptz;
EXCEPTION WHEN others THEN RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION pg_temp.nkb_json(v text) RETURNS jsonb AS $$
BEGIN
    RETURN v::jsonb;
EXCEPTION WHEN others THEN RETURN NULL;
END $$ LANGUAGE plpgsql;
"""

# a value kept as it was: one the new type does not hold exactly
_EXACT = {
    "date": r"{c} ~ '^\d{{4}}-\d{{2}}-\d{{2}}$' AND pg_temp.nkb_date({c}) IS NOT NULL",
    "timestamp": (
        r"{c} ~ '^\d{{4}}-\d{{2}}-\d{{2}}[T ]\d{{2}}:\d{{2}}(:\d{{2}}(\.\d+)?)?"
        r"(Z|[+-]\d{{2}}(:?\d{{2}})?)$' AND pg_temp.nkb_ts({c}) IS NOT NULL"
    ),
    "json": "pg_temp.nkb_json({c}) IS NOT NULL",
}
_CAST = {"date": "pg_temp.nkb_date({c})", "timestamp": "pg_temp.nkb_ts({c})",
         "json": "pg_temp.nkb_json({c})", "real": "{c}::double precision"}  # fmt: skip
_FALLBACK = {"timestamp": "'epoch'::timestamptz", "json": "'null'::jsonb"}

# what versions 1-7 wrote that the description has not (the edit logs' own clocks: the ``at``
# each edit carries says the same)
DROPPED = (("canon_edits", "logged_at"), ("story_edits", "logged_at"))


def _key(t: Table) -> tuple[str, ...]:
    """What names a row: its primary key, else its first unique key (an article's id), else
    its serial number."""
    serial = tuple(c.name for c in t.columns if c.type == "serial")
    return t.primary_key or (t.unique[0] if t.unique else serial)


def _keep(t: Table, c: Column) -> str:
    col = ident(c.name)
    key = ", ".join(ident(k) for k in _key(t))
    exact = _EXACT[c.type].format(c=col)
    return (
        "INSERT INTO schema_kept (table_name, column_name, row_key, value) "
        f"SELECT '{t.name}', '{c.name}', jsonb_build_array({key}), {col} FROM {t.name} "
        f"WHERE {col} IS NOT NULL AND NOT ({exact})"
    )


def _alter(t: Table, cols: list[Column]) -> str:
    parts = []
    for c in cols:
        col, cast = ident(c.name), _CAST[c.type].format(c=ident(c.name))
        if c.not_null and c.type in _FALLBACK:
            fallback = f"'{c.default.strip(chr(39))}'::jsonb" if c.default else _FALLBACK[c.type]
            cast = f"COALESCE({cast}, {fallback})"
        if c.default is not None:
            parts.append(f"ALTER COLUMN {col} DROP DEFAULT")
        parts.append(f"ALTER COLUMN {col} TYPE {PG_TYPES[c.type]} USING {cast}")
        if c.default is not None:
            parts.append(f"ALTER COLUMN {col} SET DEFAULT {c.default}")
    return f"ALTER TABLE {t.name} " + ", ".join(parts)


def conversion(schema: Schema = DESCRIPTION) -> list[str]:
    """The statements that convert a version-7 store to ``schema`` (one transaction)."""
    out = [FUNCTIONS, create_table(schema.table("schema_kept"), "postgresql")]
    out += [f"DROP VIEW IF EXISTS {v.name}" for v in schema.views]
    for t in schema.for_dialect("postgresql"):
        if t.name in ("schema_kept", "newskb_meta"):
            continue
        cols = [c for c in t.columns if c.type in _CAST]
        out += [_keep(t, c) for c in cols if c.type in _EXACT]
        if cols:
            out.append(_alter(t, cols))
    out += [f"ALTER TABLE {table} DROP COLUMN IF EXISTS {col}" for table, col in DROPPED]
    out += [v.postgresql for v in schema.views]
    return out


HEADER = """-- newskb PostgreSQL store, version 8: dates as date, times as timestamptz (UTC), JSON
-- as jsonb, scores as double precision, converted in place, and the views that show names.
-- A value a type cannot hold as it was is first copied to schema_kept (table, column, the row's
-- key, the text). Written by scripts/pg_typed_conversion.py; history: never edited.
"""

if __name__ == "__main__":
    print(HEADER + ";\n\n".join(s.strip().rstrip(";") for s in conversion()) + ";")
