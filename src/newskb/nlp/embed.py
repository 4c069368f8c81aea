"""Token embeddings computed once per distinct token, not once per occurrence.

The first half of every spaCy ``Tok2Vec`` (the shared ``tok2vec`` the tagger and parser listen
to, and the NER's own) is ``MultiHashEmbed``: a token's lexical features (norm, prefix, suffix,
shape, and for the shared one whether a space follows) are hashed into embedding tables, mixed by a
maxout layer and normalised. That output depends on the feature values alone, never on the
neighbours; only the second half (the CNN encoder) reads context. A news batch repeats its
words a lot (about four occurrences per distinct feature row in a 64-article batch), so
:func:`distinct_embed` computes the embedding of each distinct feature row once (and remembers
it for later batches, up to ``MEMO_MAX`` rows) and gathers it back to every occurrence: the same
arithmetic on fewer rows, and the same vectors (``tests/nlp/test_embed.py`` compares them, and
the NER and parse, with spaCy's own on news).

:func:`install` swaps the embedding layer of a loaded pipeline in place. ``newskb.nlp.load``
does so for newskb's pipeline; ``make bench`` loads a separate, untouched pipeline for raw spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

NAME = "newskb_distinct_embed"
MEMO_MAX = 200_000  # distinct feature rows remembered per layer (about 77 MB of vectors)


def _parts(embed: Model[Any, Any]) -> tuple[Model[Any, Any], Model[Any, Any], Model[Any, Any]]:
    """(feature extractor, hashed tables, mixing layer) of a ``MultiHashEmbed`` chain:
    extract_features >> list2ragged >> with_array(tables) >> with_array(mix) >> ragged2list."""
    names = [layer.name for layer in embed.layers]
    if (
        len(names) != 5
        or names[0] != "extract_features"
        or names[1] != "list2ragged"
        or names[4] != "ragged2list"
        or not all(n.startswith("with_array(") for n in names[2:4])
    ):
        raise ValueError(f"not a MultiHashEmbed chain: {names}")
    return embed.layers[0], embed.layers[2].layers[0], embed.layers[3].layers[0]


class _Memo:
    """The vectors already computed, by feature row (bounded: cleared when full)."""

    def __init__(self, width: int) -> None:
        self.index: dict[bytes, int] = {}
        self.vectors = numpy.zeros((1024, width), dtype="float32")

    def lookup(self, keys: list[bytes]) -> tuple[list[int], list[int]]:
        """Row numbers of ``keys`` in ``vectors`` (-1 where unknown) and the unknown positions."""
        if len(self.index) + len(keys) > MEMO_MAX:
            self.index.clear()
        get = self.index.get
        rows = [get(k, -1) for k in keys]
        return rows, [i for i, r in enumerate(rows) if r < 0]

    def add(self, keys: list[bytes], vectors: Any) -> list[int]:
        first = len(self.index)
        need = first + len(keys)
        if need > len(self.vectors):
            grown = numpy.zeros(
                (max(need, 2 * len(self.vectors)), self.vectors.shape[1]), "float32"
            )
            grown[:first] = self.vectors[:first]
            self.vectors = grown
        self.vectors[first:need] = vectors
        for i, k in enumerate(keys):
            self.index[k] = first + i
        return list(range(first, need))


_MEMOS: dict[int, _Memo] = {}


def _forward(model: Model[Any, Any], docs: Sequence[Doc], is_train: bool) -> tuple[Any, Any]:
    if is_train:
        raise RuntimeError("the distinct-token embedding is for prediction only")
    extract, tables, mix = model.layers
    feats: list[Any] = extract.predict(docs)
    lengths = [len(f) for f in feats]
    width = model.get_dim("nO")
    if not sum(lengths):
        return [model.ops.alloc2f(n, width) for n in lengths], _no_backprop
    rows = numpy.ascontiguousarray(numpy.concatenate(feats), dtype="uint64")
    distinct, inverse = numpy.unique(rows, axis=0, return_inverse=True)
    keys: list[bytes] = (
        numpy.ascontiguousarray(distinct).view(f"V{8 * rows.shape[1]}").ravel().tolist()
    )
    memo = _MEMOS.setdefault(model.id, _Memo(width))
    where, missing = memo.lookup(keys)
    if missing:
        new = mix.predict(tables.predict(cast(Any, distinct[missing])))
        for i, r in zip(missing, memo.add([keys[i] for i in missing], new), strict=True):
            where[i] = r
    gathered = memo.vectors[numpy.asarray(where)[inverse.reshape(-1)]]
    out: list[Any] = []
    start = 0
    for n in lengths:
        out.append(gathered[start : start + n])
        start += n
    return out, _no_backprop


def _no_backprop(d_out: Any) -> Any:  # pragma: no cover - never trained
    raise RuntimeError("the distinct-token embedding is for prediction only")


def distinct_embed(embed: Model[Any, Any]) -> Model[Any, Any]:
    """A prediction-only layer equivalent to the ``MultiHashEmbed`` chain ``embed``."""
    extract, tables, mix = _parts(embed)
    return Model(
        NAME,
        _forward,
        layers=[extract, tables, mix],
        dims={"nO": embed.get_dim("nO")},
    )


def _tok2vec_chains(nlp: Language) -> list[Model[Any, Any]]:
    """The ``embed >> encode`` chains of the shared tok2vec and of the NER's own tok2vec."""
    out: list[Model[Any, Any]] = []
    if "tok2vec" in nlp.component_names:
        out.append(cast(Any, nlp.get_pipe("tok2vec")).model)
    if "ner" in nlp.component_names:
        # parser_model(tok2vec >> list2array >> linear, ...): tok2vec is chain(embed, encode)
        out.append(cast(Any, nlp.get_pipe("ner")).model.layers[0].layers[0])
    return out


def install(nlp: Language) -> int:
    """Swap the embedding layer of every ``Tok2Vec`` in ``nlp`` for :func:`distinct_embed`;
    return how many were swapped (a pipeline of another shape is left alone)."""
    n = 0
    for chain in _tok2vec_chains(nlp):
        first = chain.layers[0] if chain.layers else None
        if first is None or first.name == NAME:
            continue
        try:
            chain.layers[0] = distinct_embed(first)
        except (ValueError, IndexError, KeyError):
            continue
        n += 1
    return n
