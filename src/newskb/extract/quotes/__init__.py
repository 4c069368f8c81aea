"""Quotes: who said what — direct, indirect and mixed speech with speaker, cue and content.

Pipeline (pure, no I/O beyond the packaged cue lexicon read once per process):
1. ``direct``: quote-mark regions (straight/curly, across paragraphs, nested, unbalanced).
2. ``indirect``: cues from the dependency parse (lexicon verbs with a clause, "according to").
3. ``assemble``: candidates + regions -> kind (direct / indirect / mixed), interrupted quotes as
   one quote with fragments, unattributed long quotations kept with no speaker.
4. ``speaker``: the source span resolved to an entity (mentions, else he/she antecedents).
5. ``learned``: verb readings the rules leave (``loose`` reads those they refuse), kept when a
   classifier trained on PolNeAR accepts them and no other quote overlaps them.

Span conventions (those of GUM's attribution gold, a content being a discourse unit, where it is
consistent; ``spans`` holds the rules that need every cue of a sentence):

- content: the reported clause, the complementiser "that" included ("said [that the talks
  failed]"), trimmed of edge punctuation (",;:") and quote marks. A clause after its cue runs to
  the end of the sentence ("claims [that her passport was taken and she was forced to work]"),
  or of the relative or adverbial clause holding the cue ("X, who said [that A], resigned"), but
  stops at a semicolon, a colon, a quotation mark, an adverbial clause of the cue ("I think [A]
  because ...") and where another attribution begins ("[A], adding that B", "[A] and it is
  asserted by X that B", "[A], with the i reporting B"). A direct quote is the text inside the
  marks, its own closing "." "?" "!" kept (fragments for an interrupted quote, whose halves only
  the cue, its speaker and their modifiers separate); a mixed quote never ends inside a
  quotation it opened. A clause before a final cue ("[The talks failed], she said"); around a
  parenthetical cue, what follows ("Had it rained, I think [the toll would be higher]"), both
  halves when the cue interrupts the clause after its subject ("[Institutional recipients],
  said Mauer, [are required to ...]"). Words between the cue and its clause are content only
  when they open it ("believed [the movement ... helped]"), never an addressee ("told
  reporters that"), a circumstance ("said on Monday that", "told LA Weekly in a statement
  that") or a participle clause ("admitted it, writing in a blog post, "...""). Content never
  crosses to another sentence, except a colon-introduced block (below).
- source: the subject's whole noun phrase with titles and prepositional or participial
  modifiers ("Senior researcher Mu Li of the University of NSW", "A leaked letter seen by Sky
  News"), a name after a bare title ("curator Elaine Gustafon"), without a comma-set apposition,
  a relative clause, a time phrase ("Den Scavino at 16:00 Kyiv time" -> "Den Scavino") or a
  name set after a role with its possessor ("His father Mohamed ..." -> "His father",
  "Tunisia's coach Nabil Maaloul" -> "Tunisia's coach"), but with a comma-set post-nominal title
  ("Tom Molomby, SC"); an inverted subject right after the cue wins ("Institutional recipients,
  said [Mauer], are"); a noun's participle speaks for the noun ("[a statement] saying that"), a
  verb's participle for the verb's subject ("[He] said A, adding that B"). A passive cue's
  source is its agent; "it was reported that" has none and is no quote. "It" is a source only
  of an active speech verb ("..., it added").
- cue: the verb (with its particle: "pointed out") or the phrase ("according to", "in the words
  of"); not auxiliaries, not GUM's habit of adding the source's noun ("report says" -> "says").
  A cue introduces one quotation: a further quotation standing after it ('"A," she said. "B."')
  or a quoted paragraph after an attributed one keeps the speaker, with no cue.
- a clause with no subject after a third-person cue is a relative gap, no quote ("what the
  public thought [was important]"), unless the cue interrupts it after a comma; an infinitive
  of thought with a wh-clause ("to determine whether ...") is a question, no quote.
- first-person thought ("I think", "I believe", "I mean" but not "X means"): a statement by the
  speaker, reported as ``indirect`` with speaker "I" (kept as the span the text gives),
  wherever it stands: sentences holding any cue of the lexicon are always parsed.
- colon-introduced statements ("The Church denied the allegations:" + the next paragraph; 'Sunak
  defended the record whilst promising an update: "..."'): the speech verb before the colon, its
  subject, and the set-off text as content.
- "Name: statement" lines (headlines, transcripts: "Harry Reid: 'Never underestimate Trump.'"):
  the named entity's statement, the colon its cue (``labels.py``).
- a quotation right after the sentence attributing the one before it goes on with that speaker
  however long the speaker's apposition ('"A," said X, a broker in Tampa who ... . "B."').
- statements read out without quote marks ("X released a statement ..." and the plain
  paragraphs after it, as long as the next paragraph says "X also noted ..."): ``statements.py``.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from newskb.extract.quotes.assemble import drafts, quotes
from newskb.extract.quotes.cues import CueLexicon, lexicon
from newskb.extract.quotes.direct import has_marks, regions
from newskb.extract.quotes.frames import FrameTable, default_table, learned_stances
from newskb.extract.quotes.indirect import Lines, candidates
from newskb.extract.quotes.labels import has_label, labelled, with_labelled
from newskb.extract.quotes.learned import CueModel, default_model, model_stances
from newskb.extract.quotes.objects import OBJECT_LEMMAS, stances
from newskb.extract.quotes.spans import MARKS
from newskb.extract.quotes.speaker import EntityIndex
from newskb.extract.quotes.statements import STATEMENT_NOUNS, read_out
from newskb.extract.registry import extractor
from newskb.model import Article, Extraction, Quote
from newskb.nlp.docs import text_of
from newskb.nlp.prefilter import declare

__all__ = ["extract_quotes", "find_quotes"]

# The selective parser parses only sentences some extractor needs: ours hold a cue of the
# lexicon (speech and cognition verbs alike, so "I think ..." counts wherever it stands), the
# "according" / "in the words of" phrases, a quote mark or a verb of a learned cue frame.
HAND_LEMMAS = lexicon().verbs | OBJECT_LEMMAS
declare(
    "quotes",
    lemmas=sorted(HAND_LEMMAS | default_table().lemmas),
    words=("according", "words", *STATEMENT_NOUNS),  # "released a statement": statements.py
    marks=MARKS,
    verbs_only=sorted(
        HAND_LEMMAS | default_table().lemmas
    ),  # "its report", "the estimates": no cue there
)


def find_quotes(
    doc: Doc,
    so_far: Extraction,
    frames: FrameTable | None = None,
    model: CueModel | None = None,
) -> tuple[Quote, ...]:
    """All quotes of one parsed article, ids ``Q1``.. in text order; ``frames`` is the learned
    cue-frame table (default: the packaged one, ``frames.default_table``), ``model`` the learned
    cue classifier (default: ``learned.default_model``), read after every rule and kept only
    where no other quote is."""
    if not len(doc):
        return ()
    lines = Lines.build(doc)
    lex = lexicon()
    cands = candidates(doc, lex, lines)
    regs = regions(text_of(doc)) if has_marks(text_of(doc)) else []
    minor = stances(doc, lex, lines)
    table = frames if frames is not None else default_table()
    if table.counts:
        minor += learned_stances(doc, lex, lines, table)
        minor.sort(key=lambda c: c.cue[0])
    learned = model_stances(doc, lex, lines, model if model is not None else default_model())
    if not cands and not regs and not minor and not learned:
        if not has_label(text_of(doc)):
            return ()
        return tuple(_renumber(labelled(text_of(doc), EntityIndex.build(so_far.entities))))
    index = EntityIndex.build(so_far.entities)
    types = {e.id: e.type for e in so_far.entities}
    found = quotes(doc, drafts(doc, cands, regs, lines, lex), index, types)
    found = read_out(doc, _without_nested_thoughts(doc, found, lex), index, MARKS)
    if minor:
        extra = quotes(doc, drafts(doc, minor, [], lines, lex), index, types)
        found = sorted([*found, *_outside(extra, found)], key=lambda q: q.content.start)
    if learned:
        extra = quotes(doc, drafts(doc, learned, [], lines, lex), index, types)
        found = sorted([*found, *_outside(extra, found)], key=lambda q: q.content.start)
    lab = labelled(text_of(doc), index) if has_label(text_of(doc)) else []
    if lab:
        found = with_labelled(found, lab)
    return tuple(_renumber(_inner_first_person(found)))


def _without_nested_thoughts(doc: Doc, found: list[Quote], lex: CueLexicon) -> list[Quote]:
    """A thought reported inside what someone said ("Jafari said she felt ...", "said
    fishermen first noticed ...") is part of that statement, not a second quote."""
    cls = {id(q): _cue_class(doc, q, lex) for q in found if q.kind == "indirect" and q.cue}
    outer = [q for q in found if cls.get(id(q)) == "speech"]
    keep: list[Quote] = []
    for q in found:
        nested = (
            q.cue is not None
            and cls.get(id(q)) == "cognition"
            and any(
                o is not q and o.content.start <= q.cue.start and q.cue.end <= o.content.end
                for o in outer
            )
        )
        if not nested:
            keep.append(q)
    return keep


def _inner_first_person(found: list[Quote]) -> list[Quote]:
    """ "I"/"we" speaking inside another speaker's quotation ('"I think we will win," Smith
    said') is that speaker: the span stays "I", its entity is the quoting speaker's."""
    outer = [q for q in found if q.speaker is not None and q.speaker.entity is not None]
    out: list[Quote] = []
    for q in found:
        sp = q.speaker
        if sp is not None and sp.entity is None and sp.text.lower() in ("i", "we") and q.cue:
            cue = q.cue
            host = next((o for o in outer if o is not q and _inside(o, cue.start, cue.end)), None)
            if host is not None and host.speaker is not None:
                q = dataclasses.replace(
                    q, speaker=dataclasses.replace(sp, entity=host.speaker.entity)
                )
        out.append(q)
    return out


def _inside(q: Quote, start: int, end: int) -> bool:
    pieces = q.content.fragments or ((q.content.start, q.content.end),)
    return any(s <= start and end <= e for s, e in pieces)


def _outside(extra: list[Quote], found: list[Quote]) -> list[Quote]:
    """Intentions and stances that stand outside every other quote's content, cue and source:
    one reported inside what someone said ("Clinton said she wants to ...", '"Israel wants to
    make the deal," Trump told') is part of that statement, not a second quote."""
    taken: list[tuple[int, int]] = []
    for q in found:
        taken.extend(q.content.fragments or ((q.content.start, q.content.end),))
        taken.extend((s.start, s.end) for s in (q.cue, q.speaker) if s is not None)
    keep: list[Quote] = []
    for q in extra:
        spans = [*(q.content.fragments or ((q.content.start, q.content.end),))]
        spans.extend((s.start, s.end) for s in (q.cue, q.speaker) if s is not None)
        if not any(a < e and s < b for a, b in spans for s, e in taken):
            keep.append(q)
            taken.extend(spans)
    return keep


def _cue_class(doc: Doc, q: Quote, lex: CueLexicon) -> str:
    assert q.cue is not None
    span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    lemma = span[-1].lemma_.lower() if span is not None and len(span) else q.cue.text.lower()
    if lemma in lex.speech:
        return "speech"
    return "cognition" if lemma in lex.cognition else "other"


def _renumber(found: list[Quote]) -> list[Quote]:
    return [
        q if q.id == f"Q{i}" else dataclasses.replace(q, id=f"Q{i}")
        for i, q in enumerate(found, start=1)
    ]


@extractor("quotes")
def extract_quotes(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return dataclasses.replace(so_far, quotes=find_quotes(doc, so_far))
