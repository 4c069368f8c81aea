"""Story state: a bounded centroid plus counts, grown one article at a time (pure functions)."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping

from newskb.model import StoryFeatures, StoryState, StoryVector

CENTROID_TERMS = 150  # a story keeps this many centroid terms: its row stays small
MEMBER_TERMS = 60  # one article contributes at most this many terms
KEYS = 40  # at most this many entity / place / date counts per story
INDEX_TERMS = 30  # a story is findable by its top terms ...
INDEX_ENTITIES = 12  # ... and its most frequent entities and places


def idf(df: int, documents: int) -> float:
    """Smoothed inverse document frequency over the documents clustered so far."""
    return math.log((documents + 1) / (df + 1)) + 1.0


def vector(f: StoryFeatures, dfs: Mapping[str, int], documents: int) -> dict[str, float]:
    """The article's L2-normalised tf-idf vector (sub-linear tf)."""
    raw = {t: (1.0 + math.log(n)) * idf(dfs.get(t, 0), documents) for t, n in f.terms}
    norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
    return {t: w / norm for t, w in raw.items()}


def member_vector(f: StoryFeatures, vec: Mapping[str, float]) -> StoryVector:
    top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:MEMBER_TERMS]
    return StoryVector(
        terms=tuple((t, round(w, 5)) for t, w in top),
        entities=f.entities,
        places=f.places,
        dates=f.dates,
    )


def _top(counts: Mapping[str, float], n: int) -> list[tuple[str, float]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def grow(
    state: StoryState | None,
    story_id: str,
    v: StoryVector,
    *,
    title: str | None,
    published: str | None,
    outlet: str | None,
) -> StoryState:
    """``state`` with one more member (a new state when ``state`` is None)."""
    centroid: dict[str, float] = {}
    ents: Counter[str] = Counter()
    places: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    outlets: list[str] = []
    if state is not None:
        centroid.update(state.centroid)
        ents.update(dict(state.entities))
        places.update(dict(state.places))
        dates.update(dict(state.dates))
        outlets = list(state.outlets)
    for t, w in v.terms:
        centroid[t] = centroid.get(t, 0.0) + w
    ents.update(set(v.entities))
    places.update(set(v.places))
    dates.update(set(v.dates))
    if outlet and outlet not in outlets:
        outlets.append(outlet)
    seen = [d for d in (state.first_seen, state.last_seen) if d] if state else []
    if published:
        seen.append(published)
    return StoryState(
        id=story_id,
        title=state.title if state and state.title else title,
        size=(state.size if state else 0) + 1,
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        centroid=tuple((t, round(w, 5)) for t, w in _top(centroid, CENTROID_TERMS)),
        entities=tuple((k, int(n)) for k, n in _top(ents, KEYS)),
        places=tuple((k, int(n)) for k, n in _top(places, KEYS)),
        dates=tuple((k, int(n)) for k, n in _top(dates, KEYS)),
        outlets=tuple(outlets),
    )


def rebuild(
    story_id: str,
    members: Iterable[tuple[StoryVector, str | None, str | None, str | None]],
) -> StoryState | None:
    """A story's state recomputed from its members (vector, title, published, outlet)."""
    state: StoryState | None = None
    for v, title, published, outlet in members:
        state = grow(state, story_id, v, title=title, published=published, outlet=outlet)
    return state


def index_keys(state: StoryState) -> list[str]:
    """The inverted-index keys a story is found by."""
    keys = [f"t:{t}" for t, _ in state.centroid[:INDEX_TERMS]]
    keys += [f"e:{k}" for k, _ in state.entities[:INDEX_ENTITIES]]
    keys += [f"p:{k}" for k, _ in state.places[:INDEX_ENTITIES]]
    return keys


# --- JSON in the store ------------------------------------------------------------------------
def state_json(s: StoryState) -> str:
    return json.dumps(
        {
            "c": [list(p) for p in s.centroid],
            "e": [list(p) for p in s.entities],
            "p": [list(p) for p in s.places],
            "d": [list(p) for p in s.dates],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def state_from_row(
    story_id: str,
    title: str | None,
    size: int,
    first_seen: str | None,
    last_seen: str | None,
    state: str,
    outlets: str,
) -> StoryState:
    # ``state_json`` wrote these pairs: [str, float] terms (rounded floats stay floats in JSON)
    # and [str, int] counts, so the pairs come back with their types (no per-pair conversion:
    # it was most of the cost of loading ~30 candidate stories per article)
    d = json.loads(state)
    return StoryState(
        id=story_id,
        title=title,
        size=size,
        first_seen=first_seen,
        last_seen=last_seen,
        centroid=tuple(map(tuple, d.get("c", []))),
        entities=tuple(map(tuple, d.get("e", []))),
        places=tuple(map(tuple, d.get("p", []))),
        dates=tuple(map(tuple, d.get("d", []))),
        outlets=tuple(json.loads(outlets)),
    )


def vector_json(v: StoryVector) -> str:
    return json.dumps(
        {"v": [list(p) for p in v.terms], "e": v.entities, "p": v.places, "d": v.dates},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def vector_from_json(text: str) -> StoryVector:
    d = json.loads(text)
    return StoryVector(
        terms=tuple((str(t), float(w)) for t, w in d.get("v", [])),
        entities=tuple(d.get("e", [])),
        places=tuple(d.get("p", [])),
        dates=tuple(d.get("d", [])),
    )
