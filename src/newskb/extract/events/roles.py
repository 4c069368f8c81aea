"""Participants of an event: actors, recipients and location as entity ids.

Entities come from ``so_far.entities`` (their mentions, pronouns included when the entities step
resolved them). Compound phrases are split ("Russians and Belarusians" -> two actors), modifiers
count ("Israeli troops" -> Israel's entity), and a plural pronoun or "the leaders" with no entity
takes the last group of two or more actors named before it in the article. Named entities are
looked for first; a slot left empty is then filled with an unnamed participant ("refugees",
"Turkish police": ``participants``), and only then, for the recipient, with the place acted on.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newskb.extract.events import agents
from newskb.extract.events.phrases import (
    GROUP_WORDS,
    MODIFIER_DEPS,
    PRONOUNS,
    EntityIndex,
    phrase,
    preps,
    uniq,
)
from newskb.extract.events.rolewords import (
    MEDIATION,
    NOUN_RECIPIENT_PREPS,
    OBJECT_RECIPIENT_PREPS,
    ONLOOKER_VERBS,
    PATIENT_NOUNS,
    PATIENT_VERBS,
    PLACE_PREPS,
    PLACE_TYPES,
    RECIPIENT_PREPS,
    SIDED,
    STATIVE_PASSIVES,
    SWAP_LEMMAS,
    TO_PEOPLE,
    VERBAL_TYPES,
)
from newskb.extract.events.triggers import Trigger


@dataclass(frozen=True, slots=True)
class Roles:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    location: str | None
    group: bool  # the actors came from a plural phrase ("the leaders") left unresolved


def _is_group(tok: Token) -> bool:
    return tok.lemma_.lower() in GROUP_WORDS and (
        tok.tag_ in ("NNS", "PRP") or any(c.lower_ == "both" for c in tok.children)
    )


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (climbing to a controlling verb); second item: passive."""
    cur = verb
    for _ in range(6):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if cur.i != verb.i and any(c.dep_ == "auxpass" for c in cur.children):
            return None, False  # "a flaw X says has been used to attack": the user is unnamed
        if cur.dep_ == "relcl":
            return cur.head, False
        if cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBN"):  # "demonstrators protesting X"
            return cur.head, cur.tag_ == "VBN"
        if cur.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp", "pobj", "prep"):
            return None, False
        parent = cur.head
        if cur.dep_ == "xcomp":  # "urged Israel to withdraw": the object controls
            for c in parent.children:
                if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                    return c, False
        cur = parent
    return None, False


def _noun_roles(noun: Token, idx: EntityIndex, word: Token) -> tuple[list[str], list[str]]:
    actors: list[str] = []
    recipients: list[str] = []
    of = preps(noun, frozenset({"of"}))
    # "his arrest", "Escalante's killing": the possessor is acted on; with an "of" object the
    # possessor acts ("Israel's killing of X") and the "of" object is acted on
    patient = word.lemma_.lower() in PATIENT_NOUNS
    for c in noun.children:
        if c.dep_ in MODIFIER_DEPS and c.i in idx.by_token:
            if not patient or (of and c.dep_ == "poss"):
                actors += phrase(c, idx)
            elif c.dep_ == "poss":
                recipients += phrase(c, idx)
    if patient:
        recipients += [e for p in of for e in phrase(p, idx) if e not in actors]
    between = [p for p in preps(noun, frozenset({"between", "among"}))]
    if word.lemma_.lower() in MEDIATION:  # the parties a mediator goes between are its targets
        recipients += [e for p in between for e in phrase(p, idx)]
        between = []
    for p in between + preps(noun, frozenset({"by"})):
        actors += phrase(p, idx)
    for p in preps(noun, NOUN_RECIPIENT_PREPS):
        recipients += phrase(p, idx) or inner(p, idx)
    recipients += clause_subjects(noun, idx)  # "its demand that Israel ease restrictions"
    if not recipients:  # "a suspension of air links with Serbia"
        recipients += [
            e for p in of for q in preps(p, NOUN_RECIPIENT_PREPS) for e in phrase(q, idx)
        ]
    if not actors and not patient:
        for p in of:
            actors += phrase(p, idx)
    return actors, recipients


