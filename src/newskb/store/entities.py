"""Canonical entities across articles: resolution at ingest, queries, user alias/merge/split.

Functions take an open ``sqlite3.Connection`` on a migrated store (schema >= 2). Resolution is
near-linear: each entity is matched only against canon rows that share an exact alias or a
blocking key (``resolve.keys.person_keys``), never against all of them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable

from newskb.errors import NotFound
from newskb.model import CanonEntity, Entity, Extraction
from newskb.resolve.gazetteer import local_id
from newskb.resolve.keys import norm, person_keys, same_surname, similarity, tokens
from newskb.resolve.link import link

MATCH = 0.9  # spelling variants of a person's full name merged across articles
BLOCK_LIMIT = 400  # candidates read per entity: bounded work however large the store grows


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _final(conn: sqlite3.Connection, cid: str) -> str:
    for _ in range(32):
        row = conn.execute("SELECT merged_into FROM canon WHERE id = ?", (cid,)).fetchone()
        if row is None or row[0] is None:
            return cid
        cid = row[0]
    return cid


def _by_alias(conn: sqlite3.Connection, name: str, etype: str) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT c.id FROM canon_aliases a JOIN canon c ON c.id = a.canon_id "
        "WHERE a.norm = ? AND c.type = ? AND c.merged_into IS NULL",
        (norm(name), etype),
    ).fetchall()
    return [r[0] for r in rows]


def _by_keys(conn: sqlite3.Connection, name: str) -> str | None:
    """A person already known under a spelling variant of ``name`` (blocking, then scoring)."""
    toks = tokens(name)
    if len(toks) < 2:
        return None
    keys = sorted(person_keys(name))
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT DISTINCT c.id, a.alias FROM canon_keys k JOIN canon c ON c.id = k.canon_id "
        f"JOIN canon_aliases a ON a.canon_id = c.id "
        f"WHERE k.key IN ({marks}) AND c.type = 'PERSON' AND c.merged_into IS NULL LIMIT ?",
        (*keys, BLOCK_LIMIT),
    ).fetchall()
    best: tuple[float, str] | None = None
    for cid, alias in rows:
        at = tokens(alias)
        if len(at) < 2 or at[0][:1] != toks[0][:1] or not same_surname(at[-1], toks[-1]):
            continue
        score = similarity(name, alias)
        if score >= MATCH and (best is None or score > best[0]):
            best = (score, cid)
    return best[1] if best else None


def canon_id_for(conn: sqlite3.Connection, e: Entity) -> tuple[str, str | None]:
    """(canonical id, Wikidata id) for an article's entity; may name a row not yet stored."""
    entry = link(e.name, e.type)
    if entry is not None and (e.kb_id is None or e.kb_id == entry.wikidata):
        return _final(conn, entry.id), entry.wikidata
    if e.kb_id:
        return _final(conn, e.kb_id), e.kb_id
    for n in (e.name, *e.aliases):
        hits = _by_alias(conn, n, e.type)
        if len(hits) == 1:
            return hits[0], None
    if e.type == "PERSON":
        hit = _by_keys(conn, e.name)
        if hit is not None:
            return hit, None
    return _final(conn, local_id(e.type, e.name)), None


def _add_alias(conn: sqlite3.Connection, cid: str, alias: str, etype: str, source: str) -> None:
    if not norm(alias):
        return
    conn.execute(
        "INSERT OR IGNORE INTO canon_aliases VALUES (?,?,?,?)", (cid, alias, norm(alias), source)
    )
    if etype == "PERSON":
        conn.executemany(
            "INSERT OR IGNORE INTO canon_keys VALUES (?,?)", [(k, cid) for k in person_keys(alias)]
        )


