"""Store write and search costs in CPU seconds as well as wall (a shared, loaded machine
distorts wall time; CPU time of this process is what the store itself costs).

    PYTHONPATH=src python bench/store_cpu.py [--limit 120] [--records 3000] [--derived 1000]
        [--search 100000] [--repeat 1] [--cache /tmp/newskb-bench-records.pkl]

Rows: SQLite ingest of pre-extracted records (``add_batch``, batches of 500), the same with
every derived step (``pipeline.store_batch``: canon, ledger, stories; CPU split per stage), and
search latency (p50/p99, CPU and wall) on a synthetic store of ``--search`` articles built as
``bench/run.py --scenario-1m`` builds it (0: skip). Records are TimeBank/AQUAINT articles
extracted once, copied under new ids (as ``bench/run.py`` does); ``--cache FILE`` keeps the
extracted records in a pickle between runs (made on the first run: delete it after changing
the extractors). ``--repeat N`` times the plain ingest N times, each into a new store (on a
loaded machine the fastest run is the least disturbed). ``--derived 0`` skips that row.
"""

from __future__ import annotations

import argparse
import collections
import os
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import bench_records


def _timed(label: str, n: int, work: Any) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    work()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{label}: {n} articles, {n / wall:.0f}/s wall, {n / cpu:.0f}/s CPU ({cpu:.2f} CPU s)")


def main() -> None:
    from run import corpus

    import newskb.ledger.ledger as ledger
    import newskb.resolve.canon as canon
    import newskb.stories.cluster as cluster
    from newskb.model import Extraction
    from newskb.pipeline import run, store_batch
    from newskb.store import SqliteStore

    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--records", type=int, default=3000)
    ap.add_argument("--derived", type=int, default=1000)
    ap.add_argument("--search", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=None)
    args = ap.parse_args()
    if args.cache is not None and args.cache.exists():
        base = pickle.loads(args.cache.read_bytes())
    else:
        base = [r for b in run(corpus(args.limit)) for r in b if isinstance(r, Extraction)]
        base = [x for x in base if x.article.text]
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(base))
    tmp = tempfile.mkdtemp(prefix="newskb-bench-")
    recs = bench_records(base, max(args.records, args.derived))
    n = args.records

    def plain(s: Any) -> None:
        for i in range(0, n, 500):
            s.add_batch(recs[i : i + 500])

    for k in range(args.repeat):
        with SqliteStore(os.path.join(tmp, f"plain{k}.db")) as s:
            _timed("SQLite ingest, pre-extracted", n, lambda s=s: plain(s))
    if args.derived <= 1:
        if args.search:
            search(os.path.join(tmp, "search.db"), args.search, base)
        return
    spent: collections.Counter[str] = collections.Counter()

    def timed(f: Any, name: str) -> Any:
        def wrapped(*a: Any, **k: Any) -> Any:
            c0 = time.process_time()
            try:
                return f(*a, **k)
            finally:
                spent[name] += time.process_time() - c0

        return wrapped

    for mod, name in ((canon, "resolve_batch"), (ledger, "update_ledger"), (cluster, "assign_all")):
        setattr(mod, name, timed(getattr(mod, name), name))
    with SqliteStore(os.path.join(tmp, "derived.db")) as s:
        store_batch(s, recs[:1])  # tables and gazetteers load before timing
        m = args.derived
        steps = range(1, m, 500)
        _timed("SQLite ingest + derived steps", m - 1,
               lambda: [store_batch(s, recs[i : min(m, i + 500)]) for i in steps])  # fmt: skip
        print("  CPU s per stage:", {k: round(v, 2) for k, v in spent.items()})
    if args.search:
        search(os.path.join(tmp, "search.db"), args.search, base)


def search(db: str, n: int, base: list[Any]) -> None:
    from run import fill_synthetic

    from newskb.store import SqliteStore

    with SqliteStore(db) as store:
        fill_synthetic(store.conn, n, base)
        rng = random.Random(3)
        words = sorted(
            {w for x in base for w in x.article.text.split() if w.isalpha() and len(w) > 4}
        )
        cpu, wall = [], []
        for _ in range(300):
            q = " ".join(rng.sample(words, rng.choice((1, 1, 2))))
            t0, c0 = time.perf_counter(), time.process_time()
            store.search(q, limit=20)
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - t0) * 1000)
    cpu.sort()
    wall.sort()
    k = int(len(cpu) * 0.99) - 1
    print(f"SQLite search, {n} synthetic articles: CPU p50 {cpu[len(cpu) // 2]:.1f} p99 "
          f"{cpu[k]:.1f} ms; wall p50 {wall[len(wall) // 2]:.1f} p99 {wall[k]:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
