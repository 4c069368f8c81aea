"""Cross-document entity scores of the store's canon on ECB+ dev topics (issue 17).

``newskb eval entities --corpus ecbplus`` scores ``resolve.crossdoc`` (the in-memory rule);
this script scores the canon itself: it stores each ECB+ document in a temporary SQLite store,
resolves it with ``resolve.canon.resolve_batch`` and scores the canonical ids of the
gold-aligned name mentions (pairwise across documents, B-cubed).

    PYTHONPATH=src python scripts/eval_canon_ecb.py 1 2 3 4 5
    PYTHONPATH=src python scripts/eval_canon_ecb.py --errors 2 4 6   # wrong and missed pairs
    PYTHONPATH=src python scripts/eval_canon_ecb.py --heads 2 4 6    # names that head the mention

``--errors`` lists, per sub-topic, the predicted clusters that join different gold chains
(wrong merges) and the gold chains split over several clusters (misses), with the mention
texts. Extractions are kept under ``$NEWSKB_CACHE_DIR`` (pickled, keyed by the documents and
the extractor's source) so a rerun only resolves.

By default a gold mention counts when any of our name mentions overlaps it, so "a Paris
boutique" (ECB+ links the boutique across documents) is scored as our "Paris". ``--heads``
counts a gold mention only when our name is its head: the name holds the mention's last word
and nothing before the name but a leading preposition, article or adjectives ("in southern
Iran", not "the Porta Nuova area of Palermo" or "a Paris boutique").
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from newskb import nlp
from newskb.eval.entities import _overlap, crossdoc_scores, ecb_gold
from newskb.eval.stories import DEFAULT_ROOT, documents, gold_story
from newskb.extract.entities import entities_of
from newskb.ingest import read_bytes
from newskb.model import Article, Extraction
from newskb.resolve import canon
from newskb.store import open_store

Gold = list[tuple[int, int, str]]


def _extract_key(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
    src = Path(__file__).resolve().parents[1] / "src" / "newskb"
    for f in sorted(f for d in ("extract", "nlp", "ingest") for f in (src / d).rglob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:20]


def _article(path: Path, text: str) -> Article:
    """The document as ingestion reads it (a plain-text file): the same text, and the
    publication date its head gives, when it gives one."""
    for art in read_bytes(text.encode(), path=f"{path.name}.txt"):
        if isinstance(art, Article) and art.text == text:
            return dataclasses.replace(art, path=str(path))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=digest[:16], sha256=digest, path=str(path), text=text)


def _extractions(paths: list[Path]) -> list[tuple[Path, str, Gold, Extraction]]:
    golds = [ecb_gold(p) for p in paths]
    cache_dir = os.environ.get("NEWSKB_CACHE_DIR")
    cache = Path(cache_dir) / f"ecb-canon-{_extract_key(paths)}.pkl" if cache_dir else None
    if cache is not None and cache.exists():
        xs: list[Extraction] = pickle.loads(cache.read_bytes())
    else:
        arts = [_article(p, t) for p, (t, _) in zip(paths, golds, strict=True)]
        parsed = nlp.parse_many([a.text for a in arts])
        xs = []
        for art, doc in zip(arts, parsed, strict=True):
            xs.append(Extraction(article=art, entities=tuple(entities_of(art, doc))))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps(xs))
    return [(p, t, g, x) for p, (t, g), x in zip(paths, golds, xs, strict=True)]


_LEAD = re.compile(r"^(?:(?:in|on|at|near|from|to|of|off|into|outside|inside|across)\s+)?")
_INNER = re.compile(r"\b(?:of|in|on|at|near|off|from|to|for|and|with)\b|[,;:(]|['’]s\b")
_TAIL = re.compile(r"(?:['’]s?|[\s.,;:!?\"')\]-])+$")


def _headed(text: str, gold: tuple[int, int], name: tuple[int, int]) -> bool:
    """Whether our name at ``name`` is the head of the gold mention at ``gold``."""
    gs, ge = gold
    ns, ne = name
    tail = _TAIL.search(text[gs:ge])
    end = gs + tail.start() if tail else ge
    if not ns < end <= ne + 2:  # the mention's last word lies in the name (or its "'s")
        return False
    before = text[gs:ns] if ns > gs else ""
    before = before[_LEAD.match(before).end() :]  # type: ignore[union-attr]
    return _INNER.search(before) is None


def main(topics: list[int], errors: bool = False, heads: bool = False) -> None:
    paths = documents(DEFAULT_ROOT, topics)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "ecb.db"))
        spans = []
        for path, text, gold, x in _extractions(paths):
            store.add_batch([x])
            with store.batch() as tx:  # one article at a time, as ingestion does
                canon.resolve_batch(tx.canon, [x])
            ment = [
                (m.start, m.end, e.id, e.name)
                for e in x.entities
                for m in e.mentions
                if m.kind in ("name", "short")
            ]
            spans.append((path.name, x.article.id, text, ment, gold))
        conn = store.conn  # type: ignore[attr-defined]
        aligned = []
        shown = []
        for name, aid, text, ment, gold in spans:
            for gs, ge, chain in gold:
                over = [
                    (c, n)
                    for s, e, c, n in ment
                    if _overlap((s, e), (gs, ge)) and (not heads or _headed(text, (gs, ge), (s, e)))
                ]
                if not over:
                    continue
                row = conn.execute(
                    "SELECT canon_id FROM entity_links WHERE article_id = ? AND local_id = ?",
                    (aid, over[0][0]),
                ).fetchone()
                if row is None:
                    continue
                cid = row[0]
                for _ in range(32):  # follow merges
                    nxt = conn.execute("SELECT merged_into FROM canon WHERE id = ?", (cid,))
                    up = nxt.fetchone()
                    if up is None or up[0] is None:
                        break
                    cid = up[0]
                aligned.append((name, cid, chain))
                shown.append((name, cid, chain, f"{text[gs:ge]!r}<{over[0][1]}>"))
        store.close()
    print(crossdoc_scores(aligned))
    if errors:
        _list_errors(shown)


def _list_errors(items: list[tuple[str, str, str, str]]) -> None:
    """Wrong merges (a cluster over several gold chains, across documents) and misses (a gold
    chain over several clusters), per sub-topic, each with its cross-document pair count."""
    by_story: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for it in items:
        by_story[gold_story(Path(it[0]))].append(it)
    for story, its in sorted(by_story.items()):
        for label, key, other in (("WRONG", 1, 2), ("MISS", 2, 1)):
            groups: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
            for it in its:
                groups[it[key]].append(it)
            for g, members in sorted(groups.items()):
                subs: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
                for m in members:
                    subs[m[other]].append(m)
                if len(subs) < 2:
                    continue
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
                print(f"{label} {story} {g} pairs={bad}")
                for k in keys:
                    texts = sorted({f"{m[0].split('.')[0]}:{m[3]}" for m in subs[k]})
                    print(f"    {k}: {' '.join(texts[:12])}{' ...' if len(texts) > 12 else ''}")


if __name__ == "__main__":
    args = sys.argv[1:]
    nums = [int(t) for t in args if not t.startswith("--")]
    main(nums or list(range(1, 6)), "--errors" in args, "--heads" in args)
