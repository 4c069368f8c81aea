"""Flat tables of what a store holds, for pandas, Parquet, CSV and JSON Lines.

Built only on the store's read interface (``extractions()``, which the SQLite and PostgreSQL
stores both have): one row per article, entity, quote, time, event or credit, with names where a
person reads them (an event's actors are entity names, not ``E2``) and the article id and exact
offsets on every row. ``TABLES`` documents every column and its type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from newskb.model import AgreementRecord, Entity, Extraction, StoryMember

if TYPE_CHECKING:
    from newskb.store.base import Store

__all__ = ["STORE_TABLES", "TABLES", "ColumnType", "frame", "rows", "store_rows", "to_arrow"]

ColumnType = Literal["string", "int", "list"]
Row = dict[str, Any]

_ARTICLE: tuple[tuple[str, ColumnType], ...] = (("article_id", "string"), ("published", "string"))
_SPAN: tuple[tuple[str, ColumnType], ...] = (("start", "int"), ("end", "int"))

TABLES: dict[str, tuple[tuple[str, ColumnType], ...]] = {
    "articles": (
        *_ARTICLE,
        ("title", "string"),
        ("path", "string"),
        ("url", "string"),
        ("source", "string"),
        ("dateline_place", "string"),
        ("dateline_agency", "string"),
        ("format", "string"),
        ("language", "string"),
        ("text", "string"),
    ),
    "entities": (
        *_ARTICLE,
        ("entity_id", "string"),
        ("name", "string"),
        ("type", "string"),
        ("kb_id", "string"),
        ("roles", "list"),
        ("mentions", "int"),
        *_SPAN,
    ),
    "quotes": (
        *_ARTICLE,
        ("quote_id", "string"),
        ("kind", "string"),
        ("mode", "string"),
        ("speaker", "string"),
        ("speaker_name", "string"),
        ("speaker_kb_id", "string"),
        ("cue", "string"),
        ("content", "string"),
        *_SPAN,
    ),
    "times": (
        *_ARTICLE,
        ("time_id", "string"),
        ("text", "string"),
        ("type", "string"),
        ("value", "string"),
        ("timezone", "string"),
        ("utc", "string"),
        *_SPAN,
    ),
    "events": (
        *_ARTICLE,
        ("event_id", "string"),
        ("type", "string"),
        ("mode", "string"),
        ("status", "string"),
        ("trigger", "string"),
        ("actors", "list"),
        ("recipients", "list"),
        ("location", "string"),
        ("time", "string"),
        ("date", "string"),
        ("date_precision", "string"),
        ("quote_id", "string"),
        *_SPAN,
    ),
    "credits": (
        *_ARTICLE,
        ("credit_id", "string"),
        ("medium", "string"),
        ("source", "string"),
        ("agency", "string"),
        ("content", "string"),
        *_SPAN,
    ),
    "stories": (
        ("story_id", "string"),
        *_ARTICLE,
        ("title", "string"),
        ("outlet", "string"),
        ("duplicate_of", "string"),
    ),
    "agreements": (
        ("agreement_id", "string"),
        ("object", "string"),
        ("parties", "list"),
        ("first_agreed", "string"),
        ("status", "string"),
        ("step_date", "string"),
        ("step_status", "string"),
        ("article_id", "string"),
        ("event_id", "string"),
        *_SPAN,
    ),
}
"""Every table's columns, in order, with their types (``list``: a list of strings)."""


def _base(x: Extraction) -> Row:
    a = x.article
    return {"article_id": a.id, "published": a.published.isoformat() if a.published else None}


def _articles(x: Extraction) -> Iterator[Row]:
    a = x.article
    yield {
        **_base(x),
        "title": a.title,
        "path": a.path,
        "url": a.url,
        "source": a.source,
        "dateline_place": a.dateline.place if a.dateline else None,
        "dateline_agency": a.dateline.agency if a.dateline else None,
        "format": a.fmt,
        "language": a.language,
        "text": a.text,
    }


def _entities(x: Extraction) -> Iterator[Row]:
    for e in x.entities:
        first = min(e.mentions, key=lambda m: m.start) if e.mentions else None
        yield {
            **_base(x),
            "entity_id": e.id,
            "name": e.name,
            "type": e.type,
            "kb_id": e.kb_id,
            "roles": list(e.roles),
            "mentions": len(e.mentions),
            "start": first.start if first else None,
            "end": first.end if first else None,
        }


def _by_id(x: Extraction) -> dict[str, Entity]:
    return {e.id: e for e in x.entities}


def _quotes(x: Extraction) -> Iterator[Row]:
    ents = _by_id(x)
    for q in x.quotes:
        who = ents.get(q.speaker.entity or "") if q.speaker else None
        yield {
            **_base(x),
            "quote_id": q.id,
            "kind": q.kind,
            "mode": q.mode,
            "speaker": q.speaker.text if q.speaker else None,
            "speaker_name": who.name if who else None,
            "speaker_kb_id": who.kb_id if who else None,
            "cue": q.cue.text if q.cue else None,
            "content": q.content.text,
            "start": q.content.start,
            "end": q.content.end,
        }


def _times(x: Extraction) -> Iterator[Row]:
    for t in x.times:
        yield {
            **_base(x),
            "time_id": t.id,
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "timezone": t.timezone,
            "utc": t.utc,
            "start": t.start,
            "end": t.end,
        }


