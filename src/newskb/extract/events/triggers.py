"""Find event triggers in a sentence: lexicon lemmas checked against the dependency structure.

A trigger is a verb (``agreed``, ``shelled``), a verb with its particle (``called for``), a noun
made an event by a light verb (``held talks``, ``imposed a curfew``) or standing on its own with
participants (``the telephone conversation between Trump and Putin``), or an adjective taking a
complement (``ready to send troops``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newskb.extract.events.lexicon import Entry, Lexicon

COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# prepositions that attach participants (not places or times) to a noun trigger
PARTICIPANT_PREPS = frozenset({"between", "with", "by", "against", "on", "to", "from", "of"})
PHONE_WORDS = frozenset({"phone", "telephone", "video", "videoconference", "online", "virtual"})
# objects that make a trigger verb something else ("released a statement", "ended the war")
SPEECH_OBJECTS = frozenset(
    {
        "statement",
        "report",
        "video",
        "document",
        "detail",
        "figure",
        "data",
        "information",
        "record",
        "list",
        "film",
        "photo",
        "image",
        "footage",
        "result",
        "version",
        "update",
        "speech",
        "interview",
        "message",
        "letter",
        "signal",
        "comment",
        "account",
        "warning",
    }
)
CONFLICT_OBJECTS = frozenset(
    {
        "war",
        "conflict",
        "fighting",
        "violence",
        "hostility",
        "proliferation",
        "bloodshed",
        "crisis",
        "occupation",
        "aggression",
        "dispute",
        "feud",
        "standoff",
        "row",
        "quarrel",
        "hostilities",
        "stalemate",
    }
)
REVERSAL = frozenset(
    {"cancel", "suspend", "halt", "end", "stop", "lift", "postpone", "drop", "scrap", "freeze"}
)
CONFLICTUAL = frozenset({"COERCE", "PROTEST", "SANCTION", "ASSAULT", "THREATEN", "MOBILIZE"})
DEONTIC = frozenset({"must", "should", "ought"})
CONTAINERS = frozenset(
    {"mission", "effort", "operation", "campaign", "initiative", "process", "round", "session",
     "team", "drive", "bid"}
)  # fmt: skip
# withdrawing these is a sanction (PLOVER SANCTION withdraw), not a military retreat
COOPERATION_STAFF = frozenset(
    {"peacekeeper", "peacekeeping", "inspector", "ambassador", "envoy", "diplomat", "observer",
     "monitor", "worker", "aid", "support", "mission", "embassy", "recognition"}
)  # fmt: skip
# particles that leave a verb's sense as it is (ours)
SAME_SENSE_PARTICLES: dict[str, tuple[str, ...]] = {
    "cut": ("off",), "shoot": ("down",), "strike": ("back",), "fight": ("back", "off"),
    "hit": ("back",), "seal": ("off",), "block": ("off",), "round": ("up",), "beat": ("up",),
    "lock": ("up",), "step": ("up",), "pull": ("out", "back"), "call": ("off",),
    "hand": ("over",), "break": ("off",), "blow": ("up",), "hold": ("hostage",),
    "carry": ("out",), "mobilize": (), "free": (), "give": ("back",),
}  # fmt: skip
# modifiers that make a "strike" an attack, not a walkout
ATTACK_STRIKE = frozenset(
    {"air", "missile", "drone", "military", "rocket", "artillery", "aerial", "naval", "nuclear",
     "pre-emptive", "preemptive", "retaliatory", "precision", "surgical", "targeted", "israeli",
     "american", "russian", "u.s.", "us", "coalition", "nato"}
)  # fmt: skip
STRIKERS = frozenset({"worker", "employee", "union", "staff", "miner", "teacher", "doctor",
                      "nurse", "driver", "pilot", "student", "docker", "member"})  # fmt: skip
ACCEPT_VERBS = frozenset({"accept", "meet", "heed", "grant"})
WEAK_VERBS = frozenset({"give"})
COMPLAINT_LIGHT = frozenset({"lodge", "file", "register", "issue", "send"})
NOT_EVENT_OBJECTS: dict[str, frozenset[str]] = {
    "RETREAT": SPEECH_OBJECTS,
    "AID": SPEECH_OBJECTS,
    "SANCTION": CONFLICT_OBJECTS,
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One event trigger in a sentence (internal to the events package)."""

    token: Token  # the trigger word (verb, noun or adjective)
    entry: Entry
    type: str
    mode: str | None
    head: Token  # the verb (or noun) whose arguments are the event's participants
    end: int  # end token index (exclusive) of the trigger text, e.g. after a particle
    phrase: Token  # the noun phrase head whose modifiers and preps name participants


def _particle(tok: Token, want: str) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "dative") and child.lower_ == want:
            return child
    return None


