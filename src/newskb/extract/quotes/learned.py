"""A learned cue classifier: which verb readings the rules leave are attributions after all.

The hand rules read the lexicon's verbs in the frames they know, the cue-frame table
(``frames``) adds the long tail of lemma + frame pairs. Both judge a reading by its lemma and
frame alone; the classifier judges it in context. Every verb the rules can read in a frame
(``frames.frames_of`` / ``frames.read_frame``: a source subject and a content complement) is a
*reading*; a logistic model over its features (the lemma, the frame, the lemma in the frame, the
verb's dependency and tag, negation and modals, the source's entity type or pronoun, the
object's lemma, the content's length and first word, whether the sentence quotes) gives the
probability that PolNeAR would annotate it. A reading at or above the threshold of its frame
(``THRESHOLD`` for a clause, ``OBJECT_THRESHOLD`` for the others) is an attribution, one per
verb (its most probable frame); ``find_quotes`` keeps it only where no other quote overlaps it
(the rules first).

The model (``data/cue_model.tsv``: feature, weight) is trained on PolNeAR train by
``scripts/train_cue_model.py`` (``newskb.eval.polnear_learned``); ``lemmas`` are the verbs it
may read at all (some reading of theirs was a gold attribution in training). It reads the
sentences the selective parser parses for other reasons (it asks for no parse of its own: an
unparsed sentence has no readings), so it adds nothing to spaCy's time.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from newskb.extract.quotes.cues import CueLexicon
from newskb.extract.quotes.frames import eligible, frames_of, hand_reads, read_frame
from newskb.extract.quotes.indirect import Candidate, Lines
from newskb.extract.quotes.loose import loose_read
from newskb.extract.quotes.speaker import is_passive
from newskb.nlp.docs import lower_lemmas

# Probabilities a reading needs: a clause (``ccomp``); another frame of a verb the hand rules own
# (``frames.hand_reads``); another frame of any other verb. Chosen so that GUM news and the seed
# read as without the model: GUM never annotates requests or stances ("asked X [to help ...]",
# "noting [the touches ... that were present]"; at 0.8 for other verbs: "North Korea fired
# [artillery rounds ...]"), the seed's "Trump and Putin stressed [the need for peace ...]"
# (0.968) is no quote there today. PolNeAR train, cross-validated by publisher (exact F1 source
# / cue / content, detection P / R): rules alone 0.523 / 0.524 / 0.405, 0.964 / 0.565; these
# thresholds 0.531 / 0.527 / 0.409, 0.963 / 0.577; 0.5 everywhere (PolNeAR's best, measured
# before the lemma cut of ``polnear_learned.train``): 0.570 / 0.541 / 0.430, 0.945 / 0.657, but
# GUM news source 0.845 -> 0.824, cue 0.862 -> 0.831, content 0.765 -> 0.740.
THRESHOLD = 0.5
OBJECT_THRESHOLD = 0.97
FREE_THRESHOLD = 0.85  # another frame of a verb the hand rules do not own
CLAUSAL = frozenset({"ccomp"})
MODEL_FILE = "data/cue_model.tsv"
MODALS = frozenset({"will", "would", "could", "should", "might", "may", "can", "must"})
SIZES = (2, 5, 10, 20)  # content length buckets (words)


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights of the logistic model and the lemmas it reads."""

    weights: Mapping[str, float]
    bias: float
    lemmas: frozenset[str]
    threshold: float = THRESHOLD
    object_threshold: float = OBJECT_THRESHOLD
    free_threshold: float = FREE_THRESHOLD

    def accepts(self, frame: str, p: float, hand: bool = True) -> bool:
        """Whether a reading of probability ``p`` in ``frame`` is reported; ``hand``: its verb
        is one the hand rules own (``frames.hand_reads``)."""
        if frame in CLAUSAL:
            return p >= self.threshold
        return p >= (self.object_threshold if hand else self.free_threshold)

    def probability(self, feats: list[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def to_tsv(self) -> str:
        head = "# feature\tweight (scripts/train_cue_model.py); lemma rows: what it reads\n"
        rows = [f"__bias__\t{self.bias:.4f}\n"]
        rows += [f"__lemma__\t{x}\n" for x in sorted(self.lemmas)]
        rows += [f"{k}\t{v:.4f}\n" for k, v in sorted(self.weights.items())]
        return head + "".join(rows)

    @staticmethod
    def from_tsv(text: str, threshold: float = THRESHOLD) -> CueModel:
        weights: dict[str, float] = {}
        lemmas: set[str] = set()
        bias = 0.0
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            key, value = line.split("\t")[:2]
            if key == "__bias__":
                bias = float(value)
            elif key == "__lemma__":
                lemmas.add(value)
            else:
                weights[key] = float(value)
        return CueModel(weights, bias, frozenset(lemmas), threshold)


EMPTY = CueModel({}, 0.0, frozenset())


@functools.cache
def default_model() -> CueModel:
    """The packaged model (trained on all of PolNeAR train), read once per process."""
    path = resources.files("newskb.extract.quotes").joinpath(MODEL_FILE)
    return CueModel.from_tsv(path.read_text("utf-8")) if path.is_file() else EMPTY


def readings(
    doc: Doc, lex: CueLexicon, lines: Lines, lemmas: frozenset[str] | None = None
) -> Iterator[tuple[Token, str, Candidate, str]]:
    """Every (verb, frame, reading, kind) of the text, verbs limited to ``lemmas`` if given: the
    strict rules' reading (``frames.read_frame``) where they give one, else the loose one."""
    for i, lemma in enumerate(lower_lemmas(doc)):
        if lemmas is not None and lemma not in lemmas:
            continue
        tok = doc[i]
        if tok.pos_ != "VERB" or not lemma.isalpha():
            continue
        strict = eligible(tok, lex)
        for frame in frames_of(tok, lines):
            if strict and frame == "ccomp" and lemma in lex.verbs:
                # the clause rules' own reading, or one they refused ("have not said [why]")
                continue
            cand = read_frame(doc, tok, frame, lines, lex) if strict else None
            if cand is not None:
                yield tok, frame, cand, "strict"
            elif strict and frame == "inf":
                continue  # refused by the rules ("declined [to say whether ...]": a question)
            elif (cand := loose_read(doc, tok, frame, lines)) is not None:
                yield tok, frame, cand, "loose"


def _size(n: int) -> str:
    return next((str(s) for s in SIZES if n <= s), "more")


def _source_kind(doc: Doc, cand: Candidate) -> str:
    if cand.speaker is None:
        return "none"
    head = doc[cand.speaker.head]
    if head.pos_ == "PRON":
        return "pron:" + head.lower_
    if head.ent_type_:
        return "ent:" + head.ent_type_
    return "noun:" + head.lemma_.lower()


def features(
    doc: Doc, tok: Token, frame: str, cand: Candidate, lex: CueLexicon, kind: str
) -> list[str]:
    """The features of one reading (strings; the model weighs each)."""
    lemma = tok.lemma_.lower()
    src = _source_kind(doc, cand)
    src_class = src.split(":", 1)[0] if not src.startswith("ent:") else src
    words = [t for s, e in cand.content for t in doc[s:e] if not (t.is_punct or t.is_space)]
    first = words[0].lower_ if words else ""
    kids = list(tok.children)
    out = [
        "l=" + lemma,
        "f=" + frame,
        "read=" + kind,
        f"fread={frame}|{kind}",
        f"lread={lemma}|{kind}",
        f"lf={lemma}|{frame}",
        "dep=" + tok.dep_,
        "tag=" + tok.tag_,
        "src=" + src,
        "srcc=" + src_class,
        f"lsrc={lemma}|{src_class}",
        f"fsrc={frame}|{src_class}",
        "size=" + _size(len(words)),
        f"fsize={frame}|{_size(len(words))}",
        "first=" + (first if first in ("that", "to", "the", "a", "an", "his", "her") else "x"),
        "hand=" + lex.mode(lemma) if lemma in lex.verbs else "hand=no",
    ]
    if any(c.dep_ == "neg" for c in kids):
        out.append("neg")
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids):
        out.append("modal")
    if is_passive(tok):
        out.append("passive")
    if frame == "obj":
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None:
            out.append("obj=" + (obj.ent_type_ or obj.lemma_.lower()))
            out.append(f"lobj={lemma}|{obj.ent_type_ or obj.pos_}")
    if any(t.is_quote for t in tok.sent):
        out.append("quoted")
    if tok.dep_ != "ROOT":
        out.append(f"head={tok.head.lemma_.lower()}|{tok.dep_}")
    return out


def model_stances(doc: Doc, lex: CueLexicon, lines: Lines, model: CueModel) -> list[Candidate]:
    """The readings the model accepts, one per verb (its most probable frame), in text order."""
    if not model.lemmas:
        return []
    out: list[Candidate] = []
    best: dict[int, tuple[float, Candidate]] = {}
    for tok, frame, cand, kind in readings(doc, lex, lines, model.lemmas):
        p = model.probability(features(doc, tok, frame, cand, lex, kind))
        if not model.accepts(frame, p, hand_reads(tok.lemma_.lower(), lex)):
            continue
        if tok.i not in best or p > best[tok.i][0]:
            best[tok.i] = (p, cand)
    for i in sorted(best):
        out.append(best[i][1])
    return out
