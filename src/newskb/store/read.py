"""Read queries for the API and web pages: parameterised SQL over the store's tables.

Every function takes an open (read-only) connection, ``sqlite3`` or psycopg: the SQL is the
shared subset (``store/sql``), full-text search the one part written per dialect. Lists return
``(rows, next_cursor)``; a cursor is opaque to clients.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from newskb.errors import BadRequest, NotFound
from newskb.model import (
    ArticleRow,
    EventRow,
    QuoteRow,
    StoredArticle,
)
from newskb.store.read_fulltext import HIT_CLOSE as HIT_CLOSE  # the snippet markers, re-exported
from newskb.store.read_fulltext import HIT_OPEN as HIT_OPEN
from newskb.store.read_fulltext import pg_hits, sqlite_hits
from newskb.store.rows import fts_query, stored_article
from newskb.store.sql import Db, db_of, up_to_day

MAX_LIMIT = 100
MAX_OFFSET = 10_000

# An entity is matched by KB id or (case-insensitively) by name; ``e`` is the entities alias.
# The match seeks the kb_id and name indexes: the key as a KB id or as the exact name, else (a
# key typed in another case, matching neither) the names equal to it but for case, found once
# per query by a pass over the name index (the condition before it is constant: checked once).
ENTITY_MATCH = (
    "(e.kb_id = :key OR e.name IN (SELECT :key UNION SELECT n.name FROM entities n "
    "WHERE NOT EXISTS (SELECT 1 FROM entities x WHERE x.name = :key OR x.kb_id = :key) "
    "AND lower(n.name) = lower(:key)))"
)
ENTITY_KEY = "COALESCE(e.kb_id, e.name)"


# --- cursors --------------------------------------------------------------------------------
def encode_cursor(state: dict[str, Any]) -> str:
    raw = json.dumps(state, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, Any]:
    if not cursor:
        return {}
    try:
        state = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest("cursor is not valid: pass back next_cursor as it was given") from exc
    if not isinstance(state, dict):
        raise BadRequest("cursor is not valid: pass back next_cursor as it was given")
    return state


def offset_of(state: dict[str, Any]) -> int:
    off = state.get("o", 0)
    if not isinstance(off, int) or not 0 <= off <= MAX_OFFSET:
        raise BadRequest(f"cursor is not valid or pages past {MAX_OFFSET} results")
    return off


def _current(cursor: str | None, limit: int) -> tuple[list[str], dict[str, Any]]:
    """WHERE terms (current article versions) and arguments for an offset-paged list."""
    return ["a.current = 1"], {"limit": limit + 1, "offset": offset_of(decode_cursor(cursor))}


def _fetch(db: Db, select: str, where: list[str], order: str, args: dict[str, Any]) -> list[Any]:
    """One page (``limit`` + 1 rows) of ``select`` under the WHERE terms, in ``order``."""
    sql = f"{select}WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :limit OFFSET :offset"
    return db.rows(sql, args)


def _date_range(
    db: Db,
    where: list[str],
    args: dict[str, Any],
    when: str,
    since: str | None,
    until: str | None,
    *,
    date_column: bool = True,
) -> None:
    """Filter ``when`` (an SQL expression: a date column, else text) from ``since`` and up to
    the day ``until``."""
    if since:
        where.append(f"{when} >= :since")
        args["since"] = since
    if until:
        where.append(up_to_day(db, when, ":until", date_column=date_column))
        args["until"] = until


def page_of(rows: list[Any], limit: int, offset: int) -> tuple[list[Any], str | None]:
    """Rows were fetched with ``limit + 1``: trim and say where the next page starts."""
    more = len(rows) > limit and offset + limit <= MAX_OFFSET
    return rows[:limit], encode_cursor({"o": offset + limit}) if more else None


# --- schema ---------------------------------------------------------------------------------
def table_exists(conn: Any, name: str) -> bool:
    return db_of(conn).has_table(name)


# --- articles -------------------------------------------------------------------------------
def _article_row(r: Any, with_hit: bool = False) -> ArticleRow:
    return ArticleRow(
        id=r["id"],
        title=r["title"],
        published=r["published"],
        source=r["source"],
        path=r["path"],
        dateline_place=r["dateline_place"],
        dateline_agency=r["dateline_agency"],
        snippet=r["snip"] if with_hit else None,
    )


def list_articles(
    conn: Any,
    *,
    q: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> tuple[list[ArticleRow], str | None]:
    """Articles (current versions): full-text ranked when ``q`` is given, else newest first."""
    db = db_of(conn)
    state = decode_cursor(cursor)
    where = ["a.current = 1"]
    args: dict[str, Any] = {"limit": limit + 1}
    if outlet:
        where.append(
            "(lower(a.source) = lower(:outlet) OR lower(a.dateline_agency) = lower(:outlet))"
        )
        args["outlet"] = outlet
    _date_range(db, where, args, "a.published", since, until)
    if entity:
        where.append(f"a.id IN (SELECT e.article_id FROM entities e WHERE {ENTITY_MATCH})")
        args["key"] = entity
    cols = "a.id, a.title, a.published, a.source, a.path, a.dateline_place, a.dateline_agency"
    match = fts_query(q) if q else ""
    if q:
        if not match:
            return [], None
        args["match"], args["offset"] = match, offset_of(state)
        found = (
            pg_hits(db, cols, where, args)
            if db.dialect == "postgresql"
            else sqlite_hits(conn, cols, where, args)
        )
        hits = [dataclasses.replace(_article_row(r, True), score=score) for r, score in found]
        return page_of(hits, limit, args["offset"])
    if state:
        p, rid = state.get("p"), state.get("r")
        if not (p is None or isinstance(p, str)) or not isinstance(rid, int):
            raise BadRequest("cursor is not valid: pass back next_cursor as it was given")
        if p is None:
            where.append("(a.published IS NULL AND a.rowid < :r)")
        else:
            where.append(
                "(a.published < :p OR (a.published = :p AND a.rowid < :r) OR a.published IS NULL)"
            )
        args.update(p=p, r=rid)
    last = " NULLS LAST" if db.dialect == "postgresql" else ""  # SQLite's DESC has them last
    sql = (
        f"SELECT {cols}, a.rowid AS rid FROM articles a WHERE "
        + " AND ".join(where)
        + f" ORDER BY a.published DESC{last}, a.rowid DESC LIMIT :limit"  # the published index
    )
    rows = db.rows(sql, args)
    nxt = None
    if len(rows) > limit:
        last = rows[limit - 1]
        nxt = encode_cursor({"p": last["published"], "r": int(last["rid"])})
    return [_article_row(r) for r in rows[:limit]], nxt


def get_article(conn: Any, article_id: str) -> StoredArticle:
    r = db_of(conn).one(
        "SELECT extraction, raw, version, current, supersedes, ingested_at FROM articles "
        "WHERE id = ?",
        (article_id,),
    )
    if r is None:
        raise NotFound(f"no article with id {article_id!r}")
    return stored_article(
        r["extraction"], r["raw"], r["version"], r["current"], r["supersedes"], r["ingested_at"]
    )


def article_json(conn: Any, article_id: str) -> str:
    """The API's article object as JSON text, built from the stored extraction unparsed."""
    r = db_of(conn).one(
        "SELECT extraction, version, current, supersedes, ingested_at FROM articles WHERE id = ?",
        (article_id,),
    )
    if r is None:
        raise NotFound(f"no article with id {article_id!r}")
    meta = json.dumps(
        {
            "version": int(r["version"]),
            "current": bool(r["current"]),
            "supersedes": r["supersedes"],
            "ingested_at": r["ingested_at"],
        },
        ensure_ascii=False,
    )
    return '{"extraction":' + str(r["extraction"]) + "," + meta[1:]