def _location(toks: list[Token], idx: EntityIndex, taken: set[str]) -> str | None:
    for tok in toks:
        for p in preps(tok, PLACE_PREPS):
            for e in phrase(p, idx):
                if idx.types.get(e) in PLACE_TYPES and e not in taken:
                    return e
    return None


def _acted_on(place: str, trig: Trigger, idx: EntityIndex) -> bool:
    if trig.token.lemma_.lower() in TO_PEOPLE:
        return False
    kind = idx.types.get(place)
    return kind == "GPE" or (kind == "LOC" and trig.type not in VERBAL_TYPES)


def roles(trig: Trigger, idx: EntityIndex, last_group: tuple[str, ...]) -> Roles:
    """Actors, recipients and location of one trigger: named entities first; a slot left empty
    is filled with unnamed participants ("refugees", "Turkish police") when the text has them."""
    named = _sure(_roles(trig, idx, last_group), trig, idx)
    if named.actors and named.recipients and trig.type not in SIDED:
        return named
    place = named.location
    idx.parts.enabled, idx.parts.avoid = True, set(named.actors)
    try:
        more = _sure(_roles(trig, idx, last_group), trig, idx)
        ops = () if named.actors or more.actors else agents.operation_doers(trig, idx)
    finally:
        idx.parts.enabled, idx.parts.avoid = False, set()
    actors = named.actors or more.actors or ops
    if trig.type in SIDED and named.actors:  # "eurozone countries and the IMF agreed"
        actors += tuple(a for a in more.actors if a not in actors and a not in named.recipients)
    recipients = named.recipients or tuple(r for r in more.recipients if r not in actors)
    group = named.group if named.actors else more.group
    if not recipients and place is not None and _acted_on(place, trig, idx):
        recipients = (place,)  # PLOVER: the place acted on is the target when none is named
    return Roles(actors, recipients, place, group)


def _sure(r: Roles, trig: Trigger, idx: EntityIndex) -> Roles:
    """Drop a person who may be another of the same family name ('Gigante was jailed')."""
    sent = trig.token.sent
    actors = tuple(a for a in r.actors if not idx.unsure(a, sent))
    recipients = tuple(x for x in r.recipients if not idx.unsure(x, sent))
    return Roles(actors, recipients, r.location, r.group)


