"""The store interface: what every backend (``store/sqlite``, ``store/postgres``) offers.

Writing is one ``batch()`` transaction: ``write`` the results, then the pipeline's derived
stages (``resolve.canon``, ``ledger``, ``stories``) read and write through the batch's indexes,
and everything commits together. Reading is the ``Store`` protocol's queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from newskb.ledger.ledger import LedgerIndex
from newskb.model import (
    AgreementRecord,
    BatchReport,
    CanonEntity,
    CreditRow,
    ErrorRecord,
    EventHit,
    Extraction,
    Found,
    QuoteRow,
    SearchHit,
    StoredArticle,
    StoreStats,
    StoryMember,
    StorySummary,
    TimelineEntry,
)
from newskb.resolve.canon import CanonIndex
from newskb.stories.index import StoryIndex


class StoreBatch(Protocol):
    """One open write transaction."""

    @property
    def canon(self) -> CanonIndex: ...
    @property
    def ledger(self) -> LedgerIndex: ...
    @property
    def stories(self) -> StoryIndex: ...

    def write(
        self, results: Sequence[Extraction | ErrorRecord]
    ) -> tuple[BatchReport, list[Extraction]]:
        """Store articles with their facts, and errors; the report and the newly added."""
        ...


class BatchStore(Protocol):
    """The write side: one transaction per batch."""

    def batch(self) -> AbstractContextManager[StoreBatch]: ...


class Store(BatchStore, Protocol):
    """Everything a backend offers; the CLI, the API, the web pages and the Python API use only
    this (``open_store`` gives a ``SqliteStore`` or a ``PostgresStore``, both implement it, and
    ``tests/store/test_parity.py`` checks they answer alike)."""

    path: str
    schema_version: int

    # --- writing ---------------------------------------------------------------------------
    def has(self, article_id: str) -> bool: ...
    def add_batch(self, results: Sequence[Extraction | ErrorRecord]) -> BatchReport:
        """Articles and facts only; ``pipeline.store_batch`` adds what is derived."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # --- articles --------------------------------------------------------------------------
    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, current_only: bool = True
    ) -> list[SearchHit]: ...
    def find(self, text: str, *, limit: int = 10) -> Found:
        """The one search box: quotes (content or speaker), events, agreements, articles."""
        ...

    def get(self, article_id: str) -> StoredArticle: ...
    def ids(self, *, current_only: bool = True) -> list[str]: ...
    def extractions(self, ids: Iterable[str] | None = None) -> Iterable[Extraction]: ...
    def errors(self, limit: int = 100) -> list[ErrorRecord]: ...
    def stats(self) -> StoreStats: ...

    # --- facts across articles -------------------------------------------------------------
    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        since: dt.date | None = None,
        mode: str | None = None,
        limit: int = 100,
    ) -> list[QuoteRow]: ...
    def credits(
        self, *, source: str | None = None, since: dt.date | None = None, limit: int = 100
    ) -> list[CreditRow]: ...
    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        status: str | None = None,
        limit: int = 1000,
    ) -> list[EventHit]: ...
    def agreements(
        self, *, status: str | None = None, party: str | None = None
    ) -> list[AgreementRecord]: ...
    def agreement(self, agreement_id: str) -> AgreementRecord | None: ...
    def entities(
        self, *, etype: str | None = None, query: str | None = None, limit: int = 50
    ) -> list[CanonEntity]: ...
    def entity(self, ref: str) -> CanonEntity: ...
    def stories(self) -> list[StorySummary]: ...
    def story_members(self, story_id: str | None = None) -> list[StoryMember]: ...
    def story_paths(self) -> list[tuple[str, str]]: ...
    def timeline(
        self, *, story: str | None = None, entity: str | None = None, agreement: str | None = None
    ) -> list[TimelineEntry]: ...
