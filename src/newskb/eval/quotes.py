"""Score quote extraction on GUM's attribution relations and ``<quote>`` markup (train + dev).

Fields: ``source`` (speaker span), ``cue`` and ``content``; plus ``quote``: GUM's ``<quote>``
markup against our direct and mixed quotes' content. Each field is scored two ways, with a
greedy one-to-one matching per document:

- ``exact``: the same tokens, after dropping punctuation at both ends (quote marks, commas);
- ``overlap``: at least one shared non-punctuation token.

GUM also annotates media credits ("Image: NAME" under a caption) as attributions. newskb does not
report those as quotes (they are not speech) but as ``Extraction.credits``; a predicted credit
counts as an attribution with its source and caption (content) and no cue. Intentions and
indirect quotes with no verb ("criticized [Sanders]") are left out of the predictions: GUM
never annotates them (see ``GUM_MODES``). ``credits=False``
leaves the credit relations out of the gold and the predicted credits out of the predictions, so
that the score is of speech and thought alone.

Predictions are mapped to gold tokens by character offsets into the reconstructed GUM text.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newskb.eval.gum_attribution import GumDoc, read_docs
from newskb.eval.metrics import f1
from newskb.model import Article, Extraction, Quote

FIELDS = ("source", "cue", "content", "quote")
# GUM's attributions are discourse units of speech and cognition: a clause (media credits aside).
# An intention's to-infinitive ("wants [to build]") is never a unit of its own there, nor is a
# noun-phrase content ("criticized [Sanders]", PolNeAR's convention): neither is scored on GUM.
GUM_MODES = frozenset({"speech", "thought", "knowledge"})
VERBAL = frozenset({"VERB", "AUX"})
PUNCT = frozenset({"PUNCT", "SYM"})


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class FieldScore:
    field: str
    exact: PRF
    overlap: PRF


@dataclass(frozen=True, slots=True)
class QuoteScores:
    corpus: str
    docs: int
    gold_attributions: int
    predicted_quotes: int
    fields: tuple[FieldScore, ...]

    def get(self, field: str) -> FieldScore:
        return next(f for f in self.fields if f.field == field)


Spans = list[frozenset[int]]


def _norm(doc: GumDoc, toks: Iterable[int]) -> frozenset[int]:
    """Token set without punctuation (so ``"...,"`` equals ``...``)."""
    return frozenset(i for i in toks if doc.tokens[i].upos not in PUNCT)


def _match(pred: Spans, gold: Spans, same: Callable[[frozenset[int], frozenset[int]], bool]) -> int:
    free = list(gold)
    tp = 0
    for p in pred:
        for k, g in enumerate(free):
            if same(p, g):
                tp += 1
                del free[k]
                break
    return tp


def _exact(p: frozenset[int], g: frozenset[int]) -> bool:
    return p == g


def _overlap(p: frozenset[int], g: frozenset[int]) -> bool:
    return bool(p & g)


class _Tokens:
    """Char offsets -> GUM token indices."""

    def __init__(self, doc: GumDoc) -> None:
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]

    def cover(self, start: int, end: int) -> frozenset[int]:
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        out = set()
        while i < len(self.starts) and self.starts[i] < end:
            if self.doc.tokens[i].end > start:
                out.add(i)
            i += 1
        return _norm(self.doc, out)


def _gum_unit(doc: GumDoc, tok: _Tokens, q: Quote) -> bool:
    """Whether GUM could annotate the quote: not an intention, and an indirect quote's content
    holds a verb (GUM's part-of-speech gold)."""
    if q.mode is not None and q.mode not in GUM_MODES:
        return False
    if q.kind != "indirect":
        return True
    pieces = q.content.fragments or ((q.content.start, q.content.end),)
    toks = frozenset().union(*(tok.cover(s, e) for s, e in pieces))
    return any(doc.tokens[i].upos in VERBAL for i in toks)


def _pred_spans(doc: GumDoc, x: Extraction, credits: bool = True) -> dict[str, Spans]:
    tok = _Tokens(doc)
    out: dict[str, Spans] = {f: [] for f in FIELDS}
    for q in x.quotes:
        if not _gum_unit(doc, tok, q):
            continue
        if q.speaker is not None:
            out["source"].append(tok.cover(q.speaker.start, q.speaker.end))
        if q.cue is not None:
            out["cue"].append(tok.cover(q.cue.start, q.cue.end))
        pieces = q.content.fragments or ((q.content.start, q.content.end),)
        content = frozenset().union(*(tok.cover(s, e) for s, e in pieces))
        out["content"].append(content)
        if q.kind != "indirect":
            out["quote"].append(content)
    for c in x.credits if credits else ():
        out["source"].append(tok.cover(c.source.start, c.source.end))
        if c.content is not None:
            out["content"].append(tok.cover(c.content.start, c.content.end))
    return {f: [s for s in v if s] for f, v in out.items()}


def _gold_spans(doc: GumDoc, credits: bool = True) -> dict[str, Spans]:
    out: dict[str, Spans] = {f: [] for f in FIELDS}
    for a in doc.attributions:
        if a.credit and not credits:
            continue
        out["source"].append(_norm(doc, a.source))
        out["cue"].append(_norm(doc, a.cue))
        out["content"].append(_norm(doc, a.content))
    out["quote"] = [_norm(doc, range(s, e + 1)) for s, e in doc.quotes]
    return {f: [s for s in v if s] for f, v in out.items()}


def score_docs(
    docs: Sequence[GumDoc],
    extract_fn: Callable[[Sequence[Article]], list[Extraction]],
    corpus: str = "gum",
    credits: bool = True,
) -> QuoteScores:
    """Run ``extract_fn`` over the documents' texts and score against their gold; with
    ``credits=False`` the media credits ("Image: NAME") are left out of gold and predictions."""
    articles = [
        Article(id=d.name, sha256=d.name, path=d.name, text=d.text, published=dt.date(2000, 1, 1))
        for d in docs
    ]
    extractions = extract_fn(articles)
    tally = {f: [0, 0, 0, 0] for f in FIELDS}  # tp exact, tp overlap, n pred, n gold
    n_pred = 0
    for doc, x in zip(docs, extractions, strict=True):
        n_pred += sum(1 for q in x.quotes if _gum_unit(doc, _Tokens(doc), q))
        pred, gold = _pred_spans(doc, x, credits), _gold_spans(doc, credits)
        for f in FIELDS:
            t = tally[f]
            t[0] += _match(pred[f], gold[f], _exact)
            t[1] += _match(pred[f], gold[f], _overlap)
            t[2] += len(pred[f])
            t[3] += len(gold[f])
    fields = tuple(
        FieldScore(f, PRF(t[0], t[2], t[3]), PRF(t[1], t[2], t[3])) for f, t in tally.items()
    )
    n_gold = sum(1 for d in docs for a in d.attributions if credits or not a.credit)
    return QuoteScores(corpus, len(docs), n_gold, n_pred, fields)


def _default_extract(articles: Sequence[Article]) -> list[Extraction]:
    from newskb.extract import extract
    from newskb.nlp import parse_many

    docs = parse_many([a.text for a in articles])
    return [
        extract(a, d, steps=("entities", "quotes", "credits"))
        for a, d in zip(articles, docs, strict=True)
    ]


def evaluate_gum(
    root: Path,
    extract_fn: Callable[[Sequence[Article]], list[Extraction]] | None = None,
    genres: Sequence[str] = ("news", "interview"),
    credits: bool = True,
) -> QuoteScores:
    """Score on GUM's Wikinews train + dev documents under ``root`` (test documents excluded)."""
    docs = [d for d in read_docs(root) if d.name.split("_")[1] in genres]
    name = "gum:" + "+".join(genres) + ("" if credits else ":no-credits")
    return score_docs(docs, extract_fn or _default_extract, name, credits)
