"""Train the learned cue classifier (``src/newskb/extract/quotes/data/cue_model.tsv``) on PolNeAR
train (``../shared/corpora/polnear/train``; its dev and test splits are never used).

Every verb reading the rules can make (strict or loose, see ``newskb.extract.quotes.learned``)
is an example, labelled by the gold attributions (``newskb.eval.polnear_learned.examples_of``);
a logistic model is fitted to them (``polnear_learned.train``). Deterministic: documents in name
order, every sentence parsed (``mode="full"``), full-batch fitting with a fixed number of steps.
Scores under cross-validation (each fold read with a model trained on the other folds):
``scripts/eval_polnear_cv.py``.

    PYTHONPATH=src python scripts/train_cue_model.py [--path DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newskb.eval.polnear import parsed_in_batches, read_docs
from newskb.eval.polnear_learned import examples_of, train

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
DEFAULT_OUT = ROOT / "src" / "newskb" / "extract" / "quotes" / "data" / "cue_model.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    pdocs = read_docs(args.path)
    examples = []
    for p, d in parsed_in_batches(pdocs):
        examples.extend(examples_of(p, d))
    model = train(examples)
    args.out.write_text(model.to_tsv(), encoding="utf-8")
    print(
        f"{len(examples)} readings ({sum(g for _, g, _ in examples)} gold), "
        f"{len(model.weights)} weights, {len(model.lemmas)} lemmas -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
