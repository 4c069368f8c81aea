"""Name spans: spaCy's NER corrected by our rules (dateline, gazetteer names, country codes,
name bounds and type votes from ``shape``, names spaCy left unlabelled from ``recover``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry
from spacy.tokens import Doc

from newskb.extract.entities.forms import (
    TITLE_CODES,
    TITLES,
    area_type,
    caps_title,
    clock_words,
    dateline_place,
    headline_cut,
    headline_line,
    headline_only,
    junk_name,
    named_place,
    org_in_context,
    person_after_role,
    person_in_context,
    person_shape,
    product_shape,
    social_cut,
)
from newskb.extract.entities.kinds import context_kind, kind_type, other_kind
from newskb.extract.entities.roles import HONORIFICS, ROLE_HEADS
from newskb.extract.entities.shape import (
    MODEL,
    airline,
    common_words,
    descriptor_type,
    extend_person,
    flight_at,
    glued_modifier,
    no_name,
    outlet_type,
    place_context,
    role_led_person,
    sentence_period,
    shape_type,
    trim_tokens,
)
from newskb.extract.entities.votes import (
    facility_type,
    head_type,
    known_place,
    locative,
    own_place_name,
    region_or_country,
)
from newskb.model import Article, EntityType
from newskb.nlp.docs import token_table
from newskb.resolve import geo
from newskb.resolve.gazetteer import load as load_gazetteer
from newskb.resolve.keys import demonyms

LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "FAC",
    "LAW": "LAW",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "WORK_OF_ART",
}
_TRAIL = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name in the text with its type; ``tok`` is the index of its last token."""

    start: int
    end: int
    text: str
    type: EntityType
    tok: int
    firm: bool = False  # typed by the words around it ("retailer Best Buy"): holds for the name


@functools.lru_cache(maxsize=1)
def _gazetteer_phrases() -> dict[str, list[tuple[tuple[str, ...], EntityType]]]:
    """First word -> (words, type) for every multi-word or all-caps gazetteer alias."""
    out: dict[str, list[tuple[tuple[str, ...], EntityType]]] = {}
    for e in load_gazetteer().entries:
        if e.type == "PERSON":
            continue
        for alias in (e.name, *e.aliases):
            words = tuple(alias.replace("the ", "").split())
            if not words or not words[0][:1].isupper():
                continue
            if len(words) == 1 and len(alias) < 3:
                continue
            out.setdefault(words[0], []).append((words, e.type))
    for v in out.values():
        v.sort(key=lambda wt: -len(wt[0]))
    return out


def _gazetteer_type(text: str, etype: EntityType) -> EntityType:
    """The gazetteer's type for a non-person name it knows (``Oval Office`` is a FAC)."""
    known = load_gazetteer().exact(text)
    if etype == "PERSON":
        if " " in text or not known or any(e.type == "PERSON" for e in known):
            return etype
        return known[0].type  # "Twitter", "Ryanair": one word spaCy took for a person
    if known and all(e.type == "PERSON" for e in known) and len(text.split()) > 1:
        return "PERSON"  # "Olaf Scholz" tagged ORG
    hits = [e for e in known if e.type != "PERSON"]
    if len(hits) == 1 and etype in ("ORG", "FAC", "GPE", "LOC"):
        return hits[0].type
    if etype == "ORG" and text.replace(".", "").isupper() and geo.country(text) is not None:
        return "GPE"
    return etype


def _after_title(doc: Doc, start: int, end: int) -> bool:
    """``spokeswoman Sandy Angers``: a name of two or three words right after a title word."""

    if start == 0 or not 2 <= end - start <= 3:
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
        return False
    prev = doc[start - 1]
    return prev.lower_.rstrip(".") in ROLE_HEADS and prev.pos_ in ("NOUN", "PROPN", "")


