"""Merge evidence: may an article's entity join a canonical entity, and on what grounds?

A shared name is never enough for two people. ``may_join`` compares what each side is known
by (names, Wikidata id, roles, the organisations, places and people written beside it, the
days it was reported) and answers with a ``Decision`` whose ``reason`` says which evidence
joined them or kept them apart, so a merge can be shown and undone.

Pure: no store, no I/O. The canon builds a ``Profile`` for its candidate from what it has
stored (aliases, roles, co-mentioned canonical ids, publication dates) and one for the new
entity from its article.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from newskb.resolve.keys import (
    demonyms,
    norm,
    org_key,
    person_tokens,
    phonetic,
    similarity,
    tokens,
)
from newskb.resolve.nicknames import one_name

_GROUP = frozenset(["ORG", "GPE", "LOC", "FAC"])
# Types spaCy gives one name by turns (a film, its premiere, a franchise; a studio called a
# group of people, "Lionsgate" NORP): joined on the name and a neighbour, whatever the type
# (``_loose_join``); a demonym never.
LOOSE = frozenset(["MISC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP"])
NEAR_DAYS = 3  # reports this close in time are about one news event
NAME_MATCH = 0.9  # spelling variants of one full name ("Den Scavino" ~ "Dan Scavino")
# Role words too general to tell two people apart ("official", "leader").
_WEAK_ROLE = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "official",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "member",
        "head",
        "former",
        "new",
        "chief",
        "senior",
        "deputy",
    ]
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What one side is known by. ``context`` holds keys of the other entities written beside
    it (canonical ids, Wikidata ids or normalised names, whichever both sides use)."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    roles: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    days: frozenset[dt.date] = frozenset()


@dataclass(frozen=True, slots=True)
class Decision:
    join: bool
    reason: str


def _role_words(roles: frozenset[str]) -> set[str]:
    return {w for r in roles for w in tokens(r) if len(w) > 2 and w not in _WEAK_ROLE}


def given_agree(a: str, b: str) -> bool:
    """Two given names that may be one: equal, one an initial of the other, a prefix ("Rob" /
    "Robert"), a short form of the other (``nicknames``), or the same sound ("Caroline" /
    "Karoline")."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 3
    if one_name(a, b):  # "Katie" / "Kathryn", "Jerry" / "Jeremy"
        return True
    return phonetic(a) == phonetic(b) and similarity(a, b) >= 0.75


def _middles_agree(a: list[str], b: list[str]) -> bool:
    """Middle names that may be one person's: one side has none ("Richard Nixon" / "Richard
    M. Nixon"), or they agree word by word as initials or names ("C." / "Cheney")."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(
        x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y) for x, y in zip(a, b, strict=True)
    )


def _person_names(a: Profile, b: Profile) -> tuple[bool, str]:
    """Whether some full name of ``a`` and some full name of ``b`` can be one person's."""
    full_a = [t for t in (person_tokens(n) for n in (a.name, *a.aliases)) if len(t) > 1]
    full_b = [t for t in (person_tokens(n) for n in (b.name, *b.aliases)) if len(t) > 1]
    if not full_a or not full_b:
        return False, "a surname alone is no person across articles"
    clash = ""
    for x in full_a:
        for y in full_b:
            if x == y:
                return True, "same full name"
            if not given_agree(x[0], y[0]):
                clash = clash or f"given names differ: {x[0]} / {y[0]}"
                continue
            if x[-1] == y[-1]:
                # same given name, or one its short form ("Fred" / "Frederick C. LaRue")
                if _middles_agree(x[1:-1], y[1:-1]):
                    return True, "same name, a middle name, initial or short form apart"
                clash = clash or "middle names differ"  # George H. W. Bush / George W. Bush
                continue
            if similarity(" ".join(x), " ".join(y)) >= NAME_MATCH:
                return True, "spelling variant of the full name"
    return False, clash or "names differ"


def _shared(a: Profile, b: Profile) -> str | None:
    """The first piece of context the two sides agree on, described; None when none."""
    roles = sorted(_role_words(a.roles) & _role_words(b.roles))
    if roles:
        return f"role agrees: {roles[0]}"
    both = sorted(a.context & b.context)
    if both:
        return f"written beside {both[0]}"
    near = [
        (abs((x - y).days), x) for x in a.days for y in b.days if abs((x - y).days) <= NEAR_DAYS
    ]
    if near:
        return f"reported within {min(near)[0]} days"
    return None


def _org_keys(p: Profile) -> set[str]:
    return {k for k in (org_key(n) for n in (p.name, *p.aliases)) if k}


def surname_join(new: Profile, cand: Profile) -> Decision:
    """A surname alone (``new``, "Comeaux") joins a person known by full name (``cand``) only
    when the caller found no other person of that surname among the candidates, the surname
    is the candidate's, and two pieces of context agree (role, neighbours)."""
    words = person_tokens(new.name)
    if new.type != "PERSON" or cand.type != "PERSON" or len(words) != 1:
        return Decision(False, "not a surname alone")
    if not any(person_tokens(n)[-1:] == words for n in (cand.name, *cand.aliases)):
        return Decision(False, "surname differs")
    roles = sorted(_role_words(new.roles) & _role_words(cand.roles))  # sorted: the same text in
    both = sorted(new.context & cand.context)  # every process, whatever its string hashing
    if len(roles) + len(both) < 2:
        return Decision(False, "a surname alone needs two agreeing pieces of context")
    return Decision(True, f"only person of that surname; beside {', '.join([*roles, *both][:2])}")


