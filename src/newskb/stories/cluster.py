"""Incremental story clustering: each new article is compared only with candidate stories.

Candidates come from an inverted index (salient terms, canonical entities, places) restricted to
a time window when dates exist, read newest first with a bound per key: the work per article does
not grow with the store. A candidate is scored on tf-idf cosine against its bounded centroid,
blended with the cosine over names and numbers alone (what tells two same-kind events apart:
other people, other places, other magnitudes and years), plus shared canonical entities, places
and event dates, minus conflicts (no salient entity or place in common, no common year).
Near-duplicates (syndication, updates) are found first, by MinHash, and join the
story of their original. Story ids come from the founding article and never change.

When a story reaches one of a few sizes (``split.CHECK_SIZES``, geometric, so the work per
article stays constant amortised) it is re-checked as a whole: if its members fall into two
clearly separate groups of names, the group without the founding article moves to a new story
(id from its earliest member; the move is logged as ``auto-split``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence

from newskb.model import (
    Extraction,
    StoryAssignment,
    StoryFeatures,
    StoryParams,
    StoryState,
)
from newskb.stories import minhash, split
from newskb.stories.edit import load_state, new_id, resolve
from newskb.stories.edit import split as split_story
from newskb.stories.index import StoryIndex
from newskb.stories.state import grow, member_vector, vector
from newskb.stories.text import features

QUERY_TERMS = 16
QUERY_KEYS = 8
KEY_WEIGHT = 0.2
SALIENT_SHARE = 0.25  # an entity is salient for a story when this share of its members name it


def _salient(theirs: Mapping[str, int], size: int) -> frozenset[str]:
    """A story's salient keys (all of them when none reaches ``SALIENT_SHARE``)."""
    salient = frozenset(k for k, n in theirs.items() if n >= max(1.0, SALIENT_SHARE * size))
    return salient or frozenset(theirs)


def _norm(a: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in a.values()))


def _cosine_normed(a: Mapping[str, float], na: float, b: Mapping[str, float], nb: float) -> float:
    """Cosine of ``a`` and ``b`` given their norms: the smaller one's products summed in its
    order, divided by (its norm * the other's), the same float to the bit as always."""
    if len(a) > len(b):
        dot = sum(w * a[t] for t, w in b.items() if t in a)
        return dot / (nb * na) if dot else 0.0
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    return dot / (na * nb) if dot else 0.0


@dataclasses.dataclass(frozen=True, slots=True)
class Probe:
    """What scoring needs of one article, computed once for all its candidate stories."""

    vec: Mapping[str, float]
    norm: float
    specific: Mapping[str, float]  # the names and numbers ('^' / '#' terms) alone
    specific_norm: float


def probe(vec: Mapping[str, float]) -> Probe:
    specific = {t: w for t, w in vec.items() if t[0] in "^#"}
    return Probe(vec, _norm(vec), specific, _norm(specific))


@dataclasses.dataclass(frozen=True, slots=True)
class _Side:
    """What scoring needs of one story state (kept while the same state object is scored)."""

    state: StoryState
    centroid: Mapping[str, float]
    norm: float
    specific: Mapping[str, float]
    specific_norm: float
    entities: frozenset[str]  # salient
    places: frozenset[str]


SIDES_KEPT = 4096
_SIDES: dict[int, _Side] = {}  # by id(state); the entry holds the state, so the id stays its


def _side(s: StoryState) -> _Side:
    got = _SIDES.get(id(s))
    if got is not None and got.state is s:
        return got
    if len(_SIDES) >= SIDES_KEPT:
        _SIDES.clear()
    centroid = dict(s.centroid)
    specific = {t: w for t, w in s.centroid if t[0] in "^#"}
    got = _SIDES[id(s)] = _Side(
        s,
        centroid,
        _norm(centroid),
        specific,
        _norm(specific),
        _salient(dict(s.entities), s.size),
        _salient(dict(s.places), s.size),
    )
    return got


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return 10_000


