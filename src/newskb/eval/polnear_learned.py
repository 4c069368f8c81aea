"""The learned cue classifier (``newskb.extract.quotes.learned``) trained on PolNeAR train.

Every reading the rules can make (a verb in a frame, with its source and content) is one
example; it is positive when it is a gold attribution: the verb inside the gold cue and the
contents sharing a word (as ``polnear_frames.count_doc`` counts a frame's hit). The model is an
L2-regularised logistic regression fitted by full-batch gradient descent (Adam, a fixed number
of steps, no sampling): the same documents in the same order give the same weights.
Cross-validation trains one model per fold on the other folds' examples only
(``polnear_frames.held_out_quotes``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc

from newskb.eval.polnear import PolDoc, _Words
from newskb.extract.quotes.cues import lexicon
from newskb.extract.quotes.frames import hand_reads
from newskb.extract.quotes.indirect import Lines
from newskb.extract.quotes.learned import CueModel, features, readings

Example = tuple[tuple[str, ...], bool, str]  # features, gold, lemma

MIN_FEATURE = 2  # examples a feature needs to be weighed
MIN_HITS = 2  # gold readings a lemma needs to be read at all (and one reading accepted)
L2 = 1.0
STEPS = 300
RATE = 0.05
PRUNE = 0.005  # weights smaller than this are left out of the model


def examples_of(pdoc: PolDoc, doc: Doc) -> list[Example]:
    """The readings of one annotated document with their gold label."""
    lex = lexicon()
    lines = Lines.build(doc)
    words = _Words(pdoc.text)
    gold = [(words.cover(a.cue), words.cover(a.content)) for a in pdoc.attributions]
    out: list[Example] = []
    for tok, frame, cand, kind in readings(doc, lex, lines):
        at = words.cover(((tok.idx, tok.idx + len(tok)),))
        spans = tuple((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in cand.content)
        content = words.cover(spans)
        hit = any(at & gc and content & gt for gc, gt in gold)
        out.append((tuple(features(doc, tok, frame, cand, lex, kind)), hit, tok.lemma_.lower()))
    return out


def train(examples: Sequence[Example]) -> CueModel:
    """A logistic model of the examples (deterministic)."""
    counts: Counter[str] = Counter(f for feats, _, _ in examples for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_FEATURE)
    index = {f: k for k, f in enumerate(vocab)}
    hits: Counter[str] = Counter(lemma for _, gold, lemma in examples if gold)
    lemmas = frozenset(x for x, n in hits.items() if n >= MIN_HITS)
    if not examples or not vocab:
        return CueModel({}, 0.0, lemmas)
    rows: list[int] = []
    cols: list[int] = []
    for r, (feats, _, _) in enumerate(examples):
        for k in sorted({index[f] for f in feats if f in index}):
            rows.append(r)
            cols.append(k)
    row = np.asarray(rows, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    y = np.asarray([1.0 if gold else 0.0 for _, gold, _ in examples])
    n, d = len(examples), len(vocab)
    w = np.zeros(d + 1)  # last: bias
    m = np.zeros(d + 1)
    v = np.zeros(d + 1)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, STEPS + 1):
        z = np.bincount(row, weights=w[col], minlength=n) + w[d]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = p - y
        g = np.empty(d + 1)
        g[:d] = np.bincount(col, weights=err[row], minlength=d) + L2 * w[:d]
        g[d] = err.sum()
        g /= n
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= RATE * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + eps)
    weights = {f: float(round(w[k], 4)) for f, k in index.items() if abs(w[k]) >= PRUNE}
    model = CueModel(weights, float(round(w[d], 4)), lemmas)
    # only the verbs the model accepts somewhere in its own training data are read at all
    # (the others would cost a reading per occurrence for nothing)
    lex = lexicon()
    kept = {
        lemma
        for feats, _, lemma in examples
        if model.accepts(_frame(feats), model.probability(list(feats)), hand_reads(lemma, lex))
    }
    return dataclasses.replace(model, lemmas=lemmas & kept)


def _frame(feats: Sequence[str]) -> str:
    return next((f[2:] for f in feats if f.startswith("f=")), "")
