"""Real ``newskb ingest --workers 2`` processes, several at once into one PostgreSQL store,
killed at random (``kill -9`` of the whole process group) and re-run: every article must be
stored once with all its facts, canon links, story and ledger steps, nothing lost or doubled.

    python scripts/pg_concurrent_ingest.py [URL] [--writers 4] [--kills 10] [--articles 24]

``URL`` defaults to ``$NEWSKB_TEST_PG``. The input is a folder of ``--articles`` small
seed-format articles (a few people, places and a quote each, so writers meet on the same canon
entities and stories) plus the bundled examples. Every writer gets every file, in its own
order, so the writers overlap on all of them; a fresh schema is left to the writers to create
(they race on the migration too). A writer is killed once the store has committed a random
number of further articles (0: during start-up), after a random delay; its slot re-runs the
command at once. After the kills every writer runs to its end and one more ``newskb ingest``
must find everything stored. A clean single run into a second schema is the reference: per
article, every fact table holds the same rows; canon, stories, the stories' term counts and
the ledger hold what the clean run holds. Both schemas are dropped at the end.
Prints one line per kill and a verdict; exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = [
    ("Maria Novak", "envoy"),
    ("Kenji Sato", "minister"),
    ("Amina Odhiambo", "spokeswoman"),
    ("Pieter de Vries", "commissioner"),
]
PLACES = [
    ("Kyiv", "UNN"),
    ("Brussels", "Eurowire"),
    ("Tokyo", "Pacific Press"),
    ("Nairobi", "East Africa Times"),
]
FACTS = ("updates", "entities", "mentions", "quotes", "times", "events", "credits")


def write_articles(folder: Path, n: int) -> list[Path]:
    """``n`` small seed-format articles and the bundled examples; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        place, agency = PLACES[i % len(PLACES)]
        who, role = PEOPLE[(i // 2) % len(PEOPLE)]
        other = PEOPLE[(i // 2 + 1) % len(PEOPLE)][0]
        text = (
            f" date 2025-04-{1 + i % 28:02d} Talks round {i} on the grain corridor in {place}\n"
            f"{place} • {agency}\n"
            f"Negotiators met in {place} on Tuesday for round {i} of the grain corridor talks "
            f"at 09:{i % 60:02d} local time. “We made progress on point {i},” said {role} "
            f"{who}. {other} said the two sides agreed to extend the ceasefire around the port. "
            f"The talks will resume next week, officials said.\n"
        )
        path = folder / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for src in sorted((ROOT / "examples").glob("*.txt")):
        shutil.copy(src, folder / src.name)
        paths.append(folder / src.name)
    return paths


def article_id(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def newskb() -> list[str]:
    """The ``newskb`` command of this interpreter (its console script, else the same call)."""
    script = Path(sys.executable).with_name("newskb")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "from newskb.cli import main; main()"]


def in_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def ingest_cmd(url: str, paths: list[Path], workers: int) -> list[str]:
    return [
        *newskb(), "ingest", *map(str, paths), "--db", url, "--workers", str(workers),
        "--batch-size", "4", "--quiet",
    ]  # fmt: skip


class Db:
    """Plain queries on one schema."""

    def __init__(self, url: str, schema: str) -> None:
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)
        self.schema = schema

    def __enter__(self) -> Db:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        self.conn.execute(f'SET search_path TO "{self.schema}"')
        try:
            return [tuple(r) for r in self.conn.execute(sql).fetchall()]
        except Exception:  # the schema's tables may not exist yet (writers still starting)
            return []

    def one(self, sql: str) -> int:
        got = self.rows(sql)
        return int(got[0][0]) if got and got[0][0] is not None else 0


def snapshot(db: Db) -> dict[str, Any]:
    """What must not depend on who wrote what when: per-article facts, canon, stories, ledger."""
    snap: dict[str, Any] = {
        "articles": sorted(db.rows("SELECT id FROM articles")),
        "article_rows": db.one("SELECT count(*) FROM articles"),
        "search_rows": db.one(  # the full-text row of each article, written in its batch
            "SELECT count(*) FROM article_search s JOIN articles a ON a.rowid = s.rowid"
        ),
    }
    for t in FACTS:
        snap[t] = sorted(db.rows(f"SELECT article_id, count(*) FROM {t} GROUP BY article_id"))
    snap["unlinked_entities"] = db.one(
        "SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM entity_links l "
        "WHERE l.article_id = e.article_id AND l.local_id = e.local_id)"
    )
    snap["links"] = db.one("SELECT count(*) FROM entity_links")
    snap["canon"] = sorted(db.rows("SELECT type, name FROM canon WHERE merged_into IS NULL"))
    snap["canon_aliases"] = db.one("SELECT count(*) FROM canon_aliases")
    snap["canon_roles"] = db.one("SELECT count(*) FROM canon_roles")
    snap["story_members"] = db.one("SELECT count(*) FROM story_members")
    snap["story_sizes"] = sorted(
        db.rows("SELECT size FROM stories WHERE merged_into IS NULL AND size > 0")
    )
    snap["story_size_mismatch"] = db.one(
        "SELECT count(*) FROM stories s WHERE s.size <> (SELECT count(*) FROM story_members m "
        "WHERE m.story_id = s.id)"
    )
    snap["story_documents"] = db.one("SELECT value FROM story_meta WHERE key = 'documents'")
    snap["story_df"] = sorted(db.rows("SELECT term, df FROM story_df"))
    snap["minhash"] = db.one("SELECT count(*) FROM story_minhash")
    snap["ledger_steps"] = sorted(
        db.rows("SELECT article_id, count(*) FROM agreement_history GROUP BY article_id")
    )
    snap["agreements"] = db.one("SELECT count(*) FROM agreements")
    return snap


DERIVED = (
    "unlinked_entities", "links", "canon", "canon_aliases", "canon_roles", "story_members",
    "story_sizes", "story_size_mismatch", "story_documents", "story_df", "minhash",
    "ledger_steps", "agreements",
)  # fmt: skip


def compare(
    got: dict[str, Any], want: dict[str, Any], keys: tuple[str, ...], what: str
) -> list[str]:
    """Where ``got`` differs from ``want`` on ``keys``, one line each."""
    problems = []
    for key in keys:
        g, w = got[key], want[key]
        if g == w:
            continue
        if isinstance(g, list) and isinstance(w, list):
            extra, lost = sorted(set(g) - set(w))[:3], sorted(set(w) - set(g))[:3]
            problems.append(f"{key}: {len(g)} rows vs {len(w)} {what}; extra {extra} lost {lost}")
        else:
            problems.append(f"{key}: {g} vs {w} {what}")
    return problems


def replay(url: str, source: str, target: str) -> None:
    """Store ``source``'s articles again into ``target``, one writer, in the order and batches
    they were committed in (a batch is one transaction: the rows' ``xmin``), through the same
    ``pipeline.store_batch``: the serial run the concurrent one must be equal to."""
    from newskb.pipeline import store_batch
    from newskb.store.postgres import PostgresStore

    with Db(url, source) as db:
        rows = db.rows("SELECT xmin::text, id FROM articles ORDER BY rowid")
    src = PostgresStore(url, schema=source, readonly=True)
    with src, PostgresStore(url, schema=target) as dst:
        for _, group in itertools.groupby(rows, key=lambda r: r[0]):
            store_batch(dst, [src.get(aid).extraction for _, aid in group])


def trial(
    url: str,
    writers: int,
    kills: int,
    n_articles: int,
    seed: int,
    log: Callable[[str], None],
    keep: bool = False,
) -> list[str]:
    """Run the whole check; the problems found (empty: nothing lost or doubled)."""
    rng = random.Random(seed)
    run_id = uuid.uuid4().hex[:10]
    busy, clean, serial = f"kill_{run_id}", f"clean_{run_id}", f"serial_{run_id}"
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        for s in (busy, clean, serial):
            c.execute(f'CREATE SCHEMA "{s}"')
    tmp = Path(tempfile.mkdtemp(prefix="newskb-kill-"))
    try:
        paths = write_articles(tmp / "in", n_articles)
        ids = {article_id(p) for p in paths}
        t0 = time.perf_counter()
        done = subprocess.run(
            ingest_cmd(in_schema(url, clean), paths, 2), capture_output=True, timeout=600
        )
        if done.returncode != 0:
            return [f"clean run failed: {done.stderr.decode(errors='replace')[-500:]}"]
        clean_s = time.perf_counter() - t0
        log(f"clean run: {len(ids)} articles in {clean_s:.1f} s")
        # the pause before a kill is a few articles' worth of the clean run's pace, so that the
        # kills land while the writers still work, on an idle machine as on a loaded one
        pause = max(0.02, 2 * clean_s / len(ids))
        target = in_schema(url, busy)

        def start(slot: int) -> subprocess.Popen[bytes]:
            order = list(paths)
            rng.shuffle(order)  # every writer has every file, each in its own order
            err = open(tmp / f"w{slot}-{time.monotonic_ns()}.err", "wb")  # noqa: SIM115
            return subprocess.Popen(
                ingest_cmd(target, order, 2),
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,  # its own process group: kill -9 takes its workers
            )

        problems: list[str] = []
        t0 = time.perf_counter()
        with Db(url, busy) as db:
            procs = [start(k) for k in range(writers)]
            killed = 0
            for kill in range(kills):
                want = db.one("SELECT count(*) FROM articles") + rng.randint(0, 3)
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline and any(p.poll() is None for p in procs):
                    if db.one("SELECT count(*) FROM articles") >= want:
                        break
                    time.sleep(0.02)
                time.sleep(rng.uniform(0.0, pause))
                for k, p in enumerate(procs):
                    if p.poll() not in (None, 0):
                        problems.append(f"writer {k} exited {p.returncode} before a kill")
                alive = [k for k, p in enumerate(procs) if p.poll() is None]
                if not alive:
                    break
                slot = rng.choice(alive)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(procs[slot].pid, signal.SIGKILL)
                procs[slot].wait(timeout=60)
                killed += 1
                have = db.one("SELECT count(*) FROM articles")
                log(f"kill {kill + 1}: writer {slot}, {have}/{len(ids)} stored")
                procs[slot] = start(slot)  # the re-run
            for k, p in enumerate(procs):
                if p.wait(timeout=600) != 0:
                    problems.append(f"writer {k} exited {p.returncode} after the kills")
            again = subprocess.run(
                ingest_cmd(target, paths, 2), capture_output=True, timeout=600, text=True
            )
            last = (again.stderr.strip().splitlines() or [""])[-1]
            if again.returncode != 0 or not last.startswith("0 added"):
                problems.append(f"the final re-run still added: {again.stderr.strip()[-300:]}")
            log(f"{writers} writers, {killed} kills in "
                f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
            got = snapshot(db)
        stored = {r[0] for r in got["articles"]}
        if stored != ids or got["article_rows"] != len(ids):
            problems.append(
                f"articles: {len(ids - stored)} missing, {len(stored - ids)} unexpected, "
                f"{got['article_rows']} rows for {len(ids)} articles"
            )
        if got["story_size_mismatch"]:
            problems.append(f"{got['story_size_mismatch']} stories whose size is not their members")
        with Db(url, clean) as cdb:
            problems += compare(got, snapshot(cdb), ("articles", *FACTS), "in a clean run")
        replay(url, busy, serial)
        with Db(url, serial) as sdb:
            problems += compare(got, snapshot(sdb), DERIVED, "in the same batches, serially")
        if killed < kills:
            problems.append(f"only {killed} of {kills} kills: the writers finished first")
        return problems
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if keep:
            log(f"kept schemas {busy}, {clean} and {serial}")
        else:
            with psycopg.connect(url, autocommit=True) as c:
                for s in (busy, clean, serial):
                    c.execute(f'DROP SCHEMA IF EXISTS "{s}" CASCADE')


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url", nargs="?", default=os.environ.get("NEWSKB_TEST_PG"))
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--keep", action="store_true", help="keep both schemas to look into")
    args = ap.parse_args()
    if not args.url:
        ap.error("give a PostgreSQL URL (or set NEWSKB_TEST_PG)")
    problems = trial(args.url, args.writers, args.kills, args.articles, args.seed, print, args.keep)
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else "FAILED")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
