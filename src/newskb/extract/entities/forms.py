"""Forms that are no person's name: clock times and zones ("07:37 a.m. UTC", "GMT"), the
verbs a title-case headline runs into a name ("Warren Jeffs Found Guilty"), and product shapes
("MacBook Pro", "Galaxy S3", "WiFi")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newskb.extract.entities.namelists import common_word
from newskb.extract.entities.roles import HONORIFICS, ROLE_HEADS
from newskb.extract.entities.shape import ORG_NOUNS, title_case_line
from newskb.extract.entities.votes import ORG_LAST, known_place, region_or_country
from newskb.extract.times.lexicon import ZONE_ABBREVIATIONS
from newskb.model import EntityType
from newskb.nlp.docs import text_of
from newskb.resolve import geo
from newskb.resolve.keys import demonyms

_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{1,2}|[ap]\.?m\.?|[AP]\.?M\.?")


def clock_words(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    """Token bounds without the clock time and zone words at either end ("07:37 a.m. UTC",
    "04:20 Kyiv", "GMT"): a time or a zone is never a name. Empty bounds when nothing is left."""

    def clocky(i: int) -> bool:
        t = doc[i].text
        return _CLOCK.fullmatch(t) is not None or t in ZONE_ABBREVIATIONS

    had_clock = any(
        ":" in doc[i].text and _CLOCK.fullmatch(doc[i].text) for i in range(first, stop)
    )
    while first < stop and clocky(first):
        first += 1
    while stop > first and clocky(stop - 1):
        stop -= 1
    if had_clock and stop - first == 1 and doc[first].text[:1].isupper():
        return first, first  # "04:20 Kyiv": the zone's city, said as a time
    return first, stop


# Words after a product line's name that make the name a product ("MacBook Pro", "Galaxy S3").
_EDITIONS = frozenset(["pro", "plus", "max", "mini", "air", "ultra", "lite", "se", "hd", "touch"])
_STRONG_EDITIONS = frozenset(["pro", "plus", "max", "mini", "ultra", "lite"])
_VERSION = re.compile(r"v?\d+(?:\.\d+)*[A-Za-z]{0,2}|[A-Z]\d{1,3}[A-Za-z]?")
_CODE = re.compile(r"[A-Za-z]{1,4}\d{1,3}")
_CAMEL = re.compile(r"[A-Za-z][a-z]+[A-Z][A-Za-z]*")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O)[A-Z][a-z]+")


def camel(word: str) -> bool:
    """A word with a capital inside that no surname has ("MacBook", "PlayStation", "WiFi";
    not "McCain", "DeGeneres", "MacFarlane")."""
    return _CAMEL.fullmatch(word) is not None and _NAME_PREFIX.fullmatch(word) is None


def product_shape(text: str, etype: EntityType) -> EntityType:
    """PRODUCT for a name shaped like a product: a line name with an edition or version word
    ("MacBook Pro", "iPhone 4S", "Galaxy S III"), or one inner-capital word no person has
    ("WiFi"). An all-capital single word is no person's name ("LTE"): an organisation."""
    words = text.split()
    if etype not in ("PERSON", "ORG", "GPE", "LOC"):
        return etype
    last = words[-1]
    numbered = any(ch.isdigit() for ch in last) and _VERSION.fullmatch(last) is not None
    if len(words) >= 2 and (last.lower() in _EDITIONS or numbered):
        strong = last.lower() in _STRONG_EDITIONS
        if etype == "PERSON" or camel(words[0]) or (strong and etype != "GPE"):
            return "PRODUCT"
    if etype in ("GPE", "PERSON") and len(words) == 1 and _CODE.fullmatch(text):
        return "PRODUCT"  # "IE6": a version, not a place
    if etype == "PERSON" and len(words) == 1 and camel(text):
        return "PRODUCT"  # "WiFi" (not "LuAnn Marie Johnson")
    if etype == "PERSON" and len(words) == 1 and text.isupper() and len(text) > 1:
        return "ORG"
    return etype


_LEADING_SPACE = re.compile(r"\s*")
_HEAD_GLUE = frozenset(["of", "and", "&", "for", "the", "de", "la", "al"])


def headline_line(doc: Doc, i: int) -> bool:
    """Token ``i`` sits on a headline: a title-case line that ends without a full stop (not
    a caption or credit line such as "Image: United States Navy.")."""
    if not title_case_line(doc, i):
        return False
    text = text_of(doc)
    lead = _LEADING_SPACE.match(text)
    if text.find("\n", lead.end() if lead else 0, doc[i].idx) < 0:
        return True  # the article's first line: its title, full stop or none
    end = text.find("\n", doc[i].idx)
    return not text[doc[i].idx : end if end >= 0 else len(text)].rstrip().endswith(".")


