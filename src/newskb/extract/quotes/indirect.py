"""Attributions from the dependency parse: a cue verb with its clause, or "according to X".

"X said/noted/warned that ...": cue lemma in the lexicon, content = its ``ccomp`` clause, speaker
= its subject. "..., X said." (sentence-final cue): the same, the clause comes first; when the
parser hangs the cue on the clause (``parataxis``) the content is the rest of the clause.
"According to X, ..." / "in the words of X, ...": speaker = the object of the preposition,
content = the rest of the sentence (only what follows when a full clause precedes the phrase).
A line ending in a colon after a cue ("X denied the allegations:") takes the next line as content,
up to a sentence that starts a new attribution. Span conventions: see the package docstring.
Everything stays inside one line of the text: a paragraph break ends a sentence even where the
parser joined two lines.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newskb.extract.quotes.cues import CueLexicon, is_according
from newskb.extract.quotes.spans import (
    clause_next,
    colon_block,
    parenthetical,
    settle,
    that_after,
    trim,
    unlinked_clause,
)
from newskb.extract.quotes.speaker import (
    SUBJECTS,
    TokSpan,
    after_dateline,
    fallback_subject,
    is_passive,
    phrase,
    source_phrase,
    subject_of,
)

NON_SOURCES = frozenset({"it", "this", "that", "there", "which", "what"})
RELATIVE = frozenset({"who", "that", "which"})
# Verbs whose object is the one spoken to ("told reporters that ..."): never part of the content.
ADDRESSED = frozenset(
    {"tell", "ask", "inform", "assure", "warn", "remind", "advise", "convince", "notify",
     "promise", "persuade", "caution", "urge", "brief", "email", "text"}
)  # fmt: skip
# What may stand between a cue and its clause without being content ("said [on Monday] that").
CIRCUMSTANCE = frozenset({"prep", "agent", "dative", "prt", "punct", "neg", "aux", "auxpass", "cc"})
VERBAL = ("VERB", "AUX")
NOMINAL = frozenset({"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"})
# Cues that report a statement only with a person as subject ("I mean", not "X means").
PERSONAL_ONLY = frozenset({"mean"})
PRONOUNS = frozenset({"i", "you", "we", "he", "she", "they"})
IT_NOT = frozenset({"mean", "show", "read", "suggest", "indicate", "reveal", "rule", "reason"})
FIRST_PERSON = frozenset({"i", "we"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_APPOS = 8  # tokens of a comma-set apposition after a phrase cue's source
WH = frozenset({"who", "what", "why", "whether", "how", "when", "where", "if", "which"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue found in the parse, with its speaker and content token ranges (end exclusive)."""

    cue: tuple[int, int]
    speaker: TokSpan | None
    content: tuple[tuple[int, int], ...]
    cue_after: bool = False  # the cue follows its content ("..., she said")
    open_end: bool = False  # the content follows the cue and may run on to the sentence's end


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


def _runs(doc: Doc, keep: list[int]) -> tuple[tuple[int, int], ...]:
    """Contiguous runs of token indices, trimmed of punctuation, empty runs dropped."""
    runs: list[tuple[int, int]] = []
    for i in sorted(keep):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    trimmed = [trim(doc, s, e) for s, e in runs]
    return tuple((s, e) for s, e in trimmed if e > s)


def _words(doc: Doc, content: tuple[tuple[int, int], ...]) -> int:
    return sum(1 for s, e in content for t in doc[s:e] if not (t.is_punct or t.is_space))


def is_source(subj: Token, cue: Token, lex: CueLexicon) -> bool:
    """Whether a cue's subject can be a source: "it" only for a speech verb in the active
    ("..., it added": the agency or ministry just named); "this", "there", "what" never."""
    if subj.lower_ == "it":
        return cue.lemma_.lower() in lex.speech and cue.lemma_.lower() not in IT_NOT
    return subj.lower_ not in NON_SOURCES


