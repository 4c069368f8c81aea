"""Trigger senses that are no event of their PLOVER type (``extract.events.sensegate``, issue 15
round 2): each regression names the dev audit row that broke. Tiny texts, the real model."""

from __future__ import annotations

import pytest

from newskb.extract import extract
from newskb.extract.events import plover_type
from newskb.model import Article
from newskb.nlp import parse_many

# an article naming party politics (``newsgate.political_news``): only ACCUSE and REQUEST
POLITICS = (
    "The Republican candidate spoke in Iowa on Monday. "
    "The Democratic senator answered him on Tuesday. "
    "Both campaigns bought television ads. "
)


def coded(text: str) -> list[tuple[str, str]]:
    article = Article(id="t", sha256="t", path="t", text=text)
    x = extract(article, parse_many([text])[0])
    return [(plover_type(e.type, e.status), e.trigger.text) for e in x.events]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # 07l: a regulation, not an accusation of anyone
        ("Later, he attacked coal-power-plant emissions through the Clean Power Plan.", "attacked"),
        # 07l: the Paris terror attacks, no accusation by Clinton
        ("Mrs. Clinton was already tightening her grip on the race before the attacks.", "attacks"),
        # 07l: a campaign strategy
        ("Ted Cruz won a seat in the Senate, using a grass-roots, hard-charging, "
         "outsider-vs.-establishment attack.", "attack"),
        # 07f: a violent event, Benghazi the place
        ("Officials searched e-mails concerning the 2012 Benghazi attacks.", "attacks"),
    ],
)  # fmt: skip
def test_an_accusation_needs_someone_accused(sentence: str, trigger: str) -> None:
    assert ("ACCUSE", trigger) not in coded(POLITICS + sentence)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Christie unleashed withering attacks against Rubio in Saturday's debate.", "attacks"),
        ("Clinton's attacks were echoed by her campaign.", "attacks"),
        ("When she ran for the Senate in 2010, Democratic incumbent Barbara Boxer attacked "
         "Fiorina by reminding voters that the merger forced HP to slash 30,000 jobs.", "attacked"),
        # 07g: Sanders' attack (a name before it)
        ("Clinton was booed at Thursday night’s debate when she said Sanders’ attack was an "
         "attack on Obama.", "attack"),
        # 07j: criticising a thing stays (judged both ways on the audits)
        ("Republican supporters decried the lack of details about the plan.", "decried"),
    ],
)  # fmt: skip
def test_an_attack_in_words_on_someone_stays_an_accusation(sentence: str, trigger: str) -> None:
    assert ("ACCUSE", trigger) in coded(POLITICS + sentence)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # 07l: scheduling a debate
        ("That proposal prompted Britain's Parliament to call a debate in January.", "call"),
        # 07l: placing people on a list
        ("Cruz's team succeeded in pushing seven new supporters onto the final delegate list.",
         "pushing"),
        # 07i: rivalry, no request
        ("Sanders has pushed Clinton to be a stronger candidate.", "pushed"),
        # 07g: court procedure
        ("Podliska's lawsuit demands his reinstatement as a committee investigator.", "demands"),
    ],
)  # fmt: skip
def test_a_request_is_addressed_to_someone(sentence: str, trigger: str) -> None:
    assert ("REQUEST", trigger) not in coded(POLITICS + sentence)


def test_a_request_made_stays() -> None:
    got = coded(POLITICS + "President Obama pushed China and India to control hydrofluorocarbons.")
    assert ("REQUEST", "pushed") in got
    got = coded(POLITICS + "Bernie Sanders is pushing fellow Senate Democrats to reject the deal.")
    assert ("REQUEST", "pushing") in got


def test_a_denial_that_is_a_statement() -> None:
    # 07l: Turkey denying a genocide (CAMEO 016, a statement) was coded REJECT
    text = "The Republic of Turkey denies that the crime was a genocide."
    assert "REJECT" not in {p for p, _ in coded(text)}


def test_a_war_in_case_of_is_supposed() -> None:
    # 07l: "in case of a war against Iran" was coded ASSAULT
    text = "In case of a war against Iran, they could use the territory of Azerbaijan."
    assert not {"ASSAULT", "THREATEN"} & {p for p, _ in coded(text)}


def test_a_thing_released_frees_no_one() -> None:
    # ECB+ dev: "police have released an alleged confession" was coded RETREAT
    assert "RETREAT" not in {p for p, _ in coded("Police released a confession from Timmons.")}
    freed = "Rebels released two Italian hostages on Monday after talks with the government."
    assert ("RETREAT", "released") in coded(freed)


def test_a_hit_and_run_is_no_assault() -> None:
    # ECB+ dev: "LaSalle struck and killed her as she was walking" (a hit and run)
    text = (
        "Man charged in deadly hit and run outside Sam's Club. "
        "A man has been charged in a hit and run accident that killed a woman. "
        "Johnson was killed Wednesday night when LaSalle struck and killed her as she was "
        "walking outside a store."
    )
    assert "ASSAULT" not in {p for p, _ in coded(text)}


def test_a_fugitive_captured_is_arrested() -> None:
    # ECB+ dev: "Mr. Nichols was captured the next day" was coded ASSAULT
    got = coded("Police captured Brian Nichols the next day in Gwinnett County.")
    assert ("COERCE", "captured") in got
