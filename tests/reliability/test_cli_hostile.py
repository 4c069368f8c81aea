"""Every CLI command, with odd arguments, on every kind of bad store: a coded message, never a
traceback; a read never creates a store; stored text prints as text, never as markup."""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

CODED = re.compile(r"NKB\d{3}")
HOSTILE_TITLE = "[/bold] [red]x[/red] :smile: <b>t</b>"


def run_cli(*args: str) -> tuple[int, str, str]:
    """``newskb ARGS`` in this process through the real entry point; (exit code, out, err).
    An exception escaping ``main`` fails the test with its traceback."""
    from newskb.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = sys.argv
    sys.argv = ["newskb", *args]
    code: int = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = old
    return code, out.getvalue(), err.getvalue()


def read_commands(db: str) -> list[list[str]]:
    """Every command that reads a store, with ordinary and odd arguments."""
    return [
        ["search", "Kyiv", "--db", db],
        ["search", 'AND OR "( NEAR', "--db", db, "--limit", "1000000000"],
        ["show", "nope", "--db", db],
        ["show", "../../etc/passwd", "--db", db, "--format", "json"],
        ["stats", "--db", db],
        ["stats", "--db", db, "--format", "csv"],
        ["errors", "--db", db, "--limit", "0"],
        ["digest", "--db", db],
        ["entities", "--db", db],
        ["entities", "--db", db, "search", "[/bold]"],
        ["entities", "--db", db, "show", "Nobody"],
        ["entities", "--db", db, "alias", "Nobody", "x"],
        ["entities", "--db", db, "merge", "A", "B"],
        ["entities", "--db", db, "split", "A", "B"],
        ["events", "--db", db, "--since", "2025-01-01"],
        ["agreements", "--db", db],
        ["agreements", "nope", "--db", db],
        ["quotes", "--db", db, "--speaker", "%"],
        ["credits", "--db", db],
        ["stories", "--db", db],
        ["stories", "--db", db, "--format", "tsv"],
        ["stories", "merge", "s1", "s2", "--db", db],
        ["stories", "split", "s1", "a1", "--db", db],
        ["timeline", "nope", "--db", db],
        ["timeline", "--entity", "Kyiv", "--db", db],
        ["serve", "--db", db, "--port", "0"],
    ]


def usage_cases(tmp: Path) -> list[list[str]]:
    return [
        ["search", "x", "--limit", str(10**20), "--db", str(tmp / "x.db")],
        ["errors", "--limit", "-1", "--db", str(tmp / "x.db")],
        ["ingest", str(tmp / "missing"), "--db", str(tmp / "i.db"), "--workers", "0"],
        ["ingest", str(tmp / "missing"), "--db", "", "--workers", "1", "--quiet"],
        ["ingest", str(tmp / "missing"), "--db", ":memory:", "--workers", "1", "--quiet"],
        ["ingest", str(tmp), "--db", str(tmp), "--workers", "1", "--quiet"],
        ["extract", str(tmp / "missing.txt")],
        ["eval", "times", "--corpora", str(tmp / "nope")],
        ["eval", "stories", "--root", str(tmp / "nope")],
        ["eval", "quotes", "--root", str(tmp / "nope")],
        ["eval", "entities", "--root", str(tmp / "nope")],
        ["eval", "events", "--corpora", str(tmp / "nope")],
    ]


def bad_stores(tmp: Path) -> dict[str, Path]:
    """An empty file, a foreign file, truncated and newer-schema SQLite files, an SQLite file
    that is not a newskb store, and a path where nothing exists."""
    stores = {
        "empty": tmp / "empty.db",
        "foreign": tmp / "foreign.db",
        "text": tmp / "notes.db",
        "sqlite-other": tmp / "other.db",
        "truncated": tmp / "truncated.db",
        "truncated-page": tmp / "truncated-page.db",
        "schema-999": tmp / "future.db",
        "missing": tmp / "missing.db",
    }
    stores["empty"].write_bytes(b"")
    stores["foreign"].write_bytes(bytes(range(256)) * 20)
    stores["text"].write_text("SQLite format 2 is not this\n" * 10)
    conn = sqlite3.connect(stores["sqlite-other"])
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    for name, cut in (("truncated", 20_000), ("truncated-page", 16_384 * 2)):
        conn = sqlite3.connect(stores[name])
        conn.execute("PRAGMA page_size=16384")
        conn.execute("CREATE TABLE t (a)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 40)
        conn.commit()
        conn.close()
        data = stores[name].read_bytes()
        stores[name].write_bytes(data[:cut])
    conn = sqlite3.connect(stores["schema-999"])
    conn.execute("CREATE TABLE t (a)")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return stores


def check(
    args: list[str], *, coded: bool, creates_nothing: Path | None = None
) -> tuple[int, str, str]:
    code, out, err = run_cli(*args)
    assert "Traceback" not in out + err, (args, err)
    if coded:
        assert code != 0, (args, out, err)
        assert CODED.search(out + err) or "Error:" in err, (args, out, err)
    if creates_nothing is not None:
        assert not creates_nothing.exists(), (args, "a read created a store")
    return code, out, err


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """``serve`` never listens in these tests; count the times it would have."""
    import uvicorn

    calls: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append(1))
    return lambda: len(calls)


