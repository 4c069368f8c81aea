"""Normalisers for vague references to the present, past and future: "now", "currently",
"recently", "the future", "soon", "in recent months", "in the weeks ahead"."""

from __future__ import annotations

import re

from newskb.extract.times.numbers import duration, unit_code
from newskb.extract.times.rules import Ctx, Found, _found

_PRESENT = ("now", "currently", "presently", "present", "nowadays", "these days", "current")
_FUTURE = ("soon", "future", "coming", "later date")


def refs(m: re.Match[str], ctx: Ctx) -> Found | None:
    w = " ".join(m["w"].lower().split())
    if w == "current" and not _current_is_time(ctx.text, m.end()):
        return None
    if w == "soon":
        return _soon(m, ctx)
    if w == "the future" and (
        _TO_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
        or ctx.text.startswith(" of ", m.end())
    ):
        return None  # "an approach to the future", "the future of our peoples": a noun
    if w.startswith(("coming ", "recent ")) and w != "recent times":
        # "in recent months" like "the past few months": a span of unknown length
        return _found(m, "DURATION", duration(None, unit_code(w.split()[-1])))
    if w.endswith(" ahead"):  # "in the weeks ahead"
        return _found(m, "DURATION", duration(None, unit_code(w.split()[1])))
    if w.endswith(" term"):  # "in the near term"
        return _found(m, "DATE", "FUTURE_REF")
    if any(p in w for p in _FUTURE):
        return _found(m, "DATE", "FUTURE_REF")
    if any(w.endswith(p) or w == p for p in _PRESENT):
        return _found(m, "DATE", "PRESENT_REF")
    return _found(m, "DATE", "PAST_REF")


_TO_BEFORE = re.compile(r"(?<![\w-])to\s+$", re.I)  # "to the future", not "into the future"
_CURRENT_NOUN = re.compile(
    r"[\s,]+(?:and\s+\w+\s+)?(?:account|affairs|events|status|situation|level|rate|price|"
    r"quarter|year|month|week|period|term|session|season|contract|law|system|crisis|environment|"
    r"conditions?|market|policy|structure|plan|practice|trends?|climate|members?|state)",
    re.I,
)


_AS_SOON_AS = re.compile(r"\bas\s+$", re.I)
_SOON_AFTER = re.compile(r"\s+(?:as\b|after|afterwards?|thereafter|before)\b", re.I)
_AS_POSSIBLE = re.compile(r"\s+as\s+(?:possible|practicable|feasible)\b", re.I)


def _soon(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "soon" is a future reference, except in the connectives "as soon as (he arrives)" and
    "soon after (the attack)", and in a past clause, where it means "shortly after" whatever
    the narrative is at ("he was soon released")."""
    text = ctx.text
    lead = _AS_SOON_AS.search(text, max(0, m.start() - 6), m.start())
    if lead is not None:
        tail = _AS_POSSIBLE.match(text, m.end())
        if tail is None:
            return None
        return Found(lead.start(), tail.end(), "DATE", "FUTURE_REF")  # "as soon as possible"
    if _SOON_AFTER.match(text, m.end()) or ctx.tense(m.start()) < 0:
        return None
    return _found(m, "DATE", "FUTURE_REF")


def _current_is_time(text: str, end: int) -> bool:
    return not _CURRENT_NOUN.match(text, end)
