"""Organisations need evidence: say less, be right.

spaCy labels many capitalised words ORG that are no organisation: people ("breaking Cam
Newton's record", "Iampaglia's parents"), towns ("John Jenkin, 23, of Millom"), works and
programmes ("the Hunger Games", "Medicare"), common words at a sentence's start ("Solidarity
hashtags", "Celebrity website TMZ"). An entity keeps the type ORG only with evidence that it is
one: a gazetteer link, a known organisation (``namelists.known_orgs``), a word organisations are
named with ("Bank", "University", "News"), an acronym, a brand's shape ("BuzzFeed",
"Breitbart.com"), a team's name, the words next to it ("retailer Best Buy", "a spokesman for
Kraft", "Seacom's shares"), or spaCy's ORG on two of its mentions; a one-word name that is no
English word, first name or place ("Lockheed") keeps spaCy's ORG too. Without any, a name that
reads as a person's (a known first name, an age after it, a part of a person's name in the same
article, the gazetteer's person) is a PERSON, one after "<name>, <age>, of" or a known place is
a GPE, and the rest are MISC: named, but of no type we can vouch for. Titles ("the IG"), two
names in one span and families are MISC, venues FAC, whatever the evidence.

A one-word "person" that is a common English word opening its sentence ("Subscribe here",
"Drama unfolds"), never written with a title, a known first name or as part of a person's full
name in the article, is MISC as well; a "place" that is a point of the compass is LOC, one
after a clock time a zone (MISC), a small one a known university is named after ORG.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newskb.extract.entities.coref import Cluster
from newskb.extract.entities.forms import TITLES
from newskb.extract.entities.namelists import (
    ACRONYM,
    AGE,
    BRAND,
    KIN,
    LOCATIVE,
    ORG_AFTER,
    ORG_ALONE,
    ORG_WORDS,
    PLACE_AFTER,
    POSSESSIVE,
    ROLE_OF,
    SURNAME_PREFIX,
    common_word,
    given_names,
    known_orgs,
)
from newskb.extract.entities.shape import ORG_NOUNS, score_teams
from newskb.extract.entities.teams import sports_report
from newskb.extract.entities.votes import known_place
from newskb.model import EntityType
from newskb.nlp.docs import text_of
from newskb.resolve import geo
from newskb.resolve.keys import norm
from newskb.resolve.link import link


def _spans(doc: Doc, c: Cluster) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e, _t, kind, _last in c.mentions:
        if kind not in ("name", "short"):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return out


def _words(name: str) -> list[str]:
    return [w.strip(".,'’\"()").lower() for w in name.split()]


_TEAM_LAST = frozenset(["Sox", "Heat", "Jazz", "Magic", "Thunder", "United", "City", "FC"])


def _team(name: str, sports: bool) -> bool:
    """A club's name: a place then a nickname ("Boston Red Sox", "Kansas City Chiefs"), or in
    a sports report a plural nickname ("Saints") or a place that plays ("Jacksonville")."""
    words = name.split()
    last = words[-1]
    plural = last[:1].isupper() and last.endswith("s") and not last.endswith("ss")
    place = geo.place(name) is not None or (" " not in name and known_place(name))
    if sports and (plural or last in _TEAM_LAST or place):
        return True
    for k in range(len(words) - 1, 0, -1):
        if geo.place(" ".join(words[:k])) is not None:
            return plural or last in _TEAM_LAST
    return False


def _acronym_in(name: str) -> bool:
    """An acronym of three or more letters that is no word inside the name ("EADS N.V.",
    "JSA Research"; not "RIP LA County"), or a country's name beside a name of its own
    ("Air China", "Garuda Indonesia")."""
    words = name.split()
    if len(words) < 2:
        return False
    for w in words:
        bare = w.strip(".,'’")
        if len(bare) >= 3 and bare.isalpha() and bare.isupper() and not common_word(bare):
            return True
    rest = [w for w in words if geo.country(w) is None]
    countries = len(words) - len(rest)
    return countries == 1 and bool(rest) and all(w[:1].isupper() for w in rest)


# Class nouns written next to an organisation's name, beyond the shape rules' own list:
# "human rights organization Amnesty International", "the Islamic Jihad movement".
_CONTEXT = ORG_NOUNS | frozenset(
    ["organization", "organisation", "watchdog", "movement", "faction", "militia", "charity"]
)


def _firm_evidence(
    doc: Doc, c: Cluster, spans: list[tuple[int, int]], sports: bool, people: set[str]
) -> bool:
    """A link, a name word, an acronym, a brand's shape, a team, or the words around it."""
    for name in c.names:
        if name in known_orgs() or link(name, "ORG") is not None or _team(name, sports):
            return True
        words = _words(name)
        if (len(words) > 1 and ORG_WORDS.intersection(words)) or words == [*ORG_ALONE & {words[0]}]:
            return True
        if (
            ACRONYM.fullmatch(name)
            or BRAND.search(SURNAME_PREFIX.sub("", name))
            or _acronym_in(name)
        ):
            return True
    for a, b in spans:
        if a >= 1 and doc[a - 1].lower_ in _CONTEXT and doc[a - 1].is_lower:
            return True  # "retailer Best Buy", "website TMZ"
        if a >= 2 and doc[a - 1].lower_ in ("of", "for", "at") and doc[a - 2].lower_ in ROLE_OF:
            return True  # "a spokesman for Kraft"
        after_person = a >= 2 and (doc[a - 2].text in people or doc[a - 2].ent_type_ == "PERSON")
        if after_person and doc[a - 1].lower_ == "of" and not any(geo.place(n) for n in c.names):
            return True  # "Leung Kwok-hung of Civic Passion": the person's party
        one = doc[a:b]
        if len(one) == 1 and a >= 1 and doc[a - 1].lower_ == "the" and _plural(one.text):
            return True  # "the Saints", "the Angels"
        j = b + 1 if b < len(doc) and doc[b].text in POSSESSIVE else b
        if j < len(doc) and doc[j].lower_ in ORG_AFTER:
            return True  # "Kraft's shares", "Apple officials"
        if (
            b < len(doc)
            and doc[b].lower_ in _CONTEXT
            and doc[b].is_lower
            and not doc[a].is_sent_start
        ):
            return True  # "an article in New York magazine", not "Celebrity website TMZ"
    return False