def _set_off(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a comma (quote marks and spaces aside): a parenthetical cue."""
    i -= 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    return i >= 0 and doc[i].text == ","


def _speaker(doc: Doc, cue: Token, lo: int, hi: int, lex: CueLexicon) -> TokSpan | None:
    subj = subject_of(cue, lo, hi)
    if subj is None:
        if is_passive(cue):  # "it was reported that ...": no source named
            return None
        if cue.head.i < lo or cue.head.i >= hi or cue.head == cue:
            found = fallback_subject(doc, cue, lo)
            return phrase(found, lo, cue.i) if found is not None else None
        return None
    if subj.i < lo or subj.i >= hi:
        return None
    if subj.lower_ in RELATIVE and cue.dep_ == "relcl":  # "the minister, who said that ..."
        return phrase(cue.head, lo, hi) if lo <= cue.head.i < hi else None
    if not is_source(subj, cue, lex):
        return None
    span = source_phrase(subj, cue, lo, hi)
    # "Facebook co-founder Mark Zuckerberg said": a hyphenated word can split the subject into
    # several adjacent ones; the phrase runs from the first to the last before the cue
    last = subj
    for c in subj.head.lefts:
        if c.dep_ in SUBJECTS and c.i > last.i and c.left_edge.i == last.right_edge.i + 1:
            last = c
    if last is not subj and last.i < hi:
        span = TokSpan(after_dateline(doc, span.start, last.i), phrase(last, lo, hi).end, last.i)
    return span


def _phrase_cue(doc: Doc, start: int, prep: Token, lines: Lines) -> Candidate | None:
    """A prepositional cue ("according to X", "in the words of X") from token ``start`` to
    ``prep``: the speaker is the object of ``prep``, the content the rest of the sentence."""
    lo, hi = lines.of(start)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.is_space or obj.is_punct or not lo <= obj.i < hi:
        return None
    # "according to curator Elaine Gustafon": the parser may split one noun phrase into
    # several objects; the last adjacent one is the head
    first_obj = obj
    for c in prep.children:
        if c.dep_ == "pobj" and c.i > obj.i and c.left_edge.i == obj.i + 1 and c.i < hi:
            obj = c
    speaker = phrase(obj, lo, hi)
    if obj is not first_obj:
        speaker = TokSpan(phrase(first_obj, lo, hi).start, speaker.end, speaker.head)
    sent = doc[start].sent
    first, last = max(sent.start, lo), min(sent.end, hi)
    # the phrase ends with its source's noun phrase and a comma-set apposition ("According to the
    # coach, Ali Mehraban, the robot ..."); the parser may hang more on "according" or the noun
    end = speaker.end
    if end < last and doc[end].text == ",":
        edge = obj.right_edge.i + 1
        if (
            edge <= last
            and not any(t.pos_ in VERBAL for t in doc[end:edge])
            and (edge == last or doc[edge].is_punct)
        ):
            end = edge  # the noun phrase's own modifiers, up to a punctuation mark
        else:
            close = next((i for i in range(end + 1, min(edge + 1, last)) if doc[i].text == ","), -1)
            end = close if 0 < close - end <= MAX_APPOS else end
    drop = set(range(start, end))
    # "..., according to a campaign official who was not authorized to speak": the object's own
    # modifiers after the speaker's phrase are neither content nor a clause of their own
    own = {t.i for t in (*doc[start].subtree, *prep.subtree)} if start > first else set()
    after = [i for i in range(max(drop) + 1, last) if i not in own]
    before = list(range(first, start))
    # "A, and in the words of X, B": a full clause before the phrase is not X's
    if _words(doc, _runs(doc, after)) >= 2 and any(doc[i].pos_ in ("VERB", "AUX") for i in before):
        before = []
    content = _runs(doc, before + after)
    if _words(doc, content) < 2:
        return None
    return Candidate((start, prep.i + 1), speaker, content, cue_after=content[0][0] < start)


def _in_the_words(doc: Doc, tok: Token, lines: Lines) -> Candidate | None:
    """ "in the words of X, ..." (``tok`` is "words")."""
    if tok.i < 2 or doc[tok.i - 1].lower_ != "the" or doc[tok.i - 2].lower_ != "in":
        return None
    of = next((c for c in tok.children if c.lower_ == "of"), None)
    return _phrase_cue(doc, tok.i - 2, of, lines) if of is not None else None


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


def _clause_after(cue: Token, comps: list[Token], lo: int, hi: int) -> list[int]:
    """Content after the cue: one contiguous stretch from the clause's first token (its "that"
    included) or an object that is really the clause's subject ("believed [the movement] helped",
    not the addressee of "told [reporters] that") to the end of the clause."""
    after = [c for c in comps if c.i > cue.i]
    if not after:
        return []
    first = after[0]
    # a cue inside its clause ("what we think [will make a good story]"): what follows the cue
    start = max(first.left_edge.i, cue.i + 1)
    if cue.lemma_.lower() not in ADDRESSED:
        # the parser often hangs the clause's subject on the cue ("believed [the movement in
        # reaction to Mohamed] helped"): a noun phrase right after the cue belongs to the clause
        # (not before "that": "learned [a lesson] that ..." keeps its object out)
        opens = cue.doc[start].lower_ == "that"
        nxt = cue.doc[cue.i + 1] if cue.i + 1 < start and not opens else None
        if (
            nxt is not None
            and nxt.pos_ in NOMINAL
            and nxt.ent_type_ not in ("DATE", "TIME")
            and not any(t.is_punct and t.text != "," for t in cue.doc[cue.i + 1 : start])
        ):
            start = cue.i + 1
        while start - 1 > cue.i and _subject_like(cue, cue.doc[start - 1]):
            start -= 1
    end = max(t.i for c in after for t in c.subtree if t.i >= first.i) + 1
    # "said that IE6 has 277 vulnerabilities; 39 percent are critical": a semicolon ends it
    end = next((i for i in range(start, end) if cue.doc[i].text == ";"), end)
    return list(range(max(start, lo), min(end, hi)))


def _subject_like(cue: Token, tok: Token) -> bool:
    """``tok`` sits between a cue and its clause in a phrase that is no circumstance of the
    cue ("said [in a statement] that", "told [reporters]"): a misattached clause subject."""
    if tok.is_punct or tok.is_space:
        return False
    while tok.head != cue:
        if tok.head == tok:
            return False
        tok = tok.head
    if tok.dep_ in CIRCUMSTANCE or tok.ent_type_ in ("DATE", "TIME"):
        return False
    if tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN"):
        return False  # "admitted it, [writing in a blog post] "I have ..."": a clause of its own
    return not (tok.dep_ == "advmod" and tok.pos_ == "ADV")


def _clause_before(cue: Token, comps: list[Token], lo: int, hi: int) -> list[int]:
    """Content before a sentence-final cue ("..., the ministry said"): the clause, contiguous."""
    before = [c for c in comps if c.i < cue.i]
    if not before:
        return []
    start = min(c.left_edge.i for c in before)
    subj = subject_of(cue, lo, hi)
    end = max(c.right_edge.i for c in before) + 1
    if subj is not None and subj.i < cue.i:
        end = min(end, subj.left_edge.i)
    return list(range(max(start, lo), min(end, cue.i, hi)))


def _around(cue: Token, lo: int, hi: int) -> list[int]:
    """A cue hung on its content clause: "I think" before it takes what follows ("Had it
    happened earlier, I think the toll would ..." -> "the toll would ..."); "..., she said"
    takes what precedes."""
    head = cue.head
    own = {t.i for t in cue.subtree}
    first = min(own)
    if cue.i < head.i:
        end = head.right_edge.i + 1
        return [i for i in range(max(cue.right_edge.i + 1, lo), min(end, hi)) if i not in own]
    start = head.left_edge.i
    return [i for i in range(max(start, lo), min(first, hi))]


def _hangs_on_clause(cue: Token) -> bool:
    """The cue is attached to its content: "..., she said" or "As she told the paper, ..."."""
    if cue.dep_ == "parataxis":
        return True
    return cue.dep_ == "advcl" and any(c.lower_ == "as" for c in cue.lefts)


def _verb(doc: Doc, cue: Token, lines: Lines, lex: CueLexicon) -> Candidate | None:
    lo, hi = lines.of(cue.i)
    comps = [c for c in cue.children if c.dep_ == "ccomp" and lo <= c.i < hi]
    comps += [c for c in cue.children if lo <= c.i < hi and unlinked_clause(cue, c)]
    keep: list[int]
    open_end = False
    block = colon_block(doc, cue, lines, lex.speech)
    if block is not None and not any(c.i > cue.i for c in comps):
        keep = block
    elif comps:
        keep = _clause_after(cue, comps, lo, hi)
        open_end = bool(keep)
        keep = keep or _clause_before(cue, comps, lo, hi)
    elif _hangs_on_clause(cue) and lo <= cue.head.i < hi:  # "..., she said" / "As she told"
        keep = _around(cue, lo, hi)
    elif (final := _before_final_cue(doc, cue, lo, hi)) is not None:
        keep = final
    elif (that := that_after(doc, cue, hi, cue.lemma_.lower() in ADDRESSED)) is not None:
        # the parser missed the clause ("observed that the date ... coincided"): up to the end
        keep = list(range(that, min(cue.sent.end, hi)))
        open_end = True
    elif (clause := clause_next(doc, cue, hi)) is not None:
        keep = list(range(cue.i + 1, clause.right_edge.i + 1))  # "with the i reporting [...]"
        open_end = True
    else:
        return None
    content = _runs(doc, keep)
    if not content or _words(doc, content) < 2:
        return None
    if is_according(doc[content[0][0]]):
        return None  # a clause that another cue attributes
    negated = any(c.dep_ == "neg" for c in cue.children)
    # "could not say who fired", "to determine whether ...": a question, no claim made
    wondering = cue.tag_ == "VB" and (cue.lemma_.lower() in lex.cognition or cue.dep_ == "xcomp")
    if (negated or wondering) and doc[content[0][0]].lower_ in WH:
        return None
    speaker = _speaker(doc, cue, lo, hi, lex)
    if speaker is None:
        return None
    if content[0][0] > cue.i and (both := parenthetical(doc, cue, speaker, lo, hi)) is not None:
        content = _runs(doc, both)  # "Institutional recipients, said Mauer, are required ..."
    if (
        doc[content[0][0]].tag_ in FINITE
        and doc[speaker.head].lower_ not in FIRST_PERSON
        and not _set_off(doc, min(speaker.start, cue.i))
    ):
        # "what culture thought [was important]": a clause without its subject is a relative
        # gap, no statement (unlike an interrupting cue: '"The talks," she said, "went well"');
        # first-person thought stays a statement wherever it stands ("what we think [will]")
        return None
    if cue.lemma_.lower() in PERSONAL_ONLY and doc[speaker.head].lower_ not in PRONOUNS:
        return None  # "public domain means ...": a definition, not a statement
    cue_after = content[-1][1] <= cue.i
    if cue_after and not any(t.tag_ in FINITE for s, e in content for t in doc[s:e]):
        return None  # "[Following a town hall meeting], Kasich stressed": no clause, no content
    if cue_after and comps:
        inner = comps[0]
        # "She stressed that ..., reports UNN": an outlet crediting a report, not a statement;
        # but "I think the talks will fail, he said" is his statement of his own thought.
        own = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON
                  for c in inner.children)  # fmt: skip
        reported = inner.lemma_.lower() in lex.verbs and any(
            c.dep_ == "ccomp" for c in inner.children
        )
        if reported and not own:
            return None
    end = cue.i + 1
    for c in cue.rights:  # phrasal verbs: "pointed out"
        if c.dep_ == "prt" and c.i == end:
            end += 1
    return Candidate((cue.i, end), speaker, content, cue_after=cue_after, open_end=open_end)


def candidates(doc: Doc, lex: CueLexicon, lines: Lines) -> list[Candidate]:
    """Every attribution the parse shows, in text order."""
    verbs = lex.speech | lex.cognition
    out: list[Candidate] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in verbs and tok.pos_ in ("VERB", "AUX"):
            found = _verb(doc, tok, lines, lex)
        elif tok.lower_ == "according" and is_according(tok):
            to = next(c for c in tok.children if c.lower_ == "to")
            found = _phrase_cue(doc, tok.i, to, lines)
        elif tok.lower_ == "words":
            found = _in_the_words(doc, tok, lines)
        else:
            continue
        if found is not None:
            out.append(found)
    return settle(doc, out, lines, verbs)
