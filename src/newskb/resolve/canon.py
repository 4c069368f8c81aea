"""Canonical entities across articles: resolution at ingest and the user's alias/merge/split.

Pure logic over a ``CanonIndex`` (the store's canon tables: ``newskb.store.sql.canon``).
Resolution is near-linear: each entity is matched only against canon rows that share an exact
alias or a blocking key (``resolve.keys.person_keys``), never against all of them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from newskb.errors import NotFound
from newskb.model import Entity, Extraction
from newskb.resolve.gazetteer import local_id
from newskb.resolve.keys import norm, person_keys, same_surname, similarity, tokens
from newskb.resolve.link import link

MATCH = 0.9  # spelling variants of a person's full name merged across articles
BLOCK_LIMIT = 400  # candidates read per entity: bounded work however large the store grows


class CanonIndex(Protocol):
    """What the canon reads and writes through (a store implements it over its tables)."""

    def atomic(self) -> AbstractContextManager[object]: ...
    def merged_into(self, cid: str) -> str | None: ...
    def exists(self, cid: str) -> bool: ...
    def type_of(self, cid: str) -> str | None: ...
    def by_alias(self, alias_norm: str, etype: str | None) -> list[str]:
        """Live canonical ids with an alias of this normal form (of this type when given)."""
        ...

    def person_candidates(self, keys: Sequence[str], limit: int) -> list[tuple[str, str]]:
        """(canonical id, alias) of live persons sharing a blocking key."""
        ...

    def article_count(self, cid: str) -> int: ...
    def add_canon(self, cid: str, name: str, etype: str, kb_id: str | None, at: str) -> None: ...
    def add_alias(self, cid: str, alias: str, alias_norm: str, source: str) -> None: ...
    def add_keys(self, cid: str, keys: Iterable[str]) -> None: ...
    def add_roles(self, rows: Sequence[tuple[str, str, str, str, str | None]]) -> None: ...
    def link(self, article_id: str, local_id: str, cid: str) -> int: ...
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
    return ix.by_alias(norm(name), etype)


def _by_keys(ix: CanonIndex, name: str) -> str | None:
    """A person already known under a spelling variant of ``name`` (blocking, then scoring)."""
    toks = tokens(name)
    if len(toks) < 2:
        return None
    keys = sorted(person_keys(name))
    rows = ix.person_candidates(keys, BLOCK_LIMIT)
    best: tuple[float, str] | None = None
    for cid, alias in rows:
        at = tokens(alias)
        if len(at) < 2 or at[0][:1] != toks[0][:1] or not same_surname(at[-1], toks[-1]):
            continue
        score = similarity(name, alias)
        if score >= MATCH and (best is None or score > best[0]):
            best = (score, cid)
    return best[1] if best else None


def canon_id_for(ix: CanonIndex, e: Entity) -> tuple[str, str | None]:
    """(canonical id, Wikidata id) for an article's entity; may name a row not yet stored."""
    entry = link(e.name, e.type)
    if entry is not None and (e.kb_id is None or e.kb_id == entry.wikidata):
        return _final(ix, entry.id), entry.wikidata
    if e.kb_id:
        return _final(ix, e.kb_id), e.kb_id
    for n in (e.name, *e.aliases):
        hits = _by_alias(ix, n, e.type)
        if len(hits) == 1:
            return hits[0], None
    if e.type == "PERSON":
        hit = _by_keys(ix, e.name)
        if hit is not None:
            return hit, None
    return _final(ix, local_id(e.type, e.name)), None


def _add_alias(ix: CanonIndex, cid: str, alias: str, etype: str, source: str) -> None:
    if not norm(alias):
        return
    ix.add_alias(cid, alias, norm(alias), source)
    if etype == "PERSON":
        ix.add_keys(cid, person_keys(alias))


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
        for e in x.entities:
            if not any(m.kind in ("name", "short") for m in e.mentions):
                continue
            cid, kb = canon_id_for(ix, e)
            ix.add_canon(cid, e.name, e.type, kb, now)
            for n in dict.fromkeys((e.name, *e.aliases)):
                _add_alias(ix, cid, n, e.type, "text")
            rows = [(cid, "role", r, a.id, published) for r in e.roles]
            rows += [(cid, "characterisation", r, a.id, published) for r in e.characterisations]
            ix.add_roles(rows)
            written += ix.link(a.id, e.id, cid)
    return written


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
