"""Statements read out without quote marks: "X released a statement ..." and the paragraphs of it.

Agency reports often give an official statement as plain paragraphs after the sentence that
announces it, and mark that the statement goes on by attributing the next point to the same
source with "also" ("She also noted that ..."). A paragraph is taken as part of the statement
of ``S`` when:

- an earlier paragraph says that ``S`` released, issued, published or read out a statement
  (or communique, readout, declaration) and ``S`` names a known entity;
- the paragraph holds no quote mark and no attribution of its own;
- the paragraph right after it attributes something to the same entity with "also".

The run goes on paragraph by paragraph while this holds, so a statement interrupted by "She
also noted ..." keeps going. Each such paragraph becomes an ``indirect`` quote whose speaker
and cue are those of the announcing sentence. Nothing is guessed without the "also" link.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from newskb.extract.quotes.speaker import EntityIndex, phrase, resolve, subject_of
from newskb.model import Content, Quote, Span, Speaker
from newskb.nlp import is_parsed
from newskb.nlp.docs import text_of

RELEASE_VERBS = frozenset({"release", "issue", "publish", "read", "put", "post", "circulate"})
STATEMENT_NOUNS = frozenset(
    {"statement", "communique", "communiqué", "readout", "read-out", "declaration"}
)
MIN_WORDS = 8


@dataclasses.dataclass(frozen=True, slots=True)
class _Release:
    line: int  # paragraph index
    speaker: Speaker
    cue: Span


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _release(tok: Token) -> bool:
    if tok.lemma_.lower() not in RELEASE_VERBS or tok.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in tok.children)


def _releases(doc: Doc, paras: list[tuple[int, int]], index: EntityIndex) -> list[_Release]:
    out: list[_Release] = []
    text = text_of(doc)
    for sent in doc.sents:
        if not is_parsed(sent):
            continue
        for tok in sent:
            if not _release(tok):
                continue
            subj = subject_of(tok, sent.start, sent.end)
            if subj is None:
                continue
            span = phrase(subj, sent.start, tok.i)
            entity = resolve(doc, span, index)
            if entity is None:
                continue
            s, e = doc[span.start].idx, doc[span.end - 1].idx + len(doc[span.end - 1])
            line = next((i for i, (a, b) in enumerate(paras) if a <= tok.idx < b), None)
            if line is not None:
                cue = Span(tok.idx, tok.idx + len(tok), tok.text)
                out.append(_Release(line, Speaker(s, e, text[s:e], entity), cue))
    return out


def _in(q: Quote, para: tuple[int, int]) -> bool:
    return para[0] <= q.content.start < para[1] or (
        q.cue is not None and para[0] <= q.cue.start < para[1]
    )


def _also(doc: Doc, q: Quote) -> bool:
    """The quote's cue has "also" before it in its clause ("She also noted")."""
    if q.cue is None:
        return False
    span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    if span is None:
        return False
    cue = span[0]
    return any(c.lower_ == "also" for c in cue.children) or any(
        t.lower_ == "also" for t in doc[max(cue.sent.start, cue.i - 3) : cue.i]
    )


def read_out(
    doc: Doc, found: list[Quote], index: EntityIndex, marks: tuple[str, ...]
) -> list[Quote]:
    """``found`` plus the paragraphs that continue an announced statement (see module doc)."""
    text = text_of(doc)
    paras = _paragraphs(text)
    added: list[Quote] = []
    taken: set[int] = set()
    for rel in _releases(doc, paras, index):
        j = rel.line + 1
        while j + 1 < len(paras):
            para, after = paras[j], paras[j + 1]
            words = text[para[0] : para[1]].split()
            if len(words) < MIN_WORDS or any(m in text[para[0] : para[1]] for m in marks):
                break
            if any(_in(q, para) for q in found):
                break
            nxt = [q for q in found if _in(q, after)]
            if not any(
                q.speaker is not None and q.speaker.entity == rel.speaker.entity and _also(doc, q)
                for q in nxt
            ):
                break
            if para[0] not in taken:
                taken.add(para[0])
                content = Content(para[0], para[1], text[para[0] : para[1]])
                added.append(Quote("", "indirect", rel.speaker, rel.cue, content, "speech"))
            j += 2
    if not added:
        return found
    return sorted([*found, *added], key=lambda q: q.content.start)
