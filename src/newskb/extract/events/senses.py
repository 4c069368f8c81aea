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

from newskb.extract.events import domain, lexicon
from newskb.extract.events.participants import group_head
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
    charter protocol convention resolution order ceasefire truce armistice contract"""
)
WEAPONS = _set(
    """shot shots round rounds rocket rockets missile missiles shell shells bullet bullets
    gun guns weapon weapons mortar mortars grenade grenades gas tear volley salvo"""
)
MEDIA_WORDS = _set(
    """magazine newspaper paper news radio television tv channel network reporter reporters
    journalist journalists press website blog station""")  # fmt: skip
AGREE_CONTROL = _set("offer promise pledge vow commit consent volunteer")
REQUEST_CONTROL = _set("ask seek request appeal press push pressure urge demand insist")
REFUSE = _set("refuse decline fail")
GIVE = _set("give provide send supply grant contribute donate hand")
DISCONTINUE = _set("cut reduce end stop halt suspend sever")
SIGN = _set("sign ratify")
RELATE = _set("establish restore upgrade")
HOST = _set("host receive welcome visit")
AIMED = _set("fire shoot")
# what one can break, violate or abandon in the PLOVER sense (REJECT): a norm or a commitment
NORMS = _set(
    """law rule norm promise pledge commitment obligation resolution sanction embargo
    ceasefire truce border airspace sovereignty treaty agreement accord deal pact constitution
    convention protocol blockade curfew siege boycott strike moratorium""")  # fmt: skip
NORM_VERBS = _set("break breach violate abandon scrap flout")
# what failing to do is a rejection: complying, honouring, cooperating
COMPLY = _set(
    """comply honor honour uphold implement meet respect abide fulfil fulfill keep deliver
    obey observe cooperate pay return release withdraw disarm recognize recognise"""
)
REQUEST_MODALS = _set("must should shall would")
# what a blockade blocks: a way, a place or a passage ("blocked the road"), not a rule
WAYS = _set(
    """road roads street streets highway highways entrance entrances access bridge traffic
    port ports border crossing crossings route routes path gate gates building buildings
    railway rail line lines square junction airport runway""")  # fmt: skip
# what can be captured or seized by force: people, places, vessels, weapons ("captured the
# town"); not "captured the imagination", "captured the title"
CAPTURABLE = _set(
    """town towns city cities village villages base bases territory territories ship ships
    vessel vessels boat boats tanker tankers plane aircraft airport port area areas region
    district province position positions stronghold strongholds hill hills outpost outposts
    checkpoint checkpoints compound building buildings headquarters bridge capital border
    island islands field fields airfield weapon weapons arms tank tanks soldier soldiers
    fighter fighters rebel rebels militant militants pirate pirates hostage hostages suspect
    suspects prisoner prisoners leader leaders commander commanders""")  # fmt: skip
# what a court decides on: denying, rejecting or appealing them is procedure, not politics
PROCEDURE = _set("motion motions bail objection objections lawsuit suit plea parole")
# what is appealed in court: appealing it is procedure, not a request
VERDICTS = _set(
    """sentence sentences conviction convictions verdict verdicts ruling rulings judgment
    judgement case""")  # fmt: skip
REJECT_OBJECT = _set("reject deny dismiss rebuff")
FORCES = _set(
    """troops forces soldiers army military units unit personnel staff diplomats ambassador
    envoy embassy mission peacekeepers observers monitors police""")  # fmt: skip
PRESSED = _set("attack attacks case claim claims point advantage argument campaign offensive")
VAGUE = _set("anything everything something nothing all")
COURTS = _set("court courts tribunal judge judges justice justices jury")
# what one rejects in the PLOVER sense besides an event or commitment noun
PARTNERED = _set("talk speak discuss negotiate consult meet confer")
# force verbs whose target must be named, and burning or destroying that has a doer
TARGETED = _set("kill murder wound injure assassinate massacre torture beat abduct kidnap")
DAMAGE = _set("burn destroy torch raze demolish")
HUMANS = _set(
    """person people man men woman women child children boy girl teenager teen baby civilian
    family member""")  # fmt: skip


def _in(tok: Token, words: frozenset[str]) -> bool:
    """The word, a compound or adjective on it, or its "of" object is one of ``words``
    ("aid deliveries", "part of a military aid program")."""
    return any(w.lemma_.lower() in words or w.lower_ in words for w in _obj_words(tok))


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


def _media(tok: Token) -> bool:
    return any(w.lower_ in MEDIA_WORDS for w in tok.subtree)


PEOPLE_KINDS = frozenset({"PERSON", "GPE", "NORP"})
AGENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
REFLEXIVES = _set("himself herself themselves itself myself ourselves yourself")


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
    things = u.objs + _pobjs(u.tok, frozenset({"to", "for", "of"}))
    return any(_committed(o) for o in things)


def _call(u: Use) -> bool:  # "called for talks", "called on X to ..."
    return any(
        c.dep_ in ("prep", "prt")
        and c.lower_ in ("for", "on")
        and (c.i == u.tok.i + 1 or any(_committed(p) or p.i in u.idx.by_token for p in c.children))
        for c in u.tok.children
    )


def _request(u: Use) -> bool:
    if u.lemma == "seek" and _attempt(u):
        return False  # "seeking to lower the temperature": trying, not asking
    if u.lemma in ("press", "push") and any(_in(o, PRESSED) for o in u.objs):
        return False  # "pressing his attack", "pushed his case": keeping on, not asking
    if any(_committed(o) for o in u.objs):  # "demanded the withdrawal of ..."
        return True
    clause = u.clause
    if clause is not None:
        if any(m.lower_ in ("whether", "if") or m.tag_.startswith("W") for m in clause.children):
            return False  # "asked whether ...": a question
        if clause.dep_ == "ccomp" and not _mandative(clause):
            return False  # "insisted the problems had nothing to do with it": a claim
        return clause.lemma_.lower() not in SPEECH_VERBS
    things = u.objs + _pobjs(u.tok, frozenset({"for", "on"}))
    if any(_in(o, INFORMATION) for o in things):
        return False
    return any(_committed(o) for o in things) or bool(u.r.recipients and things)


def _refuse(u: Use) -> bool:
    """'refused to withdraw'; not 'declined to comment', 'declined to release the names'."""
    if u.clause is None:
        return True
    if u.clause.lemma_.lower() in SPEECH_VERBS:
        return False
    if u.clause.lemma_.lower() in ("speak", "talk") and _media(u.clause):
        return False  # "refused to speak to reporters"
    return not any(_said(o) for o in _objects(u.clause))


def _said(o: Token) -> bool:
    """An object that is information: 'the names', 'details of the deal'."""
    return o.lemma_.lower() in INFORMATION or o.lower_ in INFORMATION


def _rejected(u: Use) -> bool:
    """Rejecting or denying a proposal, a demand, a charge; not a court's 'denied the motions'
    nor 'rejected anything with a whiff of science'."""
    if any(o.lemma_.lower() in PROCEDURE or o.lower_ in VAGUE for o in u.objs):
        return False
    subj = next((c for c in u.tok.children if c.dep_ == "nsubj"), None)
    return subj is None or not _in(subj, COURTS)  # "the court of claims denied ..."


def _defended(u: Use) -> bool:
    """Defending someone ('defended the right of Russian troops to ...', 'defended Israel');
    not one's own acts ('defended its actions', 'defended the regulations')."""
    for o in u.objs:
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children):
            continue
        owners = [c for c in o.children if c.dep_ == "poss" and c.i in u.idx.by_token]
        if owners or any(_human(w, u.idx) and w.pos_ != "PRON" for w in _obj_words(o)):
            return True
    return False


