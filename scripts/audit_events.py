"""Precision audit of event coding on real news (issue 15).

Runs the full extraction (entities, quotes, times, events) on ECB+ topics 1-35 and the GUM
news documents (train + dev only) under ``../shared/corpora``, then draws a seeded random sample
of predicted events and of agreement mentions and writes them as a TSV for a person to judge
against the PLOVER manual.

    PYTHONPATH=src python scripts/audit_events.py dump  --out /tmp/events-dump.jsonl
    PYTHONPATH=src python scripts/audit_events.py sample --dump /tmp/events-dump.jsonl \
        --out eval/audits/events-YYYY-MM-DD.tsv [--seed 15 --events 150 --agreements 30]
        [--avoid eval/audits/<earlier>.tsv]   (--agreements -1: every agreement mention)
    PYTHONPATH=src python scripts/audit_events.py stats --dump /tmp/events-dump.jsonl

A fresh pool: ``dump --pool polnear --docs N --doc-seed S --exclude FILE...`` dumps a seeded
sample of N PolNeAR train articles (political news, 840 articles) that no ``--exclude`` file
names: a plain list of document names (one a line, ``#`` comments) or an audit TSV with a
``doc`` column (every earlier event, entity and quote audit, and ``events-dev-docs.txt``, the
PolNeAR documents read while the event rules were written). ``--list FILE`` writes the names of
the dumped documents. ``--pool ecbplus`` draws the same way from ECB+ topics 1-35
(``--parity odd|even``: those topics only). ``sample --skip-judged FILE`` leaves out the rows
(document, trigger, sentence) earlier audits judged: every ECB+ document with an event today
was in an earlier event audit, so a fresh ECB+ sample is of events no one judged.
``merge --parts A.tsv B.tsv --out C.tsv`` joins samples into one audit.

The judged TSV has the columns ``type_ok actor_ok recipient_ok status_ok`` (events) and
``real_agreement parties_ok`` (agreements) filled with y / n (n/a where a column does not apply),
and a ``note``; ``scripts/score_event_audit.py`` prints the precision figures from it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"

EVENT_COLS = (
    "kind", "row", "corpus", "doc", "event", "type", "plover_type", "status", "trigger",
    "actors", "recipients", "sentence", "type_ok", "actor_ok", "recipient_ok", "status_ok",
    "note",
)  # fmt: skip
AGREEMENT_COLS = (
    "kind", "row", "corpus", "doc", "event", "agreement_status", "object", "parties",
    "trigger", "sentence", "real_agreement", "parties_ok", "note",
)  # fmt: skip


def _articles() -> list[tuple[str, object]]:
    import datetime as dt
    import hashlib

    from newskb.eval import stories
    from newskb.eval.corpora import load_gum
    from newskb.model import Article

    out: list[tuple[str, object]] = []
    for path in stories.documents(CORPORA / "ecbplus"):
        out.append(("ecbplus", stories.article(path)))
    for doc in load_gum(CORPORA, genre="news"):
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        pub = doc.published if isinstance(doc.published, dt.date) else None
        out.append(
            ("gum", Article(id=digest[:16], sha256=digest, path=doc.name, text=doc.text,
                            published=pub))
        )  # fmt: skip
    return out


def _excluded(files: list[Path] | None) -> set[str]:
    """Document names in plain lists or in audit TSVs (their ``doc`` column)."""
    out: set[str] = set()
    for f in files or ():
        lines = f.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t") if lines else []
        if "doc" in head:
            col = head.index("doc")
            for line in lines:
                cols = line.split("\t")
                if len(cols) > col and cols[col] != "doc":
                    out.add(cols[col].strip())
            continue
        out |= {x.strip() for x in lines if x.strip() and not x.startswith("#")}
    return out


def _polnear(n_docs: int, seed: int, exclude: list[Path] | None) -> list[tuple[str, object]]:
    from newskb.eval.polnear import articles, read_docs

    skip = _excluded(exclude)
    pool = [d for d in read_docs(CORPORA / "polnear" / "train") if d.name not in skip]
    picked = sorted(random.Random(seed).sample(pool, min(n_docs, len(pool))), key=lambda d: d.name)
    return [("polnear", a) for a in articles(picked)]


def _ecbplus(
    n_docs: int, seed: int, exclude: list[Path] | None, parity: str = "all"
) -> list[tuple[str, object]]:
    """A seeded sample of ``n_docs`` ECB+ documents of topics 1-35 that no exclude file names,
    of the odd or even topics only with ``parity``."""
    from newskb.eval import stories

    skip = _excluded(exclude)
    topics = [t for t in range(1, 36) if parity == "all" or t % 2 == (parity == "odd")]
    docs = stories.documents(CORPORA / "ecbplus", topics)
    pool = [p for p in docs if p.name not in skip]
    picked = sorted(random.Random(seed).sample(pool, min(n_docs, len(pool))), key=lambda p: p.name)
    return [("ecbplus", stories.article(p)) for p in picked]


def _polnear_all() -> list[tuple[str, object]]:
    from newskb.eval.polnear import articles, read_docs

    return [("polnear", a) for a in articles(read_docs(CORPORA / "polnear" / "train"))]


def _dump(
    out_path: Path,
    every: int = 1,
    offset: int = 0,
    pool: list[tuple[str, object]] | None = None,
) -> None:
    from newskb.extract import extract
    from newskb.extract.events import plover_type
    from newskb.nlp import parse_many

    every_art = pool if pool is not None else _articles()
    arts = [(i, c, a) for i, (c, a) in enumerate(every_art)][offset::every]
    with out_path.open("w", encoding="utf-8") as fh:
        for lo in range(0, len(arts), 32):
            chunk = arts[lo : lo + 32]
            docs = parse_many([a.text for _, _, a in chunk])  # type: ignore[attr-defined]
            for (n, corpus, art), doc in zip(chunk, docs, strict=True):
                x = extract(art, doc)  # type: ignore[arg-type]
                ents = {e.id: e for e in x.entities}

                def name(i: str, ents: dict[str, object] = ents) -> str:
                    e = ents.get(i)
                    return f"{e.name} [{e.type}]" if e is not None else i  # type: ignore[attr-defined]

                for ev in x.events:
                    rec = {
                        "index": n,
                        "corpus": corpus,
                        "doc": Path(art.path).name,  # type: ignore[attr-defined]
                        "event": ev.id,
                        "type": ev.type,
                        "plover_type": plover_type(ev.type, ev.status),
                        "status": ev.status,
                        "trigger": ev.trigger.text,
                        "actors": [name(a) for a in ev.actors],
                        "recipients": [name(r) for r in ev.recipients],
                        "sentence": ev.sentence.text,
                        "agreement": None,
                    }
                    if ev.agreement is not None:
                        rec["agreement"] = {
                            "status": ev.agreement.status,
                            "object": ev.agreement.object,
                            "parties": [name(p) for p in ev.agreement.parties],
                        }
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(f"{lo + len(chunk)}/{len(arts)}", file=sys.stderr)


def _load(dump_path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in dump_path.read_text(encoding="utf-8").splitlines()]


def _flat(text: object) -> str:
    return " ".join(str(text).split())


def _judged_rows(paths: list[Path] | None) -> set[tuple[str, str, str]]:
    """(document, trigger, sentence) of every row earlier audits judged."""
    out: set[tuple[str, str, str]] = set()
    for path in paths or ():
        with path.open(encoding="utf-8") as fh:
            for r in csv.reader(fh, delimiter="\t"):
                if r and r[0] == "event":
                    out.add((r[3], r[8], _flat(r[11])))
                elif r and r[0] == "agreement":
                    out.add((r[3], r[8], _flat(r[9])))
    return out


def _judged_docs(paths: list[Path] | None) -> set[str]:
    """The documents earlier audits sampled (a fresh sample keeps away from them)."""
    out: set[str] = set()
    for path in paths or ():
        with path.open(encoding="utf-8") as fh:
            rows = csv.reader(fh, delimiter="\t")
            out |= {r[3] for r in rows if r and r[0] in ("event", "agreement")}
    return out


def sample(
    dump_path: Path,
    out_path: Path,
    seed: int,
    n_events: int,
    n_agree: int,
    avoid: list[Path] | None = None,
    skip_judged: list[Path] | None = None,
) -> None:
    """``n_agree`` < 0: every agreement mention; ``avoid``: an earlier audit whose documents
    the event sample leaves out (agreements are all kept when ``n_agree`` < 0);
    ``skip_judged``: earlier audits whose judged rows (not documents) the sample leaves out."""
    recs = _load(dump_path)
    rng = random.Random(seed)
    seen = _judged_docs(avoid)
    judged = _judged_rows(skip_judged)
    fresh = [
        r
        for r in recs
        if r["doc"] not in seen and (r["doc"], r["trigger"], _flat(r["sentence"])) not in judged
    ]
    events = rng.sample(fresh, min(n_events, len(fresh)))
    agreements = [r for r in recs if r["agreement"]]
    if n_agree >= 0:
        agreements = rng.sample(agreements, min(n_agree, len(agreements)))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(EVENT_COLS)
        for i, r in enumerate(events, 1):
            w.writerow(
                ["event", i, r["corpus"], r["doc"], r["event"], r["type"], r["plover_type"],
                 r["status"], r["trigger"], "; ".join(r["actors"]),  # type: ignore[arg-type]
                 "; ".join(r["recipients"]), _flat(r["sentence"]),  # type: ignore[arg-type]
                 "", "", "", "", ""]
            )  # fmt: skip
        w.writerow(AGREEMENT_COLS)
        for i, r in enumerate(agreements, 1):
            a = r["agreement"]
            assert isinstance(a, dict)
            w.writerow(
                ["agreement", i, r["corpus"], r["doc"], r["event"], a["status"], a["object"],
                 "; ".join(a["parties"]), r["trigger"], _flat(r["sentence"]), "", "", ""]
            )  # fmt: skip
    print(f"{len(events)} events, {len(agreements)} agreements of {len(recs)} events")


def merge(parts: list[Path], out_path: Path) -> None:
    """One audit TSV from several samples (event rows renumbered, then agreement rows)."""
    events: list[list[str]] = []
    agreements: list[list[str]] = []
    for path in parts:
        with path.open(encoding="utf-8") as fh:
            for r in csv.reader(fh, delimiter="\t"):
                if r and r[0] == "event":
                    events.append(r)
                elif r and r[0] == "agreement":
                    agreements.append(r)
    with out_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(EVENT_COLS)
        w.writerows([r[0], str(i), *r[2:]] for i, r in enumerate(events, 1))
        w.writerow(AGREEMENT_COLS)
        w.writerows([r[0], str(i), *r[2:]] for i, r in enumerate(agreements, 1))


def stats(dump_path: Path) -> None:
    recs = _load(dump_path)
    print(len(recs), "events;", sum(1 for r in recs if r["agreement"]), "agreements")
    print(Counter(str(r["plover_type"]) for r in recs).most_common())
    print("no actor:", sum(1 for r in recs if not r["actors"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=("dump", "sample", "stats", "merge"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--events", type=int, default=150)
    ap.add_argument("--agreements", type=int, default=30)
    ap.add_argument("--every", type=int, default=1, help="dump every n-th article (dev runs)")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--pool", choices=("ecb-gum", "polnear", "ecbplus"), default="ecb-gum")
    ap.add_argument("--docs", type=int, default=60, help="PolNeAR / ECB+ articles to dump")
    ap.add_argument("--doc-seed", type=int, default=15)
    ap.add_argument("--exclude", type=Path, action="append", help="documents never to dump")
    ap.add_argument("--list", type=Path, help="write the dumped documents' names here")
    ap.add_argument("--parity", choices=("all", "odd", "even"), default="all", help="ECB+ topics")
    ap.add_argument(
        "--skip-judged", type=Path, action="append", help="an audit TSV whose rows to skip"
    )
    ap.add_argument("--parts", type=Path, nargs="*", help="merge: audit TSVs to join")
    ap.add_argument(
        "--avoid", type=Path, action="append", help="an earlier audit TSV whose documents to skip"
    )
    a = ap.parse_args()
    if a.cmd == "dump":
        pool = None
        if a.pool == "polnear":
            pool = _polnear(a.docs, a.doc_seed, a.exclude)
        elif a.pool == "ecbplus":
            pool = _ecbplus(a.docs, a.doc_seed, a.exclude, a.parity)
        if pool is not None and a.list:
            names = [Path(str(art.path)).name for _, art in pool]  # type: ignore[attr-defined]
            a.list.write_text("\n".join(names) + "\n", encoding="utf-8")
        _dump(a.out, a.every, a.offset, pool)
    elif a.cmd == "sample":
        sample(a.dump, a.out, a.seed, a.events, a.agreements, a.avoid, a.skip_judged)
    elif a.cmd == "merge":
        merge(a.parts, a.out)
    else:
        stats(a.dump)


if __name__ == "__main__":
    main()
