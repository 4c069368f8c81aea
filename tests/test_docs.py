"""The README's worked example and CLI reference are generated: they must match the code."""

from __future__ import annotations

from newskb.cli import cli
from newskb.cli.docs import EXAMPLE_END, EXAMPLE_START, render_readme, worked_example
from tests.conftest import ROOT

STALE = "README.md is stale: run `.venv/bin/python scripts/update_readme.py`"


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_cli_reference_is_current() -> None:
    assert render_readme(_readme(), cli) == _readme(), STALE


def test_readme_worked_example_is_what_extract_gives() -> None:
    shown = _readme().split(EXAMPLE_START, 1)[1].split(EXAMPLE_END, 1)[0].strip()
    assert shown == worked_example(str(ROOT)), STALE


def test_readme_names_the_two_setup_commands() -> None:
    readme = _readme()
    assert "make demo" in readme and "make test" in readme
