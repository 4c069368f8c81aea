"""From parse candidates and quote-mark regions to ``Quote`` objects (kind, fragments, speaker)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newskb.extract.quotes.antecedents import (
    SUBJECTS,
    body_antecedent,
    group_antecedent,
    memo,
    person_antecedent,
)
from newskb.extract.quotes.cues import CueLexicon, lexicon
from newskb.extract.quotes.direct import Region, goes_on
from newskb.extract.quotes.indirect import Candidate, Lines, is_source
from newskb.extract.quotes.speaker import (
    PERSONAL,
    EntityIndex,
    TokSpan,
    resolve,
    source_phrase,
    subject_of,
)
from newskb.model import Content, Quote, QuoteKind, QuoteMode, Span, Speaker
from newskb.nlp.docs import text_of

ALL_MARKS = frozenset("\"“”„«»'‘’")
MIN_QUOTE_WORDS = 4  # an unattributed quoted stretch shorter than this is a scare quote
MIN_STATEMENT_WORDS = 6  # ... and without a cue nearby, one shorter than this
MAX_GAP = 120  # chars between the two halves of an interrupted quote
NEAR_CHARS = 60  # how far from a quoted region its cue may stand
# a verb hanging on another ("whilst promising", "adding") takes that verb's subject
CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep"})
CLAUSES = frozenset({"ccomp", "conj", "parataxis", "advcl", "cc"})


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    speaker: TokSpan | None
    cue: tuple[int, int] | None
    pieces: tuple[tuple[int, int], ...]  # content pieces, char offsets


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(start, 0), min(end, len(text))
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _mark_before(text: str, region: Region) -> int:
    """Start of ``region`` with its opening mark."""
    return (
        region.start - 1
        if region.start > 0 and text[region.start - 1] in ALL_MARKS
        else region.start
    )


def _mark_after(text: str, region: Region) -> int:
    """End of ``region`` with its closing mark (an unclosed region has none)."""
    return (
        region.end + 1 if region.end < len(text) and text[region.end] in ALL_MARKS else region.end
    )


def _covers(region: Region, start: int, end: int) -> bool:
    return region.start <= start + 2 and region.end >= end - 2


def _overlaps(region: Region, start: int, end: int) -> bool:
    return region.start < end and start < region.end


def _words(text: str, pieces: tuple[tuple[int, int], ...]) -> int:
    return sum(len(text[s:e].split()) for s, e in pieces)


class _ByPlace:
    """Quoted regions by position: those overlapping a stretch, and the nearest outer ones
    before and after a point, found by bisection instead of a scan of every region (that was
    candidates x regions on an article of thousands of quotes, issue 23). Answers are region
    indices, in the regions' order."""

    def __init__(self, regions: list[Region]) -> None:
        self.regions = regions
        order = sorted(range(len(regions)), key=lambda k: regions[k].start)
        self.order = order
        self.starts = [regions[k].start for k in order]
        self.reach = list(itertools.accumulate((regions[k].end for k in order), max))
        self.outer = [k for k in range(len(regions)) if not regions[k].nested]
        self.outer_starts = [regions[k].start for k in self.outer]

    def overlapping(self, start: int, end: int) -> list[int]:
        """Regions with ``r.start < end`` and ``r.end > start``."""
        out: list[int] = []
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.reach[i] > start:
            if self.regions[self.order[i]].end > start:
                out.append(self.order[i])
            i -= 1
        return sorted(out)

    def outer_before(self, at: int) -> int | None:
        """The last outer region (in order) ending at or before ``at``."""
        for j in range(bisect.bisect_right(self.outer_starts, at) - 1, -1, -1):
            if self.regions[self.outer[j]].end <= at:
                return self.outer[j]
        return None

    def outer_after(self, at: int) -> int | None:
        """The first outer region starting after ``at``."""
        j = bisect.bisect_right(self.outer_starts, at)
        return self.outer[j] if j < len(self.outer) else None


