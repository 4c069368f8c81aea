"""A generated 10,000-article store for the web's speed and question tests (issue 22).

The articles are synthetic but shaped like extracted news: wire reports over nine months from a
few dozen outlets, each with a dateline, a title, two or three quotes (a direct one with its
speaker, cue and content, an indirect one attributed by surname), dated events with actors and
recipients, and, in a handful of big running stories (hundreds of articles each), an agreement
that is reached, comes into force and is broken. Nothing here runs spaCy: the records are built
as the extractors would emit them (every span checked against the text) and written through
``pipeline.store_batch``, so the canon, the ledger and the stories are the store's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import random
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from newskb.model import (
    Agreement,
    AgreementStatus,
    Article,
    Content,
    Dateline,
    Entity,
    EntityType,
    Event,
    Extraction,
    Mention,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)

FIRST = ["Anna", "Ivan", "Maria", "Jonas", "Elena", "Pieter", "Olga", "Marco", "Sofia", "Tomas",
         "Lena", "Arjun", "Mei", "Kofi", "Ines", "Rafael", "Hanna", "Yusuf", "Clara", "Dmytro",
         "Aiko", "Luca", "Nadia", "Omar", "Greta", "Pavel", "Zara", "Henrik", "Leila",
         "Bruno"]  # fmt: skip
LAST = ["Kowalczyk", "Hnatiuk", "Lindqvist", "Berg", "Moreau", "Vandermeer", "Okafor", "Rossi",
        "Tanaka", "Novak", "Haddad", "Petrenko", "Silva", "Jansen", "Dubois", "Nakamura", "Weber",
        "Costa", "Fischer", "Kravets", "Andersen", "Mensah", "Horvat", "Ivanova", "Larsen",
        "Yilmaz", "Schmidt", "Popescu", "Kovacs", "Ellison"]  # fmt: skip
ROLES = ["Foreign Minister", "Energy Minister", "spokesperson", "envoy", "analyst",
         "mayor", "union leader", "central bank governor", "defence minister",
         "negotiator"]  # fmt: skip
COUNTRIES = ["Ukraine", "Russia", "Turkey", "Poland", "Germany", "France", "Netherlands",
             "Moldova", "Romania", "Hungary", "Italy", "Spain", "Greece", "Norway", "Finland",
             "Georgia", "Armenia", "Azerbaijan", "Serbia", "Austria"]  # fmt: skip
ORGS = ["European Commission", "United Nations", "NATO", "IAEA", "World Bank", "Red Cross",
        "Dockworkers Union", "Port Authority", "Energy Board", "Grain Council"]  # fmt: skip
PLACES = ["Kyiv", "Brussels", "Geneva", "Istanbul", "Warsaw", "Berlin", "Rotterdam", "Vienna",
          "Odesa", "Bucharest", "Helsinki", "Athens"]  # fmt: skip
OUTLETS = [f"{w} {k}" for w in ("Kyiv", "Euro", "Baltic", "Danube", "Atlantic", "Capital")
           for k in ("Wire", "Herald", "Post", "Times")]  # fmt: skip
NOUNS = ["prices", "talks", "exports", "shipments", "inspections", "repairs", "elections",
         "sanctions", "wages", "pipelines", "harvest", "reactors", "convoys", "tariffs",
         "refugees", "bonds", "budgets", "ports", "railways", "cables"]  # fmt: skip
ADJ = ["new", "urgent", "fragile", "joint", "regional", "delayed", "partial", "costly",
       "disputed", "quiet", "renewed", "formal"]  # fmt: skip
# (PLOVER type, past-tense trigger, what follows the recipient)
ACTS = [("ACCUSE", "accused", "of blocking {n}"), ("CONSULT", "met", "to discuss {n}"),
        ("THREATEN", "threatened", "with {a} {n}"), ("PROTEST", "criticised", "over {n}"),
        ("SUPPORT", "backed", "on {n}"), ("SANCTION", "sanctioned", "over {n}"),
        ("REQUEST", "urged", "to resume {n}"), ("ASSAULT", "shelled", "near the {n} depot"),
        ("AID", "sent aid to", "for {n}"), ("REJECT", "rejected", "on {n}")]  # fmt: skip
# the big running stories: (key words, parties, the agreement's object, articles, first day)
STORIES = [
    ("Zaporizhzhia truce", ("Ukraine", "Russia"), "repair truce at Zaporizhzhia", 250, 90),
    ("Black Sea grain corridor", ("Turkey", "Ukraine"), "grain corridor deal", 150, 30),
    ("gas storage targets", ("Germany", "Netherlands"), "gas storage accord", 100, 150),
    ("Rotterdam port strike", ("Dockworkers Union", "Port Authority"), "port wage deal", 75, 200),
    ("Moldova power line", ("Moldova", "Romania"), "power line agreement", 50, 60),
]
START = dt.date(2025, 1, 1)
DAYS = 270
STATUSES: tuple[AgreementStatus, ...] = ("agreed", "in force", "violated")


@dataclasses.dataclass
class _Text:
    """An article's text, written piece by piece, remembering where each named piece is."""

    parts: list[str] = dataclasses.field(default_factory=list)
    size: int = 0

    def add(self, piece: str) -> Span:
        span = Span(self.size, self.size + len(piece), piece)
        self.parts.append(piece)
        self.size += len(piece)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclasses.dataclass
