"""Server-rendered HTML pages (Jinja2, autoescaped). Reading works without JavaScript."""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newskb.api.db import ReadPool
from newskb.api.params import DAY, EVENT_STATUSES, QUOTE_MODE_CHOICES, Cursor, Limit, Text, given
from newskb.errors import NotFound
from newskb.model import QUOTE_MODES
from newskb.store import read
from newskb.store.sql.search import FIND_COUNT_CAP
from newskb.web.chart import charts
from newskb.web.highlight import (
    entity_href,
    entity_key,
    marks_for,
    paragraphs,
    parts,
    snippet_html,
)
from newskb.web.timeline import paginate

# PLOVER's sixteen event types, the values the events page offers to filter on
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
Day = Annotated[str | None, Query(pattern=f"^({DAY})?$")]  # a blank form field is allowed
PART_CHARS = 50_000  # an article page shows at most about this much text
FACTS_CAP = 300  # and at most this many quotes, times, events, entities
FIND_LIMIT = 10  # the search box shows this many of each kind, then links to the full lists


def templates() -> Jinja2Templates:
    folder = str(resources.files("newskb.web") / "templates")
    t = Jinja2Templates(directory=folder)
    t.env.autoescape = True
    t.env.globals["entity_href"] = entity_href
    t.env.globals["event_types"] = EVENT_TYPES
    t.env.globals["snippet_html"] = lambda s: snippet_html(s, read.HIT_OPEN, read.HIT_CLOSE)
    return t


