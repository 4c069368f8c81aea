"""Roles and characterisations written next to a person's name, and the gender they imply.

"White House spokeswoman Caroline Levitt": the words before the name up to a clause boundary
form a descriptor; it is a *role* when its head noun names a position or occupation, otherwise
(e.g. "Russian dictator") an evaluative *characterisation* by the outlet. Appositions after the
name (", the White House press secretary,") are read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token


def _load_titles() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Title words from ``data/titles.tsv``: (role heads, honorifics, female, male)."""
    text = (resources.files("newskb.extract.entities") / "data" / "titles.tsv").read_text("utf-8")
    roles: set[str] = set()
    honorific: set[str] = set()
    female: set[str] = set()
    male: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, what, gender = line.split("\t")
        {"role": roles, "honorific": honorific}.get(what, set()).add(word)
        {"f": female, "m": male}.get(gender, set()).add(word)
    return frozenset(roles), frozenset(honorific), frozenset(female), frozenset(male)


# head nouns of positions and occupations (the vocabulary of titles, not of any one article)
ROLE_HEADS, _HONORIFIC, _FEMALE, _MALE = _load_titles()
HONORIFICS = _HONORIFIC


def word_gender(word: str) -> str | None:
    """ "f"/"m" for a gendered title word ("spokeswoman", "Mrs."), else None."""
    w = word.lower().rstrip(".")
    return "f" if w in _FEMALE else "m" if w in _MALE else None


_DESCRIPTOR_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADP", "DET", "PUNCT", "NUM", "CCONJ"})
_MAX_WORDS = 9


@dataclass(frozen=True, slots=True)
class Descriptor:
    text: str
    is_role: bool
    gender: str | None


def _head(words: list[Token]) -> Token | None:
    """The head noun: the last noun before the first ``of``, else the last noun."""
    cut = next((i for i, t in enumerate(words) if t.lower_ == "of"), len(words))
    nouns = [t for t in words[:cut] if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


def _gender(words: list[Token]) -> str | None:
    for t in words:
        w = t.lower_.rstrip(".")
        if w in _FEMALE:
            return "f"
        if w in _MALE:
            return "m"
    return None


def _classify(words: list[Token]) -> Descriptor | None:
    while words and (words[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ") or words[0].lower_ == "of"):
        words = words[1:]
    while words and words[-1].pos_ in ("PUNCT", "DET", "ADP", "CCONJ"):
        words = words[:-1]
    if not words:
        return None
    head = _head(words)
    gender = _gender(words)
    if head is None:
        return None
    lemma = head.lower_.rstrip(".")
    if lemma in _HONORIFIC:
        return Descriptor("", False, gender)
    text = words[0].doc[words[0].i : words[-1].i + 1].text
    if lemma in ROLE_HEADS or head.lemma_.lower() in ROLE_HEADS:
        return Descriptor(text, True, gender)
    if head.pos_ == "NOUN" and head.text.islower():
        return Descriptor(text, False, gender)
    return None


def before(doc: Doc, first_tok: int, sent_start: int) -> Descriptor | None:
    """The descriptor written right before a name (``US President`` Donald Trump)."""
    words: list[Token] = []
    i = first_tok - 1
    while i >= sent_start and len(words) < _MAX_WORDS:
        t = doc[i]
        if (
            t.pos_ not in _DESCRIPTOR_POS
            or t.text in (",", ";", ":", "(", ")", "\n")
            or (t.pos_ == "CCONJ")
        ):
            break
        if t.pos_ == "DET" and not (i > sent_start and doc[i - 1].lower_ == "of"):
            break
        if t.pos_ == "ADP" and t.lower_ != "of":
            break
        if "\n" in t.text_with_ws and i != first_tok - 1:
            break
        words.insert(0, t)
        i -= 1
    if not words or words[-1].pos_ not in ("NOUN", "PROPN") or words[-1].ent_type_ == "PERSON":
        return None
    return _classify(words)


def after(doc: Doc, last_tok: int, sent_end: int) -> Descriptor | None:
    """An apposition after a name: ``Karoline Leavitt, the White House press secretary,``."""
    i = last_tok + 1
    if i >= sent_end or doc[i].text != ",":
        return None
    words: list[Token] = []
    i += 1
    while i < sent_end and len(words) < _MAX_WORDS:
        t = doc[i]
        if t.text in (",", ".", ";", ":", "(", ")") or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            break
        words.append(t)
        i += 1
    if not words or words[0].pos_ != "DET" or i >= sent_end or doc[i].text not in (",", "."):
        return None
    if any(t.ent_type_ == "PERSON" for t in words):
        return None
    d = _classify(words)
    return d if d is not None and d.is_role else None
