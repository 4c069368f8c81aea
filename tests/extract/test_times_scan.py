"""The lower-cased scan of the time grammar finds exactly what the case-insensitive one finds."""

from __future__ import annotations

import re

from tests.conftest import CORPORA, need_shared

from newskb.extract.times import _SCANS
from newskb.extract.times.scan import FOLDS_TO_ASCII, Scan, case_free, lowered
from newskb.ingest import read_paths
from newskb.model import Article

TEXTS = [
    "On MONDAY, March 3, 2025 at 4 P.M. EST, and again last Friday's meeting, two weeks AGO.",
    "The Q3 results for FY'24 came in the week of March 6; Christmas Day and New Year's Eve.",
    "Kelvin \u212a and the long \u017f: now, this morning, Tuesday.",
    # the words a scan needs (``Scan.needs``): decades, centuries, "-long", "of next year"
    "In the 1960's and the TWENTIES, the 21st Century, a decades-LONG feud, March of next year.",
    "the 1960\u017f",  # the long s folds onto "s": no lower-cased text, every pattern scans
    "",
]


def _same(texts: list[str]) -> int:
    n = 0
    for text in texts:
        low = lowered(text)
        for scan, _rule in _SCANS:
            want = [(m.span(), m.groups()) for m in scan.pattern.finditer(text)]
            got = [(m.span(), m.groups()) for m in scan.finditer(text, low)]
            assert got == want, (scan.pattern.pattern[:60], text[:80])
            n += len(got)
    return n


def test_most_patterns_have_a_case_free_twin() -> None:
    assert sum(s.fast is not None for s, _ in _SCANS) >= len(_SCANS) * 2 // 3


def test_patterns_naming_capitals_stay_case_insensitive() -> None:
    assert case_free(re.compile(r"\bQ(?P<q>[1-4])", re.I)) is None
    assert case_free(re.compile(r"(?P<Name>x)(?-i:y)", re.I)) is None
    assert case_free(re.compile(r"\bago\b")) is None  # not case-insensitive to begin with
    assert case_free(re.compile(r"(?P<Year>\d{4})\S", re.I)) is not None


def test_a_text_with_letters_that_fold_onto_ascii_takes_the_plain_scan() -> None:
    assert lowered("the long \u017f") is None
    assert lowered("MARCH 3") == "march 3"
    scan = Scan(re.compile(r"(?<!\w)march", re.I))
    assert [m.group() for m in scan.finditer("March, MARCH", lowered("March, MARCH"))] == [
        "March",
        "MARCH",
    ]


def test_a_capital_k_takes_the_fast_scan_the_kelvin_sign_does_not() -> None:
    # the fold set once held an ASCII "K" for the Kelvin sign: half of all news took the
    # slow scan
    assert lowered("Kyiv, 4 p.m.") == "kyiv, 4 p.m."
    assert lowered("4 \u212a") is None
    ascii_letter = re.compile("[a-z]", re.I)
    folds = {chr(c) for c in range(128, 0x10000) if ascii_letter.fullmatch(chr(c))}
    assert len(folds) == 4
    assert folds <= FOLDS_TO_ASCII and all(not c.isascii() for c in FOLDS_TO_ASCII)


def test_same_matches_on_hand_written_text() -> None:
    assert _same(TEXTS) > 10


def test_same_matches_on_news() -> None:
    root = need_shared(CORPORA / "tempeval3" / "TBAQ-cleaned" / "TimeBank")
    files = sorted(root.glob("*.tml"))[:60]
    texts = [a.text for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]
    assert _same(texts) > 500
