"""Clock times ("16:00 Kyiv time", "5 p.m. EST Nov. 9", "noon Saturday") -> TIME values."""

from __future__ import annotations

import re

from newskb.extract.times import calendar as cal
from newskb.extract.times.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS
from newskb.extract.times.rules import Ctx, Found
from newskb.extract.times.tense import is_on

_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _date_part(word: str | None, m: re.Match[str], ctx: Ctx) -> str | None:
    if not word:
        return None
    w = word.lower().rstrip(".")
    if m["pm"] and m["pd"]:
        mo = MONTHS.get(m["pm"].lower().rstrip("."))
        d = int(re.sub(r"\D", "", m["pd"]))
        return cal.date_near(ctx.anchor, mo or 1, d, ctx.tense(m.start()))
    if w in _DAY_WORDS:
        return cal.shift(ctx.anchor, "D", _DAY_WORDS[w])
    if w.startswith(("last", "this")):  # "last night", "this morning"
        early = _explicit_am(m)  # "2 a.m. last night": early today
        back = -1 if w.startswith("last") and not early else 0
        return cal.shift(ctx.anchor, "D", back)
    wd = WEEKDAYS.get(w) or WEEKDAYS.get(w[:3])
    if wd:
        ahead = (
            ctx.tense(m.start()) > 0
            or _DEADLINE.search(ctx.text, max(0, m.start() - 12), m.start())
            or is_on(ctx.text, m.start())
        )
        return cal.weekday(ctx.anchor, wd, 1 if ahead else -1)
    return None


# "gave them until 9 a.m. Tuesday", "extended the offer to 5 p.m. Friday": a deadline lies ahead
_DEADLINE = re.compile(r"\b(?:until|till|to|by)\s+(?:at\s+)?$", re.I)


def _hour(m: re.Match[str]) -> tuple[int, int] | None:
    if m["noon"]:
        return (24, 0) if m["noon"].lower() == "midnight" else (12, 0)
    if m["h"] is not None:
        h, mi = int(m["h"]), int(m["mi"])
        ap = m["ap"]
    elif m["h2"] is not None:
        h, mi, ap = int(m["h2"]), 0, m["ap2"]
    elif m["h4"] is not None:
        h, mi = int(m["h4"]), 0
        ap = "pm" if m["pod4"].lower() != "morning" and h < 12 else "am"
    else:
        word = m["h3"].lower()
        h = int(word) if word.isdigit() else NUMBER_WORDS.get(word, -1)
        mi, ap = 0, None
    if ap:
        pm = ap.lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    elif m["h"] is not None and "." in m.group() and not m["zone"]:
        return None  # "3.30" without a.m./p.m. or a zone is a number, not a time
    if not 0 <= h <= 24 or (h == 24 and mi):
        return None
    return h, mi


def _explicit_am(m: re.Match[str]) -> bool:
    ap = m["ap"] or m["ap2"]
    return bool(ap) and ap.lower().startswith("a")


_AFTER = re.compile(r"\bafter\s+$", re.I)
_HIGH = re.compile(r"\bhigh\s+$", re.I)
_PM_WORDS = ("night", "tonight", "evening", "afternoon")


def clock(m: re.Match[str], ctx: Ctx) -> Found | None:
    hm = _hour(m)
    if hm is None:
        return None
    if m["noon"] and _HIGH.search(ctx.text, max(0, m.start() - 6), m.start()):
        return None  # "high noon comes today": an idiom, not twelve o'clock
    h, mi = hm
    if h == 24 and _AFTER.search(ctx.text, max(0, m.start() - 8), m.start()):
        h = 0  # "just after midnight on Saturday": the start of Saturday, not its end
    day_word = " ".join((m["pre"] or m["post"] or "").lower().split())
    if h < 12 and not (m["ap"] or m["ap2"]) and day_word.endswith(_PM_WORDS):
        h += 12  # "at 10:30 last night", "tonight at 9"
    date = _date_part(m["pre"], m, ctx) or _date_part(m["post"], m, ctx)
    zone = " ".join(m["zone"].split()) if m["zone"] else None
    if date is None:  # "at 10 p.m.": on the day the narrative is at (see ``tag_text``)
        return Found(m.start(), m.end(), "TIME", "", zone, 4, ("D", 0, f"{h:02d}:{mi:02d}"))
    return Found(m.start(), m.end(), "TIME", f"{date}T{h:02d}:{mi:02d}", zone, rank=4)
