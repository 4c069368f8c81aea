"""The bad-input corpus, generated once per session under a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from scripts.make_bad_inputs import Kind, make

UNREADABLE = "unreadable.txt"


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Kind]]:
    """(folder, kinds): every bad kind, the 50 MB file included, written once per session."""
    dest = tmp_path_factory.mktemp("bad")
    return dest, make(dest)


@pytest.fixture
def refuse_unreadable(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], bool]]:
    """Make ``unreadable.txt`` unreadable even for root (chmod 000 does not stop root).

    As an ordinary user the real permission refusal is exercised and nothing is patched.
    """
    import newskb.ingest as ingest

    real_open = os.open

    def is_locked(path: str) -> bool:
        return os.path.basename(path) == UNREADABLE

    def fake_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if is_locked(os.fspath(path)):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    if os.geteuid() == 0:
        monkeypatch.setattr(ingest.os, "open", fake_open)
    yield is_locked
