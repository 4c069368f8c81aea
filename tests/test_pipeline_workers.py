"""Every core by default: a process pool keeps the input order; one article runs in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb import pipeline
from newskb.cli import cli
from newskb.model import ErrorRecord

TEXTS = [
    "Officials in Kyiv said on Monday that talks would resume.",
    "The ministry in Berlin rejected the plan on Friday.",
    "Reuters reported that 42 inspectors arrived in Geneva.",
    "Protesters gathered in Paris, police said.",
    "The mayor of Lyon resigned, according to local media.",
]


def _files(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(TEXTS):
        p = tmp_path / f"{i:02d}.txt"
        p.write_text(text + "\n", encoding="utf-8")
        paths.append(str(p))
    (tmp_path / "03b.txt").write_bytes(b"")  # an error between articles keeps its place
    return sorted(str(p) for p in tmp_path.iterdir())


def _order(paths: list[str], workers: int) -> list[str]:
    out = []
    for batch in pipeline.run(paths, workers=workers, batch_size=2):
        out += [r.path if isinstance(r, ErrorRecord) else r.article.path for r in batch]
    return out


def test_a_pool_keeps_the_input_order(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    assert _order(paths, workers=2) == _order(paths, workers=1) == paths


def test_extract_uses_every_core_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = pipeline.run

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(int(kwargs["workers"]))  # type: ignore[call-overload]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "run", spy)
    monkeypatch.setattr(pipeline, "default_workers", lambda: 7)
    one = Path(__file__).parent.parent / "examples"
    path = str(sorted(one.iterdir())[0])
    assert CliRunner().invoke(cli, ["extract", path]).exit_code == 0
    assert CliRunner().invoke(cli, ["extract", "--workers", "1", path]).exit_code == 0
    assert seen == [7, 1]
