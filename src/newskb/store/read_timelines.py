"""Read queries for stories, agreements and timelines (companion of ``store/read.py``).

Stories and agreements have their own tables (SQLite migrations 0003-0004, PostgreSQL version
3); a store opened read-only before those migrations lists no stories, and a store whose
ledger is empty builds its agreements from the AGREE records kept on events.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from newskb.errors import NotFound
from newskb.model import AgreementRow, ArticleRow, EventRow, QuoteRow, StoryRow, TimelineItem
from newskb.store.read import ENTITY_MATCH, list_events, list_quotes, local_names
from newskb.store.sql import Db, db_of
from newskb.store.sql.quotes import find_quotes

TIMELINE_MAX = 500
QUOTES_MAX = 10_000  # a story's statements (the old per-article reads had no overall cap)


# --- stories --------------------------------------------------------------------------------
def list_stories(conn: Any, limit: int = 100) -> list[StoryRow]:
    return _stories(db_of(conn), None, limit)


def get_story(conn: Any, story_id: str) -> StoryRow:
    db = db_of(conn)
    found = _stories(db, story_id, 1)
    if not found:
        if not db.has_table("story_members"):
            raise NotFound("this store has no stories yet (the stories migration is not applied)")
        raise NotFound(f"no story {story_id!r}")
    return found[0]


def _stories(db: Db, story_id: str | None, limit: int) -> list[StoryRow]:
    if not db.has_table("story_members"):
        return []
    conds = ["s.merged_into IS NULL"]
    if story_id is not None:
        conds.append("s.id = :sid")
    rows = db.rows(
        "SELECT s.id, s.title, min(a.published) AS first, max(a.published) AS last, "
        "count(DISTINCT a.id) AS n, "
        "(SELECT a2.title FROM articles a2 JOIN story_members l2 ON l2.article_id = a2.id "
        "WHERE l2.story_id = s.id ORDER BY a2.published NULLS FIRST, a2.rowid LIMIT 1) "
        "AS first_title FROM stories s LEFT JOIN story_members l ON l.story_id = s.id "
        f"LEFT JOIN articles a ON a.id = l.article_id WHERE {' AND '.join(conds)} "
        "GROUP BY s.id ORDER BY max(a.published) DESC NULLS LAST, count(DISTINCT a.id) DESC, "
        "s.id LIMIT :limit",
        {"sid": story_id, "limit": limit} if story_id is not None else {"limit": limit},
    )
    return [
        StoryRow(r["id"], r["title"] or r["first_title"], r["first"], r["last"], r["n"])
        for r in rows
    ]


def story_articles(conn: Any, story_id: str) -> list[ArticleRow]:
    db = db_of(conn)
    if not db.has_table("story_members"):
        return []
    rows = db.rows(
        "SELECT a.id, a.title, a.published, a.source, a.path, a.dateline_place, "
        "a.dateline_agency FROM story_members l JOIN articles a ON a.id = l.article_id "
        "WHERE l.story_id = ? ORDER BY a.published NULLS FIRST, a.rowid LIMIT ?",
        (story_id, TIMELINE_MAX),
    )
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
    conn: Any, *, articles: list[str] | None = None, entity: str | None = None
) -> list[TimelineItem]:
    """Dated events and quotes, ordered by event time (quotes by publication date)."""
    items: list[TimelineItem] = []
    events, _ = list_events(conn, articles=articles, actor=entity, limit=TIMELINE_MAX)
    for v in events:
        who = ", ".join(v.actors) or "?"
        whom = f" → {', '.join(v.recipients)}" if v.recipients else ""
        items.append(_item(v, v.when, "event", f"{v.type} ({v.status}): {who}{whom}", v.sentence))
    if articles is not None:
        quotes = find_quotes(  # one query for the story's articles
            conn, articles=articles[:TIMELINE_MAX], limit=QUOTES_MAX, newest_first=False
        )
    else:
        quotes = list_quotes(conn, entity=entity, limit=TIMELINE_MAX, oldest_first=True)[0]
    for q in quotes:
        label = f"{q.speaker or 'unnamed source'} ({q.kind})"
        items.append(_item(q, q.published, "quote", label, q.content))
    items.sort(key=lambda i: (i.when or "9999", i.kind, i.article_id))
    return items


# --- agreements -----------------------------------------------------------------------------
def _derived_id(obj: str) -> str:
    norm = " ".join(obj.lower().split())
    return hashlib.sha256(norm.encode()).hexdigest()[:12]


def list_agreements(conn: Any, limit: int = 100) -> list[AgreementRow]:
    db = db_of(conn)
    if _ledger(db):
        return _table_agreements(db, None, limit)
    return [row for row, _ in _derived(db).values()][:limit]


def get_agreement(conn: Any, agreement_id: str) -> tuple[AgreementRow, list[TimelineItem]]:
    """The agreement and its history, oldest step first, each step linked to its article."""
    db = db_of(conn)
    if _ledger(db):
        rows = _table_agreements(db, agreement_id, 1)
        if not rows:
            raise NotFound(f"no agreement {agreement_id!r}")
        return rows[0], _table_history(db, agreement_id)
    found = _derived(db).get(agreement_id)
    if found is None:
        raise NotFound(f"no agreement {agreement_id!r}")
    return found


def _ledger(db: Db) -> bool:
    """Whether the store keeps an agreements ledger with something in it."""
    if not db.has_table("agreement_history"):
        return False
    return db.one("SELECT 1 FROM agreements LIMIT 1") is not None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    try:
        parsed = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return (str(value),)
    return tuple(str(p) for p in parsed) if isinstance(parsed, list) else (str(parsed),)


def _table_agreements(db: Db, agreement_id: str | None, limit: int) -> list[AgreementRow]:
    where = "WHERE g.id = :id" if agreement_id is not None else ""
    rows = db.rows(
        "SELECT g.id, g.object, g.parties, g.status, g.first_agreed, "
        "(SELECT count(*) FROM agreement_history h WHERE h.agreement_id = g.id) AS steps "
        f"FROM agreements g {where} ORDER BY COALESCE(g.first_agreed, '') DESC, g.id "
        "LIMIT :limit",
        {"id": agreement_id, "limit": limit} if agreement_id is not None else {"limit": limit},
    )
    return [
        AgreementRow(
            id=r[0],
            object=str(r[1] or r[0]),
            parties=_as_tuple(r[2]),
            status=str(r[3] or "agreed"),
            date=r[4],
            steps=int(r[5]),
        )
        for r in rows
    ]


def _table_history(db: Db, agreement_id: str) -> list[TimelineItem]:
    rows = db.rows(
        "SELECT h.article_id, h.status, h.date, "
        "substr(a.text, h.sentence_start + 1, h.sentence_end - h.sentence_start), "
        "a.published, a.title FROM agreement_history h JOIN articles a ON a.id = h.article_id "
        "WHERE h.agreement_id = ? ORDER BY COALESCE(h.date, CAST(a.published AS TEXT), ''), "
        "a.rowid, h.trigger_start LIMIT ?",
        (agreement_id, TIMELINE_MAX),
    )
    return [
        TimelineItem(
            when=r[2] or r[4],
            kind="agreement",
            label=str(r[1] or "reported"),
            text=str(r[3] or r[5] or ""),
            article_id=r[0],
            published=r[4],
        )
        for r in rows
    ]


def _derived(db: Db) -> dict[str, tuple[AgreementRow, list[TimelineItem]]]:
    """Agreements grouped by their object from the AGREE records on events."""
    rows = db.rows(
        "SELECT v.agreement, v.article_id, v.sentence_start, v.sentence_end, a.published, "
        "substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence "
        "FROM events v JOIN articles a ON a.id = v.article_id "
        "WHERE v.agreement IS NOT NULL AND a.current = 1 "
        "ORDER BY a.published NULLS FIRST, a.rowid LIMIT ?",
        (TIMELINE_MAX * 4,),
    )
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
                for name in local_names(db, item.article_id, json.dumps(rec.get("parties") or []))
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


def entity_names(conn: Any, key: str) -> list[str]:
    """Every name the entity ``key`` goes by (used to match agreement parties)."""
    rows = db_of(conn).rows(
        f"SELECT DISTINCT e.name FROM entities e WHERE {ENTITY_MATCH}", {"key": key}
    )
    return [r[0] for r in rows]
