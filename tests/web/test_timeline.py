"""Timeline rows and chart: one row per sentence, undated folded, pages, a chart that scales."""

from __future__ import annotations

import datetime as dt
import re

from newskb.model import TimelineItem
from newskb.web.chart import ticks, timeline_svg
from newskb.web.timeline import PAGE, paginate, rows


def _item(
    when: str | None, label: str, text: str, aid: str = "a1", kind: str = "event"
) -> TimelineItem:
    return TimelineItem(when, kind, label, text, aid, None)  # type: ignore[arg-type]


def test_a_sentence_with_two_events_is_one_row() -> None:
    s = "Troops shelled the town and arrested two men."
    got = rows([_item("2025-04-01", "ASSAULT (occurred): A", s),
                _item("2025-04-01", "COERCE (occurred): A → B", s),
                _item("2025-04-01", "ASSAULT (occurred): A", s)])  # fmt: skip
    assert len(got) == 1
    assert [label for _, label in got[0].facts] == [
        "ASSAULT (occurred): A",
        "COERCE (occurred): A → B",
    ]


def test_undated_rows_are_apart_and_pages_are_bounded() -> None:
    day = dt.date(2025, 1, 1)
    items = [_item((day + dt.timedelta(days=n % 300)).isoformat(), "AID (occurred): X", f"s{n}")
             for n in range(1000)] + [_item(None, "AID (planned): X", "later")]  # fmt: skip
    first = paginate(items)
    assert len(first.rows) == PAGE and first.pages == -(-1000 // PAGE) and first.page == 1
    assert [r.text for r in first.undated] == ["later"]
    last = paginate(items, page=10**6)  # clamped, never empty
    assert last.page == last.pages and last.rows


def test_chart_of_ten_thousand_items_stays_small_with_a_real_axis() -> None:
    day = dt.date(2024, 1, 1)
    types = [
        "ASSAULT",
        "AID",
        "AGREE",
        "CONSULT",
        "PROTEST",
        "REQUEST",
        "ACCUSE",
        "SUPPORT",
        "COERCE",
        "REJECT",
    ]
    items = [_item((day + dt.timedelta(days=n % 400)).isoformat(), f"{types[n % 10]} (occurred): X",
                   f"s{n}") for n in range(10_000)]  # fmt: skip
    svg = str(timeline_svg(items, "t"))
    assert svg.count("<circle") <= 8 * 401  # one mark per day and row
    assert len(svg) < 2_000_000
    assert "other events (3000)" in svg  # ten types: the rarest three folded into one row
    labels = re.findall(r'text-anchor="middle">([^<]+)<', svg)
    assert 6 <= len(labels) <= 14 and labels[0] == "Mar 2024"  # every other month over 13


def test_ticks_follow_the_span() -> None:
    lo = dt.date(2025, 4, 1)
    assert len(ticks(lo, lo + dt.timedelta(days=5))) == 6  # days
    weekly = ticks(lo, lo + dt.timedelta(days=60))
    assert all(d.weekday() == 0 for d, _ in weekly) and 5 <= len(weekly) <= 12
    assert next(lb for _, lb in ticks(dt.date(2001, 3, 1), dt.date(2025, 1, 1))) == "2002"
