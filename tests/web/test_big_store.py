"""Issue 22 at scale: each analyst question answered in Chromium on a generated store of
10,000 articles (``bigstore``), every page rendered in under 500 ms of server time.

Server time is the app's own ``Server-Timing: app;dur=MS`` header (``api/guard.py``): from the
request to the start of the response, i.e. the page's queries and its rendering, without the
browser's or the network's share. Each page is loaded at desktop and at phone width (both
screenshots kept under ``build/web/``), then at desktop width again; the fastest of the three
loads must be under the budget (the others absorb a neighbour's burst on a shared machine), and
every time is written to ``build/web/big_store_times.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servestore import serving
from test_browser import SHOTS, chromium_context

pytestmark = pytest.mark.slow
BUDGET_MS = 500.0
PHONE, DESKTOP = 390, 1100
TIMES: dict[str, list[float]] = {}


@pytest.fixture(scope="module")
def site(big_db: Path) -> Iterator[str]:
    with serving(big_db) as url:
        yield url


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium_context(tmp_path_factory, DESKTOP) as ctx:
        yield ctx.new_page()
    (SHOTS / "big_store_times.json").write_text(json.dumps(TIMES, indent=1), encoding="utf-8")


def server_ms(response: Any) -> float:
    found = re.search(r"app;dur=([\d.]+)", response.headers.get("server-timing", ""))
    assert found, response.headers
    return float(found.group(1))


def visit(page: Any, url: str, name: str) -> float:
    """Load ``url`` at desktop, phone and desktop width (screenshots), check that it fits the
    phone, and return the fastest server time."""
    took = []
    for width in (DESKTOP, PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(url)
        assert response.status == 200, url
        took.append(server_ms(response))
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
        page.screenshot(path=str(SHOTS / f"big_{name}_{width}.png"))
    TIMES[name] = took
    assert min(took) < BUDGET_MS, (name, took)
    return min(took)


def test_the_store_is_big(big_db: Path, site: str, page: Any) -> None:
    from newskb.store import SqliteStore

    with SqliteStore(big_db, readonly=True) as store:
        stats = store.stats()
    assert stats.articles == 10_000 and stats.quotes == 20_000
    visit(page, site + "/", "home")
    assert page.locator("ol.results > li").count() == 20  # a page of the newest, not all


def test_search_box_answers_fast(site: str, page: Any) -> None:
    visit(page, site + "/", "home")
    page.get_by_label("Search quotes").fill("Zaporizhzhia truce")
    with page.expect_navigation() as nav:
        page.get_by_role("search", name="Search everything").get_by_role("button").click()
    assert server_ms(nav.value) < BUDGET_MS * 2
    visit(page, page.url, "search")
    counts = {
        n.get_attribute("data-kind"): n.inner_text() for n in page.locator(".find-kinds .n").all()
    }
    assert all(counts[k] != "0" for k in ("quotes", "events", "articles")), counts
    quotes = page.locator(".find-quotes .quote-item")
    assert quotes.count() == 10  # a first page of each kind, never all of them
    first = quotes.first
    assert "zaporizhzhia truce" in first.locator("blockquote").inner_text().lower()
    assert re.fullmatch(r"2025-\d\d-\d\d", first.locator("time").inner_text())
    assert page.locator(".find-agreements a", has_text="repair truce at Zaporizhzhia").count()
    visit(page, site + "/search?q=talks", "search_common_word")  # matches thousands


def test_quotes_about_a_subject(site: str, page: Any) -> None:
    visit(page, site + "/quotes?about=grain+corridor", "quotes_about")
    items = page.locator(".quote-item")
    assert items.count() == 50
    assert all("grain corridor" in t.lower() for t in items.all_inner_texts())
    visit(page, site + "/quotes", "quotes")
    visit(page, site + "/events", "events")


def test_story_timeline(site: str, page: Any) -> None:
    visit(page, site + "/stories", "stories")
    page.locator("main a[href^='/stories/']").first.click()
    page.wait_for_load_state()
    visit(page, page.url, "story")
    rows = page.locator("section[aria-labelledby=tl-h] .timeline-list > li")
    assert 10 < rows.count() <= 60  # a page of the timeline, the rest a link away
    assert re.search(r"Page 1 of \d+", page.locator("main").inner_text())


def test_agreement_history(site: str, page: Any) -> None:
    visit(page, site + "/agreements", "agreements")
    page.locator("main a", has_text="repair truce at Zaporizhzhia").first.click()
    page.wait_for_load_state()
    visit(page, page.url, "agreement")
    history = page.locator("section[aria-labelledby=tl-h] .timeline-list").inner_text()
    agreed, violated = history.find("agreed"), history.rfind("violated")
    assert 0 <= agreed < violated and history.find("in force") in range(agreed, violated)


def test_a_persons_statements(site: str, page: Any) -> None:
    visit(page, site + "/entities?q=Vandermeer", "entities_found")
    link = page.locator("main table a", has_text="Vandermeer").first
    name = link.inner_text()
    link.click()
    page.wait_for_load_state()
    visit(page, page.url, "person")
    assert page.locator("h1").inner_text() == name
    said = page.locator("section[aria-labelledby=said-h] blockquote")
    assert said.count() >= 5
    visit(page, site + "/entities", "entities")
