"""Per-character CPU cost of the costly inputs of issue 23 against a normal article.

Usage: ``PYTHONPATH=src python scripts/cost_table.py [CASE ...]`` (default: every case). Each
case runs in a fresh process (its peak memory is its own) through ``pipeline.process_batch``
with the per-article budget on; the table (Markdown) gives characters, CPU seconds, us/char,
the ratio to the normal 20 KB article, peak RSS and the outcome (quotes found, or the code).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from generate import (
    attributed_quotes,
    live_blog,
    long_article,
    one_sentence,
    said,
    short_quotes,
)

CASES: dict[str, Callable[[], str]] = {
    "normal 20 KB article": lambda: long_article(20_000, seed=1),
    "10,000 short quotes": lambda: short_quotes(10_000),
    "5,000 attributed quotes": lambda: attributed_quotes(5_000),
    "one sentence of 20k words": lambda: one_sentence(20_000),
    "said x 50,000": lambda: said(50_000),
    "live blog, 200 Update: markers": lambda: live_blog(200, 170_000),
    "live blog, 2,000 Addition markers": lambda: live_blog(2_000, 170_000, "Addition"),
    "article near the limit (390 KB)": lambda: long_article(390_000, seed=2),
    "1 MB article": lambda: long_article(1_000_000, seed=4),
}


def one(name: str) -> dict[str, object]:
    from newskb.model import Article, ErrorRecord
    from newskb.pipeline import prepare_process, process_batch

    prepare_process()
    process_batch([Article(id="w", sha256="w", path="w", text=long_article(3_000, seed=5))])
    text = CASES[name]()
    started = time.process_time()
    out = process_batch([Article(id="x", sha256="x", path="x", text=text)])[0]
    cpu = time.process_time() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = out.code if isinstance(out, ErrorRecord) else f"{len(out.quotes)} quotes"
    return {"case": name, "chars": len(text), "cpu": cpu, "rss_mb": rss, "result": result}


def main(names: list[str]) -> None:
    rows = []
    for name in names:
        done = subprocess.run(
            [sys.executable, __file__, "--one", name], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    normal = next((r for r in rows if r["case"] == "normal 20 KB article"), rows[0])
    base = float(normal["cpu"]) / int(normal["chars"])  # type: ignore[arg-type]
    print("| input | chars | CPU s | us/char | x normal | peak RSS MB | outcome |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        per = float(r["cpu"]) / int(r["chars"])  # type: ignore[arg-type]
        print(
            f"| {r['case']} | {r['chars']:,} | {r['cpu']:.1f} | {per * 1e6:.0f} | "
            f"{per / base:.2f} | {r['rss_mb']:.0f} | {r['result']} |"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one(sys.argv[2])))
    else:
        main(sys.argv[1:] or list(CASES))
