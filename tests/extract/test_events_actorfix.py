"""Actors checked after the gates (``extract.events.actorfix``, issue 15): each regression names
the 07m audit row (dev) whose actor was wrong. Tiny texts, the real model."""

from __future__ import annotations

from newskb.extract import extract
from newskb.model import Article
from newskb.nlp import parse_many


def coded(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(trigger, actor names, recipient names) of every event."""
    article = Article(id="t", sha256="t", path="t", text=text)
    x = extract(article, parse_many([text])[0])
    names = {e.id: e.name for e in x.entities}
    return [
        (e.trigger.text, [names[a] for a in e.actors], [names[r] for r in e.recipients])
        for e in x.events
    ]


def actors_of(text: str, trigger: str) -> list[str]:
    got = [a for t, a, _ in coded(text) if t == trigger]
    assert got, coded(text)
    return got[0]


def test_an_adjective_is_not_the_navy() -> None:
    # 07m row 46: 'Indian' for the Indian navy
    text = (
        "The Indian navy seized two small boats and a substantial cache of arms and equipment, "
        "the military said in a statement."
    )
    got = actors_of(text, "seized")
    assert "Indian" not in got
    assert all("navy" in a for a in got)


def test_the_one_accused_is_no_accuser() -> None:
    # 07m row 21: 'accused him' coded Trump (the one accused) as the accuser
    text = (
        "Democratic front-runner Hillary Clinton, also campaigning in Wisconsin, said Trump is "
        'ultimately responsible for what happens at his events and accused him of "inciting '
        'violent behavior."'
    )
    got = [(a, r) for t, a, r in coded(text) if t == "accused"]
    assert got
    actors, recipients = got[0]
    assert "Donald Trump" not in actors and "Trump" not in actors
    assert any("Trump" in r for r in recipients)


def test_a_strike_is_not_the_youths_who_threw_bombs() -> None:
    # 07m row 40: youths who hurled petrol bombs during the strike coded as the strikers
    text = (
        "Hooded youths hurled petrol bombs at stores and businesses in the center of the capital "
        "Athens and demonstrators tried to storm parliament during the general strike."
    )
    for trig, actors, _ in coded(text):
        if trig == "strike":
            assert not any("youths" in a for a in actors)


def test_a_party_killed_no_one() -> None:
    # 07m row 33: 'office Christmas party' as the one who killed
    text = (
        "A former employee who opened fire at an office Christmas party killing one man, "
        "has been charged with first-degree murder, police said Saturday."
    )
    for trig, actors, _ in coded(text):
        if trig == "killing":
            assert not any("party" in a for a in actors)


def test_the_police_made_the_arrest() -> None:
    # 07m row 48: police named beside the arrest, not coded
    text = (
        "John Jenkin, 23, of Newton Street, Millom was arrested Saturday morning after police "
        "found two women dead in a house."
    )
    got = actors_of(text, "arrested")
    assert got and all("police" in a.lower() for a in got)


def test_a_named_accuser_stays() -> None:
    text = "Senator Warren accused Donald Trump of lying about his taxes."
    assert any("Warren" in a for a in actors_of(text, "accused"))
