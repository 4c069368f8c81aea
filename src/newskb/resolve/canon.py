"""Canonical entities across articles: resolution at ingest and the user's alias/merge/split.

Pure logic over a ``CanonIndex`` (the store's canon tables: ``newskb.store.sql.canon``).
Resolution is near-linear: each entity is matched only against canon rows that share an exact
alias or a blocking key (``resolve.keys.person_keys``, an organisation's ``org_key``), never
against all of them. Each candidate is then decided by ``resolve.evidence.may_join`` on a bounded
profile of what the store knows about it (issue 17: a shared name alone never joins two people);
every join is written to the edit log with the evidence that made it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from newskb.errors import NotFound
from newskb.model import Entity, Extraction
from newskb.resolve.crossdoc import Neighbours, entity_profile, named_keys
from newskb.resolve.evidence import (
    LOOSE,
    Decision,
    Profile,
    given_agree,
    may_join,
    placeless,
    surname_join,
)
from newskb.resolve.forms import as_resolved
from newskb.resolve.gazetteer import local_id
from newskb.resolve.keys import (
    norm,
    org_key,
    person_keys,
    person_tokens,
    same_surname,
    similarity,
    tokens,
)
from newskb.resolve.link import link

MATCH = 0.9  # spelling variants of a person's full name merged across articles
BLOCK_LIMIT = 400  # candidates read per entity: bounded work however large the store grows
MAX_CANDIDATES = 12  # canon rows profiled per entity
PROFILE_LIMIT = 200  # rows read per part of one candidate's profile (aliases, roles, context)


class CanonIndex(Protocol):
    """What the canon reads and writes through (a store implements it over its tables)."""

    def atomic(self) -> AbstractContextManager[object]: ...
    def merged_into(self, cid: str) -> str | None: ...
    def exists(self, cid: str) -> bool: ...
    def type_of(self, cid: str) -> str | None: ...
    def by_alias(self, alias_norm: str, etype: str | None, limit: int | None = None) -> list[str]:
        """Live canonical ids with an alias of this normal form (of this type when given); with
        ``limit``, the first ``limit`` of them (the same order)."""
        ...

    def person_candidates(self, keys: Sequence[str], limit: int) -> list[tuple[str, str]]:
        """(canonical id, alias) of live persons sharing a blocking key."""
        ...

    def key_candidates(self, keys: Sequence[str], limit: int) -> list[str]:
        """Live canonical ids (any type) holding one of these keys (``o:`` organisation keys)."""
        ...

    def profile(self, cid: str, limit: int) -> Profile | None:
        """What the store knows of ``cid`` for ``may_join``: name, aliases, Wikidata id, roles,
        the entities written beside it in its articles, its articles' days (each part at most
        ``limit`` rows); None when no such row."""
        ...

    def article_count(self, cid: str) -> int: ...
    def add_canon(self, cid: str, name: str, etype: str, kb_id: str | None, at: str) -> None: ...
    def add_alias(self, cid: str, alias: str, alias_norm: str, source: str) -> None: ...
    def add_keys(self, cid: str, keys: Iterable[str]) -> None: ...
    def add_roles(self, rows: Sequence[tuple[str, str, str, str, str | None]]) -> None: ...
    def link(self, article_id: str, local_id: str, cid: str) -> int: ...
    def link_of(self, article_id: str, local_id: str) -> str | None: ...
    def log(self, op: str, detail: str, at: str) -> None: ...
    def fold(self, keep: str, drop: str) -> None:
        """Move ``drop``'s aliases, keys, roles and article links to ``keep``; mark it merged."""
        ...

    def links(self, cid: str) -> list[tuple[str, str]]: ...
    def mention_texts(self, article_id: str, local_id: str) -> list[str]: ...
    def drop_alias(self, cid: str, alias_norm: str) -> None: ...
    def move_link(self, article_id: str, local_id: str, old: str, new: str) -> None: ...
    def unlinked(self) -> list[Extraction]:
        """Stored current articles with entities but no canon links yet."""
        ...


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _final(ix: CanonIndex, cid: str) -> str:
    for _ in range(32):
        nxt = ix.merged_into(cid)
        if nxt is None:
            return cid
        cid = nxt
    return cid


def _by_alias(ix: CanonIndex, name: str, etype: str) -> list[str]:
    # the first MAX_CANDIDATES are all ``_candidates`` can keep from one alias: a name no
    # evidence joins ("Elian" alone, a new row each time) may hold thousands of rows
    return ix.by_alias(norm(name), etype, MAX_CANDIDATES)


