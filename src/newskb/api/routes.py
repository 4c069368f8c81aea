"""The read endpoints of the JSON API (``/api/...``)."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from newskb.api.db import ReadPool
from newskb.api.params import DAY, EVENT_STATUSES, Cursor, Limit, QuoteModeParam, Text
from newskb.api.schemas import (
    AgreementDetail,
    ArticleDetail,
    EntityDetail,
    ErrorBody,
    Page,
    StoryDetail,
)
from newskb.errors import BadRequest
from newskb.model import (
    AgreementRow,
    ArticleRow,
    EntityRow,
    EventRow,
    QuoteRow,
    StoryRow,
    TimelineItem,
)
from newskb.serialize import JSON, dumps
from newskb.store import read

Day = Annotated[str | None, Query(pattern=f"^{DAY}$", description="YYYY-MM-DD (inclusive)")]
Key = Annotated[str, Path(max_length=300, description="KB id (e.g. Q22686) or name")]
ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody},
    404: {"model": ErrorBody},
}


JSON_TYPE = "application/json"


def _json(obj: JSON) -> Response:
    return Response(dumps(obj), media_type=JSON_TYPE)


def snippet_text(snippet: str | None) -> str | None:
    if snippet is None:
        return None
    return snippet.replace(read.HIT_OPEN, "[").replace(read.HIT_CLOSE, "]")


def api_router(pool: ReadPool) -> APIRouter:
    r = APIRouter(prefix="/api", responses=ERRORS)

    # The two hottest endpoints run on the event loop (their queries are short and bounded)
    # and write their JSON directly; the schema is still documented in /openapi.json.
    @r.get(
        "/articles",
        response_model=None,
        responses={200: {"model": Page[ArticleRow]}},
        tags=["articles"],
    )
    async def articles(
        q: Text = None,
        outlet: Text = None,
        since: Day = None,
        until: Day = None,
        entity: Text = None,
        cursor: Cursor = None,
        limit: Limit = 20,
    ) -> Response:
        """Search articles: full text (ranked, with a snippet), outlet, date range, entity."""
        rows, nxt = pool.store().list_articles(
            q=q,
            outlet=outlet,
            since=since,
            until=until,
            entity=entity,
            cursor=cursor,
            limit=limit,
        )
        items = [
            dataclasses.asdict(dataclasses.replace(a, snippet=snippet_text(a.snippet)))
            for a in rows
        ]
        return _json({"items": items, "next_cursor": nxt})

    @r.get(
        "/articles/{article_id}",
        response_model=None,
        responses={200: {"model": ArticleDetail}},
        tags=["articles"],
    )
    async def article(article_id: Annotated[str, Path(max_length=64)]) -> Response:
        """One article with all its facts and their character offsets."""
        return Response(pool.store().article_json(article_id), media_type=JSON_TYPE)

    @r.get("/entities", response_model=Page[EntityRow], tags=["entities"])
    def entities(
        q: Text = None, type: Text = None, cursor: Cursor = None, limit: Limit = 20
    ) -> Page[EntityRow]:
        """Entities across articles, most reported first."""
        rows, nxt = pool.store().list_entities(q=q, type=type, cursor=cursor, limit=limit)
        return Page[EntityRow](items=rows, next_cursor=nxt)

    @r.get("/entities/{key:path}", response_model=EntityDetail, tags=["entities"])
    def entity(key: Key) -> EntityDetail:
        """An entity: aliases, roles over time, its quotes and the articles naming it."""
        c = pool.store()
        return EntityDetail(
            entity=c.get_entity(key),
            aliases=c.aliases(key),
            roles=c.roles(key),
            quotes=c.list_quotes(entity=key, limit=read.MAX_LIMIT)[0],
            articles=c.list_articles(entity=key, limit=read.MAX_LIMIT)[0],
        )

    @r.get("/quotes", response_model=Page[QuoteRow], tags=["quotes"])
    def quotes(
        speaker: Text = None,
        about: Text = None,
        since: Day = None,
        until: Day = None,
        mode: QuoteModeParam = None,
        cursor: Cursor = None,
        limit: Limit = 20,
    ) -> Page[QuoteRow]:
        """Who said what: by speaker, about an entity, in a date range, of one mode (speech,
        thought, intention, knowledge; newest first)."""
        rows, nxt = pool.store().list_quotes(
            speaker=speaker,
            about=about,
            since=since,
            until=until,
            mode=mode,
            cursor=cursor,
            limit=limit,
        )
        return Page[QuoteRow](items=rows, next_cursor=nxt)

    @r.get("/events", response_model=Page[EventRow], tags=["events"])
    def events(
        type: Text = None,
        actor: Text = None,
        status: Annotated[str | None, Query(pattern=f"^({EVENT_STATUSES})$")] = None,
        since: Day = None,
        until: Day = None,
        cursor: Cursor = None,
        limit: Limit = 20,
    ) -> Page[EventRow]:
        """Who did what to whom: by PLOVER type, actor or recipient, status, time range."""
        rows, nxt = pool.store().list_events(
            type=type,
            actor=actor,
            status=status,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )
        return Page[EventRow](items=rows, next_cursor=nxt)

    @r.get("/stories", response_model=list[StoryRow], tags=["stories"])
    def stories(limit: Limit = 100) -> list[StoryRow]:
        """Stories, most recent first (empty until the store has stories)."""
        return pool.store().list_stories(limit)

    @r.get("/stories/{story_id}", response_model=StoryDetail, tags=["stories"])
    def story(story_id: Annotated[str, Path(max_length=64)]) -> StoryDetail:
        """A story with its articles and timeline (ordered by event time)."""
        c = pool.store()
        row = c.get_story(story_id)
        arts = c.story_articles(story_id)
        line = c.timeline_items(articles=[a.id for a in arts])
        return StoryDetail(story=row, articles=arts, timeline=line)

    @r.get("/timeline", response_model=list[TimelineItem], tags=["stories"])
    def timeline(
        entity: Text = None, story: Text = None, agreement: Text = None
    ) -> list[TimelineItem]:
        """A timeline for one entity, story or agreement."""
        c = pool.store()
        if story:
            arts = c.story_articles(c.get_story(story).id)
            return c.timeline_items(articles=[a.id for a in arts])
        if agreement:
            return c.get_agreement(agreement)[1]
        if entity:
            return c.timeline_items(entity=entity)
        raise BadRequest("give one of entity, story or agreement")

    @r.get("/agreements", response_model=list[AgreementRow], tags=["agreements"])
    def agreements(limit: Limit = 100) -> list[AgreementRow]:
        """Agreements and commitments with their current status."""
        return pool.store().list_agreements(limit)

    @r.get("/agreements/{agreement_id}", response_model=AgreementDetail, tags=["agreements"])
    def agreement(agreement_id: Annotated[str, Path(max_length=64)]) -> AgreementDetail:
        """An agreement with its history, each step linked to the article behind it."""
        row, history = pool.store().get_agreement(agreement_id)
        return AgreementDetail(agreement=row, history=history)

    return r
