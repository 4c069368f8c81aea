"""Per-article lookups of times and quotes by offset, built once per article.

``extract_events`` asks, for every event, which time lies on its line and which quote holds
its trigger; scanning every time and quote each time is quadratic in a long article (a 1 MB
live blog has ~10k events, ~5k times and quotes). These answer exactly as the scans did, in
about log time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from newskb.model import Quote, TimeExpr


class Times:
    """``times`` (in their order) found by the line they lie on, and by id."""

    def __init__(self, times: tuple[TimeExpr, ...]) -> None:
        self.times = times
        self.order = sorted(range(len(times)), key=lambda i: times[i].start)
        self.starts = [times[i].start for i in self.order]
        self.by_id: dict[str, TimeExpr] = {}
        for t in times:
            self.by_id.setdefault(t.id, t)

    def inside(self, lo: int, hi: int) -> list[TimeExpr]:
        """The times with ``lo <= start`` and ``end <= hi``, in their original order."""
        a, b = bisect_left(self.starts, lo), bisect_left(self.starts, hi + 1)
        picked = sorted(i for i in self.order[a:b] if self.times[i].end <= hi)
        return [self.times[i] for i in picked]

    def get(self, time_id: str | None) -> TimeExpr | None:
        return self.by_id.get(time_id) if time_id else None


class Quotes:
    """The first quote (in their order) whose content holds a character offset."""

    def __init__(self, quotes: tuple[Quote, ...]) -> None:
        pieces: list[tuple[int, int, int]] = []  # (start, end, quote index)
        for qi, q in enumerate(quotes):
            for s, e in q.content.fragments or ((q.content.start, q.content.end),):
                pieces.append((s, e, qi))
        pieces.sort()
        self.quotes = quotes
        self.pieces = pieces
        self.starts = [p[0] for p in pieces]
        self.reach: list[int] = []  # the furthest end among pieces[:i + 1]
        far = -1
        for _s, e, _q in pieces:
            far = max(far, e)
            self.reach.append(far)

    def holding(self, offset: int) -> str | None:
        best: int | None = None
        j = bisect_right(self.starts, offset) - 1
        while j >= 0 and self.reach[j] > offset:
            s, e, qi = self.pieces[j]
            if s <= offset < e and (best is None or qi < best):
                best = qi
            j -= 1
        return self.quotes[best].id if best is not None else None
