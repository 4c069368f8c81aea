"""The Python API over a store: ``kb = newskb.open("news.db")`` (or a ``postgresql://`` URL).

Every query goes through the one store interface (``store.base.Store``), so the Python API,
the CLI, the HTTP API and the web pages give the same answers. Results are typed rows (the
store's frozen dataclasses) in a :class:`Rows` list with ``to_pandas()`` / ``to_arrow()``
(``pip install 'newskb[pandas]'``).

>>> import newskb, tempfile, os
>>> kb = newskb.open(os.path.join(tempfile.mkdtemp(), "news.db"))
>>> kb.ingest_texts([
...     'Ukraine and Russia agreed on Tuesday to a local ceasefire, officials said. '
...     '"This is a real deal," EU Commissioner Ines Vandermeer told reporters.'
... ], published="2025-04-02")
BatchReport(added=1, skipped=0, new_versions=0, errors=0)
>>> [(q.speaker, q.content) for q in kb.quotes(speaker="Vandermeer")]
[('Ines Vandermeer', 'This is a real deal')]
>>> kb.close()
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from newskb.model import (
    AgreementRecord,
    Article,
    BatchReport,
    CanonEntity,
    ErrorRecord,
    EventHit,
    Found,
    QuoteRow,
    StorySummary,
    TimelineEntry,
)
from newskb.store.base import Store

T = TypeVar("T")

__all__ = ["KnowledgeBase", "Rows", "open_kb"]


def _plain(value: Any) -> Any:
    """A dataclass field as a table cell: tuples become lists, nested records dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


class Rows(list[T], Generic[T]):
    """A list of typed rows that converts itself to a DataFrame or an Arrow table."""

    def records(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in self:
            if dataclasses.is_dataclass(row) and not isinstance(row, type):
                out.append({f.name: _plain(getattr(row, f.name)) for f in dataclasses.fields(row)})
        return out

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row per item, one column per field (needs pandas)."""
        import pandas as pd

        return pd.DataFrame.from_records(self.records())

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` of the same rows (needs pyarrow)."""
        import pyarrow as pa

        return pa.Table.from_pylist(self.records())


def _day(value: dt.date | str | None) -> dt.date | None:
    from newskb.text import as_date

    return as_date(value)


class KnowledgeBase:
    """A store opened for reading and ingesting from Python."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- writing ---------------------------------------------------------------------------
    def ingest(
        self, paths: Iterable[str], *, published: dt.date | str | None = None, workers: int = 1
    ) -> BatchReport:
        """Read, extract and store files or folders, as ``newskb ingest`` does (idempotent)."""
        from newskb.pipeline import run

        batches = run(
            list(paths), published=_day(published), workers=workers,
            keep=lambda a: not self.store.has(a.id),
        )  # fmt: skip
        return self._store(batches)

    def ingest_texts(
        self, texts: Sequence[str], *, published: dt.date | str | None = None
    ) -> BatchReport:
        """Extract and store articles given as strings (read as ``.txt`` files would be)."""
        from newskb.ingest import read_bytes
        from newskb.pipeline import prepare_process, process_batch

        day = _day(published)
        items: list[Article | ErrorRecord] = []
        for i, text in enumerate(texts):
            items.extend(
                read_bytes(text.encode("utf-8"), path=f"<text {i}>", published=day, suffix=".txt")
            )
        fresh = [a for a in items if isinstance(a, Article) and not self.store.has(a.id)]
        if fresh:
            prepare_process()
        done = iter(process_batch(fresh) if fresh else [])
        results = [i if isinstance(i, ErrorRecord) else next(done) for i in items if i in fresh
                   or isinstance(i, ErrorRecord)]  # fmt: skip
        return self._store([results])

    def _store(self, batches: Iterable[Sequence[Any]]) -> BatchReport:
        from newskb.pipeline import store_batch

        total = BatchReport()
        for batch in batches:
            r = store_batch(self.store, batch)
            total = BatchReport(
                total.added + r.added,
                total.skipped + r.skipped,
                total.new_versions + r.new_versions,
                total.errors + r.errors,
            )
        return total

    # --- reading ---------------------------------------------------------------------------
    def find(self, text: str, *, limit: int = 10) -> Found:
        """The one search box (as ``newskb search --all`` and the web's ``/search``): quotes
        by content or speaker, events, agreements and articles matching ``text``, up to
        ``limit`` of each, with how many of each match (``counts``)."""
        return self.store.find(text, limit=limit)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        since: dt.date | str | None = None,
        mode: str | None = None,
        limit: int = 100,
    ) -> Rows[QuoteRow]:
        """Quotes by speaker (any spelling, alias or surname), about a word, since a date, of
        one ``mode`` (speech | thought | intention | knowledge)."""
        return Rows(
            self.store.quotes(
                speaker=speaker, about=about, since=_day(since), mode=mode, limit=limit
            )
        )

    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: dt.date | str | None = None,
        status: str | None = None,
        limit: int = 1000,
    ) -> Rows[EventHit]:
        day = _day(since)
        return Rows(
            self.store.events(
                type=type, actor=actor, since=day.isoformat() if day else None, status=status,
                limit=limit,
            )
        )  # fmt: skip

    def entities(
        self, *, type: str | None = None, query: str | None = None, limit: int = 50
    ) -> Rows[CanonEntity]:
        return Rows(self.store.entities(etype=type, query=query, limit=limit))

    def entity(self, ref: str) -> CanonEntity:
        return self.store.entity(ref)

    def stories(self) -> Rows[StorySummary]:
        return Rows(self.store.stories())

    def timeline(
        self, *, story: str | None = None, entity: str | None = None, agreement: str | None = None
    ) -> Rows[TimelineEntry]:
        return Rows(self.store.timeline(story=story, entity=entity, agreement=agreement))

    def agreements(
        self, *, status: str | None = None, party: str | None = None
    ) -> Rows[AgreementRecord]:
        return Rows(self.store.agreements(status=status, party=party))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_kb(url: str, *, readonly: bool = False) -> KnowledgeBase:
    """Open (creating when writable) the store at a path, ``sqlite:///`` or PostgreSQL URL."""
    from newskb.store import open_store

    return KnowledgeBase(open_store(url, readonly=readonly))
