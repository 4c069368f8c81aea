"""PostgreSQL's typed columns read back as the text SQLite stores, so the shared SQL and every
caller see the same Python values on both backends: a ``date`` as ``'2025-03-18'``, a
``timestamptz`` as ``'2025-03-18T10:00:00Z'`` (UTC), ``jsonb`` as JSON text."""

from __future__ import annotations

import datetime as dt
from typing import Any


def utc_text(value: str) -> str:
    """A timestamptz's text output (``2025-03-18 10:00:00+00``, any zone) as ISO 8601 UTC with
    a ``Z``, to the second (to the microsecond where there is a fraction)."""
    if value in ("infinity", "-infinity"):
        return value
    when = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
    spec = "microseconds" if when.microsecond else "seconds"
    return when.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def register(conn: Any) -> None:
    """Make ``conn`` (psycopg 3) read dates, times and JSON as SQLite's text."""
    from psycopg.adapt import Loader
    from psycopg.types.string import TextLoader

    class UtcLoader(Loader):
        def load(self, data: Any) -> str:
            return utc_text(bytes(data).decode())

    conn.execute("SET TIME ZONE 'UTC'")
    conn.execute("SET DateStyle TO ISO, YMD")
    for name in ("date", "jsonb"):  # (json, as EXPLAIN gives it, stays parsed)
        conn.adapters.register_loader(name, TextLoader)
    conn.adapters.register_loader("timestamptz", UtcLoader)
