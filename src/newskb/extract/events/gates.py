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

from newskb.extract.events import domain, doubts, senses
from newskb.extract.events.lexicon import word_set
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles, headline_passive, reduced_passive, subject
from newskb.extract.events.triggers import Trigger

# LOC too: "Ivory Coast rebels", a region's people named by the region (spaCy's type)
AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
PASSIVE_OK = frozenset(
    {"COERCE", "SANCTION", "ASSAULT", "RETREAT", "CONCEDE", "AID", "ACCUSE", "MOBILIZE"}
)
# a weapon or an attack as the subject: the attacker is unnamed, the force is real
FORCE_WORDS = word_set(
    """
    bomb bombing explosion blast mine shell shelling rocket missile grenade gunfire attack
    attacker airstrike strike raid ambush gunman gunmen sniper drone mortar device ied explosive
    """
)


def agentive(eid: str, idx: EntityIndex) -> bool:
    """An entity that can act: a named person, organisation, state or group, or a group or role
    the events step made a participant for ("police", "the judge")."""
    return idx.types.get(eid) in AGENT_TYPES or eid in idx.parts.names


CONTESTS = frozenset({"beat", "defeat", "capture", "crush", "rout", "trounce", "win"})
# what a sport article can still report: arrests and charges
SPORT_KEEPS = frozenset({"COERCE", "ACCUSE"})


def _domain_blocks(trig: Trigger, sent: SpacySpan, sport: bool) -> bool:
    """A disaster in the sentence: deaths and damage are not force; in a sport article only
    arrests and charges are events."""
    if sport and trig.type not in SPORT_KEEPS:
        return True
    if trig.type in ("ASSAULT", "COERCE") and trig.token.lemma_.lower() in CONTESTS:
        return domain.electoral_clause(list(sent))  # "Sanders would beat Trump in the polls"
    return trig.type == "ASSAULT" and domain.disaster_clause(list(sent))


def _force_subject(subj: Token) -> bool:
    """'A roadside bombing killed ...', 'Recent US Predator attacks have killed ...'."""
    return subj.lemma_.lower() in FORCE_WORDS and not _domain_word(subj)


def _domain_word(tok: Token) -> bool:
    return domain.disaster_clause(list(tok.subtree))


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
    return None if passive or headline_passive(head) or reduced_passive(head, subj) else subj


def _passive(trig: Trigger) -> bool:
    head = trig.head
    if head.pos_ in ("NOUN", "PROPN"):
        return False
    return (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
        or (head.tag_ == "VBN" and head.dep_ in ("acl", "amod"))
        or headline_passive(head)
        or reduced_passive(head, subject(head)[0])
    )


def _modifier_participle(trig: Trigger) -> bool:
    """A bare participle of a commitment verb modifies a noun: it tells of an agreement made
    before, it is not a new act (whatever the parse attaches it to)."""
    tok = trig.token
    return (
        tok.i == trig.head.i
        and tok.tag_ == "VBN"
        and tok.dep_ != "ROOT"
        and not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj") for c in tok.children)
        and (trig.entry.kind == "control" or trig.type not in ANY_SECTOR)
    )


def _agent_phrase(trig: Trigger) -> bool:
    """A passive's 'by' phrase naming a doer that is no one ('destroyed by a fire'); a weapon
    ('killed by an improvised explosive device') is force by someone unnamed."""
    agents = [p for c in trig.head.children if c.dep_ == "agent" for p in c.children]
    return bool(agents) and not any(_force_subject(p) for p in agents)


# crime and force are coded whoever does them; everything else is an interaction PLOVER codes
# between political actors (a state, a government body, a party, a public figure, a group)
ANY_SECTOR = frozenset({"ASSAULT", "COERCE", "PROTEST"})
LEGAL_MODES = frozenset({"allege", "investigate"})


def _needs_political(trig: Trigger) -> bool:
    if trig.type in ANY_SECTOR:
        return False
    return not (trig.type == "ACCUSE" and trig.mode in LEGAL_MODES)


