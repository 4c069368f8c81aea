"""Read queries about entities across articles (companion of ``store/read.py``).

An entity is keyed by its KB id, else its name; the entity canon's aliases are added when the
store keeps them.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newskb.errors import NotFound
from newskb.model import EntityRow, RoleRow
from newskb.store.read import (
    ENTITY_KEY,
    ENTITY_MATCH,
    decode_cursor,
    offset_of,
    page_of,
    table_exists,
)


# --- entities -------------------------------------------------------------------------------
def list_entities(
    conn: sqlite3.Connection,
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
        where.append("e.name LIKE :q ESCAPE '\\'")
        args["q"] = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if type:
        where.append("e.type = :type")
        args["type"] = type.upper()
    rows = conn.execute(
        f"SELECT {ENTITY_KEY} AS k, min(e.name) AS name, min(e.type) AS type, "
        "max(e.kb_id) AS kb_id, count(DISTINCT e.article_id) AS n, "
        "(SELECT count(*) FROM mentions m JOIN entities e2 ON e2.article_id = m.article_id AND "
        "e2.local_id = m.entity_id WHERE COALESCE(e2.kb_id, e2.name) = "
        f"{ENTITY_KEY}) AS m FROM entities e WHERE "
        + " AND ".join(where)
        + f" GROUP BY {ENTITY_KEY} ORDER BY n DESC, k LIMIT :limit OFFSET :offset",
        args,
    ).fetchall()
    return page_of(
        [EntityRow(r["k"], r["name"], r["type"], r["kb_id"], r["n"], r["m"]) for r in rows],
        limit,
        off,
    )


def get_entity(conn: sqlite3.Connection, key: str) -> EntityRow:
    r = conn.execute(
        f"SELECT min(e.name) AS name, min(e.type) AS type, max(e.kb_id) AS kb_id, "
        "count(DISTINCT e.article_id) AS n, "
        "(SELECT count(*) FROM mentions m JOIN entities e ON e.article_id = m.article_id AND "
        f"e.local_id = m.entity_id WHERE {ENTITY_MATCH}) AS m "
        f"FROM entities e WHERE {ENTITY_MATCH}",
        {"key": key},
    ).fetchone()
    if r is None or not r["n"]:
        raise NotFound(f"no entity {key!r}")
    return EntityRow(r["kb_id"] or r["name"], r["name"], r["type"], r["kb_id"], r["n"], r["m"])


def aliases(conn: sqlite3.Connection, key: str, limit: int = 50) -> list[str]:
    """Names and mention spellings of the entity, plus the entity canon's aliases if kept."""
    canon = ""
    if table_exists(conn, "canon_aliases") and table_exists(conn, "entity_links"):
        canon = (
            " UNION SELECT ca.alias FROM canon_aliases ca JOIN entity_links l ON "
            "l.canon_id = ca.canon_id JOIN entities e ON e.article_id = l.article_id AND "
            f"e.local_id = l.local_id WHERE {ENTITY_MATCH}"
        )
    rows = conn.execute(
        "SELECT text FROM (SELECT e.name AS text FROM entities e WHERE "
        f"{ENTITY_MATCH} UNION SELECT m.text FROM mentions m JOIN entities e ON "
        "e.article_id = m.article_id AND e.local_id = m.entity_id WHERE "
        f"{ENTITY_MATCH} AND m.kind != 'pronoun'{canon}) ORDER BY text LIMIT :limit",
        {"key": key, "limit": limit},
    )
    return [r[0] for r in rows]


def roles(conn: sqlite3.Connection, key: str, limit: int = 200) -> list[RoleRow]:
    rows = conn.execute(
        "SELECT e.roles, a.id, a.published FROM entities e JOIN articles a ON a.id = "
        f"e.article_id WHERE {ENTITY_MATCH} AND e.roles != '[]' "
        "ORDER BY ifnull(a.published, ''), a.rowid LIMIT :limit",
        {"key": key, "limit": limit},
    )
    out: list[RoleRow] = []
    for r in rows:
        for role in json.loads(r[0]):
            out.append(RoleRow(role=str(role), article_id=r[1], published=r[2]))
    return out
