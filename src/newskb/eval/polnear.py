"""PolNeAR (train split) reader and a cross-validated attribution scorer.

The corpus (``../shared/corpora/polnear/train``) holds political news from 7 US publishers with
attribution relations in brat standoff: ``T`` lines are Source / Cue / Content spans (character
offsets, discontinuous fragments joined by ";"), ``E`` lines tie one attribution's parts. A
document annotated by several annotators is read from one of them: the first id in sorted order.

Scoring, per fold (one publisher, or one month, held out at a time):

- ``detection``: a predicted quote is right when its content shares a word with a gold content
  (precision), a gold attribution is found when its content shares a word with a predicted one
  (recall); not one-to-one, so a statement read as two quotes is not a false one here (the exact
  content score counts that);
- ``source`` / ``cue`` / ``content``: exact spans, each field matched on its own, compared as sets
  of word tokens (``\\w+``), so punctuation and quote marks at the edges do not count.

The hand rules are not trained on PolNeAR; the learned cue-frame table is, so each fold is read
with a table counted on the other folds only (``polnear_frames.held_out_quotes``): a fold's
numbers are those of its held-out articles. The folds report the spread across publishers (or
months) and the mean is their macro average.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.eval.quotes import PRF
from newskb.model import Article, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

FIELDS = ("detection", "source", "cue", "content")
WORD = re.compile(r"\w+")
Frags = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class PolAttribution:
    source: Frags
    cue: Frags
    content: Frags


@dataclass(frozen=True, slots=True)
class PolDoc:
    name: str
    publisher: str
    month: str  # "2016-03"
    published: dt.date
    text: str
    attributions: tuple[PolAttribution, ...]


def _frags(spec: str) -> Frags:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def _read_ann(path: Path) -> tuple[PolAttribution, ...]:
    spans: dict[str, Frags] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, spec = cols[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[cols[0]] = _frags(spec)
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols[1])
    out: list[PolAttribution] = []
    for ev in events:
        parts: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for arg in ev.split():
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            if role in parts and tid in spans:
                parts[role].extend(spans[tid])
        if parts["Content"] or parts["Cue"]:
            out.append(
                PolAttribution(
                    tuple(sorted(parts["Source"])),
                    tuple(sorted(parts["Cue"])),
                    tuple(sorted(parts["Content"])),
                )
            )
    out.sort(key=lambda a: a.content[:1] or a.cue[:1])
    return tuple(out)


def read_docs(root: Path, limit: int | None = None) -> list[PolDoc]:
    """The train documents under ``root`` (the folder holding ``metadata.tsv``), by name."""
    docs: list[PolDoc] = []
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == "train"]
    by_doc: dict[str, list[Path]] = {}
    for p in sorted((root / "attributions").glob("*.ann")):
        by_doc.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    for r in sorted(rows, key=lambda r: r["filename"]):
        name = r["filename"]
        anns = by_doc.get(name, [])
        text_path = root / "text" / f"{name}.txt"
        if not anns or not text_path.is_file():
            continue
        date = dt.date.fromisoformat(r["publication_date"])
        docs.append(
            PolDoc(
                name,
                r["publisher"],
                r["publication_date"][:7],
                date,
                text_path.read_text(encoding="utf-8"),
                _read_ann(anns[0]),
            )
        )
        if limit is not None and len(docs) >= limit:
            break
    return docs


def parsed_in_batches(pdocs: Sequence[PolDoc], batch: int = 40) -> Iterator[tuple[PolDoc, Doc]]:
    """Each document with its full parse (every sentence), in the given order, ``batch``
    documents parsed at a time (bounded memory): what the training scripts read."""
    from newskb.nlp import parse_many

    for k in range(0, len(pdocs), batch):
        chunk = pdocs[k : k + batch]
        yield from zip(chunk, parse_many([d.text for d in chunk], mode="full"), strict=True)


def folds(docs: Sequence[PolDoc], by: str = "publisher") -> dict[str, list[PolDoc]]:
    """Documents grouped by ``publisher`` or ``month``, each group a held-out fold."""
    out: dict[str, list[PolDoc]] = {}
    for d in docs:
        out.setdefault(d.publisher if by == "publisher" else d.month, []).append(d)
    return dict(sorted(out.items()))


class _Words:
    """Char spans -> word-token indices of one text."""

    def __init__(self, text: str) -> None:
        ms = list(WORD.finditer(text))
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]

    def cover(self, frags: Frags) -> frozenset[int]:
        out: set[int] = set()
        for s, e in frags:
            i = max(bisect.bisect_right(self.starts, s) - 1, 0)
            while i < len(self.starts) and self.starts[i] < e:
                if self.ends[i] > s:
                    out.add(i)
                i += 1
        return frozenset(out)


Spans = list[frozenset[int]]


def _match(pred: Spans, gold: Spans, exact: bool) -> int:
    free = list(gold)
    tp = 0
    for p in pred:
        for k, g in enumerate(free):
            if (p == g) if exact else bool(p & g):
                tp += 1
                del free[k]
                break
    return tp


def _pred(words: _Words, x: Extraction) -> dict[str, Spans]:
    out: dict[str, Spans] = {f: [] for f in FIELDS}
    for q in x.quotes:
        if q.speaker is not None:
            out["source"].append(words.cover(((q.speaker.start, q.speaker.end),)))
        if q.cue is not None:
            out["cue"].append(words.cover(((q.cue.start, q.cue.end),)))
        content = words.cover(q.content.fragments or ((q.content.start, q.content.end),))
        out["content"].append(content)
        out["detection"].append(content)
    return {f: [s for s in v if s] for f, v in out.items()}


def _gold(words: _Words, doc: PolDoc) -> dict[str, Spans]:
    out: dict[str, Spans] = {f: [] for f in FIELDS}
    for a in doc.attributions:
        out["source"].append(words.cover(a.source))
        out["cue"].append(words.cover(a.cue))
        out["content"].append(words.cover(a.content))
        out["detection"].append(words.cover(a.content))
    return {f: [s for s in v if s] for f, v in out.items()}


@dataclass(frozen=True, slots=True)
class Detection(PRF):
    """Detection counts: ``tp`` predictions overlapping a gold content, ``found`` gold contents
    overlapping a prediction."""

    found: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.n_gold if self.n_gold else 0.0


@dataclass(frozen=True, slots=True)
class FoldScore:
    fold: str
    docs: int
    gold: int
    predicted: int
    scores: dict[str, PRF]


@dataclass(frozen=True, slots=True)
class PolnearReport:
    by: str
    folds: tuple[FoldScore, ...]

    def mean(self, field: str) -> tuple[float, float, float]:
        """Macro average over folds of (precision, recall, F1)."""
        n = len(self.folds) or 1
        ps = [f.scores[field] for f in self.folds]
        return (
            sum(p.precision for p in ps) / n,
            sum(p.recall for p in ps) / n,
            sum(p.f1 for p in ps) / n,
        )


def score_fold(name: str, docs: Sequence[PolDoc], extractions: Sequence[Extraction]) -> FoldScore:
    tally = {f: [0, 0, 0, 0] for f in FIELDS}  # tp (pred side), gold found, n pred, n gold
    for doc, x in zip(docs, extractions, strict=True):
        words = _Words(doc.text)
        pred, gold = _pred(words, x), _gold(words, doc)
        for f in FIELDS:
            t = tally[f]
            if f == "detection":
                t[0] += sum(1 for p in pred[f] if any(p & g for g in gold[f]))
                t[1] += sum(1 for g in gold[f] if any(p & g for p in pred[f]))
            else:
                t[0] += _match(pred[f], gold[f], exact=True)
            t[2] += len(pred[f])
            t[3] += len(gold[f])
    scores = {f: PRF(t[0], t[2], t[3]) for f, t in tally.items()}
    found = tally["detection"]
    scores["detection"] = Detection(found[0], found[2], found[3], found[1])
    return FoldScore(
        name,
        len(docs),
        sum(len(d.attributions) for d in docs),
        sum(len(x.quotes) for x in extractions),
        scores,
    )


def articles(docs: Sequence[PolDoc]) -> list[Article]:
    return [
        Article(id=d.name, sha256=d.name, path=d.name, text=d.text, published=d.published)
        for d in docs
    ]


def evaluate_polnear(
    root: Path,
    extract_fn: Callable[[Sequence[Article]], list[Extraction]] | None = None,
    by: str = "publisher",
    limit: int | None = None,
) -> PolnearReport:
    """Score quote extraction on PolNeAR train, one fold per publisher (or month); ``limit``
    keeps the first articles (by name) of each fold. By default each fold's quotes are read
    with a cue-frame table counted on the other folds only (``eval.polnear_frames``), never on
    the fold scored; ``extract_fn`` replaces the whole extraction."""
    groups = {
        name: (group[:limit] if limit is not None else group)
        for name, group in folds(read_docs(root), by).items()
    }
    if extract_fn is not None:
        return PolnearReport(
            by,
            tuple(score_fold(n, g, extract_fn(articles(g))) for n, g in groups.items()),
        )
    from newskb.eval.polnear_frames import held_out_quotes
    from newskb.extract import extract
    from newskb.nlp import parse_many

    pdocs = [d for g in groups.values() for d in g]
    parsed = parse_many([d.text for d in pdocs])
    ents = [
        extract(a, p, steps=("entities",)) for a, p in zip(articles(pdocs), parsed, strict=True)
    ]
    xs = dict(zip((d.name for d in pdocs), held_out_quotes(pdocs, parsed, ents, by), strict=True))
    return PolnearReport(
        by, tuple(score_fold(n, g, [xs[d.name] for d in g]) for n, g in groups.items())
    )
