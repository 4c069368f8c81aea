"""The entity canon's tables (SQLite migration 0002, PostgreSQL version 3): ``SqlCanon`` is the
``CanonIndex`` ``newskb.resolve.canon`` resolves through, plus the canon read queries
(``listing``, ``show``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from newskb.model import CanonEntity, Extraction
from newskb.resolve.canon import find
from newskb.resolve.evidence import Profile, profile_key
from newskb.resolve.keys import norm
from newskb.store.sql import Db

BESIDE_ARTICLES = 20  # articles whose other entities make a profile's context
# links whose articles' days make a profile's days: article ids are content hashes, so these
# are a sample of its articles' days; fewer days can only withhold the "reported within n days"
# support from a join, never add one (precision first)
DAY_LINKS = 200


class SqlCanon:
    """The canon index over one connection (see ``newskb.resolve.canon.CanonIndex``).

    Made for one transaction (a store batch, one user edit). Profiles read within it are kept
    until a write through this index touches their entity (alias, role, link, fold...): the
    same candidates are profiled again and again while a batch resolves (5 queries each), and
    nothing else writes the canon tables inside the transaction.
    """

    def __init__(self, db: Db) -> None:
        self.db = db
        self._profiles: dict[str, dict[int, Profile | None]] = {}  # canon id -> limit -> it
        # canon id -> (type, merged_into) or None (no such row), read once per transaction;
        # only ``add_canon`` and ``fold`` write the canon table
        self._rows: dict[str, tuple[str, str | None] | None] = {}
        self._entities: dict[str, tuple[list[str], dict[str, int]]] = {}

    def _forget(self, *cids: str) -> None:
        for cid in cids:
            self._profiles.pop(cid, None)

    @contextmanager
    def atomic(self) -> Iterator[object]:
        try:
            with self.db.atomic("newskb_canon") as tx:
                yield tx
        except BaseException:
            self._profiles.clear()  # rolled back: what was read inside may be gone
            self._rows.clear()
            raise

    def _row(self, cid: str) -> tuple[str, str | None] | None:
        if cid in self._rows:
            return self._rows[cid]
        row = self.db.one("SELECT type, merged_into FROM canon WHERE id = ?", (cid,))
        got = None if row is None else (str(row[0]), None if row[1] is None else str(row[1]))
        self._rows[cid] = got
        return got

    def merged_into(self, cid: str) -> str | None:
        row = self._row(cid)
        return None if row is None else row[1]

    def exists(self, cid: str) -> bool:
        return self._row(cid) is not None

    def type_of(self, cid: str) -> str | None:
        row = self._row(cid)
        return None if row is None else row[0]

    def by_alias(self, alias_norm: str, etype: str | None, limit: int | None = None) -> list[str]:
        sql = (
            "SELECT DISTINCT c.id FROM canon_aliases a JOIN canon c ON c.id = a.canon_id "
            "WHERE a.norm = ? AND c.merged_into IS NULL"
        )
        args: tuple[str | int, ...] = (alias_norm,)
        if etype is not None:
            sql += " AND c.type = ?"
            args += (etype,)
        if limit is not None and self.db.dialect == "sqlite":
            # SQLite returns the rows in the order it finds them (the norm index), LIMIT or
            # not; PostgreSQL's planner may pick another plan for a LIMIT: cut after reading
            sql += " LIMIT ?"
            args += (limit,)
        return [str(r[0]) for r in self.db.rows(sql, args)][:limit]

    def person_candidates(self, keys: Sequence[str], limit: int) -> list[tuple[str, str]]:
        marks = ",".join("?" * len(keys))
        rows = self.db.rows(
            f"SELECT DISTINCT c.id, a.alias FROM canon_keys k JOIN canon c ON c.id = k.canon_id "
            f"JOIN canon_aliases a ON a.canon_id = c.id "
            f"WHERE k.key IN ({marks}) AND c.type = 'PERSON' AND c.merged_into IS NULL LIMIT ?",
            (*keys, limit),
        )
        return [(str(c), str(a)) for c, a in rows]

    def key_candidates(self, keys: Sequence[str], limit: int) -> list[str]:
        marks = ",".join("?" * len(keys))
        rows = self.db.rows(
            f"SELECT DISTINCT c.id FROM canon_keys k JOIN canon c ON c.id = k.canon_id "
            f"WHERE k.key IN ({marks}) AND c.merged_into IS NULL ORDER BY c.id LIMIT ?",
            (*keys, limit),
        )
        return [str(r[0]) for r in rows]

    def profile(self, cid: str, limit: int) -> Profile | None:
        known = self._profiles.setdefault(cid, {})
        if limit not in known:
            known[limit] = self._profile(cid, limit)
        return known[limit]

    def _profile(self, cid: str, limit: int) -> Profile | None:
        row = self.db.one("SELECT name, type, kb_id FROM canon WHERE id = ?", (cid,))
        if row is None:
            return None
        name, etype, kb = str(row[0]), str(row[1]), row[2]
        aliases = [
            str(r[0])
            for r in self.db.rows(
                "SELECT alias FROM canon_aliases WHERE canon_id = ? ORDER BY alias LIMIT ?",
                (cid, limit),
            )
        ]
        roles = self.db.rows(
            "SELECT DISTINCT text FROM canon_roles WHERE canon_id = ? AND kind = 'role' "
            "ORDER BY text LIMIT ?",
            (cid, limit),
        )
        # the entities written beside it in (a bounded number of) its articles
        context: set[str] = set()
        seen = 0
        for aid, lid in self.db.rows(
            "SELECT article_id, local_id FROM entity_links WHERE canon_id = ? "
            "ORDER BY article_id, local_id LIMIT ?",
            (cid, BESIDE_ARTICLES),
        ):
            if seen >= limit:
                break
            # the first (limit - seen) of the article's other entities, in id order
            keys, at = self._entity_keys(str(aid))
            i = at.get(lid)
            picked = keys if i is None else keys[:i] + keys[i + 1 :]
            if len(picked) > limit - seen:
                picked = picked[: limit - seen]
            context.update(picked)
            seen += len(picked)
        # the days of its first DAY_LINKS links (article id order, as the context's): bounded
        # work however many articles report it. Each link's day is a lookup by article id (a
        # scalar subquery): as a join, PostgreSQL's generic plan for the prepared statement
        # walked every article once per link (34 ms at 2k articles, growing with the store)
        days = self.db.rows(
            "SELECT DISTINCT d FROM (SELECT (SELECT a.published FROM articles a "
            "WHERE a.id = l.article_id) AS d FROM entity_links l WHERE l.canon_id = ? "
            "ORDER BY l.article_id, l.local_id LIMIT ?) s WHERE d IS NOT NULL LIMIT ?",
            (cid, DAY_LINKS, limit),
        )
        dates = set()
        for (d,) in days:
            try:
                dates.add(dt.date.fromisoformat(str(d)[:10]))
            except ValueError:
                continue
        return Profile(
            name=name,
            type=etype,
            aliases=tuple(a for a in aliases if a != name),
            kb_id=None if kb is None else str(kb),
            roles=frozenset(str(r[0]) for r in roles),
            context=frozenset(context),
            days=frozenset(dates),
        )

    def _entity_keys(self, article_id: str) -> tuple[list[str], dict[str, int]]:
        """The keys of an article's entities in local id order (its Wikidata id, else
        ``profile_key``) and each local id's position among them; kept for the transaction:
        an article's entities never change (local ids are unique within an article)."""
        got = self._entities.get(article_id)
        if got is None:
            rows = self.db.rows(
                "SELECT local_id, name, type, kb_id FROM entities WHERE article_id = ? "
                "ORDER BY local_id",
                (article_id,),
            )
            keys = [str(kb) if kb else profile_key(str(n), str(t)) for _lid, n, t, kb in rows]
            got = (keys, {str(r[0]): i for i, r in enumerate(rows)})
            self._entities[article_id] = got
        return got

    def link_of(self, article_id: str, local_id: str) -> str | None:
        row = self.db.one(
            "SELECT canon_id FROM entity_links WHERE article_id = ? AND local_id = ?",
            (article_id, local_id),
        )
        return None if row is None else str(row[0])

    def article_count(self, cid: str) -> int:
        q = "SELECT COUNT(DISTINCT article_id) FROM entity_links WHERE canon_id = ?"
        row = self.db.one(q, (cid,))
        return int(row[0]) if row else 0

    def add_canon(self, cid: str, name: str, etype: str, kb_id: str | None, at: str) -> None:
        self._forget(cid)
        self._rows.pop(cid, None)
        self.db.run(
            "INSERT INTO canon (id, name, type, kb_id, created_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            (cid, name, etype, kb_id, at),
        )

    def add_alias(self, cid: str, alias: str, alias_norm: str, source: str) -> None:
        self._forget(cid)
        self.db.run(
            "INSERT INTO canon_aliases VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            (cid, alias, alias_norm, source),
        )

    def add_keys(self, cid: str, keys: Iterable[str]) -> None:
        self.db.many(
            "INSERT INTO canon_keys VALUES (?,?) ON CONFLICT DO NOTHING", [(k, cid) for k in keys]
        )

    def add_roles(self, rows: Sequence[tuple[str, str, str, str, str | None]]) -> None:
        self._forget(*{r[0] for r in rows})
        self.db.many("INSERT INTO canon_roles VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING", rows)

    def link(self, article_id: str, local_id: str, cid: str) -> int:
        if self._profiles:  # the article moves to ``cid``, from the entity it was linked to
            old = self.link_of(article_id, local_id)
            self._forget(cid, *([old] if old else []))
        return self.db.run(
            "INSERT INTO entity_links VALUES (?,?,?) ON CONFLICT (article_id, local_id) "
            "DO UPDATE SET canon_id = excluded.canon_id",
            (article_id, local_id, cid),
        )

    def log(self, op: str, detail: str, at: str) -> None:
        self.db.run("INSERT INTO canon_edits (op, detail, at) VALUES (?,?,?)", (op, detail, at))

    def fold(self, keep: str, drop: str) -> None:
        self._profiles.clear()
        self._rows.pop(drop, None)
        moves = (
            ("canon_aliases", "CAST(? AS TEXT), alias, norm, source"),
            ("canon_keys", "key, CAST(? AS TEXT)"),
            ("canon_roles", "CAST(? AS TEXT), kind, text, article_id, published"),
        )
        for table, cols in moves:  # rows ``keep`` already has win; the rest move over
            self.db.run(
                f"INSERT INTO {table} SELECT {cols} FROM {table} WHERE canon_id = ? "
                "ON CONFLICT DO NOTHING",
                (keep, drop),
            )
            self.db.run(f"DELETE FROM {table} WHERE canon_id = ?", (drop,))
        self.db.run("UPDATE entity_links SET canon_id = ? WHERE canon_id = ?", (keep, drop))
        # the kept row takes the dropped row's Wikidata id when it has none and both bear one
        # name ("Florida" linked in one article, not in another); a join of two names ("Sky
        # News" into "CBS News") may be a wrong merge, and an id would spread it
        self.db.run(
            "UPDATE canon SET kb_id = (SELECT d.kb_id FROM canon d WHERE d.id = ? "
            "AND lower(d.name) = lower(canon.name)) WHERE id = ? AND kb_id IS NULL",
            (drop, keep),
        )
        self.db.run("UPDATE canon SET merged_into = ? WHERE id = ?", (keep, drop))

    def links(self, cid: str) -> list[tuple[str, str]]:
        rows = self.db.rows(
            "SELECT article_id, local_id FROM entity_links WHERE canon_id = ?", (cid,)
        )
        return [(str(a), str(b)) for a, b in rows]

    def mention_texts(self, article_id: str, local_id: str) -> list[str]:
        rows = self.db.rows(
            "SELECT text FROM mentions WHERE article_id = ? AND entity_id = ?",
            (article_id, local_id),
        )
        return [str(r[0]) for r in rows]

    def drop_alias(self, cid: str, alias_norm: str) -> None:
        self._forget(cid)
        self.db.run("DELETE FROM canon_aliases WHERE canon_id = ? AND norm = ?", (cid, alias_norm))

    def move_link(self, article_id: str, local_id: str, old: str, new: str) -> None:
        self._forget(old, new)
        self.db.run(
            "UPDATE entity_links SET canon_id = ? WHERE article_id = ? AND local_id = ?",
            (new, article_id, local_id),
        )
        self.db.run(
            "UPDATE canon_roles SET canon_id = ? WHERE canon_id = ? AND article_id = ?",
            (new, old, article_id),
        )

    def unlinked(self) -> list[Extraction]:
        from newskb.serialize import from_dict

        rows = self.db.rows(
            "SELECT a.extraction FROM articles a WHERE a.current = 1 AND EXISTS "
            "(SELECT 1 FROM entities e WHERE e.article_id = a.id) AND NOT EXISTS "
            "(SELECT 1 FROM entity_links l WHERE l.article_id = a.id)"
        )
        return [from_dict(json.loads(r[0])) for r in rows]


