"""Score time expressions with the TempEval-3 definitions.

Extents: strict (same start and end) and relaxed (any overlap) precision, recall and F1, with a
one-to-one pairing. Attributes are judged on the relaxed pairs: type accuracy and value accuracy
(exact TIMEX3 string); value F1 = relaxed F1 x value accuracy, as TempEval-3 reports it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newskb.eval.metrics import prf
from newskb.eval.timeml import load_meantime, load_timeml
from newskb.model import Article, GoldTimex, TimeExpr, TimeGoldDoc, TimeScores

__all__ = [
    "CORPORA",
    "Pair",
    "corpus_docs",
    "error_kind",
    "evaluate",
    "pairs",
    "score",
    "tag_docs",
]

CORPORA = ("tempeval3", "meantime")
SPLITS = {
    "tempeval3": {
        "all": ("TimeBank", "AQUAINT"),
        "timebank": ("TimeBank",),
        "aquaint": ("AQUAINT",),
    },
    "meantime": {
        "all": ("corpus_airbus", "corpus_apple"),
        "airbus": ("corpus_airbus",),
        "apple": ("corpus_apple",),
    },
}


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold expression and the system expression paired with it (relaxed), if any."""

    doc: str
    gold: GoldTimex | None
    system: TimeExpr | None


def error_kind(p: Pair) -> str | None:
    """What is wrong with a pair, for error analysis: ``missed`` (no system expression),
    ``spurious`` (no gold one), ``value``, ``type``, ``extent`` (relaxed match only), or None."""
    if p.system is None:
        return "missed"
    if p.gold is None:
        return "spurious"
    if p.gold.value != p.system.value:
        return "value"
    if p.gold.type != p.system.type:
        return "type"
    if (p.gold.start, p.gold.end) != (p.system.start, p.system.end):
        return "extent"
    return None


def corpus_docs(corpora: Path, corpus: str, split: str = "all") -> list[TimeGoldDoc]:
    """Gold documents of ``corpus`` (tempeval3 | meantime) and one of its splits."""
    if corpus not in SPLITS or split not in SPLITS[corpus]:
        raise ValueError(f"unknown corpus/split {corpus}/{split}")
    docs: list[TimeGoldDoc] = []
    for part in SPLITS[corpus][split]:
        if corpus == "tempeval3":
            docs += load_timeml(corpora / "tempeval3" / "TBAQ-cleaned" / part)
        else:
            docs += load_meantime(corpora / "meantime" / "intra-doc_annotation" / part)
    return docs


def _overlap(g: GoldTimex, s: TimeExpr) -> int:
    return min(g.end, s.end) - max(g.start, s.start)


def pairs(doc: str, gold: Sequence[GoldTimex], system: Sequence[TimeExpr]) -> list[Pair]:
    """Pair gold and system expressions one-to-one, largest overlap first."""
    cands = sorted(
        ((_overlap(g, s), i, j) for i, g in enumerate(gold) for j, s in enumerate(system)
         if _overlap(g, s) > 0),
        reverse=True,
    )  # fmt: skip
    used_g: set[int] = set()
    used_s: set[int] = set()
    out: list[Pair] = []
    for _, i, j in cands:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        out.append(Pair(doc, gold[i], system[j]))
    out += [Pair(doc, g, None) for i, g in enumerate(gold) if i not in used_g]
    out += [Pair(doc, None, s) for j, s in enumerate(system) if j not in used_s]
    return out


def score(corpus: str, docs: int, all_pairs: Sequence[Pair]) -> TimeScores:
    """TempEval-3 scores over the pairs of every document."""
    n_gold = sum(1 for p in all_pairs if p.gold is not None)
    n_sys = sum(1 for p in all_pairs if p.system is not None)
    matched = [(p.gold, p.system) for p in all_pairs if p.gold and p.system]
    strict = sum(1 for g, s in matched if g.start == s.start and g.end == s.end)
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(len(matched), n_sys, n_gold)
    n = len(matched)
    type_acc = sum(1 for g, s in matched if g.type == s.type) / n if n else 0.0
    value_acc = sum(1 for g, s in matched if g.value == s.value) / n if n else 0.0
    return TimeScores(
        corpus=corpus,
        docs=docs,
        gold=n_gold,
        system=n_sys,
        strict_p=sp,
        strict_r=sr,
        strict_f1=sf,
        relaxed_p=rp,
        relaxed_r=rr,
        relaxed_f1=rf,
        type_accuracy=type_acc,
        value_accuracy=value_acc,
        value_f1=rf * value_acc,
    )


Tagger = Callable[[Sequence[Article]], list[tuple[TimeExpr, ...]]]


def as_article(doc: TimeGoldDoc) -> Article:
    """The article the tagger sees for a gold document: same text, DCT as publication date."""
    return Article(
        id=doc.name[:16], sha256="", path=doc.name, text=doc.text, published=doc.published
    )


def tag_docs(articles: Sequence[Article]) -> list[tuple[TimeExpr, ...]]:
    """Parse with the real model (``newskb.nlp.parse_many``) and run the times extractor."""
    from newskb.extract.times import tag_article
    from newskb.nlp import parse_many

    parsed = parse_many([a.text for a in articles])
    return [tag_article(a, d) for a, d in zip(articles, parsed, strict=True)]


def evaluate(
    corpora: Path,
    corpus: str,
    split: str = "all",
    limit: int | None = None,
    tagger: Tagger = tag_docs,
) -> tuple[TimeScores, list[Pair]]:
    """Tag the gold documents of one corpus split and score them; also return the pairs."""
    docs = corpus_docs(corpora, corpus, split)[:limit]
    articles = [as_article(d) for d in docs]
    predicted = tagger(articles)
    all_pairs: list[Pair] = []
    for d, system in zip(docs, predicted, strict=True):
        all_pairs += pairs(d.name, d.timexes, system)
    return score(f"{corpus}/{split}", len(docs), all_pairs), all_pairs
