"""CLI commands for quotes (registered on the main group)."""

from __future__ import annotations