def _dateline_spans(article: Article, doc: Doc) -> tuple[tuple[int, int] | None, list[NameSpan]]:
    """The dateline line (``Kyiv • UNN``) as its place (GPE) and agency (ORG)."""
    dl = article.dateline
    if dl is None or article.body_start <= 0:
        return None, []
    text = article.text
    end = text.rfind("\n", 0, article.body_start)
    end = end if end >= 0 else article.body_start
    start = text.rfind("\n", 0, end) + 1
    out: list[NameSpan] = []
    for part, etype in ((dl.place, "GPE"), (dl.agency, "ORG")):
        if not part:
            continue
        at = text.find(part, start, end)
        if at < 0:
            continue
        tok = doc.char_span(at, at + len(part), alignment_mode="expand")
        last = tok.end - 1 if tok is not None else 0
        out.append(NameSpan(at, at + len(part), part, etype, last))  # type: ignore[arg-type]
    return (start, end), out


_FAITHS = frozenset(["islam", "christianity", "hellenism", "santeria", "voodoo"])


def _plural_demonym(word: str) -> bool:
    """ "uzbeks", "afghans" (not "usi", not "us")."""
    return len(word) > 4 and word.endswith("s") and word[:-1] in demonyms()


_AGED = re.compile(r"\d+\s*-\s*year\s*-\s*old\s+$")
_STANCE = re.compile(r"(?i:pro|anti|pan|non)-")


def _model_number_after(doc: Doc, end: int) -> bool:
    """A model designation follows the name ("A330-200", "787")."""
    return end < len(doc) and MODEL.fullmatch(doc[end].text) is not None


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def stripped_code(text: str) -> bool:
    """True for an ISO currency code ("USD", "EUR") that spaCy took for a name."""
    return len(text) == 3 and text.isupper() and text in _currency_codes()


