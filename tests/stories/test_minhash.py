"""The numpy MinHash must give the bytes datasketch's ``affine32`` MinHash gave (issue #21 moved
off datasketch to skip its scipy import): stores hold those signatures and compare new ones
with them, so a drift would silently stop near-duplicates from being found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import newskb
from newskb.stories import minhash
from newskb.stories.text import shingles

TEXTS = [
    "",
    "Quake",
    "A 6.1 earthquake struck Pohang on Tuesday, hurting 57 people, officials said.",
    "Rescuers reached Pohang on Tuesday after a 6.1 quake hurt 57 people, officials said.",
    "Le président a déclaré à Genève que les négociations reprendraient lundi.",
]


def _datasketch_signature(items: list[str]) -> bytes:
    datasketch = pytest.importorskip("datasketch")
    template = datasketch.MinHash(num_perm=minhash.PERMUTATIONS, seed=minhash.SEED)
    mh = datasketch.MinHash(
        num_perm=minhash.PERMUTATIONS,
        seed=minhash.SEED,
        permutations=template.permutations,
        scheme="affine32",
    )
    if items:
        mh.update_batch([s.encode("utf-8") for s in items])
    return bytes(np.asarray(mh.hashvalues, dtype="<u8").tobytes())


@pytest.mark.parametrize("text", TEXTS)
def test_signature_is_datasketch_affine32(text: str) -> None:
    items = list(shingles(text)) if text else []
    assert minhash.signature(items) == _datasketch_signature(items)


def test_signature_of_word_lists_is_datasketch_affine32() -> None:
    words = TEXTS[2].split() + TEXTS[4].split()
    for n in (1, 2, 7, len(words)):
        assert minhash.signature(words[:n]) == _datasketch_signature(words[:n])


def test_near_duplicates_score_above_unrelated() -> None:
    a = minhash.signature(list(shingles(TEXTS[2] + " " + TEXTS[3])))
    b = minhash.signature(list(shingles(TEXTS[2] + " " + TEXTS[3] + " More soon.")))
    c = minhash.signature(list(shingles(TEXTS[4])))
    assert minhash.jaccard(a, b) >= minhash.DUPLICATE_JACCARD > minhash.jaccard(a, c)
    assert set(minhash.buckets(a)) & set(minhash.buckets(b))


def test_stories_do_not_import_datasketch_or_scipy() -> None:
    code = (
        "import sys, newskb.stories.cluster, newskb.pipeline; "
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))"
    )
    src = str(Path(newskb.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=src)
    cmd = [sys.executable, "-c", code]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"
