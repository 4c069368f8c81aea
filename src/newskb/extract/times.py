"""Time expressions (TIMEX3). Filled by the times work; registers an empty step for now."""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.extract.registry import extractor
from newskb.model import Article, Extraction


@extractor("times")
def extract_times(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return so_far
