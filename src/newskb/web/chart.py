"""A timeline chart as inline SVG, drawn on the server (no script, no external asset)."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from newskb.model import TimelineItem

WIDTH, ROW, PAD = 760, 34, 40
KINDS = ("event", "quote", "agreement", "article")


def _day(when: str | None) -> dt.date | None:
    if not when:
        return None
    try:
        return dt.date.fromisoformat(when[:10])
    except ValueError:
        return None


def timeline_svg(items: list[TimelineItem], title: str) -> Markup:
    """Dots on a date axis, one row per kind; each dot has a tooltip and a link to its source."""
    dated = [(d, i) for i in items if (d := _day(i.when)) is not None]
    if not dated:
        return Markup("")
    lo = min(d for d, _ in dated)
    hi = max(d for d, _ in dated)
    span = max((hi - lo).days, 1)
    rows = [k for k in KINDS if any(i.kind == k for _, i in dated)]
    height = PAD * 2 + ROW * len(rows)
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for n, kind in enumerate(rows):
        y = PAD + ROW * n + ROW // 2
        out.append(
            f'<text x="4" y="{y + 4}" class="axis">{kind}</text>'
            f'<line x1="90" x2="{WIDTH - 20}" y1="{y}" y2="{y}" class="grid"/>'
        )
    base_y = PAD + ROW * len(rows) + 14
    out.append(f'<text x="90" y="{base_y}" class="axis">{lo.isoformat()}</text>')
    if hi != lo:
        out.append(
            f'<text x="{WIDTH - 20}" y="{base_y}" class="axis" text-anchor="end">'
            f"{hi.isoformat()}</text>"
        )
    seen: dict[tuple[int, int], int] = {}
    for d, item in dated:
        x = 90 + int((WIDTH - 130) * (d - lo).days / span)
        row = rows.index(item.kind)
        stack = seen.get((x, row), 0)
        seen[(x, row)] = stack + 1
        y = PAD + ROW * row + ROW // 2 - min(stack, 3) * 5
        tip = f"{item.when} · {item.label}: {item.text[:160]}"
        out.append(
            f'<a href="/articles/{escape(item.article_id)}">'
            f'<circle cx="{x}" cy="{y}" r="6" class="dot dot-{item.kind}">'
            f"<title>{escape(tip)}</title></circle></a>"
        )
    out.append("</svg>")
    return Markup("".join(out))
