"""The README's CLI reference is generated from the commands: it must match them."""

from __future__ import annotations

from newskb.cli import cli
from newskb.cli.docs import render_readme
from tests.conftest import ROOT


def test_readme_cli_reference_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render_readme(readme, cli) == readme, (
        "README.md's CLI reference is stale: run `.venv/bin/python scripts/update_readme.py`"
    )


def test_readme_names_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
