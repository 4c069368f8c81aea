"""Issue 17, audits 07f-07h: a PERSON needs a person's name (``personcheck``). Each text is
first run with the rules switched off, to show spaCy's wrong PERSON is there for them to fix."""

from __future__ import annotations

import pytest

from newskb import nlp
from newskb.extract import entities as ents
from newskb.extract.entities import entities_of
from newskb.extract.entities.coref import Cluster
from newskb.extract.entities.personcheck import check_people, trim_openers
from newskb.extract.entities.spans import NameSpan
from newskb.model import Article


def _types(text: str) -> dict[str, str]:
    a = Article(id="t", sha256="t", path="t.txt", text=text)
    return {e.name: e.type for e in entities_of(a, nlp.parse_many([text])[0])}


def _unchecked(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    with monkeypatch.context() as m:
        m.setattr(ents, "check_people", lambda _doc, _clusters: None)
        m.setattr(ents, "trim_openers", lambda spans: spans)
        return _types(text)


def test_a_verb_before_a_name_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Entrusting Donald Trump with our economic future is a risky proposition, she said."
    assert _unchecked(text, monkeypatch) == {"Entrusting Donald Trump": "PERSON"}
    assert _types(text) == {"Donald Trump": "PERSON"}
    text = "Bashing Trump won't be enough. Donald Trump leads in the polls."
    assert "Bashing Trump" in _unchecked(text, monkeypatch)
    assert _types(text) == {"Donald Trump": "PERSON"}


def test_trim_openers_keeps_a_first_name() -> None:
    says = NameSpan(0, 10, "Says Trump", "PERSON", 1)
    sterling = NameSpan(0, 14, "Sterling Brown", "PERSON", 1)
    cut = trim_openers([says])
    assert [(s.start, s.text) for s in cut] == [(5, "Trump")]
    assert trim_openers([sterling]) == [sterling]
    assert trim_openers([NameSpan(0, 10, "Says Trump", "ORG", 1)])[0].text == "Says Trump"


def test_a_known_outlet_alone_is_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Republican pollster Daron Shaw told Fox that he credits the change to white Democrats."
    assert _unchecked(text, monkeypatch)["Fox"] == "PERSON"
    assert _types(text)["Fox"] == "ORG"
    assert _types(text)["Daron Shaw"] == "PERSON"


def test_a_deity_a_hyphen_piece_and_a_prison_are_no_people(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = [
        ("God bless you. And God bless America.", "God"),
        ("The media gathered at Trump's sprawling Mar-a-Lago club in West Palm Beach.", "Mar-a"),
        ("The suspect was found dead in his Pagliarelli prison cell in Palermo.", "Pagliarelli"),
    ]
    for text, name in cases:
        assert _unchecked(text, monkeypatch)[name] == "PERSON"
        assert _types(text)[name] == "MISC"


def test_a_surname_alone_with_a_person_mark_stays_a_person() -> None:
    assert _types("Mr. Kalanick agreed to sit next to the mayor.")["Kalanick"] == "PERSON"
    assert _types("Putin said the talks would go on.")["Vladimir Putin"] == "PERSON"


def _cluster(text: str, name: str) -> tuple[object, Cluster]:
    doc = nlp.parse_many([text])[0]
    start = text.index(name)
    tok = doc.char_span(start, start + len(name), alignment_mode="expand")
    assert tok is not None
    return doc, Cluster("PERSON", [(start, start + len(name), name, "name", tok.end - 1)])


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("Researchers at McAfee Avert Labs found the flaw.", "Avert Labs", "ORG"),
        (
            "Sanders thanked National Nurses United for its support.",
            "National Nurses United",
            "ORG",
        ),
        ("A climber died after a fall on Aoraki Mount Cook.", "Aoraki Mount Cook", "LOC"),
        ("Robbers burst into a store on Avenue Montaigne.", "Avenue Montaigne", "FAC"),
        ("Sen. Debbie Stabenow spoke on Tuesday.", "Debbie Stabenow", "PERSON"),
        ("O'Brien sued, claiming he was fired.", "O'Brien", "PERSON"),  # a Mc/O' surname
        ("Gearan reported from Washington.", "Gearan", "PERSON"),  # no mark, but no sign
    ],
)
def test_a_person_named_like_a_body_or_a_place(text: str, name: str, want: str) -> None:
    doc, c = _cluster(text, name)
    check_people(doc, [c])  # type: ignore[arg-type]
    assert c.type == want


def test_an_elided_surname_alone_is_the_full_name_said_before() -> None:
    # regression (issue 17): "O'Brien" read as given name "o" + "brien" stayed a second person
    text = (
        "Jim O'Brien coached the Philadelphia 76ers for a year. "
        "The team fired O'Brien on Tuesday, and O'Brien said nothing."
    )
    a = Article(id="t", sha256="t", path="t.txt", text=text)
    people = [e for e in entities_of(a, nlp.parse_many([text])[0]) if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Jim O'Brien", 3)]
