"""Participants of an event: actors, recipients and location as entity ids.

Entities come from ``so_far.entities`` (their mentions, pronouns included when the entities step
resolved them). Compound phrases are split ("Russians and Belarusians" -> two actors), modifiers
count ("Israeli troops" -> Israel's entity), and a plural pronoun or "the leaders" with no entity
takes the last group of two or more actors named before it in the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newskb.extract.events.triggers import Trigger
from newskb.model import Entity

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "from", "toward", "towards", "into"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
GROUP_WORDS = frozenset(
    {"they", "them", "leader", "side", "party", "country", "nation", "both", "president", "we"}
)
SWAP_LEMMAS = frozenset({"host"})  # the subject hosts: the visitor is the actor
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "its", "their", "his", "her"})
NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"for"}
OBJECT_RECIPIENT_PREPS = NOUN_RECIPIENT_PREPS | {"by"}  # "rejected calls by Kofi Annan"
STATIVE_PASSIVES = frozenset({"oppose", "commit", "prepare", "determine", "resolve", "dispose"})


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Token index -> entity id for one parsed article."""

    by_token: dict[int, str]
    types: dict[str, str]

    @classmethod
    def build(cls, doc: Doc, entities: tuple[Entity, ...]) -> EntityIndex:
        by_token: dict[int, str] = {}
        for ent in entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    by_token.setdefault(tok.i, ent.id)
        return cls(by_token, {e.id: e.type for e in entities})


@dataclass(frozen=True, slots=True)
class Roles:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    location: str | None
    group: bool  # the actors came from a plural phrase ("the leaders") left unresolved


def _uniq(ids: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in ids:
        seen.setdefault(i, None)
    return list(seen)


def _one(tok: Token, idx: EntityIndex, depth: int = 0) -> list[str]:
    got = idx.by_token.get(tok.i)
    if got is not None:
        return [got]
    if depth > 2:
        return []
    out: list[str] = []
    for c in tok.children:
        if c.dep_ in MODIFIER_DEPS and c.i in idx.by_token:
            out.append(idx.by_token[c.i])
            out += [idx.by_token[x.i] for x in c.conjuncts if x.i in idx.by_token]
    if out:
        return _uniq(out)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += _one(p, idx, depth + 1)
        elif c.dep_ == "appos":
            out += _one(c, idx, depth + 1)
    return _uniq(out)


def phrase(tok: Token, idx: EntityIndex) -> list[str]:
    """Entities named by the noun phrase headed by ``tok``, its conjuncts split off."""
    out: list[str] = []
    for member in (tok, *tok.conjuncts):
        out += _one(member, idx)
    out += _garbled_coordination(tok, idx)
    if not out:  # "Prisoners in Dili", "Ethnic Albanians in south Serbia": the place stands in
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "from", "throughout", "across", "at"):
                out += [e for p in c.children if p.dep_ == "pobj" for e in _one(p, idx)]
    return _uniq(out)


def _np_tokens(tok: Token) -> list[Token]:
    """The noun phrase of ``tok`` without its prepositional and clausal attachments."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in ("prep", "relcl", "acl", "appos", "punct", "advcl"):
            out += _np_tokens(c)
    return out


def _garbled_coordination(tok: Token, idx: EntityIndex) -> list[str]:
    """'US President Donald Trump and Russian dictator Vladimir Putin' parsed as one phrase:
    when an 'and' sits inside the phrase, every named entity in it is a member."""
    words = _np_tokens(tok)
    if not any(w.dep_ == "cc" and w.lower_ in ("and", "&") for w in words):
        return []
    ids = [idx.by_token[w.i] for w in sorted(words, key=lambda w: w.i) if w.i in idx.by_token]
    people = [i for i in ids if idx.types.get(i) == "PERSON"]
    return people or [i for i in ids if idx.types.get(i) in ("ORG", "GPE", "NORP")]


def _is_group(tok: Token) -> bool:
    return tok.lemma_.lower() in GROUP_WORDS and (
        tok.tag_ in ("NNS", "PRP") or any(c.lower_ == "both" for c in tok.children)
    )


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (climbing to a controlling verb); second item: passive."""
    cur = verb
    for _ in range(6):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if cur.dep_ == "relcl":
            return cur.head, False
        if cur.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp", "pobj", "prep"):
            return None, False
        parent = cur.head
        if cur.dep_ == "xcomp":  # "urged Israel to withdraw": the object controls
            for c in parent.children:
                if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                    return c, False
        cur = parent
    return None, False


