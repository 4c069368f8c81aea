"""Per-doc views the extractors read many times, built once and kept on the doc.

spaCy rebuilds ``doc.text`` by joining every token on each access, and makes a ``Token`` object
per token on each iteration; extractors that need the text or the token offsets over and over
read them here instead.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
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