def _roles(trig: Trigger, idx: EntityIndex, last_group: tuple[str, ...]) -> Roles:
    head, word = trig.head, trig.token
    actors: list[str] = []
    recipients: list[str] = []
    group = False
    if head.pos_ in ("NOUN", "PROPN"):
        actors, recipients = _noun_roles(head, idx, word)
        if not actors and word.lemma_.lower() not in PATIENT_NOUNS:
            # "staged demonstrations", "reiterated its demand", "for talks"
            actors = _governor_subject(head, idx)
            if actors and not recipients:  # "staged rallies against X"; "invasion of X"
                recipients = _governor_targets(head, idx) or _of_objects(head, idx)
        if not actors and not recipients and len(last_group) > 1 and _points_back(head):
            actors, group = list(last_group), True  # "These negotiations will begin"
        if trig.type == "PROTEST" and not recipients:  # "a hunger strike in protest against X"
            recipients = _protest_targets([head, head.head], idx)
    else:
        subj, passive = subject(head)
        passive = (passive or headline_passive(head) or reduced_passive(head, subj)) and (
            head.lemma_.lower() not in STATIVE_PASSIVES
        )
        if head.pos_ == "ADJ" and subj is None and head.head.i != head.i:
            subj, passive = subject(head.head)
        subj_ids = phrase(subj, idx) if subj is not None else []
        if subj is not None and not subj_ids and subj.lower_ in PRONOUNS:
            subj_ids = _reporter(head, idx, subj.lower_)
        if subj is not None and not subj_ids and _is_group(subj) and len(last_group) > 1:
            subj_ids, group = list(last_group), True
        if (
            subj is not None
            and subj.i == word.i
            and len(last_group) > 1
            and _points_back(word)
            and not any(_noun_roles(word, idx, word))  # "this war ... against Ukraine"
        ):
            subj_ids, group = list(last_group), True  # "These negotiations will begin"
        for p in preps(head, frozenset({"by"})) + [
            x for c in head.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"
        ]:
            if passive:
                actors += phrase(p, idx)
        if passive:
            recipients += subj_ids
        else:
            actors += subj_ids
        for c in head.children:
            if c.dep_ in ("dobj", "dative") and c.i != word.i:
                got = phrase(c, idx)
                # "restored ties with Gondor", "provided aid to refugees"
                recipients += got or [e for x in (c, *c.conjuncts) for e in inner(x, idx)]
        # "talks with X"; "called for sanctions against X"; "kidnapped up to 16 advisers"
        particles = [g for p in head.children if p.dep_ == "prt" for g in p.children]
        reasons = head.lemma_.lower() in PATIENT_VERBS  # "arrested on suspicion of DUI"
        for c in [*head.children, *particles]:
            if c.dep_ not in ("prep", "dative") or c.lower_ not in RECIPIENT_PREPS | {"for"}:
                continue
            if reasons and c.lower_ in ("on", "for", "with", "over"):
                continue
            for p in (x for x in c.children if x.dep_ == "pobj"):
                got = phrase(p, idx) if c.lower_ in RECIPIENT_PREPS else []
                recipients += got or inner(p, idx)
                if not got and c.lower_ in ("on", "for"):  # "insisted on its demands that X"
                    recipients += clause_subjects(p, idx)
        # "demanded that the US cancel", "declared that China must drop"
        if trig.entry.kind in ("control", "report") or trig.type == "REQUEST":
            recipients += _complement_recipients(head, idx)
        if not recipients:  # "allowed candidate X to participate", "ordered X to appear"
            recipients += _controlled_subjects(head, idx)
        if trig.type == "THREATEN":  # "... unless Israel rescinds": the one threatened
            recipients += _condition_subjects(head, idx)
        if trig.type == "PROTEST" and not recipients:  # "... to demand the removal of X"
            recipients += _protest_targets([head, trig.phrase], idx)
        if word.i != head.i:  # "held talks with X", "imposed sanctions on X"
            noun_actors, noun_recipients = _noun_roles(trig.phrase, idx, word)
            recipients += noun_recipients
            if not actors:
                actors += noun_actors
            elif not recipients:  # "mounted its invasion of South Lebanon"
                recipients += _of_objects(trig.phrase, idx)
        if word.lemma_.lower() in SWAP_LEMMAS:
            actors, recipients = recipients, actors
    actors = uniq(actors)
    recipients = [r for r in uniq(recipients) if r not in actors]
    taken = set(actors) | set(recipients)
    where = [head, word] if word.i != head.i else [head]
    where += [c for c in head.children if c.dep_ == "dobj"]
    place = _location(where, idx, taken)
    return Roles(tuple(actors), tuple(recipients), place, group)


def reduced_passive(verb: Token, subj: Token | None) -> bool:
    """The verb is passive itself though its subject came from a governing clause ("committed
    suicide after being arrested"), or a legal verb with no object ("officers charged over the
    shooting"): the subject is the one acted on."""
    if subj is None:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.lemma_.lower() in PATIENT_VERBS and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "conj") for c in verb.children
    )


def headline_passive(verb: Token) -> bool:
    """'Chargers' Jackson arrested on suspicion of DUI': a title's participle with no auxiliary
    is a passive (the subject was arrested)."""
    last = verb.sent[-1]
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and last.text not in (".", "!", "?", '"', "'")  # a title has no final stop
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _points_back(noun: Token) -> bool:
    """'these talks': an event named before, whose parties the last group is."""
    return any(c.dep_ == "det" and c.lower_ in ("these", "this", "those") for c in noun.children)


NOUN_HOST_PREPS = frozenset({"for", "during", "in", "into", "at", "on"})


