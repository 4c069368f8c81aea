"""CLI commands for serve (registered on the main group): ``newskb serve --db FILE``."""

from __future__ import annotations

import click

from newskb.cli.base import cli, err

SHUTDOWN_S = 3  # SIGTERM: open requests get this long, then the server stops


@cli.command()
@click.option(
    "--db", default="newskb.db", show_default=True, help="Store file (or PostgreSQL URL) to serve."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--write-token",
    envvar="NEWSKB_WRITE_TOKEN",
    default=None,
    help="Allow writes (POST) to clients sending 'Authorization: Bearer TOKEN' "
    "[env NEWSKB_WRITE_TOKEN]. Without it the server is read-only.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes (each with its own read-only connections).",
)
def serve(db: str, host: str, port: int, write_token: str | None, workers: int) -> None:
    """Serve the web app and the JSON API (OpenAPI at /openapi.json) over a store (SQLite file
    or PostgreSQL URL)."""
    import os

    import uvicorn

    from newskb.api import create_app

    app = create_app(db, write_token=write_token or None)  # fails early on a missing store
    shown = f"[{host}]" if ":" in host else host
    mode = "read-write (bearer token)" if write_token else "read-only"
    click.echo(f"newskb serving {db} ({mode}) at http://{shown}:{port}/")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: listening on {host}, reachable from other machines")
    if workers == 1:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            server_header=False,
            timeout_graceful_shutdown=SHUTDOWN_S,
        )
        return
    os.environ["NEWSKB_DB"] = db
    os.environ["NEWSKB_WRITE_TOKEN"] = write_token or ""
    uvicorn.run(
        "newskb.api.app:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        timeout_graceful_shutdown=SHUTDOWN_S,
    )
