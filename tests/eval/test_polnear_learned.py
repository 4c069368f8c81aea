"""Training the learned cue classifier on PolNeAR-style gold (``eval.polnear_learned``)."""

from __future__ import annotations

import datetime as dt

from newskb.eval.polnear import PolAttribution, PolDoc
from newskb.eval.polnear_learned import Example, examples_of, train
from newskb.nlp import parse_many


def test_readings_are_labelled_by_the_gold_attributions() -> None:
    text = "Senator Warren criticized the trade deal. The senator visited the plant."
    gold = PolAttribution(((0, 14),), ((15, 25),), ((26, 40),))
    pdoc = PolDoc("d", "pub", "2016-01", dt.date(2016, 1, 1), text, (gold,))
    doc = parse_many([text], mode="full")[0]
    labels = {(feats[0], hit) for feats, hit, _ in examples_of(pdoc, doc)}
    assert ("l=criticize", True) in labels
    assert ("l=visit", False) in labels


def test_training_is_deterministic_and_separates_the_classes() -> None:
    examples: list[Example] = []
    for k in range(40):
        examples.append((("l=blast", "f=ccomp", f"n={k % 3}"), k % 10 != 0, "blast"))
        examples.append((("l=visit", "f=ccomp", f"n={k % 3}"), k % 10 == 0, "visit"))
    a, b = train(examples), train(list(examples))
    assert a == b
    assert a.probability(["l=blast", "f=ccomp"]) > 0.7 > 0.3 > a.probability(["l=visit", "f=ccomp"])
    assert a.lemmas == {"blast"}  # "visit" is never accepted (a clause needs 0.5): not read
