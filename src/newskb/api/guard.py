"""Error bodies, request size limit, security headers and the bearer-token check."""

from __future__ import annotations

import hmac
import json
import time
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newskb.errors import (
    NewskbError,
    NoRoute,
    NotAllowed,
    NotAvailable,
    NotFound,
    ReadOnly,
    StoreBusy,
    StoreError,
    TooLarge,
    Unauthorized,
    UsageError,
)

MAX_BODY = 2 * 1024 * 1024
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def status_of(exc: NewskbError) -> int:
    table: list[tuple[type[NewskbError], int]] = [
        (NotFound, 404),
        (NoRoute, 404),
        (Unauthorized, 401),
        (ReadOnly, 403),
        (NotAllowed, 405),
        (TooLarge, 413),
        (NotAvailable, 501),
        (StoreBusy, 503),
        (StoreError, 503),
        (UsageError, 400),
    ]
    for cls, status in table:
        if isinstance(exc, cls):
            return status
    return 500


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def as_newskb(exc: Exception) -> NewskbError:
    """Any exception the app lets through, as a coded newskb error."""
    if isinstance(exc, NewskbError):
        return exc
    if isinstance(exc, RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "body"))
            parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        from newskb.errors import BadRequest

        return BadRequest("; ".join(parts) or "invalid request")
    if isinstance(exc, StarletteHTTPException):
        if exc.status_code == 404:
            return NoRoute("no such page or endpoint")
        if exc.status_code == 405:
            return NotAllowed("method not allowed here")
        return UsageError(str(exc.detail))
    if isinstance(exc, OverflowError):
        from newskb.errors import BadRequest

        return BadRequest("a number in the request is too large")
    from newskb.store.opening import named_failure

    found = named_failure(exc)
    if found is not None:
        return found
    return NewskbError("internal error")


def json_error(exc: Exception) -> JSONResponse:
    err = as_newskb(exc)
    status = status_of(err)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(err, Unauthorized) else None
    return JSONResponse(error_body(err.code, err.message), status_code=status, headers=headers)


def check_token(request: Request, expected: str | None) -> None:
    """Raise unless the request carries ``Authorization: Bearer <expected>``."""
    if expected is None:
        raise ReadOnly("this server is read-only: start it with --write-token to allow writes")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    ok = hmac.compare_digest(given.encode(), expected.encode())  # exact: no trimming
    if scheme.lower() != "bearer" or not ok:
        raise Unauthorized("a valid bearer token is required for writes")


class Guard:
    """ASGI middleware: cap request bodies and add security headers to every response, with a
    ``Server-Timing: app;dur=MS`` header (the time from the request to the response's start:
    for a page, its queries and its rendering)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await self._reject(send)
                return
        seen = 0
        started = False
        t0 = time.perf_counter()

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise TooLarge(f"request body over {self.max_body} bytes")
            return msg

        async def with_headers(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
                took = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}".encode()
                msg["headers"] = [
                    *msg.get("headers", []),
                    *SECURITY_HEADERS,
                    (b"server-timing", took),
                ]
            await send(msg)

        try:
            await self.app(scope, limited, with_headers)
        except TooLarge:
            if not started:
                await self._reject(with_headers)

    async def _reject(self, send: Send) -> None:
        body = json.dumps(
            error_body(TooLarge.code, f"request body over {self.max_body} bytes")
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *SECURITY_HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