def _verb_entry(tok: Token, lex: Lexicon) -> tuple[Entry, Token | None] | None:
    """The lexicon entry of a verb; a particle the entry lacks makes another verb ("shell
    out", "end up", "speak out"), unless it keeps the sense ("cut off", "shoot down")."""
    lemma = tok.lemma_.lower()
    entries = lex.verbs.get(lemma)
    if not entries:
        return None
    prts = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    for e in entries:
        if e.particle is None:
            if any(p not in SAME_SENSE_PARTICLES.get(lemma, ()) for p in prts):
                return None
            return e, None
        part = _particle(tok, e.particle)
        if part is not None:
            return e, part
    return None


def _object_ok(tok: Token, event_type: str) -> bool:
    banned = NOT_EVENT_OBJECTS.get(event_type)
    if not banned:
        return True
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return not any(o.lemma_.lower() in banned for o in objs)


def _deontic_complement(tok: Token) -> bool:
    """'said that Libya must hand over ...' (not 'should never have started': counterfactual)."""
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        auxes = {a.lower_ for a in c.children if a.dep_ == "aux"}
        negated = any(a.dep_ == "neg" or a.lower_ == "never" for a in c.children)
        if auxes & DEONTIC and "have" not in auxes and not negated:
            return True
    return False


def _has_complement(tok: Token) -> bool:
    return any(c.dep_ in COMPLEMENT_DEPS for c in tok.children)


def _noun_mode(tok: Token, entry: Entry) -> str | None:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
    if entry.type == "CONSULT" and mods & PHONE_WORDS:
        return "phone"
    if entry.type == "PROTEST" and entry.mode == "strike" and "hunger" in mods:
        return "hunger"
    return entry.mode