def listing(
    db: Db, etype: str | None = None, query: str | None = None, limit: int = 50
) -> list[CanonEntity]:
    """Canonical entities, most-reported first; ``query`` matches any alias (substring).

    Each row's ``mentions`` holds the number of articles that name it (``articles`` is left empty).
    """
    where, args = ["c.merged_into IS NULL"], []
    if etype:
        where.append("c.type = ?")
        args.append(etype)
    if query:
        where.append("c.id IN (SELECT canon_id FROM canon_aliases WHERE norm LIKE ? ESCAPE '\\')")
        q = norm(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args.append(f"%{q}%")
    sql = (
        "SELECT c.id, c.name, c.type, c.kb_id, COUNT(DISTINCT l.article_id) AS n "
        "FROM canon c LEFT JOIN entity_links l ON l.canon_id = c.id "
        f"WHERE {' AND '.join(where)} GROUP BY c.id ORDER BY n DESC, c.name, c.id LIMIT ?"
    )
    return [
        CanonEntity(id=r[0], name=r[1], type=r[2], kb_id=r[3], articles=(), mentions=int(r[4]))
        for r in db.rows(sql, (*args, limit))
    ]


def _evidence(db: Db, cid: str, limit: int = 50) -> tuple[str, ...]:
    """What joined other articles' mentions to ``cid`` (the canon's logged joins and merges)."""
    out = []
    for (detail,) in db.rows(
        "SELECT detail FROM canon_edits WHERE op IN ('join', 'merge') "
        "AND CAST(detail AS TEXT) LIKE ? "
        "ORDER BY id LIMIT ?",
        (f"%{cid}%", limit * 4),
    ):
        d = json.loads(detail)
        if d.get("canon") == cid and "evidence" in d:
            out.append(f"{d['entity']} (article {d['article']}): {d['evidence']}")
        elif d.get("keep") == cid and "evidence" in d:
            out.append(f"merged {d['drop']}: {d['evidence']}")
    return tuple(out[:limit])


def show(db: Db, ref: str) -> CanonEntity:
    """One canonical entity with its aliases, roles over time and articles."""
    cid = find(SqlCanon(db), ref)
    row = db.one("SELECT id, name, type, kb_id FROM canon WHERE id = ?", (cid,))
    assert row is not None  # find returned a stored id
    aliases = tuple(
        r[0]
        for r in db.rows(
            "SELECT alias FROM canon_aliases WHERE canon_id = ? ORDER BY alias", (cid,)
        )
    )
    facts = db.rows(
        "SELECT kind, text, published, article_id FROM canon_roles WHERE canon_id = ? "
        "ORDER BY published, text",
        (cid,),
    )
    articles = tuple(
        r[0]
        for r in db.rows(
            "SELECT l.article_id FROM entity_links l JOIN articles a ON a.id = l.article_id "
            "WHERE l.canon_id = ? ORDER BY a.published, a.id",
            (cid,),
        )
    )
    counted = db.one(
        "SELECT COUNT(*) FROM mentions m JOIN entity_links l ON l.article_id = m.article_id "
        "AND l.local_id = m.entity_id WHERE l.canon_id = ?",
        (cid,),
    )
    mentions = counted[0] if counted else 0
    return CanonEntity(
        evidence=_evidence(db, cid),
        id=row[0],
        name=row[1],
        type=row[2],
        kb_id=row[3],
        aliases=aliases,
        roles=tuple((t, p, a) for k, t, p, a in facts if k == "role"),
        characterisations=tuple((t, p, a) for k, t, p, a in facts if k == "characterisation"),
        articles=articles,
        mentions=int(mentions),
    )