def _by_keys(ix: CanonIndex, name: str) -> list[str]:
    """Persons known under a spelling variant of ``name`` (blocking, then scoring), best first."""
    toks = tokens(name)
    if len(toks) < 2:
        return []
    keys = sorted(person_keys(name))
    rows = ix.person_candidates(keys, BLOCK_LIMIT)
    best: dict[str, float] = {}
    full = person_tokens(name)
    for cid, alias in rows:
        at = tokens(alias)
        if len(at) < 2 or at[0][:1] != toks[0][:1] or not same_surname(at[-1], toks[-1]):
            continue
        score = similarity(name, alias)
        words = person_tokens(alias)
        if (
            len(full) > 1
            and len(words) > 1
            and words[-1] == full[-1]
            and given_agree(words[0], full[0])
        ):
            score = max(score, MATCH)  # "Mark Heller" / "Mark Jay Heller", "Fred" / "Frederick"
        if score >= MATCH and score > best.get(cid, 0.0):
            best[cid] = score
    return sorted(best, key=lambda c: (-best[c], c))


def _org_keys(name: str) -> set[str]:
    k = org_key(name)
    return {f"o:{k}"} if k else set()


def _bare_keys(name: str) -> set[str]:
    """``o:`` key of a group's name without a leading place: "New Orleans Saints" is found
    under "saints" (``evidence.may_join`` then asks for a shared neighbour); read after the
    exact keys, so a crowded block never hides an exact match."""
    k = placeless(name)
    return {f"o:{k}"} if k else set()


def _candidates(ix: CanonIndex, e: Entity) -> list[str]:
    """Live canon rows ``e`` may be: same alias, same person or organisation key, its own id."""
    found: list[str] = []
    for n in (e.name, *e.aliases):
        found += _by_alias(ix, n, e.type)
    if e.type != "PERSON":  # the same name under another type (``evidence.LOOSE``)
        for n in (e.name, *e.aliases):
            found += [c for c in ix.by_alias(norm(n), None) if _loose_pair(ix, e.type, c)]
    base = local_id(e.type, e.name)
    if ix.exists(base):
        found.append(_final(ix, base))
    if e.type == "PERSON":
        found += _by_keys(ix, e.name)
    else:
        names = (e.name, *e.aliases)
        keys = sorted({k for n in names for k in _org_keys(n)})
        if keys:
            found += ix.key_candidates(keys, MAX_CANDIDATES)
        bare = sorted({k for n in names for k in _bare_keys(n)} - set(keys))
        if bare:
            found += ix.key_candidates(bare, MAX_CANDIDATES)
    return list(dict.fromkeys(found))[:MAX_CANDIDATES]


def _loose_pair(ix: CanonIndex, etype: str, cid: str) -> bool:
    other = ix.type_of(cid)
    return other not in (None, "PERSON", etype) and (etype in LOOSE or other in LOOSE)


def _fresh_id(ix: CanonIndex, e: Entity) -> str:
    """``e``'s own id, or with ``~2``, ``~3``... when another entity of that name holds it.

    Only this function makes ``~n`` ids (a local id has no ``~``), always the first free one,
    and canon rows are never deleted: the ids taken are ``base``, ``base~2`` ... ``base~k``
    with no gap, so the first free one is found by doubling then halving (a name no evidence
    joins gets a row per article: walking them one by one grew with the store)."""
    base = local_id(e.type, e.name)
    if not ix.exists(base):
        return base
    lo, hi = 1, 2  # base~lo is taken (1: base itself), base~hi is being tried
    while ix.exists(f"{base}~{hi}"):
        lo, hi = hi, hi * 2
    while hi - lo > 1:  # base~lo taken, base~hi free: the first free one is in (lo, hi]
        mid = (lo + hi) // 2
        if ix.exists(f"{base}~{mid}"):
            lo = mid
        else:
            hi = mid
    return f"{base}~{hi}"


def resolve_entity(ix: CanonIndex, e: Entity, p: Profile) -> tuple[str, str | None, str | None]:
    """(canonical id, Wikidata id, the evidence that joined it) for an article's entity whose
    profile is ``p``; the id may name a row not yet stored (then the evidence is None)."""
    entry = link(e.name, e.type)
    if entry is not None and (e.kb_id is None or e.kb_id == entry.wikidata):
        return _final(ix, entry.id), entry.wikidata, None
    if e.kb_id:
        return _final(ix, e.kb_id), e.kb_id, None
    cands = _candidates(ix, e)
    if e.type == "PERSON" and len(person_tokens(e.name)) == 1:
        profiles = [(c, ix.profile(c, PROFILE_LIMIT)) for c in cands]
        # a surname alone: only when it is the one such person, counting the rows of that
        # surname alone as no other person when one has a full name ("Gupta" thrice beside
        # Sanjay Gupta)
        people = [(c, q) for c, q in profiles if q is not None and q.type == "PERSON"]
        people = [(c, q) for c, q in people if _full_person(q)] or people
        if len(people) == 1:
            d = surname_join(p, people[0][1])
            if d.join:
                return people[0][0], None, d.reason
    else:
        for cid in cands:  # profiled one at a time: the candidates after a join are not read
            q = ix.profile(cid, PROFILE_LIMIT)
            if q is None:
                continue
            d = may_join(p, q)
            if d.join:
                return cid, None, d.reason
    return _fresh_id(ix, e), None, None


