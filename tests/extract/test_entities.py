"""Entities: NER + rules, coreference (short names, titles, pronouns), roles, linking."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskb import nlp
from newskb.extract.entities import entities_of
from newskb.ingest import read_path
from newskb.model import Article, Entity


def _article(text: str) -> Article:
    return Article(id="t", sha256="t", path="t.txt", text=text)


def _entities(text: str) -> tuple[Entity, ...]:
    a = _article(text)
    return entities_of(a, nlp.parse_many([a.text])[0])


def _by_name(ents: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in ents}


Seed = tuple[Article, tuple[Entity, ...]]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[Article, tuple[Entity, ...]]:
    a = next(iter(read_path(str(seed_path))))
    assert isinstance(a, Article)
    return a, entities_of(a, nlp.parse_many([a.text])[0])


def test_seed_people_are_one_canonical_entity_each(
    seed: tuple[Article, tuple[Entity, ...]],
) -> None:
    a, ents = seed
    names = [e.name for e in ents]
    assert len(names) == len(set(names)), "duplicate canonical names"
    by = _by_name(ents)
    leavitt = by["Karoline Leavitt"]
    assert {m.text for m in leavitt.mentions if m.kind == "name"} == {"Caroline Levitt"}
    pronouns = [m for m in leavitt.mentions if m.kind == "pronoun"]
    assert [m.text for m in pronouns][:3] == ["She", "She", "She"]
    assert any("spokeswoman" in r or "press secretary" in r.lower() for r in leavitt.roles)
    scavino = by["Dan Scavino"]
    assert "Den Scavino" in scavino.aliases
    assert any("Deputy Head" in r for r in scavino.roles)
    trump = by["Donald Trump"]
    assert trump.kb_id == "Q22686"
    assert {m.kind for m in trump.mentions} == {"name", "short"}
    assert sum(m.text == "Trump" for m in trump.mentions) >= 5
    putin = by["Vladimir Putin"]
    assert putin.kb_id == "Q7747"
    assert "Russian dictator" in putin.characterisations
    assert not any("dictator" in r for r in putin.roles)
    for e in ents:
        for m in e.mentions:
            assert a.text[m.start : m.end] == m.text


def test_seed_places_orgs_and_dateline(seed: Seed) -> None:
    _a, ents = seed
    by = _by_name(ents)
    assert by["Ukraine"].type == "GPE" and by["Russia"].type == "GPE"
    assert by["NBC News"].type == "ORG"
    assert by["Black Sea"].type == "LOC" and by["Black Sea"].kb_id == "Q166"
    assert by["White House"].type == "ORG"
    assert by["Kyiv"].type == "GPE" and by["UNN"].type == "ORG"
    assert not any("•" in e.name for e in ents)
    assert by["United States"].kb_id == "Q30"
    assert {"US", "United States"} <= {m.text for m in by["United States"].mentions}


def test_pronoun_goes_to_salient_person_of_matching_gender() -> None:
    ents = _entities(
        "Anna Kowalska met Peter Brandt in Warsaw on Monday. She said the meeting went well. "
        "He declined to comment."
    )
    by = _by_name(ents)
    assert [m.text for m in by["Anna Kowalska"].mentions if m.kind == "pronoun"] == ["She"]
    assert [m.text for m in by["Peter Brandt"].mentions if m.kind == "pronoun"] == ["He"]


def test_short_name_and_title_mentions() -> None:
    ents = _entities(
        "Karoline Leavitt, the White House press secretary, spoke on Monday. "
        "The spokeswoman said talks would continue. Leavitt added that Europe must help."
    )
    leavitt = _by_name(ents)["Karoline Leavitt"]
    kinds = {m.text: m.kind for m in leavitt.mentions}
    assert kinds["Leavitt"] == "short"
    assert kinds["The spokeswoman"] == "title"
    assert "White House press secretary" in leavitt.roles


def test_they_for_a_group_of_people_stays_unresolved() -> None:
    ents = _entities("Olaf Scholz and Emmanuel Macron met in Paris. They agreed on a plan.")
    assert not any(m.kind == "pronoun" for e in ents for m in e.mentions)


def test_acronym_joins_its_expansion() -> None:
    ents = _entities("The European Union will meet on Monday. The EU said it wants a deal.")
    eu = _by_name(ents)["European Union"]
    assert eu.kb_id == "Q458"
    assert {m.text: m.kind for m in eu.mentions} == {"European Union": "name", "EU": "short"}


def test_no_text_no_entities() -> None:
    assert _entities("") == ()
    assert _entities("nothing named here at all.") == ()


# --- name-level rules (one tiny text each) ----------------------------------------------------


def _names(text: str) -> dict[str, str]:
    return {m.text: e.type for e in _entities(text) for m in e.mentions if m.kind != "pronoun"}


def test_leading_article_is_not_part_of_a_name() -> None:
    names = _names("Officials from the United States met the Associated Press on Monday.")
    assert "United States" in names and "the United States" not in names


def test_titles_and_descriptions_stay_outside_a_person_name() -> None:
    names = _names("The show starred magician David Gish. Professor Noam Chomsky was there too.")
    assert names.get("David Gish") == "PERSON"
    assert not any(n.startswith(("magician", "Professor")) for n in names)


def test_possessive_is_not_part_of_a_name() -> None:
    names = _names("Angela Merkel's government fell. Merkel's party lost.")
    assert "Angela Merkel" in names and not any(n.endswith("'s") for n in names)


def test_a_name_does_not_run_across_a_line_break() -> None:
    names = _names("Interview\nPacific Standard spoke to Jane Smith in Chicago.")
    assert not any("\n" in n for n in names)


def test_maker_and_model_number_is_a_product_not_the_maker() -> None:
    ents = _entities("The airline bought ten Airbus A380 jets. Airbus said it was pleased.")
    types = {m.text: e.type for e in ents for m in e.mentions}
    assert types.get("Airbus A380") == "PRODUCT" and types.get("Airbus") == "ORG"


def test_currency_code_is_no_organisation() -> None:
    assert "USD" not in _names("The laptop costs $999 (USD) and ships in June from Apple.")


def test_a_rare_town_name_used_as_a_first_name_stays_a_person() -> None:
    names = _names("Gloria Estefan sang on Friday. Gloria said she was tired.")
    assert names.get("Gloria") == "PERSON"


def test_honorific_gives_a_person_gender_for_pronouns() -> None:
    ents = _entities("Mrs. Patel met Mr. Singh in Delhi. Later she said the talks went well.")
    patel = next(e for e in ents if "Patel" in e.name)
    assert any(m.text == "she" for m in patel.mentions)


def test_head_word_makes_a_name_an_organisation() -> None:
    from newskb.extract.entities.votes import head_type

    assert head_type("AirTran Airways", "PERSON") == "ORG"
    assert head_type("Ministry of Culture", "GPE") == "ORG"
    assert head_type("Soviet Union", "GPE") == "GPE"  # a country keeps its type
    assert head_type("John Party", "ORG") == "ORG" and head_type("New York", "GPE") == "GPE"


def test_one_word_place_only_when_a_table_knows_it() -> None:
    from newskb.extract.entities.votes import known_place

    assert known_place("Tasmania") and known_place("Kyiv") and known_place("Europe")
    assert not known_place("Quantcast") and not known_place("Scientology")


def test_gazetteer_organisation_that_spacy_called_a_person() -> None:
    from newskb.extract.entities.spans import _gazetteer_type

    assert _gazetteer_type("Twitter", "PERSON") == "ORG"
    assert _gazetteer_type("Karoline Leavitt", "PERSON") == "PERSON"


def test_stance_prefix_is_not_a_name() -> None:
    ents = _entities("Pro-Beijing lawmakers walked out, and pro-Beijing groups protested.")
    assert not any("Beijing" in m.text and "-" in m.text for e in ents for m in e.mentions)


def test_one_type_per_name_and_repeats_found() -> None:
    from newskb.extract.entities.document import harmonise
    from newskb.extract.entities.spans import NameSpan

    text = "Scientology sued. Critics of Scientology met, and Scientology replied."
    doc = nlp.parse_many([text])[0]
    a, b = text.index("Scientology", 1), text.rindex("Scientology")
    spans = [
        NameSpan(0, 11, "Scientology", "ORG", 0),
        NameSpan(a, a + 11, "Scientology", "LOC", doc.char_span(a, a + 11).end - 1),  # type: ignore[union-attr]
    ]
    out = harmonise(doc, spans)
    assert [(s.start, s.type) for s in out] == [(0, "ORG"), (a, "ORG"), (b, "ORG")]


def test_based_and_born_suffixes_stay_outside_the_place_name() -> None:
    by = _by_name(_entities("The Seattle-based firm hired a London-born engineer."))
    assert by["Seattle"].type == "GPE" and by["London"].type == "GPE"
    assert [m.text for m in by["Seattle"].mentions] == ["Seattle"]


def test_a_full_name_said_again_goes_to_its_own_person_not_a_surname_sharer() -> None:
    # ECB+ 32_8: "Jenkin" said of Kathryn Jenkin drew "John Jenkin" (said again later) into
    # her entity, and the canon then merged brother and sister across articles
    text = (
        "John Jenkin, 23, has been charged with the murder of his mother and sister.\n"
        "Kathryn Jenkin, 20, was found dead at the house. Police said Miss Jenkin died of "
        "head injuries.\nJohn Jenkin was arrested on suspicion of murder on Saturday."
    )
    people = {e.name: e for e in _entities(text) if e.type == "PERSON"}
    assert "John Jenkin" not in people["Kathryn Jenkin"].aliases
    named = [m for m in people["John Jenkin"].mentions if m.kind == "name"]
    assert [text[m.start : m.end] for m in named] == ["John Jenkin", "John Jenkin"]


def test_a_surname_alone_beside_two_people_of_that_surname_is_neither() -> None:
    # ECB+ 32_2: "Jenkin, who was described as a Goth" (John) went to his sister Katie Jenkin,
    # the last one named
    text = (
        "John Jenkin, 23, was arrested. His sister Katie Jenkin, 20, was found dead.\n"
        "Jenkin, who was described as a Goth, was arrested at the house."
    )
    people = {e.name: e for e in _entities(text) if e.type == "PERSON"}
    for name in ("John Jenkin", "Katie Jenkin"):
        assert [m.text for m in people[name].mentions if m.kind == "short"] == []


def test_a_full_name_never_joins_a_surname_left_to_either_of_two_people() -> None:
    # ECB+ 32_4: "Mr Jenkin", left to neither John nor Kathryn Jenkin, was then named after
    # "Katie Jenkin" (her name as friends knew it), and that entity held his mention
    from newskb.extract.entities.coref import cluster_names
    from newskb.extract.entities.spans import NameSpan

    names = ["John Jenkin", "Kathryn Jenkin", "Jenkin", "Katie Jenkin"]
    spans = [NameSpan(i * 20, i * 20 + len(n), n, "PERSON", i * 5) for i, n in enumerate(names)]
    clusters = cluster_names(spans)
    alone = [c for c in clusters if [m[2] for m in c.mentions] == ["Jenkin"]]
    assert len(alone) == 1 and alone[0].either
    assert not any("Katie Jenkin" in c.names and "Jenkin" in c.names for c in clusters)