def resolve_batch(conn: sqlite3.Connection, extractions: Iterable[Extraction]) -> int:
    """Link every entity of the given (stored) articles to a canonical entity.

    Call inside the batch's transaction, after the articles and their entities are written.
    Idempotent: re-resolving an article changes nothing. Returns the number of links written.
    """
    written = 0
    now = _now()
    for x in extractions:
        a = x.article
        published = a.published.isoformat() if a.published else None
        for e in x.entities:
            if not any(m.kind in ("name", "short") for m in e.mentions):
                continue
            cid, kb = canon_id_for(conn, e)
            conn.execute(
                "INSERT OR IGNORE INTO canon (id, name, type, kb_id, created_at) "
                "VALUES (?,?,?,?,?)",
                (cid, e.name, e.type, kb, now),
            )
            for n in dict.fromkeys((e.name, *e.aliases)):
                _add_alias(conn, cid, n, e.type, "text")
            rows = [(cid, "role", r, a.id, published) for r in e.roles]
            rows += [(cid, "characterisation", r, a.id, published) for r in e.characterisations]
            conn.executemany("INSERT OR IGNORE INTO canon_roles VALUES (?,?,?,?,?)", rows)
            cur = conn.execute(
                "INSERT OR REPLACE INTO entity_links VALUES (?,?,?)", (a.id, e.id, cid)
            )
            written += cur.rowcount
    return written


def _edit(conn: sqlite3.Connection, op: str, **detail: str) -> None:
    conn.execute(
        "INSERT INTO canon_edits (op, detail, at) VALUES (?,?,?)", (op, json.dumps(detail), _now())
    )


def find(conn: sqlite3.Connection, ref: str) -> str:
    """The canonical id for an id or a name/alias (exact, then case-insensitive)."""
    row = conn.execute("SELECT id FROM canon WHERE id = ?", (ref,)).fetchone()
    if row is not None:
        return _final(conn, row[0])
    rows = conn.execute(
        "SELECT DISTINCT c.id FROM canon_aliases a JOIN canon c ON c.id = a.canon_id "
        "WHERE a.norm = ? AND c.merged_into IS NULL",
        (norm(ref),),
    ).fetchall()
    if not rows:
        raise NotFound(f"no entity called {ref!r}")
    if len(rows) > 1:
        # the one most articles talk about
        rows = sorted(rows, key=lambda r: -_article_count(conn, r[0]))
    return str(rows[0][0])


def _article_count(conn: sqlite3.Connection, cid: str) -> int:
    q = "SELECT COUNT(DISTINCT article_id) FROM entity_links WHERE canon_id = ?"
    return int(conn.execute(q, (cid,)).fetchone()[0])


def add_alias(conn: sqlite3.Connection, ref: str, alias: str) -> str:
    cid = find(conn, ref)
    etype = conn.execute("SELECT type FROM canon WHERE id = ?", (cid,)).fetchone()[0]
    with conn:
        _add_alias(conn, cid, alias, etype, "user")
        _edit(conn, "alias", canon=cid, alias=alias)
    return cid


def merge(conn: sqlite3.Connection, keep_ref: str, drop_ref: str) -> str:
    """Fold ``drop`` into ``keep``: its aliases, roles and article links move over."""
    keep, drop = find(conn, keep_ref), find(conn, drop_ref)
    if keep == drop:
        return keep
    with conn:
        for table in ("canon_aliases", "canon_keys", "canon_roles"):
            conn.execute(
                f"UPDATE OR IGNORE {table} SET canon_id = ? WHERE canon_id = ?", (keep, drop)
            )
            conn.execute(f"DELETE FROM {table} WHERE canon_id = ?", (drop,))
        conn.execute("UPDATE entity_links SET canon_id = ? WHERE canon_id = ?", (keep, drop))
        conn.execute("UPDATE canon SET merged_into = ? WHERE id = ?", (keep, drop))
        _edit(conn, "merge", keep=keep, drop=drop)
    return keep