def _private_inquiry(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """An investigation by a private person or a newspaper ("the Washington Post's
    investigation", "an investigation by Andrew Halcro") is no ACCUSE: PLOVER's investigate
    is done by authorities."""
    if trig.type != "ACCUSE" or trig.mode != "investigate":
        return False
    return any(
        (idx.types.get(a) == "PERSON" and not idx.political(a)) or _press(idx.names.get(a, ""))
        for a in r.actors
    )


PRESS = frozenset(
    [
        "post",
        "times",
        "journal",
        "news",
        "herald",
        "tribune",
        "gazette",
        "press",
        "daily",
        "magazine",
        "telegraph",
        "guardian",
        "observer",
        "chronicle",
        "newspaper",
        "reuters",
        "associated",
    ]
)


def _press(name: str) -> bool:
    return bool(set(name.lower().split()) & PRESS)


# words of an accusation: an act inside their "with"/"of"/"for" phrase is what is alleged, not
# an event the text reports ("charged with inciting a riot", "accused of attacking a staffer")
ACCUSATION = frozenset(
    [
        "charge",
        "accuse",
        "suspect",
        "suspicion",
        "convict",
        "indict",
        "allegation",
        "accusation",
        "arrest",
        "allege",
        "guilty",
        "acquit",
        "acquittal",
        "conviction",
        "indictment",
        "trial",
        "try",
    ]
)
ALLEGED_PREPS = frozenset({"with", "of", "for", "over", "on"})
CLIMB = frozenset(
    {"pobj", "pcomp", "prep", "dobj", "conj", "compound", "amod", "nmod", "xcomp", "advcl",
     "ccomp", "acl", "mark", "aux"}
)  # fmt: skip


def _alleged(trig: Trigger) -> bool:
    cur = trig.token
    for _ in range(6):
        if cur.dep_ not in CLIMB or cur.head.i == cur.i:
            return False
        if (
            cur.dep_ == "prep"
            and cur.lower_ in ALLEGED_PREPS
            and cur.head.lemma_.lower() in ACCUSATION
        ):
            return True
        if cur.dep_ in ("advcl", "ccomp", "acl") and cur.head.lemma_.lower() in ACCUSATION:
            return True  # "allegations he had destroyed documents", "charged ... because he
            # intended to kill someone"
        cur = cur.head
    return False


# "asked if the US intended to attack", "wondered whether talks would resume": a question
ASKING = frozenset(
    ["ask", "wonder", "question", "doubt", "know", "unclear", "clear", "sure", "decide", "see"]
)
QUESTION_MARKS = frozenset({"if", "whether"})
CHANCE = frozenset({"chance", "happen"})


def _asked(trig: Trigger) -> bool:
    cur = trig.head
    for _ in range(5):
        if any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in cur.children) and (
            cur.head.lemma_.lower() in ASKING
        ):
            return True
        if cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep"):
            return False
        cur = cur.head
    return False


SUPPOSING = frozenset({"would", "could", "might", "may"})


def _supposed(trig: Trigger) -> bool:
    """A noun trigger that is the subject of a supposition ("warned that a blockade would harm
    all countries", "an embargo could fail"): talk about an act, not one."""
    tok = trig.token
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "aux" and c.lower_ in SUPPOSING for c in tok.head.children)
    )


# nouns that weigh an act rather than report it ("the wisdom of launching attacks")
PROSPECTS = frozenset(
    [
        "wisdom",
        "idea",
        "possibility",
        "option",
        "options",
        "prospect",
        "prospects",
        "risk",
        "fear",
        "fears",
        "merit",
        "merits",
    ]
)


def _prospect(trig: Trigger) -> bool:
    cur = trig.token
    for _ in range(5):
        if cur.dep_ not in ("pobj", "pcomp", "prep", "dobj", "compound") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in PROSPECTS:
            return True
    return False


