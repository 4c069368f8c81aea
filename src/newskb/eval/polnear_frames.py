"""The learned cue-frame table (``newskb.extract.quotes.frames``) counted on PolNeAR train, and
the quotes of each held-out fold read with a table counted, and a cue classifier
(``newskb.eval.polnear_learned``) trained, on the other folds only.

For every verb outside the hand lexicons and every frame the rules can read it in, a document
adds one *seen*, and one *hit* when the reading is a gold attribution (the verb inside the gold
cue, the contents sharing a word). Counting is deterministic (documents in order, no sampling).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from newskb.eval.polnear import PolDoc, _Words, folds
from newskb.extract.quotes import find_quotes
from newskb.extract.quotes.cues import lexicon
from newskb.extract.quotes.frames import FrameTable, eligible, frames_of, hand_reads, read_frame
from newskb.extract.quotes.indirect import Lines
from newskb.model import Extraction

Counts = Counter[tuple[str, str]]


def count_doc(pdoc: PolDoc, doc: Doc) -> tuple[Counts, Counts]:
    """(seen, hits) per (lemma, frame) in one annotated document."""
    lex = lexicon()
    lines = Lines.build(doc)
    words = _Words(pdoc.text)
    gold = [(words.cover(a.cue), words.cover(a.content)) for a in pdoc.attributions]
    seen: Counts = Counter()
    hits: Counts = Counter()
    for tok in doc:
        lemma = tok.lemma_.lower()
        if hand_reads(lemma, lex) or not eligible(tok, lex):
            continue
        for frame in frames_of(tok, lines):
            cand = read_frame(doc, tok, frame, lines, lex)
            if cand is None:
                continue
            at = words.cover(((tok.idx, tok.idx + len(tok)),))
            spans = tuple((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in cand.content)
            content = words.cover(spans)
            seen[(lemma, frame)] += 1
            if any(at & gc and content & gt for gc, gt in gold):
                hits[(lemma, frame)] += 1
    return seen, hits


def table_of(counts: Sequence[tuple[Counts, Counts]]) -> FrameTable:
    """The table of the summed counts; frames never a hit are left out (never accepted)."""
    seen: Counts = Counter()
    hits: Counts = Counter()
    for s, h in counts:
        seen.update(s)
        hits.update(h)
    return FrameTable({k: (seen[k], hits[k]) for k in sorted(hits) if hits[k]})


def held_out_quotes(
    pdocs: Sequence[PolDoc], docs: Sequence[Doc], ents: Sequence[Extraction], by: str
) -> list[Extraction]:
    """Each document's quotes (``ents`` holding its entities) read with the table counted and
    the cue classifier trained on the folds (by ``publisher`` or ``month``) it is not in; in the
    order of ``pdocs``."""
    from newskb.eval.polnear_learned import examples_of, train

    counts = [count_doc(p, d) for p, d in zip(pdocs, docs, strict=True)]
    examples = [examples_of(p, d) for p, d in zip(pdocs, docs, strict=True)]
    index = {p.name: k for k, p in enumerate(pdocs)}
    out: list[Extraction | None] = [None] * len(pdocs)
    for group in folds(pdocs, by).values():
        held = {index[p.name] for p in group}
        table = table_of([c for k, c in enumerate(counts) if k not in held])
        model = train([x for k, xs in enumerate(examples) if k not in held for x in xs])
        for k in sorted(held):
            quotes = find_quotes(docs[k], ents[k], table, model)
            out[k] = dataclasses.replace(ents[k], quotes=quotes)
    return [x for x in out if x is not None]
