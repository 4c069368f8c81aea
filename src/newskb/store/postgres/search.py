"""Full-text search on PostgreSQL, at SQLite's answer: the newest ``scan_cap`` matches ranked.

The search table (``article_search``: rowid and tsvector, schema version 7) is read in two
statements, after the planner's estimate of how many articles match (``EXPLAIN``, no rows):

1. The newest ``scan_cap`` matching rowids, looked for only in the newest rowid blocks likely
   to hold them (``WINDOW_MARGIN`` times the cap at the estimated share of matches). Each
   article's vector holds its block's marker lexeme, so the GIN index alone finds the matches
   inside the window (``words & (block | block | ...)``) and only those rows are read: a word
   in every tenth article reads ~``2 * scan_cap`` rows, not all of its matches. A window that
   holds fewer than the cap grows fourfold until it does or covers the table. Those rowids are
   ranked (``ts_rank_cd``, title above text), the best few kept: the very rows SQLite's
   ``scan_cap`` ranks.
2. The best current articles, with a ``ts_headline`` snippet for the page's rows only.

Measured (``bench/run.py --scenario-1m``'s synthetic articles, 500 queries, a 2-core machine
at load 4-6, server + client CPU): 100k articles p50/p99 11/33 ms (schema 6, every match
ranked: 10/81); 1M articles 32/92-172 ms, SQLite's 9-11/21-24 ms. The cost is reading the
vectors: ~1.5 ``scan_cap`` of them a query, each on its own page, at 1M mostly from the OS
cache (a 1 GB table beside 128 MB of shared buffers), and ``ts_rank_cd`` on each.

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
WINDOW_MARGIN = 1.5  # a window is sized for this many times the cap's matches
NEWEST_SHARE = 0.1  # words in more articles than this: the newest rows are read in order

_ESTIMATE = (
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM article_search s "
    "WHERE s.fts @@ plainto_tsquery('english', %(q)s)"
)
# The newest ``cap`` matches above rowid ``floor``, each ranked as it is read (carrying the
# vectors through the sort to rank them after costs more than ranking a few extra matches).
# ``match`` is the GIN-indexed condition, or one the index cannot serve (``IS TRUE``) so the
# rows are read newest first; ``order`` is ``rowid + 0`` where they must come from the index.
_RANK = (
    "WITH cand AS MATERIALIZED (SELECT s.rowid, "
    "ts_rank_cd(s.fts, plainto_tsquery('english', %(q)s)) AS score FROM article_search s "
    "WHERE {match} AND s.rowid > %(floor)s ORDER BY {order} DESC LIMIT %(cap)s) "
    "SELECT rowid, score, (SELECT count(*) FROM cand) AS n FROM cand "
    "ORDER BY score DESC, rowid LIMIT %(pool)s"
)
_MATCH = "s.fts @@ plainto_tsquery('english', %(q)s)"
_BY_INDEX = _RANK.format(match=_MATCH, order="s.rowid + 0")
_NEWEST = _RANK.format(match=f"({_MATCH}) IS TRUE", order="s.rowid")
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
    """The planner's estimate of the articles matching ``text`` and of all articles, and the
    newest rowid."""
    plan = conn.execute(_ESTIMATE, {"q": text}, prepare=False).fetchone()[0]
    row = conn.execute(
        "SELECT reltuples, (SELECT max(rowid) FROM article_search) FROM pg_class "
        "WHERE oid = 'article_search'::regclass",
        prepare=False,
    ).fetchone()
    return float(plan[0]["Plan"]["Plan Rows"]), max(0.0, float(row[0])), int(row[1] or 0)


def newest_ranked(conn: Any, text: str, cap: int | None, pool: int) -> list[tuple[int, float]]:
    """The ``pool`` best of the newest ``cap`` matches (every match where ``cap`` is None), as
    (rowid, score), best first.

    Three ways, by the planner's estimate of the matches: few (up to ``WINDOW_MARGIN * cap``):
    all of them from the GIN index; a word in more than ``NEWEST_SHARE`` of the articles: the
    newest rows in order until ``cap`` match; in between, the matches among the newest rowids
    that likely hold ``cap`` of them (GIN and key bitmaps ANDed, so only matches are read),
    a wider window while they hold fewer."""
    args = {"q": text, "floor": 0, "cap": cap, "pool": pool}

    def ranked(sql: str) -> list[tuple[int, float, int]]:
        return [(int(r[0]), float(r[1]), int(r[2])) for r in conn.execute(sql, args, prepare=False)]

    width = top = 0
    if cap is not None:
        matches, rows, top = estimate(conn, text)
        share = matches / rows if rows > 0 else 0.0
        if share >= NEWEST_SHARE:  # bounded: a wrong estimate must not read the whole table
            args["floor"] = max(0, top - math.ceil(4 * cap / share))
            got = ranked(_NEWEST)
            if args["floor"] == 0 or (got and got[0][2] >= cap):
                return [(r[0], r[1]) for r in got]
        elif share > 0 and matches > WINDOW_MARGIN * cap:
            width = math.ceil(WINDOW_MARGIN * cap / share)
    # bitmaps only: never a walk of the key reading every row (in a transaction of its own:
    # inside the caller's, the setting would outlive the search)
    from psycopg import pq

    own = conn.info.transaction_status == pq.TransactionStatus.IDLE
    with conn.transaction():
        if own:
            conn.execute("SET LOCAL enable_indexscan = off")
        while 0 < width < top:
            args["floor"] = top - width
            got = ranked(_BY_INDEX)
            if got and got[0][2] >= (cap or 0):
                return [(r[0], r[1]) for r in got]
            width *= 4  # the window held too few: a wider one, at last the whole table
        args["floor"] = 0
        return [(r[0], r[1]) for r in ranked(_BY_INDEX)]


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
