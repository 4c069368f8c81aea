"""TIMEX3 values in news: regressions for the general causes found in the dev-corpus error
analysis (anchoring, tense, connectives, names, spoken years, holidays)."""

from __future__ import annotations

import datetime as dt

import pytest

from newskb.extract.times import tag_text
from newskb.extract.times.holidays import easter
from newskb.extract.times.tense import tense_of_words
from newskb.model import TimeExpr
from newskb.nlp import load

PUB = dt.date(2025, 3, 18)  # a Tuesday


def tag(text: str, anchor: dt.date | None = PUB, parse: bool = True) -> list[TimeExpr]:
    return tag_text(text, anchor, load()(text) if parse else None)


def found(text: str, anchor: dt.date | None = PUB, parse: bool = True) -> dict[str, str]:
    return {t.text: f"{t.type} {t.value}" for t in tag(text, anchor, parse)}


def test_soon_in_connectives_and_past_clauses_is_no_time() -> None:
    assert found("They will leave as soon as he arrives.") == {}
    assert found("He died soon after the attack.") == {}
    assert found("He was soon released.") == {}
    assert found("Return him as soon as possible.") == {"as soon as possible": "DATE FUTURE_REF"}
    assert found("Talks will resume soon.") == {"soon": "DATE FUTURE_REF"}


def test_possessive_weekday_is_a_past_event() -> None:
    # the clause looks ahead ("will appeal"), but Friday's ruling has happened
    assert found("They will appeal Friday's ruling.") == {"Friday": "DATE 2025-03-14"}


def test_month_without_tense_leans_to_the_past() -> None:
    oct30 = dt.date(1989, 10, 30)
    v = found("a high in June, up from $29.75 in March; loans through January", oct30, False)
    assert v == {"June": "DATE 1989-06", "March": "DATE 1989-03", "January": "DATE 1990-01"}


def test_simple_present_does_not_push_a_month_ahead() -> None:
    v = found("As of February, the store accounts for 70% of sales.", dt.date(2008, 4, 9))
    assert v["February"] == "DATE 2008-02"
    # ... but still does a weekday: "takes effect on Thursday" (see test_times.py)


def test_explicit_utc_keeps_iso_z_designator() -> None:
    (t,) = tag("The plane took off at 08:30 UTC.")
    assert (t.value, t.timezone, t.utc) == ("2025-03-18T08:30Z", "UTC", "2025-03-18T08:30:00Z")
    (plus2,) = tag("The call began at 10:00 GMT+2.")
    assert plus2.value == "2025-03-18T10:00"


def test_spoken_years() -> None:
    feb98 = dt.date(1998, 2, 5)
    assert found("He vowed to halve it by the year two thousand.", feb98) == {
        "the year two thousand": "DATE 2000"
    }
    v = found("January nineteen ninety-seven. Prices fell in the winter of nineteen ninety-four.")
    assert v == {
        "January nineteen ninety-seven": "DATE 1997-01",
        "the winter of nineteen ninety-four": "DATE 1994-WI",
    }
    assert found("Two thousand people came.", feb98) == {}


def test_spoken_day_of_month() -> None:
    v = found("The rally is this coming Sunday, March eighth.", dt.date(1998, 3, 5))
    assert list(v.values()) == ["DATE 1998-03-08"]


def test_recent_and_ahead_spans_are_durations() -> None:
    v = found("Sales fell in recent months and may fall in the weeks ahead.")
    assert v == {"recent months": "DURATION PXM", "the weeks ahead": "DURATION PXW"}
    assert found("Rates will stay low in the near term.") == {"the near term": "DATE FUTURE_REF"}
    assert found("It was ruled from Moscow for centuries.")["centuries"].startswith("DURATION")


def test_last_and_next_before_a_month_day_and_effective_dates() -> None:
    v = found("He was shot to death last Oct. 23 at his home.", dt.date(1999, 4, 19))
    assert v == {"last Oct. 23": "DATE 1998-10-23"}
    v = found("The board named him chairman, effective Feb. 1.", dt.date(1989, 10, 26))
    assert v == {"Feb. 1": "DATE 1990-02-01"}


