"""``newskb export``: every table as JSON Lines, CSV and Parquet with the documented columns,
names where people read them, and ``--since``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.export import TABLES
from newskb.pipeline import store_batch
from newskb.store import open_store
from newskb.text import extract_text

OLD = "Russia attacked Kharkiv on Monday, Ukraine's army said."
NEW = (
    'Russia and Ukraine agreed on Tuesday to a local ceasefire. "It is a real deal," '
    "EU envoy Ines Vandermeer told reporters in Brussels."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "kb.db"
    store = open_store(str(path))
    store_batch(store, [extract_text(OLD, published="2025-03-10", path="old.txt"),
                        extract_text(NEW, published="2025-04-02", path="new.txt")])  # fmt: skip
    store.close()
    return path


def export(db: Path, *args: str) -> str:
    res = CliRunner().invoke(cli, ["export", *args, "--db", str(db)])
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_as_jsonl_and_csv_has_the_documented_columns(db: Path, table: str) -> None:
    lines = [json.loads(x) for x in export(db, table).splitlines()]
    columns = [name for name, _ in TABLES[table]]
    assert all(list(r) == columns for r in lines)
    header = next(csv.reader(io.StringIO(export(db, table, "--format", "csv"))))
    assert header == columns
    if table != "credits":  # these two texts credit no image
        assert lines


def test_events_name_their_actors_and_since_filters(db: Path) -> None:
    events = [json.loads(x) for x in export(db, "events").splitlines()]
    assert {e["published"] for e in events} == {"2025-03-10", "2025-04-02"}
    agree = [e for e in events if e["type"] == "AGREE"]
    assert agree and all("E" not in "".join(a[:1] for a in e["actors"]) for e in agree)
    assert any("Russia" in e["actors"] for e in agree)
    late = [json.loads(x) for x in export(db, "events", "--since", "2025-04-01").splitlines()]
    assert late and {e["published"] for e in late} == {"2025-04-02"}
    quotes = [json.loads(x) for x in export(db, "quotes").splitlines()]
    assert any(q["speaker_name"] == "Ines Vandermeer" for q in quotes)


def test_parquet_has_the_documented_columns_and_types(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")  # newskb[pandas]
    out = tmp_path / "quotes.parquet"
    CliRunner().invoke(cli, ["export", "quotes", "--format", "parquet", "-o", str(out),
                             "--db", str(db)])  # fmt: skip
    table = pq.read_table(out)
    assert table.schema.names == [name for name, _ in TABLES["quotes"]]
    assert str(table.schema.field("start").type) == "int64" and table.num_rows >= 1
    empty = tmp_path / "credits.parquet"
    CliRunner().invoke(cli, ["export", "credits", "--format", "parquet", "-o", str(empty),
                             "--db", str(db)])  # fmt: skip
    assert pq.read_table(empty).schema.names == [name for name, _ in TABLES["credits"]]


def test_parquet_to_standard_output_is_refused(db: Path) -> None:
    res = CliRunner().invoke(cli, ["export", "quotes", "--format", "parquet", "--db", str(db)])
    assert res.exit_code == 2 and "--output" in res.output


def test_the_readme_dataframe_example_runs(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pandas")  # newskb[pandas]
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = next(b for b in readme.split("```python")[1:] if "frame(" in b).split("```")[0]
    monkeypatch.chdir(ROOT)
    printed: list[object] = []
    exec(code, {"print": printed.append})
    (df,) = printed
    assert len(df) >= 5 and "Karoline Leavitt" in set(df["speaker_name"])  # type: ignore[index]


@pytest.mark.parametrize("table", ["stories", "agreements"])
def test_stories_and_agreements_export_as_jsonl_csv_and_parquet(
    db: Path, table: str, tmp_path: Path
) -> None:
    lines = [json.loads(x) for x in export(db, table).splitlines()]
    assert lines and all(r["article_id"] in ids(db) for r in lines)
    rows = list(csv.DictReader(io.StringIO(export(db, table, "--format", "csv"))))
    assert [r["article_id"] for r in rows] == [r["article_id"] for r in lines]
    if table == "stories":
        assert {r["published"] for r in lines} == {"2025-03-10", "2025-04-02"}
        assert all(r["story_id"] and r["duplicate_of"] is None for r in lines)
    else:
        truce = next(r for r in lines if "ceasefire" in r["object"])
        assert {"Russia", "Ukraine"} <= set(truce["parties"]) and truce["status"] == "agreed"
        assert truce["step_date"] and truce["step_status"] == "agreed"
        assert json.loads(rows[lines.index(truce)]["parties"]) == truce["parties"]
        assert NEW[truce["start"] : truce["end"]] == "agreed"
    late = [json.loads(x) for x in export(db, table, "--since", "2025-04-01").splitlines()]
    assert late and len(late) <= len(lines)
    pq = pytest.importorskip("pyarrow.parquet")  # newskb[pandas]
    out = tmp_path / f"{table}.parquet"
    export(db, table, "--format", "parquet", "-o", str(out))
    back = pq.read_table(out)
    assert back.schema.names == [name for name, _ in TABLES[table]]
    assert back.to_pylist() == lines


def ids(db: Path) -> set[str]:
    return {json.loads(x)["article_id"] for x in export(db, "articles").splitlines()}
