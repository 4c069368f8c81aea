"""Quotes: who said what — direct, indirect and mixed speech with speaker, cue and content.

Pipeline (pure, no I/O beyond the packaged cue lexicon read once per process):
1. ``direct``: quote-mark regions (straight/curly, across paragraphs, nested, unbalanced).
2. ``indirect``: cues from the dependency parse (lexicon verbs with a clause, "according to").
3. ``assemble``: candidates + regions -> kind (direct / indirect / mixed), interrupted quotes as
   one quote with fragments, unattributed long quotations kept with no speaker.
4. ``speaker``: the source span resolved to an entity (mentions, else he/she antecedents).
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

# The selective parser parses only sentences some extractor needs: ours hold a speech cue or a
# quote mark. Cognition verbs (think, know, see ...) are too common to ask a parse for: they count
# as cues where the sentence is parsed anyway (inside quotations, which hold marks).
declare(
    "quotes",
    lemmas=sorted(lexicon().speech),
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
