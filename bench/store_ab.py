"""A/B of the store's cost per article as the store grows: the derived steps (canon, ledger,
stories) of ``ingest`` on pre-extracted articles, in CPU seconds, two source trees, same rows.

Extraction is the same in both trees (``bench/cpu_ab.py`` checks it), so it is done once: the
articles of ``DIR`` (a folder ``newskb ingest`` reads, e.g. the synthetic scenario's:
``bench/e2e.py --scenario N --scenario-keep DIR``) are extracted by tree B and kept in a
pickle (``--records``, made on first use). Each tree then stores them batch by batch
(``pipeline.store_batch``, batches of 32 as ``ingest``) into a fresh SQLite store, in a
process of its own; the CPU seconds of every batch are summed per quarter of the run: a cost
per article that grows with the store shows as a last quarter dearer than the first. The two
stores must hold the same rows (``cpu_ab``'s comparison: an index only one tree makes is
named, not counted).

Usage: ``python bench/store_ab.py DIR A_SRC B_SRC [--records FILE]`` (``A_SRC``: e.g.
``git archive main src | tar -x -C /tmp/a`` then ``/tmp/a/src``). Run with ``PYTHONHASHSEED=0``
for the same canon edit order in both.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from cpu_ab import same_output

EXTRACT = """
import pickle, sys
from newskb.pipeline import run
batches = list(run([sys.argv[1]], workers=1))
with open(sys.argv[2], "wb") as fh:
    pickle.dump(batches, fh, protocol=pickle.HIGHEST_PROTOCOL)
"""

STORE = """
import os, pickle, sys, time
from newskb.pipeline import store_batch
from newskb.store.opening import open_checked
with open(sys.argv[1], "rb") as fh:
    batches = pickle.load(fh)
store = open_checked(sys.argv[2])
per = []
for b in batches:
    c = time.process_time()
    store_batch(store, b)
    per.append(time.process_time() - c)
store.close()
print(" ".join(f"{x:.4f}" for x in per))
"""


def quarters(per: list[float]) -> list[float]:
    """The batches' CPU summed per quarter of the run (each batch alone when under 4)."""
    if len(per) < 4:
        return per
    q = len(per) // 4
    return [sum(per[i : i + q]) for i in range(0, q * 4, q)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("a_src")
    ap.add_argument("b_src")
    ap.add_argument("--records", help="pickle of the extracted batches (made when missing)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="store-ab-"))
    records = Path(args.records or tmp / "records.pkl")
    if not records.exists():
        env = dict(os.environ, PYTHONPATH=args.b_src)
        subprocess.run(
            [sys.executable, "-c", EXTRACT, args.folder, str(records)], env=env, check=True
        )
    with open(records, "rb") as fh:
        n = sum(len(b) for b in pickle.load(fh))
    dbs: dict[str, Path] = {}
    for k, src in (("A", args.a_src), ("B", args.b_src)):
        dbs[k] = tmp / f"{k}.db"
        env = dict(os.environ, PYTHONPATH=src)
        out = subprocess.run(
            [sys.executable, "-c", STORE, str(records), str(dbs[k])],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        per = [float(x) for x in out.split()]
        qs = " / ".join(f"{q:.2f}" for q in quarters(per))
        print(
            f"{k}: store {sum(per):.2f} cpu-s for {n} articles ({sum(per) / n * 1000:.1f} ms an "
            f"article); quarters {qs}",
            flush=True,
        )
    print(f"identical: {same_output('ingest', dbs['A'], dbs['B'])}", flush=True)


if __name__ == "__main__":
    main()
