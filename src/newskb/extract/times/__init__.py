"""Time expressions: recognised by our regex grammar, normalised to TIMEX3 on the publication date.

``tag_text`` finds DATE, TIME, DURATION and SET expressions in a text; every grammar rule
proposes candidates, overlaps go to the longest (then the most specific rule), modifiers such as
"early" or "more than" join the extent, and "March 3 to 5" gives two expressions. Clock times
get a zone from the text ("Kyiv time", "EST", "GMT+2", "local time") or, failing that, from the
dateline place, or else (near the publication day) from the publication stamp's own UTC offset,
and then a UTC instant. spaCy's parse gives the tense that decides whether
"Tuesday" is the last or the next one.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newskb.extract.registry import extractor
from newskb.extract.times import grammar as g
from newskb.extract.times import relative as rel
from newskb.extract.times import rules as r
from newskb.extract.times.clock import clock
from newskb.extract.times.holidays import holiday
from newskb.extract.times.narrative import resolve_anaphors, resolve_quarters
from newskb.extract.times.phrases import spoken_year, week_of
from newskb.extract.times.quarters import q_short, quarter
from newskb.extract.times.refs import refs
from newskb.extract.times.scan import Scan, lowered
from newskb.extract.times.tense import tense_reader
from newskb.extract.times.zones import to_utc, zone_name
from newskb.model import Article, Extraction, TimeExpr
from newskb.resolve.places import zone_for_place

__all__ = ["extract_times", "offset_zone", "tag_article", "tag_text"]

RULES: tuple[tuple[re.Pattern[str], r.Rule], ...] = (
    (g.CLOCK, clock),
    (g.DATE_FULL, r.date_full),
    (g.WEEK_OF, week_of),
    (g.MONTH_YEAR, r.month_year),
    (g.MONTH_REL_YEAR, r.month_rel_year),
    (g.QUARTER, quarter),
    (g.Q_SHORT, q_short),
    (g.AGO, rel.ago),
    (g.RELATIVE_WD, rel.relative_weekday),
    (g.RELATIVE, rel.relative),
    (g.DEICTIC, rel.deictic),
    (g.DECADE, r.decade),
    (g.CENTURY, r.century),
    (g.YEAR_RE, r.year),
    (g.FY_SHORT, r.fy_short),
    (g.MONTH_ALONE, r.month_alone),
    (g.SEASON_RE, rel.season),
    (g.WEEKDAY_RE, rel.weekday),
    (g.SET_RE, rel.set_),
    (g.DURATION, rel.duration_rule),
    (g.BARE_UNITS, rel.bare_units),
    (g.UNIT_ADJ, rel.unit_adjective),
    (g.MID_POD, rel.mid_part_of_day),
    (g.DAY_OFF, rel.day_off),
    (g.REFS, refs),
    (g.HOLIDAY, holiday),
    (g.YEAR_ADJ, r.year_adj),
    (g.SPOKEN_YEAR, spoken_year),
)
_NOT_YEAR_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


# words one of which every match of the pattern holds (see ``Scan``)
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    g.WEEK_OF: ("week",),
    g.MONTH_REL_YEAR: ("year",),
    g.Q_SHORT: ("Q",),
    g.DECADE: ("0s", "0's", "ties"),
    g.CENTURY: ("century",),
    g.FY_SHORT: ("FY",),
    g.UNIT_ADJ: ("-long", "-old"),
}
_SCANS = tuple((Scan(pattern, _NEEDS.get(pattern, ())), rule) for pattern, rule in RULES)


def _candidates(ctx: r.Ctx) -> list[r.Found]:
    found: list[r.Found] = []
    low = lowered(ctx.text)
    for scan, rule in _SCANS:
        for m in scan.finditer(ctx.text, low):
            f = rule(m, ctx)
            if f is not None:
                found.append(f)
    return found


def _select(found: list[r.Found]) -> list[r.Found]:
    """Keep non-overlapping candidates, longest first, then the more specific rule."""
    found.sort(key=lambda f: (-(f.end - f.start), -f.rank, f.start))
    if any(f.end <= f.start for f in found):
        taken: list[r.Found] = []
        for f in found:
            if all(f.end <= t.start or f.start >= t.end for t in taken):
                taken.append(f)
        taken.sort(key=lambda f: f.start)
        return taken
    # the taken spans are disjoint: only the last one starting before a candidate's end can
    # overlap it (a check against every taken span was quadratic in a long article, issue 23)
    starts: list[int] = []
    kept: list[r.Found] = []
    for f in found:
        i = bisect.bisect_left(starts, f.end)
        if i and kept[i - 1].end > f.start:
            continue
        starts.insert(i, f.start)
        kept.insert(i, f)
    return kept


def _premodify(text: str, f: r.Found) -> r.Found:
    m = g.PREMOD.search(text, max(0, f.start - 40), f.start)
    if m is None or m.end() != f.start:
        return f
    return dataclasses.replace(f, start=m.start())


def _ranges(text: str, kept: list[r.Found]) -> list[r.Found]:
    """ "March 3 to 5", "March 3-4": the bare day after a month-day date is a second expression;
    so is the one before a day-month date ("12-13 April")."""
    out = list(kept)
    for f in kept:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.value):
            continue
        head = g.RANGE_HEAD.search(text, max(0, f.start - 8), f.start)
        if head is not None and text[f.start : f.start + 1].isdigit():
            day = int(re.sub(r"\D", "", head["d"]))
            if day < int(f.value[8:]) and not any(
                k.start < f.start and k.end > head.start() for k in kept
            ):
                out.append(
                    r.Found(head.start("d"), head.end("d"), "DATE", f"{f.value[:8]}{day:02d}")
                )
        m = g.RANGE_TAIL.match(text, f.end)
        if m is None or any(k.start < m.end("d") and k.end > m.start("d") for k in kept):
            continue
        day = int(re.sub(r"\D", "", m["d"]))
        if day <= int(f.value[8:]) or not r.valid_day(int(f.value[5:7]), day):
            continue
        value = f"{f.value[:8]}{day:02d}"
        out.append(r.Found(m.start("d"), m.end("d"), "DATE", value))
    out.sort(key=lambda x: x.start)
    return out


def _drop_non_times(text: str, found: list[r.Found], doc: Doc | None) -> list[r.Found]:
    """A bare year inside a money, percent or quantity entity is a number, not a date; so is
    one spaCy calls a cardinal ("more than 2000 people") unless "in", "since", ... precede it."""
    if doc is None or not doc.has_annotation("ENT_IOB"):
        return found
    bad = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in _NOT_YEAR_ENTS
        or (e.label_ == "CARDINAL" and r.word_before(text, e.start_char).lower() not in r.YEAR_CUES)
    ]
    if not bad:
        return found
    return [
        f
        for f in found
        if not (re.fullmatch(r"\d{4}", f.value) and any(s <= f.start < e for s, e in bad))
    ]


_LOWER_WORDS = frozenset(
    {"today", "tonight", "tomorrow", "yesterday", "this", "last", "next", "now", "noon",
     "midnight", "currently", "recently"}
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")
_QUOTES = "\"'`“”‘’"
_CLOSE = re.compile(r"[,.]?[\"'”’]")
_TITLE_GOES_ON = re.compile(
    r"\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|with|in|on|for|a)){0,5}[,.]?[\"'”’]"
)


def _is_title(text: str, f: r.Found) -> bool:
    """A time word written in title case inside a sentence is part of a name ("USA Today", ABC's
    "This Week", "High Noon"), not a time; a headline or a sentence's first word is not."""
    words = _WORD.findall(text, f.start, f.end)
    if not words or words[0].lower() not in _LOWER_WORDS or not all(w[0].isupper() for w in words):
        return False
    i = f.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in ".!?:;\n([":
        return False
    if text[i] in _QUOTES:  # an opening quote: a quoted title if it closes right after, or if
        # more title-case words follow ('"This Week With David Brinkley"')
        return (
            _CLOSE.match(text, f.end) is not None or _TITLE_GOES_ON.match(text, f.end) is not None
        )
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return any(w[0].islower() and len(w) > 3 for w in _WORD.findall(line))  # not a headline


