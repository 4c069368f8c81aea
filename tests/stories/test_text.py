from __future__ import annotations

from newskb.model import Entity, Extraction, Mention, TimeExpr
from newskb.stories.text import entity_key, event_dates, features, shingles, terms
from tests.stories.helpers import article


def test_terms_mark_names_and_numbers_and_drop_stop_words() -> None:
    got = terms("Rescuers reached Pohang on Tuesday. The 6.1 quake hurt 57 people in Pohang.")
    assert got["^pohang"] == 2
    assert got["#6.1"] == 1 and got["#57"] == 1
    assert "the" not in got and "on" not in got
    assert got["rescuer"] == 1  # a light plural stem, not a name (sentence start)


def test_entity_key_prefers_kb_id_then_clean_name() -> None:
    m = (Mention(0, 5, "Putin"),)
    assert entity_key(Entity("E1", "Vladimir Putin", "PERSON", m, kb_id="Q7747")) == "Q7747"
    assert entity_key(Entity("E2", "The  White House", "ORG", m)) == "white house"


def test_event_dates_keep_dated_values_and_prefer_utc() -> None:
    a = article("x", path="a.txt")
    times = (
        TimeExpr(
            "T1", 0, 1, "x", "TIME", "2025-03-18T16:00", "Europe/Kyiv", "2025-03-18T14:00:00Z"
        ),
        TimeExpr("T2", 0, 1, "x", "DATE", "XXXX-WXX-2"),
        TimeExpr("T3", 0, 1, "x", "DATE", "2011"),
        TimeExpr("T4", 0, 1, "x", "DURATION", "P1D"),
        TimeExpr("T5", 0, 1, "x", "DATE", "2025-W11"),
    )
    # a week keeps its year; weekday-only and durations carry no date
    assert event_dates(Extraction(article=a, times=times)) == ("2025-03-18", "2011", "2025")


def test_features_split_people_and_places() -> None:
    text = "Ana Silva met Raul Costa in Lisbon. Silva said Lisbon would host talks."
    a = article(text, path="a.txt", published="2025-01-02", agency="Lusa")
    ents = (
        Entity("E1", "Ana Silva", "PERSON", (Mention(0, 9, "Ana Silva"),)),
        Entity("E2", "Lisbon", "GPE", (Mention(28, 34, "Lisbon"), Mention(47, 53, "Lisbon"))),
    )
    f = features(Extraction(article=a, entities=ents))
    assert f.entities == ("ana silva",) and f.places == ("lisbon",)
    assert f.published == "2025-01-02" and f.outlet == "Lusa"
    assert ("^lisbon", 2) in f.terms


def test_shingles_are_word_four_grams() -> None:
    assert shingles("One two three four five") == ("one two three four", "two three four five")
    assert shingles("too short") == ("too short",)
