"""Noun phrases to entity ids: the token index of one article's entities, phrase heads resolved
through modifiers, "of" objects and appositions, conjuncts split, unnamed participants made on
demand (``participants``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newskb.extract.events.participants import Participants, group_head, next_entity_number
from newskb.extract.events.political import group_is_political, is_political
from newskb.model import Entity
from newskb.resolve import geo

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
GROUP_WORDS = frozenset(
    {"they", "them", "leader", "side", "party", "country", "nation", "both", "president", "we"}
)
STAND_IN_TYPES = frozenset({"GPE", "LOC", "FAC"})  # places; "weapons from armed groups" is not
JUDICIAL = frozenset(
    {"judge", "judges", "jury", "juries", "magistrate", "prosecutor", "prosecutors"}
)
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Token index -> entity id for one parsed article; unnamed participants made on the way."""

    by_token: dict[int, str]
    types: dict[str, str]
    parts: Participants
    politicals: frozenset[str] = frozenset()  # named entities that are political actors
    names: dict[str, str] = field(default_factory=dict)  # named entity id -> its name
    judges: frozenset[str] = frozenset()  # judges, courts, prosecutors, juries
    # people who share a family name with another person of the article ("Vincent Gigante",
    # "Louis Gigante"): a bare "Gigante" or "he" may be either of them
    kin: frozenset[str] = frozenset()

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
        types: dict[str, str] = {e.id: e.type for e in entities}
        politicals = frozenset(e.id for e in entities if is_political(e))
        names = {e.id: e.name for e in entities}
        judges = frozenset(
            e.id
            for e in entities
            if e.type == "PERSON"  # a court as a body can act politically ("the Supreme Court")
            and JUDICIAL & set(" ".join((e.name, *e.roles, *e.characterisations)).lower().split())
        )
        parts = Participants(next_entity_number(entities))
        return cls(by_token, types, parts, politicals, names, judges, _kin(entities))

    def unsure(self, eid: str, sent: SpacySpan) -> bool:
        """A person sharing a family name with another, not named in full in ``sent``."""
        name = self.names.get(eid, "")
        return eid in self.kin and (" " not in name.strip() or name not in sent.text)

    def judicial(self, eid: str) -> bool:
        """A judge, jury or prosecutor (a person named, or an unnamed "judge")."""
        if eid in self.judges:
            return True
        name = self.parts.names.get(eid, "")
        return bool(JUDICIAL & set(name.lower().split()))

    def political(self, eid: str) -> bool:
        """A state, government body, force, party or public figure (``political``)."""
        if eid in self.politicals:
            return True
        name = self.parts.names.get(eid)
        return name is not None and group_is_political(name)

    def participant(self, tok: Token) -> str | None:
        """The participant entity for a common-noun group headed at ``tok`` (made on first use)."""
        if not self.parts.enabled:
            return None
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return None  # "its peacekeeping forces": the actor's own people, not a party
        named_kind = any(c.dep_ == "compound" for c in tok.children)  # "eurozone countries"
        if (
            tok.lemma_.lower() in GROUP_WORDS
            and not named_kind
            and not any(c.lower_ == "of" for c in tok.children)
        ):
            return None
        head = group_head(tok)
        if head is None:
            return None
        if head.i in self.by_token:
            return self.by_token[head.i]
        eid, kind = self.parts.make(head)
        self.types[eid] = kind
        return eid


def _words(text: str) -> list[str]:
    return text.split()


SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _family_name(name: str) -> str | None:
    words = [w for w in name.lower().split() if w not in SUFFIXES]
    return words[-1] if len(words) > 1 else None


TITLES = frozenset(
    _words("mr mrs ms miss dr sir judge president senator governor sheriff officer sgt gen col")
)