def test_week_of_a_date() -> None:
    v = found("A hearing is set for the week of March 6.", dt.date(2000, 2, 24))
    assert v == {"the week of March 6": "DATE 2000-W10"}


def test_quarters_a_year_ago_and_that_quarter() -> None:
    oct89 = dt.date(1989, 10, 26)
    assert found("Net rose from the quarter a year ago.", oct89) == {
        "the quarter a year ago": "DATE 1988-Q3"
    }
    v = found("It lost money in the second quarter of 1988. Results for that quarter fell.", oct89)
    assert v["that quarter"] == "DATE 1988-Q2"


def test_title_case_time_words_inside_names_are_no_times() -> None:
    assert found('Baker said on ABC\'s "This Week," that talks failed.') == {}
    assert found("She reads USA Today at breakfast.") == {}
    assert found("Today, prices rose.") == {"Today": "DATE 2025-03-18"}
    assert found('He said, "Today we start."') == {"Today": "DATE 2025-03-18"}


def test_newspaper_daily_and_a_march_are_no_times() -> None:
    assert found("It was printed in the Communist Party daily Granma.") == {}
    assert found("Thousands joined the annual March for Life.") == {}
    v = found("He stepped down in March for health reasons.")
    assert v == {"March": "DATE 2025-03"}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("He said he would be traveling to Washington Thursday.", "Thursday", "2025-03-20"),
        ("The relatives were given until 9 a.m. Thursday to reply.", "9 a.m. Thursday",
         "2025-03-20T09:00"),
        ("The offer had been due to expire Friday evening.", "Friday evening", "2025-03-14TEV"),
        ("It announced an agreement to acquire the bank in June.", "June", "2025-06"),
        ("Islam will one day be the largest religion there.", "one day", "FUTURE_REF"),
        ("A few days later, the firm announced losses.", "A few days later", "PXD"),
    ],
)  # fmt: skip
def test_tense_cues(text: str, expr: str, value: str) -> None:
    assert found(text)[expr].split()[1] == value


def test_holidays_movable_and_fixed() -> None:
    assert easter(2000) == dt.date(2000, 4, 23) and easter(2025) == dt.date(2025, 4, 20)
    v = found("Worshippers prayed as Easter week began.", dt.date(2000, 4, 17))
    assert v == {"Easter week": "DATE 2000-W16"}
    v = found("It is our theme from now to Election Day.", dt.date(1998, 10, 26))
    assert v["Election Day"] == "DATE 1998-11-03"
    assert found("They sailed to Easter Island.") == {}


def test_unparsed_sentence_tense_from_its_words() -> None:
    doc = load()("In January, the firm brought in a new chief. It will open in June.")
    jan = next(t for t in doc if t.text == "January")
    june = next(t for t in doc if t.text == "June")
    assert (tense_of_words(jan), tense_of_words(june)) == (-1, 1)
    assert tense_of_words(next(t for t in load()("Sales in March.") if t.text == "March")) == 0


def test_unit_adjectives_event_years_and_mid_afternoon() -> None:
    v = found("They settled a decades-long dispute after a day-long meeting.")
    assert v == {"decades-long": "DURATION PXY", "day-long": "DURATION P1D"}
    assert found("Their 6-month-old son came along.") == {}  # an age
    assert found("He spoke at the Worldwide Developers Conference 2010.")["2010"] == "DATE 2010"
    assert found("Windows 2000 crashed.") == {}
    nov2 = dt.date(1989, 11, 2)
    v = found("In London at mid-afternoon yesterday, shares rose.", nov2)
    assert v == {"mid-afternoon yesterday": "TIME 1989-11-01TAF"}
    v = found("On Oct. 23 markets fell. By mid afternoon, traders sold.", nov2)
    assert v["mid afternoon"] == "TIME 1989-10-23TAF"  # the day the narrative is at


def test_a_quoted_show_title_that_goes_on_is_no_time() -> None:
    # the closing quote comes after more title-case words, not right after "This Week"
    assert found('Baker said on ABC-TV\'s "This Week With David Brinkley" that talks failed.') == {}
    assert found('He said, "Today We Start" was the slogan.') == {}
    assert found('He said, "Today we start."') == {"Today": "DATE 2025-03-18"}


