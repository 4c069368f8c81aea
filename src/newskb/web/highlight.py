"""Article text as HTML with its facts highlighted, built safely from character offsets.

Every piece of article text is escaped; only our own tags are added. Overlapping spans are
handled by closing and reopening tags at each boundary, so the output always nests properly.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from newskb.model import Extraction


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``tag`` with its (already safe) attributes."""

    start: int
    end: int
    tag: str
    cls: str
    attrs: tuple[tuple[str, str], ...] = ()


def entity_key(kb_id: str | None, name: str) -> str:
    return kb_id or name


def entity_href(key: str) -> str:
    return "/entities/" + quote(key, safe="")


def marks_for(x: Extraction, lo: int = 0, hi: int | None = None) -> list[Mark]:
    """The marks for an article: entities, quote parts, times, event triggers; those that
    overlap ``[lo, hi)`` only (a part of a long article builds only its own marks)."""
    text_len = len(x.article.text)
    stop = text_len if hi is None else min(hi, text_len)
    out: list[Mark] = []
    names = {e.id: e for e in x.entities}
    for e in x.entities:
        inside = [m for m in e.mentions if m.end > lo and m.start < stop]
        if not inside:
            continue
        href = entity_href(entity_key(e.kb_id, e.name))
        attrs = (("href", href), ("title", f"Entity: {e.name} ({e.type})"))
        cls = f"ent ent-{e.type.lower()}"
        out.extend(Mark(m.start, m.end, "a", cls, attrs) for m in inside)
    for q in x.quotes:
        spans = [(q.content.start, q.content.end)] + [
            (p.start, p.end) for p in (q.speaker, q.cue) if p
        ]
        if min(a for a, _ in spans) >= stop or max(b for _, b in spans) <= lo:
            continue
        who = q.speaker.text if q.speaker else "unnamed source"
        if q.speaker and q.speaker.entity in names:
            who = names[q.speaker.entity].name
        pieces = q.content.fragments or ((q.content.start, q.content.end),)
        for start, end in pieces:
            title = f"Quote by {who} ({q.kind})"
            out.append(Mark(start, end, "span", "quote", (("title", title),)))
        if q.speaker:
            out.append(
                Mark(q.speaker.start, q.speaker.end, "span", "speaker", (("title", "Speaker"),))
            )
        if q.cue:
            out.append(Mark(q.cue.start, q.cue.end, "span", "cue", (("title", "Cue"),)))
    for t in x.times:
        shown = f"Time: {t.type} {t.value}" + (f" · UTC {t.utc}" if t.utc else "")
        out.append(
            Mark(
                t.start,
                t.end,
                "time",
                "time",
                (("datetime", t.utc or t.value), ("title", shown), ("tabindex", "0")),
            )
        )
    for v in x.events:
        out.append(
            Mark(
                v.trigger.start,
                v.trigger.end,
                "mark",
                f"event event-{v.status}",
                (("title", f"Event: {v.type} ({v.status})"),),
            )
        )
    return [m for m in out if 0 <= m.start < m.end <= text_len and m.end > lo and m.start < stop]


def _open(m: Mark, inside_link: bool) -> str:
    tag = "span" if m.tag == "a" and inside_link else m.tag
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in m.attrs if not (k == "href" and tag != "a"))
    return f'<{tag} class="{escape(m.cls)}"{attrs}>'


def _close(m: Mark, inside_link: bool) -> str:
    return f"</{'span' if m.tag == 'a' and inside_link else m.tag}>"


def highlight(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> Markup:
    """HTML for ``text[start:end]`` with ``marks`` applied; line breaks become ``<br>``."""
    stop = len(text) if end is None else end
    spans = [m for m in marks if m.end > start and m.start < stop]
    cuts = sorted(
        {start, stop, *(max(m.start, start) for m in spans)} | {min(m.end, stop) for m in spans}
    )
    html: list[str] = []
    stack: list[Mark] = []
    for lo, hi in itertools.pairwise(cuts):
        want = sorted(
            (m for m in spans if m.start <= lo and m.end >= hi),
            key=lambda m: (m.start, -m.end, m.tag, m.cls),
        )
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            m = stack.pop()
            html.append(_close(m, _has_link(stack)))
        for m in want[keep:]:
            html.append(_open(m, _has_link(stack)))
            stack.append(m)
        html.append(str(escape(text[lo:hi])).replace("\n", "<br>\n"))
    while stack:
        m = stack.pop()
        html.append(_close(m, _has_link(stack)))
    return Markup("".join(html))


def _has_link(stack: list[Mark]) -> bool:
    return any(m.tag == "a" for m in stack)


def snippet_html(snippet: str, open_mark: str, close_mark: str) -> Markup:
    """A search snippet with its hit markers turned into ``<mark>``, everything else escaped."""
    out: list[str] = []
    for i, piece in enumerate(snippet.split(open_mark)):
        if i == 0:
            out.append(str(escape(piece.replace(close_mark, ""))))
            continue
        hit, _, rest = piece.partition(close_mark)
        out.append(f"<mark>{escape(hit)}</mark>{escape(rest.replace(close_mark, ''))}")
    return Markup("".join(out))


PIECE_CHARS = 2_000  # a longer line is highlighted in pieces (one paragraph still)


def parts(text: str, size: int) -> list[tuple[int, int]]:
    """``text`` as consecutive (start, end) parts of about ``size`` characters, cut at a line
    end where one is near (else at a space, else anywhere)."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def paragraphs(text: str, marks: list[Mark], lo: int, hi: int) -> list[Markup]:
    """One highlighted paragraph per non-blank line of ``text[lo:hi]``, in time linear in the
    text and its marks: marks are swept in start order (each paragraph sees only the marks
    open over it) and a long line is highlighted in pieces of ``PIECE_CHARS``."""
    ordered = sorted(marks, key=lambda m: m.start)
    nxt = 0
    active: list[Mark] = []
    out: list[Markup] = []

    def over(s: int, e: int) -> list[Mark]:
        nonlocal nxt, active
        while nxt < len(ordered) and ordered[nxt].start < e:
            active.append(ordered[nxt])
            nxt += 1
        active = [m for m in active if m.end > s]
        return [m for m in active if m.start < e]

    start = lo
    for line in text[lo:hi].split("\n"):
        end = start + len(line)
        if line.strip():
            html = [
                highlight(text, over(s, e), s, e)
                for s, e in parts(text[start:end], PIECE_CHARS)
                for s, e in [(start + s, start + e)]
            ]
            out.append(Markup("").join(html))
        start = end + 1
    return out
