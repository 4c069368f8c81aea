"""A person's name spaCy cut in two, read back from an apposition that calls it a person.

"Valeska Paris, an Australian woman and former Scientologist, has claimed ...": spaCy labels
"Valeska" and "Paris" as two places. Two one-word names written next to each other (one space
between) and followed by ", a/an ..." whose words up to the next punctuation include a word
for a person ("woman", "man", a role or gendered title) are one person's full name. Every
other place where the article writes the two words next to each other is the same name; the
surname alone then reads as the person through the document's votes (``document``).
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
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (
            (c := nxt) is not None
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
