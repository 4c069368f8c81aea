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
from newskb.store.sql import db_of


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
    rows = db_of(conn).rows(
        "SELECT g.k, g.name, g.type, g.kb_id, g.n, "
        "(SELECT count(*) FROM mentions m JOIN entities e2 ON e2.article_id = m.article_id AND "
        "e2.local_id = m.entity_id WHERE COALESCE(e2.kb_id, e2.name) = g.k) AS m FROM "
        f"(SELECT {ENTITY_KEY} AS k, min(e.name) AS name, min(e.type) AS type, "
        "max(e.kb_id) AS kb_id, count(DISTINCT e.article_id) AS n FROM entities e WHERE "
        + " AND ".join(where)
        + f" GROUP BY {ENTITY_KEY}) g ORDER BY g.n DESC, g.k LIMIT :limit OFFSET :offset",
        args,
    )
    return page_of(
        [EntityRow(r["k"], r["name"], r["type"], r["kb_id"], r["n"], r["m"]) for r in rows],
        limit,
        off,
    )


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
        "ORDER BY COALESCE(a.published, ''), a.rowid LIMIT :limit",
        {"key": key, "limit": limit},
    )
    out: list[RoleRow] = []
    for r in rows:
        for role in json.loads(r[0]):
            out.append(RoleRow(role=str(role), article_id=r[1], published=r[2]))
    return out
