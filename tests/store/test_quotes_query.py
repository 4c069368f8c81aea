"""``newskb quotes`` queries: by speaker (any spelling), about an entity, since a date."""

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
from newskb.ingest import read_bytes
from newskb.model import Article, Content, Entity, Extraction, Mention, Quote, Span, Speaker
from newskb.store import SqliteStore
from newskb.store.sql.quotes import find_quotes
from tests.store.test_contract import pg_or_skip

TEXT = "Caroline Levitt said that Putin agreed. Later she said that talks on Ukraine would go on."


def _extraction(raw: str, path: str, published: dt.date) -> Extraction:
    (a,) = read_bytes(raw.encode(), path=path)
    assert isinstance(a, Article)
    a = dataclasses.replace(a, published=published)
    t = a.text

    def m(word: str, kind: str = "name", after: int = 0) -> Mention:
        i = t.index(word, after)
        return Mention(i, i + len(word), word, kind)  # type: ignore[arg-type]

    she = t.index("she")
    leavitt = Entity(
        "E1", "Karoline Leavitt", "PERSON", (m("Caroline Levitt"), m("she", "pronoun"))
    )
    putin = Entity("E2", "Vladimir Putin", "PERSON", (m("Putin"),))
    ukraine = Entity("E3", "Ukraine", "GPE", (m("Ukraine"),))

    def quote(qid: str, speaker: Mention, content: str) -> Quote:
        c = t.index(content)
        cue = t.index("said", speaker.end)
        return Quote(
            qid,
            "indirect",
            Speaker(speaker.start, speaker.end, speaker.text, "E1"),
            Span(cue, cue + 4, "said"),
            Content(c, c + len(content), content),
        )

    quotes = (
        quote("Q1", m("Caroline Levitt"), "that Putin agreed"),
        quote("Q2", Mention(she, she + 3, "she"), "that talks on Ukraine would go on"),
    )
    return Extraction(article=a, entities=(leavitt, putin, ukraine), quotes=quotes)


def _batch() -> list[Extraction]:
    return [
        _extraction(TEXT, "a.txt", dt.date(2025, 3, 18)),
        _extraction(TEXT + " Again.", "b.txt", dt.date(2025, 4, 2)),
    ]


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "kb.db"
    with SqliteStore(db) as s:
        s.add_batch(_batch())
    return db


