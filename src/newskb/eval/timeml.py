"""Gold time expressions from TimeML ``.tml`` (TempEval-3) and MEANTIME CAT XML files.

The TimeML text is the ``TEXT`` element's content with the tags removed, exactly what
``newskb.ingest``'s tml reader gives, so gold offsets line up with the tagger's. The DCT (the
``CREATION_TIME`` TIMEX3) becomes ``published`` and is not a scored expression. MEANTIME gives
tokens only: the text is rebuilt from them (sentences on their own lines) with gold offsets, up to
the last annotated sentence (MEANTIME annotates an article's opening sentences only).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lxml import etree

from newskb.model import GoldTimex, TimeGoldDoc

__all__ = ["load_meantime", "load_timeml", "read_meantime", "read_timeml"]

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "%", "'s", "n't", "'", "'re"})
_NO_SPACE_AFTER = frozenset({"(", "$", "``"})


def _date(value: str | None) -> dt.date | None:
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_timeml(path: Path) -> TimeGoldDoc:
    """One TimeML document: text of ``TEXT``, its TIMEX3s with offsets, DCT as ``published``."""
    root = etree.parse(str(path), _PARSER).getroot()
    published = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = _date(timex.get("value"))
            break
    node = root.find(".//TEXT")
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    size = 0

    def walk(el: etree._Element) -> None:
        nonlocal size
        start = size
        if el.text:
            pieces.append(el.text)
            size += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                size += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            text = "".join(pieces)[start:size]
            gold.append(
                GoldTimex(start, size, text, el.get("type") or "DATE", el.get("value") or "")
            )

    if node is not None:
        walk(node)
    return TimeGoldDoc(path.stem, "".join(pieces), published, tuple(gold))


def load_timeml(folder: Path) -> list[TimeGoldDoc]:
    """Every ``.tml`` under ``folder`` (recursively, sorted by path)."""
    return [read_timeml(p) for p in sorted(folder.rglob("*.tml"))]


def read_meantime(path: Path) -> TimeGoldDoc:
    """One MEANTIME CAT document: text rebuilt from tokens, TIMEX3s anchored on tokens."""
    root = etree.parse(str(path), _PARSER).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    size = 0
    last_sentence: str | None = None
    previous = ""
    tokens = list(root.iter("token"))
    sentence_of = {t.get("t_id"): int(t.get("sentence") or 0) for t in tokens}
    # MEANTIME annotates only the opening sentences: score the part that was annotated
    limit = max((sentence_of.get(a.get("t_id"), 0) for a in root.iter("token_anchor")), default=0)
    for tok in tokens:
        word = tok.text or ""
        sentence = tok.get("sentence")
        if int(sentence or 0) > limit:
            break
        if last_sentence is None:
            sep = ""
        elif sentence != last_sentence:
            sep = "\n"
        elif word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        size += len(sep)
        offsets[tok.get("t_id") or ""] = (size, size + len(word))
        pieces.append(word)
        size += len(word)
        last_sentence, previous = sentence, word
    text = "".join(pieces)
    published = None
    gold: list[GoldTimex] = []
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id") or ""] for a in timex.iter("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = _date(timex.get("value"))
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        gold.append(
            GoldTimex(
                start, end, text[start:end], timex.get("type") or "DATE", timex.get("value") or ""
            )
        )
    gold.sort(key=lambda g: g.start)
    if published is None:  # no CREATION_TIME: the dated second line is the publication date
        dateline_end = text.find("\n", text.find("\n") + 1)
        published = next((_date(g.value) for g in gold if g.start < dateline_end), None)
    return TimeGoldDoc(path.stem, text, published, tuple(gold))


def load_meantime(folder: Path) -> list[TimeGoldDoc]:
    """Every MEANTIME ``.xml`` under ``folder`` (recursively, sorted by path)."""
    return [read_meantime(p) for p in sorted(folder.rglob("*.xml"))]
