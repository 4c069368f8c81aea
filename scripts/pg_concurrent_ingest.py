"""Several writers ingest into one PostgreSQL store at once, are killed at random and re-run:
every article must be stored once, with its facts, canon links and story, nothing lost.

    python scripts/pg_concurrent_ingest.py postgresql://postgres@127.0.0.1:5432/db \
        [--writers 4] [--kills 10] [--articles 400]

The records are the bundled examples and the seed, extracted once here (the model loads once),
copied under new ids (as ``bench/run.py`` does), so the writers measure the store alone: each
writer stores every record in batches of 8 through ``pipeline.store_batch`` (articles, facts,
entity canon, ledger, stories in one transaction), skipping what is stored, as ``newskb
ingest`` does. Uses its own schema, dropped at the end.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import multiprocessing as mp
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def records(n: int) -> list[Any]:
    from newskb.model import Extraction
    from newskb.pipeline import run

    paths = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    seed = ROOT.parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"
    if seed.exists():
        paths.append(str(seed))
    base = [r for b in run(paths, workers=1) for r in b if isinstance(r, Extraction)]
    out = []
    for i in range(n):
        x = base[i % len(base)]
        h = hashlib.sha256(f"concurrent-{i}".encode()).hexdigest()
        art = dataclasses.replace(x.article, id=h[:16], sha256=h, path=f"conc/{i}.txt", url=None)
        out.append(dataclasses.replace(x, article=art))
    return out


def writer(url: str, schema: str, recs: list[Any], seed: int) -> None:
    from newskb.pipeline import store_batch
    from newskb.store.postgres import PostgresStore

    order = list(range(0, len(recs), 8))
    random.Random(seed).shuffle(order)  # writers meet on the same articles in other orders
    with PostgresStore(url, schema=schema) as store:
        for i in order:
            todo = [x for x in recs[i : i + 8] if not store.has(x.article.id)]
            if todo:
                store_batch(store, todo)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--articles", type=int, default=400)
    args = ap.parse_args()
    import psycopg

    from newskb.store.postgres import PostgresStore

    recs = records(args.articles)
    schema = "conc_" + uuid.uuid4().hex[:10]
    PostgresStore(args.url, schema=schema).close()  # migrate once, before the writers start
    ctx = mp.get_context("spawn")
    rng = random.Random(7)
    t0 = time.perf_counter()
    procs = [
        ctx.Process(target=writer, args=(args.url, schema, recs, k)) for k in range(args.writers)
    ]
    for p in procs:
        p.start()
    kills = 0
    while kills < args.kills and any(p.is_alive() for p in procs):
        time.sleep(rng.uniform(0.5, 3.0))
        alive = [k for k, p in enumerate(procs) if p.is_alive()]
        if not alive:
            break
        k = rng.choice(alive)
        procs[k].kill()  # SIGKILL: no cleanup, the open transaction dies with the connection
        procs[k].join()
        kills += 1
        procs[k] = ctx.Process(target=writer, args=(args.url, schema, recs, 100 + kills))
        procs[k].start()  # the re-run
    for p in procs:
        p.join()
    secs = time.perf_counter() - t0
    with psycopg.connect(args.url, autocommit=True) as c:
        c.execute(f'SET search_path TO "{schema}"')

        def one(sql: str) -> int:
            row = c.execute(sql).fetchone()
            return int(row[0]) if row else -1

        stored = one("SELECT count(*) FROM articles")
        distinct = one("SELECT count(DISTINCT sha256) FROM articles")
        members = one("SELECT count(*) FROM story_members")
        unlinked = one(
            "SELECT count(*) FROM articles a WHERE EXISTS (SELECT 1 FROM entities e WHERE "
            "e.article_id = a.id) AND NOT EXISTS (SELECT 1 FROM entity_links l WHERE "
            "l.article_id = a.id)"
        )
        facts = one("SELECT count(*) FROM mentions")
        c.execute(f'DROP SCHEMA "{schema}" CASCADE')
    want_facts = sum(len(m.mentions) for x in recs for m in x.entities)
    ok = stored == distinct == members == len(recs) and unlinked == 0 and facts == want_facts
    print(
        f"writers={args.writers} kills={kills} articles={len(recs)} stored={stored} "
        f"distinct={distinct} in_stories={members} without_canon={unlinked} "
        f"mentions={facts}/{want_facts} seconds={secs:.1f} -> {'OK' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