def _full_person(q: Profile) -> bool:
    return q.type == "PERSON" and any(len(person_tokens(n)) > 1 for n in (q.name, *q.aliases))


def canon_id_for(ix: CanonIndex, e: Entity, p: Profile | None = None) -> tuple[str, str | None]:
    """(canonical id, Wikidata id) for an article's entity; may name a row not yet stored."""
    cid, kb, _why = resolve_entity(ix, e, p or entity_profile(e, (), None))
    return cid, kb


def _add_alias(ix: CanonIndex, cid: str, alias: str, etype: str, source: str) -> None:
    if not norm(alias):
        return
    ix.add_alias(cid, alias, norm(alias), source)
    if etype == "PERSON":
        ix.add_keys(cid, person_keys(alias))
    else:
        ix.add_keys(cid, _org_keys(alias) | _bare_keys(alias))


def resolve_batch(ix: CanonIndex, extractions: Iterable[Extraction]) -> int:
    """Link every entity of the given (stored) articles to a canonical entity.

    Call inside the batch's transaction, after the articles and their entities are written.
    Idempotent: re-resolving an article changes nothing. Returns the number of links written.
    """
    written = 0
    now = _now()
    for x in extractions:
        a = x.article
        published = a.published.isoformat() if a.published else None
        day = a.published.date() if isinstance(a.published, dt.datetime) else a.published
        named = Neighbours(named_keys(x.entities))
        head_end = a.text.find("\n") % (len(a.text) + 1)  # the first line (-1: all of it)
        ents = [as_resolved(o, head_end) for o in x.entities]
        ents = [e for e in ents if any(m.kind in ("name", "short") for m in e.mentions)]
        ents.sort(key=_name_length)  # the article's longest person names first
        full: dict[tuple[str, ...], dict[str, str]] = {}  # name end -> canonical id -> name
        for e in ents:
            prof = entity_profile(e, x.entities, day, named)
            cid, kb, why = _sibling(full, e) or (
                (_fresh_id(ix, e), None, None)
                if _ambiguous(full, e)  # "Jenkin" beside John and Katie Jenkin
                else resolve_entity(ix, e, prof)
            )
            words = tuple(person_tokens(e.name)) if e.type == "PERSON" else ()
            for k in range(1, len(words)):
                full.setdefault(words[k:], {})[cid] = e.name
            ix.add_canon(cid, e.name, e.type, kb, now)
            if why is not None and ix.link_of(a.id, e.id) != cid:
                _edit(ix, "join", canon=cid, article=a.id, entity=e.name, evidence=why)
            for n in dict.fromkeys((e.name, *e.aliases)):
                _add_alias(ix, cid, n, e.type, "text")
            rows = [(cid, "role", r, a.id, published) for r in e.roles]
            rows += [(cid, "characterisation", r, a.id, published) for r in e.characterisations]
            ix.add_roles(rows)
            written += ix.link(a.id, e.id, cid)
            _absorb(ix, cid, e, prof, now)
    return written


def _name_length(e: Entity) -> int:
    return -len(person_tokens(e.name)) if e.type == "PERSON" else 0


def _ambiguous(full: dict[tuple[str, ...], dict[str, str]], e: Entity) -> bool:
    """Whether the article names two people in full that this person's name could be."""
    return e.type == "PERSON" and len(full.get(tuple(person_tokens(e.name)), {})) > 1


def _sibling(
    full: dict[tuple[str, ...], dict[str, str]], e: Entity
) -> tuple[str, str | None, str] | None:
    """The person a surname alone (or the end of a name: "Lo Presti") stands for when its own
    article names one person in full that way ("Riva" written before "Paul Riva", which
    in-article coreference, reading forwards, left apart): (canonical id, no Wikidata id, the
    evidence); None otherwise."""
    if e.type != "PERSON":
        return None
    people = full.get(tuple(person_tokens(e.name)), {})
    if len(people) != 1:
        return None
    cid, name = next(iter(people.items()))
    return cid, None, f"the article's only person of that surname: {name}"


