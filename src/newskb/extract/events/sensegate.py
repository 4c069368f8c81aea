"""Trigger senses that are no event of their PLOVER type (issue 15, round 2): the gate after
``newsgate``, in all news.

Written from the judged dev audits (PolNeAR 07f-07l, the ECB+ dev sample of 2026-12-08), each
sense from its arguments, not from the sampled words:

- an accusation needs someone accused: "attacked" with an object that is a thing with no
  owner ("attacked coal-power-plant emissions through the Clean Power Plan") is no ACCUSE
  (criticising a thing, "decried the lack of details", stays: the audits judged it both
  ways); an "attack" noun with no attacker (possessive, a name before it) and no one attacked
  ("on", "against") is a violent event or a strategy ("before the attacks", "the 2012
  Benghazi attacks", "an outsider-vs.-establishment attack"); "is to blame", "hesitancy to
  condemn", "would not be accused" report no accusation made;
- a request is addressed to someone: "call a debate" (no "for" / "on") schedules it; "pushing
  supporters onto the list" places them, "pushed her to be a stronger candidate" is rivalry; a
  lawsuit "demands" relief in court;
- "deny that ..." is a statement, "recognize that ..." is realising (no REJECT, no SUPPORT);
- a war "in case of" or "in the event of" is supposed, not fought;
- a release of a thing (a confession, a report, a product) frees no one (no RETREAT);
- a person "captured" (a fugitive, pirates) is arrested (COERCE), not assaulted (``retype``);
- a driver who "struck and killed" a pedestrian (a vehicle or a road accident in the sentence or
  in the article's lead, no weapon in either) caused a road accident, not an ASSAULT.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events import doubts, participants
from newskb.extract.events.lexicon import word_set
from newskb.extract.events.trustwords import RELUCTANCE

__all__ = ["keep", "retype"]

ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "CARDINAL", "ORDINAL", "TIME"})
HUMAN = (
    participants.PEOPLE
    | participants.BODIES
    | word_set(
        """rival candidate critic president nominee incumbent frontrunner challenger predecessor
        successor man woman men women leader member campaign establishment media press company
        firm administration person opponent boss colleague ally friend enemy family"""
    )
)
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what"})
ATTACK_NOUNS = frozenset({"attack", "assault"})
ATTACKER_PREPS = frozenset({"on", "against", "from", "by"})
SUPPOSING = frozenset({"would", "could", "might", "may"})
ADDRESSED = frozenset({"for", "on", "upon"})
PLACING = word_set("onto into off out through toward towards back aside across over")
BEING = word_set("be become remain stay seem look")
COURT_PAPERS = word_set("lawsuit suit complaint motion filing claim")
REALISING = word_set("recognize recognise acknowledge realize realise")
SUPPOSED = frozenset({"case", "event"})
FREED = participants.PEOPLE | word_set(
    "prisoner prisoners hostage hostages detainee captive man woman men women child"
)


def _someone(tok: Token) -> bool:
    """A person, group or body, or a thing of someone's ("the Cruz campaign's decision")."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in THING_PRONOUNS
    if tok.ent_type_ in ACTOR_ENTS or tok.pos_ == "PROPN" or tok.lemma_.lower() in HUMAN:
        return True
    return any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ACTOR_ENTS)
        for c in tok.children
    )


