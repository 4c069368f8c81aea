"""Learned cue frames (``extract.quotes.frames``: a table counted on PolNeAR train by
``eval.polnear_frames``) and PolNeAR's span conventions for measurement (issue 16; real model)."""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.eval.polnear_convention import to_polnear
from newskb.extract import extract
from newskb.extract.quotes import HAND_LEMMAS, find_quotes
from newskb.extract.quotes.frames import PRIOR, FrameTable, default_table
from newskb.model import Article, Extraction, Quote
from newskb.nlp import parse_many

ATTACK = FrameTable({("attack", "obj"): (10, 9), ("decline", "inf"): (10, 9)})


def parsed(text: str) -> tuple[Doc, Extraction]:
    doc = parse_many([text], mode="full")[0]
    return doc, extract(Article(id="t", sha256="t", path="t", text=text), doc, ("entities",))


def said(q: Quote) -> tuple[str | None, str | None, str]:
    return (q.speaker and q.speaker.text, q.cue and q.cue.text, q.content.text)


def test_table_round_trip_rate_and_the_packaged_table() -> None:
    t = FrameTable({("blast", "obj"): (8, 7), ("offer", "obj"): (60, 20)})
    assert FrameTable.from_tsv(t.to_tsv()) == t
    assert t.rate("blast", "obj") == 7 / (8 + PRIOR) and t.accepts("blast", "obj")
    assert not t.accepts("offer", "obj") and not t.accepts("blast", "inf")
    assert t.lemmas == {"blast"}
    packaged = default_table()
    assert len(packaged.counts) > 100 and "attack" in packaged.lemmas
    assert not packaged.lemmas & HAND_LEMMAS  # the hand rules own their verbs


def test_a_learned_frame_reads_a_stance_and_only_with_the_table() -> None:
    doc, x = parsed("Senator Warren attacked the trade deal on Monday.")
    assert [said(q) for q in find_quotes(doc, x, ATTACK)] == [
        ("Senator Warren", "attacked", "the trade deal")
    ]
    assert find_quotes(doc, x, FrameTable({})) == ()


def test_no_learned_cue_inside_a_report_or_before_a_question() -> None:
    # regression: "attacked" read as a stance of "my mother" inside an unsourced report
    doc, x = parsed("I was told that my mother had attacked the church.")
    assert find_quotes(doc, x, ATTACK) == ()
    doc, x = parsed("He declined to say whether the talks had failed.")
    assert find_quotes(doc, x, ATTACK) == ()


def test_polnear_conventions_for_measurement() -> None:
    text = (
        "Mr Kaplan, a screenwriter, has said that the film will fail. "
        '"It is a bad film," he said. "It will lose money."'
    )
    doc, x = parsed(text)
    ours = find_quotes(doc, x)
    theirs = to_polnear(doc, ours)
    assert said(ours[0]) == ("Mr Kaplan", "said", "that the film will fail")
    assert said(theirs[0]) == ("Mr Kaplan, a screenwriter", "has said", "that the film will fail")
    assert len(ours) == 3 and len(theirs) == 2  # "he"'s two quotations: one attribution
    assert [text[s:e] for s, e in theirs[1].content.fragments] == [
        "It is a bad film",
        "It will lose money.",
    ]


def test_a_source_glued_to_its_dateline_starts_after_the_dash() -> None:
    # regression (PolNeAR): "RENO Nev AP Republican presidential hopeful Donald Trump" as source
    doc, x = parsed(
        "RENO, Nev. (AP) — Republican presidential hopeful Donald Trump said on Monday that "
        "the race was over. Even Lindsey Graham said that the party would lose."
    )
    assert [q.speaker and q.speaker.text for q in find_quotes(doc, x)] == [
        "Republican presidential hopeful Donald Trump",
        "Lindsey Graham",
    ]
