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

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newskb.extract.events import domain, nouns
from newskb.extract.events.lexicon import word_set
from newskb.extract.events.objects import (
    AGREE_CONTROL,
    AIMED,
    CAPTURABLE,
    COMPLY,
    COURTS,
    DAMAGE,
    DISCONTINUE,
    FORCES,
    GIVE,
    HOST,
    HUMANS,
    INFORMATION,
    NORM_VERBS,
    NORMS,
    PARTNERED,
    PEOPLE_KINDS,
    PRESSED,
    PROCEDURE,
    REFUSE,
    REJECT_OBJECT,
    RELATE,
    RELATIONS,
    REQUEST_CONTROL,
    REQUEST_MODALS,
    SIGN,
    SIGNABLE,
    SPEECH_VERBS,
    TARGETED,
    VAGUE,
    VERDICTS,
    WAYS,
    WEAPONS,
    clause,
    committed,
    human,
    in_words,
    is_event_noun,
    media,
    obj_words,
    objects,
    pobjs,
)
from newskb.extract.events.participants import group_head
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.roles import Roles
from newskb.extract.events.triggers import Trigger

AGENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
REFLEXIVES = word_set("himself herself themselves itself myself ourselves yourself")


@dataclass(frozen=True, slots=True)
class Use:
    """A verb or adjective trigger in its clause: what the sense checks read."""

    trig: Trigger
    r: Roles
    idx: EntityIndex
    lemma: str
    objs: list[Token]
    clause: Token | None

    @property
    def tok(self) -> Token:
        return self.trig.token

    def people(self, ids: tuple[str, ...]) -> bool:
        """Some of ``ids`` is a person, a state, a people or an unnamed group."""
        return any(self.idx.types.get(x) in PEOPLE_KINDS or x in self.idx.parts.names for x in ids)


def _deontic_report(u: Use) -> bool:
    return bool(u.r.actors and u.r.recipients)  # "X said Y must withdraw": both named


def _promise(u: Use) -> bool:
    if u.clause is not None:
        return u.clause.lemma_.lower() not in SPEECH_VERBS
    things = u.objs + pobjs(u.tok, frozenset({"to", "for", "of"}))
    return any(committed(o) for o in things)


def _call(u: Use) -> bool:  # "called for talks", "called on X to ..."
    return any(
        c.dep_ in ("prep", "prt")
        and c.lower_ in ("for", "on")
        and (c.i == u.tok.i + 1 or any(committed(p) or p.i in u.idx.by_token for p in c.children))
        for c in u.tok.children
    )


def _request(u: Use) -> bool:
    if u.lemma == "seek" and _attempt(u):
        return False  # "seeking to lower the temperature": trying, not asking
    if u.lemma in ("press", "push") and any(in_words(o, PRESSED) for o in u.objs):
        return False  # "pressing his attack", "pushed his case": keeping on, not asking
    if any(committed(o) for o in u.objs):  # "demanded the withdrawal of ..."
        return True
    clause = u.clause
    if clause is not None:
        if any(m.lower_ in ("whether", "if") or m.tag_.startswith("W") for m in clause.children):
            return False  # "asked whether ...": a question
        if clause.dep_ == "ccomp" and not _mandative(clause):
            return False  # "insisted the problems had nothing to do with it": a claim
        return clause.lemma_.lower() not in SPEECH_VERBS
    things = u.objs + pobjs(u.tok, frozenset({"for", "on"}))
    if any(in_words(o, INFORMATION) for o in things):
        return False
    return any(committed(o) for o in things) or bool(u.r.recipients and things)


def _refuse(u: Use) -> bool:
    """'refused to withdraw'; not 'declined to comment', 'declined to release the names'."""
    if u.clause is None:
        return True
    if u.clause.lemma_.lower() in SPEECH_VERBS:
        return False
    if u.clause.lemma_.lower() in ("speak", "talk") and media(u.clause):
        return False  # "refused to speak to reporters"
    return not any(_said(o) for o in objects(u.clause))


def _said(o: Token) -> bool:
    """An object that is information: 'the names', 'details of the deal'."""
    return o.lemma_.lower() in INFORMATION or o.lower_ in INFORMATION


def _rejected(u: Use) -> bool:
    """Rejecting or denying a proposal, a demand, a charge; not a court's 'denied the motions'
    nor 'rejected anything with a whiff of science'."""
    if any(o.lemma_.lower() in PROCEDURE or o.lower_ in VAGUE for o in u.objs):
        return False
    subj = next((c for c in u.tok.children if c.dep_ == "nsubj"), None)
    return subj is None or not in_words(subj, COURTS)  # "the court of claims denied ..."