def _absorb(ix: CanonIndex, cid: str, e: Entity, p: Profile, now: str) -> None:
    """Fold into ``cid`` the other candidates of ``e`` that ``cid``, grown by this article, now
    has evidence for (what one article could not tell, a later one may); logged as merges.
    People are only bridged (``_bridges``): one article's wrong alias ("John Jenkin" inside
    Katie Jenkin) would fold whole families together (ECB+ dev 1-35: +4 points recall, -0.5
    precision)."""
    others = [c for c in _candidates(ix, e) if c != cid]
    if not others:
        return
    grown = ix.profile(cid, PROFILE_LIMIT)
    if grown is None:
        return
    for other in others:
        q = ix.profile(other, PROFILE_LIMIT)
        if q is None or ix.merged_into(other) is not None:
            continue
        d = _bridges(p, q, grown) if e.type == "PERSON" else may_join(q, grown)
        if d.join:
            ix.fold(cid, other)
            ix.log("merge", json.dumps({"keep": cid, "drop": other, "evidence": d.reason}), now)


def _bridges(p: Profile, q: Profile, grown: Profile) -> Decision:
    """Whether one article's person ``p``, joined to ``grown``, shows that ``q`` (a row of the
    same full name kept apart for want of evidence) is that person too: ``p`` joins each of
    them on its own name and theirs, aliases aside ("Lindsay Lohan" beside Betty Ford, and
    beside her lawyer: two rows until one article names both). ECB+ odd topics 1-35: pair
    recall 0.640 -> 0.715, precision 0.979 -> 0.981."""
    bare = dataclasses.replace(p, aliases=())
    d = may_join(bare, dataclasses.replace(q, aliases=()))
    if not d.join or not may_join(bare, dataclasses.replace(grown, aliases=())).join:
        return Decision(False, "no article names both")
    if person_tokens(q.name) != person_tokens(grown.name):
        return Decision(False, "full names differ")
    return Decision(True, f"bridged by one article: {d.reason}")


def _edit(ix: CanonIndex, op: str, **detail: str) -> None:
    ix.log(op, json.dumps(detail), _now())


def find(ix: CanonIndex, ref: str) -> str:
    """The canonical id for an id or a name/alias (exact, then case-insensitive)."""
    if ix.exists(ref):
        return _final(ix, ref)
    ids = ix.by_alias(norm(ref), None)
    if not ids:
        raise NotFound(f"no entity called {ref!r}")
    # the one most articles talk about
    return sorted(ids, key=lambda c: -ix.article_count(c))[0] if len(ids) > 1 else ids[0]


def add_alias(ix: CanonIndex, ref: str, alias: str) -> str:
    """Give the entity ``ref`` (id or name) one more alias; return its canonical id."""
    cid = find(ix, ref)
    etype = ix.type_of(cid) or ""
    with ix.atomic():
        _add_alias(ix, cid, alias, etype, "user")
        _edit(ix, "alias", canon=cid, alias=alias)
    return cid


def merge(ix: CanonIndex, keep_ref: str, drop_ref: str) -> str:
    """Fold ``drop`` into ``keep``: its aliases, roles and article links move over."""
    keep, drop = find(ix, keep_ref), find(ix, drop_ref)
    if keep == drop:
        return keep
    with ix.atomic():
        ix.fold(keep, drop)
        _edit(ix, "merge", keep=keep, drop=drop)
    return keep


def split(ix: CanonIndex, ref: str, alias: str) -> str:
    """Move the articles that call the entity ``alias`` to a new canonical entity."""
    cid = find(ix, ref)
    etype, key = ix.type_of(cid) or "", norm(alias)
    new = local_id(etype, alias)
    n = 1
    while ix.exists(new):
        n += 1
        new = f"{local_id(etype, alias)}-{n}"
    moved = [
        (aid, lid)
        for aid, lid in ix.links(cid)
        if any(norm(t) == key for t in ix.mention_texts(aid, lid))
    ]
    with ix.atomic():
        ix.add_canon(new, alias, etype, None, _now())
        ix.drop_alias(cid, key)
        _add_alias(ix, new, alias, etype, "user")
        for aid, lid in moved:
            ix.move_link(aid, lid, cid, new)
        _edit(ix, "split", canon=cid, alias=alias, new=new)
    return new


def sync(ix: CanonIndex) -> int:
    """Resolve stored articles that have entities but no links yet (stores ingested before)."""
    pending = ix.unlinked()
    if not pending:
        return 0
    with ix.atomic():
        return resolve_batch(ix, pending)
