"""The article list's full-text page (``read.list_articles`` with ``q``), per dialect, under the
same time budget: every current match that passes the page's filters is ranked within
``SEARCH_BUDGET_S``; a query over budget (a word in most of the store) is ranked among the
articles of the newest ``RECENT_WINDOW`` rowids instead, and remembered as such for the
process. SQLite ranks with ``bm25`` (title weighted 4) and interrupts itself with a progress
handler; PostgreSQL with ``ts_rank_cd`` under a ``statement_timeout``, where the newest
rowids are the newest search partitions only.

Each returns ``(row, score)`` pairs, best first: the row has the page's columns and ``snip``,
the snippet (``HIT_OPEN``/``HIT_CLOSE`` around the words), made for the page's rows only.
"""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from newskb.store.sql import Db

SEARCH_BUDGET_S = 0.025  # full ranking time before falling back to the newest matches
RECENT_WINDOW = 2_000  # how many of the newest articles that fallback ranks
_SLOW: set[str] = set()  # queries known to need the fallback (per process)
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"  # snippet markers; the web layer escapes around them


def _remember_slow(match: str) -> None:
    if len(_SLOW) > 10_000:
        _SLOW.clear()
    _SLOW.add(match)


def sqlite_hits(
    conn: sqlite3.Connection, cols: str, where: list[str], args: dict[str, Any]
) -> list[tuple[Any, float]]:
    """Rank first (cheap), then build snippets for the page's rows only."""
    sql = (
        "SELECT a.rowid AS rid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
        "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH :match "
        "AND articles_fts.rowid > :floor AND "
        + " AND ".join(where)
        + " ORDER BY score, a.rowid LIMIT :limit OFFSET :offset"
    )
    ranked = _sqlite_ranked(conn, sql, args)
    scores = {int(r["rid"]): float(r["score"]) for r in ranked}
    found = {
        int(r["rid"]): r
        for r in conn.execute(
            f"SELECT {cols}, articles_fts.rowid AS rid, snippet(articles_fts, 1, "
            f"'{HIT_OPEN}', '{HIT_CLOSE}', ' … ', 14) AS snip FROM articles_fts "
            "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
            "AND articles_fts.rowid IN (SELECT value FROM json_each(?))",
            (args["match"], json.dumps(list(scores))),
        )
    }
    return [(found[rid], -score) for rid, score in scores.items() if rid in found]


def _sqlite_ranked(conn: sqlite3.Connection, sql: str, args: dict[str, Any]) -> list[Any]:
    if args["match"] not in _SLOW:
        deadline = time.perf_counter() + SEARCH_BUDGET_S
        conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2000)
        try:
            return conn.execute(sql.replace(":floor", "0"), args).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
        finally:
            conn.set_progress_handler(None, 0)
        _remember_slow(args["match"])
    top = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    return conn.execute(sql, {**args, "floor": top - RECENT_WINDOW}).fetchall()


def pg_hits(db: Db, cols: str, where: list[str], args: dict[str, Any]) -> list[tuple[Any, float]]:
    """The stored ``tsvector`` ranked by ``ts_rank_cd`` (title weighted above text), snippets
    by ``ts_headline`` (computed after the sort, for the page's rows only)."""
    words = " ".join(args["match"].replace('"', " ").split())
    sql = (
        f"WITH q AS (SELECT plainto_tsquery('english', :words) AS q) SELECT {cols}, "
        f"ts_headline('english', left(a.text, 8000), q.q, 'StartSel={HIT_OPEN}, "
        f"StopSel={HIT_CLOSE}, MaxWords=16, MinWords=6, MaxFragments=1, "
        'FragmentDelimiter=" … "\') AS snip, ts_rank_cd(s.fts, q.q) AS score '
        "FROM article_search s JOIN articles a ON a.rowid = s.rowid, q "
        "WHERE s.fts @@ q.q AND s.rowid > :floor AND "
        + " AND ".join(where)
        + " ORDER BY score DESC, a.rowid LIMIT :limit OFFSET :offset"
    )
    args = {**args, "words": words, "floor": 0}
    rows = _pg_ranked(db, sql, args)
    return [(r, float(r["score"])) for r in rows]


def _pg_ranked(db: Db, sql: str, args: dict[str, Any]) -> list[Any]:
    import psycopg

    conn = getattr(db, "conn", None)
    idle = conn is not None and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    if args["match"] not in _SLOW:
        if not idle:  # inside the caller's transaction a timeout would end it: rank all
            return db.rows(sql, args)
        try:
            with db.atomic("search"):  # SET LOCAL: the budget ends with this transaction
                db.run(f"SET LOCAL statement_timeout = {max(1, round(SEARCH_BUDGET_S * 1000))}")
                return db.rows(sql, args)
        except psycopg.errors.QueryCanceled:
            _remember_slow(args["match"])
    top = db.one("SELECT max(rowid) AS top FROM articles")["top"] or 0
    return db.rows(sql, {**args, "floor": top - RECENT_WINDOW})
