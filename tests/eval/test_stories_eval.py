"""Story clustering on ECB+ (dev topics 1-35): hand-checked scores and pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import CORPORA, need_shared

from newskb.eval import stories as ev

ECB = CORPORA / "ecbplus"


def test_bcubed_and_pairwise_by_hand() -> None:
    s = ev.scores(["a", "a", "b", "b", "b"], ["x", "x", "x", "y", "y"])
    assert s.bcubed_p == pytest.approx(11 / 15) and s.bcubed_r == pytest.approx(11 / 15)
    assert s.pairwise_p == pytest.approx(0.5) and s.pairwise_r == pytest.approx(0.5)
    assert (s.documents, s.gold_clusters, s.predicted_clusters) == (5, 2, 2)
    perfect = ev.scores(["1", "1", "2"], ["x", "x", "y"])
    assert perfect.bcubed_f1 == 1.0 and perfect.pairwise_f1 == 1.0


def test_loader_gold_and_text() -> None:
    need_shared(ECB)
    paths = ev.documents(ECB, [1])
    assert len(paths) == 39 and paths[0].name == "1_1ecb.xml" and paths[1].name == "1_1ecbplus.xml"
    assert ev.gold_story(paths[1]) == "1ecbplus"
    text = ev.read_text(paths[1])
    assert not text.startswith("http") and text.startswith("Lindsay Lohan Leaves Betty Ford")
    with pytest.raises(ValueError, match="1-35"):
        ev.documents(ECB, [36])


def test_text_features_floor_on_all_dev_topics() -> None:
    """Measured 2026-11-30 with the split re-check: BCubed F1 0.907 (P 0.910, R 0.905),
    pairwise F1 0.867 (before it: 0.860 and 0.795)."""
    need_shared(ECB)
    s = ev.evaluate(root=ECB, features="text")
    assert s.documents == 772 and s.gold_clusters == 66
    assert s.bcubed_f1 >= 0.89
    assert s.pairwise_f1 >= 0.85


@pytest.mark.slow
def test_entity_and_time_features_floor_on_a_topic_subset() -> None:
    """Runs the real model, so a fixed subset (topics 30-33, 87 documents) keeps it short.

    Measured 2026-11-30 with the split re-check: BCubed F1 0.929, pairwise F1 0.918 (text only
    on the same: 0.884; before the re-check 0.914 and 0.892).
    """
    need_shared(ECB)
    s = ev.evaluate(root=ECB, topics=[30, 31, 32, 33], features="all")
    assert s.documents == 87
    assert s.bcubed_f1 >= 0.91
    assert s.pairwise_f1 >= 0.89


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    from newskb.errors import NotFound

    with pytest.raises(NotFound, match="no ECB"):
        ev.evaluate(root=tmp_path, topics=[1])
