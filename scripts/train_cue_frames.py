"""Train the learned cue-frame table (``src/newskb/extract/quotes/data/frames.tsv``) from PolNeAR
train (``../shared/corpora/polnear/train``; its dev and test splits are never used).

For every verb outside the hand lexicons and every frame the rules can read it in (see
``newskb.extract.quotes.frames``), count how often the reading is seen and how often it is a gold
attribution (``newskb.eval.polnear_frames.count_doc``). Deterministic: counts only, documents in
name order, every sentence parsed (``mode="full"``). Scores under cross-validation (each fold
read with a table counted on the other folds): ``scripts/eval_polnear_cv.py``.

    PYTHONPATH=src python scripts/train_cue_frames.py [--path DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newskb.eval.polnear import parsed_in_batches, read_docs
from newskb.eval.polnear_frames import count_doc, table_of

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
DEFAULT_OUT = ROOT / "src" / "newskb" / "extract" / "quotes" / "data" / "frames.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    pdocs = read_docs(args.path)
    counts = [count_doc(p, d) for p, d in parsed_in_batches(pdocs)]
    table = table_of(counts)
    args.out.write_text(table.to_tsv(), encoding="utf-8")
    print(
        f"{len(table.counts)} frames, {len(table.lemmas)} lemmas used -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
