"""Selective parsing: NER + sentences everywhere, the full parse only where an extractor looks.

Stage 1 runs the tokenizer, ``senter`` and ``ner`` over whole articles (``nlp.pipe``-style
batches). Stage 2 takes the sentences :func:`newskb.nlp.prefilter.needs_parse` selects, runs
``tok2vec``, ``tagger``, ``parser``, ``attribute_ruler`` and ``lemmatizer`` on them as short docs
in large batches, and writes tags, POS, morphology, lemmas, heads and labels back into the
article's ``Doc`` (an article whose selected sentences hold most of its tokens is parsed whole,
in place). The result is one ``Doc`` per article, ``doc.text == text``, with:

- every token: ``doc.ents``, ``doc.sents`` (sentence boundaries from ``senter``, refined by the
  parse inside parsed sentences), ``lemma_`` (the lower-cased form where not parsed);
- tokens of selected sentences: ``tag_``, ``pos_``, ``morph``, ``lemma_``, ``dep_``, ``head``
  exactly as the full spaCy pipeline gives them for that sentence;
- tokens of other sentences: empty ``tag_``/``pos_``/``dep_``/``morph``, ``head`` = itself.
  :func:`is_parsed` tells the two apart.

Caveat: pickling such a ``Doc`` (``to_bytes``) recomputes sentences from the partial tree, so
use it in the process that parsed it (the pipeline does: extraction runs next to parsing).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from newskb.nlp import guard
from newskb.nlp.attrs import fast_ruler
from newskb.nlp.lemmas import fast_lemmatizer
from newskb.nlp.prefilter import needs_parse
from newskb.nlp.windows import Triggers, recognise

STAGE2 = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
SENT_BATCH = 256
WHOLE_DOC_SHARE = 0.9  # measured: 0.6 -> 0.9 cut stage 2 by ~15% on the bench corpus
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
_LEMMA_COL = 3
MAX_SENT_TOKENS = 200
_SOFT_STOPS = frozenset({",", ";", ":", "-", "–", "—", "(", ")"})

Selector = Callable[[Span], bool]


# our equivalent, faster implementations of two components (``newskb.nlp.attrs``, ``.lemmas``)
_FAST: dict[str, Callable[[Language], Any]] = {
    "attribute_ruler": fast_ruler,
    "lemmatizer": fast_lemmatizer,
}


def _component(nlp: Language, name: str) -> Any:
    """A pipeline component by name, whether enabled or not (``senter`` ships disabled); the
    attribute ruler and the lemmatizer are our equivalent, faster ones unless the start-up
    guard (``newskb.nlp.guard``) turned them off for this pipeline."""
    if name in _FAST and guard.fast_enabled(nlp):
        return _fast_component(nlp, name)
    return nlp.get_pipe(name)


@functools.lru_cache(maxsize=16)
def _fast_component(nlp: Language, name: str) -> Any:
    return _FAST[name](nlp)


def newline_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, datelines and headline-style lines carry no final
    period, and would otherwise run into the next line's sentence."""
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    cols = doc.to_array([ORTH, IS_SPACE]).tolist()
    breaks = {orth for orth, _ in cols if "\n" in strings[orth]}
    for i in range(1, len(cols)):
        if not cols[i][1] and cols[i - 1][0] in breaks:
            doc[i].is_sent_start = True
    return doc


