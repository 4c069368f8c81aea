"""Precision audit of attribution (quotes) on real news (issue 16).

``python scripts/audit_quotes.py draw --seed N --n 80 --out FILE``: run the full extraction on a
seeded random pool of real articles (ECB+ dev topics 1-35, GUM news train+dev, PolNeAR train),
draw a seeded random sample of about ``n`` quotes (an equal share per corpus) and write one TSV
row per quote: document, kind, mode, speaker (its text and resolved entity name), cue, content,
the sentence(s) that hold the whole attribution (exact character offsets ``ctx_start:ctx_end``
into the article), and the empty judgement columns ``is_attribution speaker_ok cue_ok
content_ok`` (y / n, n/a where a column does not apply) and ``note``. The context text is
whitespace-collapsed for the TSV; the offsets give it exactly.

Judging: ``is_attribution`` n (scare quotes, titles, the writer's own words or judgement, an
action with no reported content) leaves the other columns n/a. ``speaker_ok``: the output names
who said it (a pronoun is right only when resolved to the right entity); an empty speaker is n
when the text names one. ``cue_ok``: an empty cue is n when the quote's own sentence has one,
n/a when the quote continues an earlier one or the text has no cue. ``content_ok``: the
reported material with reasonable boundaries (not the cue, source or the writer's own words).

``python scripts/audit_quotes.py score FILE``: precision per judgement column overall, by
corpus and by kind; ``all_ok`` counts a row right when every judged column is y (or n/a).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

SEED = 16
DOCS_PER_CORPUS = 30
JUDGE = ("is_attribution", "speaker_ok", "cue_ok", "content_ok")
COLUMNS = (
    "row", "corpus", "doc", "quote", "kind", "mode", "speaker", "speaker_entity", "cue",
    "content", "ctx_start", "ctx_end", "context", *JUDGE, "note",
)  # fmt: skip


def _pool(seed: int) -> list[tuple[str, str, str]]:
    """(corpus, doc name, text) for a seeded random pool of real articles per corpus."""
    from newskb.eval.corpora import load_gum
    from newskb.eval.polnear import read_docs
    from newskb.eval.stories import DEFAULT_ROOT, documents, read_text

    rng = random.Random(seed)
    ecb = rng.sample(documents(DEFAULT_ROOT), DOCS_PER_CORPUS)
    gum = list(load_gum(genre="news"))
    gum = rng.sample(gum, min(DOCS_PER_CORPUS, len(gum)))
    pol = rng.sample(read_docs(DEFAULT_ROOT.parent / "polnear" / "train"), DOCS_PER_CORPUS)
    return (
        [("ecbplus", p.name, read_text(p)) for p in ecb]
        + [("gum", d.name, d.text) for d in gum]
        + [("polnear", d.name, d.text) for d in pol]
    )


def _flat(s: str | None) -> str:
    return " ".join((s or "").split())


def pick(rows: Sequence[dict[str, str]], n: int, seed: int) -> list[dict[str, str]]:
    """A seeded random sample of ``n`` rows, an equal share from each corpus (the remainder
    going to the corpora first in name order); a corpus with too few rows gives all it has."""
    corpora = sorted({r["corpus"] for r in rows})
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for i, c in enumerate(corpora):
        share = n // len(corpora) + (i < n % len(corpora))
        mine = [r for r in rows if r["corpus"] == c]
        out += rng.sample(mine, min(share, len(mine)))
    return out


def _quote_rows(seed: int) -> list[dict[str, str]]:
    from newskb import nlp
    from newskb.extract import extract
    from newskb.model import Article

    pool = _pool(seed)
    rows: list[dict[str, str]] = []
    docs = nlp.parse_many([t for _, _, t in pool])
    for (corpus, name, text), doc in zip(pool, docs, strict=True):
        digest = hashlib.sha256(text.encode()).hexdigest()
        x = extract(Article(id=digest[:16], sha256=digest, path=name, text=text), doc)
        names = {e.id: e.name for e in x.entities}
        for q in x.quotes:
            spans = [(q.content.start, q.content.end)]
            spans += [(s.start, s.end) for s in (q.speaker, q.cue) if s is not None]
            lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
            sents = [s for s in doc.sents if s.end_char > lo and s.start_char < hi]
            a = sents[0].start_char if sents else lo
            b = sents[-1].end_char if sents else hi
            sp = q.speaker
            rows.append(
                {"corpus": corpus, "doc": name, "quote": q.id, "kind": q.kind,
                 "mode": q.mode or "", "speaker": _flat(sp.text) if sp else "",
                 "speaker_entity": _flat(names.get(sp.entity or "", "")) if sp else "",
                 "cue": _flat(q.cue.text) if q.cue else "", "content": _flat(q.content.text),
                 "ctx_start": str(a), "ctx_end": str(b), "context": _flat(text[a:b])}
            )  # fmt: skip
        print(f"{name}: {len(x.quotes)} quotes", file=sys.stderr)
    return rows


def draw(out: Path, seed: int, n: int) -> None:
    rows = pick(_quote_rows(seed), n, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for i, r in enumerate(rows, 1):
            w.writerow([str(i), *(r.get(c, "") for c in COLUMNS[1:])])
    print(f"{len(rows)} quotes -> {out}", file=sys.stderr)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def precision(rows: Iterable[dict[str, str]]) -> dict[str, tuple[int, int]]:
    """(right, judged) per judgement column, plus ``all_ok`` over rows judged in every column."""
    rows = list(rows)
    out: dict[str, tuple[int, int]] = {}
    for c in JUDGE:
        v = [r[c].strip().lower() for r in rows if r[c].strip().lower() in ("y", "n")]
        out[c] = (v.count("y"), len(v))
    marks = [[r[c].strip().lower() for c in JUDGE] for r in rows]
    done = [m for m in marks if all(v in ("y", "n", "n/a") for v in m)]
    out["all_ok"] = (sum("n" not in m for m in done), len(done))
    return out


def report(rows: Sequence[dict[str, str]]) -> list[str]:
    groups: list[tuple[str, list[dict[str, str]]]] = [("overall", list(rows))]
    for key in ("corpus", "kind", "mode"):
        for v in sorted({r[key] for r in rows}):
            groups.append((f"{key}={v or '-'}", [r for r in rows if r[key] == v]))
    lines = ["group".ljust(22) + "".join(c.rjust(17) for c in (*JUDGE, "all_ok"))]
    for name, g in groups:
        cells = [f"{h}/{n} {h / n:.2f}" if n else "-" for h, n in precision(g).values()]
        lines.append(name.ljust(22) + "".join(c.rjust(17) for c in cells))
    return lines


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--seed", type=int, default=SEED)
    d.add_argument("--n", type=int, default=80)
    s = sub.add_parser("score")
    s.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "draw":
        draw(args.out, args.seed, args.n)
    else:
        print("\n".join(report(read(args.file))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
