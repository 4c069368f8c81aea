"""Precision from a judged event audit (``scripts/audit_events.py sample``, judged by hand).

    python scripts/score_event_audit.py eval/audits/events-2026-12-07.tsv

Event rows: share of sampled events whose type, actor, recipient, status are right ("y"), and
fully right (all four). Agreement rows: share that are real agreements, and real agreements with
their parties right (the "Must reach" ledger figure). A cell other than y/n (n/a) is left out of
that column's denominator.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def _share(rows: list[dict[str, str]], col: str) -> tuple[int, int]:
    judged = [r[col].strip().lower() for r in rows if r[col].strip().lower() in ("y", "n")]
    return sum(v == "y" for v in judged), len(judged)


def read_audit(path: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """An audit TSV's judged rows by their header: (event rows, agreement rows)."""
    events: list[dict[str, str]] = []
    agreements: list[dict[str, str]] = []
    header: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and row[0] == "kind":
                header = row
                continue
            if not row or not header:
                continue
            rec = dict(zip(header, row, strict=False))
            (events if rec["kind"] == "event" else agreements).append(rec)
    return events, agreements


def score(path: Path) -> dict[str, tuple[int, int]]:
    events, agreements = read_audit(path)
    out = {c: _share(events, c) for c in ("type_ok", "actor_ok", "recipient_ok", "status_ok")}
    full = [r for r in events if all(r[c].lower() in ("y", "n/a") for c in out)]
    out["all_ok"] = (len(full), len(events))
    out["real_agreement"] = _share(agreements, "real_agreement")
    both = [
        r
        for r in agreements
        if r["real_agreement"].lower() == "y" and r["parties_ok"].lower() == "y"
    ]
    out["agreement_with_parties"] = (len(both), len(agreements))
    return out


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "eval/audits/events-2026-12-07.tsv")
    for name, (hit, n) in score(path).items():
        print(f"{name:24s} {hit:4d}/{n:<4d} {hit / n if n else 0.0:.3f}")


if __name__ == "__main__":
    main()
