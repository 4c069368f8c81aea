"""TIMEX3 values read on the story's own reference, not on the publication date: regressions for
the causes found in the cross-validated TBAQ error analysis (``scripts/eval_times_cv.py``)."""

from __future__ import annotations

import datetime as dt

from newskb.extract.times import offset_zone, tag_article, tag_text
from newskb.model import Article, Dateline
from newskb.nlp import load

OCT26 = dt.date(1989, 10, 26)  # a Thursday in the fourth quarter


def found(text: str, anchor: dt.date = OCT26) -> dict[str, str]:
    return {t.text: f"{t.type} {t.value}" for t in tag_text(text, anchor, load()(text))}


def _tv(text: str, anchor: dt.date) -> dict[str, str]:
    return {t.text: t.value for t in tag_text(text, anchor, load()(text))}


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


def _article(text: str, at: str | None, place: str | None = None) -> Article:
    return Article(
        id="t", sha256="", path="t.txt", text=text, published=dt.date(2025, 7, 15),
        published_at=at, dateline=Dateline(place, None) if place else None,
    )  # fmt: skip


def _clock(
    text: str, at: str | None, place: str | None = None
) -> tuple[str, str | None, str | None]:
    (t,) = (x for x in tag_article(_article(text, at, place), load()(text)) if x.type == "TIME")
    return t.value, t.timezone, t.utc


def test_bare_clock_time_takes_the_publication_offset_near_that_day() -> None:
    at = "2025-07-15T10:42:00-04:00"
    assert offset_zone(at) == "Etc/GMT+4"
    # the day before publication: the stamp's offset is the wall clock's
    v = _clock("The vote ended at 9:30 p.m. on Monday.", at)
    assert v == ("2025-07-14T21:30", "Etc/GMT+4", "2025-07-15T01:30:00Z")
    # weeks off, DST may differ: no zone guessed
    assert _clock("The vote ended at 9:30 p.m. on June 2.", at) == ("2025-06-02T21:30", None, None)
    # a dateline place's zone wins; a UTC stamp ("Z", "+00:00") says nothing about the wall clock
    kyiv = _clock("The vote ended at 9:30 p.m. on Monday.", at, "Kyiv")
    assert kyiv[1:] == ("Europe/Kyiv", "2025-07-14T18:30:00Z")
    assert offset_zone("2025-07-15T10:42:00Z") is None
    assert offset_zone("2025-07-15T10:42:00+00:00") is None
    assert offset_zone("2025-07-15T10:42:00+05:30") is None  # no whole-hour Etc zone
    assert _clock("The vote ended at 9:30 p.m. on Monday.", None)[1:] == (None, None)


def test_fiscal_year_ended_a_date_is_a_duration_like_the_year_ended() -> None:
    v = found("In the fiscal year ended Jan. 31, the company reported sales of $51 million.")
    assert v["the fiscal year"] == "DURATION P1Y"
    assert found("Sales for the year ended March 31 rose.")["the year"] == "DURATION P1Y"


def test_formerly_is_no_time() -> None:
    # 0 of 3 "formerly" annotated in TBAQ and MEANTIME ("the formerly state-owned company")
    assert found("Robert Angelo, formerly senior vice president, left.") == {}
    assert found("The formerly state-owned company was floated.") == {}


def test_this_past_week_is_the_last_one() -> None:
    # regression (issue 18): "this past week" was a duration P1W ("past week")
    wed = dt.date(2025, 3, 19)
    sun = dt.date(2025, 3, 23)
    assert _tv("Shares rose 5 percent this past week.", wed) == {"this past week": "2025-W11"}
    assert _tv("Shares rose 5 percent this past week.", sun) == {"this past week": "2025-W12"}
    assert _tv("The strike began this past weekend.", wed) == {"this past weekend": "2025-W11-WE"}
    assert _tv("It rained this past summer.", wed) == {"this past summer": "2024-SU"}


def test_the_day_before_said_alone_is_one_day_off_the_narrative() -> None:
    text = "The minister resigned on March 5. The day before, he had denied the reports."
    assert _tv(text, dt.date(2025, 3, 19))["The day before"] == "2025-03-04"
    # "the day before authorities issued a warrant" is anchored on an event: left alone
    text = "He was last seen on Nov. 3, the day before authorities issued a warrant."
    assert "the day before" not in _tv(text, dt.date(2025, 3, 19))


def test_in_the_afternoon_is_the_narratives_day() -> None:
    text = "The minister arrived on Tuesday and left in the afternoon."
    assert _tv(text, dt.date(2025, 3, 19)) == {
        "Tuesday": "2025-03-18",
        "the afternoon": "2025-03-18TAF",
    }
    # "in the evening of March 3": the day named after it, not the narrative's
    assert "the evening" not in _tv("It happened in the evening of March 3.", dt.date(2025, 3, 19))
