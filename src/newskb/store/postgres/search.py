"""Full-text search on PostgreSQL, at SQLite's answer: the newest ``scan_cap`` matches ranked.

The search table (``article_search``: rowid and tsvector, partitioned by rowid range since
schema version 9, a GIN index a partition) is read in two statements, after the planner's
estimate of how many articles match (``EXPLAIN``, no rows):

1. The newest ``scan_cap`` matches, ranked (``ts_rank_cd``, title above text), the best few
   kept: the very rows SQLite's ``scan_cap`` ranks. A word in more than ``NEWEST_SHARE`` of
   the articles: the newest rows read in order until ``scan_cap`` match. Any other:
   ``article_search_newest`` reads the partitions newest first, each partition's matches from
   its own GIN index, until ``scan_cap`` are found, so at most one partition's matches are read
   past the cap, whatever the planner guessed (it guesses 5,001 for many words in 10-20k).
2. The best current articles, with a ``ts_headline`` snippet for the page's rows only.

Measured (``bench/run.py --scenario-1m``'s synthetic articles, 500 queries, 2 cores, 2GB of
``shared_buffers``): before partitions (one GIN index, the matches ANDed with the newest rowid
window the estimate suggested) 1M articles p50/p99 21/62 ms CPU; with partitions of 100k see
``PART_ROWS`` and the README's bench table. The slow queries were words in 8-25k articles:
7.5-23k vectors read and ranked for a cap of 5,000.

Search statements are never prepared: a prepared statement's generic plan does not know the
words, and one plan cannot serve both a word in every article and a word in five.
"""

from __future__ import annotations

import math
from typing import Any

HEADLINE_CHARS = 8000  # snippets come from the first 8k characters (ts_headline is per char)
HEADLINE = (
    "'StartSel=[, StopSel=], MaxWords=14, MinWords=6, MaxFragments=1, FragmentDelimiter=\" … \"'"
)
NEWEST_SHARE = 0.1  # words in more articles than this: the newest rows are read in order

_ESTIMATE = (
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM article_search s "
    "WHERE s.fts @@ plainto_tsquery('english', %(q)s)"
)
# The best ``pool`` of the newest ``cap`` matches: read newest first in order, each row
# tested (a word in most articles), or partition by partition (``article_search_newest``).
_NEWEST = (
    "WITH cand AS MATERIALIZED (SELECT s.rowid, "
    "ts_rank_cd(s.fts, plainto_tsquery('english', %(q)s)) AS score FROM article_search s "
    "WHERE (s.fts @@ plainto_tsquery('english', %(q)s)) IS TRUE AND s.rowid > %(floor)s "
    "ORDER BY s.rowid DESC LIMIT %(cap)s) "
    "SELECT rowid, score, (SELECT count(*) FROM cand) AS n FROM cand "
    "ORDER BY score DESC, rowid LIMIT %(pool)s"
)
_BY_PARTITION = (  # the function returns at most ``cap`` rows: no count needed
    "SELECT rowid, score FROM article_search_newest(plainto_tsquery('english', %(q)s), %(cap)s) "
    "ORDER BY score DESC, rowid LIMIT %(pool)s"
)
_ALL = (  # every match ranked (``scan_cap`` None)
    "SELECT s.rowid, ts_rank_cd(s.fts, plainto_tsquery('english', %(q)s)) AS score "
    "FROM article_search s WHERE s.fts @@ plainto_tsquery('english', %(q)s) "
    "ORDER BY score DESC, s.rowid LIMIT %(pool)s"
)
_EXACT = (  # every current match ranked: when old versions crowd the newest matches' best out
    "SELECT s.rowid, ts_rank_cd(s.fts, plainto_tsquery('english', %(q)s)) AS score "
    "FROM article_search s JOIN articles a ON a.rowid = s.rowid "
    "WHERE s.fts @@ plainto_tsquery('english', %(q)s) {current}"
    "ORDER BY score DESC, s.rowid LIMIT %(limit)s OFFSET %(offset)s"
)
_ROWS = (
    "SELECT a.id, a.title, a.published, a.path, a.source, "
    f"ts_headline('english', left(a.text, {HEADLINE_CHARS}), "
    f"plainto_tsquery('english', %(q)s), {HEADLINE}) AS snip, p.score "
    "FROM (SELECT a.rowid, t.score, t.n FROM unnest(%(ids)s::bigint[], %(scores)s::real[]) "
    "WITH ORDINALITY AS t(rowid, score, n) JOIN articles a ON a.rowid = t.rowid {current}"
    "ORDER BY t.n LIMIT %(limit)s OFFSET %(offset)s) p "
    "JOIN articles a ON a.rowid = p.rowid ORDER BY p.n"
)


