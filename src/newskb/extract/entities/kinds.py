"""What kind of thing a name is when it is no person, organisation or country: an event, a
work, a route or street, a generation, a prize, a government department named inside a title,
a verb written with a capital ("to Taser him"), an adjective ("a Puritanical past")."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from newskb.model import EntityType
from newskb.resolve import geo

# Last words of events, works and routes that no organisation, person or country ends with.
_KIND_LAST: dict[str, EntityType] = {
    **dict.fromkeys(
        [
            "finals",
            "championships",
            "olympics",
            "playoffs",
            "tournament",
            "marathon",
            "festival",
            "march",
            "parade",
        ],
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
_STREET_FIRST = frozenset(
    ["rue", "via", "calle", "avenida", "avenue", "piazza", "plaza", "boulevard"]
)
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
# Ethnicities written with a capital (NORP), and acronyms of common nouns: no organisation.
_ETHNICITIES = frozenset(
    [
        "latino",
        "latina",
        "latinos",
        "latinas",
        "hispanic",
        "hispanics",
        "mormons",
        "muslims",
        "christians",
        "catholics",
        "evangelicals",
        "protestants",
        "jews",
    ]
)
_NOUN_ACRONYMS = frozenset(
    [
        *("MVP", "DUI", "DWI", "IR", "GDP", "IPO", "DNA", "ATM", "GPS", "PDF", "SUV", "PTSD"),
        *("RSVP", "PAC", "FOIA", "WWII", "WWI"),  # "a super PAC", "FOIA requests"
    ]
)
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
    if one_org and low[0] in _ETHNICITIES:
        return "NORP"  # "Latino voters"
    if one_org and words[0] in _NOUN_ACRONYMS:
        return None  # "the team MVP", "placed on IR", "a DUI arrest"
    medal = any(a == "medal" and b == "of" for a, b in itertools.pairwise(low))
    if medal and etype == "ORG":
        return "WORK_OF_ART"  # "the Medal of Valor", "Presidential Medal of Freedom": a prize
    if one_org and low[0] in _DEPARTMENTS and first >= 2 and _secretary_of(doc, first):
        return None  # "Secretary of State"
    if one_org and low[0].endswith(_ADJECTIVE_ENDS) and stop < len(doc):
        return None if doc[stop].is_lower and doc[stop].is_alpha else etype  # "a Puritanical past"
    return etype


def _secretary_of(doc: Doc, first: int) -> bool:
    return doc[first - 1].lower_ == "of" and doc[first - 2].lower_ == "secretary"


# Lower-case nouns before a name that make it the title of a work ("the film Australia",
# "the sequel, Catching Fire"), and after one ("the Hunger Games sequel"): not "Disney film",
# where the maker comes first.
_WORK_BEFORE = frozenset(["film", "movie", "novel", "book", "sequel", "prequel", "memoir"])
_WORK_AFTER = frozenset(["sequel", "sequels", "prequel", "trilogy"])
_QUOTES = frozenset(["'", "‘", "’", '"', "“", "”", ","])
# Prefixes of ships' names ("INS Tabar", "USS Cole"): alone, no organisation.
_SHIP_PREFIXES = frozenset(["INS", "USS", "HMS", "USNS", "HMCS", "HMAS", "RMS", "MV"])
# Outlets whose name a place begins ("New York magazine", "Texas Monthly" is its own name).
_OUTLET_NOUNS = frozenset(["magazine", "newspaper", "journal"])


def context_kind(
    doc: Doc, first: int, stop: int, text: str, etype: EntityType
) -> EntityType | None:
    """The kind the words next to a name give it: a work's title after "film", "novel",
    "sequel" or before "sequel"; an outlet for a place before "magazine" ("New York
    magazine"); a person for a one-word "place" before "administration" that is no country
    ("the Obama administration"); None for a ship's prefix alone ("INS Tabar")."""
    if etype not in ("ORG", "PERSON", "GPE"):
        return etype
    k = first - 1
    while k >= 0 and doc[k].text in _QUOTES:
        k -= 1
    if k >= 0 and doc[k].lower_ in _WORK_BEFORE and doc[k].is_lower:
        return "WORK_OF_ART"  # "the Hunger Games sequel, Catching Fire"
    j = stop
    while j < len(doc) and doc[j].text in _QUOTES and doc[j].text != ",":
        j += 1
    nxt = doc[j] if j < len(doc) else None
    if nxt is None or not nxt.is_lower:
        if etype == "ORG" and text in _SHIP_PREFIXES and nxt is not None and nxt.is_title:
            return None  # "marine commandos from INS Tabar": the ship's prefix
        return etype
    if nxt.lower_ in _WORK_AFTER and etype != "GPE":
        return "WORK_OF_ART"  # "‘Hunger Games’ sequel"
    if etype == "GPE" and nxt.lower_ in _OUTLET_NOUNS and j == stop:
        return "ORG"  # "an article in New York magazine": the magazine
    if (
        etype in ("GPE", "ORG")
        and " " not in text
        and nxt.lower_ == "administration"
        and j == stop
        and text.istitle()
        and geo.country(text) is None
    ):
        return "PERSON"  # "the Obama administration": the president's name
    return etype
