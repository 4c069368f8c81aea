"""Entity-type audit on real news (ECB+ dev topics 1-35 and GUM news).

``python scripts/audit_entities.py draw --out FILE``: extract entities from a seeded sample of
ECB+ documents and all GUM news documents, and write a seeded random sample of 100 PERSON, 50
ORG and 50 GPE entities (one row per entity: its name, type, document and the sentence of its
first mention) as TSV with an empty ``verdict`` column for a person to fill (``y`` right type,
``n`` wrong type or no name).

``draw --seed N --out FILE`` (N other than the first audit's seed) draws a *fresh* audit: ECB+
documents none of the first audit's pool (its 200 ECB+ documents and GUM news) and PolNeAR train
documents, minus every document listed in an ``--exclude`` file (document names, one a line,
or an earlier audit TSV's ``doc`` column), such as ``eval/audits/entities-dev-docs.txt``, the
documents read while the rules were written; all that are left when fewer than 200 ECB+ (100
PolNeAR) documents are.

``python scripts/audit_entities.py docs --seed N [--exclude ...]``: the names of the documents
that ``draw`` with the same arguments reads, one a line: the list to keep out of
``scripts/build_name_lists.py`` before the draw.

``python scripts/audit_entities.py score FILE``: the share judged right per type.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

SEED = 20261207
WANT = {"PERSON": 100, "ORG": 50, "GPE": 50}
ECB_DOCS = 200
COLUMNS = ["n", "type", "name", "doc", "context", "verdict", "note"]


POLNEAR_DOCS = 100


def _excluded(files: list[Path]) -> set[str]:
    out: set[str] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t")
            out.add(cols[3] if len(cols) > 3 else cols[0].strip())
    return out


def _texts(seed: int = SEED, exclude: tuple[Path, ...] = ()) -> list[tuple[str, str]]:
    from newskb.eval.corpora import load_gum
    from newskb.eval.polnear import read_docs
    from newskb.eval.stories import DEFAULT_ROOT, documents, read_text

    paths = documents(DEFAULT_ROOT)
    first = sorted(random.Random(SEED).sample(paths, ECB_DOCS), key=lambda p: p.name)
    if seed == SEED:
        out = [(p.name, read_text(p)) for p in first]
        return out + [(d.name, d.text) for d in load_gum(genre="news")]
    skip = _excluded(list(exclude)) | {p.name for p in first}
    rest = [p for p in paths if p.name not in skip]
    picked = sorted(
        random.Random(seed).sample(rest, min(ECB_DOCS, len(rest))), key=lambda p: p.name
    )
    out = [(p.name, read_text(p)) for p in picked]
    pol = [d for d in read_docs(DEFAULT_ROOT.parent / "polnear" / "train") if d.name not in skip]
    chosen = sorted(
        random.Random(seed).sample(pol, min(POLNEAR_DOCS, len(pol))), key=lambda d: d.name
    )
    return out + [(d.name, d.text) for d in chosen]


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def draw(out: Path, seed: int = SEED, exclude: tuple[Path, ...] = ()) -> None:
    from newskb import nlp
    from newskb.extract.entities import entities_of
    from newskb.model import Article

    texts = _texts(seed, exclude)
    pool: dict[str, list[tuple[str, str, str, str]]] = {t: [] for t in WANT}
    for (name, text), doc in zip(texts, nlp.parse_many([t for _, t in texts]), strict=True):
        digest = hashlib.sha256(text.encode()).hexdigest()
        art = Article(id=digest[:16], sha256=digest, path=name, text=text)
        for e in entities_of(art, doc):
            named = [m for m in e.mentions if m.kind in ("name", "short")]
            if e.type not in pool or not named:
                continue
            m = named[0]
            a = max(text.rfind("\n", 0, m.start), text.rfind(". ", 0, max(m.start - 1, 0)) + 1, 0)
            b = text.find("\n", m.end)
            ctx = text[a : b if b >= 0 else len(text)][:300]
            pool[e.type].append((e.type, e.name, name, _clean(ctx)))
    rng = random.Random(seed)
    rows: list[tuple[str, str, str, str]] = []
    for etype, n in WANT.items():
        rows += rng.sample(pool[etype], min(n, len(pool[etype])))
    with out.open("w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for i, (etype, name, doc_name, ctx) in enumerate(rows, start=1):
            f.write("\t".join([str(i), etype, _clean(name), doc_name, ctx, "", ""]) + "\n")


def score(path: Path) -> dict[str, tuple[int, int]]:
    """(right, judged) per type."""
    out: dict[str, tuple[int, int]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        cols = line.split("\t")
        etype, verdict = cols[1], cols[5].strip().lower()
        if verdict not in ("y", "n"):
            continue
        right, judged = out.get(etype, (0, 0))
        out[etype] = (right + (verdict == "y"), judged + 1)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--seed", type=int, default=SEED)
    d.add_argument("--exclude", type=Path, action="append", default=[])
    ls = sub.add_parser("docs")
    ls.add_argument("--seed", type=int, default=SEED)
    ls.add_argument("--exclude", type=Path, action="append", default=[])
    s = sub.add_parser("score")
    s.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        draw(args.out, args.seed, tuple(args.exclude))
        return 0
    if args.cmd == "docs":
        for name, _text in _texts(args.seed, tuple(args.exclude)):
            print(name)
        return 0
    for etype, (right, judged) in score(args.file).items():
        print(f"{etype}: {right}/{judged} right = {right / judged:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
