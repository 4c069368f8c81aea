"""Crash safety: SIGKILL an ingest at random moments; a re-run completes it exactly once."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    ingest_cmd,
    run_ingest,
    store_problems,
    stored_count,
    stored_ids,
    write_articles,
)

BATCH = 4


def _kill_once(folder: Path, db: Path, rng: random.Random, engine: str) -> tuple[int, int]:
    """Start an ingest and SIGKILL it at a seeded random moment; return (exit code, stored)."""
    # kill once the run has committed a random number of further articles (0 = during start
    # up), after a random extra delay that lands anywhere inside the next batch
    target = stored_count(db) + rng.randint(0, BATCH)
    delay = rng.uniform(0.0, 0.25 if engine == "local" else 3.0)
    proc = subprocess.Popen(
        ingest_cmd(folder, db, BATCH, engine),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes any workers with it
    )
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if stored_count(db) >= target:
                time.sleep(delay)
                break
            time.sleep(0.005)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    return proc.returncode, stored_count(db)


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "n_articles", "kills"), [("local", 160, 20), ("dask", 40, 5)])
def test_kill_9_at_random_moments_loses_and_duplicates_nothing(
    tmp_path: Path, engine: str, n_articles: int, kills: int
) -> None:
    if engine == "dask":
        pytest.importorskip("distributed", reason="the Dask engine needs newskb[dask]")
    folder = tmp_path / "articles"
    expected = write_articles(folder, n_articles)
    db = tmp_path / "kb.db"
    rng = random.Random(20260101)
    interrupted = 0
    for kill in range(kills):
        code, stored = _kill_once(folder, db, rng, engine)
        interrupted += code == -signal.SIGKILL and stored < n_articles
        if db.exists():
            assert store_problems(db) == [], f"kill {kill}"
            partial = stored_ids(db)
            assert all(expected[p] == i for p, i in partial.items()), f"kill {kill}"
    run_ingest(folder, db, BATCH, engine)  # the re-run completes whatever the kills interrupted
    assert store_problems(db) == []
    assert stored_ids(db) == expected, "not every article stored exactly once"
    assert interrupted >= kills // 2, f"only {interrupted} kills interrupted unfinished work"
    print(f"\n{engine}: {kills} kills, {interrupted} mid-run, {len(expected)} stored once, ok")
