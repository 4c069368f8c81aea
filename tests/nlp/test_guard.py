"""The guard of the fast components: tested versions only, and a start-up probe that must agree
with the stock components, else one coded warning and spaCy's stock output."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import spacy

from newskb import nlp
from newskb.errors import ModelMissing
from newskb.nlp import embed, guard
from newskb.nlp.lemmas import FastLemmatizer

SENTENCE = "The ministry said the inspectors were leaving Kyiv on Tuesday."


def _installed_model_path() -> Path:
    """The installed default pipeline's data folder: "another pipeline", chosen by path."""
    package = __import__(nlp.MODEL_NAME)
    return next(p.parent for p in Path(package.__file__).parent.glob("*/config.cfg"))


def test_versions_outside_the_tested_range_are_named() -> None:
    assert guard.version_problem({"spacy": "3.8.18", "thinc": "8.3.14"}) is None
    assert "spacy 3.9.0" in (guard.version_problem({"spacy": "3.9.0", "thinc": "8.3.4"}) or "")
    assert "thinc 9.0.1" in (guard.version_problem({"spacy": "3.8.2", "thinc": "9.0.1"}) or "")
    assert guard.version_problem({"spacy": "3.7.5", "thinc": "8.3.4"}) is not None


def test_the_installed_versions_pass_the_probe_and_run_fast() -> None:
    # a regression here means every process silently lost the speed-ups
    model = nlp.load()
    assert guard.fast_enabled(model)
    tok2vec = model.get_pipe("tok2vec").model  # type: ignore[attr-defined]
    assert tok2vec.layers[0].name == embed.NAME


def test_an_untested_version_warns_once_and_stays_stock(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(guard.spacy.about, "__version__", "3.99.0")
    blank = spacy.blank("en")
    with caplog.at_level(logging.WARNING, logger="newskb"):
        assert guard.install(blank) is False
    assert [r.getMessage()[:6] for r in caplog.records] == [guard.VERSION_UNTESTED]
    assert not guard.fast_enabled(blank)


@pytest.mark.slow
def test_a_disagreeing_probe_warns_once_and_gives_stock_output(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # force the fast lemmatizer to disagree; load "another" pipeline (by path, NEWSKB_MODEL),
    # which must be guarded too
    monkeypatch.setattr(FastLemmatizer, "lemma", lambda self, token: "WRONG")
    monkeypatch.setenv("NEWSKB_MODEL", str(_installed_model_path()))
    with caplog.at_level(logging.WARNING, logger="newskb"):
        model = nlp.load.__wrapped__()  # a fresh load, not the cached one
    records = [r.getMessage() for r in caplog.records]
    assert len(records) == 1 and records[0].startswith(guard.PROBE_MISMATCH), records
    assert "WRONG" in records[0]  # the first difference is named
    assert not guard.fast_enabled(model)
    tok2vec = model.get_pipe("tok2vec").model  # type: ignore[attr-defined]
    assert tok2vec.layers[0].name != embed.NAME  # the stock embedding is back
    (doc,) = nlp.parse_many([SENTENCE], nlp=model, mode="full")
    ref = spacy.load(nlp.MODEL_NAME)(SENTENCE)  # spaCy as shipped
    assert [(t.text, t.tag_, t.lemma_, t.dep_, t.head.i) for t in doc] == [
        (t.text, t.tag_, t.lemma_, t.dep_, t.head.i) for t in ref
    ]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in ref.ents]
    assert "WRONG" not in {t.lemma_ for t in doc}


def test_newskb_model_selects_the_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSKB_MODEL", raising=False)
    assert nlp.model_name() == nlp.MODEL_NAME
    monkeypatch.setenv("NEWSKB_MODEL", str(tmp_path / "de"))
    spacy.blank("de").to_disk(tmp_path / "de")
    assert nlp.model_name() == str(tmp_path / "de")
    with pytest.raises(ModelMissing, match="English"):
        nlp.load.__wrapped__()
    spacy.blank("en").to_disk(tmp_path / "en")
    monkeypatch.setenv("NEWSKB_MODEL", str(tmp_path / "en"))
    with pytest.raises(ModelMissing, match="lacks the components senter, ner"):
        nlp.load.__wrapped__()
