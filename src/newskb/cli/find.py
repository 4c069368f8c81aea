"""``newskb search --all``: the one search box's answer (``Store.find``, as the web page
``/search`` shows it) as rows, one per hit: its kind, the article it comes from, when, who
and what."""

from __future__ import annotations

from typing import Any

from newskb.model import Found
from newskb.store.read import HIT_CLOSE, HIT_OPEN

COLUMNS = ["kind", "when", "who", "what", "article", "id"]


def found_rows(found: Found) -> list[dict[str, Any]]:
    """Every hit of ``found``, quotes first, then events, agreements and articles."""
    rows: list[dict[str, Any]] = []
    for q in found.quotes:
        rows.append(
            {"kind": "quote", "when": q.published, "who": q.speaker, "what": q.content,
             "article": q.article_id, "id": q.id}
        )  # fmt: skip
    for v in found.events:
        who = ", ".join(v.actors) + " → " + ", ".join(v.recipients) if v.actors else ""
        rows.append(
            {"kind": "event", "when": v.when or v.published, "who": who,
             "what": f"{v.type} {v.trigger}", "article": v.article_id, "id": v.id}
        )  # fmt: skip
    for g in found.agreements:
        rows.append(
            {"kind": "agreement", "when": g.date, "who": ", ".join(g.parties),
             "what": f"{g.object} ({g.status})", "article": None, "id": g.id}
        )  # fmt: skip
    for a in found.articles:
        snip = (a.snippet or "").replace(HIT_OPEN, "[").replace(HIT_CLOSE, "]")
        rows.append(
            {"kind": "article", "when": a.published, "who": a.source or a.dateline_agency,
             "what": a.title or snip, "article": a.id, "id": a.id}
        )  # fmt: skip
    return rows


def counts_line(found: Found, cap: int) -> str:
    """``quotes 6 · events 8 · …`` (a count past the cap as ``>cap``)."""
    return " · ".join(f"{k} {n if n <= cap else f'>{cap}'}" for k, n in found.counts)