def date_relation(mine: Sequence[str], theirs: Sequence[str]) -> str:
    """``match`` (a day within one day, or the same month), ``conflict`` (no year in common),
    else ``none``. Dates are ISO prefixes: year, month or day precision."""
    near = False
    for a in mine:
        for b in theirs:
            if a[:4] != b[:4]:
                continue
            if len(a) == 10 and len(b) == 10:
                gap = _days_apart(a, b)
                if gap <= 1:
                    return "match"
                near = near or gap <= 7
            elif len(a) >= 7 and len(b) >= 7 and a[:7] == b[:7]:
                near = True
    if near:
        return "none"
    return "conflict" if not {a[:4] for a in mine} & {b[:4] for b in theirs} else "none"


def score(vec: Mapping[str, float], f: StoryFeatures, s: StoryState, p: StoryParams) -> float:
    """How well article ``f`` (tf-idf ``vec``) fits story ``s``."""
    return score_probe(probe(vec), f, s, p)


def score_probe(a: Probe, f: StoryFeatures, s: StoryState, p: StoryParams) -> float:
    """``score`` with the article's side (``probe``) computed once."""
    side = _side(s)
    total = (1.0 - p.specific_weight) * _cosine_normed(a.vec, a.norm, side.centroid, side.norm)
    if p.specific_weight:
        total += p.specific_weight * _cosine_normed(
            a.specific, a.specific_norm, side.specific, side.specific_norm
        )
    if p.entities:
        ents = f.entities[:12]
        shared, salient = len(set(ents) & side.entities), len(side.entities)
        if ents and salient:
            total += p.entity_weight * shared / min(len(ents), salient)
            if shared == 0:
                total -= p.entity_conflict
        places = f.places[:8]
        shared, salient = len(set(places) & side.places), len(side.places)
        if places and salient:
            total += p.place_weight * shared / min(len(places), salient)
            if shared == 0:
                total -= p.place_conflict
    if p.times and f.dates and s.dates:
        relation = date_relation(f.dates[:8], [d for d, _ in s.dates[:8]])
        if relation == "match":
            total += p.date_weight
        elif relation == "conflict":
            total -= p.date_conflict
    return total


def _since(f: StoryFeatures, p: StoryParams) -> str | None:
    if not f.published:
        return None
    day = dt.date.fromisoformat(f.published)
    return (day - dt.timedelta(days=p.window_days)).isoformat()


def _query(f: StoryFeatures, vec: Mapping[str, float], p: StoryParams) -> list[tuple[str, float]]:
    top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:QUERY_TERMS]
    keys = [(f"t:{t}", w) for t, w in top]
    if p.entities:
        keys += [(f"e:{k}", KEY_WEIGHT) for k in f.entities[:QUERY_KEYS]]
        keys += [(f"p:{k}", KEY_WEIGHT) for k in f.places[:QUERY_KEYS]]
    return keys


def _duplicate(ix: StoryIndex, f: StoryFeatures, sig: bytes) -> tuple[str, float]:
    """The stored original this article nearly copies, with the estimated Jaccard."""
    if not f.shingles:
        return "", 0.0
    found = ix.lsh_candidates(minhash.buckets(sig))
    if not found:
        return "", 0.0
    best, best_j = "", 0.0
    for aid, other in ix.signatures(found[:64]).items():
        j = minhash.jaccard(sig, other)
        if j > best_j or (j == best_j and aid < best):
            best, best_j = aid, j
    return (best, best_j) if best_j >= minhash.DUPLICATE_JACCARD else ("", 0.0)


