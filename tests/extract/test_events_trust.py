"""The last precision gate (``extract.events.trust``, issue 15): each rule with a sentence it
drops and, where the PLOVER records code the like, one it keeps. Tiny texts, the real model."""

from __future__ import annotations

import pytest

from newskb.extract import extract
from newskb.extract.events import plover_type
from newskb.model import Article, Extraction
from newskb.nlp import parse_many


def run(text: str) -> Extraction:
    article = Article(id="t", sha256="t", path="t", text=text)
    return extract(article, parse_many([text])[0])


def coded(text: str) -> list[tuple[str, str, list[str]]]:
    """(PLOVER type, trigger, actor names) of every event of ``text``."""
    x = run(text)
    names = {e.id: e.name for e in x.entities}
    return [
        (plover_type(e.type, e.status), e.trigger.text, [names.get(a, a) for a in e.actors])
        for e in x.events
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a hedged adjective: a comparison, not an offer
        "Rubio is more willing to present his views on English-language television.",
        # a reporting verb with no demand in it
        "Clinton told city leaders that the country should be governed by honest people.",
        # talking with no partner
        "Clinton spoke Monday night at a town hall in Illinois.",
        # a campaign rally is no protest
        "Donald Trump held a rally in Birmingham on Saturday.",
        # people in general attack no one
        "People say they attack us because they hate us.",
        # credit is not aid
        "The Wisconsin Republican did give Trump some credit during the interview.",
        # agreeing that something is so makes no deal
        "Several prominent Republican elders agreed that Trump needs to deliver a speech.",
        # an investigation of a thing, with no one and no crime named
        "The Secret Service and the FBI are investigating the letter.",
        # seeking help is no political request
        "Hopefully, Weiner will seek help.",
        # a planned demonstration by one person is no threat
        "Elizabeth Arnold, a former staff member, said she planned to demonstrate.",
        # a fire chief letting evacuees home is no concession
        "The fire chief allowed evacuees to return home on Sunday.",
        # a noun no light verb makes an act
        "His strong and unwavering support among social conservatives still makes Ben Carson "
        "dangerous in Iowa.",
        "Prime Minister David Cameron argued against British withdrawal from the European Union.",
        # what a request asks for, what someone ought to do
        "Donald Trump called again for President Obama to resign.",
        "Mexico should be grateful for Trump's leadership and even agree to help pay for the wall.",
        "Trump has said Russia should hack Mrs. Clinton's emails.",
        # declining as a number, approving in a poll, destroying a chance
        "China's coal consumption appears to have declined 3.3 percent last year.",
        "Fewer than 15 percent of Republicans approve of President Obama's job performance.",
        "I believe Donald Trump is destroying the Republican Party's chance to win an election.",
        # a description, an analysis, a habit, a denial, a TV show, what was not done
        "Glenn Beck on Friday declared Trump was a threat to America's democracy.",
        "Mr. Ross argues that distancing from Israel has never generated the Arab cooperation "
        "that presidents expect.",
        "Democratic politicians typically oppose taxing consumption on fairness grounds.",
        "At a rally in Louisiana last week, Mr. Trump rejected attacks from Jeb Bush that he was "
        "not a conservative.",
        "Ted Cruz spoke during a taping of a MSNBC town hall meeting in Buffalo.",
        "FBI director James Comey decided not to recommend indicting Clinton.",
        "But Trump later blamed his hesitancy to condemn David Duke on a bad earpiece.",
        # a threat in an election race
        "Clinton is the favorite for her party's nomination and faces a Republican threat of "
        "unknown potency.",
    ],
)
def test_dropped_by_the_precision_gate(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Syria said it is willing to withdraw its troops from Lebanon.", "AGREE", "willing"),
        ("Russia said on Tuesday that Sudan must return a captured helicopter.", "REQUEST", "said"),
        ("Senator Harry Reid said he spoke with Senator Bernie Sanders on Tuesday.", "CONSULT",
         "spoke"),
        ("Angry activists from the Fatah Party have staged rallies in the Gaza Strip against the "
         "party's leader.", "PROTEST", "rallies"),
        ("The European Community on Monday gave the Ivory Coast 5.1 million dollars of aid.",
         "AID", "gave"),
        ("The Philippines and France agree that territorial disputes should be resolved through "
         "international arbitration.", "AGREE", "agree"),
        ("Police are investigating the murder of a Chicago man.", "ACCUSE", "investigating"),
        ("Palestinian leaders said they would boycott all official contact with the United "
         "States.", "THREATEN", "boycott"),
        ("Turkey will allow Kurdish refugees to return home as part of a UN-brokered deal.",
         "AGREE", "allow"),
        ("The United States announced Wednesday it would prohibit all aid to Albanian rebels in "
         "Macedonia.", "THREATEN", "prohibit"),
        ("Trump supporters attacked her Spanish-language skills.", "ACCUSE", "attacked"),
        ("When Donald Trump attacked a federal judge whose parents were born in Mexico, Hispanic "
         "Americans were outraged.", "ACCUSE", "attacked"),
        ("Hillary Clinton is using President Barack Obama as a shield against Bernie Sanders' "
         "attacks.", "ACCUSE", "attacks"),
        ("However when Joe Biden tried to attack Donald Trump, Japan's sensitivities became "
         "collateral damage.", "ACCUSE", "attack"),
        ("The rebels issued a threat to attack the capital.", "THREATEN", "threat"),
        ("Gunmen attacked Senator John Smith outside his home with guns.", "ASSAULT", "attacked"),
        ("Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices "
         "in east Jerusalem.", "REJECT", "agreement"),
        ("The Sri Lankan army has been holding thousands of Tamil civilians as human shields.",
         "COERCE", "shields"),
    ],
)  # fmt: skip
def test_kept_where_the_type_holds(text: str, kind: str, trigger: str) -> None:
    assert any(t == kind and w == trigger for t, w, _ in coded(text)), coded(text)