def _agentive(ids: tuple[str, ...], u: Use) -> bool:
    """Some of ``ids`` can act: a person, organisation, state, people or unnamed group."""
    return any(u.idx.types.get(x) in AGENTS or x in u.idx.parts.names for x in ids)


def _political(ids: tuple[str, ...], u: Use) -> bool:
    return any(u.idx.political(x) for x in ids)


BUILDINGS = _set("building buildings office offices home homes house houses store school")


def _evacuated(u: Use) -> bool:
    """'U.N. helicopters evacuated the wounded', 'Israel will evacuate the settlements'; not
    residents moved out of a fire or workers leaving their buildings in a quake."""
    return (
        _political(u.r.actors, u)
        and not domain.disaster_clause(list(u.tok.sent))
        and not any(_in(o, BUILDINGS) for o in u.objs)
    )


def _visited(u: Use) -> bool:
    """'Putin arrived in Beijing': a visit to a state or a city, by a political actor; not
    'an officer arrived at the bank', 'police arrived'."""
    places = _pobjs(u.tok, frozenset({"in", "at"}))
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
    if trig.type != "AGREE" or tok.lemma_.lower() != "agree" or tok.pos_ != "VERB":
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in tok.children):
        return None
    withs = _pobjs(tok, frozenset({"with"}))
    if withs and not any(w.pos_ in ("PROPN", "PRON") or w.ent_type_ for w in withs):
        return "SUPPORT"
    return None


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
    things = u.objs + subjects + _pobjs(u.tok, frozenset({"against", "to"}))
    return any(_in(o, VERDICTS) or _in(o, COURTS) for o in things)


