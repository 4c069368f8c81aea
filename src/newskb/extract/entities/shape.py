"""Name bounds and type votes read from the words in and around a name.

The news convention the corpora share: a name is its proper-noun words only ("a World Health
Organisation" -> "World Health Organisation", "Sweden 1 - 0" -> "Sweden"), a modifier glued by
a hyphen ("pro-Beijing") is no name, an event is no organisation ("Worldwide Developers
Conference"), "iPod"-style names are products, a common noun right before a name types it
("retailer Best Buy" is an organisation), and a country named in a score line is a team.
"""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from newskb.extract.entities.roles import HONORIFICS, ROLE_HEADS
from newskb.extract.entities.votes import ORG_LAST
from newskb.model import EntityType
from newskb.nlp.docs import text_of
from newskb.resolve import geo

# Lower-case particles that belong to a name ("la Repubblica", "de Gaulle", "al-Amr").
_PARTICLES = frozenset(["de", "la", "le", "du", "da", "di", "del", "van", "von", "al", "el", "bin"])
# Lower-case words that join the words of one name ("Bank of America", "Council on ...").
_JOINERS = frozenset(["of", "and", "&", "for", "on", "at", "in", "upon", "y", "der", "des"])
# Last words of events (OntoNotes EVENT): "Paris Air Show", "Worldwide Developers Conference".
_EVENT_LAST = frozenset(
    [
        "conference",
        "summit",
        "show",
        "expo",
        "festival",
        "olympics",
        "games",
        "championship",
        "championships",
        "tournament",
        "forum",
        "fair",
        "marathon",
        "cup",
        "congress",
        "awards",
    ]
)
# Common nouns that, right before a name, say it is an organisation ("retailer Best Buy").
ORG_NOUNS = frozenset(
    [
        "airline",
        "airlines",
        "carrier",
        "retailer",
        "jeweler",
        "jeweller",
        "manufacturer",
        "maker",
        "airframer",
        "company",
        "firm",
        "group",
        "band",
        "magazine",
        "newspaper",
        "daily",
        "weekly",
        "tabloid",
        "broadcaster",
        "network",
        "channel",
        "website",
        "agency",
        "studio",
        "brand",
        "chain",
        "club",
        "team",
        "party",
        "bank",
        "insurer",
        "operator",
        "subsidiary",
        "outlet",
        "startup",
        "conglomerate",
        "publication",
    ]
)
# Words glued after a name by a hyphen that make a modifier of it ("Warhol-like", "EADS-led").
_SUFFIX_WORDS = frozenset(
    ["like", "based", "born", "led", "owned", "style", "era", "backed", "funded", "run", "made"]
)
_PRODUCT = re.compile(r"i[A-Z][A-Za-z]*")  # "iPod", "iPhones", "iOS"
MODEL = re.compile(r"[A-Z]{0,3}-?\d{2,4}[A-Za-z0-9-]*")  # "A330-200", "787"
_SCORE = re.compile(r"\s*\d{1,2}\s*[-–—]\s*\d{1,2}(?!\d)")
_RESULT = re.compile(
    r"\s+(?:won|lost|drew|beat|defeated|winning|losing|leading|led|trailing)"
    r"\s+\d{1,2}\s*[-–—]\s*\d{1,2}(?!\d)"
)  # "Tunisia lost 1 – 2", "England winning 2 – 1"
_SCORE_BEFORE = re.compile(r"\d{1,2}\s*[-–—]\s*\d{1,2}\s*$")


def glued_modifier(text: str, start: int) -> bool:
    """A name glued by a hyphen to a lower-case prefix ("pro-Beijing", "anti-Pyongyang",
    "non-EU"): a modifier, not a mention of the name."""
    if start < 2 or text[start - 1] != "-":
        return False
    j = start - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j : start - 1]
    return bool(word) and word.islower() and word not in _PARTICLES


def flight_at(doc: Doc, i: int) -> bool:
    """A flight number starts at token ``i`` ("Flight 574")."""
    return i + 1 < len(doc) and doc[i].text == "Flight" and doc[i + 1].like_num


def _place_before_dash(doc: Doc, first: int, stop: int) -> int:
    """ "based in San Jose - Cisco": a known place before a spaced hyphen ends the name (text
    tokenised and joined again writes a dash as a spaced hyphen)."""
    for i in range(first + 1, stop - 1):
        t = doc[i]
        if t.text == "-" and t.whitespace_ and doc[i - 1].whitespace_:
            return i if geo.major_place(doc[first:i].text) else stop
    return stop


