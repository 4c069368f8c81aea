"""Extractors are small registered callables: ``(article, doc, so_far) -> so_far'``.

Each is a pure function of the parsed article and what the steps before it found; it returns a
new ``Extraction`` (the input is frozen). Steps run in registration order of ``ORDER``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from spacy.tokens import Doc

from newskb.model import Article, Extraction

Extractor: TypeAlias = Callable[[Article, Doc, Extraction], Extraction]

ORDER = ("entities", "times", "quotes", "credits", "events")
_REGISTRY: dict[str, Extractor] = {}


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register ``fn`` as the extractor called ``name`` (one of ``ORDER``)."""
    if name not in ORDER:
        raise ValueError(f"unknown extractor step {name!r}; steps are {ORDER}")

    def register(fn: Extractor) -> Extractor:
        _REGISTRY[name] = fn
        return fn

    return register


def registered() -> dict[str, Extractor]:
    return dict(_REGISTRY)