# "today's world", "the people of tomorrow": the present or the future in general, not a day
_GENERIC_DAY = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:world|youth|society|generations?|young|kids|children|"
    r"teenagers|students|consumers|families|computers|technology|culture|standards)\b",
    re.I,
)
_OF_DAY = re.compile(r"\b(?:people|leaders|world|cities|cars|jobs|schools|workers)\s+of\s+$", re.I)


def _is_generic_day(text: str, f: r.Found) -> bool:
    """ "today's world", "today's youth", "the people of tomorrow": the present or the future in
    general, which TimeML leaves untagged (but "today's editions", "tomorrow's vote" are days)."""
    if text[f.start : f.end].lower() not in ("today", "tomorrow"):
        return False
    return bool(
        _GENERIC_DAY.match(text, f.end) or _OF_DAY.search(text, max(0, f.start - 20), f.start)
    )


def tag_text(
    text: str,
    anchor: dt.date | None,
    doc: Doc | None = None,
    local_zone: str | None = None,
    anchors: Sequence[tuple[int, int, dt.date]] = (),
    offset_zone: str | None = None,
) -> list[TimeExpr]:
    """All time expressions in ``text``, normalised on ``anchor`` (None: underspecified).

    ``local_zone`` is the dateline place's zone (used for "local time" and for clock times
    with no zone); ``anchors`` are (start, end, date) spans with their own date (updates);
    ``offset_zone`` is the fixed zone of the publication's own UTC offset, for a clock time that
    names no zone when there is no dateline zone, on a day within one of ``anchor`` only (a fixed
    offset is the wall clock's only near the moment it was stamped: DST may differ further off).
    """
    tense = tense_reader(doc)
    spans = [(0, len(text), anchor), *anchors]
    found: list[r.Found] = []
    for start, end, day in spans:
        ctx = r.Ctx(text=text, anchor=day, tense=tense)
        part = _candidates(ctx)
        if anchors:  # a later span's own date wins inside that span
            part = [f for f in part if start <= f.start < end]
            found = [f for f in found if not start <= f.start < end]
        found += part
    found = [
        f
        for f in _drop_non_times(text, found, doc)
        if not _is_title(text, f) and not _is_generic_day(text, f)
    ]
    kept = resolve_anaphors(text, _ranges(text, _select(found)), spans)
    kept = resolve_quarters(text, kept, tense)
    out: list[TimeExpr] = []
    for i, f in enumerate(kept, start=1):
        grown = _premodify(text, f)
        if not out or grown.start >= out[-1].end:  # a modifier never reaches into the last one
            f = grown
        zone = None
        if f.type == "TIME":
            zone = zone_name(f.zone, local_zone) if f.zone else local_zone
            if zone is None and not f.zone and offset_zone and _near(f.value, anchor):
                zone = offset_zone
        utc = to_utc(f.value, zone) if zone else None
        if zone == "UTC" and f.zone and utc:
            f = dataclasses.replace(f, value=f.value + "Z")  # "18:00 UTC": ISO 8601's Z
        out.append(
            TimeExpr(
                id=f"T{i}",
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                type=f.type,  # type: ignore[arg-type]
                value=f.value,
                timezone=zone if utc or f.zone else None,
                utc=utc,
            )
        )
    return out


