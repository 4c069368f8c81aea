"""Write endpoints: only with a write token, sent as ``Authorization: Bearer <token>``."""

from __future__ import annotations

import importlib
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
from newskb.errors import NotAvailable, TooLarge
from newskb.model import Article, ErrorRecord

_WRITE_LOCK = threading.Lock()  # one writer at a time per process
MAX_POST_CHARS = 100_000
"""Text extracted inside one request at most (a few seconds); larger: ``newskb ingest``."""
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 413, 501)
}


def _resolve_hook(name: str) -> Callable[..., str]:
    """The entity canon's write function ``name`` (from ``newskb.resolve``), if installed."""
    try:
        module = importlib.import_module("newskb.resolve")
    except ImportError as exc:  # pragma: no cover - the package ships it
        raise NotAvailable("entity merge/alias needs newskb.resolve") from exc
    fn = getattr(module, name, None)
    if not callable(fn):
        raise NotAvailable(
            f"entity {name.replace('_', ' ')} is not available in this version "
            "(needs the entity canon: newskb.resolve." + name + ")"
        )
    return fn  # type: ignore[no-any-return]


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
        from newskb.store import SqliteStore

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
        with _WRITE_LOCK, SqliteStore(db) as store:
            report = store_batch(store, results)
        failed = [i for i in results if isinstance(i, ErrorRecord)]
        return IngestResult(
            id=arts[0].id if arts and not failed else None,
            added=report.added,
            skipped=report.skipped,
            errors=[ErrorInfo(code=e.code, message=e.message) for e in failed],
        )

    @r.post("/entities/{key:path}/aliases", response_model=WriteResult)
    def add_alias(key: str, body: AliasRequest) -> WriteResult:
        """Add an alias to an entity (needs the entity canon)."""
        fn = _resolve_hook("add_alias")
        with _WRITE_LOCK:
            detail = fn(db, key, body.alias)
        return WriteResult(ok=True, detail=str(detail))

    @r.post("/entities/merge", response_model=WriteResult)
    def merge(body: MergeRequest) -> WriteResult:
        """Merge entities into one (needs the entity canon)."""
        fn = _resolve_hook("merge_entities")
        with _WRITE_LOCK:
            detail = fn(db, body.into, list(body.merge))
        return WriteResult(ok=True, detail=str(detail))

    return r
