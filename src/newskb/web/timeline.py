"""Timeline rows people can read: one row per source sentence (the events and statements it
holds listed together, never the sentence once per event), dated rows first in date order,
undated ones folded apart, and pages of a bounded size so a story of any length stays short."""

from __future__ import annotations

from dataclasses import dataclass

from newskb.model import TimelineItem

PAGE = 60  # dated rows per page: a 200-article story stays a few thousand pixels tall


@dataclass(frozen=True, slots=True)
class Row:
    """One sentence of one article on a timeline, with what it says happened."""

    when: str | None
    article_id: str
    text: str
    facts: tuple[tuple[str, str], ...]  # (kind, label): "event", "ASSAULT (occurred): A → B"


@dataclass(frozen=True, slots=True)
class TimelinePage:
    rows: tuple[Row, ...]
    undated: tuple[Row, ...]
    page: int
    pages: int
    total: int


def rows(items: list[TimelineItem]) -> list[Row]:
    """Items grouped by (date, article, sentence), in the order they first appear."""
    grouped: dict[tuple[str | None, str, str], list[tuple[str, str]]] = {}
    for i in items:
        facts = grouped.setdefault((i.when, i.article_id, i.text), [])
        if (i.kind, i.label) not in facts:
            facts.append((i.kind, i.label))
    return [Row(when, aid, text, tuple(f)) for (when, aid, text), f in grouped.items()]


def paginate(items: list[TimelineItem], page: int = 1, size: int = PAGE) -> TimelinePage:
    """Page ``page`` (1-based, clamped) of the dated rows, and every undated row apart."""
    every = rows(items)
    dated = [r for r in every if r.when]
    undated = tuple(r for r in every if not r.when)
    pages = max(1, -(-len(dated) // size))
    page = min(max(page, 1), pages)
    return TimelinePage(
        tuple(dated[(page - 1) * size : page * size]), undated, page, pages, len(every)
    )