def _merged_kin(e: Entity) -> bool:
    """One person entity whose mentions give one family name two given names ('Vincent
    Gigante', 'Louis Gigante'): two people taken for one."""
    given: dict[str, set[str]] = {}
    for m in e.mentions:
        words = [w for w in m.text.lower().split() if w not in SUFFIXES]
        if len(words) > 1 and words[0].rstrip(".") not in TITLES and not words[0].endswith("."):
            given.setdefault(words[-1], set()).add(words[0])
    return any(len(firsts) > 1 for firsts in given.values())


def _kin(entities: tuple[Entity, ...]) -> frozenset[str]:
    by_family: dict[str, set[str]] = {}
    merged: set[str] = set()
    for e in entities:
        family = _family_name(e.name) if e.type == "PERSON" else None
        if family is not None:
            by_family.setdefault(family, set()).add(e.id)
            if _merged_kin(e):
                merged.add(e.id)
    shared = {i for ids in by_family.values() if len(ids) > 1 for i in ids}
    # a family name alone that coreference left to neither of two people ("Gigante")
    alone = {
        e.id
        for e in entities
        if e.type == "PERSON"
        and " " not in e.name.strip()
        and len(by_family.get(e.name.lower(), ())) > 1
    }
    return frozenset(shared | merged | alone)


# people and local forces named by a town ("a New Bedford man", "Staunton police"): the town
# is where they are from, not who acts or is acted on
PEOPLE_HEADS = frozenset(
    _words(
        """man men woman women boy boys girl girls teen teens teenager teenagers resident
        residents mother father son daughter couple driver student students native voter voters"""
    )
)
# a city's police is local; a country's ("Freedonia police") acts for the state
LOCAL_FORCES = frozenset(_words("police officer officers cop cops chief sheriff deputy"))


def _hometown(mod: Token, head: Token, idx: EntityIndex) -> bool:
    eid = idx.by_token[mod.i]
    word = head.lemma_.lower()
    if idx.types.get(eid) == "NORP" and mod.dep_ in ("amod", "compound"):
        return word in PEOPLE_HEADS and head.tag_ == "NN"  # "a Muslim woman": one person
    if mod.dep_ not in ("compound", "nmod") or idx.types.get(eid) != "GPE":
        return False
    if word in PEOPLE_HEADS:
        return True
    name = idx.names.get(eid, "")
    return word in LOCAL_FORCES and geo.country(name) is None and bool(geo.own_cities(name))


def uniq(ids: list[str]) -> list[str]:
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
        if c.dep_ in MODIFIER_DEPS and c.i in idx.by_token and not _hometown(c, tok, idx):
            out.append(idx.by_token[c.i])
            out += [idx.by_token[x.i] for x in c.conjuncts if x.i in idx.by_token]
    if out:
        return uniq(out)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += _one(p, idx, depth + 1)
        elif c.dep_ == "appos":
            out += _one(c, idx, depth + 1)
    return uniq(out)


def phrase(tok: Token, idx: EntityIndex) -> list[str]:
    """Entities named by the noun phrase headed by ``tok``, its conjuncts split off."""
    out: list[str] = []
    for member in (tok, *tok.conjuncts):
        got = _one(member, idx)
        # "Palestinian police ... from Palestinian armed groups": a group named after the other
        # side's entity is a participant of its own
        same = bool(got) and set(got) <= idx.parts.avoid and member.i not in idx.by_token
        made = idx.participant(member) if not got or same else None
        out += [made] if made else got
    out += _garbled_coordination(tok, idx)
    # "Prisoners in Dili", "Ethnic Albanians in south Serbia": the place stands in; for people
    # also the body they come from ("activists from the Fatah Party", not "weapons from X")
    people = group_head(tok) is not None
    if not out:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "from", "throughout", "across", "at"):
                found = [e for p in c.children if p.dep_ == "pobj" for e in _one(p, idx)]
                out += [e for e in found if people or idx.types.get(e) in STAND_IN_TYPES]
    return uniq(out)


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


def preps(tok: Token, wanted: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in wanted:
            out += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                out.append(c)
    return out
