"""Which PLOVER types political news keeps (issue 15; ``extract/events/newsgate.KEPT``).

    PYTHONPATH=src python scripts/choose_event_types.py eval/audits/events-2026-12-07[f-k].tsv \
        [--target 0.85 --min-count 3]

Runs the extraction on the judged audits' documents with the type gate of ``newsgate`` open
(every type emitted, the price check kept) and matches each judged row to a current event (same
document, trigger text, sentence and PLOVER type). Then, leave one audit out: the types kept are
those whose type precision on the other audits' rows in political news
(``newsgate.political_news``) reaches ``--target`` on at least ``--min-count`` rows; the held-out
audit's rows are scored with that choice (rows outside political news always kept). Printed: per
audit the kept types and the held-out type precision and count with and without the choice, the
pooled held-out figures, and the choice made from every audit. ``--raw`` chooses from the rows
as they were judged (each audit drawn fresh after the rules of its time) instead of the rows the
current rules still emit (which the hand rules were fitted to on the dev audits 07f-07h, 07j).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_events import _polnear_all
from score_event_audit import read_audit

Row = tuple[str, str, bool, bool]  # audit, PLOVER type, in political news, type judged right


def _flat(text: str) -> str:
    return " ".join(text.split())


def rows(paths: list[Path]) -> list[Row]:
    from newskb.extract import extract
    from newskb.extract.events import newsgate, plover_type
    from newskb.nlp import parse_many

    audits = {p.name: read_audit(p)[0] for p in paths}
    docs = {r["doc"] for judged in audits.values() for r in judged}
    arts = [a for _, a in _polnear_all() if Path(a.path).name in docs]  # type: ignore[attr-defined]
    political: dict[int, bool] = {}
    real_keep = newsgate.keep

    def opened(tok, ptype, pol) -> bool:  # type: ignore[no-untyped-def]
        political[tok.idx] = pol
        return real_keep(tok, ptype, False)  # the price check only

    newsgate.keep = opened  # type: ignore[assignment]
    now: dict[tuple[str, str, str], tuple[str, bool]] = {}
    try:
        for lo in range(0, len(arts), 16):
            chunk = arts[lo : lo + 16]
            parsed = parse_many([a.text for a in chunk])  # type: ignore[attr-defined]
            for art, doc in zip(chunk, parsed, strict=True):
                political.clear()
                for ev in extract(art, doc).events:  # type: ignore[arg-type]
                    key = (Path(art.path).name, ev.trigger.text, _flat(ev.sentence.text))  # type: ignore[attr-defined]
                    now[key] = (plover_type(ev.type, ev.status), political[ev.trigger.start])
    finally:
        newsgate.keep = real_keep
    out: list[Row] = []
    for name, judged in audits.items():
        for r in judged:
            got = now.get((r["doc"], r["trigger"], _flat(r["sentence"])))
            if got is not None and got[0] == r["plover_type"] and r["type_ok"] in ("y", "n"):
                out.append((name, got[0], got[1], r["type_ok"] == "y"))
    return out


def choose(train: list[Row], target: float, min_count: int) -> set[str]:
    by: dict[str, list[bool]] = {}
    for _, ptype, pol, ok in train:
        if pol:
            by.setdefault(ptype, []).append(ok)
    return {t for t, oks in by.items() if len(oks) >= min_count and sum(oks) / len(oks) >= target}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("audits", nargs="+", type=Path)
    ap.add_argument("--target", type=float, default=0.85)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--raw", action="store_true", help="choose from the rows as judged")
    args = ap.parse_args()
    got = rows(args.audits)
    raw = [
        (p.name, r["plover_type"], True, r["type_ok"] == "y")
        for p in args.audits
        for r in read_audit(p)[0]
        if r["type_ok"] in ("y", "n")
    ]
    pick = raw if args.raw else got
    tot = {"all types": [0, 0], "chosen": [0, 0]}
    for held in sorted({a for a, *_ in got}):
        kept = choose([r for r in pick if r[0] != held], args.target, args.min_count)
        test = [r for r in got if r[0] == held]
        line = [f"{held}: keeps {','.join(sorted(kept))}"]
        chosen = [r for r in test if not r[2] or r[1] in kept]
        for key, sel in (("all types", test), ("chosen", chosen)):
            ok = sum(r[3] for r in sel)
            tot[key][0] += ok
            tot[key][1] += len(sel)
            line.append(f"{key} {ok}/{len(sel)} = {ok / max(len(sel), 1):.3f}")
        print("  ".join(line))
    pooled = (f"{k} {a}/{n} = {a / max(n, 1):.3f}" for k, (a, n) in tot.items())
    print("pooled held-out: " + "  ".join(pooled))
    print("chosen from every audit: " + ",".join(sorted(choose(pick, args.target, args.min_count))))


if __name__ == "__main__":
    main()
