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
        ("Senator Bernie Sanders said he opposed the immigration bill.", "REJECT", "opposed"),
    ],
)
def test_weak_types_even_in_their_frame_are_dropped_in_political_news(
    sentence: str, ptype: str, trigger: str
) -> None:
    # newsgate: on the fresh audits 07i/07k these frames still held for only 2/7 CONSULT,
    # 11/19 AGREE, 3/5 REJECT; political news now keeps ACCUSE and REQUEST alone
    assert trigger not in {t for _, t in coded(POLITICS + sentence)}
    assert (ptype, trigger) in coded(sentence)  # outside political news the frame holds


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


@pytest.mark.parametrize(
    ("sentence", "ptype", "trigger"),
    [
        # 07j: a promise to veto is a threat to refuse, no AGREE
        ("President Barack Obama has promised to veto the bill.", "AGREE", "promised"),
        # 07j, 07g: an appeal to go and vote, or to voters, is no political demand
        ("Senator Bernie Sanders urged students to vote.", "REQUEST", "urged"),
        ("Governor John Kasich urged voters to slow down.", "REQUEST", "urged"),
        # 07j: what a country must be is an opinion
        ("Ben Carson spoke, adding the United States must be equally global.", "REQUEST", "adding"),
        # 07f: what a candidate would push for is a promise, no demand made
        ("Hillary Clinton said she would push Congress for immigration reform.", "REQUEST", "push"),
        # 07j: a poll measures preferences; no one backed anyone
        (
            "Female troops preferred Hillary Clinton, while male troops backed Donald Trump, "
            "57 percent to 22 percent.",
            "SUPPORT",
            "backed",
        ),
        # 07j: a position on a practice, restated, is no refusal
        ("Lu Kang repeated that China opposed hacking.", "REJECT", "opposed"),
    ],
)
def test_promises_appeals_polls_and_stances_are_dropped(
    sentence: str, ptype: str, trigger: str
) -> None:
    assert (ptype, trigger) not in coded(POLITICS + sentence)


@pytest.mark.parametrize(
    ("sentence", "ptype", "trigger"),
    [
        (
            "Senator Elizabeth Warren urged Democrats to vote for Hillary Clinton.",
            "REQUEST",
            "urged",
        ),
        ("Senator Mitch McConnell urged Donald Trump to drop out of the race.", "REQUEST", "urged"),
    ],
)
def test_demands_are_kept(sentence: str, ptype: str, trigger: str) -> None:
    assert (ptype, trigger) in coded(POLITICS + sentence)


def test_a_planned_interview_is_no_planned_meeting() -> None:
    # 07j: "Biden will speak to WDBJ" (a TV station) was read as a promised CONSULT (AGREE)
    assert ("AGREE", "speak") not in coded(
        "Vice President Joe Biden will speak to CNN in Roanoke on Friday."
    )
    # 07f: a journalist to "discuss an overlooked Benghazi connection to" an attack (a topic)
    assert ("AGREE", "discuss") not in coded(
        "Breitbart Jerusalem editor Aaron Klein will discuss an overlooked Benghazi connection "
        "to a recent Mali hotel assault."
    )
    assert ("AGREE", "speak") in coded(
        "Vice President Joe Biden will speak to the Chinese ambassador on Friday."
    )
    assert ("AGREE", "meet") in coded(
        "Chinese President Xi Jinping will meet Russian President Vladimir Putin in Moscow."
    )


def test_a_break_in_is_no_broken_deal() -> None:
    # 07j: "broke into the account" (hacking) was read as breaking a known agreement (REJECT)
    text = (
        "Russia and Ukraine signed a ceasefire agreement. Lazar admitted as part of his plea "
        "that he successfully broke into the account of Sidney Blumenthal, a former aide."
    )
    assert ("REJECT", "broke") not in coded(text)
    assert ("REJECT", "broke") in coded("Syria broke the truce with Turkey on Monday.")
