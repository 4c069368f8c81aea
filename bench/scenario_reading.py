"""Bench: what reading (decoding, the plain-text head, page metadata, JSON Lines) costs beside
processing the same articles (issue 18: reading adds <= 2%).

Texts: the first ``limit`` PolNeAR plain-text articles (../shared/corpora at run time), read from
disk as ``.txt`` and as one news-please JSON Lines file. Reading is timed best of 5; processing
(``pipeline.process_batch``: NLP + every extractor) once, in this process.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from newskb.ingest import read_paths
from newskb.model import Article
from newskb.pipeline import prepare_process, process_batch

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _best(paths: list[str]) -> tuple[float, list[Article]]:
    best, arts = 1e9, []
    for _ in range(5):
        started = time.perf_counter()
        arts = [a for a in read_paths(paths) if isinstance(a, Article)]
        best = min(best, time.perf_counter() - started)
    return best, arts


def run(ctx: Any = None, limit: int = 64) -> list[dict[str, Any]]:
    paths = sorted(str(p) for p in (CORPORA / "polnear" / "train" / "text").glob("*.txt"))[:limit]
    read_s, arts = _best(paths)
    with tempfile.TemporaryDirectory() as tmp:
        jl = Path(tmp) / "np.jsonl"
        with jl.open("w", encoding="utf-8") as fh:
            for a in arts:
                fh.write(
                    json.dumps(
                        {
                            "maintext": a.text,
                            "title": a.title,
                            "date_publish": "2016-05-01 10:00:00",
                            "authors": ["A B"],
                        }
                    )
                    + "\n"
                )
        jsonl_s, _ = _best([str(jl)])
    prepare_process()
    started = time.perf_counter()
    for i in range(0, len(arts), 32):
        process_batch(arts[i : i + 32])
    process_s = time.perf_counter() - started
    return [
        {
            "scenario": "reading",
            "articles": len(arts),
            "read_text_s": round(read_s, 4),
            "read_jsonl_s": round(jsonl_s, 4),
            "process_s": round(process_s, 3),
            "text_share": round(read_s / process_s, 4),
            "jsonl_share": round(jsonl_s / process_s, 4),
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