def test_a_dateline_is_not_the_actor() -> None:
    """Regression: 'WASHINGTON (AP) - Trump and Ryan pledged ...' had Washington as the actor."""
    events = coded("WASHINGTON (AP) — Donald Trump and House Speaker Paul Ryan pledged to work "
                   "together.")  # fmt: skip
    pledged = [a for t, w, a in events if w == "pledged"]
    assert pledged and "Washington" not in pledged[0] and "Paul Ryan" in pledged[0]


def test_a_place_modifying_a_person_is_not_the_actor() -> None:
    """Regression: 'The New York businessman has praised Putin' had New York as the actor."""
    assert all("New York" not in " ".join(a) for _, _, a in coded(
        "The New York businessman has praised Putin."))  # fmt: skip


def test_a_physical_assault_in_a_campaign_article_stays_force() -> None:
    """Regression: 'supporters physically assaulted a protester at one of his rallies' was read
    as an attack in words (ACCUSE) in a campaign article."""
    text = (
        "The Republican candidate spoke at a campaign rally. The candidate's campaign, the "
        "primary, the delegates and the nomination were on the ballot. Supporters physically "
        "assaulted a Black Lives Matter protester at one of his rallies."
    )
    kinds = [t for t, w, _ in coded(text) if w == "assaulted"]
    # not read as words (ACCUSE); in political news an ASSAULT is no longer emitted at all
    # (newsgate keeps ACCUSE and REQUEST there), outside it the assault stays force
    assert kinds == []
    alone = "Supporters physically assaulted a Black Lives Matter protester at a rally."
    assert [t for t, w, _ in coded(alone) if w == "assaulted"] == ["ASSAULT"]


def test_a_city_a_company_is_based_in_is_not_an_actor() -> None:
    """Regression: 'Chicago-based AbbVie and Dublin-based Shire called off ...' had Chicago and
    Dublin among the actors."""
    for _, _, actors in coded("Chicago-based AbbVie and Dublin-based Shire called off a merger."):
        assert "Chicago" not in actors and "Dublin" not in actors
