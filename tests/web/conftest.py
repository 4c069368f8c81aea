"""Fixtures for the web tests: one store per session, built through the real pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from servestore import build_store

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store: three hand-written articles plus the seed article when it is present."""
    return build_store(tmp_path_factory.mktemp("serve"), SEED if SEED.exists() else None)


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated 10,000-article store (``bigstore``), built once per test session
    (``NEWSKB_TEST_BIG_DB``: a store ``bigstore.build`` made before, reused as it is)."""
    import os

    from bigstore import build

    if made := os.environ.get("NEWSKB_TEST_BIG_DB"):
        return Path(made)
    return build(tmp_path_factory.mktemp("big") / "big.db")
