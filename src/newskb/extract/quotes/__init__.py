"""Quotes: who said what — direct, indirect and mixed speech with speaker, cue and content.

Pipeline (pure, no I/O beyond the packaged cue lexicon read once per process):
1. ``direct``: quote-mark regions (straight/curly, across paragraphs, nested, unbalanced).
2. ``indirect``: cues from the dependency parse (lexicon verbs with a clause, "according to").
3. ``assemble``: candidates + regions -> kind (direct / indirect / mixed), interrupted quotes as
   one quote with fragments, unattributed long quotations kept with no speaker.
4. ``speaker``: the source span resolved to an entity (mentions, else he/she antecedents).

Span conventions (checked against GUM's attribution gold where it is consistent):

- content: one contiguous stretch of the reported clause, the complementiser "that" included
  ("said [that the talks failed]"), trimmed of edge punctuation and quote marks; for a direct quote
  the text inside the marks (fragments for an interrupted quote); a clause before a final cue
  ("[The talks failed], she said") or around a parenthetical one ("Had it rained, I think [the
  toll would be higher]": what follows the cue). Words between the cue and its clause are content
  only when they open it ("believed [the movement ... helped]"), never an addressee ("told
  reporters that") or a circumstance ("said on Monday that").
- source: the subject's whole noun phrase with titles and prepositional or participial
  modifiers ("Senior researcher Mu Li of the University of NSW", "A leaked letter seen by Sky
  News"), without a comma-set apposition, a relative clause or a time phrase ("Den Scavino at
  16:00 Kyiv time" -> "Den Scavino"), but with a comma-set post-nominal title ("Tom Molomby,
  SC"); a participle's source is its noun ("[a statement] saying that"). A passive cue's source
  is its agent; "it was reported that"
  has none and is no quote. "It" is a source only of an active speech verb ("..., it added").
- cue: the verb (with its particle: "pointed out") or the phrase ("according to", "in the words
  of"); not auxiliaries, not GUM's habit of adding the source's noun ("report says" -> "says").
- a clause with no subject after a third-person cue is a relative gap, no quote ("what the
  public thought [was important]"), unless the cue interrupts it after a comma.
- first-person thought ("I think", "I believe", "I mean" but not "X means"): a statement by the
  speaker, reported as ``indirect`` with speaker "I" (kept as the span the text gives),
  wherever it stands: sentences holding any cue of the lexicon are always parsed.
- colon-introduced statements ("The Church denied the allegations:" + the next paragraph; 'Sunak
  defended the record whilst promising an update: "..."'): the speech verb before the colon, its
  subject, and the set-off text as content.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from newskb.extract.quotes.assemble import drafts, quotes
from newskb.extract.quotes.cues import lexicon
from newskb.extract.quotes.direct import has_marks, regions
from newskb.extract.quotes.indirect import Lines, candidates
from newskb.extract.quotes.speaker import EntityIndex
from newskb.extract.registry import extractor
from newskb.model import Article, Extraction, Quote
from newskb.nlp.prefilter import declare

__all__ = ["extract_quotes", "find_quotes"]

# The selective parser parses only sentences some extractor needs: ours hold a cue of the
# lexicon (speech and cognition verbs alike, so "I think ..." counts wherever it stands), the
# "according" / "in the words of" phrases or a quote mark.
declare(
    "quotes",
    lemmas=sorted(lexicon().verbs),
    words=("according", "words"),
    marks=('"', "“", "”", "„", "«", "»"),
)


def find_quotes(doc: Doc, so_far: Extraction) -> tuple[Quote, ...]:
    """All quotes of one parsed article, ids ``Q1``.. in text order."""
    if not len(doc):
        return ()
    lines = Lines.build(doc)
    lex = lexicon()
    cands = candidates(doc, lex, lines)
    regs = regions(doc.text) if has_marks(doc.text) else []
    if not cands and not regs:
        return ()
    index = EntityIndex.build(so_far.entities)
    types = {e.id: e.type for e in so_far.entities}
    return tuple(quotes(doc, drafts(doc, cands, regs, lines, lex), index, types))


@extractor("quotes")
def extract_quotes(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return dataclasses.replace(so_far, quotes=find_quotes(doc, so_far))
