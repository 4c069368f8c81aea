"""One contract for every store backend: SQLite always, PostgreSQL when a server answers.

PostgreSQL: ``NEWSKB_TEST_PG`` or postgresql://postgres@127.0.0.1:5432/newskb_test (started by
``.ci/setup.d/20-postgres.sh``); each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newskb.errors import NewskbError, NotFound
from newskb.model import (
    Article,
    Content,
    Dateline,
    Entity,
    ErrorRecord,
    Event,
    Extraction,
    Mention,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)
from newskb.serialize import to_dict
from newskb.store import SqliteStore, open_store
from newskb.store.migrate import migrate

PG_URL = os.environ.get("NEWSKB_TEST_PG", "postgresql://postgres@127.0.0.1:5432/newskb_test")


def pg_or_skip() -> str:
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'newskb[postgres]')")
    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} ({exc}); run .ci/setup.d/20-postgres.sh")
    return PG_URL


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        with SqliteStore(tmp_path / "t.db") as s:
            yield s
        return
    url = pg_or_skip()
    import psycopg

    from newskb.store.postgres import PostgresStore

    schema = "t_" + uuid.uuid4().hex[:12]
    s = PostgresStore(url, schema=schema)
    try:
        yield s
    finally:
        s.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def make(
    text: str, path: str = "a.txt", title: str = "Talks in Geneva", day: int = 18
) -> Extraction:
    raw = f"{title}\n{text}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    art = Article(
        id=digest[:16],
        sha256=digest,
        path=path,
        text=text,
        title=title,
        published=dt.date(2025, 3, day),
        dateline=Dateline("Kyiv", "UNN"),
        raw=raw,
    )
    i = text.index("Leavitt")
    ent = Entity(
        id="E1",
        name="Karoline Leavitt",
        type="PERSON",
        mentions=(Mention(i, i + 7, "Leavitt", "short"),),
        roles=("press secretary",),
    )
    q = Quote(
        id="Q1",
        kind="indirect",
        speaker=Speaker(i, i + 7, "Leavitt", "E1"),
        cue=Span(i + 8, i + 12, text[i + 8 : i + 12]),
        content=Content(i + 13, len(text), text[i + 13 :]),
    )
    t = TimeExpr(id="T1", start=0, end=5, text=text[:5], type="DATE", value="2025-03-18")
    ev = Event(
        id="V1",
        type="CONSULT",
        status="occurred",
        trigger=Span(0, 5, text[:5]),
        sentence=Span(0, len(text), text),
        actors=("E1",),
    )
    return Extraction(article=art, entities=(ent,), quotes=(q,), times=(t,), events=(ev,))


SEED = "Today Leavitt said the ceasefire talks on energy infrastructure went well."


def test_add_is_idempotent_and_roundtrips(store: Any) -> None:
    x = make(SEED)
    r1 = store.add_batch([x])
    r2 = store.add_batch([x])
    assert (r1.added, r1.skipped, r2.added, r2.skipped) == (1, 0, 0, 1)
    assert store.has(x.article.id) and not store.has("0" * 16)
    got = store.get(x.article.id)
    assert to_dict(got.extraction) == to_dict(x)
    assert got.extraction.article.raw == x.article.raw
    assert (got.version, got.current, got.supersedes) == (1, True, None)
    assert [to_dict(e) for e in store.extractions()] == [to_dict(x)]


def test_new_bytes_same_source_is_a_new_version(store: Any) -> None:
    old, new = make(SEED), make(SEED + " Updated.")
    store.add_batch([old])
    report = store.add_batch([new])
    assert (report.added, report.new_versions) == (1, 1)
    assert store.ids() == [new.article.id]
    assert store.ids(current_only=False) == [old.article.id, new.article.id]
    assert store.get(old.article.id).current is False
    assert store.get(new.article.id).supersedes == old.article.id
    assert store.get(new.article.id).version == 2


def test_two_versions_in_one_batch(store: Any) -> None:
    old, new = make(SEED), make(SEED + " Updated.")
    report = store.add_batch([old, new])
    assert (report.added, report.new_versions) == (2, 1)
    assert store.ids() == [new.article.id]


def test_get_by_prefix_and_not_found(store: Any) -> None:
    x = make(SEED)
    store.add_batch([x])
    assert store.get(x.article.id[:8]).extraction.article.id == x.article.id
    with pytest.raises(NotFound):
        store.get("ffffffffffff")
    with pytest.raises(NotFound):
        store.get("%")


def test_search_ranks_snippets_and_filters_old_versions(store: Any) -> None:
    a = make(SEED, path="a.txt")
    b = make("Leavitt spoke about grain exports from Odesa.", path="b.txt", title="Ceasefire")
    c = make(SEED + " Updated.", path="a.txt")
    store.add_batch([a, b])
    hits = store.search("ceasefire")
    assert {h.id for h in hits} == {a.article.id, b.article.id}
    assert hits[0].id == b.article.id  # the title match ranks first
    assert any("[" in h.snippet and "]" in h.snippet for h in hits)
    store.add_batch([c])
    assert {h.id for h in store.search("ceasefire talks")} == {c.article.id}
    assert store.search("ceasefire Odesa")[0].id == b.article.id
    assert store.search("   ") == []
    assert store.search("nothinglikethis") == []
    assert store.search("x' OR 1=1; DROP TABLE articles; --") == []
    assert store.has(a.article.id)


def test_errors_are_recorded_once_per_path_and_reason(store: Any) -> None:
    e = ErrorRecord(code="NKB102", message="binary input", path="bad.bin")
    r = store.add_batch([e, e])
    store.add_batch([e, ErrorRecord(code="NKB101", message="empty", path="empty.txt")])
    assert r.errors == 2
    assert sorted((x.path, x.code) for x in store.errors()) == [
        ("bad.bin", "NKB102"),
        ("empty.txt", "NKB101"),
    ]


def test_stats_count_every_table(store: Any) -> None:
    store.add_batch([make(SEED), make("Leavitt met him.", path="b.txt", day=20)])
    store.add_batch([ErrorRecord(code="NKB101", message="empty", path="e.txt")])
    s = store.stats()
    assert (s.articles, s.versions, s.entities, s.mentions) == (2, 2, 2, 2)
    assert (s.quotes, s.times, s.events, s.errors) == (2, 2, 2, 1)
    assert (s.first_published, s.last_published) == ("2025-03-18", "2025-03-20")
    assert s.schema_version >= 1


def test_a_failing_batch_stores_nothing(store: Any) -> None:
    good = make(SEED)
    x = make("Leavitt said no.", path="c.txt")
    dup = Extraction(article=x.article, entities=(x.entities[0], x.entities[0]))
    with pytest.raises((NewskbError, Exception)):
        store.add_batch([good, dup])
    assert not store.has(good.article.id) and not store.has(x.article.id)
    assert store.add_batch([good]).added == 1


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "x.db")) as s:
        assert isinstance(s, SqliteStore)
    with open_store(f"sqlite:///{tmp_path / 'y.db'}") as s:
        assert isinstance(s, SqliteStore)
    url = pg_or_skip()
    from newskb.store.postgres import PostgresStore

    with open_store(url) as s:
        assert isinstance(s, PostgresStore)


def test_search_ranks_only_the_newest_matches_past_the_scan_cap(store: Any) -> None:
    towns = ("Avdiivka", "Bucha", "Chasiv", "Dnipro", "Enerhodar", "Fastiv")  # no stopwords
    texts = [f"Leavitt said the ceasefire held in town {n}." for n in towns]
    xs = [
        make(t, path=f"{i}.txt", title="Ceasefire" if i == 0 else "Talks")
        for i, t in enumerate(texts)
    ]
    store.add_batch(xs)
    store.scan_cap = None
    exact = store.search("ceasefire")
    assert len(exact) == 6 and exact[0].id == xs[0].article.id  # the title match
    store.scan_cap = 3
    assert {h.id for h in store.search("ceasefire")} == {x.article.id for x in xs[3:]}
    assert [h.id for h in store.search("town Avdiivka")] == [xs[0].article.id]  # few: exact


def with_mode(x: Extraction, mode: Any) -> Extraction:
    return dataclasses.replace(x, quotes=tuple(dataclasses.replace(q, mode=mode) for q in x.quotes))


def test_quotes_filter_on_mode_and_null_matches_no_mode(store: Any) -> None:
    said = with_mode(make(SEED), "speech")
    feared = with_mode(make("Leavitt fears the talks will fail.", path="b.txt", day=19), "thought")
    old = make("Leavitt said nothing new today.", path="c.txt", day=20)  # mode None: stored before
    store.add_batch([said, feared, old])
    assert [q.mode for q in store.quotes()] == ["speech", "thought", None]
    assert [q.article_id for q in store.quotes(mode="thought")] == [feared.article.id]
    assert [q.article_id for q in store.quotes(mode="speech")] == [said.article.id]
    assert store.quotes(mode="intention") == []
    assert [q.content for q in store.quotes(speaker="Leavitt", mode="thought")] == [
        feared.quotes[0].content.text
    ]
    assert store.get(feared.article.id).extraction.quotes[0].mode == "thought"


def test_a_version_7_store_gains_quote_modes_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=7) == 7
    cols = [r[1] for r in conn.execute("PRAGMA table_info(quotes)")]
    assert "mode" not in cols
    conn.execute(
        "INSERT INTO quotes VALUES ('a', 'Q1', 'direct', NULL, NULL, NULL, NULL, NULL, NULL, "
        "NULL, 0, 5, 'Hello')"
    )
    conn.close()
    with SqliteStore(path) as s:
        assert s.schema_version >= 8
        got = s.conn.execute("SELECT local_id, mode FROM quotes").fetchall()
        assert [tuple(r) for r in got] == [("Q1", None)]
        s.add_batch([with_mode(make(SEED), "speech")])
        assert [q.mode for q in s.quotes(mode="speech")] == ["speech"]
