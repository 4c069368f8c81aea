"""Where an indirect content ends: the span conventions that need every cue of the sentence.

The parse gives a reported clause as the subtree of the cue's complement, which often stops
short of the sentence ("Paris claims that her passport was taken [and she was forced to work]",
"admitted she was willing to skip class [but then circumstances allowed ...]") or runs into the
next attribution ("... in her overall health [and it is asserted by the Crown that ...]"). The
convention here (the one of discourse-level attribution gold, where a content is the rest of its
sentence): a content that follows its cue runs to the end of the sentence (and line) unless
another attribution starts first; a coordinated or participial clause with a cue of its own
("and claim she ...", "with the i reporting ...", ", adding that ...") is that cue's content,
never the first one's. Also here: the clauses the parser did not give to their cue
(``that_after``, ``clause_next``), a cue interrupting its clause (``parenthetical``) and a
statement set off after a colon (``colon_block``).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newskb.extract.quotes.speaker import subject_of

if TYPE_CHECKING:
    from newskb.extract.quotes.indirect import Candidate, Lines
    from newskb.extract.quotes.speaker import TokSpan

# How a clause with its own cue hangs inside another content: coordinated ("and claim she ..."),
# a participle ("..., adding that ...") or the object of "with" ("with the i reporting ...").
OWN_CLAUSE = frozenset({"conj", "advcl", "pcomp"})
# Between a cue and a "that" the parser hung elsewhere: no verb, no sentence punctuation.
NO_CLAUSE = frozenset({"VERB", "AUX"})
BEFORE_THAT = frozenset({"so", "such", "now", "given", "except"})
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
MARKS = ('"', "“", "”", "„", "«", "»", "''")  # "''": the NYT archive's double quote mark
STOPS = frozenset({";", ":", *MARKS})
NOT_BETWEEN = frozenset({"VERB", "AUX", "CCONJ", "PART", "SCONJ"})


def that_after(doc: Doc, cue: Token, hi: int, addressed: bool) -> int | None:
    """The "that" opening a clause the parser did not give to the cue ("told LA Weekly in a
    statement [that the case ...]", "observed [that the date ... coincided]"): the first
    complementiser after the cue in its sentence with only an addressee and prepositional
    phrases between (not the cue's object: "emphasizes the idea that" is the idea's clause)."""
    end = min(cue.sent.end, hi)
    for i in range(cue.i + 1, end):
        t = doc[i]
        if t.lower_ == "that" and t.tag_ == "IN":  # a complementiser, not a relative (WDT)
            after = doc[i + 1] if i + 2 < end else None  # a pronoun: "show that off"
            opens = after is not None and not (
                after.is_punct or after.is_space or after.tag_ == "RP"
            )
            return i if doc[i - 1].lower_ not in BEFORE_THAT and opens else None
        if t.pos_ in NOT_BETWEEN or t.is_punct or t.is_space:
            return None
        if t.dep_ == "dobj" and t.head == cue and not addressed:
            return None
    return None


def clause_next(doc: Doc, cue: Token, hi: int) -> Token | None:
    """The verb of a clause that opens right after the cue but that the parser hung on another
    verb ("with the i reporting [no one will be refused]"), when the cue has no object."""
    if cue.i + 1 >= min(cue.sent.end, hi) or any(c.dep_ == "dobj" for c in cue.children):
        return None
    tok = doc[cue.i + 1]
    subj = tok
    while subj.dep_ not in SUBJECT_DEPS and subj.head != subj and subj.head.i > cue.i:
        subj = subj.head
    verb = subj.head
    if subj.dep_ not in SUBJECT_DEPS or verb.i <= cue.i or verb.left_edge.i != tok.i:
        return None
    if verb.dep_ not in ("ccomp", "conj") or verb.right_edge.i >= hi:
        return None
    return verb


def unlinked_clause(cue: Token, c: Token) -> bool:
    """A clause with its own subject that the parser conjoined to the cue without any
    coordinator ("They estimated by 2050, [increasing population ... would increase ...]"): the
    cue's complement."""
    if c.dep_ != "conj" or c.i < cue.i or c.pos_ not in NO_CLAUSE:
        return False
    if not any(g.dep_ in SUBJECT_DEPS for g in c.children):
        return False
    doc = cue.doc
    return not any(t.pos_ == "CCONJ" or t.text == ";" for t in doc[cue.i + 1 : c.left_edge.i])


def parenthetical(doc: Doc, cue: Token, speaker: TokSpan, lo: int, hi: int) -> list[int] | None:
    """A cue set off by commas inside the clause it reports ("Institutional recipients, said
    Mauer, are required to ..."): the content is the clause around it, both fragments, when
    what precedes is no clause of its own (no verb)."""
    a, b = min(cue.i, speaker.start), max(cue.i + 1, speaker.end)
    start, end = max(cue.sent.start, lo), min(cue.sent.end, hi)
    if not start < a - 1 or b + 1 >= end or doc[a - 1].text != "," or doc[b].text != ",":
        return None
    before, after = range(start, a - 1), range(b + 1, end)
    if any(doc[i].pos_ in NO_CLAUSE for i in before) or any(doc[i].is_quote for i in before):
        return None
    if not any(doc[i].pos_ in NO_CLAUSE for i in after):
        return None
    # what precedes is the clause's subject ("After the match, X said" is no fragment)
    if not any(
        doc[i].dep_ in SUBJECT_DEPS and (doc[i].head.i == cue.i or doc[i].head.i >= b)
        for i in before
    ):
        return None
    return [*before, *after]


def _clause_start(tok: Token, floor: int) -> int:
    """First token of the clause headed by the cue ``tok`` (its subject, its "as", or the
    "with" it hangs on), not before ``floor``."""
    start = tok.left_edge.i
    if tok.dep_ == "pcomp" and tok.head.pos_ == "ADP":
        start = min(start, tok.head.i)
    return max(start, floor)


def _own_tokens(c: Candidate) -> list[int]:
    out = [c.cue[0]]
    if c.speaker is not None:
        out.append(c.speaker.start)
    return out


def settle(
    doc: Doc, cands: Sequence[Candidate], lines: Lines, verbs: frozenset[str]
) -> list[Candidate]:
    """Extend open-ended contents to their sentence's end and cut every content where another
    attribution's own clause begins (or any cue verb of ``verbs``: "..., reports UNN")."""
    out: list[Candidate] = []
    # only attributions whose cue stands after the content's start and before its end (or, for
    # an open-ended content, before the end of its last sentence: a later cue's clause starts
    # in a later sentence, after anything it could cut) can cut it: found by bisection, not by
    # a scan of every candidate (candidates x candidates on thousands of quotes, issue 23)
    order = sorted(cands, key=lambda o: o.cue[0])
    cue_at = [o.cue[0] for o in order]
    for c in cands:
        first, last = c.content[0][0], c.content[-1][1]
        upto = max(last, doc[last - 1].sent.end) if c.open_end else last
        cut: int | None = None
        for o in order[bisect.bisect_right(cue_at, first) : bisect.bisect_left(cue_at, upto)]:
            if o is c:
                continue
            tok = doc[o.cue[0]]
            at: int | None = None
            if o.cue[0] < last:
                # a clause inside this content with a cue of its own: "and it is asserted by X"
                if tok.dep_ in OWN_CLAUSE and tok.head.i >= first:
                    at = _clause_start(tok, first)
            elif c.open_end:  # the next attribution after it: its clause, speaker or cue
                at = min([i for i in _own_tokens(o) if i >= last] + [_clause_start(tok, last)])
            if at is not None:
                cut = at if cut is None else min(cut, at)
        content = c.content
        if c.open_end and not c.cue_after:
            end = _run_on(doc, doc[c.cue[0]], last, lines, verbs)
            if cut is not None and last <= cut < end:
                end = cut
            content = (*content[:-1], (content[-1][0], max(end, last)))
        if cut is not None:
            content = tuple((s, min(e, cut)) for s, e in content if s < cut)
        content = _trimmed(doc, content)
        if content and content != c.content:
            c = dataclasses.replace(c, content=content)
        if content:
            out.append(c)
    return out


def _run_on(doc: Doc, cue: Token, last: int, lines: Lines, verbs: frozenset[str]) -> int:
    """Where a content that the parse ends at ``last`` really ends: the end of the sentence, or
    of the relative or adverbial clause holding the cue ("X, who said that A, resigned"), but
    never past a semicolon, a colon or a quotation mark ('I say, "Hey John," and they laugh'),
    into another cue verb's clause ("that it was about peace, reports UNN") or into an
    adverbial clause of the cue ("I think [A] because it implies ...")."""
    hi = lines.of(last - 1)[1]
    end = min(doc[last - 1].sent.end, hi)
    if cue.dep_ in SUBORDINATE:
        end = min(end, cue.right_edge.i + 1)
    for i in range(last, end):
        t = doc[i]
        if t.text in STOPS or t.is_quote:
            end = i
        elif t.pos_ == "VERB" and t.lemma_.lower() in verbs and subject_of(t) is not None:
            end = _clause_start(t, last)
        else:
            continue
        break
    for ch in cue.rights:
        if ch.dep_ == "advcl" and last <= ch.left_edge.i < end:
            end = ch.left_edge.i
    return end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without punctuation at the ends, nor a conjunction left dangling at the end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ == "CCONJ"
    ):
        end -= 1
    return start, end


