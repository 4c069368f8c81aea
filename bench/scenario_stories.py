"""Bench: assigning one new article to a story in a store of N synthetic articles.

The store is filled in bulk (stories, members, postings, document frequencies, MinHash bands:
what incremental assignment would have left), then new articles (half continue a stored story,
half start one) are assigned one at a time through the ingest hook's code path. Reports the
median and p95 latency per article (features, MinHash, candidates, scoring, writes) and the commit
per batch of 20 (the ingest hook runs once per stored batch). Default N is small enough for CI;
``--articles 1000000`` (or ``run(ctx)`` with ``ctx.full``) builds the 1M store (slow, not in CI).
A probe that joins a stored story makes it 6 articles long, a re-check size, so the cost of the
split re-check is inside these numbers (at its worst: every such join re-checks).

    python bench/scenario_stories.py [--articles 10000] [--probes 200]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newskb.model import (
    Article,
    Dateline,
    Entity,
    Extraction,
    Mention,
    StoryFeatures,
    StoryParams,
)
from newskb.store.migrate import migrate
from newskb.store.sql import SqliteDb
from newskb.store.sql.stories import SqlStories
from newskb.store.sqlite import connect
from newskb.stories import minhash
from newskb.stories.cluster import assign
from newskb.stories.state import (
    grow,
    index_keys,
    member_vector,
    state_json,
    vector,
    vector_json,
)
from newskb.stories.text import features

_SYL = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
PER_STORY = 5
BATCH = 20  # probes per transaction, as the ingest hook runs once per stored batch


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))


class Synth:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.common = [_word(self.rng) for _ in range(3000)]

    def story(self, n: int) -> dict[str, Any]:
        r = self.rng
        return {
            "words": [_word(r) for _ in range(25)],
            "names": [_word(r).title() + " " + _word(r).title() for _ in range(3)],
            "place": _word(r).title(),
            "day": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
        }

    def article(self, s: dict[str, Any], key: str) -> Extraction:
        r = self.rng
        parts: list[str] = []
        for _ in range(8):
            words = r.sample(s["words"], 6) + r.sample(self.common, 6)
            r.shuffle(words)
            parts.append(f"{r.choice(s['names'])} in {s['place']} " + " ".join(words) + ".")
        text = " ".join(parts)
        ents = [
            Entity(f"E{i}", nm, "PERSON", (Mention(text.find(nm), text.find(nm) + len(nm), nm),))
            for i, nm in enumerate(s["names"], 1)
            if nm in text
        ]
        pl = s["place"]
        i = text.find(pl)
        ents.append(Entity("P1", pl, "GPE", (Mention(i, i + len(pl), pl),)))
        digest = hashlib.sha256(f"{key}\n{text}".encode()).hexdigest()
        a = Article(
            id=digest[:16],
            sha256=digest,
            path=f"synthetic/{key}.txt",
            text=text,
            title=" ".join(text.split()[:8]),
            published=__import__("datetime").date.fromisoformat(s["day"]),
            dateline=Dateline(place=pl, agency=r.choice(["Wire", "Post", "Herald"])),
        )
        return Extraction(article=a, entities=tuple(ents))


def build(conn: sqlite3.Connection, n: int, synth: Synth) -> list[dict[str, Any]]:
    """Fill the store with ``n`` articles in ``n / PER_STORY`` stories, in bulk."""
    stories = [synth.story(i) for i in range(max(1, n // PER_STORY))]
    feats = [
        _lean(features(synth.article(s, f"{i}-{j}")), keep_shingles=i * PER_STORY + j < 2000)
        for i, s in enumerate(stories)
        for j in range(PER_STORY)
    ][:n]
    df: Counter[str] = Counter(t for f in feats for t, _ in f.terms)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO story_df VALUES (?, ?)", df.items())
    conn.execute("UPDATE story_meta SET value = ? WHERE key IN ('documents', 'seq')", (n,))
    members: list[tuple[Any, ...]] = []
    postings: list[tuple[Any, ...]] = []
    sigs: list[tuple[Any, ...]] = []
    bands: list[tuple[Any, ...]] = []
    rows: list[tuple[Any, ...]] = []

    def flush() -> None:
        """Write what is collected so far (bounded memory at 1M articles)."""
        conn.executemany(
            "INSERT INTO stories(id, title, first_seen, last_seen, size, touched, "
            "state, outlets, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        conn.executemany("INSERT INTO story_members VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", members)
        conn.executemany("INSERT OR IGNORE INTO story_postings VALUES (?,?,?,?)", postings)
        conn.executemany("INSERT INTO story_minhash VALUES (?,?)", sigs)
        conn.executemany("INSERT OR IGNORE INTO story_lsh VALUES (?,?,?)", bands)
        for part in (members, postings, sigs, bands, rows):
            part.clear()

    for i in range(0, len(feats), PER_STORY):
        if i and i % 50_000 == 0:
            flush()
        group = feats[i : i + PER_STORY]
        sid = f"S{group[0].article_id[:12]}"
        state = None
        for k, f in enumerate(group):
            v = member_vector(f, vector(f, df, n))
            state = grow(state, sid, v, title=f.title, published=f.published, outlet=f.outlet)
            members.append(
                (
                    f.article_id,
                    sid,
                    i + k + 1,
                    f.path,
                    f.title,
                    f.published,
                    f.outlet,
                    "joined" if k else "new",
                    0.5,
                    None,
                    vector_json(v),
                    "now",
                )
            )
            sig = minhash.signature(f.shingles) if i + k < 2000 else _fake_sig(f.article_id)
            sigs.append((f.article_id, sig))
            bands += [(b, h, f.article_id) for b, h in minhash.buckets(sig)]
        assert state is not None
        rows.append(
            (
                sid,
                state.title,
                state.first_seen,
                state.last_seen,
                state.size,
                i + PER_STORY,
                state_json(state),
                json.dumps(list(state.outlets)),
                "now",
                "now",
            )
        )
        postings += [(k, sid, i + PER_STORY, state.last_seen) for k in index_keys(state)]
    flush()
    conn.execute("COMMIT")
    return stories


def _lean(f: StoryFeatures, keep_shingles: bool) -> StoryFeatures:
    """Drop the shingles of articles that get a fake signature (memory at 1M articles)."""
    return f if keep_shingles else dataclasses.replace(f, shingles=())


def _fake_sig(article_id: str) -> bytes:
    """A random signature (computing real MinHash for 1M synthetic texts takes too long)."""
    return hashlib.shake_128(article_id.encode()).digest(minhash.PERMUTATIONS * 8)


def measure(n: int, probes: int, folder: str) -> dict[str, Any]:
    synth = Synth()
    conn = connect(Path(folder) / f"stories-{n}.db")
    migrate(conn)
    t0 = time.perf_counter()
    stories = build(conn, n, synth)
    built = time.perf_counter() - t0
    params = StoryParams()
    times: list[float] = []
    commits: list[float] = []
    joined = 0
    for start in range(0, probes, BATCH):
        conn.execute("BEGIN IMMEDIATE")
        for i in range(start, min(start + BATCH, probes)):
            s = stories[synth.rng.randrange(len(stories))] if i % 2 == 0 else synth.story(10**7 + i)
            x = synth.article(s, f"probe-{i}")
            t = time.perf_counter()
            got = assign(SqlStories(SqliteDb(conn)), features(x), params)
            times.append((time.perf_counter() - t) * 1000)
            joined += got.how == "joined"
        t = time.perf_counter()
        conn.execute("COMMIT")
        commits.append((time.perf_counter() - t) * 1000)
    conn.close()
    times.sort()
    return {
        "scenario": "stories.assign",
        "articles": n,
        "stories": len(stories),
        "probes": probes,
        "build_s": round(built, 1),
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "commit_ms_per_batch": round(statistics.median(commits), 2),
        "joined_existing": f"{joined}/{(probes + 1) // 2}",
    }


def run(ctx: Any = None, articles: int = 10_000, probes: int = 200) -> list[dict[str, Any]]:
    full = bool(getattr(ctx, "full", False))
    with tempfile.TemporaryDirectory() as tmp:
        return [measure(1_000_000 if full else articles, probes, tmp)]


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--probes", type=int, default=200)
    args = ap.parse_args(argv)
    for r in run(None, args.articles, args.probes):
        print(json.dumps(r))


if __name__ == "__main__":
    main(sys.argv[1:])
