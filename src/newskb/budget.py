"""The cost budget of one article: characters before any NLP, seconds for parse + extraction.

An article over budget ends as a coded ``NKB204`` error row and the batch goes on.
``MAX_CHARS`` refuses what no budget could process; ``seconds`` arms an alarm on the
process's CPU time (``ITIMER_PROF``: a loaded machine does not make a good article fail) of
``BASE_S + PER_CHAR_S x characters`` (about three times what a normal article costs per
character, plus the first article's lazy loading) around its parse and extraction. The alarm
needs the main thread (pool workers and the CLI run there); elsewhere (a server thread, a Dask task)
only the size limits apply. ``NEWSKB_BUDGET_SCALE`` multiplies the seconds (0: no alarm).
Read by ``newskb.pipeline``; imports no stage.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newskb.errors import OverBudget
from newskb.model import Article

MAX_CHARS = 400_000
"""Measured (issue 23): a 1,000,000-character article peaks at 3.0 GB and 203 CPU s (2.6x a
normal article per character); memory grows about 2.7 KB per character, so 1.5 GB is reached
near 400k characters. Longer articles stop at once with NKB204."""
ALONE_CHARS = 50_000  # a longer article is parsed alone, inside its own budget
BASE_S = 20.0
PER_CHAR_S = 200e-6


_AGAIN_S = 0.05  # CPU seconds between rings once an article is over its budget


class _Alarm(BaseException):
    """Raised by the alarm (a BaseException, so no ``except Exception`` swallows it)."""


def check_size(article: Article) -> None:
    if len(article.text) > MAX_CHARS:
        raise OverBudget(
            f"article has {len(article.text):,} characters, the budget is {MAX_CHARS:,}",
            path=article.path,
        )


def allowance(chars: int) -> float:
    """The seconds an article of ``chars`` characters may take (0: unlimited)."""
    try:
        scale = float(os.environ.get("NEWSKB_BUDGET_SCALE", "1"))
    except ValueError:
        scale = 1.0
    return max(0.0, scale) * (BASE_S + PER_CHAR_S * chars)


@contextmanager
def seconds(article: Article) -> Iterator[None]:
    """Stop the work inside at the article's seconds budget with ``OverBudget`` (NKB204)."""
    limit = allowance(len(article.text))
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if limit <= 0 or not usable:
        yield
        return
    armed = [True]
    fired = [False]

    def ring(_signum: int, _frame: FrameType | None) -> None:
        if armed[0]:
            fired[0] = True
            raise _Alarm

    previous = signal.signal(signal.SIGPROF, ring)
    # The alarm repeats: Python ignores an exception raised while it runs a weakref callback or
    # a finaliser, so one ring can be lost; a lost ring is still counted (``fired``).
    signal.setitimer(signal.ITIMER_PROF, limit, _AGAIN_S)
    try:
        yield
        if fired[0]:
            raise _Alarm
    except _Alarm:
        armed[0] = False  # no second ring while the error is made
        raise OverBudget(
            f"article took over {limit:.3g} CPU seconds, "
            f"its budget for {len(article.text):,} characters",
            path=article.path,
        ) from None
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
