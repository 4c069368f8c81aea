"""The sense a trigger's arguments give it (issue 15): classes of objects, not example strings.

- a promise or offer (AGREE control verbs) commits to something: a clause ("offered to
  mediate"), an event or agreement noun ("offered talks", "pledged aid") or a commitment noun
  ("promised money, troops, support") - a product or a price is no commitment;
- a request (REQUEST control verbs) asks for an action or a political good; asking a question,
  for comment or information ("seeking comment", "asked whether") is reporting, not a demand;
- refusing or declining to speak ("declined to comment") is no rejection;
- giving (AID) is giving aid-like goods, not "a reason" or "a deadline";
- discontinuing (SANCTION discontinue) ends a relation or cooperation, not "bills" or "prices";
- signing (SUPPORT) signs an agreement or a law; establishing or restoring, relations;
- hosting or receiving (visits) has a person, state or group as guest;
- talking (CONSULT) is done with someone; reporting "to" a newspaper is not a consultation;
- force by firing or shooting is aimed at someone or fires a weapon ("fired the manager" is a
  dismissal); "struck a deal" is no assault.
"""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events import lexicon
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles
from newskb.extract.events.triggers import SPEECH_OBJECTS, Trigger


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# what can be promised, offered, pledged, given or asked for besides an event noun
COMMITMENT = _set(
    """aid assistance help support money fund funding loan credit grant troops soldiers weapon
    arms equipment supplies food medicine shelter asylum protection guarantee cooperation
    condolence concession compromise amnesty pardon release resignation withdrawal
    reparation compensation security visa access recognition ceasefire truce peace
    referendum election vote independence autonomy reform investigation inquiry probe
    extradition return removal dialogue mediation relief"""
)
# information words: asking for them, refusing them, is reporting
INFORMATION = SPEECH_OBJECTS | _set(
    """comment question answer information detail clarification explanation advice opinion
    reason confirmation response reply name identity whereabouts""")  # fmt: skip
SPEECH_VERBS = _set(
    "say comment reveal disclose elaborate confirm answer identify name specify explain describe"
)
RELATIONS = _set(
    """relation relations tie ties link links contact contacts cooperation aid assistance
    trade talks negotiation negotiations dialogue support funding supply supplies flight
    flights import imports export exports investment visit program programme deal agreement
    treaty exchange mission embassy""")  # fmt: skip
SIGNABLE = _set(
    """agreement deal accord treaty pact memorandum law bill decree declaration petition
    charter protocol convention resolution order ceasefire truce armistice contract""")
WEAPONS = _set(
    """shot shots round rounds rocket rockets missile missiles shell shells bullet bullets
    gun guns weapon weapons mortar mortars grenade grenades gas tear volley salvo""")
MEDIA_WORDS = _set(
    """magazine newspaper paper news radio television tv channel network reporter reporters
    journalist journalists press website blog station""")  # fmt: skip
AGREE_CONTROL = _set("offer promise pledge vow commit consent volunteer")
REQUEST_CONTROL = _set("ask seek request appeal press push pressure urge demand insist")
REFUSE = _set("refuse decline fail")
GIVE = _set("give provide send supply grant contribute donate")
DISCONTINUE = _set("cut reduce end stop halt suspend sever")
SIGN = _set("sign ratify")
RELATE = _set("establish restore upgrade")
HOST = _set("host receive welcome visit")
TALK = _set("talk speak")
AIMED = _set("fire shoot")


def _in(tok: Token, words: frozenset[str]) -> bool:
    """The word, a compound or adjective on it, or its "of" object is one of ``words``
    ("aid deliveries", "part of a military aid program")."""
    for w in _obj_words(tok):
        if w.lemma_.lower() in words or w.lower_ in words:
            return True
    return False


def _obj_words(tok: Token) -> list[Token]:
    out = [tok]
    out += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [p, *(m for m in p.children if m.dep_ in ("compound", "amod"))]
    return out


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]


