"""The scale-out store: PostgreSQL via psycopg 3 (``newskb[postgres]``), same interface as SQLite.

Selected by ``--db postgresql://...`` (``newskb.store.open_store``). Same tables and columns as
the SQLite store; full-text search on a ``tsvector`` (title weighted above text) with a GIN
index in a narrow table of its own, the newest ``scan_cap`` matches ranked by ``ts_rank_cd``
as on SQLite (``store.postgres.search``), with ``ts_headline`` snippets. A batch is one transaction
that first takes a table lock, so concurrent writers queue as in SQLite and an article is stored
once; facts are written with ``COPY``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newskb.errors import BadStoreUrl, NotAvailable, StoreError
from newskb.model import (
    BatchReport,
    ErrorRecord,
    Extraction,
    SearchHit,
    StoredArticle,
    StoreStats,
)
from newskb.serialize import dumps, from_dict, to_dict
from newskb.store import is_postgres_url
from newskb.store.postgres import loaders
from newskb.store.postgres.schema import LOCK_KEY, VERSIONS, fresh
from newskb.store.postgres.search import search_rows
from newskb.store.rows import FACT_TABLES, fts_query, one_by_id, store_stats, stored_article
from newskb.store.sql import PgDb
from newskb.store.sql.canon import SqlCanon
from newskb.store.sql.ledger import SqlLedger
from newskb.store.sql.pages import PageQueries
from newskb.store.sql.queries import SqlQueries, StoreBasics
from newskb.store.sql.stories import SqlStories
from newskb.store.sqlite.store import SEARCH_SCAN_CAP

ARTICLE_COLS = (
    "id, sha256, source_key, version, supersedes, current, path, url, source, format, title, "
    "published, dateline_place, dateline_agency, language, text, raw, extraction, ingested_at"
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class PostgresStore(StoreBasics, SqlQueries, PageQueries):
    """Articles and their facts in a PostgreSQL database (optionally in one ``schema``)."""

    def __init__(self, url: str, *, readonly: bool = False, schema: str | None = None) -> None:
        if not is_postgres_url(url):
            raise BadStoreUrl(f"not a PostgreSQL URL: {url!r}")
        try:
            import psycopg
        except ImportError as exc:
            raise NotAvailable(
                "PostgreSQL needs the extra: pip install 'newskb[postgres]'"
            ) from exc
        self._psycopg = psycopg
        self.scan_cap: int | None = SEARCH_SCAN_CAP  # None: rank every match (exact, slower)
        self.path = url.split("@")[-1]  # for messages: no credentials
        try:
            self.conn: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
            loaders.register(self.conn)
            self.db = PgDb(self.conn)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}", path=self.path) from exc
        try:
            if schema:
                if not schema.replace("_", "").isalnum():
                    raise BadStoreUrl(f"bad schema name {schema!r}")
                if not readonly:
                    self.conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                self.conn.execute(f'SET search_path TO "{schema}"')
            self.schema_version = self._version() if readonly else self._migrate()
            if readonly:
                self.conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"store error: {exc}", path=self.path) from exc

    def _version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('newskb_meta')").fetchone()
        if row is None or row[0] is None:
            return 0
        row = self.conn.execute(
            "SELECT value FROM newskb_meta WHERE key = 'schema_version'"
        ).fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> int:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS newskb_meta (key TEXT PRIMARY KEY, value TEXT)"
            )
            have = self._version()
            if (
                have == 0
                and self.conn.execute("SELECT to_regclass('articles')").fetchone()[0] is None
            ):
                have = VERSIONS[-1][0]  # a new store: built from the description at once
                self._stamp(fresh(), have)
            for version, sql in VERSIONS:
                if version <= have:
                    continue
                self._stamp(sql, version)
                have = version
        return have

    def _stamp(self, sql: str, version: int) -> None:
        """Run one version's SQL and record the version (inside the caller's transaction)."""
        self.conn.execute(sql)
        self.conn.execute(
            "INSERT INTO newskb_meta VALUES ('schema_version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )

    # --- writing (close, the context manager, has, add_batch: sql.queries.StoreBasics) ------
    @contextmanager
    def batch(self) -> Iterator[PgBatch]:
        """One write transaction that first takes a table lock, so concurrent writers queue
        and an article is stored once; what the pipeline derives from the batch (through the
        batch's indexes) commits with it."""
        try:
            with self.conn.transaction():
                self.conn.execute("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE")
                yield PgBatch(self.conn)
        except self._psycopg.Error as exc:
            raise StoreError(f"store error: {exc}", path=self.path) from exc

    # --- reading ---------------------------------------------------------------------------
    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, current_only: bool = True
    ) -> list[SearchHit]:
        """Full-text search, best first (title weighted), with a highlighted snippet.

        As on SQLite, a query matching more than ``self.scan_cap`` articles is ranked among
        its newest ``scan_cap`` matches (``scan_cap = None``: rank every match)."""
        words = fts_query(query).replace('"', " ").split()
        if not words:
            return []
        text = " ".join(words)
        try:
            rows = search_rows(
                self.conn, text, self.scan_cap, limit=limit, offset=offset, current=current_only
            )
        except self._psycopg.Error as exc:
            raise StoreError(f"store error: {exc}", path=self.path) from exc
        return [
            SearchHit(
                id=r[0],
                title=r[1],
                published=dt.date.fromisoformat(r[2]) if r[2] else None,
                path=r[3],
                snippet=r[5],
                score=float(r[6]),
                source=r[4],
            )
            for r in rows
        ]

    def get(self, article_id: str) -> StoredArticle:
        rows = self.conn.execute(
            "SELECT extraction, raw, version, current, supersedes, ingested_at, id "
            "FROM articles WHERE id = %s OR (length(%s) >= 6 AND starts_with(id, %s)) "
            "ORDER BY id = %s DESC LIMIT 2",
            (article_id, article_id, article_id, article_id),
        ).fetchall()
        r = one_by_id(rows, article_id, lambda x: str(x[6]))
        return stored_article(r[0], r[1], r[2], r[3], r[4], r[5])

    def ids(self, *, current_only: bool = True) -> list[str]:
        sql = "SELECT id FROM articles" + (" WHERE current = 1" if current_only else "")
        return [r[0] for r in self.conn.execute(sql + " ORDER BY rowid")]

    def extractions(self, ids: Iterable[str] | None = None) -> Iterable[Extraction]:
        """Every stored (current) extraction, in ingest order, or those with the given ids."""
        if ids is None:
            with self.conn.cursor() as cur:
                cur.execute("SELECT extraction FROM articles WHERE current = 1 ORDER BY rowid")
                for r in cur:
                    yield from_dict(json.loads(r[0]))
            return
        for i in ids:
            yield self.get(i).extraction

    def errors(self, limit: int = 100) -> list[ErrorRecord]:
        rows = self.conn.execute(
            "SELECT path, code, message FROM errors ORDER BY id DESC LIMIT %s", (limit,)
        )
        return [ErrorRecord(code=r[1], message=r[2], path=r[0]) for r in rows]

    def stats(self) -> StoreStats:
        return store_stats(lambda sql: self.conn.execute(sql).fetchone(), self.schema_version)


