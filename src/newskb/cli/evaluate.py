"""``newskb eval``: score each extractor on the development corpora (one sub-command each)."""

from __future__ import annotations

from newskb.cli.base import cli


@cli.group(name="eval")
def eval_group() -> None:
    """Score extractors on the gold corpora in ../shared/corpora."""