def _trimmed(doc: Doc, content: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    return tuple((s, e) for s, e in (trim(doc, a, b) for a, b in content) if e > s)


def colon_block(doc: Doc, cue: Token, lines: Lines, speech: frozenset[str]) -> list[int] | None:
    """ "The Church denied these allegations:" closing its line: the content is the next line
    (the statement set off as its own paragraph, quoted or not)."""
    hi = lines.of(cue.i)[1]
    last = hi - 1
    while last > cue.i and doc[last].is_space:
        last -= 1
    if doc[last].text != ":" or cue.sent.end < last or hi >= len(doc):
        return None
    if any(t.pos_ in NO_CLAUSE and t.dep_ in ("ROOT", "ccomp") for t in doc[cue.i + 1 : last]):
        return None  # the colon closes another clause
    nlo, nhi = lines.of(hi)
    end = nhi
    for i in range(nlo + 1, nhi):  # the block ends where a new attribution begins
        if doc[i].is_sent_start and any(_reports(t, speech) for t in doc[i].sent):
            end = i
            break
    return list(range(nlo, end))


def _reports(tok: Token, speech: frozenset[str]) -> bool:
    """A speech verb with a third-person subject: "They also claimed ..."."""
    if tok.lemma_.lower() not in speech or tok.pos_ != "VERB":
        return False
    subj = subject_of(tok)
    return subj is not None and subj.lower_ not in ("i", "we")