def _plural(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.endswith("s") and word[-2] != "s"


def _spacy_org(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """spaCy labelled at least two of the mentions ORG."""
    n = 0
    for a, b in spans:
        if any(e.label_ == "ORG" for e in doc[a:b].ents) or doc[a].ent_type_ == "ORG":
            n += 1
    return n >= 2


def _gazetteer_person(name: str) -> bool:
    """The gazetteer has a person whose name ends in this name's last word, spelt the same
    ("Trump"; not "Casty" for "Costa")."""
    kb = link(name, "PERSON")
    if kb is None:
        return False
    last = norm(name).split()[-1:]
    return any(norm(n).split()[-1:] == last for n in (kb.name, *kb.aliases))


def _person(doc: Doc, c: Cluster, spans: list[tuple[int, int]], people: set[str]) -> bool:
    """A name that reads as a person's: a known first name before a surname, an age after it
    ("Trig, 6,"), a person's noun after its possessive, a word of a person's name nearby."""
    text = text_of(doc)
    for name in c.names:
        if _gazetteer_person(name):
            return True  # "Trump": the gazetteer's person
        words = name.split()
        shaped = all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        if 2 <= len(words) <= 3 and words[0] in given_names() and shaped:
            return True
        if len(words) == 1 and words[0] in people:
            return True
    for _a, b in spans:
        if AGE.match(text, doc[b - 1].idx + len(doc[b - 1].text)):
            return True
        if b + 1 < len(doc) and doc[b].text in POSSESSIVE and doc[b + 1].lower_ in KIN:
            return True
    return False


def _place(doc: Doc, c: Cluster, spans: list[tuple[int, int]], people: set[str]) -> bool:
    """A known place name, or a name after "<person>, <age>, of" ("John Jenkin, 23, of
    Millom")."""
    if all(geo.country(n) is not None or n.endswith("stan") for n in c.names):
        return True  # "Turkeminstan": a country, misspelt
    for _a, b in spans:
        if b < len(doc) and doc[b].lower_ in PLACE_AFTER and doc[b].is_lower:
            return True  # "the Thissio area"
    known = all(geo.place(n) is not None for n in c.names)
    text = text_of(doc)
    for a, _b in spans:
        if known and a >= 1 and doc[a - 1].lower_ in LOCATIVE:
            return True  # "a bank in Woodburn"
        if a >= 1 and doc[a - 1].lower_ == "of":
            before = text[max(0, doc[a - 1].idx - 12) : doc[a - 1].idx]
            if re.search(r",\s*\d{1,3}\s*,\s*$", before):
                return True
            if a >= 3 and doc[a - 2].text == "," and doc[a - 3].text in people:
                return True  # "John Jenkin, of Millom"
    return False


_OPENERS = frozenset(['"', "“", "‘", "("])


def _common_person(doc: Doc, c: Cluster, full: set[str]) -> bool:
    """A one-word "person" that is a common word, opens its sentence each time, and nothing
    marks as a person's name (a title, a first name, a full name, the gazetteer)."""
    words = {n for n in c.names}
    if any(" " in w or not w.isalpha() for w in words):
        return False
    if any(w in given_names() or w in full or not common_word(w, 3) for w in words):
        return False
    if any(_gazetteer_person(w) for w in words):
        return False  # "Trump"
    spans = _spans(doc, c)
    opens = [
        doc[a].is_sent_start or not doc[a - 1].text.strip() or doc[a - 1].text in _OPENERS
        for a, _b in spans
    ]
    if not all(opens):
        return False
    titled = (a >= 1 and doc[a - 1].lower_.rstrip(".") in TITLES for a, _b in spans)
    return not any(titled)  # "Mr. Drama" is someone


def check_orgs(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Retype in place every ORG cluster without evidence (PERSON, GPE or MISC); returns the
    clusters that became people, for their roles to be read."""
    people = {
        w for c in clusters if c.type == "PERSON" for n in c.names for w in n.split() if w.istitle()
    }
    full = {
        w for c in clusters if c.type == "PERSON" for n in c.names if " " in n for w in n.split()
    }
    named_for: set[str] = set()  # "Quinnipiac": ORG for the university it names
    for c in clusters:
        if c.type == "PERSON" and c.names and _common_person(doc, c, full):
            c.type = "MISC"
        elif c.type == "ORG" and c.names:
            c.type = _no_body(c, people)
        elif c.type == "GPE" and c.names:
            c.type = _place_kind(doc, c)
            named_for.update(c.names if c.type == "ORG" else ())
    places = [(m[0], m[1], m[2]) for c in clusters if c.type == "ORG" for m in c.mentions]
    sports = sports_report(text_of(doc)) or bool(score_teams(text_of(doc), places))
    became: list[Cluster] = []
    firm: dict[int, bool] = {}
    for i, c in enumerate(clusters):
        if c.type == "ORG" and c.names:
            firm[i] = named_for.issuperset(c.names) or _firm_evidence(
                doc, c, _spans(doc, c), sports, people
            )
    firm_names = [n for i, c in enumerate(clusters) if firm.get(i) for n in c.names]
    heads = {n.split()[0] for n in firm_names if " " in n}
    ones = {n for n in firm_names if " " not in n}
    for i, c in enumerate(clusters):
        if firm.get(i, True):
            continue
        spans = _spans(doc, c)
        if any(n in heads or n.split()[0] in ones for n in c.names):
            continue  # "Breitbart" beside "Breitbart News", "Boeing Commercial Airplanes"
        if _person(doc, c, spans, people):
            c.type = "PERSON"
            became.append(c)
        elif not sports and _place(doc, c, spans, people):
            c.type = "GPE"
        elif not (_plain_word(c, full) and not _after_article(doc, spans)) and not _spacy_org(
            doc, spans
        ):
            c.type = "MISC"
    return became


_TITLE_CODES = frozenset(["IG", "AG", "DA", "GM", "CEO", "CFO", "COO"])
_VENUES = (
    ("convention", "center"),
    ("convention", "centre"),
    ("exhibition", "centre"),
    ("of", "correction"),
)
_JOINED = re.compile(r"[A-Z][\w.'’-]* (?:and|&) [A-Z][\w.'’-]*")


def _no_body(c: Cluster, people: set[str]) -> EntityType:
    """MISC for an "organisation" named by a title ("the IG's investigation", "the State
    Department IG"), a health programme ("Medicare"), two names joined ("WBA & IBO") or a
    family ("The Ebelings" beside "Ebeling"); FAC for a venue ("the Tampa Convention
    Center", "the Bristol County House of Correction"); else ORG."""
    for name in c.names:
        words = name.split()
        if words[-1] in _TITLE_CODES:
            return "MISC"
        if len(words) == 1 and name.lower().endswith(("care", "caid")):
            return "MISC"  # "Medicare", "Medicaid", "Obamacare": programmes
        if _JOINED.fullmatch(name) and not ORG_WORDS.intersection(w.lower() for w in words):
            return "MISC"  # two names in one: "Braynard and Chrabaszcz", "WBA & IBO"
        if len(words) == 1 and _plural(name) and name[:-1] in people:
            return "MISC"
        if len(words) > 2 and tuple(w.lower() for w in words[-2:]) in _VENUES:
            return "FAC"
    return "ORG"


_COMPASS = frozenset(["North", "South", "East", "West", "Midwest", "Northeast", "Southwest"])
_CLOCK = re.compile(r"(?:\d{1,2}[:.]\s?\d{2}\s?(?:[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)\s*$", re.I)


def _place_kind(doc: Doc, c: Cluster) -> EntityType:
    """LOC for a point of the compass ("all of South"); MISC for a zone after a clock time
    ("7:00pm UK"); ORG for a one-word "place" a known organisation is named after, no big
    city ("at Stanford", "polls from Quinnipiac"); else GPE."""
    names = set(c.names)
    if names <= _COMPASS:
        return "LOC"
    if all(_CLOCK.search(text_of(doc), max(0, s - 16), s) for s, _e, _t, k, _l in c.mentions):
        return "MISC"
    if len(names) == 1:
        (name,) = names
        known = known_orgs()
        uni = name in known or f"{name} University" in known or f"{name} College" in known
        if " " not in name and uni and geo.country(name) is None and not geo.major_place(name):
            return "ORG"
    return "GPE"


def _after_article(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """A one-word name after "a"/"an" ("tossing a Dumpster") is a thing, no organisation."""
    return any(a >= 1 and doc[a - 1].lower_ in ("a", "an") for a, _b in spans)


def _plain_word(c: Cluster, full: set[str]) -> bool:
    """One word that is no English word, first name, person's name or place ("Lockheed",
    "Xinhua"): spaCy's ORG stands."""
    names = c.names
    return all(
        " " not in n
        and n.isalpha()
        and n[:1].isupper()
        and not common_word(n)
        and n not in given_names()
        and n not in full
        and not known_place(n)
        for n in names
    )
