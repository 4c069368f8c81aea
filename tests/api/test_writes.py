"""Writes: off by default, bearer token required, body size capped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newskb.api import create_app
from newskb.ingest import read_bytes
from newskb.model import Article, Extraction
from newskb.pipeline import process_batch

TOKEN = "s3cret-token"
POST = {
    "text": "Lisbon mayor Carlos Moedas said on Friday that the new bridge over the Tagus "
    "would open in May.",
    "title": "Bridge to open",
    "published": "2025-05-02",
    "source": "Lisbon Daily",
    "url": "https://example.org/bridge",
}


def _pipeline(post: dict[str, str]) -> Extraction:
    items = list(read_bytes(json.dumps(post).encode(), path=post["url"], suffix=".jsonl"))
    arts = [i for i in items if isinstance(i, Article)]
    result = process_batch(arts)[0]
    assert isinstance(result, Extraction)
    return result


@pytest.fixture()
def store_copy(serve_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    shutil.copy(serve_db, target)
    return target


def test_read_only_by_default(store_copy: Path) -> None:
    client = TestClient(create_app(str(store_copy)))
    r = client.post("/api/articles", json=POST, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "NKB403"
    assert client.get("/api/health").json() == {"ok": True, "writable": False}


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_bad_or_missing_token(store_copy: Path, header: str | None) -> None:
    client = TestClient(create_app(str(store_copy), write_token=TOKEN))
    headers = {"Authorization": header} if header else {}
    r = client.post("/api/articles", json=POST, headers=headers)
    assert r.status_code == 401 and r.json()["error"]["code"] == "NKB401"
    assert r.headers["www-authenticate"] == "Bearer"


def test_post_article_runs_the_pipeline(store_copy: Path) -> None:
    client = TestClient(create_app(str(store_copy), write_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/articles", json=POST, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and body["errors"] == [] and body["id"]
    stored = client.get(f"/api/articles/{body['id']}").json()["extraction"]
    assert stored["doc"]["title"] == "Bridge to open"
    # the same facts as the pipeline gives for the same input
    direct = _pipeline(POST)
    assert [e["name"] for e in stored["entities"]] == [e.name for e in direct.entities]
    assert [q["content"]["text"] for q in stored["quotes"]] == [
        q.content.text for q in direct.quotes
    ]
    assert stored["entities"]
    found = client.get("/api/articles", params={"q": "bridge", "outlet": "Lisbon Daily"})
    assert [a["id"] for a in found.json()["items"]] == [body["id"]]
    again = client.post("/api/articles", json=POST, headers=auth).json()
    assert again["added"] == 0 and again["skipped"] == 1


def test_invalid_post_is_a_coded_error(store_copy: Path) -> None:
    client = TestClient(create_app(str(store_copy), write_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/articles", json={"title": "no text"}, headers=auth)
    assert r.status_code == 400 and r.json()["error"]["code"] == "NKB402"
    r = client.post("/api/articles", json={**POST, "published": "May 2"}, headers=auth)
    assert r.status_code == 400


def test_body_size_limit(store_copy: Path) -> None:
    client = TestClient(create_app(str(store_copy), write_token=TOKEN))
    big = {"text": "word " * 600_000}
    r = client.post("/api/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "NKB413"


def test_entity_writes_call_the_canon_on_the_real_store(store_copy: Path) -> None:
    """Regression: the alias/merge routes looked functions up by name that did not exist (always
    501); they now run ``newskb.resolve.canon`` on the store, and the store shows the edit."""
    from newskb.store import open_store

    client = TestClient(create_app(str(store_copy), write_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/entities/Maria Lindqvist/aliases", json={"alias": "M. Lindqvist"})
    assert r.status_code == 401
    r = client.post(
        "/api/entities/Maria Lindqvist/aliases", json={"alias": "M. Lindqvist"}, headers=auth
    )
    assert r.status_code == 200, r.text
    maria = r.json()["detail"]
    with open_store(str(store_copy)) as store:
        assert store.entity("m. lindqvist").id == maria
        taras = store.entity("Taras Hnatiuk").id
    assert taras != maria
    r = client.post(
        "/api/entities/merge", json={"into": "Maria Lindqvist", "merge": [taras]}, headers=auth
    )
    assert r.status_code == 200 and r.json()["detail"] == maria
    with open_store(str(store_copy)) as store:
        assert store.entity("Taras Hnatiuk").id == maria
        both = len(store.entity(maria).articles)
    r = client.post(f"/api/entities/{maria}/split", json={"alias": "Taras Hnatiuk"}, headers=auth)
    assert r.status_code == 200, r.text
    new = r.json()["detail"]
    with open_store(str(store_copy)) as store:
        assert new != maria and store.entity("Taras Hnatiuk").id == new
        assert len(store.entity(new).articles) + len(store.entity(maria).articles) == both
    r = client.post("/api/entities/Nobody Atall/aliases", json={"alias": "N"}, headers=auth)
    assert r.status_code == 404 and r.json()["error"]["code"].startswith("NKB")
