"""What both stores share over ``self.db``: the lifecycle and batch entry points
(``StoreBasics``) and the read queries (the ``Store`` protocol's reading side,
``store/base.py``): quotes, credits, events, agreements, entities, stories and timelines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Self

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
    StoryMember,
    StorySummary,
    TimelineEntry,
)
from newskb.store.sql import Db


class StoreBasics:
    """Mixed into ``SqliteStore`` and ``PostgresStore``: closing, the context manager, ``has``
    and ``add_batch``; each backend brings its own connection and ``batch()`` transaction."""

    conn: Any
    db: Db

    def batch(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        return self.db.one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def add_batch(self, results: Sequence[Extraction | ErrorRecord]) -> BatchReport:
        """Store one batch atomically: articles with all facts, and errors (nothing derived:
        ``pipeline.store_batch`` adds the canon, ledger and stories)."""
        with self.batch() as b:
            report: BatchReport = b.write(results)[0]
            return report


class SqlQueries:
    """Mixed into ``SqliteStore`` and ``PostgresStore``: every read query over ``self.db``."""

    db: Db
    conn: Any

    def find(self, text: str, *, limit: int = 10) -> Found:
        """The one search box: quotes, events, agreements and articles matching ``text``
        (``store.sql.search``), the CLI's ``search --all``, the web's ``/search``."""
        from newskb.store.sql.search import find

        return find(self.conn, text, limit=limit)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        since: dt.date | None = None,
        mode: str | None = None,
        limit: int = 100,
    ) -> list[QuoteRow]:
        """Who said what: the one quote query (the CLI's, the API's and the web page's)."""
        from newskb.store.sql.quotes import find_quotes

        return find_quotes(
            self.db, speaker=speaker, about=about, since=since, mode=mode, limit=limit
        )

    def credits(
        self, *, source: str | None = None, since: dt.date | None = None, limit: int = 100
    ) -> list[CreditRow]:
        from newskb.store.sql.credits import find_credits

        return find_credits(self.db, source=source, since=since, limit=limit)

    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        status: str | None = None,
        limit: int = 1000,
    ) -> list[EventHit]:
        from newskb.store.sql.ledger import find_events

        return find_events(self.db, type=type, actor=actor, since=since, status=status, limit=limit)

    def agreements(
        self, *, status: str | None = None, party: str | None = None
    ) -> list[AgreementRecord]:
        from newskb.store.sql.ledger import agreements

        return agreements(self.db, status=status, party=party)

    def agreement(self, agreement_id: str) -> AgreementRecord | None:
        from newskb.store.sql.ledger import get

        return get(self.db, agreement_id)

    def entities(
        self, *, etype: str | None = None, query: str | None = None, limit: int = 50
    ) -> list[CanonEntity]:
        from newskb.store.sql.canon import listing

        return listing(self.db, etype, query, limit)

    def entity(self, ref: str) -> CanonEntity:
        from newskb.store.sql.canon import show

        return show(self.db, ref)

    def stories(self) -> list[StorySummary]:
        from newskb.store.sql.stories import summaries

        return summaries(self.db)

    def story_members(self, story_id: str | None = None) -> list[StoryMember]:
        from newskb.store.sql.stories import SqlStories
        from newskb.stories.edit import members

        return members(SqlStories(self.db), story_id)

    def story_paths(self) -> list[tuple[str, str]]:
        """(path, story id) of every current article with a story, in arrival order."""
        from newskb.store.sql.stories import article_paths

        return article_paths(self.db)

    def timeline(
        self, *, story: str | None = None, entity: str | None = None, agreement: str | None = None
    ) -> list[TimelineEntry]:
        """The timeline of exactly one of a story, an entity or an agreement."""
        from newskb.store.sql import timeline as tl

        if story is not None:
            return tl.story(self.db, story)
        if entity is not None:
            return tl.entity(self.db, entity)
        return tl.agreement(self.db, agreement or "")
