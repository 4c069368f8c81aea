"""Shared fixtures: the real model, the shared corpora (skipped with a reason when absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_ec17a40e6ef16061.txt"
CORPORA = SHARED / "corpora"


def need_shared(path: Path) -> Path:
    """Return ``path`` or skip the test, saying what is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data folder is not beside this checkout")
    return path


@pytest.fixture(scope="session", autouse=True)
def newskb_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The start-up cache (``newskb.resolve.cache``) in a fresh folder of this session's own."""
    folder = tmp_path_factory.mktemp("newskb-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSKB_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture(scope="session")
def corpora() -> Path:
    return need_shared(CORPORA)