def outlets(conn: Any, limit: int = 200) -> list[str]:
    rows = db_of(conn).rows(
        "SELECT DISTINCT COALESCE(source, dateline_agency) AS o FROM articles "
        "WHERE current = 1 AND COALESCE(source, dateline_agency) IS NOT NULL ORDER BY o LIMIT ?",
        (limit,),
    )
    return [r[0] for r in rows]


# --- quotes ---------------------------------------------------------------------------------
def list_quotes(
    conn: Any,
    *,
    speaker: str | None = None,
    about: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    articles: Sequence[str] | None = None,
    entity: str | None = None,
    mode: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
    oldest_first: bool = False,
) -> tuple[list[QuoteRow], str | None]:
    """One page of the one quote query (``store.sql.quotes.find_quotes``, as ``newskb
    quotes``), newest first unless ``oldest_first``."""
    from newskb.store.sql.quotes import find_quotes

    offset = offset_of(decode_cursor(cursor))
    rows = find_quotes(
        conn, speaker=speaker, about=about, text=text, since=since, until=until,
        article=article, articles=articles, entity=entity, mode=mode, limit=limit + 1,
        offset=offset, newest_first=not oldest_first,
    )  # fmt: skip
    return page_of(rows, limit, offset)


# --- events ---------------------------------------------------------------------------------
# an event's time: its UTC instant, else a calendar TIMEX value (four digits first), else the
# publication date
_YEAR = " AND ".join(f"substr(t.value, {i}, 1) BETWEEN '0' AND '9'" for i in range(1, 5))
_WHEN = (  # text on both backends (PostgreSQL's published is a date)
    f"(CASE WHEN t.utc IS NOT NULL THEN t.utc WHEN {_YEAR} THEN t.value "
    "ELSE CAST(a.published AS TEXT) END)"
)
_EVENT_SQL = (
    "SELECT v.article_id, v.local_id, v.type, v.mode, v.status, v.actors, v.recipients, "
    "v.location, v.agreement, v.trigger_text, v.trigger_start, v.trigger_end, "
    "v.sentence_start, v.sentence_end, "
    f"{_WHEN} AS at, a.title, a.published, "
    # the sentence only: a.text would copy the whole article into every row (and a sort)
    "substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS stext "
    "FROM events v "
    "JOIN articles a ON a.id = v.article_id "
    "LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time "
)


