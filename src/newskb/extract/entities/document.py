"""Document-level consistency of the names found in one article.

One type per name (majority of its occurrences, a person's surname stays a person, a type read
from the words around one occurrence holds for all), every occurrence of a known name found,
names listed together of one kind, a person's "of" body an organisation, and the countries in
a match report's score lines its teams.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newskb.extract.entities.apposed import apposed_people, surname_then_noun
from newskb.extract.entities.recover import _ORG_HEADS, _PLACE_HEADS
from newskb.extract.entities.roles import HONORIFICS, ROLE_HEADS
from newskb.extract.entities.shape import common_words, score_teams
from newskb.extract.entities.spans import LABELS, NameSpan
from newskb.extract.entities.teams import club_name, sports_report, team_cue
from newskb.extract.entities.votes import (
    head_type,
    known_place,
    own_place_name,
    place_not_person,
)
from newskb.extract.times.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from newskb.model import EntityType
from newskb.nlp.docs import text_of, token_table

_LIST_GLUE = frozenset([", ", ", and ", " and ", ", or ", " or "])


def _lists(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Names listed together are of one kind ("Ansel Adams, Chuck Close, Walker Evans and
    Robert Mapplethorpe"): in a list of three or more, a person, organisation or place type
    held by two thirds of the names is given to the rest."""
    out = list(spans)
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and text[out[j - 1].end : out[j].start] in _LIST_GLUE:
            j += 1
        if j - i >= 3:
            tally: dict[EntityType, int] = {}
            for s in out[i:j]:
                tally[s.type] = tally.get(s.type, 0) + 1
            best, n = max(tally.items(), key=lambda kv: kv[1])
            if best in ("PERSON", "ORG", "GPE") and 3 * n >= 2 * (j - i):
                for k in range(i, j):
                    s = out[k]
                    headed = head_type(s.text, "GPE") == "ORG"  # "University of ..."
                    if s.type in ("PERSON", "ORG", "GPE", "LOC") and not s.firm and not headed:
                        out[k] = NameSpan(s.start, s.end, s.text, best, s.tok, s.firm)
        i = j
    return out