def headline_cut(
    doc: Doc, first: int, stop: int, common: frozenset[str], etype: EntityType = "PERSON"
) -> int:
    """A name on a headline line in title case ends before the first word that is no part of
    a name: a verb or preposition ("Warren Jeffs Found Guilty", "Sudan Bombs South Sudanese
    Refugee Camp", "Lindsay Lohan Checks Into Rehab"), told by its tag or by the article
    writing the word in lower case elsewhere, or by the article writing the name's first
    words elsewhere without the rest."""
    if stop - first < 2 or not headline_line(doc, first):
        return stop
    text = text_of(doc)
    if text.count(doc[first:stop].text) == 1:  # written nowhere else whole
        for k in range(stop - 1, first, -1):
            own = etype == "PERSON" or text.count(doc[k].text) == 1  # a word of this line only
            if own and doc[k - 1].is_alpha and text.count(doc[first:k].text) > 1:
                return k  # "Warren Jeffs Found Guilty" beside "Warren Jeffs" in the body
    for i in range(first + 1, stop):
        t = doc[i]
        if t.lower_ in _HEAD_GLUE or not t.is_alpha:
            continue
        if t.pos_ in ("VERB", "AUX", "ADP", "ADV", "PRON") or t.lower_ in common:
            return i
    return stop


# Last words that make a "person" a place: administrative areas, waters and land, buildings
# (none of them a common surname: not "Hall", "Park", "Lake", "Bay").
_AREA_LAST: dict[str, EntityType] = {
    **dict.fromkeys(
        ["county", "province", "district", "township", "prefecture", "parish", "governorate"],
        "GPE",
    ),
    **dict.fromkeys(["river", "mountains", "island", "islands", "ocean", "desert"], "LOC"),
    **dict.fromkeys(
        ["mosque", "airport", "stadium", "arena", "cathedral", "church", "avenue", "boulevard"],
        "FAC",
    ),
}


def area_type(text: str, etype: EntityType) -> EntityType:
    """A place for a "person" whose last word names a kind of place ("Marion County")."""
    words = text.split()
    if etype == "PERSON" and len(words) > 1:
        return _AREA_LAST.get(words[-1].lower(), etype)
    return etype


def junk_name(text: str) -> bool:
    """A "name" holding a number or a word without letters ("Charles ’ 80 -"): no name."""
    return any(ch.isdigit() for ch in text) or any(
        not any(c.isalpha() for c in w) and w not in ("-", "&") for w in text.split()
    )


def headline_only(doc: Doc, first: int, stop: int) -> bool:
    """A name on a title-case headline line none of whose words the article writes anywhere
    else ("Daring Diamond Heist", "Beauty Parade"): a headline, not a name."""
    if not headline_line(doc, first):
        return False
    text = text_of(doc)
    return all(
        text.count(t.text) == sum(1 for u in doc[first:stop] if u.text == t.text)
        for t in doc[first:stop]
        if t.is_alpha
    )


_LETTERS = re.compile(r"[A-Z]'?s")  # "Xs", "O's": letters in the plural
TITLES = HONORIFICS | ROLE_HEADS | frozenset(["sgt", "lt", "capt", "det", "cpl", "col", "gen"])
TITLES |= frozenset(["gov", "govs", "sen", "sens", "rep", "reps", "pres", "supt"])
# Abbreviated positions, no body's name ("failed VP candidate", "QB Cam Newton").
TITLE_CODES = frozenset(["vp", "ceo", "cfo", "coo", "cto", "qb", "svp", "evp", "wr", "rb", "lb"])
# One-word names of awards and games, said of a person's feat ("Olympic swimmer", "second
# Oscar tour", "an Emmy"): no person, and on their own no organisation either.
_AWARDS = frozenset(
    [
        "olympic",
        "olympics",
        "oscar",
        "oscars",
        "emmy",
        "emmys",
        "grammy",
        "grammys",
        "nobel",
        "pulitzer",
        "tonys",
        "bafta",
    ]
)
# Prefixes of ships' names ("MV Gibe", "INS Mysore", "USS Cole"): vehicles, not people.
_SHIP = frozenset(["MV", "MS", "MT", "SS", "RMS", "HMS", "HMCS", "HMAS", "USS", "USNS", "INS"])