def _defended(u: Use) -> bool:
    """Defending someone ('defended the right of Russian troops to ...', 'defended Israel');
    not one's own acts ('defended its actions', 'defended the regulations')."""
    for o in u.objs:
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children):
            continue
        owners = [c for c in o.children if c.dep_ == "poss" and c.i in u.idx.by_token]
        if owners or any(human(w, u.idx) and w.pos_ != "PRON" for w in obj_words(o)):
            return True
    return False


def _agentive(ids: tuple[str, ...], u: Use) -> bool:
    """Some of ``ids`` can act: a person, organisation, state, people or unnamed group."""
    return any(u.idx.types.get(x) in AGENTS or x in u.idx.parts.names for x in ids)


def _political(ids: tuple[str, ...], u: Use) -> bool:
    return any(u.idx.political(x) for x in ids)


BUILDINGS = word_set("building buildings office offices home homes house houses store school")


def _evacuated(u: Use) -> bool:
    """'U.N. helicopters evacuated the wounded', 'Israel will evacuate the settlements'; not
    residents moved out of a fire or workers leaving their buildings in a quake."""
    return (
        _political(u.r.actors, u)
        and not domain.disaster_clause(list(u.tok.sent))
        and not any(in_words(o, BUILDINGS) for o in u.objs)
    )


def _visited(u: Use) -> bool:
    """'Putin arrived in Beijing': a visit to a state or a city, by a political actor; not
    'an officer arrived at the bank', 'police arrived'."""
    places = pobjs(u.tok, frozenset({"in", "at"}))
    states = [u.idx.by_token[p.i] for p in places if p.i in u.idx.by_token]
    return any(u.idx.types.get(x) == "GPE" for x in states) and _political(u.r.actors, u)


def _attempt(u: Use) -> bool:
    """'seeking to lower the temperature': trying, not asking."""
    return u.clause is not None and u.clause.dep_ == "xcomp"


def _reflexive(u: Use) -> bool:
    """'had shot himself': self-harm or an accident, not force against another."""
    return any(o.lower_ in REFLEXIVES for o in u.objs)


def retype(trig: Trigger) -> str | None:
    """The type the arguments give a verb its lexicon types otherwise: 'agreed with Salazar's
    decision' endorses a view (SUPPORT), it makes no agreement (AGREE)."""
    tok = trig.token
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if (
        lemma == "allow"
        and trig.type == "CONCEDE"
        and any(in_words(o, MONITORS) for o in (*objs, *_allowed(tok)))
    ):
        return "RETREAT"  # allowing observers in is RETREAT (access) in PLOVER
    if lemma in ("offer", "extend", "express") and any(in_words(o, APOLOGIES) for o in objs):
        return "SUPPORT"  # "offered an apology": apologising
    if trig.type != "AGREE" or lemma != "agree" or tok.pos_ != "VERB":
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in tok.children):
        return None
    withs = pobjs(tok, frozenset({"with"}))
    if withs and not any(w.pos_ in ("PROPN", "PRON") or w.ent_type_ for w in withs):
        return "SUPPORT"
    return None


MONITORS = word_set(
    "observer observers monitor monitors inspector inspectors peacekeeper peacekeepers"
)
APOLOGIES = word_set("apology apologies condolence condolences")
PAPERS = word_set("document documents record records evidence file files paper papers email emails")


