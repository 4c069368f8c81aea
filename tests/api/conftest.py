"""Fixtures for the API tests (the store builder lives in tests/web/servestore.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from servestore import build_store

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve"), SEED if SEED.exists() else None)
