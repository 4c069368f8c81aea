"""The JSONL output contract (``newskb.extract/1``): model objects <-> JSON-ready dicts.

One place turns an ``Extraction`` into the spec's object and back, so the CLI, the store and the
API all speak exactly the same format.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson

from newskb.model import (
    SCHEMA,
    Agreement,
    Article,
    Content,
    Credit,
    Dateline,
    Entity,
    ErrorRecord,
    Event,
    Extraction,
    Mention,
    Quote,
    Span,
    Speaker,
    TimeExpr,
    Update,
)

JSON = dict[str, Any]


def _span(s: Span | Mention | Speaker) -> JSON:
    out: JSON = {"start": s.start, "end": s.end, "text": s.text}
    if isinstance(s, Speaker):
        out = {"entity": s.entity, **out}
    return out


def article_dict(a: Article) -> JSON:
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "published_at": a.published_at,
        "published_source": a.published_source,
        "authors": list(a.authors),
        "encoding": a.encoding,
        "warnings": list(a.warnings),
        "dateline": {"place": a.dateline.place, "agency": a.dateline.agency}
        if a.dateline
        else None,
        "language": a.language,
        "text": a.text,
        "url": a.url,
        "source": a.source,
        "format": a.fmt,
        "sha256": a.sha256,
        "body_start": a.body_start,
        "updates": [
            {
                "label": u.label,
                "start": u.start,
                "end": u.end,
                "published": u.published.isoformat() if u.published else None,
            }
            for u in a.updates
        ],
    }


def entity_dict(e: Entity) -> JSON:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "kb_id": e.kb_id,
        "roles": list(e.roles),
        "characterisations": list(e.characterisations),
        "aliases": list(e.aliases),
        # written out, not ``{**_span(m), ...}``: ~30 mentions an article, the store's
        # hottest serialising (same keys, same order)
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind} for m in e.mentions
        ],
    }


def quote_dict(q: Quote) -> JSON:
    content: JSON = {"start": q.content.start, "end": q.content.end, "text": q.content.text}
    if q.content.fragments:
        content["fragments"] = [list(f) for f in q.content.fragments]
    return {
        "id": q.id,
        "kind": q.kind,
        "speaker": _span(q.speaker) if q.speaker else None,
        "cue": _span(q.cue) if q.cue else None,
        "content": content,
        "mode": q.mode,
    }


def time_dict(t: TimeExpr) -> JSON:
    return {
        "id": t.id,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "timezone": t.timezone,
        "utc": t.utc,
    }


def event_dict(v: Event) -> JSON:
    out: JSON = {
        "id": v.id,
        "type": v.type,
        "mode": v.mode,
        "status": v.status,
        "actors": list(v.actors),
        "recipients": list(v.recipients),
        "location": v.location,
        "time": v.time,
        "trigger": _span(v.trigger),
        "sentence": {"start": v.sentence.start, "end": v.sentence.end},
        "quote": v.quote,
        "date": v.date,
        "date_precision": v.date_precision,
    }
    if v.agreement is not None:
        g = v.agreement
        out["agreement"] = {
            "object": g.object,
            "parties": list(g.parties),
            "status": g.status,
            "date": g.date,
        }
    return out


def credit_dict(c: Credit) -> JSON:
    return {
        "id": c.id,
        "medium": c.medium,
        "source": _span(c.source),
        "agency": _span(c.agency) if c.agency else None,
        "content": _span(c.content) if c.content else None,
    }


def to_dict(x: Extraction) -> JSON:
    return {
        "schema": SCHEMA,
        "doc": article_dict(x.article),
        "entities": [entity_dict(e) for e in x.entities],
        "quotes": [quote_dict(q) for q in x.quotes],
        "times": [time_dict(t) for t in x.times],
        "events": [event_dict(v) for v in x.events],
        "credits": [credit_dict(c) for c in x.credits],
    }


def error_dict(e: ErrorRecord) -> JSON:
    return {"schema": SCHEMA, "error": {"code": e.code, "message": e.message, "path": e.path}}


def dumps(obj: JSON) -> str:
    """Compact JSON, non-ASCII kept as is: the same text as ``json.dumps(obj,
    ensure_ascii=False, separators=(",", ":"))``, written by orjson (about six times as fast;
    it is what every stored article and every ``newskb extract`` line goes through)."""
    return orjson.dumps(obj).decode("utf-8")


# --- back from JSON -------------------------------------------------------------------------
def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def article_from(d: JSON, raw: str = "") -> Article:
    dl = d.get("dateline")
    return Article(
        id=d["id"],
        sha256=d.get("sha256") or d["id"],
        path=d["path"],
        text=d["text"],
        title=d.get("title"),
        published=_date(d.get("published")),
        dateline=Dateline(place=dl.get("place"), agency=dl.get("agency")) if dl else None,
        language=d.get("language") or "en",
        url=d.get("url"),
        source=d.get("source"),
        fmt=d.get("format") or "text",
        raw=raw,
        body_start=d.get("body_start") or 0,
        published_at=d.get("published_at"),
        published_source=d.get("published_source"),
        authors=tuple(d.get("authors") or ()),
        encoding=d.get("encoding") or "utf-8",
        warnings=tuple(d.get("warnings") or ()),
        updates=tuple(
            Update(
                label=u["label"],
                start=u["start"],
                end=u["end"],
                published=_date(u.get("published")),
            )
            for u in d.get("updates") or ()
        ),
    )


def _speaker(d: JSON) -> Speaker:
    return Speaker(start=d["start"], end=d["end"], text=d["text"], entity=d.get("entity"))


def from_dict(d: JSON, raw: str = "") -> Extraction:
    def span(s: JSON) -> Span:
        return Span(start=s["start"], end=s["end"], text=s["text"])

    entities = tuple(
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            kb_id=e.get("kb_id"),
            roles=tuple(e.get("roles") or ()),
            characterisations=tuple(e.get("characterisations") or ()),
            aliases=tuple(e.get("aliases") or ()),
            mentions=tuple(
                Mention(start=m["start"], end=m["end"], text=m["text"], kind=m.get("kind", "name"))
                for m in e["mentions"]
            ),
        )
        for e in d.get("entities") or ()
    )
    quotes = tuple(
        Quote(
            id=q["id"],
            kind=q["kind"],
            speaker=_speaker(q["speaker"]) if q.get("speaker") else None,
            cue=span(q["cue"]) if q.get("cue") else None,
            content=Content(
                start=q["content"]["start"],
                end=q["content"]["end"],
                text=q["content"]["text"],
                fragments=tuple(tuple(f) for f in q["content"].get("fragments") or ()),
            ),
            mode=q.get("mode"),
        )
        for q in d.get("quotes") or ()
    )
    times = tuple(
        TimeExpr(
            id=t["id"],
            start=t["start"],
            end=t["end"],
            text=t["text"],
            type=t["type"],
            value=t["value"],
            timezone=t.get("timezone"),
            utc=t.get("utc"),
        )
        for t in d.get("times") or ()
    )
    text = d["doc"]["text"]
    events = tuple(
        Event(
            id=v["id"],
            type=v["type"],
            status=v["status"],
            mode=v.get("mode"),
            trigger=span(v["trigger"]),
            sentence=Span(
                start=v["sentence"]["start"],
                end=v["sentence"]["end"],
                text=text[v["sentence"]["start"] : v["sentence"]["end"]],
            ),
            actors=tuple(v.get("actors") or ()),
            recipients=tuple(v.get("recipients") or ()),
            location=v.get("location"),
            time=v.get("time"),
            quote=v.get("quote"),
            date=v.get("date"),
            date_precision=v.get("date_precision"),
            agreement=Agreement(
                object=v["agreement"]["object"],
                parties=tuple(v["agreement"]["parties"]),
                status=v["agreement"]["status"],
                date=v["agreement"].get("date"),
            )
            if v.get("agreement")
            else None,
        )
        for v in d.get("events") or ()
    )
    credits = tuple(
        Credit(
            id=c["id"],
            medium=c["medium"],
            source=_speaker(c["source"]),
            content=span(c["content"]) if c.get("content") else None,
            agency=span(c["agency"]) if c.get("agency") else None,
        )
        for c in d.get("credits") or ()
    )
    return Extraction(
        article=article_from(d["doc"], raw),
        entities=entities,
        quotes=quotes,
        times=times,
        events=events,
        credits=credits,
    )