def drafts(
    doc: Doc, cands: list[Candidate], regions: list[Region], lines: Lines, lex: CueLexicon
) -> list[Draft]:
    """Merge parse candidates with quote-mark regions; unattributed long regions stay quotes."""
    text = text_of(doc)
    used: set[int] = set()
    mixed: set[int] = set()  # regions quoted inside a mixed quote's content
    out: list[Draft] = []
    places = _ByPlace(regions)
    cue_chars = sorted(doc[c.cue[0]].idx for c in cands)
    for cand in cands:
        cs, ce = _chars(doc, cand.content[0][0], cand.content[-1][1])
        pieces = tuple(_chars(doc, s, e) for s, e in cand.content)
        cue_at = doc[cand.cue[0]].idx
        # a cue inside a quotation ("I think ...") attributes within it: not to that region
        around = [regions[k] for k in places.overlapping(cue_at, cue_at + 1)]
        touching = places.overlapping(cs - 2, ce + 2)  # every region covering or overlapping
        inside = [k for k in touching if _covers(regions[k], cs, ce) and regions[k] not in around]
        partial = [
            k for k in touching if _overlaps(regions[k], cs, ce) and regions[k] not in around
        ]
        split = _interrupted(text, regions, cue_at, places)
        if split is not None and not _only_attribution(doc, cand, regions, split):
            split = None
        if split is not None and all(k in split for k in partial):
            kind = "direct"
            pieces = regions[split[0]].pieces + regions[split[1]].pieces
            used.update(split)
        elif inside:
            k = max(inside, key=lambda j: regions[j].start)  # innermost covering region
            pieces = regions[k].pieces
            used.add(k)
            kind = "direct"
        elif partial:
            kind = "mixed"
            lo = min(
                [cs]
                + [_mark_before(text, regions[k]) for k in partial if regions[k].start >= cs - 2]
            )
            # a quotation opened inside the reported clause is never cut before it closes,
            # unless another attribution starts in it ('... "A and it is asserted by X that B"')
            hi = max([ce] + [_mark_after(text, regions[k]) for k in partial])
            others = bisect.bisect_left(cue_chars, hi) - bisect.bisect_left(cue_chars, ce)
            if others - (ce <= cue_at < hi) > 0:  # another candidate's cue stands in [ce, hi)
                hi = max(
                    [ce]
                    + [_mark_after(text, regions[k]) for k in partial if regions[k].end <= ce + 2]
                )
            pieces = ((lo, hi),) if len(pieces) == 1 else pieces
            used.update(partial)
            mixed.update(partial)
        else:
            kind = "indirect"
        out.append(Draft(kind, cand.speaker, cand.cue, pieces))
    cues = {d.cue for d in out}
    for k in sorted(mixed):
        # a quotation inside a reported clause with a cue of its own: 'reported that all they
        # get is a message stating, "The word ..."' is also the message's
        if _words(text, regions[k].pieces) < MIN_QUOTE_WORDS:
            continue
        near = _nearby(doc, regions, k, lines, lex)
        if near is None or near[1] in cues:
            continue
        at = doc[near[1][0]].idx
        outer = [d for d in out if d.kind == "mixed" and d.pieces[0][0] < at < d.pieces[-1][1]]
        if outer and doc[near[1][0]].dep_ == "acl":
            out.append(Draft("direct", near[0], near[1], regions[k].pieces))
    cues = {d.cue for d in out}
    for k, r in enumerate(regions):
        if k in used or _words(text, r.pieces) < (2 if r.nested else MIN_QUOTE_WORDS):
            continue
        near = _nearby(doc, regions, k, lines, lex)
        if near is None and not r.nested:
            near = _introduced(doc, r, lex)
        if near is None and not r.nested and (signed := _signed(doc, text, r)) is not None:
            out.append(Draft("direct", signed, None, r.pieces))
            continue
        prev = [d for d in out if d.pieces[-1][1] <= r.start and d.speaker is not None]
        last = max(prev, key=lambda d: d.pieces[-1][1], default=None)
        gap = text.count("\n", last.pieces[-1][1], r.start) if last is not None else 9
        if near is not None:
            # a cue introduces one quotation: a further one that only stands next to it ('"A,"
            # she said. "B."') goes on with her words, the cue staying with the first
            cue = None if near[1] in cues else near[1]
            cues.add(cue)
            out.append(Draft("direct", near[0], cue, r.pieces))
        elif not r.nested and _opens_paragraph(text, r):
            # a quoted paragraph right after an attributed quote goes on with its speaker
            if last is not None and gap <= 1:
                out.append(Draft("direct", last.speaker, None, r.pieces))
            elif _is_statement(doc, r):
                out.append(Draft("direct", None, None, r.pieces))
        elif (
            not r.nested
            and last is not None
            and last.kind == "direct"
            and last.cue is not None
            and last.speaker is not None
            and goes_on(
                doc, last.pieces[-1][1], last.cue[0], last.speaker.start, last.speaker.end, r.start
            )
        ):
            out.append(Draft("direct", last.speaker, None, r.pieces))
        elif not r.nested and _is_statement(doc, r):
            out.append(Draft("direct", None, None, r.pieces))
    return out


