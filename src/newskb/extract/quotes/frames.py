"""Learned cue frames: which verbs, with which complement, attribute a statement or a stance.

The hand lexicons (``cues.tsv``, ``objects.OBJECT_CUES`` / ``PREP_CUES``, the intention verbs)
cover the common cues; the long tail ("X blasted Y", "X pushed for Y", "X hopes to ...") is
learned from PolNeAR train by ``scripts/train_cue_frames.py``. A *frame* is a verb lemma with the
complement that would be its content:

- ``obj``: a noun-phrase object ("criticized [the plan]", with its predicate: "called [X a liar]"),
- ``prep:<p>``: the object of a preposition right after the verb ("pushed for [a ban]"),
- ``inf``: a to-infinitive ("hopes [to win]"),
- ``ccomp``: a clause ("conceded [that ...]").

For every verb the rules could read in a frame (a source subject, a content complement), the
training script counts how often the reading is a gold attribution (the verb inside the gold cue,
the contents overlapping): ``hits / seen`` is the frame's precision as a cue. A frame is used when
that rate, smoothed towards 0, is at least ``MIN_RATE``. The table (``data/frames.tsv``) holds
lemma, frame, seen, hits; it is small (a few thousand rows) and read once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from newskb.extract.quotes.cues import CueLexicon
from newskb.extract.quotes.indirect import VERBAL, Candidate, Lines, _verb
from newskb.extract.quotes.speaker import is_passive
from newskb.nlp.docs import lower_lemmas

MIN_RATE = 0.5  # smoothed precision a frame needs to be read as a cue
PRIOR = 2.0  # pseudo-counts of misses added to every frame (a frame seen once is not trusted)
FRAMES_FILE = "data/frames.tsv"
MEDIA = frozenset(
    {"statement", "communique", "communiqué", "readout", "declaration", "report", "release",
     "announcement", "letter", "memo", "tweet", "post", "message", "remark", "comment"}
)  # fmt: skip
# a verb hanging on another as its complement or modifier ("asks the government [to assure] X
# ...", "a plan [aimed] at"): the frame reading would give it the wrong source
NESTED = frozenset({"xcomp", "amod", "acl", "relcl", "pcomp", "csubj"})


@dataclass(frozen=True, slots=True)
class FrameTable:
    """(lemma, frame) -> (seen, hits) from training data."""

    counts: Mapping[tuple[str, str], tuple[int, int]]
    min_rate: float = MIN_RATE

    def rate(self, lemma: str, frame: str) -> float:
        seen, hits = self.counts.get((lemma, frame), (0, 0))
        return hits / (seen + PRIOR)

    def accepts(self, lemma: str, frame: str) -> bool:
        return self.rate(lemma, frame) >= self.min_rate

    @property
    def lemmas(self) -> frozenset[str]:
        """Lemmas with at least one accepted frame (the selective parser must parse them)."""
        return frozenset(k[0] for k in self.counts if self.accepts(*k))

    def to_tsv(self) -> str:
        rows = sorted(self.counts.items())
        head = "# lemma\tframe\tseen\thits (scripts/train_cue_frames.py)\n"
        return head + "".join(f"{k[0]}\t{k[1]}\t{v[0]}\t{v[1]}\n" for k, v in rows)

    @staticmethod
    def from_tsv(text: str, min_rate: float = MIN_RATE) -> FrameTable:
        counts: dict[tuple[str, str], tuple[int, int]] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            lemma, frame, seen, hits = line.split("\t")[:4]
            counts[(lemma, frame)] = (int(seen), int(hits))
        return FrameTable(counts, min_rate)


@functools.cache
def default_table() -> FrameTable:
    """The packaged table (trained on all of PolNeAR train), read once per process."""
    path = resources.files("newskb.extract.quotes").joinpath(FRAMES_FILE)
    return FrameTable.from_tsv(path.read_text("utf-8") if path.is_file() else "")


def eligible(tok: Token, lex: CueLexicon) -> bool:
    """A verb the table may read as a cue: not hung on another verb as its complement or
    modifier, and not inside what another cue reports ("I was told that my mother [had
    attacked] the church": part of that report, even unsourced)."""
    if tok.pos_ != "VERB" or tok.dep_ in NESTED or not tok.lemma_.isalpha():
        return False
    return not (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.verbs)


