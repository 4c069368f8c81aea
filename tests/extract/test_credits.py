"""Media credits: caption credit lines, newswire bylines, not prose; exact offsets."""

from __future__ import annotations

from newskb.extract import extract
from newskb.extract.credits import find_credits
from newskb.model import Article, Credit, Entity, Mention
from newskb.nlp import parse_many


def check_offsets(text: str, credits: tuple[Credit, ...]) -> None:
    for c in credits:
        for span in (c.source, c.content, c.agency):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_wikinews_caption_credits() -> None:
    text = (
        "Fans filled the hall on Friday.\n"
        "The far end of the convention floor, shortly after opening Friday. Image: Nick Moreau.\n"
        "Disney\n"
        "Belle Image: Nick Moreau.\n"
        "NASA tweeted its support Image: Twitter / NASA.\n"
        "Opening night of the exhibit. Video: Miharris & Acphillips.\n"
        "The bar owner with the drink. Image; Pacific Standard, provided by the owners.\n"
        "The two known sites near McMurdo Station image: Daily et al.\n"
        "Image: UK Government.\n"
    )
    cs = find_credits(text)
    check_offsets(text, cs)
    got = [(c.id, c.medium, c.source.text, c.content.text if c.content else None) for c in cs]
    assert got == [
        ("C1", "image", "Nick Moreau", "The far end of the convention floor, shortly after opening Friday."),  # noqa: E501
        ("C2", "image", "Nick Moreau", "Belle"),
        ("C3", "image", "Twitter / NASA", "NASA tweeted its support"),
        ("C4", "video", "Miharris & Acphillips", "Opening night of the exhibit."),
        ("C5", "image", "Pacific Standard", "The bar owner with the drink."),
        ("C6", "image", "Daily et al.", "The two known sites near McMurdo Station"),
        ("C7", "image", "UK Government", None),
    ]  # fmt: skip


def test_newswire_bylines() -> None:
    text = (
        "President Joe Biden speaks at the White House. (AP Photo/Evan Vucci)\n"
        "Crowds gather in the square. (AP Photo/Evan Vucci, File)\n"
        "Firefighters at the scene (Photo: Jane Doe)\n"
        "Smoke rises over the city. REUTERS/Kevin Lamarque\n"
        "A flooded street. Photo: EPA-EFE/Jim Lo Scalzo\n"
        "Ruins of the old mill. Photo by Ann Lee.\n"
        "A protester holds a flag. (Reuters Video)\n"
    )
    cs = find_credits(text)
    check_offsets(text, cs)
    got = [(c.medium, c.source.text, c.agency.text if c.agency else None) for c in cs]
    assert got == [
        ("photo", "Evan Vucci", "AP"),
        ("photo", "Evan Vucci", "AP"),
        ("photo", "Jane Doe", None),
        ("photo", "Kevin Lamarque", "REUTERS"),
        ("photo", "Jim Lo Scalzo", "EPA-EFE"),
        ("photo", "Ann Lee", None),
        ("video", "Reuters", "Reuters"),
    ]
    assert cs[0].content is not None
    assert cs[0].content.text == "President Joe Biden speaks at the White House."
    assert cs[3].content is not None and cs[3].content.text == "Smoke rises over the city."


def test_prose_is_no_credit() -> None:
    text = (
        "Officials released the image: Trump\n"
        "He said the image: it showed nothing at all.\n"
        "The exhibit Image: Reality opens on Friday in Paris.\n"
        "She was shown a photo by Ann Lee\n"
        "Talks on the NATO/Russia council continue.\n"
        "CD/DVD\n"
        "The museum lent the photo: a portrait of the artist's mother.\n"
        "Image: nobody knows who took it, said the curator.\n"
    )
    assert find_credits(text) == ()


def test_offsets_with_windows_newlines_and_entity_link() -> None:
    text = "Talks ended.\r\nLeaders meet in Paris. Image: Nick Moreau.\r\nMore text.\r\n"
    (c,) = find_credits(text)
    assert (c.source.start, c.source.end) == (44, 55) and c.source.entity is None
    assert c.content is not None and c.content.text == "Leaders meet in Paris."
    check_offsets(text, (c,))
    # linked only to an entity whose mention has exactly the same span
    near = Entity("E1", "Nick", "PERSON", (Mention(44, 48, "Nick"),))
    same = Entity("E2", "Nick Moreau", "PERSON", (Mention(44, 55, "Nick Moreau"),))
    assert find_credits(text, (near,))[0].source.entity is None
    assert find_credits(text, (near, same))[0].source.entity == "E2"


def test_extract_step_runs_after_entities_with_the_real_model() -> None:
    text = "Talks ended.\nLeaders meet in Paris. Image: Nick Moreau.\n"
    x = extract(Article(id="t", sha256="t", path="t", text=text), parse_many([text])[0])
    (c,) = x.credits
    assert c.source.text == "Nick Moreau" and c.source.entity is not None
    assert {e.id: e.name for e in x.entities}[c.source.entity] == "Nick Moreau"
    assert x.quotes == ()  # a credit is not speech
