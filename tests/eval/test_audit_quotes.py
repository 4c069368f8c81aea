"""The pure parts of ``scripts/audit_quotes.py``: the per-corpus draw and the precision count."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "audit_quotes.py"
    spec = importlib.util.spec_from_file_location("audit_quotes", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(corpus: str, n: int) -> list[dict[str, str]]:
    return [{"corpus": corpus, "quote": f"Q{i}"} for i in range(n)]


def test_pick_shares_the_sample_between_corpora_and_is_seeded(audit: ModuleType) -> None:
    rows = _rows("ecbplus", 50) + _rows("gum", 50) + _rows("polnear", 3)
    got = audit.pick(rows, 10, seed=16)
    by = [r["corpus"] for r in got]
    # 10 = 4 + 3 + 3, the remainder to the first corpus; polnear has only 3 to give
    assert (by.count("ecbplus"), by.count("gum"), by.count("polnear")) == (4, 3, 3)
    assert got == audit.pick(rows, 10, seed=16)
    assert got != audit.pick(rows, 10, seed=17)


def test_precision_leaves_na_out_and_all_ok_needs_every_column(audit: ModuleType) -> None:
    def row(a: str, s: str, c: str, t: str) -> dict[str, str]:
        return {"is_attribution": a, "speaker_ok": s, "cue_ok": c, "content_ok": t}

    rows = [row("y", "y", "n/a", "y"), row("y", "n", "y", "y"), row("n", "n/a", "n/a", "n/a")]
    p = audit.precision(rows)
    assert p["is_attribution"] == (2, 3)
    assert p["speaker_ok"] == (1, 2)
    assert p["cue_ok"] == (1, 1)
    assert p["all_ok"] == (1, 3)
    # an unjudged row is not counted right or wrong
    assert audit.precision([row("", "", "", "")])["all_ok"] == (0, 0)