# what a rule or a report says is its content, not an act ("the Bush rule prohibited
# consultations", "the law allows agencies to ...")
DOCUMENTS = frozenset(
    [
        "rule",
        "rules",
        "law",
        "laws",
        "regulation",
        "regulations",
        "policy",
        "policies",
        "bill",
        "bills",
        "plan",
        "plans",
        "order",
        "memo",
        "memorandum",
        "report",
        "statement",
        "decree",
        "act",
        "provision",
        "provisions",
        "requirement",
    ]
)
RELUCTANT = frozenset(["reluctant", "unwilling", "hesitant", "loath", "loth", "afraid"])
# procedural acts of a court: approving a facility, agreeing a motion, allowing a stay
COURT_TYPES = frozenset({"AGREE", "CONCEDE", "REJECT", "SUPPORT"})


def _document_subject(trig: Trigger) -> bool:
    subj = _explicit_subject(trig)
    return subj is not None and subj.lemma_.lower() in DOCUMENTS


def _reluctant(trig: Trigger) -> bool:
    """'Voters appeared reluctant to criticise the government': no criticism."""
    head = trig.head
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in RELUCTANT


def _judicial(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """A judge or a prosecutor agreeing, approving or allowing in a case is procedure, and so
    is asking a judge ("will ask Judge Hickok to modify the verdict")."""
    if trig.type == "REQUEST":
        return any(idx.judicial(x) for x in r.recipients)
    return trig.type in COURT_TYPES and any(idx.judicial(a) for a in r.actors)


# "empowers the navy to violate the border", "authorised police to arrest": leave, not act
PERMITTING = frozenset(["empower", "authorize", "authorise", "permit", "entitle", "enable"])


def _permitted(trig: Trigger) -> bool:
    head = trig.head
    return head.dep_ in ("xcomp", "ccomp") and head.head.lemma_.lower() in PERMITTING


def _to_blame(trig: Trigger) -> bool:
    """'his illness was to blame': a cause named, no accusation."""
    tok = trig.token
    return (
        tok.lemma_.lower() == "blame"
        and tok.dep_ in ("xcomp", "acomp", "attr")
        and tok.head.lemma_.lower() == "be"
    )


def _unpolitical_clash(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """'Hardwicke clashed with Summit Entertainment': a dispute; a clash with force has a
    political side (police, protesters, troops, a state)."""
    if trig.token.lemma_.lower() != "clash":
        return False
    return not any(idx.political(x) for x in (*r.actors, *r.recipients))


def _chance_meeting(trig: Trigger) -> bool:
    """'Felt chanced to meet a Navy lieutenant': an encounter, not a consultation."""
    head = trig.head
    return trig.type == "CONSULT" and head.dep_ == "xcomp" and head.head.lemma_.lower() in CHANCE


# struck or hit with no one named who did it: a car, lightning or a ball as often as force
BLIND_FORCE = frozenset({"strike", "hit"})


def keep(
    trig: Trigger, r: Roles, idx: EntityIndex, status_change: bool, sport: bool = False
) -> bool:
    """Whether the trigger is an event in the PLOVER sense (see the module docstring);
    ``sport``: the article is sport news (``domain.sport_article``)."""
    if status_change:
        return True
    if _domain_blocks(trig, trig.token.sent, sport):
        return False
    if not senses.ok(trig, r, idx):
        return False
    if _modifier_participle(trig):
        return False  # "the terms agreed in Brussels", "agreed minimum flows": no new act
    if _alleged(trig) or _asked(trig) or _chance_meeting(trig) or _supposed(trig):
        return False
    if _prospect(trig) or _document_subject(trig) or _reluctant(trig) or _judicial(trig, r, idx):
        return False
    if _unpolitical_clash(trig, r, idx) or _permitted(trig) or _to_blame(trig):
        return False
    if _private_inquiry(trig, r, idx) or doubts.doubtful(trig, r, idx):
        return False
    if _needs_political(trig) and not any(idx.political(x) for x in (*r.actors, *r.recipients)):
        return False  # "hosted the Oscars", "Page refused", "the Colts met"
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
    if _agent_phrase(trig):
        return False  # the doer named is no one who acts ("destroyed by a fire")
    if trig.token.lemma_.lower() in BLIND_FORCE:
        return False  # "she was struck in the crosswalk"
    return (
        _passive(trig) and trig.type in PASSIVE_OK and any(agentive(x, idx) for x in r.recipients)
    )
