"""Row tuples for the fact tables, shared by the stores (same column order as the schema)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from newskb.errors import NotFound
from newskb.model import Extraction, StoredArticle, StoreStats
from newskb.serialize import from_dict

Row = tuple[Any, ...]


def _jl(items: tuple[str, ...]) -> str:
    """A JSON list; the common empty case without calling the encoder."""
    return json.dumps(list(items)) if items else "[]"


def update_rows(x: Extraction) -> list[Row]:
    a = x.article
    return [
        (a.id, i, u.label, u.start, u.end, u.published.isoformat() if u.published else None)
        for i, u in enumerate(a.updates)
    ]


def entity_rows(x: Extraction) -> list[Row]:
    aid = x.article.id
    return [
        (
            aid,
            e.id,
            e.name,
            e.type,
            e.kb_id,
            _jl(e.roles),
            _jl(e.characterisations),
        )
        for e in x.entities
    ]


def mention_rows(x: Extraction) -> list[Row]:
    aid = x.article.id
    return [(aid, e.id, m.start, m.end, m.text, m.kind) for e in x.entities for m in e.mentions]


def quote_rows(x: Extraction) -> list[Row]:
    aid = x.article.id
    return [
        (
            aid,
            q.id,
            q.kind,
            q.speaker.entity if q.speaker else None,
            q.speaker.start if q.speaker else None,
            q.speaker.end if q.speaker else None,
            q.speaker.text if q.speaker else None,
            q.cue.start if q.cue else None,
            q.cue.end if q.cue else None,
            q.cue.text if q.cue else None,
            q.content.start,
            q.content.end,
            q.content.text,
            q.mode,
        )
        for q in x.quotes
    ]


def time_rows(x: Extraction) -> list[Row]:
    aid = x.article.id
    return [
        (aid, t.id, t.start, t.end, t.text, t.type, t.value, t.timezone, t.utc) for t in x.times
    ]


def event_rows(x: Extraction) -> list[Row]:
    aid = x.article.id
    return [
        (
            aid,
            v.id,
            v.type,
            v.mode,
            v.status,
            _jl(v.actors),
            _jl(v.recipients),
            v.location,
            v.time,
            v.quote,
            v.trigger.start,
            v.trigger.end,
            v.trigger.text,
            v.sentence.start,
            v.sentence.end,
            json.dumps(
                {
                    "object": v.agreement.object,
                    "parties": list(v.agreement.parties),
                    "status": v.agreement.status,
                    "date": v.agreement.date,
                }
            )
            if v.agreement
            else None,
        )
        for v in x.events
    ]


def credit_rows(x: Extraction) -> list[Row]:
    aid = x.article.id
    return [
        (
            aid,
            c.id,
            c.medium,
            c.source.entity,
            c.source.start,
            c.source.end,
            c.source.text,
            c.agency.start if c.agency else None,
            c.agency.end if c.agency else None,
            c.agency.text if c.agency else None,
            c.content.start if c.content else None,
            c.content.end if c.content else None,
        )
        for c in x.credits
    ]


FACT_TABLES = {
    "updates": (6, update_rows),
    "entities": (7, entity_rows),
    "mentions": (6, mention_rows),
    "quotes": (14, quote_rows),
    "times": (9, time_rows),
    "events": (16, event_rows),
    "credits": (12, credit_rows),
}


def store_stats(one: Callable[[str], Sequence[Any] | None], schema_version: int) -> StoreStats:
    """Counts of what a store holds; ``one(sql)`` runs a query and returns its first row
    (the SQL is the same on SQLite and PostgreSQL)."""

    def count(sql: str) -> int:
        row = one(sql)
        return int(row[0]) if row else 0

    span = one("SELECT min(published), max(published) FROM articles WHERE current = 1")
    return StoreStats(
        articles=count("SELECT count(*) FROM articles WHERE current = 1"),
        versions=count("SELECT count(*) FROM articles"),
        entities=count("SELECT count(*) FROM entities"),
        mentions=count("SELECT count(*) FROM mentions"),
        quotes=count("SELECT count(*) FROM quotes"),
        times=count("SELECT count(*) FROM times"),
        events=count("SELECT count(*) FROM events"),
        errors=count("SELECT count(*) FROM errors"),
        first_published=span[0] if span else None,
        last_published=span[1] if span else None,
        schema_version=schema_version,
    )


def one_by_id(rows: Sequence[Any], article_id: str, id_of: Callable[[Any], str]) -> Any:
    """The row of ``article_id`` among up to two candidates (exact id first, else ids starting
    with it): the exact match, or the only one with that prefix."""
    if not rows or (len(rows) > 1 and id_of(rows[0]) != article_id):
        raise NotFound(
            f"no article with id {article_id!r}"
            if not rows
            else f"id prefix {article_id!r} is ambiguous"
        )
    return rows[0]


def stored_article(
    extraction: str,
    raw: str,
    version: Any,
    current: Any,
    supersedes: str | None,
    ingested_at: str,
) -> StoredArticle:
    """A stored article from its columns (the extraction kept as JSON text)."""
    return StoredArticle(
        extraction=from_dict(json.loads(extraction), raw=raw),
        version=int(version),
        current=bool(current),
        supersedes=supersedes,
        ingested_at=ingested_at,
    )


def fts_query(text: str) -> str:
    """Turn user text into a safe FTS5 query: each word a quoted term, all required."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:32])