def _pobjs(tok: Token, preps: frozenset[str] | None = None) -> list[Token]:
    return [
        p
        for c in tok.children
        if c.dep_ in ("prep", "dative") and (preps is None or c.lower_ in preps)
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _clause(tok: Token) -> Token | None:
    """The verb complement: "offered to mediate", "committed to opening up"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pcomp" and p.pos_ == "VERB":
                    return p
    return None


def _is_event_noun(tok: Token) -> bool:
    lex = lexicon.load()
    lemma = tok.lemma_.lower()
    noun = lex.nouns.get(lemma)
    return (noun is not None and noun.type is not None) or lemma in lex.deals


def _committed(tok: Token) -> bool:
    return _in(tok, COMMITMENT) or any(_is_event_noun(w) for w in _obj_words(tok))


def _named(tok: Token, idx: EntityIndex, kinds: frozenset[str]) -> bool:
    eid = idx.by_token.get(tok.i)
    return eid is not None and idx.types.get(eid) in kinds


def _media(tok: Token) -> bool:
    return any(w.lower_ in MEDIA_WORDS for w in tok.subtree)


PEOPLE_KINDS = frozenset({"PERSON", "GPE", "NORP"})


def ok(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    tok = trig.token
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_ok(trig)
    clause = _clause(tok)
    objs = _objects(tok)
    if trig.entry.kind in ("report", "light") and trig.type == "REQUEST":
        # "X said Y must withdraw": both named, and not the speaker obliging itself
        return bool(r.actors and r.recipients)
    if lemma in AGREE_CONTROL and trig.type in ("AGREE", "THREATEN"):
        if clause is not None:
            return clause.lemma_.lower() not in SPEECH_VERBS
        things = objs + _pobjs(tok, frozenset({"to", "for", "of"}))
        return any(_committed(o) for o in things)
    if lemma in REQUEST_CONTROL and trig.type == "REQUEST":
        if clause is not None:
            if any(m.lower_ in ("whether", "if") or m.tag_.startswith("W") for m in clause.children):
                return False  # "asked whether ...": a question
            return clause.lemma_.lower() not in SPEECH_VERBS
        things = objs + _pobjs(tok, frozenset({"for", "on"}))
        if any(_in(o, INFORMATION) for o in things):
            return False
        return any(_committed(o) for o in things) or bool(r.recipients and things)
    if lemma in REFUSE and clause is not None:
        return clause.lemma_.lower() not in SPEECH_VERBS
    if trig.type == "AID" and lemma in GIVE:
        return any(_committed(o) for o in objs)
    if trig.type == "SANCTION" and lemma in DISCONTINUE:
        return any(_in(o, RELATIONS) or _committed(o) for o in objs)
    if lemma in SIGN:
        return any(_in(o, SIGNABLE) for o in objs)
    if lemma in RELATE and trig.type == "SUPPORT":
        return any(_in(o, RELATIONS) for o in objs)
    if lemma in HOST and trig.type in ("CONSULT", "RETREAT"):
        # a visit is paid to a place or people; hosting or receiving has people as guests
        if lemma == "visit":
            return bool(r.recipients)
        return any(idx.types.get(x) in PEOPLE_KINDS or x in idx.parts.names for x in r.recipients
                   + r.actors)
    if lemma in TALK and trig.type == "CONSULT":
        if len(r.actors) > 1:  # "Trump and Putin spoke"
            return True
        partners = _pobjs(tok, frozenset({"with", "to"}))
        return any(not _media(p) for p in partners) and bool(r.recipients)
    if lemma in AIMED and trig.type == "ASSAULT":
        if any(_in(o, WEAPONS) for o in objs):
            return True
        if _pobjs(tok, frozenset({"on", "at", "into"})):
            return True
        return lemma == "shoot" and bool(objs) and bool(r.recipients)
    if lemma == "strike" and any(_is_event_noun(o) for o in objs):
        return False  # "struck a deal"
    return True


# nouns used with these as a compound or adjective are something else ("heart attack")
NOT_VIOLENCE = _set("heart panic asthma anxiety allergy shark dog bee")


def _noun_ok(trig: Trigger) -> bool:
    tok = trig.token
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"):
        return False  # a name ("Promises" rehab centre), not an event
    if trig.type == "ASSAULT" and any(c.lower_ in NOT_VIOLENCE for c in tok.children):
        return False
    return True