def _cut_inside(doc: Doc, first: int, stop: int) -> int:
    """Where a span stops being one name: an opening bracket ("World Health Organisation
    (WHO"), a spaced dash or slash ("San Jose – Cisco"), a flight number after the airline
    ("Adam Air Flight 574"), or a lower-case word that joins no name ("Rathbun the ...")."""
    for i in range(first + 1, stop):
        t = doc[i]
        if t.text in ("(", "["):
            return i
        if t.text in ("–", "—", "/") and t.whitespace_ and doc[i - 1].whitespace_:
            return i
        if flight_at(doc, i):
            return i
        glued = doc[i - 1].text == "-" and not doc[i - 1].whitespace_  # "Cheng Chung-tai"
        of_the = t.lower_ == "the" and doc[i - 1].lower_ in ("of", "and")  # "Republic of the"
        joins = glued or of_the or t.lower_ in _JOINERS or t.lower_ in _PARTICLES
        if t.is_lower and t.is_alpha and not joins:
            return i
    return stop


def trim_tokens(doc: Doc, first: int, stop: int, etype: EntityType) -> tuple[int, int]:
    """Token bounds cut to the name (see ``_cut_inside``): no leading lower-case words ("a",
    "united"), no trailing joiner ("Royal Courts of"), no score after a team ("Sweden 1"), no
    position word after an organisation ("State Department Spokesperson"), unless it follows
    "of" ("Ministry of Justice")."""

    while (
        stop - first > 1
        and doc[first].is_lower
        and doc[first].is_alpha
        and doc[first].lower_ not in _PARTICLES
        and doc[first + 1].text[:1].isupper()
    ):
        first += 1
    stop = _cut_inside(doc, first, stop)
    while stop - first > 1 and doc[stop - 1].lower_ in _JOINERS:
        stop -= 1
    if (
        stop - first > 1
        and doc[stop - 1].like_num
        and _SCORE.match(text_of(doc), doc[stop - 1].idx)
    ):
        stop -= 1
    last = doc[stop - 1]
    # a position word after "of" is part of the name ("Royal Courts of Justice")
    if (
        etype == "ORG"
        and stop - first > 1
        and last.lower_ in ROLE_HEADS
        and doc[stop - 2].lower_ not in _JOINERS
    ):
        stop -= 1
    return first, _place_before_dash(doc, first, stop)


