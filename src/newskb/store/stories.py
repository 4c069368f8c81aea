"""Store side of stories: membership, the candidate index, document frequencies, MinHash bands,
user merge/split. Functions over an open ``sqlite3`` connection (migration 0003). No model.

The hook for the ingest path is ``assign_batch(conn, extractions)``: call it after (or inside)
each stored batch; it is idempotent, so re-ingested articles keep their story.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence

from newskb.errors import NotFound, UsageError
from newskb.model import (
    Extraction,
    StoryAssignment,
    StoryFeatures,
    StoryMember,
    StoryState,
    StorySummary,
    StoryVector,
)
from newskb.stories.state import (
    index_keys,
    rebuild,
    state_from_row,
    state_json,
    vector_from_json,
    vector_json,
)

PER_KEY = 48  # postings read per key, newest stories first: the candidate set stays bounded


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone()
    return row is not None


# --- counters and document frequencies --------------------------------------------------------
def meta(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM story_meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def bump(conn: sqlite3.Connection, key: str, by: int = 1) -> int:
    conn.execute(
        "INSERT INTO story_meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
        (key, by),
    )
    return meta(conn, key)


def df_get(conn: sqlite3.Connection, terms: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(terms), 500):
        chunk = list(terms[i : i + 500])
        marks = ",".join("?" * len(chunk))
        for t, n in conn.execute(f"SELECT term, df FROM story_df WHERE term IN ({marks})", chunk):
            out[str(t)] = int(n)
    return out


def df_add(conn: sqlite3.Connection, terms: Iterable[str]) -> None:
    conn.executemany(
        "INSERT INTO story_df(term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
        [(t,) for t in terms],
    )


def superseded(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The earlier version this article replaces, when the articles table knows one."""
    if not has_table(conn, "articles"):
        return None
    row = conn.execute("SELECT supersedes FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row and row[0] else None


# --- membership -------------------------------------------------------------------------------
def _member(r: sqlite3.Row | tuple[object, ...]) -> StoryMember:
    return StoryMember(
        article_id=str(r[0]),
        story_id=str(r[1]),
        path=str(r[2]),
        title=None if r[3] is None else str(r[3]),
        published=None if r[4] is None else str(r[4]),
        outlet=None if r[5] is None else str(r[5]),
        how=str(r[6]),
        duplicate_of=None if r[7] is None else str(r[7]),
    )


_MEMBER_COLS = "article_id, story_id, path, title, published, outlet, how, duplicate_of"


def member_of(conn: sqlite3.Connection, article_id: str) -> StoryMember | None:
    row = conn.execute(
        f"SELECT {_MEMBER_COLS} FROM story_members WHERE article_id = ?", (article_id,)
    ).fetchone()
    return _member(row) if row else None


def members(conn: sqlite3.Connection, story_id: str | None = None) -> list[StoryMember]:
    """Members of one story (or of all stories), in arrival order."""
    if story_id is None:
        rows = conn.execute(f"SELECT {_MEMBER_COLS} FROM story_members ORDER BY seq")
    else:
        rows = conn.execute(
            f"SELECT {_MEMBER_COLS} FROM story_members WHERE story_id = ? ORDER BY seq",
            (resolve(conn, story_id),),
        )
    return [_member(r) for r in rows]


def add_member(
    conn: sqlite3.Connection,
    f: StoryFeatures,
    v: StoryVector,
    a: StoryAssignment,
    seq: int,
) -> None:
    conn.execute(
        "INSERT INTO story_members(article_id, story_id, seq, path, title, published, outlet, "
        "how, score, duplicate_of, features, assigned_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            f.article_id,
            a.story_id,
            seq,
            f.path,
            f.title,
            f.published,
            f.outlet,
            a.how,
            round(a.score, 4),
            a.duplicate_of,
            vector_json(v),
            now(),
        ),
    )


# --- stories and the inverted index -----------------------------------------------------------
def resolve(conn: sqlite3.Connection, story_id: str) -> str:
    """Follow user merges; raise ``NotFound`` for an unknown id (a unique prefix is accepted)."""
    sid = story_id
    for _ in range(32):
        row = conn.execute("SELECT id, merged_into FROM stories WHERE id = ?", (sid,)).fetchone()
        if row is None:
            rows = conn.execute(
                "SELECT id, merged_into FROM stories WHERE id LIKE ? || '%' LIMIT 2", (sid,)
            ).fetchall()
            if len(rows) != 1:
                raise NotFound(f"no story with id {story_id!r}")
            row = rows[0]
        if row[1] is None:
            return str(row[0])
        sid = str(row[1])
    return sid


