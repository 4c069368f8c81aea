"""Bench: what event coding adds to spaCy's own processing time on the same texts.

Texts: the PLOVER gold sentences and the PETRARCH2 unit-test sentences, joined into short
articles (read from ../shared/corpora at run time). spaCy's full pipeline parses them once
(timed); the entities step runs untimed; then the events step alone is timed over the same docs.
``run(ctx)`` returns one row: spaCy seconds, events seconds and their ratio (target <= 0.15).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from newskb.extract.registry import registered
from newskb.model import Article, Extraction
from newskb.nlp import load

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _texts(per_article: int = 8) -> list[str]:
    lines: list[str] = []
    for path in (
        CORPORA / "plover" / "plover_gsr_cameo.jsonl",
        CORPORA / "petrarch2" / "petr2_unittest_records.jsonl",
    ):
        lines += [json.loads(x)["text"] for x in path.read_text("utf-8").splitlines() if x]
    return [" ".join(lines[i : i + per_article]) for i in range(0, len(lines), per_article)]


def run(ctx: Any = None) -> list[dict[str, Any]]:
    texts = _texts()
    nlp = load()
    list(nlp.pipe(texts[:4]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    spacy_s = time.perf_counter() - started
    steps = registered()
    xs = []
    for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        art = Article(id=str(i), sha256="", path=str(i), text=text)
        xs.append((art, doc, steps["entities"](art, doc, Extraction(article=art))))
    started = time.perf_counter()
    events = sum(len(steps["events"](a, d, x).events) for a, d, x in xs)
    events_s = time.perf_counter() - started
    return [
        {
            "scenario": "events.extract",
            "articles": len(texts),
            "words": sum(len(d) for d in docs),
            "events": events,
            "spacy_s": round(spacy_s, 3),
            "events_s": round(events_s, 3),
            "events_over_spacy": round(events_s / spacy_s, 3),
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
