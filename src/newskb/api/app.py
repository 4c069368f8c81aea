"""The FastAPI application: JSON API under ``/api``, web pages at ``/``, assets at ``/static``.

Read-only by default: the store is opened with read-only connections, and the write endpoints
answer NKB403 unless the app was created with a write token.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newskb.api.db import ReadPool
from newskb.api.guard import Guard, as_newskb, json_error, status_of
from newskb.api.routes import api_router
from newskb.api.writes import write_router
from newskb.errors import NewskbError
from newskb.web.apidocs import docs_router
from newskb.web.pages import page_router, templates

API_PREFIXES = ("/api", "/openapi.json", "/static", "/favicon.ico")


def create_app(db: str, write_token: str | None = None) -> FastAPI:
    """The newskb web app over the store file ``db``; writes need ``write_token``."""
    pool = ReadPool(db)
    tpl = templates()
    app = FastAPI(
        title="newskb",
        summary="Who said what, who did what to whom, when: a news knowledge base.",
        version="1",
        docs_url=None,  # the stock docs pages load assets from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.pool = pool
    app.state.writable = write_token is not None

    def error_response(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith(API_PREFIXES):
            return json_error(exc)
        err = as_newskb(exc)
        return tpl.TemplateResponse(
            request,
            "error.html",
            {"code": err.code, "message": err.message},
            status_code=status_of(err),
        )

    async def on_error(request: Request, exc: Exception) -> Response:
        return error_response(request, exc)

    for kind in (NewskbError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, on_error)

    @app.get("/api/health", tags=["meta"], response_class=JSONResponse)
    def health() -> dict[str, object]:
        """Whether the store reads (a coded 503 if not) and whether writes are enabled."""
        pool.check()
        return {"ok": True, "writable": write_token is not None}

    app.include_router(api_router(pool))
    app.include_router(write_router(db, write_token))
    app.include_router(page_router(pool, tpl))
    app.include_router(docs_router(app))
    static = str(resources.files("newskb.web") / "static")
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.add_middleware(Guard)
    return app


def app_from_env() -> FastAPI:
    """Factory for multi-process serving: the store and token come from the environment
    (``NEWSKB_DB``, ``NEWSKB_WRITE_TOKEN``), set by ``newskb serve --workers N``."""
    import os

    return create_app(os.environ["NEWSKB_DB"], os.environ.get("NEWSKB_WRITE_TOKEN") or None)
