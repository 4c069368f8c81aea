"""Issue 23: a 1 MB article stops at its budget with a coded error (NKB204), in a text file and
in a JSON Lines record alike; the batch goes on, nothing else is lost, a re-run adds nothing,
and the store's pages still answer."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from newskb import budget
from newskb.api import create_app
from newskb.cli import cli
from tests.reliability.helpers import store_problems, stored_ids, write_articles

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import long_article

MB = 1_000_000


def test_a_1_mb_article_is_an_nkb204_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_articles(folder, 6)
    big = long_article(MB, seed=7)
    assert len(big) > budget.MAX_CHARS
    (folder / "003b_big.txt").write_text(big, encoding="utf-8")
    record = {"title": "Talks", "published": "2025-04-02", "text": big}
    small = {"title": "Short", "published": "2025-04-02", "text": long_article(800, seed=8)}
    lines = [json.dumps(small), json.dumps(record), json.dumps(small | {"title": "Other"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    args = ["ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "2"]
    res = CliRunner().invoke(cli, [*args, "--quiet"])
    assert res.exit_code == 0 and res.exception is None, res.output
    stored = stored_ids(db)
    assert all(stored.get(p) == aid for p, aid in good.items()), stored
    assert sum(p.startswith(str(folder / "feed.jsonl")) for p in stored) == 2, stored
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT path, code, message FROM errors ORDER BY path").fetchall()
    conn.close()
    assert [(p.removeprefix(str(folder) + "/"), c) for p, c, _m in rows] == [
        ("003b_big.txt", "NKB204"),
        ("feed.jsonl:2", "NKB204"),
    ], rows
    assert all(f"{budget.MAX_CHARS:,}" in m for _p, _c, m in rows), rows
    assert store_problems(db) == []
    again = CliRunner().invoke(cli, [*args, "--quiet"])
    assert again.exit_code == 0 and again.output.strip().startswith("0 added"), again.output
    assert stored_ids(db) == stored
    client = TestClient(create_app(str(db)), raise_server_exceptions=False)
    for url in ("/", "/entities/Kyiv", "/api/entities/Kyiv", "/quotes", "/events"):
        assert client.get(url).status_code == 200, url
