"""Quote modes (speech / thought / intention / knowledge), intentions and noun-phrase stances,
and speakers with abbreviated titles (real model; issue 16)."""

from __future__ import annotations

import json

from tests.conftest import extract_checked

from newskb.extract.quotes.cues import lexicon
from newskb.model import Quote
from newskb.serialize import from_dict, to_dict

run = extract_checked  # real model, spans checked against the text


def said(q: Quote) -> tuple[str | None, str | None, str, str | None]:
    return (q.speaker and q.speaker.text, q.cue and q.cue.text, q.content.text, q.mode)


def test_mode_lexicon() -> None:
    lex = lexicon()
    assert [lex.mode(w) for w in ("say", "fear", "want", "know", "show", "tweet")] == [
        "speech", "thought", "intention", "knowledge", "knowledge", "speech",
    ]  # fmt: skip
    assert {"want", "plan", "seek", "intend"} <= lex.intention <= lex.verbs


def test_every_quote_has_a_mode_read_from_its_cue() -> None:
    x = run(
        "Republicans fear that Trump will lose the election. The campaign believes it can win "
        'Ohio. A new poll shows Clinton leading by five points. "We will win," Smith said.'
    )
    assert [said(q) for q in x.quotes[:3]] == [
        ("Republicans", "fear", "that Trump will lose the election", "thought"),
        ("The campaign", "believes", "it can win Ohio", "thought"),
        ("A new poll", "shows", "Clinton leading by five points", "knowledge"),
    ]
    assert [(q.kind, q.mode) for q in x.quotes[3:]] == [("direct", "speech")]


def test_intention_takes_the_infinitive_and_its_subject() -> None:
    x = run("Gov. Chris Christie wants to run for president. Aides plan to hire more staff.")
    assert [said(q) for q in x.quotes] == [
        ("Gov. Chris Christie", "wants", "to run for president", "intention"),
        ("Aides", "plan", "to hire more staff", "intention"),
    ]
    x = run("Sanders wants voters to recall his vote against the Iraq war.")
    assert [said(q) for q in x.quotes] == [
        ("Sanders", "wants", "voters to recall his vote against the Iraq war", "intention")
    ]
    # no source, a thing as subject, or no infinitive: no intention
    assert run("It wants to be free.").quotes == ()
    assert run("They want more money.").quotes == ()


def test_an_intention_inside_a_statement_is_part_of_it() -> None:
    # regression: "Clinton said she wants ..." was reported twice, once as her intention
    x = run("Clinton said she wants to establish a safe zone for civilians in Syria.")
    assert [said(q)[:2] for q in x.quotes] == [("Clinton", "said")]
    x = run('"Israel wants to make the deal," Trump told reporters.')
    assert [said(q)[:2] for q in x.quotes] == [("Trump", "told")]


def test_noun_phrase_stances() -> None:
    x = run(
        "O'Malley criticized Sanders and Clinton on Tuesday. Sanders called for a ban on "
        "assault weapons. He described the field of candidates as very weak."
    )
    assert [said(q) for q in x.quotes] == [
        ("O'Malley", "criticized", "Sanders and Clinton", "speech"),
        ("Sanders", "called for", "a ban on assault weapons", "speech"),
        ("He", "described", "the field of candidates as very weak", "speech"),
    ]
    # a phone call, a physical attack, a pronoun object: no stance
    assert run("Obama called Netanyahu on Monday.").quotes == ()
    assert run("He defended himself.").quotes == ()


def test_abbreviated_title_stays_in_the_speaker() -> None:
    # regression: "RCMP Sgt" was the speaker of Tim Shields' words (the tokenizer cuts "Sgt.")
    x = run("RCMP Sgt. Tim Shields said the suspect was arrested on Monday.")
    assert [said(q)[:2] for q in x.quotes] == [("RCMP Sgt. Tim Shields", "said")]
    x = run('"It was dark," said RCMP Sgt. Tim Shields.')
    assert [said(q)[:2] for q in x.quotes] == [("RCMP Sgt. Tim Shields", "said")]
    x = run("Lt. Gen. John Smith said the base was safe. Rep. Paul Ryan said the bill would pass.")
    assert [said(q)[0] for q in x.quotes] == ["Lt. Gen. John Smith", "Rep. Paul Ryan"]


def test_mode_in_the_output_contract() -> None:
    x = run("Republicans fear that Trump will lose the election.")
    data = json.loads(json.dumps(to_dict(x)))
    assert data["quotes"][0]["mode"] == "thought"
    assert from_dict(data).quotes[0].mode == "thought"
    del data["quotes"][0]["mode"]  # written before the field existed
    assert from_dict(data).quotes[0].mode is None


def test_first_person_inside_a_quotation_is_the_quoting_speaker() -> None:
    # regression: "I" was left unresolved in interview quotes
    x = run('"I think we will win the state," Senator John Smith said on Monday.')
    outer, inner = x.quotes
    assert outer.speaker is not None and outer.speaker.text == "Senator John Smith"
    assert inner.speaker is not None and inner.speaker.text == "I"
    assert inner.speaker.entity is not None and inner.speaker.entity == outer.speaker.entity


def test_a_raised_passive_is_a_sourceless_attribution() -> None:
    x = run("Trump is expected to win the New Hampshire primary next week.")
    (q,) = x.quotes
    assert q.speaker is None and q.cue is not None and q.cue.text == "is expected"
    assert q.mode == "thought"
    assert [x.article.text[s:e] for s, e in q.content.fragments] == [
        "Trump",
        "to win the New Hampshire primary next week",
    ]
    assert run("It is expected to rain.").quotes == ()
