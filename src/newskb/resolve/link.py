"""Link a name (with its context in one article) to a gazetteer entry or a place.

Exact aliases first; then spelling and transliteration variants found by blocking on phonetic
and prefix keys and scored by ``keys.similarity``, helped by context: a role the article gives
the person that the entry also holds, or the entry's country among the places of the article.
"""

from __future__ import annotations

from collections.abc import Collection

from newskb.model import KbEntry
from newskb.resolve import geo
from newskb.resolve.gazetteer import Gazetteer, load, place_entry
from newskb.resolve.keys import norm, same_surname, similarity, tokens

_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_GROUP = {"ORG", "GPE", "LOC", "FAC"}
ACCEPT = 0.88  # a variant with no supporting context
ACCEPT_WITH_CONTEXT = 0.80


def _compatible(etype: str, entry: KbEntry) -> bool:
    if etype == entry.type:
        return True
    return etype in _GROUP and entry.type in _GROUP


def _role_overlap(roles: Collection[str], entry: KbEntry) -> bool:
    said = {w for r in roles for w in tokens(r) if len(w) > 3}
    known = {w for r in entry.roles for w in tokens(r) if len(w) > 3}
    return bool(said & known)


def _context_bonus(entry: KbEntry, roles: Collection[str], countries: Collection[str]) -> bool:
    return _role_overlap(roles, entry) or (entry.country is not None and entry.country in countries)


def _pick(
    hits: list[KbEntry], roles: Collection[str], countries: Collection[str]
) -> KbEntry | None:
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0]
    backed = [e for e in hits if _context_bonus(e, roles, countries)]
    return backed[0] if len(backed) == 1 else None


def link_person(
    name: str,
    roles: Collection[str] = (),
    countries: Collection[str] = (),
    gaz: Gazetteer | None = None,
) -> KbEntry | None:
    g = gaz or load()
    exact = [e for e in g.exact(name) if e.type == "PERSON"]
    if exact:
        return _pick(exact, roles, countries)
    toks = tokens(name)
    if len(toks) == 1:
        return _pick(g.surname(toks[0]), roles, countries)
    best: tuple[float, KbEntry] | None = None
    for e in g.candidates(name):
        for alias in (e.name, *e.aliases):
            at = tokens(alias)
            if len(at) < 2 or (not same_surname(at[-1], toks[-1]) and at[-1] != toks[-1]):
                continue
            score = similarity(name, alias)
            need = ACCEPT_WITH_CONTEXT if _context_bonus(e, roles, countries) else ACCEPT
            if score >= need and (best is None or score > best[0]):
                best = (score, e)
    return best[1] if best else None


def link(
    name: str,
    etype: str,
    roles: Collection[str] = (),
    countries: Collection[str] = (),
    gaz: Gazetteer | None = None,
) -> KbEntry | None:
    """The entry ``name`` (of spaCy type ``etype``) refers to, or None when unsure."""
    if not norm(name):
        return None
    if etype == "PERSON":
        return link_person(name, roles, countries, gaz)
    g = gaz or load()
    hits = [e for e in g.exact(name) if _compatible(etype, e)]
    if hits:
        return _pick(hits, roles, countries)
    if etype in _PLACE_TYPES or (etype == "ORG" and norm(name).upper() == name.replace(".", "")):
        # places, and acronyms like "US" that spaCy sometimes calls ORG
        p = geo.country(name)
        if p is not None:
            return p
    if etype in _PLACE_TYPES:
        hit = geo.city(name, countries)
        if hit is not None and not _plausible_other_name(name, hit):
            return None
        return hit or place_entry(name)
    return None


def _plausible_other_name(name: str, hit: KbEntry) -> bool:
    """A city found under another of its names: only a spelling of its own name ("Kiev" /
    "Kyiv") or the old name of a big city ("Bombay"), not any short word some language uses
    for it ("Ava" is not Anshun, "Sam" is not Damascus)."""
    if norm(hit.name) == norm(name) or similarity(hit.name, name) >= 0.7:
        return True
    big = geo.other_cities(name)
    return len(norm(name)) > 4 and any(rank >= 1_000_000 for rank, _e in big)
