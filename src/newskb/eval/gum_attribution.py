"""GUM (Wikinews subset) readers for the attribution gold: texts, tokens, attributions, quotes.

``dep/*.conllu`` gives the tokens (with lemmas, spacing, paragraphs and the ``<quote>``/``<q>``
XML markup); ``rst/rstweb/*.rs4`` gives the eRST tree whose ``attribution-*`` relations link a
satellite (source + cue) to its nucleus (the content). Token numbers in the rs4 signals count the
document's tokens from 1, in the same order as the conllu file.

Only train and dev documents are ever read: GUM's test documents are excluded here, by name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
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
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block") and tokens:
            parts.append("\n")
            pos += 1
            space_before = False
            continue
        cols = line.split("\t")
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
        content = sorted(
            first[s] + k for s in leaves(par) if s not in sat for k in range(seg_len[s])
        )
        source: list[int] = []
        cue: list[int] = []
        for subtype, toks in signals[nid]:
            if subtype == "attribution_source":
                source.extend(toks)
            elif subtype in CUE_SIGNALS:
                cue.extend(toks)
        words = [w for s in sorted(sat, key=int) for w in seg_words[s]]
        credit = len(words) > 1 and words[0].lower() in CREDITS and words[1] in (":", ";")
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


def read_doc(root: Path, name: str) -> GumDoc:
    """Read one train/dev document (a test document raises ``ValueError``)."""
    if name in GUM_TEST_DOCS:
        raise ValueError(f"{name} is a GUM test document and is never read")
    text, tokens, quotes = _read_conllu(root / "dep" / f"{name}.conllu")
    attributions = _read_rs4(root / "rst" / "rstweb" / f"{name}.rs4")
    return GumDoc(name, text, tuple(tokens), tuple(attributions), tuple(quotes))


def read_docs(root: Path) -> list[GumDoc]:
    return [read_doc(root, n) for n in doc_names(root)]
