"""The agreements ledger: commitments followed across articles (schema ``0004_agreements``).

``update_ledger(conn, extractions)`` is called after a batch is stored. Each event carrying an
``Agreement`` either joins an agreement already in the ledger -- same object (fuzzy: shared
content words, same head word) and overlapping parties -- as a new history row, or starts a new
one. The current status is the one reported by the latest-dated report (ties: the later one).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence

from newskb.model import (
    AgreementRecord,
    AgreementStatus,
    AgreementStep,
    Entity,
    Event,
    EventHit,
    Extraction,
)
from newskb.store.read import agreement_object, entity_names

__all__ = [
    "MATCH_THRESHOLD",
    "agreements",
    "find_events",
    "get",
    "object_key",
    "similar",
    "update_ledger",
]

MATCH_THRESHOLD = 0.5
_STOP = frozenset(
    {"a", "an", "the", "of", "on", "in", "and", "to", "for", "with", "between", "its", "their",
     "this", "that", "new", "as", "well", "at", "by"}
)  # fmt: skip
_STATUSES: tuple[AgreementStatus, ...] = ("agreed", "in force", "violated", "abandoned")


def _words(text: str) -> list[str]:
    words = [w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower()) if w not in _STOP]
    return [w.replace("-", "") for w in words]


def object_key(text: str) -> str:
    return " ".join(sorted(set(_words(text))))


_PREPS = re.compile(r"\s(?:in|on|of|for|between|with|over|along)\s", re.IGNORECASE)


def _head(text: str) -> str:
    """The head word of an object phrase: its last content word before any preposition."""
    words = _words(_PREPS.split(text, maxsplit=1)[0]) or _words(text)
    return words[-1] if words else ""


def similar(a: str, b: str) -> float:
    """Object similarity: Jaccard of content words, 0 unless the head words agree."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    heads = {_head(a), _head(b)}
    synonyms = {"ceasefire", "truce", "armistice"}
    if len(heads) > 1 and not heads <= synonyms:
        return 0.0
    sa, sb = set(wa) - synonyms, set(wb) - synonyms
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _party_keys(ids: Sequence[str], entities: dict[str, Entity]) -> tuple[list[str], list[str]]:
    names: list[str] = []
    keys: list[str] = []
    for i in ids:
        e = entities.get(i)
        if e is None:
            continue
        key = e.kb_id or e.name.lower()
        if key not in keys:
            keys.append(key)
            names.append(e.name)
    return names, keys


def _parties_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _new_id(article_id: str, event_id: str) -> str:
    return "A" + hashlib.sha256(f"{article_id}/{event_id}".encode()).hexdigest()[:10]


def _match(conn: sqlite3.Connection, obj: str, keys: list[str]) -> sqlite3.Row | None:
    best: tuple[float, sqlite3.Row] | None = None
    words = set(_words(obj))
    for row in conn.execute("SELECT * FROM agreements"):
        if not words & set(row["object_key"].split()):
            continue
        score = similar(obj, row["object"])
        if score < MATCH_THRESHOLD or not _parties_agree(keys, json.loads(row["party_keys"])):
            continue
        if best is None or score > best[0]:
            best = (score, row)
    return best[1] if best else None


def _later(date: str | None, than: str | None) -> bool:
    return than is None or (date is not None and date >= than)


def _record(conn: sqlite3.Connection, x: Extraction, ev: Event, ents: dict[str, Entity]) -> None:
    ag = ev.agreement
    if ag is None:
        return
    names, keys = _party_keys(ag.parties, ents)
    date = ag.date or (x.article.published.isoformat() if x.article.published else None)
    row = _match(conn, ag.object, keys)
    if row is None:
        agreement_id = _new_id(x.article.id, ev.id)
        conn.execute(
            "INSERT OR IGNORE INTO agreements VALUES (?,?,?,?,?,?,?,?)",
            (agreement_id, ag.object, object_key(ag.object), json.dumps(names),
             json.dumps(keys), date if ag.status == "agreed" else None, ag.status, date),
        )  # fmt: skip
    else:
        agreement_id = row["id"]
        all_keys = json.loads(row["party_keys"])
        all_names = json.loads(row["parties"])
        for n, k in zip(names, keys, strict=True):
            if k not in all_keys:
                all_keys.append(k)
                all_names.append(n)
        first = row["first_agreed"]
        if ag.status == "agreed" and date and (first is None or date < first):
            first = date
        status, status_date = row["status"], row["status_date"]
        if _later(date, status_date):
            status, status_date = ag.status, date
        obj = row["object"]
        if len(set(_words(ag.object))) > len(set(_words(obj))):
            obj = ag.object  # keep the most specific wording
        conn.execute(
            "UPDATE agreements SET object=?, object_key=?, parties=?, party_keys=?, "
            "first_agreed=?, status=?, status_date=? WHERE id=?",
            (obj, object_key(obj), json.dumps(all_names), json.dumps(all_keys), first, status,
             status_date, agreement_id),
        )  # fmt: skip
    conn.execute(
        "INSERT OR IGNORE INTO agreement_history VALUES (?,?,?,?,?,?,?,?,?)",
        (agreement_id, x.article.id, date, ag.status, ev.id, ev.trigger.start, ev.trigger.end,
         ev.sentence.start, ev.sentence.end),
    )  # fmt: skip


