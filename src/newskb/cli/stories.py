"""CLI commands for stories (registered on the main group)."""

from __future__ import annotations
