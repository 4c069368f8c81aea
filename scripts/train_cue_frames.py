"""Train the learned cue-frame table (``src/newskb/extract/quotes/data/frames.tsv``) from PolNeAR
train (``../shared/corpora/polnear/train``; its dev and test splits are never used).

For every verb outside the hand lexicons and every frame the rules can read it in (see
``newskb.extract.quotes.frames``), count how often the reading is seen and how often it is a gold
attribution (the verb inside the gold cue, the contents sharing a word). Deterministic: counts
only, documents in name order. ``--cv`` scores the table by publisher instead: for each of the
7 publishers, a table counted on the other 6 is used on it (the packaged table is not touched).

    PYTHONPATH=src python scripts/train_cue_frames.py [--path DIR] [--out FILE] [--cv]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from newskb.eval.polnear import PolDoc, _Words, articles, folds, read_docs, score_fold
from newskb.extract import extract
from newskb.extract.quotes import HAND_LEMMAS, find_quotes
from newskb.extract.quotes.cues import lexicon
from newskb.extract.quotes.frames import FrameTable, frames_of, read_frame
from newskb.extract.quotes.indirect import Lines
from newskb.model import Extraction
from newskb.nlp import parse_many

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
DEFAULT_OUT = ROOT / "src" / "newskb" / "extract" / "quotes" / "data" / "frames.tsv"

Counts = dict[tuple[str, str], list[int]]


def count_doc(pdoc: PolDoc, doc: Doc, counts: Counts) -> None:
    """Add one document's (seen, hits) per (lemma, frame) to ``counts``."""
    lex = lexicon()
    lines = Lines.build(doc)
    words = _Words(pdoc.text)
    gold = [(words.cover(a.cue), words.cover(a.content)) for a in pdoc.attributions]
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma in HAND_LEMMAS or not lemma.isalpha():
            continue
        for frame in frames_of(tok, lines):
            cand = read_frame(doc, tok, frame, lines, lex)
            if cand is None:
                continue
            at = words.cover(((tok.idx, tok.idx + len(tok)),))
            content = words.cover(
                tuple((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in cand.content)
            )
            hit = any(at & gc and content & gt for gc, gt in gold)
            row = counts.setdefault((lemma, frame), [0, 0])
            row[0] += 1
            row[1] += int(hit)


def table(pdocs: Sequence[PolDoc], docs: Sequence[Doc]) -> FrameTable:
    counts: Counts = {}
    for p, d in zip(pdocs, docs, strict=True):
        count_doc(p, d, counts)
    return FrameTable({k: (v[0], v[1]) for k, v in counts.items()})


def cross_validate(
    pdocs: Sequence[PolDoc], docs: Sequence[Doc], ents: Sequence[Extraction]
) -> None:
    """Per publisher: the table counted on the other publishers, scored on this one."""
    per_doc: list[Counts] = []
    for p, d in zip(pdocs, docs, strict=True):
        c: Counts = {}
        count_doc(p, d, c)
        per_doc.append(c)
    index = {p.name: k for k, p in enumerate(pdocs)}
    rows = []
    for name, group in folds(pdocs, "publisher").items():
        held = {index[p.name] for p in group}
        total: Counter[tuple[str, str]] = Counter()
        hits: Counter[tuple[str, str]] = Counter()
        for k, c in enumerate(per_doc):
            if k in held:
                continue
            for key, (s, h) in c.items():
                total[key] += s
                hits[key] += h
        t = FrameTable({key: (total[key], hits[key]) for key in total})
        xs = [
            dataclasses.replace(ents[k], quotes=find_quotes(docs[k], ents[k], t))
            for k in sorted(held)
        ]
        rows.append(score_fold(name, [pdocs[k] for k in sorted(held)], xs))
    for f in ("detection", "source", "cue", "content"):
        n = len(rows)
        p = sum(r.scores[f].precision for r in rows) / n
        r_ = sum(r.scores[f].recall for r in rows) / n
        f1 = sum(r.scores[f].f1 for r in rows) / n
        print(f"{f}: P {p:.3f} R {r_:.3f} F1 {f1:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cv", action="store_true")
    args = ap.parse_args()
    pdocs = read_docs(args.path)
    docs = parse_many([d.text for d in pdocs], mode="full")
    if args.cv:
        ents = [extract(a, p, steps=("entities",)) for a, p in zip(articles(pdocs), docs)]
        cross_validate(pdocs, docs, ents)
        return
    t = table(pdocs, docs)
    args.out.write_text(t.to_tsv(), encoding="utf-8")
    print(f"{len(t.counts)} frames, {len(t.lemmas)} lemmas used -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
