"""Every match of a case-insensitive grammar pattern, found on a lower-cased copy of the text.

Python's ``re`` compares each character case-insensitively when a pattern has ``IGNORECASE``,
which about doubles the cost of scanning a text. Most of our grammar's patterns name only
lower-case letters, so they can scan the text with its ASCII letters lower-cased (same length,
same offsets) without the flag: the same positions match. Each hit is then matched again, at
its position, by the original pattern on the original text, so the rules see exactly the match
object they always saw (groups with the text's own capitals). A pattern that names capitals or
switches case sensitivity off somewhere, and a text holding one of the few non-ASCII letters
that ``IGNORECASE`` folds onto ASCII ones ("ſ", the Kelvin sign ...), take the plain scan.
``tests/extract/test_times_scan.py`` checks both give the same matches on news.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# non-ASCII letters whose case folding is an ASCII letter (Python's IGNORECASE matches them)
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a\u212b")


def lowered(text: str) -> str | None:
    """``text`` with ASCII capitals lower-cased; None when a lower-cased scan could differ."""
    if not FOLDS_TO_ASCII.isdisjoint(text):
        return None
    return text.translate(_LOWER)


def _unescaped(pattern: str) -> str:
    """The pattern less its escapes and group names (whose letters match nothing)."""
    return re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern)


def case_free(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without ``IGNORECASE`` when it means the same on lower-cased text, else None."""
    if not pattern.flags & re.IGNORECASE:
        return None
    bare = _unescaped(pattern.pattern)
    if "(?-i" in bare or "(?i" in bare or any(c.isascii() and c.isupper() for c in bare):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


class Scan:
    """One grammar pattern with its faster, case-free twin (when it has one), and the words
    one of which every match holds (``needs``: lower-case for an ``IGNORECASE`` pattern, then
    looked for in the lower-cased text; as written otherwise): a text without any of them is
    not scanned (most articles name no century, decade or fiscal quarter)."""

    __slots__ = ("fast", "needs", "pattern")

    def __init__(self, pattern: re.Pattern[str], needs: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.fast = case_free(pattern)
        self.needs = needs

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text)``; ``low`` is :func:`lowered` of ``text``."""
        if self.needs:
            if not self.pattern.flags & re.IGNORECASE:
                if not any(n in text for n in self.needs):
                    return
            elif low is not None and not any(n in low for n in self.needs):
                return  # (no lower-cased text: a letter folds onto ASCII; scan it all)
        if self.fast is None or low is None:
            yield from self.pattern.finditer(text)
            return
        hits: list[re.Match[str]] = []
        for hit in self.fast.finditer(low):
            m = self.pattern.match(text, hit.start())
            if m is None or m.end() != hit.end():  # cannot happen; never guess if it does
                yield from self.pattern.finditer(text)
                return
            hits.append(m)
        yield from hits
