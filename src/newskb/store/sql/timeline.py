"""Timelines: dated events and quotes of a story, an entity or an agreement, in event-time order.

Each entry is ordered by its own time (the UTC instant, else the TIMEX3 value of its time
expression, else the article's publication date) and linked to its article and offsets.
Reads the store's fact tables; loads no model.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, Literal

from newskb.errors import NotFound
from newskb.model import TimelineEntry
from newskb.store.sql import Db
from newskb.store.sql.stories import SqlStories
from newskb.stories.edit import resolve

_DATED = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T[\d:]+Z?)?)?)?$")
LIMIT = 5000
# where a quote starts: its speaker span when that comes first (SQLite's scalar min() is LEAST)
_FIRST = "CASE WHEN q.speaker_start < q.content_start THEN q.speaker_start ELSE q.content_start END"


def _when(value: str | None, utc: str | None, published: str | None) -> tuple[str | None, str]:
    if utc:
        return utc, "utc"
    if value and _DATED.match(value):
        return value, "value"
    if published:
        return published, "published"
    return None, "none"


def _entry(
    kind: Literal["event", "quote"],
    label: str,
    text: str,
    at: tuple[Any, ...],
    dated: tuple[str | None, str | None, str | None],
) -> TimelineEntry:
    """One entry; ``at`` is (article_id, path, start, end), ``dated`` (value, utc, published)."""
    aid, path, start, end = at
    when, source = _when(*dated)
    return TimelineEntry(
        when=when,
        when_from=source,  # type: ignore[arg-type]
        kind=kind,
        label=label,
        text=text,
        article_id=aid,
        path=path,
        start=int(start),
        end=int(end),
    )


def _pairs(pairs: Sequence[Sequence[Any]]) -> tuple[str, list[str]]:
    """``(?, ?), ...`` placeholders for (article_id, local_id) pairs and their flat values."""
    return ",".join("(?, ?)" for _ in pairs), [str(x) for p in pairs for x in p]


def _events(db: Db, where: str, args: Sequence[object]) -> list[TimelineEntry]:
    rows = db.rows(
        "SELECT v.article_id, a.path, a.published, v.local_id, v.type, v.status, "
        "v.sentence_start, v.sentence_end, "
        "substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start), "
        "t.value, t.utc FROM events v JOIN articles a ON a.id = v.article_id "
        "LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time "
        f"WHERE {where} LIMIT {LIMIT}",
        list(args),
    )
    return [
        _entry("event", f"{etype} ({status})", str(text).strip(), at, dated)
        for aid, path, published, _eid, etype, status, start, end, text, value, utc in rows
        for at, dated in [((aid, path, start, end), (value, utc, published))]
    ]


def _quotes(db: Db, where: str, args: Sequence[object]) -> list[TimelineEntry]:
    rows = db.rows(
        "SELECT q.article_id, a.path, a.published, q.content_start, q.content_end, "
        "q.content_text, COALESCE(e.name, q.speaker_text), "
        "(SELECT t.value FROM times t WHERE t.article_id = q.article_id "
        f" AND t.start >= {_FIRST} "
        " AND t.\"end\" <= q.content_end AND t.type IN ('DATE', 'TIME') ORDER BY t.start LIMIT 1),"
        "(SELECT t.utc FROM times t WHERE t.article_id = q.article_id "
        f" AND t.start >= {_FIRST} "
        ' AND t."end" <= q.content_end AND t.utc IS NOT NULL ORDER BY t.start LIMIT 1) '
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity "
        f"WHERE {where} LIMIT {LIMIT}",
        list(args),
    )
    return [
        _entry("quote", f"{speaker or 'unnamed source'} said", str(text), at, dated)
        for aid, path, published, start, end, text, speaker, value, utc in rows
        for at, dated in [((aid, path, start, end), (value, utc, published))]
    ]


def _ordered(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return sorted(entries, key=lambda e: (e.when is None, e.when or "", e.article_id, e.start))


def _need_facts(db: Db) -> None:
    if not db.has_table("articles") or not db.has_table("story_members"):
        raise NotFound("this store has no articles or no stories table")


def story(db: Db, story_id: str) -> list[TimelineEntry]:
    """The timeline of one story (merged ids are followed)."""
    _need_facts(db)
    sid = resolve(SqlStories(db), story_id)
    inside = "{0}.article_id IN (SELECT article_id FROM story_members WHERE story_id = ?)"
    entries = _events(db, inside.format("v"), [sid]) + _quotes(db, inside.format("q"), [sid])
    return [dataclasses.replace(e, story_id=sid) for e in _ordered(entries)]


def entity(db: Db, name: str) -> list[TimelineEntry]:
    """Events an entity took part in and its quotes, across articles (name or KB id)."""
    _need_facts(db)
    rows = db.rows(
        "SELECT article_id, local_id FROM entities WHERE lower(name) = lower(?) OR kb_id = ?",
        (name, name),
    )
    if db.has_table("canon_aliases") and db.has_table("canon"):
        rows += db.rows(
            "SELECT e.article_id, e.local_id FROM entities e JOIN canon c "
            "ON c.kb_id = e.kb_id OR lower(c.name) = lower(e.name) "
            "WHERE c.id IN (SELECT canon_id FROM canon_aliases WHERE lower(alias) = lower(?)) ",
            (name,),
        )
    if not rows:
        raise NotFound(f"no entity named {name!r} in this store")
    pairs = sorted({(str(a), str(e)) for a, e in rows})
    entries: list[TimelineEntry] = []
    for i in range(0, len(pairs), 200):
        chunk = pairs[i : i + 200]
        marks, flat = _pairs(chunk)
        entries += _entity_events(db, chunk)
        entries += _quotes(
            db,
            f"(q.article_id, q.speaker_entity) IN (VALUES {marks})",
            flat,
        )
    return _with_stories(db, _ordered(entries))


def _entity_events(db: Db, pairs: list[tuple[str, str]]) -> list[TimelineEntry]:
    marks, flat = _pairs(pairs)
    return _events(
        db,
        f"EXISTS (SELECT 1 FROM (VALUES {marks}) k WHERE k.column1 = v.article_id AND ("
        f"EXISTS (SELECT 1 FROM {db.json_items('v.actors')} WHERE j.value = k.column2) OR "
        f"EXISTS (SELECT 1 FROM {db.json_items('v.recipients')} WHERE j.value = k.column2)))",
        flat,
    )


def agreement(db: Db, agreement_id: str) -> list[TimelineEntry]:
    """The reported steps of one agreement (needs the agreements ledger, migration 0004)."""
    _need_facts(db)
    if not db.has_table("agreement_history"):
        raise NotFound("this store has no agreements ledger (the agreements migration is absent)")
    rows = db.rows(
        "SELECT article_id, event_id FROM agreement_history WHERE agreement_id = ?",
        (agreement_id,),
    )
    if not rows:
        raise NotFound(f"no agreement {agreement_id!r}")
    marks, flat = _pairs(rows)
    entries = _events(db, f"(v.article_id, v.local_id) IN (VALUES {marks})", flat)
    return _with_stories(db, _ordered(entries))


def _with_stories(db: Db, entries: list[TimelineEntry]) -> list[TimelineEntry]:
    if not entries:
        return entries
    ids = sorted({e.article_id for e in entries})
    marks = ",".join("?" * len(ids))
    sql = f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})"
    found = {str(a): str(s) for a, s in db.rows(sql, ids)}
    return [dataclasses.replace(e, story_id=found.get(e.article_id)) for e in entries]
