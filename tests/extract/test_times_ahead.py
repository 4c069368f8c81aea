"""Dates named in a future context resolve ahead of the publication date; undated articles keep
relative values underspecified (issue 18)."""

from __future__ import annotations

import datetime as dt

from newskb import nlp
from newskb.extract import extract
from newskb.extract.times import tag_text
from newskb.ingest import read_bytes
from newskb.model import Article

JULY = dt.date(2025, 7, 15)  # a Tuesday


def _values(text: str, anchor: dt.date | None) -> dict[str, str]:
    (doc,) = nlp.parse_many([text])  # the pipeline's own (selective) parse
    return {t.text: t.value for t in tag_text(text, anchor, doc)}


def test_a_month_day_in_a_scheduled_clause_is_this_year_ahead() -> None:
    v = _values("The truce expires October 1, the ministry said.", JULY)
    assert v["October 1"] == "2025-10-01"


def test_talks_resume_on_thursday_is_the_coming_thursday() -> None:
    """Regression: the parser reads "resume" as a noun here, which made Thursday a past one."""
    v = _values("KYIV (Reuters) - Talks resume on Thursday, officials said.", JULY)
    assert v["Thursday"] == "2025-07-17"


def test_takes_effect_at_a_clock_time_on_a_weekday_lies_ahead() -> None:
    """Regression: the README example dated "06:00 Kyiv time on Thursday" before the article."""
    v = _values("Under the text, the truce takes effect at 06:00 Kyiv time on Thursday.", JULY)
    assert v["06:00 Kyiv time on Thursday"] == "2025-07-17T06:00"


def test_a_past_weekday_stays_past() -> None:
    v = _values("The talks resumed on Thursday after a pause, officials said.", JULY)
    assert v["Thursday"] == "2025-07-10"


def test_header_instant_anchors_the_times_and_undated_stays_honest() -> None:
    text = (
        "Truce extended\nPublished 10:42 EDT, 15 July 2025\n\n"
        "WASHINGTON (AP) — Officials said on Monday that talks resume on Thursday."
    )
    (a,) = read_bytes(text.encode(), path="a.txt")
    assert isinstance(a, Article) and a.published_at == "2025-07-15T10:42:00-04:00"
    (doc,) = nlp.parse_many([a.text])
    times = {t.text: t.value for t in extract(a, doc).times}
    assert times["Monday"] == "2025-07-14" and times["Thursday"] == "2025-07-17"
    undated = text.replace("Published 10:42 EDT, 15 July 2025\n", "")
    (b,) = read_bytes(undated.encode(), path="b.txt")
    assert isinstance(b, Article) and b.published is None and b.warnings
    (doc,) = nlp.parse_many([b.text])
    times = {t.text: t.value for t in extract(b, doc).times}
    assert times["Monday"] == "XXXX-WXX-1" and times["Thursday"] == "XXXX-WXX-4"


def test_a_day_the_subject_is_lies_ahead() -> None:
    # regression (issue 18): "The deadline is Friday" was last Friday
    pub = dt.date(2025, 3, 19)  # a Wednesday
    assert _values("The deadline is Friday.", pub) == {"Friday": "2025-03-21"}
    assert _values("The vote is on Thursday.", pub) == {"Thursday": "2025-03-20"}
    assert _values("The trial is set for Monday.", pub) == {"Monday": "2025-03-24"}
    assert _values("The deadline for bids is 5 p.m. on Friday.", pub) == {
        "5 p.m. on Friday": "2025-03-21T17:00"
    }
    # a day hanging on a noun keeps the tense of the report
    assert _values("The toll is 50 after the quake on Monday.", pub) == {"Monday": "2025-03-17"}


def test_ahead_of_a_weekdays_event_is_still_to_come() -> None:
    # regression (issue 18): a possessive weekday was always past, "ahead of Sunday's election" too
    pub = dt.date(2025, 3, 19)  # a Wednesday
    text = "Campaigning intensified ahead of Sunday's election."
    assert _values(text, pub) == {"Sunday": "2025-03-23"}
    assert _values("Wednesday's ruling angered the opposition.", dt.date(2025, 3, 21)) == {
        "Wednesday": "2025-03-19"
    }
