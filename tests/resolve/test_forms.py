"""``resolve.forms``: what the canon reads an extracted entity as (issue 17, ECB+ dev topics:
"Comedian Ellen DeGeneres" and "Coroner Gary Hargrove" were people apart from their names)."""

from __future__ import annotations

from newskb.model import Entity, Mention
from newskb.resolve.forms import as_resolved, uninitialled, untitled


def test_a_lower_case_word_before_a_full_name_is_dropped() -> None:
    assert untitled("Comedian Ellen DeGeneres") == "Ellen DeGeneres"
    assert untitled("Quarterback Peyton Manning") == "Peyton Manning"


def test_names_that_begin_with_a_word_are_kept() -> None:
    assert untitled("Mark Jay Heller") == "Mark Jay Heller"  # a given name
    assert untitled("Will Smith") == "Will Smith"  # one word would be left
    assert untitled("Sterling K. Brown") == "Sterling K. Brown"  # an initial is no name


def _person(name: str) -> Entity:
    return Entity(
        id="E1", name=name, type="PERSON", mentions=(Mention(0, len(name), name, "name"),)
    )


def test_as_resolved_keeps_the_written_name_as_an_alias() -> None:
    e = as_resolved(_person("Coroner Gary Hargrove"))
    assert (e.name, e.type, e.aliases) == ("Gary Hargrove", "PERSON", ("Coroner Gary Hargrove",))


def test_an_institution_typed_person_is_read_as_an_organisation() -> None:
    assert as_resolved(_person("Betty Ford Center")).type == "ORG"
    assert as_resolved(_person("Betty Ford")).type == "PERSON"
    # ECB+ 9_7: the Endangered Species Act typed PERSON stood apart from the law
    assert as_resolved(_person("Endangered Species Act")).type == "LAW"


def test_a_leading_initial_before_the_given_name_is_dropped() -> None:
    # ECB+ topic 28: "W. Mark Felt" and "Mark Felt" were two canon rows (initials w / m)
    assert uninitialled("W. Mark Felt") == "Mark Felt"
    assert uninitialled("J. Edgar Hoover") == "Edgar Hoover"
    assert uninitialled("H. W. Bush") == "H. W. Bush"  # the next word is an initial too
    assert uninitialled("J. Smith") == "J. Smith"  # one word would be left
    assert uninitialled("Mark Felt") == "Mark Felt"
    e = as_resolved(_person("W. Mark Felt"))
    assert (e.name, e.aliases) == ("Mark Felt", ("W. Mark Felt",))


def test_a_headline_verb_run_into_a_name_is_cut_off() -> None:
    # ECB+ topics 1 and 26: "Lindsay Lohan Checks" and "Gigante Dies" in the
    # first line were canon rows apart from the people
    title = "Lindsay Lohan Checks Into Rehab\nLohan was seen on Friday."
    e = Entity(
        id="E1",
        name="Lindsay Lohan Checks",
        type="PERSON",
        mentions=(Mention(0, 20, "Lindsay Lohan Checks", "name"),),
    )
    head = title.index("\n")
    assert as_resolved(e, head).name == "Lindsay Lohan"
    assert as_resolved(e, 0).name == "Lindsay Lohan Checks"  # not in the first line: kept
    for name, kept in (
        ("Gigante Dies", "Gigante"),
        ("Choosing DeGeneres", "DeGeneres"),
        ("Obama White House", "Obama White House"),  # not a verb
        ("Mark Dies", "Mark Dies"),  # a given name alone would be left
    ):
        o = Entity(id="E2", name=name, type="PERSON", mentions=(Mention(0, len(name), name),))
        assert as_resolved(o, 40).name == kept
