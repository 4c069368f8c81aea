"""Word lists for telling what kind of thing a name is: the words organisations are named
with, the words around a name that make it one, and the lists ``scripts/build_name_lists.py``
builds from the shared corpora (given names, known organisations, common words)."""

from __future__ import annotations

import functools
import re
from importlib import resources

from newskb.extract.entities.shape import _OUTLET_LAST, ORG_NOUNS
from newskb.extract.entities.votes import ORG_FIRST_FOREIGN, ORG_LAST

# Words organisations are named with, beyond the legal and head words of ``votes.ORG_LAST``.
ORG_WORDS = (
    ORG_LAST
    | ORG_FIRST_FOREIGN
    | ORG_NOUNS
    | _OUTLET_LAST
    | frozenset(
        [
            "academy",
            "administration",
            "museum",
            "gallery",
            "galleries",
            "army",
            "assembly",
            "authority",
            "board",
            "brotherhood",
            "bureau",
            "cabinet",
            "capital",
            "center",
            "centre",
            "church",
            "clinic",
            "club",
            "coalition",
            "community",
            "commonwealth",
            "alliance",
            "confederation",
            "congress",
            "corps",
            "data",
            "entertainment",
            "fc",
            "force",
            "forces",
            "front",
            "fund",
            "gang",
            "government",
            "guard",
            "hospital",
            "house",
            "labs",
            "markets",
            "media",
            "movement",
            "navy",
            "network",
            "networks",
            "office",
            "parliament",
            "pictures",
            "press",
            "register",
            "senate",
            "service",
            "services",
            "school",
            "state",
            "studios",
            "telecom",
            "air",
            "municipality",
            "nations",
            "legion",
            "research",
            "courts",
            "airplanes",
            "aerospace",
            "productions",
            "ventures",
            "solutions",
            "today",
            "treasury",
            "pentagon",
            "kremlin",
            "tribunal",
            "trust",
            "union",
            "united",
        ]
    )
)
# Words that name one body alone ("the Senate", "the Pentagon"); "Church" or "Court" alone
# does not.
ORG_ALONE = frozenset(
    [
        "house",
        "senate",
        "congress",
        "parliament",
        "treasury",
        "pentagon",
        "kremlin",
        "navy",
        "army",
        "cabinet",
        "administration",
        "government",
        "police",
    ]
)
ACRONYM = re.compile(r"(?:[Tt]he )?[A-Z][A-Z0-9&.\-]{1,7}")
SURNAME_PREFIX = re.compile(r"\b(?:Mc|Mac|O['’])(?=[A-Z])")
BRAND = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]|\.(?:com|org|net|co)\b|&")
# Words right after a name that make it an organisation ("Kraft's shares", "Apple officials").
ORG_AFTER = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officials",
        "executives",
        "shares",
        "stock",
        "employees",
        "headquarters",
        "ceo",
        "chairman",
        "subsidiary",
        "shareholders",
        "customers",
    ]
)
# Roles before "of/for/at <name>" that make it an organisation ("a spokesman for Kraft").
ROLE_OF = frozenset(
    [
        "ceo",
        "chairman",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "founder",
        "employee",
        "employees",
        "executive",
        "officials",
        "analyst",
        "member",
        "members",
    ]
)
POSSESSIVE = frozenset(["'s", "’s", "'", "’"])
# Nouns after a possessive that only people have ("Iampaglia's parents").
KIN = frozenset(
    [
        "parents",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "family",
        "girlfriend",
        "boyfriend",
        "children",
        "mom",
        "dad",
        "grandmother",
        "grandfather",
        "funeral",
        "death",
        "birthday",
    ]
)
PLACE_AFTER = frozenset(
    ["area", "district", "neighborhood", "neighbourhood", "village", "region", "province"]
)
LOCATIVE = frozenset(["in", "at", "near", "from", "of", "outside", "across", "into"])
AGE = re.compile(r",\s*\d{1,3}\s*[,;]")  # "Trig, 6,", "Tiffany, 22;"


@functools.cache
def given_names() -> frozenset[str]:
    """Words that begin people's names in news (``data/given_names.txt``)."""
    path = resources.files("newskb.extract.entities") / "data" / "given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@functools.cache
def _word_docs() -> dict[str, int]:
    """Words news writes in lower case, with the number of documents that do
    (``data/common_words.txt``)."""
    path = resources.files("newskb.extract.entities") / "data" / "common_words.txt"
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, n = line.partition("\t")
            out[word] = int(n or 0)
    return out


def common_word(word: str, docs: int = 5) -> bool:
    """``word`` is written in lower case in at least ``docs`` documents of news."""
    return _word_docs().get(word.lower(), 0) >= docs


@functools.cache
def known_orgs() -> frozenset[str]:
    """Names that are organisations in news (``data/known_orgs.txt``)."""
    path = resources.files("newskb.extract.entities") / "data" / "known_orgs.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))
