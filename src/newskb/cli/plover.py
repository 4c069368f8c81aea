"""The POLECAT-style TSV of ``newskb events --format plover``: one row per event with the
event's own date and precision, its story, actors and recipients with country (ISO 3166-1
alpha-2) and sector, and the place with its GeoNames id and coordinates.

Countries and sectors come from what is known, never guessed: the gazetteer entry of a linked
entity, the place index for a place name, a demonym for a nationality ("Ukrainian"), and role
words ("Energy Minister" -> government). Unknown stays empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newskb.model import Entity, Event, EventHit, Extraction

QUADS = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}
PLOVER_COLUMNS = (
    "event_id", "event_date", "date_precision", "publication_date", "event_type", "event_mode",
    "status", "quad_code", "actor_name", "actor_wikidata_id", "actor_country", "actor_sector",
    "recipient_name", "recipient_wikidata_id", "recipient_country", "recipient_sector",
    "place_name", "place_geonames_id", "latitude", "longitude", "story_id", "article_id",
    "event_text", "sentence",
)  # fmt: skip

# role or organisation-name words -> sector; the first sector whose words match wins, so
# "Chief of the General Staff of the Army" is military before "chief" could say anything else
_SECTORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (sector, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
    for sector, words in (
        ("rebel", r"rebels?|insurgents?|insurgency|militias?|guerrillas?|separatists?"),
        ("military", r"army|armed forces|military|navy|air force|troops|soldiers?|marines|"
                     r"general staff|commander(?:-in-chief)?|brigade|battalion"),
        ("business", r"business(?:wo)?man|ceo|chief executive officer|company|corporation|corp|"
                     r"inc|ltd|plc|entrepreneur|investor|banker"),
        ("civil society", r"activists?|campaigners?|ngo|charity|human rights|rights group|"
                          r"trade union|labou?r union|advocacy|humanitarian"),
        ("government", r"president|vice president|prime minister|minister|ministry|secretary|"
                       r"cabinet|government|department|senators?|senate|congress|parliament|"
                       r"lawmakers?|legislators?|mp|ambassador|envoy|chancellor|governor|mayor|"
                       r"king|queen|premier|white house|kremlin|commission(?:er)?|"
                       r"diplomats?|officials?|spokes(?:man|woman|person) for the government"),
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Party:
    """What the TSV says about one actor or recipient."""

    name: str
    wikidata: str
    country: str
    sector: str


def sector(texts: Iterable[str]) -> str:
    """The sector role words and names say, or "" when none does.

    >>> sector(["Energy Minister"]), sector(["Ukrainian Army"]), sector(["Negotiator"])
    ('government', 'military', '')
    """
    texts = [t for t in texts if t]
    for name, pattern in _SECTORS:
        if any(pattern.search(t) for t in texts):
            return name
    return ""


def _nationality(name: str) -> str:
    """ISO code of the country a nationality word names ("Ukrainian" -> "UA"), else ""."""
    from newskb.resolve import geo
    from newskb.resolve.keys import demonyms, norm

    key = norm(name)
    for candidate in (demonyms().get(key), key[:-1] if key.endswith("n") else None):
        entry = geo.country(candidate) if candidate else None
        if entry is not None and entry.country:
            return entry.country
    return ""


def party(name: str, kb_id: str, entity: Entity | None) -> Party:
    """Country and sector of one participant from its gazetteer entry, place and roles."""
    from newskb.resolve import gazetteer
    from newskb.resolve.places import lookup_place

    kb = gazetteer.load().by_id.get(kb_id or (entity.kb_id if entity else None) or "")
    etype = entity.type if entity else (kb.type if kb else "")
    country = kb.country if kb and kb.country else ""
    roles = [*(entity.roles if entity else ()), *(kb.roles if kb else ())]
    words = [*roles, name] if etype in ("ORG", "NORP") else roles
    kind = ""
    if etype in ("GPE", "LOC") or (not country and etype not in ("PERSON", "ORG", "NORP")):
        place = lookup_place(name)
        if place is not None:
            country, kind = country or place.country_code or "", place.kind
    elif etype == "NORP" and not country:
        country = _nationality(name)
    found = sector(words)
    if not found and etype == "GPE" and kind == "country":
        found = "government"  # a state acting as itself: "Russia agreed ..."
    wikidata = kb_id if kb_id.startswith("Q") else ""
    return Party(name=name, wikidata=wikidata, country=country, sector=found)


def _parties(
    names: Sequence[str], ids: Sequence[str], refs: Sequence[str], ents: dict[str, Entity]
) -> list[Party]:
    aligned = len(refs) == len(names)
    return [
        party(n, ids[i] if i < len(ids) else "", ents.get(refs[i]) if aligned else None)
        for i, n in enumerate(names)
    ]


def _cell(values: Iterable[str]) -> str:
    out = list(values)
    return ";".join(out) if any(out) else ""


def plover_row(r: EventHit, extraction: Extraction | None, story: str | None) -> dict[str, str]:
    """One POLECAT-style record: the PLOVER-coded type (future cooperation -> AGREE ...)."""
    from newskb.extract.events import lexicon, plover_type
    from newskb.resolve.places import lookup_place

    coded = plover_type(r.type, r.status)
    quad = lexicon.load().quad(coded)
    ents = {e.id: e for e in extraction.entities} if extraction else {}
    event: Event | None = None
    if extraction is not None:
        event = next((v for v in extraction.events if v.id == r.event_id), None)
    actors = _parties(r.actors, r.actor_ids, event.actors if event else (), ents)
    recipients = _parties(r.recipients, r.recipient_ids, event.recipients if event else (), ents)
    place = lookup_place(r.location) if r.location else None
    return {
        "event_id": f"{r.article_id}-{r.event_id}",
        "event_date": (event.date if event else None) or "",
        "date_precision": (event.date_precision if event else None) or "",
        "publication_date": r.published or "",
        "event_type": coded,
        "event_mode": r.mode or "",
        "status": r.status,
        "quad_code": str(QUADS.get(quad or "", "")),
        "actor_name": ";".join(r.actors),
        "actor_wikidata_id": _cell(p.wikidata for p in actors),
        "actor_country": _cell(p.country for p in actors),
        "actor_sector": _cell(p.sector for p in actors),
        "recipient_name": ";".join(r.recipients),
        "recipient_wikidata_id": _cell(p.wikidata for p in recipients),
        "recipient_country": _cell(p.country for p in recipients),
        "recipient_sector": _cell(p.sector for p in recipients),
        "place_name": r.location or "",
        "place_geonames_id": str(place.geonameid) if place and place.geonameid else "",
        "latitude": "" if place is None or place.latitude is None else f"{place.latitude:.5f}",
        "longitude": "" if place is None or place.longitude is None else f"{place.longitude:.5f}",
        "story_id": story or "",
        "article_id": r.article_id,
        "event_text": r.trigger,
        "sentence": " ".join(r.sentence.split()),
    }


__all__ = ["PLOVER_COLUMNS", "QUADS", "Party", "party", "plover_row", "sector"]
