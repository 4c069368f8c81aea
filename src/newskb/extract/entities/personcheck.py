"""People need a person's name: say less, be right.

spaCy labels PERSON many capitalised words that name no one (issue 17's audits 07f-07h):
headline verbs glued to a name ("Glenn Beck Says Trump", "Entrusting Donald Trump with our
economic future"), bodies whose name ends in an organisation's word ("McAfee Avert Labs",
"National Nurses United"), places ("Aoraki Mount Cook", "Avenue Montaigne"), and one-word
names that are firms, outlets, common words, pieces of a hyphenated name or a god ("told Fox",
"Head Start", "Mar-a-Lago", "God bless"). The rules here run before the organisation check:

- ``trim_openers``: a person's name whose first word is a verb of a headline or clause
  ("Says", "Joining") loses that word;
- ``check_people``: a person whose last word is an organisation's word becomes ORG (for the
  organisation check to judge), one with a place word (Mount, Avenue, Street) LOC or FAC, and a
  one-word "person" that nothing marks as a person (a first name, a word of a person's full
  name in the article, the gazetteer's person, a Mc/O' surname, a title before it, an age after
  it) is ORG when it is a known organisation and MISC when it is a common word, a deity, no
  word at all or a piece of a hyphenated word, or every mention of it is followed by a
  building's noun ("Pagliarelli prison"). A name we cannot vouch for keeps no person's type.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.extract.entities.coref import Cluster
from newskb.extract.entities.forms import TITLES
from newskb.extract.entities.namelists import (
    AGE,
    SURNAME_PREFIX,
    common_word,
    given_names,
    known_orgs,
)
from newskb.extract.entities.orgcheck import _gazetteer_person
from newskb.extract.entities.spans import NameSpan
from newskb.model import EntityType
from newskb.nlp.docs import text_of

# Verbs of headlines and clause openers seen glued to a name ("Glenn Beck Says Trump").
_HEADLINE_VERBS = frozenset(
    [
        "says",
        "said",
        "tells",
        "told",
        "slams",
        "blasts",
        "bashes",
        "asks",
        "urges",
        "warns",
        "calls",
        "backs",
        "hits",
        "mocks",
        "quotes",
        "joins",
        "meets",
        "praises",
        "attacks",
        "sues",
        "thanks",
        "rips",
        "defends",
        "endorses",
        "accuses",
        "vows",
        "wants",
        "claims",
        "denies",
        "admits",
    ]
)
# Last words that end organisations' names, never (in news) a person's surname.
_ORG_LAST = frozenset(
    [
        "labs",
        "media",
        "united",
        "union",
        "group",
        "inc",
        "corp",
        "corporation",
        "company",
        "association",
        "foundation",
        "institute",
        "network",
        "networks",
        "holdings",
        "industries",
        "technologies",
        "systems",
        "services",
        "pharmaceuticals",
        "entertainment",
        "productions",
        "studios",
        "partners",
        "ventures",
        "enterprises",
        "coalition",
        "council",
        "committee",
        "federation",
        "league",
        "society",
        "llc",
        "ltd",
        "plc",
        "gmbh",
        "university",
        "college",
        "agency",
        "bureau",
        "ministry",
        "department",
        "organization",
        "organisation",
        "movement",
    ]
)
_MOUNTAINS = frozenset(["Mount", "Mt", "Mt."])
_STREETS = frozenset(["Avenue", "Street", "Boulevard", "Road", "Ave", "Ave."])
_DEITIES = frozenset(["God", "Allah", "Lord", "Almighty"])
# Buildings a lone name is written before ("Pagliarelli prison", "the Casty store").
_BUILDINGS = frozenset(
    [
        "prison",
        "jail",
        "store",
        "boutique",
        "shop",
        "hotel",
        "restaurant",
        "mall",
        "airport",
        "stadium",
        "arena",
        "museum",
        "hospital",
        "club",
        "campus",
    ]
)


def _opener(word: str, rest: str) -> bool:
    """A capitalised verb that opens a headline or clause ("Says", "Joining"), or an -ing word
    before a first name ("Entrusting Donald Trump")."""
    low = word.lower()
    if not (word[:1].isupper() and word.isalpha()) or word in given_names():
        return False
    if low in _HEADLINE_VERBS:
        return True
    return low.endswith("ing") and (common_word(low, 3) or rest.split()[0] in given_names())


def trim_openers(spans: list[NameSpan]) -> list[NameSpan]:
    """PERSON spans without a headline verb before the name ("Bashing Trump" -> "Trump")."""
    out: list[NameSpan] = []
    for s in spans:
        first, _sep, rest = s.text.partition(" ")
        if s.type == "PERSON" and rest.strip() and _opener(first, rest):
            cut = len(s.text) - len(s.text[len(first) :].lstrip())
            s = NameSpan(s.start + cut, s.end, s.text[cut:], s.type, s.tok, s.firm)
        out.append(s)
    return out


def _spans(doc: Doc, c: Cluster) -> list[tuple[int, int]]:
    out = []
    for start, end, _t, kind, _l in c.mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and kind in ("name", "short"):
            out.append((span.start, span.end))
    return out


def _marked(doc: Doc, c: Cluster, full: set[str]) -> bool:
    """Something marks this one-word name as a person's."""
    for name in c.names:
        if name in given_names() or name in full or SURNAME_PREFIX.search(name):
            return True
        if _gazetteer_person(name):
            return True  # "Trump", "Putin"
    text = text_of(doc)
    for a, b in _spans(doc, c):
        if a >= 1 and doc[a - 1].lower_.rstrip(".") in TITLES:
            return True  # "Mr. Drama", "President Obama"
        if AGE.match(text, doc[b - 1].idx + len(doc[b - 1].text)):
            return True  # "Tiffany, 22;"
    return False