def _captured(u: Use) -> bool:
    """Capturing people, places, vessels or weapons; not the imagination or a title."""
    subjects = [c for c in u.tok.children if c.dep_ == "nsubjpass"]
    things = u.objs + subjects
    if not things:
        return False
    return any(
        (o.i in u.idx.by_token and o.pos_ != "PRON")
        or _in(o, CAPTURABLE)
        or _in(o, HUMANS)
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
    return any(_human(o, u.idx) for o in u.objs)


def _host(u: Use) -> bool:  # a visit is paid to a place or people; a host has people as guests
    return bool(u.r.recipients) if u.lemma == "visit" else u.people(u.r.recipients + u.r.actors)


def _talk(u: Use) -> bool:
    if len(u.r.actors) > 1:  # "Trump and Putin spoke"
        return True
    partners = _pobjs(u.tok, frozenset({"with", "to"})) + u.objs  # "would meet the mediator"
    return any(not _media(p) for p in partners) and bool(u.r.recipients)


def _aimed(u: Use) -> bool:  # "fired shots", "fired on the crowd"; "fired the manager" is not
    if any(_in(o, WEAPONS) for o in u.objs) or _pobjs(u.tok, frozenset({"on", "at", "into"})):
        return True
    return u.lemma == "shoot" and bool(u.objs) and bool(u.r.recipients)


def _human(o: Token, idx: EntityIndex) -> bool:
    eid = idx.by_token.get(o.i)
    if eid is not None:
        return idx.types.get(eid) in PEOPLE_KINDS | {"ORG"}
    return o.pos_ == "PRON" or o.like_num or _in(o, HUMANS) or group_head(o) is not None


def _people_object(u: Use) -> bool:
    """Releasing or freeing people ("released the hostages"), not documents or a film."""
    subjects = [c for c in u.tok.children if c.dep_ == "nsubjpass"]
    return any(_human(o, u.idx) and not _said(o) for o in (*u.objs, *subjects))


def _object_needed(u: Use) -> bool:
    """'prevented pirates from attacking', 'prevented the demonstration', 'seized the
    weapons'; not 'prevent harm', 'seized upon a story'."""
    if u.lemma == "seize":
        return bool(u.objs)
    return any(_human(o, u.idx) or _is_event_noun(o) for o in u.objs)


def _opponent(u: Use) -> bool:
    """Fighting someone ('fought the rebels', 'fought battles with protesters'); not
    'fighting accusations', 'fought the president's efforts'."""
    partners = _pobjs(u.tok, frozenset({"with", "against"}))
    for o in u.objs:
        partners += _pobjs(o, frozenset({"with", "against"}))
    return any(_human(o, u.idx) for o in (*u.objs, *partners)) or (
        not u.objs and len(u.r.actors) > 1
    )


Check = Callable[[Use], bool]
# (lemmas or None for any, types or None for any, check); the first that applies decides
RULES: tuple[tuple[frozenset[str] | None, frozenset[str] | None, Check], ...] = (
    (AGREE_CONTROL, frozenset({"AGREE", "THREATEN"}), _promise),
    (frozenset({"call"}), frozenset({"REQUEST"}), _call),
    (REQUEST_CONTROL, frozenset({"REQUEST"}), _request),
    (frozenset({"fail"}), None, lambda u: u.clause is not None and _in(u.clause, COMPLY)),
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
        (_human(o, u.idx) and not _in(o, WEAPONS)) or _in(o, FORCES) for o in u.objs)),
    (frozenset({"break"}), frozenset({"SANCTION"}), lambda u: any(
        _in(o, RELATIONS) or _committed(o) for o in u.objs)),
    (frozenset({"seek"}), frozenset({"REQUEST"}), lambda u: not _attempt(u)
     and bool(u.objs) and _request(u)),
    (REFUSE, None, _refuse),
    (NORM_VERBS, frozenset({"REJECT"}), lambda u: any(_in(o, NORMS) or _is_event_noun(o)
                                                       for o in u.objs)),
    (GIVE, frozenset({"AID"}), lambda u: any(_committed(o) for o in u.objs)),
    (DISCONTINUE, frozenset({"SANCTION"}), lambda u: any(_in(o, RELATIONS) or _committed(o)
                                                          for o in u.objs)),
    (SIGN, None, lambda u: any(_in(o, SIGNABLE) for o in u.objs)),
    (RELATE, frozenset({"SUPPORT"}), lambda u: any(_in(o, RELATIONS) for o in u.objs)),
    (frozenset({"allow", "grant", "concede", "admit"}), frozenset({"CONCEDE"}),
     lambda u: not _that_clause(u) and (u.lemma != "allow" or (
         _agentive(u.r.recipients, u) and _political(u.r.actors + u.r.recipients, u)))),
    (frozenset({"receive"}), None, _receive),
    (HOST, frozenset({"CONSULT", "RETREAT"}), _host),
    (frozenset({"demonstrate"}), None, lambda u: not u.objs and u.clause is None),
    (frozenset({"rally"}), frozenset({"PROTEST"}), lambda u: not u.objs),
    (frozenset({"block"}), frozenset({"PROTEST"}), lambda u: any(_in(o, WAYS) for o in u.objs)),
    (frozenset({"release", "free"}), frozenset({"RETREAT"}), _people_object),
    (frozenset({"prevent", "seize"}), None, _object_needed),
    (frozenset({"fight", "battle"}), frozenset({"ASSAULT"}), _opponent),
    (TARGETED | AIMED, frozenset({"ASSAULT"}), lambda u: not _reflexive(u) and (
        _victims(u) if u.lemma in TARGETED else _aimed(u))),
    (DAMAGE, frozenset({"ASSAULT"}), lambda u: bool(u.r.actors)
     and (bool(u.objs) or _passive(u.tok))),
    (PARTNERED, frozenset({"CONSULT"}), _talk),
    (frozenset({"strike"}), None, lambda u: not any(_is_event_noun(o) for o in u.objs)),
)  # fmt: skip


def ok(trig: Trigger, r: Roles, idx: EntityIndex) -> bool:
    """Whether the trigger's arguments give it its PLOVER sense (see the module docstring)."""
    tok = trig.token
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_ok(trig, idx)
    if trig.entry.kind in ("report", "light") and trig.type == "REQUEST":
        return _deontic_report(Use(trig, r, idx, "", [], None))
    lemma = tok.lemma_.lower()
    use = Use(trig, r, idx, lemma, _objects(tok), _clause(tok))
    for lemmas, types, check in RULES:
        if (lemmas is None or lemma in lemmas) and (types is None or trig.type in types):
            return check(use)
    return True


# nouns used with these as a compound or adjective are something else ("heart attack")
NOT_VIOLENCE = _set("heart panic asthma anxiety allergy shark dog bee")


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


ROLE_HEADS = _set("senator candidate president governor mayor nominee congressman congresswoman")


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


MANOEUVRES = _set("war military joint naval air army drill")


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


def _noun_ok(trig: Trigger, idx: EntityIndex) -> bool:
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
