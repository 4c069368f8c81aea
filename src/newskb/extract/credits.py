"""Media credits: who made the image, video or recording an article carries (provenance).

A credit is not speech, so it is no quote; newsrooms still need it for licensing and
verification. Recognised per line, only where the line ends with the credit (a caption's last
words, or the line itself):

- a label and the name: ``CAPTION Image: NAME`` (also Photo, Photograph, Picture, Video, Audio,
  Footage, Graphic, Illustration, Credit, Image credit, Photo credit; ``;`` for ``:``);
- a byline: ``CAPTION Photo by NAME``, ``Photo courtesy of NAME``;
- in brackets: ``CAPTION (AP Photo/Evan Vucci)``, ``(Photo: NAME)``, ``(Reuters Video)``;
- an agency and its photographer: ``CAPTION REUTERS/Kevin Lamarque``.

The name is short (at most eight words), its words capitalised (name particles, "and" and a
final "et al." aside), joined by spaces, slashes or ampersands; a trailing full stop is not part
of it, a short lower-case tail after a comma (", provided by the owners") or a bracketed licence
is allowed. The content is the caption: the line before the credit, when there is one.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from newskb.extract.registry import extractor
from newskb.model import Article, Credit, CreditMedium, Entity, Extraction, Span, Speaker

MAX_WORDS = 8
MAX_NAME = 60

MEDIUM: dict[str, CreditMedium] = {
    "image": "image",
    "image credit": "image",
    "picture": "image",
    "photo": "photo",
    "photograph": "photo",
    "photo credit": "photo",
    "video": "video",
    "footage": "video",
    "audio": "audio",
    "graphic": "graphic",
    "illustration": "graphic",
    "credit": "other",
}
_LABELS = (
    "image credit|photo credit|photograph|picture|image|photo|video|footage|audio|graphic"
    "|illustration|credit"
)
# a label and its separator; the name is checked from where this ends to the line's end
_LABEL = re.compile(
    rf"(?<![\w-])(?P<label>{_LABELS})s?(?:\s*[:;]\s*|\s+(?P<by>by|courtesy(?:\s+of)?)\s+)",
    re.IGNORECASE,
)
# the name, then an optional tail, to the line's end (the caller strips a final full stop)
_NAME_TO_END = re.compile(
    r"(?P<name>[^\W_][^\n,()]{0,59}?)"
    r"(?P<tail>\s*,\s*[a-z][^\n,()]{0,40}|\s*\([^()\n]{1,40}\))?\s*\.?\s*"
)
# "(AP Photo/Evan Vucci)", "(Photo: NAME)", "(Reuters Video)", "(AP Photo/Evan Vucci, File)"
_BRACKET = re.compile(
    rf"\((?:(?P<agency>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,2}})\s+)?"
    rf"(?P<label>{_LABELS})s?"
    r"(?:\s*(?:/|:|\s(?:by|courtesy(?:\s+of)?)\s)\s*(?P<name>[^()\n]{1,60}?))?"
    r"(?:\s*,\s*(?:file|pool|handout))?\s*\)\s*\.?\s*$",
    re.IGNORECASE,
)
# "REUTERS/Kevin Lamarque", "AFP/Getty Images" at a line's end
_SLASH = re.compile(
    r"(?<![\w/])(?P<agency>[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z]+)?)\s?/\s?"
    r"(?P<name>[^\W_][^\n/()]{0,59}?)\s*\.?\s*$"
)
AGENCIES = frozenset({"Reuters", "Getty Images", "Pool", "Xinhua", "Sputnik", "Anadolu", "Handout"})
PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "al", "bin",
     "ibn", "of", "the", "and", "y", "dos", "das", "ter", "zu"}
)  # fmt: skip
ABBREVIATIONS = frozenset({"Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "al.", "St."})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"})
_WORD = re.compile(r"[^\s/&]+")
_INITIAL = re.compile(r"[A-Z]").fullmatch
_INITIALS = re.compile(r"(?:[A-Z]\.)+").fullmatch
_LINE = re.compile(r"[^\n]+")
_AGENCY_NAME = re.compile(r"(?P<agency>[A-Z][A-Z-]+)/(?=\S)")  # "REUTERS/Kevin Lamarque"
_CAPTION_END = frozenset('.!?)"”’|—–-:')


def _name_words_ok(name: str) -> bool:
    """Short, capitalised words (particles, "and", a final "et al." aside)."""
    words = _WORD.findall(name)
    if not words or len(words) > MAX_WORDS or len(name) > MAX_NAME:
        return False
    if words[-2:] in (["et", "al."], ["et", "al"]):
        words = words[:-2]
    if not words or not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in PARTICLES for w in words)


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding space and a full stop that ends the line, not an abbreviation."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    last = text[start:end].split()[-1] if end > start else ""
    if end < len(text) and text[end] == "." and (last + "." in ABBREVIATIONS or _INITIAL(last)):
        return start, end + 1  # the regex took "et al." or "Jr." for a closing full stop
    if (
        last.endswith(".")
        and last not in ABBREVIATIONS
        and not _INITIALS(last)  # an initial or "U.S."
    ):
        end -= 1
    return start, end


def _caption(text: str, line_start: int, end: int) -> Span | None:
    """The caption before a credit: the line up to ``end`` less spaces and separators."""
    while end > line_start and (text[end - 1].isspace() or text[end - 1] in "-–—|"):
        end -= 1
    start = line_start
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end, text[start:end]) if end > start else None


def _label_ok(line: str, m: re.Match[str]) -> bool:
    """A label in running prose is no credit: a lower-case one, or a "by" one, must follow a
    caption's end (or a capitalised word: "McMurdo Station image: NAME")."""
    before = line[: m.start()].rstrip()
    if not before:
        return True
    if before[-1] in _CAPTION_END or before[-1] == "(":
        return True
    if m["by"]:
        return False
    word = before.split()[-1]
    if m["label"][0].isupper():
        return word.lower() not in DETERMINERS
    return word[0].isupper() or word[0].isdigit()