def split(conn: sqlite3.Connection, ref: str, alias: str) -> str:
    """Move the articles that call the entity ``alias`` to a new canonical entity."""
    cid = find(conn, ref)
    row = conn.execute("SELECT type FROM canon WHERE id = ?", (cid,)).fetchone()
    etype, key = row[0], norm(alias)
    new = local_id(etype, alias)
    n = 1
    while conn.execute("SELECT 1 FROM canon WHERE id = ?", (new,)).fetchone() is not None:
        n += 1
        new = f"{local_id(etype, alias)}-{n}"
    links = conn.execute(
        "SELECT l.article_id, l.local_id FROM entity_links l WHERE l.canon_id = ?", (cid,)
    ).fetchall()
    moved = [
        (aid, lid)
        for aid, lid in links
        if any(
            norm(t) == key
            for (t,) in conn.execute(
                "SELECT text FROM mentions WHERE article_id = ? AND entity_id = ?", (aid, lid)
            )
        )
    ]
    with conn:
        conn.execute(
            "INSERT INTO canon (id, name, type, kb_id, created_at) VALUES (?,?,?,?,?)",
            (new, alias, etype, None, _now()),
        )
        conn.execute("DELETE FROM canon_aliases WHERE canon_id = ? AND norm = ?", (cid, key))
        _add_alias(conn, new, alias, etype, "user")
        for aid, lid in moved:
            conn.execute(
                "UPDATE entity_links SET canon_id = ? WHERE article_id = ? AND local_id = ?",
                (new, aid, lid),
            )
            conn.execute(
                "UPDATE canon_roles SET canon_id = ? WHERE canon_id = ? AND article_id = ?",
                (new, cid, aid),
            )
        _edit(conn, "split", canon=cid, alias=alias, new=new)
    return new


def sync(conn: sqlite3.Connection) -> int:
    """Resolve stored articles that have entities but no links yet (stores ingested before)."""
    from newskb.serialize import from_dict

    rows = conn.execute(
        "SELECT a.extraction FROM articles a WHERE a.current = 1 AND EXISTS "
        "(SELECT 1 FROM entities e WHERE e.article_id = a.id) AND NOT EXISTS "
        "(SELECT 1 FROM entity_links l WHERE l.article_id = a.id)"
    ).fetchall()
    if not rows:
        return 0
    with conn:
        return resolve_batch(conn, (from_dict(json.loads(r[0])) for r in rows))


def listing(
    conn: sqlite3.Connection, etype: str | None = None, query: str | None = None, limit: int = 50
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
        f"WHERE {' AND '.join(where)} GROUP BY c.id ORDER BY n DESC, c.name LIMIT ?"
    )
    return [
        CanonEntity(id=r[0], name=r[1], type=r[2], kb_id=r[3], articles=(), mentions=int(r[4]))
        for r in conn.execute(sql, (*args, limit))
    ]


def show(conn: sqlite3.Connection, ref: str) -> CanonEntity:
    """One canonical entity with its aliases, roles over time and articles."""
    cid = find(conn, ref)
    row = conn.execute("SELECT id, name, type, kb_id FROM canon WHERE id = ?", (cid,)).fetchone()
    aliases = tuple(
        r[0] for r in conn.execute("SELECT alias FROM canon_aliases WHERE canon_id = ?", (cid,))
    )
    facts = conn.execute(
        "SELECT kind, text, published, article_id FROM canon_roles WHERE canon_id = ? "
        "ORDER BY published, text",
        (cid,),
    ).fetchall()
    articles = tuple(
        r[0]
        for r in conn.execute(
            "SELECT l.article_id FROM entity_links l JOIN articles a ON a.id = l.article_id "
            "WHERE l.canon_id = ? ORDER BY a.published, a.id",
            (cid,),
        )
    )
    mentions = conn.execute(
        "SELECT COUNT(*) FROM mentions m JOIN entity_links l ON l.article_id = m.article_id "
        "AND l.local_id = m.entity_id WHERE l.canon_id = ?",
        (cid,),
    ).fetchone()[0]
    return CanonEntity(
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