def test_every_read_command_on_every_bad_store_is_coded(
    tmp_path: Path, no_server: Callable[[], int]
) -> None:
    for kind, db in bad_stores(tmp_path).items():
        for args in read_commands(str(db)):
            _code, _out, err = check(
                args, coded=True, creates_nothing=db if kind == "missing" else None
            )
            if kind == "schema-999":
                assert "NKB301" in err, (args, err)
            if kind.startswith("truncated"):
                assert "NKB306" in err or "NKB305" in err, (args, err)
    assert no_server() == 0, "serve started on a store it cannot read"


def test_odd_arguments_and_paths_are_usage_errors(tmp_path: Path) -> None:
    for args in usage_cases(tmp_path):
        check(args, coded=True)
    assert not (tmp_path / "i.db").exists()


def test_ingest_refuses_a_newer_schema_and_a_foreign_file(tmp_path: Path, seed_path: Path) -> None:
    stores = bad_stores(tmp_path)
    for kind in ("schema-999", "foreign", "truncated", "sqlite-other"):
        before = stores[kind].read_bytes()
        check(["ingest", str(seed_path), "--db", str(stores[kind]), "--quiet"], coded=True)
        assert stores[kind].read_bytes() == before, kind


@pytest.mark.parametrize("odd", ["a?b.db", "a#b.db", "sp ace%20.db"])
def test_odd_characters_in_a_path_name_that_file(tmp_path: Path, odd: str) -> None:
    """``?`` and ``#`` are part of the file name, never a URI query that opens another file."""
    db = tmp_path / odd
    conn = sqlite3.connect(tmp_path / "a", isolation_level=None)
    conn.execute("CREATE TABLE t (a)")
    conn.close()
    check(["stats", "--db", str(db)], coded=True, creates_nothing=db)


def test_disk_full_is_named_behind_a_failed_rollback() -> None:
    from newskb.cli import as_coded

    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except sqlite3.OperationalError as exc:
        coded = as_coded(exc)
    assert coded.code == "NKB308", coded
    assert "disk is full" in coded.message


def test_read_only_folder_reads_through_an_immutable_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store in a folder nobody may write (root ignores chmod, so access() is what we ask)."""
    import os

    from newskb.store import opening

    real = os.access
    monkeypatch.setattr(opening.os, "access", lambda p, m: False if m == os.W_OK else real(p, m))
    uri = opening.ro_uri(str(tmp_path / "a?b#c.db"))
    assert uri.endswith("?mode=ro&immutable=1")
    assert "%3F" in uri and "%23" in uri


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose stored text is terminal markup, emoji codes, HTML and odd file names."""
    folder = tmp_path_factory.mktemp("hostile")
    rows = [
        {
            "title": HOSTILE_TITLE,
            "published": "2025-03-01",
            "url": "http://example.org/[/bold]",
            "text": "[bold]Maria Novak[/bold] said: “We agree [/] on [/bold] the plan,” in "
            "Kyiv on Monday. <b>x</b> The ministers signed the accord in Geneva.",
        },
    ]
    (folder / "in.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (folder / "tab\tnew\nline.txt").write_text(
        "Officials in Kyiv said on Monday that talks [/i] would resume.\n", encoding="utf-8"
    )
    db = folder / "hostile.db"
    code, _out, err = check(
        ["ingest", str(folder), "--db", str(db), "--workers", "1", "--quiet"], coded=False
    )
    assert code == 0, err
    return db


@pytest.mark.slow
def test_every_command_on_a_hostile_store_prints_text(
    hostile_store: Path, tmp_path: Path, no_server: Callable[[], int]
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(hostile_store, db)
    _c, out, _e = check(["digest", "--db", str(db)], coded=False)
    assert HOSTILE_TITLE in out
    _c, out, _e = check(["search", "Maria", "--db", str(db), "--format", "table"], coded=False)
    _c, out, _e = check(["stories", "--db", str(db), "--format", "tsv"], coded=False)
    lines = out.splitlines()
    assert len(lines) == 2 and all(line.count("\t") == 1 for line in lines), out
    assert any("tab\\tnew\\nline.txt" in line for line in lines), out
    for args in read_commands(str(db)):
        if args[0] != "serve":
            check(args, coded=False)
    assert no_server() == 0


@pytest.mark.slow
def test_every_command_on_an_empty_store(tmp_path: Path, no_server: Callable[[], int]) -> None:
    db = tmp_path / "empty-store.db"
    (tmp_path / "in").mkdir()
    code, _o, err = check(["ingest", str(tmp_path / "in"), "--db", str(db), "--quiet"], coded=False)
    assert code == 0 and db.exists(), err
    for args in read_commands(str(db)):
        if args[0] != "serve":
            check(args, coded=False)
