"""What an agreement commits its parties to: the object phrase and the status a verb gives it.

"The leaders agreed that the movement towards peace will begin with an energy and infrastructure
ceasefire" -> object "energy and infrastructure ceasefire". A later "violated the ceasefire",
"shelling ... that ended a week-old truce" or "the truce came into force" changes the status of
the agreement on the same object (the store's ledger follows it).

An object is never a time expression ("agreed on Tuesday") and never a bare generic head
("the agreement", "the deal", "it"): a generic mention is resolved to the specific agreement named
earlier in the same article (``Specifics``), or dropped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token

from newskb.extract.events.lexicon import CONFLICT, Lexicon, word_set
from newskb.extract.events.objects import COMMITMENT
from newskb.model import AgreementStatus

DROP_LEFT = frozenset({"det", "poss", "predet", "nummod", "quantmod", "case", "punct"})
LEADING = frozenset({"det", "poss", "predet", "case", "punct"})
CLAUSE_CUT = frozenset({"prep", "advcl", "relcl", "acl", "npadvmod", "punct", "mark"})
MAX_OBJECT_TOKENS = 12
TIME_ENTS = frozenset({"DATE", "TIME"})
# deal words beyond the lexicon's list (ours)
EXTRA_DEALS = frozenset({"arrangement"})
# heads that name no particular kind of agreement: alone they are resolved or dropped
GENERIC_HEADS = frozenset(
    {"agreement", "deal", "accord", "pact", "arrangement", "memorandum", "plan", "understanding"}
)
PRONOUNS = frozenset({"it", "this", "that", "which"})
# modifiers that say nothing about which agreement it is
EMPTY_MODS = frozenset(
    {"new", "old", "same", "latest", "earlier", "previous", "current", "existing", "such",
     "first", "last", "final", "whole", "entire", "formal", "fragile", "tentative", "so-called"}
)  # fmt: skip

# verbs that change an agreement's status when a deal word is their object or subject, beyond
# the lexicon's ``agreement_status`` (ours)
_VERB_STATUS: dict[str, AgreementStatus] = {
    "flout": "violated", "undermine": "violated", "shatter": "violated", "wreck": "violated",
    "cancel": "abandoned", "terminate": "abandoned", "suspend": "abandoned",
    "renounce": "abandoned", "repudiate": "abandoned", "end": "abandoned", "quit": "abandoned",
    "annul": "abandoned", "enforce": "in force", "ratify": "in force",
}  # fmt: skip
# verbs whose deal word hangs under a preposition: "withdraw from the treaty"
_PREP_STATUS: dict[tuple[str, str], AgreementStatus] = {
    ("withdraw", "from"): "abandoned", ("pull", "of"): "abandoned", ("pull", "from"): "abandoned",
    ("walk", "from"): "abandoned", ("back", "of"): "abandoned", ("exit", "from"): "abandoned",
}  # fmt: skip
# intransitive uses with the deal word as subject: "the truce collapsed", "came into force"
_INTRANSITIVE: dict[str, AgreementStatus] = {
    "collapse": "abandoned", "end": "abandoned", "expire": "abandoned", "lapse": "abandoned",
    "fail": "abandoned", "unravel": "abandoned", "break": "violated",
    "begin": "in force", "start": "in force",
}  # fmt: skip
_IN_FORCE_NOUNS = frozenset({"force", "effect", "operation"})  # "came into force", "took effect"
_IN_FORCE_VERBS = frozenset({"come", "enter", "go", "take", "bring", "put"})


def _deal_lemma(lemma: str, lex: Lexicon) -> bool:
    return lemma in lex.deals or lemma in EXTRA_DEALS


def is_deal(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and _deal_lemma(tok.lemma_.lower(), lex)


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in TIME_ENTS


def _keep_left(mod: Token) -> bool:
    """A left modifier that says which agreement it is ("30-day", not "a" or "Tuesday's")."""
    if _is_time(mod):  # "30-day" says which; "Tuesday's" does not
        return any(t.text == "-" for t in mod.subtree)
    return mod.dep_ not in DROP_LEFT or (mod.dep_ == "nummod" and _hyphened(mod))


def _hyphened(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"


def _deal_phrase(noun: Token) -> str:
    """The deal noun with its left modifiers ("energy and infrastructure ceasefire")."""
    left = [c for c in noun.lefts if _keep_left(c)]
    start = min((c.left_edge.i for c in left), default=noun.i)
    while start < noun.i and (noun.doc[start].is_punct or noun.doc[start].dep_ in LEADING):
        start += 1
    return one_line(noun.doc[start : noun.i + 1].text, keep_end=True)


def _specific(phrase: str) -> bool:
    """A deal phrase that names its agreement: a content modifier before the deal word."""
    words = phrase.lower().split()
    return any(w not in EMPTY_MODS and any(ch.isalnum() for ch in w) for w in words[:-1])


def one_line(text: str, keep_end: bool = False) -> str:
    """The object stays on one line: a title or dateline line without a final period may be
    parsed into the next sentence, so a phrase is cut at the line break (keeping the side
    holding the head: the end for a deal noun, the start for a clause)."""
    if "\n" not in text:
        return text
    return (text.rsplit("\n", 1)[1] if keep_end else text.split("\n", 1)[0]).strip()


@dataclass
class Specifics:
    """The specific agreements named in an article so far, in text order (for resolving
    "the agreement" to "water-sharing accord")."""

    starts: list[int] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    mentioned: list[int] = field(default_factory=list)  # sentence starts with any deal word

    def add(self, noun: Token) -> None:
        if noun.sent.start not in self.mentioned:
            self.mentioned.append(noun.sent.start)
        if noun.i in self.starts or not _specific(phrase := _deal_phrase(noun)):
            return
        at = bisect.bisect(self.starts, noun.i)
        self.starts.insert(at, noun.i)
        self.phrases.insert(at, phrase)

    def before(self, tok: Token) -> str | None:
        at = bisect.bisect_left(self.starts, tok.i)
        return self.phrases[at - 1] if at else None

    def near(self, tok: Token) -> bool:
        """A deal word in ``tok``'s sentence or the one before (what "it" can point back to)."""
        sent = tok.sent
        prev = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        return any(prev <= s <= sent.start for s in self.mentioned)


