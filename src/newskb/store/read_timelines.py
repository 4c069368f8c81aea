"""Read queries for stories, agreements and timelines (companion of ``store/read.py``).

Stories and agreements get their own tables from later migrations; until a store has them,
story lists are empty and agreements are built from the AGREE records kept on events.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any, Literal

from newskb.errors import NotFound
from newskb.model import AgreementRow, ArticleRow, EventRow, QuoteRow, StoryRow, TimelineItem
from newskb.store.read import (
    ENTITY_MATCH,
    columns,
    link_table,
    list_events,
    list_quotes,
    local_names,
    qident,
    table_exists,
)

TIMELINE_MAX = 500


# --- stories --------------------------------------------------------------------------------
def _story_schema(conn: sqlite3.Connection) -> tuple[str, str, str, set[str]] | None:
    """(stories table, its id column, link table, stories columns) or None without stories."""
    if not table_exists(conn, "stories"):
        return None
    cols = columns(conn, "stories")
    sid = "id" if "id" in cols else "story_id" if "story_id" in cols else None
    link = link_table(conn, "story_id")
    if sid is None or link is None:
        return None
    return "stories", sid, link, cols


def list_stories(conn: sqlite3.Connection, limit: int = 100) -> list[StoryRow]:
    return _stories(conn, None, limit)


def get_story(conn: sqlite3.Connection, story_id: str) -> StoryRow:
    found = _stories(conn, story_id, 1)
    if not found:
        if _story_schema(conn) is None:
            raise NotFound("this store has no stories yet (the stories migration is not applied)")
        raise NotFound(f"no story {story_id!r}")
    return found[0]


def _stories(conn: sqlite3.Connection, story_id: str | None, limit: int) -> list[StoryRow]:
    schema = _story_schema(conn)
    if schema is None:
        return []
    table, sid, link, cols = schema
    title = "s.title" if "title" in cols else "NULL"
    conds = ["s.merged_into IS NULL"] if "merged_into" in cols else []
    if story_id is not None:
        conds.append(f"CAST(s.{qident(sid)} AS TEXT) = :sid")
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    rows = conn.execute(
        f"SELECT CAST(s.{qident(sid)} AS TEXT) AS id, {title} AS title, "
        "min(a.published) AS first, max(a.published) AS last, count(DISTINCT a.id) AS n, "
        "(SELECT a2.title FROM articles a2 JOIN "
        f"{qident(link)} l2 ON l2.article_id = a2.id WHERE l2.story_id = s.{qident(sid)} "
        "ORDER BY ifnull(a2.published, ''), a2.rowid LIMIT 1) AS first_title "
        f"FROM {qident(table)} s LEFT JOIN {qident(link)} l ON l.story_id = s.{qident(sid)} "
        f"LEFT JOIN articles a ON a.id = l.article_id {where} "
        f"GROUP BY s.{qident(sid)} ORDER BY ifnull(last, '') DESC, n DESC LIMIT :limit",
        {"sid": story_id, "limit": limit},
    ).fetchall()
    return [
        StoryRow(r["id"], r["title"] or r["first_title"], r["first"], r["last"], r["n"])
        for r in rows
    ]


def story_articles(conn: sqlite3.Connection, story_id: str) -> list[ArticleRow]:
    schema = _story_schema(conn)
    if schema is None:
        return []
    link = schema[2]
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.source, a.path, a.dateline_place, "
        f"a.dateline_agency FROM {qident(link)} l JOIN articles a ON a.id = l.article_id "
        "WHERE CAST(l.story_id AS TEXT) = ? ORDER BY ifnull(a.published, ''), a.rowid LIMIT ?",
        (story_id, TIMELINE_MAX),
    ).fetchall()
    return [
        ArticleRow(r[0], r[1], r[2], r[3], r[4], dateline_place=r[5], dateline_agency=r[6])
        for r in rows
    ]


# --- timelines ------------------------------------------------------------------------------
def _item(
    row: EventRow | QuoteRow,
    when: str | None,
    kind: Literal["event", "quote"],
    label: str,
    text: str,
) -> TimelineItem:
    """A timeline entry linked to the event's or quote's article."""
    return TimelineItem(when, kind, label, text, row.article_id, row.published)


def timeline(
    conn: sqlite3.Connection, *, articles: list[str] | None = None, entity: str | None = None
) -> list[TimelineItem]:
    """Dated events and quotes, ordered by event time (quotes by publication date)."""
    items: list[TimelineItem] = []
    events, _ = list_events(conn, articles=articles, actor=entity, limit=TIMELINE_MAX)
    for v in events:
        who = ", ".join(v.actors) or "?"
        whom = f" → {', '.join(v.recipients)}" if v.recipients else ""
        items.append(_item(v, v.when, "event", f"{v.type} ({v.status}): {who}{whom}", v.sentence))
    if articles is not None:
        quotes = [
            q
            for aid in articles[:TIMELINE_MAX]
            for q in list_quotes(conn, article=aid, limit=TIMELINE_MAX)[0]
        ]
    else:
        quotes = list_quotes(conn, speaker=entity, limit=TIMELINE_MAX, oldest_first=True)[0]
    for q in quotes:
        label = f"{q.speaker or 'unnamed source'} ({q.kind})"
        items.append(_item(q, q.published, "quote", label, q.content))
    items.sort(key=lambda i: (i.when or "9999", i.kind, i.article_id))
    return items


# --- agreements -----------------------------------------------------------------------------
def _derived_id(obj: str) -> str:
    norm = " ".join(obj.lower().split())
    return hashlib.sha256(norm.encode()).hexdigest()[:12]


def list_agreements(conn: sqlite3.Connection, limit: int = 100) -> list[AgreementRow]:
    if _ledger(conn):
        return _table_agreements(conn, None, limit)
    return [row for row, _ in _derived(conn).values()][:limit]


def get_agreement(
    conn: sqlite3.Connection, agreement_id: str
) -> tuple[AgreementRow, list[TimelineItem]]:
    """The agreement and its history, oldest step first, each step linked to its article."""
    if _ledger(conn):
        rows = _table_agreements(conn, agreement_id, 1)
        if not rows:
            raise NotFound(f"no agreement {agreement_id!r}")
        return rows[0], _table_history(conn, agreement_id)
    found = _derived(conn).get(agreement_id)
    if found is None:
        raise NotFound(f"no agreement {agreement_id!r}")
    return found


def _ledger(conn: sqlite3.Connection) -> bool:
    """Whether the store keeps an agreements ledger with something in it."""
    if not table_exists(conn, "agreements"):
        return False
    return conn.execute("SELECT 1 FROM agreements LIMIT 1").fetchone() is not None


def _pick(cols: set[str], *names: str, table: str = "") -> str:
    """The first of ``names`` that is a column (quoted, prefixed with ``table.``), else NULL."""
    for n in names:
        if n in cols:
            return (f"{table}." if table else "") + qident(n)
    return "NULL"


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    try:
        parsed = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return (str(value),)
    return tuple(str(p) for p in parsed) if isinstance(parsed, list) else (str(parsed),)


def _table_agreements(
    conn: sqlite3.Connection, agreement_id: str | None, limit: int
) -> list[AgreementRow]:
    cols = columns(conn, "agreements")
    aid = _pick(cols, "id", "agreement_id")
    link = link_table(conn, "agreement_id")
    steps = (
        f"(SELECT count(*) FROM {qident(link)} h WHERE h.agreement_id = g.{aid})" if link else "0"
    )
    where = f"WHERE CAST(g.{aid} AS TEXT) = :id" if agreement_id is not None else ""
    rows = conn.execute(
        f"SELECT CAST(g.{aid} AS TEXT) AS id, {_pick(cols, 'object', 'title', 'name')} AS obj, "
        f"{_pick(cols, 'parties')} AS parties, {_pick(cols, 'status')} AS status, "
        f"{_pick(cols, 'first_agreed', 'date', 'agreed_on', 'first_seen')} AS date, "
        f"{steps} AS steps FROM agreements g {where} ORDER BY date DESC LIMIT :limit",
        {"id": agreement_id, "limit": limit},
    ).fetchall()
    return [
        AgreementRow(
            id=r["id"],
            object=str(r["obj"] or r["id"]),
            parties=_as_tuple(r["parties"]),
            status=str(r["status"] or "agreed"),
            date=r["date"],
            steps=int(r["steps"]),
        )
        for r in rows
    ]


def _table_history(conn: sqlite3.Connection, agreement_id: str) -> list[TimelineItem]:
    link = link_table(conn, "agreement_id")
    if link is None:
        return []
    cols = columns(conn, link)
    text = _pick(cols, "text", "note", "evidence", "sentence", table="h")
    if {"sentence_start", "sentence_end"} <= cols:
        text = "substr(a.text, h.sentence_start + 1, h.sentence_end - h.sentence_start)"
    rows = conn.execute(
        f"SELECT h.article_id, {_pick(cols, 'status', table='h')} AS status, "
        f"{_pick(cols, 'date', 'at', 'when', 'published', table='h')} AS d, "
        f"{text} AS txt, a.published, a.title "
        f"FROM {qident(link)} h JOIN articles a ON a.id = h.article_id "
        "WHERE CAST(h.agreement_id AS TEXT) = ? ORDER BY ifnull(d, a.published), a.rowid LIMIT ?",
        (agreement_id, TIMELINE_MAX),
    ).fetchall()
    return [
        TimelineItem(
            when=r["d"] or r["published"],
            kind="agreement",
            label=str(r["status"] or "reported"),
            text=str(r["txt"] or r["title"] or ""),
            article_id=r["article_id"],
            published=r["published"],
        )
        for r in rows
    ]


def _derived(conn: sqlite3.Connection) -> dict[str, tuple[AgreementRow, list[TimelineItem]]]:
    """Agreements grouped by their object from the AGREE records on events."""
    rows = conn.execute(
        "SELECT v.agreement, v.article_id, v.sentence_start, v.sentence_end, a.published, "
        "substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence "
        "FROM events v JOIN articles a ON a.id = v.article_id "
        "WHERE v.agreement IS NOT NULL AND a.current = 1 "
        "ORDER BY ifnull(a.published, ''), a.rowid LIMIT ?",
        (TIMELINE_MAX * 4,),
    ).fetchall()
    steps: dict[str, list[tuple[dict[str, Any], TimelineItem]]] = {}
    for r in rows:
        rec = json.loads(r["agreement"])
        if not isinstance(rec, dict) or not rec.get("object"):
            continue
        item = TimelineItem(
            when=rec.get("date") or r["published"],
            kind="agreement",
            label=str(rec.get("status") or "agreed"),
            text=r["sentence"],
            article_id=r["article_id"],
            published=r["published"],
        )
        steps.setdefault(_derived_id(str(rec["object"])), []).append((rec, item))
    out: dict[str, tuple[AgreementRow, list[TimelineItem]]] = {}
    for gid, history in steps.items():
        first, last = history[0][0], history[-1][0]
        parties = sorted(
            {
                name
                for rec, item in history
                for name in local_names(conn, item.article_id, json.dumps(rec.get("parties") or []))
            }
        )
        row = AgreementRow(
            id=gid,
            object=str(first["object"]),
            parties=tuple(parties),
            status=str(last.get("status") or "agreed"),
            date=first.get("date") or history[0][1].published,
            steps=len(history),
        )
        out[gid] = (row, [item for _, item in history])
    return out


def entity_names(conn: sqlite3.Connection, key: str) -> list[str]:
    """Every name the entity ``key`` goes by (used to match agreement parties)."""
    rows = conn.execute(
        f"SELECT DISTINCT e.name FROM entities e WHERE {ENTITY_MATCH}", {"key": key}
    )
    return [r[0] for r in rows]
