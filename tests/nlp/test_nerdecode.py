"""newskb's NER decoder must give exactly spaCy's entities (``newskb.nlp.nerdecode``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Span
from tests.conftest import need_shared

from newskb import nlp
from newskb.nlp import nerdecode, selective


def _fresh(texts: list[str]) -> list[Doc]:
    model = nlp.load()
    senter = model.get_pipe("senter")
    return [selective.newline_boundaries(senter(model.make_doc(t))) for t in texts]


def _view(docs: list[Doc]) -> list[list[tuple[int, str, str]]]:
    return [[(t.i, t.ent_iob_, t.ent_type_) for t in d] for d in docs]


def _both(texts: list[str], batch: int = 64) -> tuple[list[Doc], list[Doc]]:
    ner = nlp.load().get_pipe("ner")
    stock, ours = _fresh(texts), _fresh(texts)
    for _ in ner.pipe(stock, batch_size=batch):
        pass
    moves = nerdecode.Moves(ner)
    for i in range(0, len(ours), batch):
        nerdecode.recognise(ner, moves, ours[i : i + batch])
    return stock, ours


TEXTS = [
    "Karoline Leavitt said on Tuesday that talks with Russia in Geneva would resume.",
    "The 42 inspectors of the International Atomic Energy Agency arrived on March 3, 2025.",
    "UN Secretary-General António Guterres met Volodymyr Zelensky in Kyiv.\nReuters",
    "",
    "it was over, they said.",
    "Shares of Apple Inc. rose 3% to $181.50 in New York on Friday afternoon.",
    "   \n\n  ",
    "Paris",
]


def test_the_models_ner_is_the_shape_the_decoder_mirrors() -> None:
    assert nerdecode.usable(nlp.load().get_pipe("ner"))


def test_same_entities_and_iob_as_spacy_on_short_texts_in_one_batch_and_alone() -> None:
    stock, ours = _both(TEXTS)
    assert _view(ours) == _view(stock)
    assert any(d.ents for d in ours)
    stock1, ours1 = _both(TEXTS, batch=1)
    assert _view(ours1) == _view(stock1)


def test_a_preset_entity_goes_to_spacys_own_decoder() -> None:
    ner = nlp.load().get_pipe("ner")
    (doc,) = _fresh(["Talks in Geneva went on with Anna Petrova present."])
    doc.set_ents([Span(doc, 0, 1, label="EVENT")], default="unmodified")
    (ref,) = _fresh(["Talks in Geneva went on with Anna Petrova present."])
    ref.set_ents([Span(ref, 0, 1, label="EVENT")], default="unmodified")
    nerdecode.recognise(ner, nerdecode.Moves(ner), [doc])
    for _ in ner.pipe([ref]):
        pass
    assert _view([doc]) == _view([ref]) and doc.ents[0].label_ == "EVENT"


def test_same_entities_as_spacy_on_real_news(corpora: Path) -> None:
    root = need_shared(corpora / "tempeval3" / "TBAQ-cleaned" / "AQUAINT")
    from newskb.ingest import read_paths
    from newskb.model import Article

    files = sorted(root.glob("*.tml"))[:40]
    texts = [a.text for a in read_paths(files) if isinstance(a, Article)]
    stock, ours = _both(texts)
    n = sum(len(d.ents) for d in stock)
    if not n:
        pytest.skip("no entities in the sample")
    assert _view(ours) == _view(stock)
