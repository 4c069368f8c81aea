"""The read API, in-process, over a store built through the real pipeline."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newskb.api import create_app
from newskb.cli import cli


@pytest.fixture(scope="module")
def client(serve_db: Path) -> TestClient:
    return TestClient(create_app(str(serve_db)))


def _ids(client: TestClient, **params: str) -> list[str]:
    r = client.get("/api/articles", params=params)
    assert r.status_code == 200, r.text
    return [a["id"] for a in r.json()["items"]]


def _title(client: TestClient, start: str) -> str:
    for a in client.get("/api/articles").json()["items"]:
        if (a["title"] or "").startswith(start):
            return str(a["id"])
    raise AssertionError(f"no article titled {start!r}")


def test_search_ranks_and_marks_hits(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "repair truce"}).json()
    titles = [a["title"] for a in body["items"]]
    assert "EU envoy says the repair truce will hold" in titles
    assert "Shelling breaks the repair truce, Kyiv says" in titles
    assert all("[" in a["snippet"] and a["score"] is not None for a in body["items"])


def test_article_filters(client: TestClient) -> None:
    brussels, broken = _title(client, "EU envoy"), _title(client, "Shelling")
    assert _ids(client, outlet="kyiv herald") == [broken]
    assert _ids(client, since="2025-04-02", until="2025-04-09") == [broken]
    assert brussels in _ids(client, entity="Maria Lindqvist")
    assert broken not in _ids(client, entity="Maria Lindqvist")
    assert _ids(client, q="truce", outlet="Brussels Wire") == [brussels]


def test_cursor_pages_cover_everything_once(client: TestClient) -> None:
    everything = _ids(client, limit="100")
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": "1", **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/articles", params=params).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything and len(seen) >= 3


def test_limits_and_bad_cursor_are_coded_errors(client: TestClient) -> None:
    r = client.get("/api/articles", params={"limit": "101"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "NKB402"
    r = client.get("/api/quotes", params={"cursor": "not-a-cursor"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "NKB402"
    r = client.get("/api/articles", params={"since": "yesterday"})
    assert r.status_code == 400 and set(r.json()) == {"error"}


def test_not_found_bodies(client: TestClient) -> None:
    r = client.get("/api/articles/0000000000000000")
    assert r.status_code == 404
    assert r.json() == {
        "error": {"code": "NKB302", "message": "no article with id '0000000000000000'"}
    }
    assert client.get("/api/nothing-here").json()["error"]["code"] == "NKB404"
    assert client.delete("/api/articles").json()["error"]["code"] == "NKB405"


def test_article_has_all_facts_with_offsets(client: TestClient) -> None:
    body = client.get(f"/api/articles/{_title(client, 'Shelling')}").json()
    x = body["extraction"]
    text = x["doc"]["text"]
    assert body["version"] == 1 and body["current"] is True
    for e in x["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for q in x["quotes"]:
        assert text[q["content"]["start"] : q["content"]["end"]] == q["content"]["text"]
    times = {t["text"]: t for t in x["times"]}
    assert times["04:20 Kyiv time"]["utc"] == "2025-04-09T01:20:00Z"


def test_entity_profile(client: TestClient) -> None:
    body = client.get("/api/entities/Maria Lindqvist").json()
    assert body["entity"]["type"] == "PERSON"
    assert "Lindqvist" in body["aliases"]
    said = [q["content"] for q in body["quotes"]]
    assert "We expect both sides to keep their word" in said
    assert [a["title"] for a in body["articles"]] == ["EU envoy says the repair truce will hold"]
    listed = client.get("/api/entities", params={"q": "lindq"}).json()["items"]
    assert [e["name"] for e in listed] == ["Maria Lindqvist"]


def test_quotes_filters(client: TestClient) -> None:
    by = client.get("/api/quotes", params={"speaker": "Taras Hnatiuk"}).json()["items"]
    assert any(q["content"].startswith("the repair ceasefire had been violated") for q in by)
    assert all(q["published"] == "2025-04-09" for q in by)
    early = client.get("/api/quotes", params={"until": "2025-04-01"}).json()["items"]
    assert early and all(q["published"] <= "2025-04-01" for q in early)
    about = client.get("/api/quotes", params={"about": "Moscow"}).json()["items"]
    assert any("Moscow" in q["content"] for q in about)
    assert all("Moscow" in q["content"] for q in about)


def test_quotes_mode_filter_gives_the_cli_answer(client: TestClient, serve_db: Path) -> None:
    """``GET /api/quotes?mode=`` and ``newskb quotes --mode`` run the one quote query."""
    everything = client.get("/api/quotes", params={"limit": "100"}).json()["items"]
    assert {q["mode"] for q in everything} >= {"speech", "thought", "knowledge"}
    for mode in ("speech", "thought", "knowledge", "intention"):
        api = client.get("/api/quotes", params={"mode": mode, "limit": "100"}).json()["items"]
        res = CliRunner().invoke(
            cli, ["quotes", "--mode", mode, "--db", str(serve_db), "--format", "json"]
        )
        assert res.exit_code == 0, res.output
        printed = json.loads(res.stdout)
        assert all(q["mode"] == mode for q in [*api, *printed])
        assert sorted((q["article_id"], q["id"]) for q in api) == sorted(
            (q["article"], q["quote"]) for q in printed
        )
        assert len(api) == sum(q["mode"] == mode for q in everything)
    thought = client.get("/api/quotes", params={"mode": "thought"}).json()["items"]
    assert [q["content"] for q in thought] == ["both sides to keep their word"]
    r = client.get("/api/quotes", params={"mode": "rumour"})
    assert r.status_code == 400 and set(r.json()) == {"error"}
    bad = CliRunner().invoke(cli, ["quotes", "--mode", "rumour", "--db", str(serve_db)])
    assert bad.exit_code == 2


def test_events_filters(client: TestClient) -> None:
    agree = client.get("/api/events", params={"type": "agree", "actor": "Ukraine"}).json()
    assert any(v["trigger"] == "agreed" and "Ukraine" in v["actors"] for v in agree["items"])
    assert all(v["type"] == "AGREE" for v in agree["items"])
    timed = client.get("/api/events", params={"since": "2025-04-09", "until": "2025-04-09"})
    assert any(v["when"] == "2025-04-09T01:20:00Z" for v in timed.json()["items"])
    r = client.get("/api/events", params={"status": "maybe"})
    assert r.status_code == 400


def test_agreement_history_across_articles(client: TestClient) -> None:
    rows = client.get("/api/agreements").json()
    truce = [g for g in rows if g["object"] == "repair truce"]
    assert len(truce) == 1 and truce[0]["steps"] >= 2  # the extractor may find a report too
    assert truce[0]["status"] == "violated" and truce[0]["date"] == "2025-03-30"
    body = client.get(f"/api/agreements/{truce[0]['id']}").json()
    labels = [h["label"] for h in body["history"]]
    assert (
        labels[0] == "agreed" and labels[-1] == "violated" and set(labels) == {"agreed", "violated"}
    )
    assert set(truce[0]["parties"]) == {"Ukraine", "Russia"}
    assert client.get("/api/agreements/nope").json()["error"]["code"] == "NKB302"


def test_stories_absent_or_empty(client: TestClient) -> None:
    assert client.get("/api/stories").json() == []
    r = client.get("/api/stories/S123")
    assert r.status_code == 404 and r.json()["error"]["code"] == "NKB302"
    r = client.get("/api/timeline")
    assert r.json()["error"]["code"] == "NKB402"


def test_entity_timeline(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"entity": "Taras Hnatiuk"}).json()
    said = [i["text"] for i in items if i["kind"] == "quote"]
    assert any(t.startswith("the repair ceasefire had been violated") for t in said)


@pytest.mark.parametrize(
    "payload",
    ["' OR 1=1 --", '"; DROP TABLE articles; --', "%' UNION SELECT raw FROM articles --", "\\"],
)
def test_injection_strings_are_just_text(client: TestClient, serve_db: Path, payload: str) -> None:
    for path, names in {
        "/api/articles": ["q", "outlet", "entity"],
        "/api/quotes": ["speaker", "about"],
        "/api/events": ["type", "actor"],
        "/api/entities": ["q", "type"],
    }.items():
        for name in names:
            r = client.get(path, params={name: payload})
            assert r.status_code == 200, (path, name, r.text)
            assert r.json()["items"] == []
    with sqlite3.connect(serve_db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 3


def test_openapi_security_headers_and_no_cors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/events"):
        assert path in spec["paths"]
    r = client.get("/api/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "default-src 'none'" in r.headers["content-security-policy"]
    docs = client.get("/docs")  # our own page: the stock one would load scripts from a CDN
    assert docs.status_code == 200 and "<script" not in docs.text and "cdn" not in docs.text


def test_no_file_reads_through_paths(client: TestClient) -> None:
    for url in ("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd"):
        r = client.get(url)
        assert r.status_code == 404 and "root:" not in r.text
    r = client.get("/api/articles/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code == 404 and "root:" not in r.text


def test_missing_store_is_a_coded_error(tmp_path: Path) -> None:
    from newskb.errors import NotFound

    with pytest.raises(NotFound):
        create_app(str(tmp_path / "none.db"))


def test_common_words_rank_the_newest_matches(
    client: TestClient, serve_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newskb.store import read, read_fulltext

    full = {a["id"] for a in client.get("/api/articles", params={"q": "truce"}).json()["items"]}
    monkeypatch.setattr(read_fulltext, "RECENT_WINDOW", 2)
    # as if it ran over budget
    monkeypatch.setattr(read_fulltext, "_SLOW", {read.fts_query("truce")})
    with sqlite3.connect(serve_db) as conn:
        newest = {r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid DESC LIMIT 2")}
    some = {a["id"] for a in client.get("/api/articles", params={"q": "truce"}).json()["items"]}
    assert some and some <= newest & full and len(full) > len(some)
