"""Event status from modality, tense, negation and the verbs above the trigger.

occurred: reported as done or going on; planned: future, promised, agreed or scheduled;
hypothetical: conditional, possible, demanded, needed or a purpose; negated: said not to happen.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events.lexicon import Lexicon
from newskb.model import EventStatus

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
# "should not have" / "ought never to have" + participle: a regret about what did happen
REGRET_AUX = frozenset({"should", "ought"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
COND_MARKS = frozenset({"if", "unless", "whether"})
PLANNED_ADJ = frozenset({"planned", "proposed", "future", "upcoming", "possible", "potential"})
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acomp", "pcomp", "pobj", "prep"})
FROM_BELOW = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acomp"})
VERBISH = frozenset({"VERB", "AUX", "ADJ"})
TIME_PREPS = frozenset({"after", "before", "since", "during", "despite", "while", "until"})


def _is_neg(tok: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in NEG_WORDS and c.dep_ in ("advmod", "det"))
        for c in tok.children
    )


def _reported(verb: Token, lex: Lexicon) -> bool:
    cur = verb
    while cur.dep_ in CLIMB_DEPS and cur.head.i != cur.i:
        cur = cur.head
        if any(e.kind == "report" for e in lex.verbs.get(cur.lemma_.lower(), ())):
            return True
    return False


def _own_clause(verb: Token, lex: Lexicon) -> EventStatus | None:
    """What the verb's own auxiliaries, negation and marks say (None: nothing)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & COND_MARKS:
        return "hypothetical"
    if auxes & REGRET_AUX and "have" in auxes and verb.tag_ == "VBN" and _is_neg(verb):
        return "occurred"  # "this war should never have started": it did start
    if _is_neg(verb):
        return "negated"
    if auxes & FUTURE_AUX or _going_to(verb):
        return "planned"
    if "would" in auxes:
        return "planned" if _reported(verb, lex) else "hypothetical"
    if auxes & MODAL_AUX:
        return "hypothetical"
    if "to" in auxes and verb.dep_ in ("advcl", "acl", "relcl"):
        return "hypothetical"  # "to prevent future conflicts", "the need to stop ..."
    return None


def _governed(cur: Token, came_by: str, lex: Lexicon) -> EventStatus | None:
    """What a governing verb says of the complement reached through ``came_by``."""
    if came_by not in FROM_BELOW:
        return None
    lemma = cur.lemma_.lower()
    entries = lex.verbs.get(lemma, ())
    kinds = {e.kind for e in entries}
    types = {e.type for e in entries}
    if "intent" in kinds or lemma in lex.adjectives:
        return "negated" if _is_neg(cur) else "planned"
    if "control" in kinds:
        if "REJECT" in types:
            return "negated"
        if types & {"AGREE", "THREATEN"}:
            return "planned"
        if "REQUEST" in types:
            return "hypothetical"
    return None


def status(trigger: Token, head: Token, lex: Lexicon) -> EventStatus:
    """Status of the event whose trigger is ``trigger`` and whose clause verb is ``head``."""
    came_by = ""
    cur = head
    if trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in trigger.children
    ):
        return "negated"  # "no talks were held"
    if head.pos_ not in VERBISH:
        if any(c.lower_ in PLANNED_ADJ for c in trigger.children if c.dep_ in ("amod", "compound")):
            return "planned"
        while cur.pos_ not in VERBISH and cur.head.i != cur.i:
            while cur.dep_ in ("conj", "appos") and cur.head.pos_ in ("NOUN", "PROPN"):
                cur = cur.head
            if cur.head.i == cur.i:
                break
            came_by = "pobj" if cur.head.pos_ == "ADP" else cur.dep_
            cur = cur.head
            if cur.pos_ == "ADP":
                cur = cur.head
            elif cur.pos_ in ("NOUN", "PROPN"):
                return "occurred"  # a noun inside a noun phrase: as reported
        if cur.pos_ not in VERBISH:
            return "occurred"
    result: EventStatus = "occurred"
    first = True
    while True:
        if came_by:
            ruled = _governed(cur, came_by, lex)
            if ruled is not None:
                return ruled if result == "occurred" or ruled == "negated" else result
        if first or came_by in ("nsubj", "nsubjpass", "dobj"):
            own = _own_clause(cur, lex)
            if own in ("hypothetical", "negated"):
                return own
            if own is not None:
                result = own
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            return result
        came_by = cur.dep_
        cur = cur.head
        first = False
        if cur.pos_ == "ADP" and cur.lower_ in TIME_PREPS:
            return result  # "committed suicide after being arrested": a time, not a content
        if cur.pos_ == "ADP":  # "agreed to talks": through the preposition
            came_by = "pobj"
            cur = cur.head
        if cur.pos_ not in VERBISH:
            return result


def _going_to(verb: Token) -> bool:
    """'is going to sign', 'is about to restore'."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return any(
            c.lower_ == "about" and c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "to"
            for c in verb.children
        )
    return (head.lemma_ == "go" and head.tag_ == "VBG") or head.lower_ == "about"
