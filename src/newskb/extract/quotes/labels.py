"""Lines led by a speaker's name and a colon: headlines ("Reid: 'Never, ever underestimate
Trump.'", "De Blasio: Trust Bratton on security, not 'blowhard' Trump.") and interview
transcripts ("Alex Seitz-Wald: She is right on all these things ...").

A line that opens with a name the entity extraction found (a person or an organisation, the
mention spanning exactly the words before the colon), then ":" and at least ``MIN_WORDS`` words
that do not end in a question mark, is that speaker's statement: source the name, cue the colon,
content the rest of the line (edge quote marks and punctuation trimmed). Fewer words are a
heading ("Sanders: Win in a walk.", "Cruz: Just hang on."), a question a headline's question
("Ted Cruz: Constitutional conservative or another typical career politician?"); a role label
("Q:", "BYLINE:", "Contributing:") is no entity. Measured on PolNeAR train before the rule: of
the lines led by a PERSON mention and a colon, 57 of 67 were gold attributions with the colon
as cue, the misses all headings of four words or fewer or a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newskb.extract.quotes.speaker import EntityIndex
from newskb.model import Content, Quote, Span, Speaker

MIN_WORDS = 5
SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
_LINE = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) ?: +(\S[^\n]*)$", re.M)
_WORD = re.compile(r"\w+")
_MARKS = " \t\"'“”‘’„«»"
_EDGE = _MARKS + ".,;:"


def has_label(text: str) -> bool:
    """Whether some line of ``text`` opens with capitalised words and a colon."""
    return _LINE.search(text) is not None


def labelled(text: str, index: EntityIndex) -> list[Quote]:
    """The "Name: statement" lines of ``text``, ids ``L1``.. (renumbered by the caller)."""
    out: list[Quote] = []
    for m in _LINE.finditer(text):
        s, e = m.span(1)
        ent = next(
            (r for r in index.at(s, e) if r[0] == s and r[1] == e and r[4] != "pronoun"), None
        )
        if ent is None or ent[3] not in SPEAKER_TYPES:
            continue
        if m.group(2).rstrip(_EDGE.replace(".", "")).endswith("?"):
            continue  # a headline's question
        cs, ce = m.span(2)
        quoted = text[cs] in "\"'“‘" and text[ce - 1] in "\"'”’"
        # a quotation keeps its own closing "." "!" (as the quote rules do), a statement not
        edge = _MARKS if quoted else _EDGE
        while ce > cs and text[ce - 1] in edge:
            ce -= 1
        while cs < ce and text[cs] in _EDGE:
            cs += 1
        if len(_WORD.findall(text[cs:ce])) < MIN_WORDS:
            continue
        colon = text.index(":", e)
        out.append(
            Quote(
                f"L{len(out) + 1}",
                "direct" if quoted else "indirect",
                Speaker(s, e, text[s:e], ent[2]),
                Span(colon, colon + 1, ":"),
                Content(cs, ce, text[cs:ce]),
                "speech",
            )
        )
    return out


def with_labelled(found: Sequence[Quote], lines: Sequence[Quote]) -> list[Quote]:
    """``found`` with the labelled lines: a line's statement replaces the speakerless quotes
    inside it (its quotation read with no cue) and yields to every other quote it overlaps."""
    keep = list(found)
    for q in lines:
        inside = [
            o
            for o in keep
            if o.speaker is None and q.content.start <= o.content.start < q.content.end
        ]
        rest = [o for o in keep if o not in inside]
        if any(o.content.start < q.content.end and q.content.start < o.content.end for o in rest):
            continue
        if any(o.speaker is not None and q.speaker is not None and _overlap(o, q) for o in rest):
            continue
        keep = [*rest, q]
    return sorted(keep, key=lambda x: x.content.start)


def _overlap(a: Quote, b: Quote) -> bool:
    sa, sb = a.speaker, b.speaker
    assert sa is not None and sb is not None
    return sa.start < sb.end and sb.start < sa.end
