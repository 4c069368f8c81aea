"""Actors checked once more after the gates (issue 15, precision first: an empty actor beats a
wrong one). Each rule names a kind of wrong actor the fresh audit 07m found:

- a nationality or religion adjective standing for the body that acted ("the Turkish
  government", "Indian naval forces", "Muslim organizations"): the head noun's group is the
  actor; with no such group the adjective stays (its country: "Israeli tanks fired"), but a
  party label ("Republican members of Congress") is none;
- the one accused coded as the accuser: "Hillary Clinton Accused Of ..." (no object: the
  subject is the accused), "said Trump is responsible ... and accused him of" (the actor is
  the verb's own object, a pronoun resolved to it): the one acted on, a recipient;
- the place of a protest ("the Athens riots"), and the subject of a clause that only dates a
  noun trigger ("youths hurled petrol bombs during the general strike");
- an occasion or a bill as actor ("an office Christmas party killing one man", "the HB 1523
  lawsuit");
- the police named beside an arrest and not coded ("the police sweep in which 89 people were
  arrested", "was arrested after police found two women dead").

The type and the gates are decided before; only the actors change here.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newskb.extract.events.agents import FORCES, _operation_force
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles
from newskb.extract.events.triggers import Trigger
from newskb.extract.events.trustwords import PARTY_LABELS

TIME_PREPS = frozenset("during amid amidst after before since following".split())  # noqa: SIM905
OCCASIONS = frozenset(
    "party ceremony celebration festival concert wedding funeral game match parade".split()  # noqa: SIM905
)
BILLS = frozenset({"hb", "sb", "ab", "hr", "h.r.", "s.b.", "h.b."})
POLICE = FORCES | frozenset("officers detectives investigators agents deputies".split())  # noqa: SIM905


def _tokens(eid: str, sent: SpacySpan, idx: EntityIndex) -> list[Token]:
    return [t for t in sent if idx.by_token.get(t.i) == eid]


def _modified(t: Token) -> Token | None:
    """The noun an adjective mention modifies ('Turkish government', 'progressive and Muslim
    organizations'), or None when the mention is not an adjective of a common noun."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("amod", "compound", "nmod") or t.head.pos_ != "NOUN":
        return None
    return t.head


def _adjective_body(
    trig: Trigger, eid: str, sent: SpacySpan, idx: EntityIndex
) -> tuple[bool, str | None]:
    """(is an adjective for a body, the body's participant) for a NORP actor."""
    if idx.types.get(eid) != "NORP":
        return False, None
    toks = _tokens(eid, sent, idx)
    heads = [_modified(t) for t in toks if idx.by_token.get(t.head.i) != eid]
    if not heads or any(h is None for h in heads):
        return False, None
    head = heads[0]
    assert head is not None
    if head.i in (trig.token.i, trig.head.i):
        return False, None  # "during Greek riots": the people that rioted
    if idx.by_token.get(head.i) not in (None, eid):
        return True, idx.by_token[head.i]
    was = idx.parts.enabled
    idx.parts.enabled = True
    try:
        got = idx.participant(head)
    finally:
        idx.parts.enabled = was
    return True, got if got != eid else None


def _accused_subject(trig: Trigger, eid: str, sent: SpacySpan, idx: EntityIndex) -> bool:
    head = trig.head
    if head.lemma_.lower() != "accuse" or head.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(head.children)
    toks = _tokens(eid, sent, idx)
    subj = [t for t in toks if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == head.i]
    if subj and not any(c.dep_ == "dobj" for c in kids):
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in kids)  # "X Accused Of ..."
    return False


