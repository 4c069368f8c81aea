"""CLI commands for entities (registered on the main group)."""

from __future__ import annotations
