"""The offline API reference at /docs: built from the app's own OpenAPI document, no CDN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newskb.api import create_app
from newskb.web.apidocs import operations


@pytest.fixture(scope="module")
def client(serve_db: Path) -> TestClient:
    return TestClient(create_app(str(serve_db)))


def test_docs_lists_every_route_of_the_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    ops = operations(spec)
    assert len(ops) >= 10
    for op in ops:
        assert f"<code>{op.method} {op.path}</code>" in page.text
    # the quotes route documents its filters with their types
    quotes = next(o for o in ops if o.method == "GET" and o.path == "/api/quotes")
    assert {"speaker", "about"} <= {p.name for p in quotes.params}


def test_docs_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/docs").text
    assert not re.search(r'(src|href)="(https?:)?//', page), "an external asset on /docs"


def test_redoc_and_favicon(client: TestClient) -> None:
    r = client.get("/redoc", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/docs"
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
    assert icon.content.startswith(b"<svg")
    assert 'href="/docs"' in client.get("/").text
