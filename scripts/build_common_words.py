"""Build ``src/newskb/extract/entities/data/common_words.txt``: English words that running
text writes in lower case far more often than capitalised mid-sentence ("morale", "universe",
"order"), so that one capitalised occurrence of such a word is no name on its own.

Counted on TempEval-3's TimeBank and AQUAINT train articles and GUM's train and dev documents
of every genre (``../shared/corpora``), none of them a source of the entity audits (ECB+,
PolNeAR). Deterministic: the same corpora give the same file.

``python scripts/build_common_words.py [--corpora DIR]``
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/newskb/extract/entities/data/common_words.txt"
_LOWER = re.compile(r"\b[a-z]{3,}\b")
_TITLE = re.compile(r"\b[A-Z][a-z]{2,}\b")
_OPENERS = frozenset('.!?\n"“‘(:')
MIN_LOWER = 3  # written in lower case at least this often
RATIO = 8  # ... and at least this many times as often as capitalised mid-sentence


def _texts(corpora: Path) -> list[str]:
    from newskb.eval.corpora import load_gum
    from newskb.eval.timeml import load_timeml

    tbaq = corpora / "tempeval3" / "TBAQ-cleaned"
    out = [d.text for sub in ("TimeBank", "AQUAINT") for d in load_timeml(tbaq / sub)]
    out += [d.text for d in load_gum(root=corpora)]
    return out


def count(texts: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for text in texts:
        for w in _LOWER.findall(text):
            lower[w] = lower.get(w, 0) + 1
        for m in _TITLE.finditer(text):
            j = m.start() - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            if j >= 0 and text[j] not in _OPENERS:
                w = m.group().lower()
                upper[w] = upper.get(w, 0) + 1
    return lower, upper


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    args = ap.parse_args(argv)
    lower, upper = count(_texts(args.corpora))
    words = sorted(
        w for w, n in lower.items() if n >= MIN_LOWER and n >= RATIO * (upper.get(w, 0) + 1)
    )
    header = "# built by scripts/build_common_words.py (TimeBank, AQUAINT, GUM train+dev)\n"
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
