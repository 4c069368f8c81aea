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

:func:`steady_heap` keeps the C heap from handing freed memory back to the kernel between
batches: each batch allocates and frees the same large arrays (the CNN's activations, a few MB
each), and by default glibc maps each one fresh and unmaps it on free, so every batch paid its
page faults again (about a tenth of a worker's CPU time went to the kernel; half of that is
gone). Peak memory is unchanged: the heap holds at most what a batch used.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

ENV = "NEWSKB_BLAS"
_LIMITS: list[Any] = []  # the thread limit in force in this process (kept alive)
_HEAP: list[int] = []  # the pid of a process whose heap is steadied (or its forked parent)
# glibc's mallopt parameters: arrays under MMAP_MAX come from the heap; the heap keeps up to
# TRIM_MAX of free memory at its top instead of returning it.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_MAX = 64 * 1024 * 1024
TRIM_MAX = 256 * 1024 * 1024


def wanted() -> bool:
    """False when the environment asks for spaCy's own ``blis`` products."""
    return os.environ.get(ENV, "").strip().lower() != "blis"


def one_thread() -> None:
    """Hold numpy's BLAS to one thread in this process (once)."""
    if not _LIMITS:
        _LIMITS.append(threadpool_limits(limits=1, user_api="blas"))


def steady_heap() -> bool:
    """Keep freed array memory in this process's heap (glibc only; once; inherited by forked
    workers). Return whether it applies."""
    if _HEAP:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        ok = bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_MAX) == 1)
        ok = bool(libc.mallopt(M_TRIM_THRESHOLD, TRIM_MAX) == 1) and ok
    except (OSError, AttributeError):  # not glibc
        return False
    if ok:
        _HEAP.append(os.getpid())
    return ok


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
