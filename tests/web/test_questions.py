"""Issue 22: an analyst's three questions answered in the browser, and every page at phone width.

The store is the bundled examples/ plus the seed article, run through the real pipeline
(``run`` + ``store_batch``) into a SqliteStore and served by uvicorn in a thread. The three
questions are asked from the home page without typing an id; each click is counted.
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

from newskb.pipeline import run, store_batch
from newskb.store import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"
PHONE, DESKTOP = 390, 1100
QID = re.compile(r"^Q\d+$")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED.exists():
        pytest.skip("../shared is absent: the seed article is needed beside the examples")
    paths = [*map(str, sorted((ROOT / "examples").glob("*.txt"))), str(SEED)]
    db = tmp_path_factory.mktemp("questions") / "examples.db"
    with SqliteStore(db) as store:
        for batch in run(paths, workers=1):
            store_batch(store, batch)
    return db


@pytest.fixture(scope="module")
def site(examples_db: Path) -> Iterator[str]:
    with serving(examples_db) as url:
        yield url


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium_context(tmp_path_factory, DESKTOP) as ctx:
        yield ctx


class Clicks:
    """Counts the clicks (and submits) an analyst makes; typing a word is not a click."""

    def __init__(self, page: Any) -> None:
        self.page, self.n = page, 0

    def __call__(self, locator: Any) -> None:
        self.n += 1
        locator.click()
        self.page.wait_for_load_state()


def test_quotes_about_ceasefire(context: Any, site: str) -> None:
    page = context.new_page()
    page.goto(site)
    click = Clicks(page)
    click(page.get_by_role("navigation", name="Main").get_by_role("link", name="Quotes"))
    page.fill("#about", "ceasefire")
    click(page.get_by_role("button", name="Filter"))
    assert click.n <= 3
    items = page.locator(".quote-item")
    hits = [
        i
        for i in range(items.count())
        if "ceasefire" in items.nth(i).inner_text().lower()
        and items.nth(i).locator(".who").inner_text().strip() not in ("", "unnamed source")
        and re.search(r"\b20\d\d-\d\d-\d\d\b", items.nth(i).locator(".meta").inner_text())
    ]
    assert len(hits) >= 4, page.locator("main").inner_text()
    page.screenshot(path=str(SHOTS / "q_ceasefire_quotes.png"), full_page=True)
    page.close()


def test_ceasefire_in_the_one_search_box(context: Any, site: str) -> None:
    """From the home page, one search: the quotes about the ceasefire with speaker and date,
    the Zaporizhzhia truce agreement and the events, grouped by kind with their counts."""
    page = context.new_page()
    page.goto(site)
    click = Clicks(page)
    page.get_by_role("search", name="Search everything").get_by_label("Search quotes").fill(
        "ceasefire"
    )
    click(page.get_by_role("search", name="Search everything").get_by_role("button"))
    assert click.n == 1 and page.url.endswith("/search?q=ceasefire")
    quotes = page.locator(".find-quotes .quote-item")
    dated = [
        i
        for i in range(quotes.count())
        if "ceasefire" in quotes.nth(i).locator("blockquote").inner_text().lower()
        and quotes.nth(i).locator(".who").inner_text().strip() not in ("", "unnamed source")
        and re.fullmatch(r"20\d\d-\d\d-\d\d", quotes.nth(i).locator("time").inner_text())
        and quotes.nth(i).locator("a[href^='/articles/']").count() == 1
    ]
    assert len(dated) >= 4, page.locator("main").inner_text()
    counts = {
        n.get_attribute("data-kind"): int(n.inner_text())
        for n in page.locator(".find-kinds .n").all()
    }
    assert counts["quotes"] == quotes.count() and counts["events"] >= 1, counts
    truce = page.locator(".find-agreements a", has_text="30-day local ceasefire")
    assert truce.count() == 1
    assert "Ukraine, Russia" in page.locator(".find-agreements").inner_text()
    events = page.locator(".find-events .event-item")
    assert events.count() >= 1 and "→" in events.first.inner_text()
    page.screenshot(path=str(SHOTS / "q_ceasefire_search.png"), full_page=True)
    click(truce)  # the Zaporizhzhia truce's history is one more click away
    assert "Zaporizhzhia" in page.locator("section[aria-labelledby=tl-h]").inner_text()
    page.close()


def test_the_search_page_shows_what_the_cli_prints(
    context: Any, site: str, examples_db: Path
) -> None:
    """``newskb search --all`` and the search page answer from the one store query: the same
    hits of every kind in the same order."""
    from click.testing import CliRunner

    from newskb.cli import cli

    res = CliRunner().invoke(
        cli, ["search", "truce", "--all", "--db", str(examples_db), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    printed: dict[str, list[str]] = {}
    for row in json.loads(res.output):
        hit = (
            row["id"]
            if row["kind"] in ("agreement", "article")
            else f"{row['article']}/{row['id']}"
        )
        printed.setdefault(row["kind"], []).append(hit)
    page = context.new_page()
    page.goto(f"{site}/search?q=truce")
    shown = {
        kind: [e.get_attribute("data-hit") for e in page.locator(f".{kind}-item").all()]
        for kind in ("quote", "event", "agreement", "article")
    }
    assert {k: v for k, v in shown.items() if v} == printed and printed["quote"]
    page.close()


def test_zaporizhzhia_truce_history(context: Any, site: str) -> None:
    page = context.new_page()
    page.goto(site)
    click = Clicks(page)
    click(page.get_by_role("navigation", name="Main").get_by_role("link", name="Agreements"))
    click(page.locator("main a", has_text="30-day local ceasefire").first)
    assert click.n <= 3
    assert page.locator("h1").inner_text() == "30-day local ceasefire"
    history = page.locator("section[aria-labelledby=tl-h] .timeline-list").inner_text()
    assert "Zaporizhzhia" in history
    agreed, violated = history.find("agreed"), history.rfind("violated")
    assert 0 <= agreed < violated, history
    assert history.find("in force") in range(agreed, violated), history
    page.screenshot(path=str(SHOTS / "q_truce_history.png"), full_page=True)
    page.close()


def test_ines_vandermeer_statements(context: Any, site: str) -> None:
    page = context.new_page()
    page.goto(site)
    click = Clicks(page)
    nav = page.get_by_role("navigation", name="Main")
    click(nav.get_by_role("link", name="People & organisations"))
    page.fill("#q", "Vandermeer")
    click(page.get_by_role("button", name="Filter"))
    click(page.locator("main table a", has_text="Ines Vandermeer").first)
    assert click.n <= 3
    assert page.locator("h1").inner_text() == "Ines Vandermeer"
    said = page.locator("section[aria-labelledby=said-h] blockquote")
    assert said.count() >= 2
    assert "narrow deal" in page.locator("section[aria-labelledby=said-h]").inner_text()
    page.screenshot(path=str(SHOTS / "q_vandermeer.png"), full_page=True)
    page.close()


def _pages(page: Any, site: str) -> dict[str, str]:
    """Every kind of page, each found by following links (no id typed)."""

    def first(url: str, selector: str) -> str:
        page.goto(site + url)
        href = page.locator(selector).first.get_attribute("href")
        assert href, (url, selector)
        return str(href)

    return {
        "home": "/",
        "quotes": "/quotes",
        "events": "/events",
        "entities": "/entities",
        "entity": first("/entities?q=Vandermeer", "main table a"),
        "stories": "/stories",
        "story": first("/stories", "main a[href^='/stories/']"),
        "agreements": "/agreements",
        "agreement": first("/agreements", "main a[href^='/agreements/']"),
        "article": first("/", "ol.results a"),
        "docs": "/docs",
        "search": "/search?q=ceasefire",
    }


WIDTH_JS = "document.documentElement.scrollWidth"
UNLABELLED_JS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))
  .map(e => e.id || e.name)"""
