"""The shipped gazetteer (``data/gazetteer.tsv``) and its lookup indexes.

Users extend what is known through the store (``newskb entities alias|merge``); this file holds
facts only: canonical names, aliases, Wikidata ids, positions held.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import cast

from newskb.model import EntityType, KbEntry
from newskb.resolve.keys import block_keys, initials, norm, phonetic, tokens

_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "LAW", "PRODUCT", "MISC"}


def local_id(etype: str, name: str) -> str:
    """A stable local id for something without a Wikidata id: ``nkb:person:karoline-leavitt``."""
    return f"nkb:{etype.lower()}:{norm(name).replace(' ', '-')}"


def parse_tsv(text: str) -> list[KbEntry]:
    out: list[KbEntry] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 7)[:7]
        qid, etype, name, aliases, roles, gender, country = (c.strip() for c in cols)
        if etype not in _TYPES or not name:
            continue
        out.append(
            KbEntry(
                id=qid if qid.startswith("Q") else local_id(etype, name),
                name=name,
                type=cast(EntityType, etype),
                aliases=tuple(a for a in aliases.split("|") if a),
                roles=tuple(r for r in roles.split("|") if r),
                gender=gender or None,
                country=country or None,
            )
        )
    return out


@dataclass
class Gazetteer:
    """Entries indexed by normalised alias, by blocking key and by acronym."""

    entries: list[KbEntry]
    by_alias: dict[str, list[KbEntry]] = field(default_factory=lambda: defaultdict(list))
    by_key: dict[str, list[KbEntry]] = field(default_factory=lambda: defaultdict(list))
    by_surname: dict[str, list[KbEntry]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, KbEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.entries:
            self.by_id[e.id] = e
            for alias in (e.name, *e.aliases):
                self.by_alias[norm(alias)].append(e)
                if e.type == "PERSON":
                    for k in block_keys(alias):
                        self.by_key[k].append(e)
                    toks = tokens(alias)
                    if len(toks) > 1:
                        self.by_surname[toks[-1]].append(e)
            if e.type != "PERSON" and len(tokens(e.name)) > 2:
                self.by_alias.setdefault(initials(e.name), []).append(e)

    def exact(self, name: str) -> list[KbEntry]:
        return list(dict.fromkeys(self.by_alias.get(norm(name), [])))

    def candidates(self, name: str) -> list[KbEntry]:
        """Persons whose names share a blocking key with ``name`` (spelling variants)."""
        found: dict[str, KbEntry] = {}
        for k in block_keys(name):
            for e in self.by_key.get(k, []):
                found[e.id] = e
        return list(found.values())

    def surname(self, word: str) -> list[KbEntry]:
        key = norm(word)
        hits = self.by_surname.get(key, [])
        if not hits:
            # a misspelt surname alone: same sound, same first letter
            ph = phonetic(key)
            hits = (
                [
                    e
                    for k, es in self.by_surname.items()
                    if k[:1] == key[:1] and phonetic(k) == ph
                    for e in es
                ]
                if ph
                else []
            )
        return list({e.id: e for e in hits}.values())


_USER_FILES: list[Path] = []


def use_file(path: Path) -> None:
    """Add a user's gazetteer (same TSV columns) to the shipped one for this process: its
    entries come first, so a user's name wins over a shipped one."""
    parse_tsv(path.read_text("utf-8"))  # fail early on an unreadable file
    _USER_FILES.append(path)
    load.cache_clear()


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer (with any user files), parsed and indexed once per process."""
    text = (resources.files("newskb.resolve") / "data" / "gazetteer.tsv").read_text("utf-8")
    user = [e for p in _USER_FILES for e in parse_tsv(p.read_text("utf-8"))]
    return Gazetteer(user + parse_tsv(text))


@functools.lru_cache(maxsize=1)
def load_places() -> dict[str, str]:
    """The generated place gazetteer (``scripts/build_gazetteer.py``): casefolded name -> its
    row (a country, continent, region or city of 100,000+). Only for linking a name already
    typed a place: it never finds names in text or retypes one."""
    text = (resources.files("newskb.resolve") / "data" / "gazetteer_places.tsv").read_text("utf-8")
    out: dict[str, str] = {}  # rows parsed on lookup: loading stays a few milliseconds
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            for alias in (cols[2], *cols[3].split("|")):
                if alias:
                    out.setdefault(alias.casefold(), line)
    return out


def place_entry(name: str) -> KbEntry | None:
    """The generated gazetteer's place of this name (see ``load_places``)."""
    line = load_places().get(name.strip().casefold())
    return parse_tsv(line)[0] if line else None