def person_in_context(doc: Doc, first: int, stop: int) -> EntityType | None:
    """The type the words around a "person" give it, or None to drop it: a ship's prefix
    makes a vehicle (PRODUCT); "the" before it makes no person ("the Rams" is a team: ORG
    when plural, else dropped); a title in quotes is a work ("Van Wilder" in quotes); a
    kind of organisation after it makes an organisation ("Kathimerini newspaper")."""
    text = text_of(doc)
    words = doc[first:stop]
    if words[0].text in _SHIP and stop - first > 1:
        return "PRODUCT"
    if stop - first == 1 and words[0].lower_.rstrip(".") in TITLES:
        return None  # "Sgt": a title alone
    if all(len(t.text.rstrip(".")) <= 1 for t in words) or not any(t.is_alpha for t in words):
        return None  # "N. J.": initials without a name; "-"
    if stop - first == 1 and (_LETTERS.fullmatch(words[0].text) or words[0].lower_ in _AWARDS):
        return None  # "Xs and Os"; "Olympic swimmer", "Oscar tour"
    if stop - first == 1 and first > 0 and doc[first - 1].like_num:
        return None  # "357 Magnum", "26 Somani brigands": a count or a calibre before no name
    if place_kind_before(doc, first):
        return "GPE"  # "the villages Kavouhi and Zinabieh"
    if stop + 1 < len(doc) and doc[stop].text in ("'", "’") and doc[stop + 1].lower_ == "t":
        return None  # "Don ’ t"
    last = words[-1].lower_
    if (
        doc[stop - 2].text == "-"
        and stop - first > 1
        and last.endswith(("ing", "ed", "like"))
        and common_word(last)  # "Yau Wai-ching", "Lam Cheuk-ting": a given name's syllable
    ):
        return None  # "Oscar-winning": a modifier, not "Cheng Chung-tai"
    if stop - first == 1 and words[0].lower_.endswith("s") and words[0].lower_[:-1] in demonyms():
        return "NORP"  # "Greeks"
    if (
        stop < len(doc)
        and doc[stop].is_lower
        and doc[stop].pos_ in ("NOUN", "ADJ")
        and known_place(words.text)
        and geo.place(words.text) is not None
    ):
        return "GPE"  # "a 66-year-old Burnsville woman", "the Zaporizhzhia nuclear power plant"
    if (
        stop + 1 < len(doc)
        and doc[stop].text == ","
        and region_or_country(doc[stop + 1 : stop + 3].text.rstrip(",."), True)
        and geo.place(words.text) is not None
    ):
        return "GPE"  # "Old Tappan, N. J."
    if first > 0 and doc[first - 1].lower_ == "the":
        return "ORG" if words[-1].text.endswith("s") and words[-1].text[-2:] != "ss" else None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if start > 0 and end < len(text) and text[start - 1] in "\"“'‘" and text[end] in "\"”'’":
        return "WORK_OF_ART"
    if stop < len(doc) and doc[stop].lower_ in ORG_NOUNS and doc[stop].is_lower:
        return "ORG"
    if (
        stop - first == 1
        and first > 0
        and doc[first - 1].lower_ in ("of", "in", "from")
        and stop < len(doc)
        and doc[stop].text == ","
        and geo.place(words[0].text) is not None
    ):
        return "GPE"  # "LuAnn Marie Johnson, of Burnsville, was killed"
    return "PERSON"


_PLACE_KINDS = frozenset(
    [
        "district",
        "town",
        "city",
        "village",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "province",
        "region",
        "county",
        "island",
        "port",
        "hometown",
        "capital",
    ]
)


def place_kind_before(doc: Doc, first: int) -> bool:
    """A kind of place right before a one-word name, or before the name listed ahead of it:
    "the villages Kavouhi and Zinabieh", "the town Kavouhi"."""
    if first > 0 and doc[first - 1].lower_.rstrip("s") in _PLACE_KINDS:
        return True
    return (
        first > 2
        and doc[first - 1].lower_ in ("and", "or", ",")
        and doc[first - 2].text[:1].isupper()
        and doc[first - 3].lower_.rstrip("s") in _PLACE_KINDS
    )


def named_place(doc: Doc, first: int) -> bool:
    """ "the district of Porta Nuova", "the town of Forks": a kind of place and "of" before."""
    return first > 1 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in _PLACE_KINDS


