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
from dataclasses import dataclass

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


_SYNONYMS = (
    frozenset({"ceasefire", "truce", "armistice"}),
    frozenset({"agreement", "accord", "deal", "pact", "treaty", "arrangement"}),
)
_RANK = {"agreed": 0, "in force": 1, "violated": 2, "abandoned": 2}


def _same_kind(heads: set[str]) -> bool:
    """One head word, or two words for the same kind of agreement (truce / ceasefire)."""
    return len(heads) == 1 or any(heads <= group for group in _SYNONYMS)


def _compatible(a: str, b: str) -> bool:
    return _same_kind({_head(a), _head(b)})


def similar(a: str, b: str) -> float:
    """Object similarity: Jaccard of content words, 0 unless the head words agree."""
    wa, wb = _words(a), _words(b)
    heads = {_head(a), _head(b)}
    if not wa or not wb or not _same_kind(heads):
        return 0.0
    sa, sb = set(wa) - heads, set(wb) - heads
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _entity_keys(e: Entity | sqlite3.Row) -> set[str]:
    """An entity's match keys: its kb id and the longer words of its name (spellings of one
    place, "Zaporizhzhia" / "Zaporizhzhia nuclear power plant", share one)."""
    kb, name = (e.kb_id, e.name) if isinstance(e, Entity) else (e["kb_id"], e["name"])
    keys = {w[:7] for w in _words(name) if len(w) >= 5}  # a transliteration differs late
    return keys | {kb} if kb else keys


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


def _context(x: Extraction, ev: Event) -> set[str]:
    """Keys of the entities named in the report's sentence (parties, places, the plant)."""
    lo, hi = ev.sentence.start, ev.sentence.end
    keys: set[str] = set()
    for e in x.entities:
        if any(lo <= m.start and m.end <= hi for m in e.mentions):
            keys |= _entity_keys(e)
    return keys


def _stored_context(conn: sqlite3.Connection, agreement_id: str) -> set[str]:
    rows = conn.execute(
        "SELECT DISTINCT e.name, e.kb_id FROM agreement_history h "
        "JOIN mentions m ON m.article_id = h.article_id AND m.start >= h.sentence_start "
        'AND m."end" <= h.sentence_end '
        "JOIN entities e ON e.article_id = m.article_id AND e.local_id = m.entity_id "
        "WHERE h.agreement_id = ?",
        (agreement_id,),
    )
    keys: set[str] = set()
    for r in rows:
        keys |= _entity_keys(r)
    return keys


@dataclass(frozen=True, slots=True)
class _Report:
    obj: str
    status: str
    date: str | None
    keys: list[str]
    context: set[str]


def _match(conn: sqlite3.Connection, rep: _Report) -> sqlite3.Row | None:
    """The agreement a report is about: a close object and overlapping parties, or the same
    kind of agreement with shared parties or entities (for a status change: not reported
    before the agreement was made)."""
    best: tuple[tuple[float, int], sqlite3.Row] | None = None
    for row in conn.execute("SELECT * FROM agreements"):
        if not _compatible(rep.obj, row["object"]):
            continue
        score = similar(rep.obj, row["object"])
        row_keys = json.loads(row["party_keys"])
        if score >= MATCH_THRESHOLD and _parties_agree(rep.keys, row_keys):
            rank = (score, 1)
        else:
            first = row["first_agreed"]
            if rep.status != "agreed" and rep.date and first and rep.date < first:
                continue
            words_a, words_b = set(_words(rep.obj)), set(_words(row["object"]))
            related = (
                score > 0 or rep.status != "agreed" or words_a <= words_b or words_b <= words_a
            )
            if not related:
                continue
            shared = set(rep.keys) & set(row_keys)
            stored = _stored_context(conn, row["id"]) if rep.context else set()
            shared_ctx = rep.context & (stored | set(row_keys))
            if not (shared or shared_ctx):
                continue
            rank = (score, len(shared) + len(shared_ctx))
        if best is None or rank > best[0]:
            best = (rank, row)
    return best[1] if best else None


