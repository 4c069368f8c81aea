"""Who said what: read-only, parameterised queries over the store's quotes.

A speaker is matched (case-insensitively, as a substring) against the canonical name of the
quote's entity, the speaker span as written, every mention of that entity in the article (so
"Caroline Levitt" finds Karoline Leavitt's quotes) and, where the entities migration is present,
the canonical aliases. ``about`` matches entities mentioned inside the quote's content, or its
text. Only the current version of each article is searched. Results are ordered by publication
date, so a person's quotes read as a timeline. The same query runs on a SQLite connection and on
a PostgreSQL one (psycopg): :func:`for_postgres` rewrites the few SQLite-only spellings.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Any

from newskb.model import QuoteRow

MAX_LIMIT = 10_000

_SPEAKER = """(
    e.name LIKE :speaker ESCAPE '\\' OR q.speaker_text LIKE :speaker ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id
               AND m.entity_id = q.speaker_entity AND m.text LIKE :speaker ESCAPE '\\')
    {aliases}
)"""
_ALIASES = """OR EXISTS (SELECT 1 FROM entity_links l
               JOIN canon_aliases ca ON ca.canon_id = l.canon_id
               WHERE l.article_id = q.article_id AND l.local_id = q.speaker_entity
               AND ca.alias LIKE :speaker ESCAPE '\\')"""
_ABOUT = """(
    q.content_text LIKE :about ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM mentions m JOIN entities e2
                 ON e2.article_id = m.article_id AND e2.local_id = m.entity_id
               WHERE m.article_id = q.article_id
                 AND m.start >= q.content_start AND m."end" <= q.content_end
                 AND (e2.name LIKE :about ESCAPE '\\' OR m.text LIKE :about ESCAPE '\\'))
)"""


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` as a literal substring."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.strip()}%"


def is_postgres(conn: Any) -> bool:
    """True for a psycopg connection, False for ``sqlite3``."""
    return not isinstance(conn, sqlite3.Connection)


def for_postgres(sql: str) -> str:
    """A query written for SQLite as PostgreSQL reads it: ``:name`` parameters become
    ``%(name)s``, case-insensitive ``LIKE`` is ``ILIKE`` (whose default escape is the backslash
    SQLite's needs spelling out)."""
    sql = sql.replace(" LIKE ", " ILIKE ").replace(" ESCAPE '\\'", "")
    return re.sub(r"(?<![:\w]):([a-z_]+)\b", r"%(\1)s", sql)


def _has_tables(conn: Any, *names: str) -> bool:
    if is_postgres(conn):
        sql = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        sql += f" AND table_name IN ({','.join('%s' for _ in names)})"
    else:
        marks = ",".join("?" for _ in names)
        sql = f"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ({marks})"
    row = conn.execute(sql, names).fetchone()
    return int(row[0]) == len(names)


def find_quotes(
    conn: Any,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: dt.date | None = None,
    limit: int = 100,
) -> list[QuoteRow]:
    """Quotes matching every given filter, oldest article first."""
    where = ["a.current = 1"]
    params: dict[str, str | int] = {"limit": max(1, min(limit, MAX_LIMIT))}
    if speaker:
        aliases = _ALIASES if _has_tables(conn, "entity_links", "canon_aliases") else ""
        where.append(_SPEAKER.format(aliases=aliases))
        params["speaker"] = like_pattern(speaker)
    if about:
        where.append(_ABOUT)
        params["about"] = like_pattern(about)
    if since is not None:
        where.append("a.published >= :since")
        params["since"] = since.isoformat()
    sql = f"""
        SELECT q.article_id, q.local_id, q.kind, e.name AS speaker_name, q.speaker_entity,
               q.speaker_text, q.cue_text, q.content_text, q.content_start, q.content_end,
               a.title, a.published
        FROM quotes q
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity
        WHERE {" AND ".join(where)}
        ORDER BY a.published IS NULL, a.published, q.article_id, q.content_start
        LIMIT :limit
    """
    rows = conn.execute(for_postgres(sql) if is_postgres(conn) else sql, params).fetchall()
    return [
        QuoteRow(
            article_id=r[0],
            id=r[1],
            kind=r[2],
            speaker=r[3] if r[3] is not None else r[5],
            speaker_key=r[4],
            speaker_text=r[5],
            cue=r[6],
            content=r[7],
            content_start=int(r[8]),
            content_end=int(r[9]),
            title=r[10],
            published=r[11],
        )
        for r in rows
    ]
