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

        Article rows go in as they come; their fact rows (updates, entities, mentions, quotes,
        times, events) are written together at the end, one statement per table.
        """
        added = skipped = versions = errors = 0
        fresh: list[Extraction] = []
        stamp = now()
        xs = [r for r in results if isinstance(r, Extraction)]
        seen = self._known([x.article.id for x in xs])
        current = self._currents([x.article.url or x.article.path for x in xs])
        facts: dict[str, list[Row]] = {table: [] for table in FACT_TABLES}
        for item in results:
            if isinstance(item, ErrorRecord):
                self._add_error(item, stamp)
                errors += 1
                continue
            if item.article.id in seen:
                skipped += 1
                continue
            seen.add(item.article.id)
            versions += self._add_article(item, stamp, current, facts)
            added += 1
            fresh.append(item)
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

    def _add_article(
        self,
        x: Extraction,
        stamp: str,
        current: dict[str, tuple[str, int]],
        facts: dict[str, list[Row]],
    ) -> bool:
        """Insert one article (its fact rows join ``facts``); True when it is a new version."""
        a = x.article
        key = a.url or a.path
        prev = current.get(key)
        current[key] = (a.id, prev[1] + 1 if prev else 1)
        if prev is not None:
            self.conn.execute("UPDATE articles SET current = 0 WHERE id = ?", (prev[0],))
        self.conn.execute(
            "INSERT INTO articles(id, sha256, source_key, version, supersedes, current, path, "
            "url, source, format, title, published, dateline_place, dateline_agency, language, "
            "text, raw, extraction, ingested_at) VALUES (?,?,?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
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
            ),
        )
        for table, (_width, make_rows) in FACT_TABLES.items():
            facts[table].extend(make_rows(x))
        return prev is not None
