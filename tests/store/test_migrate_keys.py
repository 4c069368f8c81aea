"""Migration 0005: person blocking keys carry the first name's letter; old stores are re-keyed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newskb.resolve.keys import block_keys, person_keys
from newskb.store.migrate import current_version, migrate


def test_person_keys_add_the_first_letter_and_keep_every_store_match() -> None:
    assert person_keys("Den Scavino") == person_keys("Dan Scavino")
    assert all(k.startswith("d|") for k in person_keys("Dan Scavino"))
    # different first letters never matched in the store, and now never share a block
    assert not person_keys("Caroline Levitt") & person_keys("Karoline Leavitt")
    assert block_keys("Caroline Levitt") & block_keys("Karoline Leavitt")  # gazetteer still does


def test_old_store_is_rekeyed(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    assert migrate(conn, target=4) == 4
    conn.execute("INSERT INTO canon (id, name, type, created_at) VALUES ('L1', 'Dan Scavino', "
                 "'PERSON', '2025-01-01')")  # fmt: skip
    conn.execute("INSERT INTO canon (id, name, type, created_at) VALUES ('L2', 'NBC News', "
                 "'ORG', '2025-01-01')")  # fmt: skip
    for cid, alias in (("L1", "Dan Scavino"), ("L1", "Den Scavino"), ("L2", "NBC News")):
        conn.execute("INSERT INTO canon_aliases VALUES (?,?,?,?)", (cid, alias, alias, "text"))
    conn.executemany(
        "INSERT INTO canon_keys VALUES (?, 'L1')", [(k,) for k in block_keys("Dan Scavino")]
    )
    assert migrate(conn) >= 5 and current_version(conn) >= 5
    got = {r[0] for r in conn.execute("SELECT key FROM canon_keys WHERE canon_id = 'L1'")}
    assert got == person_keys("Dan Scavino") | person_keys("Den Scavino")
    assert conn.execute("SELECT COUNT(*) FROM canon_keys WHERE canon_id = 'L2'").fetchone()[0] == 0
