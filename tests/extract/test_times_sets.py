"""TIMEX3 values for amounts and sets: thousands separators, halves, weekdays coordinated with a
set, clock times on "last night"/"this morning" (issue 18)."""

from __future__ import annotations

import datetime as dt

from newskb.extract.times import tag_text
from newskb.nlp import load

PUB = dt.date(2025, 3, 18)  # a Tuesday


def found(text: str, anchor: dt.date | None = PUB) -> dict[str, str]:
    return {t.text: f"{t.type} {t.value}" for t in tag_text(text, anchor, load()(text))}


def test_thousands_separator_is_one_number() -> None:
    # regression: "1,000 days" was read as "000 days" (P0D), "2,000 years ago" as this year
    assert found("The war lasted 1,000 days.") == {"1,000 days": "DURATION P1000D"}
    assert found("The city was founded 2,000 years ago.") == {"2,000 years ago": "DATE 0025"}


def test_half_an_hour_is_thirty_minutes() -> None:
    # regression: "half an hour" was "an hour" (PT1H)
    assert found("It took him half an hour.") == {"half an hour": "DURATION PT30M"}
    assert found("The talks lasted a half hour.") == {"a half hour": "DURATION PT30M"}
    assert found("The firm has existed for half a century.") == {"half a century": "DURATION P50Y"}


def test_weekday_coordinated_with_a_set_is_a_set() -> None:
    assert found("Flights leave every Monday and Thursday.") == {
        "every Monday": "SET XXXX-WXX-1",
        "Thursday": "SET XXXX-WXX-4",
    }
    assert found("Flights run every Monday, Wednesday and Friday.")["Wednesday"] == (
        "SET XXXX-WXX-3"
    )
    assert found("Two flights will leave on Monday and Tuesday nights.") == {
        "Monday": "SET XXXX-WXX-1TNI",
        "Tuesday nights": "SET XXXX-WXX-2TNI",
    }
    assert found("The market opens on Saturday mornings.") == {
        "Saturday mornings": "SET XXXX-WXX-6TMO"
    }


def test_coordinated_single_weekdays_stay_dates() -> None:
    assert found("He met her on Monday and Tuesday.") == {
        "Monday": "DATE 2025-03-17",
        "Tuesday": "DATE 2025-03-18",
    }
