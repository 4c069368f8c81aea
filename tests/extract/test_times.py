"""Time expressions: recognition, TIMEX3 values on the publication date, zones and UTC."""

from __future__ import annotations

import datetime as dt

import pytest

from newskb.extract import extract
from newskb.extract.times import tag_text
from newskb.ingest import read_path
from newskb.model import Article, Dateline, TimeExpr
from newskb.nlp import load

PUB = dt.date(2025, 3, 18)  # a Tuesday


def tag(text: str, anchor: dt.date | None = PUB, zone: str | None = None) -> list[TimeExpr]:
    return tag_text(text, anchor, load()(text), local_zone=zone)


def values(text: str, anchor: dt.date | None = PUB) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, anchor)}


def test_seed_kyiv_times_today_and_no_immediately(seed_path: object) -> None:
    article = next(read_path(str(seed_path)))
    assert isinstance(article, Article)
    x = extract(article, load()(article.text))
    by_text = {t.text: t for t in x.times}
    assert by_text["16:00 Kyiv time"].value == "2025-03-18T16:00"
    assert by_text["16:00 Kyiv time"].timezone == "Europe/Kyiv"
    assert by_text["16:00 Kyiv time"].utc == "2025-03-18T14:00:00Z"
    assert by_text["18:30 Kyiv time"].utc == "2025-03-18T16:30:00Z"
    assert by_text["Today"].value == "2025-03-18"
    assert not any("immediately" in t.text for t in x.times)
    assert all(article.text[t.start : t.end] == t.text for t in x.times)


def test_weekday_follows_tense() -> None:
    v = values("The ministers met on Friday. They will meet again on Friday.")
    found = [t.value for t in tag("The ministers met on Friday. They will meet again on Friday.")]
    assert found == ["2025-03-14", "2025-03-21"]
    assert v["Friday"][0] == "DATE"


def test_infinitive_takes_the_tense_of_its_governor() -> None:
    v = values("Crowds rallied to mark the entry on Friday. He plans to visit on Friday.")
    found = [t.value for t in tag("Crowds rallied to mark the entry on Friday.")]
    assert found == ["2025-03-14"]
    assert v["Friday"] == ("DATE", "2025-03-21")  # the last one wins in the dict: "plans to"


def test_anaphoric_expressions_follow_the_reference_time() -> None:
    text = (
        "On May 22, 1995, he was promoted, and the following year he moved to Paris. "
        "He was shot at 10 p.m. and died the next morning. That day was cold."
    )
    v = values(text)
    assert v["the following year"] == ("DATE", "1996")
    assert v["10 p.m."] == ("TIME", "1995-05-22T22:00")
    assert v["the next morning"] == ("TIME", "1995-05-23TMO")
    assert v["That day"] == ("DATE", "1995-05-22")
    # no date before them: the publication date, or an underspecified value without one
    assert values("The following day, talks resumed.")["The following day"][1] == "2025-03-19"
    assert values("The following day, talks resumed.", None)["The following day"][1] == "XXXX-XX-XX"


def test_possessive_determiners_stay_out_of_the_extent() -> None:
    assert "third quarter" in values("The company said its third quarter was weak.")