class _Entities:
    """The article's entities, each with every mention of it."""

    found: dict[str, tuple[str, EntityType, list[Mention]]] = dataclasses.field(
        default_factory=dict
    )

    def mention(self, name: str, etype: EntityType, span: Span, kind: str = "name") -> str:
        if name not in self.found:
            self.found[name] = (f"E{len(self.found) + 1}", etype, [])
        eid, _, mentions = self.found[name]
        mentions.append(Mention(span.start, span.end, span.text, kind))  # type: ignore[arg-type]
        return eid

    def all(self) -> tuple[Entity, ...]:
        out = []
        for name, (eid, etype, mentions) in self.found.items():
            kb = f"Q{90_000 + zlib.crc32(name.encode()) % 900_000}" if etype != "PERSON" else None
            out.append(Entity(eid, name, etype, tuple(mentions), kb_id=kb))
        return tuple(out)


def _kind(name: str) -> EntityType:
    return "GPE" if name in COUNTRIES else "ORG"


def article(i: int, rng: random.Random, story: int | None, step: int, size: int) -> Extraction:
    """Article ``i``: of the big story ``story`` (its ``step``-th of ``size``), or a one-off."""
    if story is not None:
        words, parties, obj, _, first = STORIES[story]
        day = START + dt.timedelta(days=first + step * 60 // max(size, 1))
    else:
        words = f"{rng.choice(ADJ)} {rng.choice(NOUNS)}"
        parties = tuple(rng.sample(COUNTRIES, 2))
        obj, day = "", START + dt.timedelta(days=rng.randrange(DAYS))
    at = dt.datetime.combine(day, dt.time(rng.randrange(6, 22), rng.randrange(60)))
    place, outlet = rng.choice(PLACES), rng.choice(OUTLETS)
    speaker = (rng.choice(FIRST), rng.choice(LAST))
    role = rng.choice(ROLES)
    other = rng.choice([c for c in COUNTRIES + ORGS if c not in parties])
    kind, verb, tail = rng.choice(ACTS)
    noun = rng.choice(NOUNS)
    t, ents = _Text(), _Entities()
    title = f"{parties[0]} and {parties[1]} spar over {words}, report {i}"
    t.add(f" date {day.isoformat()} {title}\n{place} • {outlet}\n")
    body = t.size
    # sentence 1: an event between the parties, on a stated day
    s1 = t.size
    a = t.add(parties[0])
    t.add(" ")
    trig = t.add(verb)
    t.add(" ")
    r = t.add(parties[1])
    t.add(" " + tail.format(n=noun, a=rng.choice(ADJ)) + " in the " + words + " dispute on ")
    when = t.add(day.strftime("%A"))
    t.add(f", officials in {place} said.")
    sent1 = Span(s1, t.size, t.text[s1 : t.size])
    t.add(" ")
    # sentence 2: a direct quote, its speaker named in full
    t.add('"')
    said = f"The {words} must be settled before the {rng.choice(ADJ)} {noun} run out"
    content = t.add(said)
    t.add('," ')
    t.add(f"{role} ")
    who = t.add(f"{speaker[0]} {speaker[1]}")
    t.add(" ")
    cue = t.add("said")
    t.add(f" in {place}.")
    t.add(" ")
    # sentence 3: an indirect quote, by surname
    surname = t.add(speaker[1])
    t.add(" ")
    cue2 = t.add("added")
    t.add(" that ")
    said2 = t.add(
        f"{other} would {rng.choice(['watch', 'join', 'fund', 'oppose'])} the {words} talks"
    )
    t.add(".")
    t.add(" ")
    # sentence 4: a second event, the other side answering
    s4 = t.size
    a2 = t.add(parties[1])
    t.add(" ")
    kind2, verb2, tail2 = rng.choice(ACTS)
    trig2 = t.add(verb2)
    t.add(" ")
    r2 = t.add(other)
    t.add(" " + tail2.format(n=rng.choice(NOUNS), a=rng.choice(ADJ)) + ".")
    sent4 = Span(s4, t.size, t.text[s4 : t.size])
    agree_event = None
    if story is not None and step % 3 == 0:
        t.add(" ")
        s5 = t.size
        a5 = t.add(parties[0])
        t.add(" and ")
        b5 = t.add(parties[1])
        status = STATUSES[min(2, 3 * step // max(size, 1))]
        phrase = {"agreed": "agreed to", "in force": "put into force", "violated": "broke"}[status]
        t.add(" ")
        trig5 = t.add(phrase)
        t.add(f" the {obj}.")
        sent5 = Span(s5, t.size, t.text[s5 : t.size])
        agree_event = (a5, b5, trig5, sent5, status)
    t.add("\n" + " ".join(rng.choice(NOUNS + ADJ) for _ in range(rng.randrange(30, 90))) + ".\n")
    text = t.text
    eid = {
        "a": ents.mention(parties[0], _kind(parties[0]), a),
        "r": ents.mention(parties[1], _kind(parties[1]), r),
        "who": ents.mention(f"{speaker[0]} {speaker[1]}", "PERSON", who),
    }
    ents.mention(f"{speaker[0]} {speaker[1]}", "PERSON", surname, "short")
    ents.mention(parties[1], _kind(parties[1]), a2)
    eid["other"] = ents.mention(other, _kind(other), r2)
    minute = at.strftime("%Y-%m-%dT%H:%M")
    times = (TimeExpr("T1", when.start, when.end, when.text, "DATE", day.isoformat()),)
    events = [
        Event("V1", kind, "occurred", trig, sent1, actors=(eid["a"],), recipients=(eid["r"],),
              time="T1", date=day.isoformat(), date_precision="day"),
        Event("V2", kind2, "occurred", trig2, sent4, actors=(eid["r"],),
              recipients=(eid["other"],), date=day.isoformat(), date_precision="day"),
    ]  # fmt: skip
    if agree_event is not None:
        a5, b5, trig5, sent5, status = agree_event
        p = (ents.mention(parties[0], _kind(parties[0]), a5),
             ents.mention(parties[1], _kind(parties[1]), b5))  # fmt: skip
        events.append(
            Event("V3", "AGREE", "occurred", trig5, sent5, actors=p, time="T1",
                  agreement=Agreement(obj, p, status, day.isoformat()),
                  date=day.isoformat(), date_precision="day")
        )  # fmt: skip
    quotes = (
        Quote("Q1", "direct", Speaker(who.start, who.end, who.text, eid["who"]), cue,
              Content(content.start, content.end, content.text), mode="speech"),
        Quote("Q2", "indirect", Speaker(surname.start, surname.end, surname.text, eid["who"]),
              cue2, Content(said2.start, said2.end, said2.text), mode="speech"),
    )  # fmt: skip
    raw = text
    digest = hashlib.sha256(f"{i}\n{raw}".encode()).hexdigest()
    art = Article(
        id=digest[:16],
        sha256=digest,
        path=f"generated/{'one-off' if story is None else f'story-{story}'}/{i:05}.txt",
        text=text,
        title=title,
        published=day,
        published_at=minute + "+00:00",
        published_source="header",
        dateline=Dateline(place, outlet),
        source=outlet,
        raw=raw,
        fmt="seed",
        body_start=body,
    )
    x = Extraction(art, ents.all(), quotes, times, tuple(events))
    for s in [*(q.content for q in quotes), *(e.trigger for e in events)]:
        assert text[s.start : s.end] == s.text, (i, s)
    return x


def articles(n: int, seed: int = 22) -> Iterator[Extraction]:
    """``n`` articles in publication order: the big stories' share, the rest one-offs."""
    rng = random.Random(seed)
    plan: list[tuple[int | None, int, int]] = []
    for k, (*_, size, _first) in enumerate(STORIES):
        plan += [(k, step, size) for step in range(size)]
    plan += [(None, 0, 0)] * max(0, n - len(plan))
    plan = plan[:n]
    made = [article(i, rng, s, step, size) for i, (s, step, size) in enumerate(plan)]
    made.sort(key=lambda x: (x.article.published_at or "", x.article.id))
    yield from made


def build(path: Path, n: int = 10_000, batch: int = 500) -> Path:
    """Write ``n`` generated articles into a new SQLite store at ``path``, batch by batch, with
    the stages of ``pipeline.store_batch`` in one transaction each: the articles and facts, the
    entity canon, the agreements ledger, and the stories for the big running stories' articles
    (the clusterer costs ~10 ms an article here; the one-off reports are left unassigned, as a
    store is before ``assign_pending``)."""
    from newskb.ledger.ledger import update_ledger
    from newskb.resolve.canon import resolve_batch
    from newskb.store import SqliteStore
    from newskb.stories.cluster import assign_all

    xs = list(articles(n))
    with SqliteStore(path) as store:
        for lo in range(0, len(xs), batch):
            chunk: Sequence[Extraction] = xs[lo : lo + batch]
            with store.batch() as tx:
                fresh = tx.write(chunk)[1]
                resolve_batch(tx.canon, fresh)
                update_ledger(tx.ledger, fresh)
                assign_all(tx.stories, [x for x in fresh if "/story-" in x.article.path])
    return path
