"""Attributions from the dependency parse: a cue verb with its clause, or "according to X".

"X said/noted/warned that ...": cue lemma in the lexicon, content = its ``ccomp`` clause, speaker
= its subject. "..., X said." (sentence-final cue): the same, the clause comes first; when the
parser hangs the cue on the clause (``parataxis``) the content is the rest of the clause.
"According to X, ...": speaker = the object of "to", content = the rest of the sentence.
Everything stays inside one line of the text: a paragraph break ends a sentence even where the
parser joined two lines.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newskb.extract.quotes.cues import CueLexicon, is_according
from newskb.extract.quotes.speaker import TokSpan, fallback_subject, phrase, subject_of

NON_SOURCES = frozenset({"it", "this", "that", "there", "which", "what"})
RELATIVE = frozenset({"who", "that", "which"})
WH = frozenset({"who", "what", "why", "whether", "how", "when", "where", "if", "which"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue found in the parse, with its speaker and content token ranges (end exclusive)."""

    cue: tuple[int, int]
    speaker: TokSpan | None
    content: tuple[tuple[int, int], ...]
    cue_after: bool = False  # the cue follows its content ("..., she said")


@dataclass(frozen=True, slots=True)
class Lines:
    """Token ranges of the text's lines (a newline always ends a sentence)."""

    bounds: tuple[int, ...]  # first token of each line
    size: int  # tokens in the doc

    @staticmethod
    def build(doc: Doc) -> Lines:
        starts = [0]
        for t in doc:
            if "\n" in t.text_with_ws and t.i + 1 < len(doc):
                starts.append(t.i + 1)
        return Lines(tuple(starts), len(doc))

    def of(self, i: int) -> tuple[int, int]:
        """First and end (exclusive) token of the line holding token ``i``."""
        k = bisect.bisect_right(self.bounds, i) - 1
        end = self.bounds[k + 1] if k + 1 < len(self.bounds) else self.size
        return self.bounds[k], end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _runs(doc: Doc, keep: list[int]) -> tuple[tuple[int, int], ...]:
    """Contiguous runs of token indices, trimmed of punctuation, empty runs dropped."""
    runs: list[tuple[int, int]] = []
    for i in sorted(keep):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    trimmed = [_trim(doc, s, e) for s, e in runs]
    return tuple((s, e) for s, e in trimmed if e > s)


def _words(doc: Doc, content: tuple[tuple[int, int], ...]) -> int:
    return sum(1 for s, e in content for t in doc[s:e] if not (t.is_punct or t.is_space))


def _speaker(doc: Doc, cue: Token, lo: int, hi: int) -> TokSpan | None:
    subj = subject_of(cue, lo, hi)
    if subj is None:
        if cue.head.i < lo or cue.head.i >= hi or cue.head == cue:
            found = fallback_subject(doc, cue, lo)
            return phrase(found, lo, cue.i) if found is not None else None
        return None
    if subj.i < lo or subj.i >= hi:
        return None
    if subj.lower_ in RELATIVE and cue.dep_ == "relcl":  # "the minister, who said that ..."
        return phrase(cue.head, lo, hi) if lo <= cue.head.i < hi else None
    if subj.lower_ in NON_SOURCES:
        return None
    return phrase(subj, lo, hi)


def _according(doc: Doc, tok: Token, lines: Lines) -> Candidate | None:
    lo, hi = lines.of(tok.i)
    to = next(c for c in tok.children if c.lower_ == "to")
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None or obj.is_space or obj.is_punct or not lo <= obj.i < hi:
        return None
    speaker = phrase(obj, lo, hi)
    sent = tok.sent
    drop = {t.i for t in tok.subtree}
    keep = [i for i in range(max(sent.start, lo), min(sent.end, hi)) if i not in drop]
    content = _runs(doc, keep)
    if _words(doc, content) < 2:
        return None
    return Candidate((tok.i, to.i + 1), speaker, content, cue_after=content[0][0] < tok.i)


def _before_final_cue(doc: Doc, cue: Token, lo: int, hi: int) -> list[int] | None:
    """ "..., the Commission said." where the parser did not link the clause: the cue and its
    subject close the sentence after a comma; the content is what comes before the comma."""
    subj = subject_of(cue, lo, hi)
    if subj is None or subj.i > cue.i:
        return None
    start = phrase(subj, lo, hi).start
    if start - 1 <= lo or doc[start - 1].text != ",":
        return None
    end = min(cue.sent.end, hi)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1 : end]):
        return None
    first = max(lo, cue.sent.start)
    return list(range(first, start - 1)) if start - 1 > first else None


def _hangs_on_clause(cue: Token) -> bool:
    """The cue is attached to its content: "..., she said" or "As she told the paper, ..."."""
    if cue.dep_ == "parataxis":
        return True
    return cue.dep_ == "advcl" and any(c.lower_ == "as" for c in cue.lefts)


def _verb(doc: Doc, cue: Token, lines: Lines, lex: CueLexicon) -> Candidate | None:
    lo, hi = lines.of(cue.i)
    comps = [c for c in cue.children if c.dep_ == "ccomp" and lo <= c.i < hi]
    keep: list[int]
    if comps:
        keep = [t.i for c in comps for t in c.subtree if lo <= t.i < hi]
    elif _hangs_on_clause(cue) and lo <= cue.head.i < hi:  # "..., she said" / "As she told"
        drop = {t.i for t in cue.subtree}
        keep = [t.i for t in cue.head.subtree if lo <= t.i < hi and t.i not in drop]
    elif (final := _before_final_cue(doc, cue, lo, hi)) is not None:
        keep = final
    elif cue.i + 1 < hi and doc[cue.i + 1].lower_ == "that" and doc[cue.i + 1].pos_ == "SCONJ":
        # the parser missed the clause ("observed that the date ... coincided"): up to the end
        keep = list(range(cue.i + 1, min(cue.sent.end, hi)))
    else:
        return None
    content = _runs(doc, keep)
    if not content or _words(doc, content) < 2:
        return None
    negated = any(c.dep_ == "neg" for c in cue.children)
    if negated and doc[content[0][0]].lower_ in WH:  # "could not say who fired": no claim made
        return None
    speaker = _speaker(doc, cue, lo, hi)
    if speaker is None:
        return None
    cue_after = content[-1][1] <= cue.i
    if cue_after and comps:
        inner = comps[0]
        # "She stressed that ..., reports UNN": an outlet crediting a report, not a statement.
        if inner.lemma_.lower() in lex.verbs and any(c.dep_ == "ccomp" for c in inner.children):
            return None
    end = cue.i + 1
    for c in cue.rights:  # phrasal verbs: "pointed out"
        if c.dep_ == "prt" and c.i == end:
            end += 1
    return Candidate((cue.i, end), speaker, content, cue_after=cue_after)


def candidates(doc: Doc, lex: CueLexicon, lines: Lines) -> list[Candidate]:
    """Every attribution the parse shows, in text order."""
    verbs = lex.verbs
    out: list[Candidate] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in verbs and tok.pos_ in ("VERB", "AUX"):
            found = _verb(doc, tok, lines, lex)
        elif tok.lower_ == "according" and is_according(tok):
            found = _according(doc, tok, lines)
        else:
            continue
        if found is not None:
            out.append(found)
    return out