def _loose_join(new: Profile, cand: Profile) -> Decision:
    """A name spaCy typed one way here and another way there ("Hunger Games" a work of art and
    an event, "Red Sox" MISC and ORG): one thing when the name is the same and something
    written beside it is too. Never a person: a person's name is no evidence on its own."""
    if "PERSON" in (new.type, cand.type):
        return Decision(False, f"types differ: {new.type} / {cand.type}")
    names = {norm(n) for n in (new.name, *new.aliases)} & {
        norm(n) for n in (cand.name, *cand.aliases)
    }
    if not names and "ORG" in (new.type, cand.type):  # "Red Sox" MISC, "Boston Red Sox" ORG
        bare_new = {placeless(n) for n in (new.name, *new.aliases)} - {""}
        bare_cand = {placeless(n) for n in (cand.name, *cand.aliases)} - {""}
        names = (bare_new & _org_keys(cand)) | (_org_keys(new) & bare_cand)
    if "NORP" in (new.type, cand.type):  # "American" the people is not American the airline
        names = {n for n in names if n not in demonyms() and demonyms().get(n[:-1]) is None}
    both = sorted(new.context & cand.context)
    if not names - {""} or not both:
        return Decision(
            False, f"types differ: {new.type} / {cand.type}, no name and neighbour agree"
        )
    return Decision(
        True, f"same name {min(names)}, typed {new.type} / {cand.type}; beside {both[0]}"
    )


def may_join(new: Profile, cand: Profile) -> Decision:
    """Whether ``new`` is the thing ``cand`` stands for, with the evidence either way."""
    if new.type != cand.type and (new.type in LOOSE or cand.type in LOOSE):
        return _loose_join(new, cand)
    if new.type != cand.type and not (new.type in _GROUP and cand.type in _GROUP):
        return Decision(False, f"types differ: {new.type} / {cand.type}")
    if new.kb_id and cand.kb_id:
        same = new.kb_id == cand.kb_id
        return Decision(same, f"{'same' if same else 'different'} Wikidata id")
    if new.type != "PERSON":
        keys = _org_keys(new) & _org_keys(cand)
        if not keys and "ORG" in (new.type, cand.type):
            # one side's name is the other's without its place ("Saints" / "New Orleans
            # Saints"; spaCy may call the team GPE); two "<place> Police Department"s are not
            # one because both drop their place to the same words
            bare_new = {placeless(n) for n in (new.name, *new.aliases)} - {""}
            bare_cand = {placeless(n) for n in (cand.name, *cand.aliases)} - {""}
            both = sorted((bare_new & _org_keys(cand)) | (_org_keys(new) & bare_cand))
            if both and new.context & cand.context:
                return Decision(True, f"same name without its place: {both[0]}, same company")
        if keys:
            return Decision(True, f"same name without legal form or spelling: {min(keys)}")
        return Decision(False, "names differ")
    ok, why = _person_names(new, cand)
    if not ok:
        return Decision(False, why)
    role_a, role_b = _role_words(new.roles), _role_words(cand.roles)
    support = _shared(new, cand)
    if support is None:
        return Decision(False, f"{why}, but no role, organisation, place, person or time agrees")
    if role_a and role_b and not role_a & role_b and not support.startswith("written"):
        return Decision(False, f"{why}, but roles differ: {min(role_a)} / {min(role_b)}")
    return Decision(True, f"{why}; {support}")


# What is left of a place's own name without its place ("Kansas City", "Brooklyn Bridge",
# "Orange County"): a kind of place, never a team's or firm's own name.
_PLACE_KIND = frozenset(
    [
        "city",
        "county",
        "state",
        "province",
        "district",
        "region",
        "island",
        "islands",
        "beach",
        "valley",
        "river",
        "lake",
        "bay",
        "hills",
        "heights",
        "park",
        "square",
        "street",
        "avenue",
        "road",
        "airport",
        "station",
        "bridge",
        "township",
        "village",
        "town",
        "parish",
        "borough",
        "area",
        "harbor",
        "harbour",
        "port",
        "falls",
        "springs",
    ]
)


@functools.lru_cache(maxsize=65536)
def placeless(name: str) -> str:
    """An organisation's name without a leading place ("New Orleans Saints" -> "saints"),
    or "" when it does not start with a known place, nothing is left, or what is left names a
    kind of place ("Kansas City", "Brooklyn Bridge")."""
    from newskb.resolve import geo

    words = name.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        if geo.place(" ".join(words[:k])) is not None:
            rest = org_key(" ".join(words[k:]))
            return "" if rest.rsplit(" ", 1)[-1] in _PLACE_KIND else rest
    return ""


@functools.lru_cache(maxsize=65536)
def profile_key(name: str, etype: str) -> str:
    """The key a co-mentioned entity is known by when no canonical id is at hand."""
    return org_key(name) if etype in _GROUP else norm(name)
