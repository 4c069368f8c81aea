"""Shared loaders for the development corpora in ``../shared/corpora`` (read at run time).

Where the corpora are (``corpus_root``): a folder given (``newskb eval --corpora DIR``), else
``$NEWSKB_CORPORA``, else ``../shared/corpora`` beside the working directory, else beside the
checkout this code runs from. An installed newskb (no checkout) so finds them too.

GUM's four test documents that sit in the shared folder are never opened: every GUM loader
filters on ``GUM_TEST_DOCS`` before reading a file.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from newskb.model import GoldDoc, GoldMention

GUM_TEST_DOCS = frozenset(
    {"GUM_interview_hill", "GUM_interview_libertarian", "GUM_news_nasa", "GUM_news_sensitive"}
)
DEFAULT_ROOT = Path(__file__).resolve().parents[3].parent / "shared" / "corpora"
"""``../shared/corpora`` beside the checkout (meaningless in an installed package)."""
ENV = "NEWSKB_CORPORA"
_CHOSEN: list[Path] = []  # the folder ``newskb eval --corpora`` named, for this process
_GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_MEANTIME_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_ENTITY_OPEN = re.compile(r"\(([^()|]+)")
_ENTITY_CLOSE = re.compile(r"(\d+)\)")
# Name level (CoNLL/OntoNotes style): a gold mention is cut down to the proper name it is built
# on -- "JSA Research defence analyst Paul Nesbit" -> "Paul Nesbit", "the United States" ->
# "United States"; lower-case joiners stay inside a name ("Bank of America").
_PERSON_JOINERS = frozenset({"de", "-", ".", "'", "’", "du", "la", "von", "van", "bin", "al"})
_JOINERS = _PERSON_JOINERS | {"of", "and", "&", "for"}
_SKIPPABLE = frozenset({"of", "for", "to", "the", ","})  # between a title and the name

# Titles and honorifics are not part of a name ("Senator John McCain" -> "John McCain").
_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "senator", "sen",
        "rep", "representative", "governor", "gov", "secretary", "minister", "chancellor",
        "premier", "mayor", "judge", "justice", "general", "gen", "colonel", "col", "captain",
        "capt", "sergeant", "sgt", "lieutenant", "lt", "admiral", "chairman", "chairwoman", "ceo",
        "director", "spokesman", "spokeswoman", "ambassador", "pope", "reverend", "rev",
        "saint", "sheikh", "prince", "princess", "queen", "king", "undersecretary", "emeritus",
        "sheriff", "commissioner", "commander", "deputy", "detective", "inspector", "coach",
    }
)  # fmt: skip

Tok = tuple[int, int, str, str]  # start, end, form, PTB tag ("" when the corpus has none)


def _is_title(form: str) -> bool:
    return form.lower().rstrip(".") in _TITLES


def _is_name_word(form: str, tag: str) -> bool:
    if _is_title(form) or form in ("(", ")"):
        return False
    if tag:
        return tag in ("NNP", "NNPS")
    return form[:1].isupper() or (form[:1].islower() and any(ch.isupper() for ch in form[1:]))


def name_core(toks: list[Tok], head: int, person: bool = False) -> tuple[int, int] | None:
    """Offsets of the proper name inside a mention: the run of name words around ``head`` (the
    index of the mention's head token, or the last name word when the corpus marks no heads),
    joined over lower-case joiners that have a name word on both sides (for a ``person`` only
    inside the name: "Leung Kwok-hung of LSD" is a person and a party). ``None``: no name."""
    joiners = _PERSON_JOINERS if person else _JOINERS
    if not toks:
        return None
    if head < 0:
        names = [i for i, t in enumerate(toks) if _is_name_word(t[2], t[3])]
        if not names:
            return None
        head = names[-1]
    if not _is_name_word(toks[head][2], toks[head][3]):
        return None
    lo = hi = head
    while True:
        j = lo - 1
        while j >= 0 and toks[j][2] in joiners:
            j -= 1
        if j >= 0 and _is_name_word(toks[j][2], toks[j][3]):
            lo = j
            continue
        break
    while True:
        j = hi + 1
        while j < len(toks) and toks[j][2] in joiners:
            j += 1
        if j < len(toks) and _is_name_word(toks[j][2], toks[j][3]):
            hi = j
            continue
        break
    if toks[lo][2] in ("The", "A", "An"):
        lo += 1
    return (toks[lo][0], toks[hi][1]) if lo <= hi else None


def use_root(root: Path | None) -> None:
    """Make ``root`` the corpora folder of this process (``None``: back to the lookup)."""
    _CHOSEN[:] = [root] if root is not None else []


def corpus_root(root: Path | None = None) -> Path:
    """The corpora folder: ``root`` when given, else the one ``use_root`` chose, else
    ``$NEWSKB_CORPORA``, else the first of ``../shared/corpora`` beside the working directory
    and beside the checkout that exists (the checkout's when neither does)."""
    if root is not None:
        return root
    if _CHOSEN:
        return _CHOSEN[0]
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(env).expanduser()
    for near in (Path.cwd().parent / "shared" / "corpora", DEFAULT_ROOT):
        if near.is_dir():
            return near
    return DEFAULT_ROOT


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
    root: Path | None = None,
    genre: str | None = None,
    docs: list[str] | None = None,
    names: bool = False,
) -> Iterator[GoldDoc]:
    """GUM documents as text (tokens joined per ``SpaceAfter``, one sentence per line) with
    their entity mentions (named = headed by a proper noun) and Wikidata links. ``names``: named
    mentions are cut to the proper name they are built on (see ``name_core``)."""
    base = corpus_root(root)
    wiki = _wiki_map(base)
    for name in docs if docs is not None else gum_docs(base, genre):
        if name in GUM_TEST_DOCS:
            continue
        path = base / "gum_wikinews" / "dep" / f"{name}.conllu"
        yield _read_conllu(name, path.read_text(encoding="utf-8"), wiki, names)


def _name_after_head(toks: list[Tok], head: int, blocked: frozenset[int] = frozenset()) -> int:
    """Index of the last word of a name that follows a common-noun head (an apposed name:
    "publishers Jann Wenner of Rolling Stone", "researcher Mu Li, of ..."), or -1. Words of
    a name nested in the mention for another entity are not the apposed name."""
    last = head
    while 0 <= last + 1 < len(toks) and (
        last + 1 in blocked or _is_title(toks[last + 1][2]) or toks[last + 1][2] in _SKIPPABLE
    ):
        last += 1  # "Undersecretary for Education Mr. Toccafondi"
    if last + 1 >= len(toks) or not _is_name_word(toks[last + 1][2], toks[last + 1][3]):
        return -1
    if last > head and last not in blocked and not _is_title(toks[last][2]):
        return -1  # "the Secretary of State": no name after a title and a joiner
    while (
        last + 1 < len(toks)
        and last + 1 not in blocked
        and _is_name_word(toks[last + 1][2], toks[last + 1][3])
    ):
        last += 1
    return last


def _person_name(
    toks: list[Tok], core: tuple[int, int], blocked: frozenset[int]
) -> tuple[int, int] | None:
    """A person's name found around the mention's head (``core``), corrected when it takes in
    another entity's nested name ("Minister of Education Stefania Giannini") or is one word
    before a title and a longer name ("Emeritus Professor John Burrows"): then the last run of
    name words that is no other entity's name."""
    inside = [i for i, t in enumerate(toks) if core[0] <= t[0] and t[1] <= core[1]]
    names = [i for i, t in enumerate(toks) if i not in blocked and _is_name_word(t[2], t[3])]
    if not names:
        return None
    sub = [t if i not in blocked else (t[0], t[1], "(", "") for i, t in enumerate(toks)]
    last = name_core(sub, names[-1], person=True)
    if any(i in blocked for i in inside):
        return last
    if last is not None and len(inside) == 1 and last[0] > core[1]:
        later = [t for t in toks if last[0] <= t[0] and t[1] <= last[1]]
        if len(later) > 1 and any(_is_title(t[2]) for t in toks if core[1] <= t[0] < last[0]):
            return last
    return core


def _read_conllu(name: str, conllu: str, wiki: dict[str, str], names: bool = False) -> GoldDoc:
    parts: list[str] = []
    pos = 0
    open_: dict[str, list[tuple[int, str, str, list[tuple[str, str, str, Tok]]]]] = {}
    mentions: list[GoldMention] = []
    closed: list[tuple[int, int, str]] = []  # every mention's whole span and entity id
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
        form, upos, xpos, head, misc = cols[1], cols[3], cols[4], cols[6], cols[9]
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
                item[3].append((cols[0], head, upos, (start, pos, form, xpos)))
        single = re.findall(r"\((\d+)-[^()|]*\)", ent)
        closes = _ENTITY_CLOSE.findall(re.sub(r"\(\d+-[^()|]*\)", "", ent)) + single
        closes.sort(key=lambda e: -open_[e][-1][0] if open_.get(e) else 0)  # inner first
        for eid in closes:
            pending = open_.get(eid)
            if not pending:
                continue
            s, etype, ident, tags = pending.pop()
            inside = {t[0] for t in tags}
            heads = [t for t in tags if t[1] not in inside]
            named = bool(heads) and heads[0][2] == "PROPN"
            s_end: tuple[int, int] | None = (s, pos)
            if names and heads:
                toks = [t[3] for t in tags]
                nominal = [t for t in heads if t[2] in ("NOUN", "PROPN")]
                at = tags.index(nominal[0] if nominal else heads[0])
                named = tags[at][2] == "PROPN"
                nested = [r for r in closed if s <= r[0] and r[1] <= pos and r[2] != eid]
                blocked = frozenset(
                    i
                    for i, t in enumerate(toks)
                    if any(a <= t[0] and t[1] <= b for a, b, _ in nested)
                )
                if not named or _is_title(toks[at][2]):  # "Facebook creator Mark Zuckerberg"
                    at = _name_after_head(toks, at, blocked)
                    named = at >= 0
                s_end = name_core(toks, at, etype == "person") if named else None
                if s_end is not None and etype == "person":
                    s_end = _person_name(toks, s_end, blocked)
                named = s_end is not None
            closed.append((s, pos, eid))
            s, end = s_end or (s, pos)
            mentions.append(
                GoldMention(
                    start=s,
                    end=end,
                    type=_GUM_TYPES.get(etype, "other"),
                    named=named,
                    wikidata=wiki.get(ident) if ident else None,
                    cluster=eid,
                )
            )
        if feats.get("SpaceAfter") != "No":
            parts.append(" ")
            pos += 1
    if names:
        mentions = _outermost(mentions, "".join(parts))
    return GoldDoc(name=name, text="".join(parts), mentions=tuple(mentions), published=published)


def _outermost(mentions: list[GoldMention], text: str) -> list[GoldMention]:
    """Name level: a name inside a longer name ("Helsinki" in "University of Helsinki") is no
    mention of its own, a coordination of names ("Stan and Rauschenberg") is its names, and one
    name marked twice is kept once."""
    named = [m for m in mentions if m.named]

    def inner(o: GoldMention) -> list[GoldMention]:
        return sorted(
            (m for m in named if o.start <= m.start and m.end <= o.end and m != o),
            key=lambda m: m.start,
        )

    coordinated = set()
    for o in named:
        parts = inner(o)
        if any(
            text[a.end : b.start].strip() in ("and", ",", "&", "or")
            for a, b in itertools.pairwise(parts)
        ):
            coordinated.add((o.start, o.end))
    out: list[GoldMention] = []
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        if m.named:
            if (m.start, m.end) in seen | coordinated or any(
                o.start <= m.start
                and m.end <= o.end
                and (o.end - o.start) > (m.end - m.start)
                and (o.start, o.end) not in coordinated
                for o in named
            ):
                continue
            seen.add((m.start, m.end))
        out.append(m)
    return out


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "’s", "n't", "%", "'", "''"}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def meantime_files(root: Path | None = None) -> list[Path]:
    folder = corpus_root(root) / "meantime" / "intra-doc_annotation"
    return sorted(folder.glob("corpus_*/*.xml"))


