"""The types political news keeps (``extract.events.newsgate``, issue 15): in an article that
names US party politics only ACCUSE and REQUEST are emitted; elsewhere nothing changes; in any
news a price charged is no accusation. Tiny texts, the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskb.extract import extract
from newskb.extract.events import newsgate, plover_type
from newskb.model import Article
from newskb.nlp import parse_many

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_ec17a40e6ef16061.txt"


def coded(text: str) -> list[tuple[str, str]]:
    article = Article(id="t", sha256="t", path="t", text=text)
    x = extract(article, parse_many([text])[0])
    return [(plover_type(e.type, e.status), e.trigger.text) for e in x.events]


def test_political_news_needs_two_party_words_in_an_article() -> None:
    rest = " They spoke for an hour. Both sides called the talks useful."
    two, one, record = parse_many(
        [
            "The Republican candidate met Chinese President Xi Jinping on Tuesday." + rest,
            "The candidate met Chinese President Xi Jinping on Tuesday." + rest,
            # a PLOVER record (COERCE) of one sentence is no article
            "President Yoweri Museveni has banned Ugandan opposition candidates from "
            "participating in the upcoming elections.",
        ]
    )
    assert newsgate.political_news(two)
    assert not newsgate.political_news(one)
    assert not newsgate.political_news(record)


def test_political_news_keeps_accusations_and_demands_only() -> None:
    text = (
        "The Republican candidate met Chinese President Xi Jinping on Tuesday. "
        "Senator Mitch McConnell urged Donald Trump to drop out of the race. "
        "Donald Trump accused Hillary Clinton of lying."
    )
    got = coded(text)
    assert ("REQUEST", "urged") in got
    assert ("ACCUSE", "accused") in got
    assert "met" not in {t for _, t in got}
    # the same meeting outside political news keeps its CONSULT
    assert ("CONSULT", "met") in coded("The governor met Chinese President Xi Jinping on Tuesday.")


@pytest.mark.parametrize(
    "text",
    [
        # 07k: "the Marsh Landing Country Club ... charged" a fee was read as an accusation
        "The Marsh Landing Country Club charged a $100 fee for a round.",
        "The club charges members a monthly fee.",
    ],
)
def test_a_price_charged_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in {p for p, _ in coded(text)}


def test_a_charge_laid_is_an_accusation() -> None:
    assert ("ACCUSE", "charged") in coded("Prosecutors charged him with fraud.")


def test_the_seed_is_no_political_news() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    (doc,) = parse_many([SEED.read_text(encoding="utf-8")])
    assert not newsgate.political_news(doc)
