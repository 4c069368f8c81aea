"""Guarded speed-ups: newskb's faster spaCy components are used only where they are exact.

newskb replaces parts of spaCy's pipeline with equivalent, faster ones: each distinct token
embedded once (``newskb.nlp.embed``), matrix products on numpy's BLAS (``.ops``), the attribute
ruler's tag map as one array lookup (``.attrs``), the rule lemmatizer per distinct key
(``.lemmas``) and NER run in windows around candidate words (``.windows``). They rely on spaCy
and thinc internals, so at model load :func:`install` checks two things, in every process:

1. spaCy and thinc are within the versions these components were tested with
   (:data:`TESTED`); else ``NKB251`` is logged and the stock components are used;
2. a short fixed probe (:data:`PROBE`, ~40 tokens) run through the stock components and through
   the fast ones gives the same tags, POS, morphology, lemmas, heads, dependency labels,
   sentence starts and entities; else ``NKB250`` (naming the first difference) is logged, the
   swapped layers are put back and the stock components are used.

Each is one warning on the ``newskb`` logger (the library never prints). The probe costs a few
tens of milliseconds. :func:`fast_enabled` tells the parser whether a pipeline runs fast.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any, cast

import spacy.about
import thinc
from spacy.language import Language
from spacy.tokens import Doc

from newskb.nlp import embed, ops

__all__ = ["PROBE", "PROBE_MISMATCH", "TESTED", "VERSION_UNTESTED", "fast_enabled", "install"]

log = logging.getLogger("newskb.nlp")

PROBE_MISMATCH = "NKB250"  # the fast components disagreed with the stock ones on the probe
VERSION_UNTESTED = "NKB251"  # spaCy or thinc outside the tested versions
TESTED = {"spacy": ((3, 8), (3, 9)), "thinc": ((8, 3), (8, 4))}  # [low, high) by (major, minor)
PROBE = (
    "Karoline Leavitt said on Tuesday that talks with Russia in Geneva would resume soon.\n"
    "Officials in Kyiv rejected the plan, the ministry told Reuters.\n"
    "The 42 inspectors had arrived at the Zaporizhzhia plant on March 3, 2025."
)
STAGE2 = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
NEEDED = ("senter", "ner", *STAGE2)  # what newskb's parser runs (``newskb.nlp.selective``)

_FAST: weakref.WeakKeyDictionary[Language, bool] = weakref.WeakKeyDictionary()


def fast_enabled(nlp: Language) -> bool:
    """Whether ``nlp`` may run newskb's fast components (True for a pipeline never guarded)."""
    return _FAST.get(nlp, True)


def _version(text: str) -> tuple[int, int]:
    parts = [*text.split("+")[0].split("."), "0", "0"][:2]
    return int("".join(c for c in parts[0] if c.isdigit()) or 0), int(
        "".join(c for c in parts[1] if c.isdigit()) or 0
    )


def version_problem(versions: dict[str, str] | None = None) -> str | None:
    """A sentence naming the package outside :data:`TESTED`, or None when all are within."""
    found = versions or {"spacy": spacy.about.__version__, "thinc": thinc.__version__}
    for package, (low, high) in TESTED.items():
        have = _version(found[package])
        if not low <= have < high:
            return (
                f"{package} {found[package]} is outside the tested range "
                f">={low[0]}.{low[1]},<{high[0]}.{high[1]}"
            )
    return None


def _view(doc: Doc) -> list[tuple[Any, ...]]:
    """What the probe compares: per token, then the entities."""
    rows: list[tuple[Any, ...]] = [
        (t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
        for t in doc
    ]
    rows += [("ent", e.start, e.end, e.label_) for e in doc.ents]
    return rows


def _stock_run(nlp: Language, text: str) -> Doc:
    """The stock components, in the order and with the sentence starts newskb's parser uses."""
    from newskb.nlp.selective import newline_boundaries

    doc = nlp.make_doc(text)
    doc = newline_boundaries(cast(Any, nlp.get_pipe("senter"))(doc))
    doc = cast(Any, nlp.get_pipe("ner"))(doc)
    for name in STAGE2:
        doc = cast(Any, nlp.get_pipe(name))(doc)
    return cast(Doc, doc)


def _fast_run(nlp: Language, text: str) -> Doc:
    from newskb.nlp.selective import parse_selective

    (doc,) = parse_selective([text], nlp, 8, lambda t: [t], select=lambda _s: True)
    return doc


def _swap(nlp: Language) -> Callable[[], None]:
    """Install the fast embedding and BLAS products; return what puts the stock layers back."""
    chains = embed._tok2vec_chains(nlp)
    firsts = [(chain, chain.layers[0]) for chain in chains if chain.layers]
    nodes = [
        (node, node.ops)
        for _name, component in nlp.components
        if hasattr(getattr(component, "model", None), "walk")
        for node in cast(Any, component).model.walk()
    ]
    embed.install(nlp)
    ops.install(nlp)

    def undo() -> None:
        for chain, first in firsts:
            chain.layers[0] = first
        for node, node_ops in nodes:
            node.ops = node_ops

    return undo


def _difference(stock: list[tuple[Any, ...]], fast: list[tuple[Any, ...]]) -> str | None:
    for a, b in zip(stock, fast, strict=False):
        if a != b:
            return f"stock {a} vs fast {b}"
    if len(stock) != len(fast):
        return f"{len(stock)} vs {len(fast)} rows"
    return None


def install(nlp: Language) -> bool:
    """Install the fast components in ``nlp`` if the versions are tested and the probe agrees;
    else log one coded warning and leave ``nlp`` stock. Return whether it runs fast."""
    problem = version_problem()
    if problem is not None:
        _FAST[nlp] = False
        log.warning("%s: newskb's fast spaCy components are off (%s)", VERSION_UNTESTED, problem)
        return False
    _FAST[nlp] = False  # the reference run is stock
    stock = _view(_stock_run(nlp, PROBE))
    undo = _swap(nlp)
    _FAST[nlp] = True
    try:
        difference = _difference(stock, _view(_fast_run(nlp, PROBE)))
    except Exception as exc:  # any failure of a fast component means: stock
        difference = f"the fast components failed: {exc!r}"[:300]
    if difference is None:
        return True
    undo()
    _FAST[nlp] = False
    log.warning(
        "%s: newskb's fast spaCy components disagree with the stock ones on the start-up probe "
        "(%s); using the stock components",
        PROBE_MISMATCH,
        difference,
    )
    return False
