"""Read commands on the examples store: the POLECAT-style TSV (``events --format plover``) and
names, not local or Wikidata ids, where a person reads."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.cli.plover import PLOVER_COLUMNS
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
LOCAL_ID = re.compile(r"\b[ETQVC]\d+\b")  # an extraction's local ids: E2, T1, Q3, V1


def run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args), env={"COLUMNS": "250"})  # tables unwrapped
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("read") / "kb.db"
    CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(path), "--workers", "1",
                             "--quiet"])  # fmt: skip
    return path


def plover(db: Path) -> list[dict[str, str]]:
    out = run("events", "--format", "plover", "--db", str(db))
    reader = csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert tuple(reader.fieldnames or ()) == PLOVER_COLUMNS
    return list(reader)


def test_plover_gives_the_events_own_date_and_the_real_story(db: Path) -> None:
    rows = plover(db)
    by_text = {(r["article_id"], r["event_text"]): r for r in rows}
    stories = {r["story_id"] for r in rows}
    # regression: story_id was the article id and event_date the publication date
    assert all(r["story_id"].startswith("S") for r in rows) and len(stories) < len(rows)
    truce = [r for r in rows if "Zaporizhzhia" in r["sentence"]]
    assert len({r["story_id"] for r in truce}) == 1 and len({r["article_id"] for r in truce}) > 2
    shelled = next(r for (_, t), r in by_text.items() if t == "shelled")  # "at 04:20 Kyiv time"
    assert shelled["event_date"] == "2025-04-09T04:20" and shelled["date_precision"] == "minute"
    assert shelled["publication_date"] == "2025-04-09"
    agreed = next(r for r in rows if r["event_text"] == "agreed" and "late on Tuesday" in
                  r["sentence"])  # fmt: skip
    assert (agreed["event_date"], agreed["publication_date"]) == ("2025-04-01", "2025-04-02")


def test_plover_gives_actor_country_sector_and_place_coordinates(db: Path) -> None:
    rows = plover(db)
    signed = next(r for r in rows if r["actor_name"] == "Kenya;Ethiopia")
    assert signed["actor_country"] == "KE;ET" and signed["actor_wikidata_id"] == "Q114;Q115"
    assert signed["actor_sector"] == "government;government"
    senate = next(r for r in rows if r["recipient_name"] == "Commerce Department")
    assert senate["recipient_sector"] == "government" and senate["recipient_country"] == ""
    condemned = next(r for r in rows if r["event_text"] == "condemned")
    assert (condemned["actor_name"], condemned["actor_country"]) == ("United States", "US")
    assert condemned["place_name"] == "Zaporizhzhya"
    assert condemned["place_geonames_id"] == "687700"
    assert abs(float(condemned["latitude"]) - 47.85) < 0.1
    assert abs(float(condemned["longitude"]) - 35.12) < 0.1
    russian = [r for r in rows if r["actor_name"] == "Russian"]  # a nationality: its country
    assert russian and {r["actor_country"] for r in russian} == {"RU"}
    unknown = next(r for r in rows if r["actor_name"] == "agency")  # nothing known: empty
    assert unknown["actor_country"] == unknown["actor_sector"] == ""


def test_sector_comes_from_role_words_only() -> None:
    from newskb.cli.plover import sector

    assert sector(["Secretary of Defense"]) == "government"
    assert sector(["Chief of the General Staff"]) == "military"
    assert sector(["human rights activist"]) == "civil society"
    assert sector(["chief executive officer"]) == "business"
    assert sector(["rebel commander"]) == "rebel"  # rebel before its military word
    assert sector(["Negotiator", "spokesman", ""]) == ""


def test_show_names_event_actors_not_local_ids(db: Path) -> None:
    """Regression: ``newskb show`` printed an event's actors as ``E2,E3``."""
    table = io.StringIO(run("events", "--format", "csv", "--db", str(db)))
    article = next(r["article"] for r in csv.DictReader(table) if r["trigger"] == "condemned")
    out = run("show", article, "--db", str(db))
    events = out[out.index("events") :]
    assert "United States" in events and "Zaporizhzhya" in events
    assert not LOCAL_ID.search(events), events


@pytest.mark.parametrize(
    "command",
    [
        ("events",),
        ("stories",),
        ("agreements",),
        ("digest",),
        ("timeline", "--entity", "Mark Ellison"),
    ],
)
def test_tables_people_read_show_names_not_ids(db: Path, command: tuple[str, ...]) -> None:
    out = run(*command, "--db", str(db))
    assert out.strip() and not LOCAL_ID.search(out), out
