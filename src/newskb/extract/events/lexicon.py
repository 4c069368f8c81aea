"""The event trigger lexicon (``data/lexicon.json``, built by scripts/build_event_lexicon.py)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Literal

Kind = Literal["event", "control", "intent", "light", "report"]

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# cooperative types that become AGREE when only promised (PLOVER: future cooperation is AGREE)
PROMISABLE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    pos: str  # "V", "N", "A"
    kind: Kind
    type: str | None = None
    mode: str | None = None
    particle: str | None = None  # for "call_for": "for"


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, Entry]
    adjectives: dict[str, Entry]
    deals: frozenset[str]
    agreement_status: dict[str, str]
    types: dict[str, tuple[str, tuple[str, ...]]]  # type -> (quad, modes)
    old_labels: dict[str, str]
    cameo: dict[str, tuple[str, str]]

    def quad(self, event_type: str) -> str | None:
        got = self.types.get(event_type)
        return got[0] if got else None

    def cameo_to_plover(self, code: str) -> str | None:
        """PLOVER type of a CAMEO code (most specific prefix in the table); None if dropped."""
        for n in range(len(code), 1, -1):
            got = self.cameo.get(code[:n])
            if got:
                return got[0] if got[0] in self.types else None
        return None

    def current_label(self, label: str) -> str:
        return self.old_labels.get(label, label)


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    raw = json.loads(
        (resources.files("newskb.extract.events") / "data" / "lexicon.json").read_text("utf-8")
    )
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, Entry] = {}
    adjs: dict[str, Entry] = {}
    for pos, table in raw["triggers"].items():
        for key, spec in table.items():
            lemma, _, particle = key.partition("_")
            entry = Entry(
                lemma=lemma,
                pos=pos,
                kind=spec["kind"],
                type=spec.get("type"),
                mode=spec.get("mode"),
                particle=particle or None,
            )
            if pos == "V":
                verbs.setdefault(lemma, []).append(entry)
            elif pos == "N":
                nouns[key] = entry
            else:
                adjs[key] = entry
    # entries with a particle first, so "call for" wins over "call"
    ordered = {k: tuple(sorted(v, key=lambda e: e.particle is None)) for k, v in verbs.items()}
    return Lexicon(
        verbs=ordered,
        nouns=nouns,
        adjectives=adjs,
        deals=frozenset(raw["deals"]),
        agreement_status=dict(raw["agreement_status"]),
        types={k: (v["quad"], tuple(v["modes"])) for k, v in raw["types"].items()},
        old_labels=dict(raw["old_labels"]),
        cameo={k: (v[0], v[1]) for k, v in raw["cameo"].items()},
    )


@functools.lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Every lemma that can start a trigger: the cheap per-sentence pre-filter."""
    lex = load()
    return frozenset(lex.verbs) | frozenset(lex.nouns) | frozenset(lex.adjectives)


# Light and intent verbs ("hold talks", "plan to attack") are triggers only with an event word
# as their object or complement, and that word asks for the parse by itself.
NEEDS_COMPLEMENT: frozenset[str] = frozenset({"light", "intent"})


@functools.lru_cache(maxsize=1)
def standalone_lemmas() -> frozenset[str]:
    """Trigger lemmas that can make an event on their own: what the parse pre-filter needs."""
    lex = load()
    verbs = {k for k, es in lex.verbs.items() if any(e.kind not in NEEDS_COMPLEMENT for e in es)}
    nouns = {k for k, e in lex.nouns.items() if e.kind not in NEEDS_COMPLEMENT}
    adjs = {k for k, e in lex.adjectives.items() if e.kind not in NEEDS_COMPLEMENT}
    return frozenset(verbs | nouns | adjs)


@functools.lru_cache(maxsize=1)
def verb_only_lemmas() -> frozenset[str]:
    """Standalone trigger lemmas the lexicon has as verbs only ("share", "back", "give"): their
    noun uses ("its shares") make no event."""
    lex = load()
    other = {k.split("_")[0] for k in (*lex.nouns, *lex.adjectives)}
    return frozenset(
        k for k in standalone_lemmas() if k in lex.verbs and k.split("_")[0] not in other
    )


# past forms the parse pre-filter cannot guess from a lemma (ours); it inflects the rest
_IRREGULAR_TEXT = (
    "seek:sought fight:fought strike:struck swear:swore,sworn shoot:shot hold:held meet:met "
    "give:gave,given send:sent beat:beat,beaten flee:fled take:took,taken make:made "
    "begin:began,begun bring:brought keep:kept tell:told speak:spoke,spoken "
    "withdraw:withdrew,withdrawn undertake:undertook,undertaken forbid:forbade,forbidden "
    "freeze:froze,frozen lead:led put:put set:set cut:cut quit:quit hit:hit bind:bound "
    "overthrow:overthrew,overthrown shake:shook break:broke,broken stand:stood sell:sold "
    "win:won lose:lost bear:bore,borne ride:rode drive:drove,driven blow:blew,blown "
    "throw:threw,thrown"
)
IRREGULAR_OF: dict[str, tuple[str, ...]] = {
    lemma: tuple(forms.split(","))
    for lemma, _, forms in (pair.partition(":") for pair in _IRREGULAR_TEXT.split())
}
IRREGULAR: tuple[str, ...] = tuple(f for forms in IRREGULAR_OF.values() for f in forms)


def standalone_forms() -> tuple[str, ...]:
    """The irregular forms of :func:`standalone_lemmas` (``held`` stays out: "hold" is light)."""
    keep = standalone_lemmas()
    return tuple(f for lemma, forms in IRREGULAR_OF.items() if lemma in keep for f in forms)


def word_set(words: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set (the events stage's word lists)."""
    return frozenset(words.split())
