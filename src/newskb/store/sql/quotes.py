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
from collections.abc import Sequence
from typing import Any

from newskb.model import QuoteRow
from newskb.store.sql import Db, ci_like, db_of, like, up_to_day

MAX_LIMIT = 10_000

_LIKE = "lower({}) LIKE lower(?) ESCAPE '\\'"
# Each condition that needs another table is a set read once per query (``IN (SELECT ...)``),
# never a subquery per quote: a store of 10,000 articles answers in tens of milliseconds.
_SPEAKER = f"""(
    {_LIKE.format("q.speaker_text")}
    OR (q.article_id, q.speaker_entity) IN (
        SELECT e5.article_id, e5.local_id FROM entities e5
        WHERE {_LIKE.format("e5.name")} OR e5.kb_id = ?
        UNION SELECT m.article_id, m.entity_id FROM mentions m WHERE {_LIKE.format("m.text")}
        {{aliases}})
)"""
_ALIASES = f"""UNION SELECT l.article_id, l.local_id FROM entity_links l
        JOIN canon_aliases ca ON ca.canon_id = l.canon_id WHERE {_LIKE.format("ca.alias")}"""
_ABOUT = f"""(
    {_LIKE.format("q.content_text")}
    OR (q.article_id IN (
            SELECT m.article_id FROM mentions m WHERE {_LIKE.format("m.text")}
            UNION SELECT e3.article_id FROM entities e3 WHERE {_LIKE.format("e3.name")})
        AND EXISTS (SELECT 1 FROM mentions m JOIN entities e2
                 ON e2.article_id = m.article_id AND e2.local_id = m.entity_id
               WHERE m.article_id = q.article_id
                 AND m.start >= q.content_start AND m.start < q.content_end
                 AND m."end" <= q.content_end
                 AND ({_LIKE.format("e2.name")} OR {_LIKE.format("m.text")})))
)"""
ABOUT_ARGS = 5  # how many times _ABOUT takes the pattern
# the speaker is the entity: its KB id or exact name (else the name in another case, as
# ``store.read.ENTITY_MATCH``), or the speaker as written without an entity
_ENTITY = """(
    (q.article_id, q.speaker_entity) IN (
        SELECT e4.article_id, e4.local_id FROM entities e4 WHERE e4.kb_id = ?
        OR e4.name IN (SELECT ? UNION SELECT n.name FROM entities n WHERE NOT EXISTS (
            SELECT 1 FROM entities x WHERE x.name = ? OR x.kb_id = ?)
            AND lower(n.name) = lower(?)))
    OR lower(q.speaker_text) = lower(?)
)"""


def find_quotes(
    conn: Any,
    *,
    speaker: str | None = None,
    about: str | None = None,
    text: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    article: str | None = None,
    articles: Sequence[str] | None = None,
    entity: str | None = None,
    mode: str | None = None,
    limit: int = 100,
    offset: int = 0,
    newest_first: bool = False,
    many: bool = False,
) -> list[QuoteRow]:
    """Quotes matching every given filter, oldest article first (``newest_first``: newest).

    ``many``: the filters match many quotes (``count_quotes`` hit its cap), so the newest are
    found by walking the articles newest first and stopping at ``limit``, not by sorting all
    the matches (a plan choice only: the answer is the same).

    ``text`` is the one search box's: the quote's speaker (any spelling, as ``speaker``) or its
    content (as ``about``). ``entity`` is exact: the speaker entity's KB id or
    (case-insensitively) its name or the speaker as written (an entity page's quotes);
    ``speaker`` is the any-spelling search.
    ``mode`` (speech | thought | intention | knowledge) is exact: quotes stored before modes
    existed (NULL) match no mode.

    ``conn`` is a ``sqlite3`` or psycopg connection, or a ``Db`` adapter.
    """
    db = db_of(conn)
    where, args = _filters(
        db, speaker=speaker, about=about, text=text, since=since, until=until,
        article=article, articles=articles, entity=entity, mode=mode,
    )  # fmt: skip
    order = (  # newest first walks the articles_published index (NULLs last, as on SQLite)
        f"a.published DESC{' NULLS LAST' if db.dialect == 'postgresql' else ''}, "
        "a.rowid DESC, q.content_start"
        if newest_first
        else "a.published IS NULL, a.published, q.article_id, q.content_start"
    )
    sql = f"""
        SELECT {_COLS}
        {
        _FROM
        if many or not (speaker or about or text or entity or article or articles)
        else _FROM_QUOTES
    }
        WHERE {" AND ".join(where)}
        ORDER BY {order}
        LIMIT ? OFFSET ?
    """
    args += [max(1, min(limit, MAX_LIMIT)), max(0, offset)]
    return [_row(r) for r in db.rows(ci_like(db, sql), args)]