def candidate_ids(
    conn: sqlite3.Connection,
    keys: Sequence[tuple[str, float]],
    *,
    since: str | None,
    limit: int,
) -> list[str]:
    """Stories sharing the article's salient keys, best first (bounded: ``PER_KEY`` per key)."""
    score: dict[str, float] = {}
    sql = "SELECT story_id FROM story_postings WHERE key = ?"
    if since is not None:
        sql += " AND (last_seen IS NULL OR last_seen >= ?)"
    sql += " ORDER BY touched DESC LIMIT ?"
    for key, weight in keys:
        args: tuple[object, ...] = (key, since, PER_KEY) if since else (key, PER_KEY)
        for (sid,) in conn.execute(sql, args):
            score[sid] = score.get(sid, 0.0) + weight
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    return [sid for sid, _ in ranked[:limit]]


_STATE_COLS = "id, title, size, first_seen, last_seen, state, outlets"


def load_states(conn: sqlite3.Connection, ids: Sequence[str]) -> list[StoryState]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT {_STATE_COLS} FROM stories WHERE id IN ({marks}) AND merged_into IS NULL",
        list(ids),
    ).fetchall()
    return [state_from_row(*r) for r in rows]


def load_state(conn: sqlite3.Connection, story_id: str) -> StoryState:
    states = load_states(conn, [story_id])
    if not states:
        raise NotFound(f"no story with id {story_id!r}")
    return states[0]


def save_state(conn: sqlite3.Connection, s: StoryState, touched: int) -> None:
    """Write a story's state and refresh its postings."""
    stamp = now()
    conn.execute(
        "INSERT INTO stories(id, title, first_seen, last_seen, size, touched, state, outlets, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "title = excluded.title, first_seen = excluded.first_seen, last_seen = "
        "excluded.last_seen, size = excluded.size, touched = excluded.touched, state = "
        "excluded.state, outlets = excluded.outlets, merged_into = NULL, updated_at = "
        "excluded.updated_at",
        (
            s.id,
            s.title,
            s.first_seen,
            s.last_seen,
            s.size,
            touched,
            state_json(s),
            json.dumps(list(s.outlets), ensure_ascii=False),
            stamp,
            stamp,
        ),
    )
    conn.execute("DELETE FROM story_postings WHERE story_id = ?", (s.id,))
    conn.executemany(
        "INSERT OR IGNORE INTO story_postings(key, story_id, touched, last_seen) VALUES (?,?,?,?)",
        [(k, s.id, touched, s.last_seen) for k in index_keys(s)],
    )


# --- MinHash bands ----------------------------------------------------------------------------
def lsh_candidates(conn: sqlite3.Connection, bands: Sequence[tuple[int, int]]) -> list[str]:
    found: list[str] = []
    for band, bucket in bands:
        for (aid,) in conn.execute(
            "SELECT article_id FROM story_lsh WHERE band = ? AND bucket = ? LIMIT 64",
            (band, bucket),
        ):
            if aid not in found:
                found.append(str(aid))
    return found


def signatures(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, bytes]:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT article_id, sig FROM story_minhash WHERE article_id IN ({marks})", list(ids)
    )
    return {str(a): bytes(s) for a, s in rows}


def lsh_add(
    conn: sqlite3.Connection, article_id: str, sig: bytes, bands: Sequence[tuple[int, int]]
) -> None:
    conn.execute("INSERT OR REPLACE INTO story_minhash VALUES (?, ?)", (article_id, sig))
    conn.executemany(
        "INSERT OR IGNORE INTO story_lsh VALUES (?, ?, ?)",
        [(b, k, article_id) for b, k in bands],
    )


# --- listing, merge, split --------------------------------------------------------------------
def summaries(conn: sqlite3.Connection) -> list[StorySummary]:
    """Every live story, newest activity first."""
    dups = dict(
        conn.execute(
            "SELECT story_id, count(*) FROM story_members WHERE duplicate_of IS NOT NULL "
            "GROUP BY story_id"
        ).fetchall()
    )
    out: list[StorySummary] = []
    for r in conn.execute(
        f"SELECT {_STATE_COLS} FROM stories WHERE merged_into IS NULL AND size > 0 "
        "ORDER BY COALESCE(last_seen, '') DESC, touched DESC"
    ):
        s = state_from_row(*r)
        out.append(
            StorySummary(
                id=s.id,
                title=s.title,
                first_seen=s.first_seen,
                last_seen=s.last_seen,
                size=s.size,
                outlets=s.outlets,
                key_entities=tuple(
                    k for k, _ in sorted(s.entities + s.places, key=lambda kn: -kn[1])[:6]
                ),
                duplicates=int(dups.get(s.id, 0)),
            )
        )
    return out


def _rebuild(conn: sqlite3.Connection, story_id: str, touched: int) -> None:
    rows = conn.execute(
        "SELECT features, title, published, outlet FROM story_members WHERE story_id = ? "
        "ORDER BY seq",
        (story_id,),
    ).fetchall()
    state = rebuild(story_id, ((vector_from_json(r[0]), r[1], r[2], r[3]) for r in rows))
    if state is None:
        conn.execute("UPDATE stories SET size = 0 WHERE id = ?", (story_id,))
        conn.execute("DELETE FROM story_postings WHERE story_id = ?", (story_id,))
        return
    save_state(conn, state, touched)


