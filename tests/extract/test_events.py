"""Events: PLOVER types and modes, actors split, status, agreements, quote/time links."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskb.extract import extract
from newskb.extract.events import dictionary, extract_events, plover_type
from newskb.extract.events.lexicon import load as load_lexicon
from newskb.ingest import read_path
from newskb.model import (
    Article,
    Content,
    Entity,
    Event,
    Extraction,
    Mention,
    Quote,
    TimeExpr,
)
from newskb.nlp import parse_many


def run(text: str) -> Extraction:
    article = Article(id="t", sha256="t", path="t", text=text)
    return extract(article, parse_many([text])[0])


def ent(eid: str, text: str, name: str, etype: str = "GPE") -> Entity:
    """A hand-built entity over every occurrence of ``name`` in ``text``."""
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name))
        start = text.find(name, start + 1)
    return Entity(id=eid, name=name, type=etype, mentions=tuple(mentions))  # type: ignore[arg-type]


def with_entities(text: str, *entities: Entity, **extra: object) -> Extraction:
    article = Article(id="t", sha256="t", path="t", text=text)
    so_far = Extraction(article=article, entities=entities, **extra)  # type: ignore[arg-type]
    return extract_events(article, parse_many([text])[0], so_far)


def by_trigger(x: Extraction, word: str) -> Event:
    found = [e for e in x.events if e.trigger.text == word]
    assert found, [(e.trigger.text, e.type) for e in x.events]
    return found[0]


def spans_ok(x: Extraction) -> None:
    text = x.article.text
    for e in x.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert text[e.sentence.start : e.sentence.end] == e.sentence.text
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Extraction:
    article = next(iter(read_path(str(seed_path))))
    assert isinstance(article, Article)
    return extract(article, parse_many([article.text])[0])


def names(x: Extraction, ids: tuple[str, ...]) -> set[str]:
    table = {e.id: e.name for e in x.entities}
    return {table[i] for i in ids}


def test_seed_phone_call_is_an_occurred_consult_between_trump_and_putin(seed: Extraction) -> None:
    spans_ok(seed)
    calls = [
        e
        for e in seed.events
        if e.type == "CONSULT" and e.mode == "phone" and e.status == "occurred"
    ]
    assert calls
    people = " ".join(names(seed, calls[0].actors + calls[0].recipients))
    assert "Trump" in people and "Putin" in people


def test_seed_agreement_on_energy_and_infrastructure_ceasefire(seed: Extraction) -> None:
    agreed = [e for e in seed.events if e.type == "AGREE" and e.agreement is not None]
    objects = {e.agreement.object for e in agreed if e.agreement}
    assert "energy and infrastructure ceasefire" in objects
    ev = next(e for e in agreed if e.agreement and e.agreement.object.startswith("energy and"))
    assert ev.status == "occurred"
    people = " ".join(names(seed, ev.agreement.parties if ev.agreement else ()))
    assert "Trump" in people and "Putin" in people
    assert ev.agreement is not None and ev.agreement.date == "2025-03-18"


def test_seed_black_sea_negotiations_are_planned(seed: Extraction) -> None:
    talks = [
        e
        for e in seed.events
        if e.trigger.text == "negotiations" and "Black Sea" in e.sentence.text
    ]
    assert talks and all(e.status == "planned" for e in talks)
    later = [e for e in seed.events if e.sentence.text.startswith("These negotiations will begin")]
    assert later and later[0].status == "planned"
    assert all(e.status != "occurred" for e in talks + later)


def test_compound_actors_are_split_and_passive_recipient() -> None:
    text = "Russians and Belarusians attacked the village of Zorya on Monday."
    x = with_entities(
        text,
        ent("E1", text, "Russians", "NORP"),
        ent("E2", text, "Belarusians", "NORP"),
        ent("E3", text, "Zorya"),
    )
    ev = by_trigger(x, "attacked")
    assert ev.type == "ASSAULT" and ev.status == "occurred"
    assert ev.actors == ("E1", "E2")
    assert ev.recipients == ("E3",)


def test_passive_voice_swaps_roles() -> None:
    text = "Two journalists from Ruritania were arrested by Freedonia police on Tuesday."
    x = with_entities(text, ent("E1", text, "Ruritania"), ent("E2", text, "Freedonia"))
    ev = by_trigger(x, "arrested")
    assert (ev.type, ev.mode) == ("COERCE", "arrest")
    assert ev.actors == ("E2",) and ev.recipients == ("E1",)


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("France will send troops to Mali next week.", "send", "planned"),
        ("France did not send troops to Mali.", "send", "negated"),
        ("If France sends troops to Mali, the talks will fail.", "sends", "hypothetical"),
        ("France sent troops to Mali on Monday.", "sent", "occurred"),
        ("France refused to send troops to Mali.", "send", "negated"),
        ("France promised to send troops to Mali.", "send", "planned"),
    ],
)
def test_status_from_modality_tense_and_negation(text: str, word: str, status: str) -> None:
    x = with_entities(text, ent("E1", text, "France"), ent("E2", text, "Mali"))
    ev = by_trigger(x, word)
    assert ev.status == status
    assert ev.actors == ("E1",)


def test_plover_coding_of_promises_threats_and_refusals() -> None:
    assert plover_type("AID", "planned") == "AGREE"
    assert plover_type("ASSAULT", "planned") == "THREATEN"
    assert plover_type("CONSULT", "negated") == "REJECT"
    assert plover_type("ASSAULT", "occurred") == "ASSAULT"


def test_light_verb_noun_trigger_and_mode() -> None:
    text = "Egypt held talks with Jordan in Cairo. Egypt imposed a curfew in Suez."
    x = with_entities(
        text,
        ent("E1", text, "Egypt"),
        ent("E2", text, "Jordan"),
        ent("E3", text, "Cairo"),
        ent("E4", text, "Suez"),
    )
    talks = by_trigger(x, "talks")
    assert talks.type == "CONSULT" and talks.actors == ("E1",) and talks.recipients == ("E2",)
    assert talks.location == "E3"
    curfew = by_trigger(x, "curfew")
    assert (curfew.type, curfew.mode) == ("COERCE", "curfew")
    assert curfew.location == "E4"


def test_quote_and_time_links() -> None:
    text = "Officials said Chad expelled the Sudanese envoy on Monday."
    start = text.index("Chad")
    quote = Quote(
        id="Q1",
        kind="indirect",
        speaker=None,
        cue=None,
        content=Content(start, len(text) - 1, text[start:-1]),
    )
    monday = text.index("Monday")
    time = TimeExpr("T1", monday, monday + 6, "Monday", "DATE", "2025-03-17")
    x = with_entities(text, ent("E1", text, "Chad"), quotes=(quote,), times=(time,))
    ev = by_trigger(x, "expelled")
    assert (ev.type, ev.mode) == ("SANCTION", "expel")
    assert ev.quote == "Q1" and ev.time == "T1" and ev.actors == ("E1",)


def test_agreement_status_change_is_recorded() -> None:
    text = "Russia violated the Black Sea ceasefire on Friday."
    x = with_entities(text, ent("E1", text, "Russia"))
    ev = by_trigger(x, "violated")
    assert ev.agreement is not None
    assert ev.agreement.status == "violated"
    assert ev.agreement.object == "Black Sea ceasefire"


def objects(x: Extraction) -> list[tuple[str, str]]:
    return [(e.agreement.object, e.agreement.status) for e in x.events if e.agreement]


def test_agreement_object_is_never_a_time_or_a_bare_generic_word() -> None:
    text = (
        "Kenya and Ethiopia signed a water-sharing accord in Nairobi. "
        "Ethiopia agreed on Tuesday. Kenya and Ethiopia agreed the deal after long talks."
    )
    x = run(text)
    got = objects(x)
    assert got and all(obj == "water-sharing accord" for obj, _ in got), got
    y = run("Kenya and Ethiopia agreed the deal on Tuesday.")  # nothing specific named before
    assert objects(y) == []


def test_status_changes_without_named_parties() -> None:
    x = run(
        "A 30-day maritime truce between Russia and Ukraine came into force at noon.\n"
        "Shelling near the Ukrainian port of Odesa that ended the maritime truce was condemned "
        "by Kyiv."
    )
    got = objects(x)
    assert ("30-day maritime truce", "in force") in got, got
    assert ("maritime truce", "violated") in got, got  # an attack that ends a truce breaks it
    assert objects(run("Turkey withdrew from the grain deal.")) == [("grain deal", "abandoned")]


def test_statement_release_is_not_an_event() -> None:
    x = run("The White House released a statement on Tuesday.")
    assert not [e for e in x.events if e.trigger.text == "released"]


def test_lexicon_types_are_plover_types() -> None:
    lex = load_lexicon()
    assert set(lex.types) >= {"AGREE", "CONSULT", "ASSAULT", "REQUEST", "ACCUSE"}
    assert "phone" in lex.types["CONSULT"][1]
    assert lex.cameo_to_plover("0411") == "CONSULT"
    assert lex.cameo_to_plover("010") is None  # CAMEO 01 is dropped in PLOVER
    assert lex.current_label("DISAPPROVE") == "ACCUSE"


def test_user_actor_dictionary_becomes_entities() -> None:
    actors = dictionary.parse(
        [
            "<!-- a comment",
            "block -->",
            "GONDOR [GON]",
            "+MINAS_TIRITH",
            "ARNOR_  [ARN] # note",
            "GOLLUM",
            "\t[HOB]",
        ]
    )
    agents = dictionary.parse(["GOVERNMENT [~GOV]"], agents=True)
    assert [(e.words, e.code) for e in actors] == [
        (("gondor",), "GON"),
        (("minas", "tirith"), "GON"),
        (("arnor",), "ARN"),
        (("gollum",), "HOB"),
    ]
    from newskb.model import ActorDictionary

    text = "The Arnor government condemned Gollum after talks in Minas Tirith."
    doc = parse_many([text])[0]
    art = Article(id="t", sha256="t", path="t", text=text)
    x = dictionary.add_entities(
        doc, Extraction(article=art), ActorDictionary(tuple(actors + agents))
    )
    codes = {e.kb_id: e.mentions[0].text for e in x.entities}
    assert codes == {"ARNGOV": "Arnor government", "HOB": "Gollum", "GON": "Minas Tirith"}
    x = extract_events(art, doc, x)
    ev = by_trigger(x, "condemned")
    kb = {e.id: e.kb_id for e in x.entities}
    assert [kb[a] for a in ev.actors] == ["ARNGOV"] and [kb[r] for r in ev.recipients] == ["HOB"]


def test_a_regret_about_what_happened_is_no_negation() -> None:
    """Regression: the seed's "this war ... should never have started" was a negated ASSAULT;
    the war did start. "should have attacked" (it did not) stays hypothetical."""
    said = run("She noted that this war of Russia against Ukraine should never have started.\n")
    assert [(v.type, v.status) for v in said.events] == [("ASSAULT", "occurred")]
    would = run("Russia should have attacked Ukraine earlier, he said.\n")
    assert [(v.type, v.status) for v in would.events] == [("ASSAULT", "hypothetical")]
    plain = run("Russia did not attack Ukraine.\n")
    assert [(v.type, v.status) for v in plain.events] == [("ASSAULT", "negated")]
