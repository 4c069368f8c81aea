"""What PolNeAR's span conventions cost: newskb's quotes rewritten to them, for measurement only.

newskb's spans follow GUM (see ``newskb.extract.quotes``); PolNeAR annotates differently in three
ways, each of which lowers GUM news when applied to the quotes themselves (measured: source
0.845 -> 0.776, cue 0.862 -> 0.801, content 0.765 -> 0.744), so the product keeps GUM's and the
eval can score PolNeAR's (``scripts/eval_polnear_cv.py --convention polnear``):

- ``source``: the speaker's whole noun phrase, apposition and relative clause included
  ("Mr Kaplan, a screenwriter and former studio executive,");
- ``cue``: the verb with its auxiliaries and negation ("has said", "did not want");
- ``content``: a speaker's consecutive quotations are one attribution ('"A," she said. "B."':
  one content of two fragments).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from newskb.model import Content, Quote, Span, Speaker

AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
RELATIVE = frozenset({"who", "which", "that"})


def _whole_source(doc: Doc, q: Quote) -> Quote:
    sp = q.speaker
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand") if sp else None
    if sp is None or span is None or not len(span) or span.root.lower_ in RELATIVE:
        return q
    head = span.root
    toks = [t.i for t in head.subtree if t.sent == head.sent]
    lo, hi = min([*toks, span.start]), max([*toks, span.end - 1]) + 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    s, e = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    if q.cue is not None and s <= q.cue.start < e:
        return q
    if s < q.content.end and q.content.start < e:
        return q
    return dataclasses.replace(q, speaker=Speaker(s, e, doc.text[s:e], sp.entity))


def _cue_with_aux(doc: Doc, q: Quote) -> Quote:
    cue = q.cue
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue else None
    if cue is None or span is None or not len(span):
        return q
    verb = span[0]
    aux = [c.i for c in verb.children if c.dep_ in AUX_DEPS and c.i < verb.i]
    if not aux or any(doc[i].is_punct for i in range(min(aux), verb.i)):
        return q
    s = doc[min(aux)].idx
    if q.speaker is not None and q.speaker.start < cue.start and s < q.speaker.end:
        return q
    return dataclasses.replace(q, cue=Span(s, cue.end, doc.text[s : cue.end]))


def _merged(doc: Doc, quotes: Sequence[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        same = (
            prev is not None
            and q.cue is None
            and q.kind == "direct"
            and q.speaker is not None
            and prev.speaker is not None
            and q.speaker.text == prev.speaker.text
        )
        if prev is not None and same:
            frags = (
                *(prev.content.fragments or ((prev.content.start, prev.content.end),)),
                *(q.content.fragments or ((q.content.start, q.content.end),)),
            )
            s, e = frags[0][0], frags[-1][1]
            out[-1] = dataclasses.replace(prev, content=Content(s, e, doc.text[s:e], frags))
        else:
            out.append(q)
    return out


def to_polnear(doc: Doc, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """``quotes`` (of ``doc``) with PolNeAR's source, cue and content extents."""
    return tuple(_merged(doc, [_cue_with_aux(doc, _whole_source(doc, q)) for q in quotes]))
