"""Shared helpers for the subprocess tests: a folder of small articles, store checks."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

PLACES = [
    ("Kyiv", "UNN"),
    ("Brussels", "Eurowire"),
    ("Tokyo", "Pacific Press"),
    ("Nairobi", "East Africa Times"),
    ("Washington", "Capitol Report"),
]
INGEST = "from newskb.cli import main; main()"


def write_articles(folder: Path, n: int) -> dict[str, str]:
    """Write ``n`` small seed-format articles; return {path: article id}."""
    folder.mkdir(parents=True, exist_ok=True)
    ids: dict[str, str] = {}
    for i in range(n):
        place, agency = PLACES[i % len(PLACES)]
        text = (
            f" date 2025-04-{1 + i % 28:02d} Talks round {i} ends in {place}\n"
            f"{place} • {agency}\n"
            f"Negotiators met in {place} for round {i} of the talks at 09:{i % 60:02d} local "
            f"time. “We made progress on point {i},” said envoy Maria Novak. The talks will "
            f"resume next week, officials said.\n"
        )
        path = folder / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        ids[str(path)] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return ids


def ingest_cmd(folder: Path, db: Path, batch_size: int, engine: str = "local") -> list[str]:
    return [
        sys.executable,
        "-c",
        INGEST,
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--batch-size",
        str(batch_size),
        "--workers",
        "1",
        "--quiet",
        "--engine",
        engine,
    ]


def run_ingest(folder: Path, db: Path, batch_size: int, engine: str = "local") -> None:
    done = subprocess.run(
        ingest_cmd(folder, db, batch_size, engine), capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")


def stored_count(db: Path) -> int:
    """Articles committed so far (0 while the store does not exist yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def store_problems(db: Path) -> list[str]:
    """Integrity, duplicates and half-written articles (facts missing for a stored article)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        problems = []
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            problems.append(f"integrity_check: {ok}")
        dup = conn.execute(
            "SELECT path, count(*) FROM articles GROUP BY path HAVING count(*) > 1"
        ).fetchall()
        problems += [f"{p} stored {n} times" for p, n in dup]
        # the full-text index against the articles (a count of articles_fts would read the
        # articles table itself: an external-content table): every row indexed, nothing more
        try:
            conn.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as exc:
            problems.append(f"FTS index does not match the articles: {exc}")
        for aid, extraction in conn.execute("SELECT id, extraction FROM articles"):
            want = len(json.loads(extraction)["entities"])
            have = conn.execute(
                "SELECT count(*) FROM entities WHERE article_id = ?", (aid,)
            ).fetchone()[0]
            if want != have:
                problems.append(f"{aid}: {have} entity rows for {want} entities")
        return problems
    finally:
        conn.close()


def stored_ids(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return dict(conn.execute("SELECT path, id FROM articles").fetchall())
    finally:
        conn.close()
