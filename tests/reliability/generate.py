"""Generated costly inputs (deterministic): long articles, one endless sentence, a cue
repeated, thousands of short quotes, live-blog markers. Shared by the cost tests and
``scripts``-style measurements (see the module's callers)."""

from __future__ import annotations

import random

NAMES = ("Maria Novak", "the minister", "Kyiv officials", "John Smith", "the EU")
PLACES = ("Kyiv", "Brussels", "Geneva", "Tokyo")


def long_article(n_chars: int, seed: int = 0) -> str:
    """Ordinary news lines (a meeting, a quote, an accord) until ``n_chars``."""
    rng = random.Random(seed)
    out: list[str] = []
    total = i = 0
    while total < n_chars:
        line = (
            f"{rng.choice(NAMES)} met envoys in {rng.choice(PLACES)} on Monday to discuss round "
            f"{i} of talks. “We made progress on point {i},” said {rng.choice(NAMES)}. The "
            f"ministers signed an accord on {rng.choice(('trade', 'gas', 'grain'))}.\n"
        )
        out.append(line)
        total += len(line)
        i += 1
    return "".join(out)


def one_sentence(words: int) -> str:
    base = [
        "the",
        "minister",
        "and",
        "the",
        "envoy",
        "discussed",
        "trade",
        "gas",
        "grain",
        "with",
        "officials",
        "from",
        "Kyiv",
    ]
    return " ".join(base[i % len(base)] for i in range(words)) + "."


def said(n: int) -> str:
    return " ".join(["said"] * n)


def short_quotes(n: int) -> str:
    return " ".join(f"“Yes {i},” he said." for i in range(n))


def attributed_quotes(n: int) -> str:
    """Quotes with a named speaker each (every one a quote, an entity mention, a cue)."""
    return " ".join(f"“We agree on point {i} now,” said Maria Novak." for i in range(n))


def live_blog(markers: int, n_chars: int, word: str = "Update:") -> str:
    lines = long_article(n_chars).split("\n")
    step = max(1, len(lines) // markers)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i % step == 0:
            out.append(f"{word} 10:{i % 60:02d} GMT")
        out.append(line)
    return "\n".join(out)