_COLS = """q.article_id, q.local_id, q.kind, e.name AS speaker_name,
               COALESCE(e.kb_id, e.name) AS speaker_key,
               q.speaker_text, q.cue_text, q.content_text, q.content_start, q.content_end,
               a.title, a.published, q.mode, a.rowid AS arow"""


def _row(r: Any) -> QuoteRow:
    return QuoteRow(
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


def newest_quotes(conn: Any, *, cap: int, limit: int, **filters: Any) -> tuple[list[QuoteRow], int]:
    """The ``limit`` newest quotes matching the filters and how many match (up to ``cap`` + 1),
    in one pass however many match: the matches are read unsorted, stopping after ``cap`` + 1;
    when they stop short, all are there and the newest are picked from them; when they do not,
    the matches are many and the newest are found by walking the articles newest first."""
    db = db_of(conn)
    where, args = _filters(db, **filters)
    sql = f"SELECT {_COLS} {_FROM_QUOTES} WHERE {' AND '.join(where)} LIMIT ?"
    rows = db.rows(ci_like(db, sql), [*args, cap + 1])
    if len(rows) > cap:
        return find_quotes(db, limit=limit, newest_first=True, many=True, **filters), len(rows)
    rows.sort(key=lambda r: (r[11] is not None, r[11] or "", int(r[13]), -int(r[8])))
    return [_row(r) for r in reversed(rows[-limit:])], len(rows)


_FROM = """FROM quotes q
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity"""
# With a filter on the quote or its speaker: quotes first, their article row (a large one) read
# only for the quotes that match (SQLite keeps a CROSS JOIN's order; newest first is then a
# sort of the matches, not a walk of every article in date order).
_FROM_QUOTES = """FROM quotes q
        LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity
        CROSS JOIN articles a"""


def _filters(
    db: Db,
    *,
    speaker: str | None = None,
    about: str | None = None,
    text: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    article: str | None = None,
    articles: Sequence[str] | None = None,
    entity: str | None = None,
    mode: str | None = None,
) -> tuple[list[str], list[Any]]:
    """The WHERE terms and their arguments for ``find_quotes``' filters."""
    where = ["a.id = q.article_id", "a.current = 1"]
    args: list[Any] = []
    aliases = _ALIASES if (speaker or text) and db.has_table("entity_links") else ""
    if speaker:
        where.append(_SPEAKER.format(aliases=aliases))
        pat = like(speaker)
        args += [pat, pat, speaker.strip(), pat] + ([pat] if aliases else [])
    if about:
        where.append(_ABOUT)
        args += [like(about)] * ABOUT_ARGS
    if text:
        where.append(f"({_SPEAKER.format(aliases=aliases)} OR {_ABOUT})")
        pat = like(text)
        args += [pat, pat, text.strip(), pat] + ([pat] if aliases else []) + [pat] * ABOUT_ARGS
    if since:
        where.append("a.published >= ?")
        args.append(str(since))
    if until:
        where.append(up_to_day(db, "a.published", "?"))
        args.append(str(until))
    if article:
        where.append("q.article_id = ?")
        args.append(article)
    if articles is not None:
        where.append(f"q.article_id IN ({', '.join('?' for _ in articles) or 'NULL'})")
        args += list(articles)
    if entity:
        where.append(_ENTITY)
        args += [entity] * 6
    if mode:
        where.append("q.mode = ?")
        args.append(mode)
    return where, args
