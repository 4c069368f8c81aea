"""Speakers: the source span of a cue, and the entity it refers to (pronouns included)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newskb.model import Entity

# A passive cue's subject is what was said or who was told ("I was told that ...", "they should
# be declared not guilty"), never the source: a passive cue's source is its agent ("by X").
SUBJECTS = frozenset({"nsubj", "csubj"})
# titles written with a full stop that the tokenizer may cut from it ("Sgt." -> "Sgt" ".")
ABBREVIATED_TITLES = frozenset(
    {"Sgt", "Lt", "Gen", "Col", "Capt", "Cpl", "Maj", "Adm", "Det", "Insp", "Supt", "Cst",
     "Const", "Pte", "Pvt", "Cmdr", "Cdr", "Rep", "Reps", "Sen", "Sens", "Gov", "Rev", "Dr",
     "Prof", "Atty", "Amb", "Msgr", "Brig", "Spc", "Sgts"}
)  # fmt: skip
PERSONAL = frozenset({"he", "she", "him", "her"})
# Nouns standing for what a source issued: "the ministry's statement said" speaks for the owner.
ISSUED = frozenset(
    {"statement", "report", "release", "announcement", "letter", "spokesman", "spokeswoman",
     "spokesperson", "communique", "post", "tweet", "message", "account"}
)  # fmt: skip
# Prepositional modifiers stay in a source ("Posts on the board", "Mu Li of the University")
# except time and circumstance ("Scavino at 16:00 Kyiv time reported", "officials on Monday").
CUT_PREPS = frozenset({"at", "during", "after", "before", "since", "until", "following", "amid"})
POSTNOMINAL = frozenset({"SC", "QC", "KC", "Jr", "Sr", "MP", "MEP", "PhD", "MD", "OBE", "MBE"})
TIME_ENTS = frozenset({"DATE", "TIME"})
CUT_DEPS = frozenset({"relcl", "advcl", "punct"})


@dataclass(frozen=True, slots=True)
class TokSpan:
    """Tokens ``start``..``end`` (exclusive) with their syntactic head."""

    start: int
    end: int
    head: int


def subject_of(cue: Token, lo: int = 0, hi: int = 10**9) -> Token | None:
    """The cue's subject within tokens ``lo``..``hi`` (its line); for a conjoined verb without
    one, its first conjunct's subject; for a passive, the agent (``None`` without one)."""

    def inside(t: Token) -> bool:
        return lo <= t.i < hi

    subjects = [c for c in cue.children if c.dep_ in SUBJECTS and inside(c)]
    if subjects:
        # "Institutional recipients, said Mauer, are ...": the parser may give the interrupted
        # clause's subject to the cue too; the inverted one right after the cue is its own
        return next((c for c in subjects if c.i > cue.i), subjects[0])
    inverted = _inverted_speaker(cue, inside)
    if inverted is not None:
        return inverted
    for c in cue.children:  # passive: "was told by X"
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj" and inside(g):
                    return g
    if is_passive(cue):
        return None
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head if inside(cue.head) else None  # "a message stating ..."
    if cue.dep_ == "xcomp":  # "we are realistic enough to realize that": the controller
        head = cue.head.head if cue.head.pos_ == "ADJ" and cue.head.dep_ == "acomp" else cue.head
        reports = any(c.dep_ == "ccomp" for c in head.children)  # "I think [to say A] is B"
        if head.pos_ in ("VERB", "AUX") and not is_passive(head) and not reports:
            return next((c for c in head.children if c.dep_ in SUBJECTS and inside(c)), None)
    participle = cue.dep_ == "advcl" and cue.tag_ == "VBG"
    if participle and cue.head.pos_ in ("VERB", "AUX") and not is_passive(cue.head):
        # "He said A, adding that B": the participle speaks for its verb's subject
        return next((c for c in cue.head.children if c.dep_ in SUBJECTS and inside(c)), None)
    if cue.dep_ == "conj" and cue.head.pos_ in ("VERB", "AUX"):
        head = cue.head
        if head.dep_ == "ccomp" and head.head.pos_ == "VERB" and head.head.i < head.i:
            # "They claimed Paris was a volunteer and claim she ...": the parser hung the second
            # cue on the first one's clause; its subject is the first cue's
            head = head.head
        for c in head.children:
            if c.dep_ in SUBJECTS and inside(c):
                return c
    return None


# Cues whose object is the person spoken to ("told reporters", "asked him"), never the speaker.
ADDRESSEE_CUES = frozenset(
    {"tell", "ask", "inform", "brief", "urge", "warn", "remind", "assure", "advise", "answer"}
)


