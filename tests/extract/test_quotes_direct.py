"""A quotation going on after the sentence that attributes the one before it
(``extract/quotes/direct.goes_on``; real model; issue 16).

Regression: '"A," said X, a broker in Tampa who sells golf courses. "B."' left "B" with no
speaker once the apposition pushed the cue past the near-cue window (PolNeAR train: 599 direct
quotes with a gold source had none).
"""

from __future__ import annotations

from tests.conftest import extract_checked

run = extract_checked  # real model, spans checked against the text


def speakers(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
        for q in run(text).quotes
        if q.kind == "direct"
    ]


def test_a_long_apposition_keeps_the_next_quotation_with_its_speaker() -> None:
    text = (
        "\u201cThe market is changing,\u201d said Steven Ekovich, a broker based in Tampa, Fla., "
        "who represents sellers of golf courses. \u201cHomeowners paid a 20 or 30 percent "
        "premium for a golf-course lot.\u201d"
    )
    assert speakers(text) == [
        ("Steven Ekovich", "said", "The market is changing"),
        (
            "Steven Ekovich",
            None,
            "Homeowners paid a 20 or 30 percent premium for a golf-course lot.",
        ),
    ]


def test_a_quotation_after_another_sentence_is_not_continued() -> None:
    text = (
        "\u201cThe market is changing,\u201d said Steven Ekovich, a broker based in Tampa, Fla., "
        "who represents sellers of golf courses. Prices fell by a third in the last two years "
        "across the state. \u201cHomeowners paid a 20 or 30 percent premium for a golf-course "
        "lot.\u201d"
    )
    assert [s[0] for s in speakers(text)][:1] == ["Steven Ekovich"]
    assert "Steven Ekovich" not in [s[0] for s in speakers(text)][1:]