def bound_sentences(doc: Doc, limit: int = MAX_SENT_TOKENS) -> Doc:
    """No sentence longer than ``limit`` tokens: a longer one is cut at its last comma, semicolon,
    colon or dash in the window's last quarter (else at the window's end). The parser and
    every rule that scans a sentence cost at least its length per cue in it; a 50,000-word
    "sentence" (a table, a list, "said" x 50,000) would otherwise cost its length squared.
    News sentences run well under the limit, so real text is not changed."""
    n = len(doc)
    if n <= limit:
        return doc
    starts = doc.to_array(SENT_START).tolist()
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    last = 0  # the start of the sentence being read
    i = 1
    while i < n:
        if starts[i] == 1:
            last = i
        elif i - last >= limit:
            cut = i
            for j in range(i - 1, i - limit // 4, -1):
                if strings[orths[j]] in _SOFT_STOPS:
                    cut = j + 1
                    break
            doc[cut].is_sent_start = True
            starts[cut] = 1
            last = cut
            i = cut
        i += 1
    return doc


def is_parsed(span: Span | Doc) -> bool:
    """True when the tokens of ``span`` (a sentence) carry tags, lemmas and a dependency parse."""
    return len(span) > 0 and span[0].dep != 0


@functools.lru_cache(maxsize=4)
def _triggers(nlp: Language) -> Triggers:
    return Triggers(nlp)


def stage1(
    texts: Sequence[str],
    nlp: Language,
    batch_size: int,
    chunk: Callable[[str], list[str]],
    *,
    ner_windows: bool = True,
) -> list[Doc]:
    """Tokenize, split sentences and find entities; long texts go in chunks joined back.

    With ``ner_windows`` NER runs only around words that can be part of a name, number or
    date (``newskb.nlp.windows``); without, on every token as in spaCy's pipeline.
    """
    pieces: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        for piece in chunk(text):
            pieces.append(piece)
            owners.append(i)
    tokenizer: Any = nlp.tokenizer
    docs: list[Doc] = list(tokenizer.pipe(pieces, batch_size=batch_size))
    docs = [
        bound_sentences(newline_boundaries(d))
        for d in nlp.get_pipe("senter").pipe(docs, batch_size=batch_size)  # type: ignore[attr-defined]
    ]
    if ner_windows and guard.fast_enabled(nlp):
        recognise(docs, nlp, nlp.get_pipe("ner"), _triggers(nlp), batch_size)
    else:
        docs = list(nlp.get_pipe("ner").pipe(docs, batch_size=batch_size))  # type: ignore[attr-defined]
    if len(docs) == len(texts):
        return docs
    grouped: list[list[Doc]] = [[] for _ in texts]
    for owner, doc in zip(owners, docs, strict=True):
        grouped[owner].append(doc)
    return [g[0] if len(g) == 1 else Doc.from_docs(g, ensure_whitespace=False) for g in grouped]


def stage2(
    docs: Sequence[Doc],
    nlp: Language,
    select: Selector = needs_parse,
    whole_share: float = WHOLE_DOC_SHARE,
) -> int:
    """Parse the selected sentences of ``docs`` in place; return how many tokens were parsed.

    A doc whose selected sentences hold at least ``whole_share`` of its tokens is parsed whole,
    in place (cutting it into sentence docs and writing back would cost more than it saves);
    the parser keeps the sentence boundaries already set.
    """
    jobs: list[tuple[int, int, int]] = []
    whole: list[Doc] = []
    for di, doc in enumerate(docs):
        mine = [(di, s.start, s.end) for s in doc.sents if select(s)]
        if len(doc) and sum(e - b for _, b, e in mine) >= whole_share * len(doc):
            whole.append(doc)
        else:
            jobs += mine
    for name in STAGE2:
        for _ in _component(nlp, name).pipe(whole, batch_size=64):
            pass
    parsed = sum(len(d) for d in whole)
    if not jobs:
        return parsed
    subs = [_plain(docs[di][start:end]) for di, start, end in jobs]
    for name in STAGE2:
        subs = list(_component(nlp, name).pipe(subs, batch_size=SENT_BATCH))
    by_doc: dict[int, list[tuple[int, int, Doc]]] = {}
    for (di, start, end), sub in zip(jobs, subs, strict=True):
        by_doc.setdefault(di, []).append((start, end, sub))
    for di, parts in by_doc.items():
        parsed += _write_back(docs[di], parts)
    return parsed


def _plain(span: Span) -> Doc:
    """The span's tokens as a new, unannotated ``Doc`` (``Span.as_doc`` also copies every
    annotation and costs ten times as much; the parser needs only the words)."""
    return Doc(
        span.doc.vocab,
        words=[t.text for t in span],
        spaces=[bool(t.whitespace_) for t in span],
    )


def _write_back(doc: Doc, parts: list[tuple[int, int, Doc]]) -> int:
    values = numpy.zeros((len(doc), len(_ATTRS)), dtype="uint64")
    values[:, _LEMMA_COL] = doc.to_array(LOWER)
    starts = doc.to_array(SENT_START).astype("int64")
    n = 0
    for start, end, sub in parts:
        values[start:end] = sub.to_array(_ATTRS)
        starts[start:end] = sub.to_array(SENT_START).astype("int64")
        starts[start] = 1
        n += end - start
    doc.from_array(_ATTRS, cast(Any, values))
    # from_array rebuilt sentence starts from the (partial) tree: put the senter's back where
    # no parse exists, so doc.sents still covers every sentence.
    doc.from_array([SENT_START], cast(Any, starts.astype("uint64").reshape(-1, 1)))
    return n


def parse_selective(
    texts: Sequence[str],
    nlp: Language,
    batch_size: int,
    chunk: Callable[[str], list[str]],
    select: Selector = needs_parse,
    *,
    ner_windows: bool = True,
) -> list[Doc]:
    """One ``Doc`` per text, NER'd and sentence-split everywhere, parsed where ``select`` says."""
    docs = stage1(texts, nlp, batch_size, chunk, ner_windows=ner_windows)
    stage2(docs, nlp, select)
    return docs
