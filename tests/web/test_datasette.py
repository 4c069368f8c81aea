"""The store stays readable by Datasette: tables, FTS detected, the quotes-with-speakers view."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest


def _copy(serve_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "newskb.db"
    shutil.copy(serve_db, db)
    return db


def test_datasette_detects_fts(serve_db: Path, tmp_path: Path) -> None:
    utils = pytest.importorskip("datasette.utils")
    with sqlite3.connect(_copy(serve_db, tmp_path)) as conn:
        assert utils.detect_fts(conn, "articles") == "articles_fts"


def test_datasette_reads_the_store(serve_db: Path, tmp_path: Path) -> None:
    datasette_app = pytest.importorskip("datasette.app")
    db = _copy(serve_db, tmp_path)

    async def fetch() -> tuple[Any, Any, Any]:
        ds = datasette_app.Datasette([str(db)], immutables=[])
        await ds.invoke_startup()
        overview = (await ds.client.get("/newskb.json")).json()
        search = (
            await ds.client.get(
                "/newskb/articles.json?_search=truce&_fts_table=articles_fts&_fts_pk=rowid"
                "&_shape=array"
            )
        ).json()
        view = (await ds.client.get("/newskb/quotes_with_speakers.json?_shape=array")).json()
        named = (await ds.client.get("/newskb/events_named.json?_shape=array")).json()
        return overview, search, view, named

    overview, search, view, named = asyncio.run(fetch())
    tables = {t["name"]: t for t in overview["tables"]}
    for name in ("entities", "mentions", "quotes", "times", "events", "errors"):
        assert name in tables
    assert "quotes_with_speakers" in {v["name"] for v in overview["views"]}
    titles = {row["title"] for row in search}
    assert "EU envoy says the repair truce will hold" in titles
    assert all("truce" in (r["title"] + r["text"]).lower() for r in search)
    speakers = {row["speaker"] for row in view}
    assert "Maria Lindqvist" in speakers
    assert {"article_id", "kind", "speaker", "content_text", "published"} <= set(view[0])
    views = {v["name"] for v in overview["views"]}
    assert {"events_named", "entities_canonical", "story_articles", "agreement_steps"} <= views
    # events show their actors by name (the article-local ids "E1", "E2" stay in ``events``)
    agreed = [r for r in named if r["agreement"] == "repair truce"]
    assert agreed and agreed[0]["actors"] and "Ukraine" in agreed[0]["actors"]
    assert not any(r["actors"] and r["actors"].startswith("E") and r["actors"][1:].isdigit()
                   for r in named)  # fmt: skip
