"""Cross-document scores of the store's entity canon on ECB+ dev topics (issue 17).

``eval.entities`` scores ``resolve.crossdoc`` (the in-memory rule); this module scores the
canon itself: each document is stored in a temporary SQLite store and resolved with
``resolve.canon.resolve_batch`` one at a time, as ingestion does, and the canonical ids of the
gold-aligned name mentions are scored (pairwise across documents of one event, B-cubed).

By default a gold mention counts when any of our name mentions overlaps it, so "a Paris
boutique" (ECB+ links the boutique across documents) is scored as our "Paris". With ``heads``
a gold mention counts only when our name is its head: the name holds the mention's last word
and nothing before the name but a leading preposition, article or adjectives ("in southern
Iran", not "the Porta Nuova area of Palermo" or "a Paris boutique").
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from newskb.eval.entities import CrossDocScores, crossdoc_scores, ecb_gold
from newskb.eval.stories import gold_story
from newskb.model import Article, Extraction

Gold = list[tuple[int, int, str]]
Item = tuple[str, str, str, str]  # (document, canonical id, gold chain, what was written)


def ecb_article(path: Path, text: str) -> Article:
    """The document as ingestion reads a plain-text file: the same text, and the publication
    date its head gives, when it gives one."""
    from newskb.ingest import read_bytes

    for art in read_bytes(text.encode(), path=f"{path.name}.txt"):
        if isinstance(art, Article) and art.text == text:
            return dataclasses.replace(art, path=str(path))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=digest[:16], sha256=digest, path=str(path), text=text)


def ecb_extractions(paths: Sequence[Path]) -> list[tuple[Path, Gold, Extraction]]:
    """Each document's gold mentions and our extraction of it."""
    from newskb import nlp
    from newskb.extract.entities import entities_of

    golds = [ecb_gold(p) for p in paths]
    arts = [ecb_article(p, t) for p, (t, _) in zip(paths, golds, strict=True)]
    parsed = nlp.parse_many([a.text for a in arts])
    return [
        (p, g, Extraction(article=a, entities=tuple(entities_of(a, doc))))
        for p, (_t, g), a, doc in zip(paths, golds, arts, parsed, strict=True)
    ]


_LEAD = re.compile(r"^(?:(?:in|on|at|near|from|to|of|off|into|outside|inside|across)\s+)?")
_INNER = re.compile(r"\b(?:of|in|on|at|near|off|from|to|for|and|with)\b|[,;:(]|['’]s\b")
_TAIL = re.compile(r"(?:['’]s?|[\s.,;:!?\"')\]-])+$")


def headed(text: str, gold: tuple[int, int], name: tuple[int, int]) -> bool:
    """Whether our name at ``name`` is the head of the gold mention at ``gold``."""
    gs, ge = gold
    ns, ne = name
    tail = _TAIL.search(text[gs:ge])
    end = gs + tail.start() if tail else ge
    if not ns < end <= ne + 2:  # the mention's last word lies in the name (or its "'s")
        return False
    before = text[gs:ns] if ns > gs else ""
    lead = _LEAD.match(before)
    return _INNER.search(before[lead.end() if lead else 0 :]) is None


def canon_scores(
    docs: Sequence[tuple[Path, Gold, Extraction]], heads: bool = False
) -> tuple[CrossDocScores, list[Item]]:
    """Resolve the documents one at a time into a fresh store; score the aligned mentions."""
    from newskb.resolve import canon
    from newskb.store import open_store

    items: list[Item] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "ecb.db"))
        for _path, _gold, x in docs:
            store.add_batch([x])
            with store.batch() as tx:
                canon.resolve_batch(tx.canon, [x])
        conn = store.conn  # type: ignore[attr-defined]
        for path, gold, x in docs:
            text = x.article.text
            ment = [
                (m.start, m.end, e.id, e.name)
                for e in x.entities
                for m in e.mentions
                if m.kind in ("name", "short")
            ]
            for gs, ge, chain in gold:
                over = [
                    (c, n)
                    for s, e, c, n in ment
                    if s < ge and gs < e and (not heads or headed(text, (gs, ge), (s, e)))
                ]
                if not over:
                    continue
                q = "SELECT canon_id FROM entity_links WHERE article_id = ? AND local_id = ?"
                row = conn.execute(q, (x.article.id, over[0][0])).fetchone()
                if row is None:
                    continue
                cid = str(row[0])
                for _ in range(32):  # follow merges
                    up = conn.execute("SELECT merged_into FROM canon WHERE id = ?", (cid,))
                    got = up.fetchone()
                    if got is None or got[0] is None:
                        break
                    cid = str(got[0])
                items.append((path.name, cid, chain, f"{text[gs:ge]!r}<{over[0][1]}>"))
        store.close()
    return crossdoc_scores([(d, c, g) for d, c, g, _ in items]), items


def error_lines(items: Sequence[Item]) -> list[str]:
    """Wrong merges (a cluster over several gold chains, across documents) and misses (a gold
    chain over several clusters), per sub-topic, each with its cross-document pair count."""
    out: list[str] = []
    by_story: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_story[gold_story(Path(it[0]))].append(it)
    for story, its in sorted(by_story.items()):
        for label, key, other in (("WRONG", 1, 2), ("MISS", 2, 1)):
            groups: dict[str, list[Item]] = defaultdict(list)
            for it in its:
                groups[it[key]].append(it)
            for g, members in sorted(groups.items()):
                subs: dict[str, list[Item]] = defaultdict(list)
                for m in members:
                    subs[m[other]].append(m)
                keys = sorted(subs)
                bad = sum(
                    1
                    for i, a in enumerate(keys)
                    for b in keys[i + 1 :]
                    for x in subs[a]
                    for y in subs[b]
                    if x[0] != y[0]
                )
                if not bad:
                    continue
                out.append(f"{label} {story} {g} pairs={bad}")
                for k in keys:
                    texts = sorted({f"{m[0].split('.')[0]}:{m[3]}" for m in subs[k]})
                    more = " ..." if len(texts) > 12 else ""
                    out.append(f"    {k}: {' '.join(texts[:12])}{more}")
    return out
