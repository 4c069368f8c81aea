"""Cross-document entity scores of the store's canon on ECB+ dev topics (issue 17).

``newskb eval entities --corpus ecbplus`` scores ``resolve.crossdoc`` (the in-memory rule);
this script scores the canon itself: it stores each ECB+ document in a temporary SQLite store,
resolves it with ``resolve.canon.resolve_batch`` and scores the canonical ids of the
gold-aligned name mentions (pairwise across documents, B-cubed).

    PYTHONPATH=src python scripts/eval_canon_ecb.py 1 2 3 4 5
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

from newskb import nlp
from newskb.eval.entities import _overlap, crossdoc_scores, ecb_gold
from newskb.eval.stories import DEFAULT_ROOT, documents
from newskb.extract.entities import entities_of
from newskb.model import Article, Extraction
from newskb.resolve import canon
from newskb.store import open_store


def main(topics: list[int]) -> None:
    paths = documents(DEFAULT_ROOT, topics)
    golds = [ecb_gold(p) for p in paths]
    parsed = nlp.parse_many([t for t, _ in golds])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "ecb.db"))
        spans: list[tuple[str, str, list[tuple[int, int, str]], list[tuple[int, int, str]]]] = []
        for path, (text, gold), doc in zip(paths, golds, parsed, strict=True):
            digest = hashlib.sha256(text.encode()).hexdigest()
            art = Article(id=digest[:16], sha256=digest, path=str(path), text=text)
            x = Extraction(article=art, entities=tuple(entities_of(art, doc)))
            store.add_batch([x])
            with store.batch() as tx:  # one article at a time, as ingestion does
                canon.resolve_batch(tx.canon, [x])
            ment = [
                (m.start, m.end, e.id)
                for e in x.entities
                for m in e.mentions
                if m.kind in ("name", "short")
            ]
            spans.append((path.name, art.id, ment, [(s, e, c) for s, e, c in gold]))
        conn = store.conn  # type: ignore[attr-defined]
        aligned = []
        for name, aid, ment, gold in spans:
            for gs, ge, chain in gold:
                over = [c for s, e, c in ment if _overlap((s, e), (gs, ge))]
                if not over:
                    continue
                row = conn.execute(
                    "SELECT canon_id FROM entity_links WHERE article_id = ? AND local_id = ?",
                    (aid, over[0]),
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
        store.close()
    print(crossdoc_scores(aligned))


if __name__ == "__main__":
    main([int(t) for t in sys.argv[1:]] or list(range(1, 6)))
