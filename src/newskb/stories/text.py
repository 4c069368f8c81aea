"""Article -> ``StoryFeatures``: terms, canonical entities, places, event dates, shingles.

Pure functions over an ``Extraction``; no model is loaded (spaCy's stop-word list is a plain
Python set). Terms keep numbers and names: they are what tells two same-kind events apart.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from urllib.parse import urlparse

from spacy.lang.en.stop_words import STOP_WORDS

from newskb.model import Article, Entity, Extraction, StoryFeatures

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_DAY = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\dW])")
_EXTRA_STOP = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "according",
        "reported",
        "reports",
        "report",
        "news",
        "mr",
        "mrs",
        "ms",
        "dr",
        "year",
        "years",
        "time",
        "like",
        "just",
        "new",
        "including",
        "people",
        "day",
        "days",
        "week",
        "http",
        "https",
        "www",
        "com",
        "html",
        "htm",
    }
)
STOP = frozenset(w.lower() for w in STOP_WORDS) | _EXTRA_STOP
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
SHINGLE = 4
MAX_ENTITIES = 24


@functools.lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """Lower-case, drop possessives and a plural ``s`` (a light, predictable stem)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """Every word and number of ``text``, lower-cased (stop words kept: for shingles)."""
    return [w.lower() for w in _WORD.findall(text)]


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


@functools.lru_cache(maxsize=65536)
def _content(raw: str) -> str | None:
    """``norm(raw)`` when it is a content term (no stop word, not one letter), else None."""
    if raw.lower() in STOP:
        return None
    w = norm(raw)
    if (len(w) < 2 and not w.isdigit()) or w in STOP:
        return None
    return w


def terms(text: str) -> Counter[str]:
    """Content terms of ``text`` with their counts (stop words dropped, light stem).

    Names and numbers are what tell two same-kind events apart, so they are marked: a word
    capitalised inside a sentence becomes ``^word`` and a number ``#number``.
    """
    out: Counter[str] = Counter()
    names: set[str] = set()
    found: list[tuple[str, bool, bool]] = []
    for m in _WORD.finditer(text):
        raw = m.group(0)
        w = _content(raw)
        if w is None:
            continue
        cap = raw[0].isupper()
        start = cap and _sentence_start(text, m.start())
        if cap and not start and not raw.isupper():
            names.add(w)
        found.append((w, cap, start))
    for w, cap, start in found:
        if w[0].isdigit():
            out["#" + w] += 1
        elif cap and (not start or w in names):
            out["^" + w] += 1
        else:
            out[w] += 1
    return out


def shingles(text: str, size: int = SHINGLE) -> tuple[str, ...]:
    """Word ``size``-grams of the normalised text (for MinHash near-duplicate detection)."""
    ws = words(text)
    if len(ws) < size:
        return (" ".join(ws),) if ws else ()
    return tuple(sorted({" ".join(ws[i : i + size]) for i in range(len(ws) - size + 1)}))


def entity_key(e: Entity) -> str:
    """A canonical key: the KB id when the entities stage found one, else the clean name."""
    if e.kb_id:
        return e.kb_id
    name = e.name.strip().lower()
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    return re.sub(r"\s+", " ", name)


def outlet(x: Extraction) -> str | None:
    a = x.article
    if a.source:
        return a.source
    if a.dateline and a.dateline.agency:
        return a.dateline.agency
    if a.url:
        host = urlparse(a.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def event_dates(x: Extraction) -> tuple[str, ...]:
    """Dates of the article's time expressions (day, month or year precision; UTC first)."""
    days: list[str] = []
    for t in x.times:
        if t.type not in ("DATE", "TIME"):
            continue
        m = _DAY.match(t.utc or "") or _DAY.match(t.value)
        if m and m.group(1) not in days:
            days.append(m.group(1))
    return tuple(days)


def _first_line(text: str, limit: int = 100) -> str | None:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(line) > limit:
        line = line[:limit].rsplit(" ", 1)[0] + " …"
    return line or None


def dateline_span(a: Article) -> tuple[int, int]:
    """Offsets of the dateline line (``Place • Agency``), or an empty span when there is none.

    The dateline names who filed the story, not what it is about: two unrelated reports from
    the same agency and city share it, so it is kept out of the text and entity features."""
    if a.dateline is None or a.body_start <= 0:
        return (0, 0)
    head = a.text.find("\n")
    return (head + 1, a.body_start) if 0 <= head < a.body_start else (0, 0)


def features(x: Extraction, *, supersedes: str | None = None) -> StoryFeatures:
    """The clustering features of one extracted article."""
    a = x.article
    d0, d1 = dateline_span(a)
    content = a.text[:d0] + a.text[d1:] if d1 > d0 else a.text
    counts = terms(content)
    if a.title and not a.text.startswith(a.title):
        for t, n in terms(a.title).items():
            counts[t] += 2 * n
    ents: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for e in x.entities:
        key = entity_key(e)
        if not key or all(d0 <= m.start and m.end <= d1 for m in e.mentions):
            continue
        weight = max(1, len(e.mentions))
        if e.type in PLACE_TYPES:
            places[key] += weight
        elif e.type in ENTITY_TYPES:
            ents[key] += weight
    if a.dateline and a.dateline.place:
        places[a.dateline.place.strip().lower()] += 1
    return StoryFeatures(
        article_id=a.id,
        path=a.path,
        title=a.title or _first_line(a.text),
        published=a.published.isoformat() if a.published else None,
        outlet=outlet(x),
        terms=tuple(sorted(counts.items())),
        entities=tuple(k for k, _ in ents.most_common(MAX_ENTITIES)),
        places=tuple(k for k, _ in places.most_common(MAX_ENTITIES)),
        dates=event_dates(x),
        shingles=shingles(content),
        supersedes=supersedes,
    )