def _inverted_speaker(cue: Token, inside: Callable[[Token], bool]) -> Token | None:
    """ "A," added KCNA: after a quote or a comma the speaker follows its cue, and the parser
    sometimes makes it the cue's object; take it when it is a name (not for cues whose
    object is the addressee: "told reporters")."""
    if cue.i == 0 or cue.lemma_.lower() in ADDRESSEE_CUES:
        return None
    before = cue.doc[cue.i - 1]
    if not (before.is_quote or before.text == ","):
        return None
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if nxt is None or not inside(nxt) or nxt.head != cue:
        return None
    if nxt.dep_ in ("dobj", "attr", "npadvmod", "oprd") and nxt.pos_ == "PROPN":
        return nxt
    return None


def is_passive(cue: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)


def _parenthetical(head: Token, comma: Token, hi: int) -> bool:
    """``comma`` opens a modifier of ``head`` (apposition or prepositional phrase) that a second
    comma closes."""
    nxt = [t for t in head.rights if t.i > comma.i]
    if not nxt or nxt[0].dep_ not in ("appos", "prep") or nxt[0].lower_ in CUT_PREPS:
        return False
    after = nxt[0].right_edge.i + 1
    return after < hi and head.doc[after].text == ","


def _determined(head: Token) -> bool:
    """A common noun with a possessor ("His father", "Tunisia's coach"): a role naming its
    holder already, a name after it is an apposition (unlike "the firm Secunia.com")."""
    return head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children)


def _title_before(doc: Doc, start: int, lo: int) -> int:
    """ "RCMP Sgt. Tim Shields": where the tokenizer split an abbreviated title from its full
    stop (and the sentence splitter cut after it), the title and the words naming its force
    stay with the name."""
    if start - 2 < lo or doc[start - 1].text != "." or doc[start - 2].whitespace_:
        return start
    if doc[start - 2].text not in ABBREVIATED_TITLES:
        return start
    first = start - 2
    while first - 1 >= lo and first > start - 5 and doc[first - 1].whitespace_:
        prev = doc[first - 1]
        if not (prev.text[:1].isupper() and prev.is_alpha):
            break
        first -= 1
    return first


def phrase(head: Token, lo: int, hi: int) -> TokSpan:
    """The noun phrase of ``head`` inside tokens ``lo``..``hi``: its left part and the right
    modifiers up to a comma, a clause or a preposition other than of/for/from/to."""
    doc = head.doc
    start = max(head.left_edge.i, lo)
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    start = after_dateline(doc, start, head.i)
    start = _title_before(doc, start, lo)
    end = head.i + 1
    for t in head.rights:
        if t.is_punct and t.text == "," and t.i == end and _parenthetical(head, t, hi):
            continue  # "Mu Li, of the University of NSW, said": the comma-set modifier stays
        if t.i >= hi or t.dep_ in CUT_DEPS or t.is_punct or t.is_space:
            break
        if t.dep_ == "prep" and (
            t.lower_ in CUT_PREPS
            or (t.lower_ in ("on", "in") and any(g.ent_type_ in TIME_ENTS for g in t.children))
        ):
            break
        if t.dep_ == "appos" and (t.left_edge.i != end or _determined(head)):
            # only a name right after a bare title ("curator Elaine Gustafon"); after a role
            # with its possessor ("His father Mohamed", "Tunisia's coach Nabil Maaloul") the
            # name is an apposition, left out like a comma-set one
            break
        end = max(end, t.right_edge.i + 1)
    if end + 2 <= hi and doc[end].text == "," and doc[end + 1].text.rstrip(".") in POSTNOMINAL:
        end += 2  # "Tom Molomby, SC, said": a post-nominal title stays with the name
    end = min(_name_after(doc, end, hi), hi)
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return TokSpan(start, end, head.i)


DASHES = frozenset({"—", "–", "--", "-"})
FOCUS = frozenset({"even", "only", "also", "both"})


def after_dateline(doc: Doc, start: int, head: int) -> int:
    """A phrase glued to the dateline before it ("RENO, Nev. (AP) — Republican hopeful Donald
    Trump", "Dec 29 (Reuters) - Hillary Clinton") starts after the set-off dash; a focus word
    opening it ("Even Lindsey Graham") is no part of the source."""
    for i in range(head - 1, start - 1, -1):
        t = doc[i]
        if t.text in DASHES and t.whitespace_ and i > 0 and doc[i - 1].whitespace_:
            start = i + 1
            break
    while start < head and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start < head and doc[start].lower_ in FOCUS and doc[start].dep_ in ("advmod", "preconj"):
        start += 1
    return start


def _name_after(doc: Doc, end: int, hi: int) -> int:
    """ "said RCMP Sgt. Tim Shields": a phrase cut after an abbreviated title's split full stop
    runs on over the capitalised name that follows."""
    if end + 1 >= hi or doc[end - 1].text not in ABBREVIATED_TITLES or doc[end].text != ".":
        return end
    if doc[end - 1].whitespace_:
        return end
    last = end + 1
    while last < hi and doc[last].is_alpha and doc[last].text[:1].isupper() and last < end + 5:
        last += 1
    return last if last > end + 1 else end


