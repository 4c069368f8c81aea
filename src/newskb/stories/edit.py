"""Story ids, merges and splits over a ``StoryIndex`` (the user's edits and the automatic
re-check's). Pure logic: the index does the reading and writing."""

from __future__ import annotations

from collections.abc import Sequence

from newskb.errors import NotFound, UsageError
from newskb.model import StoryMember, StoryState
from newskb.stories.index import StoryIndex
from newskb.stories.state import rebuild


def resolve(ix: StoryIndex, story_id: str) -> str:
    """Follow user merges; raise ``NotFound`` for an unknown id (a unique prefix is accepted)."""
    sid = story_id
    for _ in range(32):
        row = ix.lookup(sid)
        if row is None:
            raise NotFound(f"no story with id {story_id!r}")
        if row[1] is None:
            return row[0]
        sid = row[1]
    return sid


def load_state(ix: StoryIndex, story_id: str) -> StoryState:
    states = ix.load_states([story_id])
    if not states:
        raise NotFound(f"no story with id {story_id!r}")
    return states[0]


def new_id(ix: StoryIndex, article_id: str) -> str:
    """A story id from its founding article, numbered when taken."""
    sid, n = f"S{article_id[:12]}", 1
    while ix.exists(sid):
        n += 1
        sid = f"S{article_id[:12]}-{n}"
    return sid


def members(ix: StoryIndex, story_id: str | None = None) -> list[StoryMember]:
    """Members of one story (merged ids followed) or of all stories, in arrival order."""
    return ix.members(None if story_id is None else resolve(ix, story_id))


def _rebuild(ix: StoryIndex, story_id: str, touched: int) -> None:
    rows = ix.member_vectors(story_id)
    state = rebuild(story_id, ((v, m.title, m.published, m.outlet) for m, v in rows))
    if state is None:
        ix.empty(story_id)
        return
    ix.save_state(state, touched)


def merge(
    ix: StoryIndex, into: str, other: str, *, how: str = "user", action: str = "merge"
) -> str:
    """Move every article of ``other`` into ``into``; ``other`` then redirects there.

    ``how``/``action`` mark who merged (for a future automatic re-check); the move is logged.
    """
    with ix.atomic():
        a, b = resolve(ix, into), resolve(ix, other)
        if a == b:
            raise UsageError(f"{into!r} and {other!r} are already one story")
        touched = ix.bump("seq")
        moved = [m.article_id for m in ix.members(b)]
        ix.move_members(moved, a, how)
        ix.mark_merged(b, a)
        _rebuild(ix, a, touched)
        ix.log(action, a, b, moved)
    return a


def split(
    ix: StoryIndex,
    story: str,
    article_ids: Sequence[str],
    *,
    how: str = "user",
    action: str = "split",
) -> str:
    """Move the given articles of ``story`` into a new story; return its id.

    The new id comes from its earliest member; ``how``/``action`` mark who split it (the user,
    or the automatic re-check: ``split``/``auto-split``), and the move is logged.
    """
    with ix.atomic():
        sid = resolve(ix, story)
        current = {m.article_id: m for m in ix.members(sid)}
        chosen: list[str] = []
        for aid in article_ids:
            hits = [k for k in current if k == aid or k.startswith(aid)]
            if len(hits) != 1:
                raise UsageError(f"article {aid!r} is not (uniquely) in story {sid}")
            chosen.append(hits[0])
        if not chosen or len(set(chosen)) == len(current):
            raise UsageError("a split must leave at least one article in each story")
        first = min(chosen, key=lambda k: list(current).index(k))
        new = new_id(ix, first)
        touched = ix.bump("seq")
        ix.move_members(chosen, new, how)
        _rebuild(ix, new, touched)
        _rebuild(ix, sid, touched)
        ix.log(action, sid, new, chosen)
    return new
