"""Person names spaCy cut in two or grew by a word, set right from the rest of the article.


"Valeska Paris, an Australian woman and former Scientologist, has claimed ...": spaCy labels
"Valeska" and "Paris" as two places. Two one-word names written next to each other (one space
between) and followed by ", a/an ..." whose words up to the next punctuation include a word
for a person ("woman", "man", a role or gendered title) are one person's full name. Every
other place where the article writes the two words next to each other is the same name; the
surname alone then reads as the person through the document's votes (``document``).

"Warhol Polaroid exhibits" beside "Andy Warhol" and "the Warhol Polaroids": spaCy's person
"Warhol Polaroid" is the surname of a person the article names in full, followed by a word the
article also writes in the plural or in lower case, a noun, not a second surname.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from newskb.extract.entities.roles import ROLE_HEADS, word_gender
from newskb.extract.entities.spans import NameSpan
from newskb.nlp.docs import text_of

PERSON_NOUNS = frozenset(
    ["woman", "man", "girl", "boy", "person", "teenager", "resident", "citizen", "native"]
)
_LOOK = 6  # words of the apposition read for a person noun


def _person_word(word: str) -> bool:
    w = word.lower()
    return w in PERSON_NOUNS or w in ROLE_HEADS or word_gender(w) is not None


def _apposed(doc: Doc, tok: int) -> bool:
    """The name ending at token ``tok`` is followed by ", a/an ..." naming a person."""
    if tok + 3 >= len(doc) or doc[tok + 1].text != "," or doc[tok + 2].lower_ not in ("a", "an"):
        return False
    for t in doc[tok + 3 : min(len(doc), tok + 3 + _LOOK)]:
        if t.is_punct:
            return False
        if t.pos_ == "NOUN" and _person_word(t.text):
            return True
    return False


def _word(s: NameSpan) -> bool:
    return " " not in s.text and s.text.isalpha() and s.text.istitle()


def apposed_people(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Join two one-word non-person names into one person where an apposition names a person
    right after them, and wherever else the article writes the same two words together."""
    text = text_of(doc)
    joined: set[str] = set()
    for a, b in itertools.pairwise(spans):
        if (
            a.type != "PERSON"
            and b.type != "PERSON"
            and _word(a)
            and _word(b)
            and text[a.end : b.start] == " "
            and _apposed(doc, b.tok)
        ):
            joined.add(f"{a.text} {b.text}")
    if not joined:
        return spans
    out: list[NameSpan] = []
    i = 0
    while i < len(spans):
        a = spans[i]
        c = spans[i + 1] if i + 1 < len(spans) else None
        if (
            c is not None
            and text[a.end : c.start] == " "
            and f"{a.text} {c.text}" in joined
            and not (a.firm or c.firm)
        ):
            out.append(NameSpan(a.start, c.end, text[a.start : c.end], "PERSON", c.tok))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def surname_then_noun(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Cut a two-word person name "S X" to "S" where S is the surname of another person the
    article names in full and X is a noun the article also writes as "Xs" or in lower case."""
    full = [s.text.split() for s in spans if s.type == "PERSON" and " " in s.text]
    words = {t.text for t in doc}
    out: list[NameSpan] = []
    for s in spans:
        parts = s.text.split()
        if (
            s.type == "PERSON"
            and not s.firm
            and len(parts) == 2
            and all(p.isalpha() for p in parts)
            and any(len(f) > 1 and f[-1] == parts[0] and f != parts for f in full)
            and (parts[1] + "s" in words or parts[1].lower() in words)
        ):
            end = s.start + len(parts[0])
            out.append(NameSpan(s.start, end, parts[0], "PERSON", s.tok - 1))
        else:
            out.append(s)
    return out
