"""CLI commands for serve (registered on the main group)."""

from __future__ import annotations