def _hyphen_piece(doc: Doc, c: Cluster) -> bool:
    """Part of a hyphenated word ("Mar-a" of "Mar-a-Lago"), or no word at all ("-")."""
    text = text_of(doc)
    for start, end, name, _k, _l in c.mentions:
        if not any(ch.isalpha() for ch in name):
            return True
        if text[end : end + 1] in ("-", "‐") and text[end + 1 : end + 2].isalpha():
            return True
        if start >= 2 and text[start - 1] in ("-", "‐") and text[start - 2].isalpha():
            return True
    return False


def _before_building(doc: Doc, c: Cluster) -> bool:
    spans = _spans(doc, c)
    return bool(spans) and all(
        b < len(doc) and doc[b].is_lower and doc[b].lower_ in _BUILDINGS for _a, b in spans
    )


def _lone_type(doc: Doc, c: Cluster, full: set[str]) -> EntityType:
    """The type of a one-word PERSON cluster: PERSON when marked as one, else see module."""
    if _hyphen_piece(doc, c):
        return "MISC"
    if _marked(doc, c, full):
        return "PERSON"
    names = set(c.names)
    known = known_orgs()
    if all(n in known or f"{n} University" in known or f"{n} College" in known for n in names):
        return "ORG"  # "told Fox", "Quinnipiac conducted the poll"
    if any(common_word(n, 3) or n in _DEITIES for n in names):
        return "MISC"  # "the Head Start program", "God bless you"
    if _before_building(doc, c):
        return "MISC"  # "his Pagliarelli prison cell"
    return "PERSON"


def _words_type(c: Cluster) -> EntityType:
    """ORG for a "person" named like a body, LOC/FAC for one named like a place."""
    for name in c.names:
        words = name.split()
        if len(words) < 2:
            continue
        if words[-1].lower() in _ORG_LAST and words[0] not in given_names():
            return "ORG"  # "Avert Labs", "National Nurses United"
        if _MOUNTAINS.intersection(words):
            return "LOC"  # "Aoraki Mount Cook"
        if _STREETS.intersection(words):
            return "FAC"  # "Avenue Montaigne"
    return "PERSON"


def check_people(doc: Doc, clusters: list[Cluster]) -> None:
    """Retype in place every PERSON cluster whose name is no person's (see module)."""
    full = {
        w for c in clusters if c.type == "PERSON" for n in c.names if " " in n for w in n.split()
    }
    for c in clusters:
        if c.type != "PERSON" or not c.names:
            continue
        if all(" " not in n for n in c.names):
            c.type = _lone_type(doc, c, full)
        else:
            c.type = _words_type(c)
