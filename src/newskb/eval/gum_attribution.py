"""GUM (Wikinews subset) readers for the attribution gold: texts, tokens, attributions, quotes.

``dep/*.conllu`` gives the tokens (with lemmas, spacing, paragraphs and the ``<quote>``/``<q>``
XML markup); ``rst/rstweb/*.rs4`` gives the eRST tree whose ``attribution-*`` relations link a
satellite (source + cue) to its nucleus (the content). Token numbers in the rs4 signals count the
document's tokens from 1, in the same order as the conllu file. The text is rebuilt as written:
the words of a multiword token ("Hamill's", "don't") stand together, spaced as the token says.
A content is the nucleus's segments less the satellite's; a nucleus that is one fragment of an
interrupted unit (``same-unit``) is the whole unit, less the relation's own source and cue.

Only train and dev documents are ever read: GUM's test documents are excluded here, by name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newskb.eval.corpora import GUM_TEST_DOCS  # GUM's test documents: never read, never scored

__all__ = [
    "GUM_TEST_DOCS",
    "GoldAttribution",
    "GumDoc",
    "GumToken",
    "doc_names",
    "read_doc",
    "read_docs",
]
CREDITS = frozenset({"image", "photo", "video", "audio"})
CUE_SIGNALS = frozenset({"indicative_word", "indicative_phrase"})


@dataclass(frozen=True, slots=True)
class GumToken:
    text: str
    lemma: str
    upos: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One attribution relation; each field is a tuple of 0-based token indices."""

    source: tuple[int, ...]
    cue: tuple[int, ...]
    content: tuple[int, ...]
    negative: bool = False
    credit: bool = False  # a media credit line ("Image: NAME"), not speech or thought


@dataclass(frozen=True, slots=True)
class GumDoc:
    name: str
    text: str
    tokens: tuple[GumToken, ...]
    attributions: tuple[GoldAttribution, ...]
    quotes: tuple[tuple[int, int], ...]  # <quote> markup: first and last token, inclusive


def doc_names(root: Path) -> list[str]:
    """The train + dev document names present under ``root`` (test documents left out)."""
    names = sorted(p.stem for p in (root / "dep").glob("GUM_*.conllu"))
    return [n for n in names if n not in GUM_TEST_DOCS]


def _read_conllu(path: Path) -> tuple[str, list[GumToken], list[tuple[int, int]]]:
    parts: list[str] = []
    tokens: list[GumToken] = []
    quotes: list[tuple[int, int]] = []
    open_quote: int | None = None
    pos = 0
    space_before = False
    # a multiword token ("1-2  Hamill's", "don't") holds the spacing of its words, which are
    # written together: no space inside it, the space after it as its own line says
    mwt_last, mwt_space = 0, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block") and tokens:
            parts.append("\n")
            pos += 1
            space_before = False
            continue
        cols = line.split("\t")
        if len(cols) == 10 and "-" in cols[0] and cols[0].replace("-", "").isdigit():
            mwt_last = int(cols[0].split("-")[1])
            mwt_space = "SpaceAfter=No" not in cols[9]
            continue
        if len(cols) != 10 or not cols[0].isdigit():
            if not line.strip() and tokens:
                space_before = True
            continue
        if space_before and parts and parts[-1] != "\n":
            parts.append(" ")
            pos += 1
        form, misc = cols[1], cols[9]
        idx = len(tokens)
        tokens.append(GumToken(form, cols[2], cols[3], pos, pos + len(form)))
        parts.append(form)
        pos += len(form)
        space_before = "SpaceAfter=No" not in misc
        if int(cols[0]) < mwt_last:
            space_before = False
        elif int(cols[0]) == mwt_last:
            space_before, mwt_last = mwt_space, 0
        xml = next((f[4:] for f in misc.split("|") if f.startswith("XML=")), "")
        if "<quote" in xml:
            open_quote = idx
        if "</quote>" in xml and open_quote is not None:
            quotes.append((open_quote, idx))
            open_quote = None
    return "".join(parts), tokens, quotes


