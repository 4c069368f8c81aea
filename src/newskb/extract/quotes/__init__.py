"""Quotes: who said what. Filled by the quotes work; registers an empty step for now."""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.extract.registry import extractor
from newskb.model import Article, Extraction


@extractor("quotes")
def extract_quotes(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return so_far