def _noun_has_participants(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return True
        if c.dep_ == "prep" and c.lower_ in PARTICIPANT_PREPS and c.lower_ != "of":
            return True
    return False


def _governor(tok: Token) -> Token:
    """The word a noun trigger depends on, skipping prepositions and coordination."""
    cur = tok
    while cur.dep_ in ("conj", "appos", "pobj", "compound") and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ == "ADP":
            if cur.lower_ == "of" and cur.head.pos_ == "NOUN":  # "a state of siege"
                cur = cur.head
                continue
            cur = cur.head
    return cur if cur.i != tok.i else tok.head


def find(sent: SpacySpan, lex: Lexicon) -> list[Trigger]:
    """All triggers of one sentence, in text order."""
    out: list[Trigger] = []
    light_used: set[int] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            got = _verb_entry(tok, lex)
            if got is None or tok.dep_ in ("amod", "compound"):  # "US-led", "long-threatened"
                continue
            entry, part = got
            if entry.kind in ("report", "light") and _deontic_complement(tok):
                # "X said Y must withdraw": X demands it
                out.append(Trigger(tok, entry, "REQUEST", None, tok, tok.i + 1, tok))
                continue
            if entry.kind in ("event", "control") and entry.type and _object_ok(tok, entry.type):
                end = part.i + 1 if part is not None and part.i == tok.i + 1 else tok.i + 1
                typ, mode = _retype(tok, entry, lex) or (entry.type, entry.mode)
                out.append(Trigger(tok, entry, typ, mode, tok, end, tok))
        elif tok.pos_ == "ADJ":
            adj = lex.adjectives.get(lemma)
            if adj and adj.type and _has_complement(tok):
                typ, mode = _retype(tok, adj, lex) or (adj.type, adj.mode)
                out.append(Trigger(tok, adj, typ, mode, tok, tok.i + 1, tok))
        elif tok.pos_ in ("NOUN", "PROPN"):
            noun = lex.nouns.get(lemma)
            if noun is None or noun.type is None:
                continue
            # "a mediation mission between X and Y": the phrase is headed by "mission"
            phrase = tok
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                if tok.head.lemma_.lower() not in CONTAINERS:
                    continue  # "border patrol agents", "ceasefire agreement"
                phrase = tok.head
            gov = _governor(phrase)
            gov_entry = _verb_entry(gov, lex) if gov.pos_ in ("VERB", "AUX") else None
            mode = _noun_mode(tok, noun)
            if lemma == "strike" and not _labour_strike(tok):
                if not _attack_strike(tok):
                    continue  # "a third successive strike", "strike zone": neither
                noun = _ASSAULT_STRIKE
            if noun.type is None:
                continue
            light = gov_entry is not None and (
                gov_entry[0].kind == "light" or gov.lemma_.lower() in WEAK_VERBS
            )
            if light and gov.i not in light_used:
                # "held talks", "imposed a curfew", "negotiations will begin"
                light_used.add(gov.i)
                typ = noun.type
                if typ == "PROTEST" and gov.lemma_.lower() in COMPLAINT_LIGHT:
                    typ, mode = "ACCUSE", "disapprove"  # "lodged a protest with Albania"
                out.append(Trigger(tok, noun, typ, mode, gov, tok.i + 1, phrase))
            elif (
                noun.type == "PROTEST"
                or _noun_has_participants(phrase)
                or phrase.dep_ in ("nsubj", "nsubjpass")
                or (gov_entry is not None and gov_entry[0].kind in ("control", "intent"))
                or (gov_entry is not None and gov_entry[0].type == noun.type)
            ):
                out.append(Trigger(tok, noun, noun.type, mode, phrase, tok.i + 1, phrase))
    return _drop_nested_duplicates(_drop_weak(out))


_ASSAULT_STRIKE = Entry("strike", "N", "event", "ASSAULT", "aerial")


def _attack_strike(tok: Token) -> bool:
    """'an air strike', 'Israeli strikes on Gaza': force, not a walkout."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if "hunger" in mods or "general" in mods:
        return False
    return bool(mods & ATTACK_STRIKE) or any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "against")
        and any(p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in c.children)
        for c in tok.children
    )


LABOUR = frozenset(
    {"general", "hunger", "nationwide", "national", "labor", "labour", "union", "worker",
     "workers", "wage", "pay", "24-hour", "48-hour", "one-day", "indefinite", "rail",
     "transport", "teachers", "doctors", "nurses", "miners", "actors", "writers", "guild",
     "staff", "public", "sector", "day", "week", "warning", "sympathy", "student", "students"}
)  # fmt: skip


def _labour_strike(tok: Token) -> bool:
    """'a general strike', 'a Screen Actors Guild strike', 'went on strike': a walkout."""
    near = {w.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
            for w in c.subtree}  # fmt: skip
    if near & LABOUR:
        return True
    head = tok.head
    return (head.lower_ == "on" and head.dep_ == "prep") or any(
        c.lower_ == "over" for c in tok.children if c.dep_ == "prep"
    )


def _drop_weak(found: list[Trigger]) -> list[Trigger]:
    """'gave a warm welcome': the noun event replaces the weak verb's own."""
    taken = {t.head.i for t in found if t.token.i != t.head.i}
    return [t for t in found if not (t.token.i in taken and t.token.lemma_ in WEAK_VERBS)]


def _complement_type(tok: Token, lex: Lexicon) -> str | None:
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            got = _verb_entry(c, lex)
            if c.lemma_.lower() in REVERSAL:
                return None  # "agreed to postpone the demonstration"
            if got is not None and got[0].type:
                retyped = _retype(c, got[0], lex, nested=True)
                return retyped[0] if retyped else got[0].type
            for o in c.children:  # "to impose a curfew"
                noun = lex.nouns.get(o.lemma_.lower()) if o.dep_ == "dobj" else None
                if noun is not None and noun.type:
                    return noun.type
    return None


def _retype(
    tok: Token, entry: Entry, lex: Lexicon, nested: bool = False
) -> tuple[str, str | None] | None:
    """Types that depend on the object or the complement (PLOVER coding conventions)."""
    lemma = tok.lemma_.lower()
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "strike" and not objects:
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj and subj[0].lemma_.lower() in STRIKERS:
            return "PROTEST", "strike"  # "workers struck for higher pay"
    if lemma in REVERSAL and any(o.lemma_.lower() == "work" for o in objects):
        return "PROTEST", "strike"  # "workers stopped work"
    if lemma == "withdraw" and any(
        w.lemma_.lower() in COOPERATION_STAFF for o in objects for w in o.subtree
    ):
        return "SANCTION", "withdraw"  # "will withdraw its inspectors"
    if lemma == "protest":
        subj = [c for c in (*tok.children, *tok.head.children) if c.dep_ == "nsubj"]
        if subj and subj[0].tag_ in ("NNS", "NNPS") and not subj[0].ent_type_:
            return "PROTEST", "demo"  # "demonstrators protesting", "workers protested"
    if lemma in REVERSAL or lemma in ACCEPT_VERBS:
        for c in tok.children:
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            noun = lex.nouns.get(c.lemma_.lower())
            if noun is None or noun.type is None:
                continue
            if lemma in ACCEPT_VERBS:
                if noun.type == "REQUEST":  # "accepted the demands"
                    return "CONCEDE", None
                continue
            if noun.type in CONFLICTUAL:  # "lifted the curfew"
                return "CONCEDE", None
            return "SANCTION", "discontinue"  # "cancelled the visit"
    if not nested and entry.kind == "control" and entry.type == "AGREE":
        inner = _complement_type(tok, lex)
        if inner in CONFLICTUAL:  # "is prepared to impose martial law"
            return "THREATEN", None
    return None


def _drop_nested_duplicates(found: list[Trigger]) -> list[Trigger]:
    """One event per predicate: a noun trigger inside the argument of a verb trigger
    ("attacked ... in an attack", "condemned the attack", "launched an air strike") is part of
    the verb's event, not one of its own."""
    verbs = {t.token.i for t in found if t.token.i == t.head.i and t.token.pos_ in VERBISH}
    keep: list[Trigger] = []
    for t in found:
        if t.token.i != t.head.i or t.token.pos_ not in ("NOUN", "PROPN"):
            keep.append(t)
            continue
        if _governor(t.phrase).i in verbs:
            continue
        keep.append(t)
    return keep


VERBISH = frozenset({"VERB", "AUX", "ADJ"})
