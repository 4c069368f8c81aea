"""Wikidata ids for names already found and typed, from the generated tables
(``scripts/build_gazetteer.py``): ``places_wikidata.tsv`` (countries, subdivisions, cities of
15,000+) and ``gazetteer_wikidata.tsv`` (GUM's Wikified persons, organisations, events and
places; international bodies).

Only an id: these tables never find a name in text, retype one or rename one. Rules, for
precision: the type must agree (a person never gets an organisation's id; places only
``GPE``/``LOC``, a place of GUM's also ``FAC``); a person's name matches in full (two words
at least, never a surname alone); a name that two things of the type carry gets no id unless
the countries of the article leave one, or (cities) one is at least ``DOMINANT`` times as
populous as every other.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from importlib import resources

from newskb.model import KbEntry
from newskb.resolve import geo
from newskb.resolve.gazetteer import parse_tsv
from newskb.resolve.keys import norm, tokens

PLACE_TYPES = frozenset({"GPE", "LOC"})
DOMINANT = 5  # a city this many times as populous as every other of its name
STRONG = 20  # ... as every other, whatever the article's countries
SMALL = 100_000  # a city smaller than this abroad (not in the article's countries): no id
BIG_OTHER = 1_000_000  # a city known by the name as another name counts from this size


def _text(name: str) -> str:
    return (resources.files("newskb.resolve") / "data" / name).read_text("utf-8")


@functools.lru_cache(maxsize=1)
def _place_ids() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(``country:XX``/``geonames:N`` -> id, normalised subdivision name -> [(id or '', XX)])."""
    ids: dict[str, str] = {}
    subs: dict[str, list[tuple[str, str]]] = {}
    for line in _text("places_wikidata.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, key, qid = line.split("\t")
        if kind == "sub":
            name, _, cc = key.rpartition("|")
            subs.setdefault(norm(name), []).append((qid if qid.startswith("Q") else "", cc))
        else:
            ids[f"{'iso' if kind == 'country' else kind}:{key}"] = qid
    return ids, subs


@functools.lru_cache(maxsize=1)
def _others() -> dict[str, list[KbEntry]]:
    out: dict[str, list[KbEntry]] = {}
    for e in parse_tsv(_text("gazetteer_wikidata.tsv")):
        for alias in (e.name, *e.aliases):
            out.setdefault(norm(alias), []).append(e)
    return out


# one candidate: (Wikidata id or '', country, population or None for a country/subdivision)
_Cand = tuple[str, str, int | None]


def _id_of(e: KbEntry) -> str:
    return e.wikidata or _place_ids()[0].get(e.id, "")


def _place_candidates(name: str) -> list[_Cand]:
    key = norm(name)
    cands: list[_Cand] = [(q, cc, None) for q, cc in _place_ids()[1].get(key, [])]
    own = geo.own_cities(name)
    cities = own or [(r, e) for r, e in geo.other_cities(name) if r >= BIG_OTHER]
    cands += [(_id_of(e), e.country or "", rank) for rank, e in cities]
    seen: set[str] = set()
    out: list[_Cand] = []
    for c in cands:  # one thing met twice (a city that is also its own subdivision)
        if c[0] and c[0] in seen:
            continue
        seen.add(c[0])
        out.append(c)
    return out


def _dominant(cands: list[_Cand], times: int) -> _Cand | None:
    """The city ``times`` as populous as every other candidate, when all are cities."""
    if any(c[2] is None for c in cands):
        return None
    ranked = sorted(cands, key=lambda c: -(c[2] or 0))
    top = ranked[0]
    return top if all((c[2] or 0) * times <= (top[2] or 0) for c in ranked[1:]) else None


def place_qid(name: str, countries: Collection[str] = ()) -> str | None:
    """The Wikidata id of the place ``name`` names, or None when unknown or ambiguous."""
    country = geo.country(name)
    if country is not None:  # a country's name is the country (as ``link`` has it)
        code = name.replace(".", "").strip()
        if len(code) == 3 and not code.isupper():
            return None  # "Ala." is Alabama's abbreviation, not the code of the Aland Islands
        return _id_of(country) or None
    cands = _place_candidates(name)
    pick = cands[0] if len(cands) == 1 else (_dominant(cands, STRONG) if cands else None)
    if pick is None:
        near = [c for c in cands if c[1] in countries]
        subs = [c for c in near if c[2] is None]
        if len(subs) == 1 and all((c[2] or 0) < SMALL for c in near):
            pick = subs[0]  # the state of Oregon, not the town of Oregon, Ohio
        else:
            pick = near[0] if len(near) == 1 else (_dominant(near, DOMINANT) if near else None)
        far = [c[2] or 0 for c in cands if c[1] not in countries]
        if pick is not None and pick[2] is not None and any(p > pick[2] for p in far):
            pick = None  # the article's country has a Paris, Texas; the name is Paris, France's
    if pick is not None and countries and pick[1] not in countries and (pick[2] or 0) < SMALL:
        return None  # a town abroad the article never speaks of: Palm Beach, Queensland
    return (pick[0] or None) if pick is not None else None


def other_qid(name: str, etype: str, countries: Collection[str] = ()) -> str | None:
    """The Wikidata id of a person, organisation, event or other named thing of type ``etype``
    from ``gazetteer_wikidata.tsv``: same type, whole name; one candidate, or one of the
    article's countries."""
    if etype == "PERSON" and len(tokens(name)) < 2:
        return None
    hits = [
        e
        for e in _others().get(norm(name), [])
        if e.type == etype or (e.type == "LOC" and etype in PLACE_TYPES | {"FAC"})
    ]
    ids = {e.id for e in hits}
    if len(ids) > 1:
        ids = {e.id for e in hits if e.country and e.country in countries}
    return next(iter(ids)) if len(ids) == 1 and next(iter(ids)).startswith("Q") else None


def _hand_entry_id(kb: KbEntry) -> str | None:
    """An id for a hand gazetteer entry that has none: the generated row of the same type, name
    and country ("Republican Party", US: GUM's "Republican Party (United States)"). A row with
    no country never gives one (GUM's "Mike Johnson" need not be the Speaker)."""
    if not kb.country:
        return None
    ids = {
        e.id
        for e in _others().get(norm(kb.name), [])
        if e.type == kb.type and e.country == kb.country and e.id.startswith("Q")
    }
    return ids.pop() if len(ids) == 1 else None


def qid_for(kb: KbEntry | None, name: str, etype: str, countries: Collection[str]) -> str | None:
    """The Wikidata id for an article's entity: its gazetteer entry's, else a place's or another
    named thing's from the generated tables. A hand gazetteer entry without an id gets one
    only from a row of its type, name and country (``_hand_entry_id``)."""
    if kb is not None and kb.wikidata:
        return kb.wikidata
    if etype in PLACE_TYPES:
        found = place_qid(name, countries)
        return found or (other_qid(name, etype, countries) if kb is None else None)
    if kb is not None:
        return _hand_entry_id(kb) if kb.id.startswith("nkb:") else None
    return other_qid(name, etype, countries)
