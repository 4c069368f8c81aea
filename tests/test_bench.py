"""The bench's own parts still fit the pipeline (``make bench`` is not run by the suite)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from newskb.pipeline import store_batch
from tests.store.test_contract import SEED, make

BENCH = Path(__file__).resolve().parents[1] / "bench" / "run.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_the_dask_rows_null_store_takes_a_batch_through_the_pipeline() -> None:
    """Regression: ``make bench`` stopped in its Dask rows with "'NullStore' object has no
    attribute 'batch'" once the pipeline wrote each batch through ``store.batch()``."""
    bench = _bench()
    report = store_batch(
        bench.NullStore(), [make(SEED), make("Later Leavitt said talks resumed.", path="b.txt")]
    )
    assert report.added == 2
