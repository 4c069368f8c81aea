"""Names spaCy's small model leaves unlabelled, found by their shape and typed by their head.

A run of two or more capitalised words in the middle of a sentence ("Mecca's Grand Mosque",
"the Deseret News", "the Sea Org") is a name when no model label covers it. Its type comes
from its last word: organisation heads ("News", "Ministry", "Democrats"), place and facility
heads ("Mosque", "Station", "Plains"); a run with no such head is left alone (titles of works,
products and events look the same); an acronym after a person's name and "of" is the
person's organisation ("Frederick Fung of ADPL"). Lines written in title case (headlines) are
left alone: there every word is capitalised.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newskb.extract.entities.kinds import context_kind
from newskb.extract.entities.roles import HONORIFICS, ROLE_HEADS
from newskb.extract.entities.shape import title_case_line
from newskb.extract.entities.spans import NameSpan
from newskb.extract.entities.votes import ORG_LAST
from newskb.model import EntityType
from newskb.nlp.docs import token_table

_ORG_HEADS = ORG_LAST | frozenset(
    [
        "news",
        "times",
        "post",
        "democrats",
        "republicans",
        "socialists",
        "greens",
        "army",
        "navy",
        "police",
        "force",
        "forces",
        "guard",
        "office",
        "court",
        "board",
        "authority",
        "service",
        "services",
        "network",
        "museum",
        "school",
        "church",
        "team",
        "club",
        "union",
        "alliance",
        "coalition",
        "front",
        "movement",
        "security",
    ]
)
_PLACE_HEADS: dict[str, EntityType] = {
    **{
        w: "FAC"
        for w in (
            "mosque",
            "station",
            "hotel",
            "hall",
            "cathedral",
            "temple",
            "airport",
            "bridge",
            "tower",
            "towers",
            "stadium",
            "arena",
            "palace",
            "square",
            "street",
            "avenue",
            "road",
            "centre",
            "center",
        )
    },
    **{
        w: "LOC"
        for w in (
            "plains",
            "river",
            "lake",
            "mountain",
            "mountains",
            "island",
            "islands",
            "bay",
            "valley",
            "sea",
            "ocean",
            "desert",
            "coast",
            "peninsula",
            "park",
        )
    },
}
_MAX_WORDS = 4
_JOINERS = frozenset(["and", "of", "&", "for"])


def _capitalised(t: Token) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not (t.is_upper and len(t) > 1)


def _type(words: list[Token]) -> EntityType | None:
    last = words[-1].lower_
    if last in _PLACE_HEADS:
        return _PLACE_HEADS[last]
    if last in _ORG_HEADS:
        return "ORG"
    return None


def _member_acronym(doc: Doc, i: int) -> bool:
    """ "Frederick Fung of ADPL": an unlabelled acronym after a person's name and "of"."""
    t = doc[i]
    return (
        t.ent_iob_ == "O"
        and t.is_alpha
        and t.is_upper
        and 2 <= len(t) <= 6
        and i >= 2
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].ent_type_ == "PERSON"
    )


def unlabelled_names(doc: Doc, taken: list[bool]) -> list[NameSpan]:
    """Capitalised runs outside every spaCy entity and every span found so far."""

    out: list[NameSpan] = []
    forms = token_table(doc)[0]
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not forms[i][:1].isupper():
            i += 1
            continue
        t = doc[i]
        if _member_acronym(doc, i):
            out.append(NameSpan(t.idx, t.idx + len(t), t.text, "ORG", i))
            i += 1
            continue
        if t.ent_iob_ != "O" or not _capitalised(t) or t.is_sent_start or t.is_stop:
            i += 1
            continue
        j = i
        while j < n and not taken[j] and doc[j].ent_iob_ == "O" and _capitalised(doc[j]):
            j += 1
        words = list(doc[i:j])
        i = j
        first = words[0].i
        titled = first > 0 and doc[first - 1].text == "The" and not doc[first - 1].is_sent_start
        if titled and 1 <= len(words) <= _MAX_WORDS and not title_case_line(doc, first):
            etype = _type(words) or "ORG"  # mid-sentence "The Onion", "The Beatles": a title
            span = doc[first : words[-1].i + 1]
            etype = context_kind(doc, span.start, span.end, span.text, etype) or etype
            out.append(NameSpan(span.start_char, span.end_char, span.text, etype, span.end - 1))
            continue
        if first >= 2 and doc[first - 1].lower_ in _JOINERS and doc[first - 2].ent_iob_ != "O":
            continue  # the tail of a longer name ("European Aeronautic Defence and Space ...")
        if (
            first >= 2
            and doc[first - 1].text == "-"
            and not doc[first - 2].whitespace_
            and not doc[first - 1].whitespace_
            and _capitalised(doc[first - 2])
            and not taken[first - 2]
        ):
            words = [doc[first - 2], doc[first - 1], *words]  # "Al-Ghaza Hotel"
        if not 2 <= len(words) <= _MAX_WORDS + 2 or title_case_line(doc, words[0].i):
            continue
        if any(w.lower_ in ROLE_HEADS or w.lower_ in HONORIFICS for w in words):
            continue
        if any(w.pos_ and w.pos_ not in ("PROPN", "PUNCT") for w in words):
            continue  # a parsed sentence says these are not all proper nouns
        headed = _type(words)
        if headed is None:
            continue
        span = doc[words[0].i : words[-1].i + 1]
        headed = context_kind(doc, span.start, span.end, span.text, headed) or headed
        out.append(NameSpan(span.start_char, span.end_char, span.text, headed, span.end - 1))
    return out
