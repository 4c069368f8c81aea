"""Bench: the HTTP API under load on loopback — p50/p99 for article and search requests.

Builds a synthetic store (no spaCy: made-up articles with entities and a quote each), starts
``newskb serve`` on 127.0.0.1 in a subprocess, and sends a bounded number of requests (default
10,000, 50 keep-alive connections at a time) from asyncio: half full-text searches, half single
articles. httpx checks the server is up; the load itself uses a minimal HTTP/1.1 client, since
httpx's own CPU cost per request would otherwise dominate the latency on a 2-core machine.
Loopback only; stops by itself. ``run(ctx)`` returns one row per request kind plus a total row.

    python bench/scenario_api.py [--articles 100000] [--requests 10000] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from newskb.model import Article, Content, Dateline, Entity, Extraction, Mention, Quote, Speaker
from newskb.store import SqliteStore

_SYL = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
OUTLETS = ["Wire One", "Daily Two", "Herald Three", "Post Four", "Times Five"]


def _vocab(rng: random.Random, n: int = 20_000) -> list[str]:
    return ["".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4))) for _ in range(n)]


def _article(rng: random.Random, i: int, vocab: list[str], people: list[str]) -> Extraction:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 600)
    # Zipf-like word choice: a few words are common, most are rare
    words = [vocab[min(int(rng.paretovariate(1.1)) - 1, len(vocab) - 1)] for _ in range(160)]
    who = rng.choice(people)
    said = " ".join(words[:12])
    body = f"{who} said that {said}. " + " ".join(words[12:]) + "."
    title = " ".join(words[20:27]).capitalize()
    text = f"{title}\n{body}"
    start = text.index(who)
    q_start = text.index(said)
    raw = f"{i}\n{text}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    article = Article(
        id=digest[:16],
        sha256=digest,
        path=f"synthetic/{i}.txt",
        text=text,
        title=title,
        published=day,
        dateline=Dateline("Place", rng.choice(OUTLETS)),
        raw=raw,
        fmt="seed",
    )
    ent = Entity("E1", who, "PERSON", (Mention(start, start + len(who), who),))
    quote = Quote(
        "Q1",
        "indirect",
        Speaker(start, start + len(who), who, "E1"),
        None,
        Content(q_start, q_start + len(said), said),
    )
    return Extraction(article=article, entities=(ent,), quotes=(quote,))


def build_store(path: Path, n: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """Write ``n`` synthetic articles; return their ids and some query words."""
    rng = random.Random(seed)
    vocab = _vocab(rng)
    people = [
        f"{rng.choice(_SYL).capitalize()}{rng.choice(_SYL)} {rng.choice(vocab).capitalize()}"
        for _ in range(500)
    ]
    ids: list[str] = []
    with SqliteStore(path) as store:
        batch: list[Extraction] = []
        for i in range(n):
            x = _article(rng, i, vocab, people)
            ids.append(x.article.id)
            batch.append(x)
            if len(batch) == 2000:
                store.add_batch(batch)
                batch = []
        if batch:
            store.add_batch(batch)
    return ids, vocab[:2000]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _load(
    base: str, ids: list[str], words: list[str], total: int, concurrency: int, seed: int = 11
) -> dict[str, list[float]]:
    rng = random.Random(seed)
    plan: list[tuple[str, str]] = []
    for k in range(total):
        if k % 2:
            plan.append(("article", f"/api/articles/{rng.choice(ids)}"))
        else:
            words_q = "+".join(rng.choice(words) for _ in range(1 + k % 4 // 2))
            plan.append(("search", f"/api/articles?q={words_q}&limit=20"))
    times: dict[str, list[float]] = {"search": [], "article": [], "errors": []}
    queue = list(reversed(plan))
    host, port = base.removeprefix("http://").split(":")

    async def worker() -> None:
        # one keep-alive connection per simulated client; a minimal HTTP/1.1 client keeps the
        # generator's own CPU use small next to the server's, so the latency is the server's
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue:
                kind, url = queue.pop()
                t0 = time.perf_counter()
                try:
                    writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
                    status, _ = await asyncio.wait_for(_response(reader), 30)
                    ok = status == 200
                except (TimeoutError, OSError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                times[kind if ok else "errors"].append(time.perf_counter() - t0)
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return times


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    body = await reader.readexactly(length)
    return status, body


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] * 1000


def measure(
    articles: int, requests: int, concurrency: int, workers: int = 1
) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        ids, words = build_store(db, articles)
        built = time.perf_counter() - t0
        port = _free_port()
        exe = Path(sys.executable).with_name("newskb")
        server = subprocess.Popen(
            [
                str(exe),
                "serve",
                "--db",
                str(db),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            stdout=subprocess.DEVNULL,
            env={**os.environ, "NEWSKB_WRITE_TOKEN": ""},
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("newskb serve did not start")
                time.sleep(0.2)
            t1 = time.perf_counter()
            times = asyncio.run(_load(base, ids, words, requests, concurrency))
            wall = time.perf_counter() - t1
        finally:
            server.terminate()
            server.wait(timeout=20)
    rows: list[dict[str, Any]] = []
    for kind in ("article", "search"):
        xs = times[kind]
        rows.append(
            {
                "scenario": "api",
                "what": kind,
                "articles": articles,
                "requests": len(xs),
                "concurrency": concurrency,
                "workers": workers,
                "p50_ms": round(_pct(xs, 50), 1),
                "p99_ms": round(_pct(xs, 99), 1),
                "mean_ms": round(statistics.fmean(xs) * 1000, 1) if xs else None,
            }
        )
    rows.append(
        {
            "scenario": "api",
            "what": "total",
            "articles": articles,
            "requests": requests,
            "concurrency": concurrency,
            "errors": len(times["errors"]),
            "req_per_s": round(requests / wall, 1),
            "store_build_s": round(built, 1),
        }
    )
    return rows


def run(ctx: Any = None) -> list[dict[str, Any]]:
    full = bool(getattr(ctx, "full", False) or (isinstance(ctx, dict) and ctx.get("full")))
    return measure(100_000 if full else 20_000, 10_000, 50)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--workers", type=int, default=1, help="newskb serve --workers")
    args = ap.parse_args()
    n, c = min(args.requests, 100_000), min(args.concurrency, 200)
    for row in measure(args.articles, n, c, max(1, min(args.workers, 8))):
        print("  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
