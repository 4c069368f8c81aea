"""Events: who did what to whom, when and where, PLOVER-coded, with a status.

Only sentences holding a lexicon lemma are looked at (a set lookup per token), so the step costs
little next to spaCy's own parse. A trigger becomes an event only past the precision gates
(``gates``: an agent that can act, the clause's domain, the sense its arguments give it, a
political participant for verbal interactions); a noun trigger inside a verb trigger's argument
is part of that verb's event. The agreements ledger takes binding acts only (agree, sign, a deal
word), with parties that are people, organisations or states (never the place acted on).

For each trigger (``triggers.find``) the participants come from
the dependency structure (``roles``), the status from modality, tense and negation (``status``);
AGREE events and verbs that change an agreement's status carry an ``Agreement``. An event's
``date`` is its time expression's calendar value or, without one, the publication date (with its
precision). Unnamed participants an event points at are appended to ``entities`` (mention kind
"other"). A title or dateline line that spaCy ran into the next sentence is cut off: sentence
spans, times and participants stay on the trigger's line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newskb.extract.events import (
    actorfix,
    agreements,
    domain,
    gates,
    lexicon,
    lookup,
    newsgate,
    phrases,
    roles,
    sensegate,
    senses,
    status,
    triggers,
    trust,
    typegate,
)
from newskb.extract.registry import extractor
from newskb.model import (
    Agreement,
    Article,
    Entity,
    Event,
    EventStatus,
    Extraction,
    Span,
    TimeExpr,
)
from newskb.nlp.prefilter import declare
from newskb.nlp.selective import is_parsed

__all__ = ["event_date", "extract_events", "plover_type", "sentence_events"]

POINT_TYPES = frozenset({"DATE", "TIME"})
CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?)?)?)?")
PRECISIONS = ("year", "month", "day", "hour", "minute")

# the selective parser parses only sentences holding a word some extractor asked for
# (a verb-only trigger after a determiner or number, "its shares", asks for nothing)
declare(
    "events",
    lemmas=sorted(lexicon.standalone_lemmas()),
    words=lexicon.standalone_forms(),
    verbs_only=sorted(lexicon.verb_only_lemmas()),
)


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _line_of(text: str, sent: SpacySpan, start: int) -> tuple[int, int]:
    """The sentence span cut to the line holding ``start`` (spaCy may run over a line break).

    ``text`` is the article text (``doc.text`` rebuilds the string on every call)."""
    lo = text.rfind("\n", sent.start_char, start) + 1 or sent.start_char
    lo = max(lo, sent.start_char)
    hi = text.find("\n", start, sent.end_char)
    hi = sent.end_char if hi < 0 else hi
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _time_for(lo: int, hi: int, times: tuple[TimeExpr, ...] | lookup.Times) -> str | None:
    if isinstance(times, lookup.Times):
        inside = times.inside(lo, hi)
    else:
        inside = [t for t in times if lo <= t.start and t.end <= hi]
    points = [t for t in inside if t.type in POINT_TYPES]
    chosen = points or inside
    return chosen[0].id if chosen else None


def event_date(
    time_id: str | None, times: tuple[TimeExpr, ...] | lookup.Times, published: dt.date | None
) -> tuple[str | None, str | None]:
    """(date, precision) of an event: its time's calendar value when that names a date
    ("2025-03-18T16:00" -> minute, "2025-W12" -> week), else the publication date (day)."""
    if isinstance(times, lookup.Times):
        t = times.get(time_id)
    else:
        t = next((x for x in times if x.id == time_id), None) if time_id else None
    m = CALENDAR.match(t.value) if t is not None else None
    if t is not None and m is not None:
        if t.value[m.end() : m.end() + 2] == "-W" and m.lastindex == 1:
            week = re.match(r"\d{4}-W\d{2}", t.value)
            if week:
                return week.group(0), "week"
        return m.group(0), PRECISIONS[(m.lastindex or 1) - 1]
    if published is not None:
        return published.isoformat(), "day"
    return None, None


def _on_line(
    r: roles.Roles, lo: int, hi: int, entities: tuple[Entity, ...], idx: phrases.EntityIndex
) -> roles.Roles:
    """The participants with a mention on the line [lo, hi) (a group carried over from earlier
    sentences stays)."""
    starts = {e.id: [m.start for m in e.mentions] for e in entities}

    def here(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            i for i in ids if any(lo <= s < hi for s in starts.get(i) or idx.parts.starts(i))
        )

    place = r.location if r.location in here((r.location,) if r.location else ()) else None
    actors = r.actors if r.group else here(r.actors)
    return roles.Roles(actors, here(r.recipients), place, r.group)


PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _parties(
    trig: triggers.Trigger, r: roles.Roles, idx: phrases.EntityIndex, lex: lexicon.Lexicon
) -> tuple[str, ...]:
    """Who is bound: the actors and recipients that are people, organisations or states
    (a place acted on is where, not who), and the sides a deal word names ("a truce between
    Hamas and Israel")."""
    named = agreements.named_sides(trig.token, lex)
    sides = [e for tok in named for e in phrases.phrase(tok, idx)]
    out: list[str] = []
    for e in (*r.actors, *r.recipients, *sides):
        if e == r.location or e in out:
            continue
        if idx.types.get(e) in PARTY_TYPES or e in idx.parts.names:
            out.append(e)
    return tuple(out)


def _agreement(
    trig: triggers.Trigger,
    parties: tuple[str, ...],
    lex: lexicon.Lexicon,
    date: str | None,
    known: agreements.Specifics,
) -> Agreement | None:
    """A status change ("broke the truce") needs no named party; an AGREE event does, and an
    object that is a commitment (``agreements.agreement_object``)."""
    change = agreements.status_change(trig.token, lex, known)
    if change is not None:
        return Agreement(object=change[1], parties=parties, status=change[0], date=date)
    if (trig.type != "AGREE" and not _signs_deal(trig, lex)) or not parties:
        return None
    if not _binding(trig, lex):
        return None
    obj = agreements.agreement_object(trig.token, lex, known)
    if obj is None:
        return None
    return Agreement(object=obj, parties=parties, status="agreed", date=date)


def sentence_events(
    sent: SpacySpan,
    idx: phrases.EntityIndex,
    lex: lexicon.Lexicon,
    last_group: tuple[str, ...] = (),
    known: agreements.Specifics | None = None,
    sport: bool = False,
    campaign: bool = False,
    politics: bool = False,
    political: bool = False,
) -> list[tuple[triggers.Trigger, roles.Roles, EventStatus]]:
    """(trigger, roles, status) for every trigger of one sentence that passes the precision
    gates (``gates.keep``)."""
    out: list[tuple[triggers.Trigger, roles.Roles, EventStatus]] = []
    committed: dict[int, tuple[str, ...]] = {}  # AGREE trigger token -> its actors
    for trig in triggers.find(sent, lex):
        r = roles.roles(trig, idx, last_group)
        if trig.type in COMMITTING and r.actors:
            committed[trig.token.i] = r.actors
        elif not r.actors and trig.head.pos_ in ("NOUN", "PROPN"):
            # "The leaders agreed that ... will begin with ... negotiations": the parties of
            # what was agreed are the ones who agreed to it
            by = _committed_by(trig.token, committed)
            if by:
                r = roles.Roles(
                    by, tuple(x for x in r.recipients if x not in by), r.location, r.group
                )
        change = agreements.status_change(trig.token, lex, known)
        if not gates.keep(trig, r, idx, change is not None, sport):
            continue
        if campaign and _campaign_talk(trig, sent):
            if trig.token.lemma_.lower() not in ATTACKS:
                continue  # "Yellen has been fighting a rear-guard action", "at the rally"
            trig = dataclasses.replace(trig, type="ACCUSE", mode="disapprove")
        trig = _retyped(trig, change[0] if change else None)
        kind = senses.retype(trig) or sensegate.retype(trig.token, trig.type)
        if kind is not None:
            trig = dataclasses.replace(trig, type=kind, mode=None)
        if _verbal_attack(trig, r, idx, sent) or trust.in_words(trig, sent):
            trig = dataclasses.replace(trig, type="ACCUSE", mode="disapprove")
        if trust.threatened(trig):
            trig = dataclasses.replace(trig, type="THREATEN", mode=None)
        if _riot_damage(trig, r, idx):
            trig = dataclasses.replace(trig, type="PROTEST", mode="riot")
        if trig.type == "ASSAULT" and domain.cyber_clause(list(sent)):
            trig = dataclasses.replace(trig, type="COERCE", mode="cyber")
        st = status.status(trig.token, trig.head, lex)
        if _supposed(st, trig) and change is None:
            continue  # "could pressure the administration to cooperate": no act reported
        cleaned = trust.participants(trig, r, idx, sent)
        if cleaned is None:
            continue
        r = cleaned
        if change is None and not trust.keep(trig, r, st, idx, sent):
            continue
        ptype = plover_type(trig.type, st)
        if change is None and not typegate.keep(trig, ptype, r, st, idx, politics):
            continue
        if not newsgate.keep(trig.token, ptype, political) or not sensegate.keep(trig.token, ptype):
            continue
        r = actorfix.refine(trig, r, idx, sent)
        out.append((trig, r, st))
        if len(r.actors) > 1 and not r.group:
            last_group = r.actors
    return out


def _supposed(st: EventStatus, trig: triggers.Trigger) -> bool:
    """A cooperative act only supposed (a modal, a condition, a wish): PLOVER codes no event;
    a purpose clause ("sent personnel to investigate") tells what was set going, a
    supposed use of force is a threat (``plover_type``)."""
    if st != "hypothetical" or trig.type in lexicon.CONFLICT:
        return False
    head = trig.head
    purpose = head.dep_ in ("advcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )  # not "the need for Americans to recognize": what others ought to do
    purpose = purpose and not any(c.dep_ == "nsubj" for c in head.children)
    condition = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in head.children)
    return not (purpose or condition)  # a stated condition keeps its event, marked hypothetical


COMMITTING = frozenset({"AGREE"})
ATTACKS = frozenset({"attack", "assault"})


PROTEST_WORDS = frozenset(
    ["protest", "protests", "protester", "protesters", "demonstrator", "demonstrators"]
)


def _campaign_talk(trig: triggers.Trigger, sent: SpacySpan) -> bool:
    """In a campaign article a fight, a beating or an attack with no force word in the
    sentence is words or votes; a rally with no protest word is a campaign rally."""
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if trig.type == "PROTEST" and trig.token.lemma_.lower() == "rally":
        return not words & PROTEST_WORDS
    return trig.type == "ASSAULT" and not words & domain.FORCE


RIOTERS = frozenset(
    ["protester", "protesters", "rioter", "rioters", "demonstrator", "demonstrators"]
)
DAMAGE = frozenset(["torch", "burn", "loot", "smash", "vandalize", "vandalise", "ransack"])


def _riot_damage(trig: triggers.Trigger, r: roles.Roles, idx: phrases.EntityIndex) -> bool:
    """'protesters torch Greek bank': damage done in a riot is PROTEST (riot) in PLOVER."""
    if trig.token.lemma_.lower() not in DAMAGE or trig.type not in ("ASSAULT", "COERCE"):
        return False
    names = " ".join(idx.parts.names.get(a, "") for a in r.actors).lower().split()
    return bool(RIOTERS & set(names))


def _verbal_attack(
    trig: triggers.Trigger, r: roles.Roles, idx: phrases.EntityIndex, sent: SpacySpan
) -> bool:
    """'Sanders pressed his attack that Clinton is not qualified', 'attacks from the leading
    Republican candidate': an attack in words between people is criticism (ACCUSE), not force.
    """
    if trig.type != "ASSAULT" or trig.token.lemma_.lower() not in ATTACKS:
        return False
    if domain.wordy_clause(list(sent)):
        return True
    people = (*r.actors, *r.recipients)
    return (
        bool(r.actors)
        and bool(r.recipients)
        and all(idx.types.get(x) == "PERSON" for x in people)
        and not domain.FORCE & {t.lemma_.lower() for t in sent}
    )


BROKEN = frozenset({"violated", "abandoned"})
SIGNING = frozenset({"sign", "ratify", "conclude", "seal"})


def _retyped(trig: triggers.Trigger, change: str | None) -> triggers.Trigger:
    """Breaking or ending an agreement is REJECT in PLOVER ("shelling that ended the truce")."""
    if change in BROKEN and trig.type != "REJECT":
        return dataclasses.replace(trig, type="REJECT", mode=None)
    return trig


# verbs that make an agreement between parties; a promise, a vow, an offer or being willing
# is one side's word (an AGREE event in PLOVER, not an entry in the agreements ledger)
BINDING_VERBS = frozenset({"agree", "sign", "ratify", "conclude", "seal", "consent", "accept"})


def _binding(trig: triggers.Trigger, lex: lexicon.Lexicon) -> bool:
    """'agreed to lend', 'signed a treaty', 'reached a deal', 'the truce between X and Y';
    not 'vowed to continue', 'is willing to pay', 'agreed with Salazar's decision'."""
    tok = trig.token
    if agreements.is_deal(tok, lex):
        return True
    if tok.lemma_.lower() not in BINDING_VERBS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
        c.dep_ in ("xcomp", "ccomp", "dobj") for c in tok.children
    )


