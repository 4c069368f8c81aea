"""Wikidata ids from the generated tables: type agreement, full names, ambiguity, context."""

from __future__ import annotations

from importlib import resources

from newskb import nlp
from newskb.extract.entities import entities_of
from newskb.model import Article
from newskb.resolve.wikidata import other_qid, place_qid, qid_for


def _row_id(etype: str, name: str, country: str = "") -> str:
    """The id the generated table gives ``name`` (read from it, not written here)."""
    text = (resources.files("newskb.resolve") / "data" / "gazetteer_wikidata.tsv").read_text()
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) > 6 and cols[1:3] == [etype, name] and cols[6] in ("", country):
            return cols[0]
    raise AssertionError(f"{name} not in the table")


def _sub_id(key: str) -> str:
    text = (resources.files("newskb.resolve") / "data" / "places_wikidata.tsv").read_text()
    for line in text.splitlines():
        cols = line.split("\t")
        if cols[:2] == ["sub", key]:
            return cols[2]
    raise AssertionError(f"{key} not in the table")


def test_a_person_gets_an_id_by_full_name_and_type_only() -> None:
    romney = _row_id("PERSON", "Mitt Romney")
    assert romney.startswith("Q")
    assert other_qid("Mitt Romney", "PERSON") == romney
    assert other_qid("Romney", "PERSON") is None  # a surname alone
    assert other_qid("Mitt Romney", "ORG") is None  # a person's id never goes to an ORG


def test_a_name_two_things_carry_needs_the_articles_country() -> None:
    us_party = _row_id("ORG", "Democratic Party", "US")
    assert other_qid("Democratic Party", "ORG") is None  # also Hong Kong's
    assert other_qid("Democratic Party", "ORG", {"US"}) == us_party
    # Florida is a US state and a department of Uruguay
    florida = _sub_id("Florida|US")
    assert place_qid("Florida") is None
    assert place_qid("Florida", {"US"}) == florida


def test_the_articles_country_never_picks_a_small_namesake() -> None:
    # Victoria, Texas is in the article's country, but Victoria, BC is the bigger city
    assert place_qid("Victoria", {"US"}) is None
    assert place_qid("Iowa") == _sub_id("Iowa|US")


def test_a_hand_gazetteer_entry_without_an_id_stays_without() -> None:
    from newskb.resolve.link import link

    leavitt = link("Karoline Leavitt", "PERSON")
    assert leavitt is not None and leavitt.wikidata is None
    assert qid_for(leavitt, "Karoline Leavitt", "PERSON", {"US"}) is None


def test_an_extracted_state_carries_its_wikidata_id() -> None:
    text = "Senator Marco Rubio campaigned in Florida on Monday, days before the primary in Ohio."
    a = Article(id="t", sha256="t", path="t.txt", text=text)
    ents = {e.name: e for e in entities_of(a, nlp.parse_many([text])[0])}
    assert ents["Ohio"].kb_id == _sub_id("Ohio|US")
    # the Cuban town Florida that ``link`` finds is no evidence the article speaks of Cuba
    assert ents["Florida"].kb_id == _sub_id("Florida|US")
    assert ents["Marco Rubio"].kb_id is None  # no source gives his id


def test_a_title_for_a_kind_of_thing_gives_no_id() -> None:
    # GUM links some mentions to generic articles ("Congress", "Senate", "Communist party"):
    # the US Congress of a news article is not the concept of a congress
    assert other_qid("Congress", "ORG", {"US"}) is None
    assert other_qid("Senate", "ORG", {"US"}) is None
    assert other_qid("Communist party", "ORG") is None


def test_a_small_town_abroad_and_a_lower_case_code_give_no_id() -> None:
    # the only Palm Beach of 15,000+ is in Queensland; a US article's Palm Beach is Florida's
    assert place_qid("Palm Beach", {"US"}) is None
    # "Birmingham, Ala.": the abbreviation is no ISO code of the Aland Islands
    assert place_qid("Ala.", {"US"}) is None


def test_a_hand_entry_gets_an_id_only_from_a_row_of_its_country() -> None:
    from newskb.resolve.link import link

    gop = link("Republican Party", "ORG")
    assert gop is not None and gop.wikidata is None  # the hand gazetteer has no id for it
    assert qid_for(gop, "Republican Party", "ORG", {"US"}) == _row_id(
        "ORG", "Republican Party", "US"
    )


def test_a_state_wins_over_a_small_town_of_its_name_in_its_country() -> None:
    # Oregon is a state and a town of 20,000 in Ohio; Virginia a state and a Minnesota town
    assert place_qid("Oregon", {"US"}) == _sub_id("Oregon|US")
    assert place_qid("Virginia", {"US"}) == _sub_id("Virginia|US")