def org_in_context(
    doc: Doc, first: int, stop: int, text: str, etype: EntityType
) -> EntityType | None:
    """An "organisation" the words around it retype: a ship after its prefix ("INS Sukanya":
    PRODUCT); a known place used as a modifier ("a Huntsville prison": GPE)."""
    if etype not in ("ORG", "GPE", "PERSON"):
        return None
    if first > 0 and doc[first - 1].text in _SHIP:
        return "PRODUCT"
    if etype == "ORG" and stop - first == 1 and place_kind_before(doc, first):
        return "GPE"  # "the villages Kavouhi and Zinabieh"
    if (
        etype == "ORG"
        and stop - first == 1
        and stop < len(doc)
        and doc[stop].is_lower
        and doc[stop].pos_ == "NOUN"
        and doc[stop].lower_ not in ORG_NOUNS
        and (not text.isupper() or geo.country(text) is not None)  # not "DUI arrest"
        and geo.place(text) is not None
    ):
        return "GPE"
    return None


_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+")
_WHO = frozenset(["who", "whose", "whom"])


def person_shape(doc: Doc, stop: int, text: str, etype: EntityType) -> EntityType:
    """PERSON for an "organisation" or "place" shaped like a person's name: a given name,
    a middle initial and a surname ("Dwight D. Eisenhower"), or a two- or three-word name
    that "who" follows ("Vito Genovese, who was a Mafia leader"), unless an organisation's
    head word ends it."""
    if etype not in ("ORG", "GPE") or text.isupper():
        return etype
    if _MIDDLE_INITIAL.fullmatch(text):
        return "PERSON"
    words = text.split()
    if (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and words[-1].lower() not in ORG_LAST
        and not words[-1].endswith("s")  # "the New York Mets, who": a team
        and stop + 1 < len(doc)
        and doc[stop].text == ","
        and doc[stop + 1].lower_ in _WHO
    ):
        return "PERSON"
    return etype


def person_after_role(doc: Doc, first: int, stop: int) -> int | None:
    """The first token of a person's name that an "organisation" span ends with after a
    position word ("Carolina Panthers QB Cam Newton", "Federal Reserve Chairman Ben
    Bernanke"), or None."""
    for i in range(first + 1, stop - 1):
        word = doc[i].lower_.rstrip(".")
        if word in TITLE_CODES or word in ROLE_HEADS:
            rest = doc[i + 1 : stop]
            if 2 <= len(rest) <= 3 and all(t.is_alpha and t.is_title for t in rest):
                return i + 1
            return None
    return None


def caps_title(doc: Doc, first: int, stop: int) -> bool:
    """A name in capitals that unlabelled words in capitals run on into ("ABOUT A BOY",
    "HE'S DEMONSTRATED A PENCHANT"): a title or a shout, not a name (not "UN, OSCE")."""
    head = doc[first].text
    if not (head.isupper() and head.isalpha()):
        return False
    if not all(t.is_upper and t.is_alpha for t in doc[first:stop]):
        return False

    def shouted(k: int) -> bool:
        t = doc[k]
        return t.is_upper and t.ent_iob_ == "O" and (t.is_alpha or t.text in ("'S", "’S"))

    run: list[int] = []
    k = first - 1
    while k >= 0 and shouted(k):
        run.append(k)
        k -= 1
    k = stop
    while k < len(doc) and shouted(k):
        run.append(k)
        k += 1
    return any(len(doc[k]) >= 3 for k in run)


def dateline_place(text: str, start: int, end: int) -> bool:
    """A name in capitals opening a line, a comma after it ("BEDFORD, N.H. (AP) —"): the
    dateline's place."""
    name = text[start:end]
    return (
        len(name) > 2
        and name.isupper()
        and (start == 0 or text[start - 1] == "\n")
        and text[end : end + 1] == ","
    )


_POSSESSIVE = frozenset(["'s", "’s"])


def social_cut(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    """A person's name without what runs on after a possessive ("Donald Trump's Muslim Ban",
    "Dave Leip's Atlas"), without the imperative of a sign-off line ("Follow Jeff Poor on
    Twitter"), and none at all where a social-media handle is in it ("Twitter @NolteNC")."""
    last = doc[stop - 1]
    words = text_of(doc)[doc[first].idx : last.idx + len(last)]
    if not any(c in words for c in "@:'’") and not words.startswith("Follow"):
        return first, stop  # nothing to cut (most names)
    if "@" in words:
        return first, first
    if stop - first >= 2 and doc[first].text == "Follow":
        first += 1
    for k in range(first + 1, stop):
        if doc[k].text in _POSSESSIVE or doc[k].text == ":":
            return first, k  # "Marco Rubio: Retirement accounts": a heading runs on
    return first, stop