def no_name(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` cannot be a name: no capital letter ("320x240"), or glued to a
    number before it (a unit: "30GB")."""
    return not any(ch.isupper() for ch in text[start:end]) or (
        start > 0 and text[start - 1].isdigit()
    )


def shape_type(text: str, etype: EntityType) -> EntityType:
    """EVENT for a name whose last word names an event; PRODUCT for an "iPod"-style name or
    a maker's name with a model number."""
    words = text.split()
    if etype in ("PERSON", "ORG", "GPE", "LOC", "FAC") and _PRODUCT.fullmatch(words[0]):
        return "PRODUCT"
    if (
        etype == "ORG"
        and len(words) >= 3
        and MODEL.fullmatch(words[-1])
        and all(w[:1].isupper() for w in words[:-1])
    ):
        return "PRODUCT"  # "Rolls-Royce Trent 900": maker, model line and number
    if (
        etype in ("ORG", "GPE", "LOC", "FAC", "PERSON")
        and len(words) > 1
        and words[-1].lower() in _EVENT_LAST
    ):
        return "EVENT"
    return etype


_OUTLET_LAST = frozenset(
    [
        "news",
        "times",
        "post",
        "herald",
        "paper",
        "journal",
        "tribune",
        "gazette",
        "telegraph",
        "chronicle",
        "courier",
        "examiner",
        "inquirer",
    ]
)


def outlet_type(text: str, etype: EntityType) -> EntityType:
    """ORG for a newspaper's name that spaCy took for a work or an event ("the Sydney Morning
    Herald", "The Deseret News"): in news, an outlet is an organisation that reports."""
    words = text.split()
    if (
        etype in ("WORK_OF_ART", "EVENT", "PRODUCT")
        and 2 <= len(words) <= 5
        and words[-1].lower() in _OUTLET_LAST
        and all(w[:1].isupper() for w in words)
        and words[0].lower() not in STOP_WORDS  # "No Jennifer Lopez News Today": a title
    ):
        return "ORG"
    return etype


def descriptor_type(doc: Doc, first: int, etype: EntityType) -> EntityType:
    """ORG for a name right after a common noun naming a kind of organisation."""
    if first == 0 or etype not in ("PERSON", "GPE", "LOC", "FAC", "NORP"):
        return etype
    prev = doc[first - 1]
    if prev.is_lower and prev.lower_ in ORG_NOUNS:
        return "ORG"
    return etype


def extend_person(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    """A person name spaCy cut short: the rest of a hyphenated given name ("Wong Yeung-tat"),
    or the given name before a lone surname ("Carly [Simon]", "Junius [Ho]"): one unlabelled,
    capitalised word that is no title, no function word, not sentence-initial. (Not a word
    after the name: "Warhol Polaroids" would make "Polaroids" a surname.)"""

    def free(i: int) -> bool:
        t = doc[i]
        return (
            t.ent_iob_ == "O"
            and t.is_alpha
            and t.text[:1].isupper()
            and not t.is_upper
            and not t.is_stop
            and not t.is_sent_start
            and t.lower_ not in ROLE_HEADS
            and t.lower_ not in HONORIFICS
        )

    if (
        stop + 1 < len(doc)
        and doc[stop].text == "-"
        and not doc[stop - 1].whitespace_
        and not doc[stop].whitespace_
        and doc[stop + 1].is_alpha
        and doc[stop + 1].lower_ not in _SUFFIX_WORDS
    ):
        return first, stop + 2  # "Wong Yeung-tat": the rest of a hyphenated given name
    if stop - first == 1 and first > 0 and free(first - 1):
        return first - 1, stop
    if _irish_o(doc, stop):
        return first, stop + (2 if doc[stop].text in ("'", "’") else 1)
    return first, stop


def _irish_o(doc: Doc, stop: int) -> bool:
    """ "Michael O' Leary", "Sinead O 'Connor": a person name ending in "O'" that a text
    tokenised and joined again cut off from the rest of the surname."""
    tail = "".join(t.text for t in doc[max(0, stop - 2) : stop])
    if not tail.endswith(("O'", "O’", "O")) or stop >= len(doc):
        return False
    nxt = doc[stop]
    if tail.endswith("O") and nxt.text in ("'", "’") and stop + 1 < len(doc):
        nxt = doc[stop + 1]
    elif tail.endswith("O"):
        return False
    return nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_upper


def role_led_person(doc: Doc, first: int, stop: int) -> bool:
    """A capitalised position word and a two- or three-word name, taken together for an
    organisation at the start of a sentence ("Spokeswoman Sandy Angers said ...")."""

    word = doc[first].lower_.rstrip(".")
    if word not in ROLE_HEADS and word not in HONORIFICS:
        return False
    if doc[stop - 1].lower_.rstrip(".") in ORG_LAST:
        return False  # "General Motors Corporation": an organisation's own first word
    rest = doc[first + 1 : stop]
    return 2 <= len(rest) <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in rest)


def airline(doc: Doc, first: int) -> bool:
    """ "Air China", "Air India": a place right after the word "Air" names an airline."""
    return first > 0 and doc[first - 1].text == "Air" and doc[first - 1].ent_iob_ == "O"


def score_teams(text: str, starts: list[tuple[int, int, str]]) -> set[str]:
    """Names written next to a score ("Sweden 1 – 0 Korea Republic", "Tunisia 1 – 2
    England", "England winning 2 – 1"): teams, not places."""
    teams: set[str] = set()
    for start, end, name in starts:
        if (
            _SCORE.match(text, end)
            or _RESULT.match(text, end)
            or _SCORE_BEFORE.search(text, max(0, start - 12), start)
        ):
            teams.add(name)
    return teams


def sentence_period(name: str) -> bool:
    """A person's name that took in the sentence's final period ("James To."): the last word
    is no initial ("J.") and no abbreviation ("Jr.")."""
    if not name.endswith(".") or " " not in name:
        return False
    last = name.rsplit(" ", 1)[1][:-1]
    return len(last) > 1 and "." not in last and last.lower() not in ("jr", "sr", "st")


def common_words(doc: Doc) -> frozenset[str]:
    """See ``_common_words``; computed once per text."""
    return _common_words(text_of(doc))


@functools.lru_cache(maxsize=8)
def _common_words(text: str) -> frozenset[str]:
    """Words the article writes in lower case more often than capitalised mid-sentence: its
    common nouns ("iodine", "homeopathy"), whatever a sentence start or heading capitalises."""
    lower: dict[str, int] = {}
    for w in _LOWER_WORD.findall(text):
        lower[w] = lower.get(w, 0) + 1
    upper: dict[str, int] = {}
    for m in _TITLE_WORD.finditer(text):
        w = m.group().lower()
        if w not in lower:
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and text[j] not in _SENTENCE_OPENERS:
            upper[w] = upper.get(w, 0) + 1
    return frozenset(w for w, n in lower.items() if n > upper.get(w, 0))


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SENTENCE_OPENERS = frozenset('.!?\n"“‘(:')

_PLACE_NOUNS = frozenset(
    ["town", "city", "village", "suburb", "region", "province", "state", "county", "district"]
)
_IN = frozenset(["in", "at", "near", "from", "into", "across", "throughout", "outside"])


def place_context(doc: Doc, first: int) -> bool:
    """The words before a name say it is a place: "in X", "from X", "the town of X"."""
    if first == 0:
        return False
    prev = doc[first - 1].lower_
    if prev in _IN:
        return True
    return prev == "of" and first > 1 and doc[first - 2].lower_ in _PLACE_NOUNS


def title_case_line(doc: Doc, i: int) -> bool:
    """True when the line holding token ``i`` capitalises every word longer than three
    letters (a headline in title case)."""
    text = text_of(doc)
    start = text.rfind("\n", 0, doc[i].idx) + 1
    end = text.find("\n", doc[i].idx)
    return _title_case(text[start : end if end >= 0 else len(text)])


@functools.lru_cache(maxsize=4096)
def _title_case(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)
