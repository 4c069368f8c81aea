"""The position indexes that replaced whole scans (issue 23: thousands of quotes cost
candidates x regions) answer exactly what the scans answered, on random layouts."""

from __future__ import annotations

import random

from newskb.extract.quotes.assemble import _ByPlace
from newskb.extract.quotes.direct import Region
from newskb.extract.quotes.speaker import EntityIndex
from newskb.extract.times import _select
from newskb.extract.times.rules import Found


def _regions(rng: random.Random) -> list[Region]:
    out = []
    for _ in range(rng.randint(0, 30)):
        s = rng.randint(0, 300)
        e = s + rng.randint(1, 40)
        out.append(Region(((s, e),), closed=True, nested=rng.random() < 0.3))
    return sorted(out, key=lambda r: (r.start, -r.end))


def test_regions_by_place_match_a_scan() -> None:
    rng = random.Random(23)
    for _ in range(300):
        regions = _regions(rng)
        places = _ByPlace(regions)
        for _ in range(20):
            a = rng.randint(-5, 340)
            b = a + rng.randint(1, 60)
            scan = [k for k, r in enumerate(regions) if r.start < b and r.end > a]
            assert places.overlapping(a, b) == scan
            before = [k for k, r in enumerate(regions) if not r.nested and r.end <= a]
            after = [k for k, r in enumerate(regions) if not r.nested and r.start > a]
            assert places.outer_before(a) == (before[-1] if before else None)
            assert places.outer_after(a) == (after[0] if after else None)


def test_mentions_at_match_a_scan() -> None:
    rng = random.Random(24)
    for _ in range(200):
        rows = sorted(
            (s, s + rng.randint(1, 30), f"E{rng.randint(1, 5)}", "PERSON", "name")
            for s in (rng.randint(0, 400) for _ in range(rng.randint(0, 40)))
        )
        index = EntityIndex(tuple(r[0] for r in rows), tuple(rows), {})
        fast = EntityIndex(index.starts, index.mentions, {}, _reach(rows))
        for _ in range(20):
            a = rng.randint(0, 420)
            b = a + rng.randint(1, 50)
            assert fast.at(a, b) == index.at(a, b)


def _reach(rows: list[tuple[int, int, str, str, str]]) -> tuple[int, ...]:
    out: list[int] = []
    for r in rows:
        out.append(max(out[-1], r[1]) if out else r[1])
    return tuple(out)


def test_time_spans_select_as_the_scan_did() -> None:
    rng = random.Random(25)
    for _ in range(300):
        found = []
        for _ in range(rng.randint(0, 25)):
            s = rng.randint(0, 200)
            found.append(Found(s, s + rng.randint(1, 30), "DATE", "x", rank=rng.randint(0, 3)))
        want = sorted(found, key=lambda f: (-(f.end - f.start), -f.rank, f.start))
        taken: list[Found] = []
        for f in want:
            if all(f.end <= t.start or f.start >= t.end for t in taken):
                taken.append(f)
        taken.sort(key=lambda f: f.start)
        assert _select(list(found)) == taken
