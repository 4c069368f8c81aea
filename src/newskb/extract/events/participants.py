"""Participants that are not named things: "refugees", "Turkish police", "UN peacekeepers".

Event coders code such groups as actors and recipients ("Palestinian police confiscated weapons
from armed groups"). An event can only point at an entity id, so when an actor or recipient slot
holds a common noun that names a group, an institution or a role and no entity covers it, the
events step makes a per-article participant entity for it: its name is the noun with its
modifiers ("Algerian landowners"), its mentions the places the events step met it, and a group
counted out ("tens of thousands of students", "a group of Yoruba leaders") is the group itself.
Only participants an event points at are added to the extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newskb.extract.events.lexicon import word_set
from newskb.model import Entity, EntityType, Mention

# who acts as a body: institutions, forces, parties (ORG)
BODIES = word_set(
    """police army military government administration authority court parliament cabinet
    council ministry party coalition union movement militia agency committee commission regime
    opposition junta navy embassy newspaper organization organisation alliance front faction
    wing legislature assembly congress senate tribunal guard gang cartel network mission force
    bloc group country nation"""
)
# people acting as a group or in a role (NORP for groups, MISC for one unnamed person)
PEOPLE = word_set(
    """refugee protester protestor demonstrator rebel militant insurgent guerrilla guerilla
    soldier troop peacekeeper settler civilian prisoner hostage hostage-taker kidnapper
    worker student farmer landowner activist villager resident official officer diplomat
    negotiator mediator inspector observer monitor journalist doctor teacher youth immigrant
    migrant national citizen people crowd mob bomber gunman attacker fighter militiaman
    serviceman elder minister judge prosecutor investigator envoy delegation delegate lawmaker
    legislator senator voter opponent supporter dissident separatist extremist terrorist
    fundamentalist coordinator chief commander general governor mayor ambassador king emir
    premier chancellor secretary spokesman spokeswoman representative population tribe clan
    islamist jihadist policeman marine sailor pilot unit contingent detainee captive victim
    pilgrim employee miner trader merchant"""
)
# a counted or partitioned group: the group is the "of" object ("tens of thousands of students")
COUNTERS = word_set(
    """ten hundred thousand million dozen group number band patch batch third half quarter
    some most many majority part member dozens hundreds thousands tens millions leader head"""
)
# body words that name a group only with a modifier ("peace movement", not "the movement")
MODIFIED_ONLY = frozenset(
    {"movement", "front", "wing", "mission", "force", "network", "unit", "bloc"}
)
NAME_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "advmod"})


def _kind(tok: Token) -> EntityType | None:
    if tok.pos_ != "NOUN":
        return None
    lemma = tok.lemma_.lower()
    if lemma in BODIES:
        return "ORG"
    if lemma in PEOPLE:
        return "NORP" if tok.tag_ == "NNS" or lemma in ("people", "crowd", "mob") else "MISC"
    return None


def group_head(tok: Token) -> Token | None:
    """The noun naming the participant headed at ``tok`` (through counters), or None."""
    cur = tok
    for _ in range(3):
        objs = [p for c in cur.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if cur.lemma_.lower() in COUNTERS and objs:
            cur = objs[0]
            continue
        if _kind(cur) is None:
            return None
        bare = name_span(cur)[0] == cur.i
        return None if bare and cur.lemma_.lower() in MODIFIED_ONLY else cur
    return None


def name_span(head: Token) -> tuple[int, int]:
    """Token range (start, end) of the head noun with its name-like left modifiers, on one line."""
    start = head.i
    for c in sorted(head.lefts, key=lambda t: -t.i):
        if c.dep_ not in NAME_DEPS or c.right_edge.i != start - 1:
            break
        if any(t.dep_ in ("det", "poss", "nummod", "punct") and t.text != "-" for t in c.subtree):
            break
        start = c.left_edge.i
    doc = head.doc
    while start < head.i and "\n" in doc[start : head.i + 1].text:
        start += 1
    return start, head.i + 1


@dataclass(slots=True)
class Participants:
    """The participant entities made while reading one article (mutable, per article)."""

    first_id: int
    enabled: bool = False  # participants are a last resort: off while named ones are looked for
    avoid: set[str] = field(default_factory=set)  # entities already taken by the other role
    by_key: dict[str, str] = field(default_factory=dict)  # lowercased name -> entity id
    names: dict[str, str] = field(default_factory=dict)  # entity id -> name
    types: dict[str, EntityType] = field(default_factory=dict)
    mentions: dict[str, dict[int, Mention]] = field(default_factory=dict)

    def make(self, head: Token) -> tuple[str, EntityType]:
        """(entity id, type) of the participant headed at ``head``; its mention is recorded."""
        kind = _kind(head)
        assert kind is not None
        start, end = name_span(head)
        doc = head.doc
        text = doc[start:end].text
        key = " ".join(t.lemma_.lower() for t in doc[start:end])
        eid = self.by_key.get(key)
        if eid is None:
            eid = f"E{self.first_id + len(self.by_key)}"
            self.by_key[key] = eid
            self.names[eid] = text
            self.types[eid] = kind
            self.mentions[eid] = {}
        lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        self.mentions[eid].setdefault(lo, Mention(lo, hi, text, "other"))
        return eid, kind

    def starts(self, eid: str) -> list[int]:
        return list(self.mentions.get(eid, {}))

    def entities(self, used: set[str]) -> tuple[Entity, ...]:
        out: list[Entity] = []
        for eid, name in self.names.items():
            if eid not in used:
                continue
            ms = tuple(m for _, m in sorted(self.mentions[eid].items()))
            out.append(Entity(id=eid, name=name, type=self.types[eid], mentions=ms))
        return tuple(out)


def next_entity_number(entities: tuple[Entity, ...]) -> int:
    nums = [int(e.id[1:]) for e in entities if e.id[:1] == "E" and e.id[1:].isdigit()]
    return max(nums, default=0) + 1