@pytest.mark.parametrize(
    ("text", "expr", "typ", "value"),
    [
        ("Prices rose last week.", "last week", "DATE", "2025-W11"),
        ("The plant closed two years ago.", "two years ago", "DATE", "2023"),
        ("It was built in the 1990s.", "the 1990s", "DATE", "199"),
        ("He spoke this morning.", "this morning", "TIME", "2025-03-18TMO"),
        ("Profit fell in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
        ("Profit will rise in the third quarter.", "the third quarter", "DATE", "2025-Q3"),
        ("Sales for the year ended Jan. 31 rose.", "the year", "DURATION", "P1Y"),
        ("Sales rose 5% for the year.", "the year", "DATE", "2025"),
        ("Sales rose last fall.", "last fall", "DATE", "2024-FA"),
        ("Output fell in fiscal 2024.", "fiscal 2024", "DATE", "2024"),
        ("The talks lasted three hours.", "three hours", "DURATION", "PT3H"),
        ("The paper is published daily.", "daily", "SET", "P1D"),
        ("Prices are high now.", "now", "DATE", "PRESENT_REF"),
        ("He recently resigned.", "recently", "DATE", "PAST_REF"),
        ("Talks resume in the future.", "the future", "DATE", "FUTURE_REF"),
        ("They met on March 3, 2024.", "March 3, 2024", "DATE", "2024-03-03"),
        ("It ended in July 2019.", "July 2019", "DATE", "2019-07"),
        ("He left yesterday.", "yesterday", "DATE", "2025-03-17"),
    ],
)
def test_news_conventions(text: str, expr: str, typ: str, value: str) -> None:
    assert values(text)[expr] == (typ, value)


def test_range_gives_two_expressions() -> None:
    found = [(t.text, t.value) for t in tag("The fair runs from March 3 to 5.")]
    assert found == [("March 3", "2025-03-03"), ("5", "2025-03-05")]


def test_vague_words_are_not_times() -> None:
    assert tag("Talks will begin immediately and end promptly.") == []


def test_without_publication_date_values_stay_underspecified() -> None:
    v = values("He arrived on Friday and left last week, two years ago today.", anchor=None)
    assert v["Friday"][1] == "XXXX-WXX-5"
    assert v["last week"][1] == "XXXX-WXX"
    assert v["today"][1] == "XXXX-XX-XX"


def test_zones_named_in_the_text_and_dst_by_zoneinfo() -> None:
    est = tag("The vote closes at 5 p.m. EST on Friday.")[0]
    assert (est.value, est.timezone, est.utc) == (
        "2025-03-21T17:00",  # scheduled present tense: the coming Friday
        "America/New_York",
        "2025-03-21T21:00:00Z",  # EDT is in force from March 9, 2025
    )
    gmt = tag("The call began at 10:00 GMT+2.")[0]
    assert (gmt.timezone, gmt.utc) == ("Etc/GMT-2", "2025-03-18T08:00:00Z")
    moscow = tag("Strikes began at 04:00 Moscow time.")[0]
    assert (moscow.timezone, moscow.utc) == ("Europe/Moscow", "2025-03-18T01:00:00Z")
    summer = tag_text("At 16:00 Kyiv time it ended.", dt.date(2025, 7, 1))[0]
    assert summer.utc == "2025-07-01T13:00:00Z"  # UTC+3 in summer


def test_local_time_and_bare_clock_use_the_dateline_zone() -> None:
    local = tag("The sirens sounded at 9:15 local time.", zone="Europe/Kyiv")[0]
    assert (local.timezone, local.utc) == ("Europe/Kyiv", "2025-03-18T07:15:00Z")
    bare = tag("The meeting ended at 11:00.", zone="Europe/Kyiv")[0]
    assert bare.utc == "2025-03-18T09:00:00Z"
    unknown = tag("The meeting ended at 11:00.")[0]
    assert (unknown.timezone, unknown.utc) == (None, None)


def test_extractor_fills_times_with_dateline_zone() -> None:
    text = "Kyiv officials said the alert lasted until 02:30 local time on Tuesday."
    article = Article(
        id="t", sha256="", path="t.txt", text=text, published=PUB,
        dateline=Dateline(place="Kyiv", agency=None),
    )  # fmt: skip
    x = extract(article, load()(text))
    assert [(t.text, t.value, t.utc) for t in x.times] == [
        ("02:30 local time on Tuesday", "2025-03-18T02:30", "2025-03-18T00:30:00Z")
    ]


def test_numbers_that_look_like_years_are_not_dates() -> None:
    found = {t.text: t.value for t in tag("More than 2000 people fled Flight 1549 in 1999.")}
    assert found == {"1999": "1999"}
    assert [t.value for t in tag("The mill, founded in 1850, employs 1,900 workers.")] == ["1850"]


def test_may_is_a_month_only_where_it_reads_as_one() -> None:
    assert [t.text for t in tag("You may go. Prices fell in May and last May.")] == [
        "May",
        "last May",
    ]


def test_impossible_dates_are_rejected() -> None:
    assert [t.value for t in tag("It happened on February 30.")] == ["2025-02"]  # no Feb 30


def test_scheduled_present_tense_points_ahead() -> None:
    """Regression: "takes effect on Thursday" was read as the past Thursday."""
    v = values("Under the text, the truce takes effect at 06:00 Kyiv time on Thursday.")
    assert v["06:00 Kyiv time on Thursday"][1] == "2025-03-20T06:00"


def test_now_recently_soon_are_reference_points() -> None:
    v = values("Talks are now stalled; they recently failed and will resume soon.")
    assert (v["now"][1], v["recently"][1], v["soon"][1]) == (
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
    )
