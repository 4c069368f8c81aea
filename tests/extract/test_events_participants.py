"""Events: unnamed participants as entities, the event date, one-line sentences and objects."""

from __future__ import annotations

import datetime as dt

from newskb.extract import extract
from newskb.extract.events import agreements
from newskb.model import Article, Entity, Event, Extraction
from newskb.nlp import parse_many
from newskb.serialize import from_dict, to_dict


def run(text: str, published: dt.date | None = None) -> Extraction:
    article = Article(id="t", sha256="t", path="t", text=text, published=published)
    return extract(article, parse_many([text])[0])


def event(x: Extraction, word: str) -> Event:
    found = [e for e in x.events if e.trigger.text == word]
    assert found, [(e.trigger.text, e.type) for e in x.events]
    return found[0]


def entity(x: Extraction, eid: str) -> Entity:
    by_id = {e.id: e for e in x.entities}
    assert eid in by_id, (eid, sorted(by_id))
    return by_id[eid]


def ids_resolve_on_the_line(x: Extraction) -> None:
    """Every id an event points at is an entity with a mention in the event's sentence."""
    for v in x.events:
        lo, hi = v.sentence.start, v.sentence.end
        for eid in (*v.actors, *v.recipients):
            e = entity(x, eid)
            assert any(lo <= m.start < hi for m in e.mentions), (v, e)
            for m in e.mentions:
                assert x.article.text[m.start : m.end] == m.text


def test_common_noun_group_becomes_a_participant_entity() -> None:
    text = "Turkish police detained dozens of protesters in Ankara on Monday."
    x = run(text)
    v = event(x, "detained")
    # the adjective stands for the body that acted (issue 15, 07m: ``actorfix``)
    assert [entity(x, a).name for a in v.actors] == ["Turkish police"]
    (target,) = [entity(x, r) for r in v.recipients]
    assert (target.name, target.type) == ("protesters", "NORP")
    assert [(m.start, m.end) for m in target.mentions] == [(34, 44)]
    ids_resolve_on_the_line(x)


def test_named_entities_come_first_and_fill_only_empty_slots() -> None:
    x = run("Rebels attacked UN peacekeepers near the border.")
    v = event(x, "attacked")
    assert [entity(x, r).name for r in v.recipients] == ["United Nations"]
    assert [entity(x, a).name for a in v.actors] == ["Rebels"]
    ids_resolve_on_the_line(x)


def test_group_named_after_the_other_sides_nationality_is_its_own_participant() -> None:
    x = run("Palestinian police confiscated weapons from Palestinian armed groups.")
    v = event(x, "confiscated")
    assert [entity(x, r).name for r in v.recipients] == ["Palestinian armed groups"]
    assert not set(v.actors) & set(v.recipients)


def test_counted_group_and_noun_trigger_take_the_governing_subject() -> None:
    x = run("Tens of thousands of students staged mass demonstrations in the capital.")
    v = event(x, "demonstrations")
    assert [entity(x, a).name for a in v.actors] == ["students"]


def test_abstract_nouns_are_not_participants() -> None:
    x = run("The leaders agreed that the movement towards peace will begin with a ceasefire.")
    assert not any(e.name.lower() == "movement" for e in x.entities)
    assert all(e.mentions for e in x.entities)


def test_event_date_falls_back_to_the_publication_date() -> None:
    x = run("Russia and Ukraine held talks in Riyadh.", dt.date(2025, 3, 20))
    v = event(x, "talks")
    assert v.time is None and (v.date, v.date_precision) == ("2025-03-20", "day")


def test_event_date_from_its_time_expression() -> None:
    x = run("Russia and Ukraine held talks in Riyadh on 18 March 2025.", dt.date(2025, 3, 20))
    v = event(x, "talks")
    assert v.time is not None
    assert (v.date, v.date_precision) == ("2025-03-18", "day")
    back = from_dict(to_dict(x))
    assert [(e.date, e.date_precision) for e in back.events] == [
        (e.date, e.date_precision) for e in x.events
    ]
    assert to_dict(x)["events"][0]["date_precision"] == "day"


def test_title_line_is_not_merged_into_the_first_sentence() -> None:
    text = "Ceasefire talks\nKyiv • UNN\nRussia and Ukraine agreed on an energy ceasefire."
    x = run(text)
    for v in x.events:
        assert "\n" not in v.sentence.text
        if v.agreement is not None:
            assert "\n" not in v.agreement.object
    ids_resolve_on_the_line(x)


def test_agreement_object_is_cut_at_a_line_break() -> None:
    assert agreements.one_line("Talks end\nenergy ceasefire", keep_end=True) == "energy ceasefire"
    assert agreements.one_line("release the prisoners\nKyiv") == "release the prisoners"
    assert agreements.one_line("energy ceasefire") == "energy ceasefire"


def test_the_actors_own_forces_are_not_a_recipient() -> None:
    x = run("The United Nations rejected a call for its peacekeeping forces to go to Kosovo.")
    v = event(x, "rejected")
    assert not any("forces" in entity(x, r).name for r in v.recipients)
    assert not any(e.name.endswith("forces") for e in x.entities)
