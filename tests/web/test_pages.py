"""Server-rendered pages, in-process: content, escaping, error pages, no external assets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newskb.api import create_app


@pytest.fixture(scope="module")
def client(serve_db: Path) -> TestClient:
    return TestClient(create_app(str(serve_db)))


def _id(client: TestClient, start: str) -> str:
    for a in client.get("/api/articles").json()["items"]:
        if (a["title"] or "").startswith(start):
            return str(a["id"])
    raise AssertionError(start)


def test_search_page_with_snippets(client: TestClient) -> None:
    r = client.get("/", params={"q": "truce"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<mark>truce</mark>" in r.text
    assert 'href="/articles/' in r.text
    assert '<label for="q">' in r.text and 'lang="en"' in r.text


def test_article_page_highlights_each_kind(client: TestClient) -> None:
    page = client.get(f"/articles/{_id(client, 'Shelling')}").text
    assert re.search(r'<span class="quote" title="[^"]*">', page)
    assert 'class="speaker"' in page and 'class="cue"' in page
    assert re.search(r'<a class="ent ent-person" href="/entities/[^"]+"', page)
    assert (
        '<time class="time" datetime="2025-04-09T01:20:00Z" '
        'title="Time: TIME 2025-04-09T04:20 · UTC 2025-04-09T01:20:00Z" tabindex="0">' in page
    )
    assert re.search(r'title="Event: REJECT \(occurred\)">(<[^>]+>)*violated</mark>', page)


def test_highlights_name_their_kind_not_only_by_colour(client: TestClient) -> None:
    """Issue 22: each highlight's title says what it is, and the legend gives each kind its
    line or type style in words beside the example (colour is not the only carrier)."""
    page = client.get(f"/articles/{_id(client, 'Shelling')}").text
    text = page.split('id="text"', 1)[1]
    for cls, kind in [("ent ent-[a-z]+", "Entity: "), ("quote", "Quote by "),
                      ("speaker", "Speaker"), ("cue", "Cue"), ("time", "Time: "),
                      ("event event-[a-z]+", "Event: ")]:  # fmt: skip
        assert re.search(f'class="{cls}"[^>]* title="{kind}', text), cls
    legend = page.split('class="legend"', 1)[1].split("</details>", 1)[0]
    styles = re.findall(r'<span class="how">([^<]+)</span>', legend)
    assert len(styles) == 6 and len({s.split(";")[0].split(", ", 1)[-1] for s in styles}) == 6


def test_hostile_text_is_escaped(client: TestClient) -> None:
    page = client.get(f"/articles/{_id(client, 'Hackers')}").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned = 2;&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in page
    listing = client.get("/quotes").text
    assert "<script>window" not in listing and "&lt;script&gt;" in listing


def test_person_page_statements_over_time(client: TestClient) -> None:
    page = client.get("/entities/Maria Lindqvist").text
    assert "<h1>Maria Lindqvist</h1>" in page
    assert '<time datetime="2025-04-01">2025-04-01</time>' in page
    assert "We expect both sides to keep their word" in page


def test_agreement_page_with_history(client: TestClient) -> None:
    rows = client.get("/api/agreements").json()
    gid = next(g["id"] for g in rows if g["object"] == "repair truce")
    page = client.get(f"/agreements/{gid}").text
    assert page.index(">agreed</strong>") < page.index(">violated</strong>")
    assert "<svg" in page and 'role="img"' in page
    assert client.get("/agreements").text.count(f"/agreements/{gid}") == 1


def test_lists_render(client: TestClient) -> None:
    for url in ("/entities", "/quotes", "/events", "/stories", "/agreements"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<main" in r.text
    assert "no stories yet" in client.get("/stories").text.lower()
    assert "Maria Lindqvist" in client.get("/entities", params={"type": "PERSON"}).text


def test_error_pages_are_html_with_codes(client: TestClient) -> None:
    r = client.get("/articles/0000000000000000")
    assert r.status_code == 404 and "NKB302" in r.text and "<html" in r.text
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "NKB404" in r.text
    r = client.get("/", params={"since": "<script>"})
    assert r.status_code == 400 and "<script>" not in r.text


def test_every_asset_is_local(client: TestClient) -> None:
    page = client.get("/").text
    refs = re.findall(r'(?:href|src)="([^"]+)"', page)
    assert refs and all(ref.startswith(("/", "?", "#")) for ref in refs)
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "http" not in css.text


def test_every_linked_page_renders(client: TestClient) -> None:
    """Follow every internal link from the start pages: none may fail."""
    todo = ["/", "/entities", "/quotes", "/events", "/stories", "/agreements"]
    seen: set[str] = set()
    while todo and len(seen) < 400:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        if "text/html" not in r.headers["content-type"]:
            continue
        for href in re.findall(r'href="(/[^"#]*)"', r.text):
            href = href.replace("&amp;", "&")
            if not href.startswith(("/static/", "/api/", "/openapi.json")) and href not in seen:
                todo.append(href)
    assert len(seen) > 30


def test_events_page_offers_the_plover_types_to_choose_from(client: TestClient) -> None:
    page = client.get("/events", params={"type": "agree"}).text
    assert '<select id="type" name="type">' in page
    assert "<option selected>AGREE</option>" in page and "<option>ASSAULT</option>" in page
    assert 'name="type" value=' not in page  # no free-text type box any more


def test_quotes_page_filters_on_the_kind_of_statement(client: TestClient) -> None:
    item = 'class="quote-item"'
    page = client.get("/quotes").text  # default: any kind, everything shown
    assert '<label for="mode">Kind of statement</label>' in page
    assert '<option value="">any</option>' in page and "<option>thought</option>" in page
    assert page.count(item) == client.get("/quotes", params={"mode": ""}).text.count(item)
    assert '<span class="mode">speech</span>' in page
    assert '<span class="mode">thought</span>' in page
    thought = client.get("/quotes", params={"mode": "thought"}).text
    assert "<option selected>thought</option>" in thought
    assert thought.count(item) == 1 and "both sides to keep their word" in thought
    assert '<span class="mode">speech</span>' not in thought
    assert client.get("/quotes", params={"mode": "rumour"}).status_code == 400
