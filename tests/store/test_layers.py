"""The store keeps facts and never makes them: the cross-article stages (entity canon, ledger,
stories) import nothing from ``newskb.store``, and the pipeline does not branch on a backend."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "newskb"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_stages_do_not_import_the_store() -> None:
    """Regression: ``stories/`` and ``store/`` imported each other (a circle)."""
    bad = [
        (str(f.relative_to(SRC)), m)
        for stage in ("resolve", "ledger", "stories")
        for f in sorted((SRC / stage).rglob("*.py"))
        for m in sorted(_imports(f))
        if m.startswith("newskb.store")
    ]
    assert bad == []
    assert any(m.startswith("newskb.stories") for m in _imports(SRC / "store/sql/stories.py"))


def test_pipeline_runs_the_stages_without_knowing_the_backend() -> None:
    text = (SRC / "pipeline.py").read_text(encoding="utf-8")
    assert "SqliteStore" not in text and "PostgresStore" not in text
    assert {"newskb.resolve.canon", "newskb.ledger.ledger", "newskb.stories.cluster"} <= _imports(
        SRC / "pipeline.py"
    )
