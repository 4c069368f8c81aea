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


def test_every_season_is_a_set() -> None:
    assert found("The festival takes place every summer.") == {"every summer": "SET XXXX-SU"}
    assert found("Each winter, the roads close.") == {"Each winter": "SET XXXX-WI"}


def test_the_fall_of_something_is_no_season() -> None:
    # regression: "The fall in prices" was DATE 2024-FA
    assert found("The fall in prices was sharp.") == {}
    assert found("After the fall of the Berlin Wall, trade grew.") == {}
    assert found("The election will be held in the fall.") == {"the fall": "DATE 2025-FA"}


def test_season_of_next_year() -> None:
    # regression: "the fall of next year" was this fall plus a separate "next year"
    assert found("The vote is due in the fall of next year.") == {
        "the fall of next year": "DATE 2026-FA"
    }


def test_clock_time_last_night_is_yesterday_evening() -> None:
    # regression: "10:30 last night" was 10:30 in the morning of the publication day
    assert found("He was seen at 10:30 last night.") == {
        "10:30 last night": "TIME 2025-03-17T22:30"
    }
    assert found("He arrived at 11 p.m. last night.") == {
        "11 p.m. last night": "TIME 2025-03-17T23:00"
    }
    assert found("The blast happened at 2 a.m. last night.") == {
        "2 a.m. last night": "TIME 2025-03-18T02:00"
    }
    assert found("The shops opened at 9 a.m. this morning.") == {
        "9 a.m. this morning": "TIME 2025-03-18T09:00"
    }


def test_rates_and_idioms_are_no_times() -> None:
    # regressions: "per second" was SET PT1S, "high noon" TIME T12:00
    assert found("The chip runs 15 million instructions per second.") == {}
    assert found("For the people of Poland, high noon comes today.") == {"today": "DATE 2025-03-18"}
    assert found("The nurse earns $20 per hour.") == {"per hour": "SET PT1H"}


def test_day_ranges_with_a_hyphen_give_both_days() -> None:
    # regression: "March 3-4" was the month 2025-03, "12-13 April" the month 2025-04
    assert found("The plant closed on March 3-4.") == {
        "March 3": "DATE 2025-03-03",
        "4": "DATE 2025-03-04",
    }
    assert found("The summit was held on 12-13 March.") == {
        "12": "DATE 2025-03-12",
        "13 March": "DATE 2025-03-13",
    }
    assert found("He won the match 6-4 on 3 March.") == {"3 March": "DATE 2025-03-03"}


def test_round_the_clock_is_no_duration() -> None:
    # regression: "24 hours a day" was DURATION PT24H
    assert found("Guards are posted 24 hours a day, seven days a week.") == {}
    assert found("The strike lasted 24 hours.") == {"24 hours": "DURATION PT24H"}


def test_a_range_of_amounts_is_one_open_duration() -> None:
    # regression: "two to three weeks" was "three weeks" P3W, the upper bound as if exact
    assert found("Shipments resume within two to three weeks.") == {
        "two to three weeks": "DURATION PXW"
    }
    assert found("Deals are due during the next 12 to 18 months.") == {
        "the next 12 to 18 months": "DURATION PXM"
    }
    assert found("The project took five or six years.") == {"five or six years": "DURATION PXY"}


def test_after_midnight_is_the_start_of_the_day() -> None:
    # regression: "after midnight on Saturday" was Saturday T24:00, the end of Saturday
    text = "The bill was signed shortly after midnight on Saturday."
    assert found(text, dt.date(2025, 3, 16)) == {"midnight on Saturday": "TIME 2025-03-15T00:00"}
    assert found("The offer expired at midnight Friday.", dt.date(2025, 3, 16)) == {
        "midnight Friday": "TIME 2025-03-14T24:00"
    }
