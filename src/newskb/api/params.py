"""Query parameters and filter handling shared by the JSON API (``/api``) and the HTML pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from newskb.model import QUOTE_MODES
from newskb.store import read

DAY = r"\d{4}-\d{2}-\d{2}"  # YYYY-MM-DD
EVENT_STATUSES = "occurred|planned|hypothetical|negated"
QUOTE_MODE_CHOICES = "|".join(QUOTE_MODES)  # speech|thought|intention|knowledge
QuoteModeParam = Annotated[
    str | None,
    Query(
        pattern=f"^({QUOTE_MODE_CHOICES})$",
        description="what is attributed: " + " | ".join(QUOTE_MODES) + " (default: all)",
    ),
]

Text = Annotated[str | None, Query(max_length=200)]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the last page")]
Limit = Annotated[int, Query(ge=1, le=read.MAX_LIMIT, description="page size (hard limit 100)")]


def given(**values: str | None) -> dict[str, Any]:
    """Filters as the read queries take them: a blank form field counts as not given."""
    return {k: v or None for k, v in values.items()}