def _no_one_accused(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in ATTACK_NOUNS:
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        want = "nsubjpass" if passive else "dobj"
        targets = [c for c in tok.children if c.dep_ == want]
        return bool(targets) and not any(_someone(t) for t in targets)
    if tok.pos_ == "NOUN" and lemma in ATTACK_NOUNS:
        return not any(
            c.dep_ == "poss"
            or (c.dep_ in ("compound", "nmod") and c.ent_type_ not in PLACE_ENTS and _someone(c))
            or (c.dep_ == "prep" and c.lower_ in ATTACKER_PREPS)
            for c in tok.children
        )
    return False


def _no_accusation_made(tok: Token) -> bool:
    """'he is to blame', 'his hesitancy to condemn Duke', 'so he would not be accused'."""
    kids = list(tok.children)
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
    if to and tok.dep_ == "xcomp" and (tok.head.lemma_.lower() == "be" or tok.head.pos_ == "AUX"):
        return True
    if to and tok.dep_ == "acl" and tok.head.lemma_.lower() in RELUCTANCE:
        return True
    passive = any(c.dep_ == "auxpass" for c in kids)
    agent = any(c.dep_ == "agent" for c in kids)
    return passive and not agent and any(c.lower_ in SUPPOSING for c in kids)


def _no_request(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    xcomps = [c for c in kids if c.dep_ == "xcomp"]
    if lemma == "call":  # "called on", "called for": the word right after the verb
        return not xcomps and not any(c.lower_ in ADDRESSED and c.i == tok.i + 1 for c in kids)
    if lemma in ("push", "press"):
        placed = any(c.dep_ == "prep" and c.lower_ in PLACING for c in kids)
        being = [c for c in kids if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in BEING]
        return (placed and not xcomps) or bool(being)
    subj = [c for c in kids if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in COURT_PAPERS for s in subj)  # "the lawsuit demands ..."


def _statement(tok: Token, ptype: str) -> bool:
    """'Turkey denies that the crime was a genocide', 'leaders recognize that ...'."""
    lemma = tok.lemma_.lower()
    if not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return (ptype == "REJECT" and lemma == "deny") or (ptype == "SUPPORT" and lemma in REALISING)


def _supposed_war(tok: Token) -> bool:
    """'in case of a war against Iran', 'in the event of an attack'."""
    of = tok.head
    if tok.dep_ != "pobj" or of.lower_ != "of":
        return False
    noun = of.head
    return noun.lemma_.lower() in SUPPOSED and noun.head.lower_ == "in"


def _thing_released(tok: Token) -> bool:
    if tok.lemma_.lower() != "release" or tok.pos_ != "VERB":
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    objs = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    return bool(objs) and not any(
        o.ent_type_ in ACTOR_ENTS
        or o.pos_ == "PROPN"
        or (o.pos_ == "PRON" and o.lower_ not in THING_PRONOUNS)
        or o.lemma_.lower() in FREED
        for o in objs
    )


ROAD = doubts.VEHICLES | word_set("vehicular pedestrian pedestrians hit-and-run accident dui")
LEAD_SENTENCES = 3


def _words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}


def _road_accident(tok: Token) -> bool:
    """'LaSalle struck and killed her as she was walking' in an article whose lead tells of a
    hit and run: a vehicle or a road accident in the sentence or the lead, no weapon in either."""
    if tok.lemma_.lower() not in doubts.ROAD_FORCE:
        return False
    here = _words(list(tok.sent))
    first = [s for i, s in enumerate(tok.doc.sents) if i < LEAD_SENTENCES]
    lead = _words([t for s in first for t in s])
    if (here | lead) & doubts.WEAPONS:
        return False
    return bool((here | lead) & ROAD) or any("hit and run" in s.text.lower() for s in first)


def keep(tok: Token, ptype: str) -> bool:
    """Whether an event of PLOVER type ``ptype`` with trigger ``tok`` is used in its sense."""
    if ptype == "ACCUSE":
        return not (_no_one_accused(tok) or _no_accusation_made(tok))
    if ptype == "REQUEST":
        return not _no_request(tok)
    if ptype in ("REJECT", "SUPPORT"):
        return not _statement(tok, ptype)
    if ptype in ("ASSAULT", "THREATEN"):
        return not (_supposed_war(tok) or _road_accident(tok))
    if ptype == "RETREAT":
        return not _thing_released(tok)
    return True


ARRESTED = word_set(
    """fugitive fugitives suspect suspects pirate pirates escapee escapees criminal criminals
    gunman gunmen killer murderer robber robbers smuggler smugglers kidnapper kidnappers"""
)


def retype(tok: Token, event_type: str) -> str | None:
    """'Mr. Nichols was captured the next day', 'the navy captured 26 pirates': an arrest."""
    if event_type != "ASSAULT" or tok.lemma_.lower() != "capture" or tok.pos_ != "VERB":
        return None
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    objs = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if any(o.ent_type_ == "PERSON" or o.lemma_.lower() in ARRESTED for o in objs):
        return "COERCE"
    return None
