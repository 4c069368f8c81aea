from __future__ import annotations

import dataclasses

import pytest

from newskb.errors import UsageError
from newskb.model import Extraction, StoryParams
from newskb.stories import edit
from newskb.stories.cluster import assign_all, date_relation
from tests.stories.helpers import QUAKE_A, QUAKE_B, extraction, memory_store

POHANG = dict(people=(), places=("Pohang", "South Korea"))
PALU = dict(people=(), places=("Palu", "Sulawesi", "Indonesia"))


def _quakes() -> list[Extraction]:
    """Interleaved reports of two earthquakes (same kind of event, two stories)."""
    a = [
        extraction(t.format(x=n), path=f"a{i}.txt", published="2017-11-15", agency=ag, **POHANG)
        for i, (t, n, ag) in enumerate(
            zip(QUAKE_A, (12, 40, 3), ("Yonhap", "AP", "BBC"), strict=True)
        )
    ]
    b = [
        extraction(t.format(x=n), path=f"b{i}.txt", published="2018-09-29", agency="AP", **PALU)
        for i, (t, n) in enumerate(zip(QUAKE_B, (384, 832), strict=True))
    ]
    return [a[0], b[0], a[1], b[1], a[2]]


def test_same_kind_events_stay_apart_and_reports_join() -> None:
    ix = memory_store()
    got = assign_all(ix, _quakes())
    stories = [g.story_id for g in got]
    assert stories[0] == stories[2] == stories[4]
    assert stories[1] == stories[3]
    assert stories[0] != stories[1]
    assert [g.how for g in got] == ["new", "new", "joined", "joined", "joined"]
    listed = {s.id: s for s in ix.summaries()}
    pohang = listed[stories[0]]
    assert pohang.size == 3 and set(pohang.outlets) == {"Yonhap", "AP", "BBC"}
    assert pohang.first_seen == pohang.last_seen == "2017-11-15"
    assert "Pohang" in pohang.key_entities  # by name, as a person reads it


def test_text_only_without_dates_still_separates() -> None:
    ix = memory_store()
    bare = [
        Extraction(article=dataclasses.replace(x.article, published=None, dateline=None))
        for x in _quakes()
    ]
    got = assign_all(ix, bare, StoryParams(threshold=0.15, entities=False, times=False))
    s = [g.story_id for g in got]
    assert s[0] == s[2] == s[4] and s[1] == s[3] and s[0] != s[1]


def test_ids_are_stable_and_reassignment_is_idempotent() -> None:
    ix = memory_store()
    xs = _quakes()
    first = [g.story_id for g in assign_all(ix, xs[:2])]
    more = [g.story_id for g in assign_all(ix, xs[2:])]
    again = assign_all(ix, xs)
    assert first[0] == f"S{xs[0].article.id[:12]}"
    assert [g.story_id for g in again] == first + more
    assert {g.how for g in again} == {"stored"}
    assert ix.meta("documents") == 5
    # the same input into a fresh store gives the same ids
    assert [g.story_id for g in assign_all(memory_store(), xs)] == first + more


def test_syndicated_copy_is_a_duplicate_linked_to_its_original() -> None:
    ix = memory_store()
    text = " ".join(t.format(x=n) for t, n in zip(QUAKE_A, (12, 40, 3), strict=True))
    original = extraction(text, path="yonhap.txt", published="2017-11-15", **POHANG)
    copy = extraction(
        text.replace("57 people", "58 people"), path="copy.txt", published="2017-11-16"
    )
    copy2 = extraction(text + " Updated.", path="copy2.txt", published="2017-11-16")
    other = extraction(QUAKE_B[0].format(x=384), path="palu.txt", published="2017-11-16")
    got = assign_all(ix, [original, copy, other, copy2])
    assert got[1].how == "duplicate" and got[1].duplicate_of == original.article.id
    assert got[3].how == "duplicate" and got[3].duplicate_of == original.article.id
    assert got[1].story_id == got[0].story_id == got[3].story_id != got[2].story_id
    assert {s.id: s.duplicates for s in ix.summaries()}[got[0].story_id] == 2


def test_merge_and_split_keep_ids_and_log() -> None:
    ix = memory_store()
    got = assign_all(ix, _quakes())
    a, b = got[0].story_id, got[1].story_id
    assert edit.merge(ix, a, b) == a
    assert edit.resolve(ix, b) == a
    assert len(edit.members(ix, b)) == 5
    with pytest.raises(UsageError):
        edit.merge(ix, a, b)
    palu = [got[1].article_id, got[3].article_id[:8]]
    new = edit.split(ix, a, palu)
    assert new == f"S{got[1].article_id[:12]}-2"  # its old id now redirects, so a suffix
    assert {m.article_id for m in edit.members(ix, new)} == {got[1].article_id, got[3].article_id}
    assert len(edit.members(ix, a)) == 3
    edits = ix.db.rows("SELECT action, story_id, other FROM story_edits ORDER BY id")
    assert edits == [("merge", a, b), ("split", a, new)]
    with pytest.raises(UsageError):
        edit.split(ix, a, [m.article_id for m in edit.members(ix, a)])
    # a later report of the Palu quake still finds the split-off story
    later = extraction(
        QUAKE_B[1].format(x=1200), path="b9.txt", published="2018-09-30", agency="AFP", **PALU
    )
    assert assign_all(ix, [later])[0].story_id == new


def test_candidates_are_bounded_and_windowed() -> None:
    ix = memory_store()
    xs = [
        extraction(
            f"Storm number {i} named Storm{i} flooded the town of Place{i} on its coast.",
            path=f"s{i}.txt",
            published=f"2020-01-{1 + i % 28:02d}",
        )
        for i in range(80)
    ]
    assign_all(ix, xs, StoryParams(threshold=2.0))  # never join: 80 stories sharing terms
    keys = [("t:storm", 1.0), ("t:flooded", 1.0), ("t:town", 1.0)]
    assert len(ix.candidate_ids(keys, since=None, limit=32)) == 32
    assert ix.candidate_ids(keys, since="2021-01-01", limit=32) == []


def test_date_relation() -> None:
    assert date_relation(["2018-09-28"], ["2018-09-29"]) == "match"
    assert date_relation(["2011"], ["2008-05-01"]) == "conflict"
    assert date_relation(["2018-09"], ["2018-09-29"]) == "none"
    assert date_relation(["2018-01-01"], ["2018-06-01"]) == "none"
