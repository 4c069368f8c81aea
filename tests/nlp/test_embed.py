"""Distinct-token embeddings must give spaCy's vectors, entities and parse exactly."""

from __future__ import annotations

import functools

import numpy
import spacy
from spacy.language import Language
from tests.conftest import CORPORA, need_shared

from newskb import nlp
from newskb.ingest import read_paths
from newskb.model import Article
from newskb.nlp import embed

TEXTS = [
    "The White House said the talks went well. The talks, she said, went well.",
    "Den Scavino at 16:00 Kyiv time reported that the call was going well. The call ended.",
    "Y'all ain't gonna believe it.   Two  spaces and\n\na blank line; NATO, the U.N. and 3.5%.",
    "",
    "Word",
]


@functools.lru_cache(maxsize=1)
def _stock() -> Language:
    return spacy.load(nlp.MODEL_NAME)  # spaCy as shipped: embeddings per occurrence


def _same_output(texts: list[str]) -> None:
    stock, ours = _stock(), nlp.load()
    for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in a] == [
            (t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in b
        ]
        assert [(e.start, e.end, e.label_) for e in a.ents] == [
            (e.start, e.end, e.label_) for e in b.ents
        ]


def test_newskb_pipeline_uses_distinct_embeddings() -> None:
    model = nlp.load()
    tok2vec = model.get_pipe("tok2vec").model  # type: ignore[attr-defined]
    ner_tok2vec = model.get_pipe("ner").model.layers[0].layers[0]  # type: ignore[attr-defined]
    assert tok2vec.layers[0].name == embed.NAME
    assert ner_tok2vec.layers[0].name == embed.NAME
    assert embed.install(model) == 0  # already installed: nothing swapped twice


def test_vectors_equal_spacys() -> None:
    stock, ours = _stock(), nlp.load()
    docs = [stock.make_doc(t) for t in TEXTS]
    for name in ("tok2vec",):
        want = stock.get_pipe(name).model.predict(docs)  # type: ignore[attr-defined]
        got = ours.get_pipe(name).model.predict(docs)  # type: ignore[attr-defined]
        for w, g in zip(want, got, strict=True):
            assert w.shape == g.shape
            assert numpy.allclose(w, g, atol=1e-4)  # newskb.nlp.ops: another BLAS, other rounding


def test_entities_and_parse_equal_spacys_on_hand_written_text() -> None:
    _same_output(TEXTS)


def test_entities_and_parse_equal_spacys_on_news() -> None:
    root = need_shared(CORPORA / "tempeval3" / "TBAQ-cleaned" / "AQUAINT")
    files = sorted(root.glob("*.tml"))[:12]
    assert files, "no TimeML files under the shared corpora"
    texts = [a.text for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]
    assert len(texts) == len(files)
    _same_output(texts)


def test_other_pipeline_shape_left_alone() -> None:
    blank = spacy.blank("en")
    assert embed.install(blank) == 0