def _events(x: Extraction) -> Iterator[Row]:
    ents = _by_id(x)
    times = {t.id: t for t in x.times}

    def names(ids: Iterable[str]) -> list[str]:
        return [ents[i].name if i in ents else i for i in ids]

    for v in x.events:
        when = times.get(v.time or "")
        yield {
            **_base(x),
            "event_id": v.id,
            "type": v.type,
            "mode": v.mode,
            "status": v.status,
            "trigger": v.trigger.text,
            "actors": names(v.actors),
            "recipients": names(v.recipients),
            "location": names([v.location])[0] if v.location else None,
            "time": when.text if when else None,
            "date": v.date,
            "date_precision": v.date_precision,
            "quote_id": v.quote,
            "start": v.trigger.start,
            "end": v.trigger.end,
        }


def _credits(x: Extraction) -> Iterator[Row]:
    for c in x.credits:
        yield {
            **_base(x),
            "credit_id": c.id,
            "medium": c.medium,
            "source": c.source.text,
            "agency": c.agency.text if c.agency else None,
            "content": c.content.text if c.content else None,
            "start": c.source.start,
            "end": c.source.end,
        }


_ROWS: dict[str, Callable[[Extraction], Iterator[Row]]] = {
    "articles": _articles,
    "entities": _entities,
    "quotes": _quotes,
    "times": _times,
    "events": _events,
    "credits": _credits,
}


STORE_TABLES = ("stories", "agreements")
"""Tables of what the store itself keeps (stories, the agreements ledger), not of extractions."""


def story_rows(members: Iterable[StoryMember], since: dt.date | None = None) -> Iterator[Row]:
    """One row per story member (an article in a story), published on/after ``since``."""
    for m in members:
        if since is not None and (m.published is None or m.published[:10] < since.isoformat()):
            continue
        yield {
            "story_id": m.story_id,
            "article_id": m.article_id,
            "published": m.published,
            "title": m.title,
            "outlet": m.outlet,
            "duplicate_of": m.duplicate_of,
        }


def agreement_rows(
    records: Iterable[AgreementRecord], since: dt.date | None = None
) -> Iterator[Row]:
    """One row per ledger step (one article's report on an agreement), the agreement repeated
    on each; ``start``/``end`` are the offsets of the step's trigger in its article. With
    ``since``, the steps dated on/after it.

    >>> from newskb.model import AgreementStep
    >>> step = AgreementStep(article_id="a1", date="2025-04-02", status="agreed", event_id="V1",
    ...                      trigger_start=4, trigger_end=10, sentence_start=0,
    ...                      sentence_end=40)
    >>> a = AgreementRecord(id="A1", object="ceasefire", parties=("Ukraine", "Russia"),
    ...                     first_agreed="2025-04-02", status="agreed", history=(step,))
    >>> [(r["agreement_id"], r["parties"], r["article_id"], r["start"])
    ...  for r in agreement_rows([a])]
    [('A1', ['Ukraine', 'Russia'], 'a1', 4)]
    """
    for a in records:
        for s in a.history:
            if since is not None and (s.date is None or s.date[:10] < since.isoformat()):
                continue
            yield {
                "agreement_id": a.id,
                "object": a.object,
                "parties": list(a.parties),
                "first_agreed": a.first_agreed,
                "status": a.status,
                "step_date": s.date,
                "step_status": s.status,
                "article_id": s.article_id,
                "event_id": s.event_id,
                "start": s.trigger_start,
                "end": s.trigger_end,
            }


def store_rows(table: str, store: Store, since: dt.date | None = None) -> Iterator[Row]:
    """The rows of any table of ``TABLES`` from a store, through its read interface only."""
    if table == "stories":
        return story_rows(store.story_members(), since)
    if table == "agreements":
        return agreement_rows(store.agreements(), since)
    return rows(table, store.extractions(), since)


def rows(
    table: str, extractions: Iterable[Extraction], since: dt.date | None = None
) -> Iterator[Row]:
    """The rows of ``table`` (a key of ``TABLES`` not in ``STORE_TABLES``), from articles
    published on/after ``since`` (articles with no publication date are left out when
    ``since`` is given).

    >>> from newskb.model import Article, Extraction, TimeExpr
    >>> a = Article(id="a1", sha256="", path="a.txt", text="On Monday.",
    ...             published=dt.date(2025, 3, 19))
    >>> t = TimeExpr(id="T1", start=0, end=9, text="On Monday", type="DATE", value="2025-03-17")
    >>> [r["value"] for r in rows("times", [Extraction(article=a, times=(t,))])]
    ['2025-03-17']
    >>> list(rows("times", [Extraction(article=a, times=(t,))], since=dt.date(2025, 4, 1)))
    []
    """
    make = _ROWS[table]
    for x in extractions:
        published = x.article.published
        if since is not None and (published is None or published < since):
            continue
        yield from make(x)


def to_arrow(table: str, data: Iterable[Row]) -> Any:
    """A ``pyarrow.Table`` of ``table``'s rows with its documented column types (even when
    empty). Needs pyarrow (``newskb[pandas]``)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in TABLES[table]])
    return pa.Table.from_pylist(list(data), schema=schema)


def frame(table: str, extractions: Iterable[Extraction], since: dt.date | None = None) -> Any:
    """A ``pandas.DataFrame`` of ``table`` with its documented columns (``newskb[pandas]``)."""
    import pandas as pd

    columns = [name for name, _ in TABLES[table]]
    return pd.DataFrame(list(rows(table, extractions, since)), columns=columns)
