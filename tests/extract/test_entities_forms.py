"""Issue 17: times, headlines, product shapes and places are no people (tiny texts, real model)."""

from __future__ import annotations

from newskb import nlp
from newskb.extract.entities import entities_of
from newskb.extract.entities.forms import product_shape
from newskb.model import Article
from newskb.resolve.keys import ascii_fold


def _types(text: str) -> dict[str, str]:
    a = Article(id="t", sha256="t", path="t.txt", text=text)
    return {e.name: e.type for e in entities_of(a, nlp.parse_many([text])[0])}


def test_a_headline_verb_is_not_part_of_a_name() -> None:
    t = _types(
        "Warren Jeffs Found Guilty\nSAN ANGELO, Texas - Polygamist leader Warren Jeffs was "
        "convicted on Thursday. His brother Brent Jeffs testified."
    )
    assert t.get("Warren Jeffs") == "PERSON" and "Warren Jeffs Found Guilty" not in t
    assert t.get("Brent Jeffs") == "PERSON"


def test_a_clock_time_or_zone_is_never_an_entity() -> None:
    t = _types("The attack at 07:37 a.m. UTC killed four, officials said. Times are GMT.")
    assert not any("UTC" in n or "GMT" in n or "07:37" in n for n in t)


def test_places_spacy_calls_people_are_places() -> None:
    t = _types("Fighting continued in Khan Yunis on Monday. Aid reached Banda Aceh later.")
    found = {ascii_fold(k): v for k, v in t.items()}  # linked: "Khān Yūnis"
    assert found.get("Khan Yunis") == "GPE" and found.get("Banda Aceh") == "GPE"


def test_a_company_name_keeps_its_first_word_and_a_laptop_is_a_product() -> None:
    t = _types("General Motors Corporation cut jobs. Apple sells the MacBook Pro, said Tim Cook.")
    assert t.get("General Motors Corporation") == "ORG"
    assert t.get("MacBook Pro") == "PRODUCT" and t.get("Tim Cook") == "PERSON"


def test_context_around_a_person_name_that_is_none() -> None:
    t = _types(
        "A man killed a 66-year-old Burnsville woman. Troy police Sgt. Barry Whiteside "
        "testified. The merchant vessel MV Gibe was attacked. The Rams lost two players."
    )
    assert t.get("Burnsville") == "GPE" and t.get("Barry Whiteside") == "PERSON"
    assert "Sgt" not in t and t.get("MV Gibe") != "PERSON" and t.get("Rams") != "PERSON"


def test_product_shapes_keep_regnal_numbers_and_camel_case_given_names() -> None:
    assert product_shape("Galaxy S3", "PERSON") == "PRODUCT"
    assert product_shape("WiFi", "PERSON") == "PRODUCT"
    assert product_shape("Henry VIII", "PERSON") == "PERSON"
    assert product_shape("LuAnn Marie Johnson", "PERSON") == "PERSON"
    assert product_shape("Ellen DeGeneres", "PERSON") == "PERSON"


def test_a_city_named_before_a_facility_is_a_place() -> None:
    """Regression: 'the Zaporizhzhia nuclear power plant' (spaCy: PERSON) was dropped as 'the
    X', so the examples' truce lost its place and the ledger split one truce in two."""
    t = _types(
        "Ukraine and Russia agreed to a ceasefire around the Zaporizhzhia nuclear power plant."
    )
    assert any(ascii_fold(n).startswith("Zaporizhzh") and ty == "GPE" for n, ty in t.items()), t
