"""Stories and their timelines, read from whatever story tables the store has."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from newskb.api import create_app


def _with_story(serve_db: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the store whose story tables hold one story of two articles."""
    db = tmp_path / "stories.db"
    shutil.copy(serve_db, db)
    with sqlite3.connect(db) as conn:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE title LIKE '%repair truce%' ORDER BY published"
            )
        ]
        conn.execute("DELETE FROM story_members")
        conn.execute("DELETE FROM stories")
        conn.execute(
            "INSERT INTO stories(id, title, created_at, updated_at) "
            "VALUES ('S1', 'The repair truce', '', '')"
        )
        conn.executemany(
            "INSERT INTO story_members(article_id, story_id, seq, path, how, features, "
            "assigned_at) VALUES (?, 'S1', ?, ?, 'user', '{}', '')",
            [(a, n, f"{n}.txt") for n, a in enumerate(ids)],
        )
    return db, ids


def test_story_with_timeline(serve_db: Path, tmp_path: Path) -> None:
    db, ids = _with_story(serve_db, tmp_path)
    client = TestClient(create_app(str(db)))
    rows = client.get("/api/stories").json()
    assert rows == [
        {
            "id": "S1",
            "title": "The repair truce",
            "first_seen": "2025-04-01",
            "last_seen": "2025-04-09",
            "articles": 2,
        }
    ]
    body = client.get("/api/stories/S1").json()
    assert [a["id"] for a in body["articles"]] == ids
    events = [i for i in body["timeline"] if i["kind"] == "event"]
    whens = [i["when"] for i in events if i["when"] and i["when"][:1].isdigit()]
    assert "2025-03-30" in whens and "2025-04-09T01:20:00Z" in whens
    assert whens == sorted(whens)  # ordered by event time, not publication
    assert {i["article_id"] for i in body["timeline"]} <= set(ids)
    same = client.get("/api/timeline", params={"story": "S1"}).json()
    assert same == body["timeline"]
