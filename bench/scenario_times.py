"""Bench: what time tagging adds to spaCy's own processing time on the same texts.

Texts: the TimeBank documents of TempEval-3 (read from ../shared/corpora at run time). spaCy's
full pipeline parses them once (timed); then the times step alone is timed over the same docs.
``run(ctx)`` returns one row: spaCy seconds, times seconds and their ratio (target <= 0.10).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from newskb.eval.timeml import load_timeml
from newskb.extract.times import tag_article
from newskb.model import Article
from newskb.nlp import load
from newskb.resolve.places import zone_for_place

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def run(ctx: Any = None, limit: int = 100) -> list[dict[str, Any]]:
    gold = load_timeml(CORPORA / "tempeval3" / "TBAQ-cleaned" / "TimeBank")[:limit]
    articles = [
        Article(id=str(i), sha256="", path=d.name, text=d.text, published=d.published)
        for i, d in enumerate(gold)
    ]
    nlp = load()
    list(nlp.pipe([a.text for a in articles[:4]]))  # warm up
    zone_for_place("Kyiv")  # build the place index once, outside the timing
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=64))
    spacy_s = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(tag_article(a, d)) for a, d in zip(articles, docs, strict=True))
    times_s = time.perf_counter() - started
    return [
        {
            "scenario": "times.extract",
            "articles": len(articles),
            "words": sum(len(d) for d in docs),
            "times": found,
            "spacy_s": round(spacy_s, 3),
            "times_s": round(times_s, 3),
            "times_over_spacy": round(times_s / spacy_s, 3),
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
