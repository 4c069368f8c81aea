"""Data objects passed between pipeline stages.

Every object is a frozen dataclass defined here, once. This module imports nothing of newskb.
Spans carry character offsets into ``Article.text`` (end exclusive) and the covered text, so
``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SCHEMA = "newskb.extract/1"

EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART", "MISC"
]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "planned", "hypothetical", "negated"]
AgreementStatus = Literal["agreed", "in force", "violated", "abandoned"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    agency: str | None


@dataclass(frozen=True, slots=True)
class Update:
    """A later update inside one article (the seed format's ``Addition`` sections)."""

    label: str
    start: int
    end: int
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from its source, before any NLP.

    ``id`` is the first 16 hex digits of the SHA-256 of the raw bytes the article came from;
    ``sha256`` is the whole digest. ``raw`` keeps the original so it stays retrievable.
    """

    id: str
    sha256: str
    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    dateline: Dateline | None = None
    language: str = "en"
    url: str | None = None
    source: str | None = None
    fmt: str = "text"
    updates: tuple[Update, ...] = ()
    raw: str = ""
    body_start: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: Literal["name", "short", "title", "pronoun", "other"] = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    kb_id: str | None = None
    roles: tuple[str, ...] = ()
    characterisations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int
    end: int
    text: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Content:
    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: Span | None
    content: Content


@dataclass(frozen=True, slots=True)
class TimeExpr:
    id: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str
    timezone: str | None = None
    utc: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    status: EventStatus
    trigger: Span
    sentence: Span
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    location: str | None = None
    time: str | None = None
    quote: str | None = None
    agreement: Agreement | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    """What an AGREE event commits its parties to, as stated in one article."""

    object: str
    parties: tuple[str, ...]
    status: AgreementStatus = "agreed"
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything newskb knows about one article: the JSONL output object."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """An input that could not become an article, with its coded reason."""

    code: str
    message: str
    path: str
    detail: dict[str, str] = field(default_factory=dict)


# --- what the store answers ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    published: dt.date | None
    path: str
    snippet: str
    score: float
    source: str | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as kept in the store: its extraction plus bookkeeping."""

    extraction: Extraction
    version: int
    current: bool
    supersedes: str | None
    ingested_at: str


@dataclass(frozen=True, slots=True)
class BatchReport:
    added: int = 0
    skipped: int = 0
    new_versions: int = 0
    errors: int = 0


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    versions: int
    entities: int
    mentions: int
    quotes: int
    times: int
    events: int
    errors: int
    first_published: str | None
    last_published: str | None
    schema_version: int
