"""The ingest path end to end with the real model: read -> extract -> store -> stories."""

from __future__ import annotations

from pathlib import Path

from newskb.model import Extraction
from newskb.pipeline import run
from newskb.store import open_store
from newskb.store.sql import SqliteDb
from newskb.store.sql.stories import SqlStories
from newskb.stories.cluster import assign_batch

ARTICLES = {
    "01_pohang.txt": (
        " date 2017-11-15 Earthquake shakes Pohang\nPohang • Yonhap\n"
        "A magnitude 5.4 earthquake struck Pohang in South Korea on Wednesday, injuring 57 "
        "people and cracking buildings at Handong Global University. Officials in Pohang said "
        "the college entrance exam would be delayed by a week.\n"
    ),
    "02_palu.txt": (
        " date 2018-09-29 Quake and tsunami hit Palu\nJakarta • Antara\n"
        "A magnitude 7.5 earthquake struck Sulawesi in Indonesia on Friday and a tsunami swept "
        "into Palu, killing at least 384 people, the disaster agency BNPB said. Sutopo Purwo "
        "Nugroho said rescuers were searching the Roa-Roa hotel in Palu.\n"
    ),
    "03_pohang_ap.txt": (
        " date 2017-11-16 South Korea delays exam after Pohang quake\nSeoul • AP\n"
        "South Korea postponed its college entrance exam by a week after a magnitude 5.4 "
        "earthquake hit Pohang on Wednesday. Education Minister Kim Sang-gon said cracks were "
        "found at schools in Pohang, where 57 people were hurt.\n"
    ),
    "04_palu_update.txt": (
        " date 2018-09-30 Palu death toll rises\nPalu • Reuters\n"
        "The death toll from the magnitude 7.5 earthquake and tsunami in Palu on Sulawesi rose "
        "to 832, Indonesia's disaster agency BNPB said on Sunday. Sutopo Purwo Nugroho said "
        "many victims were still trapped in Palu.\n"
    ),
}


def test_stories_from_the_ingest_path(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = str(tmp_path / "k.db")
    with open_store(path) as store:
        for batch in run([str(tmp_path)], workers=1):
            store.add_batch(batch)
            assign_batch(
                SqlStories(SqliteDb(store.conn)), [x for x in batch if isinstance(x, Extraction)]
            )
        got = dict(store.story_paths())
        by_name = {Path(p).name: s for p, s in got.items()}
        assert by_name["01_pohang.txt"] == by_name["03_pohang_ap.txt"]
        assert by_name["02_palu.txt"] == by_name["04_palu_update.txt"]
        assert by_name["01_pohang.txt"] != by_name["02_palu.txt"]
        stories = {s.id: s for s in store.stories()}
        palu = stories[by_name["02_palu.txt"]]
        assert (palu.first_seen, palu.last_seen) == ("2018-09-29", "2018-09-30")
        assert set(palu.outlets) == {"Antara", "Reuters"}
        assert palu.title == "Quake and tsunami hit Palu"


def test_same_agency_and_city_do_not_make_a_story(tmp_path: Path) -> None:
    """Regression: two unrelated reports filed by one agency from one city (same dateline line)
    were joined, because the dateline's words and agency entity counted as shared content."""
    from newskb.pipeline import store_batch

    root = Path(__file__).resolve().parents[2] / "examples"
    names = ["07_tokyo_rate_hold.txt", "08_tokyo_manila_drill.txt"]
    with open_store(str(tmp_path / "k.db")) as store:
        for batch in run([str(root / n) for n in names], workers=1):
            store_batch(store, batch)
        got = {Path(p).name: s for p, s in store.story_paths()}
    assert got[names[0]] != got[names[1]]
