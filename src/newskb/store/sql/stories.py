"""Story tables (SQLite migration 0003, PostgreSQL version 3): ``SqlStories`` is the
``StoryIndex`` clustering writes through (``newskb.stories``), plus the story read queries
(summaries, paths). No clustering logic here: that lives in ``newskb.stories``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from newskb.model import (
    Extraction,
    StoryAssignment,
    StoryFeatures,
    StoryMember,
    StoryState,
    StorySummary,
    StoryVector,
)
from newskb.store.sql import Db
from newskb.stories.state import (
    index_keys,
    state_from_row,
    state_json,
    vector_from_json,
    vector_json,
)

STATES_KEPT = 4096  # parsed story states kept per index (see ``SqlStories.load_states``)
PER_KEY = 48  # postings read per key, newest stories first: the candidate set stays bounded


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _member(r: Sequence[Any]) -> StoryMember:
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


def _marks(n: int) -> str:
    return ",".join("?" * n)


_MEMBER_COLS = "article_id, story_id, path, title, published, outlet, how, duplicate_of"
_STATE_COLS = "id, title, size, first_seen, last_seen, state, outlets"


class SqlStories:
    """The story index over one connection (see ``newskb.stories.index.StoryIndex``)."""

    def __init__(self, db: Db) -> None:
        self.db = db
        # parsed states by their whole stored row: an article's ~30 candidate stories are
        # mostly the previous article's; a saved state is a new row (a new key), so a hit is
        # always what parsing the row again would give
        self._parsed: dict[tuple[Any, ...], StoryState] = {}

    def atomic(self) -> AbstractContextManager[object]:
        return self.db.atomic("newskb_stories")

    # --- counters and document frequencies ----------------------------------------------------
    def meta(self, key: str) -> int:
        row = self.db.one("SELECT value FROM story_meta WHERE key = ?", (key,))
        return int(row[0]) if row else 0

    def bump(self, key: str, by: int = 1) -> int:
        self.db.run(
            "INSERT INTO story_meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = story_meta.value + excluded.value",
            (key, by),
        )
        return self.meta(key)

    def df_get(self, terms: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = list(terms[i : i + 500])
            sql = f"SELECT term, df FROM story_df WHERE term IN ({_marks(len(chunk))})"
            for t, n in self.db.rows(sql, chunk):
                out[str(t)] = int(n)
        return out

    def df_add(self, terms: Sequence[str]) -> None:
        self.db.many(
            "INSERT INTO story_df(term, df) VALUES (?, 1) "
            "ON CONFLICT(term) DO UPDATE SET df = story_df.df + 1",
            [(t,) for t in terms],
        )

    def superseded(self, article_id: str) -> str | None:
        """The earlier version this article replaces, when the articles table knows one."""
        if not self.db.has_table("articles"):
            return None
        row = self.db.one("SELECT supersedes FROM articles WHERE id = ?", (article_id,))
        return str(row[0]) if row and row[0] else None

    # --- stories and the inverted index -------------------------------------------------------
    def lookup(self, story_id: str) -> tuple[str, str | None] | None:
        row = self.db.one("SELECT id, merged_into FROM stories WHERE id = ?", (story_id,))
        if row is None:
            rows = self.db.rows(
                "SELECT id, merged_into FROM stories WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (story_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
            )
            if len(rows) != 1:
                return None
            row = rows[0]
        return str(row[0]), None if row[1] is None else str(row[1])

    def exists(self, story_id: str) -> bool:
        return self.db.one("SELECT 1 FROM stories WHERE id = ?", (story_id,)) is not None

    def candidate_ids(
        self, keys: Sequence[tuple[str, float]], *, since: str | None, limit: int
    ) -> list[str]:
        """Stories sharing the article's salient keys, best first (``PER_KEY`` per key)."""
        score: dict[str, float] = {}
        sql = "SELECT story_id FROM story_postings WHERE key = ?"
        if since is not None:
            sql += " AND (last_seen IS NULL OR last_seen >= ?)"
        sql += " ORDER BY touched DESC LIMIT ?"
        for key, weight in keys:
            args: tuple[object, ...] = (key, since, PER_KEY) if since else (key, PER_KEY)
            for (sid,) in self.db.rows(sql, args):
                score[sid] = score.get(sid, 0.0) + weight
        ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
        return [sid for sid, _ in ranked[:limit]]

    def load_states(self, ids: Sequence[str]) -> list[StoryState]:
        if not ids:
            return []
        rows = self.db.rows(
            f"SELECT {_STATE_COLS} FROM stories WHERE id IN ({_marks(len(ids))}) "
            "AND merged_into IS NULL",
            list(ids),
        )
        if len(self._parsed) > STATES_KEPT:
            self._parsed.clear()
        out = []
        for r in rows:
            key = tuple(r)
            got = self._parsed.get(key)
            if got is None:
                got = self._parsed[key] = state_from_row(*r)
            out.append(got)
        return out

    def save_state(self, s: StoryState, touched: int) -> None:
        """Write a story's state and refresh its postings."""
        stamp = now()
        self.db.run(
            "INSERT INTO stories(id, title, first_seen, last_seen, size, touched, state, "
            "outlets, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO "
            "UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = "
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
        self.db.run("DELETE FROM story_postings WHERE story_id = ?", (s.id,))
        self.db.many(
            "INSERT INTO story_postings(key, story_id, touched, last_seen) VALUES (?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            [(k, s.id, touched, s.last_seen) for k in index_keys(s)],
        )

    def empty(self, story_id: str) -> None:
        self.db.run("UPDATE stories SET size = 0 WHERE id = ?", (story_id,))
        self.db.run("DELETE FROM story_postings WHERE story_id = ?", (story_id,))

    def mark_merged(self, story_id: str, into: str) -> None:
        self.db.run("DELETE FROM story_postings WHERE story_id = ?", (story_id,))
        self.db.run("UPDATE stories SET merged_into = ?, size = 0 WHERE id = ?", (into, story_id))

    def log(self, action: str, story: str, other: str, ids: Sequence[str]) -> None:
        self.db.run(
            "INSERT INTO story_edits(at, action, story_id, other, articles) VALUES (?,?,?,?,?)",
            (now(), action, story, other, json.dumps(list(ids))),
        )

    # --- membership ---------------------------------------------------------------------------
    def member_of(self, article_id: str) -> StoryMember | None:
        sql = f"SELECT {_MEMBER_COLS} FROM story_members WHERE article_id = ?"
        row = self.db.one(sql, (article_id,))
        return _member(row) if row else None

    def members(self, story_id: str | None = None) -> list[StoryMember]:
        if story_id is None:
            rows = self.db.rows(f"SELECT {_MEMBER_COLS} FROM story_members ORDER BY seq")
        else:
            rows = self.db.rows(
                f"SELECT {_MEMBER_COLS} FROM story_members WHERE story_id = ? ORDER BY seq",
                (story_id,),
            )
        return [_member(r) for r in rows]

    def member_vectors(
        self, story_id: str, limit: int | None = None
    ) -> list[tuple[StoryMember, StoryVector]]:
        sql = f"SELECT {_MEMBER_COLS}, features FROM story_members WHERE story_id = ? ORDER BY seq"
        args: tuple[object, ...] = (story_id,)
        if limit is not None:
            sql += " LIMIT ?"
            args += (limit,)
        return [(_member(r), vector_from_json(r[8])) for r in self.db.rows(sql, args)]

    def add_member(self, f: StoryFeatures, v: StoryVector, a: StoryAssignment, seq: int) -> None:
        self.db.run(
            "INSERT INTO story_members(article_id, story_id, seq, path, title, published, "
            "outlet, how, score, duplicate_of, features, assigned_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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

    def move_members(self, article_ids: Sequence[str], story_id: str, how: str) -> None:
        self.db.many(
            "UPDATE story_members SET story_id = ?, how = ? WHERE article_id = ?",
            [(story_id, how, k) for k in article_ids],
        )

    # --- MinHash bands ------------------------------------------------------------------------
    def lsh_candidates(self, bands: Sequence[tuple[int, int]]) -> list[str]:
        found: list[str] = []
        for band, bucket in bands:
            for (aid,) in self.db.rows(
                "SELECT article_id FROM story_lsh WHERE band = ? AND bucket = ? LIMIT 64",
                (band, bucket),
            ):
                if aid not in found:
                    found.append(str(aid))
        return found

    def signatures(self, ids: Sequence[str]) -> dict[str, bytes]:
        sql = f"SELECT article_id, sig FROM story_minhash WHERE article_id IN ({_marks(len(ids))})"
        return {str(a): bytes(s) for a, s in self.db.rows(sql, list(ids))}

    def lsh_add(self, article_id: str, sig: bytes, bands: Sequence[tuple[int, int]]) -> None:
        self.db.run(
            "INSERT INTO story_minhash VALUES (?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET sig = excluded.sig",
            (article_id, sig),
        )
        self.db.many(
            "INSERT INTO story_lsh VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(b, k, article_id) for b, k in bands],
        )

    def pending(self, limit: int = 500) -> list[Extraction]:
        """Stored current articles that have no story yet, in ingest order (at most ``limit``)."""
        from newskb.serialize import from_dict

        if not self.db.has_table("articles"):
            return []
        rows = self.db.rows(
            "SELECT a.extraction FROM articles a WHERE a.current = 1 AND NOT EXISTS "
            "(SELECT 1 FROM story_members m WHERE m.article_id = a.id) ORDER BY a.rowid LIMIT ?",
            (limit,),
        )
        return [from_dict(json.loads(r[0])) for r in rows]

    # --- reading ------------------------------------------------------------------------------
    def summaries(self) -> list[StorySummary]:
        return summaries(self.db)

    def article_paths(self) -> list[tuple[str, str]]:
        return article_paths(self.db)


def display_names(db: Db, keys: Sequence[str]) -> dict[str, str]:
    """How a person reads each story key (a Wikidata id or a lower-cased name): the canonical
    entity's name from the canon (one primary-key or alias-index look-up per key), else the
    key's words capitalised. Never a raw id as a name."""
    from newskb.resolve.keys import norm

    out: dict[str, str] = {}
    has_canon = db.has_table("canon")
    for key in keys:
        if key in out:
            continue
        row = None
        if has_canon and key[:1] == "Q" and key[1:].isdigit():
            row = db.one("SELECT name FROM canon WHERE id = :k", {"k": key})
        elif has_canon:
            row = db.one(
                "SELECT c.name FROM canon_aliases a JOIN canon c ON c.id = a.canon_id "
                "WHERE a.norm = :n AND c.merged_into IS NULL ORDER BY c.id LIMIT 1",
                {"n": norm(key)},
            )
        out[key] = str(row[0]) if row else " ".join(w[:1].upper() + w[1:] for w in key.split())
    return out


def summaries(db: Db) -> list[StorySummary]:
    """Every live story, newest activity first; key entities by name."""
    dups = {
        str(s): int(n)
        for s, n in db.rows(
            "SELECT story_id, count(*) FROM story_members WHERE duplicate_of IS NOT NULL "
            "GROUP BY story_id"
        )
    }
    states = [
        state_from_row(*r)
        for r in db.rows(
            f"SELECT {_STATE_COLS} FROM stories WHERE merged_into IS NULL AND size > 0 "
            "ORDER BY last_seen DESC NULLS LAST, touched DESC, id"
        )
    ]
    keys = {
        s.id: [k for k, _ in sorted(s.entities + s.places, key=lambda kn: -kn[1])[:6]]
        for s in states
    }
    names = display_names(db, [k for ks in keys.values() for k in ks])
    out: list[StorySummary] = []
    for s in states:
        out.append(
            StorySummary(
                id=s.id,
                title=s.title,
                first_seen=s.first_seen,
                last_seen=s.last_seen,
                size=s.size,
                outlets=s.outlets,
                key_entities=tuple(dict.fromkeys(names[k] for k in keys[s.id])),
                duplicates=dups.get(s.id, 0),
            )
        )
    return out


def article_paths(db: Db) -> list[tuple[str, str]]:
    """(path, story id) of every current article with a story, in arrival order."""
    current = (
        " WHERE article_id IN (SELECT id FROM articles WHERE current = 1)"
        if db.has_table("articles")
        else ""
    )
    sql = f"SELECT path, story_id FROM story_members{current} ORDER BY seq"
    return [(str(p), str(s)) for p, s in db.rows(sql)]
