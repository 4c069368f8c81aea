"""Events: who did what to whom. Filled by the events work; registers an empty step for now."""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.extract.registry import extractor
from newskb.model import Article, Extraction


@extractor("events")
def extract_events(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return so_far
