"""No-event rate (issue 15): of the gold sentences that hold no PLOVER event, the share the
events step leaves without any event.

Gold: the PETRARCH2 unit-test records whose expected output has no event code, or only
public-statement codes (CAMEO 01/02, which PLOVER does not code), from ``../shared/corpora``.
The system runs as ``newskb eval events --corpus petrarch2`` runs it (with the corpus' own
actor dictionary). Also prints, for the records that do hold an event, the share of all
predicted events whose PLOVER type is one the gold gives the sentence.

    PYTHONPATH=src python scripts/eval_no_event.py
"""

from __future__ import annotations

from pathlib import Path

from newskb.eval.events import load_gold, petrarch_dictionary, run_system
from newskb.extract.events import plover_type

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def main() -> None:
    golds = load_gold(CORPORA, "petrarch2")
    none_gold = left_empty = predicted = right = 0
    for g, (_, x) in zip(golds, run_system(golds, petrarch_dictionary(CORPORA)), strict=True):
        if g.no_event:
            none_gold += 1
            left_empty += not x.events
        elif g.types:
            predicted += len(x.events)
            right += sum(plover_type(e.type, e.status) in g.types for e in x.events)
    print(f"no-event sentences left without an event: {left_empty}/{none_gold} "
          f"= {left_empty / none_gold:.3f}")  # fmt: skip
    print(f"predicted events with a gold type (event sentences): {right}/{predicted} "
          f"= {right / predicted:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