def _signs_deal(trig: triggers.Trigger, lex: lexicon.Lexicon) -> bool:
    """'signed an agreement to share water': PLOVER codes it SUPPORT; it is an agreement."""
    tok = trig.token
    return tok.lemma_.lower() in SIGNING and any(
        agreements.is_deal(c, lex) for c in tok.children if c.dep_ == "dobj"
    )


def _committed_by(tok: Token, committed: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    """The actors of the agreement whose complement holds ``tok`` (nearest ancestor)."""
    for anc in tok.ancestors:
        if anc.i in committed:
            return committed[anc.i]
    return ()


def plover_type(event_type: str, event_status: str) -> str:
    """The type a PLOVER coder records: promised cooperation is AGREE, threatened force is
    THREATEN, refused cooperation is REJECT (PLOVER manual, AGREE and THREATEN sections)."""
    if event_status == "planned":
        if event_type in lexicon.PROMISABLE:
            return "AGREE"
        if event_type in lexicon.CONFLICT:
            return "THREATEN"
    if event_status == "hypothetical" and event_type in lexicon.CONFLICT:
        return "THREATEN"
    if event_status == "negated" and event_type in lexicon.COOPERATIVE:
        return "REJECT"
    return event_type


@extractor("events")
def extract_events(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    lex = lexicon.load()
    cue = lexicon.trigger_lemmas()
    idx: phrases.EntityIndex | None = None
    events: list[Event] = []
    last_group: tuple[str, ...] = ()
    pub = article.published.isoformat() if article.published else None
    known = agreements.Specifics()
    text = article.text
    times, quotes = lookup.Times(so_far.times), lookup.Quotes(so_far.quotes)
    sport = domain.sport_article(doc)
    campaign = domain.campaign_article(doc)
    politics = domain.party_politics_article(doc)
    political = newsgate.political_news(doc, politics)
    for sent in doc.sents:
        if not is_parsed(sent) or not any(t.lemma_.lower() in cue for t in sent):
            continue
        if idx is None:
            idx = phrases.EntityIndex.build(doc, so_far.entities)
        for tok in sent:
            if agreements.is_deal(tok, lex):
                known.add(tok)
        crosses = "\n" in text[sent.start_char : sent.end_char]
        for trig, r, st in sentence_events(
            sent, idx, lex, last_group, known, sport, campaign, politics, political
        ):
            start = trig.token.idx
            end = doc[trig.end - 1].idx + len(doc[trig.end - 1].text)
            lo, hi = _line_of(text, sent, start)
            if crosses:  # a title line run into the next sentence: keep the trigger's line
                r = _on_line(r, lo, hi, so_far.entities, idx)
            if len(r.actors) > 1 and not r.group:
                last_group = r.actors
            time_id = _time_for(lo, hi, times)
            date, precision = event_date(time_id, times, article.published)
            parties = _parties(trig, r, idx, lex)
            agreement = _agreement(trig, parties, lex, pub, known) if st == "occurred" else None
            events.append(
                Event(
                    id=f"V{len(events) + 1}",
                    type=trig.type,
                    status=st,
                    trigger=_span(text, start, end),
                    sentence=_span(text, lo, hi),
                    mode=trig.mode,
                    actors=r.actors,
                    recipients=r.recipients,
                    location=r.location,
                    time=time_id,
                    quote=quotes.holding(start),
                    agreement=agreement,
                    date=date,
                    date_precision=precision,
                )
            )
    made = (
        idx.parts.entities({e for v in events for e in (*v.actors, *v.recipients)}) if idx else ()
    )
    return dataclasses.replace(so_far, entities=so_far.entities + made, events=tuple(events))
