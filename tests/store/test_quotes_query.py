"""``newskb quotes`` queries: by speaker (any spelling), about an entity, since a date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from newskb.cli import cli
from newskb.ingest import read_bytes
from newskb.model import Article, Content, Entity, Extraction, Mention, Quote, Span, Speaker
from newskb.store import SqliteStore
from newskb.store.quotes import find_quotes

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


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "kb.db"
    with SqliteStore(db) as s:
        s.add_batch(
            [
                _extraction(TEXT, "a.txt", dt.date(2025, 3, 18)),
                _extraction(TEXT + " Again.", "b.txt", dt.date(2025, 4, 2)),
            ]
        )
    return db


def test_speaker_any_spelling_about_and_since(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with SqliteStore(db, readonly=True) as s:
        by_canon = find_quotes(s.conn, speaker="leavitt")
        by_spelling = find_quotes(s.conn, speaker="Caroline Levitt")
        assert len(by_canon) == len(by_spelling) == 4
        assert {r.speaker for r in by_canon} == {"Karoline Leavitt"}
        assert [r.published for r in by_canon] == sorted(r.published or "" for r in by_canon)
        about = find_quotes(s.conn, about="Putin")
        assert [r.content for r in about] == ["that Putin agreed"] * 2
        since = find_quotes(s.conn, speaker="Leavitt", since=dt.date(2025, 4, 1))
        assert {r.published for r in since} == {"2025-04-02"} and len(since) == 2
        assert find_quotes(s.conn, speaker="Nobody") == []
        assert find_quotes(s.conn, speaker="%' OR 1=1 --") == []


def test_cli_quotes_json(tmp_path: Path) -> None:
    db = _store(tmp_path)
    res = CliRunner().invoke(
        cli, ["quotes", "--db", str(db), "--about", "Ukraine", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["content"] for r in rows] == ["that talks on Ukraine would go on"] * 2
    assert rows[0]["speaker"] == "Karoline Leavitt" and rows[0]["kind"] == "indirect"
