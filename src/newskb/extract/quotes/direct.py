"""Quote-mark regions: straight and curly double quotes, paragraphs, nesting, unbalanced marks.

A region is the text between an opening and its closing mark (marks excluded). News style
continues a quotation into the next paragraph by opening it again without closing it first: such
a region gets one piece per paragraph. A mark left open at the end of a paragraph that is not
continued closes there (unbalanced input never raises). Single quotes count inside a double quoted
region (nested quotes) and, outside one, only in the strict shape of a British-style quotation,
since ``'`` and ``’`` are mostly apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

OPEN = frozenset("“„«")
CLOSE = frozenset("”»")
STRAIGHT = '"'
MARKS = OPEN | CLOSE | {STRAIGHT}
# the only characters ``double_regions`` acts on: it jumps from one to the next
_MARKS = re.compile("[\n" + re.escape("".join(sorted(OPEN | CLOSE)) + STRAIGHT) + "]")
SINGLE_OPEN = frozenset("‘'")
SINGLE_CLOSE = frozenset("’'")
# the characters ``single_outer_regions`` acts on (a line end forgets an open mark)
_SINGLE_MARKS = re.compile("[\n" + "".join(sorted(SINGLE_OPEN | SINGLE_CLOSE)) + "]")
_DOUBLED = re.compile("''")
MIN_SINGLE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Region:
    """A quoted stretch: ``pieces`` are (start, end) of its text, marks excluded."""

    pieces: tuple[tuple[int, int], ...]
    closed: bool
    nested: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _opens(text: str, i: int) -> bool:
    """Is the straight mark at ``i`` an opening one (judged by its neighbours)?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:/" or i == 0


def _closes_first(text: str, i: int) -> bool:
    """Does the line starting at ``i`` hold a closing mark before any opening one?"""
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    for k in range(i, end):
        ch = text[k]
        if ch in OPEN:
            return False
        if ch in CLOSE:
            return True
        if ch == STRAIGHT:
            return not _opens(text, k)
    return False


def double_regions(text: str) -> list[Region]:
    """All double-quoted regions of ``text`` in order."""
    out: list[Region] = []
    pieces: list[tuple[int, int]] = []
    start: int | None = None  # start of the current piece, when a quote is open
    i = 0
    n = len(text)
    while i < n:
        mark = _MARKS.search(text, i)  # every other character leaves the state as it is
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch == "\n" and start is not None:
            pieces.append((start, i))
            start = None
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and (text[j] in OPEN or text[j] == STRAIGHT):  # continued quotation
                start = j + 1
                i = j + 1
                continue
            if j < n and _closes_first(text, j):  # the quotation goes on, closed later
                start = j
                i = j
                continue
            out.append(Region(tuple(pieces), closed=False))
            pieces = []
        elif ch in OPEN or (ch == STRAIGHT and start is None and _opens(text, i)):
            if start is not None:  # an opening mark while open: the old one was unbalanced
                pieces.append((start, i))
                out.append(Region(tuple(pieces), closed=False))
                pieces = []
            start = i + 1
        elif (ch in CLOSE or ch == STRAIGHT) and start is not None:
            pieces.append((start, i))
            out.append(Region(tuple(pieces), closed=True))
            pieces = []
            start = None
        i += 1
    if start is not None:
        pieces.append((start, n))
    if pieces:
        out.append(Region(tuple(pieces), closed=False))
    return [r for r in out if any(e > s for s, e in r.pieces)]


def single_regions(text: str, inside: Region) -> list[Region]:
    """Single-quoted regions nested in one piece of ``inside``."""
    out: list[Region] = []
    for ps, pe in inside.pieces:
        start: int | None = None
        for i in range(ps, pe):
            ch = text[i]
            before = text[i - 1] if i > ps else " "
            after = text[i + 1] if i + 1 < pe else " "
            if start is None and ch in SINGLE_OPEN and not before.isalnum() and after.isalnum():
                start = i + 1
            elif start is not None and ch in SINGLE_CLOSE and not after.isalnum() and i > start:
                out.append(Region(((start, i),), closed=True, nested=True))
                start = None
    return out


def single_outer_regions(text: str, taken: list[Region]) -> list[Region]:
    """British-style quotations in single marks outside double-quoted text: 'We are fixing a
    pipe,' he said. An opening mark starts a word; a closing one follows sentence punctuation
    or precedes a comma, so apostrophes ("players' union", "don't") are never taken for one."""
    out: list[Region] = []
    start: int | None = None
    n = len(text)
    for mark in _SINGLE_MARKS.finditer(text):  # every other character changes nothing
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            start = None
            continue
        if any(r.start - 1 <= i <= r.end for r in taken):
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if start is None:
            if ch in SINGLE_OPEN and (before.isspace() or before in "(—–") and after.isalnum():
                start = i + 1
        elif ch in SINGLE_CLOSE and (before in ",.!?" or after in ",;:"):
            if len(text[start:i].split()) >= MIN_SINGLE_WORDS:
                out.append(Region(((start, i),), closed=True))
            start = None
    return out


def doubled_apostrophes(text: str) -> str:
    """Text of the same length with ``''`` used as a double quote mark (the New York Times
    archive's style: "''We need Chapter 9,'' he said") written as curly marks: ``““`` where it
    opens (after a space or a line start, before a word), ``””`` elsewhere."""
    if "''" not in text:
        return text
    n = len(text)

    def curly(pair: re.Match[str]) -> str:
        i = pair.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 2] if i + 2 < n else " "
        opens = (before.isspace() or before in "([{—–-:/") and not after.isspace()
        return "““" if opens else "””"

    return _DOUBLED.sub(curly, text)  # pairs left to right, never overlapping


def has_marks(text: str) -> bool:
    return any(m in text for m in MARKS) or "''" in text


def regions(text: str) -> list[Region]:
    """Double-quoted regions, single-quoted ones outside them, and single-quoted ones nested."""
    text = doubled_apostrophes(text)
    outer = double_regions(text)
    nested = [r for o in outer for r in single_regions(text, o)]
    british = single_outer_regions(text, outer) if "'" in text or "‘" in text else []
    return sorted(outer + british + nested, key=lambda r: (r.start, -r.end))


QUOTE_CHARS = frozenset('"“”„«»')
EDGE = ",.!?;:'’\"“”„«» "


def goes_on(doc: Doc, end: int, cue: int, sp_start: int, sp_end: int, start: int) -> bool:
    """'"A," said X, a broker in Tampa who sells golf courses. "B."': whether the quotation at
    char ``start`` follows right on the sentence that attributes the one ending at char ``end``
    (cue token ``cue`` and speaker tokens ``sp_start``..``sp_end`` between the two, in one
    sentence of one paragraph, nothing else quoted there), so it goes on with that speaker
    however long the speaker's apposition is."""
    text = doc.text
    first, last = doc[sp_start], doc[sp_end - 1]
    if not (end <= doc[cue].idx and end <= first.idx and last.idx + len(last) <= start):
        return False
    between = text[end:start]
    inner = between.strip(EDGE)
    if "\n" in between or any(c in QUOTE_CHARS for c in inner) or "''" in inner:
        return False
    sent = doc[cue].sent
    return sent.start_char <= end and text[sent.end_char : start].strip(EDGE) == ""
