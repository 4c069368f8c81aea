"""Doubtful types: wordings where the trigger's PLOVER type is more often wrong than right.

Precision first (issue 15): these make no event rather than a guess.

- a vehicle in a sentence of striking, hitting, killing or injuring with no weapon is a road
  accident, not ASSAULT ("struck twice by LaSalle's car");
- striking or hitting an object that is no target is an idiom ("struck oil", "hit a record");
- an act governed by a supposing modal through a control verb is a possibility, not an act
  ("any federal agency could choose to consult");
- negotiations or talks about a film, a role or a business deal between people with no
  political side are a contract, not CONSULT ("in negotiations to helm 'New Moon'");
- an investigation naming no one and no crime is no accusation ("the fire is under
  investigation"); approving or allowing without both sides is a vote or a permission ("voters
  approved a bond"); a thing "supported by" a foundation is funded, not SUPPORT.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events.lexicon import word_set
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles
from newskb.extract.events.triggers import Trigger

VEHICLES = word_set(
    """car cars truck trucks vehicle vehicles van vans bus buses suv suvs motorcycle
    motorcycles motorbike train trains tram taxi cab pickup lorry driver drivers motorist
    motorists crash crashes sedan jeep minivan tractor bicycle"""
)
# a weapon in the sentence: a car may be the scene, the force is real ("shot the driver")
WEAPONS = word_set(
    """gun guns gunman gunmen gunfire shot shots shoot shooting shooter bomb bombs bomber
    bombing explosion explosive explosives blast grenade knife knives stab stabbed stabbing
    rifle pistol missile rocket airstrike sniper fired"""
)
ROAD_FORCE = word_set("strike hit kill injure wound run knock mow crush")
IDIOM_OBJECTS = word_set(
    """oil gold chord note tone balance pose bargain blow nerve record records high highs low
    lows mark milestone jackpot button shelves market markets stores theaters theatres road
    ground wall target targets snag bottom peak"""
)
SUPPOSING = word_set("would could might may")
SHOWBIZ = word_set(
    """film films movie movies sequel prequel franchise studio studios starring helm
    director script screenplay album episode salary acquire acquisition merger buyout stake
    shares takeover sponsorship"""
)


def _sentence_words(tok: Token) -> frozenset[str]:
    words = {t.lower_ for t in tok.sent} | {t.lemma_.lower() for t in tok.sent}
    return frozenset(words)


def road_accident(trig: Trigger) -> bool:
    if trig.type != "ASSAULT" or trig.token.lemma_.lower() not in ROAD_FORCE:
        return False
    words = _sentence_words(trig.token)
    if any(f"{v} bomb" in trig.token.sent.text.lower() for v in ("car", "truck")):
        return False  # "a car bomb killed"
    return bool(words & VEHICLES) and not words & WEAPONS


def idiom(trig: Trigger) -> bool:
    tok = trig.token
    if tok.lemma_.lower() not in ("strike", "hit") or tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    return any(o.lemma_.lower() in IDIOM_OBJECTS or o.lower_ in IDIOM_OBJECTS for o in objs)


def supposed_choice(trig: Trigger) -> bool:
    cur = trig.head
    for _ in range(3):
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if any(c.dep_ == "aux" and c.lower_ in SUPPOSING for c in cur.children):
            return True
    return False


def showbiz_talks(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    if trig.type not in ("CONSULT", "AGREE"):
        return False
    if any(idx.types.get(x) in ("GPE", "NORP") for x in (*r.actors, *r.recipients)):
        return False  # states and peoples negotiate politically
    return bool(_sentence_words(trig.token) & SHOWBIZ)


INQUIRIES = word_set("investigate investigation probe inquiry")
CRIMES = word_set(
    """crime crimes robbery theft murder killing killings shooting break-in burglary fraud
    corruption bribery assault rape abuse kidnapping smuggling trafficking leak leaks
    bombing attack attacks arson"""
)
APPROVALS = word_set("approve allow")


def blind_inquiry(trig: Trigger, r: Roles) -> bool:
    """An investigation with no one and no crime investigated ('the fire is under
    investigation', 'police investigated with the FBI's help'): no accusation."""
    tok = trig.token
    if tok.lemma_.lower() not in INQUIRIES:
        return False
    if tok.pos_ == "VERB":  # what is investigated is an object, not a helper ("with the FBI")
        if any(c.dep_ in ("dobj", "nsubjpass") or c.lower_ == "into" for c in tok.children):
            return False
    elif r.recipients:
        return False
    sub = list(tok.subtree)
    words = {t.lemma_.lower() for t in sub} | {t.lower_ for t in sub}
    return not words & CRIMES


def empty_approval(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """Approving with no one conceded to and no political side ('voters approved a bond'), or
    being allowed with no one who allows ('they had been allowed to return'): a vote or a
    permission, no CONCEDE."""
    lemma = trig.token.lemma_.lower()
    if lemma == "allow":
        return not r.actors and _passive(trig.token)
    if lemma != "approve" or r.recipients:
        return False
    names = {**idx.parts.names, **idx.names}
    return not any(idx.political(x) and not _voters(names.get(x, "")) for x in r.actors)


def _voters(name: str) -> bool:
    return name.lower().split()[-1:] in (["voters"], ["residents"], ["shareholders"])


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def sponsored(trig: Trigger, r: Roles) -> bool:
    """'The study was supported by the Foundation': funding a thing, no SUPPORT of an actor."""
    return trig.type == "SUPPORT" and not r.recipients and _passive(trig.head)


def doubtful(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """Whether the trigger's type is doubtful enough to make no event (module docstring)."""
    return (
        road_accident(trig)
        or idiom(trig)
        or supposed_choice(trig)
        or showbiz_talks(trig, r, idx)
        or blind_inquiry(trig, r)
        or empty_approval(trig, r, idx)
        or sponsored(trig, r)
    )
