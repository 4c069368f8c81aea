"""What a trigger's arguments are: word classes of objects and the helpers that read them
from the parse (``senses`` and the noun checks decide a trigger's sense with them)."""

from __future__ import annotations

from spacy.tokens import Token

from newskb.extract.events import lexicon
from newskb.extract.events.lexicon import word_set
from newskb.extract.events.participants import group_head
from newskb.extract.events.phrases import EntityIndex
from newskb.extract.events.triggers import SPEECH_OBJECTS

PEOPLE_KINDS = frozenset({"PERSON", "GPE", "NORP"})


# what can be promised, offered, pledged, given or asked for besides an event noun
COMMITMENT = word_set(
    """aid assistance help support money fund funding loan credit grant troops soldiers weapon
    arms equipment supplies food medicine shelter asylum protection guarantee cooperation
    condolence concession compromise amnesty pardon release resignation withdrawal
    reparation compensation security visa access recognition ceasefire truce peace
    referendum election vote independence autonomy reform investigation inquiry probe
    extradition return removal dialogue mediation relief"""
)
# information words: asking for them, refusing them, is reporting
INFORMATION = SPEECH_OBJECTS | word_set(
    """comment question answer information detail clarification explanation advice opinion
    reason confirmation response reply name identity whereabouts""")  # fmt: skip
SPEECH_VERBS = word_set(
    "say comment reveal disclose elaborate confirm answer identify name specify explain describe"
)
RELATIONS = word_set(
    """relation relations tie ties link links contact contacts cooperation aid assistance
    trade talks negotiation negotiations dialogue support funding supply supplies flight
    flights import imports export exports investment visit program programme deal agreement
    treaty exchange mission embassy""")  # fmt: skip
SIGNABLE = word_set(
    """agreement deal accord treaty pact memorandum law bill decree declaration petition
    charter protocol convention resolution order ceasefire truce armistice contract"""
)
WEAPONS = word_set(
    """shot shots round rounds rocket rockets missile missiles shell shells bullet bullets
    gun guns weapon weapons mortar mortars grenade grenades gas tear volley salvo"""
)
MEDIA_WORDS = word_set(
    """magazine newspaper paper news radio television tv channel network reporter reporters
    journalist journalists press website blog station""")  # fmt: skip
AGREE_CONTROL = word_set("offer promise pledge vow commit consent volunteer")
REQUEST_CONTROL = word_set("ask seek request appeal press push pressure urge demand insist")
REFUSE = word_set("refuse decline fail")
GIVE = word_set("give provide send supply grant contribute donate hand")
DISCONTINUE = word_set("cut reduce end stop halt suspend sever")
SIGN = word_set("sign ratify")
RELATE = word_set("establish restore upgrade")
HOST = word_set("host receive welcome visit")
AIMED = word_set("fire shoot")
# what one can break, violate or abandon in the PLOVER sense (REJECT): a norm or a commitment
NORMS = word_set(
    """law rule norm promise pledge commitment obligation resolution sanction embargo
    ceasefire truce border airspace sovereignty treaty agreement accord deal pact constitution
    convention protocol blockade curfew siege boycott strike moratorium""")  # fmt: skip
NORM_VERBS = word_set("break breach violate abandon scrap flout")
# what failing to do is a rejection: complying, honouring, cooperating
COMPLY = word_set(
    """comply honor honour uphold implement meet respect abide fulfil fulfill keep deliver
    obey observe cooperate pay return release withdraw disarm recognize recognise"""
)
REQUEST_MODALS = word_set("must should shall would")
# what a blockade blocks: a way, a place or a passage ("blocked the road"), not a rule
WAYS = word_set(
    """road roads street streets highway highways entrance entrances access bridge traffic
    port ports border crossing crossings route routes path gate gates building buildings
    railway rail line lines square junction airport runway""")  # fmt: skip
# what can be captured or seized by force: people, places, vessels, weapons ("captured the
# town"); not "captured the imagination", "captured the title"
CAPTURABLE = word_set(
    """town towns city cities village villages base bases territory territories ship ships
    vessel vessels boat boats tanker tankers plane aircraft airport port area areas region
    district province position positions stronghold strongholds hill hills outpost outposts
    checkpoint checkpoints compound building buildings headquarters bridge capital border
    island islands field fields airfield weapon weapons arms tank tanks soldier soldiers
    fighter fighters rebel rebels militant militants pirate pirates hostage hostages suspect
    suspects prisoner prisoners leader leaders commander commanders""")  # fmt: skip
# what a court decides on: denying, rejecting or appealing them is procedure, not politics
PROCEDURE = word_set("motion motions bail objection objections lawsuit suit plea parole")
# what is appealed in court: appealing it is procedure, not a request
VERDICTS = word_set(
    """sentence sentences conviction convictions verdict verdicts ruling rulings judgment
    judgement case""")  # fmt: skip
REJECT_OBJECT = word_set("reject deny dismiss rebuff")
FORCES = word_set(
    """troops forces soldiers army military units unit personnel staff diplomats ambassador
    envoy embassy mission peacekeepers observers monitors police""")  # fmt: skip
PRESSED = word_set("attack attacks case claim claims point advantage argument campaign offensive")
VAGUE = word_set("anything everything something nothing all")
COURTS = word_set("court courts tribunal judge judges justice justices jury")
# what one rejects in the PLOVER sense besides an event or commitment noun
PARTNERED = word_set("talk speak discuss negotiate consult meet confer")
# force verbs whose target must be named, and burning or destroying that has a doer
TARGETED = word_set("kill murder wound injure assassinate massacre torture beat abduct kidnap")
DAMAGE = word_set("burn destroy torch raze demolish")
HUMANS = word_set(
    """person people man men woman women child children boy girl teenager teen baby civilian
    family member""")  # fmt: skip


def in_words(tok: Token, words: frozenset[str]) -> bool:
    """The word, a compound or adjective on it, or its "of" object is one of ``words``
    ("aid deliveries", "part of a military aid program")."""
    return any(w.lemma_.lower() in words or w.lower_ in words for w in obj_words(tok))


def obj_words(tok: Token) -> list[Token]:
    out = [tok]
    out += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [p, *(m for m in p.children if m.dep_ in ("compound", "amod"))]
    return out


def objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]


def pobjs(tok: Token, preps: frozenset[str] | None = None) -> list[Token]:
    return [
        p
        for c in tok.children
        if c.dep_ in ("prep", "dative") and (preps is None or c.lower_ in preps)
        for p in c.children
        if p.dep_ == "pobj"
    ]


def clause(tok: Token) -> Token | None:
    """The verb complement: "offered to mediate", "committed to opening up"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pcomp" and p.pos_ == "VERB":
                    return p
    return None


def is_event_noun(tok: Token) -> bool:
    lex = lexicon.load()
    lemma = tok.lemma_.lower()
    noun = lex.nouns.get(lemma)
    return (noun is not None and noun.type is not None) or lemma in lex.deals


def committed(tok: Token) -> bool:
    return in_words(tok, COMMITMENT) or any(is_event_noun(w) for w in obj_words(tok))


def media(tok: Token) -> bool:
    return any(w.lower_ in MEDIA_WORDS for w in tok.subtree)


def human(o: Token, idx: EntityIndex) -> bool:
    eid = idx.by_token.get(o.i)
    if eid is not None:
        return idx.types.get(eid) in PEOPLE_KINDS | {"ORG"}
    return o.pos_ == "PRON" or o.like_num or in_words(o, HUMANS) or group_head(o) is not None