def _introduced(
    doc: Doc, region: Region, lex: CueLexicon
) -> tuple[TokSpan, tuple[int, int]] | None:
    """A quotation set off by a colon ('Sunak defended the record whilst promising an update:
    "..."', 'She continued:' + a quoted paragraph): the speech verb of the clause before the
    colon and its subject (inherited from the verb it hangs on)."""
    text = text_of(doc)
    before = text[: max(region.start - 1, 0)].rstrip(" \t")
    if before.endswith("\n") and not before[:-1].rstrip(" \t").endswith(":"):
        return None
    before = before.rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    cues = [t for t in doc[sent.start : colon[0].i] if t.lemma_.lower() in lex.speech]
    for cue in reversed(cues):
        head = cue
        subj = subject_of(head)
        while subj is None and head.dep_ in CLIMB and head.head != head:
            head = head.head
            subj = subject_of(head)
        if subj is not None and is_source(subj, cue, lex):
            return source_phrase(subj, cue, sent.start, sent.end), (cue.i, cue.i + 1)
    return None


def _opens_paragraph(text: str, region: Region) -> bool:
    line_start = text.rfind("\n", 0, region.start) + 1
    return not text[line_start : region.start - 1].strip()


def _is_statement(doc: Doc, region: Region) -> bool:
    """A quoted stretch that reads as speech, not a title or a scare quote: at least
    ``MIN_STATEMENT_WORDS`` words and a verb with a subject inside."""
    if _words(text_of(doc), region.pieces) < MIN_STATEMENT_WORDS:
        return False
    span = doc.char_span(region.start, region.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_ in SUBJECTS and region.start <= t.head.idx < region.end for t in span)


# '"It's a long game." - Matthew Ingram': a quotation signed with a dash and a name ending its line
_SIGNATURE = re.compile(
    r"[\"”»’']?[ \t]*[-–—]{1,2}[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*)[ \t]*$"
)


def _signed(doc: Doc, text: str, region: Region) -> TokSpan | None:
    """The name signing a quotation: a dash and a capitalised name, alone after it on its line."""
    eol = text.find("\n", region.end)
    eol = len(text) if eol < 0 else eol
    m = _SIGNATURE.match(text, region.end, eol)
    if m is None or m.end() != eol:
        return None
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None or not len(name):
        return None
    return TokSpan(name.start, name.end, name.root.i)


def _nearby(
    doc: Doc, regions: list[Region], k: int, lines: Lines, lex: CueLexicon
) -> tuple[TokSpan, tuple[int, int]] | None:
    """A cue verb with a subject just before or after a quoted region, outside every other
    region (inside its own outer region for a nested quote): 'X said: "..."', '"...", said X'."""
    region = regions[k]
    starts = memo(doc).token_starts
    first = max(bisect.bisect_right(starts, region.start) - 1, 0)
    lo, hi = lines.of(first)
    outer = (
        next(
            (
                r
                for r in regions
                if not r.nested and r.start <= region.start and r.end >= region.end
            ),
            None,
        )
        if region.nested
        else None
    )

    def usable(t: Token) -> bool:
        if not (lo <= t.i < hi) or t.lemma_.lower() not in lex.speech:
            return False
        if outer is not None:
            return outer.start <= t.idx < outer.end and not region.start <= t.idx < region.end
        return not any(r.start <= t.idx < r.end for r in regions if not r.nested)

    before = [t for t in doc[lo:first] if t.idx >= region.start - NEAR_CHARS and usable(t)]
    last = bisect.bisect_left(starts, region.end)
    after = [t for t in doc[last:hi] if t.idx <= region.end + NEAR_CHARS and usable(t)]

    # the nearest cue wins: '"...", said KCNA. "...", it added' gives the second to "it"
    def distance(t: Token) -> int:
        return region.start - t.idx if t.idx < region.start else t.idx - region.end

    for cue in sorted(before + after, key=distance):
        subj = subject_of(cue, lo, hi)
        if subj is not None and is_source(subj, cue, lex) and lo <= subj.i < hi:
            return source_phrase(subj, cue, lo, hi), (cue.i, cue.i + 1)
    return None


