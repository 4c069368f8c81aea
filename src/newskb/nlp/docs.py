"""Per-doc views the extractors read many times, built once and kept on the doc.

spaCy rebuilds ``doc.text`` by joining every token on each access, and makes a ``Token`` object
per token on each iteration; extractors that need the text or the token offsets over and over
read them here instead.
"""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per doc."""
    cached = doc.user_data.get("newskb.text")
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data["newskb.text"] = cached
    return cached


def token_table(doc: Doc) -> tuple[list[str], list[int]]:
    """Every token's text and character offset, read once per doc."""
    cached = doc.user_data.get("newskb.tokens")
    if not isinstance(cached, tuple):
        cached = ([t.text for t in doc], [t.idx for t in doc])
        doc.user_data["newskb.tokens"] = cached
    return cached