Found = tuple[CreditMedium, int, int, Span | None, Span | None]


def _label_credit(text: str, lo: int, line: str) -> Found | None:
    """A label credit ending the line; "Photo: REUTERS/NAME" gives the agency apart."""
    for m in _LABEL.finditer(line):
        tail = _NAME_TO_END.fullmatch(line, m.end())
        if tail is None or not _label_ok(line, m):
            continue
        s, e = _trim_name(text, lo + tail.start("name"), lo + tail.end("name"))
        if not _name_words_ok(text[s:e]):
            continue
        agency = None
        ag = _AGENCY_NAME.match(text, s, e)
        if ag is not None:
            agency = Span(ag.start("agency"), ag.end("agency"), ag["agency"])
            s = ag.end()
        return MEDIUM[m["label"].lower()], s, e, agency, _caption(text, lo, lo + m.start())
    return None


def _bracket_credit(text: str, lo: int, line: str) -> Found | None:
    b = _BRACKET.search(line)
    if b is None or (b["agency"] and not all(w[0].isupper() for w in b["agency"].split())):
        return None
    agency = None
    if b["agency"]:
        a0, a1 = lo + b.start("agency"), lo + b.end("agency")
        agency = Span(a0, a1, text[a0:a1])
    if b["name"]:
        s, e = _trim_name(text, lo + b.start("name"), lo + b.end("name"))
    elif agency is not None:  # "(Reuters Video)": the agency is the source
        s, e = agency.start, agency.end
    else:
        return None
    if not _name_words_ok(text[s:e]):
        return None
    return MEDIUM[b["label"].lower()], s, e, agency, _caption(text, lo, lo + b.start())


def _slash_credit(text: str, lo: int, line: str) -> Found | None:
    sl = _SLASH.search(line)
    if sl is None:
        return None
    ag = sl["agency"]
    before = line[: sl.start()].rstrip()
    if before and before[-1] not in _CAPTION_END:
        return None
    if ag not in AGENCIES and not (ag.isupper() and len(ag) >= 2):
        return None
    s, e = _trim_name(text, lo + sl.start("name"), lo + sl.end("name"))
    if not _name_words_ok(text[s:e]) or not (before or " " in text[s:e]):
        return None  # alone on its line, "CD/DVD" is no byline; "REUTERS/Kevin Lamarque" is
    a0, a1 = lo + sl.start("agency"), lo + sl.end("agency")
    return "photo", s, e, Span(a0, a1, text[a0:a1]), _caption(text, lo, a0)


def _credit_in_line(text: str, lo: int, hi: int) -> Found | None:
    """(medium, source start, source end, agency, caption) of the credit ending one line."""
    line = text[lo:hi]
    found = _bracket_credit(text, lo, line) or _label_credit(text, lo, line)
    return found or _slash_credit(text, lo, line)


def _entity_at(entities: tuple[Entity, ...], start: int, end: int) -> str | None:
    for ent in entities:
        for m in ent.mentions:
            if m.start == start and m.end == end:
                return ent.id
    return None


def find_credits(text: str, entities: tuple[Entity, ...] = ()) -> tuple[Credit, ...]:
    """Every media credit in ``text``, one per line at most, in text order."""
    out: list[Credit] = []
    for line in _LINE.finditer(text):
        found = _credit_in_line(text, line.start(), line.end())
        if found is not None:
            medium, s, e, agency, caption = found
            source = Speaker(s, e, text[s:e], _entity_at(entities, s, e))
            out.append(Credit(f"C{len(out) + 1}", medium, source, caption, agency))
    return tuple(out)


@extractor("credits")
def extract_credits(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return dataclasses.replace(so_far, credits=find_credits(article.text, so_far.entities))
