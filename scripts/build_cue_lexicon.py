"""Build the quote-cue lexicon from GUM's attribution relations (train + dev documents only).

For every attribution relation in ``../shared/corpora/gum_wikinews`` the cue tokens (eRST
``indicative_word``/``indicative_phrase`` signals of the source+cue unit) are lemmatised with the
gold lemmas. For each verb lemma we also count how often it occurs as a verb anywhere in the same
documents, which gives its cue rate (attributions / uses).
Lemmas are kept when they were seen as a cue and, for verbs, their cue rate is at least
``MIN_RATE`` over at least ``MIN_COUNT`` attributions; a small hand seed of common reporting
verbs is added (gum_count 0).

    .venv/bin/python scripts/build_cue_lexicon.py [--corpus DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newskb.eval.gum_attribution import read_docs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "gum_wikinews"
DEFAULT_OUT = ROOT / "src" / "newskb" / "extract" / "quotes" / "data" / "cues.tsv"
MIN_RATE = 0.2
MIN_COUNT = 2
# Cognition verbs attribute beliefs, not speech: kept, but in their own class.
_COGNITION = (
    "think know believe suspect realize realise doubt suppose feel hope expect wish "
    "remember notice see find learn hear understand fear assume guess imagine consider "
    "decide recognize recognise determine"
)
COGNITION = frozenset(_COGNITION.split())
# Our own short seed of news reporting verbs (the data above is small).
_SEED = (
    "say tell report state note stress warn add announce claim insist explain argue deny "
    "confirm emphasize emphasise underline acknowledge admit reply respond write tweet "
    "declare predict comment assert remark allege reveal estimate conclude complain "
    "recall suggest indicate observe maintain concede caution urge show recommend reason "
    "promise continue"
    # issue 16: reporting verbs of political news (questions, boasts, retorts)
    " ask contend boast proclaim answer quip joke retort counter testify brag scoff"
)
SEED = _SEED.split()
# ... and of verbs of thought that report a statement with their clause ("I decided that ...").
_COGNITION_SEED = "expect doubt suppose wish decide recognize recognise determine assume fear guess"
SEED += [*_COGNITION_SEED.split(), "mention", "disclose", "speculate", "theorize"]


def build(corpus: Path) -> list[tuple[str, str, int, float]]:
    cue_counts: Counter[str] = Counter()
    phrase_counts: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for doc in read_docs(corpus):
        for att in doc.attributions:
            if not att.cue:
                continue
            toks = [doc.tokens[i] for i in att.cue]
            if len(toks) > 1:
                phrase_counts[" ".join(t.text.lower() for t in toks)] += 1
                continue
            tok = toks[0]
            if tok.upos in {"VERB", "AUX"}:
                cue_counts[tok.lemma.lower()] += 1
        for tok in doc.tokens:
            if tok.upos == "VERB":
                uses[tok.lemma.lower()] += 1
    rows: list[tuple[str, str, int, float]] = []
    for lemma, n in cue_counts.items():
        rate = n / max(uses[lemma], n)
        if lemma not in SEED and (n < MIN_COUNT or rate < MIN_RATE):
            continue
        kind = "cognition" if lemma in COGNITION else "speech"
        rows.append((lemma, kind, n, round(rate, 3)))
    for phrase, n in phrase_counts.items():
        if n >= 2:
            rows.append((phrase, "phrase", n, 1.0))
    have = {r[0] for r in rows}
    rows.extend(
        (lemma, "cognition" if lemma in COGNITION else "speech", 0, 0.0)
        for lemma in SEED
        if lemma not in have
    )
    rows.sort(key=lambda r: (r[1], -r[2], r[0]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    rows = build(args.corpus)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# newskb quote cues, built by scripts/build_cue_lexicon.py from GUM attribution",
        "# relations (train + dev documents). Columns: lemma, class, gum_count, cue_rate.",
        "# class: speech | cognition | phrase; gum_count 0 = hand seed only.",
    ]
    lines += [f"{lemma}\t{kind}\t{n}\t{rate}" for lemma, kind, n, rate in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} cues -> {args.out}")


if __name__ == "__main__":
    main()