def update_ledger(conn: sqlite3.Connection, extractions: Iterable[Extraction]) -> int:
    """Add the agreements reported in ``extractions``; return how many reports were recorded.

    Runs in a savepoint, so it is atomic whether or not the caller holds a transaction.
    Re-running on the same extractions changes nothing (history rows are keyed).
    """
    n = 0
    conn.execute("SAVEPOINT newskb_ledger")
    try:
        for x in extractions:
            ents = {e.id: e for e in x.entities}
            for ev in x.events:
                if ev.agreement is not None:
                    _record(conn, x, ev, ents)
                    n += 1
        conn.execute("RELEASE newskb_ledger")
    except BaseException:
        conn.execute("ROLLBACK TO newskb_ledger")
        conn.execute("RELEASE newskb_ledger")
        raise
    return n


def _history(conn: sqlite3.Connection, agreement_id: str) -> tuple[AgreementStep, ...]:
    rows = conn.execute(
        "SELECT h.*, a.title FROM agreement_history h LEFT JOIN articles a ON a.id = h.article_id "
        "WHERE h.agreement_id = ? ORDER BY h.date, h.article_id, h.trigger_start",
        (agreement_id,),
    )
    return tuple(
        AgreementStep(
            article_id=r["article_id"],
            date=r["date"],
            status=_status(r["status"]),
            event_id=r["event_id"],
            trigger_start=r["trigger_start"],
            trigger_end=r["trigger_end"],
            sentence_start=r["sentence_start"],
            sentence_end=r["sentence_end"],
            title=r["title"],
        )
        for r in rows
    )


def _status(value: str) -> AgreementStatus:
    for s in _STATUSES:
        if s == value:
            return s
    return "agreed"


def _to_record(conn: sqlite3.Connection, row: sqlite3.Row) -> AgreementRecord:
    return AgreementRecord(
        id=row["id"],
        object=row["object"],
        parties=tuple(json.loads(row["parties"])),
        first_agreed=row["first_agreed"],
        status=_status(row["status"]),
        history=_history(conn, row["id"]),
    )


def agreements(
    conn: sqlite3.Connection, *, status: str | None = None, party: str | None = None
) -> list[AgreementRecord]:
    """Every agreement in the ledger (optionally of one status / naming a party), newest first."""
    sql = "SELECT * FROM agreements"
    args: list[str] = []
    if status:
        sql += " WHERE status = ?"
        args.append(status)
    sql += " ORDER BY COALESCE(status_date, first_agreed) DESC, id"
    out = [_to_record(conn, r) for r in conn.execute(sql, args).fetchall()]
    if party:
        low = party.lower()
        out = [a for a in out if any(low in p.lower() for p in a.parties)]
    return out


def get(conn: sqlite3.Connection, agreement_id: str) -> AgreementRecord | None:
    row = conn.execute("SELECT * FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
    return _to_record(conn, row) if row is not None else None


def find_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    status: str | None = None,
    limit: int = 1000,
) -> list[EventHit]:
    """Events from the store (current article versions), oldest first.

    ``actor`` matches any actor or recipient name (case-insensitive substring) or kb id.
    """
    sql = (
        "SELECT e.*, a.published, a.text FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE a.current = 1"
    )
    args: list[object] = []
    if type:
        sql += " AND e.type = ?"
        args.append(type.upper())
    if status:
        sql += " AND e.status = ?"
        args.append(status)
    if since:
        sql += " AND a.published >= ?"
        args.append(since)
    sql += " ORDER BY a.published, e.article_id, e.trigger_start"
    out: list[EventHit] = []
    low = actor.lower() if actor else None
    for r in conn.execute(sql, args):
        acts = entity_names(conn, r["article_id"], json.loads(r["actors"]))
        recs = entity_names(conn, r["article_id"], json.loads(r["recipients"]))
        if low and not any(low in n.lower() or low == k.lower() for n, k in acts + recs):
            continue
        loc = entity_names(conn, r["article_id"], [r["location"]])[0][0] if r["location"] else None
        out.append(
            EventHit(
                article_id=r["article_id"],
                event_id=r["local_id"],
                published=r["published"],
                type=r["type"],
                mode=r["mode"],
                status=r["status"],
                actors=tuple(n for n, _ in acts),
                actor_ids=tuple(k for _, k in acts),
                recipients=tuple(n for n, _ in recs),
                recipient_ids=tuple(k for _, k in recs),
                location=loc,
                time=r["time"],
                trigger=r["trigger_text"],
                sentence=r["text"][r["sentence_start"] : r["sentence_end"]],
                agreement=agreement_object(r["agreement"]),
            )
        )
        if len(out) >= limit:
            break
    return out
