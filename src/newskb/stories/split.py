"""Story re-check: split a story whose members fall into two groups of names (pure functions).

Incremental clustering decides on one article at a time, so the first report of a second,
same-kind event (another earthquake, another arrest) can join the first event's story, and every
later report of it follows. A re-check looks at a story's members together: each member is
described by what tells events apart (the names and numbers among its terms, its canonical
entities, places and dates) next to its topical words; members are cut in two (spectral
bisection of their similarities, refined by mean similarity; the founding article's side keeps
the story), and the cut is kept only when both sides hold ``MIN_GROUP`` articles and the mean
similarity between them is well under the mean within each (``SEPARATION``).

The caller bounds the work: re-checks happen at a few story sizes growing geometrically (the cost
per article stays constant, amortised) and read at most ``MAX_MEMBERS`` members.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from newskb.model import StoryVector

CHECK_SIZES = frozenset({6, 8, 11, 16, 23, 32, 45, 64})  # from 2 * MIN_GROUP, about x1.4
MAX_MEMBERS = 64
MIN_GROUP = 3  # each side of a split holds at least this many articles
SPECIFIC = 0.6  # weight of names/numbers/keys in a member-to-member similarity
KEY_WEIGHT = 0.3  # an entity, place or date key counts like a name term of this weight
SEPARATION = 0.7  # split: between-group similarity below this share of within-group similarity
ROUNDS = 10


def _norm(v: Mapping[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(w * w for w in v.values())) or 1.0
    return {t: w / n for t, w in v.items()}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def profiles(v: StoryVector) -> tuple[dict[str, float], dict[str, float]]:
    """(all terms, distinguishing features) of one member, each L2-normalised."""
    full = dict(v.terms)
    spec = {t: w for t, w in v.terms if t[0] in "^#"}
    for prefix, keys in (("e:", v.entities[:12]), ("p:", v.places[:8]), ("d:", v.dates[:8])):
        for k in keys:
            spec[prefix + k] = KEY_WEIGHT
    return _norm(full), _norm(spec)


def similarities(vectors: Sequence[StoryVector]) -> list[list[float]]:
    """Symmetric member-to-member similarity (1.0 on the diagonal)."""
    prof = [profiles(v) for v in vectors]
    n = len(prof)
    sim = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            full = _dot(prof[i][0], prof[j][0])
            spec = _dot(prof[i][1], prof[j][1])
            sim[i][j] = sim[j][i] = (1.0 - SPECIFIC) * full + SPECIFIC * spec
    return sim


def _mean_to(sim: Sequence[Sequence[float]], i: int, group: Sequence[int]) -> float:
    others = [j for j in group if j != i]
    return sum(sim[i][j] for j in others) / len(others) if others else 0.0


def _mean_within(sim: Sequence[Sequence[float]], group: Sequence[int]) -> float:
    pairs = [(i, j) for k, i in enumerate(group) for j in group[k + 1 :]]
    return sum(sim[i][j] for i, j in pairs) / len(pairs) if pairs else 0.0


def bisect(sim: Sequence[Sequence[float]]) -> tuple[list[int], list[int]]:
    """Spectral bisection (normalised cut), then refined by mean similarity; founder in keep."""
    n = len(sim)
    w = np.array(sim, dtype=float)
    np.fill_diagonal(w, 0.0)
    w = np.clip(w, 0.0, None)
    deg = w.sum(axis=1)
    deg[deg <= 0] = 1e-9
    inv = 1.0 / np.sqrt(deg)
    lap = np.eye(n) - inv[:, None] * w * inv[None, :]
    _vals, vecs = np.linalg.eigh(lap)
    fiedler = vecs[:, 1] * inv
    side = [int(x > 0) for x in fiedler]
    if side[0]:
        side = [1 - x for x in side]
    for _ in range(ROUNDS):
        groups = [[i for i in range(n) if side[i] == g] for g in (0, 1)]
        if not groups[1]:
            break
        new = list(side)
        for i in range(1, n):
            a, b = _mean_to(sim, i, groups[0]), _mean_to(sim, i, groups[1])
            new[i] = 1 if b > a else 0
        if new == side:
            break
        side = new
    return [i for i in range(n) if side[i] == 0], [i for i in range(n) if side[i] == 1]


def split_off(vectors: Sequence[StoryVector]) -> list[int]:
    """Indices (arrival order, founder first) of members to move to a new story, or []."""
    n = len(vectors)
    if n < 2 * MIN_GROUP:
        return []
    sim = similarities(vectors)
    keep, move = bisect(sim)
    if min(len(keep), len(move)) < MIN_GROUP:
        return []
    within = min(_mean_within(sim, keep), _mean_within(sim, move))
    between = sum(sim[i][j] for i in keep for j in move) / (len(keep) * len(move))
    if within <= 0.0 or between >= SEPARATION * within:
        return []
    return move
