"""Workers die with their parent: ``kill -9`` of the parent alone (not its process group)
leaves no worker alive 2 s later, for a bare pool, a real ``ingest --workers 2`` and the
local Dask cluster."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import INGEST, write_articles

GRACE_S = 2.0


def children(pid: int) -> set[int]:
    """Every descendant of ``pid`` now (read from /proc, so no extra package is needed)."""
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for kid in kids.get(todo.pop(), []):
            if kid not in found:
                found.add(kid)
                todo.append(kid)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


def kill_parent_alone(proc: subprocess.Popen[bytes], want: int, timeout: float) -> set[int]:
    """Wait until ``proc`` has ``want`` descendants, SIGKILL ``proc`` only; the survivors
    ``GRACE_S`` later."""
    deadline = time.monotonic() + timeout
    kids: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        kids = children(proc.pid)
        if len(kids) >= want:
            break
        time.sleep(0.1)
    assert len(kids) >= want, f"only {len(kids)} workers started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(GRACE_S)
    survivors = {k for k in kids if alive(k)}
    for k in survivors:  # leave nothing behind, whatever the outcome
        with contextlib.suppress(ProcessLookupError):
            os.kill(k, signal.SIGKILL)
    return survivors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pool_workers_die_with_a_killed_parent() -> None:
    script = textwrap.dedent(
        """
        import time
        from concurrent.futures import ProcessPoolExecutor
        from newskb.workers import die_with_parent
        with ProcessPoolExecutor(2, initializer=die_with_parent) as pool:
            list(pool.map(time.sleep, [60, 60]))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    assert kill_parent_alone(proc, 2, 30) == set()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ingest_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 200)
    cmd = [sys.executable, "-c", INGEST, "ingest", str(tmp_path / "in"), "--db"]
    cmd += [str(tmp_path / "kb.db"), "--workers", "2", "--batch-size", "4", "--quiet"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)
    assert kill_parent_alone(proc, 2, 120) == set()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_local_dask_workers_die_with_a_killed_parent() -> None:
    pytest.importorskip("distributed", reason="the Dask engine needs newskb[dask]")
    script = textwrap.dedent(
        """
        import time
        from newskb.scale.dask_engine import connect
        with connect(None, 2) as client:
            client.wait_for_workers(2)
            print("up", flush=True)
            time.sleep(120)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, start_new_session=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"up"
    assert kill_parent_alone(proc, 2, 120) == set()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_of_ingest_under_load_leaves_a_whole_store_and_no_worker(tmp_path: Path) -> None:
    """SIGTERM to the parent alone while ``ingest --workers 2`` commits batches: it stops, no
    worker outlives it by ``GRACE_S``, the store holds whole articles only and a re-run stores
    the rest exactly once."""
    from tests.reliability.helpers import run_ingest, store_problems, stored_count, stored_ids

    expected = write_articles(tmp_path / "in", 120)
    db = tmp_path / "kb.db"
    cmd = [sys.executable, "-c", INGEST, "ingest", str(tmp_path / "in"), "--db", str(db)]
    cmd += ["--workers", "2", "--batch-size", "4", "--quiet"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 300
        while proc.poll() is None and stored_count(db) < 8 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the ingest ended before it could be interrupted"
        kids = children(proc.pid)
        assert len(kids) >= 2, kids
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        time.sleep(GRACE_S)
        survivors = {k for k in kids if alive(k)}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    assert survivors == set(), survivors
    assert "Traceback" not in stderr, stderr
    partial = stored_ids(db)
    assert 8 <= len(partial) < len(expected)
    assert store_problems(db) == []
    assert all(expected[p] == i for p, i in partial.items())
    run_ingest(tmp_path / "in", db, 4)
    assert store_problems(db) == []
    assert stored_ids(db) == expected
