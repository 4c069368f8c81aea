"""Extraction: entities, times, quotes, media credits and events from a parsed article (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newskb.errors import ExtractorFailed
from newskb.extract import credits as _credits  # noqa: F401  (registers the step)
from newskb.extract import entities as _entities  # noqa: F401
from newskb.extract import events as _events  # noqa: F401
from newskb.extract import quotes as _quotes  # noqa: F401
from newskb.extract import times as _times  # noqa: F401
from newskb.extract.registry import ORDER, registered
from newskb.model import Article, Extraction

__all__ = ["ORDER", "extract"]


def extract(article: Article, doc: Doc, steps: Sequence[str] = ORDER) -> Extraction:
    """Run the registered extractors in order over one parsed article."""
    result = Extraction(article=article)
    table = registered()
    for name in steps:
        fn = table.get(name)
        if fn is None:
            continue
        try:
            result = fn(article, doc, result)
        except Exception as exc:  # an extractor bug must not lose the article
            raise ExtractorFailed(f"{name} extractor failed: {exc!r}", path=article.path) from exc
    return result
