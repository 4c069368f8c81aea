"""Shared fixtures: the real model, the shared corpora (skipped with a reason when absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from newskb.model import Extraction

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


def extract_checked(text: str) -> Extraction:
    """One hand-written text through the real model and every extractor; each quote's content
    and speaker span is checked against the text's own offsets on the way."""
    from newskb.extract import extract
    from newskb.model import Article
    from newskb.nlp import parse_many

    x = extract(Article(id="t", sha256="t", path="t", text=text), parse_many([text])[0])
    for q in x.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return x
