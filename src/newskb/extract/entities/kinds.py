"""What kind of thing a name is when it is no person, organisation or country: an event, a
work, a route or street, a generation, a prize, a government department named inside a title,
a verb written with a capital ("to Taser him"), an adjective ("a Puritanical past")."""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.model import EntityType

# Last words of events, works and routes that no organisation, person or country ends with.
_KIND_LAST: dict[str, EntityType] = {
    **dict.fromkeys(
        ["finals", "championships", "olympics", "playoffs", "tournament", "marathon", "festival"],
        "EVENT",
    ),
    **dict.fromkeys(["study", "award", "awards", "prize"], "WORK_OF_ART"),
    **dict.fromkeys(["corridor", "highway", "motorway"], "LOC"),
}
# Lower-case words after a name that make it the name of a prize ("the Pro Ecclesia award").
_PRIZE_NOUNS = frozenset(["award", "awards", "prize", "prizes", "medal", "trophy"])


def kind_type(doc: Doc, stop: int, text: str, etype: EntityType) -> EntityType:
    """EVENT, WORK_OF_ART or LOC for an "organisation", "person" or "place" whose last word
    names an event, a study or a route ("NBA Finals", "National Iodine Nutrition Study",
    "Transit Corridor"), or that a prize word follows ("the Pro Ecclesia award")."""
    if etype not in ("ORG", "PERSON", "GPE"):
        return etype
    words = text.split()
    if len(words) > 1 and words[-1].lower() in _KIND_LAST:
        return _KIND_LAST[words[-1].lower()]
    if stop < len(doc) and doc[stop].lower_ in _PRIZE_NOUNS and doc[stop].is_lower:
        return "WORK_OF_ART"
    return etype


# One-word names of generations (NORP) and of award shows (EVENT).
_GENERATIONS = frozenset(["boomers", "millennials", "xers", "zoomers", "gen", "generation"])
_AWARD_SHOWS = frozenset(["oscars", "emmys", "grammys", "tonys", "baftas", "olympics"])
# First words of streets, squares and roads in other languages ("Rue de Castiglione").
_STREET_FIRST = frozenset(["rue", "via", "calle", "avenida", "piazza", "plaza", "boulevard"])
# Departments a title names ("Defense secretary", "Secretary of State"): no body on their own.
_DEPARTMENTS = frozenset(
    [
        "defense",
        "defence",
        "state",
        "interior",
        "treasury",
        "justice",
        "energy",
        "commerce",
        "labor",
        "labour",
        "education",
        "transportation",
        "agriculture",
        "health",
        "homeland",
    ]
)
_OBJECT_PRONOUNS = frozenset(["him", "them", "me", "us"])
_ADJECTIVE_ENDS = ("ical", "ous", "ive", "ful", "less", "ish")


def other_kind(doc: Doc, first: int, stop: int, text: str, etype: EntityType) -> EntityType | None:
    """The kind a "person", "organisation" or "place" is when the words of its name or
    around it say so, else ``etype``; None when it is no name at all."""
    if etype not in ("ORG", "PERSON", "GPE"):
        return etype
    words = text.split()
    low = [w.lower() for w in words]
    if low[-1] in _GENERATIONS or (low[0] == "baby" and low[-1].startswith("boomer")):
        return "NORP"  # "Baby Boomers", "Gen Xers", "Millennials"
    if len(words) == 1 and low[0] in _AWARD_SHOWS:
        return "EVENT"  # "hosting the Oscars"
    if len(words) > 1 and low[0] in _STREET_FIRST:
        return "FAC"  # "Rue de Castiglione"
    if len(words) > 1 and low[-1] in ("convention", "conventions") and etype == "ORG":
        return "EVENT"  # "the Republican National Convention"
    if len(words) == 1 and stop < len(doc):
        nxt = doc[stop].lower_
        if nxt in _OBJECT_PRONOUNS:
            return None  # "had to Taser him": a verb
        if low[0] in _DEPARTMENTS and nxt in ("secretary", "secretaries") and etype == "ORG":
            return None  # "Defense secretary"
    one_org = len(words) == 1 and etype == "ORG"
    if one_org and low[0] in _DEPARTMENTS and first >= 2 and _secretary_of(doc, first):
        return None  # "Secretary of State"
    if one_org and low[0].endswith(_ADJECTIVE_ENDS) and stop < len(doc):
        return None if doc[stop].is_lower and doc[stop].is_alpha else etype  # "a Puritanical past"
    return etype


def _secretary_of(doc: Doc, first: int) -> bool:
    return doc[first - 1].lower_ == "of" and doc[first - 2].lower_ == "secretary"
