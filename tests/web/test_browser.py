"""The web app in a real browser: Debian's chromium, headless, driven by playwright-python."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from servestore import serving

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "web"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextlib.contextmanager
def chromium_context(tmp_path_factory: pytest.TempPathFactory, width: int = 1100) -> Iterator[Any]:
    """One headless chromium context with a fresh --user-data-dir (skips without chromium)."""
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (.ci/setup.d/10-chromium.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": width, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def base_url(serve_db: Path) -> Iterator[str]:
    with serving(serve_db) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Any]]:
    """Opens headless chromium contexts, each with a fresh --user-data-dir."""
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (.ci/setup.d/10-chromium.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    opened: list[Any] = []
    with sync_api.sync_playwright() as p:

        def launch(**options: Any) -> Any:
            context = p.chromium.launch_persistent_context(
                str(tmp_path_factory.mktemp("chromium-profile")),
                executable_path=str(CHROMIUM),
                headless=True,
                args=FLAGS,
                viewport={"width": 1100, "height": 900},
                **options,
            )
            opened.append(context)
            return context

        yield launch
        for context in opened:
            context.close()


@pytest.fixture(scope="module")
def browser(chromium: Callable[..., Any]) -> Any:
    return chromium()


def _article_id(page: Any, base_url: str, start: str) -> str:
    items = page.request.get(f"{base_url}/api/articles?limit=100").json()["items"]
    for a in items:
        if (a["title"] or "").startswith(start):
            return str(a["id"])
    raise AssertionError(start)


def test_seed_article_quotes_and_speaker_page(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{base_url}/?q=Putin+ceasefire")
    link = page.locator("ol.results a", has_text="The White House released a statement")
    if link.count() == 0:
        pytest.skip("the seed article is absent (../shared is not beside this checkout)")
    link.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("The White House released a statement")
    aid = page.url.rsplit("/", 1)[1]
    quotes = page.request.get(f"{base_url}/api/articles/{aid}").json()["extraction"]["quotes"]
    assert quotes, "the seed article should carry quotes"
    shown = page.locator("#text .quote")
    assert shown.count() >= len(quotes)
    assert page.locator("#text .speaker").count() >= sum(1 for q in quotes if q["speaker"])
    styles = {
        sel: page.locator(f"#text {sel}").first.evaluate("e => getComputedStyle(e).backgroundColor")
        for sel in (".quote", ".ent")
    }
    assert styles[".quote"] != styles[".ent"]
    page.screenshot(path=str(SHOTS / "seed_article.png"), full_page=True)

    who = page.locator(".quote-item a.who").first
    name = who.inner_text()
    who.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == name
    said = page.locator("section[aria-labelledby=said-h] blockquote")
    assert said.count() >= 1
    page.screenshot(path=str(SHOTS / "speaker_page.png"), full_page=True)
    page.close()


def test_html_payloads_show_as_text(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base_url}/articles/{_article_id(page, base_url, 'Hackers')}")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("h1").inner_text() == (
        'Hackers post <img src=x onerror="window.__pwned=1"> on a news site'
    )
    text = page.locator("#text").inner_text()
    assert "<script>window.__pwned = 2;</script>" in text
    assert '<b>bold</b> tags & "quotes"' in text and "</p><p>closed" in text
    assert page.locator("main script, main img, #text b").count() == 0
    assert dialogs == []
    page.screenshot(path=str(SHOTS / "hostile_article.png"), full_page=True)
    page.close()


def test_times_events_and_keyboard(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{base_url}/articles/{_article_id(page, base_url, 'Shelling')}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    t = page.locator('#text time[datetime="2025-04-09T01:20:00Z"]').first
    assert "UTC 2025-04-09T01:20:00Z" in (t.get_attribute("title") or "")
    t.focus()
    assert page.evaluate("document.activeElement.tagName") == "TIME"
    t.hover()
    ev = page.locator("#text mark.event", has_text="violated").first
    assert ev.evaluate("e => getComputedStyle(e).backgroundColor") != t.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    page.screenshot(path=str(SHOTS / "times_events.png"), full_page=True)
    page.close()


STYLE_JS = """e => { const s = getComputedStyle(e);
  return [s.borderBottomStyle, s.borderTopStyle, s.textDecorationLine, s.textDecorationStyle,
          s.fontStyle, s.fontWeight].join(' '); }"""


def test_highlight_kinds_differ_without_colour(browser: Any, base_url: str) -> None:
    """Issue 22: in grey scale each highlight kind still looks different (line and type
    styles), in the text and in the legend alike."""
    page = browser.new_page()
    page.goto(f"{base_url}/articles/{_article_id(page, base_url, 'Shelling')}")
    page.emulate_media(forced_colors="active")  # colours overridden: the styles must remain
    kinds = {
        k: page.locator(f"#text {sel}").first.evaluate(STYLE_JS)
        for k, sel in [("entity", ".ent"), ("quote", ".quote"), ("speaker", ".speaker"),
                       ("cue", ".cue"), ("time", "time.time"), ("event", "mark.event")]
    }  # fmt: skip
    assert len(set(kinds.values())) == len(kinds), kinds
    legend = {
        k: page.locator(f".legend li[data-kind={k}] > :first-child").evaluate(STYLE_JS)
        for k in kinds
    }
    assert legend == kinds
    page.close()


def test_reading_works_without_javascript(chromium: Callable[..., Any], base_url: str) -> None:
    page = chromium(java_script_enabled=False).new_page()
    page.goto(base_url)
    page.fill("#q", "truce")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=truce*")
    assert page.locator("ol.results li").count() >= 2
    assert page.locator("ol.results mark", has_text="truce").count() >= 2
    page.locator("ol.results a").first.click()
    page.wait_for_load_state()
    assert page.locator("#text .quote").count() >= 1
    page.close()
