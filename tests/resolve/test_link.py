"""Gazetteer, places and fuzzy/phonetic linking."""

from __future__ import annotations

from newskb.resolve import geo
from newskb.resolve.gazetteer import load, local_id
from newskb.resolve.keys import block_keys, norm, similarity
from newskb.resolve.link import link


def test_norm_strips_article_possessive_and_accents() -> None:
    assert norm("the White House's") == "white house"
    assert norm("Recep Tayyip Erdoğan") == "recep tayyip erdogan"


def test_spelling_variants_score_high_and_different_people_low() -> None:
    assert similarity("Caroline Levitt", "Karoline Leavitt") >= 0.88
    assert similarity("Den Scavino", "Dan Scavino") >= 0.88
    assert similarity("Mike Johnson", "Boris Johnson") < 0.8
    assert similarity("Dan Smith", "Dan Scavino") < 0.8
    assert block_keys("Caroline Levitt") & block_keys("Karoline Leavitt")


def test_misspelt_person_links_to_the_gazetteer() -> None:
    e = link("Caroline Levitt", "PERSON", roles=["White House spokeswoman"])
    assert e is not None and e.name == "Karoline Leavitt"
    e = link("Vladimir Zelensky", "PERSON")
    assert e is not None and e.wikidata == "Q3874799"
    assert link("Carol Levin", "PERSON") is None


def test_ambiguous_surname_needs_context() -> None:
    assert link("Johnson", "PERSON") is None
    trump = link("Trump", "PERSON")
    assert trump is not None and trump.wikidata == "Q22686"


def test_places_from_pycountry_and_geonames() -> None:
    us = geo.place("the United States")
    assert us is not None and us.wikidata == "Q30" and geo.place("USA") == us
    kyiv = geo.place("Kiev")
    assert kyiv is not None and kyiv.name == "Kyiv" and kyiv.country == "UA"
    assert geo.country("Ukraine") is not None and geo.country("Ukraine").wikidata == "Q212"  # type: ignore[union-attr]
    sea = link("the Black Sea", "LOC")
    assert sea is not None and sea.wikidata == "Q166"


def test_gazetteer_has_no_duplicate_names_and_stable_local_ids() -> None:
    g = load()
    names = [(e.type, e.name) for e in g.entries]
    assert len(names) == len(set(names))
    ids = [e.id for e in g.entries]
    assert len(ids) == len(set(ids))
    assert local_id("PERSON", "Karoline Leavitt") == "nkb:person:karoline-leavitt"
