"""A timeline chart as inline SVG, drawn on the server (no script, no external asset).

One row per event type (statements, agreement steps and articles each a row of their own), a
real date axis with ticks per day, week, month or year as the span needs, and one mark per day
and row whose size grows with how many items it holds, so the chart reads the same at 10 and at
10,000 items."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from markupsafe import Markup, escape

from newskb.model import TimelineItem

WIDTH, ROW, PAD, LEFT, RIGHT = 760, 30, 24, 110, 20
NARROW = 380  # the phone chart's width: drawn 1:1 at 390 px, so its 12 px text stays 12 px
MAX_ROWS = 8
OTHER = "other events"


def _day(when: str | None) -> dt.date | None:
    if not when:
        return None
    try:
        return dt.date.fromisoformat(when[:10])
    except ValueError:
        return None


def row_of(item: TimelineItem) -> str:
    """The chart row: an event's PLOVER type, else its kind ("quote", "agreement", ...)."""
    if item.kind == "event":
        head = item.label.split(" ", 1)[0]
        return head if head.isupper() else "event"
    return {"quote": "statements"}.get(item.kind, item.kind)


def ticks(lo: dt.date, hi: dt.date, most: int = 12) -> list[tuple[dt.date, str]]:
    """Axis ticks between ``lo`` and ``hi``: days, Mondays, month starts or years, <= ~most."""
    span = (hi - lo).days
    out: list[tuple[dt.date, str]] = []
    if span <= 12:
        every = max(1, math.ceil((span + 1) / most))
        out = [(lo + dt.timedelta(days=n), (lo + dt.timedelta(days=n)).strftime("%d %b"))
               for n in range(0, span + 1, every)]  # fmt: skip
    elif span <= 90:
        d = lo + dt.timedelta(days=(7 - lo.weekday()) % 7)
        step = 7 * max(1, math.ceil(span / 7 / most))
        while d <= hi:
            out.append((d, d.strftime("%d %b")))
            d += dt.timedelta(days=step)
    elif span <= 3 * 366:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        step = max(1, math.ceil(months / most))
        y, m = lo.year, lo.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            d = dt.date(y, m, 1)
            if d > hi:
                break
            if ((y - lo.year) * 12 + m - lo.month) % step == 0:
                out.append((d, d.strftime("%b %Y")))
    else:
        step = max(1, math.ceil((hi.year - lo.year) / most))
        out = [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    return out


def timeline_svg(items: list[TimelineItem], title: str, *, narrow: bool = False) -> Markup:
    """Marks on a date axis, one row per type; each mark has a tooltip and a link to a source.

    ``narrow``: the phone version (``NARROW`` wide, at most 4 ticks), shown instead of the
    wide one below 40rem (``static/style.css``), so the axis text is never scaled down."""
    full = NARROW if narrow else WIDTH
    uid = "chart-n" if narrow else "chart"
    dated = [(d, i) for i in items if (d := _day(i.when)) is not None]
    if not dated:
        return Markup("")
    lo = min(d for d, _ in dated)
    hi = max(d for d, _ in dated)
    span = max((hi - lo).days, 1)
    count: dict[str, int] = defaultdict(int)
    for _, i in dated:
        count[row_of(i)] += 1
    names = sorted(count, key=lambda k: (-count[k], k))
    if len(names) > MAX_ROWS:
        folded = sum(count[k] for k in names[MAX_ROWS - 1 :])
        names = [*names[: MAX_ROWS - 1], OTHER]
        count[OTHER] = folded  # the folded row says how many it holds too
    height = PAD * 2 + ROW * len(names) + 10
    right = RIGHT + 12 if narrow else RIGHT  # room for half the last tick's label
    width = full - LEFT - right

    def x_of(d: dt.date) -> int:
        return LEFT + round(width * (d - lo).days / span) if hi != lo else LEFT + width // 2

    out = [
        f'<svg class="chart {"chart-narrow" if narrow else "chart-wide"}" '
        f'viewBox="0 0 {full} {height}" role="img" '
        f'aria-labelledby="{uid}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-title">{escape(title)}</title>',
    ]
    for n, name in enumerate(names):
        y = PAD + ROW * n + ROW // 2
        out.append(
            f'<text x="4" y="{y + 4}" class="axis">{escape(name)} ({count.get(name, 0) or ""})'
            f'</text><line x1="{LEFT}" x2="{full - right}" y1="{y}" y2="{y}" class="grid"/>'
        )
    base = PAD + ROW * len(names)
    for d, label in ticks(lo, hi, 4 if narrow else 12) or [(lo, lo.isoformat())]:
        x = x_of(d)
        out.append(
            f'<line x1="{x}" x2="{x}" y1="{PAD}" y2="{base}" class="grid tick"/>'
            f'<text x="{x}" y="{base + 16}" class="axis" text-anchor="middle">{label}</text>'
        )
    marks: dict[tuple[dt.date, str], list[TimelineItem]] = defaultdict(list)
    for d, item in dated:
        name = row_of(item)
        marks[(d, name if name in names else OTHER)].append(item)
    for (d, name), held in sorted(marks.items()):
        y = PAD + ROW * names.index(name) + ROW // 2
        r = min(4 + 2 * math.log2(len(held)), 12)
        first = held[0]
        tip = f"{d.isoformat()} · {len(held)} item{'s' if len(held) != 1 else ''}: " + "; ".join(
            f"{i.label}: {i.text[:80]}" for i in held[:3]
        )
        out.append(
            f'<a href="/articles/{escape(first.article_id)}">'
            f'<circle cx="{x_of(d)}" cy="{y}" r="{r:.1f}" class="dot dot-{escape(first.kind)}">'
            f"<title>{escape(tip)}</title></circle></a>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def charts(items: list[TimelineItem], title: str) -> Markup:
    """The wide chart and the phone chart (CSS shows the one that fits)."""
    return timeline_svg(items, title) + timeline_svg(items, title, narrow=True)
