"""Media credits are stored as rows beside their article, once, and migrate onto old stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from newskb.extract.credits import find_credits
from newskb.ingest import read_bytes
from newskb.model import Article, Extraction
from newskb.store import SqliteStore
from newskb.store.migrate import current_version, migrate
from tests.store.test_contract import store  # noqa: F401  (SQLite and PostgreSQL)


def ext(raw: bytes, path: str = "feed/story.txt") -> Extraction:
    (a,) = read_bytes(raw, path=path)
    assert isinstance(a, Article)
    return Extraction(article=a, credits=find_credits(a.text))


def rows(s: Any) -> list[tuple[object, ...]]:
    sql = (
        "SELECT article_id, local_id, medium, source_text, source_start, source_end, "
        "agency_text, content_start, content_end FROM credits ORDER BY article_id, local_id"
    )
    return [tuple(r) for r in s.conn.execute(sql)]


def test_credit_rows_written_once_and_per_version(tmp_path: Path) -> None:
    raw = b"Talks ended.\nLeaders meet in Paris. Image: Nick Moreau.\nA street. REUTERS/Ann Lee\n"
    x = ext(raw)
    text = x.article.text
    with SqliteStore(tmp_path / "kb.db") as s:
        s.add_batch([x])
        got = rows(s)
        assert [(r[1], r[2], r[3], r[6]) for r in got] == [
            ("C1", "image", "Nick Moreau", None),
            ("C2", "photo", "Ann Lee", "REUTERS"),
        ]
        for r in got:
            assert text[int(str(r[4])) : int(str(r[5]))] == r[3]
        assert text[int(str(got[0][7])) : int(str(got[0][8]))] == "Leaders meet in Paris."
        s.add_batch([x])  # the same bytes again: skipped, nothing duplicated
        assert rows(s) == got
        edited = ext(raw.replace(b"Talks ended.", b"Talks ended late."))
        s.add_batch([edited])  # a new version keeps its own rows; the old version's stay
        ids = [r[0] for r in rows(s)]
        assert ids.count(x.article.id) == 2 and ids.count(edited.article.id) == 2
        assert s.get(edited.article.id).extraction.credits == edited.credits


def test_a_version_5_store_gains_the_credits_table(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=5) == 5
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'credits'").fetchone() is None
    conn.close()
    with SqliteStore(path) as s:
        assert s.schema_version >= 6
        s.add_batch([ext(b"A dog. Photo: Jane Doe\n", path="dog.txt")])
        assert [r[3] for r in rows(s)] == ["Jane Doe"]
    conn = sqlite3.connect(path)
    assert current_version(conn) >= 6
    conn.close()


def test_both_stores_write_the_credit_rows(store: Any) -> None:  # noqa: F811
    x = ext(b"Talks ended.\nA street in Paris. (AP Photo/Evan Vucci)\n", path="ap.txt")
    store.add_batch([x])
    store.add_batch([x])
    (row,) = rows(store)
    assert row[1:4] == ("C1", "photo", "Evan Vucci") and row[6] == "AP"
    assert store.get(x.article.id).extraction.credits == x.credits


def test_credits_query_by_name_or_agency_and_since(store: Any) -> None:  # noqa: F811
    import dataclasses
    import datetime as dt

    from newskb.store.sql.credits import find_credits as query

    a = ext(b"Leaders meet in Paris. Image: Nick Moreau.\nA street. REUTERS/Ann Lee\n")
    b = ext(b"Ministers sign. (AP Photo/Evan Vucci)\n", path="feed/other.txt")
    a = dataclasses.replace(
        a, article=dataclasses.replace(a.article, published=dt.date(2025, 3, 1))
    )
    b = dataclasses.replace(
        b, article=dataclasses.replace(b.article, published=dt.date(2025, 4, 1))
    )
    store.add_batch([a, b])
    got = query(store.conn)
    assert [(r.source, r.agency, r.caption) for r in got] == [
        ("Nick Moreau", None, "Leaders meet in Paris."),
        ("Ann Lee", "REUTERS", "A street."),
        ("Evan Vucci", "AP", "Ministers sign."),
    ]
    assert [r.source for r in query(store.conn, source="reuters")] == ["Ann Lee"]
    assert [r.source for r in query(store.conn, since=dt.date(2025, 3, 15))] == ["Evan Vucci"]
    assert query(store.conn, source="%") == []


def test_cli_credits_json(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from newskb.cli import cli

    db = tmp_path / "kb.db"
    with SqliteStore(db) as s:
        s.add_batch([ext(b"Leaders meet in Paris. Image: Nick Moreau.\n")])
    res = CliRunner().invoke(cli, ["credits", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.output)
    assert (row["source"], row["medium"], row["caption"]) == (
        "Nick Moreau",
        "image",
        "Leaders meet in Paris.",
    )
