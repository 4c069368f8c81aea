from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.errors import NotFound
from newskb.model import Content, Event, Extraction, Quote, Span, Speaker, TimeExpr
from newskb.store import open_store
from newskb.store.sql import SqliteDb
from newskb.store.sql.stories import SqlStories
from newskb.stories.cluster import assign_batch
from tests.stories.helpers import extraction

TEXT1 = (
    "Ana Silva said the talks in Lisbon ended on Monday. The ministers met on 3 March at 10:00. "
    "Silva added that a deal was close."
)
TEXT2 = (
    "Ana Silva and Raul Costa signed the Lisbon fisheries deal on Friday, 7 March, after talks "
    "that began on 3 March. Costa said the deal would hold."
)


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), part)


def _facts() -> list[Extraction]:
    """Two reports of one negotiation, the later one published first in the store."""
    one = extraction(
        TEXT1, path="one.txt", published="2025-03-10", people=("Ana Silva",), places=("Lisbon",)
    )
    meet = _span(TEXT1, "The ministers met on 3 March at 10:00.")
    when = _span(TEXT1, "3 March at 10:00")
    one = dataclasses.replace(
        one,
        times=(
            TimeExpr(
                "T1",
                when.start,
                when.end,
                when.text,
                "TIME",
                "2025-03-03T10:00",
                "Europe/Lisbon",
                "2025-03-03T10:00:00Z",
            ),
        ),
        events=(
            Event(
                "V1", "CONSULT", "occurred", _span(TEXT1, "met"), meet, time="T1", actors=("E1",)
            ),
        ),
        quotes=(
            Quote(
                "Q1",
                "indirect",
                Speaker(0, 9, "Ana Silva", "E1"),
                _span(TEXT1, "said"),
                Content(*_triple(TEXT1, "the talks in Lisbon ended on Monday")),
            ),
        ),
    )
    two = extraction(
        TEXT2, path="two.txt", published="2025-03-08", people=("Ana Silva",), places=("Lisbon",)
    )
    sign = _span(TEXT2, TEXT2.split(". ")[0] + ".")
    day = _span(TEXT2, "Friday, 7 March")
    two = dataclasses.replace(
        two,
        times=(TimeExpr("T1", day.start, day.end, day.text, "DATE", "2025-03-07"),),
        events=(
            Event(
                "V1", "AGREE", "occurred", _span(TEXT2, "signed"), sign, time="T1", actors=("E1",)
            ),
        ),
    )
    return [two, one]


def _triple(text: str, part: str) -> tuple[int, int, str]:
    s = _span(text, part)
    return s.start, s.end, s.text


@pytest.fixture()
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "t.db")
    with open_store(path) as store:
        store.add_batch(_facts())
        assign_batch(SqlStories(SqliteDb(store.conn)), _facts())
    return path


def test_story_timeline_is_in_event_time_order_with_offsets(db_path: str) -> None:
    with open_store(db_path) as store:
        (story,) = store.stories()
        entries = store.timeline(story=story.id)
    assert [(e.kind, e.when, e.when_from) for e in entries] == [
        ("event", "2025-03-03T10:00:00Z", "utc"),
        ("event", "2025-03-07", "value"),
        ("quote", "2025-03-10", "published"),
    ]
    first = entries[0]
    assert TEXT1[first.start : first.end] == first.text and first.path == "one.txt"
    assert entries[2].label == "Ana Silva said" and entries[2].story_id == story.id


def test_entity_and_agreement_timelines(db_path: str) -> None:
    with open_store(db_path) as store:
        got = store.timeline(entity="ana silva")
        assert [e.label for e in got] == [
            "CONSULT (occurred)",
            "AGREE (occurred)",
            "Ana Silva said",
        ]
        with pytest.raises(NotFound, match="no entity"):
            store.timeline(entity="Nobody Here")
        if SqliteDb(store.conn).has_table("agreement_history"):
            with pytest.raises(NotFound, match="no agreement"):
                store.timeline(agreement="A0000000000")
        store.conn.execute("DROP TABLE IF EXISTS agreement_history")
        with pytest.raises(NotFound, match="no agreements ledger"):
            store.timeline(agreement="A0000000000")


def test_cli_stories_tsv_json_merge_split_timeline(db_path: str) -> None:
    run = CliRunner().invoke
    out = run(cli, ["stories", "--db", db_path, "--format", "tsv"])
    assert out.exit_code == 0, out.output
    lines = [ln.split("\t") for ln in out.output.splitlines()]
    assert [p for p, _ in lines] == ["two.txt", "one.txt"]
    sid = lines[0][1]
    assert lines[1][1] == sid
    out = run(cli, ["stories", "--db", db_path, "--format", "json"])
    assert '"size": 2' in out.output and '"one.txt"' in out.output
    with open_store(db_path) as store:
        one = next(m.article_id for m in store.story_members(sid) if m.path == "one.txt")
    out = run(cli, ["stories", "split", sid, one, "--db", db_path])
    assert out.exit_code == 0, out.output
    tsv = run(cli, ["stories", "--db", db_path, "--format", "tsv"]).output
    assert len({ln.split("\t")[1] for ln in tsv.splitlines()}) == 2
    new = next(ln.split("\t")[1] for ln in tsv.splitlines() if ln.startswith("one.txt"))
    assert run(cli, ["stories", "merge", sid, new, "--db", db_path]).exit_code == 0
    tsv = run(cli, ["stories", "--db", db_path, "--format", "tsv"]).output
    assert {ln.split("\t")[1] for ln in tsv.splitlines()} == {sid}
    out = run(cli, ["timeline", new, "--db", db_path, "--format", "jsonl"])  # merged id redirects
    assert out.exit_code == 0 and out.output.count('"kind"') == 3
    out = run(cli, ["timeline", "--db", db_path])
    assert out.exit_code != 0


def test_update_of_an_article_joins_its_story(tmp_path: Path) -> None:
    path = str(tmp_path / "u.db")
    v1 = extraction(TEXT1, path="same.txt", published="2025-03-10")
    v2 = extraction(TEXT1 + " Talks resume in April.", path="same.txt", published="2025-03-11")
    with open_store(path) as store:
        for x in (v1, v2):
            store.add_batch([x])
            assign_batch(SqlStories(SqliteDb(store.conn)), [x])
        m2 = SqlStories(SqliteDb(store.conn)).member_of(v2.article.id)
        assert m2 is not None and m2.how == "update" and m2.duplicate_of == v1.article.id
        assert store.story_paths() == [("same.txt", m2.story_id)]
