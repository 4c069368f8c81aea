"""The quote-cue lexicon (built from data by ``scripts/build_cue_lexicon.py``), loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Token

from newskb.model import QuoteMode

MODES: dict[str, QuoteMode] = {
    "thought": "thought",
    "intention": "intention",
    "knowledge": "knowledge",
    "speech": "speech",
}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    phrases: frozenset[str]
    intention: frozenset[str] = frozenset()
    modes: dict[str, QuoteMode] = field(default_factory=dict)  # speech when not listed

    @property
    def verbs(self) -> frozenset[str]:
        """Speech, cognition and intention verbs (a cognition verb is a cue only with a clause,
        an intention verb only with a to-infinitive or a clause)."""
        return self.speech | self.cognition | self.intention

    def mode(self, lemma: str) -> QuoteMode:
        """The mode a cue lemma attributes: ``thought``, ``intention``, ``knowledge`` or
        ``speech`` (every other cue)."""
        return self.modes.get(lemma, "speech")


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
    modes: dict[str, QuoteMode] = {}
    table = resources.files("newskb.extract.quotes").joinpath("data/modes.tsv")
    for line in table.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, mode = line.split("\t")[:2]
            modes[lemma] = MODES[mode]
    intention = frozenset(k for k, m in modes.items() if m == "intention")
    # thought and knowledge verbs of the mode table are cognition cues (a clause needed)
    cognition |= {k for k, m in modes.items() if m in ("thought", "knowledge")} - speech
    return CueLexicon(frozenset(speech), frozenset(cognition), frozenset(phrases), intention, modes)


def is_according(tok: Token) -> bool:
    """``according`` of "according to X" (the phrase cue)."""
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)
