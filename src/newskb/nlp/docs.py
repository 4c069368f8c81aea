"""Per-doc views the extractors read many times, built once and kept on the doc.

spaCy rebuilds ``doc.text`` by joining every token on each access, and makes a ``Token`` object
per token on each iteration; extractors that need the text or the token offsets over and over
read them here instead.
"""

from __future__ import annotations

from spacy.attrs import IDX, LEMMA, LENGTH, LOWER
from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per doc."""
    cached = doc.user_data.get("newskb.text")
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data["newskb.text"] = cached
    return cached


def token_table(doc: Doc) -> tuple[list[str], list[int]]:
    """Every token's text and character offset, read once per doc (from the doc's arrays,
    without a ``Token`` object per token)."""
    cached = doc.user_data.get("newskb.tokens")
    if not isinstance(cached, tuple):
        text = text_of(doc)
        spans = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        cached = ([text[i : i + n] for i, n in spans], [i for i, _ in spans])
        doc.user_data["newskb.tokens"] = cached
    return cached


def lower_words(doc: Doc) -> frozenset[str]:
    """The distinct lowercase forms of the doc's tokens (``{t.lower_ for t in doc}``), once
    per doc."""
    cached = doc.user_data.get("newskb.lower_words")
    if not isinstance(cached, frozenset):
        strings = doc.vocab.strings
        keys = set(doc.to_array(LOWER).tolist()) if len(doc) else set()
        cached = frozenset(strings[k] for k in keys)
        doc.user_data["newskb.lower_words"] = cached
    return cached


def lower_lemmas(doc: Doc) -> list[str]:
    """Every token's lemma in lowercase (``t.lemma_.lower()``), once per doc."""
    cached = doc.user_data.get("newskb.lower_lemmas")
    if not isinstance(cached, list):
        strings = doc.vocab.strings
        keys = doc.to_array(LEMMA).tolist() if len(doc) else []
        lowered = {k: strings[k].lower() for k in set(keys)}
        cached = [lowered[k] for k in keys]
        doc.user_data["newskb.lower_lemmas"] = cached
    return cached
