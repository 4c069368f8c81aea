"""The API and pages under hostile requests and stores: coded 4xx/503, never a 500; the app
refuses a store it cannot read. (A large article's pages: ``test_large_pages``.)"""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newskb.api import create_app
from newskb.errors import NewskbError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from servestore import build_store

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api-hostile"), None)


def cursor(state: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode().rstrip("=")


def test_huge_numbers_in_cursors_and_limits_are_4xx(small_db: Path) -> None:
    client = TestClient(create_app(str(small_db)), raise_server_exceptions=False)
    huge = [
        cursor({"p": "2025-01-01", "r": 10**30}),
        cursor({"o": 10**30}),
        cursor({"p": 10**20, "r": -(10**25)}),
        cursor([10**40]),
        "9" * 200,
    ]
    for c in huge:
        for url in ("/api/articles", "/"):
            r = client.get(url, params={"cursor": c})
            assert 400 <= r.status_code < 500, (url, c, r.status_code, r.text[:200])
        for url in ("/api/quotes", "/api/events", "/quotes", "/events", "/entities"):
            r = client.get(url, params={"cursor": c})  # another list's cursor: start or 4xx
            assert r.status_code < 500, (url, c, r.status_code, r.text[:200])
    for url in ("/api/articles", "/api/quotes", "/api/entities"):
        r = client.get(url, params={"limit": str(10**20)})
        assert r.status_code == 400, (url, r.text[:200])


def test_a_huge_post_is_a_413_naming_the_limit(small_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    shutil.copy(small_db, db)
    client = TestClient(create_app(str(db), write_token=TOKEN), raise_server_exceptions=False)
    started = time.perf_counter()
    r = client.post(
        "/api/articles",
        json={"text": "Officials said the talks would resume. " * 25_000},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert time.perf_counter() - started < 5
    assert r.status_code == 413, r.text[:300]
    body = r.json()["error"]
    assert body["code"] == "NKB413" and "100,000" in body["message"], body


def test_the_app_refuses_a_store_it_cannot_read(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"<html>not a store</html>" * 100)
    future = tmp_path / "future.db"
    conn = sqlite3.connect(future)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA user_version = 3")  # a newskb version number, but no newskb tables
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    for db, code in ((foreign, "NKB305"), (future, "NKB301"), (other, "NKB305")):
        with pytest.raises(NewskbError) as caught:
            create_app(str(db))
        assert caught.value.code == code, (db.name, caught.value)


def test_health_reads_the_store(small_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    shutil.copy(small_db, db)
    client = TestClient(create_app(str(db)), raise_server_exceptions=False)
    assert client.get("/api/health").status_code == 200
    client.app.state.pool.close()  # type: ignore[attr-defined]
    db.write_bytes(b"\0" * 4096)  # the store is destroyed under the running server
    r = client.get("/api/health")
    assert r.status_code == 503 and r.json()["error"]["code"].startswith("NKB3"), r.text
