"""Doers named outside the clause's subject.

"A Mafia boss arrested in a police raid", "arrested yesterday in one of Sicily's biggest police
operations": the police did the arresting; the passive names no agent, the operation does.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.triggers import Trigger

OPERATIONS = frozenset(
    "raid raids operation operations sweep sweeps swoop crackdown crackdowns manhunt".split()  # noqa: SIM905
)
FORCES = frozenset("police army troops military".split())  # noqa: SIM905
IN_PREPS = frozenset({"in", "during", "after"})


def _operation_force(noun: Token) -> Token | None:
    if noun.lower_ not in OPERATIONS:
        return None
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in FORCES:
            return c
    return None


def _nouns(verb: Token) -> list[Token]:
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in IN_PREPS:
            for p in prep.children:
                if p.dep_ == "pobj":
                    out.append(p)  # "in a police raid"
                    out += [
                        q for x in p.children if x.dep_ == "prep" for q in x.children
                    ]  # "in one of Sicily's biggest police operations"
    return out


def operation_doers(trig: Trigger, idx: EntityIndex) -> tuple[str, ...]:
    """The force whose operation did a COERCE act left without an actor."""
    if trig.type != "COERCE" or trig.head.pos_ not in ("VERB", "AUX"):
        return ()
    for noun in _nouns(trig.head):
        force = _operation_force(noun)
        if force is not None:
            got = idx.by_token.get(force.i) or idx.participant(force)
            return (got,) if got else ()
    return ()