def _allowed(tok: Token) -> list[Token]:
    """The subjects of 'allowed X to ...' when the parse makes X the clause's subject."""
    return [
        s
        for c in tok.children
        if c.dep_ in ("ccomp", "xcomp")
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def _investigated(u: Use) -> bool:
    """Investigating a fire, a crash or a death's cause is no ACCUSE of an actor."""
    return not any(domain.disaster_clause(list(o.subtree)) for o in u.objs)


def _that_clause(u: Use) -> bool:
    """'Gollum allowed that Mordor isn't pleasant': granting a point in words, no concession."""
    return (
        u.clause is not None
        and u.clause.dep_ == "ccomp"
        and not any(a.dep_ == "aux" and a.lower_ == "to" for a in u.clause.children)
        and not u.objs
    )


def _legal_appeal(u: Use) -> bool:
    """'appealed the verdict', 'his sentence will be appealed to the Supreme Court'."""
    subjects = [c for c in u.tok.children if c.dep_ == "nsubjpass"]
    things = u.objs + subjects + pobjs(u.tok, frozenset({"against", "to"}))
    return any(in_words(o, VERDICTS) or in_words(o, COURTS) for o in things)


def _captured(u: Use) -> bool:
    """Capturing people, places, vessels or weapons; not the imagination or a title."""
    subjects = [c for c in u.tok.children if c.dep_ == "nsubjpass"]
    things = u.objs + subjects
    if not things:
        return False
    return any(
        (o.i in u.idx.by_token and o.pos_ != "PRON")
        or in_words(o, CAPTURABLE)
        or in_words(o, HUMANS)
        or o.like_num
        or o.lower_ in ("him", "her", "them")
        for o in things
    )


def _receive(u: Use) -> bool:  # receiving a visitor; "received treatment" is nothing
    named = tuple(u.idx.by_token[o.i] for o in u.objs if o.i in u.idx.by_token)
    return u.people(named) or any(group_head(o) is not None for o in u.objs)


def _victims(u: Use) -> bool:
    """Killing, wounding, kidnapping is done to people: a named target, a passive's subject
    or a human object ("killing one person", "wounding 50", "killed him")."""
    if u.r.recipients or _passive(u.tok):
        return True
    return any(human(o, u.idx) for o in u.objs)


def _host(u: Use) -> bool:  # a visit is paid to a place or people; a host has people as guests
    return bool(u.r.recipients) if u.lemma == "visit" else u.people(u.r.recipients + u.r.actors)


def _talk(u: Use) -> bool:
    if len(u.r.actors) > 1:  # "Trump and Putin spoke"
        return True
    partners = pobjs(u.tok, frozenset({"with", "to"})) + u.objs  # "would meet the mediator"
    return any(not media(p) for p in partners) and bool(u.r.recipients)


def _aimed(u: Use) -> bool:  # "fired shots", "fired on the crowd"; "fired the manager" is not
    if any(in_words(o, WEAPONS) for o in u.objs) or pobjs(u.tok, frozenset({"on", "at", "into"})):
        return True
    return u.lemma == "shoot" and bool(u.objs) and bool(u.r.recipients)


def _people_object(u: Use) -> bool:
    """Releasing or freeing people ("released the hostages"), not documents or a film."""
    subjects = [c for c in u.tok.children if c.dep_ == "nsubjpass"]
    return any(human(o, u.idx) and not _said(o) for o in (*u.objs, *subjects))


def _object_needed(u: Use) -> bool:
    """'prevented pirates from attacking', 'prevented the demonstration', 'seized the
    weapons'; not 'prevent harm', 'seized upon a story'."""
    if u.lemma == "seize":
        return bool(u.objs)
    return any(human(o, u.idx) or is_event_noun(o) for o in u.objs)


def _opponent(u: Use) -> bool:
    """Fighting someone ('fought the rebels', 'fought battles with protesters'); not
    'fighting accusations', 'fought the president's efforts'."""
    partners = pobjs(u.tok, frozenset({"with", "against"}))
    for o in u.objs:
        partners += pobjs(o, frozenset({"with", "against"}))
    return any(human(o, u.idx) for o in (*u.objs, *partners)) or (
        not u.objs and len(u.r.actors) > 1
    )


Check = Callable[[Use], bool]
# (lemmas or None for any, types or None for any, check); the first that applies decides
RULES: tuple[tuple[frozenset[str] | None, frozenset[str] | None, Check], ...] = (
    (AGREE_CONTROL, frozenset({"AGREE", "THREATEN"}), _promise),
    (frozenset({"call"}), frozenset({"REQUEST"}), _call),
    (REQUEST_CONTROL, frozenset({"REQUEST"}), _request),
    (frozenset({"fail"}), None, lambda u: u.clause is not None and in_words(u.clause, COMPLY)),
    (REJECT_OBJECT, frozenset({"REJECT"}), _rejected),
    (frozenset({"appeal"}), None, lambda u: not _legal_appeal(u)),
    (frozenset({"capture"}), None, lambda u: _captured(u)),
    (frozenset({"surrender"}), None, lambda u: not any(o.lower_.endswith(("self", "selves"))
                                                        for o in u.objs)),
    (frozenset({"defend"}), frozenset({"SUPPORT"}), _defended),
    # moving people out of a fire, a quake or a shelled town is no aid between actors
    (frozenset({"evacuate"}), None, _evacuated),
    (frozenset({"arrive"}), frozenset({"CONSULT"}), _visited),
    (frozenset({"help"}), frozenset({"AID"}), lambda u: u.clause is None),
    (frozenset({"willing"}), None, lambda u: _political(u.r.actors, u)),
    (frozenset({"withdraw", "pull"}), frozenset({"RETREAT"}), lambda u: not u.objs or any(
        (human(o, u.idx) and not in_words(o, WEAPONS)) or in_words(o, FORCES) for o in u.objs)),
    (frozenset({"break"}), frozenset({"SANCTION"}), lambda u: any(
        in_words(o, RELATIONS) or committed(o) for o in u.objs)),
    (frozenset({"seek"}), frozenset({"REQUEST"}), lambda u: not _attempt(u)
     and bool(u.objs) and _request(u)),
    (REFUSE, None, _refuse),
    (NORM_VERBS, frozenset({"REJECT"}), lambda u: any(in_words(o, NORMS) or is_event_noun(o)
                                                       for o in u.objs)),
    (GIVE, frozenset({"AID"}), lambda u: any(committed(o) for o in u.objs)),
    (DISCONTINUE, frozenset({"SANCTION"}), lambda u: any(in_words(o, RELATIONS) or committed(o)
                                                          for o in u.objs)),
    (SIGN, None, lambda u: any(in_words(o, SIGNABLE) for o in u.objs)),
    (RELATE, frozenset({"SUPPORT"}), lambda u: any(in_words(o, RELATIONS) for o in u.objs)),
    (frozenset({"allow", "grant", "concede", "admit"}), frozenset({"CONCEDE"}),
     lambda u: not _that_clause(u) and (u.lemma != "allow" or (
         _agentive(u.r.recipients, u) and _political(u.r.actors + u.r.recipients, u)))),
    (frozenset({"investigate", "probe"}), frozenset({"ACCUSE"}), _investigated),
    # "the facility has not been sanctioned by the court": approved; sanctions fall on actors
    (frozenset({"sanction"}), frozenset({"SANCTION"}), lambda u: _agentive(u.r.recipients, u)),
    (frozenset({"receive"}), None, _receive),
    (HOST, frozenset({"CONSULT", "RETREAT"}), _host),
    (frozenset({"demonstrate"}), None, lambda u: not u.objs and u.clause is None),
    (frozenset({"rally"}), frozenset({"PROTEST"}), lambda u: not u.objs),
    (frozenset({"block"}), frozenset({"PROTEST"}), lambda u: any(in_words(o, WAYS)
                                                                  for o in u.objs)),
    (frozenset({"release", "free"}), frozenset({"RETREAT"}), _people_object),
    (frozenset({"prevent", "seize"}), None, _object_needed),
    (frozenset({"fight", "battle"}), frozenset({"ASSAULT"}), _opponent),
    (TARGETED | AIMED, frozenset({"ASSAULT"}), lambda u: not _reflexive(u) and (
        _victims(u) if u.lemma in TARGETED else _aimed(u))),
    (DAMAGE, frozenset({"ASSAULT"}), lambda u: bool(u.r.actors)
     and not any(in_words(o, PAPERS) for o in u.objs)
     and (bool(u.objs) or _passive(u.tok))),
    (PARTNERED, frozenset({"CONSULT"}), _talk),
    (frozenset({"strike"}), None, lambda u: not any(is_event_noun(o) for o in u.objs)),
)  # fmt: skip


def ok(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """Whether the trigger's arguments give it its PLOVER sense (see the module docstring)."""
    tok = trig.token
    if tok.pos_ in ("NOUN", "PROPN"):
        return nouns.noun_ok(trig, idx)
    if trig.entry.kind in ("report", "light") and trig.type == "REQUEST":
        return _deontic_report(Use(trig, r, idx, "", [], None))
    lemma = tok.lemma_.lower()
    use = Use(trig, r, idx, lemma, objects(tok), clause(tok))
    for lemmas, types, check in RULES:
        if (lemmas is None or lemma in lemmas) and (types is None or trig.type in types):
            return check(use)
    return True


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _mandative(verb: Token) -> bool:
    """'demanded that Israel withdraw', '... that the US must act': an order, not a claim."""
    if any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VB" for a in verb.children):
        return True  # "demanded that control be taken away"
    if verb.tag_ in ("VB", "VBP") and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return True  # spaCy tags a subjunctive after a plural or singular subject VB or VBP
    return any(c.dep_ == "aux" and c.lower_ in REQUEST_MODALS for c in verb.children)
