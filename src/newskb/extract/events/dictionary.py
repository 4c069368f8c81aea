"""User-supplied actor dictionaries (the PETRARCH / TABARI text format) as entities.

A user who codes events about their own actors (or the PETRARCH2 validation suite's fictional
ones) passes a dictionary file; every phrase in it found in an article becomes an entity whose
``kb_id`` is the dictionary code. The format we read:

- ``NAME [CODE]`` (words joined by ``_`` or spaces; a trailing ``_`` is ignored), optionally
  followed by ``+SYNONYM`` lines and indented ``[CODE]`` lines (a dated code list: the first code
  without a date restriction wins, else the first listed);
- agents: ``NAME {PLURAL} [~CODE]`` -- a role word whose code is appended to a nearby actor's
  ("Calenardhon government" -> CAL + GOV);
- ``#`` comments, ``<!-- ... -->`` blocks, ``!MACRO!`` lines (skipped).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from newskb.errors import UnreadableInput
from newskb.model import ActorDictionary, DictionaryEntry, Entity, Extraction, Mention

_CODE = re.compile(r"\[([^\]]*)\]")
_PLURAL = re.compile(r"\{([^}]*)\}")
AGENT_WINDOW = 2  # tokens between an actor and its agent word
AGENT_GLUE = frozenset({"'s", "of", "the", "'"})


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[_\s]+", name.strip().lower()) if w)


def _clean(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse(lines: Iterable[str], *, agents: bool = False) -> list[DictionaryEntry]:
    """Entries of one dictionary text (actors, or agents with ``agents=True``)."""
    out: list[DictionaryEntry] = []
    names: list[tuple[str, ...]] = []
    code: str | None = None
    in_comment = False

    def flush() -> None:
        nonlocal names, code
        if names and code is not None and code.strip("-+~") != "":
            for n in names:
                out.append(DictionaryEntry(words=n, code=code.lstrip("~"), agent=agents))
        names, code = [], None

    for raw in lines:
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!--"):
            in_comment = "-->" not in raw
            continue
        line = _clean(raw)
        if not line.strip() or "!" in line.split("[", 1)[0]:
            continue
        stripped = line.strip()
        codes = _CODE.findall(stripped)
        if raw[:1] in (" ", "\t") and stripped.startswith("["):
            if code is None and codes:
                code = codes[0].split()[0]
            continue
        if stripped.startswith("+"):
            names.append(_words(_PLURAL.sub("", stripped[1:])))
            continue
        flush()
        head = _PLURAL.sub("", _CODE.sub("", stripped))
        names = [_words(head)]
        for plural in _PLURAL.findall(stripped):
            names += [_words(p) for p in plural.split(",") if p.strip()]
        if codes:
            code = codes[0].split()[0]
    flush()
    return [e for e in out if e.words]


def load(actors: Path | str, agents: Path | str | None = None) -> ActorDictionary:
    """Read an actor dictionary file (and optionally an agents file)."""
    try:
        entries = parse(Path(actors).read_text(encoding="utf-8", errors="replace").splitlines())
        if agents is not None:
            text = Path(agents).read_text(encoding="utf-8", errors="replace")
            entries += parse(text.splitlines(), agents=True)
    except OSError as exc:
        raise UnreadableInput(f"cannot read actor dictionary: {exc}", path=str(actors)) from exc
    return ActorDictionary(entries=tuple(entries))


def _index(d: ActorDictionary) -> dict[str, list[DictionaryEntry]]:
    by_first: dict[str, list[DictionaryEntry]] = {}
    for e in d.entries:
        by_first.setdefault(e.words[0], []).append(e)
    for v in by_first.values():
        v.sort(key=lambda e: -len(e.words))
    return by_first


def _matches(doc: Doc, d: ActorDictionary) -> list[tuple[int, int, DictionaryEntry]]:
    """Longest dictionary matches over the doc's lowercased tokens, left to right."""
    by_first = _index(d)
    words = [t.lower_ for t in doc]
    out: list[tuple[int, int, DictionaryEntry]] = []
    i = 0
    while i < len(words):
        hit = None
        for e in by_first.get(words[i], ()):
            n = len(e.words)
            if tuple(words[i : i + n]) == e.words:
                hit = e
                break
            # plural / possessive forms: "Gondor's", "Israelis"
            last = words[i + n - 1] if i + n - 1 < len(words) else ""
            if tuple(words[i : i + n - 1]) == e.words[:-1] and last.startswith(e.words[-1]):
                hit = e
                break
        if hit is None:
            i += 1
            continue
        out.append((i, i + len(hit.words), hit))
        i += len(hit.words)
    return out


def add_entities(doc: Doc, so_far: Extraction, d: ActorDictionary) -> Extraction:
    """``so_far`` with one entity per dictionary code found in ``doc`` (kb_id = the code).

    Agent words next to an actor extend its code; dictionary entities replace extracted ones
    whose mentions they overlap (the user's dictionary is the authority on its actors).
    """
    found = _matches(doc, d)
    actors = [m for m in found if not m[2].agent]
    agent_hits = [m for m in found if m[2].agent]
    mentions: dict[str, list[Mention]] = {}
    used: set[int] = set()
    for start, end, entry in actors:
        code = entry.code
        for a_start, a_end, agent in agent_hits:
            between = [t.lower_ for t in doc[end:a_start]] or [t.lower_ for t in doc[a_end:start]]
            adjacent = a_start >= end and all(w in AGENT_GLUE for w in between)
            adjacent = adjacent or (start >= a_end and all(w in AGENT_GLUE for w in between))
            if a_start not in used and adjacent and len(between) <= AGENT_WINDOW:
                used.add(a_start)
                code = code + agent.code
                start, end = min(start, a_start), max(end, a_end)
                break
        span = doc[start:end]
        mentions.setdefault(code, []).append(
            Mention(span.start_char, span.end_char, span.text, "name")
        )
    covered = [(m.start, m.end) for ms in mentions.values() for m in ms]
    kept = [
        e
        for e in so_far.entities
        if not any(s < m.end and m.start < t for m in e.mentions for s, t in covered)
    ]
    added = [
        Entity(id=f"D{n}", name=ms[0].text, type="ORG", mentions=tuple(ms), kb_id=code)
        for n, (code, ms) in enumerate(mentions.items(), 1)
    ]
    return dataclasses.replace(so_far, entities=tuple(kept) + tuple(added))
