"""Agreements read from a ledger table when the store keeps one (else from events)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from newskb.api import create_app


def test_ledger_tables_are_used_when_filled(serve_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    shutil.copy(serve_db, db)
    with sqlite3.connect(db) as conn:
        aid, text = conn.execute(
            "SELECT id, text FROM articles WHERE title LIKE 'Shelling%'"
        ).fetchone()
        start = text.index("Energy Minister")
        end = text.index(".", start) + 1
        conn.execute("DELETE FROM agreement_history")
        conn.execute("DELETE FROM agreements")
        conn.execute(
            "INSERT INTO agreements VALUES ('A1', 'repair ceasefire', 'ceasefire repair', "
            "'[\"Ukraine\", \"Russia\"]', '[]', '2025-03-30', 'violated', '2025-04-09')"
        )
        conn.execute(
            "INSERT INTO agreement_history VALUES "
            "('A1', ?, '2025-04-09', 'violated', 'V1', ?, ?, ?, ?)",
            (aid, start, start + 1, start, end),
        )
    client = TestClient(create_app(str(db)))
    assert client.get("/api/agreements").json() == [
        {
            "id": "A1",
            "object": "repair ceasefire",
            "parties": ["Ukraine", "Russia"],
            "status": "violated",
            "date": "2025-03-30",
            "steps": 1,
        }
    ]
    history = client.get("/api/agreements/A1").json()["history"]
    assert history == [
        {
            "when": "2025-04-09",
            "kind": "agreement",
            "label": "violated",
            "text": text[start:end],
            "article_id": aid,
            "published": "2025-04-09",
        }
    ]
    page = client.get("/agreements/A1")
    assert page.status_code == 200 and "repair ceasefire" in page.text
    assert "<svg" in page.text
