"""`newskb serve`: prints its URL, answers on loopback, refuses a missing store."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

NEWSKB = Path(sys.executable).with_name("newskb")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_url_and_answers(serve_db: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [str(NEWSKB), "serve", "--db", str(serve_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == f"newskb serving {serve_db} (read-only) at http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.1)
        assert r.json() == {"ok": True, "writable": False}
        assert "server" not in r.headers
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    done = subprocess.run(
        [str(NEWSKB), "serve", "--db", str(missing)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "NKB307" in done.stderr and "no store at" in done.stderr
    assert not missing.exists()
