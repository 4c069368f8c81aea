"""Hand-made extractions for the story tests (no model needed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

from newskb.model import Article, Dateline, Entity, Extraction, Mention, TimeExpr
from newskb.store.migrate import migrate
from newskb.store.sql import SqliteDb
from newskb.store.sql.stories import SqlStories


def memory_store() -> SqlStories:
    """A story index over a fresh in-memory store."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    return SqlStories(SqliteDb(conn))


def article(
    text: str,
    *,
    path: str,
    published: str | None = None,
    title: str | None = None,
    agency: str | None = None,
) -> Article:
    digest = hashlib.sha256(f"{path}\n{text}".encode()).hexdigest()
    return Article(
        id=digest[:16],
        sha256=digest,
        path=path,
        text=text,
        title=title,
        published=dt.date.fromisoformat(published) if published else None,
        dateline=Dateline(place=None, agency=agency) if agency else None,
    )


def entity(text: str, name: str, etype: str, n: int, kb_id: str | None = None) -> Entity:
    """Entity ``E{n}`` with every occurrence of ``name`` in ``text`` as a mention."""
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(Mention(start=start, end=start + len(name), text=name))
        start = text.find(name, start + 1)
    return Entity(
        id=f"E{n}",
        name=name,
        type=etype,
        mentions=tuple(mentions),
        kb_id=kb_id,  # type: ignore[arg-type]
    )


def extraction(
    text: str,
    *,
    path: str,
    published: str | None = None,
    agency: str | None = None,
    people: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
) -> Extraction:
    a = article(text, path=path, published=published, agency=agency)
    ents = [entity(text, p, "PERSON", i) for i, p in enumerate(people, start=1)]
    ents += [entity(text, p, "GPE", i) for i, p in enumerate(places, start=len(ents) + 1)]
    times = tuple(
        TimeExpr(id=f"T{i}", start=0, end=1, text=text[0], type="DATE", value=d)
        for i, d in enumerate(dates, start=1)
    )
    return Extraction(article=a, entities=tuple(ents), times=times)


QUAKE_A = [
    "A magnitude 6.1 earthquake struck near Pohang in South Korea on Tuesday, damaging {x} "
    "buildings. Officials in Pohang said 57 people were hurt and a school collapsed.",
    "Rescue teams in Pohang searched collapsed homes after the 6.1 earthquake on Tuesday. "
    "The Korea Meteorological Administration said {x} aftershocks followed near Pohang.",
    "Residents of Pohang slept in gyms after the magnitude 6.1 quake. South Korea delayed "
    "its college exam by a week, {x} officials in Pohang said.",
]
QUAKE_B = [
    "A magnitude 7.4 earthquake hit Sulawesi in Indonesia on Friday, triggering a tsunami "
    "that struck Palu. Officials said {x} people died in Palu and Donggala.",
    "The death toll from the 7.4 earthquake and tsunami in Palu rose to {x}, Indonesia's "
    "disaster agency said, as rescuers searched collapsed hotels on Sulawesi.",
]
