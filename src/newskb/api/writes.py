"""Write endpoints: only with a write token, sent as ``Authorization: Bearer <token>``."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request

from newskb.api.guard import check_token
from newskb.api.schemas import (
    AliasRequest,
    ErrorBody,
    ErrorInfo,
    IngestResult,
    MergeRequest,
    NewArticle,
    WriteResult,
)
from newskb.errors import TooLarge
from newskb.model import Article, ErrorRecord
from newskb.resolve import canon
from newskb.resolve.canon import CanonIndex

_WRITE_LOCK = threading.Lock()  # one writer at a time per process
MAX_POST_CHARS = 100_000
"""Text extracted inside one request at most (a few seconds); larger: ``newskb ingest``."""
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 413, 501)
}


def canon_edit(db: str, edit: Callable[[CanonIndex], str]) -> str:
    """Run one entity-canon edit (``newskb.resolve.canon``) in one store transaction, with
    articles stored before the canon existed resolved first; returns the edit's entity id."""
    from newskb.resolve.canon import sync
    from newskb.store import open_store

    with _WRITE_LOCK, open_store(db) as store, store.batch() as tx:
        sync(tx.canon)
        return edit(tx.canon)


def write_router(db: str, token: str | None) -> APIRouter:
    def authorised(request: Request) -> None:
        check_token(request, token)

    r = APIRouter(
        prefix="/api", responses=ERRORS, tags=["writes"], dependencies=[Depends(authorised)]
    )

    @r.post("/articles", response_model=IngestResult, status_code=201)
    def post_article(body: NewArticle) -> IngestResult:
        """Ingest one posted article through the extraction pipeline into the store."""
        from newskb.ingest import read_bytes
        from newskb.pipeline import process_batch, store_batch
        from newskb.store import open_store

        if len(body.text) > MAX_POST_CHARS:
            raise TooLarge(
                f"text has {len(body.text):,} characters; POST /api/articles extracts at most "
                f"{MAX_POST_CHARS:,} in one request: ingest larger articles with `newskb ingest`"
            )
        line = json.dumps(body.model_dump(exclude_none=True), ensure_ascii=False)
        items = list(read_bytes(line.encode(), path=body.url or "api/post", suffix=".jsonl"))
        errs = [i for i in items if isinstance(i, ErrorRecord)]
        arts = [i for i in items if isinstance(i, Article)]
        results = [*errs, *(process_batch(arts) if arts else [])]
        with _WRITE_LOCK, open_store(db) as store:
            report = store_batch(store, results)
        failed = [i for i in results if isinstance(i, ErrorRecord)]
        return IngestResult(
            id=arts[0].id if arts and not failed else None,
            added=report.added,
            skipped=report.skipped,
            errors=[ErrorInfo(code=e.code, message=e.message) for e in failed],
        )

    @r.post("/entities/merge", response_model=WriteResult)
    def merge(body: MergeRequest) -> WriteResult:
        """Merge entities (ids or any spelling) into ``into``; the kept entity's id."""

        def edit(ix: CanonIndex) -> str:
            kept = canon.find(ix, body.into)
            for other in body.merge:
                kept = canon.merge(ix, kept, other)
            return kept

        return WriteResult(ok=True, detail=canon_edit(db, edit))

    @r.post("/entities/{key:path}/aliases", response_model=WriteResult)
    def add_alias(key: str, body: AliasRequest) -> WriteResult:
        """Record one more name of an entity (id or any spelling); the entity's id."""
        detail = canon_edit(db, lambda ix: canon.add_alias(ix, key, body.alias))
        return WriteResult(ok=True, detail=detail)

    @r.post("/entities/{key:path}/split", response_model=WriteResult)
    def split(key: str, body: AliasRequest) -> WriteResult:
        """Move the articles that call the entity ``alias`` to a new entity; the new id."""
        detail = canon_edit(db, lambda ix: canon.split(ix, key, body.alias))
        return WriteResult(ok=True, detail=detail)

    return r
