"""The store interface: what every backend (``store/sqlite``, ``store/postgres``) offers.

Writing is one ``batch()`` transaction: ``write`` the results, then the pipeline's derived
stages (``resolve.canon``, ``ledger``, ``stories``) read and write through the batch's indexes,
and everything commits together. Reading is the ``Store`` protocol's queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from newskb.ledger.ledger import LedgerIndex
from newskb.model import BatchReport, ErrorRecord, Extraction
from newskb.resolve.canon import CanonIndex
from newskb.stories.index import StoryIndex


class StoreBatch(Protocol):
    """One open write transaction."""

    @property
    def canon(self) -> CanonIndex: ...
    @property
    def ledger(self) -> LedgerIndex: ...
    @property
    def stories(self) -> StoryIndex: ...

    def write(
        self, results: Sequence[Extraction | ErrorRecord]
    ) -> tuple[BatchReport, list[Extraction]]:
        """Store articles with their facts, and errors; the report and the newly added."""
        ...


class BatchStore(Protocol):
    """The write side: one transaction per batch."""

    def batch(self) -> AbstractContextManager[StoreBatch]: ...