def _read_rs4(path: Path) -> list[GoldAttribution]:
    root = ET.parse(path).getroot()
    seg_len: dict[str, int] = {}
    seg_words: dict[str, list[str]] = {}
    parent: dict[str, tuple[str | None, str | None]] = {}
    for s in root.iter("segment"):
        sid = s.get("id", "")
        seg_words[sid] = (s.text or "").split()
        seg_len[sid] = len(seg_words[sid])
        parent[sid] = (s.get("parent"), s.get("relname"))
    for g in root.iter("group"):
        parent[g.get("id", "")] = (g.get("parent"), g.get("relname"))
    first: dict[str, int] = {}
    n = 0
    for sid in sorted(seg_len, key=int):
        first[sid] = n
        n += seg_len[sid]
    children: dict[str, list[str]] = defaultdict(list)
    for nid, (par, _rel) in parent.items():
        if par:
            children[par].append(nid)

    def leaves(nid: str) -> list[str]:
        out = [nid] if nid in seg_len else []
        for c in children[nid]:
            out.extend(leaves(c))
        return out

    signals: dict[str, list[tuple[str, tuple[int, ...]]]] = defaultdict(list)
    for sig in root.iter("signal"):
        toks = tuple(int(x) - 1 for x in (sig.get("tokens") or "").split(",") if x)
        signals[sig.get("source", "")].append((sig.get("subtype", ""), toks))
    out: list[GoldAttribution] = []
    for nid, (par, rel) in parent.items():
        if not rel or not rel.startswith("attribution") or par is None:
            continue
        sat = set(leaves(nid))
        source: list[int] = []
        cue: list[int] = []
        for subtype, toks in signals[nid]:
            if subtype == "attribution_source":
                source.extend(toks)
            elif subtype in CUE_SIGNALS:
                cue.extend(toks)
        # the content is the nucleus; a nucleus that is one fragment of an interrupted unit
        # ("Institutional recipients, [said Mauer,] are required to ...": ``same-unit``) is the
        # whole unit, less the source and cue when the other fragment holds them
        nucleus = leaves(par) + _same_unit_rest(par, parent, children, leaves)
        own = set(source) | set(cue)
        content = sorted(
            i
            for s in set(nucleus) - sat
            for i in range(first[s], first[s] + seg_len[s])
            if i not in own
        )
        # "Image: NAME" as one unit, or "Video:" as the nucleus and "NAME." its satellite
        words = [w for s in sorted(sat, key=int) for w in seg_words[s]]
        head = [w for s in leaves(par) if s not in sat for w in seg_words[s]]
        credit = any(
            len(ws) > 1 and ws[0].lower() in CREDITS and ws[1] in (":", ";")
            for ws in (words, head[:2] if len(head) == 2 else [])
        )
        out.append(
            GoldAttribution(
                tuple(sorted(set(source))),
                tuple(sorted(set(cue))),
                tuple(content),
                rel.endswith("negative"),
                credit,
            )
        )
    out.sort(key=lambda a: a.content[:1])
    return out


def _same_unit_rest(
    node: str,
    parent: dict[str, tuple[str | None, str | None]],
    children: dict[str, list[str]],
    leaves: Callable[[str], list[str]],
) -> list[str]:
    """The segments of the other fragments when ``node`` (or the span it heads) is one fragment
    of a ``same-unit`` group, else nothing."""
    while parent[node][1] == "span" and parent[node][0] is not None:
        node = parent[node][0] or node
    group, rel = parent[node]
    if rel != "same-unit" or group is None:
        return []
    return [
        s for m in children[group] if m != node and parent[m][1] == "same-unit" for s in leaves(m)
    ]


def read_doc(root: Path, name: str) -> GumDoc:
    """Read one train/dev document (a test document raises ``ValueError``)."""
    if name in GUM_TEST_DOCS:
        raise ValueError(f"{name} is a GUM test document and is never read")
    text, tokens, quotes = _read_conllu(root / "dep" / f"{name}.conllu")
    attributions = _read_rs4(root / "rst" / "rstweb" / f"{name}.rs4")
    return GumDoc(name, text, tuple(tokens), tuple(attributions), tuple(quotes))


def read_docs(root: Path) -> list[GumDoc]:
    return [read_doc(root, n) for n in doc_names(root)]
