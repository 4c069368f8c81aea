"""Readers during a long ingest never see an error or a half-written article."""

from __future__ import annotations

import json
import subprocess
import threading
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.store import SqliteStore
from tests.reliability.helpers import ingest_cmd, store_problems, stored_ids, write_articles

N_ARTICLES = 40


def _read_until(done: threading.Event, db: Path, seen: set[str], failures: list[str]) -> int:
    """Search and fetch in a loop; check each article is whole. Return the number of reads."""
    reads = 0
    store = SqliteStore(db, readonly=True)
    try:
        while not done.is_set() or reads == 0:
            try:
                hits = store.search("talks round", limit=200)
                for h in hits:
                    stored = store.get(h.id)
                    x = stored.extraction
                    n = store.conn.execute(
                        "SELECT count(*) FROM entities WHERE article_id = ?", (h.id,)
                    ).fetchone()[0]
                    if x.article.id != h.id or n != len(x.entities) or not x.article.text:
                        failures.append(f"{h.id}: half-written ({n} vs {len(x.entities)})")
                    seen.add(h.id)
                    reads += 1
                stats = store.stats()
                if stats.articles < len(seen):
                    failures.append(f"stats say {stats.articles} articles, {len(seen)} seen")
            except Exception as exc:  # any error at all is a failure of this test
                failures.append(f"{type(exc).__name__}: {exc}")
                return reads
    finally:
        store.close()
    return reads


@pytest.mark.slow
def test_readers_during_a_long_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    expected = write_articles(folder, N_ARTICLES)
    db = tmp_path / "kb.db"
    SqliteStore(db).close()  # the schema exists before readers start
    writer = subprocess.Popen(
        ingest_cmd(folder, db, 2), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    done = threading.Event()
    seen: set[str] = set()
    failures: list[str] = []
    counts: list[int] = []
    thread = threading.Thread(target=lambda: counts.append(_read_until(done, db, seen, failures)))
    thread.start()
    cli_reads = 0
    try:
        while writer.poll() is None:  # the CLI search, in this thread, meanwhile
            res = CliRunner().invoke(
                cli, ["search", "negotiators", "--db", str(db), "--format", "json"]
            )
            if res.exit_code != 0:
                why = "".join(traceback.format_exception(res.exception)) if res.exception else ""
                failures.append(f"CLI search exit {res.exit_code}: {res.output} {why}")
                break
            json.loads(res.stdout)
            cli_reads += 1
        assert writer.wait(timeout=300) == 0, writer.stderr.read() if writer.stderr else ""
    finally:
        done.set()
        thread.join(timeout=60)
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert failures == []
    assert counts and counts[0] > 0 and cli_reads > 0
    assert stored_ids(db) == expected and store_problems(db) == []
    assert seen <= set(expected.values())
