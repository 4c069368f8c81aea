"""newskb's pipeline runs its matrix products on numpy's BLAS and agrees with spaCy's."""

from __future__ import annotations

import functools

import pytest
import spacy
from spacy.language import Language
from tests.conftest import CORPORA, need_shared

from newskb import nlp
from newskb.ingest import read_paths
from newskb.model import Article
from newskb.nlp import ops


@functools.lru_cache(maxsize=1)
def _stock() -> Language:
    return spacy.load(nlp.MODEL_NAME)


def test_every_layer_off_blis() -> None:
    model = nlp.load()
    models = [getattr(c, "model", None) for _, c in model.components]
    layers = [n for m in models if hasattr(m, "walk") for n in m.walk()]  # type: ignore[union-attr]
    assert layers
    assert not any(getattr(n.ops, "use_blis", False) for n in layers)
    assert ops.install(model) == 0  # nothing left to switch


def test_stock_pipeline_untouched_by_newskb() -> None:
    stock = _stock()
    assert stock.get_pipe("tok2vec").model.ops.use_blis  # type: ignore[attr-defined]


def test_environment_keeps_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ops.ENV, "blis")
    assert ops.install(spacy.blank("en")) == 0
    monkeypatch.delenv(ops.ENV)
    assert ops.wanted()


def test_same_tags_parse_and_entities_as_spacy_on_news() -> None:
    root = need_shared(CORPORA / "tempeval3" / "TBAQ-cleaned" / "TimeBank")
    files = sorted(root.glob("*.tml"))[:20]
    texts = [a.text for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]
    n = same = 0
    ents_same = 0
    for a, b in zip(_stock().pipe(texts), nlp.load().pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            n += 1
            same += (x.tag_, x.dep_, x.head.i) == (y.tag_, y.dep_, y.head.i)
        ents_same += [(e.start, e.end, e.label_) for e in a.ents] == [
            (e.start, e.end, e.label_) for e in b.ents
        ]
    assert n > 5000
    assert same / n >= 0.999  # float rounding may flip a near-tie, very rarely
    assert ents_same >= len(texts) - 1
