"""Shared loaders for the development corpora in ``../shared/corpora`` (read at run time).

GUM's four test documents that sit in the shared folder are never opened: every GUM loader
filters on ``GUM_TEST_DOCS`` before reading a file.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from newskb.model import GoldDoc, GoldMention

GUM_TEST_DOCS = frozenset(
    {"GUM_interview_hill", "GUM_interview_libertarian", "GUM_news_nasa", "GUM_news_sensitive"}
)
DEFAULT_ROOT = Path(__file__).resolve().parents[3].parent / "shared" / "corpora"
_GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_MEANTIME_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_ENTITY_OPEN = re.compile(r"\(([^()|]+)")
_ENTITY_CLOSE = re.compile(r"(\d+)\)")


def corpus_root(root: Path | None = None) -> Path:
    return root if root is not None else DEFAULT_ROOT


def gum_docs(root: Path | None = None, genre: str | None = None) -> list[str]:
    """Names of the GUM train + dev documents present (test documents excluded)."""
    folder = corpus_root(root) / "gum_wikinews" / "dep"
    names = sorted(p.stem for p in folder.glob("GUM_*.conllu"))
    names = [n for n in names if n not in GUM_TEST_DOCS]
    if genre:
        names = [n for n in names if n.startswith(f"GUM_{genre}_")]
    return names


def _wiki_map(root: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    path = root / "gum_wikinews" / "coref" / "wiki_map.tab"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and not line.startswith("#"):
            out[cols[0]] = cols[2]
    return out


def load_gum(
    root: Path | None = None, genre: str | None = None, docs: list[str] | None = None
) -> Iterator[GoldDoc]:
    """GUM documents as text (tokens joined per ``SpaceAfter``, one sentence per line) with
    their entity mentions (named = ends in a proper noun) and Wikidata links."""
    base = corpus_root(root)
    wiki = _wiki_map(base)
    for name in docs if docs is not None else gum_docs(base, genre):
        if name in GUM_TEST_DOCS:
            continue
        path = base / "gum_wikinews" / "dep" / f"{name}.conllu"
        yield _read_conllu(name, path.read_text(encoding="utf-8"), wiki)


def _read_conllu(name: str, conllu: str, wiki: dict[str, str]) -> GoldDoc:
    parts: list[str] = []
    pos = 0
    open_: dict[str, list[tuple[int, str, str, list[tuple[str, str, str]]]]] = {}
    mentions: list[GoldMention] = []
    published: dt.date | None = None
    sent_tokens: list[str] = []
    for line in conllu.splitlines():
        if line.startswith("# meta::dateCreated"):
            try:
                published = dt.date.fromisoformat(line.split("=", 1)[1].strip())
            except ValueError:
                published = None
        if not line.strip():
            if sent_tokens:
                parts.append("\n")
                pos += 1
                sent_tokens = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        form, upos, head, misc = cols[1], cols[3], cols[6], cols[9]
        start = pos
        parts.append(form)
        pos += len(form)
        sent_tokens.append(form)
        feats = dict(kv.split("=", 1) for kv in misc.split("|") if "=" in kv)
        ent = feats.get("Entity", "")
        for m in _ENTITY_OPEN.finditer(ent):
            fields = m[1].split("-", 7)
            eid, etype = fields[0], fields[1] if len(fields) > 1 else ""
            ident = fields[7] if len(fields) > 7 else ""
            open_.setdefault(eid, []).append((start, etype, ident, []))
        for stack in open_.values():
            for item in stack:
                item[3].append((cols[0], head, upos))
        single = re.findall(r"\((\d+)-[^()|]*\)", ent)
        closes = _ENTITY_CLOSE.findall(re.sub(r"\(\d+-[^()|]*\)", "", ent)) + single
        for eid in closes:
            pending = open_.get(eid)
            if not pending:
                continue
            s, etype, ident, tags = pending.pop()
            inside = {t[0] for t in tags}
            heads = [t for t in tags if t[1] not in inside]
            named = bool(heads) and heads[0][2] == "PROPN"
            mentions.append(
                GoldMention(
                    start=s,
                    end=pos,
                    type=_GUM_TYPES.get(etype, "other"),
                    named=named,
                    wikidata=wiki.get(ident) if ident else None,
                    cluster=eid,
                )
            )
        if feats.get("SpaceAfter") != "No":
            parts.append(" ")
            pos += 1
    return GoldDoc(name=name, text="".join(parts), mentions=tuple(mentions), published=published)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "’s", "n't", "%", "'", "''"}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def meantime_files(root: Path | None = None) -> list[Path]:
    folder = corpus_root(root) / "meantime" / "intra-doc_annotation"
    return sorted(folder.glob("corpus_*/*.xml"))


def load_meantime(root: Path | None = None) -> Iterator[GoldDoc]:
    """MEANTIME (airbus + apple) documents, detokenised, with named (NAM) entity mentions."""
    for path in meantime_files(root):
        yield _read_meantime(path)


def _read_meantime(path: Path) -> GoldDoc:
    tree = ET.parse(path)
    doc = tree.getroot()
    # MEANTIME annotates only the first sentences of each article: keep the text up to the
    # last sentence holding an annotation, so names after it are not scored as false alarms.
    sent_of = {t.get("t_id", ""): int(t.get("sentence", "0")) for t in doc.iter("token")}
    anchored = [sent_of.get(a.get("t_id", ""), 0) for a in doc.iter("token_anchor")]
    last_sent = max(anchored, default=0)
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    prev_sent, prev_tok = None, ""
    for tok in doc.iter("token"):
        text = tok.text or ""
        sent = tok.get("sentence")
        if int(sent or 0) > last_sent:
            break
        if prev_sent is not None:
            sep = "\n" if sent != prev_sent else " "
            if sep == " " and (text in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER):
                sep = ""
            parts.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id", "")] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        prev_sent, prev_tok = sent, text
    markables = doc.find("Markables")
    relations = doc.find("Relations")
    types: dict[str, str] = {}
    if markables is not None:
        for ent in markables.iter("ENTITY"):
            types[ent.get("m_id", "")] = ent.get("ent_type", "")
    refers: dict[str, str] = {}
    if relations is not None:
        for rel in relations.iter("REFERS_TO"):
            tgt = rel.find("target")
            if tgt is None:
                continue
            for src in rel.iter("source"):
                refers[src.get("m_id", "")] = types.get(tgt.get("m_id", ""), "")
    mentions: list[GoldMention] = []
    if markables is not None:
        for m in markables.iter("ENTITY_MENTION"):
            ids = [a.get("t_id", "") for a in m.iter("token_anchor")]
            spans = [offsets[i] for i in ids if i in offsets]
            if not spans:
                continue
            etype = refers.get(m.get("m_id", ""), "")
            mentions.append(
                GoldMention(
                    start=min(s for s, _ in spans),
                    end=max(e for _, e in spans),
                    type=_MEANTIME_TYPES.get(etype, "other"),
                    named=m.get("syntactic_type") == "NAM",
                )
            )
    published = None
    for t in doc.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            try:
                published = dt.date.fromisoformat(t.get("value", "")[:10])
            except ValueError:
                published = None
    return GoldDoc(
        name=doc.get("doc_name", path.stem),
        text="".join(parts),
        mentions=tuple(mentions),
        published=published,
    )
