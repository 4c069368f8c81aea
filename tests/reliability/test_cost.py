"""Cost bounded per article: sentences cut at a bounded window, a per-article budget ending in
NKB204 with the batch going on, and the pathological inputs of issue 23 near-linear."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from newskb import budget
from newskb.model import Article, ErrorRecord, Extraction
from newskb.pipeline import prepare_process, process_batch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import attributed_quotes, live_blog, long_article, one_sentence, said, short_quotes

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"


def art(name: str, text: str) -> Article:
    return Article(id=name, sha256=name, path=name, text=text)


def cpu_per_char(text: str) -> tuple[float, Extraction | ErrorRecord]:
    started = time.process_time()
    result = process_batch([art("x", text)])[0]
    return (time.process_time() - started) / len(text), result


def test_no_sentence_is_longer_than_the_window() -> None:
    from newskb import nlp
    from newskb.nlp.selective import MAX_SENT_TOKENS

    for text in (said(3_000), one_sentence(3_000)):
        doc = nlp.parse_many([text])[0]
        assert max(len(s) for s in doc.sents) <= MAX_SENT_TOKENS
        assert doc.text == text


def test_the_window_leaves_news_sentences_alone() -> None:
    from newskb import nlp
    from newskb.nlp import selective

    text = SEED.read_text(encoding="utf-8") if SEED.exists() else long_article(3_000)
    cut = [(s.start, s.end) for s in nlp.parse_many([text])[0].sents]
    real = selective.MAX_SENT_TOKENS
    try:
        selective.MAX_SENT_TOKENS = 10**9
        whole = [(s.start, s.end) for s in nlp.parse_many([text])[0].sents]
    finally:
        selective.MAX_SENT_TOKENS = real
    assert cut == whole


def test_an_article_over_its_size_budget_loses_itself_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(budget, "MAX_CHARS", 5_000)
    good = long_article(2_000)
    out = process_batch([art("a", good), art("big", long_article(6_000)), art("b", good + "x")])
    assert [type(r).__name__ for r in out] == ["Extraction", "ErrorRecord", "Extraction"]
    bad = out[1]
    assert isinstance(bad, ErrorRecord) and bad.code == "NKB204" and "5,000" in bad.message


@pytest.mark.slow
def test_an_article_over_its_seconds_budget_stops_with_nkb204(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prepare_process()
    process_batch([art("warm", long_article(3_000, seed=5))])
    monkeypatch.setattr(budget, "BASE_S", 1.0)
    monkeypatch.setattr(budget, "PER_CHAR_S", 0.0)
    started = time.perf_counter()
    out = process_batch([art("slow", long_article(80_000)), art("ok", long_article(1_500))])
    assert isinstance(out[0], ErrorRecord) and out[0].code == "NKB204", out[0]
    assert "CPU seconds" in out[0].message
    assert isinstance(out[1], Extraction)
    assert time.perf_counter() - started < 120


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("one sentence of 10k words", one_sentence(10_000)),
        ("said x 20,000", said(20_000)),
        ("10,000 short quotes", short_quotes(10_000)),
        ("3,000 attributed quotes", attributed_quotes(3_000)),
        ("live blog, 200 Update: markers", live_blog(200, 60_000)),
        ("live blog, 600 Addition markers", live_blog(600, 60_000, "Addition")),
    ],
)
def test_costly_inputs_cost_at_most_3x_a_normal_article_per_character(name: str, text: str) -> None:
    prepare_process()
    normal, _ = cpu_per_char(long_article(20_000, seed=1))
    costly, result = cpu_per_char(text)
    assert isinstance(result, Extraction | ErrorRecord)
    assert costly <= 3 * normal, f"{name}: {costly * 1e6:.0f} vs {normal * 1e6:.0f} us/char"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_alarm_lost_in_a_finaliser_still_stops_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Regression: CI once saw the one-shot alarm raised inside a WeakKeyDictionary callback,
    # where Python ignores exceptions; the 80,000-character article then ran to the end.
    from newskb.errors import OverBudget

    monkeypatch.setattr(budget, "BASE_S", 0.05)
    monkeypatch.setattr(budget, "PER_CHAR_S", 0.0)

    class Slow:
        def __del__(self) -> None:  # rings inside here are ignored by Python
            t = time.process_time()
            while time.process_time() - t < 0.3:
                pass

    with pytest.raises(OverBudget) as caught, budget.seconds(art("x", "text")):
        Slow()
    assert caught.value.code == "NKB204"
