"""Share of canonical entities seen in >= 3 articles that carry a Wikidata id (issue 17).

``python scripts/wikidata_share.py --db /tmp/share.db``: writes the development texts (PolNeAR
train, 840 US political articles, and ECB+ topics 1-35) as plain-text files under
``<db>.texts/``, ingests them with ``newskb ingest`` into the store ``--db`` (a temporary
SQLite file; re-runs skip what is stored) and prints, per entity type and in all, how many
canonical entities (merged rows followed to the row they were merged into) are linked from at
least ``--min-articles`` articles and how many of those carry a Wikidata id (``Q...``).

``--report-only``: no ingest, report on the store as it is. ``--list N``: also the N entities
in the most articles that have no Wikidata id (what a gazetteer could still add).
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
if not SHARED.is_dir():  # a worktree beside the main checkout
    SHARED = Path("/work/shared/corpora")


def write_texts(folder: Path) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from newskb.eval.polnear import read_docs
    from newskb.eval.stories import documents, read_text

    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for p in documents(SHARED / "ecbplus"):
        target = folder / f"ecb_{p.stem}.txt"
        if not target.exists():
            target.write_text(read_text(p), encoding="utf-8")
        n += 1
    for d in read_docs(SHARED / "polnear" / "train"):
        target = folder / f"polnear_{d.name}.txt"
        if not target.exists():
            target.write_text(d.text, encoding="utf-8")
        n += 1
    return n


def ingest(db: Path, folder: Path) -> None:
    cmd = [sys.executable, "-c", "from newskb.cli import main; main()", "ingest", "--db", str(db)]
    cmd += ["--workers", "1", "--quiet", str(folder)]
    subprocess.run(cmd, check=True)


def _final(merged: dict[str, str | None], cid: str) -> str:
    seen: set[str] = set()
    while merged.get(cid) and cid not in seen:
        seen.add(cid)
        cid = str(merged[cid])
    return cid


def share(db: Path, min_articles: int = 3) -> tuple[dict[str, tuple[int, int]], list[tuple]]:
    """{type: (with Wikidata id, all)} over canonical entities in >= min_articles articles,
    and the entities in that set without an id (articles, type, name), most articles first."""
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, name, type, kb_id, merged_into FROM canon").fetchall()
    merged = {r[0]: r[4] for r in rows}
    info = {r[0]: (r[1], r[2], r[3] or (r[0] if r[0].startswith("Q") else None)) for r in rows}
    arts: dict[str, set[str]] = {}
    for article_id, canon_id in con.execute("SELECT article_id, canon_id FROM entity_links"):
        arts.setdefault(_final(merged, canon_id), set()).add(article_id)
    con.close()
    out: dict[str, list[int]] = {}
    missing: list[tuple] = []
    for cid, seen in arts.items():
        if len(seen) < min_articles or cid not in info:
            continue
        name, etype, qid = info[cid]
        has = bool(qid and str(qid).startswith("Q"))
        c = out.setdefault(etype, [0, 0])
        c[0] += has
        c[1] += 1
        if not has:
            missing.append((len(seen), etype, name))
    missing.sort(key=lambda t: (-t[0], t[1], t[2]))
    return {t: (a, b) for t, (a, b) in sorted(out.items())}, missing


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--report-only", action="store_true")
    ap.add_argument("--list", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.report_only:
        folder = args.db.with_name(args.db.name + ".texts")
        n = write_texts(folder)
        print(f"{n} texts under {folder}", file=sys.stderr)
        ingest(args.db, folder)
    by_type, missing = share(args.db, args.min_articles)
    total = [sum(v[0] for v in by_type.values()), sum(v[1] for v in by_type.values())]
    for etype, (has, n) in by_type.items():
        print(f"{etype}\t{has}/{n}\t{has / n:.3f}")
    print(f"all\t{total[0]}/{total[1]}\t{total[0] / max(total[1], 1):.3f}")
    for n_art, etype, name in missing[: args.list]:
        print(f"  {n_art}\t{etype}\t{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
