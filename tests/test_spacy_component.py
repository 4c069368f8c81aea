"""The spaCy component: ``nlp.add_pipe("newskb")`` on the stock English pipeline gives what
``newskb ingest`` gives, registered through the ``spacy_factories`` entry point."""

from __future__ import annotations

import datetime as dt
import importlib
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import newskb.spacy_component  # registers the factory when the entry point is not installed
from newskb.errors import UsageError
from newskb.ingest import read_path
from newskb.model import Extraction
from newskb.nlp import MODEL_NAME
from newskb.pipeline import process_batch
from tests.conftest import ROOT


def test_the_factory_is_declared_as_a_spacy_entry_point() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = conf["project"]["entry-points"]["spacy_factories"]["newskb"]
    module, _, attr = target.partition(":")
    assert getattr(importlib.import_module(module), attr) is newskb.spacy_component.make_newskb
    assert Language.has_factory("newskb")


@pytest.fixture(scope="module")
def stock() -> Language:
    nlp = spacy.load(MODEL_NAME)  # the user's own pipeline: spaCy's, not newskb's fast one
    nlp.add_pipe("newskb", config={"published": "2025-03-18"})
    return nlp


def _quotes(x: Extraction) -> list[tuple[str | None, int, int]]:
    return [(q.speaker.text if q.speaker else None, q.content.start, q.content.end)
            for q in x.quotes]  # fmt: skip


def test_the_seed_through_the_component_gives_its_quotes_times_and_events(
    stock: Language, seed_path: Path
) -> None:
    (article,) = read_path(str(seed_path))
    assert not isinstance(article, Extraction) and hasattr(article, "text")
    doc = stock(article.text)  # type: ignore[union-attr]
    x = doc._.newskb
    assert isinstance(x, Extraction)
    (ref,) = process_batch([article])  # type: ignore[list-item]
    assert isinstance(ref, Extraction)
    assert _quotes(x) == _quotes(ref) and len(x.quotes) >= 5
    assert [(t.start, t.end, t.value, t.utc) for t in x.times] == [
        (t.start, t.end, t.value, t.utc) for t in ref.times
    ]
    assert any(t.value and t.value.startswith("2025-03-18") for t in x.times)
    assert [(v.type, v.trigger.start, v.status) for v in x.events] == [
        (v.type, v.trigger.start, v.status) for v in ref.events
    ]
    assert {e.name for e in x.entities} == {e.name for e in ref.entities}
    assert x.article.dateline is not None and x.article.dateline.place == "Kyiv"
    for q in x.quotes:  # offsets are the doc's own
        assert doc.text[q.content.start : q.content.end] == q.content.text


def test_a_published_date_per_doc_wins(stock: Language) -> None:
    text = "Officials in Kyiv said on Monday that talks with Russia would resume."
    doc = stock.make_doc(text)
    doc.user_data["newskb.published"] = dt.date(2025, 3, 26)
    for _name, proc in stock.pipeline:
        doc = proc(doc)
    assert [t.value for t in doc._.newskb.times] == ["2025-03-24"]
    assert [t.value for t in stock(text)._.newskb.times] == ["2025-03-17"]


def test_a_pipeline_without_sentences_gets_a_coded_error() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newskb")
    with pytest.raises(UsageError, match="sentence boundaries") as exc:
        nlp("Officials said talks would resume.")
    assert exc.value.code == "NKB400"
    nlp.add_pipe("sentencizer", first=True)  # then it runs (a blank pipeline finds little)
    assert nlp("Officials said talks would resume.")._.newskb.article.text.startswith("Officials")
