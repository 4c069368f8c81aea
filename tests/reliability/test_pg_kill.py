"""Real ``newskb ingest --workers 2`` processes, four at once into one PostgreSQL store, killed
(``kill -9`` of the process group) ten times at random and re-run: every article stored once,
its facts as a clean run stores them, and canon, stories and ledger equal to a serial replay of
the same batches (``scripts/pg_concurrent_ingest.py`` does the work; skipped without
``NEWSKB_TEST_PG``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from tests.store.test_contract import pg_or_skip

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_concurrent_ingest.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pg_concurrent_ingest", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_four_ingests_killed_ten_times_store_every_article_once() -> None:
    url = pg_or_skip()
    lines: list[str] = []
    problems = _script().trial(url, 4, 10, 60, 20261207, lines.append)
    assert problems == [], "\n".join(lines + problems)
    assert any(line.startswith("4 writers, 10 kills") for line in lines), lines
