"""Our lemmatizer must give exactly what spaCy's rule lemmatizer gives, token by token."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from tests.conftest import CORPORA, need_shared
from tests.nlp.test_attrs import _upto_parser

from newskb import nlp
from newskb.ingest import read_paths
from newskb.model import Article
from newskb.nlp.lemmas import FastLemmatizer, fast_lemmatizer

TEXTS = [
    "The ministers were meeting; she's been saying they'd met twice, the mice ran.",
    "Better data, worse outcomes: the best-laid plans of U.S. officials went awry.",
    "He has gone. They were going. Going, going, gone! Leaves leave; the leaves left.",
    "",
]


def _before_lemmatizer(model: Language, texts: list[str]) -> list[Doc]:
    docs = _upto_parser(model, texts)
    return list(model.get_pipe("attribute_ruler").pipe(docs))  # type: ignore[attr-defined]


def _same(texts: list[str]) -> int:
    model = nlp.load()
    ours = fast_lemmatizer(model)
    assert isinstance(ours, FastLemmatizer)
    stock = model.get_pipe("lemmatizer")
    docs = _before_lemmatizer(model, texts)
    copies = [d.copy() for d in docs]
    n = 0
    for doc, other in zip(docs, list(ours.pipe(copies)), strict=True):
        stock(doc)  # type: ignore[operator]
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in other]
        n += len(doc)
    return n


def test_same_lemmas_as_spacy_on_hand_written_text() -> None:
    assert _same(TEXTS) > 40
    assert _same(TEXTS) > 40  # the second time from our cache


def test_same_lemmas_as_spacy_on_news() -> None:
    root = need_shared(CORPORA / "tempeval3" / "TBAQ-cleaned" / "TimeBank")
    files = sorted(root.glob("*.tml"))[:15]
    texts = [a.text for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]
    assert _same(texts) > 3000


def test_a_lemma_already_set_is_kept() -> None:
    model = nlp.load()
    ours = fast_lemmatizer(model)
    (doc,) = _before_lemmatizer(model, ["The talks were held."])
    doc[2].lemma_ = "KEPT"
    ours(doc)
    assert [t.lemma_ for t in doc] == ["the", "talk", "KEPT", "hold", "."]