def test_today_in_general_is_no_day() -> None:
    assert found("It is hard to raise children in today's world.") == {}
    assert found("The case is for today's youth what the blockade was.") == {}
    assert found("If I were choosing the people of tomorrow, I would pick them.") == {}
    assert found("The offer ran in today's editions.") == {"today": "DATE 2025-03-18"}
    assert found("Tomorrow's vote has international implications.") == {
        "Tomorrow": "DATE 2025-03-19"
    }


def test_a_quarter_of_something_is_a_fraction() -> None:
    oct89 = dt.date(1989, 10, 26)
    assert found("Funds hold more than a quarter of the junk market.", oct89) == {}
    assert found("Taxes would be minimal in a quarter that produced a loss.", oct89) == {}
    assert found("One quarter of the staff left.", oct89) == {}
    assert found("It lost money for one quarter.", oct89) == {"one quarter": "DURATION P1Q"}
    v = found("It had profits after several quarters of losses.", oct89)
    assert v == {"several quarters": "DURATION PXQ"}
    assert found("Net fell in a flat second quarter.", oct89) == {
        "a flat second quarter": "DATE 1989-Q2"
    }


def test_a_weekday_a_thing_is_put_off_until_lies_ahead() -> None:
    # the clause is past ("postponed"), the new date is not (PUB is a Tuesday)
    v = found("Officials postponed until Thursday any action on the case.")
    assert v == {"Thursday": "DATE 2025-03-20"}
    assert found("The talks were delayed until Friday.") == {"Friday": "DATE 2025-03-21"}
    assert found("The store stayed closed until Monday.") == {"Monday": "DATE 2025-03-17"}
    # a deadline someone has lies ahead too
    assert found("Cyprus has until Monday to raise the money.") == {"Monday": "DATE 2025-03-24"}
    assert found("He has lived there until Monday.") == {"Monday": "DATE 2025-03-17"}
    # a month too: loans extended through January, written in October, run to next January
    oct89 = dt.date(1989, 10, 30)
    v = found("Lenders have extended it up to $90 million in loans through January.", oct89)
    assert v == {"January": "DATE 1990-01"}
    assert found("Sales rose this year through August.", oct89)["August"] == "DATE 1989-08"


def test_the_previous_weekday_is_read_on_the_narrative_day() -> None:
    # the narrative is at Thursday March 13; the Friday before it is March 7
    v = found("Shares fell on March 13, down 4% from the previous Friday.")
    assert v["the previous Friday"] == "DATE 2025-03-07"
    assert found("Prices fell 4% from the previous Friday.") == {
        "the previous Friday": "DATE 2025-03-14"
    }


def test_the_past_year_is_the_calendar_year_before() -> None:
    # TimeML news gold: "over the past year" is last year, "in the last decade" the decade before
    assert found("Hate groups grew over the past year.") == {"the past year": "DATE 2024"}
    assert found("Wages lost ground in the last decade.") == {"the last decade": "DATE 201"}
    assert found("Plants will close over the next year.") == {"the next year": "DATE 2026"}
    assert found("Prices rose in the past three years.") == {"the past three years": "DURATION P3Y"}
    # a week or a month: no evidence either way in the dev gold, it stays a duration
    assert found("Prices rose over the past week.") == {"the past week": "DURATION P1W"}


def test_this_weekday_is_the_coming_one_unless_the_clause_is_past() -> None:
    sat = dt.date(2013, 3, 23)
    assert found("The summit will open this Friday.", sat) == {"this Friday": "DATE 2013-03-29"}
    assert found("The vote is this Tuesday.", sat) == {"this Tuesday": "DATE 2013-03-26"}
    assert found("The summit opened this Friday.", sat) == {"this Friday": "DATE 2013-03-22"}
    assert found("They met this past Friday.", sat) == {"this past Friday": "DATE 2013-03-22"}
    assert found("The vote is this Saturday.", sat) == {"this Saturday": "DATE 2013-03-23"}