def _person_start(doc: Doc, start: int, end: int) -> int:
    """First token of the name proper in a PERSON span: descriptive lower-case words and titles
    before it are not part of it ("magician David Gish", "Prof. Patrizia d'Ettorre")."""

    i = start
    while i < end - 1:
        t = doc[i]
        word = t.lower_.rstrip(".")
        if t.text[:1].islower() or word in ROLE_HEADS or word in HONORIFICS or t.text == ".":
            i += 1
            continue
        if word in TITLE_CODES and t.is_upper:  # "WR Jackson", "QB Cam Newton"
            i += 1
            continue
        break
    return i if doc[i].text[:1].isupper() else start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Name-level bounds: no leading article ("the United States" -> "United States") and no
    line break inside (a headline word glued to the next line's name: keep the longer part)."""
    if "\n" in text[start:end]:
        parts = text[start:end].split("\n")
        best = max(range(len(parts)), key=lambda i: len(parts[i].strip()))
        start += sum(len(p) + 1 for p in parts[:best])
        end = start + len(parts[best])
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    head = text[start : start + 4]
    if head in ("the ", "The ") and end - start > 4 and text[start + 4].isupper():
        start += 4
    return start, end


def _name_span(
    article: Article,
    doc: Doc,
    first: int,
    stop: int,
    etype: EntityType,
    common: frozenset[str] = frozenset(),
) -> NameSpan | None:
    """spaCy's entity ``doc[first:stop]`` with name-level bounds and our type corrections."""
    first, stop = clock_words(doc, first, stop)
    if stop <= first:
        return None  # "07:37 a.m. UTC", "GMT": a time or a zone
    stop = headline_cut(doc, first, stop, common, etype)
    while etype == "PERSON" and stop - first > 2 and headline_line(doc, first):
        rest = doc[first + 1 : first + 3]  # two words written elsewhere without the first
        if not all(t.is_alpha and t.is_title for t in rest) or article.text.count(
            rest.text
        ) <= article.text.count(doc[first : first + 3].text):
            break
        first += 1  # "... Votes To Condemn Donald Trump": a headline's verb before the name
    if headline_only(doc, first, stop):
        return None  # a headline's words, written nowhere else in the article
    first, stop = trim_tokens(doc, first, stop, etype)
    if etype != "PERSON" and flight_at(doc, stop):  # a flight number follows the name
        etype = "ORG"  # "Air France Flight 447": the airline
    if etype != "PERSON" and role_led_person(doc, first, stop):
        first, etype = first + 1, "PERSON"
    if etype in ("ORG", "PERSON") and (at := person_after_role(doc, first, stop)) is not None:
        first, etype = at, "PERSON"  # "Carolina Panthers QB Cam Newton": the person
    if caps_title(doc, first, stop):
        return None  # "ABOUT A BOY": a word of a title in capitals, no name
    if stop - first == 1 and etype in ("FAC", "GPE", "LOC") and doc[first].lower_ in ROLE_HEADS:
        return None  # "the Sheriff's detective": a position, no place
    if etype == "PERSON":
        first, stop = extend_person(doc, first, stop)
        first, stop = social_cut(doc, first, stop)
        if stop <= first:
            return None  # "Twitter @NolteNC": a handle, not a name
    elif etype in ("GPE", "LOC") and airline(doc, first):
        first, etype = first - 1, "ORG"
    last = stop - 1
    if etype in ("ORG", "GPE", "NORP", "FAC", "PRODUCT") and _after_title(doc, first, stop):
        etype = "PERSON"
    if etype == "ORG" and _model_number_after(doc, stop):
        etype, last = "PRODUCT", stop  # "Airbus A380", "Boeing 787": a product, not its maker
    if etype == "PERSON":
        first = _person_start(doc, first, stop)
        around = person_in_context(doc, first, stop)
        if around is None:
            return None  # "the Bat Cave": no person, and no telling what it is
        etype = around
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    text = article.text[start:end]
    for suffix in _TRAIL:
        if text.endswith(suffix) and len(text) > len(suffix):
            end -= len(suffix)
            break
    start, end = _trim(article.text, start, end)
    while start < end and article.text[start].isspace():
        start += 1
    while end > start and article.text[end - 1].isspace():
        end -= 1
    if etype == "PERSON" and sentence_period(article.text[start:end]):
        end -= 1  # "... defeated by James To."
    text = article.text[start:end]
    while etype == "PERSON" and end - start > 2 and article.text[start] in "-–—'’":
        start += 1  # "- Rod Woodson"
        while start < end and article.text[start].isspace():
            start += 1
        text = article.text[start:end]
    if (
        not text
        or (etype == "PERSON" and junk_name(text))
        or _STANCE.match(text)
        or glued_modifier(article.text, start)
        or no_name(article.text, start, end)
    ):
        return None  # "pro-Beijing", "anti-Kremlin": a stance, not the name
    etype = _gazetteer_type(text, outlet_type(text, etype))
    etype = facility_type(text, head_type(text, etype))
    described = descriptor_type(doc, first, etype)
    firm = described != etype
    etype = area_type(text, product_shape(text, shape_type(text, described)))
    etype = kind_type(doc, stop, text, etype)
    if (
        etype in ("ORG", "LOC", "GPE", "FAC")
        and _AGED.search(article.text, max(0, start - 24), start)
        and 2 <= len(text.split()) <= 3
        and all(w.isalpha() and w.istitle() for w in text.split())
        and head_type(text, "PERSON") == "PERSON"
        and not load_gazetteer().exact(text)
        and not own_place_name(text)
    ):
        etype = "PERSON"  # "the slaying of 63 - year - old Madeline Kafoury"
    if (
        etype == "ORG"
        and text.isupper()
        and text.isalpha()
        and text.lower() in common
        and f" {text.lower()} " in article.text  # a word of the text, not of a web address
        and stop < len(doc)
        and doc[stop].is_lower
    ):
        return None  # "FIRE crews from Tiverton": a capitalised common word
    kind = other_kind(doc, first, stop, text, etype)
    if kind is None:
        return None  # "to Taser him", "Defense secretary", "a Puritanical past"
    etype = kind
    etype = person_shape(doc, stop, text, etype)
    if etype in ("ORG", "PERSON") and dateline_place(article.text, start, end):
        etype = "GPE"  # "BEDFORD, N.H. (AP) —", "RANGOON, Burma -"
    if etype == "ORG" and not text.isupper() and region_or_country(text, locative(doc, first)):
        etype = "GPE"  # "Maldives", "Sicily": a country is a place (a team is found later)
    if etype in ("GPE", "ORG", "PERSON") and named_place(doc, first):
        etype = "GPE"  # "the village of Jeyhian", "the Palermo district of Porta Nuova"
    elif etype == "GPE" and not locative(doc, first) and not known_place(text):
        etype = "ORG"  # "Quantcast", "Scientology": one word spaCy took for a place
    elif etype == "GPE" and not locative(doc, first) and not own_place_name(text):
        return None  # "Ava", "Sam": some language's word for a city, here no place
    elif etype in ("ORG", "PERSON") and " " not in text and place_context(doc, first):
        etype = "GPE" if known_place(text) else etype  # "from Herat", "the town of Evansville"
    etype = org_in_context(doc, first, stop, text, etype) or etype
    by_context = context_kind(doc, first, stop, text, etype)
    if by_context is None:
        return None  # "INS Tabar": a ship's prefix alone
    firm = firm or by_context != etype  # the words beside one occurrence type them all
    etype = by_context
    if etype == "ORG" and " " not in text:
        word = text.lower()
        if word.rstrip(".") in TITLES or word in TITLE_CODES:
            return None  # "Msgr", "Lt", "VP": a title, not an organisation
        if word in demonyms() or word.rstrip("s").endswith("ist") or _plural_demonym(word):
            etype = "NORP"  # "Ukrainian", "Scientologist", "Uzbeks"
        elif word in _FAITHS or (word.endswith("ism") and word not in common):
            etype = "NORP"  # "Islam", "Wicca", "Hinduism": a faith, no organisation
    if any(q in text for q in '"“”'):
        return None  # 'the “ Mexico City': a quotation's edge, not a name
    return NameSpan(start, end, text, etype, last, firm)


def name_spans(article: Article, doc: Doc) -> list[NameSpan]:
    """Every name in the article, in text order, without overlaps."""
    zone, spans = _dateline_spans(article, doc)
    common = common_words(doc)
    taken = [False] * len(doc)
    for s in spans:
        cs = doc.char_span(s.start, s.end, alignment_mode="expand")
        if cs is not None:
            for i in range(cs.start, cs.end):
                taken[i] = True
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        if zone is not None and ent.start_char < zone[1] and ent.end_char > zone[0]:
            continue
        if stripped_code(ent.text):
            continue  # "USD": a currency code, not an organisation
        if all(taken[ent.start : ent.end]):
            continue  # the rest of a name a rule already extended ("Michael O' Leary")
        span = _name_span(article, doc, ent.start, ent.end, etype, common)
        if span is not None:
            spans.append(span)
            for i in range(ent.start, span.tok + 1):
                taken[i] = True
    from newskb.extract.entities.recover import unlabelled_names

    spans += _gazetteer_matches(doc, taken)
    spans += unlabelled_names(doc, taken)
    spans.sort(key=lambda s: s.start)
    return spans


def _gazetteer_matches(doc: Doc, taken: list[bool]) -> list[NameSpan]:
    """Known organisations and places that spaCy missed (exact, case-sensitive words); their
    tokens are marked in ``taken``."""
    phrases = _gazetteer_phrases()
    forms = token_table(doc)[0]
    out: list[NameSpan] = []
    i, n = 0, len(doc)
    while i < n:
        options = phrases.get(forms[i]) if not taken[i] else None
        step = 1
        for words, etype in options or ():
            j = i + len(words)
            if (
                j <= n
                and not any(taken[i:j])
                and all(forms[i + k] == w for k, w in enumerate(words))
            ):
                span = doc[i:j]
                out.append(NameSpan(span.start_char, span.end_char, span.text, etype, j - 1))
                taken[i:j] = [True] * (j - i)
                step = len(words)
                break
        i += step
    return out