def tag_article(article: Article, doc: Doc | None) -> tuple[TimeExpr, ...]:
    """Time expressions of one article, anchored on its (and its updates') publication date."""
    place = article.dateline.place if article.dateline else None
    local = zone_for_place(place) if place else None
    anchors = [(u.start, u.end, u.published) for u in article.updates if u.published]
    offset = offset_zone(article.published_at)
    return tuple(tag_text(article.text, article.published, doc, local, anchors, offset))


_STAMP_OFFSET = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?([+-])(\d\d):?(\d\d)$")


def offset_zone(published_at: str | None) -> str | None:
    """The fixed zone of a publication stamp's UTC offset ("2025-07-15T10:42:00-04:00" ->
    ``Etc/GMT+4``): whole, non-zero hours only; a "Z" or "+00:00" stamp is as often a server's
    UTC as the newsroom's own clock, so it says nothing about the wall clock in the text."""
    m = _STAMP_OFFSET.search(published_at or "")
    if m is None or m[3] != "00" or m[2] == "00":
        return None
    return zone_name(f"UTC{m[1]}{int(m[2])}")


def _near(value: str, anchor: dt.date | None) -> bool:
    """Is the clock time ``value`` on a day within one of ``anchor``?"""
    if anchor is None:
        return False
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return abs((day - anchor).days) <= 1


@extractor("times")
def extract_times(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    """The registered times step: fills ``Extraction.times``."""
    return dataclasses.replace(so_far, times=tag_article(article, doc))
