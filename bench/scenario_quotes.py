"""Bench: what quote extraction adds to spaCy's own processing time on the same texts.

Texts: GUM Wikinews train + dev documents and the TimeBank news of TempEval-3, read from
../shared/corpora at run time. spaCy's full pipeline parses them once (timed); then the quotes
step alone (with the entities it needs computed beforehand, untimed) runs over the same docs.
``run(ctx)`` returns one row: spaCy seconds, quotes seconds and their ratio (target <= 0.15).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from newskb.eval.gum_attribution import read_docs
from newskb.extract import extract
from newskb.extract.quotes import find_quotes
from newskb.ingest import read_path
from newskb.model import Article
from newskb.nlp import load

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _articles(limit: int) -> list[Article]:
    out = [
        Article(id=d.name, sha256="", path=d.name, text=d.text)
        for d in read_docs(CORPORA / "gum_wikinews")
    ]
    for path in sorted((CORPORA / "tempeval3" / "TBAQ-cleaned" / "TimeBank").glob("*.tml")):
        if len(out) >= limit:
            break
        out.extend(a for a in read_path(str(path)) if isinstance(a, Article))
    return out[:limit]


def run(ctx: Any = None, limit: int = 120) -> list[dict[str, Any]]:
    articles = _articles(limit)
    nlp = load()
    list(nlp.pipe([a.text for a in articles[:4]]))  # warm up
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=64))
    spacy_s = time.perf_counter() - started
    before = [extract(a, d, steps=("entities",)) for a, d in zip(articles, docs, strict=True)]
    started = time.perf_counter()
    found = sum(len(find_quotes(d, x)) for d, x in zip(docs, before, strict=True))
    quotes_s = time.perf_counter() - started
    return [
        {
            "scenario": "quotes.extract",
            "articles": len(articles),
            "words": sum(len(d) for d in docs),
            "quotes": found,
            "spacy_s": round(spacy_s, 3),
            "quotes_s": round(quotes_s, 3),
            "quotes_over_spacy": round(quotes_s / spacy_s, 3),
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