def _name(noun: Token, known: Specifics | None, lex: Lexicon) -> str | None:
    """The object a deal word (or pronoun) names: its own phrase, or the specific one it
    refers back to, or None."""
    if _is_time(noun):
        return None
    if noun.lower_ in PRONOUNS:
        return known.before(noun) if known and known.near(noun) else None
    phrase = _deal_phrase(noun)
    if _specific(phrase):
        return phrase
    lemma = noun.lemma_.lower()
    if lemma in GENERIC_HEADS:  # "the agreement", "the deal": names none by itself
        return known.before(noun) if known else None
    if _deal_lemma(lemma, lex):  # "the truce": the specific one named before, or itself
        return (known.before(noun) if known else None) or phrase
    return phrase


def _deals_below(tok: Token, lex: Lexicon) -> list[Token]:
    """Deal nouns in ``tok``'s subtree, nearest first (breadth-first over the tree)."""
    found: list[Token] = []
    queue = [tok]
    while queue:
        cur = queue.pop(0)
        if is_deal(cur, lex):
            found.append(cur)
        queue += list(cur.children)
    return found


def _cut(tok: Token, root: Token) -> bool:
    """Inside a side branch of the clause (a prepositional phrase, a relative clause...)."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in CLAUSE_CUT:
            return True
        tok = tok.head
    return False


def _clause_text(tok: Token) -> str | None:
    """The commitment clause, its core only: "to give member states more flexibility"."""
    words = [t for t in tok.subtree if t.dep_ not in ("mark", "punct")]
    core = [t for t in words if not _cut(t, tok)]
    if len(words) > 6 and len(core) >= 2:
        words = core
    if not words:
        return None if _is_time(tok) else tok.text
    if all(_is_time(t) or t.is_stop for t in words):
        return None
    start, end = words[0].i, min(words[-1].i + 1, words[0].i + MAX_OBJECT_TOKENS)
    return one_line(tok.doc[start:end].text)


def named_sides(trigger: Token, lex: Lexicon) -> list[Token]:
    """The sides a deal word names: 'a truce between Hamas and Israel' -> Hamas, Israel."""
    deals = [trigger] if is_deal(trigger, lex) else _deals_below(trigger, lex)[:1]
    out: list[Token] = []
    for deal in deals:
        for prep in deal.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "among", "with"):
                for p in prep.children:
                    if p.dep_ == "pobj":
                        out.append(p)
    return out


def _commitment_clause(verb: Token, lex: Lexicon) -> bool:
    """'agreed to release the prisoners', 'agreed to lend Greece billions': a verb that does
    something for or with others (a lexicon trigger, a transfer or a change); 'agreed to play
    another recording', 'vowed to press on with its attack' commit to nothing PLOVER codes."""
    lemma = verb.lemma_.lower()
    entries = lex.verbs.get(lemma, ())
    if any(e.type in CONFLICT or e.type == "THREATEN" for e in entries):
        return False
    if lemma in COMMIT_VERBS or any(e.kind in ("event", "light") for e in entries):
        return True
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in lex.deals or c.lemma_.lower() in lex.nouns)
        for c in verb.children
    )


def _commitment_noun(noun: Token, lex: Lexicon) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in lex.deals or lemma in lex.nouns or lemma in COMMITMENT


# transfers and changes one commits to (ours)


