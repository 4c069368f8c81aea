"""The story re-check: a story that took in two same-kind events is split in two."""

from __future__ import annotations

from newskb.model import Extraction, StoryParams, StoryVector
from newskb.stories import edit, split
from newskb.stories.cluster import assign_all
from tests.stories.helpers import extraction, memory_store

# Two arrests: the same kind of event, other people, other places, other numbers.
LEEDS = [
    "Police in Leeds arrested the footballer Marcus Bell on Monday after a crash on the A64. "
    "Bell, 27, was charged with dangerous driving and appears in court in Leeds on Friday.",
    "Marcus Bell was held overnight by West Yorkshire Police after the crash on the A64 near "
    "Leeds. His club said Bell would not play until the court hearing.",
    "Leeds magistrates released Marcus Bell on bail. The 27-year-old footballer denies "
    "dangerous driving after the A64 crash, his lawyer Helen Shaw told the court.",
    "West Yorkshire Police said the crash on the A64 left two people hurt. Marcus Bell, "
    "arrested in Leeds, was charged with dangerous driving and released on bail.",
]
CARDIFF = [
    "Police in Cardiff arrested the singer Owen Price on Saturday after a fight outside a "
    "nightclub on Queen Street. Price, 41, was charged with assault and appears in court.",
    "Owen Price spent the night in a cell at Cardiff Bay police station after the nightclub "
    "fight on Queen Street. South Wales Police said Price was charged with assault.",
    "Cardiff magistrates released Owen Price on bail. The 41-year-old singer denies assault "
    "after the Queen Street fight, his manager Rhys Morgan told reporters at the court.",
    "South Wales Police said a doorman was hurt in the Queen Street fight. Owen Price, "
    "arrested in Cardiff, was charged with assault and released on bail.",
]
# Join anything that shares words: the re-check alone has to tell the two events apart.
EAGER = StoryParams(threshold=0.0, entities=False, times=False)


def _reports(n: int = 3) -> list[Extraction]:
    a = [extraction(t, path=f"leeds{i}.txt") for i, t in enumerate(LEEDS[:n])]
    b = [extraction(t, path=f"cardiff{i}.txt") for i, t in enumerate(CARDIFF[:n])]
    return [x for pair in zip(a, b, strict=True) for x in pair]  # interleaved: a0 b0 a1 b1 ...


def _vec(*names: str, common: tuple[str, ...] = ("police", "arrested", "court")) -> StoryVector:
    return StoryVector(terms=tuple((t, 1.0) for t in (*common, *(f"^{n}" for n in names))))


def test_split_off_finds_two_groups_of_names() -> None:
    bell = [_vec("bell", "leeds", "marcus"), _vec("bell", "leeds"), _vec("marcus", "bell")]
    price = [_vec("price", "cardiff", "owen"), _vec("price", "cardiff"), _vec("owen", "price")]
    members = [bell[0], price[0], bell[1], price[1], bell[2], price[2]]
    assert split.split_off(members) == [1, 3, 5]  # the founder's group stays


def test_split_off_keeps_a_coherent_story_and_small_groups() -> None:
    one = [_vec("bell", "leeds", "marcus", extra) for extra in ("a64", "shaw", "bail", "club")]
    assert split.split_off([_vec(*v) for v in (("bell",), ("bell",))]) == []
    assert split.split_off([_vec("bell", "leeds", "marcus")] * 5) == []
    assert split.split_off(one) == []
    # two clear groups, but one is too small to be a story of its own yet
    lop = [_vec("bell", "leeds")] * 4 + [_vec("price", "cardiff")] * (split.MIN_GROUP - 1)
    assert split.split_off(lop) == []


def test_mixed_story_is_split_with_stable_ids_and_a_log() -> None:
    xs = _reports()
    without = assign_all(
        memory_store(), xs, StoryParams(threshold=0.0, entities=False, times=False, recheck=False)
    )
    assert len({g.story_id for g in without}) == 1  # eager joining mixes the two arrests

    ix = memory_store()
    got = assign_all(ix, xs, EAGER)
    founder = f"S{xs[0].article.id[:12]}"
    second = f"S{xs[1].article.id[:12]}"  # id of the earliest article of the split-off group
    final = {m.article_id: m.story_id for m in edit.members(ix)}
    assert [final[x.article.id] for x in xs] == [founder, second] * 3
    assert got[-1].story_id == second  # the article that triggered the re-check was moved too
    moved = {m.article_id: m.how for m in edit.members(ix, second)}
    assert set(moved.values()) == {"split"} and len(moved) == 3
    edits = ix.db.rows("SELECT action, story_id, other, articles FROM story_edits")
    assert [e[:3] for e in edits] == [("auto-split", founder, second)]
    assert {s.id: s.size for s in ix.summaries()} == {founder: 3, second: 3}

    # a later report of each arrest now finds its own story
    later = [extraction(LEEDS[3], path="leeds3.txt"), extraction(CARDIFF[3], path="cardiff3.txt")]
    assert [g.story_id for g in assign_all(ix, later, EAGER)] == [founder, second]
    # re-ingest: nothing moves; a fresh store given the same input ends with the same ids
    assert {g.how for g in assign_all(ix, xs, EAGER)} == {"stored"}
    fresh = memory_store()
    assign_all(fresh, xs, EAGER)
    assert {m.article_id: m.story_id for m in edit.members(fresh)} == final


def test_user_edited_story_is_not_split_again() -> None:
    xs = _reports()
    ix = memory_store()
    first = assign_all(ix, xs[:4], EAGER)  # size 4: groups of two are too small to split
    sid = first[0].story_id
    assert {g.story_id for g in first} == {sid}
    lone = edit.split(ix, sid, [xs[3].article.id])  # the user moves one report out ...
    edit.merge(ix, sid, lone)  # ... and back: the user has decided on this story
    assign_all(ix, xs[4:], EAGER)
    assert {m.story_id for m in edit.members(ix)} == {sid}
    assert not ix.db.rows("SELECT 1 FROM story_edits WHERE action = 'auto-split'")


def test_auto_split_and_user_edits_on_postgres() -> None:
    """Regression: on PostgreSQL a split moved members to its new story before the story's row
    existed and the foreign key refused it (SQLite checks none); the same input now ends in the
    same stories on both."""
    import uuid

    import psycopg

    from newskb.store.postgres import PostgresStore
    from newskb.store.sql import PgDb
    from newskb.store.sql.stories import SqlStories
    from tests.store.test_contract import pg_or_skip

    url = pg_or_skip()
    schema = "t_" + uuid.uuid4().hex[:12]
    xs = _reports()
    lite = memory_store()
    assign_all(lite, xs, EAGER)
    try:
        with PostgresStore(url, schema=schema) as store:
            ix = SqlStories(PgDb(store.conn))
            with store.conn.transaction():
                assign_all(ix, xs, EAGER)
            assert edit.members(ix) == edit.members(lite)
            assert ix.summaries() == lite.summaries()
            sid = ix.summaries()[0].id
            with store.conn.transaction():
                new = edit.split(ix, sid, [edit.members(ix, sid)[-1].article_id])
            assert ix.member_of(edit.members(ix, new)[0].article_id) is not None
    finally:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')