def _governor_subject(noun: Token, idx: EntityIndex) -> list[str]:
    """The subject of the verb a noun trigger is the object of ("the students staged mass
    demonstrations") or attached to ("negotiators return to Geneva for talks")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in NOUN_HOST_PREPS:
        verb = verb.head
    elif noun.dep_ not in ("dobj", "attr"):
        return []
    if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return []
    if verb.lemma_.lower() in ONLOOKER_VERBS:
        return []
    subj, passive = subject(verb)
    if subj is None or passive:
        return []
    return phrase(subj, idx)


def inner(obj: Token, idx: EntityIndex) -> list[str]:
    """Who an object names no entity for points at: 'aid to refugees', 'calls by Kofi Annan',
    'crimes committed by Croat forces'."""
    out = [e for p in preps(obj, OBJECT_RECIPIENT_PREPS) for e in phrase(p, idx)]
    if not out:
        agents = [a for c in obj.children if c.dep_ == "acl" for a in c.children]
        pobjs = [p for a in agents if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        out += [e for p in pobjs for e in phrase(p, idx)]
    return out


def _governor_targets(noun: Token, idx: EntityIndex) -> list[str]:
    """'staged rallies ... against X': the target attached to the light verb."""
    verb = noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return []
    return [e for p in preps(verb, frozenset({"against"})) for e in phrase(p, idx)]


def _of_objects(noun: Token, idx: EntityIndex) -> list[str]:
    """With the actor named elsewhere, a noun trigger's 'of' object is what it acts on."""
    return [e for p in preps(noun, frozenset({"of"})) for e in phrase(p, idx)]


def _agrees(pronoun: str, kind: str | None) -> bool:
    """'he'/'she' stand for a person, 'it' for an organisation or a state ("police said he
    pulled out a revolver": he is not the police)."""
    if pronoun in ("he", "she"):
        return kind == "PERSON"
    if pronoun == "it":
        return kind != "PERSON"
    return True


def _reporter(verb: Token, idx: EntityIndex, pronoun: str = "") -> list[str]:
    """'Hungary has said it will support ...': a pronoun subject of a reported clause. A
    clause before its reporting verb is a quotation ('He murdered X, Stirling said'): its
    pronoun is someone the speaker talks about, not the speaker."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "acomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.i > verb.i:
            return []
        for c in cur.children:
            if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS:
                return [e for e in phrase(c, idx) if _agrees(pronoun, idx.types.get(e))]
    return []


PROTEST_TARGET_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _protest_targets(toks: list[Token], idx: EntityIndex) -> list[str]:
    """Who a protest is against: named in its purpose clause or 'in protest against X'."""
    out: list[str] = []
    for tok in toks:
        for c in tok.children:
            purpose = c.dep_ in ("advcl", "acl", "xcomp")
            against = c.dep_ == "prep" and (
                c.lower_ == "against"
                or (
                    c.lower_ == "in"
                    and any(p.lemma_ in ("protest", "defiance") for p in c.children)
                )
            )
            if not (purpose or against):
                continue
            for w in c.subtree:
                e = idx.by_token.get(w.i)
                if e is not None and idx.types.get(e) in PROTEST_TARGET_TYPES and e not in out:
                    out.append(e)
    return out


def _condition_subjects(verb: Token, idx: EntityIndex) -> list[str]:
    out: list[str] = []
    for clause in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]):
        for c in clause.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                out += [e for s in c.children if s.dep_ == "nsubj" for e in phrase(s, idx)]
    return out


def clause_subjects(noun: Token, idx: EntityIndex) -> list[str]:
    """Subjects of a 'that' clause completing a noun ("the demand that Israel ease ...")."""
    out: list[str] = []
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            out += [
                e for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for e in phrase(s, idx)
            ]
    return out


def _controlled_subjects(verb: Token, idx: EntityIndex) -> list[str]:
    """The one told, allowed or forced to act: 'X to VERB' parsed as the verb's clause."""
    out: list[str] = []
    for comp in verb.children:
        if comp.dep_ not in ("ccomp", "xcomp"):
            continue
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in comp.children):
            continue
        out += [
            e for s in comp.children if s.dep_ in ("nsubj", "nsubjpass") for e in phrase(s, idx)
        ]
    return out


def _complement_recipients(verb: Token, idx: EntityIndex) -> list[str]:
    out: list[str] = []
    for comp in verb.children:
        if comp.dep_ not in ("ccomp", "xcomp"):
            continue
        for c in comp.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
                out += phrase(c, idx)
        out += [e for p in preps(comp, RECIPIENT_PREPS) for e in phrase(p, idx)]
        for c in comp.children:
            if c.dep_ == "dobj":
                out += [e for p in preps(c, NOUN_RECIPIENT_PREPS) for e in phrase(p, idx)]
    return out