ACTIVE_JS = "document.activeElement.id || document.activeElement.textContent"
QID_TEXT_JS = """() => [...document.querySelectorAll('main a, main h1, main h2, main h3, .who')]
  .map(e => (e.textContent || '').trim())"""


def test_every_page_fits_a_phone(context: Any, site: str) -> None:
    page = context.new_page()
    pages = _pages(page, site)
    too_wide, unlabelled, raw_ids = {}, {}, {}
    for name, url in pages.items():
        for width in (PHONE, DESKTOP):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(site + url)
            page.wait_for_load_state()
            if page.evaluate(WIDTH_JS) > width:
                too_wide[f"{name}@{width}"] = page.evaluate(WIDTH_JS)
            page.screenshot(path=str(SHOTS / f"page_{name}_{width}.png"), full_page=True)
        if bad := page.evaluate(UNLABELLED_JS):
            unlabelled[name] = bad
        if ids := [t for t in page.evaluate(QID_TEXT_JS) if QID.match(t)]:
            raw_ids[name] = ids
    assert too_wide == {}, f"pages wider than the viewport: {too_wide}"
    assert unlabelled == {}, f"form fields without a label: {unlabelled}"
    assert raw_ids == {}, f"raw Wikidata ids shown as names: {raw_ids}"
    page.close()


CHART_TEXT_JS = """() => [...document.querySelectorAll('svg.chart')]
  .filter(s => s.getBoundingClientRect().width > 0)
  .map(s => s.getBoundingClientRect().width / s.viewBox.baseVal.width
            * parseFloat(getComputedStyle(s.querySelector('.axis')).fontSize))"""


def test_chart_axis_text_is_readable_on_a_phone(context: Any, site: str) -> None:
    """Issue 22: the timeline chart's axis text is drawn at >= 11 px on a 390 px screen (the
    phone drawing replaces the wide one, which would shrink 12 px text to 6)."""
    page = context.new_page()
    pages = _pages(page, site)
    for name in ("entity", "story", "agreement"):
        for width in (PHONE, DESKTOP):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(site + pages[name])
            sizes = page.evaluate(CHART_TEXT_JS)
            assert len(sizes) == 1 and sizes[0] >= 11, (name, width, sizes)
    page.close()


def test_form_controls_are_keyboard_reachable(context: Any, site: str) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": PHONE, "height": 800})
    for url in ("/", "/quotes", "/events", "/entities"):
        page.goto(site + url)
        controls = page.evaluate(
            "[...document.querySelectorAll('main input, main select, main button')]"
            ".map(e => e.id || e.textContent.trim())"
        )
        reached = set()
        for _ in range(60):
            page.keyboard.press("Tab")
            active = page.evaluate(ACTIVE_JS)
            reached.add(active.strip())
        missing = [c for c in controls if c not in reached]
        assert missing == [], (url, missing)
    page.close()
