"""The CLI, in-process: extract per the spec, exit codes, ingest and the read commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.schema import errors as contract_errors
from newskb.serialize import from_dict
from tests.conftest import ROOT
from tests.reliability.spans import count_spans, span_problems

EXAMPLES = ROOT / "examples"


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def test_extract_the_seed(seed_path: Path) -> None:
    code, out, _ = run("extract", str(seed_path))
    assert code == 0
    (line,) = out.splitlines()
    obj = json.loads(line)
    assert obj["schema"] == "newskb.extract/1"
    doc = obj["doc"]
    assert doc["published"] == "2025-03-18"
    assert doc["title"].startswith("The White House released a statement")
    assert not doc["title"].startswith("date") and "2025-03-18" not in doc["title"]
    assert doc["dateline"] == {"place": "Kyiv", "agency": "UNN"}
    (upd,) = doc["updates"]
    assert upd["label"] == "Addition"
    assert doc["text"][upd["start"] : upd["end"]].startswith("Deputy Head of the White House")
    for key in ("entities", "quotes", "times", "events"):
        assert isinstance(obj[key], list)
    assert contract_errors(obj) == []
    x = from_dict(obj)
    assert count_spans(x) > 5 and span_problems(x) == []


def test_extract_bad_input_gives_error_lines_and_exit_3(tmp_path: Path, seed_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("café “mixed” ".encode() + b"caf\xe9 not UTF-8 \xff\n")  # UTF-8 + stray bytes
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = run("extract", str(bad), str(seed_path), str(empty))
    assert code == 3
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 3
    errors = [x["error"] for x in lines if "error" in x]
    assert sorted(e["path"] for e in errors) == sorted([str(bad), str(empty)])
    assert all(x["schema"] == "newskb.extract/1" for x in lines)
    assert [contract_errors(x) for x in lines] == [[], [], []]
    assert {e["code"] for e in errors} <= {"NKB101", "NKB102", "NKB103"}
    # one line per input, in input order
    assert [x["error"]["path"] if "error" in x else "doc" for x in lines] == [
        str(bad),
        "doc",
        str(empty),
    ]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("extract")[0] == 2  # no PATH
    assert run("extract", "--published", "18/03/2025", str(tmp_path))[0] == 2
    assert run("extract", "--format", "xml", str(tmp_path))[0] == 2
    assert run("search", "x", "--format", "yaml")[0] == 2
    assert run("no-such-command")[0] == 2


def test_extract_every_example_has_exact_spans() -> None:
    code, out, _ = run("extract", str(EXAMPLES))
    assert code == 0
    objs = [json.loads(x) for x in out.splitlines()]
    assert len(objs) == len(list(EXAMPLES.glob("*.txt")))
    assert [o["doc"]["path"] for o in objs] == sorted(o["doc"]["path"] for o in objs)
    for o in objs:
        assert span_problems(from_dict(o)) == [], o["doc"]["path"]
        assert contract_errors(o) == [], o["doc"]["path"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "kb.db"
    code, _, err = run("ingest", str(EXAMPLES), "--db", str(path), "--workers", "1", "--quiet")
    assert code == 0 and "10 added" in err
    return path


def test_ingest_twice_stores_once(db: Path) -> None:
    code, _, err = run("ingest", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet")
    assert code == 0 and "0 added" in err and "10 already stored" in err
    _, out, _ = run("stats", "--db", str(db), "--format", "json")
    counts = {r["what"]: r["count"] for r in json.loads(out)}
    assert counts["articles"] == counts["versions"] == 10 and counts["errors"] == 0
    assert counts["first_published"] == "2025-04-02" and counts["last_published"] == "2025-07-01"


def test_search_json_csv_and_table(db: Path) -> None:
    _, out, _ = run("search", "Zaporizhzhia", "--db", str(db), "--format", "json")
    hits = json.loads(out)
    assert len(hits) == 4 and {"id", "title", "snippet", "score"} <= set(hits[0])
    assert all("[Zaporizhzhia]" in h["snippet"] for h in hits)
    _, out, _ = run("search", "Omo river", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and {r["published"] for r in rows} == {"2025-05-14"}
    code, out, _ = run("search", "Lake Turkana", "--db", str(db))
    assert code == 0 and "Omo" in out


def test_show_json_and_unknown_id(db: Path) -> None:
    _, out, _ = run("search", "Bank of Japan", "--db", str(db), "--format", "jsonl")
    hit = json.loads(out.splitlines()[0])
    _, out, _ = run("show", hit["id"], "--db", str(db), "--format", "json")
    obj = json.loads(out)
    assert obj["doc"]["dateline"] == {"place": "Tokyo", "agency": "Pacific Press"}
    assert span_problems(from_dict(obj)) == []
    res = CliRunner().invoke(cli, ["show", "0000000000000000", "--db", str(db)])
    assert res.exit_code != 0 and getattr(res.exception, "code", "") == "NKB302"


def test_errors_command_lists_what_failed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Talks resumed in Nairobi.\n", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes("café ".encode() + b"caf\xe9\n")  # mixed
    db = str(tmp_path / "e.db")
    assert run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1", "--quiet")[0] == 0
    _, out, _ = run("errors", "--db", db, "--format", "json")
    (e,) = json.loads(out)
    assert e["code"] == "NKB103" and e["path"].endswith("bad.txt") and "UTF-8" in e["message"]
    _, out, _ = run("errors", "--db", db, "--format", "csv")
    assert out.splitlines()[0] == "code,path,message"


def test_commands_on_an_unreachable_postgres_give_a_coded_error() -> None:
    """Regression: `newskb entities|events|agreements|stories|timeline` on a PostgreSQL URL
    died with a psycopg traceback, later refused with NKB406; they now run on PostgreSQL (see
    tests/store/test_parity.py), and a server that does not answer is a coded store error."""
    from newskb.errors import StoreError

    url = "postgresql://nobody@127.0.0.1:1/none"  # nothing listens on port 1
    for args in (
        ["entities"],
        ["events"],
        ["agreements"],
        ["stories"],
        ["timeline", "--entity", "Trump"],
    ):
        res = CliRunner().invoke(cli, [*args, "--db", url])
        assert isinstance(res.exception, StoreError), (args, res.exception)
        assert res.exception.code.startswith("NKB3") and "nobody" not in str(res.exception)
