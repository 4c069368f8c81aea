"""One SQLite batch: articles with their facts and errors, then (through the batch's indexes)
whatever the pipeline derives from them, all in the batch's one transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence

from newskb.model import BatchReport, ErrorRecord, Extraction
from newskb.serialize import dumps, to_dict
from newskb.store.rows import FACT_TABLES, Row
from newskb.store.sql import SqliteDb
from newskb.store.sql.canon import SqlCanon
from newskb.store.sql.ledger import SqlLedger
from newskb.store.sql.stories import SqlStories


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class SqliteBatch:
    """The open batch ``SqliteStore.batch()`` yields: ``write`` the results, then the derived
    stages read and write through ``canon``, ``ledger`` and ``stories``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        db = SqliteDb(conn)
        self.canon = SqlCanon(db)
        self.ledger = SqlLedger(db)
        self.stories = SqlStories(db)

    def write(
        self, results: Sequence[Extraction | ErrorRecord]
    ) -> tuple[BatchReport, list[Extraction]]:
        """Store articles with all facts, and errors; return the report and the new articles.

        The rows are built first, then written one statement per table and batch: articles,
        their full-text index entries, superseded versions marked, then the fact rows
        (updates, entities, mentions, quotes, times, events, credits).
        """
        added = skipped = versions = errors = 0
        fresh: list[Extraction] = []
        stamp = now()
        xs = [r for r in results if isinstance(r, Extraction)]
        seen = self._known([x.article.id for x in xs])
        current = self._currents([x.article.url or x.article.path for x in xs])
        facts: dict[str, list[Row]] = {table: [] for table in FACT_TABLES}
        out = _Rows(self._last_rowid())
        for item in results:
            if isinstance(item, ErrorRecord):
                self._add_error(item, stamp)
                errors += 1
                continue
            if item.article.id in seen:
                skipped += 1
                continue
            seen.add(item.article.id)
            versions += self._add_article(item, stamp, current, facts, out)
            added += 1
            fresh.append(item)
        if out.articles:
            self.conn.executemany(INSERT_ARTICLE, out.articles)
            # the index entries of exactly these rows (the store's writer indexes the text
            # itself: one statement per batch, where a trigger cost ~0.2 ms an article)
            self.conn.executemany(
                "INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)", out.fts
            )
        if out.superseded:  # after the inserts: a version may supersede one of this batch
            self.conn.executemany(
                "UPDATE articles SET current = 0 WHERE id = ?", [(i,) for i in out.superseded]
            )
        for table, (width, _rows) in FACT_TABLES.items():
            if facts[table]:  # one statement per table and batch
                marks = ",".join("?" * width)
                self.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", facts[table])
        report = BatchReport(added=added, skipped=skipped, new_versions=versions, errors=errors)
        return report, fresh

    def _add_error(self, e: ErrorRecord, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO errors(path, code, message, first_seen, last_seen) VALUES (?,?,?,?,?) "
            "ON CONFLICT(path, code, message) DO UPDATE SET last_seen = excluded.last_seen, "
            "seen = seen + 1",
            (e.path, e.code, e.message, stamp, stamp),
        )

    def _known(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` the store already holds (one query per 500 ids)."""
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            sql = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.conn.execute(sql, part))
        return found

    def _currents(self, keys: list[str]) -> dict[str, tuple[str, int]]:
        """The current (id, version) of each of ``keys`` the store holds (one query per 500)."""
        found: dict[str, tuple[str, int]] = {}
        uniq = sorted(set(keys))
        for i in range(0, len(uniq), 500):
            part = uniq[i : i + 500]
            sql = (
                "SELECT source_key, id, version FROM articles WHERE current = 1 "
                f"AND source_key IN ({','.join('?' * len(part))})"
            )
            found.update((r[0], (r[1], int(r[2]))) for r in self.conn.execute(sql, part))
        return found

    def _last_rowid(self) -> int:
        """The highest article rowid: this batch's rows follow it (the batch holds the write
        lock, so nobody else adds rows meanwhile)."""
        row = self.conn.execute("SELECT max(rowid) FROM articles").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _add_article(
        self,
        x: Extraction,
        stamp: str,
        current: dict[str, tuple[str, int]],
        facts: dict[str, list[Row]],
        out: _Rows,
    ) -> bool:
        """Add one article's rows to ``out`` (its fact rows to ``facts``); True when it is a
        new version."""
        a = x.article
        key = a.url or a.path
        prev = current.get(key)
        current[key] = (a.id, prev[1] + 1 if prev else 1)
        if prev is not None:
            out.superseded.append(prev[0])
        rowid = out.next_rowid()
        out.articles.append(
            (
                rowid,
                a.id,
                a.sha256,
                key,
                prev[1] + 1 if prev else 1,
                prev[0] if prev else None,
                a.path,
                a.url,
                a.source,
                a.fmt,
                a.title,
                a.published.isoformat() if a.published else None,
                a.dateline.place if a.dateline else None,
                a.dateline.agency if a.dateline else None,
                a.language,
                a.text,
                a.raw,
                dumps(to_dict(x)),
                stamp,
            )
        )
        out.fts.append((rowid, a.title, a.text))
        for table, (_width, make_rows) in FACT_TABLES.items():
            facts[table].extend(make_rows(x))
        return prev is not None


INSERT_ARTICLE = (
    "INSERT INTO articles(rowid, id, sha256, source_key, version, supersedes, current, path, "
    "url, source, format, title, published, dateline_place, dateline_agency, language, text, "
    "raw, extraction, ingested_at) VALUES (?,?,?,?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


class _Rows:
    """A batch's article rows, their full-text rows and the versions they supersede."""

    def __init__(self, last_rowid: int) -> None:
        self.last = last_rowid
        self.articles: list[Row] = []
        self.fts: list[Row] = []
        self.superseded: list[str] = []

    def next_rowid(self) -> int:
        self.last += 1
        return self.last
