"""Offline API reference: ``/docs`` rendered from the app's own OpenAPI document.

The stock Swagger/ReDoc pages load their scripts from a CDN, which an offline install cannot
reach and a strict content-security policy forbids; this page is plain HTML from the same
schema, so it cannot drift from the routes. ``/redoc`` points to it; ``/favicon.ico`` is the
bundled icon (browsers ask for it on every page).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Param:
    name: str
    where: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    tag: str
    params: tuple[Param, ...]
    body: str


def _kind(schema: dict[str, Any]) -> str:
    """A short type name for a parameter schema (``integer``, ``string | null``, ``Quote``)."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_kind(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_kind(schema.get('items', {}))}"
    kind = str(schema.get("type", "any"))
    if "enum" in schema:
        return f"{kind}: {', '.join(map(str, schema['enum']))}"
    return kind


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every documented operation of an OpenAPI document, ordered by tag then path."""
    out: list[Operation] = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = tuple(
                Param(
                    p["name"],
                    p.get("in", ""),
                    _kind(p.get("schema", {})),
                    bool(p.get("required")),
                    str(p.get("description") or p.get("schema", {}).get("description") or ""),
                )
                for p in op.get("parameters", [])
            )
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            out.append(
                Operation(
                    method.upper(),
                    path,
                    str(op.get("summary", "")),
                    str(op.get("description", "")),
                    str((op.get("tags") or ["other"])[0]),
                    params,
                    _kind(body["schema"]) if "schema" in body else "",
                )
            )
    return sorted(out, key=lambda o: (o.tag, o.path, METHODS.index(o.method.lower())))


def docs_router(app: FastAPI) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    folder = str(resources.files("newskb.web") / "templates")
    tpl = Jinja2Templates(directory=folder)
    tpl.env.autoescape = True
    icon = (resources.files("newskb.web") / "static" / "favicon.svg").read_bytes()

    @r.get("/docs", response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        spec = app.openapi()
        return tpl.TemplateResponse(
            request, "docs.html", {"info": spec.get("info", {}), "ops": operations(spec)}
        )

    @r.get("/redoc")
    def redoc() -> RedirectResponse:
        return RedirectResponse("/docs", status_code=308)

    @r.get("/favicon.ico")
    def favicon() -> Response:
        return Response(
            icon, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"}
        )

    return r
