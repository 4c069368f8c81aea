"""Named-entity recognition only where a name, number or time word can be.

spaCy's NER costs half of the small pipeline. Names are capitalised, numbers hold digits or
number words, and the dates the extractors read from NER hold a time word; the rest of a news
text (about half of its tokens) cannot start or hold an entity. :func:`windows` marks every
token that can (a *trigger*) and keeps ``REACH`` tokens of context on each side: spaCy's NER sees
four tokens either side of a word (its CNN's receptive field), so with ``REACH = 4`` every
trigger is recognised from the same context as in the whole text; ``REACH = 3`` loses a token of
context at a window's edge and still finds 99.4% of the named entities whole-text NER finds, at
99.7% precision (TimeBank + AQUAINT, 120 articles). The windows of one article are joined
into one short doc, separated by a paragraph break, recognised in one ``nlp.pipe`` batch and the
entities written back at their offsets; everything outside a window is ``O``.

An article whose windows cover most of it (``WHOLE_SHARE``) is recognised whole.
``tests/nlp/test_windows.py`` pins the agreement with whole-text NER on real news.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from newskb.nlp import nerdecode

REACH = 3
CACHE_MAX = 500_000  # words whose trigger test is remembered (per process)
WHOLE_SHARE = 0.8
JOIN = "\n\n"
# Time and number words the extractors read spaCy's DATE/TIME/MONEY/CARDINAL labels for.
_TIME_NUMBER_WORDS = frozenset(
    str.split(
        "today tonight yesterday tomorrow ago morning afternoon evening night noon midnight "
        "day days week weeks weekend month months year years decade decades century quarter "
        "hour hours minute minutes season spring summer autumn fall winter annual annually "
        "daily weekly monthly yearly hundred hundreds thousand thousands million millions "
        "billion billions trillion percent"
    )
)


def _is_trigger(text: str, lower: str, stop: frozenset[str]) -> bool:
    if any(c.isdigit() for c in text):
        return True
    if lower in _TIME_NUMBER_WORDS:
        return True
    if not text[:1].isupper():
        return False
    # a capitalised function word ("The", "He") starts a sentence, not a name; all-caps
    # ("US", "UN") and every other capitalised word may be a name
    return lower not in stop or (len(text) > 1 and text.isupper())


class Triggers:
    """Per-word trigger test, cached by the word's hash (no per-article work)."""

    def __init__(self, nlp: Language) -> None:
        self.stop = frozenset(nlp.Defaults.stop_words)
        self.cache: dict[int, bool] = {}

    def mask(self, doc: Doc) -> list[bool]:
        out: list[bool] = []
        if len(self.cache) > CACHE_MAX:  # a long run meets ever new words: stay bounded
            self.cache.clear()
        cache = self.cache
        strings = doc.vocab.strings
        for orth in doc.to_array(ORTH).tolist() if len(doc) else ():
            hit = cache.get(orth)
            if hit is None:
                text = strings[orth]
                hit = cache[orth] = not text.isspace() and _is_trigger(
                    text, text.lower(), self.stop
                )
            out.append(hit)
        return out


def windows(mask: Sequence[bool], reach: int | None = None) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` covering every trigger with ``reach`` (default ``REACH``)
    tokens of context, merged where they touch."""
    reach = REACH if reach is None else reach
    out: list[tuple[int, int]] = []
    n = len(mask)
    for i, hit in enumerate(mask):
        if not hit:
            continue
        start, end = max(0, i - reach), min(n, i + reach + 1)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def plan(doc: Doc, triggers: Triggers) -> list[tuple[int, int]] | None:
    """The token ranges NER runs on for ``doc``; None when it runs on the whole doc (its
    windows would cover ``WHOLE_SHARE`` of it or more)."""
    spans = windows(triggers.mask(doc))
    return None if sum(e - s for s, e in spans) >= WHOLE_SHARE * len(doc) else spans


@functools.lru_cache(maxsize=4)
def _moves(ner: Any) -> nerdecode.Moves | None:
    return nerdecode.Moves(ner) if nerdecode.usable(ner) else None


def run_ner(ner: Any, docs: Sequence[Doc], batch_size: int) -> None:
    """``for _ in ner.pipe(docs, batch_size=batch_size): pass``, by ``newskb.nlp.nerdecode``
    where the component has the shape it mirrors (the same entities, in less time)."""
    moves = _moves(ner)
    if moves is None:
        for _ in ner.pipe(docs, batch_size=batch_size):
            pass
        return
    for i in range(0, len(docs), batch_size):
        nerdecode.recognise(ner, moves, docs[i : i + batch_size])


def recognise(
    docs: Sequence[Doc], nlp: Language, ner: Any, triggers: Triggers, batch_size: int
) -> None:
    """Set ``doc.ents`` on every doc, running ``ner`` only on its trigger windows."""
    whole: list[Doc] = []
    parts: list[tuple[Doc, list[tuple[int, int]], list[int]]] = []
    joined: list[Doc] = []
    for doc in docs:
        spans = plan(doc, triggers)
        if spans is None:
            whole.append(doc)
            continue
        if not spans:
            doc.set_ents([], default="outside")
            continue
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[int] = []
        orths, trailing = doc.to_array([ORTH, SPACY]).T.tolist()
        strings = doc.vocab.strings
        for s, e in spans:
            if words:
                words.append(JOIN)
                spaces.append(False)
            starts.append(len(words))
            words.extend(strings[o] for o in orths[s:e])
            spaces.extend(bool(x) for x in trailing[s:e])
        parts.append((doc, spans, starts))
        joined.append(Doc(nlp.vocab, words=words, spaces=spaces))
    run_ner(ner, whole, batch_size)
    run_ner(ner, joined, batch_size)
    for (doc, spans, starts), sub in zip(parts, joined, strict=True):
        ents: list[Span] = []
        w = 0
        for ent in sub.ents:
            while w + 1 < len(starts) and starts[w + 1] <= ent.start:
                w += 1
            offset = spans[w][0] - starts[w]
            if ent.end - starts[w] > spans[w][1] - spans[w][0]:  # ran over a window join
                continue
            ents.append(Span(doc, ent.start + offset, ent.end + offset, label=ent.label))
        doc.set_ents(ents, default="outside")
