"""The paged read queries the API and the web pages show (cursors, page rows), as methods of
both stores: ``newskb.store.read*`` hold the SQL, over the store's own connection."""

from __future__ import annotations

from typing import Any

from newskb.model import (
    AgreementRow,
    ArticleRow,
    EntityRow,
    EventRow,
    QuoteRow,
    RoleRow,
    StoredArticle,
    StoryRow,
    TimelineItem,
)


class PageQueries:
    """Mixed into ``SqliteStore`` and ``PostgresStore`` (``self.conn``: sqlite3 or psycopg)."""

    conn: Any

    def list_articles(self, **filters: Any) -> tuple[list[ArticleRow], str | None]:
        from newskb.store import read

        return read.list_articles(self.conn, **filters)

    def article_json(self, article_id: str) -> str:
        from newskb.store import read

        return read.article_json(self.conn, article_id)

    def get_article(self, article_id: str) -> StoredArticle:
        from newskb.store import read

        return read.get_article(self.conn, article_id)

    def outlets(self, limit: int = 200) -> list[str]:
        from newskb.store import read

        return read.outlets(self.conn, limit)

    def table_exists(self, name: str) -> bool:
        from newskb.store import read

        return read.table_exists(self.conn, name)

    def list_quotes(self, **filters: Any) -> tuple[list[QuoteRow], str | None]:
        """A page of the one quote query (``store.sql.quotes``), newest first by default."""
        from newskb.store import read

        return read.list_quotes(self.conn, **filters)

    def list_events(self, **filters: Any) -> tuple[list[EventRow], str | None]:
        from newskb.store import read

        return read.list_events(self.conn, **filters)

    def list_entities(self, **filters: Any) -> tuple[list[EntityRow], str | None]:
        from newskb.store import read_entities

        return read_entities.list_entities(self.conn, **filters)

    def get_entity(self, key: str) -> EntityRow:
        from newskb.store import read_entities

        return read_entities.get_entity(self.conn, key)

    def aliases(self, key: str, limit: int = 50) -> list[str]:
        from newskb.store import read_entities

        return read_entities.aliases(self.conn, key, limit)

    def roles(self, key: str, limit: int = 200) -> list[RoleRow]:
        from newskb.store import read_entities

        return read_entities.roles(self.conn, key, limit)

    def list_stories(self, limit: int = 100) -> list[StoryRow]:
        from newskb.store import read_timelines

        return read_timelines.list_stories(self.conn, limit)

    def get_story(self, story_id: str) -> StoryRow:
        from newskb.store import read_timelines

        return read_timelines.get_story(self.conn, story_id)

    def story_articles(self, story_id: str) -> list[ArticleRow]:
        from newskb.store import read_timelines

        return read_timelines.story_articles(self.conn, story_id)

    def timeline_items(
        self, *, articles: list[str] | None = None, entity: str | None = None
    ) -> list[TimelineItem]:
        from newskb.store import read_timelines

        return read_timelines.timeline(self.conn, articles=articles, entity=entity)

    def list_agreements(self, limit: int = 100) -> list[AgreementRow]:
        from newskb.store import read_timelines

        return read_timelines.list_agreements(self.conn, limit)

    def get_agreement(self, agreement_id: str) -> tuple[AgreementRow, list[TimelineItem]]:
        from newskb.store import read_timelines

        return read_timelines.get_agreement(self.conn, agreement_id)
