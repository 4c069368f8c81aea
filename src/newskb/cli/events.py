"""CLI commands for events (registered on the main group)."""

from __future__ import annotations
