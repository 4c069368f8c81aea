"""Lines led by a speaker's name and a colon (``extract/quotes/labels.py``; real model; issue 16).

Regression: headlines and transcripts such as "Harry Reid: 'Never ... underestimate Trump.'" were
read as unattributed quotations or not at all (PolNeAR train: 57 of the 67 lines led by a person's
name and a colon are gold attributions with the colon as cue)."""

from __future__ import annotations

from tests.conftest import extract_checked

run = extract_checked  # real model, spans checked against the text

BODY = "\n\nThe senator said on Monday that the race was still open."


def said(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
        for q in run(text).quotes
    ]


def test_a_quoted_headline_is_the_named_speakers() -> None:
    got = said("Harry Reid: 'Never, ever, ever underestimate Trump.'" + BODY)
    assert got[0] == ("Harry Reid", ":", "Never, ever, ever underestimate Trump.")
    assert run("Harry Reid: 'Never, ever, ever underestimate Trump.'" + BODY).quotes[0].kind == (
        "direct"
    )


def test_a_transcript_line_is_a_statement() -> None:
    got = said("Hillary Clinton: We will defeat the Islamic State in Syria and Iraq." + BODY)
    assert got[0] == ("Hillary Clinton", ":", "We will defeat the Islamic State in Syria and Iraq")


def test_headings_questions_and_role_labels_are_no_statements() -> None:
    for line in (
        "Bernie Sanders: Win in a walk.",  # a heading: four words
        "Ted Cruz: Constitutional conservative or another typical career politician?",
        "Q: Your mother was deported twice and returned both times to the country.",
    ):
        assert [s[1] for s in said(line + BODY)] == ["said"], line