def _moves(new: str, new_date: str | None, old: str, old_date: str | None) -> bool:
    """Status only moves forward: a later report sets it, a restated agreement never undoes a
    change, and on one day the further status wins."""
    if new == "agreed" and old != "agreed":
        return False
    if old_date is None:
        return True
    if new_date is None:
        return False
    if new_date != old_date:
        return new_date > old_date
    return _RANK.get(new, 0) >= _RANK.get(old, 0)


def _record(
    conn: sqlite3.Connection,
    x: Extraction,
    ev: Event,
    ents: dict[str, Entity],
    linked: str | None = None,
) -> str | None:
    ag = ev.agreement
    if ag is None:
        return None
    names, keys = _party_keys(ag.parties, ents)
    date = ag.date or (x.article.published.isoformat() if x.article.published else None)
    rep = _Report(ag.object, ag.status, date, keys, _context(x, ev))
    row = None
    if linked is not None:
        row = conn.execute("SELECT * FROM agreements WHERE id = ?", (linked,)).fetchone()
    if row is None:
        row = _match(conn, rep)
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
        if _moves(ag.status, date, status, status_date):
            status, status_date = ag.status, date
        obj = row["object"]
        if ag.status == "agreed" and len(set(_words(ag.object))) > len(set(_words(obj))):
            obj = ag.object  # keep the most specific wording of the agreement itself
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
    return agreement_id


def _in_title(x: Extraction, ev: Event) -> bool:
    title = x.article.title
    return bool(title) and ev.sentence.start == 0 and "\n" in x.article.text[: ev.sentence.end + 1]


def _record_article(conn: sqlite3.Connection, x: Extraction) -> int:
    """One article's reports. A headline agreement is the article's lead agreement: when it
    matches nothing already known it joins the first body agreement of overlapping parties."""
    ents = {e.id: e for e in x.entities}
    reported = [ev for ev in x.events if ev.agreement is not None]
    titles = [ev for ev in reported if ev.agreement and ev.agreement.status == "agreed"
              and _in_title(x, ev)]  # fmt: skip
    body: list[tuple[Event, str]] = []
    seen: dict[str, str] = {}  # one object twice in an article ("the accord" resolved) is one
    for ev in reported:
        if ev in titles or ev.agreement is None:
            continue
        got = _record(conn, x, ev, ents, linked=seen.get(ev.agreement.object.lower()))
        if got is not None:
            body.append((ev, got))
            seen.setdefault(ev.agreement.object.lower(), got)
    for ev in titles:  # "Ukraine and Russia agree to a local truce" then the body's details
        parties = set(ev.agreement.parties) if ev.agreement else set()
        lead = next(
            (aid for b, aid in body if b.agreement and b.agreement.status == "agreed"
             and parties & set(b.agreement.parties)),
            None,
        )  # fmt: skip
        _record(conn, x, ev, ents, linked=lead)
    return len(reported)


def update_ledger(conn: sqlite3.Connection, extractions: Iterable[Extraction]) -> int:
    """Add the agreements reported in ``extractions``; return how many reports were recorded.

    Runs in a savepoint, so it is atomic whether or not the caller holds a transaction.
    Re-running on the same extractions changes nothing (history rows are keyed).
    """
    n = 0
    conn.execute("SAVEPOINT newskb_ledger")
    try:
        for x in sorted(extractions, key=_published):  # status moves forward by date
            n += _record_article(conn, x)
        conn.execute("RELEASE newskb_ledger")
    except BaseException:
        conn.execute("ROLLBACK TO newskb_ledger")
        conn.execute("RELEASE newskb_ledger")
        raise
    return n


def _published(x: Extraction) -> str:
    return x.article.published.isoformat() if x.article.published else ""


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
