"""A join's evidence text is the same in every process (stored in ``canon_edits``)."""

from __future__ import annotations

import os
import subprocess
import sys

_PROBE = """
from newskb.resolve.evidence import Profile, surname_join
new = Profile("Comeaux", "PERSON", roles=frozenset({"campaign manager", "senior strategist"}))
cand = Profile(
    "Ann Comeaux", "PERSON", roles=frozenset({"strategist", "manager", "campaign"})
)
print(surname_join(new, cand).reason)
"""


def test_a_surname_join_says_the_same_under_any_string_hashing() -> None:
    """Regression: the roles two sides share were joined in set order, which Python's per-
    process string hashing changes ("beside campaign, manager" in one ingest, "beside
    manager, campaign" in the next), so two runs stored different evidence."""
    said = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
        )
        said.add(out.stdout.strip())
    assert said == {"only person of that surname; beside campaign, manager"}
