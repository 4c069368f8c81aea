"""Issue 22: a story of 200 articles renders a short timeline page with every event reachable.

200 wire reports of one running story (generated here, each with its own date, place and
numbers) go through the real pipeline into one store; the story page is measured in Chromium
and its timeline pages are walked to check that every event and statement can be reached.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from servestore import serving
from test_browser import CHROMIUM, FLAGS, SHOTS

from newskb.api import create_app
from newskb.pipeline import run, store_batch
from newskb.store import SqliteStore

pytestmark = pytest.mark.slow
PLACES = ["Enerhodar", "Nikopol", "Marhanets", "Kherson", "Zaporizhzhia"]


def _report(n: int) -> str:
    day = dt.date(2025, 4, 1) + dt.timedelta(days=n % 120)
    place = PLACES[n % len(PLACES)]
    return (
        f" date {day.isoformat()} Shelling near {place} tests the repair truce, report {n}\n"
        f"Kyiv • Wire {n % 7}\n"
        f"Russian forces shelled {place} on {day.strftime('%A')}, breaking the repair truce "
        f"around the Zaporizhzhia nuclear power plant for the {n + 1}th time, Ukraine said.\n"
        f'"The truce is not holding," Energy Minister Taras Hnatiuk told reporters in Kyiv, '
        f"adding that {n % 9 + 2} engineers had been evacuated.\n"
        f"Moscow denied the accusation and accused Kyiv of staging attack number {n + 3}.\n"
    )


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long-story")
    for n in range(200):
        (folder / f"r{n:03}.txt").write_text(_report(n), encoding="utf-8")
    db = folder / "long.db"
    with SqliteStore(db) as store:
        for batch in run([str(folder)], workers=1):
            store_batch(store, batch)
    return db


def test_every_event_of_a_200_article_story_is_reachable(long_db: Path) -> None:
    client = TestClient(create_app(str(long_db)))
    stories = client.get("/api/stories").json()
    big = max(stories, key=lambda s: s["articles"])
    assert big["articles"] >= 150, [s["articles"] for s in stories]
    first = client.get(f"/stories/{big['id']}").text
    pages = int(re.search(r"Page 1 of (\d+)", first).group(1))  # type: ignore[union-attr]
    shown = 0
    for page in range(1, pages + 1):
        html = client.get(f"/stories/{big['id']}", params={"page": page}).text
        rows = html.split('<ol class="timeline-list">', 1)[1].split("</ol>", 1)[0]
        shown += rows.count('<span class="kind kind-')
    folded = first.split('<details class="undated">', 1)
    if len(folded) == 2:
        shown += folded[1].split("</details>", 1)[0].count('<span class="kind kind-')
    detail = client.get(f"/api/stories/{big['id']}").json()
    assert len(detail["articles"]) == big["articles"]
    items = detail["timeline"]
    distinct = {(i["when"], i["article_id"], i["text"], i["kind"], i["label"]) for i in items}
    assert shown == len(distinct) and shown >= 200


@pytest.fixture(scope="module")
def site(long_db: Path) -> Iterator[str]:
    with serving(long_db) as url:
        yield url


def test_the_story_page_is_under_5000_pixels(site: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (.ci/setup.d/10-chromium.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        stories = page.request.get(f"{site}/api/stories").json()
        big = max(stories, key=lambda s: s["articles"])
        page.goto(f"{site}/stories/{big['id']}")
        height = page.evaluate("document.documentElement.scrollHeight")
        page.screenshot(path=str(SHOTS / "story_200.png"), full_page=True)
        browser.close()
    assert height < 5000, height
