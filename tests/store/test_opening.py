"""``check_path``: a header caught mid-checkpoint is not called damaged; a truncated file is."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from newskb.errors import CorruptStore
from newskb.store import SqliteStore
from newskb.store.opening import check_path


def _store_with_pages(tmp_path: Path) -> Path:
    db = tmp_path / "kb.db"
    store = SqliteStore(db)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return db


def test_a_header_ahead_of_the_file_during_a_checkpoint_is_waited_for(tmp_path: Path) -> None:
    """Regression (CI, stop 26): `newskb search` during an ingest failed with "truncated"
    because a checkpoint had written page 1 (the new page count) before growing the file."""
    db = _store_with_pages(tmp_path)
    whole = db.read_bytes()
    page = int.from_bytes(whole[16:18], "big")
    assert len(whole) >= 2 * page
    db.write_bytes(whole[:-page])  # the checkpoint's last page is not written yet
    (tmp_path / "kb.db-wal").write_bytes(b"")  # a live store: a writer has its WAL open
    grow = threading.Timer(0.03, lambda: db.write_bytes(whole))
    grow.start()
    try:
        check_path(str(db), write=False)
    finally:
        grow.join()


def test_a_truncated_store_is_still_named_so(tmp_path: Path) -> None:
    db = _store_with_pages(tmp_path)
    whole = db.read_bytes()
    page = int.from_bytes(whole[16:18], "big")
    cut = tmp_path / "cut.db"
    cut.write_bytes(whole[:-page])
    with pytest.raises(CorruptStore, match="truncated"):
        check_path(str(cut), write=False)
    shutil.copy(cut, tmp_path / "live.db")
    (tmp_path / "live.db-wal").write_bytes(b"")  # with a WAL beside it: after the waits
    with pytest.raises(CorruptStore, match="truncated"):
        check_path(str(tmp_path / "live.db"), write=False)