def _affiliations(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """ "Leung Kwok-hung of LSD", "Nathan Law of Demosisto": the name after a person's full
    name and "of" is the body the person belongs to, not a second person, wherever it recurs."""
    out = list(spans)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (
            a.type == "PERSON"
            and " " in a.text
            and b.type == "PERSON"
            and text[a.end : b.start] == " of "
        ):
            out[i] = NameSpan(b.start, b.end, b.text, "ORG", b.tok, True)
    bodies = {s.text for s in out if s.firm and s.type == "ORG"}
    return [
        NameSpan(s.start, s.end, s.text, "ORG", s.tok, True)
        if s.text in bodies and s.type == "PERSON"
        else s
        for s in out
    ]


def _initials(name: str) -> str:
    """ "United States Air Force" -> "USAF" (function words skipped, hyphenated parts too)."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if w[:1].isupper() or w[:1].isdigit())


def _acronyms(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """ "the United States Air Force (USAF)": an unlabelled acronym in brackets right after a
    name whose initials it spells is that name's short form, of the same type."""
    ends = {s.end: s for s in spans}
    starts = {s.start for s in spans}
    out: list[NameSpan] = []
    forms = token_table(doc)[0]
    for i in range(2, len(doc) - 1):
        if forms[i - 1] != "(" or forms[i + 1] != ")":
            continue
        t = doc[i]
        if not 2 <= len(t) <= 6 or not t.text.isalnum() or not t.text.isupper() or t.idx in starts:
            continue
        before = doc[i - 2]
        name = ends.get(before.idx + len(before))
        if (
            name is not None
            and name.type in ("ORG", "GPE", "LOC", "FAC")
            and _initials(name.text) == t.text
        ):
            out.append(NameSpan(t.idx, t.idx + len(t), t.text, name.type, i))
    return out


_CALENDAR = frozenset((*WEEKDAY_NAMES, *MONTH_NAMES))


def _surnames_after(
    doc: Doc, spans: list[NameSpan], common: frozenset[str], tok_at: dict[int, int]
) -> list[NameSpan]:
    """ "and Dries Mertens making ...": a one-word person name (once lists and votes have
    typed it) directly followed by a capitalised word that is no common noun of the article, no
    title, no organisation or place head and no day or month, and that the article does not
    write as another person's surname: the surname spaCy cut off. A one-word place or
    organisation label on that word ("Valeska [Paris]") gives way; a nationality does not
    ("a Reagan Democrat")."""

    surnames = {s.text.split()[-1] for s in spans if s.type == "PERSON" and " " in s.text}
    by_start = {s.start: k for k, s in enumerate(spans)}
    out = list(spans)
    drop: set[int] = set()
    for k, s in enumerate(spans):
        if s.type != "PERSON" or " " in s.text or s.text in surnames or k in drop:
            continue
        i = s.tok + 1
        if i >= len(doc) or tok_at.get(s.start) != s.tok:
            continue
        y = doc[i]
        if not (
            doc[s.tok].whitespace_ == " "
            and y.is_alpha
            and y.is_title
            and not y.is_stop
            and y.lower_ not in common
            and y.lower_ not in ROLE_HEADS
            and y.lower_ not in HONORIFICS
            and y.lower_ not in _ORG_HEADS
            and y.lower_ not in _PLACE_HEADS
            and y.lower_ not in _CALENDAR
        ):
            continue
        nxt = by_start.get(y.idx)
        if nxt is not None and (
            spans[nxt].end != y.idx + len(y) or spans[nxt].type not in ("GPE", "LOC", "ORG", "FAC")
        ):
            continue
        if nxt is None and any(t.start < y.idx + len(y) and y.idx < t.end for t in spans):
            continue
        if nxt is not None:
            drop.add(nxt)
        end = y.idx + len(y)
        out[k] = NameSpan(s.start, end, text_of(doc)[s.start : end], "PERSON", i, s.firm)
    grown = {out[k].text for k in range(len(out)) if out[k] is not spans[k]}
    return [  # the name so completed is a person wherever else it is written whole
        NameSpan(s.start, s.end, s.text, "PERSON", s.tok) if s.text in grown and not s.firm else s
        for k, s in enumerate(out)
        if k not in drop
    ]


def harmonise(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """One type per name within an article, and every occurrence of a known name found.

    A one-word "name" the article also writes in lower case ("Iodine deficiency" beside
    "iodine") is a common noun capitalised at a sentence or heading start, not a name.

    A type read from the words around one occurrence ("retailer Best Buy", "Nathan Law of
    Demosisto") holds for every occurrence. A person's surname keeps the person's type wherever
    it recurs ("Jobs" after "Steve Jobs"); other names take the type most of their occurrences
    got. Occurrences spaCy left unlabelled
    are added when their words match a labelled name exactly.
    """
    named = {w.casefold() for s in spans if s.type == "PERSON" for w in s.text.split()[1:]}
    common = common_words(doc) - named  # "Jobs" after "Steve Jobs" is his name, not a noun
    spans = [s for s in spans if not (s.text.istitle() and s.text.casefold() in common)]
    spans = surname_then_noun(doc, apposed_people(doc, spans))
    votes: dict[str, dict[EntityType, int]] = {}
    persons: set[str] = set()
    given: set[str] = set()
    surnames: set[str] = set()
    for s in spans:
        key = s.text.casefold()
        if s.firm:
            continue
        votes.setdefault(key, {}).setdefault(s.type, 0)
        votes[key][s.type] += 1
        words = _without_suffix(s.text.split()) if s.type == "PERSON" else s.text.split()
        if s.type == "PERSON" and len(words) > 1:
            persons.add(key)
            persons.add(words[-1].casefold())
            surnames.add(words[-1].casefold())
            given.add(words[0].casefold())

    firm = {s.text.casefold(): s.type for s in spans if s.firm}
    text = text_of(doc)

    def titled(s: NameSpan) -> bool:  # "Mrs. Fiorina"
        before = text[max(0, s.start - 6) : s.start].split()
        return bool(before) and before[-1].lower().rstrip(".") in HONORIFICS

    single = {
        s.text.casefold() for s in spans if s.type == "PERSON" and " " not in s.text and titled(s)
    }

    lone = lone_words(doc, common)

    def settle(text: str, etype: EntityType, after_the: bool = False) -> EntityType:
        key = text.casefold()
        if key in firm:
            return firm[key]
        if (
            etype == "PERSON"
            and key not in given
            and key not in surnames
            and place_not_person(text)
        ):
            return "GPE"  # a place name spaCy took for a person ("Zaporizhzhia", "Banda Aceh")
        if key in persons or (key in single and etype in ("GPE", "ORG")):
            return "PERSON"  # "Senator Obama" makes "Obama" a person throughout
        if etype in ("ORG", "GPE") and key in given and not own_place_name(text):
            return "PERSON"  # "Marco's plan" beside "Marco Rubio"
        words = text.split()
        if (
            etype == "ORG"
            and not after_the  # "The Notorious Bettie Page": a title
            and 2 <= len(words) <= 3
            and words[-1].casefold() in surnames | single | lone
            and all(w.isalpha() and w.istitle() for w in words)
            and head_type(text, "PERSON") == "PERSON"
        ):
            return "PERSON"  # "Carly Fiorina" beside "Mrs. Fiorina", "Manning was ..."
        tally = votes.get(key)
        if tally and etype == "NORP":
            places: list[EntityType] = [t for t in ("GPE", "LOC") if tally.get(t)]
            if places and known_place(text):  # "between Sochi and New York" beside "in Sochi"
                return max(places, key=lambda t: tally[t])
            return etype
        if not tally:
            return etype
        if tally.get("ORG") and etype in ("GPE", "LOC") and not known_place(text):
            return "ORG"  # tagged ORG somewhere and no table knows it as a place
        best = max(tally.items(), key=lambda kv: kv[1])
        if best[0] == "NORP" and etype in ("GPE", "LOC") and known_place(text):
            return etype  # a place, whatever spaCy called its other occurrences
        return best[0] if best[1] > tally.get(etype, 0) else etype

    out = [
        NameSpan(s.start, s.end, s.text, settle(s.text, s.type, _the(text, s.start)), s.tok)
        for s in spans
    ]
    out += _acronyms(doc, out)
    taken = [False] * len(doc)
    forms, offsets = token_table(doc)
    first_tok = {at: i for i, at in enumerate(offsets)}
    for s in out:
        a = first_tok.get(s.start)
        if a is not None:
            for i in range(a, s.tok + 1):
                taken[i] = True
    known: dict[str, list[tuple[list[str], EntityType]]] = {}
    for s in out:
        words = s.text.split()
        if s.type in LABELS.values() and s.text[:1].isupper() and len(s.text) >= 3:
            known.setdefault(words[0], []).append((words, s.type))
            bare = _without_suffix(words)
            if s.type == "PERSON" and len(bare) > 1:
                known.setdefault(bare[-1], []).append(([bare[-1]], "PERSON"))
    for v in known.values():
        v.sort(key=lambda wt: -len(wt[0]))
    i, n = 0, len(doc)
    while i < n:
        step = 1
        for words, etype in known.get(forms[i], ()) if not taken[i] else ():
            j = i + len(words)
            if j > n or any(taken[i:j]) or forms[i:j] != words:
                continue
            surname = etype == "PERSON" and forms[i].casefold() not in common
            if len(words) == 1 and doc[i].pos_ != "PROPN" and doc[i].is_sent_start and not surname:
                continue  # a repeat of a one-word name: proper noun, or capitalised mid-sentence
            span = doc[i:j]
            out.append(NameSpan(span.start_char, span.end_char, span.text, etype, j - 1))
            step = len(words)
            break
        i += step
    out.sort(key=lambda s: s.start)
    text = text_of(doc)
    out = _teams(text, _lists(text, _affiliations(text, out)))
    return _surnames_after(doc, out, common, first_tok)


def _teams(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """A match report: the countries and cities named in its score lines, or made teams by
    the words around them in a sports report (``teams``), are its teams (ORG) wherever the
    report names them."""
    places = [(s.start, s.end, s.text) for s in spans if s.type in ("GPE", "LOC", "ORG")]
    teams = score_teams(text, places)
    if sports_report(text):
        for prev, s in zip([None, *spans], spans, strict=False):
            coach = (
                prev is not None
                and prev.type == "PERSON"
                and text[prev.end : s.start] in (" of ", " (")
            )
            if s.type in ("GPE", "LOC") and team_cue(text, s.start, s.end, coach):
                teams.add(s.text)
            elif s.type == "PERSON" and club_name(text, s.start, s.end):
                teams.add(s.text)  # "vs. Steelers"
    if not teams:
        return spans
    return [
        NameSpan(s.start, s.end, s.text, "ORG", s.tok)
        if s.text in teams and s.type in ("GPE", "LOC", "PERSON")
        else s
        for s in spans
    ]


def _the(text: str, start: int) -> bool:
    return text[max(0, start - 4) : start].lower() == "the "


_NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _without_suffix(words: list[str]) -> list[str]:
    """A person's name without "Jr." or "III" after the surname ("James W. McCord Jr.")."""
    while len(words) > 2 and words[-1].casefold().rstrip(".,") in _NAME_SUFFIXES:
        words = words[:-1]
    return words


def lone_words(doc: Doc, common: set[str] | frozenset[str]) -> frozenset[str]:
    """Capitalised words written alone at least twice, outside every name spaCy typed other
    than a person ("Manning was feeling it" after "Peyton Manning"): a surname's use, not an
    organisation's (which keep their first word: "Lehman", "Goldman"); no plural ("Colts")."""
    seen: dict[str, int] = {}
    n = len(doc)
    for i, t in enumerate(doc):
        if not (t.is_alpha and t.is_title and len(t) > 2) or t.ent_type_ not in ("", "PERSON"):
            continue
        if i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start:
            continue
        if i + 1 < n and doc[i + 1].is_title:
            continue
        key = t.lower_
        if key.endswith("s") or key in common:
            continue
        seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, c in seen.items() if c >= 2)
