"""Cross-document entity scores of the store's canon on ECB+ dev topics (issue 17).

See ``newskb.eval.canon_ecb``: each document is stored and resolved one at a time, and the
canonical ids of the gold-aligned name mentions are scored (pairwise across documents, B-cubed).

    PYTHONPATH=src python scripts/eval_canon_ecb.py 1 2 3 4 5
    PYTHONPATH=src python scripts/eval_canon_ecb.py --errors 2 4 6   # wrong and missed pairs
    PYTHONPATH=src python scripts/eval_canon_ecb.py --heads 2 4 6    # names that head the mention

``--errors`` lists, per sub-topic, the predicted clusters that join different gold chains
(wrong merges) and the gold chains split over several clusters (misses), with the mention
texts. Extractions are kept under ``$NEWSKB_CACHE_DIR`` (pickled, keyed by the documents and
the source of extraction, parsing and ingestion) so a rerun only resolves.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from newskb.eval.canon_ecb import Gold, canon_scores, ecb_extractions, error_lines
from newskb.eval.stories import DEFAULT_ROOT, documents
from newskb.model import Extraction


def _extract_key(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
    src = Path(__file__).resolve().parents[1] / "src" / "newskb"
    for f in sorted(f for d in ("extract", "nlp", "ingest") for f in (src / d).rglob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:20]


def _cached(paths: list[Path]) -> list[tuple[Path, Gold, Extraction]]:
    cache_dir = os.environ.get("NEWSKB_CACHE_DIR")
    cache = Path(cache_dir) / f"ecb-canon2-{_extract_key(paths)}.pkl" if cache_dir else None
    if cache is not None and cache.exists():
        docs: list[tuple[Path, Gold, Extraction]] = pickle.loads(cache.read_bytes())
        return docs
    docs = ecb_extractions(paths)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(docs))
    return docs


def main(topics: list[int], errors: bool = False, heads: bool = False) -> None:
    scores, items = canon_scores(_cached(documents(DEFAULT_ROOT, topics)), heads)
    print(scores)
    if errors:
        print("\n".join(error_lines(items)))


if __name__ == "__main__":
    args = sys.argv[1:]
    nums = [int(t) for t in args if not t.startswith("--")]
    main(nums or list(range(1, 6)), "--errors" in args, "--heads" in args)