def entity_names(conn: Any, article_id: str, ids: Sequence[str]) -> list[tuple[str, str]]:
    """(name, KB id or "") of an article's entities by local id; an unknown id names itself."""
    if not ids:
        return []
    # only the ids asked for: every entity of a large article once per event made a list of
    # events cost events x entities (issue 23)
    wanted = sorted({str(i) for i in ids})
    found = {
        r[0]: (r[1], r[2] or "")
        for r in db_of(conn).rows(
            "SELECT local_id, name, kb_id FROM entities WHERE article_id = ? "
            f"AND local_id IN ({', '.join('?' * len(wanted))})",
            (article_id, *wanted),
        )
    }
    return [found.get(i, (i, "")) for i in ids]


def local_names(conn: Any, article_id: str, ids_json: str) -> tuple[str, ...]:
    ids = json.loads(ids_json or "[]")
    return tuple(str(n) for n, _ in entity_names(conn, article_id, ids))


def agreement_object(agreement_json: str | None) -> str | None:
    """The object of an event's stored AGREE record (None when it has none)."""
    agreement = json.loads(agreement_json) if agreement_json else None
    return str(agreement.get("object")) if isinstance(agreement, dict) else None


def names_of(conn: Any, article_ids: Sequence[str]) -> dict[tuple[str, str], str]:
    """The entity names of these articles by (article id, local id): one query a page."""
    db = db_of(conn)
    out: dict[tuple[str, str], str] = {}
    ids = sorted(set(article_ids))
    for lo in range(0, len(ids), 500):
        chunk = ids[lo : lo + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.rows(
            f"SELECT article_id, local_id, name FROM entities WHERE article_id IN ({marks})", chunk
        ):
            out[(str(r[0]), str(r[1]))] = str(r[2])
    return out


def event_rows(conn: Any, rows: Sequence[Any]) -> list[EventRow]:
    """Event rows (``_EVENT_SQL``) as ``EventRow``s, their actors' names read once a page."""
    names = names_of(conn, [str(r["article_id"]) for r in rows])
    return [_event_row(names, r) for r in rows]


def _names(names: dict[tuple[str, str], str], article_id: str, ids_json: str) -> tuple[str, ...]:
    """Entity names by local id (an unknown id names itself)."""
    return tuple(names.get((article_id, str(i)), str(i)) for i in json.loads(ids_json or "[]"))


def _event_row(names: dict[tuple[str, str], str], r: Any) -> EventRow:
    aid = str(r["article_id"])
    return EventRow(
        article_id=r["article_id"],
        id=r["local_id"],
        type=r["type"],
        mode=r["mode"],
        status=r["status"],
        actors=_names(names, aid, r["actors"]),
        recipients=_names(names, aid, r["recipients"]),
        trigger=r["trigger_text"],
        trigger_start=r["trigger_start"],
        trigger_end=r["trigger_end"],
        sentence=r["stext"] or "",
        when=r["at"],
        location=r["location"],
        agreement=agreement_object(r["agreement"]),
        title=r["title"],
        published=r["published"],
    )


def list_events(
    conn: Any,
    *,
    type: str | None = None,
    actor: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    articles: list[str] | None = None,
    text: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> tuple[list[EventRow], str | None]:
    """A page of events, newest first; ``text``: the search box's words
    (``store.sql.search.event_match``)."""
    db = db_of(conn)
    where, args = _current(cursor, limit)
    if text:
        from newskb.store.sql.search import event_match

        where.append(event_match(db, text, args))
    if type:
        where.append("lower(v.type) = lower(:type)")
        args["type"] = type
    if status:
        where.append("v.status = :status")
        args["status"] = status
    if actor:
        # the articles naming the entity (one indexed read), then each actor or recipient
        # looked up by its key: one EXISTS each (an OR of the two made SQLite scan every
        # entity of the article per event, events x entities on a large article, issue 23)
        either = " OR ".join(
            "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = v.article_id AND e.local_id "
            f"IN (SELECT j.value FROM {db.json_items(col)}) AND {ENTITY_MATCH})"
            for col in ("v.actors", "v.recipients")
        )
        where.append(
            f"v.article_id IN (SELECT e.article_id FROM entities e WHERE {ENTITY_MATCH}) "
            f"AND ({either})"
        )
        args["key"] = actor
    _date_range(db, where, args, _WHEN, since, until, date_column=False)
    if articles is not None:
        marks = [f":a{i}" for i in range(len(articles))]
        where.append(f"v.article_id IN ({', '.join(marks) or 'NULL'})")
        args.update({m[1:]: aid for m, aid in zip(marks, articles, strict=True)})
    order = f"COALESCE({_WHEN}, '') DESC, a.rowid, v.trigger_start"
    # the page's keys first (sorting narrow rows), then its rows with their sentences: the
    # sentence is cut from the article text, which is read for the page's events only
    keys = (
        "SELECT v.article_id AS aid, v.local_id AS lid FROM events v "
        "JOIN articles a ON a.id = v.article_id "
        "LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time "
        f"WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :limit OFFSET :offset"
    )
    rows = db.rows(
        f"{_EVENT_SQL}JOIN ({keys}) p ON p.aid = v.article_id AND p.lid = v.local_id "
        f"ORDER BY {order}",
        args,
    )
    return page_of(event_rows(db, rows), limit, args["offset"])
