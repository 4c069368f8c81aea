"""Noun triggers in their PLOVER sense: a name is no event, "heart attack" is no violence,
"war games" are manoeuvres, a call or a talk needs parties, a campaign rally is no protest,
an appeal needs what it asks for."""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events.lexicon import word_set
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.triggers import Trigger

# nouns used with these as a compound or adjective are something else ("heart attack")
NOT_VIOLENCE = word_set("heart panic asthma anxiety allergy shark dog bee")


PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _campaign_rally(trig: Trigger, idx: EntityIndex) -> bool:
    """'the senator opened a Rochester rally', 'Trump's rally in Ohio': a campaign event held
    by one person, not a demonstration."""
    tok = trig.token
    owners = [idx.by_token[c.i] for c in tok.children if c.dep_ == "poss" and c.i in idx.by_token]
    verb = tok.head if tok.dep_ in ("dobj", "pobj") else None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    holder = idx.by_token.get(subj.i) if subj is not None else None
    people = [*owners, *([holder] if holder else [])]
    single = subj is not None and subj.tag_ in ("NN", "NNP") and subj.lower_ not in ("crowd",)
    return any(idx.types.get(x) == "PERSON" for x in people) or (
        single and subj is not None and subj.lemma_.lower() in ROLE_HEADS
    )


ROLE_HEADS = word_set(
    "senator candidate president governor mayor nominee congressman congresswoman"
)


def _call_between(tok: Token, idx: EntityIndex) -> bool:
    """A phone call between parties ('the phone call between Trump and Putin', 'Trump's call
    with Putin'); not 'screened all the calls', 'a conference call with reporters'."""
    named = [
        w
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("between", "with")
        for p in c.children
        if p.dep_ == "pobj"
        for w in (p, *p.conjuncts)
        if idx.types.get(idx.by_token.get(w.i, "")) in PARTY_ENTS
    ]
    owners = [
        c
        for c in tok.children
        if c.dep_ == "poss" and idx.types.get(idx.by_token.get(c.i, "")) in PARTY_ENTS
    ]
    return bool(named) or len(owners) + sum(len(o.conjuncts) for o in owners) > 1


MANOEUVRES = word_set("war military joint naval air army drill")


def noun_ok(trig: Trigger, idx: EntityIndex) -> bool:
    tok = trig.token
    if trig.type == "CONSULT" and tok.lemma_.lower() == "call":
        return _call_between(tok, idx)
    if trig.type == "CONSULT" and tok.lower_ == "talk":
        # "for talk on limiting missiles"; not "Trump's talk starts at ...", a speech
        return _call_between(tok, idx) or any(
            c.dep_ == "prep" and c.lower_ in ("on", "about", "over") for c in tok.children
        )
    if (
        trig.type == "PROTEST"
        and tok.lemma_.lower() == "rally"
        and any(c.lower_ == "campaign" for c in tok.children)
    ):
        return False
    if trig.type == "REQUEST" and tok.lemma_.lower() == "appeal":
        return any(
            (c.dep_ in ("prep", "acl") and c.lower_ in ("for", "to")) or c.dep_ == "acl"
            for c in tok.children
        )  # "an appeal for calm"; not "Sanders' appeal"
    if trig.type == "PROTEST" and tok.lemma_.lower() == "rally":
        return not _campaign_rally(trig, idx)
    if trig.type == "COOPERATE" and tok.lemma_.lower() in ("game", "exercise"):
        return any(c.lower_ in MANOEUVRES for c in tok.children)  # "war games", not a match
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"):
        return False  # a name ("Promises" rehab centre), not an event
    return not (trig.type == "ASSAULT" and any(c.lower_ in NOT_VIOLENCE for c in tok.children))
