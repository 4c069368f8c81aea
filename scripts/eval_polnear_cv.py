"""Cross-validated attribution scores on PolNeAR train: every fold held out by publisher and by
month, from one parse of the 840 articles.

The hand rules learn nothing from PolNeAR; what they were written from is the 2015-11 and 2015-12
articles (``STUDIED``), so the by-month table also gives the mean over the months never studied.
The learned cue-frame table is counted, and the learned cue classifier trained, anew for every
fold on the other folds only (``newskb.eval.polnear_frames.held_out_quotes``): no article is
read with a table or model it helped make. The timing line is that of the packaged table and
model (what the pipeline runs). Usage::

    PYTHONPATH=src python scripts/eval_polnear_cv.py [--path ../shared/corpora/polnear/train]
        [--every 70]   # also report on each growing prefix (round robin over publishers)
        [--convention polnear|both]  # the quotes rewritten to PolNeAR's span conventions
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

from newskb.eval.polnear import (
    FIELDS,
    FoldScore,
    PolDoc,
    articles,
    folds,
    read_docs,
    score_fold,
)
from newskb.eval.polnear_convention import to_polnear
from newskb.eval.polnear_frames import held_out_quotes
from newskb.extract import extract
from newskb.extract.quotes import find_quotes
from newskb.model import Extraction
from newskb.nlp import parse_many

STUDIED = frozenset({"2015-11", "2015-12"})


def _row(name: str, f: list[FoldScore]) -> str:
    def mean(field: str, what: str) -> float:
        return float(sum(getattr(x.scores[field], what) for x in f)) / len(f)

    det = f"{mean('detection', 'precision'):.3f} {mean('detection', 'recall'):.3f}"
    spans = " ".join(
        f"{mean(k, 'precision'):.3f}/{mean(k, 'recall'):.3f}/{mean(k, 'f1'):.3f}"
        for k in FIELDS[1:]
    )
    docs = sum(x.docs for x in f)
    gold = sum(x.gold for x in f)
    return f"| {name} | {docs} | {gold} | {det} | {spans} |"


def _interleaved(docs: list[PolDoc]) -> list[PolDoc]:
    """Round robin over the publishers, each in a fixed order spread over its months (by a hash
    of the name): any prefix is a sample of every publisher and month."""
    groups = [
        sorted(g, key=lambda d: hashlib.sha256(d.name.encode()).hexdigest())
        for g in folds(docs, "publisher").values()
    ]
    return [g[k] for k in range(max(map(len, groups))) for g in groups if k < len(g)]


def _report(
    docs: list[PolDoc],
    parsed: list[Doc],
    ents: list[Extraction],
    timing: tuple[float, float],
    convention: str,
) -> None:
    parse_s, quote_s = timing
    print(f"\n## {len(docs)} articles: parse {parse_s:.0f}s, quotes {quote_s:.1f}s "
          f"({100 * quote_s / parse_s:.1f}% of the parse)")  # fmt: skip
    head = "| fold | docs | gold | detection P R | source P/R/F1 | cue P/R/F1 | content P/R/F1 |"
    runs = [(by, c) for by in ("publisher", "month") for c in ("newskb", "polnear")]
    for by, conv in runs:
        if convention not in (conv, "both"):
            continue
        xs = held_out_quotes(docs, parsed, ents, by)
        if conv == "polnear":
            xs = [
                dataclasses.replace(x, quotes=to_polnear(p, x.quotes))
                for p, x in zip(parsed, xs, strict=True)
            ]
        by_name = {d.name: x for d, x in zip(docs, xs, strict=True)}
        print(f"\n### spans in {conv}'s conventions")
        scored = [
            score_fold(k, g, [by_name[d.name] for d in g]) for k, g in folds(docs, by).items()
        ]
        print(f"\nheld out by {by}\n{head}\n|---|---|---|---|---|---|---|")
        for f in scored:
            print(_row(f.fold, [f]))
        print(_row("**mean**", scored))
        if by == "month":
            unseen = [f for f in scored if f.fold not in STUDIED]
            print(_row("**mean, months not studied**", unseen))
    sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", type=Path, default=Path("../shared/corpora/polnear/train"))
    ap.add_argument("--every", type=int, default=0, help="report after every N articles too")
    ap.add_argument("--convention", choices=("newskb", "polnear", "both"), default="newskb")
    args = ap.parse_args()
    docs = _interleaved(read_docs(args.path))
    step = args.every or len(docs)
    done: list[PolDoc] = []
    parsed: list[Doc] = []
    ents: list[Extraction] = []
    parse_s = quote_s = 0.0
    for k in range(0, len(docs), step):
        chunk = docs[k : k + step]
        t0 = time.perf_counter()
        batch = parse_many([d.text for d in chunk])
        parse_s += time.perf_counter() - t0
        for a, p in zip(articles(chunk), batch, strict=True):
            x = extract(a, p, steps=("entities",))
            q0 = time.perf_counter()
            find_quotes(p, x)
            quote_s += time.perf_counter() - q0
            ents.append(x)
        parsed.extend(batch)
        done.extend(chunk)
        _report(done, parsed, ents, (parse_s, quote_s), args.convention)


if __name__ == "__main__":
    main()
