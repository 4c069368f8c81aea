"""Who said what: the one quote query, for the CLI (``newskb quotes``), the API
(``GET /api/quotes``), the web page and the Python API, on SQLite and PostgreSQL alike.

A speaker is matched (case-insensitively, as a substring) against the canonical name of the
quote's entity, the speaker span as written, every mention of that entity in the article (so
"Caroline Levitt" finds Karoline Leavitt's quotes), the canonical aliases where the entity canon
is present, and (exactly) the entity's KB id. ``about`` matches the quote's content text, or an
entity mentioned inside the quote (its name or the mention as written). Only the current version
of each article is searched. Results are ordered by publication date (oldest first by default),
so a person's quotes read as a timeline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newskb.model import QuoteRow
from newskb.store.sql import db_of, like

MAX_LIMIT = 10_000

_LIKE = "lower({}) LIKE lower(?) ESCAPE '\\'"
_SPEAKER = f"""(
    {_LIKE.format("e.name")} OR {_LIKE.format("q.speaker_text")} OR e.kb_id = ?
    OR (q.article_id, q.speaker_entity) IN (SELECT article_id, entity_id FROM speakers)
)"""
# the (article, entity) pairs whose mentions (or canonical aliases) match are found once, in a
# materialized CTE: a per-quote scan of the entity's mentions was quotes x mentions on a large
# article (issue 23: 1.5 s for one speaker search on a 390 KB article)
_SPEAKERS = f"""WITH speakers AS MATERIALIZED (
    SELECT m.article_id, m.entity_id FROM mentions m WHERE {_LIKE.format("m.text")}
    {{aliases}}
)"""
_ALIASES = f"""UNION SELECT l.article_id, l.local_id FROM entity_links l
        JOIN canon_aliases ca ON ca.canon_id = l.canon_id WHERE {_LIKE.format("ca.alias")}"""
_ABOUT = f"""(
    {_LIKE.format("q.content_text")}
    OR EXISTS (SELECT 1 FROM mentions m JOIN entities e2
                 ON e2.article_id = m.article_id AND e2.local_id = m.entity_id
               WHERE m.article_id = q.article_id
                 AND m.start >= q.content_start AND m.start < q.content_end
                 AND m."end" <= q.content_end
                 AND ({_LIKE.format("e2.name")} OR {_LIKE.format("m.text")}))
)"""


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` as a literal substring."""
    return like(value)


def find_quotes(
    conn: Any,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    article: str | None = None,
    entity: str | None = None,
    mode: str | None = None,
    limit: int = 100,
    offset: int = 0,
    newest_first: bool = False,
) -> list[QuoteRow]:
    """Quotes matching every given filter, oldest article first (``newest_first``: newest).

    ``entity`` is exact: the speaker entity's KB id or (case-insensitively) its name or the
    speaker as written (an entity page's quotes); ``speaker`` is the any-spelling search.
    ``mode`` (speech | thought | intention | knowledge) is exact: quotes stored before modes
    existed (NULL) match no mode.

    ``conn`` is a ``sqlite3`` or psycopg connection, or a ``Db`` adapter.
    """
    db = db_of(conn)
    where = ["a.current = 1"]
    args: list[Any] = []
    head = ""
    if speaker:
        aliases = _ALIASES if db.has_table("entity_links") else ""
        head = _SPEAKERS.format(aliases=aliases)
        pat = like(speaker)
        args += [pat] + ([pat] if aliases else [])
        where.append(_SPEAKER)
        args += [pat, pat, speaker.strip()]
    if about:
        where.append(_ABOUT)
        args += [like(about)] * 3
    if since:
        where.append("a.published >= ?")
        args.append(str(since))
    if until:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(str(until))
    if article:
        where.append("q.article_id = ?")
        args.append(article)
    if entity:
        where.append(
            "(e.kb_id = ? OR lower(e.name) = lower(?) OR lower(q.speaker_text) = lower(?))"
        )
        args += [entity, entity, entity]
    if mode:
        where.append("q.mode = ?")
        args.append(mode)
    order = (
        "COALESCE(a.published, '') DESC, a.rowid DESC, q.content_start"
        if newest_first
        else "a.published IS NULL, a.published, q.article_id, q.content_start"
    )
    sql = f"""{head}
        SELECT q.article_id, q.local_id, q.kind, e.name AS speaker_name,
               COALESCE(e.kb_id, e.name) AS speaker_key,
               q.speaker_text, q.cue_text, q.content_text, q.content_start, q.content_end,
               a.title, a.published, q.mode
        FROM quotes q
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity
        WHERE {" AND ".join(where)}
        ORDER BY {order}
        LIMIT ? OFFSET ?
    """
    args += [max(1, min(limit, MAX_LIMIT)), max(0, offset)]
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
            mode=r[12],
        )
        for r in db.rows(sql, args)
    ]
