"""TIMEX3 values read on the story's own reference, not on the publication date: regressions for
the causes found in the cross-validated TBAQ error analysis (``scripts/eval_times_cv.py``)."""

from __future__ import annotations

import datetime as dt

from newskb.extract.times import tag_text
from newskb.nlp import load

OCT26 = dt.date(1989, 10, 26)  # a Thursday in the fourth quarter


def found(text: str, anchor: dt.date = OCT26) -> dict[str, str]:
    return {t.text: f"{t.type} {t.value}" for t in tag_text(text, anchor, load()(text))}


def test_results_story_quarter_is_the_one_it_named() -> None:
    # a fiscal first quarter that ended Sept. 30: "the quarter", "a year earlier" are that one
    v = found(
        "Sun Microsystems said it earned $5.2 million in the fiscal first quarter. "
        "Sales for the quarter rose 39% from $388.5 million a year earlier."
    )
    assert v["the fiscal first quarter"] == "DATE 1989-Q1"
    assert v["the quarter"] == "DATE 1989-Q1"
    assert v["a year earlier"] == "DATE 1988-Q1"


def test_results_story_quarter_without_a_named_one_is_the_last_completed() -> None:
    v = found("Sales for the quarter rose 39% from $388.5 million a year earlier.")
    assert (v["the quarter"], v["a year earlier"]) == ("DATE 1989-Q3", "DATE 1988-Q3")


def test_quarter_ahead_or_indefinite_is_not_the_one_reported() -> None:
    # "expect ... into the fourth quarter" lies ahead; "after a flat second quarter" is not the
    # reported one: the last named past quarter (third) stays the reference
    v = found(
        "Bethlehem posted a 54% drop in third-quarter profit. Analysts expect the trend to "
        "continue into the fourth quarter. After a flat second quarter, sales fell from "
        "$1.43 billion a year ago."
    )
    assert v["third-quarter"] == "DATE 1989-Q3"
    assert v["the fourth quarter"] == "DATE 1989-Q4"
    assert v["a year ago"] == "DATE 1988-Q3"


def test_was_once_is_no_time() -> None:
    # 1 of 25 "once" annotated in TBAQ: "formerly" is not marked as a time there
    assert found("Polly Peck was once a small fabric wholesaler.") == {}


def test_to_infinitive_after_a_plain_adjective_takes_the_governor_tense() -> None:
    past = found(
        "Problems made it extremely difficult for Sun to meet demand well into the summer."
    )
    assert past == {"the summer": "DATE 1989-SU"}
    # a prospective adjective still looks ahead ("ready to ship")
    assert found("The plant is ready to ship in the summer.") == {"the summer": "DATE 1990-SU"}


def test_half_of_a_decade_is_no_half_of_this_year() -> None:
    v = found("Sales grew strongly in the last half of the '80s.")
    assert v == {"the '80s": "DATE 198"}
    v = found("Sales grew in the last half of 1988.")
    assert v == {"the last half of 1988": "DATE 1988-H2"}


def test_bare_infinitive_under_a_past_verb_is_not_scheduled() -> None:
    feb25 = dt.date(1991, 2, 25)  # a Monday
    v = found("Bush let the ground offensive begin as previously planned Saturday night.", feb25)
    assert v == {"Saturday night": "TIME 1991-02-23TNI"}
