"""Article heads as sources write them: title, publication date-time and zone, place, agency,
author exact on every fixture (issue 18). The fixtures are ours, written in the agencies' forms."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from newskb.ingest.header import read_header


class Case(NamedTuple):
    text: str
    title: str | None
    at: str | None  # published_at, or the date alone when no time is written
    place: str | None
    agency: str | None
    authors: tuple[str, ...] = ()


B = "Officials met for three hours and agreed to meet again."
CASES = [
    Case(f"Ukraine and Russia agree energy truce\n\nKYIV, March 18, 2025 (Reuters) - {B}",
         "Ukraine and Russia agree energy truce", "2025-03-18", "Kyiv", "Reuters"),
    Case(f"Talks stall in Geneva\n\nGENEVA (AP) — {B}", "Talks stall in Geneva", None,
         "Geneva", "AP"),
    Case(f"Talks stall in Geneva\n\nGENEVA (AP) -- {B}", "Talks stall in Geneva", None,
         "Geneva", "AP"),
    Case(f"Grain deal extended\n\nISTANBUL, July 17 (Reuters) - {B}", "Grain deal extended",
         None, "Istanbul", "Reuters"),
    Case(f"Grain deal extended\nPublished 10:42 EDT, 18 March 2025\n\nWASHINGTON (AP) — {B}",
         "Grain deal extended", "2025-03-18T10:42:00-04:00", "Washington", "AP"),
    Case(f"Kyiv • UNN\n{B}", None, None, "Kyiv", "UNN"),
    Case(f"Energy truce agreed\n\nKyiv • UNN\n{B}", "Energy truce agreed", None, "Kyiv", "UNN"),
    Case(f"Energy truce agreed\nKyiv • UNN\n18.03.2025 16:00 Kyiv time\n{B}",
         "Energy truce agreed", "2025-03-18T16:00:00+02:00", "Kyiv", "UNN"),
    Case(f"Leaders meet\n\nBy Jane Doe, Staff Writer\n\n{B}", "Leaders meet", None, None, None,
         ("Jane Doe",)),
    Case(f"Leaders meet\nBy Jane Doe and John Roe\n\n{B}", "Leaders meet", None, None, None,
         ("Jane Doe", "John Roe")),
    Case(f"Leaders meet\nBy JANE DOE\n\n{B}", "Leaders meet", None, None, None, ("Jane Doe",)),
    Case(f"Leaders meet\nBy Jane Doe, Reuters\n\n{B}", "Leaders meet", None, None, "Reuters",
         ("Jane Doe",)),
    Case(f"Leaders meet\nBy: Anna Kovalenko | Kyiv Post\n\n{B}", "Leaders meet", None, None,
         None, ("Anna Kovalenko",)),
    Case(f"Leaders meet\nBy Jane Doe, John Roe and Ann Lee\n\n{B}", "Leaders meet", None, None,
         None, ("Jane Doe", "John Roe", "Ann Lee")),
    Case(f"Leaders meet\nBy Jane Doe, Diplomatic Correspondent\nUpdated: 18 March 2025 14:05 GMT"
         f"\n\n{B}", "Leaders meet", "2025-03-18T14:05:00+00:00", None, None, ("Jane Doe",)),
    Case(f"Leaders meet\nPublished: March 18, 2025 at 4:05 p.m. ET\n\n{B}", "Leaders meet",
         "2025-03-18T16:05:00-04:00", None, None),
    Case(f"Leaders meet\nPublished: January 8, 2025 at 9 a.m. ET\n\n{B}", "Leaders meet",
         "2025-01-08T09:00:00-05:00", None, None),
    Case(f"Leaders meet\nPublished 18 March 2025\nUpdated 19 March 2025 08:00 GMT\n\n{B}",
         "Leaders meet", "2025-03-18", None, None),
    Case(f"Leaders meet\nUpdated 19 March 2025 08:00 GMT\nPublished 18 March 2025 21:10 GMT\n\n"
         f"{B}", "Leaders meet", "2025-03-18T21:10:00+00:00", None, None),
    Case(f"Leaders meet\nTue 18 Mar 2025 10.42 GMT\n\n{B}", "Leaders meet",
         "2025-03-18T10:42:00+00:00", None, None),
    Case(f"Leaders meet\n2025-03-18T10:42:00+02:00\n\n{B}", "Leaders meet",
         "2025-03-18T10:42:00+02:00", None, None),
    Case(f"Leaders meet\nPosted 2025-03-18 10:42 UTC\n\n{B}", "Leaders meet",
         "2025-03-18T10:42:00+00:00", None, None),
    Case(f"Leaders meet\nMarch 18, 2025\n\n{B}", "Leaders meet", "2025-03-18", None, None),
    Case(f"Leaders meet\nPublished 18 March 2025 14:05 CET\n\n{B}", "Leaders meet",
         "2025-03-18T14:05:00+01:00", None, None),
    Case(f"Leaders meet\nPublished 18 July 2025 14:05 BST\n\n{B}", "Leaders meet",
         "2025-07-18T14:05:00+01:00", None, None),
    Case(f"Leaders meet\nPublished 18 March 2025 14:05 MSK\n\n{B}", "Leaders meet",
         "2025-03-18T14:05:00+03:00", None, None),
    Case(f"Leaders meet\nPublished 18 March 2025 14:05 GMT+2\n\n{B}", "Leaders meet",
         "2025-03-18T14:05:00+02:00", None, None),
    Case(f"Leaders meet\nPublished 18 July 2025, 11:30 PT\n\n{B}", "Leaders meet",
         "2025-07-18T11:30:00-07:00", None, None),
    Case(f"Leaders meet\nPublished 18 March 2025 14:05\n\n{B}", "Leaders meet",
         "2025-03-18T14:05:00", None, None),
    Case(f"Leaders meet\n\nLONDON, March 18, 2025 (AFP) - {B}", "Leaders meet", "2025-03-18",
         "London", "AFP"),
    Case(f"Leaders meet\n\nNEW YORK (Bloomberg) -- {B}", "Leaders meet", None, "New York",
         "Bloomberg"),
    Case(f"Leaders meet\n\nKYIV/MOSCOW, March 18 (Reuters) - {B}", "Leaders meet", None,
         "Kyiv/Moscow", "Reuters"),
    Case(f"Leaders meet\n\nKYIV — {B}", "Leaders meet", None, "Kyiv", None),
    Case(f"Leaders meet\n\n(Reuters) - {B}", "Leaders meet", None, None, "Reuters"),
    Case(f"Leaders meet\n\nKyiv (UNN) - {B}", "Leaders meet", None, "Kyiv", "UNN"),
    Case(f"Leaders meet\n\nRIO DE JANEIRO (AP) — {B}", "Leaders meet", None, "Rio de Janeiro",
         "AP"),
    Case(f"Leaders meet\n\nBRUSSELS, Belgium (AP) — {B}", "Leaders meet", None, "Brussels", "AP"),
    Case(f"Leaders meet\nBy Jane Doe\nPublished 10:42 EDT, 18 March 2025\n\nWASHINGTON (AP) — "
         f"{B}", "Leaders meet", "2025-03-18T10:42:00-04:00", "Washington", "AP", ("Jane Doe",)),
    Case(f"Will the truce hold?\n\n{B}", "Will the truce hold?", None, None, None),
    Case(f"Truce holds: what we know\n\n{B}", "Truce holds: what we know", None, None, None),
    Case(B, None, None, None, None),
    Case(f"{B}\n\nMore text follows here.", None, None, None, None),
    Case(f"Mr Smith - the minister - said talks ended.\n{B}", None, None, None, None),
    Case(f"A headline line followed directly by body text\n{B}", None, None, None, None),
    Case(f"Leaders meet\r\n\r\nKYIV, March 18, 2025 (Reuters) - {B}", "Leaders meet",
         "2025-03-18", "Kyiv", "Reuters"),
    Case(f"Leaders meet\n\nPublished 18 March 2025 10:42 XYZ\n\n{B}", "Leaders meet",
         "2025-03-18", None, None),
    # regressions: a hyphenated name or a label in capitals is no dateline
    Case(f"Unions back the senator\n\nAFL-CIO leaders met. {B}", "Unions back the senator", None,
         None, None),
    Case(f"Voting machines doubted\n\nEXCLUSIVE – {B}", "Voting machines doubted", None, None,
         None),
    # a headline with a full stop: known by the dateline after it, or by its capitals
    Case(f"Talks stall as envoys leave.\n\nGENEVA (AFP) – {B}", "Talks stall as envoys leave.",
         None, "Geneva", "AFP"),
    Case(f"Envoys Leave Geneva As Talks Stall.\n\n{B}", "Envoys Leave Geneva As Talks Stall.",
         None, None, None),
]  # fmt: skip


def test_there_are_at_least_forty_fixtures() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:40])
def test_header_fields_exact(case: Case) -> None:
    h = read_header(case.text)
    got_at = h.published_at or (h.published.isoformat() if h.published else None)
    assert (h.title, got_at, h.place, h.agency, h.authors) == (
        case.title,
        case.at,
        case.place,
        case.agency,
        case.authors,
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:40])
def test_body_starts_after_the_head(case: Case) -> None:
    h = read_header(case.text)
    rest = case.text[h.body_start :]
    assert rest.startswith((B, "Mr Smith", "A headline", "AFL-CIO", "EXCLUSIVE"))


def test_a_dateline_without_a_year_gives_no_date() -> None:
    h = read_header(f"Grain deal\n\nISTANBUL, July 17 (Reuters) - {B}")
    assert h.published is None and h.month_day == (7, 17)


def test_publication_source_says_where_the_date_came_from() -> None:
    assert read_header(f"T\nPublished 18 March 2025\n\n{B}").source == "header"
    assert read_header(f"T\n\nKYIV, March 18, 2025 (Reuters) - {B}").source == "dateline"
    assert read_header(B).source is None
    assert read_header(f"T\nPublished 18 March 2025\n\n{B}").published == dt.date(2025, 3, 18)