class PgBatch:
    """The open batch ``PostgresStore.batch()`` yields (see ``store.base.StoreBatch``)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        db = PgDb(conn)
        self.canon = SqlCanon(db)
        self.ledger = SqlLedger(db)
        self.stories = SqlStories(db)

    def write(
        self, results: Sequence[Extraction | ErrorRecord]
    ) -> tuple[BatchReport, list[Extraction]]:
        """Articles with all facts (``COPY``), and errors; the report and the new articles."""
        now = _now()
        errs = [r for r in results if isinstance(r, ErrorRecord)]
        xs = [r for r in results if not isinstance(r, ErrorRecord)]
        if errs:
            self._add_errors(errs, now)
        added, skipped, versions, fresh = self._add_articles(xs, now) if xs else (0, 0, 0, [])
        report = BatchReport(added=added, skipped=skipped, new_versions=versions, errors=len(errs))
        return report, fresh

    def _add_errors(self, errs: Sequence[ErrorRecord], now: str) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO errors(path, code, message, first_seen, last_seen) "
                "VALUES (%s,%s,%s,%s,%s) ON CONFLICT (md5(path), code, md5(message)) "
                "DO UPDATE SET last_seen = excluded.last_seen, seen = errors.seen + 1",
                [(e.path, e.code, e.message, now, now) for e in errs],
            )

    def _add_articles(
        self, xs: Sequence[Extraction], now: str
    ) -> tuple[int, int, int, list[Extraction]]:
        ids = [x.article.id for x in xs]
        have = {
            r[0] for r in self.conn.execute("SELECT id FROM articles WHERE id = ANY(%s)", (ids,))
        }
        keys = list({x.article.url or x.article.path for x in xs})
        current: dict[str, tuple[str, int]] = {
            r[0]: (r[1], int(r[2]))
            for r in self.conn.execute(
                "SELECT source_key, id, version FROM articles "
                "WHERE source_key = ANY(%s) AND current = 1",
                (keys,),
            )
        }
        rows: list[list[Any]] = []
        row_of: dict[str, int] = {}  # source key -> index in rows of its newest in-batch version
        retired: list[str] = []
        stored: list[Extraction] = []
        skipped = versions = 0
        for x in xs:
            a = x.article
            if a.id in have:
                skipped += 1
                continue
            have.add(a.id)
            key = a.url or a.path
            prev = current.get(key)
            if key in row_of:
                rows[row_of[key]][5] = 0  # superseded within this batch
            elif prev is not None:
                retired.append(prev[0])
            versions += prev is not None
            row_of[key] = len(rows)
            version = prev[1] + 1 if prev else 1
            current[key] = (a.id, version)
            rows.append(
                [
                    a.id, a.sha256, key, version, prev[0] if prev else None, 1, a.path, a.url,
                    a.source, a.fmt, a.title, a.published.isoformat() if a.published else None,
                    a.dateline.place if a.dateline else None,
                    a.dateline.agency if a.dateline else None,
                    a.language, a.text, a.raw, dumps(to_dict(x)), now,
                ]
            )  # fmt: skip
            stored.append(x)
        if retired:
            self.conn.execute("UPDATE articles SET current = 0 WHERE id = ANY(%s)", (retired,))
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY articles ({ARTICLE_COLS}) FROM STDIN") as copy:
                for arow in rows:
                    copy.write_row(arow)
            for table, (_width, make) in FACT_TABLES.items():
                facts = [r for x in stored for r in make(x)]
                if facts:
                    with cur.copy(f"COPY {table} FROM STDIN") as copy:
                        for row in facts:
                            copy.write_row(row)
        return len(rows), skipped, versions, stored