@pytest.fixture(params=["sqlite", "postgres"])
def conn(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A read connection to a store holding the two articles, on either backend."""
    if request.param == "sqlite":
        with SqliteStore(_store(tmp_path), readonly=True) as s:
            yield s.conn
        return
    url = pg_or_skip()
    import psycopg

    from newskb.store.postgres import PostgresStore

    schema = "t_" + uuid.uuid4().hex[:12]
    store = PostgresStore(url, schema=schema)
    try:
        store.add_batch(_batch())
        yield store.conn
    finally:
        store.close()
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_speaker_any_spelling_about_and_since(conn: Any) -> None:
    by_canon = find_quotes(conn, speaker="leavitt")
    by_spelling = find_quotes(conn, speaker="Caroline Levitt")
    assert len(by_canon) == len(by_spelling) == 4
    assert {r.speaker for r in by_canon} == {"Karoline Leavitt"}
    assert [r.published for r in by_canon] == sorted(r.published or "" for r in by_canon)
    about = find_quotes(conn, about="Putin")
    assert [r.content for r in about] == ["that Putin agreed"] * 2
    since = find_quotes(conn, speaker="Leavitt", since=dt.date(2025, 4, 1))
    assert {r.published for r in since} == {"2025-04-02"} and len(since) == 2
    assert find_quotes(conn, speaker="Nobody") == []
    assert find_quotes(conn, speaker="%' OR 1=1 --") == []
    assert find_quotes(conn, speaker="100%") == []  # a LIKE wildcard is matched literally


def test_text_is_speaker_or_content_and_entity_exact(conn: Any) -> None:
    """The search box's ``text``: a quote whose speaker (any spelling) or content matches, on
    both backends; ``entity`` (a person's page) is exact, in any case."""
    key = lambda rows: sorted((r.article_id, r.id) for r in rows)  # noqa: E731
    for words in ("Levitt", "Putin", "talks on", "Karoline"):
        either = key(find_quotes(conn, speaker=words)) + key(find_quotes(conn, about=words))
        assert key(find_quotes(conn, text=words)) == sorted(set(either)), words
    assert len(find_quotes(conn, text="Caroline Levitt")) == 4
    assert [r.content for r in find_quotes(conn, text="ukraine")] == [
        "that talks on Ukraine would go on"
    ] * 2
    assert find_quotes(conn, text="100%") == []
    exact = find_quotes(conn, entity="Karoline Leavitt")
    assert len(exact) == 4 and key(find_quotes(conn, entity="karoline leavitt")) == key(exact)
    assert find_quotes(conn, entity="Leavitt") == []


def test_cli_quotes_json(tmp_path: Path) -> None:
    db = _store(tmp_path)
    res = CliRunner().invoke(
        cli, ["quotes", "--db", str(db), "--about", "Ukraine", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["content"] for r in rows] == ["that talks on Ukraine would go on"] * 2
    assert rows[0]["speaker"] == "Karoline Leavitt" and rows[0]["kind"] == "indirect"


def test_cli_quotes_on_postgres() -> None:
    url = pg_or_skip()
    import psycopg

    from newskb.store.postgres import PostgresStore

    schema = "t_" + uuid.uuid4().hex[:12]
    with PostgresStore(url, schema=schema) as store:
        store.add_batch(_batch())
    try:
        res = CliRunner().invoke(
            cli,
            ["quotes", "--db", f"{url}?options=-csearch_path%3D{schema}", "--speaker", "Levitt",
             "--since", "2025-04-01", "--format", "json"],
        )  # fmt: skip
        assert res.exit_code == 0, res.output
        rows = json.loads(res.output)
        assert [r["speaker"] for r in rows] == ["Karoline Leavitt"] * 2
        assert {r["published"] for r in rows} == {"2025-04-02"}
    finally:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


PAIRS = [
    ("Levitt", None),
    ("leavitt", "Putin"),
    ("Caroline", "ukraine"),
    (None, "talks"),
    ("Karoline Leavitt", "agreed"),
    ("she", None),
    ("Putin", None),
    ("Nobody", None),
    (None, "ceasefire"),
]


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store holding the two articles with their canon (``pipeline.store_batch``)."""
    from newskb.pipeline import store_batch

    if request.param == "sqlite":
        path = tmp_path / "kb.db"
        with SqliteStore(path) as s:
            store_batch(s, _batch())
        yield str(path)
        return
    url = pg_or_skip()
    import psycopg

    from newskb.store.postgres import PostgresStore

    schema = "t_" + uuid.uuid4().hex[:12]
    with PostgresStore(url, schema=schema) as store:
        store_batch(store, _batch())
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_cli_and_api_give_the_same_quotes(db_url: str) -> None:
    """Regression: the API's quote search matched the exact entity name only and ``about`` only
    entity names (``speaker=Ging``: 1 in the API, 31 in the CLI); both now run one query."""
    from fastapi.testclient import TestClient

    from newskb.api import create_app

    client = TestClient(create_app(db_url))
    seen = 0
    for speaker, about in PAIRS:
        given = {k: v for k, v in {"speaker": speaker, "about": about}.items() if v}
        args = [a for k, v in given.items() for a in (f"--{k}", v)]
        res = CliRunner().invoke(cli, ["quotes", "--db", db_url, *args, "--format", "json"])
        assert res.exit_code == 0, res.output
        cli_rows = {(r["article"], r["quote"], r["content"]) for r in json.loads(res.output)}
        r = client.get("/api/quotes", params={**given, "limit": 100})
        assert r.status_code == 200, r.text
        api_rows = {(q["article_id"], q["id"], q["content"]) for q in r.json()["items"]}
        assert cli_rows == api_rows, (speaker, about)
        seen += len(cli_rows)
    assert seen > 10  # the pairs find quotes: the comparison is not between empty answers
