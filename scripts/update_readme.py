"""Regenerate README.md's CLI reference from the click commands: `python scripts/update_readme.py`."""

from __future__ import annotations

from pathlib import Path

from newskb.cli import cli
from newskb.cli.docs import render_readme

README = Path(__file__).resolve().parents[1] / "README.md"

if __name__ == "__main__":
    README.write_text(render_readme(README.read_text(encoding="utf-8"), cli), encoding="utf-8")
