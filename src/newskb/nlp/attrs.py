"""spaCy's ``attribute_ruler`` output at a fraction of its cost.

The model's attribute ruler holds a tag map (one pattern per fine-grained tag, giving POS and
morphology) followed by a few hundred exception patterns (words, pairs of words, dependency
labels). spaCy applies every match through Python objects, one per token, which costs about a
tenth of the whole small pipeline. Here the tag-map part is one array lookup per doc and only the
exceptions go through a (much smaller) stock ``AttributeRuler``: the same patterns, applied in
the same order, so the output is identical (``tests/nlp/test_attrs.py`` checks that token by token).

The split is exact only when the tag-map patterns come first and set nothing the exceptions
match on; :func:`fast_ruler` checks that and otherwise returns the stock component.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_MATCH_KEYS_SET_BY_TAG_MAP = {"POS", "MORPH"}


def _tag_only(pattern: list[list[dict[str, Any]]]) -> list[str] | None:
    """The tags of a one-token pattern that tests only ``TAG`` (``"NN"`` or ``{"IN": [...]}``)."""
    if len(pattern) != 1 or len(pattern[0]) != 1 or set(pattern[0][0]) != {"TAG"}:
        return None
    tag = pattern[0][0]["TAG"]
    if isinstance(tag, str):
        return [tag]
    if isinstance(tag, dict) and set(tag) == {"IN"}:
        return [str(t) for t in tag["IN"]]
    return None


_KEYS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
Test = list[tuple[int, set[int]]]  # (column, allowed values): all must hold


def _first_token_test(nlp: Language, token: dict[str, Any], regexes: list[str]) -> Test:
    """What a pattern's first token needs, as exact values on cheap columns; a key the test
    cannot express exactly (``NOT_IN``, ...) is left out, so the test only ever over-selects.
    A ``REGEX`` on ``LOWER`` goes to ``regexes`` (checked once per distinct word)."""
    test: Test = []
    for key, want in token.items():
        col = _KEYS.get(key)
        if col is None:
            continue
        if isinstance(want, dict):
            if key == "LOWER" and set(want) == {"REGEX"}:
                regexes.append(str(want["REGEX"]))
                test.append((col, set()))  # filled per word at run time
                continue
            if set(want) != {"IN"}:
                continue
            values = list(want["IN"])
        else:
            values = [want]
        if key == "IS_SPACE":
            test.append((col, {int(bool(v)) for v in values}))
        else:
            test.append((col, {nlp.vocab.strings.add(str(v)) for v in values}))
    return test


def _exact_test(nlp: Language, p: dict[str, Any]) -> Test | None:
    """The whole condition of a one-token, one-alternative exception as exact column values,
    or None when the matcher must check it (more tokens, operators, regexes, other keys)."""
    if len(p["patterns"]) != 1 or len(p["patterns"][0]) != 1 or p.get("index", 0) not in (0, -1):
        return None
    test: Test = []
    for key, want in p["patterns"][0][0].items():
        col = _KEYS.get(key)
        if col is None:
            return None
        if isinstance(want, dict):
            if set(want) != {"IN"}:
                return None
            values = list(want["IN"])
        else:
            values = [want]
        if key == "IS_SPACE":
            if not all(isinstance(v, bool) for v in values):
                return None
            test.append((col, {int(v) for v in values}))
        elif all(isinstance(v, str) for v in values):
            test.append((col, {nlp.vocab.strings.add(v) for v in values}))
        else:
            return None
    return test


class FastAttributeRuler:
    """Tag map as a lookup table, exceptions through a stock ruler (same order, same output).

    One-token exceptions whose every condition is an exact value of ``LOWER``, ``TAG``,
    ``DEP`` or ``IS_SPACE`` (most of them) are matched as array tests over the whole batch;
    the matcher, holding only the others, runs only on short windows that start at a token able
    to begin one of its patterns (spaCy's matcher tries every pattern at every token, which is
    its cost). Matches of both kinds are applied together, in the stock order.
    """

    def __init__(
        self,
        nlp: Language,
        table: dict[int, tuple[int, int]],
        rest: AttributeRuler,
        tests: list[Test],
        width: int,
        regexes: list[str],
        exact: list[tuple[int, Test]] | None = None,
        matcher: Matcher | None = None,
    ):
        self.nlp = nlp
        self.table = table  # tag hash -> (POS id, MORPH hash)
        self.rest = rest
        self.matcher = matcher if matcher is not None else rest.matcher
        # (exception number, its test as arrays): matched over a whole batch at once
        self.exact = [
            (j, [(col, numpy.array(sorted(vals), dtype="uint64")) for col, vals in t])
            for j, t in exact or ()
        ]
        self.exact_keys = {j: rest.vocab.strings.add(str(j)) for j, _ in self.exact}
        # Patterns whose first token names its word(s) share one lookup; the rest keep theirs.
        lowers = {v for t in tests for col, vals in t if col == _KEYS["LOWER"] for v in vals}
        self.lowers = numpy.array(sorted(lowers), dtype="uint64")
        self.tests = [
            [(col, numpy.array(sorted(vals), dtype="uint64")) for col, vals in t]
            for t in tests
            if all(col != _KEYS["LOWER"] for col, _ in t)
        ]
        self.regex = re.compile("|".join(f"(?:{r})" for r in regexes)) if regexes else None
        self.seen: dict[int, bool] = {}  # word hash -> matches a first-token REGEX
        self.width = width  # the longest exception pattern, in tokens

        keys = sorted(table)
        self.tag_keys = numpy.array(keys, dtype="uint64")
        self.tag_pos = numpy.array([table[k][0] for k in keys], dtype="uint64")
        self.tag_morph = numpy.array([table[k][1] for k in keys], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        self._batch([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self._batch(batch)
                yield from batch
                batch = []
        if batch:
            self._batch(batch)
            yield from batch

    def _batch(self, docs: list[Doc]) -> None:
        """Both steps over a batch at once: numpy work on the joined arrays, then per doc."""
        docs = [d for d in docs if len(d)]
        if not docs:
            return
        cols = numpy.concatenate(
            [d.to_array([TAG, POS, MORPH, LOWER, DEP, IS_SPACE]) for d in docs]
        )
        if len(self.tag_keys):
            at = numpy.searchsorted(self.tag_keys, cols[:, 0]).clip(0, len(self.tag_keys) - 1)
            known = self.tag_keys[at] == cols[:, 0]
            cols[known, 1] = self.tag_pos[at[known]]
            cols[known, 2] = self.tag_morph[at[known]]
        keyed = cols[:, [3, 0, 4, 5]]  # as in _KEYS
        hits = self._candidates(docs[0].vocab, keyed)
        rows, which = self._exact_matches(keyed)
        lo = 0
        for doc in docs:
            hi = lo + len(doc)
            doc.from_array([POS, MORPH], cast(Any, numpy.ascontiguousarray(cols[lo:hi, 1:3])))
            a, b = numpy.searchsorted(rows, [lo, hi])
            exact = [
                (j, self.exact_keys[j], i - lo, i - lo + 1)
                for i, j in zip(rows[a:b].tolist(), which[a:b].tolist(), strict=True)
            ]
            self._exceptions(doc, hits[lo:hi], exact)
            lo = hi

    def _exact_matches(self, arr: Any) -> tuple[Any, Any]:
        """(token rows, exception numbers) of every exact one-token match, by row."""
        rows: list[Any] = []
        which: list[Any] = []
        for j, test in self.exact:
            mask = numpy.ones(len(arr), dtype=bool)
            for col, allowed in test:
                mask &= numpy.isin(arr[:, col], allowed)
            found = numpy.flatnonzero(mask)
            if len(found):
                rows.append(found)
                which.append(numpy.full(len(found), j))
        if not rows:
            return numpy.zeros(0, dtype="int64"), numpy.zeros(0, dtype="int64")
        all_rows, all_which = numpy.concatenate(rows), numpy.concatenate(which)
        order = numpy.argsort(all_rows, kind="stable")
        return all_rows[order], all_which[order]

    def _candidates(self, vocab: Any, arr: Any) -> Any:
        """Tokens that may start an exception pattern (columns LOWER, TAG, DEP, IS_SPACE)."""
        hits = numpy.isin(arr[:, 0], self.lowers)
        if self.regex is not None:
            hits |= numpy.isin(arr[:, 0], self._regex_words(vocab, arr[:, 0]))
        for test in self.tests:
            mask = numpy.ones(len(arr), dtype=bool)
            for col, allowed in test:
                mask &= numpy.isin(arr[:, col], allowed)
            hits |= mask
        return hits

    def _regex_words(self, vocab: Any, lowers: Any) -> list[int]:
        assert self.regex is not None
        strings = vocab.strings
        out: list[int] = []
        if len(self.seen) > 500_000:  # a long run meets ever new words: stay bounded
            self.seen.clear()
        for key in numpy.unique(lowers).tolist():
            hit = self.seen.get(key)
            if hit is None:
                hit = self.seen[key] = bool(self.regex.search(strings[key]))
            if hit:
                out.append(key)
        return out

    def _exceptions(self, doc: Doc, hits: Any, exact: list[tuple[int, int, int, int]]) -> None:
        strings = self.rest.vocab.strings
        matches: list[tuple[int, int, int, int]] = exact
        spans: list[list[int]] = []  # [start, end): every candidate with its pattern width
        for i in numpy.flatnonzero(hits).tolist():
            if spans and i <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], min(len(doc), i + self.width))
            else:
                spans.append([i, min(len(doc), i + self.width)])
        for start, end in spans:
            for key, a, b in self.matcher(doc[start:end], allow_missing=True, as_spans=False):
                matches.append((int(strings[key]), key, a + start, b + start))
        if matches:
            matches.sort()
            self.rest.set_annotations(doc, matches)  # type: ignore[no-untyped-call]


def fast_ruler(nlp: Language) -> Any:
    """A drop-in for ``nlp.get_pipe("attribute_ruler")`` (the stock one where unsafe)."""
    stock = nlp.get_pipe("attribute_ruler")
    patterns = cast(list[dict[str, Any]], list(cast(AttributeRuler, stock).patterns))
    head = 0
    while head < len(patterns) and _tag_only(patterns[head]["patterns"]) is not None:
        head += 1
    tail = patterns[head:]
    if any(_tag_only(p["patterns"]) is not None for p in tail):
        return stock
    if any(set(p["attrs"]) - _MATCH_KEYS_SET_BY_TAG_MAP for p in patterns[:head]):
        return stock
    if any(k in ("POS", "MORPH") for p in tail for tok in p["patterns"][0] for k in tok):
        return stock
    vocab = nlp.vocab
    table: dict[int, tuple[int, int]] = {}
    for p in patterns[:head]:
        tags = _tag_only(p["patterns"]) or []
        attrs = p["attrs"]
        for tag in tags:
            old_pos, old_morph = table.get(vocab.strings.add(tag), (0, 0))
            pos = POS_IDS[attrs["POS"]] if "POS" in attrs else old_pos
            morph = old_morph
            if "MORPH" in attrs:
                morph = cast(int, vocab.morphology.add(attrs["MORPH"]))
            table[vocab.strings.add(tag)] = (pos, morph)
    rest = AttributeRuler(vocab, name="attribute_ruler_exceptions")
    tests: list[Test] = []
    regexes: list[str] = []
    width = 1
    exact: list[tuple[int, Test]] = []
    matcher = Matcher(vocab)
    for j, p in enumerate(tail):
        rest.add(p["patterns"], p["attrs"], index=p.get("index", 0))
        test = _exact_test(nlp, p)
        if test is not None:
            exact.append((j, test))
            continue
        matcher.add(vocab.strings.add(str(j)), p["patterns"])  # as ``rest`` keys it
        for pattern in p["patterns"]:
            tests.append(_first_token_test(nlp, pattern[0], regexes))
            width = max(width, len(pattern))
    return FastAttributeRuler(nlp, table, rest, tests, width, regexes, exact, matcher)
