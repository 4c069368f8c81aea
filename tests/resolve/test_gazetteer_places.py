"""The generated place gazetteer and a user's own gazetteer file."""

from __future__ import annotations

from pathlib import Path

from newskb.resolve import gazetteer
from newskb.resolve.gazetteer import load, load_places, place_entry, use_file
from newskb.resolve.link import link


def test_generated_places_cover_regions_and_keep_country_ids() -> None:
    places = load_places()
    assert len(places) > 5000
    papua = link("Papua", "GPE")
    assert papua is not None and papua.country == "ID"
    ukraine = place_entry("Ukraine")
    assert ukraine is not None and ukraine.wikidata == "Q212"


def test_a_user_gazetteer_file_adds_entries(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("Q999999\tORG\tAcme Widgets\tAcme\t\t\tUS\n", encoding="utf-8")
    try:
        use_file(f)
        hit = link("Acme Widgets", "ORG")
        assert hit is not None and hit.wikidata == "Q999999"
    finally:
        gazetteer._USER_FILES.clear()
        load.cache_clear()
    assert link("Acme Widgets", "ORG") is None