COMMIT_VERBS = word_set(
    """
    lend loan pay buy sell acquire merge invest fund finance build supply
    deliver provide hand return release free exchange swap open reopen resume cut
    reduce halt stop end cease withdraw recognize recognise extradite transfer allow grant
    lift ease accept join form create establish restore set pursue implement cooperate
    work
    """
)


def agreement_object(trigger: Token, lex: Lexicon, known: Specifics | None = None) -> str | None:
    """The object of an agreement triggered at ``trigger`` (None when nothing is named)."""
    if is_deal(trigger, lex):
        return _name(trigger, known, lex)
    comps = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep")]
    for comp in comps:
        deals = _deals_below(comp, lex)
        if deals:
            return _name(deals[0], known, lex)
    for comp in comps:  # "agreed to release the prisoners": the commitment, not an opinion
        if comp.dep_ == "xcomp":
            return _clause_text(comp) if _commitment_clause(comp, lex) else None
        if comp.dep_ == "prep" and comp.lower_ in ("to", "on", "upon"):
            objs = [p for p in comp.children if p.dep_ == "pobj" and not _is_time(p)]
            if objs and _commitment_noun(objs[0], lex):  # "agreed to the release of ..."
                return _clause_text(objs[0])
    return None


def _violent(tok: Token, lex: Lexicon) -> bool:
    """An attack as the agent ("shelling ... that ended the truce"): a conflict trigger."""
    lemma = tok.lemma_.lower()
    entries = [*lex.verbs.get(lemma, ()), *([lex.nouns[lemma]] if lemma in lex.nouns else [])]
    return any(e.type in CONFLICT for e in entries)


def _agent(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if verb.dep_ == "relcl" and (subj is None or subj.lower_ in PRONOUNS):
        return verb.head  # "the shelling ... that ended ..."
    return subj


def _violent_agent(verb: Token, lex: Lexicon) -> bool:
    """The agent, or the noun phrase it sits in ("the shelling near the plant that ended"),
    is an attack."""
    tok = _agent(verb)
    for _ in range(4):
        if tok is None:
            return False
        if _violent(tok, lex):
            return True
        if tok.dep_ not in ("pobj", "prep", "compound"):
            return False
        tok = tok.head
    return False


def _verb_change(verb: Token, lex: Lexicon, known: Specifics | None) -> tuple[str, str] | None:
    lemma = verb.lemma_.lower()
    if lemma == "break" and any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children):
        return None  # "admitted that he broke into the account": a break-in, no broken deal
    got = _VERB_STATUS.get(lemma)
    if got is None and lemma in lex.agreement_status:
        got = _status(lex.agreement_status[lemma])
    if got is not None:
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            name = _name(obj, known, lex) if is_deal(obj, lex) or obj.lower_ in PRONOUNS else None
            if name:
                if got == "abandoned" and _violent_agent(verb, lex):
                    got = "violated"  # an attack that ends a truce breaks it
                return got, name
    for prep in (c for c in verb.children if c.dep_ in ("prep", "prt")):
        for deal in (p for p in prep.subtree if p.dep_ == "pobj" and is_deal(p, lex)):
            pair = (lemma, deal.head.lower_)
            if pair in _PREP_STATUS:
                name = _name(deal, known, lex)
                if name:
                    return _PREP_STATUS[pair], name
    return None


def _intransitive(verb: Token) -> AgreementStatus | None:
    lemma = verb.lemma_.lower()
    if any(c.dep_ in ("dobj",) for c in verb.children):
        return None
    if lemma in _IN_FORCE_VERBS:
        for prep in verb.children:
            words = {t.lemma_.lower() for t in prep.subtree}
            if prep.dep_ in ("prep", "dobj", "prt", "advmod") and words & _IN_FORCE_NOUNS:
                return "in force"
        return None
    return _INTRANSITIVE.get(lemma)


def status_change(
    trigger: Token, lex: Lexicon, known: Specifics | None = None
) -> tuple[AgreementStatus, str] | None:
    """(new status, object) when ``trigger`` changes the status of a named agreement: a verb
    with a deal word as object ("violated the truce"), or a deal word as the subject of an
    intransitive change ("the ceasefire came into force", "the truce collapsed")."""
    if trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB"):
        got = _verb_change(trigger, lex, known)
        if got is not None:
            return _status(got[0]), got[1]
    if is_deal(trigger, lex) and trigger.dep_ in ("nsubj", "nsubjpass"):
        st = _intransitive(trigger.head)
        name = _name(trigger, known, lex) if st else None
        if st and name:
            return st, name
    return None


def _status(word: str) -> AgreementStatus:
    if word == "in force":
        return "in force"
    if word == "violated":
        return "violated"
    if word == "abandoned":
        return "abandoned"
    return "agreed"
