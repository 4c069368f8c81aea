"""The agreements ledger's tables (SQLite migration 0004, PostgreSQL version 3): ``SqlLedger``
is the ``LedgerIndex`` the ledger stage (``newskb.ledger``) writes through, plus the ledger and
event read queries (``agreements``, ``get``, ``find_events``)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from newskb.ledger.ledger import LedgerEntry, LedgerStep, status_of
from newskb.model import AgreementRecord, AgreementStep, EventHit
from newskb.store.read import agreement_object
from newskb.store.sql import Db

_COLS = "id, object, parties, party_keys, first_agreed, status, status_date"


def _entry(r: Sequence[Any]) -> LedgerEntry:
    return LedgerEntry(
        id=r[0],
        object=r[1],
        parties=tuple(json.loads(r[2])),
        party_keys=tuple(json.loads(r[3])),
        first_agreed=r[4],
        status=r[5],
        status_date=r[6],
    )


class SqlLedger:
    """The ledger index over one connection (``newskb.ledger.ledger.LedgerIndex``)."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def atomic(self) -> AbstractContextManager[object]:
        return self.db.atomic("newskb_ledger")

    def entries(self) -> list[LedgerEntry]:
        return [_entry(r) for r in self.db.rows(f"SELECT {_COLS} FROM agreements ORDER BY id")]

    def entry(self, agreement_id: str) -> LedgerEntry | None:
        row = self.db.one(f"SELECT {_COLS} FROM agreements WHERE id = ?", (agreement_id,))
        return None if row is None else _entry(row)

    def context(self, agreement_id: str) -> list[tuple[str, str | None]]:
        rows = self.db.rows(
            "SELECT DISTINCT e.name, e.kb_id FROM agreement_history h "
            "JOIN mentions m ON m.article_id = h.article_id AND m.start >= h.sentence_start "
            'AND m.start < h.sentence_end AND m."end" <= h.sentence_end '
            "JOIN entities e ON e.article_id = m.article_id AND e.local_id = m.entity_id "
            "WHERE h.agreement_id = ?",
            (agreement_id,),
        )
        return [(str(n), k) for n, k in rows]

    def put(self, entry: LedgerEntry, object_key: str, *, new: bool) -> None:
        e = entry
        values = (e.object, object_key, json.dumps(list(e.parties)), json.dumps(list(e.party_keys)),
                  e.first_agreed, e.status, e.status_date)  # fmt: skip
        if new:
            self.db.run(
                "INSERT INTO agreements VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                (e.id, *values),
            )
            return
        self.db.run(
            "UPDATE agreements SET object=?, object_key=?, parties=?, party_keys=?, "
            "first_agreed=?, status=?, status_date=? WHERE id=?",
            (*values, e.id),
        )

    def add_step(self, step: LedgerStep) -> None:
        s = step
        self.db.run(
            "INSERT INTO agreement_history VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (s.agreement_id, s.article_id, s.date, s.status, s.event_id, *s.trigger, *s.sentence),
        )


def _history(db: Db, agreement_id: str) -> tuple[AgreementStep, ...]:
    rows = db.rows(
        "SELECT h.article_id, h.date, h.status, h.event_id, h.trigger_start, h.trigger_end, "
        "h.sentence_start, h.sentence_end, a.title FROM agreement_history h "
        "LEFT JOIN articles a ON a.id = h.article_id WHERE h.agreement_id = ? "
        "ORDER BY COALESCE(h.date, ''), h.article_id, h.trigger_start",
        (agreement_id,),
    )
    return tuple(
        AgreementStep(
            article_id=r[0],
            date=r[1],
            status=status_of(r[2]),
            event_id=r[3],
            trigger_start=r[4],
            trigger_end=r[5],
            sentence_start=r[6],
            sentence_end=r[7],
            title=r[8],
        )
        for r in rows
    )


def _to_record(db: Db, e: LedgerEntry) -> AgreementRecord:
    return AgreementRecord(
        id=e.id,
        object=e.object,
        parties=e.parties,
        first_agreed=e.first_agreed,
        status=status_of(e.status),
        history=_history(db, e.id),
    )


def agreements(
    db: Db, *, status: str | None = None, party: str | None = None
) -> list[AgreementRecord]:
    """Every agreement in the ledger (optionally of one status / naming a party), newest first."""
    sql = f"SELECT {_COLS} FROM agreements"
    args: list[str] = []
    if status:
        sql += " WHERE status = ?"
        args.append(status)
    sql += " ORDER BY COALESCE(status_date, first_agreed, '') DESC, id"
    out = [_to_record(db, _entry(r)) for r in db.rows(sql, args)]
    if party:
        low = party.lower()
        out = [a for a in out if any(low in p.lower() for p in a.parties)]
    return out


def get(db: Db, agreement_id: str) -> AgreementRecord | None:
    e = SqlLedger(db).entry(agreement_id)
    return _to_record(db, e) if e is not None else None


def _names(db: Db, article_id: str) -> dict[str, tuple[str, str]]:
    rows = db.rows("SELECT local_id, name, kb_id FROM entities WHERE article_id = ?", (article_id,))
    return {str(r[0]): (str(r[1]), r[2] or "") for r in rows}


def find_events(
    db: Db,
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
        "SELECT e.article_id, e.local_id, a.published, e.type, e.mode, e.status, e.actors, "
        "e.recipients, e.location, e.time, e.trigger_text, e.sentence_start, e.sentence_end, "
        "e.agreement, a.text FROM events e JOIN articles a ON a.id = e.article_id "
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
    sql += (
        " ORDER BY a.published NULLS FIRST, e.article_id, e.trigger_start, e.local_id"
        " LIMIT ? OFFSET ?"
    )
    out: list[EventHit] = []
    low = actor.lower() if actor else None
    for r in _paged(db, sql, args, PAGE if low else limit):
        known = _names(db, str(r[0]))
        acts = [known.get(i, (i, "")) for i in json.loads(r[6])]
        recs = [known.get(i, (i, "")) for i in json.loads(r[7])]
        if low and not any(low in n.lower() or low == k.lower() for n, k in acts + recs):
            continue
        loc = known.get(r[8], (r[8], ""))[0] if r[8] else None
        aid = str(r[0])
        out.append(
            EventHit(
                article_id=aid,
                event_id=r[1],
                published=r[2],
                type=r[3],
                mode=r[4],
                status=r[5],
                actors=tuple(n for n, _ in acts),
                actor_ids=tuple(k for _, k in acts),
                recipients=tuple(n for n, _ in recs),
                recipient_ids=tuple(k for _, k in recs),
                location=loc,
                time=r[9],
                trigger=r[10],
                sentence=r[14][r[11] : r[12]],
                agreement=agreement_object(r[13]),
            )
        )
        if len(out) >= limit:
            break
    return out


PAGE = 500  # event rows read at a time while an actor filter drops some


def _paged(db: Db, sql: str, args: list[object], size: int) -> Iterator[Sequence[Any]]:
    """Rows of ``sql`` (ending ``LIMIT ? OFFSET ?``), ``size`` at a time, until exhausted."""
    offset = 0
    while True:
        rows = db.rows(sql, [*args, size, offset])
        yield from rows
        if len(rows) < size:
            return
        offset += size
