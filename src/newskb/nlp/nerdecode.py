"""spaCy's greedy NER decoder, re-done over whole arrays: the same entities, a fraction of the cost.

spaCy's NER scores one token at a time: for each token it sums three precomputed feature rows
(the token, the first token of an open entity, the token before), takes the maxout, scores the
74 BILUO moves with the output layer and keeps the best *valid* move. The network part is cheap;
the validity test of every move at every token is not: spaCy's compiled parser (built with
profiling hooks on Python < 3.12) takes and drops the GIL twice per state look-up, which made
the decoding loop cost as much as the NER's whole ``Tok2Vec`` (``make bench``, ``perf``).

With no entity open, the features depend on the token alone (the other two are the padding
rows), so :func:`recognise` scores every token of the batch in one product and picks the best
valid move per token with array operations; only inside an entity (a few tokens in ten) does it
step token by token, exactly as spaCy does. Every number is computed as spaCy computes it: the
features summed in spaCy's order, the maxout, and the output layer through the same ``blis``
``sgemm`` spaCy's decoder calls, so the scores are the same floats. Validity follows
``spacy/pipeline/_parser_internals/ner.pyx`` for documents without preset entities (newskb
recognises fresh documents only; a preset entity sends the batch to spaCy's own decoder).

:func:`usable` says whether a loaded NER component has the shape this relies on;
``newskb.nlp.guard`` also compares it with spaCy's own decoder at start-up, and
``tests/nlp/test_nerdecode.py`` on news.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from blis.py import gemm as blis_gemm  # type: ignore[import-untyped]  # thinc's own dependency
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

_KINDS = ("B", "I", "L", "U", "O")


class Moves:
    """The NER's moves by kind: indices into the score vector and their labels."""

    def __init__(self, ner: Any) -> None:
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.n = len(names)
        kinds: dict[str, list[int]] = {k: [] for k in _KINDS}
        labels: dict[int, str] = {}
        for i, name in enumerate(names):
            kind, _, label = name.partition("-")
            if kind not in kinds:
                raise ValueError(f"unknown NER move {name!r}")
            if kind == "O" or label:  # "U-" (no label) is valid only on preset entities
                kinds[kind].append(i)
                labels[i] = label
        self.begin = numpy.array(kinds["B"], dtype="int64")
        self.begin_set = frozenset(kinds["B"])
        self.unit = numpy.array(kinds["U"], dtype="int64")
        self.out = numpy.array(kinds["O"], dtype="int64")
        self.labels = labels
        self.inside = {labels[i]: i for i in kinds["I"]}
        self.last = {labels[i]: i for i in kinds["L"]}
        if len(self.out) != 1 or set(self.inside) != set(self.last):
            raise ValueError("NER moves are not BILUO")


def usable(ner: Any) -> bool:
    """True when ``ner`` is the greedy, three-feature maxout model this decoder mirrors."""
    try:
        model = ner.model
        lower, upper = model.layers[1], model.layers[2]
        Moves(ner)
        return bool(
            ner.cfg.get("beam_width", 1) == 1
            and model.attrs.get("has_upper")
            and not model.attrs.get("unseen_classes")
            and lower.get_dim("nF") == 3
            and lower.get_dim("nP") >= 2
            and upper.get_param("W").shape == (ner.moves.n_moves, lower.get_dim("nO"))
        )
    except (AttributeError, IndexError, KeyError, ValueError):
        return False


def _scores(hidden: Any, w: Any, b: Any) -> Any:
    """The output layer as spaCy's decoder computes it (blis sgemm, then the bias)."""
    out = blis_gemm(hidden, w, trans2=True, alpha=1.0, beta=0.0)
    out += b
    return out


def recognise(ner: Any, moves: Moves, docs: Sequence[Doc]) -> None:
    """Set the entities of ``docs`` as ``for _ in ner.pipe(docs): pass`` would (one batch)."""
    docs = list(docs)
    if not any(len(d) for d in docs):
        return
    if any(d.to_array(ENT_IOB).any() for d in docs if len(d)):
        for _ in ner.pipe(docs, batch_size=len(docs)):
            pass
        return
    model = ner.model
    tok2vec, lower, upper = model.layers[0], model.layers[1], model.layers[2]
    tokvecs = tok2vec.predict(docs)
    cached, _ = lower(tokvecs, is_train=False)  # (N + 1, 3, nO, nP); row 0 is the padding
    cached = numpy.ascontiguousarray(cached, dtype="float32")
    bias = lower.get_param("b")
    w = numpy.ascontiguousarray(upper.get_param("W"), dtype="float32")
    b = upper.get_param("b")
    pad = cached[0]
    # no entity open: features (token, padding, padding), summed in spaCy's order
    closed = cached[1:, 0] + pad[1]
    closed += pad[2]
    closed += bias
    scores = _scores(numpy.ascontiguousarray(closed.max(axis=-1)), w, b)
    offset = 0
    for doc in docs:
        n = len(doc)
        if n:
            _decode(doc, cached, offset, scores[offset : offset + n], moves, bias, w, b)
        offset += n


def _decode(
    doc: Doc, cached: Any, offset: int, closed: Any, moves: Moves, bias: Any, w: Any, b: Any
) -> None:
    n = len(doc)
    starts, space = doc.to_array([SENT_START, IS_SPACE]).T
    next_start = numpy.zeros(n, dtype=bool)
    next_start[:-1] = starts[1:] == 1
    can_begin = ~next_start & (space == 0)
    can_begin[-1] = False
    masked = numpy.full_like(closed, -numpy.inf)
    masked[:, moves.out] = closed[:, moves.out]
    masked[:, moves.unit] = numpy.where((space == 0)[:, None], closed[:, moves.unit], -numpy.inf)
    masked[:, moves.begin] = numpy.where(can_begin[:, None], closed[:, moves.begin], -numpy.inf)
    best = masked.argmax(axis=1)
    out = int(moves.out[0])
    ents: list[Span] = []
    labels = moves.labels
    t = 0
    todo = numpy.flatnonzero(best != out).tolist()
    k = 0
    while k < len(todo):
        t = todo[k]
        k += 1
        move = int(best[t])
        label = labels[move]
        if move in moves.begin_set:
            end = _inside(cached, offset, t, n, next_start, label, moves, bias, w, b)
            ents.append(Span(doc, t, end, label=label))
            while k < len(todo) and todo[k] < end:
                k += 1
        else:  # a unit entity
            ents.append(Span(doc, t, t + 1, label=label))
    doc.set_ents(ents, default="outside")


def _inside(
    cached: Any,
    offset: int,
    start: int,
    n: int,
    next_start: Any,
    label: str,
    moves: Moves,
    bias: Any,
    w: Any,
    b: Any,
) -> int:
    """Step through the entity begun at ``start``; return its end (exclusive)."""
    i_move, l_move = moves.inside[label], moves.last[label]
    row = 1 + offset
    t = start + 1
    while True:
        unmaxed = cached[row + t, 0] + cached[row + start, 1]
        unmaxed += cached[row + t - 1, 2]
        unmaxed += bias
        s = _scores(unmaxed.max(axis=-1)[None, :], w, b)[0]
        can_in = t <= n - 2 and not next_start[t]
        # the first best valid move wins (spaCy's arg_max_if_valid scans in move order)
        if can_in and (s[i_move] > s[l_move] or (s[i_move] == s[l_move] and i_move < l_move)):
            t += 1
            continue
        return t + 1