def _preps(tok: Token, wanted: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in wanted:
            out += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.append(c)
    return out


def _noun_roles(noun: Token, idx: EntityIndex) -> tuple[list[str], list[str]]:
    actors: list[str] = []
    recipients: list[str] = []
    for c in noun.children:
        if c.dep_ in MODIFIER_DEPS and c.i in idx.by_token:
            actors += phrase(c, idx)
    for p in _preps(noun, frozenset({"between", "among", "by"})):
        actors += phrase(p, idx)
    for p in _preps(noun, NOUN_RECIPIENT_PREPS):
        recipients += phrase(p, idx)
    if not actors:
        for p in _preps(noun, frozenset({"of"})):
            actors += phrase(p, idx)
    return actors, recipients


def _location(toks: list[Token], idx: EntityIndex, taken: set[str]) -> str | None:
    for tok in toks:
        for p in _preps(tok, PLACE_PREPS):
            for e in phrase(p, idx):
                if idx.types.get(e) in PLACE_TYPES and e not in taken:
                    return e
    return None


def roles(trig: Trigger, idx: EntityIndex, last_group: tuple[str, ...]) -> Roles:
    """Actors, recipients and location of one trigger."""
    head, word = trig.head, trig.token
    actors: list[str] = []
    recipients: list[str] = []
    group = False
    if head.pos_ in ("NOUN", "PROPN"):
        actors, recipients = _noun_roles(head, idx)
    else:
        subj, passive = _subject(head)
        passive = passive and head.lemma_.lower() not in STATIVE_PASSIVES
        if head.pos_ == "ADJ" and subj is None and head.head.i != head.i:
            subj, passive = _subject(head.head)
        subj_ids = phrase(subj, idx) if subj is not None else []
        if subj is not None and not subj_ids and subj.lower_ in PRONOUNS:
            subj_ids = _reporter(head, idx)
        if subj is not None and not subj_ids and _is_group(subj) and len(last_group) > 1:
            subj_ids, group = list(last_group), True
        for p in _preps(head, frozenset({"by"})) + [
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
                recipients += got or [
                    e for p in _preps(c, OBJECT_RECIPIENT_PREPS) for e in phrase(p, idx)
                ]
        recipients += [e for p in _preps(head, RECIPIENT_PREPS) for e in phrase(p, idx)]
        if trig.entry.kind in ("control", "report"):  # "demanded that the US cancel"
            recipients += _complement_recipients(head, idx)
        if trig.type == "THREATEN":  # "... unless Israel rescinds": the one threatened
            recipients += _condition_subjects(head, idx)
        if trig.type == "PROTEST" and not recipients:  # "... to demand the removal of X"
            recipients += _protest_targets([head, trig.phrase], idx)
        if word.i != head.i:  # "held talks with X", "imposed sanctions on X"
            noun_actors, noun_recipients = _noun_roles(trig.phrase, idx)
            recipients += noun_recipients
            if not actors:
                actors += noun_actors
        if word.lemma_.lower() in SWAP_LEMMAS:
            actors, recipients = recipients, actors
    actors = _uniq(actors)
    recipients = [r for r in _uniq(recipients) if r not in actors]
    taken = set(actors) | set(recipients)
    where = [head, word] if word.i != head.i else [head]
    where += [c for c in head.children if c.dep_ == "dobj"]
    place = _location(where, idx, taken)
    if not recipients and place is not None and idx.types.get(place) == "GPE":
        recipients = [place]  # PLOVER: the place acted on is the target when none is named
    return Roles(tuple(actors), tuple(recipients), place, group)


def _reporter(verb: Token, idx: EntityIndex) -> list[str]:
    """'Hungary has said it will support ...': a pronoun subject of a reported clause."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return []
        cur = cur.head
        for c in cur.children:
            if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS:
                return phrase(c, idx)
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


def _complement_recipients(verb: Token, idx: EntityIndex) -> list[str]:
    out: list[str] = []
    for comp in verb.children:
        if comp.dep_ not in ("ccomp", "xcomp"):
            continue
        for c in comp.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
                out += phrase(c, idx)
        out += [e for p in _preps(comp, RECIPIENT_PREPS) for e in phrase(p, idx)]
        for c in comp.children:
            if c.dep_ == "dobj":
                out += [e for p in _preps(c, NOUN_RECIPIENT_PREPS) for e in phrase(p, idx)]
    return out