def hand_reads(lemma: str, lex: CueLexicon) -> bool:
    """Whether the hand rules own ``lemma`` (speech, thought and intention verbs, the object and
    preposition cues of ``objects``): the table never reads it, in any frame. Measured: letting
    the table read those verbs in the frames the hand rules leave ("asked X [to help]",
    "showed [the bodies]") lifts PolNeAR's cross-validated F1 by about 0.01 per field but lowers
    GUM news (source 0.850 -> 0.836, content 0.766 -> 0.754), whose speech verbs never report a
    request or an object."""
    from newskb.extract.quotes.objects import OBJECT_LEMMAS

    return lemma in lex.verbs or lemma in OBJECT_LEMMAS


def frames_of(cue: Token, lines: Lines) -> Iterator[str]:
    """The frames a verb stands in, most clausal first."""
    lo, hi = lines.of(cue.i)
    kids = [c for c in cue.rights if lo <= c.i < hi]
    if any(c.dep_ == "ccomp" for c in kids):
        yield "ccomp"
    if any(
        c.dep_ in ("xcomp", "ccomp")
        and c.pos_ in VERBAL
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
        for c in kids
    ):
        yield "inf"
    nxt = next((c for c in kids if c.dep_ == "prep" and c.i == cue.i + 1), None)
    if nxt is not None:
        yield f"prep:{nxt.lower_}"
    if any(c.dep_ == "dobj" for c in kids):
        yield "obj"


def read_frame(doc: Doc, cue: Token, frame: str, lines: Lines, lex: CueLexicon) -> Candidate | None:
    """The attribution of ``cue`` read in ``frame`` (None when the rules find no source or
    content there)."""
    from newskb.extract.quotes.objects import _intention, object_cue

    lemma = cue.lemma_.lower()
    if frame == "ccomp":
        return _verb(doc, cue, lines, lex) if not is_passive(cue) else None
    if frame == "inf":
        # "declined [to say whether ...]", "vote [to determine whether ...]": the infinitive is a
        # cue of its own, which the hand rules read (or leave as a question)
        if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in lex.verbs for c in cue.rights):
            return None
        return _intention(doc, cue, lines, lex)
    lo, hi = lines.of(cue.i)
    if frame == "obj":
        # "issued [a statement]": the medium of what was said, not what was said
        if any(c.dep_ == "dobj" and c.lemma_.lower() in MEDIA for c in cue.rights):
            return None
        found = object_cue(doc, cue, lo, hi, objects=frozenset({lemma}), preps=frozenset())
    else:
        prep = frame.partition(":")[2]
        found = object_cue(doc, cue, lo, hi, objects=frozenset(), preps=frozenset({(lemma, prep)}))
    if found is None:
        return None
    return Candidate(found[1], found[0], (found[2],))


def learned_stances(doc: Doc, lex: CueLexicon, lines: Lines, table: FrameTable) -> list[Candidate]:
    """Attributions of verbs in a frame the table accepts and the hand rules do not read."""
    out: list[Candidate] = []
    accepted = table.lemmas
    for i, lemma in enumerate(lower_lemmas(doc)):
        if lemma not in accepted or hand_reads(lemma, lex):
            continue
        tok = doc[i]
        if not eligible(tok, lex):
            continue
        for frame in frames_of(tok, lines):
            if not table.accepts(lemma, frame):
                continue
            found = read_frame(doc, tok, frame, lines, lex)
            if found is not None:
                out.append(found)
                break
    return out
