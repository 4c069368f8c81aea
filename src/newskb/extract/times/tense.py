"""Tense of the clause a time expression sits in, from spaCy's tags and dependencies.

-1: past ("met on Tuesday"), +1: future ("will meet on Tuesday", "is to meet", "plans to"),
0: present or unknown. Used to read "Tuesday" or "in March" as the last or the next one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "gon"})
_FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "due", "set", "intend", "aim", "hope"})


def _verb_of(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head is t:
            return t
        t = t.head
    return t


_REPORTING = frozenset({"say", "tell", "report", "announce", "add", "note", "state", "be", "have"})


def _tense(verb: Token, depth: int = 0) -> int:
    children = list(verb.children)
    for c in children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX:
            return 1
    if verb.lower_ in _FUTURE_AUX or (
        verb.lemma_ in ("schedule", "plan", "due") and not _past_form(verb, children)
    ):
        return 1  # "is scheduled for Tuesday", not "planned to pay on Friday"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in children):
        return 1  # "could come Tuesday"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children):
        return (
            _infinitive(verb, depth) if depth < 3 else 0
        )  # "plans to leave Tuesday", but "staged rallies to mark Friday"
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in children):
        return 1  # "is meeting on Tuesday"
    head = verb.head
    # "is going to meet", "plans to meet", "is to meet", "is scheduled to meet"
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_ in _FUTURE_HEADS or head.lower_ in ("going", "is", "are"):
            return 1
        inner = _tense(head, depth + 1) if head.dep_ != "xcomp" and depth < 3 else 0
        if inner:
            return inner
    if verb.tag_ in ("VBD",):
        return -1
    for c in children:
        if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ not in ("would", "could"):
            return -1
        if c.dep_ == "aux" and c.lemma_ == "have" and verb.tag_ == "VBN":
            return -1
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return -1
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _REPORTING:
        return 1  # scheduled present: "the truce takes effect on Thursday"
    return 0


def _past_form(verb: Token, children: list[Token]) -> bool:
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in children)


def _infinitive(verb: Token, depth: int) -> int:
    """A to-infinitive looks ahead of its governor: "plans/is set/is ready to meet Friday" is
    future; otherwise it takes the governor's tense ("extended the offer to buy it Friday")."""
    head = verb.head
    for _ in range(4):
        if head is verb or head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            break
        if head.pos_ == "ADJ" or head.lemma_ in _FUTURE_HEADS:
            return 1  # "ready to leave", "due to expire"
        head = head.head
    if head is verb or head.lemma_ in _FUTURE_HEADS or head.lower_ in ("going", "is", "are"):
        return 1
    if head.lemma_ in ("want", "seek", "try", "agree", "promise", "decide", "vow", "threaten"):
        return 1 if head.tag_ not in ("VBD", "VBN") else 0
    return _tense(head, depth + 1) if head.dep_ != "xcomp" else 0


def tense_reader(doc: Doc | None) -> Callable[[int], int]:
    """A function: character offset -> tense of its clause (0 when there is no parse)."""
    if doc is None or len(doc) == 0 or not doc.has_annotation("DEP"):
        return lambda _offset: 0
    starts: list[int] = []
    cache: dict[int, int] = {}

    def at(offset: int) -> int:
        if not starts:  # built on first use: most texts never ask
            starts.extend(t.idx for t in doc)
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        if i not in cache:
            cache[i] = _tense(_verb_of(doc[i]))
        return cache[i]

    return at
