"""Read queries about entities across articles (companion of ``store/read.py``).

An entity is keyed by its KB id, else its name; the entity canon's aliases are added when the
store keeps them.
"""

from __future__ import annotations

import json
from typing import Any

from newskb.errors import NotFound
from newskb.model import EntityRow, RoleRow
from newskb.store.read import ENTITY_KEY, ENTITY_MATCH, decode_cursor, offset_of, page_of
from newskb.store.sql import Db, db_of


# --- entities -------------------------------------------------------------------------------
def list_entities(
    conn: Any,
    *,
    q: str | None = None,
    type: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> tuple[list[EntityRow], str | None]:
    off = offset_of(decode_cursor(cursor))
    where: list[str] = ["1 = 1"]
    args: dict[str, Any] = {"limit": limit + 1, "offset": off}
    if q:
        where.append("lower(e.name) LIKE lower(:q) ESCAPE '\\'")
        args["q"] = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if type:
        where.append("e.type = :type")
        args["type"] = type.upper()
    db = db_of(conn)
    # the unfiltered listing ranks every entity of the store (a pass over all of them): kept
    # per process until an article is added (entity rows come with articles only)
    key = (_store_of(db), off, limit)
    version = _version(db) if len(where) == 1 else None
    cached = _LISTED.get(key) if version else None
    if cached and cached[0] == version:
        return cached[1]
    rows = db.rows(
        f"SELECT {ENTITY_KEY} AS k, min(e.name) AS name, min(e.type) AS type, "
        "max(e.kb_id) AS kb_id, count(DISTINCT e.article_id) AS n FROM entities e WHERE "
        + " AND ".join(where)
        + f" GROUP BY {ENTITY_KEY} ORDER BY n DESC, k LIMIT :limit OFFSET :offset",
        args,
    )
    counts = mention_counts(db, [str(r["k"]) for r in rows])
    page = page_of(
        [EntityRow(r["k"], r["name"], r["type"], r["kb_id"], r["n"], counts.get(r["k"], 0))
         for r in rows],
        limit,
        off,
    )  # fmt: skip
    if version:
        if len(_LISTED) > 64:
            _LISTED.clear()
        _LISTED[key] = (version, page)
    return page


_LISTED: dict[tuple[str, int, int], tuple[tuple[Any, ...], tuple[list[EntityRow], str | None]]]
_LISTED = {}


def _store_of(db: Db) -> str:
    """Which store ``db`` reads: the SQLite file, or the PostgreSQL connection string."""
    if db.dialect == "sqlite":
        return str(db.rows("PRAGMA database_list")[0][2])
    pg: Any = db  # a PgDb: its psycopg connection
    return str(pg.conn.info.dsn)


def _version(db: Db) -> tuple[Any, ...]:
    """Changes whenever an article is added (or one removed)."""
    return tuple(db.one("SELECT count(*), max(rowid) FROM articles"))


def mention_counts(db: Db, keys: list[str]) -> dict[str, int]:
    """Mentions of each entity key (KB id, else name) across articles: one query for a page
    of keys, through the kb_id and name indexes (never a pass over all mentions per key)."""
    if not keys:
        return {}
    marks = ", ".join(f":k{i}" for i in range(len(keys)))
    rows = db.rows(
        f"SELECT {ENTITY_KEY} AS k, count(*) AS m FROM entities e JOIN mentions mm "
        "ON mm.article_id = e.article_id AND mm.entity_id = e.local_id "
        f"WHERE e.kb_id IN ({marks}) OR (e.kb_id IS NULL AND e.name IN ({marks})) "
        f"GROUP BY {ENTITY_KEY}",
        {f"k{i}": k for i, k in enumerate(keys)},
    )
    return {str(r["k"]): int(r["m"]) for r in rows}


def get_entity(conn: Any, key: str) -> EntityRow:
    r = db_of(conn).one(
        f"SELECT min(e.name) AS name, min(e.type) AS type, max(e.kb_id) AS kb_id, "
        "count(DISTINCT e.article_id) AS n, "
        "(SELECT count(*) FROM mentions m JOIN entities e ON e.article_id = m.article_id AND "
        f"e.local_id = m.entity_id WHERE {ENTITY_MATCH}) AS m "
        f"FROM entities e WHERE {ENTITY_MATCH}",
        {"key": key},
    )
    if r is None or not r["n"]:
        raise NotFound(f"no entity {key!r}")
    return EntityRow(r["kb_id"] or r["name"], r["name"], r["type"], r["kb_id"], r["n"], r["m"])


def aliases(conn: Any, key: str, limit: int = 50) -> list[str]:
    """Names and mention spellings of the entity, plus the entity canon's aliases if kept."""
    db = db_of(conn)
    canon = ""
    if db.has_table("canon_aliases") and db.has_table("entity_links"):
        canon = (
            " UNION SELECT ca.alias FROM canon_aliases ca JOIN entity_links l ON "
            "l.canon_id = ca.canon_id JOIN entities e ON e.article_id = l.article_id AND "
            f"e.local_id = l.local_id WHERE {ENTITY_MATCH}"
        )
    rows = db.rows(
        "SELECT text FROM (SELECT e.name AS text FROM entities e WHERE "
        f"{ENTITY_MATCH} UNION SELECT m.text FROM mentions m JOIN entities e ON "
        "e.article_id = m.article_id AND e.local_id = m.entity_id WHERE "
        f"{ENTITY_MATCH} AND m.kind != 'pronoun'{canon}) AS t ORDER BY text LIMIT :limit",
        {"key": key, "limit": limit},
    )
    return [r[0] for r in rows]


def roles(conn: Any, key: str, limit: int = 200) -> list[RoleRow]:
    rows = db_of(conn).rows(
        "SELECT e.roles, a.id, a.published FROM entities e JOIN articles a ON a.id = "
        f"e.article_id WHERE {ENTITY_MATCH} AND e.roles != '[]' "
        "ORDER BY a.published NULLS FIRST, a.rowid LIMIT :limit",
        {"key": key, "limit": limit},
    )
    out: list[RoleRow] = []
    for r in rows:
        for role in json.loads(r[0]):
            out.append(RoleRow(role=str(role), article_id=r[1], published=r[2]))
    return out
