"""The learned cue classifier (``extract.quotes.learned``, loose readings from ``loose``): a
reading the rules leave is reported when the model accepts it, never over a rule's quote
(issue 16; real model)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newskb.extract import extract
from newskb.extract.quotes import find_quotes
from newskb.extract.quotes.frames import FrameTable
from newskb.extract.quotes.learned import EMPTY, MODEL_FILE, CueModel, default_model
from newskb.model import Article, Extraction, Quote
from newskb.nlp import parse_many

NO_TABLE = FrameTable({})
CRITICIZE = CueModel(
    {"l=criticize": 6.0, "l=say": 6.0, "l=release": 6.0, "l=attack": -6.0},
    -1.0,
    frozenset({"criticize", "say", "attack", "release"}),
)


def parsed(text: str) -> tuple[Doc, Extraction]:
    doc = parse_many([text], mode="full")[0]
    return doc, extract(Article(id="t", sha256="t", path="t", text=text), doc, ("entities",))


def said(q: Quote) -> tuple[str | None, str | None, str]:
    return (q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)


def test_model_round_trip_and_thresholds() -> None:
    assert CueModel.from_tsv(CRITICIZE.to_tsv()) == CRITICIZE
    assert CRITICIZE.probability(["l=criticize", "f=obj"]) > 0.99
    assert CRITICIZE.probability(["l=attack"]) < 0.01
    assert CRITICIZE.accepts("obj", 0.98) and not CRITICIZE.accepts("obj", 0.96)
    assert CRITICIZE.accepts("obj", 0.9, hand=False) and not CRITICIZE.accepts("obj", 0.8, False)
    assert CRITICIZE.accepts("ccomp", 0.55) and not CRITICIZE.accepts("ccomp", 0.45)


def test_packaged_model_is_small_and_reads_common_stance_verbs() -> None:
    path = resources.files("newskb.extract.quotes").joinpath(MODEL_FILE)
    assert path.is_file() and len(path.read_bytes()) < 20 * 2**20
    model = default_model()
    assert len(model.weights) > 1000 and {"criticize", "call", "vow"} <= model.lemmas


def test_a_relative_clause_stance_is_read_only_with_the_model() -> None:
    # the rules give a relative clause's verb no source of its own: the loose reading does
    doc, x = parsed("Senator Warren, who criticized the trade deal, spoke in Boston on Monday.")
    assert find_quotes(doc, x, NO_TABLE, EMPTY) == ()
    assert [said(q) for q in find_quotes(doc, x, NO_TABLE, CRITICIZE)] == [
        ("Senator Warren", "criticized", "the trade deal")
    ]


def test_a_medium_is_no_content() -> None:
    # regression (seed): "The White House released [a statement ...]" read loosely as a stance
    doc, x = parsed("The senator, who released a statement on Monday, spoke in Boston.")
    assert find_quotes(doc, x, NO_TABLE, CRITICIZE) == ()


def test_the_model_never_reads_over_a_rule_or_a_refused_clause() -> None:
    doc, x = parsed("Warren said the trade deal would fail.")
    assert [said(q) for q in find_quotes(doc, x, NO_TABLE, CRITICIZE)] == [
        ("Warren", "said", "the trade deal would fail")
    ]
    # regression (GUM news): a negated cue before a question is no claim, learned or not
    doc, x = parsed("Officials have not said why the team was denied visas.")
    assert find_quotes(doc, x, NO_TABLE, CRITICIZE) == ()


def test_the_seed_reads_as_without_the_model() -> None:
    # regression: "Trump and Putin stressed [the need for peace ...]" (p 0.968) was added to the
    # seed at an object threshold of 0.95; the seed must read exactly as before
    path = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    text = path.read_text(encoding="utf-8")
    doc = parse_many([text])[0]
    x = extract(Article(id="s", sha256="s", path="s", text=text), doc, ("entities",))
    assert find_quotes(doc, x) == find_quotes(doc, x, None, EMPTY)