def _only_attribution(
    doc: Doc, cand: Candidate, regions: list[Region], split: tuple[int, int]
) -> bool:
    """Between the two halves of an interrupted quote stand only the cue, its speaker and their
    modifiers ('"The talks," she said quietly, "went well."'), not a clause of its own ('the
    idea "for months", and said it was "damning ..."')."""
    lo, hi = regions[split[0]].end, regions[split[1]].start
    cue = doc[cand.cue[0]]
    own = {t.i for t in cue.subtree}  # the cue with its speaker, addressee and modifiers
    for c in cue.children:
        if c.dep_ in CLAUSES:
            own.difference_update(t.i for t in c.subtree)
    if cand.speaker is not None:
        own.update(range(cand.speaker.start, cand.speaker.end))
    return all(
        t.i in own or t.is_punct or t.is_space
        for t in doc.char_span(lo, hi, alignment_mode="expand") or ()
    )


def _interrupted(
    text: str, regions: list[Region], cue_at: int, places: _ByPlace
) -> tuple[int, int] | None:
    """The two halves of an interrupted quote around a cue ("The talks," she said, "went
    well."): same line, close together, the first half ending open (comma, dash) or the second
    starting in lower case."""
    a, b = places.outer_before(cue_at), places.outer_after(cue_at)
    if a is None or b is None:
        return None
    first, second = regions[a], regions[b]
    between = text[first.end : second.start]
    if second.start - first.end > MAX_GAP or "\n" in between:
        return None
    if between.strip(" \"“”'‘’«»„").endswith((".", "!", "?")):  # '"..." she said. "..."'
        return None
    tail = text[first.start : first.end].rstrip()
    if tail.endswith((",", "—", "–", "-")) or text[second.start : second.start + 1].islower():
        return a, b
    return None


def quotes(
    doc: Doc, found: list[Draft], index: EntityIndex, types: Mapping[str, str]
) -> list[Quote]:
    text = text_of(doc)
    found = sorted(found, key=lambda d: d.pieces[0][0])
    said: list[tuple[int, str]] = []
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for d in found:
        pieces = tuple(_trim_chars(text, s, e) for s, e in d.pieces)
        pieces = tuple((s, e) for s, e in pieces if e > s)
        if not pieces:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        if (start, end) in seen:
            continue
        seen.add((start, end))
        speaker: Speaker | None = None
        ss, se = _chars(doc, d.speaker.start, d.speaker.end) if d.speaker else (0, 0)
        if d.speaker is not None and text[ss:se].strip():
            entity = resolve(doc, d.speaker, index)
            if entity is None and doc[d.speaker.head].lower_ in PERSONAL:
                entity = person_antecedent(doc, ss, index, types, said)
            elif entity is None and doc[d.speaker.head].lower_ == "it":
                entity = body_antecedent(doc, ss, index)
            elif entity is None and doc[d.speaker.head].lower_ == "they":
                entity = group_antecedent(doc, ss, index)
            if entity is not None:
                said.append((ss, entity))
            speaker = Speaker(ss, se, text[ss:se], entity)
        cue = None
        if d.cue is not None:
            cs, ce = _chars(doc, *d.cue)
            cue = Span(cs, ce, text[cs:ce])
        content = Content(start, end, text[start:end], pieces if len(pieces) > 1 else ())
        kind: QuoteKind = (
            "direct" if d.kind == "direct" else "mixed" if d.kind == "mixed" else "indirect"
        )
        mode = _mode(doc, d.cue) if d.cue is not None else "speech"
        out.append(Quote(f"Q{len(out) + 1}", kind, speaker, cue, content, mode))
    return out


def _mode(doc: Doc, cue: tuple[int, int]) -> QuoteMode:
    """The mode of the cue's first verb in the mode table ("believes" -> thought), else speech."""
    lex = lexicon()
    for tok in doc[cue[0] : cue[1]]:
        mode = lex.mode(tok.lemma_.lower())
        if mode != "speech":
            return mode
    return "speech"
