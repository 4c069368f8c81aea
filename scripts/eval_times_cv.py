"""Two-fold cross-validated time-tagger scores on TBAQ (TempEval-3 training), plus MEANTIME.

The value rules are hand-written; to score a rule fairly it is written from the value errors of
one half of TBAQ and judged on the other. The halves are fixed: TBAQ documents sorted by path
(TimeBank then AQUAINT, as ``newskb eval times`` loads them), ``even`` = index 0, 2, 4, ... and
``odd`` = index 1, 3, 5, .... MEANTIME (dev, 60 articles) is a third check, never tuned on.

Each corpus is parsed in one batch, in the order ``newskb eval times`` parses it, so the ``tbaq``
and ``meantime`` rows equal that command's. ``--cache DIR`` keeps the parses in a pickle for quick
reruns while studying errors; a pickled spaCy doc loses the sentence starts of the sentences the
selective parser left unparsed, so cached figures are close but not exact: report fresh ones.
Usage::

    PYTHONPATH=src python scripts/eval_times_cv.py            # the score table
    PYTHONPATH=src python scripts/eval_times_cv.py --errors even [--kind value]
                                                      # the mismatches of one half, to study
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from newskb.eval.times import Pair, as_article, corpus_docs, error_kind, pairs, score
from newskb.extract.times import tag_article
from newskb.model import TimeGoldDoc, TimeScores

HALVES = ("even", "odd")


def _docs(corpora: Path) -> dict[str, list[TimeGoldDoc]]:
    tbaq = corpus_docs(corpora, "tempeval3", "all")
    return {
        "tbaq": tbaq,
        "even": tbaq[0::2],
        "odd": tbaq[1::2],
        "timebank": corpus_docs(corpora, "tempeval3", "timebank"),
        "aquaint": corpus_docs(corpora, "tempeval3", "aquaint"),
        "meantime": corpus_docs(corpora, "meantime", "all"),
    }


def _parse(batches: Sequence[Sequence[str]]) -> dict[str, Doc]:
    from newskb.nlp import parse_many

    docs: dict[str, Doc] = {}
    for texts in batches:
        docs.update(zip(texts, parse_many(list(texts)), strict=True))
    return docs


def _parsed(batches: Sequence[Sequence[str]], cache: Path | None) -> dict[str, Doc]:
    if cache is None:
        return _parse(batches)
    key = hashlib.sha256("\x00".join(t for b in batches for t in b).encode()).hexdigest()[:16]
    path = cache / f"newskb_times_cv_{key}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            loaded: dict[str, Doc] = pickle.load(fh)  # our own cache file
        return loaded
    docs = _parse(batches)
    with path.open("wb") as fh:
        pickle.dump(docs, fh)
    return docs


def _pairs(docs: Sequence[TimeGoldDoc], parsed: dict[str, Doc]) -> list[Pair]:
    out: list[Pair] = []
    for d in docs:
        out += pairs(d.name, d.timexes, tag_article(as_article(d), parsed[d.text]))
    return out


def _row(name: str, s: TimeScores) -> str:
    return (
        f"| {name} | {s.docs} | {s.gold} | {s.relaxed_f1:.4f} | {s.strict_f1:.4f} | "
        f"{s.type_accuracy:.4f} | {s.value_accuracy:.4f} | {s.value_f1:.4f} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--cache", type=Path, default=None, help="keep parses here (approximate)")
    ap.add_argument("--errors", choices=sorted(_SPLITS), help="list this split's mismatches")
    ap.add_argument("--kind", default="value", help="error kind to list (value|missed|...|all)")
    args = ap.parse_args(argv)
    splits = _docs(args.corpora)
    batches = [[as_article(d).text for d in splits[c]] for c in ("tbaq", "meantime")]
    parsed = _parsed(batches, args.cache)
    if args.errors:
        for p in _pairs(splits[args.errors], parsed):
            kind = error_kind(p)
            if kind is None or (args.kind != "all" and kind != args.kind):
                continue
            g = f"{p.gold.text!r} {p.gold.type} {p.gold.value}" if p.gold else "-"
            s = f"{p.system.text!r} {p.system.type} {p.system.value}" if p.system else "-"
            print(f"{kind}\t{p.doc}\t{g}\t{s}")
        return 0
    print("| split | docs | gold | relaxed F1 | strict F1 | type acc | value acc | value F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name in _SPLITS:
        docs = splits[name]
        print(_row(name, score(name, len(docs), _pairs(docs, parsed))))
    return 0


_SPLITS = ("tbaq", "even", "odd", "timebank", "aquaint", "meantime")

if __name__ == "__main__":
    sys.exit(main())
