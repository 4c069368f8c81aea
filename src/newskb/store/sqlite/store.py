"""The default store: one SQLite file in WAL mode with FTS5. Never loads a model."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newskb.errors import StoreBusy, StoreError
from newskb.model import (
    ErrorRecord,
    Extraction,
    SearchHit,
    StoredArticle,
    StoreStats,
)
from newskb.serialize import from_dict
from newskb.store.migrate import migrate
from newskb.store.rows import fts_query, one_by_id, store_stats, stored_article
from newskb.store.sql import SqliteDb
from newskb.store.sql.pages import PageQueries
from newskb.store.sql.queries import SqlQueries, StoreBasics
from newskb.store.sqlite.write import SqliteBatch

BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 65_536
WAL_CHECKPOINT_PAGES = 16_384
SEARCH_SCAN_CAP = 5_000
"""Queries matching more articles than this are ranked among the newest this many matches.
Ranking costs ~2 us a match (bm25 and the sort). On 1M synthetic articles (``bench/run.py
--scenario-1m``'s store, 300 queries) p50/p99 were 25.5/132.6 ms at a cap of 50,000,
25.2/50.0 ms at 10,000 and 19.2/42.2 ms at 5,000."""
# prepared statements kept per connection (default 128): a batch's canon, stories and ledger
# run ~150 distinct statements, and a statement pushed out is parsed again on its next use
STATEMENT_CACHE = 512
FTS_AUTOMERGE = 8  # FTS5 merges fewer, larger segments while writing (default 4)


# 16 KiB pages: article rows (text, original, extraction JSON) fill several 4 KiB pages;
# measured +15% ingest of pre-extracted TimeML records (1,870 -> 2,150 articles/s).
PAGE_SIZE = 16384


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open ``path`` with WAL, foreign keys and a busy timeout; autocommit mode."""
    target = str(path)
    if readonly:
        from newskb.store.opening import ro_uri

        conn = sqlite3.connect(
            ro_uri(target),
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
            cached_statements=STATEMENT_CACHE,
        )
    else:
        where = Path(target)
        fresh = target == ":memory:" or not where.exists() or where.stat().st_size == 0
        conn = sqlite3.connect(
            target,
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
            cached_statements=STATEMENT_CACHE,
        )
        if fresh:  # settable only before the first write; an article row is ~2-20 KB
            conn.execute(f"PRAGMA page_size={PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # checkpoint every 16,384 WAL pages instead of 1,000 (256 MiB at 16 KiB pages, 64 MiB
        # at an old store's 4 KiB): big batches fsync far less often
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # page cache in KiB (default: 2 MB)
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.row_factory = sqlite3.Row
    return conn


class SqliteStore(StoreBasics, SqlQueries, PageQueries):
    """Articles and their facts in one SQLite file.

    Writes go in one transaction per batch: a crash loses at most the batch in flight, and a
    re-run completes it (articles are keyed by their content hash, so nothing is stored twice).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.scan_cap: int | None = SEARCH_SCAN_CAP  # None: rank every match (exact, slower)
        try:
            self.conn = connect(path, readonly=readonly)
            self.db = SqliteDb(self.conn)
            if not readonly:
                self.schema_version = migrate(self.conn)
                _fts_settings(self.conn)
            else:
                self.schema_version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.OperationalError as exc:
            raise _store_error(exc, self.path) from exc

    # --- writing (close, the context manager, has, add_batch: sql.queries.StoreBasics) ------
    @contextmanager
    def batch(self) -> Iterator[SqliteBatch]:
        """One write transaction: a crash leaves the whole batch, with everything the pipeline
        derived from it through the batch's indexes, or nothing."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteBatch(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise _store_error(exc, self.path) from exc

    # --- reading ---------------------------------------------------------------------------
    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, current_only: bool = True
    ) -> list[SearchHit]:
        """Full-text search, best first (bm25, title weighted), with a highlighted snippet.

        A query matching more than ``self.scan_cap`` articles is ranked among its newest
        ``scan_cap`` matches (set ``scan_cap = None`` to rank every match).
        """
        match = fts_query(query)
        if not match:
            return []
        current = "AND a.current = 1 " if current_only else ""
        # Rank inside the FTS index alone (one pass over the matches), then fetch the row and
        # snippet of each of the best few by rowid (a seek each). Joining the ranked rowids back
        # to a second MATCH instead would walk every match twice. If old versions filtered out
        # too many of the best, fall back to the exact full query. Scoring is the cost (~0.5 us
        # a match): a query matching more than ``scan_cap`` articles ("said", "United States")
        # is ranked among its ``scan_cap`` newest matches only.
        rank = (
            "SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
            "WHERE articles_fts MATCH ? AND rowid > ? ORDER BY score LIMIT ?"
        )
        edge = (
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?"
        )
        one = (
            "SELECT a.id, a.title, a.published, a.path, a.source, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip, ? AS score "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND articles_fts.rowid = ? " + current
        )
        sql = (
            "SELECT a.id, a.title, a.published, a.path, a.source, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip, "
            "bm25(articles_fts, 4.0, 1.0) AS score "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? " + current + "ORDER BY score LIMIT ? OFFSET ?"
        )
        try:
            pool = 2 * (limit + offset) + 16
            cut = 0
            if self.scan_cap is not None:
                last = self.conn.execute(edge, (match, self.scan_cap)).fetchone()
                cut = int(last[0]) if last is not None else 0
            top = self.conn.execute(rank, (match, cut, pool)).fetchall()
            top.sort(key=lambda r: (r[1], r[0]))
            rows: list[sqlite3.Row] = []
            for rowid, score in top:
                if (hit := self.conn.execute(one, (score, match, rowid)).fetchone()) is not None:
                    rows.append(hit)
                    if len(rows) >= limit + offset:
                        break
            rows = rows[offset:]
            if len(rows) < limit and len(top) == pool:
                rows = self.conn.execute(sql, (match, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            raise _store_error(exc, self.path) from exc
        return [
            SearchHit(
                id=r["id"],
                title=r["title"],
                published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
                path=r["path"],
                snippet=r["snip"],
                score=-float(r["score"]),
                source=r["source"],
            )
            for r in rows
        ]

    def get(self, article_id: str) -> StoredArticle:
        row = self.conn.execute(
            "SELECT * FROM articles WHERE id = ? OR (length(?) >= 6 AND id LIKE ? || '%') "
            "ORDER BY id = ? DESC LIMIT 2",
            (article_id, article_id, article_id, article_id),
        ).fetchall()
        r = one_by_id(row, article_id, lambda x: str(x["id"]))
        return stored_article(
            r["extraction"], r["raw"], r["version"], r["current"], r["supersedes"], r["ingested_at"]
        )

    def ids(self, *, current_only: bool = True) -> list[str]:
        sql = "SELECT id FROM articles" + (" WHERE current = 1" if current_only else "")
        return [r[0] for r in self.conn.execute(sql + " ORDER BY rowid")]

    def extractions(self, ids: Iterable[str] | None = None) -> Iterable[Extraction]:
        """Every stored (current) extraction, in ingest order, or those with the given ids."""
        if ids is None:
            rows = self.conn.execute(
                "SELECT extraction FROM articles WHERE current = 1 ORDER BY rowid"
            )
            for r in rows:
                yield from_dict(json.loads(r[0]))
            return
        for i in ids:
            yield self.get(i).extraction

    def errors(self, limit: int = 100) -> list[ErrorRecord]:
        rows = self.conn.execute(
            "SELECT path, code, message FROM errors ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [ErrorRecord(code=r["code"], message=r["message"], path=r["path"]) for r in rows]

    def stats(self) -> StoreStats:
        return store_stats(lambda sql: self.conn.execute(sql).fetchone(), self.schema_version)


def _fts_settings(conn: sqlite3.Connection) -> None:
    """Persist the FTS5 merge setting once (a write only when it differs)."""
    row = conn.execute("SELECT v FROM articles_fts_config WHERE k = 'automerge'").fetchone()
    if row is None or int(row[0]) != FTS_AUTOMERGE:
        conn.execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', ?)", (FTS_AUTOMERGE,)
        )


def _store_error(exc: sqlite3.Error, path: str) -> StoreError:
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return StoreBusy(f"store is busy: {msg}", path=path)
    return StoreError(f"store error: {msg}", path=path)
