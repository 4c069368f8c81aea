"""Matrix products on numpy's BLAS, one thread per process.

spaCy's small pipeline spends most of its time in matrix products (the CNN layers of its two
``Tok2Vec`` encoders). thinc runs them on the ``blis`` package by default; numpy ships an
OpenBLAS built for the machine's CPU, which on the machines we measured multiplies the
pipeline's matrices about three times as fast on one core (``make bench`` shows spaCy itself
with either). :func:`install` points every layer of a loaded pipeline at thinc's ``NumpyOps``
without blis. The products are the same up to float rounding: tags, parse and entities agreed on
every token of 120 TimeBank articles, and ``tests/nlp/test_ops.py`` checks agreement on news.

newskb runs one process per core, so :func:`one_thread` holds numpy's BLAS to one thread in
this process (a BLAS thread pool per worker would fight the other workers for the cores).
``NEWSKB_BLAS=blis`` keeps spaCy's own setting.
"""

from __future__ import annotations

import os
from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

ENV = "NEWSKB_BLAS"
_LIMITS: list[Any] = []  # the thread limit in force in this process (kept alive)


def wanted() -> bool:
    """False when the environment asks for spaCy's own ``blis`` products."""
    return os.environ.get(ENV, "").strip().lower() != "blis"


def one_thread() -> None:
    """Hold numpy's BLAS to one thread in this process (once)."""
    if not _LIMITS:
        _LIMITS.append(threadpool_limits(limits=1, user_api="blas"))


def install(nlp: Language) -> int:
    """Run every layer of ``nlp`` on numpy's BLAS (one thread); return how many layers changed."""
    if not wanted():
        return 0
    one_thread()
    ops = NumpyOps(use_blis=False)
    n = 0
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if getattr(node.ops, "use_blis", False):
                node.ops = ops
                n += 1
    return n
