"""Regenerate README.md's worked example and CLI reference: `python scripts/update_readme.py`."""

from __future__ import annotations

from pathlib import Path

from newskb.cli import cli
from newskb.cli.docs import render_example, render_readme, worked_example

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

if __name__ == "__main__":
    text = README.read_text(encoding="utf-8")
    text = render_example(render_readme(text, cli), worked_example(str(ROOT)))
    README.write_text(text, encoding="utf-8")
