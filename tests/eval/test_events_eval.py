"""Event coding quality floors on the dev corpora (PLOVER gold records, PETRARCH2 unit tests).

Floors sit a little under the measured dev numbers, so a regression fails (2026-12-07, issue 15:
plover type 0.820, actor 0.838, recipient 0.674; petrarch2 actor 0.492, recipient 0.285, no-event
precision 0.164).
Measured: ``newskb eval events --corpus plover`` / ``--corpus petrarch2``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.eval.events import _same, _words, evaluate, load_gold


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data folder is not beside this checkout")
    return path


@pytest.mark.slow
def test_plover_floors(corpora: Path) -> None:
    need_shared(corpora / "plover" / "plover_gsr_cameo.jsonl")
    s = evaluate(corpora, "plover")
    assert s.records == 322 and s.typed == 322
    # issue 15 (precision first): the sense, agent and domain gates leave 31 of these records
    # without an event, so the floors sit under the issue-6 numbers (0.863 / 0.860 / 0.708)
    assert s.type_accuracy >= 0.80
    # 0.81, not 0.82: one record ("Radical French farmers said ... they would blockade Paris")
    # was an actor hit only through spaCy's wrong ORG "Radical French"; the entity check now
    # types that span MISC, so the event has no named actor and is not emitted (right).
    assert s.actor_accuracy >= 0.81
    assert s.recipient_accuracy >= 0.65
    assert s.actor_recipient_accuracy >= 0.74


@pytest.mark.slow
def test_petrarch2_floors_with_its_own_dictionaries(corpora: Path) -> None:
    need_shared(corpora / "petrarch2" / "PETR.Validate.actors.txt")
    s = evaluate(corpora, "petrarch2")
    assert s.no_event_gold > 0 and s.no_event_precision is not None
    # issue 15: verbal events need a political actor and a sense-giving object ("broke
    # relations", "restore ties" with a fictional state), so fewer records keep an event.
    # issue 15 (real-news audit): "Gollum allowed that Mordor isn't pleasant" grants a point
    # in words, no CONCEDE (PETRARCH2 codes 3 of its 7 variants CONCEDE, 4 no event), and an
    # extradited person is no actor: 0.492 -> 0.453 actor, no-event precision 0.164 -> 0.193
    assert s.actor_accuracy >= 0.44
    assert s.recipient_accuracy >= 0.27
    assert s.no_event_precision >= 0.15


@pytest.mark.parametrize(
    ("system", "proper", "gold", "same"),
    [
        ("Serbian", "Serbian", "Serbian military police", True),
        ("refugees", "", "refugees fleeing the civil war in Liberia", True),
        ("university students", "", "students throughout Indonesia", True),
        ("Serb forces", "Serb", "Croat forces", False),
        ("Turkish police", "Turkish", "Egyptian police", False),
        ("Kifaya", "Kifaya", "Cairo's security chief", False),
    ],
)
def test_actor_text_match_is_fair(system: str, proper: str, gold: str, same: bool) -> None:
    assert _same((_words(system), _words(proper)), _words(gold)) is same


def test_gold_labels_are_current_plover(corpora: Path) -> None:
    need_shared(corpora / "plover" / "plover_gsr_cameo.jsonl")
    labels = {t for g in load_gold(corpora, "plover") for t in g.types}
    assert not labels & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= labels
    petr = load_gold(corpora, "petrarch2")
    assert any(g.no_event for g in petr) and all(len(g.actors) >= 0 for g in petr)


def test_cli_eval_events_json(
    corpora: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need_shared(corpora / "petrarch2")
    # a tiny corpora folder: five PETRARCH2 records, the real dictionaries
    src = corpora / "petrarch2"
    dst = tmp_path / "petrarch2"
    dst.mkdir()
    lines = (src / "petr2_unittest_records.jsonl").read_text("utf-8").splitlines()[:5]
    (dst / "petr2_unittest_records.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    args = ["eval", "events", "--corpus", "petrarch2", "--corpora", str(tmp_path)]
    args += ["--actors", str(src / "PETR.Validate.actors.txt")]
    args += ["--agents", str(src / "PETR.Validate.agents.txt"), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert '"corpus": "petrarch2"' in result.output and '"records": 5' in result.output
