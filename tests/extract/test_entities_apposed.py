"""A person's name spaCy cut into two place names, joined by the apposition that follows it."""

from __future__ import annotations

from newskb import nlp
from newskb.extract.entities import entities_of
from newskb.model import Article

_TEXT = (
    "Valeska Paris, an Australian woman and former Scientologist, has claimed that the Church "
    "of Scientology imprisoned her for twelve years. Paris was born in Switzerland. Later, "
    "Paris left the ship after a confrontation."
)


def _entities(text: str) -> list[tuple[str, list[str]]]:
    a = Article(id="t", sha256="t", path="t.txt", text=text)
    ents = entities_of(a, nlp.parse_many([text])[0])
    return [(e.type, [m.text for m in e.mentions if m.kind in ("name", "short")]) for e in ents]


def test_two_place_words_before_a_person_apposition_are_one_person() -> None:
    ents = _entities(_TEXT)
    person = next(m for t, m in ents if t == "PERSON" and "Valeska Paris" in m)
    assert person.count("Paris") == 2  # the surname alone is her, not the French capital
    assert not any(t in ("GPE", "LOC") and "Paris" in m for t, m in ents)
    assert ("GPE", ["Switzerland"]) in ents


def test_two_places_before_a_place_apposition_stay_places() -> None:
    ents = _entities("Fighting spread to Donetsk Luhansk, a region in the east, on Monday.")
    assert not any(t == "PERSON" for t, _ in ents)


def test_a_surname_before_a_noun_the_article_writes_in_the_plural_is_the_surname_alone() -> None:
    """Regression (GUM news warhol): "Warhol Polaroid exhibits" made a person "Warhol Polaroid"
    and every later "Polaroid" his surname."""
    ents = _entities(
        "The gallery shows the Warhol Polaroids donated by Andy Warhol. There are also Warhol "
        "Polaroid exhibits in New York. The Polaroid camera revealed his process."
    )
    people = [m for t, m in ents if t == "PERSON"]
    assert people and all("Polaroid" not in n for m in people for n in m)
    assert any("Andy Warhol" in m for m in people)
