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
WINDOW_MARGIN = 1.5  # the window is sized for this many times the cap's matches

_ESTIMATE = (
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM article_search s "
    "WHERE s.fts @@ plainto_tsquery('english', %(q)s)"
)
# each match is ranked as it is read (carrying its vector through the sort to rank it after
# costs more than ranking the window's extra matches: -20 to -50% at 1M articles)
_RANK = (
    "WITH cand AS MATERIALIZED (SELECT s.rowid, "
    "ts_rank_cd(s.fts, plainto_tsquery('english', %(q)s)) AS score FROM article_search s "
    "WHERE s.fts @@ plainto_tsquery('english', %(q)s) AND s.rowid > %(floor)s "
    "ORDER BY s.rowid DESC LIMIT %(cap)s) "
    "SELECT rowid, score, (SELECT count(*) FROM cand) AS n FROM cand "
    "ORDER BY score DESC, rowid LIMIT %(pool)s"
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
    (rowid, score), best first."""
    args = {"q": text, "floor": 0, "cap": cap, "pool": pool}
    width = top = 0
    if cap is not None and WINDOW_MARGIN > 0:
        matches, rows, top = estimate(conn, text)
        if rows > 0 and matches > WINDOW_MARGIN * cap:
            width = math.ceil(WINDOW_MARGIN * cap * rows / matches)
    while 0 < width < top:
        args["floor"] = top - width
        got = conn.execute(_RANK, args, prepare=False).fetchall()
        if got and int(got[0][2]) >= (cap or 0):
            return [(int(r[0]), float(r[1])) for r in got]
        width *= 4  # the window held too few: a wider one, at last the whole table
    args["floor"] = 0
    got = conn.execute(_RANK, args, prepare=False).fetchall()
    return [(int(r[0]), float(r[1])) for r in got]


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
