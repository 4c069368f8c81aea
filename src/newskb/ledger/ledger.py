"""The agreements ledger: commitments followed across articles (a pipeline stage of its own).

``update_ledger(ix, extractions)`` is called after a batch is stored, with the store's
``LedgerIndex`` (``newskb.store.sql.ledger.SqlLedger`` on SQLite). Each event carrying an
``Agreement`` either joins an agreement already in the ledger -- same object (fuzzy: shared
content words, same head word) and overlapping parties -- as a new history row, or starts a new
one. The current status is the one reported by the latest-dated report (ties: the later one).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from newskb.model import AgreementStatus, Entity, Event, Extraction

__all__ = [
    "MATCH_THRESHOLD",
    "LedgerEntry",
    "LedgerIndex",
    "object_key",
    "similar",
    "status_of",
    "update_ledger",
]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One agreement as the ledger keeps it."""

    id: str
    object: str
    parties: tuple[str, ...]
    party_keys: tuple[str, ...]
    first_agreed: str | None
    status: str
    status_date: str | None


@dataclass(frozen=True, slots=True)
class LedgerStep:
    """One report of an agreement (a history row)."""

    agreement_id: str
    article_id: str
    date: str | None
    status: str
    event_id: str
    trigger: tuple[int, int]
    sentence: tuple[int, int]


class LedgerIndex(Protocol):
    """What the ledger reads and writes through (a store implements it over its tables)."""

    def atomic(self) -> AbstractContextManager[object]: ...
    def entries(self) -> list[LedgerEntry]: ...
    def entry(self, agreement_id: str) -> LedgerEntry | None: ...
    def context(self, agreement_id: str) -> list[tuple[str, str | None]]:
        """(name, kb id) of the entities named in the sentences reporting an agreement."""
        ...

    def put(self, entry: LedgerEntry, object_key: str, *, new: bool) -> None:
        """Insert a new agreement (kept if the id exists) or update a known one."""
        ...

    def add_step(self, step: LedgerStep) -> None: ...


MATCH_THRESHOLD = 0.5
_STOP = frozenset(
    {"a", "an", "the", "of", "on", "in", "and", "to", "for", "with", "between", "its", "their",
     "this", "that", "new", "as", "well", "at", "by"}
)  # fmt: skip


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


def _entity_keys(e: Entity | tuple[str, str | None]) -> set[str]:
    """An entity's match keys: its kb id and the longer words of its name (spellings of one
    place, "Zaporizhzhia" / "Zaporizhzhia nuclear power plant", share one)."""
    name, kb = (e.name, e.kb_id) if isinstance(e, Entity) else e
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


def _stored_context(ix: LedgerIndex, agreement_id: str) -> set[str]:
    keys: set[str] = set()
    for r in ix.context(agreement_id):
        keys |= _entity_keys(r)
    return keys


@dataclass(frozen=True, slots=True)
class _Report:
    obj: str
    status: str
    date: str | None
    keys: list[str]
    context: set[str]


def _match(ix: LedgerIndex, rep: _Report) -> LedgerEntry | None:
    """The agreement a report is about: a close object and overlapping parties, or the same
    kind of agreement with shared parties or entities (for a status change: not reported
    before the agreement was made)."""
    best: tuple[tuple[float, int], LedgerEntry] | None = None
    for row in ix.entries():
        if not _compatible(rep.obj, row.object):
            continue
        score = similar(rep.obj, row.object)
        row_keys = row.party_keys
        if score >= MATCH_THRESHOLD and _parties_agree(rep.keys, row_keys):
            rank = (score, 1)
        else:
            first = row.first_agreed
            if rep.status != "agreed" and rep.date and first and rep.date < first:
                continue
            words_a, words_b = set(_words(rep.obj)), set(_words(row.object))
            related = (
                score > 0 or rep.status != "agreed" or words_a <= words_b or words_b <= words_a
            )
            if not related:
                continue
            shared = set(rep.keys) & set(row_keys)
            stored = _stored_context(ix, row.id) if rep.context else set()
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
    ix: LedgerIndex,
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
    row = ix.entry(linked) if linked is not None else None
    if row is None:
        row = _match(ix, rep)
    if row is None:
        agreement_id = _new_id(x.article.id, ev.id)
        first = date if ag.status == "agreed" else None
        entry = LedgerEntry(
            agreement_id, ag.object, tuple(names), tuple(keys), first, ag.status, date
        )
        ix.put(entry, object_key(ag.object), new=True)
    else:
        agreement_id = row.id
        all_keys = list(row.party_keys)
        all_names = list(row.parties)
        for n, k in zip(names, keys, strict=True):
            if k not in all_keys:
                all_keys.append(k)
                all_names.append(n)
        first = row.first_agreed
        if ag.status == "agreed" and date and (first is None or date < first):
            first = date
        status, status_date = row.status, row.status_date
        if _moves(ag.status, date, status, status_date):
            status, status_date = ag.status, date
        obj = row.object
        if ag.status == "agreed" and len(set(_words(ag.object))) > len(set(_words(obj))):
            obj = ag.object  # keep the most specific wording of the agreement itself
        entry = dataclasses.replace(
            row, object=obj, parties=tuple(all_names), party_keys=tuple(all_keys),
            first_agreed=first, status=status, status_date=status_date,
        )  # fmt: skip
        ix.put(entry, object_key(obj), new=False)
    ix.add_step(
        LedgerStep(agreement_id, x.article.id, date, ag.status, ev.id,
                   (ev.trigger.start, ev.trigger.end), (ev.sentence.start, ev.sentence.end))
    )  # fmt: skip
    return agreement_id


def _in_title(x: Extraction, ev: Event) -> bool:
    title = x.article.title
    return bool(title) and ev.sentence.start == 0 and "\n" in x.article.text[: ev.sentence.end + 1]


def _record_article(ix: LedgerIndex, x: Extraction) -> int:
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
        got = _record(ix, x, ev, ents, linked=seen.get(ev.agreement.object.lower()))
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
        _record(ix, x, ev, ents, linked=lead)
    return len(reported)


def update_ledger(ix: LedgerIndex, extractions: Iterable[Extraction]) -> int:
    """Add the agreements reported in ``extractions``; return how many reports were recorded.

    Atomic (the index's savepoint) whether or not the caller holds a transaction.
    Re-running on the same extractions changes nothing (history rows are keyed).
    """
    n = 0
    with ix.atomic():
        for x in sorted(extractions, key=_published):  # status moves forward by date
            n += _record_article(ix, x)
    return n


def _published(x: Extraction) -> str:
    return x.article.published.isoformat() if x.article.published else ""


_STATUSES: tuple[AgreementStatus, ...] = ("agreed", "in force", "violated", "abandoned")


def status_of(value: str) -> AgreementStatus:
    """A stored status as the model's literal ("agreed" for anything unknown)."""
    for s in _STATUSES:
        if s == value:
            return s
    return "agreed"
