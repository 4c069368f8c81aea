"""The Python API (newskb.open): the same answers as the CLI, typed rows, DataFrames."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

import newskb
from newskb.cli import cli
from newskb.model import QuoteRow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("kb") / "news.db"
    with newskb.open(str(db)) as kb:
        first = kb.ingest([str(EXAMPLES)])
        again = kb.ingest([str(EXAMPLES)])
    assert first.added == len(list(EXAMPLES.glob("*.txt"))) and first.errors == 0
    assert again.added == 0  # idempotent, as `newskb ingest`
    return db


def test_quotes_match_the_cli(kb_path: Path) -> None:
    with newskb.open(str(kb_path), readonly=True) as kb:
        rows = kb.quotes(about="ceasefire")
    assert rows and all(isinstance(q, QuoteRow) for q in rows)
    out = CliRunner().invoke(cli, ["quotes", "--about", "ceasefire", "--db", str(kb_path),
                                    "--format", "jsonl"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert len([ln for ln in out.output.splitlines() if ln.strip()]) == len(rows)


def test_quotes_of_one_mode_are_filtered_by_the_store(kb_path: Path) -> None:
    """The limit applies after the mode filter (it used to filter the first ``limit`` rows)."""
    with newskb.open(str(kb_path), readonly=True) as kb:
        every = kb.quotes(limit=1000)
        modes = {q.mode for q in every} - {None}
        assert "speech" in modes
        for mode in modes:
            mine = [q for q in every if q.mode == mode]
            assert list(kb.quotes(mode=mode, limit=1000)) == mine
            assert list(kb.quotes(mode=mode, limit=1)) == mine[:1]


def test_typed_rows_and_frames(kb_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    with newskb.open(str(kb_path), readonly=True) as kb:
        quotes = kb.quotes(speaker="Vandermeer")
        events = kb.events(type="AGREE")
        agreements = kb.agreements()
        entities = kb.entities(query="Kyiv")
    assert quotes and {q.speaker for q in quotes} == {"Ines Vandermeer"}
    df = quotes.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(quotes)
    assert list(df.columns) == [f.name for f in dataclasses.fields(QuoteRow)]
    assert events and all(e.type == "AGREE" for e in events)
    assert agreements and any("truce" in a.object or "ceasefire" in a.object for a in agreements)
    assert entities and entities[0].name == "Kyiv"
    table = events.to_arrow()
    assert table.num_rows == len(events) and "actors" in table.column_names
