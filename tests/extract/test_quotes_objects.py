"""Noun-phrase stances of ``extract/quotes/objects.py`` with a predicate (real model; issue 16).

Regression: "X called Y a "liar"" was no quote at all (PolNeAR train: 130 of the 178 missed
"call" attributions): a quote mark in the predicate sent it to the quote rules, which read no
cue there; a predicate opening with a determiner ("a liar") was not seen as the object's
predicate; a pronoun object was never content, even with its predicate ("called it "X"").
"""

from __future__ import annotations

from tests.conftest import extract_checked

from newskb.model import Quote

run = extract_checked  # real model, spans checked against the text


def said(q: Quote) -> tuple[str | None, str | None, str]:
    return (
        q.speaker.text if q.speaker else None,
        q.cue.text if q.cue else None,
        q.content.text,
    )


def test_called_with_a_quoted_predicate() -> None:
    x = run('Bernie Sanders called Trump a "pathological liar."')
    assert [said(q) for q in x.quotes] == [
        ("Bernie Sanders", "called", 'Trump a "pathological liar')
    ]


def test_a_pronoun_object_with_its_predicate() -> None:
    x = run("Former Rep. Jane Harman called it \u201cthe least bad option.\u201d")
    assert [said(q) for q in x.quotes] == [
        ("Former Rep. Jane Harman", "called", "it \u201cthe least bad option")
    ]


def test_a_predicate_with_a_determiner() -> None:
    x = run("Senator Warren called the tax plan a giveaway to the rich.")
    assert [said(q) for q in x.quotes] == [
        ("Senator Warren", "called", "the tax plan a giveaway to the rich")
    ]


def test_no_predicate_no_stance() -> None:
    # a phone call, a pronoun object alone, a quoted object: none of them a stance
    assert run("Obama called him on Monday.").quotes == ()
    assert run("The senator denied it.").quotes == ()
    assert [said(q)[1] for q in run('Trump criticized "the media" on Monday.').quotes] != [
        "criticized"
    ]


def test_a_poll_shows_a_finding() -> None:
    # regression: "show" read only with a clause, so "the survey shows [a gap]" was missed
    x = run("But the survey shows only a small gender gap.")
    assert [said(q) for q in x.quotes] == [("the survey", "shows", "only a small gender gap")]
    # a person showing a thing is no finding
    assert run("The senator showed the letter to reporters on Monday.").quotes == ()
