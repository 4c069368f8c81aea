"""The quote-cue lexicon (built from data by ``scripts/build_cue_lexicon.py``), loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class CueLexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    phrases: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        """Speech and cognition verbs (a cognition verb is a cue only with a clause)."""
        return self.speech | self.cognition


@functools.cache
def lexicon() -> CueLexicon:
    """Read ``data/cues.tsv`` once per process."""
    text = resources.files("newskb.extract.quotes").joinpath("data/cues.tsv").read_text("utf-8")
    speech: set[str] = set()
    cognition: set[str] = set()
    phrases: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind = line.split("\t")[:2]
        {"speech": speech, "cognition": cognition, "phrase": phrases}.get(kind, speech).add(lemma)
    return CueLexicon(frozenset(speech), frozenset(cognition), frozenset(phrases))


def is_according(tok: Token) -> bool:
    """``according`` of "according to X" (the phrase cue)."""
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)
