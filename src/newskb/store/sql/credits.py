"""Who made the images, videos and recordings: read-only queries over the stored credits.

``source`` matches (case-insensitively, as a substring) the credited name or the agency of a
byline ("AP"). The caption is cut from the article's text by the stored offsets. Only current
article versions; oldest first. Runs on SQLite and PostgreSQL connections alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newskb.model import CreditRow
from newskb.store.sql import db_of, like
from newskb.store.sql.quotes import MAX_LIMIT


def find_credits(
    conn: Any,
    *,
    source: str | None = None,
    since: dt.date | None = None,
    limit: int = 100,
) -> list[CreditRow]:
    """Credits matching every given filter, oldest article first."""
    db = db_of(conn)
    where = ["a.current = 1"]
    args: list[str | int] = []
    if source:
        where.append(
            "(lower(c.source_text) LIKE lower(?) ESCAPE '\\' "
            "OR lower(c.agency_text) LIKE lower(?) ESCAPE '\\')"
        )
        args += [like(source)] * 2
    if since is not None:
        where.append("a.published >= ?")
        args.append(since.isoformat())
    sql = f"""
        SELECT c.article_id, c.local_id, c.medium, c.source_text, c.agency_text,
               SUBSTR(a.text, c.content_start + 1, c.content_end - c.content_start),
               a.title, a.published
        FROM credits c JOIN articles a ON a.id = c.article_id
        WHERE {" AND ".join(where)}
        ORDER BY a.published IS NULL, a.published, c.article_id, c.source_start
        LIMIT ?
    """
    args.append(max(1, min(limit, MAX_LIMIT)))
    return [CreditRow(*r) for r in db.rows(sql, args)]
