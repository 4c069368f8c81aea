"""The HTTP API and web app: ``create_app(db, write_token=None)``."""

from __future__ import annotations

from newskb.api.app import create_app

__all__ = ["create_app"]
