"""Who a pronoun speaker is ("he said", "they fear", "it said"): the person, group or body
named just before, read from the sentences before the cue. The doc's token offsets and
sentences are kept for the doc being read (``memo``), not rebuilt per quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newskb.extract.quotes.speaker import EntityIndex
from newskb.nlp.docs import token_table

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class DocMemo:
    """Token offsets and sentences of the doc being read, built once (not once per quote:
    rebuilding them per region or per pronoun made many quotes cost their square)."""

    doc: Doc
    token_starts: list[int]
    sents: list[SpacySpan]
    sent_chars: list[int]


_LAST: list[DocMemo] = []  # the last doc's memo only


def memo(doc: Doc) -> DocMemo:
    if not _LAST or _LAST[0].doc is not doc or len(_LAST[0].token_starts) != len(doc):
        sents = list(doc.sents)
        _LAST[:] = [DocMemo(doc, token_table(doc)[1], sents, [x.start_char for x in sents])]
    return _LAST[0]


def sentences_before(doc: Doc, at: int, n: int) -> list[SpacySpan]:
    """The last ``n`` sentences starting before character ``at``, in order."""
    m = memo(doc)
    upto = bisect.bisect_left(m.sent_chars, at)
    return m.sents[max(0, upto - n) : upto]


def person_antecedent(
    doc: Doc, at: int, index: EntityIndex, types: Mapping[str, str], said: list[tuple[int, str]]
) -> str | None:
    """A he/she speaker: the last earlier quote's person, or a singular person subject of a
    recent sentence, or the nearest person named before."""
    quoted = [(pos, e) for pos, e in said if pos < at and types.get(e) == "PERSON"]
    sents = sentences_before(doc, at, 6)
    for sent in reversed(sents):
        if quoted and quoted[-1][0] >= sent.start_char:
            return quoted[-1][1]
        for tok in sent:
            if (
                tok.dep_ in SUBJECTS
                and tok.idx < at
                and not any(c.dep_ == "conj" for c in tok.children)
            ):
                for m in index.at(tok.idx, tok.idx + len(tok)):
                    if m[3] == "PERSON" and m[4] != "pronoun":
                        return m[2]
    if quoted:
        return quoted[-1][1]
    return index.before(at, "PERSON")


def group_antecedent(doc: Doc, at: int, index: EntityIndex) -> str | None:
    """A "they" speaker: the group (organisation, nationality or people, country) named as a
    plural subject in this or the previous sentence ("Republicans ... They fear ..."), else
    nothing."""
    sents = [s for s in doc.sents if s.start_char < at][-2:]
    for sent in reversed(sents):
        for tok in reversed(sent):
            if tok.idx >= at or tok.dep_ not in SUBJECTS or tok.lower_ == "they":
                continue
            if any(c.dep_ == "conj" for c in tok.children):
                return None  # "Smith and Jones": no one entity
            for m in index.at(tok.idx, tok.idx + len(tok)):
                if m[3] in ("NORP", "ORG") and m[4] != "pronoun":
                    return m[2]
            if tok.tag_ in ("NNS", "NNPS"):
                return None  # "the voters": a group with no entity
    return None


def body_antecedent(doc: Doc, at: int, index: EntityIndex) -> str | None:
    """An "it" speaker ("The ministry ... It said that ..."): the organisation or country that
    is the subject of this or the previous sentence, else nothing (never a guess further back)."""
    sents = sentences_before(doc, at, 2)
    for sent in reversed(sents):
        for tok in reversed(sent):
            if tok.idx >= at or tok.dep_ not in SUBJECTS:
                continue
            for m in index.at(tok.idx, tok.idx + len(tok)):
                if m[3] in ("ORG", "GPE") and m[4] != "pronoun":
                    return m[2]
    return None