def estimate(conn: Any, text: str) -> tuple[float, float, int]:
    """The planner's estimate of the articles matching ``text`` and of all articles (summed
    over the partitions: autovacuum analyses partitions, never their parent), and the newest
    rowid."""
    plan = conn.execute(_ESTIMATE, {"q": text}, prepare=False).fetchone()[0]
    row = conn.execute(
        "SELECT (SELECT coalesce(sum(greatest(c.reltuples, 0)), 0) FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'article_search'::regclass), "
        "(SELECT max(rowid) FROM article_search)",
        prepare=False,
    ).fetchone()
    return float(plan[0]["Plan"]["Plan Rows"]), float(row[0]), int(row[1] or 0)


def newest_ranked(conn: Any, text: str, cap: int | None, pool: int) -> list[tuple[int, float]]:
    """The ``pool`` best of the newest ``cap`` matches (every match where ``cap`` is None), as
    (rowid, score), best first.

    A word the planner puts in more than ``NEWEST_SHARE`` of the articles: the newest rows in
    order until ``cap`` match (bounded: a wrong estimate must not read the whole table); any
    other, or where those rows held fewer: partition by partition, newest first."""
    args = {"q": text, "floor": 0, "cap": cap, "pool": pool}

    def ranked(sql: str) -> list[Any]:
        return list(conn.execute(sql, args, prepare=False))

    def pairs(got: list[Any]) -> list[tuple[int, float]]:
        return [(int(r[0]), float(r[1])) for r in got]

    if cap is None:
        return pairs(ranked(_ALL))
    matches, rows, top = estimate(conn, text)
    share = matches / rows if rows > 0 else 0.0
    if share >= NEWEST_SHARE:
        args["floor"] = max(0, top - math.ceil(4 * cap / share))
        got = ranked(_NEWEST)  # rows carry n, how many of the newest matched
        if args["floor"] == 0 or (got and got[0][2] >= cap):
            return pairs(got)
    return pairs(ranked(_BY_PARTITION))


def search_rows(
    conn: Any, text: str, cap: int | None, *, limit: int, offset: int, current: bool
) -> list[Any]:
    """(id, title, published, path, source, snippet, score) of the page's articles matching
    ``text`` (``plainto_tsquery`` words), best first."""
    pool = 2 * (limit + offset) + 16
    top = newest_ranked(conn, text, cap, pool)
    where = "WHERE a.current = 1 " if current else ""
    args = {"q": text, "limit": limit, "offset": offset}
    ids, scores = [r[0] for r in top], [r[1] for r in top]
    rows = conn.execute(
        _ROWS.format(current=where), {**args, "ids": ids, "scores": scores}, prepare=False
    ).fetchall()
    if len(rows) < limit and len(top) == pool:  # old versions took the best places
        exact = conn.execute(
            _EXACT.format(current="AND a.current = 1 " if current else ""), args, prepare=False
        ).fetchall()
        ids, scores = [r[0] for r in exact], [r[1] for r in exact]
        rows = conn.execute(
            _ROWS.format(current=""),
            {**args, "ids": ids, "scores": scores, "offset": 0},
            prepare=False,
        ).fetchall()
    return list(rows)