def source_phrase(subj: Token, cue: Token, lo: int, hi: int) -> TokSpan:
    """The source's noun phrase; one standing before its cue ends there ("a message
    [stating] ...")."""
    return phrase(subj, lo, min(hi, cue.i) if subj.i < cue.i else hi)


def fallback_subject(doc: Doc, cue: Token, line_start: int) -> Token | None:
    """When the parser joined lines, take the nominal root of the cue's line before the cue."""
    best: Token | None = None
    for i in range(line_start, cue.i):
        t = doc[i]
        if t.is_space or t.is_punct:
            continue
        outside = t.head.i < line_start or t.head.i >= cue.i or t.head == t or t.head == cue
        if outside and t.pos_ in ("PROPN", "NOUN", "PRON"):
            best = t
    return best if best is not None else _name_before(doc, cue, line_start)


def _name_before(doc: Doc, cue: Token, line_start: int) -> Token | None:
    """ "Speaking in their defense, Tom Molomby, SC, said that ...": the parser hung the name
    on the opening participle; a name right before the cue (past commas and its apposition)
    is the speaker."""
    i = cue.i - 1
    while i >= line_start and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < line_start:
        return None
    t = doc[i]
    while t.dep_ == "appos" and line_start <= t.head.i < t.i:
        t = t.head
    if t.pos_ == "PROPN" and t.dep_ not in ("pobj", "poss", "compound", "dobj"):
        return t
    return None


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Entity mentions sorted by start, for resolving speaker spans to entity ids."""

    starts: tuple[int, ...]
    mentions: tuple[tuple[int, int, str, str, str], ...]  # start, end, entity id, type, kind
    surnames: dict[str, str]  # last word of a person's name -> entity id (when unambiguous)
    reach: tuple[int, ...] = ()  # the furthest end of the mentions up to each one

    @staticmethod
    def build(entities: Sequence[Entity]) -> EntityIndex:
        rows = sorted((m.start, m.end, e.id, e.type, m.kind) for e in entities for m in e.mentions)
        last: dict[str, set[str]] = {}
        for e in entities:
            if e.type == "PERSON":
                for name in {e.name, *(m.text for m in e.mentions if m.kind != "pronoun")}:
                    words = name.split()
                    if len(words) > 1:
                        last.setdefault(words[-1].lower(), set()).add(e.id)
        surnames = {k: next(iter(v)) for k, v in last.items() if len(v) == 1}
        reach = tuple(itertools.accumulate((r[1] for r in rows), max))
        return EntityIndex(tuple(r[0] for r in rows), tuple(rows), surnames, reach)

    def at(self, start: int, end: int) -> list[tuple[int, int, str, str, str]]:
        """Mentions overlapping chars ``start``..``end``."""
        hi = bisect.bisect_left(self.starts, end)
        if len(self.reach) != len(self.mentions):
            return [m for m in self.mentions[:hi] if m[1] > start]
        # walk back only while an earlier mention can still reach ``start`` (a slice of every
        # earlier mention per call was quadratic on thousands of quotes, issue 23)
        out: list[tuple[int, int, str, str, str]] = []
        i = hi - 1
        while i >= 0 and self.reach[i] > start:
            if self.mentions[i][1] > start:
                out.append(self.mentions[i])
            i -= 1
        out.reverse()
        return out

    def before(self, pos: int, etype: str) -> str | None:
        """The entity of the nearest named mention of ``etype`` ending before ``pos``."""
        hi = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[:hi]):
            if m[3] == etype and m[1] <= pos and m[4] != "pronoun":
                return m[2]
        return None


def resolve(doc: Doc, span: TokSpan, index: EntityIndex) -> str | None:
    """The entity id a speaker span names, if the entities step found it."""
    head = doc[span.head]
    s_char, e_char = doc[span.start].idx, doc[span.end - 1].idx + len(doc[span.end - 1])
    found = index.at(s_char, e_char)
    for m in found:
        if m[0] <= head.idx < m[1]:
            return m[2]
    for m in found:  # "Deputy Head of the Office Den Scavino": the name closing the span
        if m[1] == e_char and m[3] in ("PERSON", "ORG"):
            return m[2]
    if head.pos_ == "PROPN" and span.end - span.start == 1 and head.lower_ in index.surnames:
        return index.surnames[head.lower_]
    if head.lemma_.lower() in ISSUED:
        for c in head.children:
            if c.dep_ == "poss":
                for m in index.at(c.idx, c.idx + len(c)):
                    return m[2]
    return None