def load_meantime(root: Path | None = None, names: bool = False) -> Iterator[GoldDoc]:
    """MEANTIME (airbus + apple) documents, detokenised, with named (NAM) entity mentions.
    ``names``: premodifier names (PRE.NAM, "Apple shares") count too, and named mentions are
    cut to their proper name (see ``name_core``)."""
    for path in meantime_files(root):
        yield _read_meantime(path, names)


def _read_meantime(path: Path, names: bool = False) -> GoldDoc:
    tree = ET.parse(path)
    doc = tree.getroot()
    # MEANTIME annotates only the first sentences of each article: keep the text up to the
    # last sentence holding an annotation, so names after it are not scored as false alarms.
    sent_of = {t.get("t_id", ""): int(t.get("sentence", "0")) for t in doc.iter("token")}
    anchored = [sent_of.get(a.get("t_id", ""), 0) for a in doc.iter("token_anchor")]
    last_sent = max(anchored, default=0)
    offsets: dict[str, tuple[int, int]] = {}
    forms: dict[str, str] = {}
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
        forms[tok.get("t_id", "")] = text
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
            syn = m.get("syntactic_type")
            named = syn == "NAM" or (names and syn == "PRE.NAM")
            bounds: tuple[int, int] | None = (min(s for s, _ in spans), max(e for _, e in spans))
            if names and named:
                toks = [(*offsets[i], forms[i], "") for i in ids if i in offsets]
                bounds = name_core(sorted(toks), -1, etype == "PER")
                named = bounds is not None
            start, end = bounds or (min(s for s, _ in spans), max(e for _, e in spans))
            mentions.append(
                GoldMention(
                    start=start, end=end, type=_MEANTIME_TYPES.get(etype, "other"), named=named
                )
            )
    if names:
        mentions = _outermost(mentions, "".join(parts))
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