def _log(conn: sqlite3.Connection, action: str, story: str, other: str, ids: list[str]) -> None:
    conn.execute(
        "INSERT INTO story_edits(at, action, story_id, other, articles) VALUES (?,?,?,?,?)",
        (now(), action, story, other, json.dumps(ids)),
    )


def merge(
    conn: sqlite3.Connection,
    into: str,
    other: str,
    *,
    how: str = "user",
    action: str = "merge",
) -> str:
    """Move every article of ``other`` into ``into``; ``other`` then redirects there.

    ``how``/``action`` mark who merged (for a future automatic re-check); the move is logged.
    """
    a, b = resolve(conn, into), resolve(conn, other)
    if a == b:
        raise UsageError(f"{into!r} and {other!r} are already one story")
    touched = bump(conn, "seq")
    moved = [m.article_id for m in members(conn, b)]
    conn.execute("UPDATE story_members SET story_id = ?, how = ? WHERE story_id = ?", (a, how, b))
    conn.execute("DELETE FROM story_postings WHERE story_id = ?", (b,))
    conn.execute("UPDATE stories SET merged_into = ?, size = 0 WHERE id = ?", (a, b))
    _rebuild(conn, a, touched)
    _log(conn, action, a, b, moved)
    return a


def member_vectors(
    conn: sqlite3.Connection, story_id: str, limit: int
) -> list[tuple[StoryMember, StoryVector]]:
    """The first ``limit`` members of a story with their stored vectors, in arrival order."""
    rows = conn.execute(
        f"SELECT {_MEMBER_COLS}, features FROM story_members WHERE story_id = ? "
        "ORDER BY seq LIMIT ?",
        (story_id, limit),
    ).fetchall()
    return [(_member(r), vector_from_json(r[8])) for r in rows]


def split(
    conn: sqlite3.Connection,
    story: str,
    article_ids: Sequence[str],
    *,
    how: str = "user",
    action: str = "split",
) -> str:
    """Move the given articles of ``story`` into a new story; return its id.

    The new id comes from its earliest member; ``how``/``action`` mark who split it (the user,
    or the automatic re-check: ``split``/``auto-split``), and the move is logged.
    """
    sid = resolve(conn, story)
    current = {m.article_id: m for m in members(conn, sid)}
    chosen: list[str] = []
    for aid in article_ids:
        hits = [k for k in current if k == aid or k.startswith(aid)]
        if len(hits) != 1:
            raise UsageError(f"article {aid!r} is not (uniquely) in story {sid}")
        chosen.append(hits[0])
    if not chosen or len(set(chosen)) == len(current):
        raise UsageError("a split must leave at least one article in each story")
    first = min(chosen, key=lambda k: list(current).index(k))
    new_id, n = f"S{first[:12]}", 1
    while conn.execute("SELECT 1 FROM stories WHERE id = ?", (new_id,)).fetchone():
        n += 1
        new_id = f"S{first[:12]}-{n}"
    touched = bump(conn, "seq")
    conn.executemany(
        "UPDATE story_members SET story_id = ?, how = ? WHERE article_id = ?",
        [(new_id, how, k) for k in chosen],
    )
    _rebuild(conn, new_id, touched)
    _rebuild(conn, sid, touched)
    _log(conn, action, sid, new_id, chosen)
    return new_id


def assign_batch(conn: sqlite3.Connection, extractions: Sequence[Extraction]) -> list[str]:
    """The ingest hook: put each stored article into a story (idempotent); return story ids
    (read back at the end: a re-check may have moved an article of the batch)."""
    from newskb.stories.cluster import assign_all

    done = assign_all(conn, extractions)
    final = [member_of(conn, a.article_id) for a in done]
    return [m.story_id if m else a.story_id for m, a in zip(final, done, strict=True)]


def pending(conn: sqlite3.Connection, limit: int = 500) -> list[Extraction]:
    """Stored current articles that have no story yet, in ingest order (at most ``limit``)."""
    from newskb.serialize import from_dict

    if not has_table(conn, "articles"):
        return []
    rows = conn.execute(
        "SELECT a.extraction FROM articles a WHERE a.current = 1 AND NOT EXISTS "
        "(SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.rowid LIMIT ?",
        (limit,),
    ).fetchall()
    return [from_dict(json.loads(r[0])) for r in rows]


def assign_pending(conn: sqlite3.Connection) -> int:
    """Give every stored article without a story its story (batches of 500); return how many."""
    from newskb.stories.cluster import assign_all

    done = 0
    while batch := pending(conn):
        assign_all(conn, batch)
        done += len(batch)
    return done


def article_paths(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(path, story id) of every current article with a story, in arrival order."""
    current = (
        " WHERE article_id IN (SELECT id FROM articles WHERE current = 1)"
        if has_table(conn, "articles")
        else ""
    )
    return [
        (str(p), str(s))
        for p, s in conn.execute(f"SELECT path, story_id FROM story_members{current} ORDER BY seq")
    ]