def page_router(pool: ReadPool, tpl: Jinja2Templates) -> APIRouter:
    r = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    def render(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        return tpl.TemplateResponse(request, name, ctx)

    @r.get("/")
    def search(
        request: Request,
        q: Text = None,
        outlet: Text = None,
        since: Day = None,
        until: Day = None,
        entity: Text = None,
        cursor: Cursor = None,
        limit: Limit = 20,
    ) -> HTMLResponse:
        c = pool.store()
        form = {"q": q, "outlet": outlet, "since": since, "until": until, "entity": entity}
        rows, nxt = c.list_articles(cursor=cursor, limit=limit, **given(**form))
        more = {k: v for k, v in form.items() if v} | ({"limit": limit} if limit != 20 else {})
        return render(
            request,
            "search.html",
            rows=rows,
            form=form,
            next_cursor=nxt,
            more=more,
            outlets=c.outlets(),
        )

    @r.get("/search")
    def find(request: Request, q: Text = None) -> HTMLResponse:
        """The one search box: quotes, events, agreements and articles (``Store.find``)."""
        found = pool.store().find(q or "", limit=FIND_LIMIT) if (q or "").strip() else None
        return render(
            request, "find.html", q=q or "", onebox_q=q or "", found=found,
            counts=dict(found.counts) if found else {}, cap=FIND_COUNT_CAP,
        )  # fmt: skip

    @r.get("/articles/{article_id}")
    def article(
        request: Request,
        article_id: Annotated[str, Path(max_length=64)],
        part: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        """An article, highlighted; a long one in parts of ``PART_CHARS`` characters, each with
        its own facts (at most ``FACTS_CAP`` of a kind), so every page answers quickly."""
        stored = pool.store().get_article(article_id)
        x = stored.extraction
        text = x.article.text
        cuts = parts(text, PART_CHARS)
        if part > len(cuts):
            raise NotFound(f"article {article_id!r} has {len(cuts)} part(s), not {part}")
        lo, hi = cuts[part - 1]
        whole = len(cuts) == 1
        shown = dataclasses.replace(
            x,
            quotes=tuple(q for q in x.quotes if whole or lo <= q.content.start < hi)[:FACTS_CAP],
            times=tuple(t for t in x.times if whole or lo <= t.start < hi)[:FACTS_CAP],
            events=tuple(v for v in x.events if whole or lo <= v.trigger.start < hi)[:FACTS_CAP],
            entities=x.entities[:FACTS_CAP],
        )
        marks = marks_for(x, lo, hi)
        names = {e.id: e for e in x.entities}
        keys = {e.id: entity_key(e.kb_id, e.name) for e in x.entities}
        totals = {k: len(getattr(x, k)) for k in ("quotes", "times", "events", "entities")}
        return render(
            request,
            "article.html",
            x=shown,
            a=x.article,
            stored=stored,
            paragraphs=paragraphs(text, marks, lo, hi),
            names=names,
            keys=keys,
            part=part,
            parts=len(cuts),
            totals=totals,
        )

    @r.get("/entities")
    def entities(
        request: Request,
        q: Text = None,
        type: Text = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> HTMLResponse:
        rows, nxt = pool.store().list_entities(
            q=q or None, type=type or None, cursor=cursor, limit=limit
        )
        more = {k: v for k, v in {"q": q, "type": type, "limit": limit}.items() if v}
        return render(
            request, "entities.html", rows=rows, q=q, type=type, next_cursor=nxt, more=more
        )

    @r.get("/entities/{key:path}")
    def entity(request: Request, key: Annotated[str, Path(max_length=300)]) -> HTMLResponse:
        c = pool.store()
        row = c.get_entity(key)
        quotes = c.list_quotes(entity=key, limit=read.MAX_LIMIT, oldest_first=True)[0]
        by_day: dict[str, list[Any]] = {}
        for q in quotes:
            by_day.setdefault(q.published or "undated", []).append(q)
        items = c.timeline_items(entity=key)
        return render(
            request,
            "entity.html",
            e=row,
            aliases=c.aliases(key),
            roles=c.roles(key),
            by_day=by_day,
            articles=c.list_articles(entity=key, limit=50)[0],
            about=c.list_quotes(about=key, limit=20)[0],
            events=c.list_events(actor=key, limit=50)[0],
            chart=charts(items, f"Timeline of {row.name}"),
        )

    @r.get("/quotes")
    def quotes(
        request: Request,
        q: Text = None,
        speaker: Text = None,
        about: Text = None,
        since: Day = None,
        until: Day = None,
        mode: Annotated[str | None, Query(pattern=f"^(|{QUOTE_MODE_CHOICES})$")] = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> HTMLResponse:
        form = {"q": q, "speaker": speaker, "about": about, "since": since, "until": until}
        form["mode"] = mode
        filters = given(**form)
        filters["text"] = filters.pop("q")
        rows, nxt = pool.store().list_quotes(cursor=cursor, limit=limit, **filters)
        more = {k: v for k, v in form.items() if v} | {"limit": limit}
        return render(
            request, "quotes.html", rows=rows, form=form, next_cursor=nxt, more=more,
            modes=QUOTE_MODES,
        )  # fmt: skip

    @r.get("/events")
    def events(
        request: Request,
        q: Text = None,
        type: Text = None,
        actor: Text = None,
        status: Annotated[str | None, Query(pattern=f"^(|{EVENT_STATUSES})$")] = None,
        since: Day = None,
        until: Day = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> HTMLResponse:
        form = {"q": q, "type": type, "actor": actor, "status": status, "since": since}
        form["until"] = until
        filters = given(**form)
        filters["text"] = filters.pop("q")
        rows, nxt = pool.store().list_events(cursor=cursor, limit=limit, **filters)
        more = {k: v for k, v in form.items() if v} | {"limit": limit}
        return render(request, "events.html", rows=rows, form=form, next_cursor=nxt, more=more)

    @r.get("/stories")
    def stories(request: Request) -> HTMLResponse:
        c = pool.store()
        has = c.list_stories(1) or c.table_exists("stories")
        return render(request, "stories.html", rows=c.list_stories(200), has=has)

    @r.get("/stories/{story_id}")
    def story(
        request: Request,
        story_id: Annotated[str, Path(max_length=64)],
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        c = pool.store()
        row = c.get_story(story_id)
        arts = c.story_articles(story_id)
        items = c.timeline_items(articles=[a.id for a in arts])
        return render(
            request,
            "story.html",
            s=row,
            articles=arts,
            tl=paginate(items, page),
            chart=charts(items, f"Timeline of the story {row.title or row.id}"),
        )

    @r.get("/agreements")
    def agreements(request: Request) -> HTMLResponse:
        return render(request, "agreements.html", rows=pool.store().list_agreements(200))

    @r.get("/agreements/{agreement_id}")
    def agreement(
        request: Request, agreement_id: Annotated[str, Path(max_length=64)]
    ) -> HTMLResponse:
        row, history = pool.store().get_agreement(agreement_id)
        return render(
            request,
            "agreement.html",
            g=row,
            tl=paginate(history, 1, size=len(history) or 1),
            chart=charts(history, f"History of the agreement: {row.object}"),
        )

    return r
