"""SQLite and PostgreSQL give the same answers: the bundled examples and the seed, extracted
once by the real pipeline, are stored in both backends through ``pipeline.store_batch`` (canon,
ledger, stories included) and every read query of the store interface is compared."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.model import ErrorRecord, Extraction
from newskb.pipeline import Result, run, store_batch
from newskb.store import SqliteStore
from tests.store.test_contract import pg_or_skip

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def results(seed_path: Path) -> list[list[Result]]:
    paths = [*(str(p) for p in sorted(EXAMPLES.glob("*.txt"))), str(seed_path)]
    return list(run(paths, workers=1, batch_size=4))


@pytest.fixture(scope="module")
def both(
    results: list[list[Result]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """(SQLite path, PostgreSQL URL) of two stores built from the same batches."""
    url = pg_or_skip()
    import psycopg

    from newskb.store.postgres import PostgresStore

    path = str(tmp_path_factory.mktemp("parity") / "kb.db")
    schema = "t_" + uuid.uuid4().hex[:12]
    with SqliteStore(path) as lite, PostgresStore(url, schema=schema) as pg:
        for batch in results:
            store_batch(lite, batch)
            store_batch(pg, batch)
    try:
        yield path, f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _answers(store: Any) -> dict[str, Any]:
    """Every read query of the store interface, as plain data."""
    out: dict[str, Any] = {
        "ids": store.ids(),
        "quotes": store.quotes(limit=1000),
        "quotes by speaker": store.quotes(speaker="Zelensky"),
        "quotes about": store.quotes(about="truce"),
        "quotes of a mode": store.quotes(mode="thought"),
        "credits": store.credits(),
        "events": store.events(),
        "events by actor": store.events(actor="Ukraine"),
        "entities": store.entities(limit=1000),
        "stories": store.stories(),
        "story members": store.story_members(),
        "story paths": store.story_paths(),
        "agreements": store.agreements(),
        "errors": store.errors(),
        # date filters: PostgreSQL compares its ``date`` column, SQLite the ISO text
        "quotes since": store.quotes(since=dt.date(2025, 4, 9), limit=1000),
        "credits since": store.credits(since=dt.date(2025, 4, 9)),
        "events since": store.events(since="2025-04-09"),
        "article page in dates": store.list_articles(since="2025-04-03", until="2025-05-14"),
        "quote page in dates": store.list_quotes(since="2025-04-03", until="2025-05-14"),
        "event page in dates": store.list_events(since="2025-04-03", until="2025-05-14"),
    }
    for words in ("ceasefire", "Vandermeer", "truce"):  # the one search box (Store.find)
        found = store.find(words)
        out[f"find {words}"] = dataclasses.replace(found, articles=())  # ranking aside:
        out[f"find {words}: articles"] = sorted(a.id for a in found.articles)  # the same hits
    for e in out["entities"][:15]:
        out[f"entity {e.id}"] = store.entity(e.id)
        out[f"timeline of {e.id}"] = store.timeline(entity=e.name)
    for s in out["stories"]:
        out[f"timeline of {s.id}"] = store.timeline(story=s.id)
    for a in out["agreements"]:
        out[f"agreement {a.id}"] = store.agreement(a.id)
        out[f"timeline of {a.id}"] = store.timeline(agreement=a.id)
    return {k: json.loads(json.dumps(v, default=_plain)) for k, v in out.items()}


def _plain(value: Any) -> Any:
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else str(value)


def test_every_query_answers_the_same_on_both_backends(
    both: tuple[str, str], results: list[list[Result]]
) -> None:
    from newskb.store import open_store

    with open_store(both[0], readonly=True) as lite, open_store(both[1], readonly=True) as pg:
        a, b = _answers(lite), _answers(pg)
    stored = sum(isinstance(r, Extraction) for batch in results for r in batch)
    assert len(a["ids"]) == stored and not any(
        isinstance(r, ErrorRecord) for batch in results for r in batch
    )
    assert a["quotes"] and a["events"] and a["entities"] and a["stories"] and a["agreements"]
    assert len(a["find ceasefire"]["quotes"]) >= 4 and a["find ceasefire"]["agreements"]
    dated = ("quotes since", "events since", "article page in dates", "quote page in dates")
    assert all(a[k] and a[k][0] for k in dated) and a["event page in dates"][0]
    assert len(a["quotes since"]) < len(a["quotes"])  # the filter drops some
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key


@pytest.mark.parametrize(
    "args",
    [
        ["quotes", "--db", "{db}", "--format", "csv"],
        ["events", "--db", "{db}", "--format", "csv"],
        ["entities", "--db", "{db}", "list", "--limit", "500", "--format", "csv"],
        ["stories", "--db", "{db}", "--format", "tsv"],
        ["agreements", "--db", "{db}", "--format", "csv"],
        ["timeline", "--entity", "Ukraine", "--db", "{db}", "--format", "csv"],
    ],
)
def test_cli_prints_the_same_rows_on_both_backends(both: tuple[str, str], args: list[str]) -> None:
    printed = []
    for db in both:
        res = CliRunner().invoke(cli, [a.replace("{db}", db) for a in args])
        assert res.exit_code == 0, res.output
        printed.append(res.output)
    assert printed[0] == printed[1] and printed[0].strip()


def test_api_and_web_answer_the_same_on_both_backends(both: tuple[str, str]) -> None:
    """``newskb serve`` on a PostgreSQL URL: every API route gives the SQLite answer (full-text
    ranking aside: the same hits), every page renders."""
    from fastapi.testclient import TestClient

    from newskb.api import create_app

    lite, pg = (TestClient(create_app(db)) for db in both)

    def get(path: str, **params: str) -> list[Any]:
        out = []
        for client in (lite, pg):
            r = client.get(path, params=params)
            assert r.status_code == 200, (path, r.text)
            out.append(r.json())
        return out

    articles = get("/api/articles", limit="100")
    assert articles[0] == articles[1] and articles[0]["items"]
    a, b = get("/api/articles", q="truce", limit="100")
    assert {x["id"] for x in a["items"]} == {x["id"] for x in b["items"]} != set()
    first = articles[0]["items"][0]["id"]
    a, b = get(f"/api/articles/{first}")
    assert {**a, "ingested_at": None} == {**b, "ingested_at": None}  # the clock aside
    lists = {
        "/api/entities": {"limit": "100"},
        "/api/quotes": {"limit": "100"},
        "/api/events": {"limit": "100"},
        "/api/events?actor": {"actor": "Ukraine"},
        "/api/stories": {},
        "/api/agreements": {},
    }
    found: dict[str, Any] = {}
    for path, params in lists.items():
        a, b = get(path.split("?")[0], **params)
        assert a == b and a, path
        found[path] = a
    key = found["/api/entities"]["items"][0]["key"]
    story = found["/api/stories"][0]["id"]
    agreement = found["/api/agreements"][0]["id"]
    for path in (f"/api/entities/{key}", f"/api/stories/{story}", f"/api/agreements/{agreement}"):
        a, b = get(path)
        assert a == b, path
    speaker = next(q["speaker_key"] for q in found["/api/quotes"]["items"] if q["speaker_key"])
    a, b = get("/api/timeline", entity=speaker)  # a speaker's timeline holds their statements
    assert a == b and a
    for page in ("/", "/quotes", "/events", "/entities", f"/entities/{key}", "/stories",
                 f"/stories/{story}", "/agreements", f"/agreements/{agreement}",
                 f"/articles/{first}", "/?q=truce", "/search?q=ceasefire"):  # fmt: skip
        assert pg.get(page).status_code == 200, page
