"""Re-read judged event audits with the current rules (dev check, issue 15).

Runs the extraction again on the documents of the given audit TSVs and matches each judged
event row to a current event (same document, trigger text and sentence). Prints, per audit and
in all, how many judged rows the current rules still emit and the type / actor precision of
those kept, and lists the dropped rows judged right (what a new gate costs) and the kept rows
judged wrong (what is left). The audits are dev data: they were read while the rules were
written, so these figures are not a held-out measure; the fresh audit is.

    PYTHONPATH=src python scripts/recheck_event_audits.py eval/audits/events-2026-12-07*.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_events import _articles, _polnear_all
from score_event_audit import read_audit


def _flat(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    from newskb.extract import extract
    from newskb.extract.events import plover_type
    from newskb.nlp import parse_many

    audits = {Path(p).name: read_audit(Path(p))[0] for p in sys.argv[1:]}
    docs = {r["doc"] for rows in audits.values() for r in rows}
    arts = [(c, a) for c, a in (*_articles(), *_polnear_all()) if Path(a.path).name in docs]  # type: ignore[attr-defined]
    now: dict[tuple[str, str, str], str] = {}
    actors_now: dict[tuple[str, str, str], str] = {}
    parsed = parse_many([a.text for _, a in arts])  # type: ignore[attr-defined]
    for (_, art), doc in zip(arts, parsed, strict=True):
        x = extract(art, doc)  # type: ignore[arg-type]
        for ev in x.events:
            key = (Path(art.path).name, ev.trigger.text, _flat(ev.sentence.text))  # type: ignore[attr-defined]
            now[key] = plover_type(ev.type, ev.status)
            ents = {e.id: e for e in x.entities}
            actors_now[key] = "; ".join(
                f"{ents[a].name} [{ents[a].type}]" if a in ents else a for a in ev.actors
            )
    tot = [0, 0, 0, 0, 0]
    changed = 0
    by_type: dict[str, list[int]] = {}
    for name, rows in audits.items():
        kept = [r for r in rows if (r["doc"], r["trigger"], r["sentence"]) in now]
        same = [r for r in kept if now[(r["doc"], r["trigger"], r["sentence"])] == r["plover_type"]]
        t_ok = sum(r["type_ok"] == "y" for r in same)
        a_ok = sum(r["actor_ok"] == "y" for r in same)
        for r in same:
            tally = by_type.setdefault(r["plover_type"], [0, 0])
            tally[0] += r["type_ok"] == "y"
            tally[1] += 1
        print(f"{name}: {len(kept)}/{len(rows)} rows still emitted, {len(same)} with the same "
              f"type: type {t_ok}/{len(same)}, actor {a_ok}/{len(same)}")  # fmt: skip
        for r in rows:
            key = (r["doc"], r["trigger"], r["sentence"])
            if key in now and now[key] == r["plover_type"] and actors_now[key] != r["actors"]:
                changed += 1
                print(f"   actor changed ({r['actor_ok']}): {r['actors']!r} -> "
                      f"{actors_now[key]!r} | {r['plover_type']} {r['trigger']!r} | "
                      f"{r['sentence'][:100]}")  # fmt: skip
            if key not in now and r["type_ok"] == "y":
                print(f"   dropped, judged right: {r['plover_type']} {r['trigger']!r} | "
                      f"{r['sentence'][:110]}")  # fmt: skip
            elif key in now and now[key] == r["plover_type"] and r["type_ok"] == "n":
                print(f"   kept, judged wrong: {r['plover_type']} {r['trigger']!r} | "
                      f"{r['note'][:110]}")  # fmt: skip
        tot = [
            a + b for a, b in zip(tot, (len(rows), len(kept), len(same), t_ok, a_ok), strict=True)
        ]
    n, k, s, t, a = tot
    print(f"all: {k}/{n} emitted, same type {s}: type {t}/{s} = {t / max(s, 1):.3f}, "
          f"actor {a}/{s} = {a / max(s, 1):.3f}")  # fmt: skip
    print(f"actor changed since judged (re-judge these): {changed}")
    ranked = sorted(by_type.items(), key=lambda kv: -kv[1][1])
    print("type right / kept, by type: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in ranked))


if __name__ == "__main__":
    main()
