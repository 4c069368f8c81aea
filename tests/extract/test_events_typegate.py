"""Frames for the weak PLOVER types (``extract.events.typegate``, issue 15): in party-politics
news a weak type is kept only where it held on the dev audits; elsewhere (the PLOVER records'
kind of news) a state's act keeps its event. Tiny texts, the real model."""

from __future__ import annotations

import pytest

from newskb.extract import extract
from newskb.extract.events import domain, plover_type
from newskb.model import Article, Extraction
from newskb.nlp import parse_many

# four party-politics words, so the text reads as party-politics news
POLITICS = "Republican senators and Democratic voters watched the presidential campaign. "


def run(text: str) -> Extraction:
    article = Article(id="t", sha256="t", path="t", text=text)
    return extract(article, parse_many([text])[0])


def coded(text: str) -> list[tuple[str, str]]:
    """(PLOVER type, trigger) of every event of ``text``."""
    return [(plover_type(e.type, e.status), e.trigger.text) for e in run(text).events]


def test_party_politics_article_needs_several_party_words() -> None:
    doc, plain = parse_many([POLITICS, "Syria says it will not accept more refugees."])
    assert domain.party_politics_article(doc)
    assert not domain.party_politics_article(plain)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # support of a policy is no SUPPORT of an actor
        ("Mark Cuban also said he supports President Barack Obama's health law.", "supports"),
        # a bare "not" is no refusal
        ("Glenn Beck declared that real Christians don't support Donald Trump.", "support"),
        # a meeting at a town hall consults no one
        (
            "Obama told a townhall meeting with young leaders in Vietnam that it was a mess.",
            "meeting",
        ),
        # a warning that something may happen is a prediction, not a threat
        ("Bernie Sanders warned that frustration could push Americans to Donald Trump.", "warned"),
        # what "we should" do is a proposal
        ("Donald Trump says we should round up the 11 million people and deport them.", "deport"),
    ],
)
def test_weak_types_in_party_politics_are_dropped(sentence: str, trigger: str) -> None:
    assert trigger not in {t for _, t in coded(POLITICS + sentence)}


@pytest.mark.parametrize(
    ("sentence", "ptype", "trigger"),
    [
        ("Minnesota Governor Mark Dayton is backing Hillary Clinton.", "SUPPORT", "backing"),
        ("Donald Trump refused to endorse House Speaker Paul Ryan.", "REJECT", "endorse"),
        ("Barack Obama met with Chinese President Xi Jinping on Tuesday.", "CONSULT", "met"),
        (
            "Ash Carter warned China against provocative behaviour in the South China Sea.",
            "THREATEN",
            "warned",
        ),
    ],
)
def test_weak_types_in_their_frame_are_kept(sentence: str, ptype: str, trigger: str) -> None:
    assert (ptype, trigger) in coded(POLITICS + sentence)


@pytest.mark.parametrize(
    ("text", "ptype", "trigger"),
    [
        # PLOVER-like news: a state's refusal read off "not", a state's welcome of a statement
        (
            "Syria says it will not accept any more refugees if war starts in Iraq.",
            "REJECT",
            "accept",
        ),
        (
            "The German government today welcomed President Reagan's latest policy statement.",
            "SUPPORT",
            "welcomed",
        ),
    ],
)
def test_state_acts_outside_party_politics_keep_their_type(
    text: str, ptype: str, trigger: str
) -> None:
    assert (ptype, trigger) in coded(text)
