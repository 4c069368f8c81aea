"""The agreements ledger: one agreement followed across articles, status history, queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newskb.ledger.ledger import similar, update_ledger
from newskb.model import (
    Agreement,
    AgreementRecord,
    Article,
    Entity,
    Event,
    Extraction,
    Mention,
    Span,
)
from newskb.store import SqliteStore
from newskb.store.sql import SqliteDb
from newskb.store.sql.ledger import SqlLedger


def article(aid: str, day: str, text: str, events: list[tuple[str, str, Agreement | None]],
            people: dict[str, str]) -> Extraction:  # fmt: skip
    art = Article(
        id=aid, sha256=aid * 4, path=f"{aid}.txt", text=text, published=dt.date.fromisoformat(day)
    )
    ents = []
    for n, (name, kb) in enumerate(people.items(), 1):
        at = text.index(name)
        ents.append(Entity(f"E{n}", name, "PERSON", (Mention(at, at + len(name), name),), kb_id=kb))
    evs = []
    for n, (etype, word, agreement) in enumerate(events, 1):
        at = text.index(word)
        evs.append(
            Event(
                id=f"V{n}",
                type=etype,
                status="occurred",
                trigger=Span(at, at + len(word), word),
                sentence=Span(0, len(text), text),
                actors=("E1",),
                recipients=("E2",) if len(ents) > 1 else (),
                agreement=agreement,
            )
        )
    return Extraction(article=art, entities=tuple(ents), events=tuple(evs))


PEOPLE = {"Trump": "Q22686", "Putin": "Q7747"}


def first() -> Extraction:
    return article(
        "a" * 16,
        "2025-03-18",
        "Trump and Putin agreed on an energy and infrastructure ceasefire.",
        [("AGREE", "agreed", Agreement("energy and infrastructure ceasefire", ("E1", "E2"),
                                       "agreed", "2025-03-18"))],
        PEOPLE,
    )  # fmt: skip


def broken() -> Extraction:
    return article(
        "b" * 16,
        "2025-03-25",
        "Putin said Trump's side violated the energy ceasefire.",
        [("REJECT", "violated", Agreement("energy ceasefire", ("E1",), "violated", None))],
        {"Putin": "Q7747", "Trump": "Q22686"},
    )


def other() -> Extraction:
    return article(
        "c" * 16,
        "2025-03-20",
        "Macron and Scholz signed a free-trade pact.",
        [("AGREE", "signed", Agreement("free-trade pact", ("E1", "E2"), "agreed", "2025-03-20"))],
        {"Macron": "Q3052772", "Scholz": "Q61053"},
    )


def store(tmp_path: Path, *xs: Extraction) -> SqliteStore:
    s = SqliteStore(tmp_path / "t.db")
    s.add_batch(list(xs))
    return s


def test_later_article_updates_the_same_agreement(tmp_path: Path) -> None:
    s = store(tmp_path, first(), broken(), other())
    assert update_ledger(SqlLedger(SqliteDb(s.conn)), [first()]) == 1
    assert update_ledger(SqlLedger(SqliteDb(s.conn)), [broken(), other()]) == 2
    found = s.agreements()
    assert len(found) == 2
    ceasefire = next(a for a in found if "ceasefire" in a.object)
    assert ceasefire.object == "energy and infrastructure ceasefire"
    assert ceasefire.status == "violated"
    assert ceasefire.first_agreed == "2025-03-18"
    assert set(ceasefire.parties) == {"Trump", "Putin"}
    assert [(h.article_id, h.status) for h in ceasefire.history] == [
        ("a" * 16, "agreed"),
        ("b" * 16, "violated"),
    ]
    assert ceasefire.history[1].date == "2025-03-25"
    assert s.agreement(ceasefire.id) == ceasefire
    assert [a.object for a in s.agreements(status="agreed")] == ["free-trade pact"]
    assert [a.object for a in s.agreements(party="macron")] == ["free-trade pact"]
    s.close()


def test_ledger_is_idempotent_and_order_of_dates_decides_status(tmp_path: Path) -> None:
    s = store(tmp_path, first(), broken())
    update_ledger(SqlLedger(SqliteDb(s.conn)), [broken()])  # the later report arrives first
    update_ledger(SqlLedger(SqliteDb(s.conn)), [first()])
    update_ledger(SqlLedger(SqliteDb(s.conn)), [first(), broken()])
    (only,) = s.agreements()
    assert only.status == "violated" and len(only.history) == 2
    assert only.first_agreed == "2025-03-18"
    s.close()


def test_parties_must_overlap_to_merge(tmp_path: Path) -> None:
    stranger = article(
        "d" * 16,
        "2025-04-01",
        "Macron and Scholz agreed an energy and infrastructure ceasefire.",
        [("AGREE", "agreed", Agreement("energy and infrastructure ceasefire", ("E1", "E2")))],
        {"Macron": "Q3052772", "Scholz": "Q61053"},
    )
    s = store(tmp_path, first(), stranger)
    update_ledger(SqlLedger(SqliteDb(s.conn)), [first(), stranger])
    assert len(s.agreements()) == 2
    s.close()


def test_object_similarity() -> None:
    assert similar("energy truce", "energy and infrastructure ceasefire") >= 0.5
    assert similar("free-trade pact", "energy ceasefire") == 0.0
    assert similar("Black Sea ceasefire", "maritime ceasefire in the Black Sea") >= 0.5


def test_find_events_filters(tmp_path: Path) -> None:
    s = store(tmp_path, first(), other())
    rows = s.events(type="agree", actor="putin")
    assert [(r.actors, r.recipients, r.trigger) for r in rows] == [
        (("Trump",), ("Putin",), "agreed")
    ]
    assert rows[0].actor_ids == ("Q22686",) and rows[0].agreement == (
        "energy and infrastructure ceasefire"
    )
    assert len(s.events(since="2025-03-19")) == 1
    assert s.events(status="planned") == []
    assert len(s.events(actor="Q61053")) == 1
    s.close()


def test_cli_events_plover_export_and_agreement_history(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newskb.cli import cli

    s = store(tmp_path, first(), broken())
    update_ledger(SqlLedger(SqliteDb(s.conn)), [first(), broken()])
    (only,) = s.agreements()
    s.close()
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    got = runner.invoke(cli, ["events", "--db", db, "--format", "plover"])
    assert got.exit_code == 0, got.output
    header, *rows = got.output.splitlines()
    cols = header.split("\t")
    assert cols[:5] == [
        "event_id",
        "event_date",
        "date_precision",
        "publication_date",
        "event_type",
    ]
    first_row = dict(zip(header.split("\t"), rows[0].split("\t"), strict=True))
    assert first_row["event_type"] == "AGREE" and first_row["quad_code"] == "1"
    assert first_row["actor_wikidata_id"] == "Q22686"
    got = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--type", "REJECT"])
    assert got.exit_code == 0 and "violated" in got.output
    got = runner.invoke(cli, ["agreements", only.id, "--db", db, "--format", "json"])
    assert got.exit_code == 0, got.output
    assert '"status": "violated"' in got.output and "b" * 16 in got.output


AGREED = """ date 2025-06-10 Armenia and Azerbaijan agree to a humanitarian truce
Geneva • Alpha News
Armenia and Azerbaijan agreed on Monday to a 10-day humanitarian truce along the Lachin corridor, \
mediators said.
The agreement was signed in Geneva at 18:00 local time. Both sides said the deal would hold.
"""
BROKEN = """ date 2025-06-14 Villages shelled near Lachin
Baku • Beta Wire
Armenian artillery shelled villages near the Lachin corridor on Friday and broke the \
humanitarian truce, Azerbaijan said.
"""


def pipeline_ledger(tmp_path: Path, *paths: Path) -> list[AgreementRecord]:
    from newskb.ingest import read_path
    from newskb.pipeline import process_batch

    arts = [a for p in paths for a in read_path(str(p)) if isinstance(a, Article)]
    xs = [x for x in process_batch(arts) if isinstance(x, Extraction)]
    s = store(tmp_path, *xs)
    update_ledger(SqlLedger(SqliteDb(s.conn)), xs)
    found = s.agreements()
    s.close()
    return found


def test_agreed_then_broken_by_another_outlet_is_one_agreement(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AGREED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BROKEN, encoding="utf-8")
    (only,) = pipeline_ledger(tmp_path, tmp_path / "b.txt", tmp_path / "a.txt")
    assert only.object == "10-day humanitarian truce"  # never "Monday", never "agreement"
    assert only.status == "violated" and only.first_agreed == "2025-06-10"
    steps = [(h.date, h.status) for h in only.history]
    assert steps[0] == ("2025-06-10", "agreed") and steps[-1] == ("2025-06-14", "violated")
    assert {"Armenia", "Azerbaijan"} <= set(only.parties)


def test_examples_ledger_follows_the_repair_truce(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2] / "examples"
    found = pipeline_ledger(tmp_path, *sorted(root.glob("*.txt")))
    truces = [a for a in found if {"truce", "ceasefire"} & set(a.object.lower().split())]
    (truce,) = truces
    assert truce.status == "violated" and truce.first_agreed == "2025-04-02"
    statuses = [h.status for h in truce.history]
    assert len(statuses) >= 3 and statuses[0] == "agreed" and "in force" in statuses
    assert statuses[-1] == "violated"
    assert len({h.article_id for h in truce.history}) == 4  # two outlets, four articles
    for a in found:
        words = a.object.lower().split()
        assert a.object.lower() not in {"agreement", "deal", "accord", "it"}
        assert not {"monday", "tuesday", "wednesday", "april"} & set(words), a.object


def test_status_only_moves_forward(tmp_path: Path) -> None:
    restated = article(
        "e" * 16,
        "2025-04-01",
        "Trump and Putin agreed on an energy and infrastructure ceasefire.",
        [("AGREE", "agreed", Agreement("energy and infrastructure ceasefire", ("E1", "E2")))],
        PEOPLE,
    )
    s = store(tmp_path, first(), broken(), restated)
    update_ledger(SqlLedger(SqliteDb(s.conn)), [first(), broken(), restated])
    (only,) = s.agreements()
    assert only.status == "violated" and len(only.history) == 3
    s.close()


def test_cli_agreements_csv_and_jsonl(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newskb.cli import cli

    s = store(tmp_path, first(), broken())
    update_ledger(SqlLedger(SqliteDb(s.conn)), [first(), broken()])
    s.close()
    db = str(tmp_path / "t.db")
    got = CliRunner().invoke(cli, ["agreements", "--db", db, "--format", "csv"])
    assert got.exit_code == 0, got.output
    header, *rows = got.output.splitlines()
    assert header.startswith("id,object,parties") and len(rows) == 2
    assert rows[1].split(",")[6] == "violated"
    got = CliRunner().invoke(cli, ["agreements", "--db", db, "--format", "jsonl"])
    assert got.exit_code == 0 and len(got.output.splitlines()) == 1
