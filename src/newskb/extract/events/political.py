"""Who is a political actor: the sector test behind "an agent that can act politically".

PLOVER codes interactions between states, governments, armed and civil-society groups and their
people. An entity counts as political when it is a state, a people or a region (GPE, NORP, LOC),
an organisation whose name says it is a government body, force, party, court or
intergovernmental body ("Indian Navy", "House Select Committee", "UN"), a person with a public
role read next to the name ("President", "Foreign Minister", "police chief"), or an unnamed
group of such people or bodies made by the events step ("police", "protesters", "officials").
A company, a team, a newspaper, an award show or a celebrity is not, unless a role says so.
"""

from __future__ import annotations

import re

from newskb.extract.events.lexicon import word_set
from newskb.model import Entity

STATE_TYPES = frozenset({"GPE", "NORP", "LOC"})
# words naming a public body in an organisation's name (ours)
BODY_WORDS = word_set(
    """government ministry department administration authority agency bureau commission
    committee council cabinet parliament congress senate assembly legislature court tribunal
    police army navy military air force forces guard marines command militia brigade party
    union coalition alliance front movement opposition junta regime embassy consulate kremlin
    pentagon nations nato un eu imf unhcr unicef who osce asean opec interpol fbi cia nsa
    kgb fsb mossad hamas hezbollah taliban qaeda isis fatah plo carabinieri sheriff
    prosecutor prosecutors office state states federal republic kingdom monarchy presidency
    ministry-level bank reserve treasury jihad islamic liberation revolutionary national
    democratic community rights amnesty cross crescent international humanitarian"""
)
WHOLE_NAMES = frozenset({"white house", "downing street", "elysee", "blue house"})
# role words that make a person a public actor
ROLE_WORDS = word_set(
    """president minister premier chancellor senator congressman congresswoman governor mayor
    ambassador envoy diplomat admiral commander colonel lieutenant sergeant king queen prince
    emir sheikh sultan monarch lawmaker legislator mp official judge prosecutor
    attorney-general sheriff police policeman detective constable commissioner speaker
    party rebel militant activist cleric ayatollah pope dictator prime vice-president
    secretary-general secretary leader"""
)
# unnamed groups the events step makes that are not political actors
NOT_POLITICAL_GROUPS = word_set(
    """newspaper network journalist reporter doctor teacher employee victim pilgrim trader
    merchant miner crowd mob people population youth"""
)
_WORD = re.compile(r"[a-z][a-z\-]*")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower().replace(".", "")))


# an actor-dictionary code (CAMEO style: "USA", "GONMIL"), not a Wikidata id ("Q30")
DICTIONARY_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")


def is_political(entity: Entity) -> bool:
    """Whether a named entity (from the entities step) is a political actor; an entity an
    actor dictionary coded (``dictionary.add_entities``) is one by definition."""
    if entity.type in STATE_TYPES:
        return True
    if entity.kb_id and DICTIONARY_CODE.fullmatch(entity.kb_id):
        return True
    if entity.type == "ORG":
        name = entity.name.lower()
        return name in WHOLE_NAMES or bool(_words(entity.name) & BODY_WORDS)
    if entity.type == "PERSON":
        said = " ".join((*entity.roles, *entity.characterisations))
        return bool(_words(said) & ROLE_WORDS) or any(_ranked(r) for r in entity.roles)
    return False


def _ranked(role: str) -> bool:
    """'General', 'Lt. Gen.', 'Secretary of State' (not 'general manager', 'press secretary')."""
    words = role.lower().replace(".", "").split()
    return bool(words) and (
        words[-1] in ("general", "gen")
        or (words[0] == "secretary" and "of" in words)
        or (words[-1] in ("officer",) and "police" in words)
    )


def group_is_political(name: str) -> bool:
    """Whether an unnamed participant ("Greek police", "court officials") is one."""
    words = _words(name)
    head = name.lower().split()[-1] if name.split() else ""
    stems = {head, head.rstrip("s"), head[:-2] if head.endswith("es") else head}
    return not (stems & NOT_POLITICAL_GROUPS) or bool(words & BODY_WORDS - {"people"})
