"""Bench: cross-article entity resolution stays near-linear (blocking, not all-pairs).

Synthetic extractions (no spaCy): people drawn from a large pool of made-up names, written with
random one-letter misspellings, plus organisations; resolved into a fresh SQLite store in
growing batches. If resolution compared all pairs, time per article would grow with the store;
with blocking it stays flat. ``run(ctx)`` returns one row per store size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from newskb.model import Article, Entity, Extraction, Mention
from newskb.resolve.canon import resolve_batch
from newskb.store.migrate import migrate
from newskb.store.sql import SqliteDb
from newskb.store.sql.canon import SqlCanon

_SYL = [c + v for c in "bdfghjklmnprstvwz" for v in "aeiou"] + ["sh", "tt", "rg", "ov"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n)).capitalize()


def _typo(rng: random.Random, name: str) -> str:
    if rng.random() > 0.2 or len(name) < 6:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + rng.choice("aeiouy") + name[i + 1 :]


def _extraction(rng: random.Random, i: int, people: list[str], orgs: list[str]) -> Extraction:
    names = [(_typo(rng, rng.choice(people)), "PERSON") for _ in range(6)]
    names += [(rng.choice(orgs), "ORG") for _ in range(2)]
    text = " ".join(n for n, _t in names)
    digest = hashlib.sha256(f"{i}".encode()).hexdigest()
    art = Article(
        id=digest[:16], sha256=digest, path=f"{i}.txt", text=text, published=dt.date(2025, 1, 1)
    )
    ents, pos = [], 0
    for k, (n, t) in enumerate(names, start=1):
        at = text.index(n, pos)
        pos = at + len(n)
        ents.append(Entity(f"E{k}", n, t, (Mention(at, pos, n),)))  # type: ignore[arg-type]
    return Extraction(article=art, entities=tuple(ents))


def run(ctx: Any = None) -> list[dict[str, Any]]:
    full = bool(getattr(ctx, "full", False) or (isinstance(ctx, dict) and ctx.get("full")))
    sizes = [10_000, 25_000, 50_000, 100_000] if full else [1_000, 4_000, 8_000]
    wanted = (
        ctx.get("entity_sizes") if isinstance(ctx, dict) else getattr(ctx, "entity_sizes", None)
    )
    if wanted:
        sizes = sorted(int(n) for n in wanted)
    rng = random.Random(7)
    people = [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(20_000)]
    orgs = [f"{_word(rng, 2)} {rng.choice(['Group', 'Agency', 'News'])}" for _ in range(2_000)]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-65536")  # 64 MiB: measure resolution, not disk reads
        migrate(conn)
        done = 0
        for size in sizes:
            batch = [_extraction(rng, i, people, orgs) for i in range(done, size)]
            started = time.perf_counter()
            for k in range(0, len(batch), 500):
                conn.execute("BEGIN")
                resolve_batch(SqlCanon(SqliteDb(conn)), batch[k : k + 500])
                conn.execute("COMMIT")
            secs = time.perf_counter() - started
            canon = conn.execute("SELECT COUNT(*) FROM canon").fetchone()[0]
            rows.append(
                {
                    "scenario": "entities.resolve",
                    "store_articles": size,
                    "new_articles": len(batch),
                    "articles_per_s": round(len(batch) / secs, 1),
                    "ms_per_article": round(1000 * secs / len(batch), 3),
                    "canon_entities": canon,
                    # per-article cost relative to the first batch: ~1.0 = linear overall
                    "cost_vs_first": round(
                        (secs / len(batch)) / (rows[0]["ms_per_article"] / 1000), 2
                    )
                    if rows
                    else 1.0,
                }
            )
            done = size
        conn.close()
    return rows


if __name__ == "__main__":
    import sys

    for row in run({"entity_sizes": sys.argv[1:]} if sys.argv[1:] else None):
        print(row)
