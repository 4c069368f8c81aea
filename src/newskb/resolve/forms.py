"""What the canon resolves an article's entity as, where spaCy's span or type misleads it.

"Betty Ford Center" typed PERSON is the clinic; "Comedian Ellen DeGeneres" is Ellen
DeGeneres. The article keeps its entity as extracted; only its canonical row reads it so.
"""

from __future__ import annotations

import dataclasses

from newskb.model import Entity
from newskb.resolve.keys import tokens

# Last words that make a "person" an institution ("Betty Ford Center", "Matanuska Maid
# Creamery"); surnames (Church, Bank, Court) left out.
INSTITUTION = frozenset(
    [
        "center",
        "centre",
        "clinic",
        "hospital",
        "university",
        "college",
        "institute",
        "foundation",
        "association",
        "commission",
        "committee",
        "agency",
        "department",
        "ministry",
        "academy",
        "museum",
        "council",
        "corporation",
        "company",
        "creamery",
    ]
)

# Last words that make a "person" a law ("Endangered Species Act").
LAW_WORDS = frozenset(["act", "treaty", "amendment"])


def untitled(name: str) -> str:
    """A person's name without a leading word news writes in lower case ("Comedian Ellen
    DeGeneres", "Coroner Gary Hargrove" -> the name); unchanged when that word begins names
    ("Mark Jay Heller") or fewer than two words would be left ("Will Smith")."""
    from newskb.extract.entities.namelists import common_word, given_names

    first, _sep, rest = name.partition(" ")
    words = rest.split()
    if len(words) < 2 or not first.isalpha() or first in given_names():
        return name
    if not common_word(first.lower(), 5) or common_word(words[0].lower(), 5):
        return name
    return rest


def uninitialled(name: str) -> str:
    """A person's name without a leading initial before the given name they go by ("W. Mark
    Felt" -> "Mark Felt", "J. Edgar Hoover" -> "Edgar Hoover"); unchanged when the next word is
    an initial too ("H. W. Bush") or fewer than two words would be left."""
    first, _sep, rest = name.strip().partition(" ")
    words = rest.split()
    if len(first.rstrip(".")) != 1 or not first[0].isupper() or len(words) < 2:
        return name
    if len(words[0].rstrip(".")) < 2 or not words[0][0].isupper():
        return name
    return rest


def unheadlined(e: Entity, head_end: int) -> str:
    """A person's name without the headline verb spaCy ran into it ("Lindsay Lohan Checks",
    "Gigante Dies", "Choosing DeGeneres"): only a name written in the first line and nowhere else,
    less one verb-shaped word news writes in lower case at either end, when what is left is
    no given name alone ("Obama White House" stays)."""
    from newskb.extract.entities.namelists import common_word, given_names

    written = [m for m in e.mentions if m.kind == "name" and m.text == e.name]
    if not written or any(m.start >= head_end for m in written):
        return e.name
    words = e.name.split()
    if len(words) < 2:
        return e.name

    def verb(w: str) -> bool:  # "Dies", "Overturns", "Choosing", "Accused"; not "House"
        shaped = w.endswith(("s", "ing", "ed")) and not w.endswith("ss")
        return shaped and w[:1].isupper() and w.isalpha() and common_word(w.lower(), 5)

    if verb(words[-1]):
        words.pop()
    if len(words) > 1 and verb(words[0]) and words[0] not in given_names():
        words.pop(0)
    if len(words) == 1 and words[0] in given_names():
        return e.name
    return " ".join(words)


def as_resolved(e: Entity, head_end: int = 0) -> Entity:
    """``e`` as the canon resolves it: an institution typed PERSON as an ORG (a law as a LAW),
    a person's name without a word of description or an initial before it, nor a headline's
    verb after it (``head_end``: where the article's first line ends)."""
    if e.type != "PERSON":
        return e
    words = tokens(e.name)
    if len(words) > 1 and words[-1] in INSTITUTION:
        return dataclasses.replace(e, type="ORG")
    if len(words) > 1 and words[-1] in LAW_WORDS:
        return dataclasses.replace(e, type="LAW")
    name = uninitialled(untitled(unheadlined(e, head_end)))
    if name != e.name:
        # the name as written stays an alias: "Rose Mary Smith" is not only "Mary Smith"
        aliases = tuple(dict.fromkeys(a for a in (e.name, *e.aliases) if a != name))
        return dataclasses.replace(e, name=name, aliases=aliases)
    return e