def _object_of_trigger(trig: Trigger, eid: str, sent: SpacySpan, idx: EntityIndex) -> bool:
    """'said Trump is responsible ... and accused him of': the actor is the verb's own object
    (a pronoun the article resolved to it) and not its subject: the one acted on."""
    head = trig.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    toks = _tokens(eid, sent, idx)
    objs = [t for t in toks if t.dep_ == "dobj" and t.head.i == head.i]
    if not objs or any(t.dep_ == "nsubj" and t.head.i == head.i for t in toks):
        return False
    if any(t.pos_ != "PRON" for t in objs):
        return True
    # a pronoun: only where the subject came from a reported clause the verb was joined to
    # ('said Trump is responsible ... and accused him'), not from a main verb ('Trump had
    # criticized the pope ... and accused him', where 'him' may be misresolved)
    return head.dep_ == "conj" and head.head.dep_ in ("ccomp", "xcomp")


def _place_of_protest(trig: Trigger, eid: str, sent: SpacySpan, idx: EntityIndex) -> bool:
    if trig.type != "PROTEST" or idx.types.get(eid) not in ("GPE", "LOC", "FAC"):
        return False
    toks = _tokens(eid, sent, idx)
    return bool(toks) and all(
        t.dep_ in ("compound", "nmod") and t.head.i in (trig.token.i, trig.head.i) for t in toks
    )


def _dating_subject(trig: Trigger, eid: str, sent: SpacySpan, idx: EntityIndex) -> bool:
    """'youths hurled petrol bombs during the general strike': an actor named outside the
    noun's own phrase did something else; the strike is only when it happened."""
    noun = trig.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ not in TIME_PREPS:
        return False
    inside = {t.i for t in noun.subtree}
    return all(t.i not in inside for t in _tokens(eid, sent, idx))


def _thing(eid: str, idx: EntityIndex) -> bool:
    name = idx.names.get(eid, idx.parts.names.get(eid, ""))
    words = name.split()
    if not words:
        return False
    return words[-1] in OCCASIONS or words[0].lower() in BILLS  # lower-case "party" only


def _police_arrest(trig: Trigger, idx: EntityIndex) -> str | None:
    """The police that made an arrest the passive names no agent for."""
    head = trig.head
    if trig.type != "COERCE" or head.lemma_.lower() != "arrest" or head.pos_ not in ("VERB",):
        return None
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    force: Token | None = None
    if head.dep_ == "relcl" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "which" for p in c.children)
        for c in head.children
    ):
        force = _operation_force(head.head)  # "the police sweep ... in which 89 were arrested"
    for c in head.children:
        if (
            force is None
            and c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)
        ):
            subj = [s for s in c.children if s.dep_ == "nsubj" and s.lower_ in POLICE]
            force = subj[0] if subj else None  # "was arrested after police found ..."
    if force is None:
        return None
    was = idx.parts.enabled
    idx.parts.enabled = True
    try:
        return idx.by_token.get(force.i) or idx.participant(force)
    finally:
        idx.parts.enabled = was


def refine(trig: Trigger, r: Roles, idx: EntityIndex, sent: SpacySpan) -> Roles:
    """The roles with the wrong actors above removed (or the adjective's body put in)."""
    if not r.actors:
        got = _police_arrest(trig, idx)
        if got is None or got in r.recipients:
            return r
        return Roles((got,), r.recipients, r.location, r.group)
    actors: list[str] = []
    recipients = list(r.recipients)
    for a in r.actors:
        adjective, body = _adjective_body(trig, a, sent, idx)
        if adjective:
            if body is None and idx.names.get(a, "").lower() in PARTY_LABELS:
                continue  # "Republican members of Congress": no party acted as such
            body = a if body is None else body  # "Israeli tanks fired": the country's
            if body not in actors and body not in recipients:
                actors.append(body)
            continue
        if _accused_subject(trig, a, sent, idx) or _object_of_trigger(trig, a, sent, idx):
            if a not in recipients:
                recipients.insert(0, a)
            continue
        if _place_of_protest(trig, a, sent, idx) or _dating_subject(trig, a, sent, idx):
            continue
        if _thing(a, idx) or a in actors:
            continue
        actors.append(a)
    if tuple(actors) == r.actors and tuple(recipients) == r.recipients:
        return r
    return Roles(tuple(actors), tuple(recipients), r.location, r.group and bool(actors))
