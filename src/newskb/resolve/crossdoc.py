"""One entity per real thing across articles, in memory: the canon's matching rule on its own.

``Resolver.add`` takes one article's entities and gives each a cluster id. Candidates come
from exact keys only (Wikidata id, a person's full name, an organisation's ``org_key``, an
alias), so work per entity stays flat however many articles came before; ``evidence.may_join``
decides each candidate. The store's canon applies the same decision; this module serves the
cross-document evaluation and anyone resolving a batch without a store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from newskb.model import Entity
from newskb.resolve.evidence import (
    Decision,
    Profile,
    may_join,
    placeless,
    profile_key,
    surname_join,
)
from newskb.resolve.keys import norm, org_key, person_tokens

_NAMED = ("name", "short")


def candidate_keys(name: str, etype: str, kb_id: str | None = None) -> set[str]:
    """Exact keys under which an entity of this name may meet its earlier mentions."""
    keys: set[str] = set()
    if kb_id:
        keys.add(f"kb:{kb_id}")
    if etype == "PERSON":
        toks = person_tokens(name)
        if len(toks) > 1:  # full names only; "D. Scavino" meets "Dan Scavino" by surname+initial
            keys.add(f"p:{toks[0][:1]}:{toks[-1]}")
            keys.add(f"s:{toks[-1]}")
    else:
        k = org_key(name)
        if k:
            keys.add(f"o:{k}")
        bare = placeless(name) if etype == "ORG" else ""
        if bare:
            keys.add(f"o:{bare}")  # "New Orleans Saints" meets "Saints"
        n = norm(name)
        if n:
            keys.add(f"n:{n}")
    return keys


def named_keys(entities: Sequence[Entity]) -> tuple[tuple[str, str], ...]:
    """(entity id, the key it is known by) of an article's named entities: the neighbours an
    entity's profile lists, worked out once per article rather than once per entity."""
    return tuple(
        (o.id, o.kb_id or profile_key(o.name, o.type))
        for o in entities
        if any(m.kind in _NAMED for m in o.mentions)
    )


class Neighbours:
    """An article's ``named_keys`` made ready to give each entity its neighbours' keys: the
    keys of every named entity but itself (its own key too when another entity has it), one
    set for the article rather than one walk of its entities per entity. Entity ids are unique
    within an article."""

    __slots__ = ("counts", "every", "own")

    def __init__(self, named: Sequence[tuple[str, str]]) -> None:
        self.every = frozenset(k for _i, k in named)
        self.own = dict(named)
        self.counts: dict[str, int] = {}
        for _i, k in named:
            self.counts[k] = self.counts.get(k, 0) + 1

    def around(self, eid: str) -> frozenset[str]:
        k = self.own.get(eid)
        if k is None or self.counts[k] > 1:
            return self.every
        return self.every - {k}


def entity_profile(
    e: Entity,
    others: Sequence[Entity],
    day: dt.date | None,
    named: Sequence[tuple[str, str]] | Neighbours | None = None,
) -> Profile:
    """The profile of one article's entity: its names, roles, neighbours and date.

    ``named``: ``named_keys(others)`` (or its ``Neighbours``) when the caller has it
    (profiling every entity of an article otherwise re-keys all the others each time:
    quadratic in the entities)."""
    if named is None:
        named = named_keys(others)
    if isinstance(named, Neighbours):
        context = named.around(e.id)
    else:
        context = frozenset(k for i, k in named if i != e.id)
    return Profile(
        name=e.name,
        type=e.type,
        aliases=e.aliases,
        kb_id=e.kb_id,
        roles=frozenset(e.roles),
        context=context,
        days=frozenset([day]) if day else frozenset(),
    )


@dataclass
class Resolver:
    """Clusters of entities across articles, with the evidence of every join."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=dict)
    joins: list[tuple[str, str, str]] = field(default_factory=list)  # (cluster, name, reason)
    merged: dict[str, str] = field(default_factory=dict)  # absorbed cluster -> absorbing one

    def _merge(self, cid: str, p: Profile) -> None:
        old = self.profiles[cid]
        aliases = tuple(dict.fromkeys((*old.aliases, p.name, *p.aliases)))
        self.profiles[cid] = dataclasses.replace(
            old,
            aliases=tuple(a for a in aliases if a != old.name),
            kb_id=old.kb_id or p.kb_id,
            roles=old.roles | p.roles,
            context=old.context | p.context,
            days=old.days | p.days,
        )

    def _index(self, cid: str, p: Profile) -> None:
        for n in (p.name, *p.aliases):
            for k in candidate_keys(n, p.type, p.kb_id):
                ids = self.index.setdefault(k, [])
                if cid not in ids:
                    ids.append(cid)

    def match(self, p: Profile) -> tuple[str | None, Decision | None]:
        words = person_tokens(p.name)
        if p.type == "PERSON" and len(words) == 1:
            same = self.index.get(f"s:{words[0]}", [])
            if len(same) != 1:
                return None, None  # no person, or several, of that surname
            d = surname_join(p, self.profiles[same[0]])
            return (same[0], d) if d.join else (None, None)
        seen: set[str] = set()
        for n in (p.name, *p.aliases):
            for k in sorted(candidate_keys(n, p.type, p.kb_id)):
                for cid in self.index.get(k, ()):
                    if cid in seen or cid in self.merged:
                        continue
                    seen.add(cid)
                    d = may_join(p, self.profiles[cid])
                    if d.join:
                        return cid, d
        return None, None

    def final(self, cid: str) -> str:
        """The cluster ``cid`` was merged into (itself when it stands)."""
        while cid in self.merged:
            cid = self.merged[cid]
        return cid

    def _absorb(self, cid: str) -> None:
        """Clusters under the same keys that the grown ``cid`` now has evidence for join it
        (the canon's ``merged_into``): what one article could not tell, later ones may."""
        p = self.profiles[cid]
        for n in (p.name, *p.aliases):
            for k in sorted(candidate_keys(n, p.type, p.kb_id)):
                for other in list(self.index.get(k, ())):
                    if other == cid or other in self.merged:
                        continue
                    d = may_join(self.profiles[other], self.profiles[cid])
                    if d.join:
                        self._merge(cid, self.profiles.pop(other))
                        self.merged[other] = cid
                        self.joins.append((cid, other, d.reason))

    def add(
        self, article_id: str, entities: Sequence[Entity], day: dt.date | None
    ) -> dict[str, str]:
        """Cluster id for each named entity of one article (entity id -> cluster id; a later
        article may merge that cluster into another: see ``final``)."""
        out: dict[str, str] = {}
        named = named_keys(entities)
        for e in entities:
            if not any(m.kind in _NAMED for m in e.mentions):
                continue
            p = entity_profile(e, entities, day, named)
            cid, d = self.match(p)
            if cid is None or d is None:
                cid = f"C{len(self.profiles) + len(self.merged) + 1}"
                self.profiles[cid] = p
            else:
                self._merge(cid, p)
                self.joins.append((cid, f"{article_id}:{e.name}", d.reason))
            self._index(cid, self.profiles[cid])
            self._absorb(cid)
            out[e.id] = cid
        return out
