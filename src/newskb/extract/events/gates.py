"""Precision gates: a trigger becomes an event only when it is used in its PLOVER sense.

A lexicon lemma is a candidate; what makes it a PLOVER event is who does it and to what
(issue 15, "precision first"). The gates, all read from the parse and the entity types:

- an agent that can act politically: a person, group, organisation, government or country.
  An active verb whose subject names none ("the earthquake struck", "it offers") is no event;
  a noun trigger with no actor is none either (an agreement's status change excepted: "the
  truce collapsed" needs no party); a passive without agent keeps its patient;
- the clause's domain: a natural disaster or an accident in the sentence makes no ASSAULT,
  a sport clause no conflict event;
- the sense a verb's arguments give it (``senses``): "offered a phone" is no promise,
  "sought comment" no demand, "cut bills" no sanction, "hosted the Oscars" no visit.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newskb.extract.events import senses
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles, subject
from newskb.extract.events.triggers import Trigger

# LOC too: "Ivory Coast rebels", a region's people named by the region (spaCy's type)
AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
# a natural disaster or an accident: deaths and damage in its clause are not an assault
DISASTER = frozenset(
    """earthquake quake tremor aftershock temblor storm hurricane typhoon cyclone tornado flood
    flooding landslide mudslide tsunami wildfire bushfire blaze eruption volcano avalanche
    drought blizzard crash accident collision derailment heatwave magnitude richter
    epicenter epicentre overdose""".split()
)
# a sport clause: "beat", "attack", "strike", "shot" are plays, not force
SPORT = frozenset(
    """match goal striker midfielder defender goalkeeper tournament championship league cup
    season playoff semifinal quarterfinal inning innings wicket touchdown penalty scorer
    coach squad fixture""".split()
)
PASSIVE_OK = frozenset(
    {"COERCE", "SANCTION", "ASSAULT", "RETREAT", "CONCEDE", "AID", "ACCUSE", "MOBILIZE"}
)
# a weapon or an attack as the subject: the attacker is unnamed, the force is real
FORCE_WORDS = frozenset(
    "bomb bombing explosion blast mine shell shelling rocket missile grenade gunfire attack "
    "attacker airstrike strike raid ambush gunman gunmen sniper drone mortar".split()
)


def agentive(eid: str, idx: EntityIndex) -> bool:
    """An entity that can act: a named person, organisation, state or group, or a group or role
    the events step made a participant for ("police", "the judge")."""
    return idx.types.get(eid) in AGENT_TYPES or eid in idx.parts.names


def _domain_blocks(trig: Trigger, sent: SpacySpan) -> bool:
    """A disaster or a sport in the sentence: deaths, hits and shots are not force."""
    if trig.type != "ASSAULT":
        return False
    lemmas = {t.lemma_.lower() for t in sent}
    return bool(lemmas & (DISASTER | SPORT))


def _force_subject(subj: Token) -> bool:
    """'A roadside bombing killed ...', 'Recent US Predator attacks have killed ...'."""
    return subj.lemma_.lower() in FORCE_WORDS and not _domain_word(subj)


def _domain_word(tok: Token) -> bool:
    return any(w.lemma_.lower() in DISASTER for w in tok.subtree)


def _explicit_subject(trig: Trigger) -> Token | None:
    """The subject word of an active verb or adjective trigger (None for a noun, a passive or
    a subject-less clause)."""
    head = trig.head
    if head.pos_ in ("NOUN", "PROPN"):
        return None
    if head.pos_ == "ADJ" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
    subj, passive = subject(head)
    if subj is not None and subj.i == trig.token.i:
        return None  # "negotiations will begin": the event noun is the light verb's subject
    return None if passive else subj


def _passive(trig: Trigger) -> bool:
    head = trig.head
    if head.pos_ in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or (
        head.tag_ == "VBN" and head.dep_ in ("acl", "amod")
    )


def keep(trig: Trigger, r: Roles, idx: EntityIndex, status_change: bool) -> bool:
    """Whether the trigger is an event in the PLOVER sense (see the module docstring)."""
    if status_change:
        return True
    if _domain_blocks(trig, trig.token.sent):
        return False
    if not senses.ok(trig, r, idx):
        return False
    actors = [a for a in r.actors if agentive(a, idx)]
    if r.actors and not actors:
        return False  # "the earthquake", "the iPhone", a place named as the doer
    if actors:
        return True
    # no actor: only a passive that names its patient ("three men were arrested") or force
    # done by an unnamed attacker ("a roadside bombing killed one soldier")
    subj = _explicit_subject(trig)
    if subj is not None:
        return trig.type == "ASSAULT" and _force_subject(subj)
    if trig.head.pos_ in ("NOUN", "PROPN") or trig.token.i != trig.head.i:
        return False
    return (
        _passive(trig)
        and trig.type in PASSIVE_OK
        and any(agentive(x, idx) for x in r.recipients)
    )
