"""spaCy's rule lemmatizer, applied per distinct (word, POS, morphology) instead of per token.

spaCy's ``Lemmatizer`` caches its rule result under the key (word, POS, morphology), reaches
that cache through a Python ``Token`` and ``MorphAnalysis`` object per token, and for a new key
scans the model's word index, a list of tens of thousands of words, for every candidate form:
about 7% of the small pipeline. :class:`FastLemmatizer` reads the three columns as one array,
computes a lemma only for keys it has not seen (the model's own rule, index and exception
tables, read the way the stock component reads them, the index held as a set) and writes the
lemmas back as one array. The lemma is a function of that key, so the output is the stock
component's exactly (``tests/nlp/test_lemmas.py``; all 104,072 tokens of TimeBank + AQUAINT
agree). Only the ``rule`` mode is sped up; any other is left stock.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

CACHE_MAX = 500_000  # keys remembered per process; cleared when full


class FastLemmatizer:
    """A drop-in for a ``rule``-mode ``Lemmatizer``'s ``__call__`` and ``pipe``."""

    def __init__(self, stock: Any) -> None:
        self.stock = stock
        self.overwrite = bool(stock.overwrite)
        self.cache: dict[tuple[int, int, int], int] = {}
        # the model's tables, per coarse POS name ("noun", "verb", ...); tables are keyed by
        # hashes, so they are read by name
        rules, index, exc = (
            stock.lookups.get_table(t, {}) for t in ("lemma_rules", "lemma_index", "lemma_exc")
        )
        names = [p.lower() for p in POS_IDS]
        self.rules: dict[str, list[tuple[str, str]]] = {
            p: [(str(a), str(b)) for a, b in rules.get(p)] for p in names if rules.get(p)
        }
        # the stock component tests ``form in index`` on lists; sets answer the same, at once
        self.index: dict[str, frozenset[str]] = {
            p: frozenset(index.get(p)) for p in names if index.get(p)
        }
        self.exceptions: dict[str, dict[str, list[str]]] = {
            p: dict(exc.get(p)) for p in names if exc.get(p)
        }

    def lemma(self, token: Any) -> str:
        """The stock ``rule`` lemmatizer's first lemma for ``token``."""
        pos = token.pos_.lower()
        if pos in ("", "eol", "space") or self.stock.is_base_form(token):
            return str(self.stock.lemmatize(token)[0])
        index = self.index.get(pos)
        exceptions = self.exceptions.get(pos)
        rules = self.rules.get(pos)
        text: str = token.text
        if not (index or exceptions or rules):
            return str(text) if pos == "propn" else str(text).lower()
        lower = text.lower()
        known: list[str] = []  # forms in the index (rule order), then non-alphabetic forms
        unknown: list[str] = []
        for suffix, replacement in rules or ():
            if not lower.endswith(suffix):
                continue
            form = lower[: len(lower) - len(suffix)] + replacement
            if not form:
                continue
            if index is not None and form in index:
                known.insert(0, form)
            elif not form.isalpha():
                known.append(form)
            else:
                unknown.append(form)
        forms = list(dict.fromkeys(known))
        for form in (exceptions or {}).get(lower, ()):
            if form not in forms:
                forms.insert(0, form)
        if forms:
            return forms[0]
        return unknown[0] if unknown else text

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
        keys = cols[:, :3].tolist()
        old = cols[:, 3].tolist()
        if len(self.cache) > CACHE_MAX:
            self.cache.clear()
        cache = self.cache
        strings = doc.vocab.strings
        lemmas: list[int] = []
        for i, (orth, pos, morph) in enumerate(keys):
            if old[i] and not self.overwrite:
                lemmas.append(old[i])
                continue
            key = (orth, pos, morph)
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = strings.add(self.lemma(doc[i]))
            lemmas.append(lemma)
        doc.from_array([LEMMA], cast(Any, numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1)))
        return doc

    def pipe(self, docs: Any, batch_size: int = 0) -> Any:
        for doc in docs:
            yield self(doc)


def fast_lemmatizer(nlp: Language) -> Any:
    """A drop-in for ``nlp.get_pipe("lemmatizer")`` (the stock one unless in ``rule`` mode)."""
    stock = nlp.get_pipe("lemmatizer")
    if getattr(stock, "mode", None) != "rule":
        return stock
    return FastLemmatizer(stock)
