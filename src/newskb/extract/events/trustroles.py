"""Participants the last precision gate (``trust``) drops: a dateline ("WASHINGTON (AP) -"),
people in general ("People say they attack us"), a place that only modifies a noun ("the New
York businessman", "the Benghazi attack", "Chicago-based AbbVie"); an event whose actors were
all such is no event."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles
from newskb.extract.events.triggers import Trigger
from newskb.extract.events.trustwords import AGENT_NOUNS, GENERIC, PLACE_NOUNS

_LAST: list[tuple[EntityIndex, Doc, frozenset[str]]] = []


def _dateline(tok: Token) -> bool:
    """'WASHINGTON (AP) -' / 'WASHINGTON (Reuters) -': the city a story was filed from."""
    sent_start = tok.sent.start
    if tok.i - sent_start > 3 or not tok.text.isupper() or len(tok.text) < 3:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.text in ("(", "-", "—", "–", ",") or nxt.is_space)


def _place_uses(sent: SpacySpan, idx: EntityIndex) -> set[str]:
    """Places the article names ("in Benghazi", "the San Bernardino attack") and never as a
    subject or an owner; an abbreviated name ("U.S.", "UK") is a state that acts. Counted once
    per article (the last article's index and places are kept)."""
    if _LAST and _LAST[0][0] is idx and _LAST[0][1] is sent.doc:
        return set(_LAST[0][2])
    out: set[str] = set()
    acting: set[str] = set()
    for tok in sent.doc:
        e = idx.by_token.get(tok.i)
        if e is None:
            continue
        if idx.types.get(e) == "GPE" and tok.dep_ in ("compound", "nmod", "pobj"):
            out.add(e)
        if tok.dep_ in ("nsubj", "nsubjpass", "poss") or "." in tok.text or tok.is_upper:
            acting.add(e)
    _LAST[:] = [(idx, sent.doc, frozenset(out - acting))]
    return out - acting


def _modifier_only(
    eid: str,
    trig: Trigger,
    sent: SpacySpan,
    idx: EntityIndex,
    places: set[str] | None,
    of_trigger: bool = True,
    agents: frozenset[str] = frozenset(),
) -> bool:
    """Every mention of ``eid`` in the sentence only modifies a noun outside it: another
    noun ('the New York businessman', 'Staunton police'), or the trigger when the article
    uses the entity as a place ('the Benghazi attack' with 'in Benghazi')."""
    toks = [t for t in sent if idx.by_token.get(t.i) == eid]
    if not toks:
        return False
    for t in toks:
        if idx.by_token.get(t.head.i) == eid:
            continue  # inside the name
        if t.head.lower_ == "based" and t.dep_ == "npadvmod":
            continue  # "Chicago-based AbbVie"
        if t.dep_ not in ("compound", "amod", "nmod") or t.head.pos_ not in ("NOUN", "PROPN"):
            return False
        chain = [t.head]
        while chain[-1].dep_ == "compound" and chain[-1].head is not chain[-1]:
            chain.append(chain[-1].head)
        if any(h.lemma_.lower() in agents or h.lower_ in agents for h in chain):
            return False
        if t.head.lower_ in PLACE_NOUNS:
            return False
        on_trigger = t.head.i in (trig.token.i, trig.phrase.i)
        if on_trigger and (not of_trigger or places is None or eid not in places):
            return False
    return True


def _generic(eid: str, toks: list[Token], trig: Trigger, idx: EntityIndex) -> bool:
    """'People say they attack us': people in general, not a crowd that protested
    ('20,000 people joined the demonstrations', 'thousands of people')."""
    if trig.type == "PROTEST":
        return False
    if idx.parts.names.get(eid, idx.names.get(eid, "")).lower() not in GENERIC:
        return False
    counted = any(
        c.dep_ in ("nummod", "amod", "quantmod") or c.like_num for t in toks for c in t.children
    )
    return not counted and not any(t.head.dep_ == "pobj" and t.dep_ == "pobj" for t in toks)


def participants(trig: Trigger, r: Roles, idx: EntityIndex, sent: SpacySpan) -> Roles | None:
    """The roles without datelines, generic people and place modifiers among the actors;
    ``None`` (no event) when that leaves no actor where there was one."""
    if not r.actors:
        return r
    places: set[str] | None = None
    kept: list[str] = []
    for a in r.actors:
        toks = [t for t in sent if idx.by_token.get(t.i) == a]
        agents = AGENT_NOUNS - {"people"}
        if toks and all(_dateline(t) for t in toks):
            continue
        if _generic(a, toks, trig, idx):
            continue
        if idx.types.get(a) == "GPE":
            if places is None:
                places = _place_uses(sent, idx)
            if _modifier_only(a, trig, sent, idx, places, True, agents):
                continue
        kept.append(a)
    if not kept:
        return None
    if len(kept) == len(r.actors):
        return r
    return Roles(tuple(kept), r.recipients, r.location, r.group)