def assign(ix: StoryIndex, f: StoryFeatures, p: StoryParams) -> StoryAssignment:
    """Put one article into a story (call inside a transaction)."""
    known = ix.member_of(f.article_id)
    if known is not None:
        return StoryAssignment(
            f.article_id, known.story_id, False, "stored", 0.0, known.duplicate_of
        )
    term_list = [t for t, _ in f.terms]
    documents = ix.meta("documents") + 1
    vec = vector(f, ix.df_get(term_list), documents)
    sig = minhash.signature(f.shingles)
    story, how, best, original = "", "new", 0.0, None
    prev = ix.member_of(f.supersedes) if f.supersedes else None
    if prev is not None:
        story, how, best, original = prev.story_id, "update", 1.0, prev.article_id
    else:
        dup, jac = _duplicate(ix, f, sig)
        first = ix.member_of(dup) if dup else None
        if first is not None:
            story, how, best = first.story_id, "duplicate", jac
            original = first.duplicate_of or first.article_id
    if not story:
        ids = ix.candidate_ids(_query(f, vec, p), since=_since(f, p), limit=p.candidates)
        a = probe(vec)
        for s in ix.load_states(ids):
            value = score_probe(a, f, s, p)
            if value > best or (value == best and s.id < story):
                story, best = s.id, value
        if story and best >= p.threshold:
            how = "joined"
        else:
            story, how = "", "new"
    story = resolve(ix, story) if story else new_id(ix, f.article_id)
    state = None if how == "new" else load_state(ix, story)
    seq = ix.bump("seq")
    ix.bump("documents")
    ix.df_add(term_list)
    v = member_vector(f, vec)
    ix.save_state(grow(state, story, v, title=f.title, published=f.published, outlet=f.outlet), seq)
    result = StoryAssignment(f.article_id, story, how == "new", how, best, original)  # type: ignore[arg-type]
    ix.add_member(f, v, result, seq)
    if f.shingles:
        ix.lsh_add(f.article_id, sig, minhash.buckets(sig))
    if how == "joined" and p.recheck and state is not None and state.size + 1 in split.CHECK_SIZES:
        moved = recheck(ix, story)
        if f.article_id in moved:
            result = dataclasses.replace(result, story_id=moved[f.article_id])
    return result


def recheck(ix: StoryIndex, story_id: str) -> dict[str, str]:
    """Split ``story_id`` in two when its members fall into two groups; {moved article: story}.

    Duplicates and updates follow their original; stories a user edited are left alone.
    """
    rows = ix.member_vectors(story_id, split.MAX_MEMBERS)
    if any(m.how == "user" for m, _ in rows):
        return {}
    own = [(m, v) for m, v in rows if m.duplicate_of is None]
    picked = split.split_off([v for _, v in own])
    if not picked:
        return {}
    moving = {own[i][0].article_id for i in picked}
    moving |= {m.article_id for m, _ in rows if m.duplicate_of in moving}
    ids = [m.article_id for m, _ in rows if m.article_id in moving]
    moved_to = split_story(ix, story_id, ids, how="split", action="auto-split")
    return {a: moved_to for a in ids}


def assign_all(
    ix: StoryIndex,
    extractions: Iterable[Extraction],
    params: StoryParams | None = None,
) -> list[StoryAssignment]:
    """Assign a batch in one transaction (or inside the caller's open transaction).

    Each result is where its article went at that moment; a later re-check in the same batch
    may move it (the index's ``members`` / ``member_of`` give the final membership)."""
    p = params or StoryParams()
    with ix.atomic():
        return [
            assign(ix, features(x, supersedes=ix.superseded(x.article.id)), p) for x in extractions
        ]


def assign_batch(ix: StoryIndex, extractions: Sequence[Extraction]) -> list[str]:
    """Put each stored article of a batch into a story (idempotent); return the story ids
    (read back at the end: a re-check may have moved an article of the batch)."""
    done = assign_all(ix, extractions)
    final = [ix.member_of(a.article_id) for a in done]
    return [m.story_id if m else a.story_id for m, a in zip(final, done, strict=True)]


def assign_pending(ix: StoryIndex) -> int:
    """Give every stored article without a story its story (batches of 500); return how many."""
    done = 0
    while batch := ix.pending():
        assign_all(ix, batch)
        done += len(batch)
    return done
