"""What an agreement commits its parties to: the object phrase and the status a verb gives it.

"The leaders agreed that the movement towards peace will begin with an energy and infrastructure
ceasefire" -> object "energy and infrastructure ceasefire". A later "violated the ceasefire"
changes the status of the agreement on the same object (the store's ledger follows it).
"""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events.lexicon import Lexicon
from newskb.model import AgreementStatus

DROP_LEFT = frozenset({"det", "poss", "predet", "nummod", "quantmod", "case"})
MAX_OBJECT_TOKENS = 12


def _deal_phrase(noun: Token) -> str:
    """The deal noun with its left modifiers ("energy and infrastructure ceasefire")."""
    left = [c for c in noun.lefts if c.dep_ not in DROP_LEFT]
    start = min((c.left_edge.i for c in left), default=noun.i)
    return one_line(noun.doc[start : noun.i + 1].text, keep_end=True)


def one_line(text: str, keep_end: bool = False) -> str:
    """The object stays on one line: a title or dateline line without a final period may be
    parsed into the next sentence, so a phrase is cut at the line break (keeping the side
    holding the head: the end for a deal noun, the start for a clause)."""
    if "\n" not in text:
        return text
    return (text.rsplit("\n", 1)[1] if keep_end else text.split("\n", 1)[0]).strip()


def _deals_below(tok: Token, lex: Lexicon) -> list[Token]:
    """Deal nouns in ``tok``'s subtree, nearest first (breadth-first over the tree)."""
    found: list[Token] = []
    queue = [tok]
    while queue:
        cur = queue.pop(0)
        if cur.lemma_.lower() in lex.deals and cur.pos_ in ("NOUN", "PROPN"):
            found.append(cur)
        queue += list(cur.children)
    return found


def _clause_text(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("mark", "punct")]
    if not words:
        return tok.text
    start, end = words[0].i, min(words[-1].i + 1, words[0].i + MAX_OBJECT_TOKENS)
    return one_line(tok.doc[start:end].text)


def agreement_object(trigger: Token, lex: Lexicon) -> str | None:
    """The object of an agreement triggered at ``trigger`` (None when nothing is named)."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() in lex.deals:
        return _deal_phrase(trigger)
    comps = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep")]
    for comp in comps:
        deals = _deals_below(comp, lex)
        if deals:
            return _deal_phrase(deals[0])
    for comp in comps:  # "agreed to release the prisoners": the commitment, not an opinion
        if comp.dep_ == "xcomp":
            return _clause_text(comp)
        if comp.dep_ == "prep" and comp.lower_ in ("to", "on", "upon"):
            objs = [p for p in comp.children if p.dep_ == "pobj"]
            if objs:
                return _clause_text(objs[0])
    return None


def status_change(trigger: Token, lex: Lexicon) -> tuple[AgreementStatus, str] | None:
    """(new status, object) when ``trigger`` changes the status of a named agreement."""
    got = lex.agreement_status.get(trigger.lemma_.lower())
    if got is None:
        return None
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    for obj in objects:
        if obj.lemma_.lower() in lex.deals:
            return _status(got), _deal_phrase(obj)
    return None


def _status(word: str) -> AgreementStatus:
    if word == "in force":
        return "in force"
    if word == "violated":
        return "violated"
    if word == "abandoned":
        return "abandoned"
    return "agreed"
