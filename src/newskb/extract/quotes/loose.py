"""Loose readings: a verb's source and complement read where the strict rules read nothing.

The rules (``indirect``, ``objects``, ``frames.read_frame``) refuse many frames to stay precise:
no subject of their own ("Trump, [who] criticized Y", "a statement criticizing Y", "by calling
for Y"), a bare pronoun object, a one-word content. The learned classifier (``learned``) can
tell those apart in context, so it reads them too: every verb in a frame gets one reading,
strict when the rules give one, else loose (this module), and the model weighs the two kinds
separately (its ``read=`` feature). Spans follow the strict readers' conventions:

- source: the subject's noun phrase; of a relative clause or a participle on a noun, that noun
  ("[the senator], who criticized", "[a statement] criticizing"); of a participle or a
  preposition's gerund hung on a verb ("He rallied, calling for", "by calling for"), the verb's
  subject; of a passive, its agent;
- cue: the verb, with the preposition of a ``prep:`` frame ("called for");
- content: the complement's whole phrase (the object with its predicate, the preposition's
  object, the infinitive from its subject or "to", the clause right after the verb), inside
  the line.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newskb.extract.quotes.frames import MEDIA
from newskb.extract.quotes.indirect import VERBAL, Candidate, Lines, _runs, _words
from newskb.extract.quotes.speaker import SUBJECTS, TokSpan, phrase, source_phrase, subject_of

NOT_SOURCES = frozenset({"it", "this", "that", "there", "which", "what", "who", "whom"})
RELATIVE = frozenset({"who", "which", "that"})
PREDICATE = frozenset({"oprd", "xcomp"})
PREDICATE_PREPS = frozenset({"as", "of", "for"})


def _subject(cue: Token, lo: int, hi: int) -> Token | None:
    """The source token of ``cue``, wherever the parse puts it."""
    subj = subject_of(cue, lo, hi)
    if subj is not None and subj.lower_ in RELATIVE and cue.dep_ == "relcl":
        subj = cue.head
    if subj is None:
        head = cue.head
        if cue.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            subj = head
        elif cue.dep_ == "pcomp" and head.head.pos_ in VERBAL:
            subj = next((c for c in head.head.children if c.dep_ in SUBJECTS), None)
        elif cue.dep_ in ("advcl", "xcomp", "conj") and head.pos_ in VERBAL:
            subj = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subj is None or not lo <= subj.i < hi or subj.lower_ in NOT_SOURCES:
        return None
    return subj if subj.pos_ in ("PROPN", "NOUN", "PRON") else None


def _complement(cue: Token, frame: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """(cue end, content start, content end) of ``cue`` in ``frame``."""
    kids = [c for c in cue.rights if lo <= c.i < hi]
    end_cue = cue.i + 1
    if frame == "ccomp":
        comp = next((c for c in kids if c.dep_ == "ccomp"), None)
        if comp is None or comp.left_edge.i != cue.i + 1:
            return None  # words between the verb and its clause: no reading of it as a cue
        return end_cue, comp.left_edge.i, comp.right_edge.i + 1
    if frame == "inf":
        comp = next((c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in VERBAL), None)
        if comp is None:
            return None
        start = comp.left_edge.i
        obj = next((c for c in kids if c.dep_ in ("dobj", "dative") and c.i < comp.i), None)
        if obj is not None:
            start = min(start, obj.left_edge.i)
        return end_cue, max(start, cue.i + 1), comp.right_edge.i + 1
    if frame.startswith("prep:"):
        prep = next((c for c in kids if c.dep_ == "prep" and c.i == cue.i + 1), None)
        pobj = (
            next((o for o in prep.children if o.dep_ in ("pobj", "pcomp")), None) if prep else None
        )
        if prep is None or pobj is None:
            return None
        return prep.i + 1, pobj.left_edge.i, pobj.right_edge.i + 1
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in MEDIA:
        return None  # "released [a statement]": the medium of what was said (as ``frames``)
    end = obj.right_edge.i + 1
    pred = next(
        (
            c
            for c in kids
            if (c.dep_ in PREDICATE or (c.dep_ == "prep" and c.lower_ in PREDICATE_PREPS))
            and c.left_edge.i == end
        ),
        None,
    )
    if pred is not None:
        end = pred.right_edge.i + 1
    return end_cue, obj.left_edge.i, end


def loose_read(doc: Doc, cue: Token, frame: str, lines: Lines) -> Candidate | None:
    """The loose reading of ``cue`` in ``frame`` (None without a source or content)."""
    lo, hi = lines.of(cue.i)
    comp = _complement(cue, frame, lo, hi)
    subj = _subject(cue, lo, hi)
    if comp is None or subj is None:
        return None
    end_cue, start, end = comp
    speaker: TokSpan = (
        source_phrase(subj, cue, lo, hi) if subj.pos_ != "PRON" else phrase(subj, lo, hi)
    )
    taken = set(range(speaker.start, speaker.end)) | set(range(cue.i, end_cue))
    keep = [i for i in range(max(start, lo), min(end, hi)) if i not in taken]
    content = _runs(doc, keep)
    if not content or _words(doc, content) < 1:
        return None
    return Candidate((cue.i, end_cue), speaker, content)
